"""Mississippi's split precincts: a precinct's count rows for each district that splits it.

OpenElections' Pike County 2015 general file gives each precinct's `Registered Voters` and `Ballots
Cast` as offices with the district blank, and, for a precinct split between State House 96 and 98,
the same counts again for each part with its district (`Registered Voters,96` / `Registered
Voters,98`). The count rows lost their district cell: every race of the precinct was given all
three, and every statewide race was refused ("registered is '423' here but '1325' … make them
agree"). Now a count row keeps its district: a precinct's district-blank counts are the races' that
cover the whole precinct (the only race of their office there), a district's counts are that
district's race's where it shares the precinct with other races of its office, and where a
district's counts could be two races' (State Senate 38 and State House 38 both split there), they
are neither's, with a note. Precincts whose count rows all carry one district (New Jersey's
`Registered Voters,5`: the congressional district) are read as before: the precinct's counts.

Both engines agree (the streaming engine hands such a file to the exact engine); the figures are
pandas sums of the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,district,party,candidate,votes"
# A is all of House 98's; B is split between House 96 and 98, with counts for each part.
PIKE = "\n".join(
    [
        HEADER,
        "Pike,A,Registered Voters,,,,1000",
        "Pike,A,Ballots Cast,,,,500",
        "Pike,A,Governor,,Republican,Bryant,200",
        "Pike,A,Governor,,Democrat,Gray,290",
        "Pike,A,State House,98,Democrat,Myers,400",
        "Pike,A,State House,98,,Write-in,12",
        "Pike,B,Registered Voters,,,,1300",
        "Pike,B,Ballots Cast,,,,650",
        "Pike,B,Governor,,Republican,Bryant,300",
        "Pike,B,Governor,,Democrat,Gray,330",
        "Pike,B,Registered Voters,96,,,400",
        "Pike,B,Ballots Cast,96,,,200",
        "Pike,B,State House,96,Democrat,Cockerham,190",
        "Pike,B,Registered Voters,98,,,900",
        "Pike,B,Ballots Cast,98,,,450",
        "Pike,B,State House,98,Democrat,Myers,350",
        "Pike,B,State House,98,,Write-in,9",
    ]
)


def counts(text: str, precincts: dict[str, str]) -> tuple[int, int]:
    """Registered voters and ballots cast of the count rows of each precinct's district
    (`precincts`: precinct → district, "" for the rows of no district), by pandas."""
    table = pd.read_csv(io.StringIO(text), dtype={"district": str}, keep_default_na=False)
    rows = table[
        table["precinct"].map(precincts).notna()
        & (table["district"] == table["precinct"].map(precincts))
    ]
    total = rows.groupby("office")["votes"].sum()
    return int(total["Registered Voters"]), int(total["Ballots Cast"])


def turnouts(path, *args: str) -> dict[str, tuple[int | None, int | None]]:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    return {
        e["election"]: (e["turnout"]["registered"], e["turnout"]["ballots_cast"])
        for e in data["elections"]
    }


def notes_of(elections: list, name: str) -> list[str]:
    [election] = [e for e in elections if e.facts.election == name]
    return list(election.notes)


def test_each_district_s_race_is_given_its_part_of_a_split_precinct(tmp_path):
    path = write(tmp_path, PIKE + "\n")
    found = turnouts(path)
    assert found["Governor"] == counts(PIKE, {"A": "", "B": ""})
    assert found["State House · 98"] == counts(PIKE, {"A": "", "B": "98"})
    assert found["State House · 96"] == counts(PIKE, {"B": "96"})


def test_both_engines_agree(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, PIKE + "\n"))
    assert not [p for p in problems if p.severity == "error"]
    registered = {e.facts.election: e.facts.registered for e in elections}
    assert registered == {
        "Governor": counts(PIKE, {"A": "", "B": ""})[0],
        "State House · 98": counts(PIKE, {"A": "", "B": "98"})[0],
        "State House · 96": counts(PIKE, {"B": "96"})[0],
    }


def test_a_district_with_no_counts_of_its_own_gets_none(tmp_path, monkeypatch):
    # B's rows for House 98's part are missing: its counts cannot be told, 96's still can.
    text = "\n".join(line for line in PIKE.splitlines() if ",98,,," not in line)
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    registered = {e.facts.election: e.facts.registered for e in elections}
    assert registered["State House · 98"] is None
    assert registered["State House · 96"] == counts(text, {"B": "96"})[0]
    assert registered["Governor"] == counts(text, {"A": "", "B": ""})[0]
    [why] = [n for n in notes_of(elections, "State House · 98") if n.startswith("Turnout is not")]
    assert "‘Pike / B’" in why and "State House · 96" in why


def test_a_district_number_two_split_races_share_is_neither_s(tmp_path, monkeypatch):
    # C is split between State Senate 38 and 37, and between State House 38 and 97: the count rows
    # of district 38 may be either 38's. Neither is given them; 37's and 97's have none of their
    # own either. The statewide race keeps the precinct's own counts.
    text = "\n".join(
        [
            HEADER,
            "Pike,C,Registered Voters,,,,600",
            "Pike,C,Ballots Cast,,,,300",
            "Pike,C,Governor,,Republican,Bryant,140",
            "Pike,C,Governor,,Democrat,Gray,150",
            "Pike,C,Registered Voters,38,,,400",
            "Pike,C,Ballots Cast,38,,,200",
            "Pike,C,State Senate,38,Democrat,Witherspoon,110",
            "Pike,C,State Senate,37,Republican,Dearing,46",
            "Pike,C,State House,38,Democrat,Myers,100",
            "Pike,C,State House,97,Republican,Mims,40",
        ]
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    registered = {e.facts.election: e.facts.registered for e in elections}
    assert registered["Governor"] == counts(text, {"C": ""})[0]
    for name in ("State Senate · 38", "State Senate · 37", "State House · 38", "State House · 97"):
        assert registered[name] is None, name
        assert any(n.startswith("Turnout is not computed") for n in notes_of(elections, name))


# Most of Pike's split precincts give each part's counts inside its race instead:
# `State House,96,,Registered,87`. Such a race counts that precinct itself and is given none of
# the precinct's own; each race had no turnout, with a note that said so beside one it computed.
IN_RACE = "\n".join(
    [
        HEADER,
        "Pike,A,Registered Voters,,,,1000",
        "Pike,A,Ballots Cast,,,,500",
        "Pike,A,Governor,,Republican,Bryant,200",
        "Pike,A,Governor,,Democrat,Gray,290",
        "Pike,A,State House,98,Democrat,Myers,400",
        "Pike,B,Registered Voters,,,,1300",
        "Pike,B,Ballots Cast,,,,650",
        "Pike,B,Governor,,Republican,Bryant,300",
        "Pike,B,Governor,,Democrat,Gray,330",
        "Pike,B,State House,96,,Registered,400",
        "Pike,B,State House,96,,Ballots,200",
        "Pike,B,State House,96,Democrat,Cockerham,190",
        "Pike,B,State House,98,,Registered,900",
        "Pike,B,State House,98,,Ballots,450",
        "Pike,B,State House,98,Democrat,Myers,350",
    ]
)


def test_a_race_s_own_count_rows_count_its_part_of_a_split_precinct(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, IN_RACE + "\n"))
    assert not [p for p in problems if p.severity == "error"]
    table = pd.read_csv(io.StringIO(IN_RACE), dtype={"district": str}, keep_default_na=False)
    whole = table[table["office"] == "Registered Voters"].set_index("precinct")["votes"]
    own = table[table["candidate"] == "Registered"].set_index("district")["votes"]
    registered = {e.facts.election: e.facts.registered for e in elections}
    assert registered == {
        "Governor": whole.sum(),
        "State House · 98": whole["A"] + own["98"],
        "State House · 96": own["96"],
    }
    for election in elections:
        assert not any(n.startswith("Turnout is not computed") for n in election.notes)


def test_counts_that_all_carry_one_district_are_the_precinct_s(tmp_path, monkeypatch):
    # New Jersey's Bergen 2022: each precinct's counts name its congressional district.
    text = "\n".join(
        [
            HEADER,
            "Bergen,Allendale 1,Registered Voters,5,,,1725",
            "Bergen,Allendale 1,Ballots Cast,5,,,900",
            "Bergen,Allendale 1,U.S. Senate,,Democrat,Ann,500",
            "Bergen,Allendale 1,U.S. Senate,,Republican,Bob,380",
            "Bergen,Allendale 1,U.S. House,5,Democrat,Cy,480",
            "Bergen,Allendale 1,U.S. House,5,Republican,Di,400",
            "Bergen,Bogota 1,Registered Voters,9,,,955",
            "Bergen,Bogota 1,Ballots Cast,9,,,400",
            "Bergen,Bogota 1,U.S. Senate,,Democrat,Ann,250",
            "Bergen,Bogota 1,U.S. Senate,,Republican,Bob,140",
            "Bergen,Bogota 1,U.S. House,9,Democrat,Ed,260",
            "Bergen,Bogota 1,U.S. House,9,Republican,Flo,130",
        ]
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    registered = {e.facts.election: e.facts.registered for e in elections}
    assert registered == {
        "U.S. Senate": counts(text, {"Allendale 1": "5", "Bogota 1": "9"})[0],
        "U.S. House · 5": counts(text, {"Allendale 1": "5"})[0],
        "U.S. House · 9": counts(text, {"Bogota 1": "9"})[0],
    }


@pytest.mark.parametrize("args", [("--race", "State House · 96"), ("--where", "district=98")])
def test_choosing_a_race_keeps_its_part(tmp_path, args):
    path = write(tmp_path, PIKE + "\n")
    found = turnouts(path, *args)
    # (One race --where leaves is named as the file.)
    [turnout] = found.values()
    if "State House · 96" in args:
        assert turnout == counts(PIKE, {"B": "96"})
    else:
        assert turnout == counts(PIKE, {"A": "", "B": "98"})


def test_a_count_of_no_race_s_figure_inside_each_race_names_no_district(tmp_path, monkeypatch):
    # Kentucky 2024 (Breathitt): Electionware's `Contest Totals` inside each race, left out, are
    # no district's counts: a precinct split between two boards still shares its count rows.
    text = "\n".join(
        [
            HEADER,
            "Breathitt,D106,Registered Voters,,,,487",
            "Breathitt,D106,Governor,,REP,Ann,150",
            "Breathitt,D106,Governor,,DEM,Bob,100",
            "Breathitt,D106,Board,1,,Hamilton,51",
            "Breathitt,D106,Board,1,,Contest Totals,90",
            "Breathitt,D106,Board,Jackson,,Chapman,68",
            "Breathitt,D106,Board,Jackson,,Contest Totals,108",
        ]
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    for name in ("Board · 1", "Board · Jackson"):
        [why] = [n for n in notes_of(elections, name) if n.startswith("Turnout is not")]
        assert "shares with other races of its office" in why


def test_district_rows_that_are_no_parts_of_the_unit_s_stay_the_unit_s(tmp_path, monkeypatch):
    # New Jersey's Bergen 2022: Maywood's mail ballots given once per congressional district, each
    # the unit's 517, and no row of no district. No part of the unit's: House 5 and 9 share it,
    # as before, and a race over the whole unit is given its 517 once.
    text = "\n".join(
        [
            HEADER,
            "Bergen,Allendale 1,Ballots Cast,5,,,900",
            "Bergen,Allendale 1,U.S. Senate,,Democrat,Ann,500",
            "Bergen,Allendale 1,U.S. House,5,Democrat,Cy,480",
            "Bergen,Maywood Mail,Ballots Cast,5,,,517",
            "Bergen,Maywood Mail,Ballots Cast,9,,,517",
            "Bergen,Maywood Mail,U.S. Senate,,Democrat,Ann,400",
            "Bergen,Maywood Mail,U.S. House,5,Democrat,Cy,137",
            "Bergen,Maywood Mail,U.S. House,9,Democrat,Ed,362",
        ]
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    cast = {e.facts.election: e.facts.ballots_cast for e in elections}
    assert cast["U.S. Senate"] == 900 + 517
    assert cast["U.S. House · 5"] is None and cast["U.S. House · 9"] is None
    for name in ("U.S. House · 5", "U.S. House · 9"):
        [why] = [n for n in notes_of(elections, name) if n.startswith("Turnout is not")]
        assert "shares with other races of its office" in why
