"""An STV count sheet: each candidate listed again at every count (session 15's trial).

A single transferable vote is counted in stages; a count sheet (Edinburgh 2012's Almond ward, the
Northern Ireland Assembly's 2016 Belfast East) lists every candidate once a count, with the first
preferences on every row, the transfers and the running total. Read as one race, each candidate
is listed again: refused, rightly. The advice had offered `--unit COL` "if each row counts a
polling station", and `--unit Count_Number` added the counts up (7 counts: 7 × the first
preferences). Where an unused column numbers the counts, the advice names it and the first
count; followed, it reads the first preferences (oracle: pandas, the first count's rows).
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import invoke, write

HEADER = "Candidate_First_Pref_Votes,Status,Surname,Firstname,Party_Name,Count_Number,Transfers,Total_Votes\n"
FIRST = {("WORK", "Kevin"): 2722, ("PATERSON", "Lindsay"): 2194, ("SHIELDS", "Fraser"): 1329}


def _sheet() -> str:
    rows = []
    for count in (1, 2, 3):
        for (surname, first), votes in FIRST.items():
            transfers = 0 if count == 1 else 40 * count
            total = votes + sum(40 * c for c in range(2, count + 1))
            rows.append(f"{votes},,{surname},{first},Party {surname},{count},{transfers},{total}\n")
    return HEADER + "".join(rows)


def test_the_advice_names_the_first_count_and_it_works(tmp_path) -> None:
    path = write(tmp_path, _sheet(), "almond.csv")
    refused = invoke("summary", str(path), "--votes", "Candidate_First_Pref_Votes")
    assert refused.code == 1
    # (One error for the sheet, session 26: no longer a "listed again" per candidate and count.)
    assert "numbers the counts of a transferable vote" in refused.stderr
    assert "--where Count_Number=1" in refused.stderr
    assert "--unit" not in refused.stderr  # (which added the counts up)
    read = invoke(
        "summary",
        str(path),
        "--votes",
        "Candidate_First_Pref_Votes",
        "--where",
        "Count_Number=1",
        "--format",
        "json",
    )
    assert read.code == 0, read.stderr
    (race,) = json.loads(read.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(_sheet()))
    first = frame[frame.Count_Number == 1]
    expected = {
        f"{r.Firstname} {r.Surname}": r.Candidate_First_Pref_Votes for r in first.itertuples()
    }
    assert {r["candidate"]: r["votes"] for r in race["results"]} == expected


def test_rows_of_no_count_column_keep_the_unit_advice(tmp_path) -> None:
    text = _sheet().replace("Count_Number", "Booth")
    path = write(tmp_path, text, "booths.csv")
    refused = invoke("summary", str(path), "--votes", "Candidate_First_Pref_Votes")
    assert refused.code == 1
    assert "--unit COL" in refused.stderr and "--where" not in refused.stderr
