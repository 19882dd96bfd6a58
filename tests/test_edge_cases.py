"""Cases a first reviewer found: each once produced a wrong figure, a lost warning or lost data."""

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write


def test_output_refuses_a_hard_link_to_an_input(tmp_path):
    source = write(tmp_path, "candidate,votes\nA,1\nB,2\n")
    link = tmp_path / "link.csv"
    os.link(source, link)
    result = invoke("summary", str(source), "--output", str(link))
    assert result.code == 2 and "never overwrites" in result.stderr
    assert source.read_text() == "candidate,votes\nA,1\nB,2\n"


def test_warnings_stay_with_their_election(tmp_path):
    path = write(
        tmp_path, "election,candidate,votes,share\nE1,A,10,60\nE1,B,5,40\nE2,A,10,50\nE2,B,10,50\n"
    )
    elections = json.loads(invoke("summary", str(path), "--format", "json").stdout)["elections"]
    assert len(elections[0]["warnings"]) == 2
    assert elections[1]["warnings"] == []


def test_shares_of_ballots_cast_draw_one_hint_not_a_sum_warning(summarize_text):
    text = "# ballots_cast: 1000\ncandidate,votes,share\nA,600,60.0\nB,300,30.0\nInvalid,100,10.0\n"
    s = summarize_text(text)
    assert len(s.warnings) == 1 and "fit the cast base" in s.warnings[0]
    assert any("add up to 100.00 %" in n and "ballots cast" in n for n in s.notes)


def test_front_matter_numbers_follow_the_decimal_mark(tmp_path):
    path = write(
        tmp_path,
        "# registered: 1.953.465\n# ballots_cast: 953.465\ncandidate;votes;share\nA;600;60,0\nB;400;40,0\n",
    )
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["turnout"]["ballots_cast"] == 953465


def test_unknown_delimiter_is_a_usage_error(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,1\n")
    result = invoke("summary", str(path), "--delimiter", "x")
    assert result.code == 2 and "--delimiter" in result.stderr


def test_utf16_without_bom_and_nul_bytes_are_encoding_errors(tmp_path):
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("candidate,votes\nA,10\nB,5\n".encode("utf-16-le"))
    result = invoke("summary", str(utf16))
    assert result.code == 1 and "--encoding utf-16" in result.stderr
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"candidate,votes\nA\x00,10\nB,5\n")
    result = invoke("summary", str(nul))
    assert result.code == 1 and f"{nul}:2:" in result.stderr and "NUL" in result.stderr


def test_votes_on_some_rows_and_shares_on_others_is_refused(tmp_path):
    path = write(tmp_path, "candidate,votes,share\nA,10,\nB,,40\n")
    result = invoke("summary", str(path))
    assert result.code == 1 and "cannot be compared" in result.stderr


def test_stdin_only_once(tmp_path):
    assert invoke("summary", "-", "-", stdin=b"candidate,votes\nA,1\n").code == 2


def test_others_are_not_candidates(summarize_text):
    s = summarize_text("candidate,votes\nA,50\nB,30\nOthers,40\n")
    assert s.runner_up.candidate == "B"
    assert [r.kind for r in s.results if r.candidate == "Others"] == ["other"]


def test_invalid_rows_rank_last_and_are_checked_against_ballots_cast(summarize_text):
    s = summarize_text(
        "# ballots_cast: 1000\n# share_base: cast\ncandidate,votes\nA,500\nInvalid,300\nB,200\n"
    )
    assert [r.candidate for r in s.results] == ["A", "B", "Invalid"]
    assert any("listed (300) equal ballots cast (1,000)" in n for n in s.notes)


def test_ballots_cast_above_registered_is_a_validation_warning(tmp_path):
    path = write(tmp_path, "# registered: 100\n# ballots_cast: 150\ncandidate,votes\nA,100\nB,50\n")
    problems = json.loads(invoke("validate", str(path), "--format", "json").stdout)["files"][0][
        "problems"
    ]
    assert [(p["code"], p["line"], p["severity"]) for p in problems] == [
        ("inconsistent-metadata", 2, "warning")
    ]


