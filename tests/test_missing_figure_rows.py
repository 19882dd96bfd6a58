"""A wide table's row of missing figures (R's `write.csv` writes `NA` for a count it lacks: a
constituency file of Pakistan's elections 1993-2013 has 23 such rows) is a place with no count,
left out with a note like a blank row, not a second header row: its `NA`s were taken for words
under the columns of counts ("pass --header-line 1-2", advice that, followed, would have read
the first place's row as labels). Names and figures invented; oracle: pandas, which reads `NA` as
missing."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

WIDE = """district,Anna Bell,Bo Carr,Cy Dunn,valid
North,NA,NA,NA,NA
South,110,205,31,346
East,12,219,330,561
West,-,-,-,-
Hill,40,41,42,123
Lake,7,8,9,24
"""


def _votes(text: str) -> dict[str, int]:
    """pandas: each option's votes, missing figures skipped."""
    frame = pd.read_csv(io.StringIO(text), na_values=["-"])
    return {c: int(frame[c].sum()) for c in ("Anna Bell", "Bo Carr", "Cy Dunn")}


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_wide_row_of_missing_figures_is_left_out_not_a_header_row(tmp_path, engine) -> None:
    path = write(tmp_path, WIDE, "constituencies.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    assert "--header-line" not in result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == _votes(WIDE)
    assert any("no figures for any option" in n and "lines 2, 5" in n for n in election["notes"])
