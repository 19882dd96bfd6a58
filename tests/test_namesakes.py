"""Issue 12 item 7: two candidates of one race with the same name and different parties are two
candidates; one candidate's party lines are added up only when asked (`--fusion`) or when the file
says so (a `fusion_ticket` column, as MEDSL writes it, or one candidate id on every line).

Figures are checked against pandas, grouping by (name, party), or against hand-checked tables;
both engines must agree on every file (the streaming engine with tiny blocks).
"""

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import stream

pd = pytest.importorskip("pandas")

# The review's probe (S3): "John Smith" DEM and "John Smith" REP were summed to 370 and led.
NAMESAKES = (
    "county,precinct,office,party,candidate,votes\n"
    "Alder,P1,County Commission,DEM,John Smith,100\n"
    "Alder,P1,County Commission,REP,John Smith,120\n"
    "Alder,P1,County Commission,IND,Ada Birch,150\n"
    "Alder,P2,County Commission,DEM,John Smith,80\n"
    "Alder,P2,County Commission,REP,John Smith,70\n"
    "Alder,P2,County Commission,IND,Ada Birch,100\n"
    "Alder,P1,Sheriff,DEM,Cole Dane,10\n"
    "Alder,P1,Sheriff,REP,Eve Falk,12\n"
)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


both = engines_agree


def table(elections) -> dict[str, dict[tuple[str, str | None], int | None]]:
    """Each race's options as {(name, party): votes}."""
    return {
        e.facts.election: {(o.candidate, o.party): o.votes for o in e.options} for e in elections
    }


