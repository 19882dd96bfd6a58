"""A race that states one seat while its options with the under and over votes add up to N times
its ballots cast (N of 2 or more) contradicts itself: MEDSL's 2018 precinct returns for the District
of Columbia state `magnitude` 1.0 for the at-large council (vote for two), whose votes add up to
462,964 = 2 × 231,700 ballots cast, and Anita Bonds was named its one winner (session 17's world
trial). Two things were in the way:

- the at-large race got no ballots cast: it shares its precincts with the ward races of its office
  (`DC COUNCILMEMBER`), and a unit's `BALLOTS CAST` rows are no race's where two races of one office
  have rows in it (`unitcounts.shared`, made for a county split among districts). A race whose
  district says `AT-LARGE` (citywide, countywide, statewide) covers each unit it has rows in: it
  keeps its units' counts, and the ward races, one a unit, keep theirs;
- the votes-per-ballot check (`read.perballot`) skipped races that state their seats.

Now no winner is named, a `race-split` warning names both figures and the advice (--vote-for 2
--race …) reads the race. Figures and names invented, the layout is MEDSL's; oracle: pandas."""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write

NAME = "2018-dc-precinct-general.csv"
HEAD = (
    '"precinct","office","party_simplified","mode","votes","jurisdiction_name","candidate",'
    '"district","magnitude","stage","writein"\n'
)
# (precinct, ward, office, party, votes, candidate, district, magnitude): ward 1 has a council
# race, ward 2 none (as DC's wards 2, 4, 7 and 8 in 2018).
ROWS = [
    (1, 1, "BALLOTS CAST", "", 100, "", "", "0.0"),
    (2, 1, "BALLOTS CAST", "", 80, "", "", "0.0"),
    (3, 2, "BALLOTS CAST", "", 120, "", "", "0.0"),
    (1, 1, "MAYOR", "DEMOCRAT", 70, "ANN LEE", "STATEWIDE", "1.0"),
    (1, 1, "MAYOR", "REPUBLICAN", 25, "BO DIAZ", "STATEWIDE", "1.0"),
    (1, 1, "MAYOR", "", 5, "UNDERVOTES", "STATEWIDE", "1.0"),
    (2, 1, "MAYOR", "DEMOCRAT", 50, "ANN LEE", "STATEWIDE", "1.0"),
    (2, 1, "MAYOR", "REPUBLICAN", 27, "BO DIAZ", "STATEWIDE", "1.0"),
    (2, 1, "MAYOR", "", 3, "UNDERVOTES", "STATEWIDE", "1.0"),
    (3, 2, "MAYOR", "DEMOCRAT", 90, "ANN LEE", "STATEWIDE", "1.0"),
    (3, 2, "MAYOR", "REPUBLICAN", 28, "BO DIAZ", "STATEWIDE", "1.0"),
    (3, 2, "MAYOR", "", 2, "UNDERVOTES", "STATEWIDE", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "DEMOCRAT", 60, "CY FOX", "001", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "INDEPENDENT", 35, "DI GRAY", "001", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "", 5, "UNDERVOTES", "001", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "DEMOCRAT", 40, "CY FOX", "001", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "INDEPENDENT", 36, "DI GRAY", "001", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "", 4, "UNDERVOTES", "001", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "DEMOCRAT", 70, "EM HALE", "AT-LARGE", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "INDEPENDENT", 50, "FE IBSEN", "AT-LARGE", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "INDEPENDENT", 40, "GUS JAY", "AT-LARGE", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "", 39, "UNDERVOTES", "AT-LARGE", "1.0"),
    (1, 1, "DC COUNCILMEMBER", "", 1, "OVERVOTES", "AT-LARGE", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "DEMOCRAT", 60, "EM HALE", "AT-LARGE", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "INDEPENDENT", 30, "FE IBSEN", "AT-LARGE", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "INDEPENDENT", 41, "GUS JAY", "AT-LARGE", "1.0"),
    (2, 1, "DC COUNCILMEMBER", "", 29, "UNDERVOTES", "AT-LARGE", "1.0"),
    (3, 2, "DC COUNCILMEMBER", "DEMOCRAT", 90, "EM HALE", "AT-LARGE", "1.0"),
    (3, 2, "DC COUNCILMEMBER", "INDEPENDENT", 70, "FE IBSEN", "AT-LARGE", "1.0"),
    (3, 2, "DC COUNCILMEMBER", "INDEPENDENT", 45, "GUS JAY", "AT-LARGE", "1.0"),
    (3, 2, "DC COUNCILMEMBER", "", 35, "UNDERVOTES", "AT-LARGE", "1.0"),
]


def _text(magnitude: str = "1.0") -> str:
    return HEAD + "".join(
        f'"{p}","{o}","{party}","TOTAL",{v},"WARD {w}","{c}","{d}",'
        f'{magnitude if d == "AT-LARGE" else m},"GEN","FALSE"\n'
        for p, w, o, party, v, c, d, m in ROWS
    )


AT_LARGE, WARD, MAYOR = "DC COUNCILMEMBER · AT-LARGE", "DC COUNCILMEMBER · 1", "MAYOR · STATEWIDE"


def _frame(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"district": str}, keep_default_na=False)


def _ballots(frame: pd.DataFrame, district: str) -> int:
    """pandas: the `BALLOTS CAST` rows of the precincts where the race has rows."""
    precincts = frame.loc[frame["district"] == district, "precinct"].unique()
    cast = frame[(frame["office"] == "BALLOTS CAST") & frame["precinct"].isin(precincts)]
    return int(cast["votes"].sum())


def _top(frame: pd.DataFrame, district: str, n: int) -> set[str]:
    rows = frame[(frame["district"] == district) & ~frame["candidate"].str.endswith("VOTES")]
    return set(rows.groupby("candidate")["votes"].sum().nlargest(n).index)


