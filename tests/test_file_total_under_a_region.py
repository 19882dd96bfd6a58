"""A total row of every region filed under the last one is the file's total, not that region's.

OpenElections' Delaware precinct files (2000–2010) end each race with the state's `Total` rows
under the last county: `Sussex,Total,President,,DEMOCRATIC,Obama B,…,255459`. Set aside rightly, each
was warned "the total 'Total' of 'Sussex' differs from the sum of its parts: Obama B 255,459 in the
total row, 40,299 in the parts … check the file". A total whose figures equal, option by option,
the sum of every region's units is the file's: checked against them, and said so. Figures by pandas.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

HEADER = "county,election_district,office,district,party,candidate,votes"
PRECINCTS = {
    "New Castle": {"01-01": (973, 122), "01-02": (850, 300)},
    "Kent": {"01-01": (400, 420), "02-01": (380, 390)},
    "Sussex": {"01-01": (310, 520), "02-01": (290, 480)},
}


def _text(total_of: str) -> str:
    rows = [HEADER]
    for county, units in PRECINCTS.items():
        for unit, (obama, mccain) in units.items():
            rows.append(f"{county},{unit},President,,DEMOCRATIC,Obama B,{obama}")
            rows.append(f"{county},{unit},President,,REPUBLICAN,Mccain J,{mccain}")
    counted = PRECINCTS if total_of == "every" else {"Sussex": PRECINCTS["Sussex"]}
    obama = sum(o for units in counted.values() for o, _ in units.values())
    mccain = sum(m for units in counted.values() for _, m in units.values())
    rows += [
        f"Sussex,Total,President,,DEMOCRATIC,Obama B,{obama}",
        f"Sussex,Total,President,,REPUBLICAN,Mccain J,{mccain + (7 if total_of == 'off' else 0)}",
    ]
    return "\n".join(rows) + "\n"


def _oracle(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text))
    units = frame[frame["election_district"] != "Total"]
    return {str(k): int(v) for k, v in units.groupby("candidate")["votes"].sum().items()}


def test_the_states_total_under_the_last_county_is_the_files(tmp_path, monkeypatch):
    text = _text("every")
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    assert not [p for p in problems if p.code == "total-mismatch"], problems
    [said] = [p for p in problems if p.code == "total-row"]
    assert "every region" in said.message and "differs" not in said.message


@pytest.mark.parametrize("total_of", ["sussex", "off"])
def test_a_regions_own_total_is_still_its_regions(tmp_path, monkeypatch, total_of):
    """Sussex's own total (or one off the state's sum) is read and checked as before."""
    text = _text(total_of)
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    mismatch = [p for p in problems if p.code == "total-mismatch"]
    assert bool(mismatch) == (total_of == "off")
    assert not [p for p in problems if "every region" in p.message]
