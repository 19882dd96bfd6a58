"""Czechia's results one row per party and place — volby.cz's open data (`OKRES;OBEC;OKRSEK;
KSTRANA;POC_HLASU`) and the tables built from it (`obec,strana,pocet`) — name the party, its votes,
the municipality and the precinct in Czech, none of which pollcli knew: 1996's table by
municipality was refused with advice to read `obec` as the rows' names. Now `strana`/`KSTRANA` is
the party (by its number), `POC_HLASU`, `hlasy`, `pocet` the votes, and `OBEC` with `OKRSEK` the
precinct (a precinct number repeats in each municipality; `OKRES`, the district, is left unused:
read as a region, the statistical office's municipal table, `OKRES;KODZASTUP;…;HLASY_STR`, would
no longer be refused). Names and figures invented; oracle: pandas sums by party."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

OPEN_DATA = """OKRES;OBEC;OKRSEK;KSTRANA;POC_HLASU
3101;535826;1;1;120
3101;535826;1;4;80
3101;535826;2;1;60
3101;535826;2;4;90
3101;536156;1;1;30
3101;536156;1;4;25
3102;536300;1;1;210
3102;536300;1;4;150
"""
BY_MUNICIPALITY = """obec,strana,pocet
535826,1,180
535826,4,170
536156,1,30
536156,4,25
536300,1,210
536300,4,150
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize(
    ("text", "sep", "party", "votes"),
    [(OPEN_DATA, ";", "KSTRANA", "POC_HLASU"), (BY_MUNICIPALITY, ",", "strana", "pocet")],
)
def test_czech_long_tables_are_read(tmp_path, engine, text, sep, party, votes) -> None:
    path = write(tmp_path, text, "pst4p.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype={party: str})
    expected = frame.groupby(party)[votes].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