def test_a_stated_seat_contradicted_by_two_votes_a_ballot_names_no_winner(
    tmp_path, monkeypatch
) -> None:
    path = write(tmp_path, _text(), NAME)
    frame = _frame(path)
    at_large = frame.loc[frame["district"] == "AT-LARGE", "votes"].sum()
    assert at_large == 2 * _ballots(frame, "AT-LARGE")  # the oracle: 2 votes a ballot
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    races = {e.facts.election: e for e in elections}
    # The at-large race and the ward's are given their precincts' ballots cast.
    assert races[AT_LARGE].facts.ballots_cast == _ballots(frame, "AT-LARGE") == 300
    assert races[WARD].facts.ballots_cast == _ballots(frame, "001") == 180
    assert races[MAYOR].facts.ballots_cast == 300
    assert races[AT_LARGE].seats is None
    assert races[WARD].seats == 1 and races[MAYOR].seats == 1
    (warned,) = [p for p in problems if p.code == "race-split"]
    assert f"({at_large:,}) are 2 times the ballots cast (300)" in warned.message
    assert "it states 1 seat" in warned.message
    assert f"--vote-for 2 and --race {AT_LARGE!r}" in warned.message


def test_the_summary_names_no_winner_and_the_advice_reads_it(tmp_path) -> None:
    path = write(tmp_path, _text(), NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    out = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    race = out[AT_LARGE]
    assert race["margin"] is None and not race.get("elected")
    assert any("it states 1 seat" in n for n in race["notes"]), race["notes"]
    assert out[WARD]["leader"]["candidate"] == "CY FOX"
    args = ("--vote-for", "2", "--race", AT_LARGE, "--format", "json")
    result = invoke("summary", str(path), *args)
    assert result.code == 0, result.stderr
    [race] = json.loads(result.stdout)["elections"]
    assert race["seats"] == 2 and set(race["elected"]) == _top(_frame(path), "AT-LARGE", 2)


def test_a_race_that_states_its_seats_rightly_is_not_marked(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, _text("2.0"), NAME)
    elections, problems = engines_agree(monkeypatch, path)
    races = {e.facts.election: e for e in elections}
    assert races[AT_LARGE].seats == 2 and not races[AT_LARGE].per_ballot
    assert not [p for p in problems if p.code == "race-split"]


def test_two_districts_of_one_office_in_a_unit_still_share_its_counts(
    tmp_path, monkeypatch
) -> None:
    """A unit split between two districts of one office (no at-large race) is neither's."""
    rows = [r for r in ROWS if r[6] != "AT-LARGE"] + [
        (2, 1, "DC COUNCILMEMBER", "DEMOCRAT", 30, "HAL KIM", "002", "1.0"),
        (2, 1, "DC COUNCILMEMBER", "INDEPENDENT", 10, "IDA LOW", "002", "1.0"),
    ]
    text = HEAD + "".join(
        f'"{p}","{o}","{party}","TOTAL",{v},"WARD {w}","{c}","{d}",{m},"GEN","FALSE"\n'
        for p, w, o, party, v, c, d, m in rows
    )
    path = write(tmp_path, text, NAME)
    elections, _ = engines_agree(monkeypatch, path)
    races = {e.facts.election: e for e in elections}
    assert races[WARD].facts.ballots_cast is None
    assert races["DC COUNCILMEMBER · 2"].facts.ballots_cast is None


def test_votes_of_several_a_ballot_are_no_excess_over_the_ballots_cast(tmp_path) -> None:
    """The at-large race's 496 valid votes over 300 ballots are its 2 votes a ballot (the race-
    split warning says so), not valid votes exceeding the ballots cast (session 17 left a warning
    saying so beside it, and the findings' "valid votes (496) plus blank and invalid ballots listed
    (104) do NOT equal ballots cast (300)"). With the magnitude stated (1.0, wrongly) or not."""
    frame = _frame(write(tmp_path, _text(), NAME))
    rows = frame[frame["district"] == "AT-LARGE"]
    valid = int(rows.loc[~rows["candidate"].str.endswith("VOTES"), "votes"].sum())
    assert (valid, _ballots(frame, "AT-LARGE")) == (496, 300)  # oracle: pandas
    unstated = "".join(  # the magnitude column (the 9th) left out
        ",".join(c for i, c in enumerate(line.split(",")) if i != 8)
        for line in _text().splitlines(True)
    )
    for text in (_text(), unstated):
        path = write(tmp_path, text, NAME)
        result = invoke("summary", str(path), "--format", "json")
        assert result.code == 0, result.stderr
        assert "exceed ballots_cast" not in result.stderr, result.stderr
        assert "2 times the ballots cast (300)" in result.stderr
        race = {e["election"]: e for e in json.loads(result.stdout)["elections"]}[AT_LARGE]
        assert not any("do NOT equal" in n for n in race["notes"]), race["notes"]


def test_the_overview_gives_no_reason_the_race_does_not_have(tmp_path) -> None:
    """The at-large race's seats are unknown for its votes a ballot (its candidates have no party
    pollcli reads: `party_simplified` is left unused), not for "a party has several candidates in
    each" (the tally's note, session 17)."""
    path = write(tmp_path, _text(), NAME)
    result = invoke("summary", str(path), "--format", "json", "--overview")
    out = json.loads(result.stdout)
    race = next(e for e in out["elections"] if e["election"] == AT_LARGE)
    assert {r["party"] for r in race["results"]} == {None}
    notes = out["overview"]["notes"]
    said = next(n for n in notes if "of an unknown number of seats" in n)
    assert "a party has several candidates" not in said
    assert "the race-split warnings and each race's notes say why" in said
