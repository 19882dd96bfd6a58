"""Places whose first holds about 1/N of every option's votes are no table of levels by that alone.

`level_totals.again` refuses a table whose every option adds up to about N times its first row's
(the whole listed again at each level: Upper Austria's Land, its Wahlkreise, its Bezirke above
their Gemeinden). An honest table of places can add up so by chance: six wards of a city drawn to
equal size (the first's votes a sixth of each party's), or a capital that holds a quarter of each
party's votes. Both were refused, "the whole and its parts at 5 levels … count the whole's row
alone: --where ward=North", advice that reads one ward as the city. A table of levels also holds
a level's rows below the row that is their sum (a Bezirk above its Gemeinden, or the whole above
the level listed next): without one such row, the places are read as places. Figures invented."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

# Six wards of about equal size: the first (North) a sixth of every party's votes, within 0.1 %.
WARDS = {
    "North": (1510, 1205, 402),
    "East": (1690, 1050, 380),
    "South": (1400, 1300, 420),
    "West": (1550, 1150, 410),
    "Central": (1480, 1260, 395),
    "Harbour": (1430, 1265, 403),
}
# A capital of a quarter of every party's votes (within 0.2 %), nineteen smaller districts.
_ALPHA = (373, 295, 522, 259, 470, 392, 253, 457, 243, 423, 258, 268, 419, 602, 283, 328, 511, 657)
_BETA = (233, 385, 142, 354, 205, 168, 161, 210, 343, 177, 282, 297, 227, 273, 146, 145, 184, 307)
_GAMMA = (129, 173, 152, 127, 206, 191, 118, 171, 163, 219, 196, 125, 236, 98, 146, 200, 104, 157)
CAPITAL = {"Capital": (2500, 1500, 1000)} | {
    f"District {n}": votes
    for n, votes in enumerate([*zip(_ALPHA, _BETA, _GAMMA, strict=True), (497, 251, 94)], 1)
}
PARTIES = ("Alpha", "Beta", "Gamma")


def _wide(places: dict[str, tuple[int, int, int]]) -> str:
    lines = ["ward," + ",".join(PARTIES)]
    lines += [f"{name},{','.join(map(str, votes))}" for name, votes in places.items()]
    return "\n".join(lines) + "\n"


def _long(places: dict[str, tuple[int, int, int]]) -> str:
    lines = ["ward,party,votes"]
    for name, votes in places.items():
        lines += [f"{name},{party},{v}" for party, v in zip(PARTIES, votes, strict=True)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("places", [WARDS, CAPITAL], ids=["equal-wards", "capital"])
@pytest.mark.parametrize("layout", [_wide, _long], ids=["wide", "long"])
def test_places_a_whole_multiple_of_the_first_are_read_as_places(
    tmp_path, monkeypatch, places, layout
):
    frame = pd.DataFrame.from_dict(places, orient="index", columns=list(PARTIES))
    ratios = frame.sum() / frame.iloc[0]
    assert all(abs(r - round(r)) <= 0.02 * round(r) for r in ratios), ratios  # (the rule's edge)
    path = write(tmp_path, layout(places), "wards.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], [p.message for p in problems]
    (election,) = elections
    assert {o.candidate: o.votes for o in election.options} == frame.sum().to_dict()
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert "--where" not in result.stdout + result.stderr
