"""Seats won alike by every list of a race (`read.unfit`): Portugal's parish assemblies
(`territory_code,territory_name,…,party,…,votes,votes_pct,mandates,presidents`, each list's
councillors) read as seats won where the lists' cells differ (7 and 2 of 9), but the parish of
Alvão, 3, 3 and 3 of 9 seats, read as a race of 3 seats ("3 seats go to the lists"; `pollcli
seats` would allocate 3). In a file whose column is each list's seats won, equal cells are seats
won too, with a note. Files: invented, in that layout."""

from __future__ import annotations

import json

from conftest import invoke, write

PARISHES = """territory_code,territory_name,party,votes,votes_pct,mandates,presidents
010103,Alda,Red,1220,71.6,9,1
010109,Bela,Red,1221,72.94,7,1
010109,Bela,Blue,320,19.12,2,0
010112,Cova,Red,1031,68.96,7,1
010112,Cova,Green,300,20.07,2,0
171319,Vale,Red,260,37.9,3,1
171319,Vale,Blue,211,30.76,3,0
171319,Vale,Green,199,29.01,3,0
"""


def _races(tmp_path, *flags: str) -> dict[str, dict]:
    path = write(tmp_path, PARISHES, "jf.csv")
    result = invoke("summary", str(path), "--race-by", "territory_code", "-f", "json", *flags)
    assert result.code == 0, result.stderr
    return {e["election"]: e for e in json.loads(result.stdout)["elections"]}


def test_equal_cells_are_seats_won_as_in_the_other_races(tmp_path):
    races = _races(tmp_path)
    notes = races["171319"]["notes"]
    # Oracle: the cells by hand, 3 + 3 + 3.
    assert "Seats won, as the file gives them: Red 3, Blue 3, Green 3 (9 seats" in " ".join(notes)
    assert not any("3 seats go to the lists" in note for note in notes)
    assert any("In 1 race ('171319') every list won as many seats" in n for n in notes)
    assert "Seats won, as the file gives them: Red 7, Blue 2 (9 seats" in " ".join(
        races["010109"]["notes"]
    )


def test_seats_counts_the_file_s_seats(tmp_path):
    path = write(tmp_path, PARISHES, "jf.csv")
    result = invoke("seats", str(path), "--race-by", "territory_code", "-f", "json")
    assert result.code == 0, result.stderr
    # Oracle: the cells summed by party by hand: Red 9+7+7+3, Blue 2+3, Green 2+3.
    text = json.dumps(json.loads(result.stdout))
    assert '"seats": 26' in text and '"seats": 5' in text


def test_a_file_of_seats_to_fill_reads_as_before(tmp_path):
    # Each race's seats on every row (no race of seats won): the race's seats, as before.
    text = "\n".join(
        line.rsplit(",", 2)[0] + ",9,0" if n else line
        for n, line in enumerate(PARISHES.splitlines())
    )
    path = write(tmp_path, text + "\n", "jf.csv")
    result = invoke("summary", str(path), "--race-by", "territory_code", "-f", "json")
    assert result.code == 0, result.stderr
    notes = [n for e in json.loads(result.stdout)["elections"] for n in e["notes"]]
    assert not any("Seats won" in note for note in notes)
