"""Several races under one name: candidates never listed in one precinct (session 13).

A county's precinct file may list every town's mayor or council under one office and no district
(OpenElections' Newberry County, South Carolina, 2024: the `Town Council`s of Whitmire, Little
Mountain and Pomaria). Read as one race, the towns' candidates were ranked together and the one with
the most votes named the winner. Now a race whose candidates fall into groups never listed in one
precinct, one group of two candidates at least, names no winner, with a `race-split` warning that
lists the groups; units listing every candidate (a county's provisional count) are left out where
they are half the units or fewer. Both engines; the exact engine's rows held as numbers too
(`rowcolumns`, past `NUMPY_ROWS` rows with numpy).

Oracle: the groups worked out here with pandas (each candidate's precincts, joined while they
share one), apart from `read.unit_groups`.
"""

from __future__ import annotations

import io
import json

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read.rowcolumns import NUMPY_ROWS

HEADER = "county,precinct,office,district,party,candidate,votes\n"
MAYORS = """Newberry,Whitmire 1,Mayor,,NON,Ann Able,300
Newberry,Whitmire 1,Mayor,,NON,Bob Baker,200
Newberry,Whitmire 2,Mayor,,NON,Ann Able,100
Newberry,Whitmire 2,Mayor,,NON,Bob Baker,250
Newberry,Pomaria,Mayor,,NON,Carl Cole,420
Newberry,Pomaria,Mayor,,NON,Dee Dunn,90
Newberry,Whitmire 1,Governor,,REP,Gus Grey,400
Newberry,Whitmire 1,Governor,,DEM,Hal Hope,100
Newberry,Whitmire 2,Governor,,REP,Gus Grey,300
Newberry,Whitmire 2,Governor,,DEM,Hal Hope,50
Newberry,Pomaria,Governor,,REP,Gus Grey,200
Newberry,Pomaria,Governor,,DEM,Hal Hope,310
"""
# Newberry's layout: vote-mode columns, write-ins per town, and the county's Failsafe and
# Provisional counts listing every town's candidates (0 votes each).
NEWBERRY_HEADER = (
    "county,precinct,office,district,party,candidate,votes,early_voting,election_day\n"
)
NEWBERRY = """Newberry,Whitmire City,Town Council,,NON,Dwight Lane,194,70,124
Newberry,Whitmire City,Town Council,,NON,Tomekia R Means,219,60,159
Newberry,Whitmire City,Town Council,,NON,Charles E Worthy,223,71,152
Newberry,Whitmire City,Town Council,,NON,Write-In,261,74,187
Newberry,Little Mountain,Town Council,,NON,Jillian Long,202,96,106
Newberry,Little Mountain,Town Council,,NON,Write-In,35,8,27
Newberry,Pomaria,Town Council,,NON,James R Redden,75,34,41
Newberry,Pomaria,Town Council,,NON,Write-In,14,8,6
Newberry,Failsafe,Town Council,,NON,Dwight Lane,0,0,0
Newberry,Failsafe,Town Council,,NON,Tomekia R Means,0,0,0
Newberry,Failsafe,Town Council,,NON,Charles E Worthy,0,0,0
Newberry,Failsafe,Town Council,,NON,Jillian Long,0,0,0
Newberry,Failsafe,Town Council,,NON,James R Redden,0,0,0
Newberry,Provisional,Town Council,,NON,Dwight Lane,0,0,0
Newberry,Provisional,Town Council,,NON,Tomekia R Means,0,0,0
Newberry,Provisional,Town Council,,NON,Charles E Worthy,1,0,1
Newberry,Provisional,Town Council,,NON,Jillian Long,0,0,0
Newberry,Provisional,Town Council,,NON,James R Redden,0,0,0
Newberry,Whitmire City,Sheriff,,REP,Lee Foster,900,400,500
Newberry,Whitmire City,Sheriff,,DEM,Kim Ray,300,100,200
Newberry,Little Mountain,Sheriff,,REP,Lee Foster,500,200,300
Newberry,Little Mountain,Sheriff,,DEM,Kim Ray,400,100,300
Newberry,Pomaria,Sheriff,,REP,Lee Foster,200,100,100
Newberry,Pomaria,Sheriff,,DEM,Kim Ray,250,100,150
"""
NO_CANDIDATE = ("Write-In",)


