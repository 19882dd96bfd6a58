"""A database's missing value in a party or district cell (`NULL`, `NA`, `N/A`, `None`) is no party
and no district, as a blank cell is. Montana 2016's primary gives 33 local measures the party
`NULL`: read as a party, each was "LEVY · NULL primary" (a party primary of a party named NULL);
Tennessee's 2022 precincts give the amendments district `NA` and party `NA`, read as races
"Amendment # 1 · NA". Invented files in the same layouts; both engines."""

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

MT = "county,precinct,office,district,party,candidate,votes\n" + "".join(
    f"{county},P{p},{office},,{party},{name},{votes}\n"
    for county in ("Alder", "Birch")
    for p in (1, 2)
    for office, party, name, votes in (
        ("GOVERNOR", "DEM", "Ann Vole", 30 + p),
        ("GOVERNOR", "DEM", "Cy Lark", 20 + p),
        ("GOVERNOR", "REP", "Bo Wren", 40 + p),
        ("GOVERNOR", "REP", "Di Teal", 10 + p),
        ("LIBRARY LEVY", "NULL", "FOR", 50 + p),
        ("LIBRARY LEVY", "NULL", "AGAINST", 45 - p),
    )
)
TN = "county,precinct,office,district,party,candidate,votes\n" + "".join(
    f"{county},P{p},{office},{district},{party},{name},{votes}\n"
    for county in ("Alder", "Birch")
    for p in (1, 2)
    for office, district, party, name, votes in (
        ("Amendment # 1", "NA", "NA", "Yes", 60 + p),
        ("Amendment # 1", "NA", "NA", "No", 20 + p),
        ("State House", "7", "Republican", "Bo Wren", 50 + p),
        ("State House", "7", "Democratic", "Ann Vole", 45 + p),
    )
)


