"""Trial B2 and B3: a blank vote cell, a dash, an unnamed write-in, a heading line and an option
listed twice no longer leave a user stuck. `--blank-votes zero` counts a blank vote cell as 0 (listed
in a warning), a lone dash is a blank cell, a write-in row (`writein` TRUE) with a blank or `NA` name
is an unnamed write-in, write-ins of one unit are added up, and a repeat's advice fits the rows.

Figures are checked against pandas (blank and dash read as 0 by pandas itself) or the file's own
total rows; both engines must agree on every file (the streaming engine with tiny blocks).
"""

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, load_file, stream

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]
PLACES = [ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")]
EXTRA = [ROOT.parent / "extra-realworld", Path("/work/extra-realworld")]

BLANK = (
    "county,precinct,office,candidate,votes\n"
    "Alder,P1,Governor,Ann Lee,100\n"
    "Alder,P1,Governor,Bo Cho,80\n"
    "Alder,P1,Governor,scatter,\n"
    "Alder,P2,Governor,Ann Lee,50\n"
    "Alder,P2,Governor,Bo Cho,70\n"
    "Alder,P2,Governor,scatter,3\n"
    "Alder,P1,Sheriff,Cy Dee,10\n"
    "Alder,P1,Sheriff,Di Eve,12\n"
)

# A candidate's blank cell (a line that is no candidate's, `scatter`, counts 0 by default:
# tests/test_blank_other_lines.py).
BLANK_CANDIDATE = BLANK.replace("P1,Governor,Bo Cho,80", "P1,Governor,Bo Cho,").replace(
    "P1,Governor,scatter,\n", "P1,Governor,scatter,0\n"
)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


both = engines_agree


def votes(election) -> dict[str, int | None]:
    return {o.candidate: o.votes for o in election.options}


def oracle(text: str, race: str) -> dict[str, int]:
    """pandas' sums by candidate, a blank or a dash read as 0."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[frame.office == race]
    figures = pd.to_numeric(frame.votes.replace({"": "0", "-": "0"}))
    return {k: int(v) for k, v in figures.groupby(frame.candidate).sum().items()}


def test_a_blank_vote_cell_refuses_its_race_and_names_the_flag(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, BLANK_CANDIDATE))
    assert [e.facts.election for e in elections] == ["Sheriff"]
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.code, error.line, error.race) == ("missing-value", 3, "Governor")
    assert "--blank-votes zero" in error.message


def test_blank_votes_zero_counts_0_and_lists_the_cells(tmp_path, monkeypatch):
    path = write(tmp_path, BLANK)
    elections, problems = both(monkeypatch, path, blank_votes_zero=True)
    governor = next(e for e in elections if e.facts.election == "Governor")
    assert votes(governor) == oracle(BLANK, "Governor")  # scatter 3: the blank counted 0
    (warning,) = [p for p in governor.warnings if p.code == "missing-value"]
    assert warning.line == 4
    assert "1 blank vote cell counted as 0" in warning.message and "line 4 ('scatter')" in (
        warning.message
    )
    assert not [p for p in problems if p.severity == "error"]


DASHES = (
    "state,constituency,candidate,party,evm_votes,postal_votes,votes\n"
    "A,North,Ann Lee,P,500,-,500\n"
    "A,North,Bo Cho,Q,400,12,412\n"
    "A,South,Cy Dee,P,-,-,-\n"
)


def test_a_dash_is_a_blank_cell(tmp_path, monkeypatch):
    path = write(tmp_path, DASHES)
    elections, problems = both(monkeypatch, path)
    assert [votes(e) for e in elections] == [{"Ann Lee": 500, "Bo Cho": 412}]
    # A dash for no postal votes beside an EVM count is 0, as a blank part is; no figure at all
    # is a blank votes cell: an error naming the flag, never a silent 0.
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.line == 4 and "--blank-votes zero" in error.message
    elections, _ = both(monkeypatch, path, blank_votes_zero=True)
    assert [votes(e) for e in elections] == [{"Ann Lee": 500, "Bo Cho": 412}, {"Cy Dee": 0}]


WRITE_INS = (
    "year,state,office,candidate,writein,candidatevotes\n"
    "2020,AL,US SENATE,TOMMY TUBERVILLE,FALSE,1000\n"
    "2020,AL,US SENATE,DOUG JONES,FALSE,900\n"
    "2020,AL,US SENATE,,TRUE,39\n"
    "2020,AL,US SENATE,NA,TRUE,5\n"
    "2020,AL,US SENATE,LISA MURK,TRUE,7\n"
    "2020,ME,US SENATE,SUSAN COLLINS,FALSE,800\n"
    "2020,ME,US SENATE,,FALSE,2\n"
)


def test_an_unnamed_write_in_is_other(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, WRITE_INS))
    (alabama,) = [e for e in elections if "AL" in e.facts.election]
    # The blank and `NA` write-ins of one race are one 'other' option, added up with a note; a
    # named write-in stays a candidate.
    assert {(o.candidate, o.kind, o.votes) for o in alabama.options} == {
        ("TOMMY TUBERVILLE", "candidate", 1000),
        ("DOUG JONES", "candidate", 900),
        ("Write-in", "other", 39 + 5),
        ("LISA MURK", "candidate", 7),
    }
    assert any("'Write-in' is listed 2 times" in n and "added up" in n for n in alabama.notes)
    # Without the file saying write-in, a blank name is still an error.
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.code, error.line) == ("blank-name", 8)


REPEATS = (
    "county,precinct,office,candidate,party,votes\n"
    "Boyd,A122,U.S. House,Thomas Massie,REP,4\n"
    "Boyd,A122,U.S. House,Seth Hall,DEM,5\n"
    "Boyd,A122,U.S. House,Thomas Massie,REP,4\n"
    "Harlan,Shields,U.S. House,Kenneth Stepp,REP,38\n"
    "Harlan,Shields,U.S. House,Kenneth Stepp,REP,39\n"
    "Harlan,Shields,U.S. House,WRITEIN,,1\n"
    "Harlan,Shields,U.S. House,WRITEIN,,2\n"
)


def test_a_precinct_twice_is_said_so(tmp_path, monkeypatch):
    _, problems = both(monkeypatch, write(tmp_path, REPEATS))
    messages = {p.line: p.message for p in problems if p.code == "duplicate-option"}
    assert sorted(messages) == [4, 6]  # the write-ins of one precinct are added up
    assert "precinct 'A122' appears twice; remove the repeated row" in messages[4]
    assert "with different figures (38 on line 5, 39 here)" in messages[6]
    assert "give them apart names in the 'precinct' column" in messages[6]
    assert "party lines" not in messages[4] + messages[6]


def test_namesakes_are_told_the_candidate_id_column(tmp_path, monkeypatch):
    text = "constituency,candidate,party,votes\nC,S KUMAR,IND,527\nC,S KUMAR,IND,501\nC,A B,X,9\n"
    _, problems = both(monkeypatch, write(tmp_path, text))
    (error,) = [p for p in problems if p.code == "duplicate-option"]
    assert "a column named 'candidate_id'" in error.message
    fixed = text.replace("constituency,", "constituency,candidate_id,").replace("C,", "C,{},")
    fixed = "\n".join(line.format(i) for i, line in enumerate(fixed.splitlines()))  # ids 1, 2, 3
    elections, problems = both(monkeypatch, write(tmp_path, fixed + "\n", "id.csv"))
    assert not [p for p in problems if p.severity == "error"]
    assert sorted(o.votes for o in elections[0].options) == [9, 501, 527]


def test_a_heading_line_is_skipped_with_a_note(tmp_path, monkeypatch):
    text = (
        "county,precinct,office,party,candidate,votes\n"
        ",Summary By Counties,Governor,REP,Ann Lee,Ann Lee\n"
        "Alder,P1,Governor,REP,Ann Lee,10\n"
        "Alder,P1,Governor,DEM,Bo Cho,7\n"
    )
    (election,), problems = both(monkeypatch, write(tmp_path, text))
    assert votes(election) == {"Ann Lee": 10, "Bo Cho": 7}
    assert any("Line 2" in n and "heading within the data" in n for n in election.notes)
    assert not [p for p in problems if p.severity == "error"]


def test_cli_names_the_flag_and_takes_it(tmp_path):
    path = str(write(tmp_path, BLANK_CANDIDATE))
    refused = invoke("summary", path)
    assert refused.code == 1 and "--blank-votes zero" in refused.stderr
    taken = invoke("summary", path, "--blank-votes", "zero")
    assert taken.code == 0 and "counted as 0 votes (--blank-votes zero)" in taken.stderr
    wrong = invoke("summary", path, "--blank-votes", "one")
    assert wrong.code == 2 and "--blank-votes 'one'" in wrong.stderr


def _real(places: list[Path], name: str) -> Path:
    path = next((p / name for p in places if (p / name).exists()), None)
    if path is None:
        pytest.skip(f"{name} not present")
    return path


def test_nh_house_2_matches_the_files_total_rows():
    path = _real(PLACES, "us_nh_2020_general_precinct.csv")
    elections, problems = load_file(path, ReadOptions(races=("U.S. House",), blank_votes_zero=True))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    totals = frame[(frame.precinct == "NEW HAMPSHIRE TOTALS") & (frame.district == "2")]
    expected = {r.candidate: int(r.votes) for r in totals.itertuples() if r.party != "WRI"}
    house = next(e for e in elections if e.facts.election == "U.S. House · 2")
    got = votes(house)
    for name, figure in expected.items():
        assert got[name.replace("Andrew Olding", "Andrew Olding l")] == figure or name not in got
    assert got["Ann McLane Kuster"] == expected["Ann McLane Kuster"] == 208_289
    assert not [p for p in problems if p.severity == "error"]


def test_india_seats_with_a_header(tmp_path):
    source = _real(EXTRA, "in_ls2024_results_no_header.csv")
    header = "row,pc_code,state,constituency,candidate_id,candidate,party,evm_votes,postal_votes,votes,share\n"
    path = tmp_path / "in.csv"
    path.write_bytes(header.encode() + source.read_bytes())
    elections, problems = load_file(path, ReadOptions(blank_votes_zero=True))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(source, header=None, dtype=str, keep_default_na=False)
    total = pd.to_numeric(frame[9].replace("-", "0"))
    winners = frame.assign(t=total).query("`5` != 'NOTA'").sort_values("t")
    seats = winners.groupby(1).tail(1)[6].value_counts()
    won: dict[str, int] = {}
    for election in elections:
        leader = max(
            (o for o in election.options if o.kind == "candidate"), key=lambda o: o.votes or 0
        )
        won[leader.party or ""] = won.get(leader.party or "", 0) + 1
    assert len(elections) == 543
    assert won["Bharatiya Janata Party"] == seats["Bharatiya Janata Party"] == 240
    assert won["Dravida Munnetra Kazhagam"] == seats["Dravida Munnetra Kazhagam"] == 22


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["P1", "P2", "P3"]),
            st.sampled_from(["Ann Lee", "Bo Cho", "Write-ins"]),
            st.one_of(st.none(), st.just("-"), st.integers(0, 999)),
        ),
        min_size=1,
        max_size=12,
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_blank_votes_zero_is_pandas_with_blanks_as_0(tmp_path_factory, monkeypatch, rows):
    text = "county,precinct,office,candidate,votes\n" + "".join(
        f"Alder,{p},Mayor,{name},{'' if v is None else v}\n" for p, name, v in rows
    )
    path = write(tmp_path_factory.mktemp("h"), text)
    elections, problems = both(monkeypatch, path, blank_votes_zero=True)
    assert not [p for p in problems if p.severity == "error"]
    assert votes(elections[0]) == oracle(text, "Mayor")
    blanks = sum(1 for _, _, v in rows if v is None or v == "-")
    said = [p for p in elections[0].warnings if "(--blank-votes zero)" in p.message]
    assert len(said) == (1 if blanks else 0)
    if blanks:
        assert f"{blanks} blank vote cell" in said[0].message


def test_medsl_senate_unnamed_write_ins_are_other():
    path = _real(EXTRA, "us_medsl_1976_2022_senate.csv")
    elections, problems = load_file(path, ReadOptions(encoding="latin-1"))
    frame = pd.read_csv(path, encoding="latin-1", dtype=str, keep_default_na=False)
    unnamed = frame[(frame.writein == "TRUE") & frame.candidate.isin(["", "NA"])]
    by_race = unnamed.assign(v=pd.to_numeric(unnamed.candidatevotes))
    expected = by_race.groupby(["year", "state", "special", "stage"]).v.sum()
    read = {
        e.facts.election: o.votes
        for e in elections
        for o in e.options
        if o.candidate == "Write-in" and o.kind == "other"
    }
    assert (
        read["2020 · ALABAMA · US SENATE · general"] == expected["2020", "ALABAMA", "FALSE", "gen"]
    )
    assert read["2020 · ALABAMA · US SENATE · general"] == 3891
    # No option named NA is left, and no race is refused for an unnamed write-in.
    assert not [o for e in elections for o in e.options if o.candidate == "NA"]
    refused = {p.race for p in problems if p.severity == "error"}
    assert len(refused) <= 2, refused


# Idaho's 2016 precinct file (OpenElections, written from R): a district's race lists every precinct
# of a county split between districts, `NA` where the precinct votes in the other district. Read as
# a number it was "votes 'NA': not a number; write digits only", advice no one can follow for 1,000
# rows; `NA` is a blank cell, as a dash is: an error naming --blank-votes zero, which counts 0.
NA_CELLS = (
    "county,precinct,office,district,party,candidate,votes\n"
    "ADA,1501,U.S. House,1,REP,Raul Labrador,1119\n"
    "ADA,1502,U.S. House,1,REP,Raul Labrador,NA\n"
    "ADA,1501,U.S. House,1,DEM,James Piotrowski,500\n"
    "ADA,1502,U.S. House,1,DEM,James Piotrowski,NA\n"
)


# Mississippi's county files (OpenElections: Tallahatchie 2011, Alcorn 2015) mark with `x` the
# precincts a district's race is not held in: 221 and 87 cells, each "votes 'x': not a number;
# write digits only", advice a reader could follow only by editing the file.
X_CELLS = (
    "page,candidate,office,district,party,county,precinct,votes,winner\n"
    "8,Gray Tollison,State Senate,09,D,Tallahatchie,Teasdale,267,\n"
    "8,Gray Tollison,State Senate,09,D,Tallahatchie,Springhill,x,\n"
    "8,Ann Ash,State Senate,09,D,Tallahatchie,Teasdale,120,\n"
    "8,Ann Ash,State Senate,09,D,Tallahatchie,Springhill,X,\n"
)


@pytest.mark.parametrize(
    ("text", "marks"),
    [(NA_CELLS, ["NA"]), (X_CELLS, ["x", "X"])],
    ids=["NA", "x"],
)
def test_a_marked_vote_cell_is_a_blank_cell(tmp_path, monkeypatch, text, marks):
    path = write(tmp_path, text)
    _, problems = both(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert [e.line for e in errors] == [3, 5]
    assert all(
        "--blank-votes zero" in e.message and "not a number" not in e.message for e in errors
    )
    elections, _ = both(monkeypatch, path, blank_votes_zero=True)
    # pandas told which marks are missing cells: its sums are the oracle (skipna).
    frame = pd.read_csv(io.StringIO(text), na_values=marks)
    assert [votes(e) for e in elections] == [
        {k: int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}
    ]


MODES_BLANK_TOTAL = (
    "county,precinct,office,party,candidate,votes,election_day,absentee\n"
    "Adams,P1,Governor,DEM,Ann Lee,,100,20\n"
    "Adams,P1,Governor,REP,Bob Ray,150,130,20\n"
    "Adams,P2,Governor,DEM,Ann Lee,90,80,10\n"
    "Adams,P2,Governor,REP,Bob Ray,60,50,10\n"
)


@pytest.mark.parametrize("blank_votes_zero", [False, True])
def test_a_blank_total_beside_counted_modes_is_their_sum(tmp_path, monkeypatch, blank_votes_zero):
    """A blank votes cell whose vote-mode cells hold 120 votes is not "no votes": it is read as the
    modes' sum, as a file without a votes column is, and one warning lists it. It was an error whose
    advice, --blank-votes zero, counted it 0 (Ann Lee 90 for 210: a confident wrong lead; FL
    Okeechobee 2020). Oracle: pandas, the votes column with the blank filled by the modes' sum."""
    path = write(tmp_path, MODES_BLANK_TOTAL)
    elections, problems = both(monkeypatch, path, blank_votes_zero=blank_votes_zero)
    assert not [p for p in problems if p.severity == "error"]
    (warning,) = [p for p in problems if p.code == "missing-value"]
    assert warning.line == 2 and "1 blank vote cell read as the sum of the row's vote-mode" in (
        warning.message
    )
    assert "line 2 ('Ann Lee')" in warning.message and warning.column == "votes"
    frame = pd.read_csv(io.StringIO(MODES_BLANK_TOTAL))
    counted = frame["votes"].fillna(frame["election_day"] + frame["absentee"])
    want = counted.groupby(frame["candidate"]).sum()
    assert votes(elections[0]) == {str(k): int(v) for k, v in want.items()}


NO_ONE_STOOD = (
    "county,precinct,office,district,party,candidate,votes,early_voting,election_day\n"
    "Nicholas,A101,MAYOR,,,Ann Lee,300,100,200\n"
    "Nicholas,A101,MAYOR,,,Bob Ray,200,50,150\n"
    "Nicholas,A101,CONSTABLE,,,,0,0,0\n"
    "Nicholas,A101,CONSTABLE,,,Total Votes,0,0,0\n"
    "Nicholas,A101,CONSTABLE,,,Under Votes,663,211,452\n"
    "Nicholas,A102,MAYOR,,,Ann Lee,30,10,20\n"
    "Nicholas,A102,MAYOR,,,Bob Ray,20,5,15\n"
    "Nicholas,A102,CONSTABLE,,,,0,,\n"
    "Nicholas,A102,MAYOR,,,,4,1,3\n"
)


def test_a_row_of_no_name_and_no_votes_is_no_option(tmp_path, monkeypatch):
    """KY 2024 Nicholas: a CONSTABLE race no one filed for lists a row with no name and 0 votes in
    each precinct. It refused the race and the run exited 1; it is no option: left out, listed in
    one warning with its race, and the race shows no candidate. A blank name WITH votes is still an
    error (its votes belong to someone). Oracle: the file's own figures, by hand."""
    path = write(tmp_path, NO_ONE_STOOD)
    elections, problems = both(monkeypatch, path)
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.code, error.line) == ("blank-name", 10)  # MAYOR's 4 votes with no name
    (warning,) = [p for p in problems if p.code == "blank-name" and p.severity == "warning"]
    assert warning.line == 4
    assert "2 rows with no name and no votes" in warning.message
    assert "line 4 ('CONSTABLE')" in warning.message and "line 9 ('CONSTABLE')" in warning.message
    (constable,) = [e for e in elections if e.facts.office == "CONSTABLE"]
    assert [(o.candidate, o.kind, o.votes) for o in constable.options] == [
        ("Under Votes", "blank", 663)
    ]


