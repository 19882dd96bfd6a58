"""A table of options down and places across, its corner cell empty (Bogotá's tables by locality,
written by pandas with the index as the first column): read as one row per option and place where
its rows say so (`Blanco`, `Nulos`, `Potencial Votantes`: no place is called so), refused where
nothing tells which way it runs. Read as one column per option, the localities were the options:
"SUBA leads with 12.39 %" (trial 19).

Figures invented, the layout is the file's."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

TEXT = (
    ",NORTE,SUR,CENTRO,Total Ciudad\n"
    "Ana Ruiz,100.0,50.0,30.0,180.0\n"
    "Luis Gil,60.0,90.0,20.0,170.0\n"
    "Potencial Votantes,400.0,300.0,100.0,800.0\n"
    "Blanco,10.0,5.0,5.0,20.0\n"
    "Nulos,2.0,1.0,1.0,4.0\n"
    "No Marcados,0.0,0.0,0.0,0.0\n"
    "Total votantes,172.0,146.0,56.0,374.0\n"
    "Porcentaje votantes(%),43.0,48.7,56.0,46.8\n"
)
PLACES = {"NORTE", "SUR", "CENTRO", "Total Ciudad"}
ENGINES = [{}, {"POLLCLI_ENGINE": "exact"}]


def _oracle() -> pd.DataFrame:
    """The options' votes across the places (the total column left out), by pandas."""
    frame = pd.read_csv(io.StringIO(TEXT), index_col=0)
    return frame.drop(columns="Total Ciudad").sum(axis=1)


@pytest.mark.parametrize("env", ENGINES)
def test_the_rows_are_the_options_and_the_columns_places(tmp_path, env) -> None:
    path = write(tmp_path, TEXT, "bogota.csv")
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    votes = _oracle()
    valid = votes["Ana Ruiz"] + votes["Luis Gil"]  # 180 + 170: blank and null are no valid vote
    assert election["leader"]["candidate"] == "Ana Ruiz"
    assert election["leader"]["votes"] == votes["Ana Ruiz"] == 180
    assert election["leader"]["share"] == pytest.approx(180 / valid * 100)  # 51.43
    assert election["runner_up"]["candidate"] == "Luis Gil"
    assert election["margin"]["votes"] == 10
    assert election["turnout"]["pct"] == pytest.approx(374 / 800 * 100)
    names = {row["candidate"]: row["kind"] for row in election["results"]}
    assert not names.keys() & PLACES
    assert names["Blanco"] == "blank" and names["Nulos"] == "invalid"
    assert "Potencial Votantes" not in names and "Porcentaje votantes(%)" not in names
    notes = " ".join(election["notes"])
    assert "options down and places across" in notes and "line 9" in notes


def test_a_cell_that_is_no_count_is_named_at_its_own_line(tmp_path) -> None:
    path = write(tmp_path, TEXT.replace("Luis Gil,60.0", "Luis Gil,6x"), "bogota.csv")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["line"]) for p in problems if p["severity"] == "error"] == [
        ("type-error", 3)
    ]


@pytest.mark.parametrize("env", ENGINES)
def test_nothing_tells_which_way_it_runs_refused(tmp_path, env) -> None:
    """Parties down, localities across, no row no place is called: a guess either way."""
    text = ",NORTE,SUR,Total Ciudad\nAICO,26,33,59\nASI,37,103,140\nMAIS,178,149,327\n"
    path = write(tmp_path, text, "indigena.csv")
    result = invoke("summary", str(path), env=env)
    assert result.code == 1 and "leads" not in result.stdout
    assert "blank-label" in invoke("validate", str(path), env=env).stdout
    assert "--wide" in result.stderr and "transpose" in result.stderr
    # The user's word: --wide reads each column as an option.
    told = invoke("summary", str(path), "--wide", env=env)
    assert told.code == 0 and "leads" in told.stdout


def test_columns_of_blank_ballots_keep_a_place_per_row(tmp_path) -> None:
    """The headers say it the other way: a column of blank ballots is an option's column."""
    text = ",Ann Lee,Bo Diaz,Blank\nNorth,60,40,5\nSouth,30,70,4\n"
    result = invoke("summary", str(write(tmp_path, text, "wide.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["leader"]["candidate"] == "Bo Diaz" and election["leader"]["votes"] == 110


# A locality's own file: a title of labels, no header, a name and a figure a row, a reference.
LOCALITY = (
    "Localidad:NORTE,Votacion:\n"
    "Ana Ruiz,100\n"
    "Luis Gil,60\n"
    "Potencial Votantes,400\n"
    "Blanco,10\n"
    "Nulos,2\n"
    "Referencia:,http://example.org/E24_PRE_2_16_001.pdf\n"
)


@pytest.mark.parametrize("env", ENGINES)
def test_a_title_of_labels_says_to_name_the_columns(tmp_path, env) -> None:
    path = write(tmp_path, LOCALITY, "NORTE.csv")
    result = invoke("summary", str(path), env=env)
    assert result.code == 1
    assert "is a title, not a header" in result.stderr and "--columns" in result.stderr
    assert "pass --wide" not in result.stderr


@pytest.mark.parametrize("env", ENGINES)
def test_named_columns_leave_the_title_and_the_reference_out(tmp_path, env) -> None:
    path = write(tmp_path, LOCALITY, "NORTE.csv")
    result = invoke(
        "summary", str(path), "--columns", "candidate,votes", "--format", "json", env=env
    )
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["leader"]["candidate"] == "Ana Ruiz"
    assert election["leader"]["share"] == pytest.approx(100 / 160 * 100)  # 62.5, by hand
    assert election["turnout"]["registered"] == 400
    assert [r["candidate"] for r in election["results"]] == [
        "Ana Ruiz",
        "Luis Gil",
        "Blanco",
        "Nulos",
    ]
    notes = " ".join(election["notes"])
    assert "Line 1 ('Localidad:NORTE,Votacion:') is a title" in notes
    assert "footnote line(s) below the table are left out: line 7" in notes


def test_rows_of_counts_alone_are_refused(tmp_path) -> None:
    """Bogotá's `Participacion_bogota.csv`: counts of ballots and voters by locality, no option; read
    options down, the count "Total Votantes…" "led" with 52.03 %."""
    text = (
        ",NORTE,SUR,Total Ciudad\n"
        "Nulos,2,1,3\n"
        "Votos validos Circuns. Nacional,160,140,300\n"
        "Total Votantes*Validos+Nulos+No Marcados*,162,141,303\n"
        "Potencial votantes,400,300,700\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "participacion.csv")))
    assert result.code == 1 and "leads" not in result.stdout
    assert "counts of ballots and voters, not options" in result.stderr
