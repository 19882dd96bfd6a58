"""Others, blank and null ballots in the singular beside the plural. Belgium's provincial tables of
1961 (`Parti,Nombre de sièges,Nombre de voix,province,…`; here without seats) list French `AUTRE` in some provinces,
Dutch `ANDERE` and `autres/andere` in others: `ANDERE` and `autres` were others, `AUTRE` a party
(ranked, "below the 3 % threshold"). Each language's word is now one in both numbers. Figures
invented in the layout; oracle: pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.kinds import kind_from_name
from pollcli.read import protocol

TABLE = (
    "Parti,Nombre de voix,province,date,election\n"
    "Rouge,250000,Province Une,1961,conseils\n"
    "Bleu,180000,Province Une,1961,conseils\n"
    "AUTRE,9000,Province Une,1961,conseils\n"
    "Rouge,200000,Provincie Twee,1961,conseils\n"
    "Bleu,210000,Provincie Twee,1961,conseils\n"
    "ANDERE,3000,Provincie Twee,1961,conseils\n"
    "autres/andere,2000,Provincie Twee,1961,conseils\n"
)


def test_autre_is_other_as_autres_and_andere(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "be_prov.csv")
    (election,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    kinds = {o.candidate: o.kind for o in election.options}
    assert kinds == {
        "Rouge": "candidate", "Bleu": "candidate", "AUTRE": "other", "ANDERE": "other",
        "autres/andere": "other",
    }  # fmt: skip
    sums = pd.read_csv(io.StringIO(TABLE)).groupby("Parti")["Nombre de voix"].sum()
    assert {o.candidate: o.votes for o in election.options} == sums.to_dict()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("AUTRE", "other"),
        ("Autres", "other"),
        ("Otro", "other"),
        ("Overig", "other"),
        ("Blanc", "candidate"),  # (a surname: `bulletin blanc` is the blank ballot)
        ("Scheda bianca", "blank"),
        ("Nul", "invalid"),
        ("Scheda nulla", "invalid"),
    ],
)
def test_both_numbers(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("header", "fact"),
    [
        ("Bulletin blanc", "blank"),
        ("Vote blanc", "blank"),
        ("Nul", "invalid"),
        ("Vote nul", "invalid"),
    ],
)
def test_a_wide_table_s_singular_french_lines(header, fact):
    assert protocol.line(header) == (fact, 0)
