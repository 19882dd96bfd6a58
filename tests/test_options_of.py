"""An option of each record (`mergeoptions.options_of`), made field by field rather than by
`Option(candidate=…, …)` (its keyword call cost 0.45 s over the million options of 10,000 races):
the same options as the keywords make (the oracle), every field of `Option` set."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row
from pollcli.election import Option
from pollcli.kinds import KINDS
from pollcli.read import mergeoptions
from pollcli.read.records import Record

rows = st.builds(
    Row,
    candidate=st.sampled_from(["Ann", "Bo", "Other"]),
    party=st.sampled_from([None, "", "Union"]),
    kind=st.sampled_from(KINDS),
    share=st.none() | st.floats(0, 100),
    share_decimals=st.none() | st.integers(0, 3),
    colour=st.sampled_from([None, "", "#aa0000"]),
)
records = st.lists(
    st.builds(
        Record,
        line=st.integers(2, 99),
        election=st.just("E"),
        row=rows,
        votes=st.none() | st.integers(0, 2**70),
        facts=st.just({}),
        acclaimed=st.booleans(),
        credit=st.sampled_from([None, "", "Front"]),
    ),
    max_size=5,
)


def _by_keywords(record: Record) -> Option:
    row = record.row
    return Option(
        candidate=row.candidate,
        party=record.credit or row.party or None,
        kind=row.kind,
        votes=record.votes,
        share=row.share,
        share_decimals=row.share_decimals,
        colour=row.colour or None,
        line=record.line,
        acclaimed=record.acclaimed,
    )


@given(records=records)
def test_options_of_records_as_their_keywords_make_them(records):
    options = mergeoptions.options_of(records)
    assert options == [_by_keywords(r) for r in records]
    for option in options:  # (a field left unset would raise: every one is read)
        assert [f.name for f in dataclasses.fields(option)] == list(Option.__slots__)
        assert all(hasattr(option, f.name) for f in dataclasses.fields(option))


def test_options_of_calls_no_init_by_keywords(monkeypatch):
    def refused(self, **_):
        raise AssertionError("Option.__init__ called for each record")

    monkeypatch.setattr(Option, "__init__", refused)
    row = Row(candidate="Ann", party="Union")
    (option,) = mergeoptions.options_of([Record(2, "E", row, 7, {})])
    assert (option.candidate, option.party, option.votes, option.list_votes) == (
        "Ann",
        "Union",
        7,
        False,
    )