def pandas_sums(text: str, race: str = "office", party: str = "party", votes: str = "votes"):
    """Votes per race per (name, party), by pandas: the oracle."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame[votes] = frame[votes].astype(int)
    sums = frame.groupby([race, "candidate", party], sort=False)[votes].sum()
    out: dict[str, dict[tuple[str, str], int]] = {}
    for (office, name, line), total in sums.items():
        out.setdefault(office, {})[name, line] = int(total)
    return out


def codes(problems) -> list[str]:
    return [p.code for p in problems]


# --- the default: (name, party) ---------------------------------------------------------------


def test_namesakes_of_two_parties_are_two_candidates_and_the_right_one_wins(tmp_path, monkeypatch):
    path = write(tmp_path, NAMESAKES)
    elections, problems = both(monkeypatch, path)
    expected = pandas_sums(NAMESAKES)["County Commission"]
    assert expected == {
        ("John Smith", "DEM"): 180,
        ("John Smith", "REP"): 190,
        ("Ada Birch", "IND"): 250,
    }
    commission = table(elections)["County Commission"]
    # Each namesake is listed with its party, in its name too: every name stays one option.
    assert commission == {
        ("John Smith (DEM)", "DEM"): 180,
        ("John Smith (REP)", "REP"): 190,
        ("Ada Birch", "IND"): 250,
    }
    assert codes(problems) == ["shared-name"]
    warning = problems[0]
    assert warning.severity == "warning" and warning.race == "County Commission"
    assert warning.line == 3  # the first row of the second party
    for text in ("'John Smith'", "DEM (180 votes)", "REP (190 votes)", "--fusion", "fusion"):
        assert text in warning.message
    # Added up (180 + 190 = 370 > 250) the name would lead: the warning says so.
    assert warning.message.endswith(
        "added up, 'John Smith' would lead the race with 370 votes, where 'Ada Birch' leads as "
        "listed (250 votes): no winner is named unless --fusion says they are one candidate's lines"
    )
    assert elections[0].fused_lead == "John Smith"
    assert not any("party lines" in n for n in elections[0].notes)


def test_the_summary_names_the_right_winner_and_each_namesake_once(tmp_path):
    path = write(tmp_path, NAMESAKES)
    result = invoke("summary", str(path), "--race", "Commission", "--format", "json")
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    ranked = [(r["candidate"], r["party"], r["votes"]) for r in race["results"]]
    assert ranked == [
        ("Ada Birch", "IND", 250),
        ("John Smith (REP)", "REP", 190),
        ("John Smith (DEM)", "DEM", 180),
    ]
    assert race["leader"]["candidate"] == "Ada Birch"
    assert race["warning_codes"] == ["shared-name"]
    assert "--fusion adds their votes up" in result.stderr
    text = invoke("summary", str(path), "--race", "Commission").stdout
    assert "Runner-up: John Smith (REP) with" in text
    assert "(REP) (REP)" not in text and "(REP)," not in text


def test_fusion_adds_a_candidates_party_lines_up_as_before(tmp_path, monkeypatch):
    path = write(tmp_path, NAMESAKES)
    elections, problems = both(monkeypatch, path, fusion=True)
    # Credited to REP, the line with most votes (pandas_sums: REP 190, DEM 180), never "DEM / REP".
    assert table(elections)["County Commission"] == {
        ("John Smith", "REP"): 370,
        ("Ada Birch", "IND"): 250,
    }
    assert problems == []
    assert (
        "John Smith ran on 2 party lines (REP 190, DEM 180); their votes are added up and "
        "credited to REP, the line with most votes."
    ) in elections[0].notes
    assert not any("party lines" in n for n in elections[1].notes)


@pytest.mark.parametrize("command", ["summary", "compare", "validate", "seats"])
def test_every_reading_command_takes_fusion(tmp_path, command):
    path = write(
        tmp_path, "candidate,party,votes\nJohn Smith,DEM,180\nJohn Smith,REP,190\nAda,IND,250\n"
    )
    extra = ["--seats", "3"] if command == "seats" else []
    result = invoke(command, str(path), *([str(path)] if command == "compare" else []), *extra,
                    "--fusion", "--format", "json")  # fmt: skip
    assert result.code == 0, result.stderr
    assert "--fusion adds their votes up" not in result.stdout + result.stderr
    without = invoke(command, str(path), *([str(path)] if command == "compare" else []), *extra,
                     "--format", "json")  # fmt: skip
    assert "--fusion adds their votes up" in without.stdout + without.stderr


def test_the_same_name_and_party_twice_in_one_precinct_is_still_a_duplicate(tmp_path, monkeypatch):
    text = NAMESAKES + "Alder,P2,County Commission,DEM,John Smith,5\n"
    path = write(tmp_path, text)
    _, problems = both(monkeypatch, path)
    errors = [(p.code, p.line) for p in problems if p.severity == "error"]
    assert errors == [("duplicate-option", 10)]
    # One precinct listing one candidate twice: never party lines (trial B3).
    assert "precinct 'P2' appears twice" in problems[0].message


def test_the_warning_says_when_adding_up_would_change_the_leader_and_only_then(
    tmp_path, monkeypatch
):
    """MEDSL's Senate file has no fusion_ticket column: New York 1980 lists D'Amato's three lines
    apart, and his Republican line alone trails Holtzman (figures invented, the shape is the
    file's). The warning says that adding up changes the leader; where it does not, it is silent."""
    text = (
        "year,state,office,candidate,party_detailed,candidatevotes\n"
        "1980,NEW YORK,US SENATE,AL DAMATO,REPUBLICAN,2272\n"
        "1980,NEW YORK,US SENATE,AL DAMATO,RIGHT TO LIFE,152\n"
        "1980,NEW YORK,US SENATE,AL DAMATO,CONSERVATIVE,275\n"
        "1980,NEW YORK,US SENATE,LIZ HOLTZ,DEMOCRAT,2618\n"
        "1980,NEW YORK,US SENATE,JAY JAVITZ,LIBERAL,664\n"
        "1982,NEW YORK,US SENATE,DAN MOYNI,DEMOCRAT,3089\n"
        "1982,NEW YORK,US SENATE,DAN MOYNI,LIBERAL,142\n"
        "1982,NEW YORK,US SENATE,FLO SULL,REPUBLICAN,1415\n"
    )
    elections, problems = both(monkeypatch, write(tmp_path, text))
    leaders = {e.facts.election: max(e.options, key=lambda o: o.votes).candidate for e in elections}
    assert leaders == {"1980 · US SENATE": "LIZ HOLTZ", "1982 · US SENATE": "DAN MOYNI (DEMOCRAT)"}
    messages = {p.race: p.message for p in problems if p.code == "shared-name"}
    # 2,272 + 152 + 275 = 2,699 > 2,618 (hand-checked).
    assert messages["1980 · US SENATE"].endswith(
        "added up, 'AL DAMATO' would lead the race with 2,699 votes, where 'LIZ HOLTZ' leads as "
        "listed (2,618 votes): no winner is named unless --fusion says they are one candidate's lines"
    )
    assert "would lead" not in messages["1982 · US SENATE"]  # his Democratic line leads anyway
    (fused, _), _ = both(monkeypatch, write(tmp_path, text), fusion=True)
    assert {(o.candidate, o.party): o.votes for o in fused.options} == {
        ("AL DAMATO", "REPUBLICAN"): 2699,
        ("LIZ HOLTZ", "DEMOCRAT"): 2618,
        ("JAY JAVITZ", "LIBERAL"): 664,
    }


def test_a_blank_party_beside_one_party_is_the_same_candidate(tmp_path, monkeypatch):
    """Kentucky's 2018 file gives some counties' rows no party: one candidate, as before."""
    text = (
        "county,precinct,office,party,candidate,votes\n"
        "A,1,House,REP,Scott Lewis,10\nA,1,House,DEM,Ann Ray,7\n"
        "B,1,House,,Scott Lewis,4\nB,1,House,,Ann Ray,9\n"
    )
    elections, problems = both(monkeypatch, write(tmp_path, text))
    assert table(elections)["results"] == {("Scott Lewis", "REP"): 14, ("Ann Ray", "DEM"): 16}
    assert problems == []


def test_options_that_are_not_candidates_are_not_split_by_party(tmp_path, monkeypatch):
    """New Hampshire's file writes the town in the party cell of its Scatter rows."""
    text = (
        "county,precinct,office,party,candidate,votes\n"
        "C,Acworth,House,Acworth,scatter,1\nC,Acworth,House,DEM,Ann Ray,7\n"
        "C,Albany,House,Albany,scatter,2\nC,Albany,House,DEM,Ann Ray,5\n"
    )
    elections, problems = both(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in elections[0].options} == {"Ann Ray": 12, "scatter": 3}
    assert "shared-name" not in codes(problems)


def test_namesakes_in_every_region_and_by_region(tmp_path, monkeypatch):
    text = (
        "region,precinct,candidate,party,votes\n"
        "N,1,John Smith,DEM,30\nN,1,John Smith,REP,20\nN,1,Ada Birch,IND,40\n"
        "N,2,John Smith,DEM,5\nN,2,John Smith,REP,25\nN,2,Ada Birch,IND,1\n"
        "S,3,John Smith,DEM,60\nS,3,John Smith,REP,10\nS,3,Ada Birch,IND,50\n"
    )
    path = write(tmp_path, text)
    (election,), problems = both(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(text))
    by_region = frame.groupby(["region", "candidate", "party"])["votes"].sum().to_dict()
    for region in election.regions:
        got = {(o.candidate.split(" (")[0], o.party): o.votes for o in region.options}
        want = {(c, p): int(v) for (r, c, p), v in by_region.items() if r == region.name}
        assert got == want
    assert codes(problems) == ["shared-name"]
    result = invoke("summary", str(path), "--by", "region", "--format", "json")
    assert result.code == 0, result.stderr
    regions = json.loads(result.stdout)["elections"][0]["regions"]
    leaders = {r["region"]: r["leader"]["candidate"] for r in regions}
    assert leaders == {"N": "John Smith (REP)", "S": "John Smith (DEM)"}  # 45 v 41 v 35; 60 v 50


def test_namesakes_never_in_one_region_are_kept_apart_with_a_hint(tmp_path, monkeypatch):
    """A party written two ways by two counties, in ways not known to be one party's
    (`namekeys.party_key`; DEM and Democratic are: test_party_spellings), looks like namesakes:
    kept apart (nothing is merged unasked), and the warning says they never meet; --fusion adds
    them up."""
    text = (
        "county,candidate,party,votes\n"
        "A,Ann Ray,DEM,70\nA,Bo Tate,REP,60\nB,Ann Ray,Democratic Party,20\nB,Bo Tate,REP,50\n"
    )
    path = write(tmp_path, text)
    (election,), problems = both(monkeypatch, path)
    assert {o.candidate: o.votes for o in election.options} == {
        "Ann Ray (DEM)": 70,
        "Ann Ray (Democratic Party)": 20,
        "Bo Tate": 110,
    }
    assert codes(problems) == ["shared-name"]  # and no name-variant: they are not spellings
    assert "never appear in the same region" in problems[0].message
    (fused,), _ = both(monkeypatch, path, fusion=True)
    assert {o.candidate: o.votes for o in fused.options} == {"Ann Ray": 90, "Bo Tate": 110}


def test_a_candidate_in_two_parties_and_none_keeps_the_blank_rows_apart(tmp_path, monkeypatch):
    text = "candidate,party,votes\nJohn Smith,DEM,5\nJohn Smith,REP,6\nJohn Smith,,2\nAda,X,9\n"
    (election,), problems = both(monkeypatch, write(tmp_path, text))
    assert {(o.candidate, o.party): o.votes for o in election.options} == {
        ("John Smith (DEM)", "DEM"): 5,
        ("John Smith (REP)", "REP"): 6,
        ("John Smith (no party)", None): 2,
        ("Ada", "X"): 9,
    }
    assert codes(problems) == ["shared-name"]


# --- what the file says: fusion_ticket, candidate ids ---------------------------------------------

MEDSL = (
    "year,state,office,district,stage,special,candidate,party,writein,mode,candidatevotes,"
    "totalvotes,fusion_ticket\n"
    # NY-8: one candidate on two lines; MEDSL marks only the minor line TRUE in some years.
    "2024,NEW YORK,US HOUSE,008,GEN,FALSE,JOHN J. DELANEY,REPUBLICAN,FALSE,TOTAL,100,230,FALSE\n"
    "2024,NEW YORK,US HOUSE,008,GEN,FALSE,JOHN J. DELANEY,CONSERVATIVE,FALSE,TOTAL,20,230,TRUE\n"
    "2024,NEW YORK,US HOUSE,008,GEN,FALSE,ANN LEE,DEMOCRAT,FALSE,TOTAL,110,230,FALSE\n"
    # NY-9: two men of one name.
    "2024,NEW YORK,US HOUSE,009,GEN,FALSE,JOHN SMITH,DEMOCRAT,FALSE,TOTAL,50,180,FALSE\n"
    "2024,NEW YORK,US HOUSE,009,GEN,FALSE,JOHN SMITH,REPUBLICAN,FALSE,TOTAL,60,180,FALSE\n"
    "2024,NEW YORK,US HOUSE,009,GEN,FALSE,ADA BIRCH,WORKING FAMILIES,FALSE,TOTAL,70,180,FALSE\n"
    # NY-10: both lines marked, as in MEDSL's 1976–2022 file.
    "2024,NEW YORK,US HOUSE,010,GEN,FALSE,EVE FALK,DEMOCRAT,FALSE,TOTAL,300,600,TRUE\n"
    "2024,NEW YORK,US HOUSE,010,GEN,FALSE,EVE FALK,WORKING FAMILIES,FALSE,TOTAL,40,600,TRUE\n"
    "2024,NEW YORK,US HOUSE,010,GEN,FALSE,GUS HALE,REPUBLICAN,FALSE,TOTAL,260,600,FALSE\n"
)


def test_a_fusion_ticket_column_adds_up_the_lines_it_marks(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, MEDSL))
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    # Hand-checked: 100 + 20; 50 and 60 apart; 300 + 40. Each race's votes add up to totalvotes.
    assert got == {
        "US HOUSE · 8": {"JOHN J. DELANEY": 120, "ANN LEE": 110},
        "US HOUSE · 9": {
            "JOHN SMITH (DEMOCRAT)": 50,
            "JOHN SMITH (REPUBLICAN)": 60,
            "ADA BIRCH": 70,
        },
        "US HOUSE · 10": {"EVE FALK": 340, "GUS HALE": 260},
    }
    found = [(p.code, p.race) for p in problems if p.code != "unknown-column"]
    assert found == [("shared-name", "US HOUSE · 9")]
    # The column is used, never reported as unknown (writein is), and is no election fact.
    assert not any("fusion_ticket" in p.message for p in problems)
    notes = {e.facts.election: e.notes for e in elections}
    assert any("JOHN J. DELANEY ran on 2 party lines" in n for n in notes["US HOUSE · 8"])
    assert not any("fusion_ticket" in n for e in elections for n in e.notes)