def test_ballots_that_do_not_add_up_are_a_validation_warning_as_in_the_findings(tmp_path):
    """The summary's "do NOT equal" finding and validate agree: 2,955 + 45 is not 3,100."""
    text = "# ballots_cast: 3100\n# invalid: 45\nparty,votes\nGreen,1955\nRed,1000\n"
    path = write(tmp_path, text)
    problems = json.loads(invoke("validate", str(path), "--format", "json").stdout)["files"][0][
        "problems"
    ]
    assert [(p["code"], p["line"], p["severity"]) for p in problems] == [
        ("inconsistent-metadata", 1, "warning")
    ]
    assert (
        "plus invalid ballots (45) make 3,000, not ballots_cast (3,100)" in problems[0]["message"]
    )
    summary = invoke("summary", str(path))
    assert "do NOT equal" in summary.stdout and "make 3,000" in summary.stderr
    fine = write(tmp_path, text.replace("3100", "3000"), "fine.csv")
    assert "no problems found" in invoke("validate", str(fine)).stdout


def test_impossible_dates_and_rounds_say_what_to_do(tmp_path):
    bad_day = write(tmp_path, "# date: 2020-02-30\ncandidate,votes\nA,1\n", "d.csv")
    assert "not a real calendar date" in invoke("summary", str(bad_day)).stderr
    bad_round = write(tmp_path, "# round: first\ncandidate,votes\nA,1\n", "r.csv")
    assert "give 1 or 2" in invoke("summary", str(bad_round)).stderr


def test_a_vanishing_share_gives_no_infinite_effective_number(tmp_path):
    """3e-160 squared is denormal: 1/x overflows; JSON prints null, never Infinity or a crash."""
    result = invoke(
        "summary", str(write(tmp_path, "candidate,share\nAna,3e-160\nBen,0\n")), "-f", "json"
    )
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["effective_number"] is None


def test_listed_blank_rows_and_an_invalid_fact_add_up_together(tmp_path):
    """Blank ballots as a row, invalid ones as a fact: both count against ballots_cast."""
    text = "# ballots_cast: 1100\n# invalid: 50\ncandidate,votes\nAna,600\nBen,400\nBlank,50\n"
    path = write(tmp_path, text)
    report = json.loads(invoke("validate", str(path), "-f", "json").stdout)
    assert report["files"][0]["problems"] == []
    out = invoke("summary", str(path), "-f", "markdown").stdout  # findings unwrapped
    # Markdown escapes parentheses (a name must never become a link).
    assert "plus blank ballots listed and invalid ballots (100) equal ballots cast" in out


# Issue 13 item 15: a long line costs time in proportion to its length, never to its square.
LONG = 200_000


@pytest.mark.parametrize(
    "line",
    [
        "#a" + " " * LONG + "b",  # the key's lazy repetition met the spaces before ':'
        "# key: b" + " " * LONG + "c",  # the value's lazy repetition met the trailing spaces
        "#" + "\t " * (LONG // 2) + "x: y",
        "# registered" + " " * LONG + ": 5",
    ],
)
def test_a_long_front_matter_line_is_read_in_linear_time(tmp_path, line):
    import time

    path = write(tmp_path, f"{line}\ncandidate,votes\nA,10\nB,5\n")
    # CPU time of this process (the command runs in it), not wall time: a shared machine's load
    # is no part of it. Quadratic, such a line took minutes.
    started = time.process_time()
    result = invoke("validate", str(path), "--format", "json")
    elapsed = time.process_time() - started
    assert result.code in (0, 1), result.stderr
    assert elapsed < 2.0, f"{elapsed:.1f} s for a {len(line):,}-character line"


@given(st.text(alphabet=" \t\u00a0#:ab_1é", max_size=30))
def test_front_matter_reads_as_the_old_regular_expression_did(text):
    """Oracle: the former expression, on lines short enough for its backtracking."""
    import re

    from pollcli.problems import Found
    from pollcli.read.dialect import RawTable, split

    old = re.compile(r"^#\s*([A-Za-z_][\w ]*?)\s*:\s*(.*?)\s*$")
    line = "#" + text
    table = RawTable(name="x", stem="x")
    split(line + "\ncandidate,votes\nA,1\n", table, Found("x"), None)
    stripped = line.strip()
    match = old.match(stripped)
    expected = [(match[1].strip(), match[2])] if match else []
    if stripped.startswith("#") and len(stripped) > 1 and stripped[1] in ",;\t|":
        return  # a header whose first column is '#', not a comment
    assert [(f.key, f.value) for f in table.front_matter] == expected
