"""A precinct file whose counts are rows (OpenElections: `county,precinct,office,district,party,
candidate,votes` with `Adams,P1,Registered Voters,,,,1200` and `Adams,P1,Ballots Cast,,,,800`, an
office of counts for every race of the precinct, KY/PA style; or a candidate cell "Ballots Cast"
inside a race, that race's count, FL style) reads alike on both engines, whichever reads it: the
edge cases the exact engine handles (counts for some precincts only, a county split among
districts, a "Ballots Cast" office beside races that share it, count rows with a blank precinct)
included. The turnout of the plain case is checked against pandas sums of the CSV text.

The streaming engine streams an office of counts kept by precinct (`read.countrows`), each race
judged and given its own precincts' counts as the exact engine does (met first below the head, as
Florida's come after every race, the file is read again with them kept so). A race's own count rows it
hands to the exact engine: summed, they cannot tell whether every precinct gave one, and a count of
some precincts only is no count of the race (`summedapart.counts_apart`). So are a blank precinct's
count rows.
"""

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import counttail, engines, stream
from test_race_units import both, dump, streams

HEADER = "county,precinct,office,district,party,candidate,votes"
RACES = {
    "President": ("", (("DEM", "Ann"), ("REP", "Bob"))),
    "Governor": ("", (("DEM", "Cat"), ("REP", "Dan"), ("LIB", "Eve"))),
}


def counts_file(
    counties: int = 2,
    precincts: int = 6,
    *,
    skip: tuple[int, int] | None = None,
    split: bool = False,
    in_race: bool = False,
    blank_precinct: bool = False,
) -> str:
    """Rows of counts then races, precinct by precinct; `skip` (county, precinct) has no count
    rows; `split` adds State House races whose districts split each county (and its first precinct); `in_race` gives the
    counts as candidate cells of each race (FL) instead of an office of counts (KY/PA)."""
    lines = [HEADER]
    for c in range(counties):
        county = f"County {c}"
        for p in range(precincts):
            registered, cast = 500 + (41 * p + 13 * c) % 300, 250 + (17 * p + 5 * c) % 120
            unit = f"P{p:02d}"
            races = [(office, *RACES[office]) for office in RACES]
            if split:
                district = 1 + p % 2  # each district its own candidates: a race apiece
                races.append(("State House", str(district), (("DEM", f"Fay{district}"),)))
                if p == 0:  # a precinct split between the districts: its counts are neither's
                    races.append(("State House", "2", (("DEM", "Fay2"),)))
            if not in_race and (c, p) != skip:
                lines.append(f"{county},{unit},Registered Voters,,,,{registered}")
                lines.append(f"{county},{unit},Ballots Cast,,,,{cast}")
            for office, district, candidates in races:
                if in_race and (c, p) != skip:
                    lines.append(f"{county},{unit},{office},{district},,Ballots Cast,{cast}")
                for k, (party, name) in enumerate(candidates):
                    votes = (7 * p + 11 * k + 3 * c) % 110
                    lines.append(f"{county},{unit},{office},{district},{party},{name},{votes}")
        if blank_precinct:
            lines.append(f"{county},,Ballots Cast,,,,{40 + c}")
            lines.append(f"{county},,President,,DEM,Ann,{9 + c}")
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


@pytest.mark.parametrize(
    "variant",
    [
        {},
        {"skip": (1, 3)},
        {"split": True},
        {"in_race": True},
        {"in_race": True, "skip": (0, 2)},
        {"blank_precinct": True},
        {"counties": 1, "precincts": 1},
    ],
    ids=["office", "partial", "split", "in_race", "in_race_partial", "blank_precinct", "one"],
)
def test_count_rows_read_alike_on_both_engines(tmp_path, monkeypatch, variant):
    path = write(tmp_path, counts_file(**variant))
    exact, streamed = both(monkeypatch, path)
    assert exact[0], exact[1]
    assert dump(exact) == dump(streamed)
    # The streaming engine answered, not the exact one it may hand a file to (`streams`): an office
    # of counts kept by precinct; not a race's own count (`Row.fact`), which the sums cannot tell
    # was given by every precinct.
    assert streams(path) == (not variant.get("blank_precinct") and not variant.get("in_race"))


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_count_rows_json_is_byte_identical(tmp_path, monkeypatch, command):
    path = write(tmp_path, counts_file(split=True, skip=(0, 4)))
    out = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        result = invoke(command, str(path), "--format", "json")
        out[engine] = (result.code, result.stdout)
    assert out["exact"] == out["stream"]
    assert streams(path)


