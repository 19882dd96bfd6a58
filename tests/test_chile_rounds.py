"""A scraper's table of both rounds of Chile's 2021 presidential election, one row per polling
table (trial 6): `elect_pv` the registered voters, `boric_pv`… round 1, `boric_sv`… round 2. Read as
one race of all its columns, "elect_pv leads with 49.26 %". Refused, naming the rounds' columns, the
registered voters' column, and the flags that read one round; the figures of a round read so are
checked against pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke

HEADER = "distrito,comuna,mesa,elect_pv,boric_pv,kast_pv,nulo_pv,boric_sv,kast_sv,nulo_sv"
ROWS = [
    "21,LOS ANGELES,1M,300,7,51,18,36,122,0",
    "21,LOS ANGELES,2M,302,8,55,0,33,118,2",
    "22,ANGOL,1V,280,40,30,1,70,40,3",
]
ID = ("--id-columns", "distrito,comuna,mesa")
TRIAL = Path("/tmp/trial6/world/f/cl_pres2021_mesas_2rounds.csv")


def write(tmp_path: Path, header: str = HEADER) -> Path:
    path = tmp_path / "mesas.csv"
    path.write_text("\n".join([header, *ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("flags", [(), ID])
def test_two_rounds_of_columns_are_refused(tmp_path, engine, flags):
    result = invoke("summary", str(write(tmp_path)), *flags, env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == ""
    text = " ".join(result.stderr.split())
    assert "race-split" in invoke("validate", str(write(tmp_path)), *flags, "-f", "json").stdout
    assert "'_pv'" in text and "'_sv'" in text
    assert "--ignore-column boric_sv,kast_sv,nulo_sv" in text
    assert "--ignore-column elect_pv,boric_pv,kast_pv,nulo_pv" in text
    # elect_pv ≥ 7 + 51 + 18, 8 + 55 + 0, 40 + 30 + 1: named as no option.
    assert "'elect_pv' holds at least the sum" in text


def test_refusal_both_engines(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path), wide=True)
    assert elections == []
    assert [(p.code, p.severity) for p in problems] == [("race-split", "error")]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_one_round_read_as_advised(tmp_path, engine):
    path = write(tmp_path)
    result = invoke(
        "summary", str(path), *ID, "--ignore-column", "elect_pv,boric_pv,kast_pv,nulo_pv",
        "-f", "json", env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    votes = {
        r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
    }
    # Hand sums: boric 36 + 33 + 70, kast 122 + 118 + 40, nulo 0 + 2 + 3.
    assert votes == {"boric_sv": 139, "kast_sv": 280, "nulo_sv": 5}


@pytest.mark.parametrize(
    "header",
    [
        # One suffix: one race (no refusal).
        "distrito,comuna,mesa,elect_pv,boric_pv,kast_pv,nulo_pv,boric_xx,kast_yy,nulo_zz",
        # Words after `_` that are no short suffix (`partido_socialista`) are names.
        "distrito,comuna,mesa,partido_socialista,partido_comunista,partido_radical,"
        "otro_socialista,otro_comunista,otro_radical,otro_x",
    ],
)
def test_names_with_underscores_are_not_rounds(tmp_path, header):
    result = invoke("validate", str(write(tmp_path, header)), *ID, "-f", "json")
    assert "race-split" not in result.stdout


@pytest.mark.skipif(not TRIAL.exists(), reason="the trial's Chile file is not here")
def test_the_trial_file():
    ids = "distrito,Comuna,comuna,Nombre.Circunscripcion,circ_id,com_clust,mesa"
    ignored = ("--ignore-column", "noVoto_pv", "--ignore-column", "noVoto_sv")
    refused = invoke("summary", str(TRIAL), "--id-columns", ids, *ignored)
    assert refused.code == 1 and "elect_pv leads" not in refused.stdout
    assert "'elect_pv' holds at least the sum" in refused.stderr
    frame = pd.read_csv(TRIAL, encoding="utf-8-sig")
    round_2 = ["boric_sv", "kast_sv", "blanco_sv", "nulo_sv"]
    first = [c for c in frame.columns if c.endswith("_pv") and c not in ("elect_pv", "noVoto_pv")]
    result = invoke(
        "summary", str(TRIAL), "--id-columns", ids, *ignored, "--ignore-column",
        ",".join(["elect_pv", *round_2]), "-f", "json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    votes = {
        r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
    }
    assert votes == {c: int(frame[c].sum()) for c in first}