def _summary(path, engine: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("word", ["NULL", "NA"])  # (NA: "LIBRARY LEVY · NA primary", parties none)
def test_a_null_party_is_no_party_primary(tmp_path, engine, word):
    text = MT.replace(",NULL,", f",{word},")
    data = _summary(write(tmp_path, text, "20160607__mt__primary__precinct.csv"), engine)
    names = [e["election"] for e in data["elections"]]
    assert names == [
        "GOVERNOR · Democratic primary",
        "GOVERNOR · Republican primary",
        "LIBRARY LEVY",
    ]
    levy = data["elections"][2]
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    sums = frame[frame.office == "LIBRARY LEVY"].groupby("candidate")["votes"].sum()
    assert {r["candidate"]: r["votes"] for r in levy["results"]} == sums.to_dict()
    assert all(r["party"] is None for r in levy["results"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_district_na_names_no_district(tmp_path, engine):
    data = _summary(write(tmp_path, TN, "20221108__tn__general__precinct.csv"), engine)
    names = [e["election"] for e in data["elections"]]
    assert names == ["Amendment # 1", "State House · 7"]
    amendment = data["elections"][0]
    assert amendment["race_keys"] == {"office": "Amendment # 1", "district": ""}
    assert {r["candidate"]: r["votes"] for r in amendment["results"]} == {"Yes": 246, "No": 86}
    assert all(r["party"] is None for r in amendment["results"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_refused_row_of_district_na_is_in_its_race(tmp_path, engine):
    # Nebraska's Webster 2016: district `NA` on every presidential row, and `NA` votes for Jill
    # Stein. The refused row's race was told from its raw cells ("President · NA") while the
    # others' district was read as none: "President" summarised without the refused rows.
    text = (
        "county,precinct,district,office,party,candidate,votes\n"
        "Webb,Alder,NA,President,REP,Bo Wren,156\nWebb,Alder,NA,President,DEM,Ann Vole,44\n"
        "Webb,Alder,NA,President,GRN,Cy Lark,NA\nWebb,Alder,3,U.S. House,REP,Di Teal,150\n"
        "Webb,Alder,3,U.S. House,DEM,Ed Fox,40\n"
    )
    path = write(tmp_path, text)
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert "race 'President' refused" in result.stderr  # (exit 1: a race refused)
    data = json.loads(result.stdout)
    assert [e["election"] for e in data["elections"]] == ["U.S. House · 3"]
    assert "1 refused for their errors" in data["overview"]["notes"][0]
    problems = json.loads(invoke("validate", str(path), "--format", "json", env=env).stdout)
    (error,) = [p for p in problems["files"][0]["problems"] if p["severity"] == "error"]
    assert error["race"] == "President" and error["line"] == 4


# Latvia's National Alliance is `NA`: a party, where other options of its races have other parties
# (read as no party, its 2 seats of 3 were 'party not given 2 of 3', JSON party null, no note).
LV = (
    "district,candidate,party,votes\n1,Anna Ber,NA,500\n1,Jan Oz,JV,400\n2,Ilze Kal,NA,300\n"
    "2,Pet Lie,JV,200\n3,Mar Egl,JV,300\n3,Lig Vit,ZZS,200\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("word", ["NA", "N/A"])
def test_a_party_named_na_beside_other_parties_is_a_party(tmp_path, engine, word):
    text = LV.replace(",NA,", f",{word},")
    data = _summary(write(tmp_path, text), engine)
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    leaders = frame.loc[frame.groupby("district")["votes"].idxmax()]
    seats = leaders["party"].value_counts()
    assert seats[word] == 2 and seats["JV"] == 1
    assert f"Seats won: {word} 2 of 3, JV 1." in data["overview"]["notes"]
    first = data["elections"][0]
    assert {r["candidate"]: r["party"] for r in first["results"]} == {
        "Anna Ber": word,
        "Jan Oz": "JV",
    }
    (note,) = [n for n in first["notes"] if n.startswith("Party ")]
    assert f"'{word}'" in note and "Anna Ber (line 2)" in note
    assert not any(n.startswith("Party ") for n in data["elections"][2]["notes"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_null_party_beside_other_parties_is_no_party(tmp_path, engine):
    data = _summary(write(tmp_path, LV.replace(",NA,", ",NULL,")), engine)
    assert data["elections"][0]["results"][0]["party"] is None
    assert not any(n.startswith("Party ") for n in data["elections"][0]["notes"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_write_in_line_of_party_na_is_no_party(tmp_path, engine):
    # Tennessee 2022 gives its write-in lines the party `NA` beside the candidates' parties
    # (`Write-In - Hannah Parton`): no party, no note, as before a party could be named NA.
    text = TN + "".join(
        f"{county},P1,State House,7,NA,Write-In - Cy Lark,{n}\n"
        for county, n in (("Alder", 3), ("Birch", 4))
    )
    data = _summary(write(tmp_path, text, "20221108__tn__general__precinct.csv"), engine)
    house = data["elections"][1]
    assert {r["candidate"]: r["party"] for r in house["results"]} == {
        "Bo Wren": "Republican",
        "Ann Vole": "Democratic",
        "Write-In - Cy Lark": None,
    }
    assert not any(n.startswith("Party ") for n in house["notes"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_candidates_of_party_na_in_a_party_primary_win_no_seat(tmp_path, engine):
    # A party primary file whose Governor's rows of party `NA` key no primary: their race,
    # "GOVERNOR", was read as a general election's ("wins the seat", 1 race won of no party).
    # Whether `NA` is a party's name or none given, they ran in a primary: no seat is won, as for
    # candidates of party `NP` there (the measure of party NA stays a measure, no primary).
    text = MT.replace(",NULL,", ",NA,") + "".join(
        f"{county},P{p},GOVERNOR,,NA,{name},{votes}\n"
        for county in ("Alder", "Birch")
        for p in (1, 2)
        for name, votes in (("Ed Moss", 9 + p), ("Fay Reed", 7))
    )
    data = _summary(write(tmp_path, text, "20160607__mt__primary__precinct.csv"), engine)
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert lines["GOVERNOR"].get("primary") is True
    assert not lines["LIBRARY LEVY"].get("primary")
    tally = data["tally"]
    assert (tally["races"], tally["primaries"], tally["won"]) == (0, 3, 0)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_write_in_of_party_na_here_and_a_party_there_is_one_candidate(tmp_path, engine):
    # Tennessee 2016 gives Evan McMullin's write-in line the party `NA` in most counties and
    # `Independent` in a few: "stands for NA and Independent, … one candidate whose party is
    # written two ways?", before `NA` was settled as no party on a write-in line. It is no party
    # there: the lines are one candidate's, as a blank party beside one party is.
    text = TN + (
        "Alder,P1,State House,7,NA,Write-In - Cy Lark,3\n"
        "Alder,P2,State House,7,NA,Write-In - Cy Lark,5\n"
        "Birch,P1,State House,7,Independent,Write-In - Cy Lark,4\n"
    )
    path = write(tmp_path, text, "20161108__tn__general__precinct.csv")
    result = invoke("validate", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert "shared-name" not in result.stdout and "stands for NA" not in result.stdout
    house = _summary(path, engine)["elections"][1]
    lark = [r for r in house["results"] if "Cy Lark" in r["candidate"]]
    assert [(r["candidate"], r["party"], r["votes"]) for r in lark] == [
        ("Write-In - Cy Lark", "Independent", 12)
    ]
    assert any(n.startswith("Write-In - Cy Lark has no party") for n in house["notes"])
