"""Each record's race in a file of many races (`read.rowraces`): where the race keys are cells a
record only reads (election, office) and no --where is given, each distinct key is looked up in
the book once, not once a row (a million rows of 10,000 races); where a key is taken out of the
facts (a district) or --where reads the row, row by row as before. Figures against pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.read import ReadOptions, engines, load_file
from pollcli.read.racekeys import RaceBook


def municipalities(races: int, lists: int) -> str:
    """Invented councils elected by list: `races` municipalities, the same `lists` in each."""
    lines = ["election,candidate,party,votes"]
    for r in range(races):
        for c in range(lists):
            lines.append(
                f"Town {r:03},List {c} Alder Party,Alder Party {c},{(13 * r + 7 * c) % 89}"
            )
    return "\n".join(lines) + "\n"


def oracle(text: str, by: list[str]) -> dict[tuple[str, ...], dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    sums = frame.groupby([*by, "candidate"], sort=False)["votes"].sum()
    out: dict[tuple[str, ...], dict[str, int]] = {}
    for (*race, candidate), votes in sums.items():
        out.setdefault(tuple(race), {})[candidate] = int(votes)
    return out


def counted(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_each_race_is_looked_up_once_where_its_keys_are_only_read(monkeypatch, tmp_path, engine):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    calls: list[dict[str, str]] = []
    add = RaceBook.add

    def counting(self, values):
        calls.append(dict(values))
        return add(self, values)

    monkeypatch.setattr(RaceBook, "add", counting)
    text = municipalities(races=5, lists=7)
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert not [p for p in problems if p.severity == "error"]
    # 35 rows, 5 races: one lookup each (35 before).
    assert len(calls) == 5
    expected = {race: votes for (race,), votes in oracle(text, ["election"]).items()}
    assert counted(elections) == expected


def test_a_key_taken_out_of_the_facts_is_still_read_row_by_row(tmp_path):
    """A district is a fact taken out of each record: its rows' races as written, whatever the
    others' (no value shared between two records)."""
    text = (
        "office,district,candidate,votes\n"
        "House,1,Ann Vell,10\nHouse,1,Bo Lind,7\n"
        "House,2,Fay Ott,4\nHouse,2,Cy Moor,9\n"
        "Senate,1,Di Ash,12\nSenate,1,Ed Roe,3\n"
    )
    elections, _ = load_file(write(tmp_path, text), ReadOptions())
    by_keys = {e.race.keys["office"] + " " + e.race.keys["district"]: e for e in elections}
    got = {k: {o.candidate: o.votes for o in e.options} for k, e in by_keys.items()}
    want = {" ".join(k): v for k, v in oracle(text, ["office", "district"]).items()}
    assert got == want


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["Town A", "Town B", "town a", "Town C"]),
            st.sampled_from(["Mayor", "Council"]),
            st.sampled_from(["Ann Vell", "Bo Lind", "Cy Moor"]),
            st.integers(0, 500),
        ),
        min_size=1,
        max_size=40,
        unique_by=lambda r: (r[0].casefold(), r[1], r[2]),
    ),
    where=st.booleans(),
)
def test_races_are_the_same_with_where_reading_each_row(tmp_path, rows, where):
    """The same races and figures whether or not --where makes each row's cells read on their
    own (the rows of a race read once each, shared, or row by row)."""
    text = "election,office,candidate,votes\n" + "".join(
        f"{e},{o},{c},{v}\n" for e, o, c, v in rows
    )
    path = write(tmp_path, text)
    plain, _ = load_file(path, ReadOptions())
    if where:
        offices = tuple(sorted({o for _, o, _, _ in rows}))
        kept, _ = load_file(path, ReadOptions(where=tuple(("office", o) for o in offices)))
        assert counted(kept) == counted(plain)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    frame["race"] = frame["election"].str.casefold() + "|" + frame["office"]
    sums = frame.groupby(["race", "candidate"])["votes"].sum()
    total = {race: int(group.sum()) for race, group in sums.groupby(level=0)}
    assert sorted(sum(v for v in e.values() if v) for e in counted(plain).values()) == sorted(
        total.values()
    )
