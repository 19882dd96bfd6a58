"""Taiwan's Central Election Commission (db.cec.gov.tw, `候選人得票數一覽表` workbooks; trial 20): a
title row, then a header of two rows — `行政區別` (district), `村里別` (village), a group
`各組候選人得票情形` (votes of each pair of candidates) over the pairs' names, and the protocol's
lines written once down both rows, each with its letter and formula (`有效票數A A=1+2+...+N` valid,
`無效票數B` invalid, `投票數C C=A+B` cast, `已領未投票數 D`, `發出票數E`, `用餘票數F`, `選舉人數G`
electors, `投票率H` turnout %) — two empty rows, the whole (`總　計`), then each district's total
above its villages. pollcli refused it: it could not tell what the group held. Figures invented,
oracles by pandas on the village rows."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke
from pollcli.read.groups import role
from sheets import write_xlsx

PAIRS = ["(1)\n宋楚瑜\n余湘", "(2)\n韓國瑜\n張善政", "(3)\n蔡英文\n賴清德"]
LINES = [
    "有效票數A\nA=1+2+...+N",
    "無效票數B",
    "投票數C\nC=A+B",
    "已領未投票數\nD\nD=E-C",
    "發出票數E\nE=C+D",
    "用餘票數F",
    "選舉人數G\nG=E+F",
    "投票率H\nH=C÷G",
]
# district, village, the pairs' votes, invalid (B), taken but not cast (D), unused (F)
VILLAGES = [
    ("東區", "短竹里", (10, 100, 200), 3, 0, 50),
    ("東區", "蘭潭里", (20, 150, 120), 2, 1, 40),
    ("西區", "北湖里", (5, 80, 300), 4, 0, 70),
    ("西區", "下埤里", (7, 60, 90), 1, 0, 30),
]


def figures(votes, invalid, not_cast, unused) -> list[str]:
    valid = sum(votes)
    cast = valid + invalid
    issued = cast + not_cast
    electors = issued + unused
    counts = [*votes, valid, invalid, cast, not_cast, issued, unused, electors]
    return [f"{n:,}" for n in counts] + [f"{100 * cast / electors:.4f}"]


def total(rows) -> tuple:
    return (
        tuple(sum(r[2][i] for r in rows) for i in range(3)),
        *(sum(r[k] for r in rows) for k in (3, 4, 5)),
    )


def workbook(tmp_path):
    rows: list[list] = [
        ["第15任總統副總統選舉候選人在嘉義市各村(里)得票數一覽表", *[None] * 12],
        ["行政區別", "村里別", "各組候選人得票情形", None, None, *LINES],
        [None, None, *PAIRS, *[None] * 8],
        [None] * 13,
        [None] * 13,
        ["總\u3000計", None, *figures(*total(VILLAGES))],
    ]
    for district in ("東區", "西區"):
        mine = [v for v in VILLAGES if v[0] == district]
        rows.append([f"\u3000{district}", None, *figures(*total(mine))])
        rows += [[None, v[1], *figures(*v[2:])] for v in mine]
    return write_xlsx(tmp_path / "chiayi.xlsx", {"嘉義市": rows})


def test_a_cjk_group_of_candidates_holds_options():
    assert role("各組候選人得票情形") == "options"
    assert role("候选人得票") == "options"
    assert role("Polling Station") != "options"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_pairs_are_the_options_and_the_lines_facts(tmp_path, engine):
    path = workbook(tmp_path)
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    # The oracle: pandas over the villages' own figures, never the reader's cells.
    numbers = pd.DataFrame([figures(*v[2:]) for v in VILLAGES], columns=[*PAIRS, *LINES])
    numbers = numbers.apply(lambda c: c.str.replace(",", "").astype(float))
    got = {row["candidate"]: row["votes"] for row in election["results"]}
    assert got == {" ".join(p.split()): int(numbers[p].sum()) for p in PAIRS}
    assert sum(got.values()) == numbers[LINES[0]].sum()  # A: the valid votes
    assert election["leader"]["candidate"] == "(3) 蔡英文 賴清德"
    turnout = election["turnout"]
    assert turnout["registered"] == numbers[LINES[6]].sum()  # G
    assert turnout["ballots_cast"] == numbers[LINES[2]].sum()  # C
    assert turnout["pct"] == pytest.approx(100 * numbers[LINES[2]].sum() / numbers[LINES[6]].sum())
