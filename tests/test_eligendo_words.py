"""Italy's Eligendo open data (the Ministry of the Interior's `Politiche2022_Scrutini_Camera_Estero.csv`,
as ondata/elezioni-politiche-2022 keeps it under `affluenza-risultati/dati/Eligendo/rawdata/`):
`Tipo Elezione;Data elezione;Lista;Ripartizione;Nazione;Voti Liste;Schede Nulle;Schede Bianche;
Schede Contestate;Votanti;Elettori`, one row per list per country, each of the four overseas
constituencies (`Ripartizione`) a race of its own, each country's protocol (electors, voters, null
and blank ballots) repeated on each of its lists' rows (trial 18). Main refused the file: no votes
column (`Voti Liste` named none), and its advice (`--wide`) fitted another layout. Its `Data elezione`
(`25/09/2022`, day first, never guessed) was left unread with a warning that `validate` showed and
`summary` dropped.

The file is written here in that layout with invented figures; the expected figures are pandas'
sums by `Ripartizione` and `Lista`, and each country's protocol counted once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    "Tipo Elezione;Data elezione;Lista;Ripartizione;Nazione;Voti Liste;Schede Nulle;"
    "Schede Bianche;Schede Contestate;Votanti;Elettori"
)
# (constituency, country, null, blank, electors, {list: votes}).
COUNTRIES = [
    ("EUROPA", "ALBANIA", 19, 2, 1534, {"LISTA A": 260, "LISTA B": 340, "+EUROPA": 6}),
    ("EUROPA", "AUSTRIA", 40, 11, 9000, {"LISTA A": 900, "LISTA B": 700, "+EUROPA": 120}),
    ("AMERICA MERIDIONALE", "ARGENTINA", 300, 90, 80000, {"LISTA A": 5000, "MAIE": 9000}),
    ("AMERICA MERIDIONALE", "BRASILE", 200, 70, 50000, {"LISTA A": 4000, "MAIE": 3500}),
]  # fmt: skip


def eligendo_text() -> str:
    lines = [HEADER]
    for ripartizione, nazione, null, blank, electors, lists in COUNTRIES:
        voters = sum(lists.values()) + null + blank
        for lista, votes in lists.items():
            cells = ["Camera Estero", "25/09/2022", lista, ripartizione, nazione, str(votes),
                     str(null), str(blank), "0", str(voters), str(electors)]  # fmt: skip
            lines.append(";".join(cells))
    return "\ufeff" + "\n".join(lines) + "\n"


def oracle(path: Path) -> dict[str, dict[str, object]]:
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    out: dict[str, dict[str, object]] = {}
    for ripartizione, rows in frame.groupby("Ripartizione"):
        countries = rows.drop_duplicates("Nazione")
        out[str(ripartizione)] = {
            "votes": {str(k): int(v) for k, v in rows.groupby("Lista")["Voti Liste"].sum().items()},
            "registered": int(countries["Elettori"].sum()),
            "ballots_cast": int(countries["Votanti"].sum()),
            "invalid": int(countries["Schede Nulle"].sum()),
            "blank": int(countries["Schede Bianche"].sum()),
        }
    return out


def test_eligendo_abroad_table_is_read_by_constituency(tmp_path, monkeypatch):
    path = write(tmp_path, eligendo_text(), name="Politiche2022_Scrutini_Camera_Estero.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    expected = oracle(path)
    assert len(elections) == len(expected) == 2
    for election in elections:
        (ripartizione,) = [r for r in expected if r in election.facts.election]
        want = expected[ripartizione]
        assert {o.candidate: o.votes for o in election.options} == want["votes"]
        facts = election.facts
        assert facts.registered == want["registered"]
        assert facts.ballots_cast == want["ballots_cast"]
        assert facts.invalid == want["invalid"]
        assert facts.blank == want["blank"]
        # `25/09/2022`: day first, which pollcli never guesses; said, with the option to give.
        assert facts.date is None
    said = [w.message for e in elections for w in e.warnings if w.column == "Data elezione"]
    assert len(said) == 1 and "--date YYYY-MM-DD" in said[0]


def test_a_list_named_by_its_party_column_is_not_named_twice(tmp_path):
    # With no candidate column, the party column names the options: 'MAIE leads', not
    # 'MAIE (MAIE) leads' (as main wrote every list of the Eligendo file).
    path = write(tmp_path, eligendo_text(), name="Politiche2022_Scrutini_Camera_Estero.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    notes = [n for e in json.loads(result.stdout)["elections"] for n in e["notes"]]
    leads = [n for n in notes if " leads with " in n and "plurality" not in n]
    assert leads == [
        "LISTA A leads with 49.87 % (1,160 votes).",
        "MAIE leads with 58.14 % (12,500 votes).",
    ]
    assert any(n.startswith("Runner-up: LISTA B with 44.71 %") for n in notes)


def test_a_country_listed_twice_is_refused_with_advice_naming_the_files_columns(
    tmp_path, monkeypatch
):
    # Eligendo lists SUD AFRICA twice: a block of 0 votes, 0 voters and 2,167 electors, then
    # the counted one. The advice named 'candidate_id' and party lines, which a file of party
    # lists has not; it now names the country column the file has, and both readings.
    cells = "Camera Estero;25/09/2022;{};EUROPA;AUSTRIA;0;;;;0;2167"
    zero = [cells.format(lista) for lista in ("LISTA A", "LISTA B")]
    lines = eligendo_text().splitlines()
    at = next(i for i, line in enumerate(lines) if ";AUSTRIA;" in line)
    text = "\n".join(lines[:at] + zero + lines[at:]) + "\n"
    path = write(tmp_path, text, name="Politiche2022_Scrutini_Camera_Estero.csv")
    result = invoke("summary", str(path))
    assert result.code == 1
    said = [line for line in result.stderr.splitlines() if "listed again" in line]
    assert said and all("candidate_id" not in s and "party lines" not in s for s in said)
    first = next(s for s in said if "'LISTA A'" in s)
    assert f":{at + 3}: " in first  # the counted block's line, after the zero block's
    assert (
        f"Nazione 'AUSTRIA' lists it twice (line {at + 1}: 0 votes; line {at + 3}: 900 votes)"
        in first
    )
    assert "give them apart names in the 'Nazione' column" in first
    # Followed (the zero block named apart), the race is read, the other unchanged (pandas).
    fixed = write(tmp_path, text.replace(";AUSTRIA;0;", ";AUSTRIA 2;0;"), name="fixed.csv")
    elections, problems = engines_agree(monkeypatch, fixed)
    assert not [p.message for p in problems if p.severity == "error"]
    want = oracle(fixed)["EUROPA"]
    europa = next(e for e in elections if "EUROPA" in e.facts.election)
    assert {o.candidate: o.votes for o in europa.options} == want["votes"]
    assert europa.facts.registered == want["registered"]
