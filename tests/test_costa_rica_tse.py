"""Costa Rica's Tribunal Supremo de Elecciones (results by province, 2018; trial 20): `"Partido
político","Votos","%"`, thousands written `134.886`, shares `17,96%`, then below the parties the
count's own lines in the same two columns: `Juntas Procesadas` and `Juntas faltantes` (polling
tables counted, missing), `Votos recibidos` (ballots cast), `Votos válidos`, `Nulos y blancos`,
`% Participación`, `% Abstencionismo` (percentages, `68,39`). As published, the count's lines end
in a space after the closing quote and lack the third cell. Before: no party column; the lines
counted as parties (twice the valid votes, refused); the percentages refused as counts; the space
after a quote "an unterminated or stray quote". Figures invented; oracles by pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke

PARTIES = [("LIBERACIÓN NACIONAL", 13488), ("RESTAURACIÓN NACIONAL", 13206), ("VAMOS", 828)]
VALID = sum(v for _, v in PARTIES)
VOID = 1143
LINES = [
    ("Juntas Procesadas", "2.092"),
    ("Juntas faltantes", "0"),
    ("Votos recibidos", f"{VALID + VOID:,}".replace(",", ".")),
    ("Votos válidos", f"{VALID:,}".replace(",", ".")),
    ("Nulos y blancos", f"{VOID:,}".replace(",", ".")),
    ("% Participación", "68,39"),
    ("% Abstencionismo", "31,61"),
]


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def text(published: bool) -> str:
    rows = ['\ufeff"Partido político","Votos","%"']
    for name, votes in PARTIES:
        share = f"{100 * votes / VALID:.2f}".replace(".", ",")
        rows.append(f'"{name}","{dotted(votes)}","{share}%"')
    for name, figure in LINES:
        rows.append(f'"{name}","{figure}" ' if published else f'"{name}","{figure}",""')
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_as_published_the_spaces_after_a_quote_are_named(tmp_path, engine):
    path = tmp_path / "San José.csv"
    path.write_text(text(published=True), encoding="utf-8")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    first = result.stderr.splitlines()[0]
    assert f":{len(PARTIES) + 2}:" in first  # the first line of the count's lines
    assert "spaces follow a cell's closing quote; delete them" in first


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_parties_are_the_options_and_the_count_lines_facts(tmp_path, engine):
    path = tmp_path / "San José.csv"
    path.write_text(text(published=False), encoding="utf-8")
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text(published=False)), thousands=".", dtype={"Votos": str})
    frame["Votos"] = frame["Votos"].str.replace(".", "", regex=False)
    parties = frame[frame["%"].notna()]
    wanted = {str(r["Partido político"]): int(r["Votos"]) for _, r in parties.iterrows()}
    results = election["results"]
    got = {r["candidate"]: r["votes"] for r in results if r["kind"] == "candidate"}
    assert got == wanted
    assert [(r["candidate"], r["votes"]) for r in results if r["kind"] == "invalid"] == [
        ("Nulos y blancos", VOID)
    ]
    assert election["leader"]["candidate"] == "LIBERACIÓN NACIONAL"
    # The published share, as given (two decimals).
    assert election["leader"]["share"] == round(100 * 13488 / sum(wanted.values()), 2)
    assert election["turnout"]["ballots_cast"] == VALID + VOID  # `Votos recibidos`
    notes = " ".join(election["notes"])
    assert "'Juntas Procesadas', 'Juntas faltantes'" in notes
    assert "figures derived" in notes and "'% Participación'" in notes


def test_a_turnout_row_in_percent_is_left_out_not_refused(tmp_path):
    path = tmp_path / "uk.csv"
    path.write_text("candidate,votes\nAnn,10\nBob,5\nTurnout,68.5\n", encoding="utf-8")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert [r["candidate"] for r in election["results"]] == ["Ann", "Bob"]
