"""Where a file's bytes come from: a path, or standard input (`-`), and how messages name it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

from pollcli.errors import UsageError

STDIN_NAME: Final[str] = "<stdin>"
Source = str | Path


def display_name(source: Source) -> str:
    return STDIN_NAME if str(source) == "-" else str(source)


def stem(name: str) -> str:
    """The default election label of a file: its name without folder and extension."""
    return "stdin" if name.startswith("<") else Path(name).stem


def read_bytes(source: Source) -> bytes:
    """The raw bytes of a file, or of standard input for `-`. A missing file is a usage error."""
    if str(source) == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, not a CSV file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None
