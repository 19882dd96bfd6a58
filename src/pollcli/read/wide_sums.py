"""A wide table summed per region with pandas, without a record per option and row: the way big ones
are read (100,000 precincts × 10 candidates would be a million records for the exact stages).

The assembly stage sums a region's units anyway; here the melted options are grouped by election,
region and option (`groupby` on integer codes), each group a record with its votes summed and the
line of its first row, as the streaming engine's records are, and each row's protocol lines are kept
as the counts of its unit (`facts.UnitFacts`), as the facts stage would keep them from the records.
`wide_rows` takes this way only where it gives the very answer the record per option would
(`sum_if_same`): no total row, no row named twice, no unit or region that could be a total, no
party, no name the row contract refuses, no cell with invisible characters, no option twice in a
row (tests/test_wide_sums.py holds both ways to each other).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pollcli.columns import INVISIBLE
from pollcli.contract import Row, cells_context
from pollcli.read.records import Record
from pollcli.read.total_words import is_total_name, may_hold_total, name_key, suspect_unit
from pollcli.read.unitfacts import UnitFacts
from pollcli.read.wide_facts import ColumnFacts, codes_of, factorize

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions

# The characters `clean` looks for.
_HIDDEN = "".join(map(chr, INVISIBLE))
# Rows read at a time by `counted`.
_CHUNK = 1 << 14
# A variant's protocol lines, each fact's text in every row of the table; None: read row by row.
FactTexts = Callable[[str], "dict[str, list[str]] | None"]


def clean(text: str) -> bool:
    """A cell the row stage would keep as it is (no invisible character to remove)."""
    return text.isascii() or text.translate(INVISIBLE).strip() == text.strip()


def _all_clean(texts: Collection[str]) -> bool:
    """`clean` of every text, told at once from their text joined where none holds an invisible
    character (as nearly always)."""
    joined = "".join(texts)
    return not any(hidden in joined for hidden in _HIDDEN) or all(map(clean, texts))


def _prefix(text: str) -> str:
    """A unit named like its region starts with its first letters (cheap to tell first)."""
    return text.lstrip()[:3].casefold()


def sum_if_same(
    frame: Any,
    *,
    region_of: Sequence[str],
    unit_of: Sequence[str] | None,
    lines: Sequence[int],
    variant_of: Mapping[int, str],
    base: str,
    facts_of: Callable[[int, str], list[str]] | None,
    facts: list[str],
    party: bool,
    names_of: Mapping[int, str] | None,
    options: ReadOptions,
    fact_texts: FactTexts | None = None,
) -> tuple[list[Record], UnitFacts] | None:
    """The options summed per region (`summed`) when that gives the answer of a record per option;
    else None. `region_of`, `unit_of` and `lines` are per row of the table (`frame.row`);
    `names_of` is the option of each column (None for candidate blocks)."""
    if party:
        return None
    keys = {name: frozenset({name_key(name)}) for name in set(region_of)}
    if any(not n or is_total_name(n, place=True) or not clean(n) for n in keys):
        return None
    places = set(zip(region_of, unit_of or [""] * len(region_of), strict=True))
    if len(places) < len(region_of):
        return None  # a place named twice: the records per option name the repeated lines
    if unit_of:
        units = set(unit_of)
        if not _all_clean(units):
            return None
        maybe = may_hold_total(units) or any(not u.strip() for u in units)
        starts = {region: _prefix(region) for region in keys}
        alike = (
            (r, u) for r, u in places if maybe or u.lstrip()[:3].casefold() == starts[r]
        )  # (`_prefix`, not called per unit)
        if any(suspect_unit(u, keys[r]) for r, u in alike):
            return None  # a unit that may be a total: the totals stage judges it, row by row
    # The option names: a column's own (`names_of`, those of the columns with figures), else the
    # blocks' cells (hashed, a table of the frame's length: only where they vary by row).
    names = (
        [names_of[c] for c in _present(frame["column"])]
        if names_of is not None
        else frame["candidate"].unique().tolist()
    )
    if not all(clean(name) for name in names):
        return None
    election_of = {c: " · ".join(p for p in (base, v) if p) for c, v in variant_of.items()}
    if names_of is not None:  # a column per option: a name given to two columns of one election
        named = [(names_of[c].strip(), election_of[c]) for c in variant_of]
        twice = len(set(named)) < len(named)
    else:  # blocks: a name in two blocks of one row
        elections = frame.assign(election=frame["column"].map(election_of))
        twice = bool(elections.duplicated(["row", "candidate", "election"]).any())
    if twice:
        return None  # an option twice in a row: as a place named twice

    def given(line: int, own: str) -> dict[str, str]:
        assert facts_of is not None
        return {f: t for f, v in zip(facts, facts_of(line, own), strict=True) if (t := v.strip())}

    return summed(
        frame,
        region_of=region_of,
        unit_of=unit_of,
        lines=lines,
        facts_of=given if facts_of else None,
        variant_of=variant_of,
        election_of=election_of,
        names_of=names_of,
        default_election=str(options.facts.get("election") or ""),
        decimal=options.decimal or ".",
        fact_texts=fact_texts,
    )


class Columns(dict[str, Any]):
    """A frame's columns as numpy arrays (`counted`): what `sum_if_same`, `wide_columns.differs`
    and `wide_rows` read of a melted frame, without importing pandas (some 80 MB and 0.2 s)."""

    @property
    def empty(self) -> bool:
        return not len(self["row"])


def counted(rows: Sequence[tuple[int, list[str]]], options: Sequence[int]) -> Any:
    """The frame `wide_rows._melt` gives a table of a column per option (row, line, column, votes;
    no names: `sum_if_same` has them by column), its votes as numbers, where every option cell is
    plain digits (under 16) or empty; else None (`_melt` checks and names each). Read column by
    column: some 30 bytes a figure, not the melt's object columns (a third of the table's peak)."""
    import numpy as np

    if not rows or not options:
        return None
    width = len(options)
    figures = np.zeros((len(rows), width), dtype=np.int64)
    given = np.ones((len(rows), width), dtype=bool)
    pick = itemgetter(*options) if width > 1 else lambda cells: (cells[options[0]],)
    # Row by row, some thousands at a time (a pass over every row's cells per column went
    # through memory once a column: at a million rows, seconds).
    for start in range(0, len(rows), _CHUNK):
        flat = list(chain.from_iterable(pick(cells) for _, cells in rows[start : start + _CHUNK]))
        joined = "".join(flat)
        if not joined.isascii() or (joined and not joined.isdigit()):
            return None
        size = len(flat) // width
        lengths = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat))
        if len(lengths) and lengths.max() >= 16:
            return None
        if lengths.all():  # (digits joined by commas: numpy reads them at once)
            read = np.fromstring(",".join(flat), dtype=np.int64, sep=",")
            figures[start : start + size] = read.reshape(size, width)
            continue
        present = (lengths > 0).reshape(size, width)
        given[start : start + size] = present
        figures[start : start + size][present] = np.fromiter(
            map(int, filter(None, flat)), dtype=np.int64
        )
    row, place = np.nonzero(given)  # row by row, as melted
    del given
    votes = figures[row, place]
    del figures
    lines = np.fromiter((line for line, _ in rows), dtype=np.int64, count=len(rows))
    return Columns(
        row=row, line=lines[row], column=np.asarray(options, dtype=np.int64)[place], votes=votes
    )


def summed(
    frame: Any,
    *,
    region_of: Sequence[str],
    unit_of: Sequence[str] | None,
    lines: Sequence[int],
    facts_of: Callable[[int, str], dict[str, str]] | None,
    variant_of: Mapping[int, str],
    election_of: Mapping[int, str],
    names_of: Mapping[int, str] | None,
    default_election: str,
    decimal: str,
    fact_texts: FactTexts | None = None,
) -> tuple[list[Record], UnitFacts] | None:
    """One record per election, region and option, and the counts of each row as a unit; None
    when a name is one the row contract refuses (the records per option then name its lines).

    `frame` holds the melted options (row, line, column, candidate, votes as digits) in file order;
    `election_of` is each option column's election, `names_of` its option when the column names it
    (None: the frame's `candidate` does), `facts_of(line, variant)` a row's protocol lines (None:
    there are none).

    Grouped with numpy on one integer code per (election, region, option) rather than with a
    pandas `groupby` over the frame: a million melted cells would cost a copy of the frame and
    group indexes several times its size, the largest part of a wide table's peak memory."""
    import numpy as np

    region_code, regions = factorize(region_of)
    row = np.asarray(frame["row"], dtype=np.int64)
    column = np.asarray(frame["column"], dtype=np.int64)
    # Per option column (a handful, their codes looked up by column number), not per cell: hashing
    # a million cells would build a table of that size.
    present = _present(column)
    lookup = np.zeros(int(present[-1]) + 1 if len(present) else 1, dtype=np.int64)
    lookup[present] = np.arange(len(present))
    vote_of_column, elections = factorize(election_of[int(c)] for c in present)
    if names_of is not None:
        # Within an election each column names its own option (`sum_if_same`): a cell's group is
        # its region and column.
        name_of_column, names = factorize(names_of[int(c)] for c in present)
        key = region_code[row].astype(np.int64)
        key *= len(present)
        key += lookup[column]
    else:
        name, names = factorize(frame["candidate"].tolist())
        key = vote_of_column[lookup[column]].astype(np.int64)
        key *= len(regions)
        key += region_code[row]
        key *= max(len(names), 1)
        key += name
    first, group = _grouped(key)
    del key
    total = np.zeros(len(first), dtype=np.int64)
    np.add.at(total, group, np.asarray(frame["votes"]).astype(np.int64, copy=False))
    low = np.full(len(first), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(low, group, np.asarray(frame["line"]))
    del group
    # Each group's election, region and option, from its first cell.
    at_column = lookup[column[first]]
    group_vote = vote_of_column[at_column].tolist()
    group_region = region_code[row[first]].tolist()
    group_name = (name_of_column[at_column] if names_of is not None else name[first]).tolist()
    # As the records per option are read: by each group's first line, then its first option
    # column, groups that tie in the order they first appear.
    order = np.lexsort((first, column[first], low)).tolist()
    first_lines, totals = low.tolist(), total.tolist()
    context = cells_context(decimal, False)
    rows: dict[tuple[int, str], Row] = {}
    records = []
    for at in order:
        election = elections[group_vote[at]]
        candidate = names[group_name[at]]
        region = group_region[at]
        found = rows.get((region, candidate))
        if found is None:
            values = {"candidate": candidate.strip(), "region": regions[region]}
            try:
                found = rows[region, candidate] = Row.model_validate(values, context=context)
            except ValidationError:
                return None
        records.append(Record(first_lines[at], election or default_election, found, totals[at], {}))
    unit_facts = UnitFacts()
    if facts_of is not None:
        vote = vote_of_column[lookup[column]]
        by_column = fact_texts and _by_column(
            fact_texts,
            row=row,
            vote=vote,
            column=column,
            elections=[e or default_election for e in elections],
            variant_of=variant_of,
            region_code=region_code,
            regions=regions,
            lines=lines,
        )
        if by_column:
            return records, by_column
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        pairs = pd.DataFrame({"row": row, "vote": vote, "column": column})
        seen = pairs.drop_duplicates(["row", "vote"])
        for position, option, voted in zip(
            seen["row"].tolist(), seen["column"].tolist(), seen["vote"].tolist(), strict=True
        ):
            line_of = lines[position]
            unit = (
                elections[voted] or default_election,
                region_of[position],
                unit_of[position] if unit_of else "",
            )
            unit_facts.keep_given(unit, facts_of(line_of, variant_of[option]), line_of)
    return records, unit_facts


def _by_column(
    fact_texts: FactTexts,
    *,
    row: Any,
    vote: Any,
    column: Any,
    elections: list[str],
    variant_of: Mapping[int, str],
    region_code: Any,
    regions: list[str],
    lines: Sequence[int],
) -> ColumnFacts | None:
    """The rows' protocol lines by column (`wide_facts`): each election's units are the rows with
    a figure in its columns; None where a variant's lines must be read row by row (`fact_texts`
    says so) or two elections fall under one name."""
    import numpy as np

    if len(set(elections)) < len(elections):
        return None
    kept = ColumnFacts(regions=regions)
    at_line = np.asarray(lines, dtype=np.int64)
    coded: dict[str, dict[str, tuple[Any, list[str]]]] = {}
    for voted, election in enumerate(elections):
        mine = vote == voted
        units = np.flatnonzero(np.bincount(row[mine], minlength=len(lines)))
        own = variant_of[int(column[np.argmax(mine)])]
        counts = coded.get(own)
        if counts is None:
            texts = fact_texts(own)
            if texts is None:
                return None
            counts = coded[own] = {fact: codes_of(cells) for fact, cells in texts.items()}
        kept.keep_columns(
            election,
            region_code[units],
            at_line[units],
            {fact: (codes[units], distinct) for fact, (codes, distinct) in counts.items()},
        )
    return kept


def _grouped(key: Any) -> tuple[Any, Any]:
    """`np.unique(key, return_index=True, return_inverse=True)[1:]`: each distinct key's first
    place and each key's group (the distinct keys ascending); counted in a table by key where
    the keys are few (regions × option columns), not sorted (a million cells sorted cost more
    than the rest of the sums)."""
    import numpy as np

    top = int(key.max()) + 1 if len(key) else 0
    if top > 4 * len(key) + 1024:
        _, first, group = np.unique(key, return_index=True, return_inverse=True)
        return first, group
    keys = np.flatnonzero(np.bincount(key, minlength=top))
    rank = np.zeros(top, dtype=np.int64)
    rank[keys] = np.arange(len(keys))
    group = rank[key]
    first = np.full(len(keys), len(key), dtype=np.int64)
    np.minimum.at(first, group, np.arange(len(key)))
    return first, group


def _present(column: Any) -> Any:
    """The distinct option columns of the frame's `column` (small numbers), ascending."""
    import numpy as np

    column = np.asarray(column)
    return np.flatnonzero(np.bincount(column)) if len(column) else column[:0]
