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
