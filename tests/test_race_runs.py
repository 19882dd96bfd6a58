"""Each record's race told once for each run of records of one election (`RowCells.by_runs`).

A file of 10,000 races of 100 candidates keyed by an election column alone read each record's key
cells and looked its race up record by record (a million times); where the election is the only
key a record reads, no --where is given and no row counts every race, the race of a run of
records of one election is looked up once. The same races, added to the book in the same order,
as the loop record by record gives (hypothesis: elections in any order, runs of any length).
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row
from pollcli.read import ReadOptions, load_file
from pollcli.read.racekeys import KeyColumn, RaceBook
from pollcli.read.records import Record
from pollcli.read.rowraces import RowCells
from pollcli.read.selection import Where

_KEYS = [KeyColumn("election", "election", 0, "election")]


def _records(elections: list[str]) -> list[Record]:
    return [
        Record(line=2 + i, election=e, row=Row(candidate=f"Ada Barcor {i}"), votes=i, facts={})
        for i, e in enumerate(elections)
    ]


@given(st.lists(st.sampled_from(["Town A", "Town B", "town a", "Town C "]), max_size=30))
def test_the_runs_give_each_record_the_race_the_loop_gives_it(elections: list[str]) -> None:
    records = _records(elections)
    by_record, by_run = RaceBook(_KEYS), RaceBook(_KEYS)
    cells = RowCells(_KEYS, Where())
    each = [cells.race(by_record, cells.of(r)[1]) for r in records]
    runs = RowCells(_KEYS, Where()).by_runs(by_run, records)
    assert runs is not None
    assert [r.identity for r in runs] == [r.identity for r in each]  # type: ignore[union-attr]
    assert list(by_run.races) == list(by_record.races)


def test_a_row_for_every_race_leaves_the_records_to_the_loop() -> None:
    records = _records(["Town A", "Town A"])
    records[1].row = records[1].row.model_copy(update={"all_races": True})
    assert RowCells(_KEYS, Where()).by_runs(RaceBook(_KEYS), records) is None
    party = [*_KEYS, KeyColumn("party", "party", 2, "party")]
    assert RowCells(party, Where()).by_runs(RaceBook(party), _records(["Town A"])) is None


def test_a_file_of_races_reads_each_race_s_cells_once(tmp_path: Path) -> None:
    """Three races of four rows each: the cells of three records looked up, not of twelve."""
    path = tmp_path / "towns.csv"
    rows = [f"Example Town {t},Cand {t}{c},Harbor Party,{100 + c}" for t in "ABC" for c in range(4)]
    path.write_text("election,candidate,party,votes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    read = mock.Mock(side_effect=RowCells.of)
    with mock.patch.object(RowCells, "of", lambda self, record: read(self, record)):
        elections, _ = load_file(path, ReadOptions())
    assert [e.facts.election for e in elections] == [f"Example Town {t}" for t in "ABC"]
    assert read.call_count == 3
