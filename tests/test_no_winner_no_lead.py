"""A race that names no winner shows no lead, no margin and is never CLOSE (session 17 left it):
the AEC's first preferences (a division whose leader has no majority: the distribution of
preferences decides it) and a race whose options counted together ("Other") outpoll the leader
still had their gap to the runner-up in the overview's Lead columns, a CLOSE tag, a place in the
"Close:" line and among the `closest`, and a "margin" in the findings. A tie, a runoff to come and
a party-list vote keep theirs: their leader leads (a runoff's first round is the news).

Names and figures invented; oracle: pandas (each race's top two and their gap, by hand)."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from conftest import invoke, write

# House 1: won, close (5 votes of 995). House 2: three DEM candidates, no seats given (no winner).
# House 3: "Other" has more votes than the leader, who is 1 vote ahead of the runner-up.
# House 4: won by 300.
MIXED = """office,district,candidate,party,votes
House,1,Ann Lee,DEM,500
House,1,Bo Diaz,REP,495
House,2,Cy Fox,DEM,300
House,2,Di Gray,DEM,298
House,2,Em Hale,DEM,200
House,2,Fe Ibsen,REP,100
House,3,Gus Jay,DEM,400
House,3,Hal Kim,REP,399
House,3,Other,,900
House,4,Ida Low,DEM,600
House,4,Jo Moss,REP,300
"""

TITLE = (
    "2019 Federal Election House of Representatives First Preferences By Candidate By Vote Type\n"
)
HEAD = "DivisionNm,Surname,GivenNm,PartyNm,TotalVotes\n"
# Aston: a majority of first preferences (won). Bass: 2.11 points ahead, no majority. Dunkley:
# 50 votes ahead of 9,950 formal, no majority (would be CLOSE were a winner named). Eden: won.
PREFS = [
    ("Aston", "LEE", "Ann", "Liberal", 5200),
    ("Aston", "DIAZ", "Bo", "Labor", 3100),
    ("Aston", "FOX", "Cy", "Greens", 1600),
    ("Bass", "GRAY", "Di", "Liberal", 4100),
    ("Bass", "HALE", "Em", "Labor", 3900),
    ("Bass", "IBSEN", "Fe", "Greens", 1500),
    ("Dunkley", "MOSS", "Jo", "Liberal", 4000),
    ("Dunkley", "NASH", "Ky", "Labor", 3950),
    ("Dunkley", "ORR", "Lu", "Greens", 2000),
    ("Eden", "PAGE", "Mo", "Labor", 7000),
    ("Eden", "QUAY", "Ned", "Liberal", 3000),
]
PREFS_TEXT = TITLE + HEAD + "".join(f"{d},{s},{g},{p},{v}\n" for d, s, g, p, v in PREFS)


def _gaps(text: str, race: list[str], skip: int = 0) -> dict[str, tuple[float, int]]:
    """pandas: each race's gap between its two strongest candidates, in points and votes."""
    frame = pd.read_csv(io.StringIO(text), skiprows=skip, dtype=str, keep_default_na=False)
    frame["n"] = frame[frame.columns[-1]].astype(int)
    out = {}
    for key, rows in frame.groupby(race):
        top = rows.sort_values("n", ascending=False)["n"].tolist()
        name = " · ".join(key) if isinstance(key, tuple) else str(key)
        out[name] = (100 * (top[0] - top[1]) / rows["n"].sum(), top[0] - top[1])
    return out


