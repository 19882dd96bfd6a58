"""`seats` over single-member races whose file states no system: a leader without a majority is
counted as elected under first past the post, which is pollcli's assumption, not the file's. The
findings say so and name the races (summary leaves them undecided, a two-round vote assumed, and a
preferential count — Australia's House — could elect another); --system majority counts them as
no seat."""

from __future__ import annotations

import json

import pandas as pd

from conftest import invoke, write

# Hand-made: Div A is won with 40 % (no majority), Div B with 60 %, Div C with 45 %.
ROWS = """election,candidate,party,votes
Div A,Ann,Lab,400
Div A,Bob,Lib,350
Div A,Cy,Grn,250
Div B,Dee,Lib,600
Div B,Eve,Lab,400
Div C,Fay,Lib,450
Div C,Gus,Lab,300
Div C,Hal,Grn,250
"""


def oracle(path):
    """Each division's leader and whether it passes half of the votes, from pandas."""
    frame = pd.read_csv(path)
    totals = frame.groupby("election")["votes"].transform("sum")
    frame["share"] = frame["votes"] / totals
    leaders = frame.sort_values("votes", ascending=False).groupby("election").head(1)
    return {r.election: (r.party, r.share > 0.5) for r in leaders.itertuples()}


def seats(path, *args):
    result = invoke("seats", str(path), "-f", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0]


def test_a_plurality_win_under_an_assumed_system_is_said(tmp_path):
    path = write(tmp_path, ROWS)
    truth = oracle(path)
    plural = sorted(name for name, (_, majority) in truth.items() if not majority)
    assert plural == ["Div A", "Div C"]
    found = seats(path)
    won = {p["party"]: p["seats"] for p in found["allocations"][0]["parties"]}
    expected: dict[str, int] = {}
    for party, _ in truth.values():
        expected[party] = expected.get(party, 0) + 1
    assert {k: v for k, v in won.items() if v} == expected
    notes = " ".join(found["notes"])
    assert "2 of them (‘Div A’, ‘Div C’) won without a majority" in notes
    assert "first past the post is assumed" in notes
    assert "--system" in notes


def test_system_majority_counts_no_seat_for_a_race_without_a_majority(tmp_path):
    path = write(tmp_path, ROWS)
    found = seats(path, "--system", "majority")
    won = {p["party"]: p["seats"] for p in found["allocations"][0]["parties"]}
    assert won.get("Lib") == 1 and not won.get("Lab")
    assert {d["district"] for d in found["districts"] if d.get("no_winner")} == {"Div A", "Div C"}
    assert "assumed" not in " ".join(found["notes"])


def test_a_stated_system_or_a_majority_needs_no_word(tmp_path):
    with_system = [
        line + (",system" if i == 0 else ",plurality") for i, line in enumerate(ROWS.splitlines())
    ]
    stated = write(tmp_path, "\n".join(with_system) + "\n", name="stated.csv")
    assert "assumed" not in " ".join(seats(stated)["notes"])
    majority = write(
        tmp_path,
        "\n".join(ROWS.splitlines()[i] for i in (0, 4, 5))
        + "\nDiv D,Ida,Lab,70\nDiv D,Jo,Lib,30\n",
        name="majority.csv",
    )
    assert "assumed" not in " ".join(seats(majority)["notes"])
