"""Inputs a second review of the streamed shapes (race counts per precinct, Parquet, counts beside
total places, a name in two columns) found the engines reading apart, each pinned: the streaming
engine gives the exact engine's elections and problems (`engines_agree`, with small blocks so that
block boundaries fall everywhere), and the figures are checked against pandas sums of the CSV text.
"""

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

COUNT_ROWS = {
    # "Registered Voters" rows of each precinct beside a registered_voters column giving the same.
    "registered_rows_agreeing": ("Registered Voters", lambda p: 100 + p, lambda p: 100 + p),
    # Blank in the column on the count rows themselves.
    "registered_rows_column_blank": ("Registered Voters", lambda p: 100 + p, lambda p: ""),
    # "Ballots Cast" rows beside a registered_voters column: two counts, each from one source.
    "ballots_cast_rows": ("Ballots Cast", lambda p: 40 + p, lambda p: 100 + p),
}


def _count_rows_file(name: str, office: bool) -> str:
    label, row_count, column_count = COUNT_ROWS[name]
    race = "office," if office else ""
    lines = [f"county,precinct,{race}party,candidate,votes,registered_voters"]
    for p in range(14):
        county = f"County {p % 2}"
        of = "Mayor," if office else ""
        lines.append(f"{county},P{p},{of},{label},{row_count(p)},{column_count(p)}")
        for k, (party, name_) in enumerate((("DEM", "Ann"), ("REP", "Bob"))):
            lines.append(f"{county},P{p},{of}{party},{name_},{3 + p + k},{100 + p}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("office", [False, True], ids=["no_race", "race"])
@pytest.mark.parametrize("name", sorted(COUNT_ROWS))
def test_count_rows_beside_a_count_column_read_alike(tmp_path, monkeypatch, name, office):
    """A count given both as a precinct's row ("Registered Voters", whose votes are the count) and
    in a column: the exact engine reads both as the precinct's (one figure, or a conflict); the
    streaming engine summed the rows into their region beside the precincts' column, which
    counted the registered voters twice (300 for 150) or left ballots cast uncomputed."""
    text = _count_rows_file(name, office)
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    candidates = frame[~frame["candidate"].isin(["Registered Voters", "Ballots Cast"])]
    registered = candidates.drop_duplicates(["county", "precinct"])["registered_voters"]
    assert elections[0].facts.registered == int(registered.astype(int).sum())
    if name == "ballots_cast_rows":
        cast = frame[frame["candidate"] == "Ballots Cast"]["votes"].astype(int).sum()
        assert elections[0].facts.ballots_cast == int(cast)


def test_count_rows_unlike_a_count_column_are_the_same_errors(tmp_path, monkeypatch):
    """A "Registered Voters" row of 120 beside a column of 100: a conflict the exact engine names
    on its lines; the streaming engine gave a figure (their sum) without a word."""
    text = _count_rows_file("registered_rows_agreeing", False).replace(
        "County 0,P0,,Registered Voters,100,100", "County 0,P0,,Registered Voters,120,100"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert [p.line for p in problems if p.code == "inconsistent-metadata"] == [3, 4]
    assert elections == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_a_cell_with_a_line_end_cut_by_a_block_reads_alike(tmp_path, monkeypatch, encoding):
    """A quoted cell holding a line end ("P\\n0"): a block cut at that line end split the cell in
    two, each half a malformed-csv error (the election dropped, or another read in part). A block
    ends where a line ends outside quotes, in a file read in place or transcoded (each block at least as long as a row: with 8 MiB blocks,
    any row but one of megabytes)."""
    lines = ["county,precinct,candidate,votes"]
    for p in range(6):
        precinct = f'"P\n{p}"' if p % 2 == 0 else f'"P {p}, ""north"""'
        for k, name in enumerate(("Ann", "Björn")):
            lines.append(f"County {p % 2},{precinct},{name},{1 + p + k}")
    path = write(tmp_path, "\n".join(lines) + "\n", encoding=encoding)
    for block in range(24, 120, 3):
        given = None if encoding == "utf-8" else encoding
        elections, problems = engines_agree(monkeypatch, path, block_bytes=block, encoding=given)
        assert not problems
        assert [o.votes for o in elections[0].options] == [21, 27]


def test_the_wide_table_hint_of_a_header_without_votes_is_the_same(tmp_path, monkeypatch):
    """A header pollcli reads no votes column in, a column blank in every row: the hint names the
    column of figures on both engines (the streaming engine's head rows are the file's rows, not
    none, where the layout looks at the whole file: it named the blank 'Surname')."""
    text = "DivisionNm,PollingPlace,GivenNm,Surname,PartyNm,OrdinaryVotes\nR0,P0,Ana Lee,,Blue,0\n"
    path = write(tmp_path, text)
    _, problems = engines_agree(monkeypatch, path)
    # (A row per party names its votes column: --votes COL, the columns of counts listed.)
    assert "('OrdinaryVotes') holds the votes: --votes COL" in problems[0].message
    assert "Surname" not in problems[0].message


SUBTOTALS = {
    # 'North' adds up P1 and P2 (a subtotal named as a precinct): the parts hold the county's
    # TOTALS and North's votes again, exactly the largest place's: the race is refused.
    "largest_place_again": "A,P1,Ann,10\nA,P1,Bob,5\nA,P2,Ann,20\nA,P2,Bob,10\nA,P3,Ann,7\n"
    "A,P3,Bob,3\nA,North,Ann,30\nA,North,Bob,15\nA,TOTALS,Ann,37\nA,TOTALS,Bob,18\n",
    # Twice the total, option by option: the message names the largest places.
    "twice": "A,P1,Ann,10\nA,P1,Bob,5\nA,P2,Ann,20\nA,P2,Bob,10\nA,North,Ann,30\n"
    "A,North,Bob,15\nA,TOTALS,Ann,30\nA,TOTALS,Bob,15\n",
}


@pytest.mark.parametrize("name", sorted(SUBTOTALS))
def test_a_subtotal_among_the_precincts_of_a_total_is_refused_alike(tmp_path, monkeypatch, name):
    """A precinct that adds up others beside its county's TOTALS row: the exact engine refuses the
    race, naming the place that holds the total again; the streaming engine, whose precincts are
    summed, could name none (`the largest: ''`) or counted the race with a warning (Ann 71)."""
    text = "county,precinct,candidate,votes\n" + SUBTOTALS[name] + "B,Q1,Ann,4\nB,Q1,Bob,6\n"
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=64)
    assert elections == []
    (refused,) = [p for p in problems if p.severity == "error"]
    assert "'North'" in refused.message


@pytest.mark.parametrize(
    "header", ["region,candidate,party,votes", "region,forename,surname,party,votes"]
)
def test_an_option_repeated_in_another_case_is_named_alike_on_each_line(
    tmp_path, monkeypatch, header
):
    """'ANA LEE' then 'Ana Lee' twice in one region: each repeat is named as written ('Ana Lee',
    read as 'ANA LEE'); the streaming engine, which sums the two identical rows into one record,
    named the second by the first row's spelling."""
    rows = ["R0,ANA LEE,Blue,0", "R0,Ana Lee,Blue,0", "R0,Ana Lee,Blue,0", "R0,Ben,Red,3"]
    if "forename" in header:
        rows = [row.replace(" ", ",", 1) if "Ben" not in row else "R0,Ben,,Red,3" for row in rows]
    path = write(tmp_path, "\n".join([header, *rows]) + "\n")
    _, problems = engines_agree(monkeypatch, path)
    assert [p.line for p in problems if "(read as 'ANA LEE'" in p.message] == [3, 4]


COUNT_ROW_SPELLINGS = {
    "case": ("Registered Voters", "REGISTERED VOTERS", ""),
    "shorter": ("Registered Voters", "Registered", ""),
    "party": ("Registered Voters", "Registered Voters", "Red"),
}


@pytest.mark.parametrize("name", sorted(COUNT_ROW_SPELLINGS))
def test_count_rows_written_two_ways_in_one_region_read_alike(tmp_path, monkeypatch, name):
    """A precinct's count rows written otherwise in another precinct of the region (case, a shorter
    word, a party cell): each precinct's count on the exact engine (registered 150); the streaming
    engine summed each writing apart into the region, two values of one count, an error."""
    first, second, party = COUNT_ROW_SPELLINGS[name]
    text = (
        "region,precinct,candidate,party,votes\n"
        f"R0,P0,{first},,100\nR0,P0,Ann,Blue,5\nR0,P0,Ben,Red,2\n"
        f"R0,P1,{second},{party},50\nR0,P1,Ann,Blue,6\nR0,P1,Ben,Red,1\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=64)
    assert not problems
    assert elections[0].facts.registered == 150


def test_notes_of_counts_given_for_some_precincts_are_in_line_order(tmp_path, monkeypatch):
    """A county-named precinct (kept apart as a possible total, then counted) that gives registered
    voters only, before a precinct that gives ballots cast only: the two notes in the order of the
    lines that give each count, on both engines (the streaming engine registers such a precinct
    last, and put its count's note last)."""
    text = (
        "county,precinct,candidate,party,votes,registered,ballots_cast\n"
        "Bacon,Bacon,Ana,Blue,0,999,\n"
        "Bacon,P0,Cy,,0,,300\n"
        "Bacon,Bacon,Cy,,1,999,\n"
    )
    path = write(tmp_path, text)
    elections, _ = engines_agree(monkeypatch, path, block_bytes=64)
    assert [n.split(" ")[0] for n in elections[0].notes[:2]] == ["registered", "ballots_cast"]


def test_count_rows_of_no_region_beside_precincts_read_alike(tmp_path, monkeypatch):
    """Count rows with a blank county beside precincts: the exact engine reads each as the
    election's count, which two unlike values make an error; the streaming engine summed them
    across precincts (registered 150) without a word."""
    text = (
        "county,precinct,candidate,votes\n"
        "R1,P1,Ann,5\n,P1,Registered Voters,100\nR1,P2,Ann,6\n,P2,Registered Voters,50\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=64)
    assert elections == []
    assert [p.line for p in problems if p.code == "inconsistent-metadata"] == [5]


def test_a_repeat_written_two_ways_is_named_on_its_own_line(tmp_path, monkeypatch):
    """'Ana Lee' twice in a region, written ' Ana , Lee ' then 'Ana,Lee' (two keys of one option,
    met in the block in another order than their lines): the repeat is line 4, as the exact engine
    says; the streaming engine named line 3, the first row, as its own repeat."""
    text = "region,forename,surname,party,votes\nR0,Lee,Ana,,0\nR0, Ana , Lee ,Red,0\nR0,Ana,Lee,Red,0\n"
    path = write(tmp_path, text)
    _, problems = engines_agree(monkeypatch, path, block_bytes=100)
    assert [(p.line, "first on line 3" in p.message) for p in problems] == [(4, True)]


def test_key_sums_keep_the_first_line_and_the_repeats_after_it():
    """Rows of one key met out of line order (5, 3, 4): the record's line is the first, its
    repeats the others (were 3 and 4: the first line named as a repeat, line 5 never)."""
    from pollcli.contract import Row
    from pollcli.read.keysums import KeySums

    sums = KeySums(summed_units=False)
    part = sums.part("", Row(candidate="Ann"), ())
    for line in (5, 3, 4):
        sums.add(part, "R0", None, False, line, 1)
    (record,) = sums.records()
    assert (record.line, record.same_cell_lines, record.votes) == (3, [4, 5], 3)


def test_a_count_row_of_a_blank_precinct_beside_precincts_count_rows_reads_alike(
    tmp_path, monkeypatch
):
    """A 'Registered Voters' row with a blank precinct that is no total of its county: a unit of
    its own on the exact engine (registered 100 + 50 + 7); the streaming engine gave its count
    and the precincts' summed count to the county itself, two values, an error."""
    text = (
        "county,precinct,candidate,votes\n"
        "R1,P1,Ann,5\nR1,P1,Registered Voters,100\nR1,P2,Ann,6\nR1,P2,Registered Voters,50\n"
        "R1,,Registered Voters,7\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=64)
    assert not [p for p in problems if p.severity == "error"]
    assert elections[0].facts.registered == 157


@pytest.mark.parametrize("second", ["P1", ""], ids=["precinct", "blank_precinct"])
def test_two_counts_as_rows_each_given_by_some_precincts_read_alike(tmp_path, monkeypatch, second):
    """Registered Voters rows in one precinct, Ballots Cast rows in another (or in rows of a blank
    precinct, no total): on the exact engine each count is given for 1 of the 2 precincts (a
    note, no figure); the streaming engine, whose count rows are summed by region, gave both
    figures (registered 100, ballots cast 40)."""
    text = (
        "county,precinct,candidate,party,votes\n"
        "Bacon,P0,Registered Voters,,100\nBacon,P0,Ann,DEM,3\nBacon,P0,Bob,REP,4\n"
        f"Bacon,{second},Ballots Cast,,40\nBacon,{second},Ann,DEM,5\nBacon,{second},Bob,REP,6\n"
    )
    path = write(tmp_path, text)
    elections, _ = engines_agree(monkeypatch, path, block_bytes=48)
    assert (elections[0].facts.registered, elections[0].facts.ballots_cast) == (None, None)
