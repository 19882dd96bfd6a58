"""The overview of a file of many races in words: how it was split, what was refused, the closest
races, and the races (seats) won per party. Prose only: the figures are `pollcli.overview`'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pollcli.audit import rounded_step
from pollcli.formats import counted, listed
from pollcli.models import RaceLine, RaceSplit, RaceTally, RefusedRace
from pollcli.overview_models import PARTY_NOT_GIVEN

# How many races a sentence names before it says "and N more".
NAMED: Final[int] = 3


def _names(names: Sequence[str], quoted: bool = True) -> str:
    return listed(names, NAMED, "‘{}’".format if quoted else str)


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
    partial = [line for line in lines if line.partial is not None]
    if partial:
        filters = " / ".join(dict.fromkeys(line.partial.filter for line in partial if line.partial))
        whose = "the race's result" if len(partial) == 1 else "the races' results"
        notes.append(
            f"--where keeps only part of {counted(len(partial), 'race')} "
            f"({_names([line.race for line in partial])}): the rows with {filters}. Their figures "
            f"are those rows', not {whose}, and no winner is named."
        )
    close = sorted(
        (line for line in lines if "close" in line.tags or "tie" in line.tags),
        key=lambda line: line.margin.pp if line.margin and line.margin.pp is not None else 0.0,
    )
    if close:
        described = [
            f"{line.race} ({_tie(line) if line.tied_for_first else _gap(line)})" for line in close
        ]
        notes.append(f"Close: {_names(described, quoted=False)}.")
    unopposed = [line.race for line in lines if "unopposed" in line.tags]
    if unopposed:
        uncounted = [line.race for line in lines if "no_count" in line.tags]
        # Won with no vote counted (FL-24 2016): said, as the figures show 0 for the winner.
        unsaid = (
            f"; with no votes counted, elected all the same: {_names(uncounted)}"
            if uncounted
            else ""
        )
        notes.append(f"Unopposed: {counted(len(unopposed), 'race')} ({_names(unopposed)}){unsaid}.")
    # Tags that ask the reader to look again: "LABEL in N races (…): why".
    for tag, label, why in _LOOK_AGAIN:
        tagged = [line.race for line in lines if tag in line.tags]
        if tagged:
            notes.append(f"{label} {counted(len(tagged), 'race')} ({_names(tagged)}): {why}")
    return notes


_LOOK_AGAIN: tuple[tuple[str, str, str], ...] = (
    (
        "spelling",
        "SPELLING? in",
        "a candidate seems spelt two ways, so their votes are split and the shares may be wrong; "
        "the warnings give the --alias that merges them.",
    ),
    (
        "total_mismatch",
        "TOTAL? in",
        "a total the file gives differs from the votes counted (rows missing, or a wrong total); "
        "the figures are the counted votes', and the total-mismatch warnings say by how much.",
    ),
    ("no_majority", "No majority in", "under a two-round system a runoff would decide them."),
)


def _tie(line: RaceLine) -> str:
    """A tie for first, or first equal only at the file's rounding (`audit.rounded_tie`)."""
    return "tie" if line.tie_step is None else f"first equal at {rounded_step(line.tie_step)}"


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


def primaries(count: int) -> str:
    return f"{count:,} primar{'y' if count == 1 else 'ies'}"


def offices_sentence(offices: Sequence[str]) -> str:
    """Under a tally of races of several offices: what it adds up, and where one chamber's seats
    are (`pollcli seats` refuses to add offices up)."""
    shown = ", ".join(offices[:5]) + (f", … ({len(offices) - 5} more)" if len(offices) > 5 else "")
    return (
        f"The races won per party add up races of {len(offices)} offices ({shown}): a count of "
        "races, not the seats of one chamber; 'pollcli seats --race OFFICE' gives one office's."
    )


