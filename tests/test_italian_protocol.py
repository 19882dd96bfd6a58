"""Italy's Eligendo tables of a referendum (one row per comune, province or country abroad:
`elettori_t`, `votanti_t` with their `_m` and `_f` parts, `sk_bianche`, `sk_nulle`,
`sk_contestate`, `voti_si`, `voti_no`, percentages `perc_vot`, `perc_si`, `perc_no`, and codes
`cod_reg`, `quesito_cod`) are read as a protocol: Yes and No are the options (trial 15: the 2026
referendum's table had been refused with advice that left the votes out, and read with the
percentages left out as "elettori_t leads with 71.55 % … wins outright"). Figures invented, the
layout is the file's; oracle: pandas sums."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


HEADER = (
    "cod,livello,cod_reg,cod_prov,desc_com,elettori_m,elettori_f,elettori_t,sezioni_tot,"
    "quesito_cod,sezioni_perv,votanti_m,votanti_f,votanti_t,perc_vot,sk_bianche,sk_nulle,"
    "sk_contestate,voti_si,voti_no,perc_si,perc_no\n"
)
ROWS = [
    ("010020010", "ACQUI TERME", 14833, 24, 9286, 30, 39, 0, 4691, 4526),
    ("010020020", "ALBERA LIGURE", 247, 1, 161, 0, 3, 0, 98, 60),
    ("010020030", "ALESSANDRIA", 70120, 90, 40210, 150, 310, 2, 19800, 19948),
    ("010070010", "ASTI", 56011, 70, 33109, 120, 260, 1, 16990, 15738),
]


def table() -> str:
    lines = [HEADER]
    for cod, name, electors, sections, voters, blank, null, disputed, yes, no in ROWS:
        turnout = f'"{100 * voters / electors:.2f}"'.replace(".", ",")
        yes_pct = f'"{100 * yes / (yes + no):.2f}"'.replace(".", ",")
        no_pct = f'"{100 * no / (yes + no):.2f}"'.replace(".", ",")
        lines.append(
            f"{cod},comune,01,{cod[3:5]},{name},0,0,{electors},{sections},1,{sections},0,0,"
            f"{voters},{turnout},{blank},{null},{disputed},{yes},{no},{yes_pct},{no_pct}\n"
        )
    return "".join(lines)


def test_an_eligendo_table_is_a_protocol(tmp_path, monkeypatch):
    text = table()
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(text), decimal=",")
    assert {o.candidate: o.votes for o in election.options} == {
        "si": int(frame["voti_si"].sum()),  # (named without the votes word they share)
        "no": int(frame["voti_no"].sum()),
    }
    facts = election.facts
    assert facts.registered == int(frame["elettori_t"].sum())
    assert facts.ballots_cast == int(frame["votanti_t"].sum())
    assert facts.blank == int(frame["sk_bianche"].sum())
    assert facts.invalid == int(frame["sk_nulle"].sum())