def test_one_candidate_id_on_several_party_lines_is_one_candidate(tmp_path, monkeypatch):
    """FiveThirtyEight gives each of Gillibrand's lines her one candidate_id."""
    text = (
        "race_id,candidate_id,candidate_name,ballot_party,votes\n"
        "115,11202,Kirsten E. Gillibrand,DEM,3755489\n"
        "115,11202,Kirsten E. Gillibrand,WFP,160128\n"
        "115,11203,Chele Farley,REP,1730439\n"
        "115,11203,Chele Farley,CRV,246171\n"
        "116,20,Ann Lee,DEM,5\n116,21,Ann Lee,REP,7\n"
        # Namesakes by id, one of them on two lines: still one candidate of that id.
        "117,30,Bo Tate,DEM,5\n117,30,Bo Tate,WFP,2\n117,31,Bo Tate,REP,6\n"
    )
    elections, problems = both(monkeypatch, write(tmp_path, text))
    got = [{(o.candidate, o.party): o.votes for o in e.options} for e in elections]
    assert got == [
        {
            ("Kirsten E. Gillibrand", "DEM"): 3755489 + 160128,
            ("Chele Farley", "REP"): 1730439 + 246171,
        },
        {("Ann Lee (id 20)", "DEM"): 5, ("Ann Lee (id 21)", "REP"): 7},
        {("Bo Tate (id 30)", "DEM"): 7, ("Bo Tate (id 31)", "REP"): 6},
    ]
    assert "shared-name" not in codes(problems)


