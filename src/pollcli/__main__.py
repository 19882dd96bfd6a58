"""`pollcli` and `python -m pollcli`: the command line, with the cyclic garbage collector paused from
the first import on."""

import gc
import sys


def main() -> None:
    # A run is one short process that makes many objects and few cycles, from its first import
    # (Typer, Pydantic) to its output: the collector's passes only slow it down, as while a file is
    # read (`collector.paused_gc`). Paused here, before pollcli.cli imports Typer, not in the
    # library, whose callers keep their collector.
    gc.disable()
    from pollcli.cli import run  # imported with the collector paused

    code = run()
    # Python walks every object once more as it exits, looking for cycles to free; what the run
    # made is freed with the process anyway. Frozen objects are left out of that walk.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    main()
