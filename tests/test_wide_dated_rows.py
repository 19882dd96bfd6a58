"""A wide table of elections, a row each, dated (bwbecker's cdnFedElectionData
`csv_other/all_elections.csv`: `election_id,election_date,Con_votes,…,Lib_votes,…`): once its
seat columns were set aside (`votes_words`), its 43 rows were added up as places of one election,
"Lib_votes leads with 37.61 %" from 1867 to 2019. Rows of two dates or more are elections: refused,
naming how to read each; one read with --where is that election's (checked by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import invoke

TABLE = (
    "election_id,election_date,Con_votes,Lib_votes,Oth_votes,Con_seats,Lib_seats,1st\n"
    "1,1867-08-07,93412,61866,91800,100,62,Con\n"
    "2,1872-07-20,124532,115495,76880,99,97,Con\n"
    "3,1874-01-22,100000,150000,20000,65,129,Lib\n"
)


def write(tmp_path: Path) -> Path:
    path = tmp_path / "all_elections.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_dated_rows_are_refused(tmp_path, engine):
    result = invoke("summary", str(write(tmp_path)), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == ""
    text = " ".join(result.stderr.split())
    assert "3 elections dated by 'election_date'" in text
    assert "--race-by election_date" in text and "leads" not in text


def test_one_election_read_with_where(tmp_path):
    result = invoke(
        "summary", str(write(tmp_path)), "--where", "election_date=1872-07-20", "-f", "json"
    )
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    # (Named without the votes word the three share: `Con_votes` → `Con`.)
    assert votes == {"Con": 124532, "Lib": 115495, "Oth": 76880}
    assert election["results"][0]["share"] == pytest.approx(100 * 124532 / 316907)
