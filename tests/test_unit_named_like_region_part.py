"""Sweep 12: a precinct named like its county is no total when the county's own total row counts it.

OpenElections' North Dakota 2016 primary lists Rolette County's precincts (`Rolla #1`, `Rolette
#5`, …) and then its `TOTAL`. In the Libertarian U.S. House primary, `Rolette #5` held Jack Seaman
1 vote, as many as the county's other precincts together (Rolla #1: 1): read as the county's total
by its name, it was set aside, the candidate lost a vote (1,108 for 1,109) and the county's `TOTAL`
(2) was warned to differ from its parts. Where a county's own total row holds exactly its units'
sums with such a precinct among them, the precinct is a unit. A county's row named like it with
no total row beside it (New Hampshire's `COOS NH`) is still its total. Figures by pandas.
"""

import io

import pandas as pd

from conftest import engines_agree, write

HEADER = "county,precinct,office,party,candidate,votes"
ROLETTE = [
    "Rolette,Rolla #1,U.S. House,LIB,write-in,0",
    "Rolette,Rolla #1,U.S. House,LIB,Jack Seaman,1",
    "Rolette,Rolla #1,U.S. House,LIB,TOTALS,1",
    "Rolette,Dunseith #4,U.S. House,LIB,write-in,0",
    "Rolette,Dunseith #4,U.S. House,LIB,Jack Seaman,0",
    "Rolette,Rolette #5,U.S. House,LIB,write-in,0",
    "Rolette,Rolette #5,U.S. House,LIB,Jack Seaman,1",
    "Rolette,Rolette #5,U.S. House,LIB,TOTALS,1",
    "Rolette,TOTAL,U.S. House,LIB,write-in,0",
    "Rolette,TOTAL,U.S. House,LIB,Jack Seaman,2",
    "Rolette,TOTAL,U.S. House,LIB,TOTALS,2",
    "Cass,Fargo 1,U.S. House,LIB,write-in,2",
    "Cass,Fargo 1,U.S. House,LIB,Jack Seaman,300",
    "Cass,Fargo 2,U.S. House,LIB,write-in,0",
    "Cass,Fargo 2,U.S. House,LIB,Jack Seaman,4",
    "Cass,TOTAL,U.S. House,LIB,write-in,2",
    "Cass,TOTAL,U.S. House,LIB,Jack Seaman,304",
]


def oracle(text: str) -> dict[str, int]:
    """The votes by name over the precincts, the `TOTAL` rows left out, by pandas."""
    table = pd.read_csv(io.StringIO(text))
    parts = table[(table["precinct"] != "TOTAL") & (table["candidate"] != "TOTALS")]
    return {str(k): int(v) for k, v in parts.groupby("candidate")["votes"].sum().items()}


def test_a_precinct_its_county_total_counts_is_a_unit(monkeypatch, tmp_path):
    text = "\n".join([HEADER, *ROLETTE, ""])
    [election], problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=120)
    assert {o.candidate: o.votes for o in election.options} == oracle(text)
    assert not [p for p in problems if p.code == "total-mismatch"]
    assert not any("Rolette #5" in p.message for p in problems)


def test_a_county_row_named_like_it_without_a_total_row_is_still_its_total(monkeypatch, tmp_path):
    rows = [r for r in ROLETTE if ",TOTAL," not in r]
    rows += ["Rolette,ROLETTE ND,U.S. House,LIB,write-in,0"]
    rows += ["Rolette,ROLETTE ND,U.S. House,LIB,Jack Seaman,2"]
    rows = [r.replace("Rolette #5", "Belcourt #5") for r in rows]
    text = "\n".join([HEADER, *rows, ""])
    [election], problems = engines_agree(monkeypatch, write(tmp_path, text))
    parts = oracle(text.replace("ROLETTE ND", "TOTAL"))
    assert {o.candidate: o.votes for o in election.options} == parts
    assert any("ROLETTE ND" in p.message for p in problems)
