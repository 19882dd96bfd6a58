"""What a file of many races lets go before its elections are built (`races.assemble`).

The race of each record and whether --race keeps it are two lists of a million entries in a file of
10,000 races of 100 candidates (bench's `party_lists`): held through the assembly of every
election, they set `validate`'s peak memory (380 MiB, 350-356 once let go). Each record's race is
written in its record (`Record.election`) before the elections are built, and the lists go then.
"""

from __future__ import annotations

import gc

from conftest import write
from pollcli import load
from pollcli.read import assemble
from pollcli.read.racekeys import Race


def _lists_of_races(length: int) -> list[list[object]]:
    return [
        o
        for o in gc.get_objects()
        if type(o) is list
        and len(o) == length
        and all(isinstance(item, Race) or item is None for item in o)
    ]


def test_the_race_of_each_record_is_let_go_before_the_elections_are_built(tmp_path, monkeypatch):
    rows = ["election,candidate,party,votes"] + [
        f"Council {race},{name} {race},{party},{votes}"
        for race in range(4)
        for name, party, votes in (("Ann", "Red", 50), ("Bob", "Blue", 30), ("Cy", "Red", 20))
    ]
    path = write(tmp_path, "\n".join(rows) + "\n")
    held: list[int] = []
    building = assemble.Assembly.elections

    def probed(self: assemble.Assembly, records: list, header_line: int) -> list:
        held.append(len(_lists_of_races(len(records))))
        return building(self, records, header_line)

    monkeypatch.setattr(assemble.Assembly, "elections", probed)
    elections = load(path)
    assert [e.facts.election for e in elections] == [f"Council {r}" for r in range(4)]
    assert held == [0]
