"""Counts of a precinct's ballots by their medium, as Utah's county exports list them above the
races with no office: `PAPER BALLOTS CAST-TOTAL`, `CARDS CAST-TOTAL`, `PAPER BALLOTS CAST-BLANK`,
`CARDS CAST-BLANK` beside `REGISTERED VOTERS-TOTAL` and `BALLOTS CAST-TOTAL`. The last two were read
as counts, the others as the candidates of an unnamed race: "(unnamed race): PAPER BALLOTS
CAST-TOTAL leads with 100 %" (Wayne 2022). They are counts of the unit that are no race's figure,
left out with a note, as `BALLOTS CAST-BLANK` was. Invented precincts and figures; both engines."""

import json

import pytest

from conftest import invoke, write

HEAD = "county,precinct,office,district,party,candidate,votes\n"


def _text() -> str:
    rows = []
    for name, registered, paper, ann, bo in (
        ("Alder", 180, 150, 90, 55),
        ("Birch", 300, 260, 100, 150),
    ):
        place = f"WAYNE,{name},,,"
        rows += [
            f"{place},REGISTERED VOTERS-TOTAL,{registered}",
            f"{place},BALLOTS CAST-TOTAL,{paper}",
            f"{place},PAPER BALLOTS CAST-TOTAL,{paper}",
            f"{place},CARDS CAST-TOTAL,0",
            f"{place},BALLOTS CAST-BLANK,0",
            f"{place},PAPER BALLOTS CAST-BLANK,0",
            f"{place},CARDS CAST-BLANK,0",
            f"WAYNE,{name},U.S. Senate,,REP,Ann Vole,{ann}",
            f"WAYNE,{name},U.S. Senate,,DEM,Bo Wren,{bo}",
            f"WAYNE,{name},County Sheriff,,REP,Cy Lark,{ann + bo - 5}",
        ]
    return HEAD + "\n".join(rows) + "\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_counts_by_the_ballots_medium_are_no_race(tmp_path, engine):
    path = write(tmp_path, _text())
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["election"] for e in data["elections"]] == ["U.S. Senate", "County Sheriff"]
    senate = data["elections"][0]
    assert {r["candidate"]: r["votes"] for r in senate["results"]} == {
        "Ann Vole": 190,
        "Bo Wren": 205,
    }
    assert senate["turnout"] == {
        "registered": 480,
        "ballots_cast": 410,
        "pct": pytest.approx(85.42, abs=0.01),
    }
    assert any(
        "'PAPER BALLOTS CAST-TOTAL'" in note and "left out" in note for note in senate["notes"]
    )
