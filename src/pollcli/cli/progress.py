"""A progress bar on stderr while a big file streams in; only on a terminal, only after a moment."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Files that stream in less than this never show a bar: it would only flicker.
DELAY_SECONDS = 0.5


@contextmanager
def progress_on_terminal() -> Iterator[None]:
    """Report streaming progress as a Rich bar while the block runs, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    from pollcli.read.engines import progress_hook

    started = time.monotonic()
    bar: dict[str, Any] = {}

    def report(name: str, done: int, total: int) -> None:
        if "progress" not in bar:
            if time.monotonic() - started < DELAY_SECONDS:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            from pollcli.render.safe import visible

            progress = Progress(
                TextColumn("{task.description}", markup=False),
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr, highlight=False, markup=False),
                transient=True,
            )
            progress.start()
            bar["progress"] = progress
            bar["tasks"] = {}
        progress = bar["progress"]
        tasks: dict[str, Any] = bar["tasks"]
        if name not in tasks:
            tasks[name] = progress.add_task(visible(name), total=total)
        progress.update(tasks[name], completed=done)

    token = progress_hook.set(report)
    try:
        yield
    finally:
        progress_hook.reset(token)
        if "progress" in bar:
            bar["progress"].stop()
