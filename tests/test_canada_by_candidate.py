"""Canada's federal results by candidate (cdnFedElectionData's `csv_by_cand`, trial 7): a row per
candidate of each electoral district (`ed_id`, `ed_name`), the name in `cand_name`. The name was
not read, so the parties were the options, each candidate one by its `cand_id`, and every riding
one race: "Liberal (id 9654) leads with 0.50 %" of Canada's 1945 vote. Figures hand-checked."""

from __future__ import annotations

from conftest import engines_agree, invoke, write

TEXT = """election_id,election_date,prov_code,ed_id,ed_name,cand_id,cand_name,cand_raw_party_name,party_id,party_name,party_short_name,mainstream,votes,acclaimed,place
20,1945-06-11,AB,1,ACADIA,9378,"QUELCH, Victor",Social Credit Party of Canada,143,Social Credit Party,SoCred,t,5556,f,1
20,1945-06-11,AB,1,ACADIA,9379,"HELMER, Lawrence Edgar",Liberal,75,Liberal,Lib,t,2035,f,2
20,1945-06-11,AB,1,ACADIA,9380,"SUTHERLAND, John Kenneth",Co-operative Commonwealth Federation,29,Co-operative Commonwealth Federation,CCF,t,1903,f,3
20,1945-06-11,AB,2,ATHABASKA,9383,"ROSS, Ann",Liberal,75,Liberal,Lib,t,4100,f,1
20,1945-06-11,AB,2,ATHABASKA,9384,"DOE, Bob",Social Credit Party of Canada,143,Social Credit Party,SoCred,t,3900,f,2
"""


def test_each_electoral_district_is_a_race_of_named_candidates(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    figures = {
        e.facts.election: {o.candidate: (o.party, o.votes) for o in e.options} for e in elections
    }
    assert figures == {
        "ACADIA": {
            "QUELCH, Victor": ("Social Credit Party", 5556),
            "HELMER, Lawrence Edgar": ("Liberal", 2035),
            "SUTHERLAND, John Kenneth": ("Co-operative Commonwealth Federation", 1903),
        },
        "ATHABASKA": {"ROSS, Ann": ("Liberal", 4100), "DOE, Bob": ("Social Credit Party", 3900)},
    }


def test_seats_won_per_party(tmp_path):
    result = invoke("seats", str(write(tmp_path, TEXT)), "--format", "json")
    assert result.code == 0, result.stderr
    assert '"Liberal"' in result.stdout and '"Social Credit Party"' in result.stdout


# Ridings told apart by a column pollcli does not know: read as one race, two parties with three
# candidates each.
UNKEYED = """circ_x,cand_name,party_name,votes
North,Ann Able,Liberal,500
North,Bob Baker,Conservative,400
South,Cy Cole,Liberal,300
South,Di Dunn,Conservative,450
East,Ed Eng,Liberal,350
East,Flo Fay,Conservative,320
"""


def test_ridings_of_an_unread_column_are_no_one_race_with_a_winner(tmp_path, monkeypatch):
    path = write(tmp_path, UNKEYED)
    elections, problems = engines_agree(monkeypatch, path)
    (election,) = elections
    assert election.crowded and election.seats is None
    warning = [p for p in problems if p.code == "race-split"]
    assert len(warning) == 1 and "--race-by" in warning[0].message
    result = invoke("summary", str(path))
    assert "wins" not in result.stdout
    # The advice works: each riding its race, each won by its leader (hand-checked).
    kept = invoke("summary", str(path), "--race-by", "circ_x", "--format", "json")
    assert kept.code == 0, kept.stderr
    import json

    leaders = {
        e["election"]: e["leader"]["candidate"] for e in json.loads(kept.stdout)["elections"]
    }
    assert leaders == {"North": "Ann Able", "South": "Di Dunn", "East": "Ed Eng"}


# New Zealand's layout (aaronrudkin/NewZealandElectionData): `Electorate` names the constituency,
# not a count of registered voters. Each row was an error: "registered 'Arch Hull': not a number;
# write digits only" — advice that cannot be followed.
NZ = """"ID","Name","Party","Date","Electorate","Votes"
1,"Parry WE","Labour","1946-11-27","Arch Hull",9558
2,"Clark EJ","National","1946-11-27","Arch Hull",2973
4,"Gerard RG","National","1946-11-27","Ashburton",7386
5,"Smith AB","Labour","1946-11-27","Ashburton",5000
6,"Jones CD","Labour","1946-11-27","Auckland Central",6000
7,"Brown EF","National","1946-11-27","Auckland Central",2000
"""


def test_an_electorate_of_names_is_no_count_of_voters(tmp_path, monkeypatch):
    path = write(tmp_path, NZ)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    (election,) = elections
    assert election.facts.registered is None
    assert any("'Electorate'" in n and "--race-by" in n for n in election.notes), election.notes
    # The advice works: one race per electorate, hand-checked.
    result = invoke("summary", str(path), "--race-by", "Electorate", "--format", "json")
    assert result.code == 0, result.stderr
    import json

    leaders = {e["election"]: e["leader"]["votes"] for e in json.loads(result.stdout)["elections"]}
    assert leaders == {"Arch Hull": 9558, "Ashburton": 7386, "Auckland Central": 6000}


def test_rows_of_several_dates_are_told_how_to_be_read(tmp_path):
    """New Zealand's file holds 69 elections, told apart by `Date`: each row was an error "date is
    '1947-05-28' here but '1946-11-27' …: make them agree", advice that does not fit."""
    text = NZ + '8,"Parry WE","Labour","1949-11-30","Arch Hull",9000\n'
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1
    assert "--race-by Date" in result.stderr, result.stderr
    kept = invoke("summary", str(write(tmp_path, text)), "--race-by", "Date,Electorate")
    assert kept.code == 0, kept.stderr
    assert "1949-11-30 · Arch Hull" in kept.stdout
