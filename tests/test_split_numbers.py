"""Numbers as a hand-made CSV of Japan's local results writes them (Setagaya's council election of
2011, `order,elected,name,party,votes`): thousands separated by the delimiter, unquoted
(`1,true,…,自由民主党,9,617.756`), were told "6 cells but the header has 5; quote names that
contain the delimiter" — no name holds one; and, quoted, `"9,617.756"` was "not a number; write
digits only", where `9617.756` is "not a whole number": a count with a fraction (ballots divided
among candidates of one name, 按分票). Each message now says what the cells are. Names and
figures invented, the layout is the file's.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

ROWS = [
    (1, "true", "山田　はなこ", "みどり党", "9,617.756"),
    (2, "true", "川口　たろう", "無所属", "8,411"),
]
ROWS += [(3, "false", "森　一郎", "あおぞら党", "977")]


def problems(path, engine):
    result = invoke("validate", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    found = json.loads(result.stdout)["files"][0]["problems"]
    return [(p["line"], p["message"]) for p in found if p["severity"] == "error"]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_number_split_at_its_thousands_comma_is_named(tmp_path, engine):
    path = tmp_path / "candidate.csv"
    text = "order,elected,name,party,votes\n" + "".join(",".join(map(str, r)) + "\n" for r in ROWS)
    path.write_text(text, encoding="utf-8")
    found = dict(problems(path, engine))
    assert "'9', '617.756' look like one number, '9,617.756'" in found[2]
    assert 'quote such numbers ("9,617.756")' in found[2]
    assert "'8', '411' look like one number, '8,411'" in found[3]
    assert 4 not in found


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_grouped_count_with_a_fraction_is_no_whole_number(tmp_path, engine):
    path = tmp_path / "quoted.csv"
    text = "order,elected,name,party,votes\n" + "".join(
        ",".join(map(str, r[:4])) + f',"{r[4]}"\n' for r in ROWS
    )
    path.write_text(text, encoding="utf-8")
    found = dict(problems(path, engine))
    assert found[2].startswith("votes '9,617.756': not a whole number")
    assert "按分票" in found[2]
    assert set(found) == {2}


def test_a_fraction_that_is_no_grouped_count_is_not_told_of_japan(tmp_path):
    """A share in the votes cell (`0.2683`, Georgia's CEC upload) was told of Japan's divided
    ballots: only a grouped count with a fraction (`9,617.756`) is."""
    out = invoke("summary", str(write(tmp_path, "candidate,votes\nAnn,0.2683\nBob,0.7317\n")))
    assert out.code == 1 and "not a whole number" in out.stderr
    assert "按分票" not in out.stderr
