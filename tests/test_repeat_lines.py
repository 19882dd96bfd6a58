"""A precinct file with an option listed twice in one precinct (a row written twice, a precinct
exported twice) is read by the streaming engine with the exact engine's answer: once the file is
summed and a repeat found (`repeats.Repeats`), the units that repeat are worked out and the file is
read again with their rows one by one (`read/repeatlines.py`), for the assembly to name every line
(`duplicate-option`) or add up a precinct's write-ins with a note, as it does the exact engine's
rows. Was handed to the exact engine after the whole file (11 s and 740 MiB a million rows, against
1.4 s and 235). Precincts with counts (registered voters) are still the exact engine's.
"""

import functools
import io

import pandas as pd
import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream
from pollcli.read.repeatlines import Again

HEADER = "county,precinct,office,district,party,candidate,votes"
CANDIDATES = (("DEM", "Ann Lee"), ("REP", "Bob Ray"), ("", "Write-ins"))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


def precinct_rows(c: int, p: int, office: str = "President") -> list[str]:
    return [
        f"County {c},P{c}{p:02d},{office},,{party},{name},{(17 * p + 7 * k + 3 * c) % 90}"
        for k, (party, name) in enumerate(CANDIDATES)
    ]


def rows_of(counties: int = 3, precincts: int = 12, office: str = "President") -> list[str]:
    return [
        row
        for c in range(counties)
        for p in range(precincts)
        for row in precinct_rows(c, p, office)
    ]


