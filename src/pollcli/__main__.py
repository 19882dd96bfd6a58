"""`pollcli` and `python -m pollcli`: the command line, with the cyclic garbage collector paused from
the first import to the exit, and what the process made left out of the walk at exit."""

import gc
import sys


def main() -> None:
    # Importing (Typer, Pydantic) makes many objects and no garbage, and the command runs with the
    # collector paused anyway (`cli.run`, `collector.paused_gc`): a run is one short process that
    # makes many objects and few cycles. Paused here, before pollcli.cli imports Typer, not in the
    # library, whose callers keep their collector. Not enabled again between the imports and the
    # command: enabling it made one pass over every object the command had made as it ended
    # (some 10 ms of the everyday run), and nothing else.
    gc.disable()
    from pollcli.cli import run  # imported with the collector paused

    code = run()
    # Python walks every object once more as it exits, looking for cycles to free; what the run
    # made is freed with the process anyway. Frozen objects are left out of that walk.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    main()
