"""A row named as its party that holds exactly its candidates' votes is the list's total (session 14).

The Kiesraad lists each party's list votes on a row named as the party, above its candidates'
preference votes, per municipality. Read as an option, the total was counted beside its parts:
`summary` named the party row the leader with every vote of the list counted twice (a warning said
so). It is set aside with a `total-row` warning where it holds exactly the votes of two or more
other candidates of its party (100 votes at least); one candidate's votes, a sum that differs, or a
few votes stay options. Both engines; the figures by pandas.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEAD = "region,party,candidate,votes\n"


def kiesraad(towns: int = 6, twist: int = 0) -> str:
    rows = [HEAD.rstrip("\n")]
    for t in range(towns):
        town = f"Gemeente {t:02d}"
        for party, names in (("VVD", ("Ann Ash", "Bob Bell")), ("D66", ("Cy Cole", "Dee Dunn"))):
            votes = [40 + 7 * t + 11 * k for k in range(len(names))]
            total = sum(votes) + (twist if t == 3 and party == "VVD" else 0)
            rows.append(f"{town},{party},{party},{total}")
            rows += [f"{town},{party},{n},{v}" for n, v in zip(names, votes, strict=True)]
    return "\n".join(rows) + "\n"


def _oracle(text: str) -> dict[str, int]:
    table = pd.read_csv(io.StringIO(text))
    candidates = table[table["candidate"] != table["party"]]
    return {str(k): int(v) for k, v in candidates.groupby("candidate")["votes"].sum().items()}


def test_the_lists_totals_are_set_aside(tmp_path, monkeypatch):
    text = kiesraad()
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=200)
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    warnings = [p for p in problems if p.code == "total-row"]
    assert [(w.line, "set aside" in w.message) for w in warnings] == [(2, True), (5, True)]
    assert "(6 rows: lines 2, 8, 14, 20, 26 …)" in warnings[0].message


@pytest.mark.parametrize("twist", [1, -1])
def test_a_party_row_of_other_votes_stays_an_option(tmp_path, monkeypatch, twist):
    """A party row that does not hold its candidates' sum exactly is no total of them."""
    text = kiesraad(twist=twist)
    [race], _ = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=200)
    votes = {o.candidate: o.votes for o in race.options}
    table = pd.read_csv(io.StringIO(text))
    assert votes["VVD"] == int(table[table["candidate"] == "VVD"]["votes"].sum())
    assert "D66" not in votes  # (D66's rows are still its total)


def test_one_candidates_votes_or_a_few_are_no_total(tmp_path, monkeypatch):
    """A party's line beside a lone candidate of it may hold as many votes: warned, counted."""
    text = HEAD + "G,VVD,VVD,600\nG,VVD,Ann Ash,600\nG,D66,D66,50\nG,D66,Cy Cole,20\nG,D66,Dee,30\n"
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate for o in race.options} == {"VVD", "Ann Ash", "D66", "Cy Cole", "Dee"}
    assert [p.line for p in problems if p.code == "total-row"] == [2, 4]  # warned (`checks`)


def test_summary_names_a_candidate_not_the_list(tmp_path):
    result = invoke("summary", str(write(tmp_path, kiesraad())), "--format", "json")
    assert result.code == 0, result.stderr
    assert '"candidate": "VVD"' not in result.stdout
