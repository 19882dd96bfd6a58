"""Others as Croatia's, Serbia's and Bosnia's tables name them (`Ostali`), and as other languages
do: a table of HDZ, SDP and `Ostali` by county (LokalniIzboriRH, trial 19) had "Ostali leads with
40.93 %". Others are no candidate and never lead; their votes stay in the valid vote. Figures are
checked against pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke
from pollcli.kinds import kind_from_name

TABLE = (
    "Županija,HDZ,SDP,MOŽEMO!,Most,Domovinski pokret,Ostali\n"
    "Zagrebačka županija,3829,1321,0,165,307,2916\n"
    "Istarska županija,1615,2403,100,0,20,9639\n"
    "Zadarska županija,7915,1446,0,1327,189,6703\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_ostali_never_leads(tmp_path: Path, engine):
    path = tmp_path / "ukupno_glasova_po_zupanijama.csv"
    path.write_text(TABLE, encoding="utf-8")
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    sums = pd.read_csv(path).set_index("Županija").sum()
    assert sums["Ostali"] == max(sums)  # the most votes, and no candidate's
    kinds = {r["candidate"]: r["kind"] for r in election["results"]}
    assert kinds["Ostali"] == "other"
    parties = sums.drop("Ostali")
    assert election["leader"]["candidate"] == parties.idxmax() == "HDZ"
    assert election["runner_up"]["candidate"] == "SDP"
    # Others count in the valid vote: the base of the shares is every column.
    assert election["leader"]["share"] == pytest.approx(100 * sums["HDZ"] / sums.sum())
    assert any("Ostali" in note and "more than the leader" in note for note in election["notes"])


@pytest.mark.parametrize(
    "name",
    ["Ostali", "OSTALI", "Ostale", "Остали", "Ostatní", "Pozostali", "Altri", "Övriga", "Muut"],
)
def test_others_words(name):
    assert kind_from_name(name) == "other"


@pytest.mark.parametrize("name", ["Ostalić", "Andre", "Ana Ostali"])
def test_names_stay_candidates(name):
    assert kind_from_name(name) == "candidate"
