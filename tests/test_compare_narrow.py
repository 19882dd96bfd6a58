"""compare on a narrow terminal: every share is printed whole beside its name. Below about 50
columns Rich squeezed the shares table's name column to nothing (`COLUMNS=40 pollcli compare
data/kz_2022_exit_poll_*.csv data/kz_2022.csv`: figures without names, the last cut to `82.45…`);
now the elections go into as many tables as fit, each with the names, as the summary's table gives
way (session 19). The figures' oracle is the JSON of the same comparison."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from conftest import DATA, invoke

SETS = [
    [*sorted(str(p) for p in DATA.glob("kz_2022_exit_poll_*.csv")), str(DATA / "kz_2022.csv")],
    [str(DATA / "kz_2019.csv"), str(DATA / "kz_2022.csv")],
    [str(DATA / "kz_2021_mazhilis.csv"), str(DATA / "kz_2023_mazhilis.csv")],
]


@pytest.mark.parametrize("width", [40, 60, 100, 160])
@pytest.mark.parametrize("files", SETS, ids=["polls", "two", "lists"])
def test_every_share_is_whole_beside_its_name(files, width) -> None:
    env = {"COLUMNS": str(width)}
    rows = json.loads(invoke("compare", *files, "--format", "json", env=env).stdout)["rows"]
    result = invoke("compare", *files, env=env)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert "…" not in result.stdout
    shares = result.stdout.split("Share of the vote")[1:]
    assert shares
    for row in rows:
        first = row["candidate"].split()[0]
        for share in row["shares"]:
            if share is None:
                continue
            shown = f"{share:.2f} %"
            # On a line of the shares tables, beside (on the line of) the name's first word.
            assert any(
                first in line and shown in line for part in shares for line in part.splitlines()
            ), (
                row["candidate"],
                shown,
            )


@pytest.mark.parametrize("width", [40, 50, 60, 80])
def test_the_polls_table_breaks_no_word(width) -> None:
    """`Kassym-Jomar` / `t Tokayev` in the largest miss at 40 columns: every word of the polls'
    names and of each largest miss's candidate (the JSON's) is whole on one line."""
    env = {"COLUMNS": str(width)}
    comparison = json.loads(invoke("compare", *SETS[0], "--format", "json", env=env).stdout)
    result = invoke("compare", *SETS[0], env=env)
    table = result.stdout.split("Polls against the official count")[1].split("error = poll")[0]
    words = {
        word
        for poll in comparison["poll_accuracy"]
        for text in (poll["election"], (poll.get("largest_miss") or {}).get("candidate", ""))
        for word in text.split()
    }
    assert words
    shown = set(table.split())
    assert not words - shown, words - shown
