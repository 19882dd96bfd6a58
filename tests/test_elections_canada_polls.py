"""Elections Canada's results by polling station (`pollresults_resultatsbureau<district>.csv`).

Its headers are bilingual and name their language (`Electoral District Name_English/Nom de
circonscription_Anglais` beside `…_French/…_Français`), the candidate's name is in three columns
(`Candidate’s Family Name/…`, `…Middle Name/…`, `…First Name/…`), each polling station's rejected
ballots and electors are on each of its candidates' rows, and a poll merged with another lists its
candidates with 0 votes. Every file of this layout was refused ("'Rejected Ballots for Polling' is
listed again …", 886 errors, or "the table looks like no election result: 'Electors for Polling
Station…' holds electors"). Figures checked by hand below; the real files (2015 Montarville: Michel
Picard 18,848, Catherine Fournier 16,460) give Elections Canada's official counts.
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write
from pollcli.columns import canonical_column

HEADER = [
    "Electoral District Number/Numéro de circonscription",
    "Electoral District Name_English/Nom de circonscription_Anglais",
    "Electoral District Name_French/Nom de circonscription_Français",
    "Polling Station Number/Numéro du bureau de scrutin",
    "Polling Station Name/Nom du bureau de scrutin",
    "Void Poll Indicator/Indicateur de bureau supprimé",
    "No Poll Held Indicator/Indicateur de bureau sans scrutin",
    "Merge With/Fusionné avec",
    "Rejected Ballots for Polling Station/Bulletins rejetés du bureau",
    "Electors for Polling Station/Électeurs du bureau",
    "Candidate’s Family Name/Nom de famille du candidat",
    "Candidate’s Middle Name/Second prénom du candidat",
    "Candidate’s First Name/Prénom du candidat",
    "Political Affiliation Name_English/Appartenance politique_Anglais",
    "Political Affiliation Name_French/Appartenance politique_Français",
    "Incumbent Indicator/Indicateur_Candidat sortant",
    "Elected Candidate Indicator/Indicateur du candidat élu",
    "Candidate Poll Votes Count/Votes du candidat pour le bureau",
]
CANDIDATES = [
    ("Picard", "", "Michel", "Liberal", "Libéral", "N", "Y"),
    ("Fournier", "", "Catherine", "Bloc Québécois", "Bloc Québécois", "N", "N"),
    ("Duranleau", "", "Stéphane", "Conservative", "Conservateur", "N", "N"),
]
# Station number, name, merged with, rejected, electors, votes of each candidate.
STATIONS = [
    (" 1", "Sainte-Julie", "", 4, 391, (120, 90, 30)),
    (" 2", "Sainte-Julie", "", 2, 402, (100, 110, 25)),
    (" 69B", "Saint-Bruno-de-Montarville", "401", 0, 92, (0, 0, 0)),  # merged: counted in 401
    ("401", "Saint-Bruno-de-Montarville", "", 3, 610, (200, 150, 60)),
    ("601", "Advance Poll/Bureau par anticipation", "", 1, 0, (80, 60, 20)),
]


def _file() -> str:
    def cell(value: object) -> str:
        return f'"{value}"' if isinstance(value, str) else str(value)

    lines = [",".join(HEADER)]
    for number, name, merged, rejected, electors, votes in STATIONS:
        for (family, middle, first, party, parti, incumbent, elected), count in zip(
            CANDIDATES, votes, strict=True
        ):
            row = [24049, "Montarville", "Montarville", number, name, "N", "N", merged]
            row += [rejected, electors, family, middle, first, party, parti, incumbent, elected]
            lines.append(",".join(cell(v) for v in [*row, count]))
    return "\ufeff" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Electoral District Name_English/Nom de circonscription_Anglais", "race:constituency"),
        ("Electoral District Name_French/Nom de circonscription_Français", None),
        ("Candidate’s Family Name/Nom de famille du candidat", "family_name"),
        ("Candidate's First Name/Prénom du candidat", "given_name"),
        ("Political Affiliation Name_English/Appartenance politique_Anglais", "party"),
        ("Political Affiliation Name_French/Appartenance politique_Français", None),
        ("Rejected Ballots for Polling Station/Bulletins rejetés du bureau", "invalid"),
        ("Electors for Polling Station/Électeurs du bureau", "registered"),
        ("Elected Candidate Indicator/Indicateur du candidat élu", "elected"),
        ("Candidate Poll Votes Count/Votes du candidat pour le bureau", "votes"),
        ("Polling Station Number/Numéro du bureau de scrutin", "region"),
        # A French column alone is still read (no English twin says it is a translation).
        ("Nom du candidat", "candidate"),
    ],
)
def test_the_bilingual_headers_name_their_columns(header, column):
    assert canonical_column(header) == column


def test_a_district_by_polling_station_is_read_and_summed_once_per_station(tmp_path, monkeypatch):
    path = write(tmp_path, _file(), "pollresults_resultatsbureau24049.csv")
    engines_agree(monkeypatch, path)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    votes = {r["candidate"]: (r["party"], r["votes"]) for r in election["results"]}
    # By hand: 120+100+0+200+80, 90+110+0+150+60, 30+25+0+60+20.
    assert votes == {
        "Michel Picard": ("Liberal", 500),
        "Catherine Fournier": ("Bloc Québécois", 410),
        "Stéphane Duranleau": ("Conservative", 135),
    }
    # Electors 391+402+92+610+0 = 1,495, once a station; ballots: 1,045 valid + 10 rejected.
    assert election["turnout"]["registered"] == 1495
    assert election["turnout"]["ballots_cast"] == 1055
    assert election["leader"]["candidate"] == "Michel Picard"
    notes = " ".join(election["notes"])
    assert "Middle Name" in notes and "_Français" in notes  # left unused, and said


def test_validate_finds_nothing_but_the_columns_left_unused(tmp_path):
    path = write(tmp_path, _file(), "pollresults_resultatsbureau24049.csv")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 0, result.stdout
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [p["code"] for p in problems] == ["unknown-column"]