def _groups(text: str, office: str) -> list[set[str]]:
    """pandas: the office's candidates joined while they share a precinct, the precincts that list
    every candidate left out where they are half the precincts or fewer; the groups of 10 votes a
    precinct, in two precincts or of 2 % of the votes, when two (one of two names) or three."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[(frame.office == office) & ~frame.candidate.isin(NO_CANDIDATE)]
    listed = frame.groupby("precinct")["candidate"].agg(set)
    everyone = set(frame.candidate)
    full = listed[listed.map(len) == len(everyone)]
    if len(full) * 2 <= len(listed):
        listed = listed[listed.map(len) < len(everyone)]
    groups: list[set[str]] = []
    for names in listed:
        touching = [g for g in groups if g & names]
        merged = set(names).union(*touching)
        groups = [g for g in groups if not g & names] + [merged]
    votes = frame.assign(v=frame.votes.astype(int)).groupby("candidate").v.sum()
    where = frame.groupby("candidate").precinct.agg(set)
    groups = [
        g
        for g in groups
        if votes[list(g)].sum() >= 10 * len(set().union(*where[list(g)]))
        and (len(set().union(*where[list(g)])) >= 2 or votes[list(g)].sum() >= 0.02 * votes.sum())
    ]
    several = len(groups) >= 3 or (len(groups) == 2 and any(len(g) >= 2 for g in groups))
    return groups if several else []


def test_towns_mayors_under_one_office_name_no_winner(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEADER + MAYORS, "newberry.csv")
    elections, problems = engines_agree(monkeypatch, path)
    by_name = {e.facts.election: e for e in elections}
    assert sorted(map(sorted, _groups(HEADER + MAYORS, "Mayor"))) == [
        ["Ann Able", "Bob Baker"],
        ["Carl Cole", "Dee Dunn"],
    ]
    mayor = by_name["Mayor"]
    assert mayor.no_winner is not None
    assert "Ann Able, Bob Baker in 'Whitmire 1', 'Whitmire 2'" in mayor.no_winner
    assert "Carl Cole, Dee Dunn in 'Pomaria'" in mayor.no_winner
    assert by_name["Governor"].no_winner is None
    (warning,) = [p for p in problems if p.code == "race-split"]
    assert "'Mayor'" in warning.message
    # (A precinct's name may stand in several counties: the advice names the county too.)
    assert "--where county=COUNTY --where precinct=VALUE" in warning.message
    assert warning in mayor.warnings
    # The figures are shown as read (added up), no one elected.
    result = invoke("summary", str(path), "--format", "json", "--race", "Mayor")
    (summary,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(HEADER + MAYORS))
    votes = frame[frame.office == "Mayor"].groupby("candidate").votes.sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in summary["results"]} == votes
    assert not summary.get("elected") and summary["majority"]["reached"] is False


def test_the_advice_shows_one_towns_figures(tmp_path) -> None:
    path = write(tmp_path, HEADER + MAYORS, "newberry.csv")
    result = invoke(
        "summary", str(path), "--format", "json", "--race", "Mayor", "--where", "precinct=Pomaria"
    )
    assert result.code == 0, result.stderr
    (summary,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in summary["results"]} == {
        "Carl Cole": 420,
        "Dee Dunn": 90,
    }
    assert "race-split" not in result.stderr


def test_county_counts_listing_every_town_are_left_out(tmp_path, monkeypatch) -> None:
    text = NEWBERRY_HEADER + NEWBERRY
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, "newberry.csv"))
    by_name = {e.facts.election: e for e in elections}
    assert len(_groups(text, "Town Council")) == 3
    council = by_name["Town Council"]
    assert council.no_winner is not None
    for town in ("'Whitmire City'", "'Little Mountain'", "'Pomaria'"):
        assert town in council.no_winner
    assert "Write-In" not in council.no_winner and "'Failsafe'" not in council.no_winner
    assert by_name["Sheriff"].no_winner is None
    assert [p.code for p in problems].count("race-split") == 1


def test_one_race_is_never_split(tmp_path, monkeypatch) -> None:
    """A race listed sparsely (a row only where a candidate has votes) in a few precincts, or one
    candidate per county (test_lone_regions), is one race."""
    text = HEADER + "".join(
        f"Adams,P{i},Sheriff,,{p},{c},{v}\n"
        for i in range(1, 7)
        for p, c, v in (("REP", "Al Smith", 10 * i), ("DEM", "Bea Jones", 7 * i))
        if not (i == 5 and c == "Al Smith") and not (i == 6 and c == "Bea Jones")
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, "a.csv"))
    assert all(e.no_winner is None for e in elections)
    assert not [p for p in problems if p.code == "race-split"]


def test_a_candidate_listed_only_where_he_had_a_few_votes_is_no_race(tmp_path, monkeypatch) -> None:
    """St. Joseph County, Indiana, 2016: State House 8's two candidates in 51 precincts, and a
    declared write-in listed in one precinct only, with a few votes."""
    text = HEADER + "".join(
        f"St. Joseph,P{i},State House,8,{p},{c},{v}\n"
        for i in range(1, 6)
        for p, c, v in (("REP", "Richard Pfeil", 300 + i), ("DEM", "Ryan Dvorak", 400 + i))
    )
    text += "St. Joseph,P6,State House,8,,Dale Devon,3\n"
    # Missouri 2014: declared write-ins in a precinct named WRITE-IN, a few votes.
    text += "St. Joseph,WRITE-IN,State House,8,,John Hagerty,2\n"
    text += "St. Joseph,WRITE-IN,State House,8,,Nikolas Bruce,1\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "a.csv"))
    assert all(e.no_winner is None for e in elections)
    assert not _groups(text, "State House")


def test_a_minor_partys_primary_listed_where_its_few_voters_voted(tmp_path, monkeypatch) -> None:
    """California's 2016 primaries (Sutter): a party's few voters a precinct, listed only where a
    candidate had votes, leave candidates in different precincts by chance."""
    rows = [
        "Sutter,02,President,,Green,William Kreml,2\n",
        "Sutter,43,President,,Green,William Kreml,1\n",
        "Sutter,10,President,,Green,Kent Mesplay,1\n",
    ] + [
        f"Sutter,{p},President,,Green,{name},{v}\n"
        for p in ("05", "09", "11", "12")
        for name, v in (("Jill Stein", 3), ("Darryl Cherney", 1))
    ]
    text = HEADER + "".join(rows)
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "ca.csv"))
    assert all(e.no_winner is None for e in elections)
    assert not _groups(text, "President")


def _many(precincts: int) -> str:
    """A big file: a statewide race in every precinct, and a mayor's race per town of 10."""
    lines = []
    for i in range(precincts):
        town = i // 10
        lines.append(f"Newberry,P{i:06d},Governor,,REP,Gus Grey,{100 + i % 7}\n")
        lines.append(f"Newberry,P{i:06d},Governor,,DEM,Hal Hope,{90 + i % 11}\n")
        lines.append(f"Newberry,P{i:06d},Mayor,,NON,A{town},{50 + i % 5}\n")
        lines.append(f"Newberry,P{i:06d},Mayor,,NON,B{town},{40 + i % 3}\n")
    return HEADER + "".join(lines)


