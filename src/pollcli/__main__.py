from pollcli.cli import main

main()
