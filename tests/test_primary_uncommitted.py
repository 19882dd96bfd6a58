"""FiveThirtyEight's presidential primaries: "Uncommitted" (a vote for no candidate, an
`alt_result_text` with no candidate's name) is no candidate: it never leads a caucus (Michigan's
2000 Democratic caucus: "Uncommitted leads with 62.29 %") nor is a runner-up; it is of kind
`other`, counted in the valid vote, the findings saying whom it outpolled. And the file's notes on
its columns, the same for every race, are said once, in the overview, not in every race's
findings (JSON keeps each election's notes whole, as SPEC pins them).

Figures invented (the shares are the votes'), the layout is the file's."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

HEADER = (
    "id,race_id,state_abbrev,state,office_id,office_name,office_seat_name,cycle,stage,special,"
    "party,politician_id,candidate_id,candidate_name,ballot_party,ranked_choice_round,votes,"
    "percent,unopposed,winner,alt_result_text,source\n"
)


def _row(row_id: int, race: int, name: str, votes: int, total: int, alt: str = "") -> str:
    who = f"1{row_id},2{row_id},{name},DEM" if name else ',,"",""'
    return (
        f'{row_id},{race},MI,Michigan,1,U.S. President,,2000,caucus,false,DEM,{who},"",'
        f"{votes},{votes / total * 100},,false,{alt},https://example.org/{race}\n"
    )


TEXT = (
    HEADER
    + _row(1, 7163, "Al Gore", 300, 1000)
    + _row(2, 7163, "Bill Bradley", 100, 1000)
    + _row(3, 7163, "", 600, 1000, "Uncommitted")
    + _row(4, 7164, "Ann Lee", 700, 1000)
    + _row(5, 7164, "Bo Diaz", 250, 1000)
    + _row(6, 7164, "", 50, 1000, "Uncommitted")
)
FILE_NOTE = "'party' is left unused"


@pytest.mark.parametrize("env", [{}, {"POLLCLI_ENGINE": "exact"}])
def test_uncommitted_never_leads(tmp_path, env) -> None:
    path = write(tmp_path, TEXT, "election_results_presidential.csv")
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    elections = json.loads(result.stdout)["elections"]
    first = next(e for e in elections if "7163" in e["election"])
    assert first["leader"]["candidate"] == "Al Gore" and first["leader"]["votes"] == 300
    assert first["runner_up"]["candidate"] == "Bill Bradley"
    kinds = {r["candidate"]: r["kind"] for r in first["results"]}
    assert kinds["Uncommitted"] == "other"
    assert any(
        "“Uncommitted” took 60.00 %" in n and "more than the leader" in n for n in first["notes"]
    )
    # (60 %: 600 of the 1,000 valid votes, Uncommitted's counted in them.)
    assert all(FILE_NOTE in " ".join(e["notes"]) for e in elections)  # JSON: each election's whole


def test_the_file_notes_are_said_once(tmp_path) -> None:
    path = write(tmp_path, TEXT, "election_results_presidential.csv")
    text = invoke("summary", str(path), env={"COLUMNS": "200"})
    assert text.code == 0, text.stderr
    assert text.stdout.count(FILE_NOTE) == 1
    assert text.stdout.count("Split into 2 races") == 1
    markdown = invoke("summary", str(path), "--format", "markdown")
    assert markdown.stdout.count(FILE_NOTE) == 1
