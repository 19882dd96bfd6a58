"""Bytes → text: byte-order marks, the encoding, and a clear problem (never mojibake) when bytes do not
decode. The streaming engine uses `Transcoder` to turn blocks of any encoding into UTF-8 bytes, so its
CSV parser only ever sees UTF-8 and a multibyte character can never be split at a delimiter."""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Final

from pollcli.dataclass import dataclass
from pollcli.errors import UsageError
from pollcli.problems import Code, Found, Problem

if TYPE_CHECKING:
    from pollcli.read.detect import Utf8Cell

UTF16_BOMS: Final[tuple[bytes, ...]] = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LONE_CR: Final[re.Pattern[str]] = re.compile("\r(?!\n)")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; a usage error for an unknown name."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}; try utf-8, cp1251, cp1252, latin-1 or utf-16"
        ) from None
    # Python's codecs also hold transforms (rot13, base64, zlib…) and 'undefined', which decodes
    # nothing; `bytes.decode` refuses the first and the second raises on any byte.
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise UsageError(
            f"--encoding {encoding!r} is not a text encoding; "
            "try utf-8, cp1251, cp1252, latin-1 or utf-16"
        )
    return info.name


def guess_encoding(data: bytes) -> tuple[str | None, str]:
    """For bytes with NULs: UTF-16 without a byte-order mark, or not text at all."""
    nuls = data.count(b"\x00")
    if nuls > len(data) // 4 and nuls * 3 < len(data) * 2:
        return "utf-16", "many NUL bytes, as in UTF-16 without a byte-order mark"
    return None, "it holds NUL bytes, so it is probably not a CSV text file"


def codec_for(data: bytes, encoding: str | None) -> str:
    """The codec that reads `data` (its first bytes are enough): the given one, or UTF-8/UTF-16 by
    byte-order mark. A BOM is never part of the first header."""
    if encoding is None:
        if data.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if data.startswith(UTF16_BOMS):
            return "utf-16"
        return "utf-8"
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


def codec_is_unicode(codec: str) -> bool:
    """UTF-8, -16 or -32: a codec no valid UTF-8 file is misread by."""
    return codecs.lookup(codec).name.startswith("utf")


def decode(data: bytes, found: Found, encoding: str | None) -> str | None:
    """Text of the file, or None after recording an `encoding-error`. Never mojibake, and never a
    guess applied: bytes that do not decode are named with the encodings they may be in
    (`read.detect`, charset-normalizer), or, in a UTF-8 file with a few stray bytes, every line that
    holds them is an error and the rest of the file is still read (U+FFFD in their place) so that
    its other problems are found too."""
    codec = codec_for(data, encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            name, why = guess_encoding(data)
            found.add(
                Code.ENCODING_ERROR,
                data[: exc.start].count(b"\n") + 1,
                f"bytes {data[exc.start : exc.start + 4].hex(' ')} do not decode as "
                f"{codec.removesuffix('-sig')}; "
                + (f"the file looks like {name} ({why}): pass --encoding {name}" if name else why),
            )
            return None
        from pollcli.read.detect import undecodable  # charset-normalizer: only on this path

        return undecodable(data, codec, found)
    if "\x00" in text:
        # NUL is valid UTF-8 but never part of a results table: UTF-16 without a BOM, or not text.
        name, why = guess_encoding(data)
        found.add(
            Code.ENCODING_ERROR,
            text[: text.index("\x00")].count("\n") + 1,
            "the file holds NUL bytes; "
            + (f"it looks like {name} ({why}): pass --encoding {name}" if name else why),
        )
        return None
    if not codec_is_unicode(codec) and not data.isascii():
        from pollcli.read.detect import utf8_misread

        utf8_misread(data, codec, found)
    return text


@dataclass
class Transcoder:
    """Blocks of a file in `codec` → the same text as UTF-8 bytes, for a parser that reads UTF-8 only.

    Incremental, so a character split between two blocks is decoded whole; `None` from `feed` means
    the block does not decode (the caller hands the block to the exact parser, which names the line).
    """

    codec: str
    # Lone carriage returns end lines (an old Mac export): each becomes a line feed, so a parser that
    # splits lines at LF counts them as the exact engine does.
    lone_cr: bool = False

    def __post_init__(self) -> None:
        self.passthrough = codecs.lookup(self.codec).name == "utf-8" and not self.lone_cr
        self._decoder = codecs.getincrementaldecoder(self.codec)()
        self._held = ""
        # The first bytes that are not ASCII, whole lines of them: is it UTF-8 read with a one-byte
        # --encoding? (`detect.utf8_misread` says so, as the exact engine does for the whole file.)
        self.sample = b""
        # In a one-byte encoding, the cells written in UTF-8 (`detect.utf8_cells`), found in whole
        # lines: the bytes after the last line end wait for the next block.
        self.one_byte = not self.passthrough and not codec_is_unicode(self.codec)
        self.cells: list[Utf8Cell] = []
        self._tail = b""
        self._line = 1

    def feed(self, block: bytes, final: bool = False) -> bytes | None:
        if self.passthrough:
            return block
        if not self.sample and not block.isascii():
            self.sample = block[: block.rfind(b"\n") + 1] or block
        if self.one_byte:
            self._scan(block, final)
        try:
            text = self._decoder.decode(block, final)
        except UnicodeDecodeError:
            return None
        if self.lone_cr:
            text, self._held = self._held + text, ""
            if text.endswith("\r") and not final:
                text, self._held = text[:-1], "\r"  # a CRLF may be split between two blocks
            text = _LONE_CR.sub("\n", text)
        return text.encode("utf-8")

    def _scan(self, block: bytes, final: bool) -> None:
        from pollcli.read.detect import utf8_cells

        newline = b"\r" if self.lone_cr else b"\n"
        data = self._tail + block
        cut = len(data) if final else data.rfind(newline) + 1
        lines, self._tail = data[:cut], data[cut:]
        if not lines.isascii():
            self.cells += utf8_cells(lines, self.codec, self._line, newline)
        self._line += lines.count(newline)


def garbled_lines(problems: list[Problem]) -> set[int]:
    """The lines whose stray bytes were read as U+FFFD (`decode`), with an `encoding-error` each.
    A record over several lines is matched by its first line only: stray bytes further down it
    stay an error of the whole file."""
    return {
        p.line
        for p in problems
        if p.code == Code.ENCODING_ERROR and p.severity == "error" and p.line is not None
    }
