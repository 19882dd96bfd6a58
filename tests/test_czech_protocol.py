"""Czechia's results by municipality as volby.cz lists them (and the many scrapers of it write
them: `Kód obce,Název obce,Voliči v seznamu,Vydané obálky,Platné hlasy,` then a column per party)
are read as a protocol: the voters on the list, the envelopes issued and the valid votes are facts,
never parties (trial 21: `Voliči v seznamu leads with 36.66 %` on such a table). A table whose
party cells are each place's percentages (a scrape of the `%` column: `19,27`, `0,00`, each row
adding up to 100) is refused once, with what to read instead, not with advice to leave every party
out. Names and figures invented, the layouts are the files'; oracle: pandas sums."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import protocol

COUNTS = (
    "Kód obce,Název obce,Voliči v seznamu,Vydané obálky,Platné hlasy,Strana Modrá,"
    "Hnutí Zelené,Lidová unie\n"
    "500011,Horní Lhota,553,320,316,150,100,66\n"
    '500020,Dolní Lhota,"1 447",960,951,390,420,141\n'
    "500038,Malá Ves,212,140,139,40,60,39\n"
)

SHARES = (
    "Kód obce,Název obce,Registrovaní voliči,Vydané obálky,Platné hlasy,Strana Modrá,"
    "Hnutí Zelené,Lidová unie\n"
    '500011,Horní Lhota,553,320,316,"47,46","31,65","20,89"\n'
    '500020,Dolní Lhota,"1 447",960,951,"41,01","44,16","14,83"\n'
)


def test_a_volby_table_is_a_protocol(tmp_path, monkeypatch):
    path = write(tmp_path, COUNTS)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(COUNTS), thousands=" ")
    parties = ["Strana Modrá", "Hnutí Zelené", "Lidová unie"]
    assert {o.candidate: o.votes for o in election.options} == {
        party: int(frame[party].sum()) for party in parties
    }
    facts = election.facts
    assert facts.registered == int(frame["Voliči v seznamu"].sum())
    assert facts.ballots_cast == int(frame["Vydané obálky"].sum())
    assert facts.total_votes == int(frame["Platné hlasy"].sum())


def test_a_table_of_each_places_percentages_is_refused_once(tmp_path, monkeypatch):
    path = write(tmp_path, SHARES)
    _, problems = engines_agree(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.code) for p in errors] == [(2, "type-error")]
    assert "the options' cells are percentages, not counts" in errors[0].message
    assert "--ignore-column" not in errors[0].message


@pytest.mark.parametrize(
    ("header", "fact"),
    [
        ("Voliči v seznamu", "registered"),
        ("VOL_SEZNAM", "registered"),
        ("Počet voličov zapísaných v zozname voličov", "registered"),
        ("Vydané obálky", "ballots_cast"),
        ("VYD_OBALKY", "ballots_cast"),
        ("envelopes", "ballots_cast"),
        ("Platné hlasy", "total_votes"),
        ("Počet platných hlasov", "total_votes"),
        ("PL_HL_CELK", "total_votes"),
        ("Odevzdané obálky", ""),
        # volby.cz's 1996 turnout by municipality, bare and unaccented (`obec,volici,vydane,
        # odevzdane,platne`): 'volici leads with 30.44 %'.
        ("volici", "registered"),
        ("voliči", "registered"),
        ("vydane", "ballots_cast"),
        ("Vydane obalky", "ballots_cast"),
        ("platne", "total_votes"),
        ("odevzdane", ""),
        ("Volební účast v %", ""),
        ("% platných hlasů", ""),
    ],
)
def test_czech_and_slovak_protocol_words(header, fact):
    assert protocol.line(header) == (fact, 0)


# The turnout by municipality alone, no party in it: no column is an option, so no race is read.
TURNOUT = (
    "obec,volici,vydane,odevzdane,platne\n500054,3374,2442,2440,2427\n500089,5105,3465,3459,3432\n"
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize("wide", [False, True])
def test_a_czech_turnout_table_is_no_race(tmp_path, engine, wide):
    path = write(tmp_path, TURNOUT, "cz96v.csv")
    args = ["summary", str(path), *(["--wide"] if wide else [])]
    result = invoke(*args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "leads" not in result.stdout
    # Named as the facts they hold, if at all, never as options (`pass --wide ('volici'…)`).
    said = re.sub(r"\((\w+ from '\w+'(, )?)+\)", "", result.stderr)
    assert not any(word in said for word in ("'volici'", "'platne'", "'vydane'"))


def test_the_bare_words_beside_parties_are_a_protocol(tmp_path, monkeypatch):
    text = (
        "obec,volici,vydane,odevzdane,platne,Strana Modrá,Hnutí Zelené\n"
        "500054,3374,2442,2440,2427,1400,1027\n500089,5105,3465,3459,3432,1432,2000\n"
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(text))
    assert {o.candidate: o.votes for o in election.options} == {
        party: int(frame[party].sum()) for party in ("Strana Modrá", "Hnutí Zelené")
    }
    assert election.facts.registered == int(frame["volici"].sum())
    assert election.facts.ballots_cast == int(frame["vydane"].sum())
    assert election.facts.total_votes == int(frame["platne"].sum())
