"""Issue 10 item 3: the streaming engine validates an option's cells but its election once for every
election (race) that lists them alike (`read.optioncells`): a file of every municipality's council
lists the same parties in each. The Row holds no election (the contract pops it as a fact), so one
validation serves each race; cells whose meaning may depend on the election cell (no name: a count
named in a race or election cell) are validated with it. The oracle is the exact engine, which
validates every row."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.read import ReadOptions, engines, keysums, load_file, optioncells, stream
from pollcli.read.records import CellReader

LISTS = [("Union List", "Union"), ("Front List", "Front"), ("Harbor List", "Harbor")]


def party_lists(elections: int) -> str:
    lines = ["election,candidate,party,votes"]
    for number in range(elections):
        for index, (name, party) in enumerate(LISTS):
            lines.append(f"Town {number:03d},{name},{party},{number * 7 + index}")
    return "\n".join(lines) + "\n"


def read(path, monkeypatch, engine: str):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    elections, problems = load_file(path, ReadOptions())
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def counting(monkeypatch) -> list[dict[str, str]]:
    """The cells validated: by the row contract (`CellReader.row`), or a block's names as
    columns (`namecells.name_rows`: each name validated, as a row of its name alone)."""
    calls: list[dict[str, str]] = []
    row, name_rows = CellReader.row, optioncells.name_rows

    def counted(self, line, values, found=None):
        calls.append(dict(values))
        return row(self, line, values, found)

    def by_column(reader, texts):
        rows, invisible = name_rows(reader, texts)
        calls.extend({"candidate": r.candidate} for r in rows if r is not None)
        return rows, invisible

    monkeypatch.setattr(CellReader, "row", counted)
    monkeypatch.setattr(optioncells, "name_rows", by_column)
    return calls


def test_a_party_list_in_many_races_is_validated_once(tmp_path, monkeypatch):
    path = write(tmp_path, party_lists(40))
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)  # a block of a few races each
    calls = counting(monkeypatch)
    streamed = read(path, monkeypatch, "stream")
    validated = [c for c in calls if "votes" not in c]  # an option's cells (the head's have votes)
    # Each list validated once for the 40 towns, not once per town (120).
    assert sorted(c["candidate"] for c in validated) == sorted(name for name, _ in LISTS)
    monkeypatch.undo()
    exact = read(path, monkeypatch, "exact")
    assert streamed == exact
    elections, problems = exact
    assert len(elections) == 40 and not [p for p in problems if p["severity"] == "error"]
    assert [o["votes"] for o in elections[39]["options"]] == [273, 274, 275]


def test_a_candidate_in_many_races_is_validated_once_whatever_the_party(tmp_path, monkeypatch):
    # Races of their own lists drawn from one pool of names, each name under any party (the
    # `elections` cliff case): the name's cells are validated once, its party cell read as the
    # contract reads it (plain text, cleaned), not the name validated again with each party.
    parties = ["Union", "Front", " Harbor ", "Mea\u200bdow", ""]
    names = ["Ann", "Bo", "Cy", "Di"]
    lines = ["election,candidate,party,votes"]
    for town in range(30):
        for index, name in enumerate(names):
            lines.append(f"Town {town:02d},{name},{parties[(town + index) % 5]},{town + index}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    calls = counting(monkeypatch)
    streamed = read(path, monkeypatch, "stream")
    validated = [c for c in calls if "votes" not in c]
    assert sorted(c["candidate"] for c in validated) == names
    monkeypatch.undo()
    exact = read(path, monkeypatch, "exact")
    assert streamed == exact
    elections, _ = exact
    assert [o["party"] for o in elections[1]["options"]] == ["Front", "Harbor", "Meadow", None]


def test_an_election_cell_that_names_a_count_is_read_with_its_row(tmp_path, monkeypatch):
    # A row of no name whose election cell says "Ballots Cast": its cells are validated with the
    # election's, option by option, as the exact engine reads the row, not shared with a race's.
    text = (
        "election,candidate,party,votes\n"
        "Town A,Ann,Union,5\nTown A,,,9\nBallots Cast,,,9\nTown B,Ann,Union,4\nTown B,,,3\n"
    )
    path = write(tmp_path, text)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 64)
    assert read(path, monkeypatch, "stream") == read(path, monkeypatch, "exact")


ELECTIONS = ["Town A", "Town B", " Town A ", "Town\u200b B", "", "Ballots Cast", "Registered"]
OPTIONS = [
    ("Ann", "Union"),
    ("Ann", "union "),
    ("ann", "Union"),
    ("Union List", "Union"),
    ("", ""),
    ("", "Union"),
    ("Write-in", ""),
    ("Registered Voters", ""),
    ("Bo\u200b", "Front"),
    ("Bo", "Front"),
    ("Bo", " Fr\u200bont"),
    ("Ann", "Front"),
    ("Ann", "-"),
    ("Write-in", "Union"),
    ("", "Write-in"),
]


@st.composite
def files(draw: st.DrawFn) -> str:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ELECTIONS),
                st.sampled_from(OPTIONS),
                st.sampled_from(["0", "3", "12", "", "x1"]),
            ),
            min_size=1,
            max_size=16,
        )
    )
    lines = ["election,candidate,party,votes"]
    lines += [f"{e},{name},{party},{votes}" for e, (name, party), votes in rows]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=files(), probed=st.sampled_from([1, 2, 3, 2048]), block=st.sampled_from([48, 96, 1 << 20])
)
def test_both_engines_read_drawn_races_alike(tmp_path_factory, monkeypatch, text, probed, block):
    # Rows of a few races listing the same cells (or spelt otherwise), names that are counts or
    # blank, elections blank, spaced, with invisible characters or named like a count; blocks of
    # a few rows, and the sharing probed on 1 to 2,048 options a block (`_PROBED`).
    monkeypatch.setattr(optioncells, "_PROBED", probed)
    monkeypatch.setattr(stream, "BLOCK_BYTES", block)
    path = write(tmp_path_factory.mktemp("cells"), text)
    streamed = read(path, monkeypatch, "stream")
    exact = read(path, monkeypatch, "exact")
    assert streamed[1] == exact[1]
    assert streamed[0] == exact[0]


@pytest.mark.parametrize("party", [True, False])
@pytest.mark.parametrize("probed", [1, 4])
def test_a_block_of_new_names_stops_sharing_and_reads_alike(tmp_path, monkeypatch, probed, party):
    # Races of their own candidates: without a party column the probe finds no cells met before
    # and the block's other options are validated one by one; with one, each name is kept (its
    # party set apart) whatever the probe. The answer is the same.
    lines = ["election,candidate,party,votes" if party else "election,candidate,votes"]
    lines += [
        f"Town {t},Name {t}-{i},{f'P{i % 3},' if party else ''}{t + i}"
        for t in range(12)
        for i in range(5)
    ]
    path = write(tmp_path, "\n".join(lines) + "\n")
    monkeypatch.setattr(optioncells, "_PROBED", probed)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 200)
    assert read(path, monkeypatch, "stream") == read(path, monkeypatch, "exact")


@pytest.mark.parametrize(
    "cells",
    [
        {"candidate": "Ann"},
        {"candidate": "Registered Voters"},
        {"candidate": "Against all", "share": "12,5", "colour": "#aa0000"},
        {"candidate": "Bo", "kind": "other"},
    ],
)
def test_a_name_listed_by_a_party_is_the_row_the_contract_reads(cells):
    # `with_party` copies every field of the name's validated row and sets the party: the row the
    # contract makes of the same cells with the party cell (the oracle), field for field.
    from pollcli.contract import Row, cells_context

    context = cells_context(",", True)
    row = Row.model_validate(cells, context=context)
    whole = Row.model_validate({**cells, "party": "Union"}, context=context)
    assert set(keysums.SETTERS) == {f for f in asdict(row)}
    assert keysums.with_party(row, "Union") == whole
    assert asdict(keysums.with_party(row, "Union")) == asdict(whole)


@pytest.mark.parametrize("column", ["date", "colour"])
def test_a_name_kept_with_its_fact_cells_reads_as_the_exact_engine(tmp_path, monkeypatch, column):
    # A name kept with fact cells of its own (a date), or with another option cell (a colour),
    # listed by a party in some races and by none in others: as the exact engine reads the rows.
    value = "2022-11-20" if column == "date" else "#aa0000"
    lines = [f"election,candidate,party,votes,{column}"]
    for town in range(8):
        for index, name in enumerate(["Ann", "Bo", "Cy"]):
            party = ["Union", "", "Front"][(town + index) % 3]
            lines.append(f"Town {town},{name},{party},{town + index + 1},{value}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    monkeypatch.setattr(stream, "BLOCK_BYTES", 128)
    streamed = read(path, monkeypatch, "stream")
    assert streamed == read(path, monkeypatch, "exact")
    assert [o["party"] for o in streamed[0][1]["options"]] == [None, "Front", "Union"]
