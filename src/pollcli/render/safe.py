"""Text from input files, made harmless for terminals, spreadsheets and Markdown."""

from __future__ import annotations

import re
from typing import Final

# C0 and C1 control characters, DEL, and the bidirectional overrides that can disguise text.
_CONTROL_RE: Final[re.Pattern[str]] = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d[\d,. ]*%?$")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`), so an ANSI sequence in a name cannot act."""
    return _CONTROL_RE.sub(_escape, text)


def spreadsheet_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)."""
    text = visible(text)
    if text.startswith(_FORMULA_START) and not _NUMBER_RE.match(text):
        return "'" + text
    return text


def markdown_cell(text: str) -> str:
    text = visible(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
