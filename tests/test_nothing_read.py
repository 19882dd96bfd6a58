"""A file that gives no election gives an error, never an empty result that exits 0: South
Korea's NEC sheets of 2017 (`후보자별 득표수(득표율)`, each candidate's cell a count and its share,
`872,127\\n(38.71)`, beside protocol lines and the sum `계`), read with --wide, had every column
that counts set aside as a protocol line or a total and the candidates' columns left out as no
counts: `"elections": []`, no error, exit 0 (trial 21). Such a cell is read now (its count:
`test_count_with_share`); the sheet here writes the two as no count (`3,600 / 52.17`). Names and
figures invented, the layout is the sheet's."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import engines_agree
from pollcli.problems import Code
from sheets import write_xlsx

N = None
ROWS = [
    ["선거관리위원회 선거통계", N, N, N, N, N, N, N],
    ["개표현황", N, N, N, N, N, N, N],
    ["[대통령선거][가상시]", N, N, N, N, N, N, N],
    ["구시군명", "선거인수", "투표수", "후보자별 득표수(득표율)", N, N, "무효\n투표수", "기권수"],
    [N, N, N, "가나당\n김가람", "다라당\n이나래", "계", N, N],
    ["합계", "10,000", "7,000", "3,600 / 52.17", "3,300 / 47.83", "6,900", "100", "3,000"],
    ["동산구", "6,000", "4,000", "2,000 / 50.76", "1,940 / 49.24", "3,940", "60", "2,000"],
    ["서강구", "4,000", "3,000", "1,600 / 54.05", "1,360 / 45.95", "2,960", "40", "1,000"],
]


def test_a_sheet_that_gives_no_election_is_an_error(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "nec.xlsx", {"Sheet1": ROWS})
    elections, problems = engines_agree(monkeypatch, path, wide=True)
    assert elections == []
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == [Code.NO_ROWS]
    assert errors[0].message.startswith("no option's votes were read")


def test_the_cli_exits_1_and_says_so(tmp_path):
    path = write_xlsx(tmp_path / "nec.xlsx", {"Sheet1": ROWS})
    result = subprocess.run(
        [sys.executable, "-m", "pollcli", "summary", str(path), "--wide", "--format", "json"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "no option's votes were read" in result.stderr
