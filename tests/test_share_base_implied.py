"""Published shares of a base the file does not give are said once per race, not once per row.

Público's Portuguese local results (cm_concelhos.csv, 2025) give each list's votes and its share of
the ballots cast, whose blank and null ballots are in another file: every share of every council
was warned "published share 57.54 % of 'PPD/PSD.MPT' differs from its votes, which give 59.696 %
of valid votes; check both cells" (1,440 warnings for 308 councils). Each option's votes over its
share give one total, the ballots cast (Águeda: 23,815, of which 862 blank or null), said once.

Oracle: the ballots cast the invented figures were rounded from; pandas for the implied totals.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.audit import implied_total

# Público's layout, cut down, invented: shares of the ballots cast (1,000 in Vale Alto, 850 in
# Monte Baixo, 1,000 in Vila Sola, where one list stood), whose blank and null ballots are not in
# the file.
CAST = {"Vale Alto": 1000, "Monte Baixo": 850, "Vila Sola": 1000}
COUNCILS = """territory_code,territory_name,party,votes,votes_pct
0901,Vale Alto,PS,600,60.0
0901,Vale Alto,PPD/PSD,300,30.0
0902,Monte Baixo,PPD/PSD,450,52.94
0902,Monte Baixo,PS,350,41.18
0903,Vila Sola,PS,716,71.6
"""


def _problems(path) -> list[dict]:
    out = invoke("validate", str(path), "--format", "json", "--race-by", "territory_name")
    return [p for f in json.loads(out.stdout)["files"] for p in f["problems"]]


def test_shares_of_the_ballots_cast_are_said_once_per_race(tmp_path):
    problems = [p for p in _problems(write(tmp_path, COUNCILS)) if p["code"] == "share-mismatch"]
    frame = pd.read_csv(io.StringIO(COUNCILS))
    valid = frame.groupby("territory_name", sort=False)["votes"].sum()
    assert len(problems) == len(CAST)
    for said, (place, cast) in zip(problems, CAST.items(), strict=True):
        assert f"about {cast:,} votes, not of the {valid[place]:,} valid votes" in said["message"]
        assert f"about {cast - valid[place]:,} blank or invalid ballots" in said["message"]
        assert said["column"] == "votes_pct"


def test_shares_off_by_different_ratios_are_still_said_per_row(tmp_path):
    text = COUNCILS.replace("600,60.0", "600,70.0")  # PS's share fits no base PPD/PSD's does
    problems = [p for p in _problems(write(tmp_path, text)) if p["code"] == "share-mismatch"]
    per_row = [p["line"] for p in problems if "differs from its votes" in p["message"]]
    once = [p["line"] for p in problems if "blank or invalid ballots" in p["message"]]
    assert (per_row, once) == ([2, 3], [4, 6])  # Vale Alto's rows; the others' races, once


@dataclass
class _Option:
    candidate: str
    votes: int
    share: float
    kind: str = "candidate"
    share_decimals: int | None = 2
    line: int = 0


@given(
    st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=10**5),
)
def test_the_implied_total_is_at_most_the_ballots_the_shares_were_rounded_from(votes, spoilt):
    cast = sum(votes) + spoilt
    options = [_Option(str(i), v, round(v / cast * 100, 2)) for i, v in enumerate(votes)]
    implied = implied_total(options, "valid")
    shared = sum(o.share > 0.005 for o in options)
    if shared < 2 and (len(options) > 1 or shared == 0):
        assert implied is None
        return
    assert implied is not None and implied <= cast
    # Every option's share, as published, is its votes over the implied total, rounded.
    assert all(abs(o.votes / implied * 100 - o.share) <= 0.005 + 1e-9 for o in options if o.share)
