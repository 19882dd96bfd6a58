"""The hostile corpus: every file ends in one clear error naming the file and line, never a traceback."""

import json
from pathlib import Path

import pytest

from conftest import invoke

HOSTILE = Path(__file__).parent / "hostile"

# file → (problem code, line or None, a fragment of the message)
EXPECTED = {
    "empty.csv": ("empty-file", None, "no header row"),
    "only_comments.csv": ("empty-file", None, "no header row"),
    "header_only.csv": ("no-rows", 1, "no data rows"),
    "no_candidate_column.csv": ("missing-column", 1, "no candidate column"),
    "no_votes_no_share.csv": ("missing-column", 1, "neither a votes nor a share column"),
    "negative_votes.csv": ("negative-votes", 3, "cannot be negative"),
    "fractional_votes.csv": ("type-error", 3, "not a whole number"),
    "nan_votes.csv": ("type-error", 2, "not a finite number"),
    "inf_share.csv": ("type-error", 2, "not a finite number"),
    "huge_votes.csv": ("votes-out-of-range", 2, "larger than any electorate"),
    "share_over_100.csv": ("share-out-of-range", 2, "0 to 100"),
    "negative_share.csv": ("share-out-of-range", 2, "0 to 100"),
    "shares_sum_far_over.csv": ("shares-sum", 2, "160.00 %"),
    "blank_name.csv": ("blank-name", 3, "no name"),
    "duplicate_option.csv": ("duplicate-option", 4, "first on line 2"),
    "row_too_long.csv": ("extra-cell", 2, "quote names that contain the delimiter"),
    "row_too_short.csv": ("missing-cell", 3, "2 cells but the header has 3"),
    "unterminated_quote.csv": ("malformed-csv", 3, "unterminated or stray quote"),
    "neither_votes_nor_share.csv": ("missing-value", 3, "neither votes nor a share"),
    "bad_date.csv": ("invalid-metadata", 1, "ISO form"),
    "bad_term.csv": ("invalid-metadata", 1, "not a number"),
    "zero_term.csv": ("invalid-metadata", 1, "from 1 to 99"),
    "inconsistent_date_column.csv": ("inconsistent-metadata", 3, "on line 2"),
    "conflicting_front_matter.csv": ("inconsistent-metadata", 2, "given twice"),
    "unknown_kind.csv": ("unknown-kind", 3, "not one of candidate"),
    "bad_stage.csv": ("invalid-metadata", 1, "exit_poll"),
    "latin1_bytes.csv": ("encoding-error", 2, "--encoding cp1252"),
    "cp1251_bytes.csv": ("encoding-error", 2, "--encoding cp1251"),
    "ambiguous_decimal.csv": ("ambiguous-number", 2, "--decimal ,"),
    "mixed_decimal_marks.csv": ("ambiguous-number", 3, "decimal comma and a decimal point"),
    "duplicate_header.csv": ("duplicate-label", 1, "both mean 'votes'"),
    "blank_header_with_data.csv": (
        "blank-label",
        2,
        "no header but holds values",
    ),  # (at its value: session 21)
    "binary_garbage.csv": ("encoding-error", 2, "not a CSV text file"),
    "cast_base_without_cast.csv": ("invalid-metadata", 1, "ballots_cast is not given"),
    "ansi_in_name.csv": ("negative-votes", 2, "negative"),
    # Issue 13 item 8: past Python's int-string limit (4,300 digits), in a cell and in front matter.
    "huge_digits.csv": ("votes-out-of-range", 2, "larger than any electorate"),
    "huge_digits_front_matter.csv": ("invalid-metadata", 1, "larger than any electorate"),
    # Item 24: what int() and float() accept but a results table does not.
    "arabic_indic_digits.csv": ("type-error", 2, "write the digits 0-9"),
    "underscore_count.csv": ("type-error", 3, "underscore is not a thousands separator"),
    # Issue 11 item 7: within 1e-6 of a whole number is read as one; this is just beyond.
    "fraction_rounded_by_float.csv": ("type-error", 2, "not a whole number"),
}


