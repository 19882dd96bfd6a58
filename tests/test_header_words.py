"""Issue 11 item 5: headers in the words people use — geography levels, share and party words,
bilingual headers, a name in two columns, total_votes read from the data, fact columns that hold no
such fact, --ignore-column, and misspelling suggestions only when really close."""

import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke, write
from pollcli.columns import canonical_column, place_level
from pollcli.problems import Found
from pollcli.read.header import map_header

REALWORLD = next(
    (
        p
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if p.is_dir()
    ),
    None,
)


def mapped(header: str, rows: tuple[str, ...] = ()):
    cells = header.split(",")
    data = [r.split(",") for r in rows]
    found = Found("t.csv")
    columns = map_header(cells, 1, found, lambda i: any(i < len(r) and r[i].strip() for r in data))
    named = {cells[i]: c for i, c in columns.columns.items()} if columns else None
    return named, columns.notes if columns else [], found.items


def summary(tmp_path, text, *args, name="results.csv"):
    result = invoke("summary", str(write(tmp_path, text, name)), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Candidate/Candidat", "candidate"),
        ("Votes Obtained/Votes obtenus", "votes"),
        ("Percentage of Votes Obtained", "share"),
        ("percent_votes", "share"),
        ("% Voix/Exp", "share"),
        ("% Voix/Ins", None),  # of the registered voters: a protocol figure, not the share
        ("% Blancs/Vot", None),
        ("Majority Percentage/Pourcentage de majorité", None),
        ("Candidate Residence/Résidence du candidat", None),
        ("ParteiKuerzel", "party"),
        ("Partei", "party"),
        ("Description on ballot paper", "party"),
        ("county_name", "region"),
        ("Libellé du département", "region"),
        ("Code du département", None),
        ("Electoral District Name/Nom de circonscription", "race:constituency"),
        ("Gemeinde", "region"),
        ("Stimmbezirk", "region"),
        ("Wahlbezirk", "region"),
        ("участок", "region"),
        ("округ", "region"),
        ("commune", "region"),
        ("parish", "region"),
        ("Forename", "given_name"),
        ("Nom", "family_name"),
        ("Prénom", "given_name"),
        ("alt_result_text", "alt_name"),
        ("state_po", None),
        # Belgium's `Parti;Nombre de sièges;Nombre de voix`: each list's seats won, whose sum is the
        # race's seats (tests/test_seats_won_column.py; unused, each constituency was one seat).
        ("Nombre de voix", "votes"),
        ("Aantal stemmen", "votes"),
        ("Anzahl Stimmen", "votes"),
        ("Número de votos", "votes"),
        ("Nombre de sièges", "seats"),
        # Clear Ballot's statements of votes (Colorado's counties).
        ("Contest Title", "race:race"),
        ("Precinct Code", "region"),
    ],
)
def test_header_words(header, column):
    assert canonical_column(header) == column


@pytest.mark.parametrize(
    ("header", "level"),
    [("state", 0), ("Województwo", 0), ("county", 1), ("county_name", 1), ("precinct", 2)],
)
def test_place_levels(header, level):
    assert place_level(header) == level


@pytest.mark.parametrize(
    ("header", "region", "unit", "unused"),
    [
        ("county,precinct,candidate,votes", "county", "precinct", None),
        ("precinct,county,candidate,votes", "county", "precinct", None),
        # OpenElections: district is a race (U.S. House 1), not a place between county and precinct.
        ("county,precinct,office,district,candidate,votes", "county", "precinct", None),
        (
            "constituency_name,county_name,region_name,candidate,votes",
            "region_name",
            "county_name",
            None,
        ),
        ("state,county_name,precinct,candidate,votes", "county_name", "precinct", "state"),
        ("Gmina,Powiat,Województwo,candidate,votes", "Powiat", "Gmina", "Województwo"),
        ("region,tik,uik,candidate,votes", "region", "uik", "tik"),
        ("region,county,candidate,votes", "region", "county", None),
        ("Stimmbezirk,candidate,votes", "Stimmbezirk", None, None),
    ],
)
def test_the_finest_place_is_the_unit_and_the_next_coarser_the_region(header, region, unit, unused):
    named, notes, problems = mapped(header)
    assert not [p for p in problems if p.severity == "error"]
    assert {h for h, c in named.items() if c == "region"} == {region}
    assert {h for h, c in named.items() if c == "unit"} == ({unit} if unit else set())
    if unused:
        assert any(f"'{unused}' left unused: '{region}' is the region" in n for n in notes)


