"""Mexico's INE polling-station tables (cómputos): a column per party, one per combination of a
coalition's parties (`PT_MORENA_PES`), `CNR` (candidatos no registrados: write-ins) and `VN`
(votos nulos: null ballots).

`VN` was ranked as an option and counted in the valid votes, every share computed over a base that
held the null ballots; `CNR` was a candidate. The combination columns were options of their own with
no word of what they are: the leader and majority named were a party column's, not a candidate's.
Now `VN` is invalid (out of the base), `CNR` other, and a `coalition-votes` warning names the
combinations. Oracle: pandas over the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import invoke, write

INE = (
    "ID_ESTADO,NOMBRE_ESTADO,SECCION,CASILLA,PAN,PRI,PRD,MC,MORENA,PT,PES,PAN_PRD_MC,PAN_PRD,"
    "PT_MORENA_PES,PT_MORENA,MORENA_PES,CNR,VN,LISTA_NOMINAL\n"
    "1,AGUASCALIENTES,338,B1,120,60,10,9,150,8,6,4,2,9,5,3,1,12,700\n"
    "1,AGUASCALIENTES,338,C1,110,55,12,10,160,7,5,3,2,8,6,2,0,10,690\n"
)


def test_null_ballots_leave_the_base_and_combinations_are_named(tmp_path):
    path = write(tmp_path, INE, "pres_2018.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    kinds = {r["candidate"]: r["kind"] for r in election["results"]}
    assert kinds["VN"] == "invalid" and kinds["CNR"] == "other"
    frame = pd.read_csv(io.StringIO(INE))
    valid_columns = [c for c in frame.columns[4:-1] if c != "VN"]
    valid = int(frame[valid_columns].to_numpy().sum())
    morena = {r["candidate"]: r for r in election["results"]}["MORENA"]
    assert morena["votes"] == 310
    assert abs(morena["share"] - 310 / valid * 100) < 1e-9
    [warning] = [w for w in election["warnings"] if "join other options' names" in w]
    assert "'PAN_PRD_MC' (PAN + PRD + MC)" in warning and "and 2 more" in warning
    assert "coalition" in result.stderr


def test_no_warning_without_combinations(tmp_path):
    plain = "SECCION,PAN,PRI,NUEVA_ALIANZA,VN\n338,120,60,3,12\n339,110,55,2,10\n"
    result = invoke("summary", str(write(tmp_path, plain, "x.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    assert "coalition" not in result.stderr
