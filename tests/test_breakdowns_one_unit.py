"""A race of one unit has no breakdowns to set aside (`read/breakdowns`).

The breakdowns stage skips its passes where every record of a race is of one unit (a file of
10,000 races and no unit column: a million records walked twice for nothing). That is sound only
because `set_aside` and `sum_totals.set_aside` set nothing aside, and refuse nothing, in such a race
whatever its regions, names and votes: this holds it so, record by record (the stage's answer is
the totals stage's own).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row
from pollcli.problems import Found
from pollcli.read import sum_totals
from pollcli.read.breakdowns import set_aside, stage
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record

COLUMNS = ColumnMap(
    header=["county", "precinct", "candidate", "party", "votes"],
    line=1,
    columns={0: "region", 1: "unit", 2: "candidate", 3: "party", 4: "votes"},
)

# Names of units and regions as the statements of the vote write them: breakdowns, totals, blank.
_PLACES = ["Congressional:12", "Senatorial:11", "Pct 1101", "San Francisco", "TOTAL", "City", ""]
_NAMES = ["Ann Ash", "Bob Bell", "Cy Cole", "Write-in", "Total"]


@st.composite
def one_unit_race(draw: st.DrawFn) -> list[Record]:
    """A race's records, all of one unit (its cell, or blank, with or without the streaming
    engine's sums over units), in any regions, of any names and votes."""
    unit = draw(st.sampled_from(_PLACES)) or None
    summed = draw(st.booleans())
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(_NAMES),
                st.sampled_from(_PLACES),
                st.integers(min_value=0, max_value=10_000),
            ),
            min_size=1,
            max_size=24,
        )
    )
    records = []
    for line, (name, region, votes) in enumerate(rows, start=2):
        cells = {"candidate": name, "region": region or None, "unit": unit}
        row = Row.model_validate({k: v for k, v in cells.items() if v is not None})
        records.append(Record(line, "Race", row, votes, {}, summed=summed))
    return records


@given(one_unit_race(), st.booleans())
def test_set_aside_keeps_a_race_of_one_unit_whole(records: list[Record], first: bool) -> None:
    found = Found("race.csv")
    kept = set_aside("Race", records, COLUMNS, found, first=first)
    assert kept == records
    assert sum_totals.set_aside("Race", records, COLUMNS, found) == records
    assert found.items == []


@given(one_unit_race())
def test_the_stage_of_a_race_of_one_unit_is_the_totals_stage(records: list[Record]) -> None:
    calls: list[list[Record]] = []

    def totals(label: str, given: list[Record]) -> list[Record]:
        calls.append(given)
        return given[1:]  # (whatever the totals stage keeps is the answer)

    found = Found("race.csv")
    assert stage(totals, COLUMNS, found)("Race", records) == records[1:]
    assert calls == [records]
    assert found.items == []
