"""A column whose values tell races apart, unread or read as places, is said in a `race-split`
warning (`Position,candidate,votes` of a mayor's and a clerk's race read as one race: "Ann leads
with 31.25 %" of both, with only "Ignored column(s): 'Position'" said)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read.race_hint import race_column

TWO_RACES = "Mayor,Ann,100\nMayor,Bob,80\nClerk,Cy,50\nClerk,Dee,90\n"


def _warnings(path, *args: str) -> list[dict]:
    out = invoke("validate", str(path), "--format", "json", *args)
    return [
        p
        for f in json.loads(out.stdout)["files"]
        for p in f["problems"]
        if p["code"] == "race-split"
    ]


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize("column", ["Position", "Body", "Chamber"])
def test_an_unread_column_of_races_is_said(tmp_path, monkeypatch, engine, column):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, f"{column},candidate,votes\n" + TWO_RACES)
    (said,) = _warnings(path)
    assert said["column"] == column
    assert "'Mayor': 'Ann', 'Bob'; 'Clerk': 'Cy', 'Dee'" in said["message"]
    assert f"--race-by '{column}'" in said["message"]
    # As it says: read apart, each race has its own leader.
    out = invoke("summary", str(path), "--race-by", column, "--format", "json")
    races = {e["election"]: e["leader"]["candidate"] for e in json.loads(out.stdout)["elections"]}
    assert races == {"Mayor": "Ann", "Clerk": "Dee"}


def test_a_place_column_of_races_is_said(tmp_path):
    path = write(
        tmp_path,
        "Ward,candidate,votes\n" + TWO_RACES.replace("Mayor", "Ward 1").replace("Clerk", "Ward 2"),
    )
    (said,) = _warnings(path)
    assert "'Ward' is read as places" in said["message"]
    assert "--ignore-column" not in said["message"]


@pytest.mark.parametrize(
    "column,values",
    [
        ("Gender", ("F", "M")),
        ("Incumbent", ("Y", "N")),
        ("Status", ("Elected", "Defeated")),
        # The kind of each list (Público's Portuguese local results), not its race.
        ("party_type", ("PoliticalParty", "Coalition")),
        ("party_type", ("GroupCitizen", "PoliticalParty")),
        ("tipo", ("Coligação", "Partido")),
    ],
)
def test_columns_that_split_a_race_without_being_races_are_not_said(tmp_path, column, values):
    a, b = values
    path = write(
        tmp_path, f"{column},candidate,votes\n{a},Ann,100\n{b},Bob,80\n{a},Cy,50\n{b},Dee,90\n"
    )
    assert _warnings(path) == []


def test_a_race_over_places_is_not_said(tmp_path):
    """Every candidate in every county: one race's places."""
    path = write(
        tmp_path, "county,candidate,votes\nAda,Ann,1\nAda,Bob,2\nBoise,Ann,3\nBoise,Bob,4\n"
    )
    assert _warnings(path) == []


def test_a_file_of_read_races_is_not_looked_at(tmp_path):
    path = write(
        tmp_path,
        "office,Position,candidate,votes\n"
        + "".join(f"Council,{r}" for r in TWO_RACES.splitlines(True)),
    )
    assert _warnings(path) == []


_ROWS = st.lists(
    st.tuples(st.sampled_from(["P", "Q", "S", "Z"]), st.sampled_from("abcdefgh")), max_size=30
)


@given(_ROWS)
def test_said_only_of_groups_that_share_no_candidate(rows):
    """Oracle: sets. Said when two values hold two candidates each and no candidate is under two
    values."""
    head = [[value, name] for value, name in rows]
    found = race_column(["col", "candidate"], head, [0], 1)
    under: dict[str, set[str]] = {}
    for value, name in rows:
        under.setdefault(name, set()).add(value)
    groups: dict[str, set[str]] = {}
    for value, name in rows:
        groups.setdefault(value, set()).add(name)
    expected = (
        all(len(v) == 1 for v in under.values()) and sum(len(g) >= 2 for g in groups.values()) >= 2
    )
    assert (found is not None) == expected