# --- tallies by party: a fused candidate counts for their main line (trial A1) -----------------

# MEDSL lists a fused candidate's lines in any order, the minor line often first (1976: Jack Kemp
# CONSERVATIVE, then REPUBLICAN); the "races won" tally credited the first, `seats` the joined "A / B".
FUSED_RACES = (
    "year,state,office,district,stage,special,candidate,party,writein,mode,candidatevotes,"
    "totalvotes,fusion_ticket\n"
    "1976,NEW YORK,US HOUSE,038,GEN,FALSE,JOHN KEMPER,CONSERVATIVE,FALSE,TOTAL,1400,21200,TRUE\n"
    "1976,NEW YORK,US HOUSE,038,GEN,FALSE,JOHN KEMPER,REPUBLICAN,FALSE,TOTAL,15100,21200,TRUE\n"
    "1976,NEW YORK,US HOUSE,038,GEN,FALSE,PETE GRAY,DEMOCRAT,FALSE,TOTAL,4700,21200,FALSE\n"
    "1976,NEW YORK,US HOUSE,016,GEN,FALSE,LEO ZEFF,CONSERVATIVE,FALSE,TOTAL,900,12000,TRUE\n"
    "1976,NEW YORK,US HOUSE,016,GEN,FALSE,LEO ZEFF,DEMOCRAT,FALSE,TOTAL,7000,12000,TRUE\n"
    "1976,NEW YORK,US HOUSE,016,GEN,FALSE,ANN LEE,REPUBLICAN,FALSE,TOTAL,4100,12000,FALSE\n"
    "1976,NEW YORK,US HOUSE,003,GEN,FALSE,RAY DELL,LIBERAL,FALSE,TOTAL,800,9000,TRUE\n"
    "1976,NEW YORK,US HOUSE,003,GEN,FALSE,RAY DELL,DEMOCRAT,FALSE,TOTAL,3000,9000,TRUE\n"
    "1976,NEW YORK,US HOUSE,003,GEN,FALSE,RAY DELL,REPUBLICAN,FALSE,TOTAL,600,9000,TRUE\n"
    "1976,NEW YORK,US HOUSE,003,GEN,FALSE,SUE HART,CONSERVATIVE,FALSE,TOTAL,700,9000,TRUE\n"
    "1976,NEW YORK,US HOUSE,003,GEN,FALSE,SUE HART,REPUBLICAN,FALSE,TOTAL,3900,9000,TRUE\n"
    "1976,OHIO,US HOUSE,001,GEN,FALSE,BO TATE,DEMOCRAT,FALSE,TOTAL,500,1200,FALSE\n"
    "1976,OHIO,US HOUSE,001,GEN,FALSE,CY MOSS,REPUBLICAN,FALSE,TOTAL,700,1200,FALSE\n"
)


