"""A mode column with TOTAL rows beside other modes (MEDSL's precinct files: a precinct's Election
Day, Absentee and Total rows) is settled precinct by precinct, by the exact engine
(`modes.by_precinct`). The streaming engine used to sum the whole file before it found that out at
the end and handed it over (18 s and 1.1 GB a million rows); it now tells from the head's rows and
hands it over before it reads a block (`modes.mixed_in_head`). A file whose head shows one kind of
mode only is streamed as before, and handed over at its end where it mixes them after all.
"""

import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream
from pollcli.read.blocks import Layout
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


def counted_blocks(monkeypatch) -> list[int]:
    calls: list[int] = []
    summarize = Layout.summarize

    def counting(self, data):
        calls.append(len(data))
        return summarize(self, data)

    monkeypatch.setattr(Layout, "summarize", counting)
    return calls


MODES = ("Election Day", "Absentee")


def test_total_rows_beside_modes_in_the_head_go_to_the_exact_engine_before_a_block(
    tmp_path, monkeypatch
):
    path = write(tmp_path, text_of(rows_of(MODES, range(60), total=True)))
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    calls = counted_blocks(monkeypatch)
    assert stream.read_stream(path, str(path), ReadOptions()) is None
    assert not calls  # on main every block was summed first


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
