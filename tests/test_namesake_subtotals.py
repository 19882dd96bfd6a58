"""A town's total among its precincts, named by the town: `Brigantine Total` after `Brigantine W-1`
to `W-4` (before `Brigantine Mail`), among the other towns' precincts of Atlantic County (New
Jersey's 2018 county files, OpenElections). It was set aside, rightly, but said to differ from the
sum of the whole county (2,135 against 45,954): it is a subtotal of the precincts its name names,
listed before it. Invented figures in the same layout."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import engines_agree, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
UNITS = {
    "Dover 1": (61, 58),
    "Dover 2": (44, 70),
    "Elmwood W-1": (120, 80),
    "Elmwood W-2": (95, 101),
    "Elmwood W-3": (40, 66),
    "Elmwood Total": (255, 247),
    "Elmwood Mail": (30, 12),
    "Fairview 1-1": (210, 190),
    "Fairview 1-2": (77, 140),
}


def _file(subtotal: tuple[int, int]) -> str:
    units = {**UNITS, "Elmwood Total": subtotal}
    rows = [
        f"Cape,{unit},Senate,,{party},{name},{votes[i]}\n"
        for i, (party, name) in enumerate((("REP", "Ann Hale"), ("DEM", "Bo Reyes")))
        for unit, votes in units.items()
    ]
    return HEADER + "".join(rows)


@pytest.mark.parametrize("block_bytes", [None, 96])
def test_a_towns_total_is_a_subtotal_of_its_precincts(tmp_path, monkeypatch, block_bytes):
    path = write(tmp_path, _file(UNITS["Elmwood Total"]))
    (election,), problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    frame = pd.read_csv(path)
    parts = frame[frame.precinct != "Elmwood Total"].groupby("candidate").votes.sum()
    assert {o.candidate: o.votes for o in election.options} == parts.to_dict()
    said = [p.message for p in problems]
    assert any("'Elmwood Total'" in m and "a subtotal of some units" in m for m in said), said
    assert not any("differs from the sum" in m for m in said), said


def test_one_that_holds_other_figures_still_differs(tmp_path, monkeypatch):
    """Its precincts' sum off by one: no subtotal of them, so the mismatch is said as before."""
    path = write(tmp_path, _file((256, 247)))
    _, problems = engines_agree(monkeypatch, path)
    assert any("differs from the sum" in p.message for p in problems)