def test_each_race_is_given_its_precincts_count_rows_pandas(tmp_path, monkeypatch):
    text = counts_file()
    path = write(tmp_path, text)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    got = {
        e["race_keys"]["office"]: (e["turnout"]["registered"], e["turnout"]["ballots_cast"])
        for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    sums = frame.groupby("office")["votes"].apply(lambda v: int(v.astype(int).sum()))
    # Every precinct votes in both races, so each race's counts are the file's count rows.
    expected = (sums["Registered Voters"], sums["Ballots Cast"])
    assert got == {"President": expected, "Governor": expected}
    assert streams(path)


def test_count_rows_in_a_block_the_exact_stages_read(tmp_path, monkeypatch):
    """A block with a bad vote cell is read by the exact stages: its count rows are kept by
    precinct as the summed blocks' are, and the race with the error is refused on both engines."""
    lines = counts_file(counties=2, precincts=8).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("County 1,P03,President"))
    lines[at] = lines[at].rsplit(",", 1)[0] + ",12x"
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert [p.code for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path)


@pytest.mark.parametrize(
    "late",
    ["after the head", "in a name column"],
)
def test_count_rows_first_met_past_the_head(tmp_path, monkeypatch, late):
    """Count rows first met past the head: the file is read again with them kept by precinct
    (`countrows.met_later`). Named in the candidate column (a `Registered Voters` candidate of no
    race), the streaming engine does not keep them: the exact engine reads the file."""
    text = counts_file(counties=3, precincts=10)
    header, *rows = text.splitlines()
    if late == "after the head":
        monkeypatch.setattr(stream, "HEAD_BYTES", 256)
        # County 0 has no count rows: the head (its first rows) shows none.
        rows = [r for r in rows if not (r.startswith("County 0,") and ",,,," in r)]
    else:
        rows = [r.replace(",Registered Voters,,,,", ",,,,Registered Voters,") for r in rows]
    path = write(tmp_path, "\n".join([header, *rows]) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert streams(path) == (late == "after the head")


def _totals(counts: bool) -> list[str]:
    rows = []
    for c in range(3):
        if counts:
            rows += [
                f"County {c},TOTALS,Registered Voters,,,,9999",
                f"County {c},TOTALS,Ballots Cast,,,,5555",
            ]
        rows += [
            f"County {c},TOTALS,President,,DEM,Ann,300",
            f"County {c},TOTALS,President,,REP,Bob,200",
        ]
    return rows


@pytest.mark.parametrize(
    ("edge", "streamed"),
    [
        # A precinct that may be a total (kept apart for the totals stage) with rows of counts:
        # the totals stage would judge those rows too, so the exact engine reads the file.
        ("totals_with_counts", False),
        # Without: a place of President's that no row counts (no turnout, a note), as the exact
        # engine has it.
        ("totals_without_counts", True),
        # A row of no name that is no count (an error): its block read by the exact stages.
        ("blank_candidate", True),
        # Counts of a precinct that no race has rows in: no race's.
        ("count_only_precinct", True),
        # A precinct's count twice: the exact engine names both lines.
        ("count_twice", False),
    ],
)
def test_count_rows_edges_read_alike(tmp_path, monkeypatch, edge, streamed):
    lines = counts_file(counties=3, precincts=8, split=True).splitlines()
    extra = {
        "totals_with_counts": _totals(True),
        "totals_without_counts": _totals(False),
        "count_only_precinct": ["County 2,P99,Registered Voters,,,,100"],
    }
    if edge == "blank_candidate":
        lines.insert(30, "County 0,P05,President,,DEM,,12")
    if edge == "count_twice":
        lines.insert(3, lines[1])
    path = write(tmp_path, "\n".join(lines + extra.get(edge, [])) + "\n")
    exact, stream_result = both(monkeypatch, path)
    assert exact[0]
    assert dump(exact) == dump(stream_result)
    assert streams(path) == streamed


@pytest.mark.parametrize("where", ["office", "candidate"])
def test_a_file_of_count_rows_alone_is_an_error_not_an_empty_result(tmp_path, monkeypatch, where):
    # Before: no election, no problem, exit 0 (and the streaming engine said "the header has no
    # data rows under it"). Counts with no option give no result, which the reader must be told.
    count = "Registered Voters,,,," if where == "office" else "Governor,,,Registered Voters,"
    cast = "Ballots Cast,,,," if where == "office" else "Governor,,,Ballots Cast,"
    text = f"{HEADER}\nAdams,P1,{count}1200\nAdams,P1,{cast}800\n"
    path = write(tmp_path, text)
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        result = invoke("validate", str(path), "--format", "json")
        assert result.code == 1, engine
        (problem,) = json.loads(result.stdout)["files"][0]["problems"]
        assert problem["code"] == "no-rows" and problem["line"] == 2
        assert "every data row is a count (here the registered voters" in problem["message"]
        assert invoke("summary", str(path)).code == 1


def counts_last(text: str) -> str:
    """Florida's order: every race's rows, then the rows of counts."""
    header, *rows = text.splitlines()
    counts = [r for r in rows if ",Registered Voters," in r or ",Ballots Cast," in r]
    return "\n".join([header, *[r for r in rows if r not in counts], *counts]) + "\n"


@pytest.mark.parametrize("variant", [{}, {"skip": (1, 3)}, {"split": True}])
def test_count_rows_below_the_head_are_kept_by_precinct(tmp_path, monkeypatch, variant):
    """Florida's precinct files give `Registered Voters` and `Ballots Cast` as offices after every
    race: the head showed no such row, so they were summed and the file handed to the exact engine
    after the whole of it was read (Lee 2018: every file of the state read twice). Now the file is
    read again with them kept by precinct, as if the head had shown them; both engines alike, the
    turnout by pandas."""
    monkeypatch.setattr(stream, "HEAD_BYTES", 600)
    text = counts_last(counts_file(**variant))
    assert ",Registered Voters," not in text[:600]
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert exact[0], exact[1]
    assert dump(exact) == dump(streamed)
    assert streams(path)
    if not variant:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        sums = frame.groupby("office")["votes"].apply(lambda v: int(v.astype(int).sum()))
        for election in exact[0]:
            facts = election.facts
            assert (facts.registered, facts.ballots_cast) == (
                sums["Registered Voters"],
                sums["Ballots Cast"],
            )


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    precincts=st.lists(
        st.tuples(
            st.integers(0, 2),  # county
            st.sampled_from(["RB", "BR", "R", "B", ""]),  # its count rows, in order
            st.integers(0, 3000),
            st.booleans(),  # a Governor's precinct too
        ),
        min_size=1,
        max_size=12,
    ),
    last=st.booleans(),
)
def test_count_rows_tables_at_once_match_the_exact_engine(tmp_path_factory, precincts, last):
    """Each race's counts per region (`countsums.tables`, numpy) as the exact engine sums them
    precinct by precinct: counts given by some precincts only, in either order, in races of some
    precincts, the rows of counts first or last (`last`, past a small head)."""
    lines, counts = [HEADER], []
    for p, (county, order, registered, governor) in enumerate(precincts):
        unit = f"County {county},P{p:02d}"
        for letter in order:
            office, value = (
                ("Registered Voters", registered)
                if letter == "R"
                else (
                    "Ballots Cast",
                    registered // 2,
                )
            )
            counts.append(f"{unit},{office},,,,{value}")
        lines.append(f"{unit},President,,DEM,Ann,{p % 7}")
        lines.append(f"{unit},President,,REP,Bob,{(3 * p) % 5}")
        if governor:
            lines.append(f"{unit},Governor,,DEM,Cat,{p % 4 + 1}")
    rows = [*lines[1:], *counts] if last else [*counts, *lines[1:]]
    path = write(tmp_path_factory.mktemp("c"), "\n".join([HEADER, *rows]) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "BLOCK_BYTES", 256)
        patch.setattr(stream, "HEAD_BYTES", 300)
        exact, streamed = both(patch, path)
    assert dump(exact) == dump(streamed)


