"""Spain's Ministry of the Interior (infoelectoral.interior.gob.es, `PROV_02_201911_1.xlsx`: the
Congress by constituency; trial 20): title lines, then a header over three rows — each party's
full name, its acronym, and under it `Votos` and `Diputados` (votes, seats won) — whose protocol
columns are named in the lowest row alone, at the foot of cells merged down (`Nombre de Comunidad`,
`Población`, `Número de mesas`, `Total censo electoral`, `Total votantes`, `Votos válidos`,
`Votos a candidaturas`, `Votos en blanco`, `Votos nulos`), and a `Total` row at the foot.
Before: refused, each error's advice (`--header-line 5`, then `6`) leading to another refusal;
read as the advice says, the seats would be an election of their own ("PSOE leads with 120
votes"). Figures invented; oracles by pandas over the rows written here."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke
from sheets import write_xlsx

NAMES = [
    "Nombre de Comunidad",
    "Código de Provincia",
    "Nombre de Provincia",
    "Población",
    "Número de mesas",
    "Total censo electoral",
    "Total votantes",
    "Votos válidos",
    "Votos a candidaturas",
    "Votos en blanco",
    "Votos nulos",
]
PARTIES = [("PARTIDO SOCIALISTA OBRERO ESPAÑOL", "PSOE"), ("PARTIDO POPULAR", "PP"), ("VOX", "VOX")]
# community, code, province, population, tables, registered, votes per party, seats per party,
# blank, invalid
PROVINCES = [
    ("Andalucía", 4, "Almería", 709340, 809, 5000, (1500, 1300, 1200), (2, 2, 2), 40, 60),
    ("Andalucía", 11, "Cádiz", 1238714, 1520, 8000, (2600, 1500, 1700), (4, 2, 3), 90, 110),
    ("Aragón", 22, "Huesca", 220461, 600, 3000, (900, 800, 500), (1, 1, 1), 20, 30),
]


def row(province) -> list:
    community, code, name, population, tables, registered, votes, seats, blank, invalid = province
    lists = sum(votes)
    cast = lists + blank + invalid
    cells = [community, code, name, population, tables, registered, cast, lists + blank, lists]
    cells += [blank, invalid]
    for v, s in zip(votes, seats, strict=True):
        cells += [v, s]
    return cells


def workbook(tmp_path):
    width = len(NAMES) + 2 * len(PARTIES)
    lead = [None] * len(NAMES)
    rows: list[list] = [
        [None] * width,
        ["Congreso | Noviembre 2019 | Resultados por circunscripción", *[None] * (width - 1)],
        [*lead, *[c for full, _ in PARTIES for c in (full, None)]],
        [*lead, *[c for _, short in PARTIES for c in (short, None)]],
        [*NAMES, *["Votos", "Diputados"] * len(PARTIES)],
        *[row(p) for p in PROVINCES],
        [None] * width,
    ]
    total = [sum(r[i] for r in rows[5:-1]) for i in range(3, width)]
    rows.append(["Total", None, None, *total])
    return write_xlsx(tmp_path / "PROV_02_201911_1.xlsx", {"Circunscripciones": rows})


def test_the_refusal_names_the_rows_that_read(tmp_path):
    result = invoke("summary", str(workbook(tmp_path)))
    assert result.code == 1
    assert "pass --header-line 4-5 to read it as the header" in result.stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_votes_are_read_and_seats_set_aside(tmp_path, engine):
    path = workbook(tmp_path)
    result = invoke(
        "summary", str(path), "-f", "json", "--header-line", "4-5", env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    # The one warning: the Total row set aside (no total-mismatch: valid = lists + blank).
    [warning] = result.stderr.splitlines()
    assert "(line 10) set aside" in warning and "equal the sum of their parts" in warning
    [election] = json.loads(result.stdout)["elections"]  # no election of seats
    frame = pd.DataFrame([row(p) for p in PROVINCES])
    frame.columns = [*NAMES, *[f"{s} {k}" for _, s in PARTIES for k in ("Votos", "Diputados")]]
    wanted = {short: int(frame[f"{short} Votos"].sum()) for _, short in PARTIES}
    got = {r["candidate"]: r["votes"] for r in election["results"]}
    assert got == wanted
    assert sum(got.values()) == frame["Votos a candidaturas"].sum()
    assert election["leader"]["candidate"] == "PSOE"
    turnout = election["turnout"]
    assert turnout["registered"] == frame["Total censo electoral"].sum()
    assert turnout["ballots_cast"] == frame["Total votantes"].sum()
    notes = " ".join(election["notes"])
    assert "'Diputados'" in notes and "count seats won, not votes" in notes
    # Spanish `Nombre de Provincia` is a name (French `Nombre de votants` is a number).
    [region] = [n for n in election["notes"] if n.startswith("The rows are the regions")]
    assert "Nombre de Provincia'." in region
