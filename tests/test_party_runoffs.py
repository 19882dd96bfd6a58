"""Two parties' runoffs (or primaries) read as one race: Oklahoma's 2018 primary runoff file,
saved under a name without "primary", read its Governor race as one — Kevin Stitt and Mick Cornett
(REP) beside Chris Powell and Rex Lawhorn (LIB, a few hundred votes) — and said "First past the
post: Kevin Stitt wins the seat with a majority" (54.40 % of both runoffs' votes; nobody won a
seat). Its Corporation Commissioner race (2 REP, 2 DEM, none with a majority) was flagged: the
check of several candidates of one party counted only candidates with half an even share of the
votes and let a majority name a winner. Two parties that each have two candidates or more in one
race are party primaries (or a race of several seats) whatever their sizes: no winner is named.
A general election's fusion lines (one candidate under two parties) and write-ins (several of no
party) are no such sign. The figures are invented."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,party,candidate,votes"


def _rows(office: str, field: list[tuple[str, str, int]]) -> list[str]:
    """Each candidate's votes over two precincts (60 % and 40 %, hand-checked sums)."""
    out = []
    for precinct, part in (("101", 0.6), ("102", 0.4)):
        for party, name, votes in field:
            share = round(votes * part) if precinct == "101" else votes - round(votes * 0.6)
            out.append(f"Alder,{precinct},{office},{party},{name},{share}")
    return out


def _file(tmp_path, lib: tuple[int, int], name: str = "xx_2018_runoff.csv"):
    rows = [HEADER]
    rows += _rows(
        "Governor",
        [
            ("REP", "Ada Quill", 16400),
            ("REP", "Ben Hollis", 13700),
            ("LIB", "Cy Marsh", lib[0]),
            ("LIB", "Di Park", lib[1]),
        ],
    )
    # One party's runoff alone, and a race of one candidate a party: no sign of two primaries.
    rows += _rows("Auditor", [("REP", "Ed Vance", 9000), ("REP", "Flo Grant", 8000)])
    rows += _rows("Treasurer", [("REP", "Gil Ames", 900), ("LIB", "Hal Rudd", 100)])
    return write(tmp_path, "\n".join(rows) + "\n", name)


@pytest.mark.parametrize("lib", [(547, 379), (1, 1), (3000, 2500)])
def test_two_parties_of_several_candidates_name_no_winner(tmp_path, monkeypatch, lib):
    elections, problems = engines_agree(monkeypatch, _file(tmp_path, lib))
    by_name = {e.facts.election: e for e in elections}
    governor = by_name["Governor"]
    assert governor.crowded == "2 LIB, 2 REP" or governor.crowded == "2 REP, 2 LIB"
    assert by_name["Auditor"].crowded is None and by_name["Treasurer"].crowded is None
    (split,) = [p for p in problems if p.code == "race-split"]
    assert "'Governor'" in split.message and "--race-by office,party" in split.message


def test_the_summary_names_no_winner(tmp_path):
    path = _file(tmp_path, (547, 379))
    result = invoke("summary", str(path), "--race", "Governor")
    assert result.code == 0, result.stderr
    assert "wins the seat" not in result.stdout and "No winner is named" in _flat(result.stdout)
    report = json.loads(
        invoke("summary", str(path), "--race", "Governor", "--format", "json").stdout
    )
    (race,) = report["elections"]
    assert race["seats"] is None and race["margin"] is None
    # The votes stay the file's: 16,400 + 13,700 + 547 + 379 (hand-added).
    assert sum(o["votes"] for o in race["results"]) == 31026


def test_fusion_lines_tickets_and_write_ins_still_name_a_winner(tmp_path, monkeypatch):
    """In a file that does not say it is a general election, too."""
    rows = [HEADER]
    # One candidate under two parties' lines each (New York's fusion).
    rows += _rows(
        "Governor",
        [
            ("DEM", "Ida Roan", 5000),
            ("WFP", "Ida Roan", 400),
            ("REP", "Jo Kell", 4000),
            ("CON", "Jo Kell", 300),
        ],
    )
    # Write-ins of no party beside one candidate a party.
    rows += _rows(
        "Sheriff",
        [
            ("DEM", "Kai Lund", 3000),
            ("REP", "Lee Moss", 2000),
            ("WRITE-IN", "Mo Nash", 40),
            ("WRITE-IN", "Ned Orr", 30),
            ("", "Ola Pike", 20),
        ],
    )
    # One ticket written two ways in one county (Oregon's 2020 file: "Joseph R. Biden" and
    # "Joseph R Biden / Kamala D Harris", both DEM), in two parties.
    rows += [
        "Alder,101,President,DEM,Pat Quinn,7000",
        "Alder,101,President,DEM,Pat Quinn / Ray Stone,30",
        "Alder,101,President,REP,Sam Tate,5000",
        "Alder,101,President,LBT,Uma Vale (LBT),200",
        "Alder,101,President,LBT,Uma Vale / Wes Yule,5",
    ]
    elections, problems = engines_agree(
        monkeypatch, write(tmp_path, "\n".join(rows) + "\n", "xx_2018.csv")
    )
    assert len(elections) == 3 and all(e.crowded is None and e.seats == 1 for e in elections)
    assert not [p for p in problems if p.code == "race-split"]


