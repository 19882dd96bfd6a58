"""`pollcli seats` on a file that gives the seats each option won (Belgium's `Nombre de sièges`):
each district's seats won added up are its seats to fill, the method allocates them from the votes,
and a finding says whether the method gives the file's seats, district by district, or where not.
It refused such a file before. Figures invented; the oracle is D'Hondt's and Hare's seats worked
out here by their textbook definitions (highest quotients; whole quotas, then largest remainders).
"""

from __future__ import annotations

import json
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import invoke, write

VOTES = {"A": {"P": 5000, "Q": 3000, "R": 1400}, "B": {"P": 2000, "Q": 2600, "R": 900}}


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    quotients = sorted(
        (
            (Fraction(v, k), -i, p)
            for i, (p, v) in enumerate(votes.items())
            for k in range(1, seats + 1)
        ),
        reverse=True,
    )
    won = dict.fromkeys(votes, 0)
    for _, _, party in quotients[:seats]:
        won[party] += 1
    return won


def hare(votes: dict[str, int], seats: int) -> dict[str, int]:
    quota = Fraction(sum(votes.values()), seats)
    won = {p: int(v // quota) for p, v in votes.items()}
    left = seats - sum(won.values())
    by_remainder = sorted(votes, key=lambda p: Fraction(votes[p]) / quota - won[p], reverse=True)
    for party in by_remainder[:left]:
        won[party] += 1
    return won


def _file(tmp_path, won: dict[str, dict[str, int]]):
    rows = "".join(
        f"{d},{p},{v},{won[d][p]}\n" for d, parties in VOTES.items() for p, v in parties.items()
    )
    return write(tmp_path, "district,party,votes,seats\n" + rows, "districts.csv")


def _seats(path, *args):
    done = invoke("seats", str(path), *args, "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    return election


def test_the_file_seats_are_dhondts_and_said_so(tmp_path):
    won = {d: dhondt(v, 5 if d == "A" else 3) for d, v in VOTES.items()}
    assert won == {"A": {"P": 3, "Q": 2, "R": 0}, "B": {"P": 1, "Q": 2, "R": 0}}  # by hand too
    election = _seats(_file(tmp_path, won), "--method", "dhondt")
    assert election["seats"] == 8
    district_seats = {
        d["district"]: {p["party"]: p["seats"] for p in d["allocations"][0]["parties"]}
        for d in election["districts"]
    }
    assert district_seats == won
    note = election["notes"][-1]
    assert "its options' seats won added up" in note
    assert "D'Hondt gives the same seats in every district (8 seats in 2 districts)" in note


def test_another_method_names_where_it_differs(tmp_path):
    won = {d: dhondt(v, 5 if d == "A" else 3) for d, v in VOTES.items()}
    election = _seats(_file(tmp_path, won), "--method", "hare")
    expected = {d: hare(v, 5 if d == "A" else 3) for d, v in VOTES.items()}
    assert expected == {"A": {"P": 3, "Q": 1, "R": 1}, "B": {"P": 1, "Q": 1, "R": 1}}
    note = election["notes"][-1]
    assert "gives other seats in 2 of 2 districts" in note
    assert "A: Q 1 by Hare, 2 in the file, R 1 by Hare, 0 in the file" in note


def test_seats_given_are_the_users_and_still_compared(tmp_path):
    won = {d: dhondt(v, 5 if d == "A" else 3) for d, v in VOTES.items()}
    seats_file = write(tmp_path, "district,seats\nA,5\nB,4\n", "seats.csv")
    election = _seats(_file(tmp_path, won), "--method", "dhondt", "--seats-file", str(seats_file))
    assert election["seats"] == 9
    note = election["notes"][-1]
    assert "added up" not in note
    assert "B: Q 2 by D'Hondt, 2 in the file" not in note  # (only the parties that differ)
    got = dhondt(VOTES["B"], 4)
    differ = [p for p in got if got[p] != won["B"][p]]
    assert differ and all(
        f"{p} {got[p]} by D'Hondt, {won['B'][p]} in the file" in note for p in differ
    )


@given(
    votes=st.lists(st.integers(100, 9000), min_size=3, max_size=5, unique=True),
    seats=st.integers(2, 9),
)
def test_dhondts_own_seats_always_agree(tmp_path_factory, votes, seats):
    # The file's seats are D'Hondt's (the oracle's): pollcli's D'Hondt gives them, in any race.
    parties = {f"L{i}": v for i, v in enumerate(votes)}
    won = dhondt(parties, seats)
    assume(len(set(won.values())) >= 3)  # (seats won as pollcli tells them: three numbers)
    rows = "".join(f"{p},{v},{won[p]}\n" for p, v in parties.items())
    text = "district,party,votes,seats\n" + "".join(f"X,{r}" for r in rows.splitlines(True))
    text += "".join(f"Y,{r}" for r in rows.splitlines(True))
    election = _seats(write(tmp_path_factory.mktemp("s"), text), "--method", "dhondt")
    assert "D'Hondt gives the same seats in every district" in election["notes"][-1], election[
        "notes"
    ]
