"""A race that states no number of seats whose many candidates share the votes nearly evenly is a
race for several seats, most likely: no winner is named (trial 5: Washington 2020's San Juan County
charter review commission, 16 candidates for several seats, "won" by Maureen See with 9.02 %)."""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write

# Sixteen candidates of one county; a Governor's race beside it makes it a file of races.
VOTES = [
    2369,
    993,
    2835,
    1669,
    3437,
    2432,
    1004,
    3081,
    1422,
    3340,
    3339,
    1745,
    2446,
    2412,
    2805,
    2673,
]
ROWS = (
    "county,office,candidate,votes\n"
    + "".join(f"San Juan,Charter Review Commissioner,C{n:02},{v}\n" for n, v in enumerate(VOTES))
    + "San Juan,Governor,Inslee,9000\nSan Juan,Governor,Culp,4000\n"
)


def _overview(path, *args):
    result = invoke("summary", str(path), "-f", "json", "--overview", *args)
    assert result.code == 0, result.stderr
    return result, json.loads(result.stdout)


def test_an_even_field_of_many_names_no_winner(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    engines_agree(monkeypatch, path)
    result, data = _overview(path)
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won == {"Charter Review Commissioner": False, "Governor": True}
    frame = pd.read_csv(path)
    charter = frame[frame["office"] == "Charter Review Commissioner"]
    # The oracle: the leader's votes are under twice an even share of the candidates' votes.
    assert charter["votes"].max() * len(charter) < 2 * charter["votes"].sum()
    assert f"16 candidates, the leader with {charter['votes'].max():,}" in result.stderr
    assert "--vote-for N" in result.stderr


def test_the_number_of_seats_given_elects_the_top_n(tmp_path):
    path = write(tmp_path, ROWS)
    _, data = _overview(path, "--vote-for", "7", "--race", "Charter")
    (race,) = data["overview"]["races"]
    assert race["won"] is True
    assert "nearly evenly" not in json.dumps(data)


def test_a_single_seat_race_that_concentrates_its_votes_is_decided(tmp_path):
    """France's first round of 2002 shape: 16 candidates, the leader at 19.9 %, over three even
    shares: a race for one seat (here no majority, so a plurality leader is named as before)."""
    shares = [1988, 1694, 1686, 684, 586, 573, 530, 525, 468, 423, 388, 325, 237, 190, 184, 47]
    rows = (
        "county,office,candidate,votes\n"
        + "".join(f"X,President,P{n:02},{v}\n" for n, v in enumerate(shares))
        + "X,Mayor,A,5\nX,Mayor,B,3\n"
    )
    result, data = _overview(write(tmp_path, rows))
    assert "nearly evenly" not in result.stderr
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won["President"] is True


def test_the_field_limits(tmp_path):
    """Seven even candidates, or eight with only five of half an even share: a race for one seat
    as far as pollcli can tell (the limits are 8 candidates and 6 contenders)."""
    seven = [100, 98, 97, 96, 95, 94, 93]
    few = [300, 290, 280, 270, 260, 10, 9, 8]  # five contenders: 10 < half of 1427/8
    for n, field in enumerate((seven, few)):
        rows = (
            "county,office,candidate,votes\n"
            + "".join(f"X,Council,C{i},{v}\n" for i, v in enumerate(field))
            + "X,Mayor,A,5\nX,Mayor,B,3\n"
        )
        result, data = _overview(write(tmp_path, rows, f"f{n}.csv"))
        assert "nearly evenly" not in result.stderr
        assert {r["race"]: r["won"] for r in data["overview"]["races"]}["Council"] is True
