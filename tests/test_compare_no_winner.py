"""compare keeps the caveat of an election whose summary names no winner (`Election.no_winner`).

tonmcg's county files of the US presidential vote (`state_name,county_fips,county_name,votes_gop,
votes_dem,total_votes,…`): the 2024 file's `total_votes` holds 2,562,201 votes neither listed
party has, more than the 2,288,060 by which gop leads, so `summary` names no winner. `compare` of
the 2020 and 2024 files said "The lead changed hands: … gop leads in us_tonmcg_2024_county
(50.75 %)" and nothing of it. Now its findings carry the summary's reason. A partial count
(`pct_reported` under 100, `read.reporting`) is said of its election too. Names and figures
invented, the layout is tonmcg's; oracle: pandas (votes no option has, against the lead).
"""

from __future__ import annotations

import io

import pandas as pd

from conftest import write
from pollcli import load
from pollcli.comparison import compare

HEAD = "state_name,county_fips,county_name,votes_gop,votes_dem,total_votes\n"
EARLIER = (
    HEAD
    + """Alpha,01001,Ash County,500,700,1230
Alpha,01003,Elm County,900,800,1720
"""
)
# Beta's total holds 400 votes neither listed option has: more than gop's lead of 150.
LATER = (
    HEAD
    + """Alpha,01001,Ash County,650,600,1260
Alpha,01003,Elm County,900,800,2100
"""
)


def _unlisted_and_lead(text: str) -> tuple[int, int]:
    frame = pd.read_csv(io.StringIO(text))
    unlisted = int((frame["total_votes"] - frame["votes_gop"] - frame["votes_dem"]).sum())
    return unlisted, abs(int(frame["votes_gop"].sum() - frame["votes_dem"].sum()))


def test_compare_carries_the_no_winner_caveat(tmp_path) -> None:
    unlisted, lead = _unlisted_and_lead(LATER)
    assert unlisted > lead  # (the case: votes no option has, more than the lead)
    early = _unlisted_and_lead(EARLIER)
    assert early[0] < early[1]  # (the earlier file names its winner)
    paths = [write(tmp_path, EARLIER, "county_2020.csv"), write(tmp_path, LATER, "county_2024.csv")]
    result = compare(load(paths))
    caveats = [n for n in result.notes if "names no winner" in n]
    assert len(caveats) == 1
    assert "“county_2024”" in caveats[0]
    assert f"{unlisted:,} votes no option listed has" in caveats[0]
    assert f"lead of {lead:,}" in caveats[0]


def test_compare_says_a_count_is_partial(tmp_path) -> None:
    counted = "candidate,votes,pct_reported\nAnn,60,100\nBo,40,40\n"
    paths = [
        write(tmp_path, "candidate,votes\nAnn,50\nBo,50\n", "before.csv"),
        write(tmp_path, counted, "tonight.csv"),
    ]
    result = compare(load(paths))
    said = [n for n in result.notes if "rows report under 100 %" in n]
    assert said == [
        "“tonight” is a count under way: 1 of 2 rows report under 100 % ('pct_reported'): "
        "its figures are those counted so far."
    ]