def credited_by_pandas(text: str, race: str, party: str, votes: str, name: str = "candidate"):
    """Each candidate's total and main line (most votes; of equal lines the first listed), each
    race's winner, the races won per party and the votes per party: the oracle for A1."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).reset_index()
    frame[votes] = frame[votes].astype(int)
    lines = frame.groupby([race, name, party], sort=False).agg(
        votes=(votes, "sum"), first=("index", "min")
    )
    lines = lines.reset_index().sort_values(["votes", "first"], ascending=[False, True])
    main = lines.groupby([race, name], sort=False)[party].first()
    totals = lines.groupby([race, name], sort=False)["votes"].sum()
    won: dict[str, int] = {}
    for _race, group in totals.groupby(level=0):
        winner = group.idxmax()
        won[main[winner]] = won.get(main[winner], 0) + 1
    by_party: dict[str, int] = {}
    for key, total in totals.items():
        by_party[main[key]] = by_party.get(main[key], 0) + int(total)
    return main.to_dict(), won, by_party


def test_a_fused_candidate_counts_for_the_line_with_most_votes(tmp_path, monkeypatch):
    path = write(tmp_path, FUSED_RACES)
    main, won, by_party = credited_by_pandas(FUSED_RACES, "district", "party", "candidatevotes")
    # Hand-checked: Kemper REPUBLICAN 15,100 > 1,400; Zeff DEMOCRAT 7,000 > 900; Dell DEMOCRAT 3,000
    # of his three lines (4,400 in all), beaten by Hart, REPUBLICAN 3,900 (4,600).
    assert won == {"REPUBLICAN": 3, "DEMOCRAT": 1}
    elections, _ = both(monkeypatch, path)
    for election in elections:
        district = election.race.keys["district"] if election.race else ""
        for option in election.options:
            assert option.party == main[district, option.candidate]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    tally = {p["party"]: p["won"] for p in json.loads(result.stdout)["tally"]["parties"]}
    assert tally == won
    text = invoke("summary", str(path)).stdout
    assert "CONSERVATIVE" not in text.split("Seats won")[-1]
    seats = invoke("seats", str(path), "--format", "json")
    assert seats.code == 0, seats.stderr
    (allocation,) = json.loads(seats.stdout)["elections"][0]["allocations"]
    parties = {p["party"]: (p["seats"], p["votes"]) for p in allocation["parties"]}
    # No "A / B" party: each candidate's votes, all lines, go to their main line, as do seats.
    assert parties == {p: (won.get(p, 0), votes) for p, votes in by_party.items()}
    assert not any(" / " in p for p in parties)


def test_a_region_with_only_a_minor_line_credits_the_main_line(tmp_path, monkeypatch):
    """Every region names the candidate's main line, also where only a minor line was counted
    (one row: no adding up), so that a map or `--by region` colours them by one party."""
    text = (
        "region,precinct,candidate,party,votes\n"
        "N,1,Cuomo,WFP,2\nN,1,Cuomo,Dem,10\nN,1,Bo,Rep,8\n"
        "S,2,Cuomo,WFP,3\nS,2,Bo,Rep,1\n"
    )
    (election,), problems = both(monkeypatch, write(tmp_path, text), fusion=True)
    # Dem 10 > WFP 5 (hand-checked): Dem everywhere, though S only has the WFP line.
    assert [(o.candidate, o.party, o.votes) for o in election.options] == [
        ("Cuomo", "Dem", 15),
        ("Bo", "Rep", 9),
    ]
    regions = {
        r.name: {(o.candidate, o.party): o.votes for o in r.options} for r in election.regions
    }
    assert regions == {
        "N": {("Cuomo", "Dem"): 12, ("Bo", "Rep"): 8},
        "S": {("Cuomo", "Dem"): 3, ("Bo", "Rep"): 1},
    }
    assert problems == []


def test_a_fused_candidate_listed_minor_line_first_by_candidate_id(tmp_path, monkeypatch):
    """FiveThirtyEight lists Schumer's WFP line before his DEM line (one candidate_id): the race
    counted for WFP. Figures invented; the order is the file's."""
    text = (
        "race_id,state_abbrev,office_name,cycle,stage,candidate_id,candidate_name,ballot_party,votes\n"
        "1,NY,U.S. Senate,2022,general,7,Chuck Shoemaker,WFP,300\n"
        "1,NY,U.S. Senate,2022,general,8,Joe Pine,CON,290\n"
        "1,NY,U.S. Senate,2022,general,7,Chuck Shoemaker,DEM,3000\n"
        "1,NY,U.S. Senate,2022,general,8,Joe Pine,REP,2200\n"
        "2,CT,U.S. Senate,2022,general,9,Dick Bloom,WFP,50\n"
        "2,CT,U.S. Senate,2022,general,9,Dick Bloom,DEM,700\n"
        "2,CT,U.S. Senate,2022,general,10,Lee Levy,REP,600\n"
    )
    path = write(tmp_path, text)
    _, won, _ = credited_by_pandas(text, "race_id", "ballot_party", "votes", "candidate_name")
    assert won == {"DEM": 2}
    elections, problems = both(monkeypatch, path)
    assert [{(o.candidate, o.party): o.votes for o in e.options} for e in elections] == [
        {("Chuck Shoemaker", "DEM"): 3300, ("Joe Pine", "REP"): 2490},
        {("Dick Bloom", "DEM"): 750, ("Lee Levy", "REP"): 600},
    ]
    assert "shared-name" not in codes(problems)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    tally = {p["party"]: p["won"] for p in json.loads(result.stdout)["tally"]["parties"]}
    assert tally == won
    notes = json.loads(result.stdout)["elections"][0]["notes"]
    assert (
        "Chuck Shoemaker ran on 2 party lines (DEM 3,000, WFP 300); their votes are added up "
        "and credited to DEM, the line with most votes."
    ) in notes


