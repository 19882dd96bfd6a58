"""Hypothesis: invariants of the analysis, and hostile input never escapes as a traceback."""

import json
import math
from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import invoke
from pollcli import summarize
from pollcli.election import Election, Facts, Option

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
votes_lists = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12)


def _election(votes):
    options = [Option(candidate=f"C{i}", votes=v, line=i + 2) for i, v in enumerate(votes)]
    return Election(facts=Facts(election="e"), source_file="x.csv", options=options)


@given(votes_lists.filter(lambda vs: sum(vs) > 0))
def test_computed_shares_sum_to_100(votes):
    result = summarize(_election(votes)).elections[0]
    assert math.isclose(sum(r.share for r in result.results), 100.0, rel_tol=1e-9)


@given(votes_lists)
def test_leader_has_the_most_votes_or_a_tie_is_reported(votes):
    result = summarize(_election(votes)).elections[0]
    top = max(votes)
    if top == 0 and len(votes) == 1:
        # One candidate and no vote counted: unopposed, no count, elected (FL-24 2016).
        assert result.leader.candidate == "C0" and result.tied_for_first == []
        assert result.runner_up is None and result.margin is None
    elif top == 0:  # no votes at all: nobody leads, and 0 each is no tie
        assert result.leader is None and result.tied_for_first == []
    elif votes.count(top) > 1:
        assert result.leader is None and len(result.tied_for_first) == votes.count(top)
    else:
        assert result.leader.votes == top and result.tied_for_first == []
        if result.runner_up is not None:
            assert result.runner_up.votes == sorted(votes)[-2]
            assert result.margin.votes == top - result.runner_up.votes


@given(votes_lists.filter(lambda vs: sum(vs) > 0), st.floats(min_value=0, max_value=100))
def test_below_threshold_is_exactly_the_strictly_smaller_candidates(votes, threshold):
    """Oracle: exact rational shares from the votes, not the summary's own (float) shares."""
    total = sum(votes)
    exact = {f"C{i}": Fraction(v * 100, total) for i, v in enumerate(votes)}
    # A share within float rounding of the threshold may fall either side; those are not judged.
    assume(all(abs(share - Fraction(threshold)) > Fraction(1, 10**9) for share in exact.values()))
    result = summarize(_election(votes), threshold=threshold).elections[0]
    expected = {name for name, share in exact.items() if share < Fraction(threshold)}
    assert set(result.below_threshold) == expected
    assert {r.candidate for r in result.results if r.below_threshold} == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_end_in_0_1_or_2_without_traceback(data):
    result = invoke("summary", "-", "--format", "json", stdin=data)
    assert result.code in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.code == 0:
        json.loads(result.stdout)


cells = st.one_of(
    names,
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["", " ", "1,5", "1.234.567", "50 %", "nan", "=1+1", '"', "Against all", "0,5"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(
        st.sampled_from(
            ["candidate", "votes", "share", "party", "kind", "region", "election", "date", "x", ""]
        ),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(cells, min_size=0, max_size=7), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_odd_but_well_formed_csv_never_crashes(header, rows, delimiter):
    def quote(cell):
        return '"' + cell.replace('"', '""') + '"'

    lines = [delimiter.join(header)] + [delimiter.join(quote(c) for c in row) for row in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    result = invoke("summary", "-", "--format", "json", stdin=data)
    assert result.code in (0, 1, 2), result.stderr
    if result.code == 0:
        json.loads(result.stdout)
    else:
        assert result.stderr.startswith("pollcli: error:")