def test_two_columns_of_one_place_word_are_still_a_duplicate_label():
    _, _, problems = mapped("county,county,candidate,votes")
    assert [p.code for p in problems] == ["duplicate-label"]


def test_an_empty_duplicate_is_left_unused_with_a_note():
    # FiveThirtyEight: `party` is empty in every row, `ballot_party` holds the party.
    named, notes, problems = mapped(
        "candidate_name,party,ballot_party,votes", ("A,,DEM,5", "B,,REP,3")
    )
    assert not problems
    assert named["ballot_party"] == "party" and "party" not in named
    assert "'party' is empty in every row and left unused: 'ballot_party' is the party column." in (
        notes
    )


def test_a_constant_state_column_is_not_a_breakdown(tmp_path):
    [election] = summary(tmp_path, "state,candidate,votes,share\nKZ,A,60,60\nKZ,B,40,40\n")
    assert [r["share"] for r in election["results"]] == [60, 40]  # published shares kept
    assert (
        "The 'state' column is 'KZ' in every row: the election is read as a whole."
        in (election["notes"])
    )


def test_a_bilingual_file_maps_and_keeps_its_words(tmp_path):
    text = (
        "Candidate/Candidat,Votes Obtained/Votes obtenus,Percentage of Votes Obtained,"
        "Majority/Majorité\nScott Andrews,16008,44,1259\nFabian Manning,14749,40.5,\n"
        "Other Person,5643,15.5,\n"
    )
    [election] = summary(tmp_path, text)
    assert election["leader"]["candidate"] == "Scott Andrews"
    assert election["leader"]["share"] == 44
    assert any("'Majority/Majorité'" in n for n in election["notes"])


@pytest.mark.parametrize(
    ("header", "row", "name"),
    [
        ("Forename,Surname,Votes", "Stephen,Kinnock,15416", "Stephen Kinnock"),
        # France's ministry files: Nom before Prénom, shown given name first.
        ("Sexe,Nom,Prénom,Voix", "M,MACRON,Emmanuel,92206", "Emmanuel MACRON"),
        ("firstname,surname,votes", "Ana,,3", "Ana"),
        ("Nom,Voix", "MACRON,92206", "MACRON"),
    ],
)
def test_a_name_in_two_columns_is_joined_given_name_first(tmp_path, header, row, name):
    [election] = summary(tmp_path, f"{header}\n{row}\n")
    assert election["results"][0]["candidate"] == name


def test_a_blank_candidate_takes_its_name_from_alt_result_text(tmp_path):
    # FiveThirtyEight: a write-in row has no candidate, and "Write-in" in alt_result_text.
    text = "candidate_name,alt_result_text,votes\nTim Kaine,,3000\nHung Cao,,2000\n,Write-in,40\n"
    [election] = summary(tmp_path, text)
    write_in = next(r for r in election["results"] if r["candidate"] == "Write-in")
    assert write_in["kind"] == "other"
    assert election["leader"]["candidate"] == "Tim Kaine"


def test_total_votes_without_a_votes_column_is_each_options_votes(tmp_path):
    text = "county,precinct,candidate,election_day_votes,total_votes\nF,P1,A,5,7\nF,P1,B,2,3\n"
    [election] = summary(tmp_path, text)
    assert [r["votes"] for r in election["results"]] == [7, 3]
    assert "The 'total_votes' column holds each option's votes." in election["notes"]


def test_total_votes_constant_in_a_race_is_the_race_total_and_checked(tmp_path):
    # MEDSL: totalvotes is the race's total on every row (blank and void ballots included).
    text = "candidate,candidatevotes,totalvotes\nA,60,110\nB,40,110\n"
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [p["code"] for p in problems] == ["total-mismatch"]


