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
from hypothesis import given
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.kinds import ballot_count, name_key

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


# Oracle: the words of the module's docstring, each name's key looked up in them.
COUNT_KEYS = {
    name_key(name)
    for name in (
        "Public Counter",
        "Manually Counted Emergency",
        "Emergency",
        "Absentee/Military",
        "Federal",
        "Affidavit",
        "Special Presidential",
        "Special Federal & Special Presidential",
    )
}


@given(
    st.one_of(
        st.text(alphabet=" -/.&()*'\"AaBbEeFfLlMmPpRrSsTtYyÉéﬁ\u200b", max_size=12),
        st.sampled_from(sorted(COUNT_KEYS)).map(str.upper),
        st.sampled_from(sorted(COUNT_KEYS)).map(lambda k: f"({k.title()})*"),
        st.text(max_size=8),
    )
)
def test_ballot_counts_told_by_their_first_and_last_letters_as_by_their_keys(name):
    """The quick look at a name's first and last letters (most names are plainly none) says what
    its key says."""
    assert ballot_count(name) is (name_key(name) in COUNT_KEYS)


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


# Kings 2014's Democratic primary: State Senate 18, 19 and 20, each district's own candidates, and
# the same ballot-count names in every district. Those names are no candidates, so no evidence that
# every district has the same candidates: counted as such, the districts were read as geography
# and summed into one race, "Jesse E. Hamilton leads with 25.30 %" of three districts' votes.
DISTRICTS = """county,precinct,office,district,candidate,party,votes
Kings,001/50,State Senate,18,Public Counter,Democratic,55
Kings,001/50,State Senate,18,Emergency,Democratic,0
Kings,001/50,State Senate,18,Absentee/Military,Democratic,2
Kings,001/50,State Senate,18,Affidavit,Democratic,1
Kings,001/50,State Senate,18,Martin Dilan,Democratic,30
Kings,001/50,State Senate,18,Debbie Medina,Democratic,22
Kings,002/58,State Senate,19,Public Counter,Democratic,70
Kings,002/58,State Senate,19,Emergency,Democratic,1
Kings,002/58,State Senate,19,Absentee/Military,Democratic,3
Kings,002/58,State Senate,19,Affidavit,Democratic,0
Kings,002/58,State Senate,19,John Sampson,Democratic,41
Kings,002/58,State Senate,19,Dell Smitherman,Democratic,25
Kings,003/43,State Senate,20,Public Counter,Democratic,90
Kings,003/43,State Senate,20,Emergency,Democratic,0
Kings,003/43,State Senate,20,Absentee/Military,Democratic,4
Kings,003/43,State Senate,20,Affidavit,Democratic,2
Kings,003/43,State Senate,20,Jesse Hamilton,Democratic,60
Kings,003/43,State Senate,20,Rubain Dorancy,Democratic,26
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_ballot_counts_do_not_make_districts_one_race(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, DISTRICTS, name="20140909__ny__primary__kings__precinct.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(DISTRICTS), dtype={"district": str})
    frame = frame[~frame["candidate"].isin(COUNTS)]
    sums = frame.groupby(["district", "candidate"])["votes"].sum()
    truth = {d: {n: int(v) for n, v in sums[d].items()} for d in frame["district"].unique()}
    data = json.loads(result.stdout)
    got = {
        e["race_keys"]["district"]: {o["candidate"]: o["votes"] for o in e["results"]}
        for e in data["elections"]
    }
    assert got == truth
    leaders = {e["race_keys"]["district"]: e["leader"]["candidate"] for e in data["elections"]}
    assert leaders == {"18": "Martin Dilan", "19": "John Sampson", "20": "Jesse Hamilton"}
