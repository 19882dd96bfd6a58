"""Footnote lines below a table: notes, not rows.

Clear Ballot's summary export (Boulder County, 2025) ends with a blank row and
`"* Active Voters are total voters in the precinct. Not all voters may …",,,,,,,`; other
publishers with a `Source: …` line. Read as a row, such a line was a race refused for its blank
name, or an error for its one cell ("1 cell but the header has 3"). The lines at a table's end
(blank rows between them aside) whose only filled cell is the first, opening with a footnote mark
(`*`, `†`, `‡`, `§`) or a note's word and a colon (`Source:`, `Note:`, `Quelle:`…), are left out
with a note. Both engines alike: the exact engine leaves them out of its records (`trim`), and the
streaming engine leaves a file whose last bytes end so to the exact engine (`at_end`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from pollcli.problems import Found
from pollcli.read.counttail import tail
from pollcli.read.dialect import read_records
from pollcli.read.preamble import is_number

if TYPE_CHECKING:
    from pathlib import Path

    from pollcli.read.dialect import RawTable

MARKS: Final[str] = "*†‡§"
WORDS: Final[frozenset[str]] = frozenset(
    {"source", "sources", "note", "notes", "footnote", "footnotes", "quelle", "quellen",
     "fuente", "fuentes", "nota", "notas", "remarque", "remarques", "anmerkung", "hinweis",
     "reference", "references", "referencia", "referencias", "référence", "références"}
)  # fmt: skip


@functools.cache
def _word() -> re.Pattern[str]:
    """Compiled on first use: only for a file that ends in notes."""
    return re.compile(r"([^\W\d_]+)\s*:")


# The file's last bytes the streaming engine looks at (a few footnotes' lines).
TAIL_BYTES: Final[int] = 16 << 10
SHOWN: Final[int] = 60


def footnote(cells: Sequence[str]) -> str | None:
    """The text of a footnote line: its first cell the only one filled, opening with a footnote
    mark and words, or with a note's word and a colon; or a note's word and colon alone in the
    first cell, its text (no number) in the second, the only other one filled (Bogotá's tables by
    locality: `Referencia:,http://…pdf`); else None."""
    text = cells[0].strip() if cells else ""
    if len(cells) > 1 and cells[1].strip() and not any(c.strip() for c in cells[2:]):
        word = _word().fullmatch(text)
        said = cells[1].strip()
        if word is not None and word.group(1).casefold() in WORDS and not is_number(said):
            return f"{text} {said}"
        return None
    if not text or any(c.strip() for c in cells[1:]):
        return None
    words = text.lstrip(MARKS).strip()
    if text[0] in MARKS and any(ch.isalpha() for ch in words):
        return text
    word = _word().match(text)
    return text if word is not None and word.group(1).casefold() in WORDS else None


def _lines(records: Sequence[tuple[int, Sequence[str]]]) -> list[tuple[int, str]]:
    """The footnote lines at the records' end, blank rows between them aside, first first."""
    found: list[tuple[int, str]] = []
    for line, cells in reversed(records):
        if not any(c.strip() for c in cells):
            continue
        text = footnote(cells)
        if text is None:
            break
        found.append((line, text))
    return found[::-1]


def trim(table: RawTable) -> None:
    """Leave the footnote lines at the table's end out of its records, with a note."""
    if len(table.header) < 2 or not table.records:
        return
    found = _lines(table.records)
    if not found:
        return
    lines = {line for line, _ in found}
    table.records = [(line, cells) for line, cells in table.records if line not in lines]
    line, text = found[0]
    shown = text if len(text) <= SHOWN else text[:SHOWN].rstrip() + "…"
    more = f" and {len(found) - 1:,} more" if len(found) > 1 else ""
    table.notes.append(
        f"{len(found):,} footnote line(s) below the table are left out: line {line:,} "
        f"({shown!r}){more}."
    )


def at_end(path: Path, size: int, codec: str, delimiter: str) -> bool:
    """Whether the file's last lines are footnotes (`trim`): the streaming engine then leaves the
    file to the exact engine, which leaves them out alike."""
    raw = tail(path, size, TAIL_BYTES)
    if raw is None:
        return False
    start = raw.find(b"\n") + 1 if size > TAIL_BYTES else 0  # (the first line is likely cut)
    text = raw[start:].decode(codec, errors="replace")
    return bool(_lines(read_records(text, 1, delimiter, Found(str(path)))))