def test_every_corpus_file_has_an_expectation():
    assert sorted(p.name for p in HOSTILE.glob("*.csv")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_summary_refuses_with_one_clear_line(name):
    _code, line, fragment = EXPECTED[name]
    path = HOSTILE / name
    result = invoke("summary", str(path))
    assert result.code == 1
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    where = f"{path}:{line}: " if line else f"{path}: "
    assert first.startswith(f"pollcli: error: {where}"), first
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_the_code(name):
    code, line, _ = EXPECTED[name]
    result = invoke("validate", str(HOSTILE / name), "--format", "json")
    assert result.code == 1
    report = json.loads(result.stdout)
    problems = report["files"][0]["problems"]
    assert report["files"][0]["valid"] is False
    assert (code, line) in [(p["code"], p["line"]) for p in problems]


def test_validate_lists_every_problem_at_once(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("candidate,votes\nA,-1\nB,abc\n,3\nD,4,5\nA,2\n", encoding="utf-8")
    result = invoke("validate", str(path), "--format", "json")
    codes = [(p["line"], p["code"]) for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert codes == [
        (2, "negative-votes"),
        (3, "type-error"),
        (4, "blank-name"),
        (5, "extra-cell"),
        (6, "duplicate-option"),  # A again, its first row refused for its -1 (session 20)
    ]
    assert result.code == 1


def test_summary_shows_the_first_few_and_points_to_validate(tmp_path):
    path = tmp_path / "lots.csv"
    path.write_text("candidate,votes\n" + "".join(f"C{i},-{i + 1}\n" for i in range(12)))
    result = invoke("summary", str(path))
    assert result.code == 1
    assert result.stderr.count("pollcli: error:") == 5
    assert f"… and 7 more error(s); run 'pollcli validate {path}'" in result.stderr


def test_warnings_alone_exit_zero(tmp_path):
    path = tmp_path / "warn.csv"
    path.write_text("candidate,votes,share\nA,60,50\nB,40,50\n")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 0
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert {p["severity"] for p in problems} == {"warning"}
    assert {p["code"] for p in problems} == {"share-mismatch"}


def test_a_misspelt_header_is_named(tmp_path):
    path = tmp_path / "typo.csv"
    path.write_text("Canidate,Vots\nA,10\nB,5\n", encoding="utf-8")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "is 'Canidate' meant to be 'candidate'? rename it" in result.stderr
    assert "is 'Vots' meant to be 'votes'? rename it" in result.stderr


# Issue 13 item 21: a cell past the CSV reader's limit (131,072 characters) says so, and how long.
LIMIT_MESSAGE = "a cell of 140,000 characters, longer than the 131,072 the CSV reader accepts"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_cell_over_the_field_limit_says_how_long(tmp_path, engine):
    # Streamed, the block goes back to the exact parser for its negative count. (Rows of 1,000
    # names over 20 regions past the head's megabyte: 150,000 names of one race, as here before,
    # pass the bound on options on line 10,002, where reading stops, `read.limits`.)
    name = "Candidate of a name long enough to fill the head"
    rows = "".join(f"R{i % 20},{name} {i // 20},1\n" for i in range(20_000))
    rows = rows if engine == "stream" else ""
    text = "region,candidate,votes\n" + rows + "R,A,-1\nR," + "B" * 140_000 + ",5\n"
    target = tmp_path / "long_cell.csv"
    target.write_text(text, encoding="utf-8")
    line = text.count("\n")  # the long cell's line is the last one
    result = invoke("validate", str(target), "--format", "json", env={"POLLCLI_ENGINE": engine})
    problems = json.loads(result.stdout)["files"][0]["problems"]
    malformed = [p for p in problems if p["code"] == "malformed-csv"]
    assert [(p["line"], p["message"].split(";")[0]) for p in malformed] == [(line, LIMIT_MESSAGE)]
    assert "quote" not in malformed[0]["message"]


def test_an_unterminated_quote_that_runs_past_the_limit_says_so(tmp_path):
    target = tmp_path / "runaway.csv"
    target.write_text('candidate,votes\nA,1\n"B,2\n' + "C,3\n" * 40_000, encoding="utf-8")
    result = invoke("summary", str(target))
    assert result.code == 1
    assert result.stderr.startswith(
        f"pollcli: error: {target}:3: a quoted cell runs on for more than 131,072 characters "
        "from here; look for an unterminated quote"
    )
