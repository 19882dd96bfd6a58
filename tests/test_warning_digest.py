"""Stderr counts the total rows that equal their parts in one line per file, and prints first the
warnings that say two figures disagree; validate and the JSON still list every warning.

The counts are the test's own: rows written by hand below, and on the real files the rows a pandas
filter finds (West Virginia's blank counties), never what the loader reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke, write
from pollcli.findings.warnings import digest
from pollcli.problems import Code, Problem

OFFICES = ["Mayor", "Clerk", "Sheriff", "Judge", "Assessor"]


def many_races(tmp_path: Path, wrong: str | None = "Assessor") -> Path:
    """Five races, each with a blank-county total row per candidate above its two counties; the
    total of Bob in `wrong` is one vote over the sum of its parts."""
    rows = ["county,office,party,candidate,votes"]
    for i, office in enumerate(OFFICES):
        for candidate, (north, south) in {"Ann": (100 + i, 50), "Bob": (40, 30 + i)}.items():
            total = north + south + (candidate == "Bob" and office == wrong)
            rows += [
                f",{office},X,{candidate},{total}",
                f"North,{office},X,{candidate},{north}",
                f"South,{office},X,{candidate},{south}",
            ]
    return write(tmp_path, "\n".join(rows) + "\n", "races.csv")


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("pollcli: warning:")]


def test_totals_equal_to_their_parts_are_one_line_and_the_mismatch_comes_first(tmp_path):
    path = many_races(tmp_path)
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    shown = warnings_of(result.stderr)
    # Before: a line per race (five total-row warnings and the mismatch, in file order).
    assert len(shown) == 3, result.stderr
    assert "differs from the sum of its parts: Bob 75 in the total row, 74 in the parts" in shown[0]
    assert "(election 'Assessor')" in shown[1]
    # Four races of two total rows each (Ann's and Bob's) agree with their parts.
    assert shown[2] == (
        f"pollcli: warning: {path}: 8 total rows in 4 races set aside, not added to their parts: "
        f"every total equals the sum of its parts; run 'pollcli validate {path}' to list them"
    )


def test_json_and_validate_still_list_every_total_row(tmp_path):
    path = many_races(tmp_path)
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    codes = {e["election"]: e["warning_codes"] for e in data["elections"]}
    assert codes == {
        office: ["total-row", "total-mismatch"] if office == "Assessor" else ["total-row"]
        for office in OFFICES
    }
    for election in data["elections"]:
        assert len(election["warnings"]) == len(election["warning_codes"])
        assert "2 rows (lines " in election["warnings"][0]
    report = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    found = [p["code"] for f in report["files"] for p in f["problems"]]
    assert found.count("total-row") == len(OFFICES)
    assert found.count("total-mismatch") == 1


def test_quiet_prints_no_warning_at_all(tmp_path):
    result = invoke("summary", str(many_races(tmp_path)), "--quiet")
    assert warnings_of(result.stderr) == []


def test_one_routine_notice_is_printed_as_it_is(tmp_path):
    rows = ["county,candidate,votes", ",Ann,150", "North,Ann,100", "South,Ann,50",
            ",Bob,70", "North,Bob,40", "South,Bob,30"]  # fmt: skip
    path = write(tmp_path, "\n".join(rows) + "\n")
    shown = warnings_of(invoke("summary", str(path)).stderr)
    assert len(shown) == 1
    assert "2 rows (lines 2, 5) set aside" in shown[0]
    assert "they equal the sum of their parts" in shown[0]


def problem(code: Code, line: int, routine: int = 0, file: str = "f.csv") -> Problem:
    return Problem(
        code=code,
        severity="warning",
        file=file,
        line=line,
        column=None,
        message=f"{code} {line}",
        routine=routine,
    )


def test_digest_orders_and_counts_per_file():
    first = [problem(Code.TOTAL_ROW, 2, routine=3), problem(Code.RACE_SPLIT, 3)]
    second = [problem(Code.TOTAL_ROW, 9, routine=4), problem(Code.TOTAL_MISMATCH, 9)]
    other = [problem(Code.TOTAL_ROW, 1, routine=5, file="g.csv")]
    assert digest([first, second, other]) == [
        "f.csv:9: total-mismatch 9",
        "f.csv:3: race-split 3",
        "g.csv:1: total-row 1",  # alone in its file: printed as found
        "f.csv: 7 total rows in 2 races set aside, not added to their parts: every total equals "
        "the sum of its parts; run 'pollcli validate f.csv' to list them",
    ]


def test_digest_of_several_notices_in_one_race_names_no_race_count():
    one = [problem(Code.TOTAL_ROW, 2, routine=1), problem(Code.TOTAL_ROW, 5, routine=2)]
    assert digest([one]) == [
        "f.csv: 3 total rows set aside, not added to their parts: every total equals the sum of "
        "its parts; run 'pollcli validate f.csv' to list them"
    ]


def test_digest_renders_a_warning_many_races_carry_once():
    # One warning object carried by every race of a file of races (`problems.race_split`, the
    # several candidates of one party in each of 10,000 councils) was rendered once a race: 10,000
    # equal lines of some 900 characters (9 MiB at the summary's peak) for stderr to print once.
    shared = Problem(
        code=Code.RACE_SPLIT, severity="warning", file="f.csv", line=None, column=None,
        message="3 race(s) have several candidates of one party",
    )  # fmt: skip
    own = problem(Code.TOTAL_MISMATCH, 7)
    races = [("f.csv", "North"), ("f.csv", "South"), ("f.csv", "West")]
    carried = [[shared], [shared, own], [shared]]
    lines = digest(carried, races)
    assert lines == [
        "f.csv:7: total-mismatch 7",
        "f.csv: 3 race(s) have several candidates of one party",
    ]
    # What stderr prints (`warn`: each line once, in order) is unchanged: the lines as they were.
    rendered = [own.render()] + [shared.render()] * 3
    assert lines == list(dict.fromkeys(rendered))


# --- real files (read in place; skipped when absent) ------------------------------------------------


def real(folder: str, name: str) -> Path:
    for base in (ROOT.parent / folder, Path("/work") / folder):
        if (base / name).exists():
            return base / name
    pytest.skip(f"{name} is not beside the repository ({folder})")


def test_west_virginia_primaries_print_one_line_for_their_county_totals():
    pd = pytest.importorskip("pandas")
    path = real("extra-realworld", "us_wv_2020_06_09_primary_county.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    blank = frame[frame["county"].str.strip() == ""]
    rows, races = len(blank), blank.groupby(["office", "district", "party"]).ngroups
    result = invoke("summary", str(path))
    shown = warnings_of(result.stderr)
    counted = [line for line in shown if "total rows" in line]
    assert counted == [
        f"pollcli: warning: {path}: {rows:,} total rows in {races} races set aside, not added to "
        f"their parts: every total equals the sum of its parts; run 'pollcli validate {path}' to "
        "list them"
    ]
    assert len(shown) < 25, result.stderr  # was 219


def test_new_hampshire_prints_its_mismatches_first():
    path = real("shared/realworld", "us_nh_2020_general_precinct.csv")
    result = invoke("summary", str(path))
    shown = warnings_of(result.stderr)
    # Was 37; 19 since Governor and U.S. House 2 are read by default (their blank `scatter`
    # cells counted 0): their total-row and mismatch warnings, and the blank cells' own.
    assert len(shown) < 20, result.stderr
    # The one behind O'Donnell's 18,783 for 18,421 (Coos's TOTALS leave him out).
    assert "the total 'TOTALS' of 'Coos'" in shown[0]
    mismatches = [i for i, line in enumerate(shown) if "differs from the sum of its parts:" in line]
    assert mismatches == list(range(len(mismatches)))
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    printed = {line.removeprefix("pollcli: warning: ") for line in shown}
    # Every total-row warning left off stderr says its totals equal their parts; the counted line
    # adds up their rows.
    left = [
        w
        for e in data["elections"]
        for w, code in zip(e["warnings"], e["warning_codes"], strict=True)
        if code == "total-row" and w not in printed
    ]
    assert left and all(w.endswith("they equal the sum of their parts") for w in left)
