"""A mode column with TOTAL rows beside other modes (MEDSL's precinct files: a precinct's Election
Day, Absentee and Total rows) is settled precinct by precinct (`modes.collapse`). The streaming engine
sums a county's precincts first, which settles the same count when every precinct's option has a
TOTAL row and other modes that add up to it: where the head's rows mix the modes, the workers keep
each precinct option's TOTAL and other votes (`read/modegroups.py`), and such a file is streamed,
with the exact engine's elections, notes and problems (was handed over after the whole file: 18 s
and 1.1 GB a million rows). A precinct that settles otherwise (no TOTAL row, TOTAL rows only, modes
that do not add up), a mode spelt two ways or a block read by the exact stages hands it to the
exact engine once the file is summed, as before. Figures are checked against pandas.
"""

import io

import pandas as pd
import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream
from pollcli.read.modes import mixed_in_head

HEADER = "county,precinct,office,district,party,candidate,mode,votes"
CANDIDATES = (("DEM", "Ann Lee"), ("REP", "Bob Ray"))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


def rows_of(modes: tuple[str, ...], precincts: range, total: bool) -> list[str]:
    rows = []
    for p in precincts:
        for k, (party, name) in enumerate(CANDIDATES):
            votes = [(11 * p + 5 * k + 3 * m) % 60 for m in range(len(modes))]
            for mode, count in zip(modes, votes, strict=True):
                rows.append(f"County {p % 3},P{p:03d},President,,{party},{name},{mode},{count}")
            if total:
                rows.append(f"County {p % 3},P{p:03d},President,,{party},{name},Total,{sum(votes)}")
    return rows


def text_of(rows: list[str]) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


MODES = ("Election Day", "Absentee")


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


def with_rows(rows: list[str], change) -> list[str]:
    return [changed for row in rows if (changed := change(row)) is not None]


SETTLED = rows_of(MODES, range(60), total=True)
RACES = SETTLED + [
    row.replace("President", "Governor") for row in rows_of(MODES, range(0, 60, 2), total=True)
]
STREAMED = {
    "every_precinct_with_a_total_row": SETTLED,
    "a_file_of_races": RACES,
    # A precinct's rows far apart (its Total rows at the end): added up again by precinct.
    "a_precinct_spread_through_the_file": [r for r in SETTLED if "P007" not in r]
    + [r for r in SETTLED if "P007" in r][::-1],
}


@pytest.mark.parametrize("case", sorted(STREAMED))
def test_precincts_that_all_settle_alike_stream(tmp_path, monkeypatch, case):
    text = text_of(STREAMED[case])
    path = write(tmp_path, text)
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert streams(path)  # the streaming engine answered: no hand-over
    frame = pd.read_csv(io.StringIO(text))
    totals = frame[frame["mode"] == "Total"].groupby(["office", "candidate"])["votes"].sum()
    for election in results["stream"][0]:
        office = election.facts.office
        assert {o.candidate: o.votes for o in election.options} == {
            name: int(votes) for (race, name), votes in totals.items() if race == office
        }
        assert any("checked against them" in note for note in election.notes)


HANDED_OVER = {
    # P003's Absentee votes off by one from its Total row: a mode-mismatch warning.
    "modes_that_do_not_add_up": with_rows(
        SETTLED, lambda r: r[:-1] + str(int(r[-1]) + 1) if "P003" in r and "Absentee" in r else r
    ),
    # P004 gives no Total row: its modes added up, with a note.
    "a_precinct_without_a_total_row": with_rows(
        SETTLED, lambda r: None if "P004" in r and "Total" in r else r
    ),
    # P005 gives its Total rows only.
    "a_precinct_of_total_rows_only": with_rows(
        SETTLED, lambda r: None if "P005" in r and "Total" not in r else r
    ),
    "a_mode_spelt_two_ways": with_rows(
        SETTLED, lambda r: r.replace("Absentee", "ABSENTEE") if "P006" in r else r
    ),
    # A blank line: a block read by the exact stages, whose rows the workers did not keep.
    "a_block_read_by_the_exact_stages": [*SETTLED[:50], "", *SETTLED[50:]],
}


@pytest.mark.parametrize("case", sorted(HANDED_OVER))
def test_precincts_that_settle_otherwise_are_the_exact_engines(tmp_path, monkeypatch, case):
    path = write(tmp_path, text_of(HANDED_OVER[case]))
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert not streams(path)


def test_modes_mixed_past_the_head_only_are_still_the_exact_engines(tmp_path, monkeypatch):
    """The head (64 KiB of rows) shows Election Day and Absentee rows; the file's last precincts
    give Total rows as well: found at the end, as before."""
    rows = rows_of(MODES, range(800), total=False) + rows_of(MODES, range(800, 805), total=True)
    path = write(tmp_path, text_of(rows))
    assert path.stat().st_size > 2 * stream.SPLIT_CHARS
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert stream.read_stream(path, str(path), ReadOptions()) is None


def test_modes_without_total_rows_stream(tmp_path, monkeypatch):
    path = write(tmp_path, text_of(rows_of(MODES, range(60), total=False)))
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert stream.read_stream(path, str(path), ReadOptions()) is not None


@pytest.mark.parametrize(
    ("modes", "mixed"),
    [
        ({"Election Day", "Absentee"}, False),
        ({"TOTAL"}, False),
        ({"Election Day", "Total"}, True),
        ({"Absentee", "ABSENTEE"}, True),  # one mode spelt two ways
        ({"", "Total"}, False),  # a blank cell is no mode
    ],
)
def test_which_heads_mix_their_modes(modes, mixed):
    head = [(2 + i, ["P1", mode, "1"]) for i, mode in enumerate(sorted(modes))]
    assert mixed_in_head(head, 1) is mixed
    assert mixed_in_head(head, None) is False