def test_total_votes_that_varies_within_a_race_beside_votes_is_left_unused(tmp_path):
    text = "county,candidate,votes,total_votes\nF,A,5,7\nF,B,2,3\nG,A,1,1\nG,B,4,5\n"
    [election] = summary(tmp_path, text)
    assert any(
        "'total_votes' column is left unused: it differs from option to option" in n
        for n in election["notes"]
    )
    assert [r["votes"] for r in election["results"]] == [6, 6]


def test_a_stage_column_of_general_and_primary_is_no_wall_of_errors(tmp_path):
    # FiveThirtyEight's `stage` and `source` (a URL per row) are not pollcli's facts.
    text = (
        "candidate_name,votes,stage,source\n"
        "A,10,general,https://a.example/1\nB,5,general,https://a.example/2\n"
    )
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0
    [election] = summary(tmp_path, text)
    notes = " ".join(election["notes"])
    # The stage of a race (issue 12's race keys), not of the count: the count stays official.
    assert election["stage"] == "official"
    assert "'source' column is left unused: it differs from row to row" in notes


def test_a_real_stage_column_still_gets_its_errors(tmp_path):
    text = "candidate,votes,stage\nA,10,official\nB,5,preliminary\n"
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    assert [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]] == [
        "inconsistent-metadata"
    ]


def test_ignore_column(tmp_path):
    path = write(tmp_path, "candidate,votes,share\nA,10,20\nB,5,80\n")
    result = invoke("summary", str(path), "--format", "json", "--ignore-column", "share")
    assert result.code == 0
    election = json.loads(result.stdout)["elections"][0]
    assert "Column(s) 'share' left unused (--ignore-column)." in election["notes"]
    assert election["results"][0]["share"] == pytest.approx(10 / 15 * 100)


@pytest.mark.parametrize(
    ("header", "suggested"),
    [
        ("candiate,votes", "is 'candiate' meant to be 'candidate'?"),
        ("candidate,vtoes", "is 'vtoes' meant to be 'votes'?"),
        ("name,PC", None),  # Plaid Cymru's column, not a misspelt `pct`
        ("name,lab", None),
        ("name,con", None),
        # Connecticut's 2016 primary turnout file (session 19): voters are a turnout, not votes.
        ("town,party,registered_voters,voters", None),
    ],
)
def test_misspellings_are_suggested_only_when_really_close(tmp_path, header, suggested):
    result = invoke("validate", str(write(tmp_path, f"{header}\nA,1\n")), "--format", "json")
    messages = " ".join(p["message"] for p in json.loads(result.stdout)["files"][0]["problems"])
    if suggested:
        assert suggested in messages
    else:
        assert "meant to be" not in messages


@pytest.mark.skipif(REALWORLD is None, reason="shared/realworld is not beside the repository")
def test_canada_2011_headers_map():
    path = REALWORLD / "ca_2011_federal_table12_ridings.csv"
    header = path.read_bytes().decode("cp1252").splitlines()[0].split(",")
    found = Found(str(path))
    columns = map_header(header, 1, found, lambda _: True)
    named = {header[i]: c for i, c in columns.columns.items()}
    assert named["Candidate/Candidat"] == "candidate"
    assert named["Votes Obtained/Votes obtenus"] == "votes"
    assert named["Province"] == "region"
    # The ridings are races (issue 12's race keys; `read.roles` makes the province part of them).
    assert named["Electoral District Name/Nom de circonscription"] == "race:constituency"
    assert named["Percentage of Votes Obtained"] == "share"


@pytest.mark.skipif(REALWORLD is None, reason="shared/realworld is not beside the repository")
def test_vaterstetten_headers_map():
    path = REALWORLD / "de_btw2021_vaterstetten_zweitstimmen_by_district.csv"
    result = invoke("validate", str(path), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert not [p for p in problems if p["code"] in ("missing-column", "unknown-column")]


def test_every_place_word_is_documented():
    from pollcli.columns import GEOGRAPHY

    docs = (ROOT / "docs" / "csv-format.md").read_text(encoding="utf-8").casefold()
    for words in GEOGRAPHY:
        for word in words:
            assert word in docs or word.replace("_", " ") in docs, word
