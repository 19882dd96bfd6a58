"""The advice for an option listed again in one unit of an election (`read.assemble`): a repeated
row, two precincts of one name, namesakes, a candidate's party lines, or rows of no unit; and the
party an option added up from several lines is shown with (`shown_party`)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence

from pollcli.columns import option_key
from pollcli.namekeys import party_key
from pollcli.read.records import Record
from pollcli.read.total_words import bare_write_in, is_total_name
from pollcli.read.unitparts import numbered_within


def repeat_advice(
    rows: list[Record],
    lines: Sequence[int],
    election: str,
    where: str,
    unit_column: str | None,
    unit: str,
    codes: Sequence[str] = (),
    party_column: str | None = None,
    region_column: str | None = None,
    parties: bool = False,
) -> list[str]:
    """Advice that fits an option listed again on each of `lines` (its rows in one unit, first
    first); `unit`: how to read rows of several places or counts (`unitparts.rows_advice`);
    `codes`: unused columns of place codes that may tell two units of one name apart;
    `party_column`: the party column's header, if any; `region_column`: the region column's,
    where the options are parties (no candidate column: no namesakes, no candidate's party lines)
    and the rows have no unit; `parties`: whether the options are parties. What the lines share is worked out once:
    an option listed hundreds of times in one unit (a file whose race and unit columns are not
    read) is advised in time proportional to its rows, not their square."""
    first = rows[0]
    # (A row the streaming engine summed into another of the same cells: `same_cell_lines`.)
    at: dict[int, Record] = {}
    for row in rows:
        for line in (row.line, *row.same_cell_lines):
            at.setdefault(line, row)
    twin = next((r for r in rows[1:] if r.line == first.line), None)
    differ = ""  # the advice where a unit's two rows differ in figures, if the unit column tells
    twin_named = twin is not None and twin.row.candidate != first.row.candidate
    if twin is not None and twin_named:
        # Two columns of one row: a wide table's options headed alike (Sri Lanka's `IND 1` and
        # `IND1`, groups of two districts), which no candidate_id or party tells apart.
        alias = shlex.quote(f"{twin.row.candidate}={twin.row.candidate} (2)")
        advice = (
            f": the columns {first.row.candidate!r} and {twin.row.candidate!r} name one "
            f"option, case, spacing and punctuation aside; if they are two options, give one "
            f"another name: --alias {alias}; if they are one, add them up in one column"
        )
        differ = advice
    elif first.row.unit and unit_column:
        # A precinct named twice (KY 2018: Boyd's A122): two precincts of one name, or a corrected
        # row beside the old one, never one candidate's party lines.
        advice = f": {unit_column} {first.row.unit!r} appears twice"
        differ = advice + (
            "; if these are two precincts of one name, give them apart names in the "
            f"{unit_column!r} column{numbered_within(first.row.unit, unit_column)}"
            + (
                f", or read them by a column of codes that tells them apart too: --unit "
                f"{unit_column},{codes[0]}"
                if codes
                else ""
            )
            + "; if one row corrects the other, remove the old one"
            + _lines_advice(rows, party_column)
        )
        advice += "; remove the repeated row"
    else:
        # Rows with a blank precinct that are no total (`read.totals`) are counted as one unit:
        # listed twice there (mail and provisional ballots…), they want names.
        blank = (
            f"; or give these rows a {unit_column!r} (MAIL, PROVISIONAL…; TOTALS for a total)"
            if unit_column
            else ""
        )
        listed = sum(1 + len(r.same_cell_lines) for r in rows)
        if unit_column is None and (listed > 2 or (parties and listed > 1)):
            # Rows of precincts under a header pollcli does not read as one (`division_alias`):
            # an option three times in one place (namesakes come in twos), or a party twice (a
            # party list has no namesake: two municipalities' councils). Rows counted with
            # those the streaming engine summed into one record (`same_cell_lines`), as the
            # exact engine's.
            blank = f"; or, {unit}"
        advice = (
            # A party list has no namesake and no party lines (Portugal's local results by
            # municipality code were told of both).
            f"; a party is listed once in a race's place: remove one if it is repeated{blank}"
            if parties
            else "; remove one if it is repeated; if these are two candidates of one name "
            "(namesakes), a column named 'candidate_id' (a number per candidate, such as the "
            "ballot's serial number; in the header, or in --columns) tells them apart; if one "
            f"candidate ran on several party lines, give each row its party{blank}"
        )
    said = []
    for line in lines:
        again = at.get(line, first)
        # (Figures only for a unit column's precincts: without one the streaming engine sums
        # rows of the same cells, seen as one, and both engines must agree; geography gives no
        # unit column.)
        figures = ""
        if again is not first and first.votes != again.votes and first.row.unit and unit_column:
            figures = (
                f" with different figures ({first.votes} on line {first.line}, {again.votes} here)"
            )
        name = first.row.candidate
        if again.row.candidate != name:  # one option by its key: "Abell" is "A. Bell" again
            name = (
                f"{again.row.candidate!r} (read as {name!r}: case, spacing and punctuation aside)"
            )
        else:
            name = repr(name)
        head = (
            f"{name} is listed again in election {election!r}{where}{figures}"
            if figures
            else f"{name} is listed again (first on line {first.line}) in election "
            f"{election!r}{where}"
        )
        if region_column and unit_column is None and first.row.region and not twin_named:
            said.append(head + _listed_twice(region_column, first, again, line))
        else:
            said.append(head + (differ if figures else advice))
    return said


def _listed_twice(region_column: str, first: Record, again: Record, line: int) -> str:
    """Party lists listed twice in a region of no unit (Eligendo's SUD AFRICA: a block of 0 votes,
    0 ballots cast, beside the counted one): two parts of it, or a copy."""
    region = first.row.region
    figures = (  # (rows of the same cells the streaming engine summed: alike)
        f"line {first.line}: {_votes(first)}; line {line}: {_votes(again)}"
        if again is not first
        else f"lines {first.line} and {line}, alike"
    )
    return (
        f": {region_column} {region!r} lists it twice ({figures}); if these are two parts of "
        f"{region!r} (two polling places or consulates), give them apart names in the "
        f"{region_column!r} column ({region} 1, {region} 2); if one block is a copy of the "
        "other, remove its rows"
    )


def _votes(record: Record) -> str:
    return "no votes" if record.votes is None else f"{record.votes:,} votes"


def _lines_advice(rows: list[Record], party_column: str | None) -> str:
    """Where the file has a party column and no row of the option in its unit fills it in: they
    may be one candidate's party lines with the party left blank (OpenElections' Genesee 2018:
    Cuomo on four blank lines in precinct `Alabama 1`, told as the precinct appearing twice)."""
    if party_column is None or any(r.row.party for r in rows):
        return ""
    return (
        f"; if {rows[0].row.candidate!r} stands on several party lines with their {party_column!r}"
        " cells blank, give each row its party (--fusion then adds them up)"
    )


def write_in_line(rows: list[Record], election: str, where: str) -> str | None:
    """The note for a candidate's rows in one unit that are their ballot line and their write-in
    line (the file's write-in cell says so, `Record.write_in`; one name and one party: MEDSL's 2016
    Maryland lists Trump's 259 write-in votes beside his 943,169), added up by the assembly; None
    where the rows are anything else (a repeated row, namesakes: `repeat_advice`)."""
    ballot = [r for r in rows if not r.write_in]
    written = [r for r in rows if r.write_in]
    parties = {r.row.party for r in rows} - {None, ""}
    if (
        len(ballot) != 1
        or not written
        or len(parties) > 1
        or any(r.same_cell_lines or r.row.kind != "candidate" or r.votes is None for r in rows)
    ):
        return None
    (main,) = ballot
    total = sum(r.votes or 0 for r in rows)
    shown = ", ".join(f"line {r.line}: {r.votes:,}" for r in written)
    return (
        f"{main.row.candidate!r} is listed on the ballot (line {main.line}: {main.votes:,} votes) "
        f"and as a write-in ({shown}) in election {election!r}{where}, as the file's write-in "
        f"cells say: one candidate's votes, added up ({total:,})."
    )


def write_in_count(records: Iterable[Record]) -> bool:
    """Whether a race lists a write-in count whose party cell says it totals the write-ins (York
    County's `Write-In` of party `Total`), beside which names written in are its parts."""
    return any(bare_write_in(r.row.candidate) and is_total_name(r.row.party or "") for r in records)


def spelt_write_in(rows: list[Record], election: str, where: str, counted: bool) -> str | None:
    """The note for a name written in, listed again in one unit, added up; None otherwise. Rows
    whose party cell says they are write-ins (Vermont's 2018 file: `PHIL ROBERTSON` of party
    `Write-in` twice in Orwell refused the governor's race), or, in a race that lists a write-in
    count whose party cell says it totals them (`counted`: York County's 2025 file, its `Write-In` of
    party `Total` beside the names it counts; a bare `Write-in` line may be one more option), rows of
    no party each spelt its own way (`R. J. FISHER` and `RJ FISHER`: the District Attorney's race
    was refused; a repeated row is spelt alike)."""
    names = [r.row.candidate for r in rows]
    if any(r.votes is None for r in rows):
        return None
    said = all(bare_write_in(r.row.party or "") for r in rows)
    spelt = counted and len(set(names)) == len(names) and not any(r.row.party for r in rows)
    if not said and (not spelt or any(r.same_cell_lines for r in rows)):
        return None
    # (Rows of the same cells the streaming engine summed into one record: their lines with it.)
    lines = sorted(line for r in rows for line in (r.line, *r.same_cell_lines))
    votes = sum(r.votes or 0 for r in rows)
    if said:
        return (
            f"{names[0]!r} is listed {len(lines)} times as a write-in (its party cells say so) in "
            f"election {election!r}{where}, lines {', '.join(map(str, lines))}: one write-in's "
            f"votes, added up ({votes:,})."
        )
    shown = ", ".join(f"{r.row.candidate!r} (line {r.line}: {r.votes:,})" for r in rows)
    return (
        f"A name written in is spelt {len(rows)} ways in election {election!r}{where}: {shown}; "
        f"one write-in's votes, added up ({votes:,})."
    )


def shown_party(kind: str, parties: Iterable[str | None]) -> str | None:
    """The party of an option added up from lines of these `parties` (each may be several, joined
    by " / "): every party once, in their order (a candidate's party lines; a party written two
    ways, `D` in some towns and `Dem` in others, once, as first written: `namekeys.party_key`), but
    for an 'other' option (write-ins, scattering) the one party all its lines name, else none (2016
    Maryland's unnamed write-ins, 33,263 votes of no party and 278 of `NO PARTY AFFILIATION`, are
    no party's)."""
    listed = list(parties)
    if kind == "other":
        return listed[0] if len({option_key(p or "") for p in listed}) == 1 else None
    shown: dict[str, str] = {}  # by `party_key`: the first spelling
    for ps in listed:
        for p in ps.split(" / ") if ps else ():
            shown.setdefault(party_key(p), p)
    return " / ".join(shown.values()) or None