# --- downstream: nothing keyed by name merges the namesakes -------------------------------------


def test_compare_keeps_the_namesakes_apart(tmp_path):
    first = write(
        tmp_path,
        "candidate,party,votes\nJohn Smith,DEM,180\nJohn Smith,REP,190\nAda Birch,IND,250\n",
        "a.csv",
    )
    second = write(tmp_path, "candidate,party,votes\nJohn Smith,DEM,300\nJohn Smith,REP,100\nAda Birch,IND,100\n", "b.csv")  # fmt: skip
    result = invoke("compare", str(first), str(second), "--format", "json")
    assert result.code == 0, result.stderr
    rows = {r["candidate"]: r["shares"] for r in json.loads(result.stdout)["rows"]}
    assert set(rows) == {"John Smith (DEM)", "John Smith (REP)", "Ada Birch"}
    # pandas: each share of its election's votes.
    for name, a, b in (
        ("John Smith (DEM)", 180, 300),
        ("John Smith (REP)", 190, 100),
    ):
        assert rows[name] == pytest.approx([a / 620 * 100, b / 500 * 100])


def test_charts_and_seats_name_each_namesake(tmp_path):
    pytest.importorskip("matplotlib")
    path = write(
        tmp_path,
        "candidate,party,votes\nJohn Smith,DEM,180\nJohn Smith,REP,190\nAda Birch,IND,250\n",
    )
    chart = tmp_path / "chart.svg"
    result = invoke("summary", str(path), "--chart", str(chart))
    assert result.code == 0, result.stderr
    svg = chart.read_text(encoding="utf-8")
    assert "John Smith (DEM)" in svg and "John Smith (REP)" in svg
    seats = invoke("seats", str(path), "--seats", "3", "--format", "json")
    assert seats.code == 0, seats.stderr
    lists = json.loads(seats.stdout)["elections"][0]["allocations"][0]["parties"]
    assert {p["party"]: p["seats"] for p in lists} == {
        "Ada Birch": 1,  # D'Hondt by hand: 250, 190, 180, 125 → Ada, Smith (REP), Smith (DEM)
        "John Smith (REP)": 1,
        "John Smith (DEM)": 1,
    }


