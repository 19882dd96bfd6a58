"""Seat allocation checked against an independent library: votelib (test-only dependency).

Hypothesis draws vote vectors and seat counts; every method's seats must equal votelib's wherever the two
definitions agree. Where they differ, the cases are left out here and the difference is written down
(docs/seats.md, "Checked against votelib"):

- **Ties.** votelib returns an unresolved `Tie`; pollcli settles it by the named rule and reports it. A
  drawn case is compared when neither ties; otherwise both must see the tie.
- **Droop with fewer votes than seats².** More seats can be left after whole quotas than there are
  lists; votelib then gives each list at most one more, pollcli repeats the remainder order. Drawn cases
  keep votes ≥ seats·(seats+1), where this cannot happen.
- **A list exactly at the threshold.** votelib's `RelativeThreshold(accept_equal=True)` compares the vote
  count, not the share, with the threshold, so a list at exactly 5 % is out there and in for pollcli (and for
  the laws: "5 % or more"). The threshold filter below is therefore written here, and votelib allocates.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pollcli import apportion
from pollcli.election import Election, Facts, Option
from pollcli.seats import allocate

votelib_proportional = pytest.importorskip("votelib.evaluate.proportional")
votelib_divisor = pytest.importorskip("votelib.component.divisor")
votelib_core = pytest.importorskip("votelib.evaluate.core")

METHODS = ("hare", "droop", "dhondt", "sainte-lague", "modified-sainte-lague", "imperiali")


def votelib_evaluator(method: str):
    p, d = votelib_proportional, votelib_divisor
    return {
        "hare": lambda: p.LargestRemainder("hare"),
        "droop": lambda: p.LargestRemainder("droop"),
        "dhondt": lambda: p.HighestAverages("d_hondt"),
        "sainte-lague": lambda: p.HighestAverages("sainte_lague"),
        "modified-sainte-lague": lambda: p.HighestAverages(
            d.modified_first_coef(d.sainte_lague, Fraction(7, 5))
        ),
        "imperiali": lambda: p.HighestAverages("imperiali"),
    }[method]()


def votelib_seats(votes: list[int], seats: int, method: str) -> list[int] | None:
    """votelib's seats per list, or None when it leaves a tie unresolved."""
    result = votelib_evaluator(method).evaluate({f"L{i}": v for i, v in enumerate(votes)}, seats)
    if any(isinstance(key, votelib_core.Tie) for key in result):
        return None
    return [result.get(f"L{i}", 0) for i in range(len(votes))]


vote_vectors = st.lists(st.integers(min_value=1, max_value=2_000_000), min_size=1, max_size=9)
seat_counts = st.integers(min_value=1, max_value=120)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(votes=vote_vectors, seats=seat_counts, method=st.sampled_from(METHODS))
def test_every_method_equals_votelib(votes, seats, method):
    if method == "droop":
        assume(sum(votes) >= seats * (seats + 1))
    ours = apportion.apportion(votes, seats, method)
    theirs = votelib_seats(votes, seats, method)
    if ours.tie is not None:
        assert theirs is None, "pollcli reports a tie that votelib resolved by itself"
        return
    assert theirs is not None, "votelib found a tie that pollcli did not report"
    assert list(ours.seats) == theirs
    assert sum(ours.seats) == seats


@settings(max_examples=150, deadline=None)
@given(
    votes=st.lists(st.integers(min_value=1, max_value=40), min_size=2, max_size=5),
    seats=st.integers(min_value=1, max_value=12),
    method=st.sampled_from(("dhondt", "sainte-lague", "hare")),
)
def test_small_numbers_tie_often_and_pollcli_says_so_where_votelib_does(votes, seats, method):
    """Small vote counts tie often: a tie pollcli reports is exactly one votelib cannot resolve."""
    ours = apportion.apportion(votes, seats, method)
    theirs = votelib_seats(votes, seats, method)
    assert (ours.tie is not None) == (theirs is None)
    if theirs is not None:
        assert list(ours.seats) == theirs


