"""A table of options down and places across, its corner cell empty: read as one row per option and
place, or refused when nothing tells which way it runs.

Bogotá's tables by locality (Registraduría figures, written by pandas with the index as the first
column): `,ANTONIO_NARINO,BARRIOS_UNIDOS,…,Total Bogota`, then `Gustavo Petro,37618.0,…`,
`Blanco,…`, `Nulos,…`, `Potencial Votantes,…`, `Porcentaje votantes(%),…`. Read as a wide table of
one column per option, the localities were the options: "SUBA leads with 12.39 %" (trial 19).

The first column's cells say which way such a table runs where they are words no place is called
(`kinds`: blank and invalid ballots, against all, registered voters, ballots cast, a share): then
its rows are options and counts, its columns places, and it is read long — one row per option and
place, the option's own line kept — so that blank and invalid rows, counts of voters, a total
column (`Total Bogota`, a total region) and every cell's problem are read by the long stages as in
any long file. Where the headers say it the other way (a column of blank ballots, registered
voters, shares, protocol lines), or `--wide` / `--id-columns` name the reading, the table is wide
as before, and so is one with a row of the columns' parties under its header. Where nothing tells, the table is refused (`blank-label`), with how to say it: a
place-per-row table takes `--wide`, an option-per-row one is transposed or written long."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pollcli.columns import canonical_column
from pollcli.kinds import fact_from_name, kind_from_name
from pollcli.problems import Code, Found
from pollcli.read import protocol
from pollcli.read.dialect import RawTable
from pollcli.read.preamble import is_number
from pollcli.read.total_words import says_total

# A column of counts: more of its filled cells are numbers than not (`layout.NUMERIC_SHARE`).
NUMERIC_SHARE: Final[float] = 0.5
SHOWN: Final[int] = 3


def _says_share(name: str) -> bool:
    return "%" in name or protocol.says_share(name)


def no_place(name: str) -> bool:
    """Whether a name is a word no place is called: a non-candidate option, a count of voters or
    ballots, a protocol line. (A row of shares says nothing: a table of places down has one too,
    Ohio's workbooks under their header.)"""
    return (
        kind_from_name(name) != "candidate"
        or fact_from_name(name) is not None
        or protocol.line(name) is not None
    )


def _numeric(values: Sequence[str]) -> bool:
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(1 for v in filled if is_number(v)) > NUMERIC_SHARE * len(filled)


def _shape(table: RawTable) -> tuple[list[int], list[str]] | None:
    """The columns of counts and the first column's names of a table that may run either way: an
    empty corner cell, a first column of words, two or more other columns, all of figures."""
    header = table.header
    if table.header_rows > 1 or len(header) < 3 or header[0].strip() or not table.records:
        return None
    across = [i for i in range(1, len(header)) if header[i].strip()]
    if len(across) < 2 or any(is_number(header[i]) for i in across):
        return None
    if any(canonical_column(header[i]) is not None for i in across):
        return None  # (a `votes` or `region` column: a long table's, read as such)
    names = [cells[0].strip() for _, cells in table.records if cells and cells[0].strip()]
    worded = [n for n in names if not is_number(n) and any(ch.isalpha() for ch in n)]
    if len(worded) <= NUMERIC_SHARE * max(len(names), 1):
        return None
    for i in across:
        if not _numeric([cells[i] if i < len(cells) else "" for _, cells in table.records]):
            return None
    return across, names


def options_down(table: RawTable, found: Found, told: bool) -> RawTable | None:
    """The long table of a table of options down and places across (see the module's docstring),
    or None to read `table` as it is. `told`: `--wide` or `--id-columns` given (the user's
    reading). A table that runs no way pollcli can tell is refused in `found` (None returned)."""
    if told:
        return None
    shape = _shape(table)
    if shape is None:
        return None
    across, names = shape
    down = [n for n in names if no_place(n)]
    headed = [table.header[i] for i in across if no_place(table.header[i])]
    if headed or table.parties:
        return None  # the columns are options and counts (or have parties): a wide table
    if not down:
        shown = ", ".join(repr(table.header[i]) for i in across[:SHOWN])
        rows = ", ".join(repr(n) for n in names[:SHOWN])
        found.add(
            Code.BLANK_LABEL,
            table.header_line,
            f"the first column has no name, and nothing tells whether its rows ({rows}…) are "
            f"places and the columns ({shown}…) options, or the rows options and the columns "
            "places; if each column is an option, pass --wide; if each row is an option, "
            "transpose the table or write it long (columns candidate, region, votes)",
            column="",
        )
        return None
    options = [n for n in names if not no_place(n) and not _says_share(n) and not _a_count(n)]
    if not options:
        # Rows of counts alone (Bogotá's `Participacion_bogota.csv`: `Nulos`, `Votos validos
        # Circuns. Nacional`, `Total Votantes…`, `Potencial votantes`): no option to rank.
        found.add(
            Code.MISSING_COLUMN,
            table.header_line,
            f"the rows ({', '.join(repr(n) for n in names[:SHOWN])}…) are counts of ballots and "
            "voters, not options, and the columns places: a table of turnout, with no option's "
            "votes to rank; read the file of the options' votes",
            column="candidate",
        )
        return None
    return _long(table, across, down)


def _a_count(name: str) -> bool:
    """A row's name that says a count of votes, not an option: a total (`Total Votantes…`) or the
    valid votes (`Votos validos Circuns. Nacional`)."""
    key = " ".join(name.casefold().replace("á", "a").split())
    return says_total(name) or key.startswith(("votos validos", "valid votes", "total "))


def _long(table: RawTable, across: list[int], down: list[str]) -> RawTable:
    header = table.header
    shares = [(line, cells[0].strip()) for line, cells in table.records if _says_share(cells[0])]
    records: list[tuple[int, list[str]]] = []
    for line, cells in table.records:
        name = cells[0].strip() if cells else ""
        if _says_share(name):
            continue
        for i in across:
            cell = cells[i] if i < len(cells) else ""
            if cell.strip():
                records.append((line, [name, header[i].strip(), cell]))
    places = [header[i].strip() for i in across]
    shown = ", ".join(map(repr, places[:SHOWN])) + ("…" if len(places) > SHOWN else "")
    said = ", ".join(map(repr, down[:SHOWN])) + ("…" if len(down) > SHOWN else "")
    notes = [
        f"A table of options down and places across (its first column unnamed, its rows "
        f"{said} no places): read as one row per option and place, the {len(places)} columns "
        f"({shown}) as regions."
    ]
    if shares:
        lines = ", ".join(f"{line:,}" for line, _ in shares)
        named = ", ".join(repr(name) for _, name in shares[:SHOWN])
        notes.append(f"Rows of percentages ({named}, line {lines}) are no counts: not used.")
    return RawTable(
        name=table.name,
        stem=table.stem,
        delimiter=table.delimiter,
        front_matter=table.front_matter,
        header=["candidate", "region", "votes"],
        header_line=table.header_line,
        records=records,
        notes=[*table.notes, *notes],
    )