# --- a property: any precinct file, both engines, pandas' (name, party) sums ----------------------

NAMES = ("Ann Ray", "ann ray", "Bo Tate", "Cy Moss")
PARTIES = ("DEM", "REP", "WFP")


@st.composite
def precinct_files(draw):
    rows = {}
    for _ in range(draw(st.integers(1, 40))):
        unit = draw(st.integers(0, 6))
        name = draw(st.sampled_from(NAMES))
        party = draw(st.sampled_from(PARTIES))
        # One row per (precinct, name as compared, party): a repeat would be duplicate-option.
        rows.setdefault((unit, name.casefold(), party), (name, draw(st.integers(0, 500))))
    lines = ["county,precinct,candidate,party,votes"]
    for (unit, _, party), (name, votes) in rows.items():
        lines.append(f"C{unit % 2},P{unit},{name},{party},{votes}")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=precinct_files(), fusion=st.booleans())
def test_votes_are_pandas_sums_by_name_and_party_on_both_engines(
    tmp_path, monkeypatch, text, fusion
):
    path = write(tmp_path, text)
    (election,), _ = both(monkeypatch, path, fusion=fusion)
    frame = pd.read_csv(io.StringIO(text), dtype={"votes": int})
    frame["name"] = frame["candidate"].str.casefold()
    parties = frame.groupby("name")["party"].nunique()
    got = {}
    for option in election.options:
        name = option.candidate.casefold()
        if not fusion and parties[name.split(" (")[0]] > 1:
            name, party = name.split(" (")[0], option.party
            got[name, party] = option.votes
        else:
            got[name, None] = option.votes
    want = {}
    for (name, party), votes in frame.groupby(["name", "party"])["votes"].sum().items():
        key = (name, party) if not fusion and parties[name] > 1 else (name, None)
        want[key] = want.get(key, 0) + int(votes)
    assert got == want
    if fusion:
        # Each candidate is credited with one party: the line with most votes, of equal lines the
        # first in the file (pandas: sums by line, ordered by votes then by first row).
        lines = frame.reset_index().groupby(["name", "party"], sort=False)
        by_line = lines.agg(votes=("votes", "sum"), first=("index", "min")).reset_index()
        main = by_line.sort_values(["votes", "first"], ascending=[False, True]).groupby("name")
        credited = main["party"].first().to_dict()
        assert {o.candidate.casefold(): o.party for o in election.options} == credited


NEW_YORK_1980 = (
    "year,state,office,candidate,party_detailed,candidatevotes\n"
    "1980,NEW YORK,US SENATE,AL DAMATO,REPUBLICAN,2272\n"
    "1980,NEW YORK,US SENATE,AL DAMATO,CONSERVATIVE,427\n"
    "1980,NEW YORK,US SENATE,LIZ HOLTZ,DEMOCRAT,2618\n"
    "1982,NEW YORK,US SENATE,DAN MOYNI,DEMOCRAT,3089\n"
    "1982,NEW YORK,US SENATE,FLO SULL,REPUBLICAN,1415\n"
)


def test_no_winner_is_named_where_adding_the_lines_up_would_change_who_leads(tmp_path):
    """Trial 3: MEDSL's Senate file named Holtzman (1980) and Abrams (1992) winners of New York
    races D'Amato won on three lines (2,272 + 427 = 2,699 > 2,618, hand-checked)."""
    path = write(tmp_path, NEW_YORK_1980)
    result = invoke("summary", str(path), "-f", "json", "--overview")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    races = {e["election"]: e for e in data["elections"]}
    assert races["1980 · US SENATE"]["fused_lead"] == "AL DAMATO"
    assert "fused_lead" not in races["1982 · US SENATE"]
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won == {"1980 · US SENATE": False, "1982 · US SENATE": True}
    assert data["tally"]["parties"] == [{"party": "DEMOCRAT", "won": 1}]
    text = " ".join(invoke("summary", str(path), "--race", "1980").stdout.replace("│", " ").split())
    assert "No winner is named; --fusion adds the lines up" in text
    # With --fusion the lines are one candidate's, who wins.
    fused = json.loads(invoke("summary", str(path), "-f", "json", "--overview", "--fusion").stdout)
    assert {r["race"]: r["leader"]["candidate"] for r in fused["overview"]["races"]} == {
        "1980 · US SENATE": "AL DAMATO",
        "1982 · US SENATE": "DAN MOYNI",
    }
    assert all(r["won"] for r in fused["overview"]["races"])


def test_seats_gives_no_seat_where_the_lines_would_change_who_leads(tmp_path):
    path = write(tmp_path, NEW_YORK_1980)
    (election,) = json.loads(invoke("seats", str(path), "-f", "json").stdout)["elections"]
    (allocation,) = election["allocations"]
    # 1982 to DEMOCRAT; 1980 undecided: neither Holtzman's DEMOCRAT nor D'Amato's REPUBLICAN.
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {
        "DEMOCRAT": 1,
        "REPUBLICAN": 0,
        "CONSERVATIVE": 0,
    }
    assert allocation["seats"] == 1 and allocation["undecided"] == 1


