"""Several contests of one ballot read as one race are flagged (`read.contests`, a `race-split`
warning), and ordinary races are not: on every real file with races the check can look at, it
flags West Virginia's `NON` only, with its three Supreme Court divisions as the ballot had them
(hand-checked: Ballotpedia, "West Virginia Supreme Court elections, 2020")."""

import math
from pathlib import Path

import pytest

from conftest import ROOT, write
from pollcli.read import engines, load
from pollcli.read.contests import contests, partition

REAL = [
    [ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")],
    [ROOT.parent / "extra-realworld", Path("/work/extra-realworld")],
]
# The 2020 divisions of the Supreme Court of Appeals, from the ballot (not from the file).
DIVISIONS = [
    {"TIM ARMSTEAD", "RICHARD NEELY", "DAVID HUMMEL, JR."},
    {'WILLIAM R. "BILL" WOOTON', "JOANNA I TABIT", 'KRISTINA "KRIS" RAYNES', "JIM DOUGLAS"},
    {"JOHN A HUTCHISON", "LORA A. DYER", "BILL SCHWARTZ"},
]


def real(name: str) -> Path:
    for candidates in REAL:
        for folder in candidates:
            if (folder / name).exists():
                return folder / name
    pytest.skip(f"{name} is not beside the repository")


def flagged(elections) -> dict[str, list[set[str]]]:
    return {e.facts.election: [set(g) for g in c.groups] for e in elections if (c := contests(e))}


def ballot_rows(contests_: list[list[str]], regions: int, undervote: float) -> list[str]:
    """Rows of `contests_` (candidate names) on one ballot in `regions` counties: each contest's
    votes add up to the county's ballots less a small undervote; who leads swings by county."""
    rows = []
    for r in range(regions):
        ballots = 1000 + 137 * r
        for c, names in enumerate(contests_):
            cast = ballots * (1 - undervote * ((r + c) % 3) / 2)
            weights = [1 + 0.6 * math.sin(r * (j + 1.3) + c) for j in range(len(names))]
            for name, weight in zip(names, weights, strict=True):
                rows.append(f"C{r},Court,{name},{round(cast * weight / sum(weights))}")
    return rows


def test_three_contests_on_one_ballot_are_found_with_their_candidates(tmp_path):
    groups = [["A1", "A2", "A3"], ["B1", "B2", "B3", "B4"], ["C1", "C2", "C3"]]
    path = write(
        tmp_path,
        "county,office,candidate,votes\n"
        + "\n".join([*ballot_rows(groups, 12, 0.04), "C0,Clerk,X,5", "C0,Clerk,Y,4"])
        + "\n",
    )
    elections = load(path)
    got = flagged(elections)
    assert list(got) == ["Court"]
    assert sorted(map(sorted, got["Court"])) == sorted(map(sorted, groups))
    (court,) = [e for e in elections if e.facts.election == "Court"]
    (warning,) = [w for w in court.warnings if "contests read as one race" in w.message]
    assert warning.code == "race-split" and warning.race == "Court"
    assert "3 contests" in warning.message and "12 regions" in warning.message


def test_one_contest_of_many_candidates_is_not_flagged(tmp_path):
    names = [f"K{j}" for j in range(10)]
    path = write(
        tmp_path,
        "county,office,candidate,votes\n"
        + "\n".join([*ballot_rows([names], 30, 0.04), "C0,Clerk,X,5", "C0,Clerk,Y,4"])
        + "\n",
    )
    assert flagged(load(path)) == {}


def test_a_race_whose_candidates_poll_alike_everywhere_is_not_flagged(tmp_path):
    # A race for several seats nobody knows much about: any half of the candidates holds half
    # the votes everywhere (the grouping test alone would fire), but no group's members swing
    # against each other, so the race is left alone.
    rows = []
    for r in range(20):
        for j in range(6):
            rows.append(f"C{r},Board,N{j},{1000 + (r * 7 + j * 13) % 23}")
    path = write(tmp_path, "county,office,candidate,votes\n" + "\n".join(rows) + "\nC0,Clerk,X,5\n")
    elections = load(path)
    (board,) = [e for e in elections if e.facts.election == "Board"]
    import numpy as np

    votes = np.array([[o.votes for o in region.options] for region in board.regions], dtype=float)
    assert partition(votes, votes.sum(axis=1), 2) is not None
    assert contests(board) is None
    assert flagged(elections) == {}


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_west_virginias_supreme_court_divisions_are_flagged_and_nothing_else(monkeypatch, engine):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    elections = load(real("us_wv_2020_06_09_primary_county.csv"))
    got = flagged(elections)
    assert list(got) == ["NON"]
    assert sorted(map(sorted, got["NON"])) == sorted(map(sorted, DIVISIONS))
    (non,) = [e for e in elections if e.facts.election == "NON"]
    assert [w.code for w in non.warnings if "contests read as one race" in w.message] == [
        "race-split"
    ]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        # The real files that hold a race the check looks at (10 regions or more, 4 to 16
        # candidates): single races of many candidates by region, and precinct files of races.
        ("fr_pr2022_t1_resultats_par_departement.csv", None),
        ("pl_prezydent2025_t1_po_gminach.csv", None),
        ("us_sc_2020_general_precinct.csv", None),
        ("us_ky_2018_general_precinct.csv", None),
        ("us_ga_2020_06_09_primary_president_precinct.csv", None),
        ("ru_2024_presidential_electronic_voting_wide.csv", None),
        ("uk_ge2019_hoc_results_by_constituency.xlsx", None),
    ],
)
def test_ordinary_races_of_real_files_are_not_flagged(name, encoding):
    assert flagged(load(real(name), encoding=encoding)) == {}
