"""The JSON envelope is a contract with users' scripts: its keys are pinned to shared/SPEC.md."""

import json

from conftest import invoke

SUMMARY_ELECTION_KEYS = {
    "election", "date", "country", "office", "round", "stage", "source_file", "threshold", "results",
    "leader", "runner_up", "tied_for_first", "margin", "majority", "below_threshold", "turnout",
    "effective_number", "term", "notes", "warnings", "warning_codes",
}  # fmt: skip
RESULT_KEYS = {"rank", "candidate", "party", "kind", "votes", "share", "below_threshold"}
STANDING_KEYS = {"candidate", "party", "votes", "share"}


def test_summary_keys(kz2022):
    data = json.loads(invoke("summary", str(kz2022), "--format", "json").stdout)
    assert set(data) == {"schema_version", "command", "elections"}
    assert (data["schema_version"], data["command"]) == (1, "summary")
    election = data["elections"][0]
    assert set(election) == SUMMARY_ELECTION_KEYS
    assert all(set(row) == RESULT_KEYS for row in election["results"])
    assert set(election["leader"]) == STANDING_KEYS
    assert set(election["runner_up"]) == STANDING_KEYS
    assert set(election["margin"]) == {"pp", "votes"}
    assert set(election["majority"]) == {"threshold", "reached", "runoff"}
    assert set(election["turnout"]) == {"registered", "ballots_cast", "pct"}
    assert set(election["term"]) == {"years", "previous_years", "limit", "next_election_due"}


def test_summary_full_precision_and_iso_dates(kz2022):
    election = json.loads(invoke("summary", str(kz2022), "--format", "json").stdout)["elections"][0]
    assert election["turnout"]["pct"] == 8300046 / 11953465 * 100
    assert election["date"] == "2022-11-20"


def test_no_nan_or_infinity_ever(tmp_path):
    path = tmp_path / "zero.csv"
    path.write_text("candidate,votes\nA,0\nB,0\n")
    text = invoke("summary", str(path), "--format", "json").stdout
    assert "NaN" not in text and "Infinity" not in text
    json.loads(text)


def test_validate_keys(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("candidate,votes\nA,-1\n")
    data = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    assert set(data) == {"schema_version", "command", "files"}
    assert (data["schema_version"], data["command"]) == (1, "validate")
    assert set(data["files"][0]) == {"file", "valid", "problems"}
    assert set(data["files"][0]["problems"][0]) == {"code", "severity", "line", "column", "message"}


RACES_KEYS = {"overview", "tally", "splits", "refused"}


def test_summary_keys_of_a_file_of_many_races():
    """Additive keys (issue 12): only for a file of several races, each always there then."""
    from conftest import ROOT

    path = ROOT / "tests" / "races" / "openelections_general.csv"
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert set(data) == {"schema_version", "command", "elections", *RACES_KEYS}
    assert all(set(e) == SUMMARY_ELECTION_KEYS | {"race_keys"} for e in data["elections"])
    assert set(data["overview"]) == {"sort", "races", "closest", "notes"}
    # partial, primaries, assumed_plurality: added within schema_version 1 (counts, always there).
    assert set(data["tally"]) == {
        "unit",
        "races",
        "won",
        "undecided",
        "parties",
        *("partial", "primaries", "assumed_plurality"),
    }
    assert set(data["splits"][0]) == {
        "file", "keys", "races", "selected", "summarised", "refused", "note",
    }  # fmt: skip
    assert data["refused"] == []


def test_validate_problems_name_their_race_only_in_a_file_of_many_races(tmp_path):
    path = tmp_path / "races.csv"
    path.write_text("office,candidate,votes\nA,X,1\nA,Y,x\nB,Z,3\n")
    data = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    (problem,) = data["files"][0]["problems"]
    assert set(problem) == {"code", "severity", "line", "column", "message", "race"}
    assert set(data["files"][0]) == {"file", "valid", "problems", "races"}
