"""Rows of counts for every race at a file's end, seen before the streaming engine reads it.

Florida's precinct files give each precinct's `Registered Voters` and `Ballots Cast` as rows of their
own (an office of counts, no candidate) after every race. The streaming engine keeps such rows by
precinct when the head shows them (`countrows.counts_in_head`); met only below the head, they had
the whole file read a second time to keep them (`countrows.met_later`): about a second of CPU in a
file of a million rows, the first reading's. The last rows are now looked at first (`at_end`), and a
file whose tail holds rows of counts of no name is read once, as that second reading reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from pollcli.problems import Found
from pollcli.read.dialect import read_records

if TYPE_CHECKING:
    from pathlib import Path

    from pollcli.read.decode import Transcoder
    from pollcli.read.dialect import RawTable
    from pollcli.read.options import ReadOptions
    from pollcli.read.racekeys import PartyRule
    from pollcli.read.records import CellReader

# The file's last bytes looked at: some 700 rows of Florida's, a few milliseconds to split.
TAIL_BYTES: Final[int] = 64 << 10


def at_end(
    path: Path,
    size: int,
    transcoder: Transcoder,
    table: RawTable,
    reader: CellReader,
    options: ReadOptions,
    party: PartyRule | None,
    again: object,
) -> bool:
    """Whether the file's last rows count their precinct for every race with no name, as the
    first reading would find (`countrows.met_later`): the file is then read once, with them kept
    by precinct. Not for a file read again (`again`), of no precinct column or not UTF-8; not
    for ES&S's named count rows, which such a reading hands to the exact engine after all. (The
    tail's first line, cut or the header, is left out; rows unlike the header's width too.)"""
    if again is not None or not transcoder.passthrough or "unit" not in reader.columns.present:
        return False
    raw = tail(path, size, TAIL_BYTES)
    if raw is None:
        return False
    start = raw.find(b"\n") + 1  # (the first line is likely cut)
    try:
        text = raw[start:].decode("utf-8")
    except UnicodeDecodeError:
        return False
    if not start or "\r" in text.replace("\r\n", ""):
        return False  # one line, or lone carriage returns: the reading tells
    from pollcli.read.countrows import counts_in_head  # (a file of precincts only: not at start)

    records = read_records(text, 1, table.delimiter, Found(table.name))
    # What reading a row notes (invisible characters, names read as counts or parties) is noted
    # when the reading meets it, in its turn: not here.
    noted = reader.invisible, set(reader.votes_as_ballots), set(reader.party_named)
    try:
        found = counts_in_head(records, reader, options, party)
    finally:
        reader.invisible = noted[0]
        reader.votes_as_ballots.intersection_update(noted[1])
        reader.party_named.intersection_update(noted[2])
    # (None: rows this engine would not keep so, --where say, which may leave them out: the file
    # is read as before, the rows summed first.)
    return found is not None and bool(found) and not found.named


def tail(path: Path, size: int, limit: int) -> bytes | None:
    """The last `limit` bytes of a file of `size` bytes, or None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, size - limit))
            return handle.read(limit)
    except OSError:
        return None