@pytest.mark.parametrize("late", [False, True], ids=["in the head", "below the head"])
@pytest.mark.parametrize("split", [True, False], ids=["a precinct in both", "each in one"])
def test_a_district_read_as_geography_beside_count_rows_reads_alike(
    tmp_path, monkeypatch, late, split
):
    """A race whose district is geography (the same candidates in each: `geography.sub_units`)
    has its precincts named by district on the exact engine (`1 · 5`), which the count rows of
    precinct `1` do not count; the streaming engine matched the count rows by precinct, and gave
    the race a turnout (or another count note) the exact engine does not. Both engines alike,
    with the count rows in the head or below it (Florida's order, read again: `met_later`)."""
    lines = [HEADER]
    for p in range(8):
        districts = ["5", "6"] if split and p == 0 else ["5" if p % 2 else "6"]
        for district in districts:
            for k, name in enumerate(("Ann", "Bob")):
                lines.append(f"PB,P{p},State House,{district},DEM,{name},{5 + 3 * p + k}")
    for office, base in (("Registered Voters", 900), ("Ballots Cast", 400)):
        lines += [f"PB,P{p},{office},,,,{base + 7 * p}" for p in range(8)]
    text = "\n".join(lines) + "\n"
    head = 300 if late else 1 << 20
    monkeypatch.setattr(stream, "HEAD_BYTES", head)
    assert (",Registered Voters," in text[:head]) != late
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    (race,) = exact[0]
    assert "read as geography" in " ".join(race.notes)
    assert dump(exact) == dump(streamed)


