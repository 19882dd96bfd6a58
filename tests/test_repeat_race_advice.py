"""An option listed again in one race whose races a column already tells apart (`--race-by`): the
advice must not be `--race-by` again. Poland's list of elected members (`okreg;nrlisty;numer;
komitet;kto;glosy;procent`: a constituency, the list's number, the candidate's place on it, the
committee, who, votes, share) has no column pollcli reads as the candidates (`kto`, "who"), so the
committee was read as the options; "'PO' is listed again … name that column with --race-by COL
instead" was said before and after `--race-by okreg`. The advice now says the options are read from
the party column for want of a candidate column, and names the unused columns one of which may hold
the candidates; renamed `candidate`, the file reads (oracle: the rows as written, one a member)."""

import json

from conftest import invoke, write

# Invented members of two constituencies, in the PKW layout.
ELECTED = """okreg;nrlisty;numer;komitet;kto;glosy;procent
1;2;1;ALFA;Anna NOWAKOWA;15206;4.26
1;2;3;ALFA;Jan KOWALCZYK;9120;2.55
1;7;1;BETA;Ewa LIS;11802;3.31
2;2;1;ALFA;Piotr WRONA;22013;5.90
2;5;2;GAMMA;Ola SOKÓŁ;8004;2.14
"""


def test_the_race_by_advice_is_not_given_again_once_followed(tmp_path):
    path = write(tmp_path, ELECTED, "pl_mandaty.csv")
    before = invoke("summary", str(path), "--votes", "glosy")
    assert before.code != 0
    assert "'ALFA' is listed again" in before.stderr
    after = invoke("summary", str(path), "--votes", "glosy", "--race-by", "okreg")
    assert after.code != 0
    first = after.stderr.splitlines()[0]
    assert "'ALFA' is listed again (first on line 2) in election '1'" in first
    assert "--race-by" not in first, first
    assert "no column is read as the candidates: the options are read from 'komitet'" in first
    assert "'kto'" in first and "rename its header candidate" in first


def test_the_file_reads_once_the_candidates_column_is_named(tmp_path):
    path = write(tmp_path, ELECTED.replace(";kto;", ";candidate;", 1), "pl_mandaty.csv")
    done = invoke(
        "summary", str(path), "--votes", "glosy", "--race-by", "okreg", "--format", "json"
    )
    assert done.code == 0, done.stderr
    races = {e["election"]: e for e in json.loads(done.stdout)["elections"]}
    votes = {name: {r["candidate"]: r["votes"] for r in e["results"]} for name, e in races.items()}
    assert votes["1"] == {"Anna NOWAKOWA": 15206, "Jan KOWALCZYK": 9120, "Ewa LIS": 11802}
    assert votes["2"] == {"Piotr WRONA": 22013, "Ola SOKÓŁ": 8004}


# Invented constituencies in Eligendo's derived layout: `name` (the constituency), `descr_lista`
# (the list), `perc` (its share).
LISTS = """name,descr_lista,perc,variable,value
Borgo 1,LISTA ALFA,"40,10",codice,01000000000
Borgo 1,LISTA BETA,"35,40",codice,01000000000
Borgo 1,LISTA GAMMA,"24,50",codice,01000000000
Borgo 2,LISTA ALFA,"30,00",codice,02000000000
Borgo 2,LISTA BETA,"50,25",codice,02000000000
Borgo 2,LISTA GAMMA,"19,75",codice,02000000000
"""


def test_a_candidate_column_of_places_is_told_and_the_advice_works(tmp_path):
    # Italy's 2018 results (`name,descr_lista,perc,variable,value`): `name` read as the candidate,
    # "'Piemonte 1' is listed again" with advice of namesakes, party lines and --unit; none of them
    # says the column names places and `descr_lista` the lists.
    path = write(tmp_path, LISTS, "it_lists.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    first = result.stderr.splitlines()[0]
    assert "'Borgo 1' is listed again" in first
    assert (
        "if 'name' names places (races or regions) rather than the options, rename its header "
        "(constituency, region…) and give the options' column the header candidate or party "
        "(not used: 'descr_lista', 'variable', 'value')" in first
    ), first
    renamed = write(tmp_path, LISTS.replace("name,descr_lista", "constituency,party"), "it2.csv")
    done = invoke("summary", str(renamed), "--format", "json")
    assert done.code == 0, done.stderr
    races = {e["election"]: e for e in json.loads(done.stdout)["elections"]}
    assert races["Borgo 2"]["leader"]["candidate"] == "LISTA BETA"
    assert round(races["Borgo 2"]["leader"]["share"], 2) == 50.25
    assert races["Borgo 1"]["leader"]["candidate"] == "LISTA ALFA"
