"""Advice to name the rows' unit names the columns that may be it (session 10).

Arizona's county files (OpenElections 2016, trial 9) give each row's precinct in a column named
`precinct_designation`, which pollcli does not read as a place. The refusal said "name its column
with --unit COL", leaving the reader to guess which of fifteen columns; now it names the unused
columns whose names say a place, and the advice, followed, reads the file.

Oracle: pandas sums of each candidate's rows, and of the registered voters of every precinct.
"""

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

# Arizona's layout, cut down: a registered-voters row per precinct, candidates' rows per precinct.
ARIZONA = """contest_name,choice_name,party_name,vote_total,early_votes,precinct_designation,votes_allowed
Registered Voters,REGISTERED VOTERS,,13,0,Eagle - CG1,0
Registered Voters,REGISTERED VOTERS,,29,0,Blue - CG1,0
Registered Voters,REGISTERED VOTERS,,660,0,Clifton - CG2,0
President,"Trump, Donald J.",REP,5,2,Eagle - CG1,1
President,"Cruz, Ted",REP,3,1,Eagle - CG1,1
President,"Trump, Donald J.",REP,9,4,Blue - CG1,1
President,"Cruz, Ted",REP,12,5,Blue - CG1,1
President,"Trump, Donald J.",REP,120,60,Clifton - CG2,1
President,"Cruz, Ted",REP,101,50,Clifton - CG2,1
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_refusal_names_the_column_that_may_be_the_unit(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, ARIZONA, "az.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "--unit COL (here perhaps 'precinct_designation';" in refused.stderr
    followed = invoke("summary", str(path), "-f", "json", "--unit", "precinct_designation")
    assert followed.code == 0, followed.stderr
    (race,) = json.loads(followed.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(ARIZONA))
    votes = frame[frame.contest_name == "President"].groupby("choice_name")["vote_total"].sum()
    assert {o["candidate"]: o["votes"] for o in race["results"]} == votes.to_dict()
    registered = frame[frame.contest_name == "Registered Voters"]["vote_total"].sum()
    assert race["turnout"]["registered"] == registered


def test_no_place_like_column_keeps_the_plain_advice(tmp_path):
    text = (
        "contest_name,choice_name,vote_total,where_counted\n"
        "Mayor,Ann,5,A\nMayor,Bob,3,A\nMayor,Ann,9,B\nMayor,Bob,12,B\nMayor,Ann,1,C\n"
        "Mayor,Bob,2,C\n"
    )
    refused = invoke("summary", str(write(tmp_path, text, "plain.csv")))
    assert refused.code == 1
    assert "--unit COL (two columns together: --unit COL,COL)" in refused.stderr


def test_precincts_named_by_flag_alone_give_their_own_counts(tmp_path, monkeypatch):
    """`--unit COL` with no region column: each precinct's registered voters are its own, summed
    for the election (was: "election has one registered: make them agree"); a count some precincts
    do not give is not computed, with a note. Both engines alike."""
    text = (
        "office,candidate,votes,registered,place_code\n"
        "Mayor,Ann,5,100,A\nMayor,Bob,3,100,A\nMayor,Ann,9,250,B\nMayor,Bob,12,250,B\n"
        "Mayor,Ann,1,,C\nMayor,Bob,2,,C\n"
    )
    path = write(tmp_path, text, "partial.csv")
    full = write(tmp_path, text.replace(",,C", ",40,C"), "full.csv")
    (race,), problems = engines_agree(monkeypatch, full, unit="place_code")
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(full.read_text())).drop_duplicates("place_code")
    assert race.facts.registered == frame["registered"].sum() == 390
    (race,), _ = engines_agree(monkeypatch, path, unit="place_code")
    assert race.facts.registered is None
    assert "registered is given for 2 of 3 precincts only" in " ".join(race.notes)


def test_a_total_precinct_of_a_file_of_no_region_is_set_aside_by_both_engines(
    tmp_path, monkeypatch
):
    """`--unit COL` with no region column and a precinct named `Total`: the streaming engine keeps
    that precinct apart and, having no region to look at, had zipped the rows kept apart with no
    regions at all (an internal error). Both engines set the total aside; oracle: pandas' sums of
    the other precincts."""
    text = (
        "precinct,candidate,votes\n"
        "P1,Ann Lee,5\nP1,Bo Kim,3\nP2,Ann Lee,4\nP2,Bo Kim,6\nTotal,Ann Lee,9\nTotal,Bo Kim,9\n"
    )
    path = write(tmp_path, text, "results.csv")
    (race,), problems = engines_agree(monkeypatch, path, unit="precinct")
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text))
    parts = frame[frame["precinct"] != "Total"].groupby("candidate")["votes"].sum()
    assert {o.candidate: o.votes for o in race.options} == parts.to_dict()


# Alaska's 2016 Democratic caucus file (OpenElections, session 19), cut down: each row counts a
# legislative district, a blank one is the state's total, and the lines end in old Mac CRs.
ALASKA = (
    "community,state_legislative_district,candidate,votes,delegates\r"
    "Fairbanks,1,Hillary Clinton,47,3\rFairbanks,2,Hillary Clinton,17,1\r"
    "Wasilla,7,Hillary Clinton,29,2\r,,Hillary Clinton,93,6\r"
    "Fairbanks,1,Bernie Sanders,178,9\rFairbanks,2,Bernie Sanders,71,5\r"
    "Wasilla,7,Bernie Sanders,116,6\r,,Bernie Sanders,365,20\r"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_district_or_community_column_is_named_as_the_unit_it_may_be(
    tmp_path, monkeypatch, engine
):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, ALASKA, "ak.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "--unit COL (here perhaps 'community' or 'state_legislative_district';" in (
        refused.stderr
    )
    followed = invoke("summary", str(path), "-f", "json", "--unit", "state_legislative_district")
    assert followed.code == 0, followed.stderr
    (race,) = json.loads(followed.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(ALASKA.replace("\r", "\n")))
    parts = frame[frame.state_legislative_district.notna()]
    votes = parts.groupby("candidate")["votes"].sum()
    totals = frame[frame.state_legislative_district.isna()].set_index("candidate")["votes"]
    assert votes.to_dict() == totals.to_dict() == {"Hillary Clinton": 93, "Bernie Sanders": 365}
    assert {o["candidate"]: o["votes"] for o in race["results"]} == votes.to_dict()
    assert "set aside" in " ".join(race["warnings"])


# Nigeria's presidential results by state as re-published (`state_code,party_code,votes,
# candidate_name`), cut down and invented: each row counts a state, whose column pollcli does not
# read as a place; the refusal listed every candidate again with no column named.
BY_STATE = (
    "state_code,party_code,votes,candidate_name\n"
    "XA,APC,5726,Ada Obi\nXA,LP,5824,Uche Eze\nXA,PDP,757,Musa Bello\n"
    "XB,APC,8100,Ada Obi\nXB,LP,1200,Uche Eze\nXB,PDP,6300,Musa Bello\n"
    "XC,APC,2200,Ada Obi\nXC,LP,4100,Uche Eze\nXC,PDP,900,Musa Bello\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("column", ["state_code", "lga_name", "province_id", "county_fips"])
def test_a_state_or_area_column_is_named_as_the_unit_it_may_be(
    tmp_path, monkeypatch, engine, column
):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = BY_STATE.replace("state_code", column, 1)
    path = write(tmp_path, text, "ng.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert f"--unit COL (here perhaps {column!r};" in refused.stderr
    followed = invoke("summary", str(path), "-f", "json", "--unit", column)
    assert followed.code == 0, followed.stderr
    (race,) = json.loads(followed.stdout)["elections"]
    votes = pd.read_csv(io.StringIO(text)).groupby("candidate_name")["votes"].sum()
    assert {o["candidate"]: o["votes"] for o in race["results"]} == votes.to_dict()
    assert race["leader"]["candidate"] == votes.idxmax() == "Ada Obi"


# Público's layout of Portugal's local results (a municipality's council race, party by party, under
# its territory code), cut down, with invented places and figures.
COUNCILS = """election_code,election_date,territory_code,territory_name,territory_type,organ,party,votes,mandates
AUT99,2099-10-12,0901,Vale Alto,Concelho,CM,PS,4100,3
AUT99,2099-10-12,0901,Vale Alto,Concelho,CM,PPD/PSD,3900,2
AUT99,2099-10-12,0901,Vale Alto,Concelho,CM,CH,700,0
AUT99,2099-10-12,0902,Monte Baixo,Concelho,CM,PPD/PSD,2500,4
AUT99,2099-10-12,0902,Monte Baixo,Concelho,CM,PS,1200,1
AUT99,2099-10-12,0902,Monte Baixo,Concelho,CM,CH,300,0
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_party_lists_repeated_per_place_are_advised_race_by_as_well_as_unit(
    tmp_path, monkeypatch, engine
):
    """Each place's party lists may be its own race: the refusal named only --unit (and no column),
    which, followed, added every council up into one race with one leader."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, COUNCILS, "cm.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "--unit COL (here perhaps 'territory_code' or 'territory_name';" in refused.stderr
    assert "name that column with --race-by COL instead" in refused.stderr
    followed = invoke("summary", str(path), "-f", "json", "--race-by", "territory_name")
    assert followed.code == 0, followed.stderr
    races = json.loads(followed.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(COUNCILS))
    leaders = frame.loc[frame.groupby("territory_name")["votes"].idxmax()]
    assert len(races) == frame["territory_name"].nunique() == 2
    got = {r["race_keys"]["territory_name"]: r["leader"]["candidate"] for r in races}
    assert got == dict(zip(leaders.territory_name, leaders.party, strict=True))


def test_candidates_repeated_per_place_are_not_advised_race_by(tmp_path):
    """A candidate named in each place is one race's precincts: no --race-by advice."""
    text = COUNCILS.replace(",party,", ",candidate,")
    refused = invoke("summary", str(write(tmp_path, text, "cand.csv")))
    assert refused.code == 1
    assert "--race-by COL instead" not in refused.stderr


# Bulgaria's CIK open data, one row per party and polling section (`section_id;party;votes`, the
# parties by number): the refusal, one per party and section (105,263 of them), named no column.
SECTIONS = (
    "section_id;party;votes\n"
    "010100001;1;120\n010100001;2;80\n010100002;1;60\n010100002;2;90\n010100003;1;30\n"
    "010100003;2;25\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("column", ["section_id", "Numar sectie", "sandik_no", "mesa", "casilla"])
def test_a_polling_section_column_is_named_as_the_unit(tmp_path, monkeypatch, engine, column):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = SECTIONS.replace("section_id", column, 1)
    path = write(tmp_path, text, "50_votes_paper.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert f"--unit COL (here perhaps {column!r};" in refused.stderr
    followed = invoke("summary", str(path), "-f", "json", "--unit", column)
    assert followed.code == 0, followed.stderr
    (race,) = json.loads(followed.stdout)["elections"]
    votes = pd.read_csv(io.StringIO(text), sep=";", dtype={"party": str})
    expected = votes.groupby("party")["votes"].sum().to_dict()
    assert {o["candidate"]: o["votes"] for o in race["results"]} == expected