def _summary(path, *extra: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *extra)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_others_ahead_race_has_no_lead_and_is_not_close(tmp_path) -> None:
    path = write(tmp_path, MIXED, "house.csv")
    gaps = _gaps(MIXED, ["office", "district"])
    # The oracle (by hand: House 3's candidates are 1 vote apart, "Other" ahead of both).
    assert gaps["House · 1"][1] == 5
    data = _summary(path)
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert lines["House · 3"]["won"] is False
    assert lines["House · 3"]["margin"] is None
    assert "close" not in lines["House · 3"]["tags"]
    assert lines["House · 1"]["tags"] == ["close"]
    assert lines["House · 1"]["margin"]["votes"] == gaps["House · 1"][1]
    assert abs(lines["House · 1"]["margin"]["pp"] - gaps["House · 1"][0]) < 1e-9
    assert data["overview"]["closest"] == ["House · 1", "House · 4"]
    close = [n for n in data["overview"]["notes"] if n.startswith("Close:")]
    assert close == ["Close: House · 1 (0.50 points, 5 votes)."]
    elections = {e["election"]: e for e in data["elections"]}
    assert elections["House · 3"]["margin"] is None
    assert elections["House · 3"]["leader"]["candidate"] == "Gus Jay"  # most votes (SPEC)
    assert elections["House · 3"]["runner_up"]["candidate"] == "Hal Kim"
    assert not any("margin" in n for n in elections["House · 3"]["notes"])

    table = invoke("summary", str(path), env={"COLUMNS": "100"})
    row = next(line for line in table.stdout.splitlines() if line.startswith(" House · 3"))
    assert "CLOSE" not in row and " 0.06 " not in row and row.count("—") == 2, row
    markdown = invoke("summary", str(path), "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if line.startswith("| House · 3 "))
    assert "CLOSE" not in row and "0.06" not in row, row
    assert "Close: House · 1 (0.50 points, 5 votes)." in markdown
    rows = list(csv.DictReader(io.StringIO(invoke("summary", str(path), "--overview",
                                                  "--format", "csv").stdout)))  # fmt: skip
    third = next(r for r in rows if r["race"] == "House · 3")
    assert (third["margin_pp"], third["margin_votes"], third["tags"]) == ("", "", "")


def test_first_preferences_without_a_majority_have_no_lead(tmp_path) -> None:
    path = write(tmp_path, PREFS_TEXT, "house-first-prefs.csv")
    gaps = _gaps(PREFS_TEXT, ["DivisionNm"], skip=1)
    data = _summary(path)
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert {r for r, line in lines.items() if line["won"]} == {"Aston", "Eden"}
    for race in ("Bass", "Dunkley"):
        assert lines[race]["margin"] is None and lines[race]["tags"] == [], lines[race]
    assert abs(lines["Aston"]["margin"]["pp"] - gaps["Aston"][0]) < 1e-9
    assert lines["Aston"]["margin"]["votes"] == gaps["Aston"][1] == 2100
    assert data["overview"]["closest"] == ["Aston", "Eden"]
    assert not any(n.startswith("Close:") for n in data["overview"]["notes"])
    bass = next(e for e in data["elections"] if e["election"] == "Bass")
    assert bass["margin"] is None
    assert "Runner-up: Em HALE (Labor) with 41.05 % (3,900 votes)." in bass["notes"]

    table = invoke("summary", str(path), env={"COLUMNS": "100"}).stdout
    assert "CLOSE" not in table and "Close:" not in table
    dunkley = next(line for line in table.splitlines() if line.startswith(" Dunkley"))
    assert " 0.50 " not in dunkley and dunkley.count("—") == 2, dunkley
    aston = next(line for line in table.splitlines() if line.startswith(" Aston"))
    assert "21.21" in aston and "2,100" in aston


def test_a_runoff_and_a_tie_keep_their_lead(tmp_path) -> None:
    text = MIXED.replace("House,3,Other,,900\n", "House,3,Lu Orr,IND,390\n")
    path = write(tmp_path, text, "house.csv")
    data = _summary(path, "--system", "majority")
    lines = {line["race"]: line for line in data["overview"]["races"]}
    # House 3: a runoff to come (Gus Jay 33.6 %), 1 vote ahead of Hal Kim: CLOSE, and said so.
    assert lines["House · 3"]["won"] is False
    assert lines["House · 3"]["margin"]["votes"] == 1
    assert "close" in lines["House · 3"]["tags"]
    tied = MIXED.replace("House,1,Bo Diaz,REP,495", "House,1,Bo Diaz,REP,500")
    data = _summary(write(tmp_path, tied, "tied.csv"))
    first = next(line for line in data["overview"]["races"] if line["race"] == "House · 1")
    assert "tie" in first["tags"]
    assert any(n.startswith("Close: House · 1 (tie)") for n in data["overview"]["notes"])


def test_seats_names_no_race_without_a_winner_among_the_closest(tmp_path) -> None:
    path = write(tmp_path, MIXED, "house.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    notes = json.loads(result.stdout)["elections"][0]["notes"]
    closest = next(n for n in notes if n.startswith("The closest races"))
    # By hand: House 1's REP is 5 votes behind (6 to win), House 4's 300 (301); House 3 ('Other'
    # ahead of its leader) names no winner, so no one "needed 500 more votes" there.
    assert closest == (
        "The closest races: REP needed 6 more votes in House · 1; REP needed 301 more votes in "
        "House · 4."
    )
