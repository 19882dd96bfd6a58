"""A cell of a count with its share beside it is read as the count: South Korea's NEC sheets of
1997–2017 (`후보자별 득표수(득표율)`, each candidate's cell `872,127\\n(38.71)`) were refused
("no candidate column", and with --wide "no option's votes were read"), and Malaysia's results by
seat (`"43.5% (24,060)"`, the share first, the count in brackets) "not a number" in every row.
A cell whose two parts are both whole numbers (`12 (345)`) still says it is no number: which is
the count cannot be told. Names and figures invented, the layouts are the publishers'; the oracle
is the counts as written (the shares beside them are their rounded shares).
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke
from pollcli.numbers import NumberError, parse_votes
from sheets import write_xlsx

N = None
ROWS = [
    ["선거관리위원회 선거통계", N, N, N, N, N, N, N],
    ["개표현황", N, N, N, N, N, N, N],
    ["[대통령선거][가상시]", N, N, N, N, N, N, N],
    ["구시군명", "선거인수", "투표수", "후보자별 득표수(득표율)", N, N, "무효\n투표수", "기권수"],
    [N, N, N, "가나당\n김가람", "다라당\n이나래", "계", N, N],
    ["합계", "10,000", "7,000", "3,600\n(52.17)", "3,300\n(47.83)", "6,900", "100", "3,000"],
    ["동산구", "6,000", "4,000", "2,000\n(50.76)", "1,940\n(49.24)", "3,940", "60", "2,000"],
    ["서강구", "4,000", "3,000", "1,600\n(54.05)", "1,360\n(45.95)", "2,960", "40", "1,000"],
]


def test_an_nec_sheet_of_counts_with_shares_is_read(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "nec.xlsx", {"Sheet1": ROWS})
    elections, problems = engines_agree(monkeypatch, path)
    assert [p.message for p in problems if p.severity == "error"] == []
    assert [p.message for p in problems if p.code == "total-mismatch"] == []
    (election,) = elections
    # The places' counts by hand (the `합계` row is their total, set aside).
    assert {o.candidate: o.votes for o in election.options} == {
        "가나당 김가람": 2_000 + 1_600,
        "다라당 이나래": 1_940 + 1_360,
    }
    assert election.facts.registered == 10_000
    assert election.facts.invalid == 100
    assert any("'3,600 (52.17)' on line 6" in n for n in election.notes), election.notes


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_share_with_its_count_in_brackets_is_read(tmp_path, engine):
    rows = [
        ("Aminah Rahim (PA)", "48.0% (12,000)", "P201"),
        ("Bala Subra (PB)", "40.0% (10,000)", "P201"),
        ("Chong Mei (PC)", "12.0% (3,000)", "P201"),
    ]
    path = tmp_path / "seat.csv"
    path.write_text(
        ",name,votes,panel_code\n"
        + "".join(f'{i},{n},"{v}",{c}\n' for i, (n, v, c) in enumerate(rows)),
        encoding="utf-8",
    )
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Aminah Rahim (PA)": 12_000,
        "Bala Subra (PB)": 10_000,
        "Chong Mei (PC)": 3_000,
    }


@pytest.mark.parametrize(
    ("cell", "count"),
    [
        ("872,127\n(38.71)", 872_127),
        ("9,918 (34.78)", 9_918),
        ("43.5% (24,060)", 24_060),
        ("100.0% (5)", 5),
        ("1,234 (7.2%)", 1_234),
    ],
)
def test_the_count_of_a_paired_cell(cell, count):
    assert parse_votes(cell, ".", decimal_given=False) == count


# `120 (12)`, `100 (3)`: a whole number in brackets may be a footnote's mark (review), no share.
@pytest.mark.parametrize(
    "cell", ["12 (345)", "45.6 (1,234)", "(1,234)", "1,234 (150.5)", "120 (12)", "100 (3)"]
)
def test_a_cell_whose_count_cannot_be_told_is_no_number(cell):
    with pytest.raises(NumberError):
        parse_votes(cell, ".", decimal_given=False)


# Malaysia's results by seat (`43.5% (24,060)`): the share beside the count was dropped, so a share
# that is not the count's share (a count of something else, a row left out) went unseen. In a long
# table with no share column, it is the published share, checked against the votes. Oracle: the
# counts' shares by hand (12,000 of 25,000 is 48.0 %, not 43.5 %).
@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("first", "last", "mismatched"),
    [("48.0", "12.0", []), ("43.5", "16.5", ["Aminah Rahim (PA)", "Chong Mei (PC)"])],
    ids=["agree", "disagree"],
)
def test_the_share_beside_a_count_is_checked(tmp_path, engine, first, last, mismatched):
    rows = [
        ("Aminah Rahim (PA)", f"{first}% (12,000)"),
        ("Bala Subra (PB)", "40.0% (10,000)"),
        ("Chong Mei (PC)", f"{last}% (3,000)"),
    ]
    path = tmp_path / "seat.csv"
    path.write_text("name,votes\n" + "".join(f'{n},"{v}"\n' for n, v in rows), encoding="utf-8")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    shares = {r["candidate"]: r["share"] for r in election["results"]}
    assert shares == {rows[0][0]: float(first), rows[1][0]: 40.0, rows[2][0]: float(last)}
    flagged = [w for w in election["warnings"] if "published share" in w]
    assert [name for name, _ in rows if any(f"'{name}'" in w for w in flagged)] == mismatched
    assert ("agree with the votes" in " ".join(election["notes"])) == (not mismatched)
