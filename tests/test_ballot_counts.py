"""New York City's election-district results (the Board of Elections' layout, as OpenElections'
`…__ny__…__kings__precinct.csv` and the other boroughs' files list them): beside each contest's
candidates, every district lists the ballots it counted by way of voting — `Public Counter` (the
scanners' count), `Manually Counted Emergency` (or `Emergency`), `Absentee/Military` (or `Absentee /
Military`), `Federal`, `Affidavit`, `Special Presidential` — as if they were candidates. They are
counts of ballots, no options: "Public Counter leads with 47.04 %" (Queens 2015 council primary) was
a confident wrong answer. They are left out with a note; `Scattered` (write-ins) stays an option.

Oracle: pandas, each race's candidates summed over its districts, the count rows excluded."""

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import ballot_count

NYC = """county,precinct,office,district,candidate,party,votes
Queens,001/24,Member of the City Council,23,Public Counter,Democratic,38
Queens,001/24,Member of the City Council,23,Manually Counted Emergency,Democratic,0
Queens,001/24,Member of the City Council,23,Absentee/Military,Democratic,1
Queens,001/24,Member of the City Council,23,Federal,Democratic,0
Queens,001/24,Member of the City Council,23,Affidavit,Democratic,1
Queens,001/24,Member of the City Council,23,Special Presidential,Democratic,0
Queens,001/24,Member of the City Council,23,Rebecca Lynch,Democratic,5
Queens,001/24,Member of the City Council,23,Ali Najmi,Democratic,6
Queens,001/24,Member of the City Council,23,Bob Friedrich,Democratic,21
Queens,001/24,Member of the City Council,23,Scattered,Democratic,2
Queens,002/24,Member of the City Council,23,Public Counter,Democratic,142
Queens,002/24,Member of the City Council,23,Absentee / Military,Democratic,8
Queens,002/24,Member of the City Council,23,Emergency,Democratic,0
Queens,002/24,Member of the City Council,23,Affidavit,Democratic,1
Queens,002/24,Member of the City Council,23,Rebecca Lynch,Democratic,40
Queens,002/24,Member of the City Council,23,Ali Najmi,Democratic,61
Queens,002/24,Member of the City Council,23,Bob Friedrich,Democratic,35
Queens,001/24,Judge of the Civil Court,,Public Counter,Democratic,38
Queens,001/24,Judge of the Civil Court,,Absentee/Military,Democratic,1
Queens,001/24,Judge of the Civil Court,,Affidavit,Democratic,1
Queens,001/24,Judge of the Civil Court,,Cara Doe,Democratic,20
Queens,001/24,Judge of the Civil Court,,Dan Roe,Democratic,12
Queens,002/24,Judge of the Civil Court,,Public Counter,Democratic,142
Queens,002/24,Judge of the Civil Court,,Absentee / Military,Democratic,8
Queens,002/24,Judge of the Civil Court,,Affidavit,Democratic,1
Queens,002/24,Judge of the Civil Court,,Cara Doe,Democratic,50
Queens,002/24,Judge of the Civil Court,,Dan Roe,Democratic,77
"""
COUNTS = {
    "Public Counter",
    "Manually Counted Emergency",
    "Emergency",
    "Absentee/Military",
    "Absentee / Military",
    "Federal",
    "Affidavit",
    "Special Presidential",
}


def oracle() -> dict[str, dict[str, int]]:
    """Each race's options summed over its districts (pandas), the ballot counts left out."""
    frame = pd.read_csv(io.StringIO(NYC))
    frame = frame[~frame["candidate"].isin(COUNTS)]
    sums = frame.groupby(["office", "candidate"])["votes"].sum()
    return {
        office: {name: int(v) for name, v in sums[office].items()}
        for office in frame["office"].unique()
    }


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("Public Counter", True),
        ("PUBLIC COUNTER", True),
        ("Manually Counted Emergency", True),
        ("Emergency", True),
        ("Absentee/Military", True),
        ("Absentee / Military", True),
        ("Federal", True),
        ("Affidavit", True),
        ("Special Presidential", True),
        ("Scattered", False),  # write-ins: an option (other)
        ("Ann Federal", False),
        ("Ballots Cast", False),  # a unit's count pollcli uses (ballots cast), not left out
    ],
)
def test_which_names_are_ballot_counts(name, count):
    assert ballot_count(name) is count


def test_ballot_counts_are_no_options(tmp_path):
    path = write(tmp_path, NYC)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    truth = oracle()
    got = {
        e["race_keys"]["office"]: {o["candidate"]: o["votes"] for o in e["results"]}
        for e in data["elections"]
    }
    assert got == truth
    leaders = {e["race_keys"]["office"]: e["leader"]["candidate"] for e in data["elections"]}
    assert leaders == {
        "Member of the City Council": "Ali Najmi",
        "Judge of the Civil Court": "Dan Roe",
    }
    notes = " ".join(data["overview"]["notes"] + data["elections"][0]["notes"])
    assert "'Public Counter'" in notes and "by way of voting" in notes and "left out" in notes
    assert "blank in every race" not in notes  # not the note of `Ballots Cast Blank`


def test_both_engines_leave_them_out_alike(tmp_path, monkeypatch):
    path = write(tmp_path, NYC)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=256)
    assert not [p for p in problems if p.severity == "error"]
    names = {o.candidate for e in elections for o in e.options}
    assert not names & COUNTS
