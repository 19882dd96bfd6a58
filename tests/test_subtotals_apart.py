"""A subtotal listed apart from its parts: Fayette County's 2026 primary file (OpenElections) is
sorted by name within each race, each precinct's `Write-In Totals` first, then each write-in name
(of no party) precinct by precinct. No run of rows beside a total added up to it, so it was counted
with its parts: the write-ins twice, "Write-In Totals took 50.00 %" and a leader's share halved.
The options of no party of its precinct that add up to it are its parts, wherever they stand."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

SORTED = """county,precinct,office,party,candidate,votes
Fayette,P1,State Senate,,Write-In Totals,3
Fayette,P2,State Senate,,Write-In Totals,5
Fayette,P1,State Senate,REP,Pat Stefano,28
Fayette,P2,State Senate,REP,Pat Stefano,14
Fayette,P1,State Senate,REP,Harry Cochran,11
Fayette,P2,State Senate,REP,Harry Cochran,15
Fayette,P1,State Senate,,Jacob Cecil,2
Fayette,P2,State Senate,,Jacob Cecil,4
Fayette,P1,State Senate,,Jacob Ely,1
Fayette,P2,State Senate,,Jacob Ely,1
"""


def _votes(path) -> dict[str, int]:
    out = invoke("summary", str(path), "--format", "json")
    (election,) = json.loads(out.stdout)["elections"]
    return {r["candidate"]: r["votes"] for r in election["results"]}


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_subtotal_listed_apart_from_its_parts_is_set_aside(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, SORTED)
    # Hand-checked: each precinct's write-ins (2 + 1, 4 + 1) are its Write-In Totals (3, 5).
    assert _votes(path) == {
        "Pat Stefano": 42,
        "Harry Cochran": 26,
        "Jacob Cecil": 6,
        "Jacob Ely": 2,
    }
    out = invoke("validate", str(path), "--format", "json")
    said = [p["message"] for f in json.loads(out.stdout)["files"] for p in f["problems"]]
    assert any("subtotals" in m and "'Jacob Cecil' and 'Jacob Ely'" in m for m in said)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_write_ins_of_no_race_s_party_alone(tmp_path, monkeypatch, engine):
    """A race of write-ins alone (a party primary's, read apart): all of no party."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = "\n".join(line for line in SORTED.splitlines() if ",REP," not in line) + "\n"
    assert _votes(write(tmp_path, text)) == {"Jacob Cecil": 6, "Jacob Ely": 2}


def test_a_subtotal_that_adds_up_no_party_s_options_is_counted_with_a_warning(tmp_path):
    """Write-ins that hold less than their total: no parts, counted, the warning as before."""
    path = write(
        tmp_path, SORTED.replace("P1,State Senate,,Jacob Ely,1", "P1,State Senate,,Jacob Ely,0")
    )
    votes = _votes(path)
    assert votes["Write-In Totals"] == 3  # P1's (P2's adds up and is set aside)
    assert votes["Jacob Cecil"] == 6


def _york(races: int) -> str:
    """York County's 2025 layout: each race's `Write-In` of party `Total`, then the write-ins it
    names (of no party), which hold part of it."""
    rows = ["county,office,district,party,candidate,votes"]
    for n in range(races):
        rows += [
            f"York,Controller {n},,REP,Greg Bower,900",
            f"York,Controller {n},,Total,Write-In,40",
            f"York,Controller {n},,,Undervotes,300",
            f"York,Controller {n},,,Kay Lane,8",
            f"York,Controller {n},,,Joe Wood,7",
        ]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_write_in_count_said_to_be_a_total_counts_the_write_ins_it_does_not_name(
    tmp_path, monkeypatch, engine
):
    """Counted whole beside the names, 15 of the 40 write-ins were counted twice."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    votes = _votes(write(tmp_path, _york(1)))
    assert votes == {
        "Greg Bower": 900,
        "Write-In": 25,
        "Kay Lane": 8,
        "Joe Wood": 7,
        "Undervotes": 300,
    }


def test_such_counts_in_many_races_are_one_line_of_stderr(tmp_path):
    out = invoke("summary", str(write(tmp_path, _york(5))), "--format", "json")
    said = [line for line in out.stderr.splitlines() if "write-in count" in line]
    assert len(said) == 1
    assert "5 write-in counts over write-in lines that name part of them" in said[0]
    assert "pollcli validate" in said[0]
    out = invoke("summary", str(write(tmp_path, _york(2))), "--format", "json")
    assert len([line for line in out.stderr.splitlines() if "is a write-in count" in line]) == 2


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_nonpartisan_count_equal_to_its_candidates_by_chance_is_counted(
    tmp_path, monkeypatch, engine
):
    """Every option of no party: one precinct's `Write-In Totals` equal to its candidates' sum
    (P2: 2 = 0 + 2) took their votes for its own ("Ann leads with 52.63 %", a majority); kept
    only where every such count of the race adds up (review)."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = (
        "precinct,candidate,votes\nP1,Ann,10\nP1,Bob,5\nP1,Write-In Totals,2\n"
        "P2,Ann,0\nP2,Bob,2\nP2,Write-In Totals,2\nP3,Ann,0\nP3,Bob,0\nP3,Write-In Totals,0\n"
    )
    assert _votes(write(tmp_path, text)) == {"Ann": 10, "Bob": 7, "Write-In Totals": 4}


def test_write_ins_of_no_party_that_mostly_add_up_are_read_apart(tmp_path):
    """Fayette's write-in races: in most precincts the count adds up its names, in one a name is
    missing (its count, 3 here, stays counted, with the warning)."""
    rows = ["precinct,candidate,votes"]
    for p, (a, b, total) in enumerate([(2, 1, 3), (4, 0, 4), (1, 1, 2), (0, 0, 3)]):
        rows += [f"P{p},Write-In Totals,{total}", f"P{p},Jacob Cecil,{a}", f"P{p},Jacob Ely,{b}"]
    votes = _votes(write(tmp_path, "\n".join(rows) + "\n"))
    assert votes == {"Jacob Cecil": 7, "Jacob Ely": 2, "Write-In Totals": 3}
