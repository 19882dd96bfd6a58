"""A wide table's `… Percentage` column beside each `… Votes`, and a `Swing`, are no options
(session 17's world trial: the AEC's two-party-preferred table by division was refused, every
percentage "not a whole number", until three --ignore-column). Oracle: pandas, each `… Votes`
column summed."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read.protocol import says_share

# The AEC's layout (HouseTppByDivisionDownload): names, the winner's party, votes and percentages
# of the two sides, the division's total, the swing in points.
TPP = """DivisionNm,DivisionID,StateAb,PartyAb,Liberal/National Coalition Votes,Liberal/National Coalition Percentage,Australian Labor Party Votes,Australian Labor Party Percentage,TotalVotes,Swing
Adelaide,179,SA,ALP,43325,45.35,52219,54.65,95544,-0.7
Aston,197,VIC,LP,50142,58.59,35444,41.41,85586,0.39
Ballarat,198,VIC,ALP,41705,42.68,56002,57.32,97707,-2.43
"""


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Australian Labor Party Percentage", True),
        ("Liberal/National Coalition Percentage", True),
        ("Labour pct", True),
        ("Swing", True),
        ("perc_si", True),
        ("Australian Labor Party Votes", False),
        ("Percy Smith", False),
        ("Swingle", False),
    ],
)
def test_share_words_last(header, expected):
    assert says_share(header) is expected


def test_two_party_preferred_by_division_reads(tmp_path, monkeypatch):
    path = write(tmp_path, TPP, "HouseTppByDivisionDownload-20499.csv")
    (election,), _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(path)
    votes = {o.candidate: o.votes for o in election.options}
    # (Named without the votes word they share: `Australian Labor Party Votes` → `… Party`.)
    assert votes == {
        c.removesuffix(" Votes"): int(frame[c].sum()) for c in frame.columns if c.endswith(" Votes")
    }
