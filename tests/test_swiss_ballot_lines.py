"""Switzerland's BFS writes its protocol lines with `Wahlzettel` (ballot papers): its turnout table
(sd-t-17.02-NRW2023-wahlbeteiligung, trial 19), its columns of percentages (`letzte_wahl_…`,
`differenz_…`) left out as pollcli's advice said, was read with
"gueltige_wahlzettel leads with 98.06 %" over the invalid and blank ballots. The lines are facts now
(ballots cast, blank, invalid; the valid ballot papers, like Hamburg's `Gültige Stimmzettel`, no
fact: a ballot may carry several votes), and a table of them alone has no options to read."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke

HEADER = (
    "gemeinde_bezeichnung,wahlberechtigte,eingelegte_wahlzettel,leere_wahlzettel,"
    "ungueltige_wahlzettel,gueltige_wahlzettel,letzte_wahl_wahlbeteiligung,differenz_wahlbeteiligung"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_ballot_lines_are_facts(tmp_path: Path, engine):
    path = tmp_path / "staenderat.csv"
    header = HEADER.rsplit(",", 2)[0]  # (the last election's turnout and the change: no count)
    path.write_text(
        f"{header},Muster Hans,Beispiel Anna\n"
        "Aarau,1000,520,20,10,490,250,240\nBaden,2000,900,40,20,840,430,410\n",
        encoding="utf-8",
    )
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(path)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Muster Hans": frame["Muster Hans"].sum(),
        "Beispiel Anna": frame["Beispiel Anna"].sum(),
    }
    turnout = election["turnout"]
    assert turnout["registered"] == frame["wahlberechtigte"].sum() == 3000
    assert turnout["ballots_cast"] == frame["eingelegte_wahlzettel"].sum() == 1420
    assert turnout["pct"] == pytest.approx(100 * 1420 / 3000)
    assert election["leader"]["share"] == pytest.approx(100 * 680 / 1330)


def test_a_table_of_turnout_alone_is_refused(tmp_path: Path):
    path = tmp_path / "wahlbeteiligung.csv"
    path.write_text(f"{HEADER}\nAarau,1000,520,20,10,490,48.5,-1.5\n", encoding="utf-8")
    result = invoke(
        "summary", str(path), "--ignore-column", "differenz_wahlbeteiligung",
        "--ignore-column", "letzte_wahl_wahlbeteiligung",
    )  # fmt: skip
    assert result.code == 1 and result.stdout == ""
    assert "leads" not in result.stderr
