"""The row contract (`contract.Row`) as the readers use it: light (slots, no field dictionary, no
set of fields given), a plain digit cell read as `parse_votes` reads it, and a file's cache of
what its names imply giving what `kinds.implied_by_name` gives; and the cells it is validated
from, each text held once however many rows repeat it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row, cells_context
from pollcli.kinds import implied_by_name
from pollcli.numbers import parse_votes
from pollcli.problems import Found
from pollcli.read.dialect import read_records


def test_a_row_holds_no_field_dictionary():
    row = Row.model_validate({"candidate": "A", "votes": "5"}, context=cells_context(".", False))
    assert not hasattr(row, "__dict__")
    assert not hasattr(row, "__pydantic_fields_set__")
    assert (row.candidate, row.votes, row.kind) == ("A", 5, "candidate")


@given(st.text(alphabet="0123456789", min_size=1, max_size=12))
def test_digit_cells_read_as_parse_votes_reads_them(digits):
    context = cells_context(".", False, [])
    try:
        expected: int | None = parse_votes(digits, ".", decimal_given=False)
    except ValueError:
        expected = None
    try:
        got: int | None = Row.model_validate(
            {"candidate": "A", "votes": digits}, context=context
        ).votes
    except ValueError:
        got = None
    assert got == expected


@given(
    st.lists(
        st.sampled_from(
            ["Ann", "Blank", "Ballots Cast", "Write-in 12", "Total Over Votes", "NOTA", "Ann "]
        ),
        max_size=8,
    )
)
def test_the_files_cache_of_names_implies_what_the_names_do(names):
    cache: dict = {}
    context = cells_context(".", False, [], None, cache)
    for name in names:
        row = Row.model_validate({"candidate": name, "votes": "1"}, context=context)
        kind, fact = implied_by_name(name)
        assert (row.kind, row.fact) == (kind, fact if kind == "candidate" else None)
    assert set(cache) == set(names)


def test_a_copy_changes_only_what_it_is_told():
    row = Row.model_validate({"candidate": "A", "votes": "5", "region": "R"})
    copy = row.model_copy(update={"region": None})
    assert (copy.region, copy.candidate, copy.votes) == (None, "A", 5)
    assert row.region == "R"


def test_a_cell_repeated_on_many_rows_is_held_once():
    found = Found("t.csv")
    records = read_records("Region 1,Ann,5\nRegion 1,Ann,7\n", 2, ",", found)
    (_, first), (_, second) = records
    assert first == ["Region 1", "Ann", "5"] and second == ["Region 1", "Ann", "7"]
    assert first[0] is second[0] and first[1] is second[1]
