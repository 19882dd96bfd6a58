"""A name written in several ways in a race that lists its write-ins by name beside a write-in
count is one write-in, added up: York County's 2025 file refused its District Attorney's race (and
six others) for `R. J. FISHER` and `RJ FISHER`, one vote each, "listed again"."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

YORK = """county,office,party,candidate,votes
York,District Attorney,REP,Tim Barker,950
York,District Attorney,Total,Write-In,12
York,District Attorney,,R. J. FISHER,1
York,District Attorney,,Jack Graybill,7
York,District Attorney,,RJ FISHER,1
"""


def _run(path) -> tuple[int, dict, str]:
    out = invoke("summary", str(path), "--format", "json")
    return out.code, json.loads(out.stdout or "{}"), out.stderr


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_write_in_spelt_two_ways_is_one(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    code, summary, stderr = _run(write(tmp_path, YORK))
    assert code == 0, stderr
    (race,) = summary["elections"]
    votes = {r["candidate"]: r["votes"] for r in race["results"]}
    # Hand-checked: the two spellings' 1 + 1; the count's 12 less the 9 its lines name.
    assert votes == {"Tim Barker": 950, "Write-In": 3, "R. J. FISHER": 2, "Jack Graybill": 7}
    assert any("spelt 2 ways" in note for note in race["notes"])


@pytest.mark.parametrize(
    "text",
    [
        # The same spelling twice: a repeated row, refused as before.
        YORK.replace("RJ FISHER", "R. J. FISHER"),
        # No write-in count in the race: two rows of one name may be anything.
        YORK.replace("York,District Attorney,Total,Write-In,12\n", ""),
        # A bare `Write-in` line is one more option, no count of the names: a ballot candidate
        # listed twice in a nonpartisan race (the review's `Ann Lee` / `ANN LEE`) is refused.
        "precinct,candidate,votes\nP1,Ann Lee,10\nP1,Bob Ray,15\nP1,ANN LEE,10\nP1,Write-in,2\n",
        # A party's candidate spelt two ways is no write-in.
        YORK.replace(",,RJ FISHER", ",DEM,RJ FISHER").replace(",,R. J.", ",DEM,R. J."),
    ],
)
def test_other_rows_of_one_name_are_still_refused(tmp_path, text):
    code, _, stderr = _run(write(tmp_path, text))
    assert code == 1
    assert "listed again" in stderr


# Vermont's 2018 general by precinct (OpenElections): named write-ins of party `Write-in`, one of
# them twice in Orwell, refused the governor's race ("listed again").
VERMONT = """county,precinct,office,party,candidate,votes
Addison,Orwell,Governor,Republican,Phil Scott,300
Addison,Orwell,Governor,Democratic,Christine Hallquist,200
Addison,Orwell,Governor,Write-in,PHIL ROBERTSON,1
Addison,Orwell,Governor,Write-in,Bob Bell,2
Addison,Orwell,Governor,Write-in,PHIL ROBERTSON,1
Addison,Bridport,Governor,Republican,Phil Scott,250
Addison,Bridport,Governor,Democratic,Christine Hallquist,240
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_write_in_listed_twice_under_a_write_in_party_is_one(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    code, summary, stderr = _run(write(tmp_path, VERMONT))
    assert code == 0, stderr
    (race,) = summary["elections"]
    votes = {r["candidate"]: r["votes"] for r in race["results"]}
    assert votes == {
        "Phil Scott": 550,
        "Christine Hallquist": 440,
        "PHIL ROBERTSON": 2,
        "Bob Bell": 2,
    }
    assert any("listed 2 times as a write-in" in note for note in race["notes"])
