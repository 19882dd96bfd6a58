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


def kiesraad(towns: int = 6, twist: int = 0, twisted: tuple[int, ...] = (3,)) -> str:
    rows = [HEAD.rstrip("\n")]
    for t in range(towns):
        town = f"Gemeente {t:02d}"
        for party, names in (("VVD", ("Ann Ash", "Bob Bell")), ("D66", ("Cy Cole", "Dee Dunn"))):
            votes = [40 + 7 * t + 11 * k for k in range(len(names))]
            total = sum(votes) + (twist if t in twisted and party == "VVD" else 0)
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
def test_a_party_row_of_other_votes_in_every_town_stays_an_option(tmp_path, monkeypatch, twist):
    """A party row that holds its candidates' sum in no town is no total of them."""
    text = kiesraad(twist=twist, twisted=tuple(range(6)))
    [race], _ = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=200)
    votes = {o.candidate: o.votes for o in race.options}
    table = pd.read_csv(io.StringIO(text))
    assert votes["VVD"] == int(table[table["candidate"] == "VVD"]["votes"].sum())
    assert "D66" not in votes  # (D66's rows are still its total)


@pytest.mark.parametrize("twist", [1, -1, 500])
def test_a_list_total_off_its_candidates_in_one_town_is_still_set_aside(
    tmp_path, monkeypatch, twist
):
    """s15-review's `pt_off.csv`: the list's total a vote off its candidates' sum in one
    municipality, so not their sum over the race: the party row stayed an option, led the race
    with its list's votes counted twice, and nothing was said. A row that holds exactly the votes
    of two candidates of its party or more (100 at least) in one region is the list's total, there
    and in every region: set aside, and where it differs from its candidates a `total-mismatch`
    warning names the line and both figures (the candidates' votes are counted)."""
    text = kiesraad(twist=twist)
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=200)
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    table = pd.read_csv(io.StringIO(text))
    town = table[(table["region"] == "Gemeente 03") & (table["party"] == "VVD")]
    listed = int(town[town["candidate"] == "VVD"]["votes"].sum())
    theirs = int(town[town["candidate"] != "VVD"]["votes"].sum())
    (off,) = [p for p in problems if p.code == "total-mismatch"]
    assert off.severity == "warning" and off.line == 20  # (Gemeente 03's VVD row)
    assert f"{listed:,}" in off.message and f"{theirs:,}" in off.message
    assert "'Gemeente 03'" in off.message
    aside = [p for p in problems if p.code == "total-row" and "VVD" in p.message]
    assert len(aside) == 1 and "5 of its 6 regions" in aside[0].message


def test_a_list_total_off_in_one_of_two_towns(tmp_path, monkeypatch):
    """The review's two municipalities as written: A's list total holds its two candidates' 1,000
    votes, B's 501 their 500. Ann Ash leads, not the list; one warning names line 5."""
    text = HEAD + (
        "A,VVD,VVD,1000\nA,VVD,Ann Ash,600\nA,VVD,Bob Bell,400\n"
        "B,VVD,VVD,501\nB,VVD,Ann Ash,300\nB,VVD,Bob Bell,200\n"
        "A,D66,Cas Cool,900\nB,D66,Cas Cool,450\n"
    )
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    assert [p.line for p in problems if p.code == "total-mismatch"] == [5]
    result = invoke("summary", str(write(tmp_path, text, "pt_off.csv")), "--format", "json")
    assert result.code == 0 and '"candidate": "VVD"' not in result.stdout


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
