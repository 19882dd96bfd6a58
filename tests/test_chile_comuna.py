"""Chile's Servel comuna file (trial 6): `eleccion;comuna;…;candidatura;votos;votos_comuna;…`, one
row per candidate per comuna, both rounds of the 2021 presidential election. Was read as a wide
table whose options were `votos_comuna` and `votos_comuna_mayoria` ("votos_comuna leads with
70.15 %"). The figures are checked against pandas (a groupby of the file) and hand sums."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke
from pollcli.columns import canonical_column, place_level

HEADER = (
    "eleccion;comuna;cut_comuna;region;cut_region;candidatura;votos;votos_comuna;"
    "votos_comuna_mayoria;ganador_comuna"
)
# Two regions, three comunas (two in Valparaíso), each candidate once per comuna and round; the
# same names repeat in every comuna, so only `comuna` as the unit keeps them apart.
ROWS = [
    "Primera vuelta;Aisén;11201;Aysén;11;Ana Uno;120;300;120;Ana Uno",
    "Primera vuelta;Aisén;11201;Aysén;11;Beto Dos;100;300;120;Ana Uno",
    "Primera vuelta;Aisén;11201;Aysén;11;Carla Tres;80;300;120;Ana Uno",
    "Primera vuelta;Valparaíso;5101;Valparaíso;5;Ana Uno;400;1500;700;Beto Dos",
    "Primera vuelta;Valparaíso;5101;Valparaíso;5;Beto Dos;700;1500;700;Beto Dos",
    "Primera vuelta;Valparaíso;5101;Valparaíso;5;Carla Tres;400;1500;700;Beto Dos",
    "Primera vuelta;Quilpué;5801;Valparaíso;5;Ana Uno;250;600;250;Ana Uno",
    "Primera vuelta;Quilpué;5801;Valparaíso;5;Beto Dos;200;600;250;Ana Uno",
    "Primera vuelta;Quilpué;5801;Valparaíso;5;Carla Tres;150;600;250;Ana Uno",
    "Segunda vuelta;Aisén;11201;Aysén;11;Ana Uno;170;310;170;Ana Uno",
    "Segunda vuelta;Aisén;11201;Aysén;11;Beto Dos;140;310;170;Ana Uno",
    "Segunda vuelta;Valparaíso;5101;Valparaíso;5;Ana Uno;600;1520;920;Beto Dos",
    "Segunda vuelta;Valparaíso;5101;Valparaíso;5;Beto Dos;920;1520;920;Beto Dos",
    "Segunda vuelta;Quilpué;5801;Valparaíso;5;Ana Uno;330;610;330;Ana Uno",
    "Segunda vuelta;Quilpué;5801;Valparaíso;5;Beto Dos;280;610;330;Ana Uno",
]
# Hand sums of the rows above.
ROUND_1 = {"Ana Uno": 770, "Beto Dos": 1000, "Carla Tres": 630}
ROUND_2 = {"Ana Uno": 1100, "Beto Dos": 1340}

TRIAL = Path("/tmp/trial6/world/f/cl_pres2021_comuna.csv")


def write(tmp_path: Path, header: str = HEADER) -> Path:
    path = tmp_path / "cl_pres2021_comuna.csv"
    path.write_text("\n".join([header, *ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("candidatura", "candidate"),
        ("Candidatura", "candidate"),
        ("eleccion", "election"),
        ("Elección", "election"),
        ("voti", "votes"),
        ("perc", "share"),
        ("lista", "party"),
        ("comuna", "region"),
        ("comune", "region"),
    ],
)
def test_spanish_and_italian_words(header, column):
    assert canonical_column(header) == column


def test_comuna_and_comune_are_municipalities():
    # The finest level, as `municipality` and `commune`: beside `region` the comuna is the unit.
    assert place_level("comuna") == place_level("comune") == place_level("municipality") == 2


def _figures(payload: dict) -> dict[str, dict[str, int]]:
    return {
        e["election"]: {
            r["candidate"]: r["votes"] for r in e["results"] if r["kind"] == "candidate"
        }
        for e in payload["elections"]
    }


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_each_round_is_counted_by_candidate(tmp_path, engine):
    result = invoke("summary", str(write(tmp_path)), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    assert _figures(json.loads(result.stdout)) == {
        "Primera vuelta": ROUND_1,
        "Segunda vuelta": ROUND_2,
    }
    assert "votos_comuna" not in result.stderr


def test_both_engines_agree(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path))
    assert sorted(e.facts.election for e in elections) == ["Primera vuelta", "Segunda vuelta"]
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.skipif(not TRIAL.exists(), reason="the trial's Chile file is not here")
@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_trial_file_matches_pandas(engine):
    frame = pd.read_csv(TRIAL, sep=";")
    oracle = {
        round_: group.groupby("candidatura")["votos"].sum().to_dict()
        for round_, group in frame.groupby("eleccion")
    }
    result = invoke("summary", str(TRIAL), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    payload = json.loads(result.stdout)
    got = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in payload["elections"]
    }
    assert got == {k: {n: int(v) for n, v in d.items()} for k, d in oracle.items()}
    leaders = {e["election"]: e["results"][0]["candidate"] for e in payload["elections"]}
    assert leaders == {"Primera vuelta": "Jose Antonio Kast", "Segunda vuelta": "Gabriel Boric"}


# A candidate column under a word pollcli will never know: the table looks wide, its options the
# columns after `votos`. Refused, never a summary of `votos_comuna` "leading".
UNKNOWN = HEADER.replace("candidatura", "postulante")


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("command", ["summary", "validate"])
def test_votes_word_columns_are_no_options(tmp_path, engine, command):
    path = write(tmp_path, UNKNOWN)
    result = invoke(command, str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "leads" not in result.stdout
    text = " ".join((result.stdout + result.stderr).split())
    for name in ("'votos_comuna'", "'votos_comuna_mayoria'", "'votos'", "'postulante'"):
        assert name in text
    assert "missing-column" in text or "no candidate column" in text
    assert "'candidate'" in text and "--wide" in text


def test_votes_word_refusal_both_engines(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, UNKNOWN))
    assert elections == []
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == ["missing-column"]
    assert errors[0].line == 1


def test_italian_votes_word_too(tmp_path):
    # `voti` is known now; `persona` never will be.
    path = tmp_path / "t.csv"
    path.write_text(
        "zona,persona,voti,voti_zona,voti_zona_max,vincitore\n"
        "Nord,Ann,10,25,15,Bob\nNord,Bob,15,25,15,Bob\nSud,Ann,30,50,30,Ann\nSud,Bob,20,50,30,Ann\n",
        encoding="utf-8",
    )
    result = invoke("summary", str(path))
    assert result.code == 1 and result.stdout == ""
    assert "'voti_zona'" in result.stderr and "'voti_zona_max'" in result.stderr
    assert "'persona'" in result.stderr


def test_options_named_after_a_votes_column_are_options_with_wide(tmp_path):
    # `--wide` says the columns are options: read as such (their sums checked by hand: 22 and 29).
    path = tmp_path / "w.csv"
    path.write_text("district,votes,votes_smith,votes_jones\nN,21,12,9\nS,30,10,20\n")
    refused = invoke("summary", str(path), "-f", "json")
    assert refused.code == 1
    result = invoke("summary", str(path), "-f", "json", "--wide", "--id-columns", "district")
    assert result.code == 0, result.stderr
    votes = {
        r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
    }
    assert votes == {"smith": 22, "jones": 29}  # (named without the votes word they share)


def test_a_wide_table_without_a_votes_column_is_unchanged(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("district,votes_smith,votes_jones\nN,12,9\nS,10,20\n")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    votes = {
        r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
    }
    assert votes == {"smith": 22, "jones": 29}  # (named without the votes word they share)


# README: a race whose parts add to twice its total or more is refused (`total-mismatch` error), not
# counted twice. A total column (`totalvotes`, a wide table's `votes` before its options) too.
@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Options 60 + 40 = 100 = 2 × 50: refused.
        ("candidate,votes,totalvotes\nA,60,50\nB,40,50\n", 1),
        # 100 < 2 × 51: a warning, counted.
        ("candidate,votes,totalvotes\nA,60,51\nB,40,51\n", 0),
        # Wide: options 12 + 15 + 9 + 25 = 61 ≥ 2 × (10 + 20): refused.
        ("district,votes,smith,jones\nN,10,12,9\nS,20,15,25\n", 1),
        # 12 + 15 + 9 + 20 = 56 < 60: a warning, counted.
        ("district,votes,smith,jones\nN,10,12,9\nS,20,15,20\n", 0),
    ],
)
def test_parts_twice_the_total_given_are_refused(tmp_path, engine, text, code):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == code, result.stderr
    assert "total-mismatch" in invoke("validate", str(path), "-f", "json").stdout
    if code:
        assert "times the total given" in result.stderr and result.stdout == ""
    else:
        assert "but the total given says" in result.stderr


def test_parts_twice_the_total_both_engines(monkeypatch, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("region,candidate,votes,totalvotes\nN,A,60,50\nN,B,40,50\n")
    _, problems = engines_agree(monkeypatch, path)
    assert [(p.code, p.severity) for p in problems] == [("total-mismatch", "error")]


# ELECU's Ecuador tables (CNE figures), invented: a row per candidate and per sex of the polling
# tables, under a candidate header pollcli does not know, beside the round (`VUELTA`).
ECUADOR = (
    "PROVINCIA_CODIGO,OP_CODIGO,CANDIDATO_NOMBRE,SEXO,VUELTA,VOTOS\n"
    "P01,18.0,ANA UNO,S0,1,300\nP01,18.0,ANA UNO,S1,1,200\n"
    "P01,20.0,BETO DOS,S0,1,250\nP01,20.0,BETO DOS,S1,1,100\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_votes_column_read_as_an_option_is_refused(tmp_path, engine):
    """Was read as a wide table of two options: "VOTOS leads with 99.53 %" over VUELTA."""
    path = tmp_path / "ec.csv"
    path.write_text(ECUADOR, encoding="utf-8")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and "leads" not in result.stdout
    text = " ".join(result.stderr.split())
    assert "no candidate column" in text and "'VOTOS' is the word for the votes column" in text
    assert "'CANDIDATO_NOMBRE'" in text and "--wide" in text


def test_a_wide_table_with_a_votes_total_column_is_unchanged(tmp_path):
    # Hand sums: Ann 12 + 10, Bob 9 + 20; `Votes` is each row's total, no option.
    path = tmp_path / "w.csv"
    path.write_text("district,Ann,Bob,Votes\nN,12,9,21\nS,10,20,30\n", encoding="utf-8")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    votes = {
        r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
    }
    assert votes == {"Ann": 22, "Bob": 29}
