"""A race that names no winner and measures no lead names no runoff in JSON either: the findings
said no winner was named (an `elected` column marking another than the leader; Mexico's table of
coalitions' columns) while `majority.runoff` still named the leader and the runner-up, a pair a
script would read as the second round's. Figures invented; the runoff by hand."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

MARKED = "candidate,votes,elected\nAnn Ash,400,No\nBo Birch,350,Yes\nCy Coe,250,No\n"
PLAIN = "candidate,votes\nAnn Ash,400\nBo Birch,350\nCy Coe,250\n"


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize(("text", "runoff"), [(MARKED, None), (PLAIN, ["Ann Ash", "Bo Birch"])])
def test_no_runoff_where_no_winner_is_named(tmp_path, engine, text, runoff):
    done = invoke(
        "summary", str(write(tmp_path, text)), "-f", "json", env={"POLLCLI_ENGINE": engine}
    )
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert election["majority"]["runoff"] == runoff
    assert (election["margin"] is None) == (runoff is None)
