"""An election whose options have no published share is audited by its votes alone
(`audit.audit`): no base inferred, no share summed or mismatched, the valid votes all its votes
where every option is valid. The same audit as every pass run (the oracle: the passes it skips,
as `audit` and `spoilt_ballots` ran them before), on drawn options and facts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pollcli import audit
from pollcli.contract import Facts
from pollcli.election import Option
from pollcli.kinds import KINDS, NOT_VALID_KINDS


def _spoilt(options, invalid, blank):
    if any(o.kind in NOT_VALID_KINDS and o.votes is None for o in options):
        return None
    listed = {kind: 0 for o in options if (kind := o.kind) in NOT_VALID_KINDS}
    for option in options:
        if option.kind in listed:
            listed[option.kind] += option.votes or 0
    given = {
        kind: n
        for kind, n in (("invalid", invalid), ("blank", blank))
        if kind not in listed and n is not None
    }
    if not listed and not given:
        return None
    names = [f"{' and '.join(kinds)} ballots" for kinds in (listed, given) if kinds]
    if listed:
        names[0] += " listed"
    return sum(listed.values()) + sum(given.values()), " and ".join(names)


def _every_pass(options, facts):
    fit = audit.inferred_base(options, facts.ballots_cast)
    base = fit or facts.share_base
    summed = audit.published_share_sum(options, base)
    share_sum = None
    if summed is not None:
        complete = all(o.share is not None for o in options if audit.in_base(o, base))
        share_sum = audit.ShareSum(base, summed[0], summed[1], complete)
    counted = [o.votes for o in options]
    base_total = audit.base_votes(options, facts.share_base, facts.ballots_cast)
    shares_and_votes = any(o.share is not None and o.votes is not None for o in options)
    return audit.Audit(
        fit=fit,
        share_sum=share_sum,
        votes=None if None in counted else sum(v or 0 for v in counted),
        valid=audit.valid_votes(options),
        spoilt=_spoilt(options, facts.invalid, facts.blank),
        base_total=base_total,
        mismatches=audit.mismatches(options, facts.share_base, base_total)
        if shares_and_votes and (fit is None or fit == facts.share_base)
        else [],
    )


counts = st.none() | st.integers(0, 10**6)
options = st.lists(
    st.builds(
        Option,
        candidate=st.sampled_from(["Ann", "Bo", "Blank", "Void"]),
        kind=st.sampled_from(KINDS),
        votes=counts,
        line=st.integers(2, 99),
    ),
    max_size=6,
)
facts = st.builds(
    Facts,
    election=st.just("E"),
    ballots_cast=counts,
    invalid=counts,
    blank=counts,
    share_base=st.sampled_from(["valid", "cast"]),
)


@given(options=options, facts=facts)
def test_options_of_no_share_audited_as_by_every_pass(options, facts):
    assert audit.audit(options, facts) == _every_pass(options, facts)


@given(options=options, invalid=counts, blank=counts)
def test_spoilt_ballots_as_by_every_pass(options, invalid, blank):
    assert audit.spoilt_ballots(options, invalid, blank) == _spoilt(options, invalid, blank)


def test_options_of_no_share_look_for_no_base_or_share(monkeypatch):
    # 10,000 races of 100 candidates, none with a share: eight passes a race were six for nothing.
    def refused(*_):
        raise AssertionError("a pass over shares that none has")

    for name in ("inferred_base", "published_share_sum", "mismatches"):
        monkeypatch.setattr(audit, name, refused)
    options = [Option(candidate="Ann", votes=30, line=2), Option(candidate="Bo", votes=12, line=3)]
    found = audit.audit(options, Facts(election="E", invalid=4))
    assert (found.votes, found.valid, found.base_total, found.spoilt) == (
        42,
        42,
        42,
        (4, "invalid ballots"),
    )
    assert found.fit is None and found.share_sum is None and found.mismatches == []


@pytest.mark.parametrize("share", [None, 61.5])
def test_an_invalid_row_is_no_valid_vote_either_way(share):
    options = [
        Option(candidate="Ann", votes=30, share=share, line=2),
        Option(candidate="Void", kind="invalid", votes=5, line=3),
    ]
    found = audit.audit(options, Facts(election="E"))
    assert (found.votes, found.valid, found.spoilt) == (35, 30, (5, "invalid ballots listed"))