def _passes(votes: int, base: int, pct: Fraction) -> bool:
    return votes * 100 >= pct * base


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    votes=st.lists(st.integers(min_value=1, max_value=500_000), min_size=2, max_size=8),
    against_all=st.integers(min_value=0, max_value=300_000),
    seats=st.integers(min_value=1, max_value=100),
    pct=st.sampled_from((Fraction(3), Fraction(5), Fraction(7), Fraction(5, 2))),
    method=st.sampled_from(METHODS),
)
def test_threshold_then_method_equals_votelib_on_the_qualifying_lists(
    votes, against_all, seats, pct, method
):
    """The whole pipeline (`allocate`): lists at or above pct % of valid votes ("Against all" in the
    base) share the seats on their own votes; votelib allocates among the lists kept here."""
    options = [Option(candidate=f"L{i}", votes=v, line=i + 2) for i, v in enumerate(votes)]
    options.append(Option(candidate="Against all", kind="against_all", votes=against_all, line=99))
    facts = Facts(
        election="e", system="list", seats=seats, method=method, list_threshold=float(pct)
    )
    report = allocate(Election(facts=facts, source_file="x.csv", options=options))
    allocation = report.elections[0].allocations[0]
    base = sum(votes) + against_all
    kept = [i for i, v in enumerate(votes) if _passes(v, base, pct)]
    got = {p.party: p.seats for p in allocation.parties}
    assert got["Against all"] == 0
    if not kept:
        assert sum(got.values()) == 0
        return
    kept_votes = [votes[i] for i in kept]
    if method == "droop":
        assume(sum(kept_votes) >= seats * (seats + 1))
    theirs = votelib_seats(kept_votes, seats, method)
    assume(theirs is not None and not allocation.ties)
    expected = dict.fromkeys((f"L{i}" for i in range(len(votes))), 0)
    expected.update({f"L{i}": s for i, s in zip(kept, theirs, strict=True)})
    assert {k: v for k, v in got.items() if k != "Against all"} == expected


def brute_force_votes_for_next_seat(
    votes: list[int], against_all: int, seats: int, pct: Fraction, method: str, party: int
) -> int | None:
    """Add one vote at a time until votelib gives the party one more seat outright (a seat it would
    only share in a votelib Tie does not count), the threshold's base growing with the votes."""

    def outright(extra: int) -> int:
        bumped = list(votes)
        bumped[party] += extra
        base = sum(bumped) + against_all
        kept = [i for i, v in enumerate(bumped) if _passes(v, base, pct)]
        if not kept:
            return 0
        result = votelib_evaluator(method).evaluate({i: bumped[i] for i in kept}, seats)
        return result.get(party, 0)

    held = outright(0)
    if held >= seats:
        return None
    for extra in range(1, 5_000):
        if outright(extra) > held:
            return extra
    raise AssertionError("no seat within 5,000 more votes")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    votes=st.lists(st.integers(min_value=1, max_value=300), min_size=2, max_size=5),
    against_all=st.integers(min_value=0, max_value=60),
    seats=st.integers(min_value=1, max_value=8),
    pct=st.sampled_from((Fraction(0), Fraction(5), Fraction(10))),
    method=st.sampled_from(("hare", "dhondt", "sainte-lague", "imperiali")),
    data=st.data(),
)
def test_votes_for_next_seat_is_the_brute_force_minimum(
    votes, against_all, seats, pct, method, data
):
    """pollcli searches (a guess, then halving); the oracle adds votes one by one and asks votelib."""
    party = data.draw(st.integers(min_value=0, max_value=len(votes) - 1))
    options = [Option(candidate=f"L{i}", votes=v, line=i + 2) for i, v in enumerate(votes)]
    options.append(Option(candidate="Against all", kind="against_all", votes=against_all, line=99))
    facts = Facts(
        election="e",
        system="list",
        seats=seats,
        method=method,
        list_threshold=float(pct) or None,
    )
    report = allocate(Election(facts=facts, source_file="x.csv", options=options))
    assume(not report.elections[0].allocations[0].ties)  # a tie already won would shift the target
    found = {p.party: p for p in report.elections[0].allocations[0].parties}[f"L{party}"]
    expected = brute_force_votes_for_next_seat(votes, against_all, seats, pct, method, party)
    assert found.votes_for_next_seat == expected


def test_kazakhstan_2023_and_2021_equal_votelib_hare_and_dhondt():
    """The reference's qualifying lists through votelib: Hare reproduces the published seats."""
    lists_2023 = [3431510, 693938, 547154, 535139, 432920, 331058]
    lists_2021 = [5148074, 792828, 659019]
    assert votelib_seats(lists_2023, 69, "hare") == [40, 8, 6, 6, 5, 4]
    assert votelib_seats(lists_2023, 69, "dhondt") == [41, 8, 6, 6, 5, 3]
    assert votelib_seats(lists_2021, 98, "hare") == [76, 12, 10]
    assert list(apportion.apportion(lists_2023, 69, "hare").seats) == [40, 8, 6, 6, 5, 4]
    assert list(apportion.apportion(lists_2021, 98, "hare").seats) == [76, 12, 10]
