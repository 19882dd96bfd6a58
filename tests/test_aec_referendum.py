"""The AEC's referendum tables by division (trial 27: the 1999 republic and 2023 Voice
referendums): `electorate,state,enrolment,yes_num,yes_per_cent,no_num,no_per_cent,informal_num,…`.
Main said "registered 'Banks' (the 'electorate' column): not a number" (in Australia an electorate
is a division: a place, when its cells are names), then "'yes_num' holds a numbering or code"
(`_num` after a word is "the number of"), and read `yes_per_cent` as votes: nothing the user tried
got through, while the national table (`no_num` beside `informal`) read `no_num` as votes.

Now the divisions name the rows, `*_per_cent` are shares, and `yes_num`, `no_num`,
`informal_num` are the votes of Yes, No and the informal ballots, as in the national table. The
files are written here in that layout with invented figures; the expected figures are pandas'.
"""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read.fact_options import held

# Division, state, enrolment, yes, no, informal.
DIVISIONS = [
    ("Avalon", "NSW", 90000, 30000, 50000, 1200),
    ("Beacon", "NSW", 95000, 41000, 40000, 900),
    ("Coral", "QLD", 88000, 25000, 55000, 1500),
    ("Dunmore", "QLD", 91000, 33000, 47000, 1100),
]


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}"


def voice_text() -> str:
    lines = [
        "electorate,state,enrolment,yes_num,yes_per_cent,no_num,no_per_cent,informal_num,"
        "informal_per_cent,total_num"
    ]
    for name, state, enrolled, yes, no, informal in DIVISIONS:
        formal, total = yes + no, yes + no + informal
        lines.append(
            f"{name},{state},{enrolled},{yes},{_pct(yes, formal)},{no},{_pct(no, formal)},"
            f"{informal},{_pct(informal, total)},{total}"
        )
    return "\n".join(lines) + "\n"


def republic_text() -> str:
    lines = [
        "electorate,state,result,enrolment,yes_num,yes_per_cent,no_num,no_per_cent,formal_num,"
        "formal_per_cent,informal_num,informal_per_cent,total_num,total_per_cent"
    ]
    for name, state, enrolled, yes, no, informal in DIVISIONS:
        formal, total = yes + no, yes + no + informal
        lines.append(
            f"{name},{state},{'Yes' if yes > no else 'No'},{enrolled},{yes},{_pct(yes, formal)},"
            f"{no},{_pct(no, formal)},{formal},{_pct(formal, total)},{informal},"
            f"{_pct(informal, total)},{total},{_pct(total, enrolled)}"
        )
    return "\n".join(lines) + "\n"


def national_text() -> str:
    lines = ["state,yes_num,yes_per_cent,no_num,no_per_cent,informal"]
    for state in ("NSW", "QLD"):
        rows = [d for d in DIVISIONS if d[1] == state]
        yes, no = sum(d[3] for d in rows), sum(d[4] for d in rows)
        informal = sum(d[5] for d in rows)
        lines.append(f"{state},{yes},{_pct(yes, yes + no)},{no},{_pct(no, yes + no)},{informal}")
    return "\n".join(lines) + "\n"


def _read(monkeypatch, path, **options) -> tuple[dict[str, int], dict[str, str], list[str]]:
    elections, problems = engines_agree(monkeypatch, path, **options)
    errors = [p.message for p in problems if p.severity == "error"]
    (race,) = elections
    return (
        {o.candidate: o.votes for o in race.options},
        {o.candidate: o.kind for o in race.options},
        errors,
    )


def test_a_division_table_reads_yes_and_no(tmp_path, monkeypatch):
    path = write(tmp_path, voice_text(), name="voice_electorate_results.csv")
    votes, kinds, errors = _read(monkeypatch, path)
    assert errors == []
    frame = pd.read_csv(path)
    assert votes == {
        "yes": int(frame["yes_num"].sum()),
        "no": int(frame["no_num"].sum()),
        "informal": int(frame["informal_num"].sum()),
    }
    assert kinds["informal"] == "invalid" and kinds["yes"] == kinds["no"] == "candidate"


def test_the_national_table_reads_as_the_divisions_do(tmp_path, monkeypatch):
    path = write(tmp_path, national_text(), name="voice_national_results.csv")
    votes, _, errors = _read(monkeypatch, path)
    assert errors == []
    divisions = pd.read_csv(write(tmp_path, voice_text(), name="divisions.csv"))
    assert votes == {
        "yes": int(divisions["yes_num"].sum()),
        "no": int(divisions["no_num"].sum()),
        "informal": int(divisions["informal_num"].sum()),
    }


def test_the_formal_votes_are_the_valid_ones(tmp_path, monkeypatch):
    """`formal_num` is Yes and No added up (the valid votes): no option ("formal leads with
    50.00 %" in four divisions, too few for its figures alone to tell a total)."""
    path = write(tmp_path, republic_text(), name="republic_electorate_results.csv")
    votes, kinds, errors = _read(monkeypatch, path)
    assert errors == []
    frame = pd.read_csv(path)
    candidates = {name: n for name, n in votes.items() if kinds[name] == "candidate"}
    assert candidates == {"yes": int(frame["yes_num"].sum()), "no": int(frame["no_num"].sum())}
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["leader"]["candidate"] == "no"


def test_num_after_a_word_is_a_count_not_a_code():
    assert held("yes_num") is None
    assert held("no_num") is None
    assert held("num") == "a numbering or code"
    assert held("const. no.") == "a numbering or code"
