"""FiveThirtyEight's election results (`election_results_senate.csv`) mark a candidate who ran
unopposed in an `unopposed` column, `true`; where the state did not count the race, the votes
cell is blank (1976: West Virginia's Robert C. Byrd, line 4087; Mississippi's John Stennis). Both
races were refused ("has neither votes nor a share"), and the column was ignored. Now such a row is
read as acclaimed (`read.acclaimed.unopposed`): a vote not held, its candidate elected unopposed
with no count, one note naming the lines; beside a counted rival, no winner. An `unopposed` row
with votes is counted as ever; a blank votes cell without `unopposed` true is refused as ever.
Names and figures invented, the layout is the file's; oracle: the figures by hand."""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

HEAD = (
    "id,race_id,state_abbrev,state,office_id,office_name,office_seat_name,cycle,stage,special,"
    "party,politician_id,candidate_id,candidate_name,ballot_party,ranked_choice_round,votes,"
    "percent,unopposed,winner,alt_result_text,source\n"
)
_TAIL = ",https://electionlab.mit.edu/data\n"
ROWS = (
    # 1: counted, two candidates (600 to 400).
    '1,101,WA,Washington,5,U.S. Senate,Class I,1976,general,false,"",11,21,Ann Archer,DEM,"",'
    "600,60.0,,true,"
    + _TAIL
    + '2,101,WA,Washington,5,U.S. Senate,Class I,1976,general,false,"",12,22,Bo Brown,REP,"",'
    "400,40.0,,false,"
    + _TAIL
    # 2: unopposed, not counted (line 4): elected with no count.
    + '3,102,WV,West Virginia,6,U.S. Senate,Class I,1976,general,false,"",13,23,Cy Carter,DEM,'
    '"",,,true,true,'
    + _TAIL
    # 3: unopposed and counted (line 5): its votes stand.
    + '4,103,GA,Georgia,7,U.S. Senate,Class II,1990,general,false,"",14,24,Di Dunn,DEM,"",'
    "1234,100.0,true,true," + _TAIL
)
# An unopposed row, not counted, beside a counted rival: the file contradicts itself.
MIXED = (
    '5,104,MS,Mississippi,8,U.S. Senate,Class I,1976,general,false,"",15,25,Ed Eng,DEM,"",'
    ",,true,true,"
    + _TAIL
    + '6,104,MS,Mississippi,8,U.S. Senate,Class I,1976,general,false,"",16,26,Flo Ford,REP,"",'
    "300,,,false," + _TAIL
)
# A blank votes cell the `unopposed` column does not explain: refused as ever.
UNSAID = (
    '7,105,ID,Idaho,9,U.S. Senate,Class II,1976,general,false,"",17,27,Gus Gray,DEM,"",'
    ",,,true," + _TAIL
)


def _races(path, *options: str) -> tuple[dict, object]:
    result = invoke("summary", str(path), "--format", "json", *options)
    data = json.loads(result.stdout)
    return {e["election"].split(" · ")[1]: e for e in data["elections"]}, result


def test_an_uncounted_unopposed_candidate_is_elected_with_no_count(tmp_path) -> None:
    path = write(tmp_path, HEAD + ROWS, "election_results_senate.csv")
    races, result = _races(path)
    assert result.code == 0, result.stderr
    assert "neither votes nor a share" not in result.stderr
    wv = races["West Virginia"]
    assert [(r["candidate"], r["votes"], r["share"]) for r in wv["results"]] == [
        ("Cy Carter", 0, None)
    ]
    assert wv["margin"] is None
    assert any(n.startswith("Unopposed, no count: Cy Carter") for n in wv["notes"])
    said = [n for n in wv["notes"] if "ran unopposed with no count" in n]
    assert said and "the 'unopposed' column says true" in said[0]
    assert "line 4 ('Cy Carter')" in said[0] and "Di Dunn" not in said[0]
    # Counted races as ever: Dunn's 1,234 votes (unopposed, counted), Archer 600 to 400.
    assert [r["votes"] for r in races["Georgia"]["results"]] == [1234]
    assert races["Washington"]["margin"]["votes"] == 200
    # The column is read, no longer an unknown one.
    check = invoke("validate", str(path))
    assert "'unopposed'" not in check.stdout, check.stdout
    lines = {line["race"].split(" · ")[1]: line for line in _overview(path)}
    assert lines["West Virginia"]["won"] is True
    assert {"unopposed", "no_count"} <= set(lines["West Virginia"]["tags"])
    assert lines["Georgia"]["won"] is True and "no_count" not in lines["Georgia"]["tags"]


def _overview(path) -> list[dict]:
    result = invoke("summary", str(path), "--format", "json")
    return json.loads(result.stdout)["overview"]["races"]


def test_an_uncounted_unopposed_candidate_beside_a_counted_rival_names_no_winner(tmp_path):
    path = write(tmp_path, HEAD + ROWS + MIXED, "election_results_senate.csv")
    races, result = _races(path)
    assert result.code == 0, result.stderr
    ms = races["Mississippi"]
    assert any(
        "'Ed Eng' is said to be acclaimed (line 6" in n and "no winner is named" in n
        for n in ms["notes"]
    ), ms["notes"]
    line = next(x for x in _overview(path) if " · Mississippi · " in x["race"])
    assert line["won"] is False
    # No vote was held for Ed Eng: no share, no runner-up's place, no threshold (was "0.00 %",
    # runner-up, below 3 %); Flo Ford's 300 are all the votes counted (by hand: 100 %).
    rows = {r["candidate"]: r for r in ms["results"]}
    assert rows["Ed Eng"]["share"] is None and rows["Ed Eng"]["below_threshold"] is False
    assert rows["Ed Eng"]["acclaimed"] is True and rows["Flo Ford"]["share"] == 100.0
    assert ms["runner_up"] is None and ms["below_threshold"] == []


def test_a_blank_votes_cell_not_said_unopposed_is_refused(tmp_path) -> None:
    path = write(tmp_path, HEAD + ROWS + UNSAID, "election_results_senate.csv")
    result = invoke("summary", str(path))
    assert "'Gus Gray' has neither votes nor a share" in result.stderr
    assert ":6: " in result.stderr


def test_both_engines_read_the_unopposed_column_alike(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + ROWS + MIXED, "election_results_senate.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert not [p for p in problems if p.severity == "error"], problems
    by_state = {e.facts.election.split(" · ")[1]: e for e in elections}
    assert [o.votes for o in by_state["West Virginia"].options] == [0]
    assert [o.votes for o in by_state["Georgia"].options] == [1234]
    assert by_state["Mississippi"].no_winner is not None


def test_both_engines_read_a_file_of_counted_unopposed_rows_alike(tmp_path, monkeypatch) -> None:
    # No row to read as acclaimed: the streaming engine reads the file itself, the column unused.
    counted = "".join(line + "\n" for line in ROWS.splitlines() if "West Virginia" not in line)
    path = write(tmp_path, HEAD + counted, "election_results_senate.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert not [p for p in problems if p.severity == "error"], problems
    assert sorted(o.votes for e in elections for o in e.options) == [400, 600, 1234]
