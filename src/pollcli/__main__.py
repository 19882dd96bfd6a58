"""`pollcli` and `python -m pollcli`: the command line, with the cyclic garbage collector paused while
it imports, and what the imports made left out of its passes."""

import gc
import sys


def main() -> None:
    # Importing (Typer, Rich, Pydantic) makes many objects and no garbage: the collector's passes
    # over them only slow start-up. Paused while importing, then the imported objects are frozen
    # (left out of every later pass) and the collector runs as usual for the command itself
    # (paused again while a file is read, `collector.paused_gc`). Done here, before pollcli.cli
    # imports Typer, not in the library, whose callers keep their collector.
    gc.disable()
    from pollcli.cli import run  # imported with the collector paused

    gc.freeze()
    gc.enable()
    code = run()
    # Python walks every object once more as it exits, looking for cycles to free; what the run
    # made is freed with the process anyway. Frozen objects are left out of that walk.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    main()
