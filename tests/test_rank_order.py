"""`tally.rank` and `tally.tally` against their definitions, written out plainly here.

`rank` sorts by (validity, share, votes) in passes of one key each, and `tally` finds those tied
for first or second among neighbours of its strongest-first list: the oracle below sorts the key
tuples at once, and compares every candidate with the value, as the definitions say. Options are
drawn to tie often (few vote counts, a few published shares), with blank and invalid ballots,
missing figures, counts beyond a float's 2**53 and, from Python, a NaN share.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from pollcli.election import Election, Facts, Option
from pollcli.tally import rank, tally

NOT_VALID = {"blank", "invalid"}

options = st.lists(
    st.tuples(
        st.sampled_from(["candidate", "candidate", "candidate", "blank", "invalid", "other"]),
        st.one_of(st.none(), st.integers(0, 6), st.sampled_from([2**60, 2**60 + 1])),
        st.one_of(st.none(), st.none(), st.sampled_from([0.0, 1.5, 10.0, 10.0, 33.25])),
    ),
    max_size=9,
)
facts = st.builds(
    Facts,
    election=st.just("e"),
    share_base=st.sampled_from(["valid", "cast"]),
    ballots_cast=st.one_of(st.none(), st.integers(1, 50)),
)


def _election(drawn: list[tuple[str, int | None, float | None]], given_facts: Facts) -> Election:
    listed = [
        Option(candidate=f"C{i}", kind=kind, votes=votes, share=share, line=i + 2)  # type: ignore[arg-type]
        for i, (kind, votes, share) in enumerate(drawn)
    ]
    return Election(facts=given_facts, source_file="x.csv", options=listed)


def _apart(election: Election) -> bool:
    """Published shares on some options of the base only, every one of them with votes."""
    cast = election.facts.share_base == "cast"
    listed = [o for o in election.options if cast or o.kind not in NOT_VALID]
    given = [o for o in listed if o.share is not None]
    return 0 < len(given) < len(listed) and all(o.votes is not None for o in listed)


def _oracle_rank(election: Election) -> list[tuple[Option, float | None, int]]:
    base, cast = election.audit.base_total, election.facts.share_base == "cast"
    apart = _apart(election)
    figures = [
        o.share
        if o.share is not None
        else o.votes / base * 100
        if o.votes is not None and base and (cast or o.kind not in NOT_VALID)
        else None
        for o in election.options
    ]
    keys = [
        (
            o.kind in NOT_VALID,
            0.0 if apart else -(s if s is not None else -1.0),  # (partly published: by votes)
            -(o.votes if o.votes is not None else -1),
        )
        for o, s in zip(election.options, figures, strict=True)
    ]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    out: list[tuple[Option, float | None, int]] = []
    for position, index in enumerate(order):
        tied = position > 0 and keys[order[position - 1]] == keys[index]
        out.append((election.options[index], figures[index], out[-1][2] if tied else position + 1))
    return out


def _same(a: object, b: object) -> bool:
    return a is b or a == b or (isinstance(a, float) and isinstance(b, float) and a != a and b != b)


def _rows(ranked: list) -> list[tuple[int, float | None, int]]:  # type: ignore[type-arg]
    return [(id(r.option), r.share, r.rank) for r in ranked]


def _assert_same(got: list, expected: list) -> None:  # type: ignore[type-arg]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0] and _same(g[1], e[1]) and g[2] == e[2], (got, expected)


@given(options, facts)
def test_rank_is_the_sort_of_the_key_tuples_with_competition_ranks(drawn, given_facts):
    election = _election(drawn, given_facts)
    expected = [(id(o), s, r) for o, s, r in _oracle_rank(election)]
    _assert_same(_rows(rank(election)), expected)


@given(options, facts, st.sampled_from([0.0, 3.0, 10.0, 50.0]))
def test_tally_ties_candidates_and_below_as_defined(drawn, given_facts, threshold):
    election = _election(drawn, given_facts)
    figures = tally(election, threshold=threshold)
    listed = [r for r in figures.ranked if r.option.kind == "candidate"]
    by_votes = bool(listed) and all(r.option.votes is not None for r in listed)
    assert figures.by_votes == by_votes

    def strength(r):  # type: ignore[no-untyped-def]
        value = r.option.votes if by_votes else r.share
        return float(value) if value is not None else -1.0

    strongest = sorted(listed, key=lambda r: -strength(r))
    assert [id(r) for r in figures.candidates] == [id(r) for r in strongest]
    no_votes = by_votes and all(o.votes == 0 for o in election.options if o.kind not in NOT_VALID)
    assert figures.no_votes == no_votes
    if strongest and not (no_votes and not figures.uncounted) and figures.seats == 1:
        tied = [r for r in strongest if strength(r) == strength(strongest[0])]
        assert [id(r) for r in figures.tied] == ([id(r) for r in tied] if len(tied) > 1 else [])
        assert (figures.leader is tied[0]) if len(tied) == 1 else figures.leader is None
    if figures.second_tie is not None:
        second = [r for r in strongest if strength(r) == strength(figures.runner_up)]
        assert [id(r) for r in figures.second_tie] == [id(r) for r in second]
    below = sorted(
        (r for r in strongest if r.share is not None and r.share < threshold and not no_votes),
        key=lambda r: r.rank,
    )
    assert [id(r) for r in figures.below] == [id(r) for r in below]
    valid = [
        r.share / 100
        for r in figures.ranked
        if r.option.kind not in NOT_VALID and r.share is not None
    ]
    squares = sum(p * p for p in valid)
    effective = 1 / squares if squares > 0 else math.inf
    assert _same(figures.effective_number, effective if math.isfinite(effective) else None)


def test_a_nan_share_from_python_ranks_as_the_key_tuples_sort_it():
    drawn = [
        ("candidate", 3, math.nan),
        ("candidate", 5, 10.0),
        ("candidate", 5, None),
        ("blank", 1, None),
    ]
    election = _election(drawn, Facts(election="e"))
    expected = [(id(o), s, r) for o, s, r in _oracle_rank(election)]
    _assert_same(_rows(rank(election)), expected)
    assert tally(election).candidates  # and the tally is made


def test_equal_counts_share_a_rank_and_blank_ballots_come_last():
    drawn = [
        ("blank", 9, None),
        ("candidate", 4, None),
        ("candidate", 6, None),
        ("candidate", 4, None),
    ]
    ranked = rank(_election(drawn, Facts(election="e")))
    assert [(r.option.candidate, r.rank) for r in ranked] == [
        ("C2", 1),
        ("C1", 2),
        ("C3", 2),
        ("C0", 4),
    ]
    figures = tally(_election(drawn, Facts(election="e")))
    assert figures.leader is not None and figures.leader.option.candidate == "C2"
    assert [r.option.candidate for r in figures.second_tie or []] == ["C1", "C3"]
