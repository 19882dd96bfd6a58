"""A wide table's total column named with the year or round it counts (`total_2008` beside
`dem_2008`, `gop_2008`, `oth_2008`: a county-level table of presidential results, as
tonmcg/US_County_Level_Election_Results_08-20 publishes them) is each row's total, never an option
(trial 13). Main read it as a subtotal of the options sharing its "2008": set aside where it equals
their sum, but counted as an option where it differs, so that it ranked among the parties and, in
a small file, led ("total_2008 leads with 37.17 %").

The files are written here in that layout with invented figures; the expected figures are pandas'
sums of the party columns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import ReadOptions

HEADER = "fips_code,county,total_{y},dem_{y},gop_{y},oth_{y}"
# (fips, county, dem, gop, oth, what the total adds to the sum): Bravo's total is off by 5.
ROWS = [
    ("01001", "Alpha County", 50, 40, 10, 0),
    ("01003", "Bravo County", 100, 100, 5, 5),
    ("01005", "Charlie County", 20, 20, 10, 0),
]


def county_text(years: tuple[int, ...] = (2008,)) -> str:
    header = ",".join(["fips_code,county"] + [HEADER.format(y=y).split(",", 2)[2] for y in years])
    lines = [header]
    for fips, county, dem, gop, oth, off in ROWS:
        cells = [fips, county]
        for n, _ in enumerate(years):
            d, g, o = dem + n, gop, oth
            cells += [str(d + g + o + off), str(d), str(g), str(o)]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def oracle(path: Path, year: int) -> dict[str, int]:
    frame = pd.read_csv(path, dtype={"fips_code": str})
    return {f"{p}_{year}": int(frame[f"{p}_{year}"].sum()) for p in ("dem", "gop", "oth")}


def test_a_total_column_named_with_its_year_is_no_option(tmp_path, monkeypatch):
    path = write(tmp_path, county_text())
    elections, problems = engines_agree(monkeypatch, path)
    votes = {o.candidate: o.votes for o in elections[0].options}
    assert votes == oracle(path, 2008)
    assert elections[0].options[0].candidate == "dem_2008"
    # The one row whose total differs is said so, as a total, not as a subtotal counted.
    messages = [p.message for p in problems]
    assert any("differs from the sum of its parts" in m for m in messages)
    assert not any("named as a subtotal" in m for m in messages)


@pytest.mark.parametrize("keep", [2008, 2012])
def test_the_race_split_advice_reads_one_year_right(tmp_path, monkeypatch, keep):
    """The advice of the race-split error (leave out the other years' columns) gives that year's
    party sums, its total column set aside."""
    path = write(tmp_path, county_text((2008, 2012)))
    other = 2012 if keep == 2008 else 2008
    ignored = tuple(f"{p}_{other}" for p in ("total", "dem", "gop", "oth"))
    elections, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(ignore_columns=ignored)
    )
    votes = {o.candidate: o.votes for o in elections[0].options}
    assert votes == oracle(path, keep)