def test_party_lines_with_blank_party_cells_are_named_as_a_possibility(tmp_path, monkeypatch):
    # OpenElections' Genesee 2018: Cuomo on four lines of precinct 'Alabama 1', the party column
    # blank on each; the advice said only that the precinct appears twice.
    text = (
        "candidate,office,district,party,county,precinct,votes\n"
        "Cuomo Hochul,Governor,,,Genesee,Alabama 1,80\n"
        "Molinaro Killian,Governor,,,Genesee,Alabama 1,193\n"
        "Molinaro Killian,Governor,,,Genesee,Alabama 1,25\n"
        "Hawkins Lee,Governor,,,Genesee,Alabama 1,2\n"
    )
    _, problems = both(monkeypatch, write(tmp_path, text))
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.code, error.line) == ("duplicate-option", 4)
    assert (
        "if 'Molinaro Killian' stands on several party lines with their 'party' cells blank, give "
        "each row its party (--fusion then adds them up)" in error.message
    )


def test_a_repeated_row_with_its_party_gets_no_party_lines_advice(tmp_path, monkeypatch):
    text = NAMESAKES + "Alder,P2,County Commission,DEM,John Smith,5\n"
    _, problems = both(monkeypatch, write(tmp_path, text))
    assert "cells blank" not in problems[0].message


def test_no_party_lines_advice_in_a_file_with_no_party_column(tmp_path, monkeypatch):
    # (Florida's ballot measures: 'No' listed again in a precinct listed twice.)
    text = "county,precinct,office,candidate,votes\nA,P1,Amendment 1,Yes,5\nA,P1,Amendment 1,No,7\n"
    text += "A,P1,Amendment 1,No,8\n"
    _, problems = both(monkeypatch, write(tmp_path, text))
    (error,) = [p for p in problems if p.severity == "error"]
    assert "precinct 'P1' appears twice" in error.message
    assert "party lines" not in error.message


def test_names_in_every_county_are_no_namesakes_beside_many_write_ins(tmp_path, monkeypatch):
    """Vermont's 2018 general by precinct (OpenElections) lists each town's write-ins by name
    (party `Write-in`), a few to each county: beside so many one-county names, the Governor's
    candidates, on the ballot in all 14 counties, were taken for namesakes and the county for a
    race key: "GOVERNOR · ORLEANS", "GOVERNOR · FRANKLIN"… 13 governors won. A name in more than
    half of the counties is one race's candidate, no namesake. Invented names and figures; by
    hand, Ann Ash 10 + 20 + 30 + 40 = 100."""
    from conftest import engines_agree, write

    rows = ["county,precinct,office,candidate,party,votes"]
    for n, county in enumerate(["Alder", "Birch", "Cedar", "Dogwood"], 1):
        rows += [
            f"{county},P{n},Governor,Ann Ash,REP,{10 * n}",
            f"{county},P{n},Governor,Bo Bell,DEM,{5 * n}",
            f"{county},P{n},Governor,Cy Cole{n},Write-in,1",
            f"{county},P{n},Governor,Di Dunn{n},Write-in,1",
            f"{county},P{n},Governor,Ed Eck{n},Write-in,2",
        ]
    elections, _ = engines_agree(monkeypatch, write(tmp_path, "\n".join(rows) + "\n"))
    (governor,) = elections
    votes = {o.candidate: o.votes for o in governor.options}
    assert votes["Ann Ash"] == 100 and votes["Bo Bell"] == 50


def test_a_district_over_two_counties_with_write_ins_by_name_is_one_race(tmp_path, monkeypatch):
    """Vermont's 2018 state senate district `CAL` spans two counties: its candidates stand in
    both, each county's write-ins in it only; it was read as two races ("STATE SENATOR · CAL ·
    ORANGE"). A district's candidates in every county of it are one race's. By hand, Ann Ash
    10 + 20 = 30."""
    from conftest import engines_agree, write

    rows = ["county,precinct,office,district,candidate,party,votes"]
    for n, county in enumerate(["Alder", "Birch"], 1):
        rows += [
            f"{county},P{n},State Senate,CAL,Ann Ash,REP,{10 * n}",
            f"{county},P{n},State Senate,CAL,Bo Bell,DEM,{5 * n}",
            *(f"{county},P{n},State Senate,CAL,Write {w}{n},Write-in,1" for w in "ABCDEFGH"),
        ]
    elections, _ = engines_agree(monkeypatch, write(tmp_path, "\n".join(rows) + "\n"))
    (senate,) = elections
    votes = {o.candidate: o.votes for o in senate.options}
    assert votes["Ann Ash"] == 30 and votes["Bo Bell"] == 15
