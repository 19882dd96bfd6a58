"""The cyclic garbage collector, paused while pollcli makes its many objects.

Reading a file makes hundreds of thousands of objects (records, rows, options), none of them in a
cycle, and each collection walks them all again: a third of the exact engine's time on 100k rows.
Reference counting frees them as usual; only the cycle search waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The collector paused for the block, and restored as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
