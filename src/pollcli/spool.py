"""Standard input as the engines need it: checked before it is read, and a big one kept in a
temporary file (the spool) that never outlives the run.

The streaming engine reads a file by offset, block by block on two threads, which a pipe does not
allow; so a big standard input is first copied into a temporary file. That file must go whatever
happens: an error, a full disk, Ctrl-C, and also SIGTERM or SIGHUP, whose default action ends the
process without running a single `finally`. While the spool exists, those signals (where they still
have their default action) are caught; the spool is removed, the previous action restored and the
signal raised again, so the process ends as it would have (status 143 or 129 in a shell). A signal
that is ignored (`nohup`) or handled by the host program is left alone. Ctrl-C raises
KeyboardInterrupt, which removes the spool on its way out.
"""

from __future__ import annotations

import os
import secrets
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import BinaryIO, Final

from pollcli.errors import InputError, UsageError

CHUNK_BYTES: Final[int] = 1 << 20
# Signals whose default action would end the process and leave the spool behind.
SIGNALS: Final[tuple[signal.Signals, ...]] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
PREFIX: Final[str] = "pollcli-stdin-"

Handler = Callable[[int, FrameType | None], object] | int | None


def standard_input() -> BinaryIO:
    """The bytes of standard input; a usage error when there is nothing to read from."""
    stream = sys.stdin
    if stream is None or stream.closed:  # `pollcli summary - <&-`: Python sets sys.stdin to None
        raise InputError(
            "standard input is closed; pipe the file in (… | pollcli summary -) "
            "or name it instead of '-'"
        )
    # A text stream's bytes; a binary stream put in its place (tests, notebooks) as it is.
    buffer: BinaryIO = stream.buffer if hasattr(stream, "buffer") else stream  # type: ignore[assignment]
    return buffer


def read(stream: BinaryIO, size: int = -1) -> bytes:
    """`stream.read(size)`; a descriptor that cannot be read is a usage error, not a crash."""
    try:
        return stream.read(size)
    except OSError as exc:
        raise InputError(f"standard input cannot be read ({exc.strerror or exc})") from None


class _Signalled(BaseException):
    """Raised by the handler, so that the `finally` blocks run; not an Exception, so that no
    `except Exception` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_signalled(signum: int, _frame: FrameType | None) -> None:
    raise _Signalled(signum)


def _catch_signals() -> dict[int, Handler]:
    """Install the handler for the signals that still have their default action; their previous
    handlers. Only the main thread may set handlers: elsewhere, nothing is installed."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Handler] = {}
    for signum in SIGNALS:
        if signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _raise_signalled)
    return previous


def _restore(previous: dict[int, Handler]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


@contextmanager
def spooled(head: bytes, rest: BinaryIO) -> Iterator[Path]:
    """A temporary file holding `head` and then the rest of `rest`; removed when the block ends,
    however it ends. A full disk is a usage error that names the directory."""
    previous = _catch_signals()
    directory = Path(tempfile.gettempdir())
    path = directory / f"{PREFIX}{secrets.token_hex(8)}.csv"
    try:
        try:
            _fill(path, head, rest)
            yield path
        finally:
            path.unlink(missing_ok=True)
            _restore(previous)
    except _Signalled as caught:
        path.unlink(missing_ok=True)  # in case the signal cut the `finally` short
        signal.raise_signal(caught.signum)  # the default action: the process ends here
        raise KeyboardInterrupt from None  # a handler set meanwhile returned: stop all the same


def _fill(path: Path, head: bytes, rest: BinaryIO) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as spool:
            spool.write(head)
            while chunk := read(rest, CHUNK_BYTES):
                spool.write(chunk)
    except OSError as exc:
        raise UsageError(
            f"standard input cannot be kept in a temporary file in {path.parent} "
            f"({exc.strerror or exc}); free some space there, or set TMPDIR to a directory "
            "with room, or give the file's name instead of '-'"
        ) from None
