"""Subtotals of units listed after the units they add up, in a region whose whole total differs
from its units (OpenElections' New York 2002 Tompkins County file: `TOTAL WARD 1` after the ward's
election districts, `CITY TOTAL` after the five wards, `TOTAL DANBY` after Danby's districts, and a
`TOMPKINS COUNTY TOTAL` above the sum of the districts the file lists for U.S. House 22).

Before, as no total held the units' sum, no named total was taken for a subtotal: each was a total
of the whole county that "differs from the sum of its parts" (`TOTAL WARD 1`: 'Eric Hall 105 in the
total row, 263 in the parts'), nine total-mismatch warnings where one was true. Now a named total
that holds, option by option, the sum of the rows listed right before it (back to an earlier
total's row, or to the first) is a subtotal of them; the county total alone differs. The figures
are the units' either way (oracle: pandas over the rows whose precinct is no total).
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

TOMPKINS = """county,precinct,office,district,party,candidate,votes
Tompkins,"WARD 1, D1",U.S. House,22,Rep,Eric Hall,59
Tompkins,"WARD 1, D2",U.S. House,22,Rep,Eric Hall,46
Tompkins,TOTAL WARD 1,U.S. House,22,Rep,Eric Hall,105
Tompkins,"WARD 2, D1",U.S. House,22,Rep,Eric Hall,27
Tompkins,TOTAL WARD 2,U.S. House,22,Rep,Eric Hall,27
Tompkins,CITY TOTAL,U.S. House,22,Rep,Eric Hall,132
Tompkins,DANBY 1,U.S. House,22,Rep,Eric Hall,131
Tompkins,DANBY 2,U.S. House,22,Rep,Eric Hall,27
Tompkins,TOTAL DANBY,U.S. House,22,Rep,Eric Hall,158
Tompkins,TOMPKINS COUNTY TOTAL,U.S. House,22,Rep,Eric Hall,300
Tompkins,"WARD 1, D1",U.S. House,22,Dem,Maurice Hinchey,208
Tompkins,"WARD 1, D2",U.S. House,22,Dem,Maurice Hinchey,159
Tompkins,TOTAL WARD 1,U.S. House,22,Dem,Maurice Hinchey,367
Tompkins,"WARD 2, D1",U.S. House,22,Dem,Maurice Hinchey,90
Tompkins,TOTAL WARD 2,U.S. House,22,Dem,Maurice Hinchey,90
Tompkins,CITY TOTAL,U.S. House,22,Dem,Maurice Hinchey,457
Tompkins,DANBY 1,U.S. House,22,Dem,Maurice Hinchey,100
Tompkins,DANBY 2,U.S. House,22,Dem,Maurice Hinchey,90
Tompkins,TOTAL DANBY,U.S. House,22,Dem,Maurice Hinchey,190
Tompkins,TOMPKINS COUNTY TOTAL,U.S. House,22,Dem,Maurice Hinchey,700
"""


def _units() -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(TOMPKINS))
    units = frame[~frame.precinct.str.contains("TOTAL")]
    return units.groupby("candidate").votes.sum().to_dict()


def test_subtotals_after_their_units_are_subtotals(tmp_path, monkeypatch):
    path = write(tmp_path, TOMPKINS)
    (election,), problems = engines_agree(monkeypatch, path)
    assert (
        {o.candidate: o.votes for o in election.options}
        == _units()
        == {
            "Eric Hall": 59 + 46 + 27 + 131 + 27,
            "Maurice Hinchey": 208 + 159 + 90 + 100 + 90,
        }
    )
    mismatches = [p.message for p in problems if p.code == "total-mismatch"]
    assert len(mismatches) == 1, mismatches
    assert "'TOMPKINS COUNTY TOTAL'" in mismatches[0]
    subtotals = [p.message for p in problems if "is a subtotal of some units" in p.message]
    assert len(subtotals) == 4, subtotals  # TOTAL WARD 1, TOTAL WARD 2, CITY TOTAL, TOTAL DANBY


def test_a_total_that_adds_up_no_run_is_still_a_mismatch(tmp_path):
    # TOTAL DANBY off by one: no run of the rows above it adds up to 159; it differs, and is said.
    path = write(tmp_path, TOMPKINS.replace("TOTAL DANBY,U.S. House,22,Rep,Eric Hall,158",
                                            "TOTAL DANBY,U.S. House,22,Rep,Eric Hall,159"))  # fmt: skip
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {o["candidate"]: o["votes"] for o in election["results"]} == _units()
    assert "'TOTAL DANBY'" in result.stderr and "differs from the sum" in result.stderr
    assert "the total 'TOTAL WARD 1'" not in result.stderr
