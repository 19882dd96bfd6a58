"""Whether the streaming engine's records, once summed (`keysums.KeySums.records`), are ones the
exact engine must read instead: a precinct's counts summed where the exact engine reads them by
precinct (`counts_apart`), or one race summed under two spellings (`races_spelt_apart`)."""

from __future__ import annotations

from operator import attrgetter

from pollcli.columns import RACE_PREFIX, option_key
from pollcli.read.racekeys import normal
from pollcli.read.records import Record

_FACTS = attrgetter("facts")


def counts_apart(records: list[Record], count_columns: bool) -> bool:
    """Whether a precinct's counts given as rows were summed here where the exact engine reads
    them by precinct: rows of a count for every race (`Row.all_races`), count rows beside count
    columns (each precinct's figure twice), or a race's count rows summed over its precincts
    (Maine's `Votes Cast`): whether every precinct of the race gave one, the sums cannot tell, and
    one given by some precincts only is no count of the race (`facts.election_facts`). The exact
    engine reads such a file."""
    for record in records:
        row = record.row
        if row.all_races or (row.fact is not None and (count_columns or record.summed)):
            return True
    return False


def races_spelt_apart(records: list[Record]) -> bool:
    """Whether an option is summed in one region under two spellings of its race cells that are
    one race (`GOVERNOR`, `Governor`; district `01`, `1`: `racekeys.normal`). Its precincts were
    compared by the cells as written (`read.repeats`), so a row repeated under the other spelling
    would be added up: the exact engine, which compares them as one race, reads the file. Each
    distinct spelling is read once; only a file with two spellings of one race looks further."""
    if not any(map(_FACTS, records)):
        return False  # (no record has race cells: one pass in C)
    Race = tuple[tuple[str, str], ...]
    spelt: dict[Race, tuple[Race, tuple[str, ...]]] = {}  # by the facts: race cells, as one
    for record in records:
        cells = tuple(record.facts.items())
        if cells not in spelt:
            race = tuple((k, v) for k, v in cells if k == "office" or k.startswith(RACE_PREFIX))
            spelt[cells] = (race, tuple(normal(k.removeprefix(RACE_PREFIX), v) for k, v in race))
    if len({one for _, one in spelt.values()}) == len({race for race, _ in spelt.values()}):
        return False  # each race written one way
    seen: dict[tuple[object, ...], Race] = {}
    for record in records:
        race, one = spelt[tuple(record.facts.items())]
        if not race:
            continue
        key = (record.election, record.row.region, option_key(record.row.candidate), one)
        if seen.setdefault(key, race) != race:
            return True
    return False
