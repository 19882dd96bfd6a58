"""Any result → standard JSON text: full precision, never NaN, deterministic."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from pollcli.document import Document


def render(result: Document) -> str:
    """The JSON document of a result, as `--format json` prints it."""
    return result.to_json()


def write(result: Document, write: Callable[[str], object]) -> None:
    """`render`'s text, handed to `write` piece by piece (`Document.write_json`)."""
    result.write_json(write)


def write_utf8(result: Document, write: Callable[[bytes], object]) -> None:
    """`write`'s pieces as UTF-8 bytes (`Document.write_json_utf8`), for a UTF-8 stream."""
    result.write_json_utf8(write)


def pieces_utf8(result: Document) -> Iterator[bytes]:
    """`write_utf8`'s pieces, one at a time (`Document.json_utf8_pieces`), for a file."""
    return result.json_utf8_pieces()
