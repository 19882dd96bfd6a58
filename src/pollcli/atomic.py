"""Files written whole or not at all: a temporary file beside the target, renamed over it.

A full disk, an interrupted run or a crash then leaves the previous file as it was and no
temporary file behind. Used for every file pollcli writes: `--output`, `--svg`, `--html`, `--chart`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO


def write_bytes(target: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Write `data` to `target`, or raise OSError as `open` would, the file left as it was.

    `data` may come in pieces, written as they come (a summary's 330 MB of JSON, never held
    whole). Through a symbolic link the link stays and the file it names is replaced; a device or
    a named pipe (`/dev/null`, `/dev/stdout`) has nothing to replace and is written through."""
    path = Path(os.path.realpath(target))
    mode: int | None = None
    with contextlib.suppress(FileNotFoundError):
        mode = path.stat().st_mode
    if mode is not None and not stat.S_ISREG(mode):
        with path.open("wb") as handle:
            _write(handle, data)
        return
    _replace(path, data, mode)


def _write(handle: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    if isinstance(data, bytes):
        handle.write(data)
        return
    for piece in data:
        handle.write(piece)


def existed(target: str | Path) -> bool:
    """Whether `target` names an existing file (for the message after a failed write)."""
    return os.path.exists(target)


def _replace(path: Path, data: bytes | Iterable[bytes], mode: int | None) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 less the umask, as for any new file; a replaced file keeps its own permissions.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except PermissionError:
        if mode is None:
            raise
        # A writable file in a directory we may not add to: in place, as the only way left.
        with path.open("wb") as handle:
            _write(handle, data)
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(mode))
            _write(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