_VOTES = st.integers(min_value=1, max_value=100_000)


@settings(max_examples=25)
@given(st.tuples(_VOTES, _VOTES, _VOTES, _VOTES))
def test_any_sizes_of_two_parties_pairs_name_no_winner(votes):
    """Whatever the four candidates' votes, two parties of two each: no winner, no margin."""
    import tempfile
    from pathlib import Path

    from pollcli import load

    names = ("REP,Ada Quill", "REP,Ben Hollis", "LIB,Cy Marsh", "LIB,Di Park")
    rows = [HEADER, *(f"Alder,101,Governor,{n},{v}" for n, v in zip(names, votes, strict=True))]
    rows.append("Alder,101,Auditor,REP,Ed Vance,5")
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "\n".join(rows) + "\n", "xx_runoff.csv")
        elections = load(path)
    (governor,) = [e for e in elections if e.facts.election == "Governor"]
    assert governor.seats is None and governor.crowded


def test_a_general_election_file_is_no_file_of_primaries(tmp_path, monkeypatch):
    """Two parties' pairs and a majority in a file that says it is a general election: its leader
    wins, as before (a race of several seats gives nobody a majority of all its votes)."""
    path = _file(tmp_path, (547, 379), "xx_2018_general.csv")
    elections, problems = engines_agree(monkeypatch, path)
    (governor,) = [e for e in elections if e.facts.election == "Governor"]
    assert governor.crowded is None and governor.seats == 1
    assert not [p for p in problems if p.code == "race-split"]


def test_the_likelier_reading_is_said_first(tmp_path):
    """Two parties' several candidates each (Oklahoma's runoff file: 2 REP, 2 LIB) are primaries
    or runoffs read as one race, most likely: the finding and the race-split warning say that
    first, several seats second. One party's several candidates beside another's one (Arizona's
    State House: two Democrats for two seats) keep several seats first."""
    rows = [
        HEADER,
        *_rows(
            "Governor",
            [
                ("REP", "Ada Quill", 16400),
                ("REP", "Ben Hollis", 13700),
                ("LIB", "Cy Marsh", 547),
                ("LIB", "Di Park", 379),
            ],
        ),
    ]
    path = write(tmp_path, "\n".join(rows) + "\n", "xx_2018_runoff.csv")
    result = invoke("summary", str(path))
    said = _flat(result.stdout)
    assert (
        "party primaries (or runoffs) read as one race, most likely (or a race for several seats)"
        in said
    )
    assert (
        "Two parties' candidates in one race are party primaries (or runoffs) read as one race, most likely: add the party column"
        in _flat(result.stderr)
    )
    # One party's pair beside one of another party, no majority, in two offices' districts.
    rows = [HEADER.replace("office", "office,district")]
    for district, field in (
        ("1", [("DEM", "Ed Vance", 900), ("DEM", "Flo Grant", 850), ("REP", "Gil Ames", 950)]),
        ("2", [("DEM", "Hal Rudd", 700), ("REP", "Ivy Cole", 720), ("REP", "Jo Dunn", 690)]),
    ):
        rows += [
            r.replace("State House,", f"State House,{district},")
            for r in _rows("State House", field)
        ]
    other = write(tmp_path, "\n".join(rows) + "\n", "yy_2018_results.csv")
    result = invoke("summary", str(other))
    said = _flat(result.stdout)
    assert "a race for several seats, most likely (or party primaries read as one race)" in said
    assert "A race for several seats is one race of N seats" in _flat(result.stderr)


