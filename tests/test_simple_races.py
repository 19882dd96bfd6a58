"""Races whose records have nothing but an option's row skip the passes that look for more (issue
10 item 3).

A file of many races of no region (`election,candidate,party,votes`: every municipal council of a
country) passed over each race's records some dozen times for what none of them held: a place, a
count row (`Ballots Cast`), a share, fact cells, lines summed into a record, an acclamation.
`plainraces.simple_race` asks a race of a file of no place (`Plain.placeless`) once, by passes in
C, and `Assembly._election` skips those passes where it says "none". Sound only where it never says "none" of a file one of them would
find something in: held here against every pass run, on both engines, on small files of many
races with hostile rows (counts, shares, blank and invalid options, facts, repeated rows,
acclamations, blank votes).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pollcli.read import ReadOptions, assemble, engines, load_file

# Invented names, and those that make a row something other than a candidate's.
_NAMES = ["Ada Barcor", "Bram Delfen", "Cleo Gorhav", "Dov Jinkel", "Esme Lommir"]
_OTHERS = ["Blank ballots", "Invalid", "Ballots Cast", "Registered Voters", "Total votes"]
_PARTIES = ["Harbor Party", "Meadow Party", "Lantern Bloc", ""]
_VOTES = ["0", "5", "100", "250", "", "-", "accl.", "12.5%"]


def _file(tmp_path: Path, name: str, extra: str, races: list[list[tuple[str, str, str, str]]]) -> Path:  # fmt: skip
    """A file of `races` (name, party, votes, the `extra` column's cell) under one header."""
    header = "election,candidate,party,votes" + (f",{extra}" if extra else "")
    lines = [header]
    for number, rows in enumerate(races, 1):
        for candidate, party, votes, more in rows:
            cells = [f"Example Town {number:03}", candidate, party, votes]
            lines.append(",".join(cells + ([more] if extra else [])))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(path: Path, engine: str, *, skipping: bool) -> tuple[list, list]:
    """The file's elections and problems, as plain dicts; every pass run where not `skipping`."""
    with mock.patch.dict("os.environ", {engines.ENGINE_ENV: engine}):
        if skipping:
            elections, problems = load_file(path, ReadOptions())
        else:
            with mock.patch.object(assemble, "simple_race", lambda *_: False):
                elections, problems = load_file(path, ReadOptions())
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def _simple(count: int) -> list[list[tuple[str, str, str, str]]]:
    return [
        [(n, _PARTIES[i % 3], str(100 + 37 * i + 11 * r), "") for i, n in enumerate(_NAMES)]
        for r in range(count)
    ]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_file_of_simple_races_makes_no_pass_for_counts_or_shares(
    tmp_path: Path, engine: str
) -> None:
    """Three races of five candidates, nothing else in their rows: no race looks for a count row,
    a results box's counts or a share given as a fraction, and the elections are those of every
    pass run."""
    path = _file(tmp_path, "simple.csv", "", _simple(3))
    calls: list[str] = []

    def counting(name: str):  # type: ignore[no-untyped-def]
        work = getattr(assemble, name)

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(name)
            return work(*args, **kwargs)

        return counted

    with (
        mock.patch.object(assemble, "cast_total", counting("cast_total")),
        mock.patch.object(assemble, "share_counts", counting("share_counts")),
        mock.patch.object(assemble, "fractions", counting("fractions")),
        mock.patch.object(assemble, "out_of_range", counting("out_of_range")),
    ):
        skipped = _read(path, engine, skipping=True)
    assert calls == []
    assert skipped == _read(path, engine, skipping=False)
    assert len(skipped[0]) == 3


@st.composite
def _races(draw: st.DrawFn) -> tuple[str, list[list[tuple[str, str, str, str]]]]:
    """An extra column or none, and races of candidates, some with a hostile row: a count, a blank
    or invalid option, a share, a fact cell, a row given twice, an acclamation, blank votes."""
    extra = draw(st.sampled_from(["", "share", "registered", "date"]))
    cells = {"": [""], "share": ["", "12.5", "40"], "registered": ["", "900", "1000"]}
    races = []
    for _ in range(draw(st.integers(1, 4))):
        size = draw(st.integers(1, 5))
        names = draw(st.lists(st.sampled_from(_NAMES + _OTHERS), min_size=size, max_size=size))
        rows = [
            (
                name,
                draw(st.sampled_from(_PARTIES)),
                draw(st.sampled_from(_VOTES[:4] if draw(st.booleans()) else _VOTES)),
                draw(st.sampled_from(cells.get(extra, ["2024-05-01"]))),
            )
            for name in names
        ]
        if rows and draw(st.booleans()):
            rows.append(rows[0])  # (a row given twice: the streaming engine sums it)
        races.append(rows)
    return extra, races


@pytest.mark.parametrize("engine", ["exact", "stream"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=_races())
@example(drawn=("", [[("Ada Barcor", "Harbor Party", "100", ""), ("Ada Barcor", "Harbor Party", "100", "")]]))  # fmt: skip
@example(drawn=("", [[("Ada Barcor", "Harbor Party", "accl.", "")], [("Bram Delfen", "", "5", "")]]))  # fmt: skip
@example(drawn=("", [[("Ada Barcor", "", "100", ""), ("Ballots Cast", "", "250", "")]]))
@example(drawn=("share", [[("Ada Barcor", "", "100", "0.4"), ("Bram Delfen", "", "150", "0.6")]]))  # fmt: skip
@example(drawn=("registered", [[("Ada Barcor", "", "100", "900"), ("Bram Delfen", "", "5", "")]]))  # fmt: skip
def test_skipping_the_passes_changes_no_election_or_problem(
    tmp_path: Path, engine: str, drawn: tuple[str, list[list[tuple[str, str, str, str]]]]
) -> None:
    extra, races = drawn
    path = _file(tmp_path, f"races_{engine}.csv", extra, races)
    assert _read(path, engine, skipping=True) == _read(path, engine, skipping=False)