def test_a_big_file_on_both_engines(tmp_path, monkeypatch) -> None:
    """Past `NUMPY_ROWS` rows the exact engine's rows held as numbers look with numpy."""
    precincts = NUMPY_ROWS // 4 + 100
    path = write(tmp_path, _many(precincts), "big.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=1 << 16)
    by_name = {e.facts.election: e for e in elections}
    assert by_name["Mayor"].no_winner is not None and by_name["Governor"].no_winner is None
    assert "'P000000'" in by_name["Mayor"].no_winner  # (a town of ten precincts, three shown)
    assert len([p for p in problems if "never listed in one precinct" in p.message]) == 1


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    towns=st.lists(
        st.tuples(st.integers(1, 3), st.integers(2, 3), st.integers(0, 500)), min_size=1, max_size=4
    ),
    county=st.booleans(),
)
def test_towns_split_and_one_race_does_not(tmp_path_factory, towns, county) -> None:
    """Towns' races under one name (precincts, candidates, votes) split where there are two towns
    or more; the county's count listing everyone does not join them; one town is one race."""
    import pytest

    monkeypatch = pytest.MonkeyPatch()
    lines, names = [], []
    for t, (precincts, candidates, votes) in enumerate(towns):
        for p in range(precincts):
            for c in range(candidates):
                lines.append(f"Newberry,T{t} P{p},Council,,NON,T{t} C{c},{votes + c + p}\n")
        names += [f"T{t} C{c}" for c in range(candidates)]
    units = sum(p for p, _, _ in towns)
    if county and units >= 2:
        lines += [f"Newberry,Provisional,Council,,NON,{n},0\n" for n in names]
    text = HEADER + "".join(lines)
    path = write(tmp_path_factory.mktemp("t"), text, "towns.csv")
    try:
        (election,), _ = engines_agree(monkeypatch, path)
    finally:
        monkeypatch.undo()
    expected = bool(_groups(text, "Council"))
    assert (election.no_winner is not None) == expected
    if len(towns) < 2:
        assert not expected  # one town: one race
    elif all(precincts >= 2 and votes >= 10 for precincts, _, votes in towns):
        assert expected  # towns of two precincts, two candidates and votes each: several races


