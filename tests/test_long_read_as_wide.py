"""A table of one row per option and place whose columns pollcli has no words for was read as a
wide table, its votes and share columns the "options": Estonia's results by constituency
(`Ringkond,Erakond,Hääled,Protsent`) said "Hääled leads with 98.68 %" over `Protsent`. Such a
table — a naming column listing the same names under each value of another, beside an option or
three — is now refused, saying what the rows are and what to name; and Estonia's, Latvia's and
Lithuania's words for the party, the votes, the share and the constituency are read. Names and
figures invented; oracle: pandas sums by party."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

ESTONIA = """Ringkond,Erakond,Hääled,Protsent
Tallinn,Sinine Erakond,5000,50.0
Tallinn,Punane Erakond,3000,30.0
Tallinn,Roheline Erakond,2000,20.0
Tartu,Sinine Erakond,2000,40.0
Tartu,Punane Erakond,2500,50.0
Tartu,Roheline Erakond,500,10.0
"""
# The same layout in words pollcli does not know.
UNKNOWN = (
    ESTONIA.replace("Ringkond", "Valdkond")
    .replace("Erakond,", "Ühendus,")
    .replace("Hääled", "Arv")
    .replace("Protsent", "Määr")
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_estonian_words_are_read(tmp_path, engine) -> None:
    path = write(tmp_path, ESTONIA, "ee.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    votes = pd.read_csv(io.StringIO(ESTONIA)).groupby("Erakond")["Hääled"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == votes


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_rows_of_options_in_unknown_words_are_no_wide_table(tmp_path, engine) -> None:
    path = write(tmp_path, UNKNOWN, "x.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "leads" not in result.stdout
    first = result.stderr.splitlines()[0]
    assert "lists the same names" in first and "one row per option and place" in first
    assert "'Arv', 'Määr'" in first


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_wide_table_of_places_is_still_read(tmp_path, engine) -> None:
    # Towns under counties, no town twice: places, each row one, two candidates its options.
    text = "County,Town,Ada Ash,Bo Birch\nNorth,Elm,10,20\nNorth,Oak,30,5\nSouth,Fir,7,8\n"
    result = invoke("summary", str(write(tmp_path, text, "w.csv")), env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr


# Wide tables whose naming columns form a grid (each precinct under each vote method, each ward
# name in each county): 618b5bc refused them as "one row per option and place". Their listed
# column is a place or vote mode, and no option is a share: they read, summed by option.
GRIDS = {
    "ga.csv": "County,Precinct,Vote Method,Ann Ash,Bo Birch\n"
    "Bartow,Adairsville,Election Day,500,400\nBartow,Adairsville,Absentee by Mail,100,150\n"
    "Bartow,Cassville,Election Day,300,350\nBartow,Cassville,Absentee by Mail,80,60\n",
    "votetype.csv": "county,vote_type,Smith,Jones\nAdams,Election Day,500,400\n"
    "Adams,Absentee,100,150\nBaker,Election Day,300,350\nBaker,Absentee,80,60\n",
    "wards.csv": "county,ward,Smith,Jones\nAdams,North,500,400\nAdams,South,100,150\n"
    "Baker,North,300,350\nBaker,South,80,60\n",
    # Unknown words, two options of votes (no share): a grid of places all the same.
    "grid.csv": "Valdkond,Osa,Ada Ash,Bo Birch\nTallinn,Põhi,500,400\nTallinn,Lõuna,100,150\n"
    "Tartu,Põhi,300,350\nTartu,Lõuna,80,60\n",
}


@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize("name", sorted(GRIDS))
@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_grid_of_places_by_vote_method_is_read(tmp_path, engine, name, wide) -> None:
    text = GRIDS[name]
    path = write(tmp_path, text, name)
    args = ["summary", str(path), "--format", "json", *(["--wide"] if wide else [])]
    result = invoke(*args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    expected = {c: int(frame[c].sum()) for c in frame.columns[-2:]}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_known_place_beside_unknown_party_words_is_still_refused(tmp_path, engine) -> None:
    # The constituency in a word pollcli knows, the parties not: the parties' column is listed.
    text = UNKNOWN.replace("Valdkond", "Ringkond")
    result = invoke("summary", str(write(tmp_path, text, "k.csv")), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "'Ühendus' lists the same names" in result.stderr.splitlines()[0]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_slovenian_words_of_a_long_table_are_still_refused(tmp_path, engine) -> None:
    # Slovenia's `Volilna enota,Stranka,Glasovi,Delež`, none of which pollcli reads: a unit each
    # party is listed under, its share adding up to 100 in each.
    text = (
        "Volilna enota,Stranka,Glasovi,Delež\nEnota 1,Modra,600,60.0\nEnota 1,Rdeča,400,40.0\n"
        "Enota 2,Modra,300,25.0\nEnota 2,Rdeča,900,75.0\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "si.csv")), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "'Stranka' lists the same names" in result.stderr.splitlines()[0]
