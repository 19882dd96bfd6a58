"""A file that marks who was elected (Setagaya's mayoral race, 2011, as codeforsetagaya/api
publishes it: `order,elected,name,party,votes`, the winner with 30.7 %) was summarized "Majority:
no — … a runoff would be between A and B under a two-round system, assumed here as no system is
given", and JSON `majority.runoff` named the pair: a runoff against the file, which says the
race is decided. The marks, being the top N by votes, now say the race was won by the most votes
(first past the post): no runoff named. Names and figures invented; oracle: the marks."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

MAYOR = """order,elected,name,party,votes
1,true,Aoki Jun,Independent,8398
2,false,Baba Ken,Independent,7844
3,false,Chiba Rin,Independent,6034
4,false,Doi Mei,Independent,4083
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_winner_marked_without_a_majority_has_no_runoff(tmp_path, engine) -> None:
    path = write(tmp_path, MAYOR, "mayor.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    assert race["leader"]["candidate"] == "Aoki Jun"
    assert race["majority"]["reached"] is False
    assert race["majority"]["runoff"] is None
    text = invoke("summary", str(path), env=env).stdout
    assert "runoff" not in text.lower()
    assert "First past the post: Aoki Jun wins" in " ".join(text.split())


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_file_with_no_marks_still_assumes_nothing_new(tmp_path, engine) -> None:
    """The same race, nobody marked: the two-round assumption as before, said to be one."""
    path = write(tmp_path, MAYOR.replace("true", "false"), "mayor.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    assert race["majority"]["runoff"] == ["Aoki Jun", "Baba Ken"]
