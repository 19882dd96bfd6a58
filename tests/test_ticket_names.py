"""A ticket against one name in `compare` (OpenElections' Michigan Antrim County: 2020's `Joseph R.
Biden / Kamala D. Harris` beside 2024's `Kamala D. Harris`).

All three of Harris's words are in the 2020 ticket, so the ticket scored 88 against her, the cutoff:
compare listed "Kamala D. Harris 37.32 % (2020) → 37.43 % (2024)", a change in points of a candidate
who did not head the 2020 ticket. A ticket against one name is now scored by its first name, the top
of the ticket: Trump–Pence still matches Trump; Biden–Harris and Harris are two rows.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write
from pollcli.names import name_score

Y2020 = """office,candidate,party,votes
President,Donald J. Trump / Michael R. Pence,REP,9748
President,Joseph R. Biden / Kamala D. Harris,DEM,5960
"""
Y2024 = """office,candidate,party,votes
President,Donald J. Trump,REP,10500
President,Kamala D. Harris,DEM,6430
"""


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Joseph R. Biden / Kamala D. Harris", "Kamala D. Harris", False),
        ("Kamala D. Harris and Tim Walz", "Tim Walz", False),
        ("Donald J. Trump / Michael R. Pence", "Donald J. Trump", True),
        ("Kamala D. Harris and Tim Walz", "Kamala D. Harris", True),
        ("BIDEN / HARRIS", "BIDEN / HARRIS", True),
    ],
)
def test_a_ticket_is_its_top_against_one_name(a, b, same):
    assert (name_score(a, b) >= 88) is same
    assert name_score(b, a) == name_score(a, b)


def test_compare_keeps_a_running_mate_apart(tmp_path):
    first = write(tmp_path, Y2020, "antrim_2020.csv")
    second = write(tmp_path, Y2024, "antrim_2024.csv")
    result = invoke("compare", str(first), str(second), "--format", "json")
    assert result.code == 0, result.stderr
    rows = {r["candidate"]: r["shares"] for r in json.loads(result.stdout)["rows"]}
    # Hand shares: Trump 9,748 of 15,708 in 2020 and 10,500 of 16,930 in 2024.
    trump = rows["Donald J. Trump"]
    assert abs(trump[0] - 9748 / 15708 * 100) < 1e-9 and abs(trump[1] - 10500 / 16930 * 100) < 1e-9
    assert rows["Kamala D. Harris"][0] is None
    assert rows["Joseph R. Biden / Kamala D. Harris"][1] is None
