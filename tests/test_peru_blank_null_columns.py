"""Peru's ONPE 2021 runoff as scraped by ubigeo (Petros1982/elecciones-peru-2021-ONPE,
`result_resumen_por_ubigeo.csv`: `ubigeo,total_fp,total_pl,total_validos,total_en_blanco,
total_votos_nulos,total_votos_impugnados,total_votos_emitidos,…`): its blank and null ballots
were "not used", the gap to the ballots cast only "derived". Now the blank and invalid ballots,
the challenged votes a protocol line not used. Figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

ONPE = """ubigeo,total_fp,total_pl,total_validos,total_en_blanco,total_votos_nulos,total_votos_impugnados,total_votos_emitidos
010101,6064,7572,13636,119,1254,0,15009
010102,31,121,152,2,4,0,158
010103,500,700,1200,10,40,0,1250
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_blank_and_null_columns_are_read(tmp_path, engine) -> None:
    path = write(tmp_path, ONPE, "onpe.csv")
    result = invoke(
        "summary", str(path), "--id-columns", "ubigeo", "--format", "json",
        env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(ONPE), dtype={"ubigeo": str})
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "total_fp": frame["total_fp"].sum(),
        "total_pl": frame["total_pl"].sum(),
    }
    assert election["turnout"]["ballots_cast"] == frame["total_votos_emitidos"].sum()
    assert not election["warnings"]  # (valid + blank + null = emitted: checked, and they agree)
    notes = " ".join(election["notes"])
    assert "blank from 'total_en_blanco'" in notes and "invalid from 'total_votos_nulos'" in notes