def _late(first: str, second: str, precincts: int = 40) -> str:
    """A mayor's race over `precincts` precincts (more rows than the head), then a clerk's."""
    rows = [f"{first},P{p},{c},{50 + p}" for p in range(precincts) for c in ("Ann Lee", "Bob Ray")]
    rows += [f"{second},P{p},{c},{60 + p}" for p in range(precincts) for c in ("Cy Dow", "Di Fox")]
    return "Position,precinct,candidate,votes\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_races_past_the_head_are_said(tmp_path, monkeypatch, engine):
    """The head (64 rows) holds the mayor's race only: the column looked constant there, and the
    file was one race, "Di Fox leads", with only "Ignored column(s): 'Position'" said."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    (said,) = _warnings(write(tmp_path, _late("Mayor", "Clerk")))
    assert said["column"] == "Position"
    assert "'Mayor': 'Ann Lee', 'Bob Ray'; 'Clerk': 'Cy Dow', 'Di Fox'" in said["message"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_races_past_the_head_in_a_block_read_row_by_row(tmp_path, monkeypatch, engine):
    """A votes cell with a thousands separator sends the streaming engine's block to the exact
    stages, whose rows are looked at one by one."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = _late("Mayor", "Clerk").replace("Clerk,P3,Cy Dow,63", 'Clerk,P3,Cy Dow,"1,063"')
    (said,) = _warnings(write(tmp_path, text))
    assert said["column"] == "Position"


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_column_constant_past_the_head_is_not_said(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    assert _warnings(write(tmp_path, _late("Mayor", "Mayor"))) == []


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_candidate_under_two_values_past_the_head_is_no_race(tmp_path, monkeypatch, engine):
    """`Position` is a seat number shared across precincts' rows: Bob Ray stands under both."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = _late("Mayor", "Clerk") + "Clerk,P0,Bob Ray,5\n"
    assert _warnings(write(tmp_path, text)) == []


_VALUES = st.sampled_from(["Ward", "Seat", "Zone"])
_LONG = st.tuples(
    st.sampled_from([0, 5, 63, 64, 90]),
    st.dictionaries(st.sampled_from("CDEFGH"), _VALUES, max_size=6),  # each later name's value
    st.lists(st.sampled_from("CDEFGH"), max_size=40),
    st.lists(st.tuples(_VALUES, st.sampled_from("ABCDEFGH")), max_size=2),  # rows against it
)


@settings(max_examples=40, deadline=None)
@given(_LONG)
def test_both_engines_say_what_every_row_says(tmp_path_factory, long):
    """Oracle: sets over the whole file (not the head, not the engines' order of reading). A run
    of rows of one value first pushes the rest past the head."""
    lead, value_of, names, against = long
    rows = [("Ward", "A" if i % 2 else "B") for i in range(lead)]
    rows += [(value_of[n], n) for n in [*value_of, *names] if n in value_of] + against
    under: dict[str, set[str]] = {}
    groups: dict[str, set[str]] = {}
    for value, name in rows:
        under.setdefault(name, set()).add(value)
        groups.setdefault(value, set()).add(name)
    expected = all(len(v) == 1 for v in under.values()) and (
        sum(len(g) >= 2 for g in groups.values()) >= 2
    )
    text = "Position,candidate,votes\n" + "".join(
        f"{v},{n},{i + 1}\n" for i, (v, n) in enumerate(rows)
    )
    path = write(tmp_path_factory.mktemp("races"), text)
    said = {}
    with pytest.MonkeyPatch.context() as patch:
        for engine in ("stream", "exact"):
            patch.setenv("POLLCLI_ENGINE", engine)
            said[engine] = _warnings(path)
    assert said["stream"] == said["exact"]
    assert bool(said["exact"]) == expected


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_column_of_ballot_and_write_in_candidates_is_no_race(tmp_path, monkeypatch, engine):
    """Ballot candidates in the first rows, write-ins after them: one race's kinds of candidate."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    rows = [f"Ballot,P{p},{c},{10 + p}" for p in range(40) for c in ("Ann Lee", "Bob Ray")]
    rows += ["Write-In,P1,Cat Doe,1", "Write-In,P2,Dan Roe,2"]
    path = write(tmp_path, "cand_type,precinct,candidate,votes\n" + "\n".join(rows) + "\n")
    assert _warnings(path) == []


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_file_refused_says_the_column_that_may_be_why(tmp_path, monkeypatch, engine):
    """Two races' shares add up to 200 %: the file is refused, and the error's advice says only
    '--race-by COL'. The warning naming the column was in validate alone; summary says it too."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = "Position,candidate,votes,pct\nMayor,Ann,5,62.5\nMayor,Bob,3,37.5\n"
    path = write(tmp_path, text + "Clerk,Cy,4,66.7\nClerk,Dee,2,33.3\n")
    out = invoke("summary", str(path))
    assert out.code == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("pollcli: error:")]
    assert errors and "200.00 %" in errors[0]
    (said,) = [line for line in out.stderr.splitlines() if line.startswith("pollcli: warning:")]
    assert "--race-by 'Position'" in said
    assert out.stderr.index(errors[-1]) < out.stderr.index(said)


def test_a_race_split_error_is_not_said_again_as_a_warning(tmp_path):
    """A wide table's rows of races with different ballots are refused with a `race-split` error:
    it was printed a second time as a warning below it."""
    text = "district,Ann,Bob,Cy\nNorth,10,20,\nNorth,5,5,\nSouth,,7,9\nSouth,,3,4\n"
    out = invoke("summary", str(write(tmp_path, text)))
    assert out.code == 1 and "race-split" not in out.stderr
    said = [line.split(": ", 2)[-1] for line in out.stderr.splitlines()]
    assert len(said) == len(set(said)), out.stderr


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_races_added_up_as_one_name_no_winner(tmp_path, monkeypatch, engine):
    """Read as one race, the mayor's and the clerk's candidates gave "a runoff would be between
    Ann and Dee" (the mayor's leader and the clerk's) and a margin between them, with the warning
    on stderr only: no winner is named and no margin or runoff given, until the user says which."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, "Position,candidate,votes\n" + TWO_RACES)

    def race(*args: str) -> dict:
        out = invoke("summary", str(path), "--format", "json", *args)
        (election,) = json.loads(out.stdout)["elections"]
        return election

    merged = race()
    assert merged["leader"]["candidate"] == "Ann"  # (the figures are the file's, as read)
    assert merged["margin"] is None and merged["majority"]["runoff"] is None
    assert "race-split" in merged["warning_codes"]
    (said,) = [n for n in merged["notes"] if "No winner is named" in n]
    assert "--race-by 'Position'" in said
    one = race("--ignore-column", "Position")  # (the user says it is one race)
    assert one["majority"]["runoff"] == ["Ann", "Dee"] and one["margin"]["votes"] == 10


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize(
    "words", [("Runoff", "Eliminated"), ("Advances", "Out"), ("Nominated", "Not nominated")]
)
def test_a_column_of_a_rounds_outcome_is_no_race(tmp_path, monkeypatch, engine, words):
    """Review: a `result` column saying who goes to the runoff split the candidates into groups
    that share none: the file was "several races", no runoff named."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    go, stay = words
    text = (
        f"candidate,party,result,votes\nAnn Lee,Red,{go},1200\nBob Ray,Blue,{go},900\n"
        f"Cy Tam,Green,{stay},560\nDee Orr,Gold,{stay},300\n"
    )
    out = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    (election,) = json.loads(out.stdout)["elections"]
    assert "race-split" not in election["warning_codes"]
    assert election["majority"]["runoff"] == ["Ann Lee", "Bob Ray"]


def test_quiet_leaves_out_the_warning_of_a_refused_file(tmp_path):
    """Review: `--quiet` ("Do not print warnings on stderr") printed it all the same."""
    text = "Position,candidate,votes,pct\nMayor,Ann,5,62.5\nMayor,Bob,3,37.5\n"
    path = write(tmp_path, text + "Clerk,Cy,4,66.7\nClerk,Dee,2,33.3\n")
    out = invoke("summary", str(path), "--quiet")
    assert out.code == 1 and "pollcli: error:" in out.stderr
    assert "warning" not in out.stderr
