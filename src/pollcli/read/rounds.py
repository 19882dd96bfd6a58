"""Ranked-choice rounds → one race each, decided by its final round.

A ranked-choice count published round by round (FiveThirtyEight's `ranked_choice_round`: Alaska's
Senate race of 2022 in rounds 1, 2 and 3) is one race, not one per round: the rows of a race's
rounds (races alike in every key but the round) are read as that race, its figures those of its
final round (the highest number), and the earlier rounds are left out of the count and told in a
note ("rounds 1 to 3 …; round 1: Lisa Murkowski 114,118 (43.39 %), …"). A race in one numbered
round only is that race too, named without its round.

Only a column that says ranked choice or tabulation is read so (`columns.RACE_ALIASES`
"rcv_round"): a `round` column is the round of a two-round vote (`--round`, France's tours), and the
rounds of a two-round vote, like a `runoff` stage, are separate elections. A race whose round cells
are not all whole numbers (a blank beside numbers) is left as it was: one race per round value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pollcli.read.racekeys import Race as Entry
from pollcli.read.racekeys import RaceBook, normal
from pollcli.read.records import Record

ROLE = "rcv_round"
# Options of an earlier round named in the note; the rest are counted ("and 3 more").
SHOWN = 5


@dataclass
class Counted:
    """The records and their races with every earlier round left out, and the note of each race
    decided in several rounds (by the id of its entry)."""

    records: list[Record]
    races: list[Entry | None]
    notes: dict[int, str] = field(default_factory=dict)


def final_rounds(
    book: RaceBook,
    records: list[Record],
    races: list[Entry | None],
    refused_rows: dict[int, Entry | None],
    cut: dict[tuple[str, ...], set[int]],
    header: str,
    figures: bool,
) -> Counted:
    """Make each race's rounds one race (see the module's docstring), in `book` and in the
    rows; a refused row of an earlier round refuses the race (`refused_rows`), and a --where that
    left out rows of a round cuts the race (`cut`). `header` is the round column as written;
    `figures` says whether the earlier rounds' votes may be summed for the note (no vote-mode
    column, whose TOTAL rows would count twice)."""
    groups: dict[tuple[str, ...], list[Entry]] = {}
    for race in book.races.values():
        groups.setdefault(_group(book, race.values), []).append(race)
    into: dict[int, Entry] = {}  # every race of a group, by id → the group's race
    notes: dict[int, str] = {}
    rebuilt: dict[tuple[str, ...], Entry] = {}
    rounds_of: dict[int, list[int]] = {}
    for group, members in groups.items():
        numbers = [_number(race) for race in members]
        if any(n is None for n in numbers):
            for race in members:
                rebuilt[race.identity] = race
            continue
        numbered = [(n, race) for n, race in zip(numbers, members, strict=True) if n is not None]
        final = max(numbered, key=lambda pair: pair[0])[1]
        for _, race in numbered:
            into[id(race)] = final
        rounds_of[id(final)] = sorted(n for n, _ in numbered)
        final.values = {**final.values, ROLE: ""}
        final.identity = group
        rebuilt[group] = final
    if not into:
        return Counted(records, races)
    earlier: dict[int, dict[int, dict[str, int]]] = {}  # final's id → round → option → votes
    kept_records: list[Record] = []
    kept_races: list[Entry | None] = []
    for record, entry in zip(records, races, strict=True):
        target = into.get(id(entry)) if entry is not None else None
        if entry is None or target is None or entry is target:
            kept_records.append(record)
            kept_races.append(entry)
            continue
        votes = earlier.setdefault(id(target), {}).setdefault(_number(entry) or 0, {})
        row = record.row
        # The valid votes of each option: no blank or invalid ballots, no counts of the unit.
        if row.kind not in ("blank", "invalid") and row.fact is None and not row.all_races:
            votes[row.candidate] = votes.get(row.candidate, 0) + (row.votes or 0)
    for line, refused in refused_rows.items():
        if refused is not None and id(refused) in into:
            refused_rows[line] = into[id(refused)]
    for identity in list(cut):
        values = dict(zip(book.identity_roles, identity, strict=True))
        group = _group(book, values) if ROLE in values else identity
        if group != identity and group in rebuilt:
            cut.setdefault(group, set()).update(cut.pop(identity))
    book.races = rebuilt
    for race in rebuilt.values():
        rounds = rounds_of.get(id(race), [])
        if len(rounds) > 1:
            notes[id(race)] = _note(header, rounds, earlier.get(id(race), {}), figures)
    return Counted(kept_records, kept_races, notes)


def _group(book: RaceBook, values: dict[str, str]) -> tuple[str, ...]:
    return book.identity({**values, ROLE: ""})


def _number(race: Entry) -> int | None:
    text = normal(ROLE, race.values.get(ROLE, ""))
    return int(text) if text.isdigit() else None


def _note(header: str, rounds: list[int], earlier: dict[int, dict[str, int]], figures: bool) -> str:
    """ "Ranked-choice count in 3 rounds ('ranked_choice_round' 1 to 3): …; round 1: A 10 (50 %)…"."""
    listed = ", ".join(map(str, rounds[:-1])) + f" and {rounds[-1]}"
    note = (
        f"Ranked-choice count in {len(rounds)} rounds ({header!r} {listed}), read as one race "
        f"decided by its final round: the figures are round {rounds[-1]}'s"
    )
    first = earlier.get(rounds[0], {})
    total = sum(first.values())
    if figures and total > 0:
        ranked = sorted(first.items(), key=lambda item: (-item[1], item[0]))
        shown = [
            f"{name} {votes:,} ({votes / total * 100:.2f} %)" for name, votes in ranked[:SHOWN]
        ]
        more = len(ranked) - SHOWN
        note += (
            f"; round {rounds[0]}: "
            + ", ".join(shown)
            + (f" and {more:,} more" if more > 0 else "")
        )
    return note + "."
