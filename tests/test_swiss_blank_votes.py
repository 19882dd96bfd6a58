"""Switzerland's BFS tables of referendums give `LEERE_STIMMEN` (blank votes) beside
`EINGELEGTE_STIMMZETTEL`, `UNGUELTIGE_STIMMZETTEL` and `GUELTIGE_STIMMEN`: left unused, every
measure was told "valid votes plus invalid ballots … do NOT equal ballots cast" by exactly its
blank votes. Oracle: the table's own figures (valid + blank + invalid = ballots cast)."""

from __future__ import annotations

import json

from conftest import invoke, write

TEXT = (
    "GEMEINDE;STIMMBERECHTIGTE;EINGELEGTE_STIMMZETTEL;LEERE_STIMMEN;UNGUELTIGE_STIMMZETTEL;"
    "GUELTIGE_STIMMEN;JA_STIMMEN;NEIN_STIMMEN\n"
    "Altdorf;4000;2500;30;20;2450;1300;1150\n"
    "Bürglen;2000;1200;12;8;1180;500;680\n"
)


def test_blank_votes_of_a_bfs_table_are_read(tmp_path):
    path = write(tmp_path, TEXT, "abstimmung.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert "do NOT equal" not in result.stdout and "not ballots_cast" not in result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["turnout"]["ballots_cast"] == 2500 + 1200
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "JA": 1300 + 500,
        "NEIN": 1150 + 680,
    }
