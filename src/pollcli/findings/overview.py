"""The overview of a file of many races in words: how it was split, what was refused, the closest
races, and the races (seats) won per party. Prose only: the figures are `pollcli.overview`'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pollcli.formats import counted
from pollcli.models import RaceLine, RaceSplit, RaceTally, RefusedRace

# How many races a sentence names before it says "and N more".
NAMED: Final[int] = 3


def _names(names: Sequence[str], quoted: bool = True) -> str:
    shown = [f"‘{n}’" if quoted else n for n in names[:NAMED]]
    more = len(names) - NAMED
    return ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")


def overview_notes(
    lines: Sequence[RaceLine], splits: Sequence[RaceSplit], refused: Sequence[RefusedRace]
) -> list[str]:
    """The sentences under the overview table (and in the JSON's `overview.notes`)."""
    notes = [split.note for split in splits]
    if refused:
        notes.append(
            f"{counted(len(refused), 'race')} refused for their errors and left out: "
            f"{_names([r.race for r in refused])} (pollcli validate lists every problem)."
        )
    close = sorted(
        (line for line in lines if "close" in line.tags or "tie" in line.tags),
        key=lambda line: line.margin.pp if line.margin and line.margin.pp is not None else 0.0,
    )
    if close:
        described = [
            f"{line.race} ({'tie' if line.tied_for_first else _gap(line)})" for line in close
        ]
        notes.append(f"Close: {_names(described, quoted=False)}.")
    unopposed = [line.race for line in lines if "unopposed" in line.tags]
    if unopposed:
        notes.append(f"Unopposed: {counted(len(unopposed), 'race')} ({_names(unopposed)}).")
    runoffs = [line.race for line in lines if "no_majority" in line.tags]
    if runoffs:
        notes.append(
            f"No majority in {counted(len(runoffs), 'race')} ({_names(runoffs)}): a runoff would "
            "decide them."
        )
    return notes


def _gap(line: RaceLine) -> str:
    margin = line.margin
    if margin is None:
        return "margin unknown"
    parts = []
    if margin.pp is not None:
        parts.append(f"{margin.pp:.2f} points")
    if margin.votes is not None:
        parts.append(counted(margin.votes, "vote"))
    return ", ".join(parts) or "margin unknown"


def tally_sentence(tally: RaceTally) -> str:
    """'Seats won: Conservative 365 of 650, Labour 202, …; 3 undecided.'"""
    unit = "Seats" if tally.unit == "seats" else "Races"
    if not tally.parties:
        return f"{unit} won: none of the {tally.races:,} is decided."
    parts = [
        f"{p.party or 'no party'} {p.won:,}" + (f" of {tally.races:,}" if index == 0 else "")
        for index, p in enumerate(tally.parties)
    ]
    undecided = f"; {tally.undecided:,} undecided" if tally.undecided else ""
    return f"{unit} won: {', '.join(parts)}{undecided}."
