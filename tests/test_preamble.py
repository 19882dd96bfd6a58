"""Where the header is: title lines above it, a header over several rows, and `--header-line`."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write
from pollcli.errors import UsageError
from pollcli.read import ReadOptions, engines, load_file, stream
from pollcli.read.options import header_lines
from pollcli.read.preamble import combine, locate

PLAIN = "candidate,votes\nAnn,10\nBob,5\n"


def votes_of(elections, index=0):
    return {o.candidate: o.votes for o in elections[index].options}


@pytest.mark.parametrize(
    "top",
    [
        "Election results 2024\nProvisional\n\n",  # title lines, a blank line
        "Election results 2024,\nDate: 2024-05-01,\n",  # padded to the table's width
        "# election: E\nResults of the count\n",  # front matter, then a title
    ],
)
def test_title_lines_above_the_header_are_skipped_with_a_note(tmp_path, top):
    path = write(tmp_path, top + PLAIN)
    elections, problems = load_file(path, ReadOptions())
    assert problems == [] and votes_of(elections) == {"Ann": 10, "Bob": 5}
    header_line = (top + PLAIN).splitlines().index("candidate,votes") + 1
    assert any(
        f"above the header (line {header_line}) were skipped" in n for n in elections[0].notes
    )


def test_front_matter_stays_front_matter(tmp_path):
    path = write(tmp_path, "# election: Test\n# date: 2024-05-01\n" + PLAIN)
    elections, problems = load_file(path, ReadOptions())
    assert problems == [] and elections[0].facts.election == "Test"
    assert not any("skipped" in n for n in elections[0].notes)


def test_a_plain_file_is_read_as_before():
    assert locate(PLAIN.splitlines(keepends=True), [","]) is None


def test_a_header_over_three_rows_is_combined():
    rows = [
        ["Nr", "Gebiet", "Wahlberechtigte", "", "", "", "Partei A", "", "", ""],
        ["", "", "Erststimmen", "", "Zweitstimmen", "", "Erststimmen", "", "Zweitstimmen", ""],
        ["", "", *["Vorläufig", "Vorperiode"] * 4],
    ]
    header, levels = combine(rows)
    assert header[:3] == ["Nr", "Gebiet", "Wahlberechtigte / Erststimmen / Vorläufig"]
    assert header[5] == "Wahlberechtigte / Zweitstimmen / Vorperiode"
    assert header[9] == "Partei A / Zweitstimmen / Vorperiode"
    assert levels[0] == ("Nr", "", "")


def test_the_kerg_layout_header_is_found(tmp_path):
    from pathlib import Path

    path = Path(__file__).parent / "layouts" / "kerg_like.csv"
    elections, _ = load_file(path, ReadOptions())
    assert len(elections) == 4
    notes = elections[0].notes
    assert any("5 line(s) above the header (line 6)" in n for n in notes)
    assert any("The header spans lines 6–8" in n for n in notes)


def test_a_blank_line_within_the_header_lines_is_no_header_row(tmp_path):
    """`--header-line 6-9` over a header of lines 6-8 and a blank line 9 (the Bundeswahlleiter's
    older kerg files leave one under the header): the first row of data is no header row. It was
    read as a fourth label of every column, each column an election of its own."""
    from pathlib import Path

    lines = (
        (Path(__file__).parent / "layouts" / "kerg_like.csv").read_text("utf-8-sig").splitlines()
    )
    text = "\n".join([*lines[:8], "", *lines[8:]]) + "\n"
    path = write(tmp_path, text, "kerg_like.csv")
    expected, _ = load_file(Path(__file__).parent / "layouts" / "kerg_like.csv", ReadOptions())
    elections, _ = load_file(path, ReadOptions(header_line=(6, 9)))
    assert [e.facts.election for e in elections] == [e.facts.election for e in expected]
    assert [votes_of([e]) for e in elections] == [votes_of([e]) for e in expected]
    assert any("The header spans lines 6–8" in n for n in elections[0].notes)


# The Bundeswahlleiter's older kerg files: each label written in every column it spans, the variants
# (`Erststimmen;Zweitstimmen`) in a second row that pollcli does not find by itself.
KERG_REPEATED = (
    "Wahlkreis;;Wahlberechtigte;Wähler;Gültige;Gültige;SPD;SPD;CDU;CDU\n"
    "Nr.;Name;;;Erststimmen;Zweitstimmen;Erststimmen;Zweitstimmen;Erststimmen;Zweitstimmen\n"
    "\n"
    "001;Nordstadt;1000;700;690;695;400;380;290;315\n"
    "002;Südstadt;2000;1500;1480;1490;700;800;780;690\n"
)


def test_a_second_header_row_not_found_is_named_with_what_to_pass(tmp_path):
    path = write(tmp_path, KERG_REPEATED, "kerg_repeated.csv")
    result = invoke("summary", str(path))
    assert result.code == 1
    first = result.stderr.splitlines()[0]
    assert first == (
        f"pollcli: error: {path}:2: this row holds words, not counts, under the columns of counts "
        "('Erststimmen', 'Zweitstimmen' …): if it is a second row of the header, pass "
        "--header-line 1-2"
    )
    # Following it: first and second votes, by hand (SPD 400+700 and 380+800, CDU 290+780 and
    # 315+690).
    elections, problems = load_file(path, ReadOptions(header_line=(1, 2)))
    assert not [p for p in problems if p.severity == "error"]
    assert [votes_of([e]) for e in elections] == [
        {"SPD": 1100, "CDU": 1070},
        {"SPD": 1180, "CDU": 1005},
    ]


# India's booth files, a row of groups over the columns' names: tests/test_header_groups.py.


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6, (6, None)), ("6", (6, None)), ("6-8", (6, 8)), (" 6 – 8 ", (6, 8)), ((6, 8), (6, 8))],
)
def test_header_line_values(value, expected):
    assert header_lines(value) == expected


@pytest.mark.parametrize("value", ["x", "0", "8-6", "1-20", True, (1, 2, 3)])
def test_impossible_header_lines_are_usage_errors(value):
    with pytest.raises(UsageError, match="--header-line"):
        header_lines(value)


def test_header_line_says_where_the_header_is(tmp_path):
    # A title of two cells looks like a header of two columns: --header-line decides.
    path = write(tmp_path, "Results,2024\n" + PLAIN)
    _, problems = load_file(path, ReadOptions())
    assert "the header seems to start on line 2: pass --header-line 2" in problems[0].message
    elections, problems = load_file(path, ReadOptions(header_line=(2, None)))
    assert problems == [] and votes_of(elections) == {"Ann": 10, "Bob": 5}


def test_header_line_beyond_the_file(tmp_path):
    _, problems = load_file(write(tmp_path, PLAIN), ReadOptions(header_line=(9, None)))
    assert [p.code for p in problems] == ["empty-file"]
    assert "no line 9" in problems[0].message


def test_a_file_without_a_header_is_told_so(tmp_path):
    _, problems = load_file(write(tmp_path, "Ann,10\nBob,5\n"), ReadOptions())
    assert "line 1 holds figures, not a header" in problems[0].message


def test_both_engines_find_the_header_below_title_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 128)
    rows = "".join(f"R{i % 7},P{i},{name},{i % 13}\n" for i in range(200) for name in ("A", "B"))
    path = write(tmp_path, "Results by precinct\n\n" + "region,precinct,candidate,votes\n" + rows)
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results.append(load_file(path, ReadOptions()))
    assert results[0] == results[1]
    assert stream.read_stream(path, "f", ReadOptions()) is not None  # read by the stream engine


def test_cli_header_line(tmp_path):
    path = write(tmp_path, "Results,2024\n" + PLAIN)
    result = invoke("summary", str(path), "--header-line", "2", "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["leader"]["candidate"] == "Ann"
    result = invoke("validate", str(path), "--header-line", "two")
    assert result.code == 2 and "--header-line 'two'" in result.stderr


# Connecticut's town files (OpenElections' 20141104__ct__general__danbury__precinct.csv): the
# candidate column has no header and the vote columns are vote modes. A data row whose party and
# candidate cells are both `write-in` (a word pollcli reads as a column) was taken for a header:
# "the header seems to start on line 4: pass --header-line 4", and passing it pointed further down.
CONNECTICUT = """county,precinct,office,district,party,,poll,abs
Fairfield,Danbury 1-109,Governor,,REP,Thomas C. Foley,45,0
Fairfield,Danbury 1-109,Governor,,DEM,Dannel P. Malloy,93,5
Fairfield,Danbury 1-109,Governor,,write-in,write-in,1,0
Fairfield,Danbury 1-109,U.S. House,5,REP,Mark Greenberg,41,0
"""


def test_a_data_row_of_header_words_is_no_header_hint(tmp_path):
    _, problems = load_file(write(tmp_path, CONNECTICUT), ReadOptions())
    messages = " ".join(p.message for p in problems)
    assert "column 6 has no header but holds values" in messages
    assert "--header-line" not in messages


# Nepal's 2022 House results (an export of the Election Commission's tables), invented rows: the
# votes column's header is one pollcli does not know, and a winner's `Remarks` cell says `Elected`,
# a word pollcli reads as a column. Such a row of words (its votes cell `n/a`) was taken for a header:
# "the header seems to start on line 5: pass --header-line 5".
NEPAL = (
    "CandidateName,Gender,PoliticalPartyName,DistrictName,TotalVoteReceived,Remarks,Address\n"
    "Ram Uno,M,Party A,Kaski,2100,Elected,Pokhara\n"
    "Sita Dos,F,Party B,Kaski,2000,,Pokhara\n"
    "Hari Tres,M,Party C,Kaski,15,,Lekhnath\n"
    "Gita Cuatro,F,Party B,Parbat,n/a,Elected,Kusma Bazaar\n"
)


def test_a_data_row_with_a_header_word_in_its_column_is_no_header(tmp_path):
    path = write(tmp_path, NEPAL)
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "--header-line" not in result.stderr
    assert "neither a votes nor a share column" in result.stderr
