"""Ballots cast as the registered voters less the abstentions, where a table gives those two and
no column of ballots cast. France's Ministry of the Interior gives its 2005 referendum by commune
as `Registered;Abstentions;Null;Choice A;Choice B`: the answer was right, but "Turnout: not
computed (ballots cast not given)" and "not used: 'Abstentions'", though the turnout is 1 −
abstentions / registered (79.48 %). Oracle: pandas on the same text."""

import io
import json

import pandas as pd

from conftest import invoke, write

TEXT = """Department code;Department name;Town code;Town name;Registered;Abstentions;Null;Choice A;Choice B
1;NORTHSHIRE;1;Ambleford;592;84;9;154;345
1;NORTHSHIRE;2;Brackenby;215;36;5;66;108
2;SOUTHMARCH;1;Cowlick;1210;301;22;412;475
2;SOUTHMARCH;2;Dunmore;88;10;1;40;37
"""


def _summary(path) -> dict:
    done = invoke("summary", str(path), "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    return election


def test_turnout_is_registered_less_abstentions(tmp_path):
    election = _summary(write(tmp_path, TEXT, "fr_referendum.csv"))
    frame = pd.read_csv(io.StringIO(TEXT), sep=";")
    cast = int((frame["Registered"] - frame["Abstentions"]).sum())
    turnout = election["turnout"]
    assert turnout["ballots_cast"] == cast
    assert turnout["registered"] == int(frame["Registered"].sum())
    assert round(turnout["pct"], 2) == round(100 * cast / frame["Registered"].sum(), 2)
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes["Choice B"] == int(frame["Choice B"].sum())
    assert any("'Registered − Abstentions'" in n for n in election["notes"]), election["notes"]


def test_a_table_with_ballots_cast_keeps_its_own(tmp_path):
    text = TEXT.replace("Abstentions;", "Abstentions;Votants;", 1)
    lines = text.splitlines()
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells.insert(6, str(int(cells[4]) - int(cells[5]) + 1))  # (a figure of its own)
        rows.append(";".join(cells))
    election = _summary(write(tmp_path, "\n".join(rows) + "\n", "fr_referendum.csv"))
    frame = pd.read_csv(io.StringIO("\n".join(rows)), sep=";")
    assert election["turnout"]["ballots_cast"] == int(frame["Votants"].sum())
