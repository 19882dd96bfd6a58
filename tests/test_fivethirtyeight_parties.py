"""FiveThirtyEight's presidential results (`election_results_presidential.csv`) have two party
columns, both filled: `party`, the party of the race (DEM or REP on a primary's rows, blank in a
general election: its README), and `ballot_party`, the party a candidate is on the ballot under,
one row per ballot line (New York 2024: Harris DEM and WFP, Trump REP and CRV). The file was refused
whole ("columns 'party' and 'ballot_party' both mean 'party'"). Where a `race_id` tells the races
apart, `ballot_party` is now read as the party and `party` left unused, with a note; a candidate's
lines are added up once. Its `winner` column ("whether the candidate won the corresponding
election") is read as the file's stated winner: the national popular vote of 2016, which the
Electoral College decided, names no winner against the file. Names and figures invented, the
layout is the file's; oracle: pandas, each race's votes by candidate over their ballot lines."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEAD = (
    "id,race_id,state_abbrev,state,office_id,office_name,office_seat_name,cycle,stage,special,"
    "party,politician_id,candidate_id,candidate_name,ballot_party,ranked_choice_round,votes,"
    "percent,unopposed,winner,alt_result_text,source\n"
)


def _row(n: int, race: int, state: str, stage: str, party: str, name: str, line: str, votes: int,
         winner: str, alt: str = "") -> str:  # fmt: skip
    cand = str(500 + sum(map(ord, name))) if name else ""  # one id a candidate, on every line
    return (
        f'{n},{race},"",{state},1,U.S. President,,2024,{stage},false,"{party}",{cand},{cand},'
        f'{name},{line},"",{votes},,,{winner},{alt},https://example.org\n'
    )


ROWS = "".join(
    [
        # 1: New York's general election, two candidates on two ballot lines each.
        _row(1, 8860, "New York", "general", "", "Ann Archer", "REP", 3257, "false"),
        _row(2, 8860, "New York", "general", "", "Ann Archer", "CRV", 321, "false"),
        _row(3, 8860, "New York", "general", "", "Bo Brown", "DEM", 4341, "true"),
        _row(4, 8860, "New York", "general", "", "Bo Brown", "WFP", 277, "true"),
        _row(5, 8860, "New York", "general", "", "Cy Cole", "W", 46, "false"),
        # 2: California's Republican primary, a write-in (W) and an uncounted line (blank).
        _row(6, 8764, "California", "primary", "REP", "Di Dunn", "REP", 1962, "true"),
        _row(7, 8764, "California", "primary", "REP", "Ed Eng", "REP", 431, "false"),
        _row(8, 8764, "California", "primary", "REP", "Flo Ford", "W", 2, "false"),
        _row(9, 8764, "California", "primary", "REP", "", "", 25, "", "Write-in"),
        # 3: the Democratic primary of the same state.
        _row(10, 8763, "California", "primary", "DEM", "Gus Gray", "DEM", 3207, "true"),
        _row(11, 8763, "California", "primary", "DEM", "Hal Hale", "DEM", 146, "false"),
    ]
)
# The national popular vote of an election the Electoral College decided the other way.
NATIONAL = _row(12, 94, "", "general", "", "Ida Ives", "DEM", 65853, "false") + _row(
    13, 94, "", "general", "", "Jo Jay", "REP", 62984, "true"
)


def _by_pandas(text: str) -> dict[str, dict[str, int]]:
    """Each race's votes by candidate (or result text), over their ballot lines."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["name"] = frame["candidate_name"].where(frame["candidate_name"] != "",
                                                  frame["alt_result_text"])  # fmt: skip
    frame["votes"] = frame["votes"].astype(int)
    sums = frame.groupby(["race_id", "name"])["votes"].sum()
    out: dict[str, dict[str, int]] = {}
    for (race, name), votes in sums.items():
        out.setdefault(str(race), {})[str(name)] = int(votes)
    return out


def _elections(text: str, tmp_path) -> dict[str, dict]:
    path = write(tmp_path, text, "election_results_presidential.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert "both mean" not in result.stderr
    return {e["race_keys"]["race_id"]: e for e in json.loads(result.stdout)["elections"]}


def test_the_race_party_beside_the_ballot_party_is_read_with_lines_added_once(tmp_path) -> None:
    races = _elections(HEAD + ROWS, tmp_path)
    expected = _by_pandas(HEAD + ROWS)
    assert set(races) == set(expected)
    for race_id, election in races.items():
        got = {r["candidate"]: r["votes"] for r in election["results"]}
        assert got == expected[race_id], race_id
    ny = races["8860"]
    assert ny["leader"]["candidate"] == "Bo Brown" and ny["leader"]["votes"] == 4341 + 277
    assert ny["leader"]["party"] == "DEM"  # credited to the main line
    assert ny["runner_up"]["votes"] == 3257 + 321
    note = next(n for n in ny["notes"] if n.startswith("'party' is left unused"))
    assert "party of the race" in note and "'ballot_party'" in note
    # The write-in of the Republican primary stays in it; each primary is named by its party.
    ca = races["8764"]
    assert (
        "Republican primary" in ca["election"] and "Democratic primary" in races["8763"]["election"]
    )
    assert {r["candidate"] for r in ca["results"]} == {"Di Dunn", "Ed Eng", "Flo Ford", "Write-in"}


def test_the_winner_column_is_the_files_word(tmp_path) -> None:
    races = _elections(HEAD + ROWS + NATIONAL, tmp_path)
    national = races["94"]
    assert national["leader"]["candidate"] == "Ida Ives"  # the most votes, as counted
    assert national["margin"] is None
    assert any(
        "'winner' column marks 'Jo Jay' elected" in n and "no winner is named" in n
        for n in national["notes"]
    ), national["notes"]
    # Where its mark is the most votes, the race is won as ever.
    assert races["8860"]["margin"]["votes"] == (4341 + 277) - (3257 + 321)


def test_without_a_race_id_the_two_party_columns_are_still_refused(tmp_path) -> None:
    text = "".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 1) + "\n"
        for line in (HEAD + ROWS).splitlines()
    )
    path = write(tmp_path, text, "presidential.csv")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "columns 'party' and 'ballot_party' both mean 'party'" in result.stderr
    assert "--ignore-column party" in result.stderr


def test_both_engines_read_the_two_party_columns_alike(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + ROWS, "election_results_presidential.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=256)
    assert not [p for p in problems if p.severity == "error"], problems
    expected = _by_pandas(HEAD + ROWS)
    for election in elections:
        assert election.race is not None
        race_id = election.race.keys["race_id"]
        assert {o.candidate: o.votes for o in election.options} == expected[race_id]
