"""`facts.UnitFacts.given`: an election's units and their counts, in the order they were first
registered, whatever other elections' units came between (the oracle: every unit kept, filtered
by election, as a list of the calls made)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli.read.unitfacts import UnitFacts

ELECTIONS = ("Governor", "President", "State House 58")
CALLS = st.lists(
    st.tuples(
        st.sampled_from(ELECTIONS),
        st.sampled_from(("North", "South")),
        st.sampled_from(("P1", "P2", "P3")),
        st.sampled_from(("registered", "ballots_cast")),
        st.integers(0, 5000),
    ),
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(CALLS)
def test_an_elections_units_in_the_order_first_registered(calls: list) -> None:
    facts = UnitFacts()
    expected: dict[tuple[str, str, str], dict[str, tuple[str, int]]] = {}
    for line, (election, region, unit, key, value) in enumerate(calls, start=2):
        facts.keep((election, region, unit), key, str(value), line)
        expected.setdefault((election, region, unit), {}).setdefault(key, (str(value), line))
    for election in ELECTIONS:
        mine = [(region, dict(counts)) for region, counts in facts.given(election)]
        oracle = [
            (region, dict(sorted(counts.items())))
            for (label, region, _), counts in expected.items()
            if label == election
        ]
        assert mine == oracle
