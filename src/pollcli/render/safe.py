"""Text from input files, made harmless for terminals, spreadsheets and Markdown."""

from __future__ import annotations

import functools
import re
from typing import Final


@functools.cache
def _control() -> re.Pattern[str]:
    """C0 and C1 control characters, DEL, the bidirectional overrides that can disguise text, and
    lone surrogates: Python decodes bytes that are not UTF-8 in a file name or an argument as
    U+DC80–U+DCFF (surrogateescape), which no UTF-8 output can hold. Compiled on first use: its
    ranges cost most of this module's import, and a JSON run that shows nothing never needs it."""
    return re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    """Compiled on first use, as the two below: JSON that holds none of them never needs them."""
    return re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@functools.cache
def _surrogate() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile("[\ud800-\udfff]")


# The characters of both patterns above, as their UTF-8 bytes (a surrogate as `surrogatepass`
# writes it): a byte search is some ten times quicker than a character class on 300 MB of JSON.
_JSON_UNSAFE_UTF8: Final[re.Pattern[bytes]] = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xed[\xa0-\xbf]"
)
_UNSAFE_LEADS: Final[tuple[bytes, ...]] = (b"\xc2", b"\xe2", b"\xed")
_LOOKS: Final[int] = 100_000
_FORMULA_START: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")


@functools.cache
def _number() -> re.Pattern[str]:
    """Compiled on first use: only for a cell a spreadsheet would run."""
    return re.compile(r"^[+-]?\d[\d,. ]*%?$")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte Python could not decode, shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`), so an ANSI sequence in a name cannot act."""
    return _control().sub(_escape, text)


def spreadsheet_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)."""
    text = visible(text)
    if text.startswith(_FORMULA_START) and not _number().match(text):
        return "'" + text
    return text


# Backslash first, so that the escapes added after it stay escapes. `[ ] !` would make a name a
# link or an image (`![x](http://evil/pixel.png)` loads a tracking pixel); backtick and `~` would
# make code or strikethrough of it. Parentheses are left as written: no link forms without its
# brackets, and many CMSs show `\(non-party\)` literally.
_MARKDOWN_ESCAPES: Final[tuple[tuple[str, str], ...]] = (
    ("\\", "\\\\"),
    ("|", "\\|"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("*", "\\*"),
    ("_", "\\_"),
    ("[", "\\["),
    ("]", "\\]"),
    ("!", "\\!"),
    ("`", "\\`"),
    ("~", "\\~"),
)


def markdown_cell(text: str) -> str:
    """Text that GitHub-flavoured Markdown shows as written: no markup, link, image or HTML."""
    text = visible(text)
    for char, escaped in _MARKDOWN_ESCAPES:
        text = text.replace(char, escaped)
    return text


# A number and a full stop at a line's start: Markdown reads it as an ordered list's item.
_NUMBERED: Final = re.compile(r"(\d+)\. ")


def markdown_bullets(notes: list[str]) -> list[str]:
    """Findings as a Markdown list, a bullet each. A numbered note after one that ends with a colon
    (`ranked …:`, then `1. …`, `2. …`) is an item of a list nested under it; elsewhere its number
    is written as text (a bullet `- 1. …` would open a list of its own inside the bullet)."""
    out = []
    under = False
    for note in notes:
        text = markdown_cell(note)
        numbered = _NUMBERED.match(text)
        if numbered and under:
            out.append(f"  {text}")
            continue
        under = text.endswith(":")
        out.append("- " + (_NUMBERED.sub(r"\1\\. ", text, count=1) if numbered else text))
    return out


def json_text(text: str) -> str:
    """JSON already escapes C0 controls; C1 and DEL pass through `ensure_ascii=False`, so escape them
    too. A lone surrogate (an undecodable byte of a file name) becomes the text `\\xff`, as `visible`
    shows it: a JSON escape `\\udcff` would be valid JSON that strict parsers refuse."""
    if not _may_be_unsafe(text):
        return text
    text = _json_unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return _surrogate().sub(lambda m: "\\" + _escape(m), text)


def _may_be_unsafe(text: str) -> bool:
    """Whether `json_text` has anything to escape, told quickly: on bytes, looking only where the
    lead byte of such a character is (a dash in every race's notes is common; C1 controls are
    not), and with one pattern search over the whole text when those are too many to look at."""
    if text.isascii():
        return "\x7f" in text
    return utf8_may_be_unsafe(text.encode("utf-8", "surrogatepass"))


def utf8_may_be_unsafe(raw: bytes) -> bool:
    """`_may_be_unsafe` of a text given as its UTF-8 bytes (a surrogate as `surrogatepass` writes
    it): what JSON written as bytes (`document.Document.write_json_utf8`) is looked at with."""
    if b"\x7f" in raw:
        return True
    looks = _LOOKS
    for lead in _UNSAFE_LEADS:
        at = raw.find(lead)
        while at != -1:
            if _JSON_UNSAFE_UTF8.match(raw, at):
                return True
            looks -= 1
            if not looks:
                return _JSON_UNSAFE_UTF8.search(raw) is not None
            at = raw.find(lead, at + 1)
    return False