def counts_between(text: str) -> str:
    """The rows of counts after the first county's races, the other county's races after them."""
    header, *rows = text.splitlines()
    counts = [r for r in rows if ",Registered Voters," in r or ",Ballots Cast," in r]
    races = [r for r in rows if r not in counts]
    first = [r for r in races if r.startswith("County 0,")]
    return "\n".join([header, *first, *counts, *races[len(first) :]]) + "\n"


@pytest.mark.parametrize("where", ["last", "between"])
def test_count_rows_at_the_file_end_are_seen_first_and_the_file_read_once(
    tmp_path, monkeypatch, where
):
    """Florida's rows of counts come last: the first reading summed them only to find them, and
    the file was read again to keep them by precinct (about a second of a million rows). The
    file's tail is now looked at first (`counttail.at_end`), and such a file read once; rows of
    counts elsewhere below the head still have it read twice. Both engines alike either way."""
    monkeypatch.setattr(stream, "HEAD_BYTES", 600)
    monkeypatch.setattr(counttail, "TAIL_BYTES", 300)
    text = (counts_last if where == "last" else counts_between)(counts_file(counties=2))
    assert ",Registered Voters," not in text[:600]
    assert (",Ballots Cast," in text[-300:]) == (where == "last")
    path = write(tmp_path, text)
    readings: list[Path] = []
    blocks = stream.Blocks

    def counted(path: Path, *args, **kwargs):
        readings.append(path)
        return blocks(path, *args, **kwargs)

    monkeypatch.setattr(stream, "Blocks", counted)
    exact, streamed = both(monkeypatch, path)
    assert exact[0], exact[1]
    assert dump(exact) == dump(streamed)
    assert len(readings) == (1 if where == "last" else 2)
    assert streams(path)


def test_a_tail_read_for_counts_leaves_the_readers_notes_alone(tmp_path, monkeypatch):
    """The tail's rows are split by the file's cell reader, which notes invisible characters and
    names read as counts as it meets them: looked at early, they are noted in the reading's turn,
    not twice nor first (the notes and warnings alike on both engines)."""
    monkeypatch.setattr(stream, "HEAD_BYTES", 600)
    text = counts_last(counts_file()).replace(
        "County 1,P05,Ballots Cast", "County 1,P05\u200b,Ballots Cast"
    )
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)


def test_where_beside_count_rows_at_the_end_reads_alike(tmp_path, monkeypatch):
    """--where may leave the rows of counts out (their office cell is the count's name): a tail
    that shows them does not decide the reading then (`counttail.at_end`), which goes as before;
    both engines alike."""
    monkeypatch.setattr(stream, "HEAD_BYTES", 600)
    path = write(tmp_path, counts_last(counts_file(counties=2)))
    exact, streamed = both(monkeypatch, path, where=(("office", "Governor"),))
    assert exact[0], exact[1]
    assert dump(exact) == dump(streamed)