def runoffs_sentence(races: Sequence[str]) -> str:
    """Under the tally, the races read as primaries on a guess (`Race.primary_guessed`): one party's
    two in a runoff that says neither primary nor general, and how to read them otherwise."""
    from pollcli.read.primaries import READ_AS_GENERAL

    read = "a primary runoff" if len(races) == 1 else "primary runoffs"
    return (
        f"{counted(len(races), 'runoff')} of two candidates of one party ({listed(races, 3)}) "
        f"read as {read} (the winner a party's nominee, no seat won), as neither the file nor "
        f"the race says primary or general; a general election's runoff (Louisiana's, "
        f"Georgia's) elects the seat: {READ_AS_GENERAL}."
    )


def tally_sentence(tally: RaceTally) -> str:
    """'Seats won: Conservative 365 of 650, Labour 202, …; 3 undecided.', and what the count
    leaves out (primaries) or could not call (part of a race; a plurality under an assumed rule)."""
    unit = "Seats" if tally.unit == "seats" else "Races"
    left_out = (
        f"{primaries(tally.primaries)} left out (a primary wins a nomination, not a seat)"
        if tally.primaries
        else ""
    )
    if not tally.races:
        if tally.measures and not tally.primaries:
            # Ballot measures only: summarised, but none is a race a party can win.
            return (
                f"{unit} won: none; {counted(tally.measures, 'ballot measure')} left out (an "
                "answer wins no seat)."
            )
        if not tally.primaries:
            return f"{unit} won: no race was summarised."
        return (
            f"{primaries(tally.primaries)}: a primary wins a nomination, not a seat, so none is "
            "counted as won by a party."
        )
    # A race of several seats counts each seat; races of an unknown number count none.
    total = tally.seats if tally.seats is not None else tally.races
    undecided = f"; {tally.undecided:,} undecided" if tally.undecided else ""
    if tally.seats is not None and tally.undecided:
        undecided += " race" if tally.undecided == 1 else " races"
    if not tally.parties:
        sentence = f"{unit} won: none of the {tally.races:,} is decided"
    elif tally.no_party_given:  # (no table of races won by party: it would say nothing)
        won = sum(p.won for p in tally.parties)
        sentence = f"{unit} won: {won:,} of {total:,}, no winner's party given{undecided}"
    else:
        parts = [
            f"{p.party or PARTY_NOT_GIVEN} {p.won:,}" + (f" of {total:,}" if index == 0 else "")
            for index, p in enumerate(tally.parties)
        ]
        sentence = f"{unit} won: {', '.join(parts)}{undecided}"
    if tally.partial:
        sentence += (
            f" ({tally.partial:,} counted only in part by --where, so no winner is named)"
            if tally.parties
            else f" ({tally.partial:,} counted only in part by --where)"
        )
    if tally.seats_unknown:
        sentence += (
            f" ({tally.seats_unknown:,} of an unknown number of seats: each looks like a race "
            "for several (several candidates of one party, several votes a ballot, delegates…) "
            "or leaves its seats blank where the file gives other races' seats won, and nothing "
            "says how many are elected; the race-split warnings and each race's notes say why)"
        )
    if left_out:
        sentence += f"; {left_out}"
    if tally.measures:
        sentence += (
            f"; {counted(tally.measures, 'ballot measure')} left out (an answer wins no seat)"
        )
    sentence += "."
    if tally.assumed_plurality:
        count = tally.assumed_plurality
        wins = "1 win is a plurality" if count == 1 else f"{count:,} wins are pluralities"
        races = "that race" if count == 1 else "those races"
        sentence += (
            f" {wins} (no majority) under first past the post, which pollcli assumed: a majority "
            f"system would send {races} to a runoff (--system majority)."
        )
    if tally.majority_unjudged:
        count = tally.majority_unjudged
        races, their, leaders = (
            ("1 race is", "its", "its leader has")
            if count == 1
            else (f"{count:,} races are", "their", "their leaders have")
        )
        sentence += (
            f" {races} not judged for a majority: {their} published shares are of a base larger "
            f"than the votes listed (the ballots cast or the registered voters), under which "
            f"{leaders} no majority, and whether one is had of the votes cannot be told; no "
            "plurality or runoff is said (each race's findings give both shares)."
        )
    return sentence