def text_of(rows: list[str], header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


def with_row(rows: list[str], at: int, row: str) -> list[str]:
    return [*rows[:at], row, *rows[at:]]


ROWS = rows_of()
RACES = rows_of() + rows_of(2, 5, "Governor")
CASES = {
    # A row of the last precinct again at the end (the bench's `repeated` file).
    "a_row_again_at_the_end": with_row(ROWS, len(ROWS), ROWS[-2]),
    "a_row_twice_in_the_middle": with_row(ROWS, 40, ROWS[39]),
    "a_row_again_with_other_figures": with_row(ROWS, 40, ROWS[39].rsplit(",", 1)[0] + ",999"),
    # A precinct exported twice, far apart: its rows in several blocks.
    "a_precinct_twice_far_apart": ROWS + precinct_rows(0, 3),
    "a_race_of_a_file_of_races": with_row(RACES, len(RACES) - 2, RACES[-2]),
    # A blank line beside the repeat: its block is read by the exact stages on the first reading.
    "beside_a_blank_line": with_row(with_row(ROWS, 40, ROWS[39]), 41, ""),
    "crlf_line_ends": with_row(ROWS, 40, ROWS[39]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_repeated_option_streams_with_the_exact_engines_problems(tmp_path, monkeypatch, case):
    newline = "\r\n" if case == "crlf_line_ends" else "\n"
    path = write(tmp_path, text_of(CASES[case]).replace("\n", newline))
    results = each_engine(monkeypatch, path)
    exact, streamed = results["exact"], results["stream"]
    assert {p.code for p in exact[1] if p.severity == "error"} == {"duplicate-option"}
    assert dump(exact) == dump(streamed)
    assert streams(path)  # the streaming engine answered: no hand-over


def test_the_repeated_line_and_the_first_are_named(tmp_path, monkeypatch):
    rows = CASES["a_row_again_with_other_figures"]
    path = write(tmp_path, text_of(rows))
    for _, problems in each_engine(monkeypatch, path).values():
        (error,) = problems
        assert error.line == 42  # header, 40 rows, the repeat
        assert "with different figures (" in error.message
        assert "on line 41, 999 here" in error.message


def test_write_ins_listed_twice_in_a_precinct_are_added_up(tmp_path, monkeypatch):
    """Unnamed write-ins are an 'other' option: two rows of them in a precinct are added up, with a
    note; the figure is pandas' sum of the rows."""
    write_in = next(r for r in ROWS[30:] if ",Write-ins," in r)
    rows = with_row(ROWS, ROWS.index(write_in) + 1, write_in.rsplit(",", 1)[0] + ",4")
    text = text_of(rows)
    path = write(tmp_path, text)
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert streams(path)
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    expected = int(frame[frame["candidate"] == "Write-ins"]["votes"].sum())
    (election,) = results["stream"][0]
    assert {o.candidate: o.votes for o in election.options}["Write-ins"] == expected
    assert any("added up" in note for note in election.notes)


def test_precincts_with_counts_are_still_the_exact_engines(tmp_path, monkeypatch):
    rows = [f"{row},{500 + i // 3}" for i, row in enumerate(ROWS)]
    rows = with_row(rows, 40, rows[39])
    path = write(tmp_path, text_of(rows, HEADER + ",registered_voters"))
    results = each_engine(monkeypatch, path)
    assert dump(results["exact"]) == dump(results["stream"])
    assert not streams(path)


def test_only_the_repeated_precinct_is_read_row_by_row(tmp_path, monkeypatch):
    """The second reading is told the one precinct that repeats an option: its rows alone are keys
    of their own (those of the other precincts are summed as ever)."""
    path = write(tmp_path, text_of(CASES["a_row_twice_in_the_middle"]))
    seen: list[Again] = []
    read = stream.read_stream

    def reading(*args, again=None, **keywords):
        if again is not None:
            seen.append(again)
        return read(*args, again=again, **keywords)

    monkeypatch.setattr(stream, "read_stream", reading)
    assert reading(path, str(path), ReadOptions()) is not None
    (again,) = seen
    assert len(again.known) == 1
    assert again.holds(["County 1", "P101", "President", "", "DEM", "Ann Lee", "5"])
    assert not again.holds(["County 1", "P102", "President", "", "DEM", "Ann Lee", "5"])


def test_a_repeat_among_blank_precinct_rows_gets_the_exact_engines_advice(tmp_path, monkeypatch):
    # Found by the Parquet property (tests/test_engines_agree_property.py): the streaming engine
    # sums a region's precinct rows into records of no unit, so the race seemed to name no
    # precinct and the advice lost "or give these rows a 'precinct' (MAIL, PROVISIONAL…)".
    rows = ["county,precinct,candidate,votes", "R1,P1,Ana Lee,5", "R1,P2,Ana Lee,4"]
    rows += ["R1,P1,Ben,3", "R1,,Ana Lee,1", "R1,P2,Ben,2", "R1,,Ana Lee,1", "R1,,Ana Lee,1"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    results = each_engine(monkeypatch, path)
    exact, streamed = dump(results["exact"]), dump(results["stream"])
    assert exact == streamed
    advice = [p.message for p in results["stream"][1] if p.code == "duplicate-option"]
    assert advice and all("or give these rows a 'precinct'" in m for m in advice)


def by_race(rows: list[str]) -> list[str]:
    """Rows sorted by race and candidate, then precinct (Florida's files): a precinct's rows are
    then spread through the whole file."""
    return sorted(rows, key=lambda row: (row.split(",")[2], row.split(",")[5], row.split(",")[1]))


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_repeating_precinct_spread_through_the_file_leaves_the_rest_summed(
    tmp_path, monkeypatch, newline
):
    """Read again, a block that holds rows of a precinct that repeats an option has those rows
    read one by one and the others summed; the whole block was read by the exact stages, and so
    was every block of a file sorted by race (Palm Beach 2020's precinct 4014: 2.2 s of CPU where
    the exact engine takes 1.0). Both engines' answers alike, every line of the repeat named."""
    from pollcli.read import blocks, repeatlines

    rows = by_race(with_row(RACES, 40, RACES[39]))
    path = write(tmp_path, text_of(rows).replace("\n", newline))
    monkeypatch.setattr(repeatlines, "Again", functools.partial(Again, block_bytes=512))
    summed: list = []
    summarize = blocks.Layout.summarize

    def watched(self, data):
        result = summarize(self, data)
        summed.append((self.again is not None, result))
        return result

    monkeypatch.setattr(blocks.Layout, "summarize", watched)
    results = each_engine(monkeypatch, path)
    exact, streamed = results["exact"], results["stream"]
    assert dump(exact) == dump(streamed)
    (error,) = [p for p in exact[1] if p.severity == "error"]
    assert error.code == "duplicate-option"
    again = [result for read_again, result in summed if read_again]
    assert len(again) > 3 and all(result is not None for result in again)
    # The precinct's rows, and the repeat.
    assert sum(len(result.alone) for result in again) == 3 + 1
