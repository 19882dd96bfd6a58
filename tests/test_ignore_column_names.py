"""`--ignore-column` as pollcli's advice gives it, and as a user types it.

A new user's trial (session 25): Pakistan's 2018 constituency table (`validated_votes`, `win_votes`,
`second_votes`…) was refused with "give --ignore-column validated" — the option's name with the
votes word taken off, which --ignore-column did not know, so the same error came again. And
`--ignore-column nosuchcol` was accepted without a word. The files here are invented.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from conftest import DATA, invoke, write
from pollcli.read import engines

ENGINES = ("exact", "stream")


def alliance_table(tmp_path: Path) -> Path:
    """A party left of an alliance's column that holds the sum of the two parties right of it,
    every header ending in the votes word (`Xparty_votes`…), as Peru's `VOTOS_P1` do."""
    rows = ["region,Xparty_votes,Alliance_votes,Yparty_votes,Zparty_votes"]
    for i in range(12):
        x, y, z = 300 + 37 * i, 200 + 53 * i % 400, 150 + 71 * i % 500
        rows.append(f"R{i},{x},{y + z},{y},{z}")
    return write(tmp_path, "\n".join(rows) + "\n")


def test_the_total_column_advice_names_the_headers_as_written(tmp_path):
    path = alliance_table(tmp_path)
    result = invoke("summary", str(path))
    assert result.code == 1
    (message,) = [line for line in result.stderr.splitlines() if "is the sum of" in line]
    assert "'Alliance_votes' is the sum of 'Yparty_votes', 'Zparty_votes'" in message
    given = re.findall(r"--ignore-column (\S+?)[;,]? ", message + " ")
    assert given == ["Yparty_votes,Zparty_votes", "Alliance_votes"]
    header = path.read_text().splitlines()[0].split(",")
    for advice in given:
        names = shlex.split(advice)[0].split(",")
        assert set(names) <= set(header)
        followed = invoke("summary", str(path), "--ignore-column", advice, "--format", "json")
        # Followed, the advice is taken: no such error again, and no column named in vain.
        assert "is the sum of" not in followed.stderr
        assert "no such column" not in followed.stderr
        assert followed.code == 0, followed.stderr
        options = {r["candidate"] for r in json.loads(followed.stdout)["elections"][0]["results"]}
        assert not options & {n.removesuffix("_votes") for n in names}


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unknown_ignore_column_is_said(engine):
    result = invoke(
        "summary", str(DATA / "kz_2022.csv"), "--ignore-column", "nosuchcol",
        env={engines.ENGINE_ENV: engine},
    )  # fmt: skip
    assert result.code == 0
    (warning,) = [line for line in result.stderr.splitlines() if "nosuchcol" in line]
    assert "kz_2022.csv" in warning and "no such column" in warning
    assert "'candidate', 'party', 'kind', 'votes', 'share'" in warning


@pytest.mark.parametrize("engine", ENGINES)
def test_a_known_ignore_column_is_not_warned_of(engine):
    # Case and spacing aside, as --ignore-column matches.
    result = invoke(
        "summary", str(DATA / "kz_2022.csv"), "--ignore-column", "SHARE",
        env={engines.ENGINE_ENV: engine},
    )  # fmt: skip
    assert result.code == 0
    assert "no such column" not in result.stderr


def test_one_option_for_files_of_different_headers(tmp_path):
    # A column of one file only: the other file says it has none, and both are read.
    first = write(tmp_path, "candidate,votes,note\nAnn,10,x\nBob,7,y\n", "first.csv")
    second = write(tmp_path, "candidate,votes\nAnn,3\nBob,5\n", "second.csv")
    result = invoke(
        "validate", str(first), str(second), "--ignore-column", "note", "--format", "json"
    )
    assert result.code == 0, result.stderr
    files = {Path(f["file"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["first.csv"]["problems"] == []
    (warning,) = files["second.csv"]["problems"]
    assert (warning["code"], warning["severity"], warning["column"]) == (
        "unknown-column", "warning", "note"
    )  # fmt: skip
    assert "its columns are 'candidate', 'votes'" in warning["message"]


def test_an_unknown_ignore_column_in_a_wide_table(tmp_path):
    path = write(tmp_path, "town,Ann,Bob\nA,10,7\nB,5,1\n")
    result = invoke("summary", str(path), "--ignore-column", "Anne", "--format", "json")
    assert result.code == 0
    assert "--ignore-column 'Anne': the file has no such column" in result.stderr
    assert "its columns are 'town', 'Ann', 'Bob'" in result.stderr