def _flat(text: str) -> str:
    """Text as said, its panel's borders and line breaks left out."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(
    ("name", "primary"),
    [
        ("xx_2018_runoff.csv", True),
        ("20180828__xx__runoff__precinct.csv", True),
        ("xx_2018_general_runoff.csv", False),  # (a general election's runoff elects the seat)
        # A special election's runoff fills the vacancy (its file is no file of primaries, as
        # `crowded.primaries` reads it): "Ed Vance wins the primary" since 7e10dfd.
        ("xx_2019_special_runoff.csv", False),
        ("20171205__xx__special__runoff__precinct.csv", False),
        ("xx_2018_results.csv", False),  # (no runoff said: one party's two, as before)
    ],
)
def test_one_party_runoff_is_a_primary_runoff(tmp_path, monkeypatch, name, primary):
    """One party's two candidates in a runoff file not said to be of a general election (the
    Oklahoma file's Lieutenant Governor, Pinnell and Murphy, REP) are its primary runoff: the
    winner of the round is named as the primary's, no seat is counted as won; the race of two
    parties' pairs beside it stays a race-split."""
    path = _file(tmp_path, (547, 379), name)
    elections, _ = engines_agree(monkeypatch, path)
    auditor = {e.facts.election: e for e in elections}["Auditor"]
    assert auditor.race is not None and auditor.race.primary is primary
    assert any("REP primary runoff, most likely" in n for n in auditor.notes) is primary
    result = invoke("summary", str(path), "--race", "Auditor")
    said = _flat(result.stdout)
    # Ed Vance 9,000 of 17,000 (hand-checked): 52.94 %.
    assert "Ed Vance (REP) leads with 52.94 % (9,000 votes)" in said
    prize = "the primary" if primary else "the seat"
    assert f"Ed Vance wins {prize} with a majority" in said


@pytest.mark.parametrize("name", ["xx_2018_01_09_special.csv", "20180109__xx__special.csv"])
def test_a_special_election_file_is_no_file_of_primaries(tmp_path, monkeypatch, name):
    """A special election fills one vacancy in a vote of all parties, where a majority of all the
    votes elects: Georgia's special election of 9 January 2018 (OpenElections' file, named
    `…__special.csv`) had two Democrats and two Republicans for State Representative 111, and the
    Republican with 51.04 % won; since ea89771 it read 'no winner is named … (or party primaries
    read as one race)'. A file whose name or race says special is no file of primaries; its
    leader wins with a majority, as before (the votes hand-added: 16,400 of 31,026)."""
    elections, problems = engines_agree(monkeypatch, _file(tmp_path, (547, 379), name))
    (governor,) = [e for e in elections if e.facts.election == "Governor"]
    assert governor.crowded is None and governor.seats == 1
    assert sum(o.votes or 0 for o in governor.options) == 31026
    assert 2 * 16400 > 31026
    assert not [p for p in problems if p.code == "race-split"]
    result = invoke("summary", str(tmp_path / name), "--race", "Governor")
    assert result.code == 0, result.stderr
    assert "Ada Quill wins the seat with a majority" in " ".join(result.stdout.split())


def test_a_files_name_is_read_once_for_its_races(tmp_path, monkeypatch):
    # One party's runoffs are looked for in every race of one seat: bench's elections_1M's
    # 10,000 races each read the file's name (PurePath and a pattern, some 40 ms of the run).
    from pollcli.read import primaries

    seen: list[str] = []

    class Counted(type(primaries.PurePath(""))):  # type: ignore[misc]
        def __new__(cls, *parts):
            seen.append(str(parts[0]))
            return super().__new__(cls, *parts)

    monkeypatch.setattr(primaries, "PurePath", Counted)
    rows = [HEADER] + [
        line
        for n in range(50)
        for line in _rows(f"Board {n}", [("REP", f"A{n} Ames", 9), ("DEM", f"B{n} Bell", 8)])
    ]
    path = write(tmp_path, "\n".join(rows) + "\n", "xx_2018_board.csv")
    invoke("summary", str(path), "--format", "json")
    assert seen.count(str(path)) <= 1, seen


def test_two_of_no_party_affiliation_are_no_party_runoff(tmp_path, monkeypatch):
    # Florida writes NPA in full, 'No Party Affiliation': two such candidates in a runoff file
    # were 'a No Party Affiliation primary runoff, most likely … Ann Archer wins the primary'.
    rows = [HEADER, *_rows("Commission", [("No Party Affiliation", "Ann Archer", 500)])]
    rows += _rows("Commission", [("No Party Affiliation", "Bob Baker", 400)])
    rows += _rows("Mayor", [("REP", "Cy Cole", 300), ("DEM", "Di Dunn", 200)])
    path = write(tmp_path, "\n".join(rows) + "\n", "xx_2020_runoff.csv")
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = [e for e in elections if e.facts.election == "Commission"]
    assert election.race is not None and not election.race.primary
    assert not any("primary runoff" in n for n in election.notes)
