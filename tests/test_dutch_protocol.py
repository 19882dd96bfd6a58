"""The Kiesraad's tables by municipality (the Netherlands' Databank verkiezingsuitslagen:
`Amsterdamse code`, `CBS code`, `Naam`, `# geldige stemmen`, `# ongeldige stemmen`,
`# blanco stemmen`, `Percentage blanco stemmen`, `# kiesgerechtigden`, `Opkomst`,
`Opkomstpercentage`, then a column per party) are read as a protocol: `Opkomst` is the voters who
came, a count, not a party (trial 21: the Tweede Kamer 2012 table was refused, its options' votes
"2.0 times the total given", `Opkomst` read as a party). Figures and names invented, the layout is
the file's; oracle: pandas sums."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.kind_words import FACT_NAMES
from pollcli.read import protocol, stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


HEADER = (
    "Amsterdamse code,CBS code,Naam,# geldige stemmen,# ongeldige stemmen,# blanco stemmen,"
    "Percentage blanco stemmen,# kiesgerechtigden,Opkomst,Opkomstpercentage,"
    "Partij Aap,Partij Noot,Lijst Mies\n"
)
ROWS = [
    ("10001", "101", "Dorpveen", 14, 6, 1400, (540, 310, 180)),
    ("10002", "102", "Zandhoven", 21, 9, 2900, (720, 880, 410)),
    ("10003", "103", "Beekum", 3, 2, 640, (150, 190, 95)),
]


def table() -> str:
    lines = [HEADER]
    for ams, cbs, name, invalid, blank, registered, parties in ROWS:
        valid = sum(parties)
        came = valid + invalid + blank
        blank_pct = f'"{100 * blank / came:.2f} %"'.replace(".", ",")
        turnout = f'"{100 * came / registered:.2f}"'.replace(".", ",")
        figures = ",".join(map(str, parties))
        lines.append(
            f"{ams},{cbs},{name},{valid},{invalid},{blank},{blank_pct},{registered},{came},"
            f"{turnout},{figures}\n"
        )
    return "".join(lines)


def test_a_kiesraad_table_is_a_protocol(tmp_path, monkeypatch):
    text = table()
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(text))
    parties = ["Partij Aap", "Partij Noot", "Lijst Mies"]
    assert {o.candidate: o.votes for o in election.options} == {
        party: int(frame[party].sum()) for party in parties
    }
    facts = election.facts
    assert facts.registered == int(frame["# kiesgerechtigden"].sum())
    assert facts.ballots_cast == int(frame["Opkomst"].sum())
    assert facts.invalid == int(frame["# ongeldige stemmen"].sum())
    assert facts.blank == int(frame["# blanco stemmen"].sum())
    assert facts.total_votes == int(frame["# geldige stemmen"].sum())


def test_a_long_tables_fact_words_are_a_wide_tables_protocol_lines():
    """Each count the rows of a long table name as a fact (`Total Registration`, `Votos
    emitidos`, `Potencial electoral`) is that fact as a wide table's column, unless the protocol's
    own words read it otherwise (`Votes Cast`, the ballots cast of a protocol; `Liczba wyborców`,
    no fact)."""
    own = {"votes cast": "ballots_cast", "total votes cast": "ballots_cast", "liczba wyborców": ""}
    for fact, names in FACT_NAMES.items():
        for name in names:
            assert protocol.line(name) == (own.get(name, fact), 0), name
