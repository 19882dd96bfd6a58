"""Which races of a file need no total or party-line stage, told for all of them at once.

A file of 10,000 races of 100 candidates (every municipal council of a country: `election,
candidate,party,votes`, no region, no unit) asked each race, stage by stage, whether it held a
total row (`totals`, `party_totals`, `line_totals`) or a name under several parties
(`partylines`): one search over its 100 names per stage and race, some 170 µs a race of which
none ever found anything. The same searches over the file's distinct cells, once, tell it for
every race: a search that finds nothing in the whole file finds nothing in any race of it (each
stage searches a race's cells, of which the file's are a superset, and finds a total only by a
cell, or a name cell equal to a party cell, of one race). So (`Plain.no_totals`):

- the totals stage (`TotalsStage`) finds nothing in a race of no region, unit or summed
  rows (a file without region and unit columns) when no row is marked as a total by the layout
  and no option is a total whatever its name (`TotalsStage.by_names`), and no name of the file may
  name a total or a bare write-in count (`total_words.may_hold_total`, `bare_write_in`);
- `party_totals` finds nothing where no name cell of the file is any party cell of it
  (`party_totals.may_name_party`), `line_totals` where no party cell is a total word.

`partylines` finds nothing in a race whose names are each listed once, all candidates, with no
two pairs of one party's options of the same votes (`no_party_lines`: a few passes in C a race).
A race whose stages can find nothing skips them (`Assembly._election`); any other race, and every
race of a file where one search finds something, goes through each stage as before: the same
elections, problems and notes either way (`tests/test_plain_races.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import attrgetter, is_not

from pollcli.contract import Row
from pollcli.dataclass import dataclass
from pollcli.namekeys import option_key
from pollcli.read import party_totals
from pollcli.read.header import ColumnMap
from pollcli.read.partylines import no_pairs
from pollcli.read.records import Record
from pollcli.read.total_words import bare_write_in, is_total_name, may_hold_total

_ROW, _SUMMED, _KIND = attrgetter("row"), attrgetter("summed"), attrgetter("row.kind")
_NAME, _PARTY = attrgetter("candidate"), attrgetter("party")
_REGION, _UNIT = attrgetter("region"), attrgetter("unit")
_FACT, _SHARE, _FACTS = attrgetter("fact"), attrgetter("share"), attrgetter("facts")
_LINES, _ACCLAIMED = attrgetter("same_cell_lines"), attrgetter("acclaimed")
_SOME = partial(is_not, None)  # (a value that is not None)


@dataclass(frozen=True)
class Plain:
    """What the searches over a whole file's cells tell of every race of it (see the module's
    docstring)."""

    no_totals: bool  # no race holds a row the totals, party_totals or line_totals stages find
    # Names too many for the cache of names' keys (`namekeys.option_key`: twice its size), so
    # that a race's are seldom in it (the `elections` file's 200,000 names, each in some five
    # races far apart): their keys worked out at once, not looked for first (its 10,000 looks,
    # 16 names each, and the keys: 0.54 → 0.25 s of CPU).
    fresh: bool = False
    # No record of the file has a place or units summed into it, and no race is given counts for
    # every race (`unitcounts.give`): a race's records then need only be `simple_race` to skip
    # its passes.
    placeless: bool = False

    @classmethod
    def of(
        cls,
        records: list[Record],
        columns: ColumnMap,
        totals: Callable[[str, list[Record]], list[Record]] | None,
        given: bool = False,
    ) -> Plain:
        """`given`: the races are given records of counts for every race after this look."""
        if "region" in columns.present or "unit" in columns.present:
            return cls(no_totals=False)
        rows = list(map(_ROW, records))
        if any(map(_REGION, rows)) or any(map(_UNIT, rows)) or any(map(_SUMMED, records)):
            return cls(no_totals=False)  # (a place a row may total: looked at race by race)
        if not isinstance(totals, TotalsStage) or not totals.by_names:
            return cls(no_totals=False, placeless=not given)
        names = set(map(_NAME, rows))
        fresh = len(names) > 2 * (option_key.cache_info().maxsize or 0)
        return cls(no_totals=_no_totals(names, rows), fresh=fresh, placeless=not given)


def no_party_lines(records: list[Record], keys: list[str]) -> bool:
    """Whether `partylines.party_lines` finds nothing in a race of these records (their
    `option_key`s): no name listed twice (of one party or two), every row a candidate's (a blank
    or void line is keyed apart), no two pairs of one party's options of the same votes (no
    block listed again: `partylines.no_pairs`). A few passes in C and one over the votes, where
    `party_lines` keys and groups every row."""
    return (
        len(set(keys)) == len(keys)
        and set(map(_KIND, records)) == {"candidate"}
        and no_pairs(records, keys)
    )


def simple_race(records: list[Record]) -> bool:
    """Whether no record of a race of a file of no place (`Plain.placeless`) has a count
    (`Row.fact`), a share, fact cells, lines of the same cells summed into it or an acclamation:
    then its passes over its records for those find nothing, and `Assembly._election` skips them
    (the counts: `cast_total`, `share_counts`, the count rows set apart; the shares: `fractions`,
    `out_of_range`; the facts: `election_facts`' loop, a ballots_cast line; the place: no
    `regional`, no units; acclaimed). Six passes in C over the race's records: 0.18 s over the
    10,000 races of 100 candidates of bench's `elections`, against some 0.035 s for each of the
    dozen passes it spares (a pass over 1M objects is their cache misses, by C or a generator)."""
    rows = list(map(_ROW, records))
    return not (
        any(map(_SOME, map(_FACT, rows)))
        or any(map(_SOME, map(_SHARE, rows)))
        or any(map(_FACTS, records))
        or any(map(_LINES, records))
        or any(map(_ACCLAIMED, records))
    )


def _no_totals(names: set[str], rows: list[Row]) -> bool:
    """Whether no race of a file of these distinct names and rows (none of a place) holds a total
    row the totals, `party_totals` or `line_totals` stage would find: each stage's search over the
    file's distinct cells at once."""
    joined = "\n".join(names)  # (searched as each stage searches a race's names joined)
    if "rite" in joined.casefold() and any(map(bare_write_in, names)):
        return False
    if may_hold_total((joined,)):
        return False
    parties = set(map(_PARTY, rows))
    if any(p and is_total_name(p) for p in parties):
        return False
    return not party_totals.may_name_party(names, parties)


@dataclass(frozen=True)
class TotalsStage:
    """The totals stage of one file (`totals.stage`), and whether it tells a race's totals by their names
    and places alone (`by_names`: no row marked as a total by the layout, no option a total
    whatever its name), which a search over the whole file's names may rule out for every race at
    once (`Plain`)."""

    run: Callable[[str, list[Record]], list[Record]]
    by_names: bool

    def __call__(self, label: str, records: list[Record]) -> list[Record]:
        return self.run(label, records)
