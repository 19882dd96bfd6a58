"""Races whose stages can find nothing skip them, told for the whole file at once (issue 10 item 3).

A file of many races of no region (`election,candidate,party,votes`: every municipal council of a
country) asked each race, stage by stage, whether it held a total row or a name under several
parties; `read/plainraces` asks the whole file's cells once (`Plain.no_totals`) and each race by a
few passes in C (`no_party_lines`), and the assembly skips the stages where nothing can be found.
Sound only where the answer is never "nothing" for a race a stage would change or warn about:
held here against the full stages, on both engines, on files of hostile races (totals, write-in
counts, a row named as its party, a party line of `TOTAL`, one name under two parties, a block
listed again).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pollcli.read import (
    ReadOptions,
    assemble,
    checks,
    engines,
    line_totals,
    load_file,
    party_totals,
    partylines,
    totals,
)

# Invented names, parties and the words that make a row a total or a write-in count.
_NAMES = ["Ada Barcor", "Bram Delfen", "Cleo Gorhav", "Dov Jinkel", "Esme Lommir", "Fen Novpel"]
_TRAPS = ["Total", "Totals", "Write-ins", "Harbor Party", "HARBORPARTY", "Ada Barcor"]
_PARTIES = ["Harbor Party", "Meadow Party", "Lantern Bloc", "", "TOTAL"]


def _file(tmp_path: Path, races: list[list[tuple[str, str, int]]], name: str) -> Path:
    lines = ["election,candidate,party,votes"]
    for number, rows in enumerate(races, 1):
        lines += [f"Example Town {number:03},{n},{p},{v}" for n, p, v in rows]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(path: Path, engine: str, *, skipping: bool) -> tuple[list, list]:
    """The file's elections and problems, as plain dicts; with every stage run where not
    `skipping` (no search over the file says "nothing", no race's party lines are skipped)."""
    with mock.patch.dict("os.environ", {engines.ENGINE_ENV: engine}):
        if skipping:
            elections, problems = load_file(path, ReadOptions())
        else:
            from pollcli.read import plainraces

            with (
                mock.patch.object(plainraces, "_no_totals", lambda *_: False),
                mock.patch.object(assemble, "no_party_lines", lambda *_: False),
            ):
                elections, problems = load_file(path, ReadOptions())
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def _plain_races(count: int) -> list[list[tuple[str, str, int]]]:
    """`count` races of six candidates of three parties, none a total, no name twice."""
    return [
        [(n, _PARTIES[i % 3], 100 + 37 * i + 11 * r) for i, n in enumerate(_NAMES)]
        for r in range(count)
    ]


def test_a_file_of_plain_races_runs_no_total_or_party_line_stage(tmp_path: Path) -> None:
    """Three races of their own candidates, two of one party each: no stage that looks for a total
    row or a name under several parties is run for any of them, nor the check for a name that is
    its party's, and the elections are those of every stage run."""
    path = _file(tmp_path, _plain_races(3), "plain.csv")
    calls = dict.fromkeys(["totals", "party_totals", "line_totals", "party_lines", "checks"], 0)

    def counting(name: str, work):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            return work(*args, **kwargs)

        return counted

    with (
        mock.patch.object(totals, "set_aside", counting("totals", totals.set_aside)),
        mock.patch.object(
            party_totals, "set_aside", counting("party_totals", party_totals.set_aside)
        ),
        mock.patch.object(line_totals, "set_aside", counting("line_totals", line_totals.set_aside)),
        mock.patch.object(
            checks, "_check_party_totals", counting("checks", checks._check_party_totals)
        ),
        mock.patch.object(
            partylines, "party_lines", counting("party_lines", partylines.party_lines)
        ),
    ):
        skipped = _read(path, "exact", skipping=True)
    assert calls == dict.fromkeys(calls, 0)
    assert skipped == _read(path, "exact", skipping=False)
    assert len(skipped[0]) == 3


@st.composite
def _races(draw: st.DrawFn) -> list[list[tuple[str, str, int]]]:
    """Races of plain candidates, some with a trap: a total word, a write-in count, a name that
    is a party, a name twice, a party of `TOTAL`, votes that repeat or add up others'."""
    races = []
    for _ in range(draw(st.integers(1, 4))):
        names = draw(st.lists(st.sampled_from(_NAMES + _TRAPS), min_size=1, max_size=6))
        parties = draw(
            st.lists(st.sampled_from(_PARTIES), min_size=len(names), max_size=len(names))
        )
        votes = draw(
            st.lists(
                st.sampled_from([0, 5, 100, 150, 250, 400]),
                min_size=len(names),
                max_size=len(names),
            )
        )
        races.append(list(zip(names, parties, votes, strict=True)))
    return races


@pytest.mark.parametrize("engine", ["exact", "stream"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(races=_races())
@example(races=[[("Total", "Harbor Party", 250), ("Ada Barcor", "Harbor Party", 250)]])
@example(races=[[("Harbor Party", "Harbor Party", 250), ("Ada Barcor", "Harbor Party", 100),
                 ("Bram Delfen", "Harbor Party", 150)], [("Cleo Gorhav", "", 5)]])  # fmt: skip
@example(races=[[("Ada Barcor", "TOTAL", 250), ("Ada Barcor", "Harbor Party", 250)]])
@example(races=[[("Ada Barcor", "Harbor Party", 100), ("Ada Barcor", "Meadow Party", 150)]])
@example(races=[[("Ada Barcor", "Harbor Party", 150), ("Bram Delfen", "Meadow Party", 100),
                 ("Cleo Gorhav", "Harbor Party", 150), ("Dov Jinkel", "Meadow Party", 100)]])  # fmt: skip
def test_skipping_changes_no_election_or_problem(
    tmp_path: Path, engine: str, races: list[list[tuple[str, str, int]]]
) -> None:
    path = _file(tmp_path, races, f"races_{engine}.csv")
    assert _read(path, engine, skipping=True) == _read(path, engine, skipping=False)


@given(st.lists(st.sampled_from(_NAMES + _TRAPS + ["Бора Л.", "1-2 Lists", "  ", "O'Brien"])))
def test_keys_worked_out_without_a_look_in_the_cache_are_the_same(names: list[str]) -> None:
    from pollcli.namekeys import option_key, option_keys

    assert option_keys(names, probe=False) == [option_key(name) for name in names]


def test_names_too_many_for_the_cache_are_keyed_without_a_look_in_it(tmp_path: Path) -> None:
    """A file of more distinct names than twice the cache holds: each race's keys are worked out
    at once (here a cache of 2 names, for a file of 18)."""
    from pollcli.read import plainraces

    path = _file(tmp_path, [[(f"{n} {r}", p, v) for n, p, v in rows] for r, rows in enumerate(_plain_races(3))], "fresh.csv")  # fmt: skip
    small = mock.Mock(cache_info=lambda: mock.Mock(maxsize=2))
    probes: list[bool] = []
    keys = assemble.option_keys

    def keyed(names: list[str], *, probe: bool = True) -> list[str]:
        probes.append(probe)
        return keys(names, probe=probe)

    with (
        mock.patch.object(plainraces, "option_key", small),
        mock.patch.object(assemble, "option_keys", keyed),
    ):
        fresh = _read(path, "exact", skipping=True)
    assert probes == [False, False, False]
    assert fresh == _read(path, "exact", skipping=True)
