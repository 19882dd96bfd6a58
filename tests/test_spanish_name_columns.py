"""A Spanish `Nombre …` column names the rows (a state's, a department's, a parish's name), never a
protocol line of no fact as French `Nombre de …` (a number of) would be: Mexico's INE results by
state (`NOMBRE_ESTADO,PAN,PRI,…,NUM_VOTOS_NULOS,TOTAL_VOTOS,LISTA_NOMINAL`, the presidential
election of 2012) had its states "not used" and each row named by its line (trial 21: `--by region`
listed 'line 2', 'line 3'… and the total-row warnings named 'line 13'). Names and figures invented,
the layout is the file's; oracle: pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import protocol

TABLE = (
    "NOMBRE_ESTADO,PAN,PRI,PRD,NUM_VOTOS_CAN_NREG,NUM_VOTOS_NULOS,TOTAL_VOTOS,LISTA_NOMINAL\n"
    "ALAMEDA,1500,1200,900,3,40,3643,6000\n"
    "BAHIA CLARA,2100,2600,1300,5,61,6066,9100\n"
    "CERRO ALTO,800,950,1250,2,30,3032,5000\n"
)


def test_an_ine_table_by_state_is_named_by_its_states(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(TABLE))
    assert [r.name for r in election.regions] == list(frame["NOMBRE_ESTADO"])
    votes = {o.candidate: o.votes for o in election.options}
    for party in ("PAN", "PRI", "PRD"):
        assert votes[party] == int(frame[party].sum())
    assert election.facts.registered == int(frame["LISTA_NOMINAL"].sum())


@pytest.mark.parametrize(
    "header",
    ["NOMBRE_ESTADO", "Nombre Departamento", "nombre_parroquia", "Nombre de la Entidad"],
)
def test_a_spanish_name_is_no_protocol_line(header):
    assert protocol.line(header) is None


def test_a_french_number_of_stays_a_protocol_line():
    assert protocol.line("Nombre de votants") == ("ballots_cast", 0)
    assert protocol.line("Nombre de bureaux") == ("", 0)