def test_a_county_total_named_like_no_total_leaves_the_race_split(tmp_path, monkeypatch) -> None:
    """The county's figures as a unit `ALL` (the sum of its precincts, set aside) beside two
    provisional counts listing every candidate: the streaming engine's records of the kept-apart
    units carry their votes in the record, not the row; both engines name no winner."""
    totals: dict[str, int] = {}
    rows = []
    for precinct, names in (("Whitmire 1", MAYORS_W), ("Pomaria 1", MAYORS_P)):
        for name, votes in names.items():
            rows.append(f"Newberry,{precinct},Council,,,{name},{votes}\n")
            totals[name] = totals.get(name, 0) + votes
    for k in (1, 2):
        for name in [*MAYORS_W, *MAYORS_P]:
            rows.append(f"Newberry,Prov{k},Council,,,{name},{k}\n")
            totals[name] += k
    assert len(_groups(HEADER + "".join(rows), "Council")) == 2  # (without the county's total)
    rows += [f"Newberry,ALL,Council,,,{name},{votes}\n" for name, votes in totals.items()]
    text = HEADER + "".join(rows)
    (council,), problems = engines_agree(monkeypatch, write(tmp_path, text, "all.csv"))
    assert council.no_winner is not None
    assert [p.code for p in problems].count("race-split") == 1


MAYORS_W = {"Ann Able": 300, "Bob Baker": 200}
MAYORS_P = {"Carl Cole": 420, "Dee Dunn": 90}


def test_precincts_in_pieces_are_judged_whole(tmp_path, monkeypatch) -> None:
    """A file sorted by race and candidate (Florida's) has each precinct's rows in several blocks:
    each piece lists some of its race's names. The streaming engine's screen judged each piece as a
    precinct short of names, so every race was looked at row by row (1M rows: 3.7 s). Pieces are now
    put together first: a race whose precincts list every name is not looked at; the towns' mayors
    still split, the same on both engines (oracle: pandas, `_groups`)."""
    from pollcli.read import unit_groups

    def by_race(text: str) -> str:
        head, *rows = text.splitlines(keepends=True)
        return head + "".join(sorted(rows, key=lambda r: (r.split(",")[2], r.split(",")[5])))

    looked: list[int] = []
    splits_in = unit_groups.splits_in

    def watched(np, opened, *rows):
        looked.append(int(opened.size))
        return splits_in(np, opened, *rows)

    monkeypatch.setattr(unit_groups, "splits_in", watched)
    governor = HEADER + "".join(
        f"Newberry,P{i:03d},Governor,,{party},{name},{(7 * i + k) % 90 + 10}\n"
        for i in range(60)
        for k, (party, name) in enumerate((("REP", "Gus Grey"), ("DEM", "Hal Hope")))
    )
    one_race = write(tmp_path, by_race(governor), "governor.csv")
    engines_agree(monkeypatch, one_race, block_bytes=300)
    assert looked == []  # (each precinct in two blocks: the screen let no race through)
    towns = write(tmp_path, by_race(governor + MAYORS.replace("Governor", "Sheriff")), "towns.csv")
    elections, _ = engines_agree(monkeypatch, towns, block_bytes=300)
    (mayor,) = [e for e in elections if e.facts.election == "Mayor"]
    assert mayor.no_winner is not None and _groups(HEADER + MAYORS, "Mayor")
    assert looked == [1]


def test_a_district_summed_into_precincts_hides_no_split(tmp_path, monkeypatch) -> None:
    """A district column read as geography where the county and precinct are given is added to
    the precinct's name (`geography.sub_units`), so the race is one per county; but the screens
    run before the assembly (the exact engine's `rowcolumns`, the streaming engine's `repeats`)
    grouped the precincts by district too, found every district's precincts alike, and summed
    them: the towns' mayors were one race and Bob Baker its leader, on both engines (session 14's
    review). Now such a file's rows reach the assembly's screen one by one: no winner (oracle:
    pandas, `_groups`, the towns' candidates never in one precinct)."""
    districts = {"Whitmire 1": "1", "Whitmire 2": "2"}  # (Pomaria's blank: no district)
    rows = [
        line.replace(",Mayor,,", f",Mayor,{districts.get(line.split(',')[1], '')},")
        for line in MAYORS.splitlines(keepends=True)
    ]
    text = HEADER + "".join(rows)
    path = write(tmp_path, text, "districts.csv")
    elections, problems = engines_agree(monkeypatch, path)
    (mayor,) = [e for e in elections if e.facts.election == "Mayor"]
    assert sorted(
        map(sorted, _groups(text.replace(",1,", ",,").replace(",2,", ",,"), "Mayor"))
    ) == [
        ["Ann Able", "Bob Baker"],
        ["Carl Cole", "Dee Dunn"],
    ]
    assert mayor.no_winner is not None
    assert any("geography (summed)" in note for e in elections for note in e.notes)
    assert [p.code for p in problems].count("race-split") == 1
