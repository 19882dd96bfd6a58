"""A `total_votes` column beside precincts (each precinct's valid votes on every one of its rows) is
read by the streaming engine as the precinct's count (`read/unittotals.py`), with the exact
engine's elections and problems; was handed to the exact engine from the header (18 s and 740 MiB a
million rows, against 2.2 s and 310). Where a precinct's rows give two figures (each option's total,
or a slip) the file is the exact engine's, which tells over the whole file whether the column is the
race's total: the hand-over comes at the first block that shows it, not after the whole file. A
party primary's total votes tell open primaries apart, row by row: the exact engine's from the
header. The total given is checked against pandas sums of the CSV text.
"""

import io
import re

import pandas as pd
import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream
from pollcli.read.blocks import Layout

HEADER = "county,precinct,office,district,party,candidate,votes,total_votes"
CANDIDATES = (("DEM", "Ann Lee"), ("REP", "Bob Ray"), ("LIB", "Cy Fox"))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


def rows_of(
    office: str = "President",
    counties: int = 3,
    precincts: int = 10,
    total=lambda votes, k, p: sum(votes),
) -> list[str]:
    """Precinct rows; `total` gives a row's total_votes cell from its precinct's votes, its option's
    place and the precinct's number."""
    rows = []
    for c in range(counties):
        for p in range(precincts):
            votes = [(13 * p + 7 * k + 5 * c) % 80 for k in range(len(CANDIDATES))]
            for k, (party, name) in enumerate(CANDIDATES):
                cell = total(votes, k, p)
                rows.append(f"County {c},P{c}{p:02d},{office},,{party},{name},{votes[k]},{cell}")
    return rows


def text_of(rows: list[str], header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


def both(monkeypatch, path):
    results = each_engine(monkeypatch, path)
    return results["exact"], results["stream"]


CASES = {
    "one_race": text_of(rows_of()),
    "a_file_of_races": text_of(rows_of() + rows_of("Governor", counties=2, precincts=7)),
    # The total of each precinct plus the write-ins, which have no row: the total-mismatch warning.
    "totals_with_write_ins": text_of(rows_of(total=lambda v, k, p: sum(v) + p % 3)),
    # Blank on a precinct's other rows (in a file of races, that hands the file over, as for any
    # count of a precinct: tests/test_race_units.py).
    "blank_on_some_rows": text_of(
        [
            re.sub(",President,,", ",", row)
            for row in rows_of(total=lambda v, k, p: sum(v) if k == 0 or p % 2 else "")
        ],
        "county,precinct,party,candidate,votes,total_votes",
    ),
    "a_totals_precinct": text_of(
        rows_of() + [f"County 0,TOTALS,President,,{p},{n},0,0" for p, n in CANDIDATES]
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_precincts_total_votes_streams_with_the_exact_engines_answer(tmp_path, monkeypatch, case):
    path = write(tmp_path, CASES[case])
    exact, streamed = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path)  # the streaming engine answered: no hand-over


def test_the_total_given_is_the_precincts_figures_added_up(tmp_path, monkeypatch):
    text = CASES["totals_with_write_ins"]
    frame = pd.read_csv(io.StringIO(text))
    votes = int(frame["votes"].sum())
    given = int(frame.groupby(["county", "precinct"])["total_votes"].first().sum())
    assert given != votes
    path = write(tmp_path, text)
    for _, problems in both(monkeypatch, path):
        (warning,) = [p for p in problems if p.code == "total-mismatch"]
        figures = re.findall(r"[\d,]{2,}", warning.message)
        assert [int(f.replace(",", "")) for f in figures] == [votes, given]


def counted_blocks(monkeypatch) -> list[int]:
    """The blocks pyarrow was given, counted."""
    calls: list[int] = []
    summarize = Layout.summarize

    def counting(self, data):
        calls.append(len(data))
        return summarize(self, data)

    monkeypatch.setattr(Layout, "summarize", counting)
    return calls


HANDED_OVER = {
    # Each option's total: left unused, with a note (the exact engine's reading of the file).
    "each_options_total": (rows_of(precincts=40, total=lambda v, k, p: v[k] + 100), "left unused"),
    # One precinct's rows disagree: an error at the line of the row that differs.
    "one_precinct_unlike": (
        rows_of(precincts=40, total=lambda v, k, p: sum(v) + (k == 2 and p == 1)),
        "make them agree",
    ),
}


@pytest.mark.parametrize("case", sorted(HANDED_OVER))
def test_a_precinct_of_two_totals_is_handed_over_at_its_block(tmp_path, monkeypatch, case):
    rows, said = HANDED_OVER[case]
    path = write(tmp_path, text_of(rows))
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    told = [p.message for p in exact[1]] + [n for e in exact[0] for n in e.notes]
    assert any(said in message for message in told)
    calls = counted_blocks(monkeypatch)
    assert not streams(path)
    # The file spans some thirty blocks; the streaming engine stopped at the first ones (one per
    # worker and one more were in flight).
    assert sum(calls) < path.stat().st_size / 3


def test_a_party_primarys_total_votes_is_the_exact_engines_from_the_header(tmp_path, monkeypatch):
    rows = rows_of(total=lambda v, k, p: 500)
    path = write(tmp_path, text_of(rows), "20200609__ga__primary__precinct.csv")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    calls = counted_blocks(monkeypatch)
    assert not streams(path)
    assert not calls
