"""`pollcli` and `python -m pollcli`: the command line, with the cyclic garbage collector paused from
the first import to the exit, and the exit made without Python's teardown where nothing needs it."""

import gc
import os
import sys


def main() -> None:
    # Importing (Typer, Pydantic) makes many objects and no garbage, and the command runs with the
    # collector paused anyway (`cli.run`, `collector.paused_gc`): a run is one short process that
    # makes many objects and few cycles. Paused here, before pollcli.cli imports Typer, not in the
    # library, whose callers keep their collector. Not enabled again between the imports and the
    # command: enabling it made one pass over every object the command had made as it ended, and
    # nothing else.
    gc.disable()
    # Arrow's buffers (the streaming engine's blocks) from the C library's allocator rather than
    # Arrow's own pool (mimalloc), which kept the memory of blocks read and let go: the peak of a
    # summary of 10,000 races of 100 candidates (bench elections_1M) 621-626 MiB, 571 with this,
    # its validate 575-585 / 569, party_lists' 592-599 / 552 and 495 / 463, the CPU the same. A
    # pool the user names (ARROW_DEFAULT_MEMORY_POOL) is kept; the library's callers keep theirs.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    from pollcli.cli import run  # imported with the collector paused

    code = run()
    if _nothing_left_to_do():
        os._exit(code)  # the process's memory and files are the system's to free, at once
    # Python walks every object once more as it exits, looking for cycles to free; what the run
    # made is freed with the process anyway. Frozen objects are left out of that walk.
    gc.freeze()
    sys.exit(code)


def _nothing_left_to_do() -> bool:
    """Whether Python's teardown at exit would only free memory: the output is flushed, no exit
    handler is registered (a library's, a chart's), no other thread runs. Then `os._exit` spares
    the teardown, which dismantles every module and object one by one. Otherwise the usual exit,
    which runs them."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False  # (a reader gone away): the usual exit says what it says
    import atexit

    handlers = getattr(atexit, "_ncallbacks", None)  # CPython's; elsewhere, the usual exit
    threading = sys.modules.get("threading")
    return (
        handlers is not None
        and handlers() == 0
        and (threading is None or threading.active_count() == 1)
    )


if __name__ == "__main__":
    main()
