"""Wide tables and the flags and advice about them (session 26's new-user trial).

Finland's 2012 party table (Ministry of Justice, `Nimi_fi;…;Ennakkoäniä_1_vertailuvaali;…;
Ääniä_yhteensä_1_vertailuvaali;…;Ääniä_yhteensä_2_vertailuvaali;…`: each party's votes at two
earlier elections) was read as a race of two options, `yhteensä_2_vertailuvaali` "winning
outright" with 53.56 %; and `--votes Ääniä_yhteensä_2_vertailuvaali` was accepted and silently
ignored (the same output). The files here are invented, in the same layout."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from conftest import invoke, write

FI_HEADER = (
    "RowIndex;Kuntanumero;Nimilyhenne_fi;Nimi_fi;"
    "Vaaltapaht_1_vertailuvaali;Ennakko_1_vertailuvaali;Ääniä_yhteensä_1_vertailuvaali;"
    "Vaaltapaht_2_vertailuvaali;Ennakko_2_vertailuvaali;Ääniä_yhteensä_2_vertailuvaali"
)
FI_ROWS = [
    "1;091;AAP;Aalto Puolue;K-2008;40;120;E-2011;50;150",
    "2;091;BEP;Berg Puolue;K-2008;30;90;E-2011;20;80",
    "3;091;CEP;Carla Liitto;K-2008;10;25;E-2011;15;40",
    "4;092;AAP;Aalto Puolue;K-2008;20;60;E-2011;25;70",
    "5;092;BEP;Berg Puolue;K-2008;35;100;E-2011;30;95",
]


def _fi(tmp_path: Path, header: str = FI_HEADER) -> Path:
    return write(tmp_path, "\n".join([header, *FI_ROWS]) + "\n", name="fi_parties.csv")


def _votes(stdout: str) -> dict[str, int]:
    (race,) = json.loads(stdout)["elections"]
    return {o["candidate"] or o["party"]: o["votes"] for o in race["results"]}


def test_one_measure_of_two_elections_is_no_two_options(tmp_path: Path) -> None:
    result = invoke("summary", str(_fi(tmp_path)))
    assert result.code == 1, result.stdout
    assert "LEADER" not in result.stdout
    said = " ".join(result.stderr.split())
    assert "one measure told apart by a number" in said
    assert "figures of 2 elections or rounds, not 2 options" in said
    assert "'Ennakko_1_vertailuvaali'" in said
    # The column of the parties' names is among those named, and so is the way to read it.
    assert "'Nimi_fi'" in said
    assert "--votes COL" in said
    assert "pass --wide" in said


def test_one_measure_read_as_options_when_the_user_says_wide(tmp_path: Path) -> None:
    result = invoke("summary", str(_fi(tmp_path)), "--wide", "-f", "json")
    assert result.code == 0, result.stderr
    votes = _votes(result.stdout)
    assert votes == {"yhteensä_1_vertailuvaali": 395, "yhteensä_2_vertailuvaali": 435}


def test_the_advice_reads_the_chosen_election(tmp_path: Path) -> None:
    """Renamed as the advice says, the rows are the parties and --votes picks the election."""
    path = _fi(tmp_path, FI_HEADER.replace(";Nimi_fi;", ";party;"))
    chosen = ("--votes", "Ääniä_yhteensä_2_vertailuvaali", "--unit", "Kuntanumero")
    result = invoke("summary", str(path), *chosen, "-f", "json", "-q")
    assert result.code == 0, result.stderr
    got = _votes(result.stdout)
    frame = pd.read_csv(path, sep=";", dtype=str)
    oracle = frame.groupby("party")["Ääniä_yhteensä_2_vertailuvaali"].apply(
        lambda s: int(s.astype(int).sum())
    )
    assert got == oracle.to_dict()


def test_votes_flag_on_a_wide_table_is_refused_not_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "region,Alpha,Beta\nNorth,10,20\nSouth,30,5\n")
    plain = invoke("summary", str(path))
    assert plain.code == 0
    result = invoke("summary", str(path), "--votes", "Alpha")
    assert result.code != 0
    assert result.stdout != plain.stdout
    said = " ".join(result.stderr.split())
    assert "--votes 'Alpha'" in said
    assert "read as a wide table" in said
    assert "leave --votes out" in said


def test_votes_flag_naming_no_column_of_a_wide_table_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "region,Alpha,Beta\nNorth,10,20\nSouth,30,5\n")
    result = invoke("summary", str(path), "--votes", "nope")
    assert result.code != 0
    said = " ".join(result.stderr.split())
    assert "--votes 'nope'" in said
    assert "no such column" in said
    assert "'Alpha'" in said


# Público's Portuguese local results (`am_concelhos.csv`), invented: two municipalities share the
# name Vila Nova (codes 0806 and 4201), one race each.
PT = """election_code,territory_code,territory_name,organ,party,votes,mandates
AUT25,0101,Alto Monte,AM,PS,500,10
AUT25,0101,Alto Monte,AM,CH,300,6
AUT25,0806,Vila Nova,AM,PS,450,10
AUT25,0806,Vila Nova,AM,CH,260,6
AUT25,4201,Vila Nova,AM,PPD/PSD,700,12
AUT25,4201,Vila Nova,AM,PS,300,5
AUT25,4201,Vila Nova,AM,CH,100,2
"""


def test_two_places_of_one_name_are_advised_their_codes(tmp_path: Path) -> None:
    path = write(tmp_path, PT, name="pt_am.csv")
    result = invoke("summary", str(path), "--race-by", "territory_name")
    said = " ".join(result.stderr.split())
    assert "'PS' is listed again" in said
    assert "if two places share a name" in said
    assert "--race-by territory_code" in said
    # Followed, --unit on the code would add the two councils up: it is not advised.
    assert "perhaps 'territory_code'" not in said
    advised = invoke(
        "summary", str(path), "--race-by", "territory_code,territory_name", "-f", "json", "-q"
    )
    assert advised.code == 0, advised.stderr
    races = {e["election"]: e for e in json.loads(advised.stdout)["elections"]}
    oracle = pd.read_csv(io.StringIO(PT), dtype={"territory_code": str})
    for (code, name), rows in oracle.groupby(["territory_code", "territory_name"]):
        race = next(r for key, r in races.items() if code in key and name in key)
        got = {o["candidate"] or o["party"]: o["votes"] for o in race["results"]}
        assert got == dict(zip(rows["party"], rows["votes"].astype(int), strict=True))


# An STV count sheet as Edinburgh's 2012 ward files give it (invented): every candidate at each
# count, `Total_Votes` of later counts with fractions of transferred votes.
STV = """Candidate_First_Pref_Votes,Status,Surname,Firstname,Party_Name,Count_Number,Transfers,Total_Votes
900,,MORE,Ann,Party A,1,0,900
700,,LESS,Bob,Party B,1,0,700
300,,FEW,Cat,Party C,1,0,300
900,Elected,MORE,Ann,Party A,2,0,900
700,,LESS,Bob,Party B,2,120.52311,820.52311
300,,FEW,Cat,Party C,2,-300,0
"""


def test_count_stages_are_said_once_with_the_first_count(tmp_path: Path) -> None:
    path = write(tmp_path, STV, name="ward.csv")
    for engine in ("exact", "stream"):
        result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
        assert result.code == 1
        said = " ".join(result.stderr.split())
        assert "not a whole number" not in said
        assert "listed again" not in said
        assert "'Count_Number' numbers the counts of a transferable vote" in said
        assert "--where Count_Number=1" in said
    read = invoke("summary", str(path), "--where", "Count_Number=1", "-f", "json")
    assert read.code == 0, read.stderr
    frame = pd.read_csv(io.StringIO(STV))
    first = frame[frame.Count_Number == 1]
    oracle = {f"{r.Firstname} {r.Surname}": r.Total_Votes for r in first.itertuples()}
    assert _votes(read.stdout) == oracle


# Boulder County's processed results (invented rows): the names in `candidate_or_option`, which
# pollcli does not know, and a `party` column blank on every row.
BOULDER = """election_year,election_type,precinct,contest,contest_type,candidate_or_option,party,votes
2013,coordinated,2181007800,TOWN COUNCIL,candidate,Mary Ash,,66
2013,coordinated,2181007800,TOWN COUNCIL,candidate,John Birch,,58
2013,coordinated,2181007801,TOWN COUNCIL,candidate,Mary Ash,,40
2013,coordinated,2181007801,TOWN COUNCIL,candidate,John Birch,,71
"""


def test_a_blank_name_column_advises_the_column_of_names(tmp_path: Path) -> None:
    path = write(tmp_path, BOULDER, name="boulder.csv")
    for engine in ("exact", "stream"):
        result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
        assert result.code == 1
        said = " ".join(result.stderr.split())
        assert "the option has no name" not in said
        assert "read from 'party', blank in each of the first 4 rows" in said
        assert "perhaps 'candidate_or_option')" in said  # (not `coordinated`, alike in each)
    renamed = write(tmp_path, BOULDER.replace("candidate_or_option", "candidate"), "b2.csv")
    read = invoke("summary", str(renamed), "-f", "json")
    assert read.code == 0, read.stderr
    frame = pd.read_csv(io.StringIO(BOULDER))
    oracle = frame.groupby("candidate_or_option")["votes"].sum().to_dict()
    assert _votes(read.stdout) == oracle


def test_a_party_list_of_party_names_is_read_as_before(tmp_path: Path) -> None:
    text = BOULDER.replace(",,", ",Green,", 2).replace(",,", ",Blue,")
    result = invoke("summary", str(write(tmp_path, text.replace("candidate_or_option", "x"))))
    assert "blank in each" not in result.stderr


# MEDSL's president file (invented rows): a row of no name whose `writein` says NA (2020
# Maryland's 18,045 votes), and one of no name beside named candidates of its party (1976
# Tennessee's INDEPENDENT), each refused with only an edit of the file as advice.
MEDSL = """year,state,office,candidate,party_detailed,writein,candidatevotes
2020,MARYLAND,US PRESIDENT,"DOE, JANE",DEMOCRAT,FALSE,1900
2020,MARYLAND,US PRESIDENT,"ROE, RICHARD",REPUBLICAN,FALSE,1000
2020,MARYLAND,US PRESIDENT,"",INDEPENDENT,FALSE,30
2020,MARYLAND,US PRESIDENT,"POE, ED",INDEPENDENT,FALSE,40
2020,MARYLAND,US PRESIDENT,"","",NA,18
"""


def test_rows_of_no_name_have_advice_that_needs_no_edit(tmp_path: Path) -> None:
    path = write(tmp_path, MEDSL, name="medsl.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    said = " ".join(refused.stderr.split())
    assert said.count("--kind '=other'") == 2  # (the write-in cell's NA; the party's other name)
    for engine in ("exact", "stream"):
        env = {"POLLCLI_ENGINE": engine}
        read = invoke("summary", str(path), "--kind", "=other", "-f", "json", env=env)
        assert read.code == 0, read.stderr
        (race,) = json.loads(read.stdout)["elections"]
        got = {o["candidate"]: (o["votes"], o["kind"]) for o in race["results"]}
        frame = pd.read_csv(io.StringIO(MEDSL), keep_default_na=False)
        named = frame[frame.candidate != ""]
        pairs = zip(named.candidate, named.candidatevotes, strict=True)
        oracle = {n: (int(v), "candidate") for n, v in pairs}
        oracle["(no name)"] = (int(frame[frame.candidate == ""].candidatevotes.sum()), "other")
        assert got == oracle
        assert race["leader"]["candidate"] == "DOE, JANE"


def test_kind_of_no_name_must_be_an_options_kind(tmp_path: Path) -> None:
    result = invoke("summary", str(write(tmp_path, MEDSL)), "--kind", "=registered")
    assert result.code == 2
    assert "the rows of no name are one of" in result.stderr
