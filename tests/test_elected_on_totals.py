"""An elected column marked on a race's total rows only (s20-world).

West Virginia's OpenElections files from 1950 to 2006 give each race a `Totals` row per candidate
above the counties' rows, and mark the winners `TRUE` in the `winner` column of the `Totals` rows
alone, the counties' cells blank. pollcli read a blank cell as "not elected", found each winner
marked both ways and left the column unused: the 2002 House of Delegates, districts of two and three
members, had 22 races with "no winner named" ("several candidates of one party and no number of
seats given") though the file says who won. Marks on the rows of one place that lists every
candidate of the race, the other places' cells blank, are the race's marks. Marks in several places
(a precinct's winner marked in each precinct) are no count of seats: the column stays unused.

Names and figures invented, the layout is the file's; oracle: pandas over the fixture.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

WV = """year,election,office,party,district,candidate,county,votes,winner
2002,general,House of Delegates,D,1,Ann Lee,Totals,4752,TRUE
2002,general,House of Delegates,D,1,Ann Lee,Brooke,345,
2002,general,House of Delegates,D,1,Ann Lee,Hancock,4407,
2002,general,House of Delegates,D,1,Bo Ray,Totals,4696,TRUE
2002,general,House of Delegates,D,1,Bo Ray,Brooke,300,
2002,general,House of Delegates,D,1,Bo Ray,Hancock,4396,
2002,general,House of Delegates,R,1,Cy Fox,Totals,3100,
2002,general,House of Delegates,R,1,Cy Fox,Brooke,100,
2002,general,House of Delegates,R,1,Cy Fox,Hancock,3000,
2002,general,House of Delegates,D,3,Di Poe,Totals,2754,
2002,general,House of Delegates,D,3,Di Poe,Ohio,2754,
2002,general,House of Delegates,D,3,Ed Kim,Totals,4185,
2002,general,House of Delegates,D,3,Ed Kim,Ohio,4185,
2002,general,House of Delegates,R,3,Flo Orr,Totals,4339,TRUE
2002,general,House of Delegates,R,3,Flo Orr,Ohio,4339,
2002,general,House of Delegates,R,3,Gus Wu,Totals,4618,TRUE
2002,general,House of Delegates,R,3,Gus Wu,Ohio,4618,
"""


def _expected() -> dict[str, tuple[int, set[str], dict[str, int]]]:
    """pandas: each district's TRUE count, the candidates marked, and the counties' sums."""
    frame = pd.read_csv(io.StringIO(WV))
    out = {}
    for district, group in frame.groupby("district"):
        marked = group[group["winner"].eq(True)]
        parts = group[group["county"] != "Totals"].groupby("candidate")["votes"].sum()
        out[f"House of Delegates · {district}"] = (
            len(marked),
            set(marked["candidate"]),
            {str(k): int(v) for k, v in parts.items()},
        )
    return out


def test_marks_on_the_totals_rows_are_the_races_members(tmp_path) -> None:
    path = write(tmp_path, WV, "20021105__wv__general__house_of_delegates.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    races = {e["election"]: e for e in data["elections"]}
    expected = _expected()
    assert set(races) == set(expected)
    for name, (seats, marked, votes) in expected.items():
        assert races[name]["seats"] == seats == 2
        assert set(races[name]["elected"]) == marked
        assert {r["candidate"]: r["votes"] for r in races[name]["results"]} == votes
    assert data["tally"]["seats"] == 4 and not data["tally"].get("seats_unknown")
    assert {p["party"]: p["won"] for p in data["tally"]["parties"]} == {"D": 2, "R": 2}
    notes = races["House of Delegates · 1"]["notes"]
    assert any("on the 'Totals' rows" in n and "'winner' column is read" in n for n in notes)
    assert not any("left unused" in n for n in notes)


def test_both_engines_read_the_marks_alike(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, WV, "wv.csv")
    elections, _problems = engines_agree(monkeypatch, path, block_bytes=256)
    assert {e.facts.election: e.seats for e in elections} == {
        name: seats for name, (seats, _, _) in _expected().items()
    }


def test_a_winner_marked_in_each_place_is_no_count_of_seats(tmp_path) -> None:
    # A county's winner marked on its own row too: marks in two places, no race's members.
    text = WV.replace("Brooke,345,", "Brooke,345,TRUE")
    result = invoke("summary", str(write(tmp_path, text, "wv.csv")), "--format", "json")
    race = json.loads(result.stdout)["elections"][0]
    assert race["election"] == "House of Delegates · 1"
    assert race["seats"] is None or race["seats"] == 1
    assert any("'winner' column is left unused" in n for n in race["notes"])