ZERO_MODES_COUNT = (
    "county,precinct,office,candidate,votes,election_day,absentee\n"
    "Adams,P1,,Registered Voters,,0,0\n"
    "Adams,P1,,Ballots Cast,300,200,100\n"
    "Adams,P1,Mayor,Ann Lee,200,100,100\n"
    "Adams,P1,Mayor,Bob Ray,100,50,50\n"
    "Adams,P1,Constable,,,0,0\n"
    "Adams,P2,,Registered Voters,5000,,\n"
    "Adams,P2,,Ballots Cast,300,200,100\n"
    "Adams,P2,Mayor,Ann Lee,100,50,50\n"
    "Adams,P2,Mayor,Bob Ray,200,100,100\n"
)


@pytest.mark.parametrize("blank_votes_zero", [False, True])
def test_a_blank_count_of_no_vote_is_not_given(tmp_path, monkeypatch, blank_votes_zero):
    """A Registered Voters row whose votes cell is blank and whose mode cells hold 0 is a count not
    given, never 0: read as the modes' sum (0), P1's 300 ballots counted against P2's 5,000 voters
    alone gave a turnout of 12 % with no word of it. And a row of no name and no votes whose blank
    votes cell beside modes of 0 is left out is listed once, as no option, not also as "read as the
    sum". Oracle, by hand: registered is given for P2 only, so no turnout (as with modes blank)."""
    path = write(tmp_path, ZERO_MODES_COUNT)
    elections, problems = both(monkeypatch, path, blank_votes_zero=blank_votes_zero)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    assert election.facts.registered is None and election.facts.ballots_cast == 600
    (blank,) = [p for p in problems if p.code == "missing-value"]
    assert "1 row of a unit's count left blank" in blank.message and blank.line == 2
    (nameless,) = [p for p in problems if p.code == "blank-name"]
    assert "line 6 ('Constable')" in nameless.message
    assert votes(election) == {"Ann Lee": 300, "Bob Ray": 300}


def test_a_file_of_rows_of_no_name_and_no_votes_says_so(tmp_path, monkeypatch):
    """A file whose every row has no name and no votes has no result; the error said "the header
    has no data rows under it", of a file that has some, and the run shows errors alone."""
    path = write(tmp_path, "county,precinct,office,candidate,votes\nA,P1,CONSTABLE,,0\n")
    _, problems = both(monkeypatch, path)
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.code == "no-rows" and "no data rows" not in error.message
    assert "no name and no votes" in error.message
    done = invoke("summary", str(path))
    assert done.code == 1 and "no name and no votes" in done.stderr
