"""A precinct file that ends with a grand total row per option (region `TOTAL`, a blank precinct: a
state's total under its counties' precincts) is read by the streaming engine: such rows are kept
apart with their lines (a blank precinct may be a total) and the totals stage judges them, region
and all, as it judges the exact engine's rows. Were handed to the exact engine once the whole file
was streamed (a region named as a total: 11 s and 770 MiB a million rows, against 0.9 s and 240).
A region named as a total whose rows name precincts is still summed across them: the exact
engine's.
"""

import io
from pathlib import Path

import pandas as pd
import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream

HEADER = "county,precinct,office,district,party,candidate,votes"
CANDIDATES = (("DEM", "Ann Lee"), ("REP", "Bob Ray"), ("", "Write-ins"))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 400)


def precinct_rows(counties: int = 3, precincts: int = 8, office: str = "President") -> list[str]:
    return [
        f"County {c},P{c}{p:02d},{office},,{party},{name},{(11 * p + 7 * k + 5 * c) % 90}"
        for c in range(counties)
        for p in range(precincts)
        for k, (party, name) in enumerate(CANDIDATES)
    ]


def grand_totals(rows: list[str], region: str = "TOTAL", off_by: int = 0) -> list[str]:
    """A row per option of each race: the sum of its precincts' rows, under `region` with a blank
    precinct (`off_by` added to the first option's)."""
    sums: dict[tuple[str, ...], int] = {}
    for row in rows:
        *cells, votes = row.split(",")
        key = (cells[2], cells[3], cells[4], cells[5])
        sums[key] = sums.get(key, 0) + int(votes)
    return [
        f"{region},,{office},{district},{party},{name},{total + (off_by if i == 0 else 0)}"
        for i, ((office, district, party, name), total) in enumerate(sums.items())
    ]


def text_of(rows: list[str], newline: str = "\n") -> str:
    return newline.join([HEADER, *rows]) + newline


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


def parts_by_option(text: str) -> dict[str, int]:
    """The oracle: pandas sums of the precinct rows (the totals left out) by candidate."""
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    parts = frame[frame["precinct"] != ""]
    return {str(k): int(v) for k, v in parts.groupby("candidate")["votes"].sum().items()}


def votes_of(elections) -> dict[str, int]:
    return {o.candidate: o.votes for e in elections for o in e.options}


PARTS = precinct_rows()
RACES = precinct_rows(office="President") + precinct_rows(2, 6, office="Governor")
CASES = {
    "a_grand_total_row_per_option": text_of(PARTS + grand_totals(PARTS)),
    "a_grand_total_that_differs_from_its_parts": text_of(PARTS + grand_totals(PARTS, off_by=1)),
    "grand_total_in_words": text_of(PARTS + grand_totals(PARTS, region="Grand Total")),
    "crlf_line_ends": text_of(PARTS + grand_totals(PARTS), newline="\r\n"),
    # A blank line: the block of the totals is read by the exact stages, not by pyarrow.
    "read_by_the_exact_stages": text_of([*PARTS, "", *grand_totals(PARTS)]),
    "at_the_top": text_of(grand_totals(PARTS) + PARTS),
    "a_file_of_races": text_of(RACES + grand_totals(RACES)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_grand_total_rows_stream_with_the_exact_engines_answer(tmp_path, monkeypatch, case):
    path = write(tmp_path, CASES[case])
    results = each_engine(monkeypatch, path)
    exact, streamed = results["exact"], results["stream"]
    assert not [p for p in exact[1] if p.severity == "error"]
    assert any(p.code == "total-row" for p in exact[1])
    assert dump(exact) == dump(streamed)
    assert streams(path)  # the streaming engine answered: no hand-over


def test_the_parts_are_counted_not_the_grand_total(tmp_path, monkeypatch):
    text = CASES["a_grand_total_that_differs_from_its_parts"]
    path = write(tmp_path, text)
    results = each_engine(monkeypatch, path)
    for elections, problems in results.values():
        assert votes_of(elections) == parts_by_option(text)
        assert [p.code for p in problems] == ["total-row", "total-mismatch"]
        assert {p.line for p in problems} == {len(PARTS) + 2}


def test_a_region_named_as_a_total_with_its_own_precincts_is_the_exact_engines(
    tmp_path, monkeypatch
):
    """`TOTAL,All,…`: rows of a precinct that is no total's, summed across precincts by the
    streaming engine, whose lines the totals stage would not have: handed over."""
    rows = PARTS + [row.replace(",,", ",All,", 1) for row in grand_totals(PARTS)]
    path = write(tmp_path, text_of(rows))
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert not streams(path)


NH = Path("/work/shared/realworld/us_nh_2020_general_precinct.csv")


@pytest.mark.skipif(not NH.exists(), reason="the real-world files are not on this machine")
def test_new_hampshires_state_totals_stream_with_the_exact_engines_answer(monkeypatch):
    """OpenElections' New Hampshire 2020 (some 420 races) ends its races with `TOTALS,TOTALS,…`
    and `NEW HAMPSHIRE TOTAL,NEW HAMPSHIRE TOTAL,…` rows: a region named as a total, on rows of a
    precinct kept apart. Handed over before; now streamed, with the exact engine's answer."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 64 << 10)
    results = each_engine(monkeypatch, NH)
    assert dump(results["exact"]) == dump(results["stream"])
    assert streams(NH)
