"""Coalitions' columns take no seats of their own: `seats` on Mexico's 2012 table by state gave the
combination `PRI_PVEM` 15 of 200 seats and `PRD_PT_MC` 12, as lists of their own. Their votes are
marked for several parties of one coalition, which the law shares among those parties; the file does
not share them, so no allocation is made, with what to do. Names and figures invented."""

from __future__ import annotations

import pytest

from conftest import invoke, write

BY_STATE = """ESTADO,AZUL,ROJO,AMARILLO,VERDE,ROJO_VERDE
NORTE,3000,3300,2000,500,300
SUR,2500,3100,2600,400,200
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_coalition_columns_take_no_seats(tmp_path, engine) -> None:
    path = write(tmp_path, BY_STATE, "diputados.csv")
    result = invoke("seats", str(path), "--seats", "20", env={"POLLCLI_ENGINE": engine})
    assert result.code != 0
    assert "ROJO_VERDE" not in result.stdout
    assert "coalitions' columns" in result.stderr and "--ignore-column" in result.stderr


def test_without_the_combination_the_seats_are_allocated(tmp_path) -> None:
    path = write(tmp_path, BY_STATE, "diputados.csv")
    result = invoke("seats", str(path), "--seats", "20", "--ignore-column", "ROJO_VERDE")
    assert result.code == 0, result.stderr
    assert "ROJO" in result.stdout
