"""Blank and null votes in the plural and the singular: Ecuador's CNE writes `BLANCOS` beside
`NULOS` (ELECU's tables), read as a candidate "BLANCOS" while `blanco` and `nulos` were blank and
invalid. The shares are of the candidates' votes alone (hand-checked: 500 of 900)."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write
from pollcli.kinds import kind_from_name


@pytest.mark.parametrize(
    ("name", "kind"),
    [("BLANCOS", "blank"), ("Blancos", "blank"), ("blanco", "blank"), ("vote blanc", "blank"),
     ("bulletin blanc", "blank"), ("votes blancs", "blank"), ("NULOS", "invalid"),
     ("vote nul", "invalid"), ("votes nuls", "invalid"), ("bulletin nul", "invalid")],
)  # fmt: skip
def test_singular_and_plural_alike(name, kind):
    assert kind_from_name(name) == kind


def test_blancos_is_no_candidate(tmp_path):
    path = write(tmp_path, "candidate,votes\nAna Alfa,500\nBeto Beta,400\nBLANCOS,60\nNULOS,40\n")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    kinds = {r["candidate"]: r["kind"] for r in election["results"]}
    assert kinds == {"Ana Alfa": "candidate", "Beto Beta": "candidate", "BLANCOS": "blank",
                     "NULOS": "invalid"}  # fmt: skip
    share = {r["candidate"]: r["share"] for r in election["results"]}["Ana Alfa"]
    assert share == pytest.approx(100 * 500 / 900)
