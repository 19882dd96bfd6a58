"""Files that say their counts are first preferences: a preferential count's first count only.

The Australian Electoral Commission's House downloads (`HouseFirstPrefsByCandidateByVoteType…`)
give each division's first preferences under a title line ("2016 Federal Election House of
Representatives First Preferences By Candidate By Vote Type"), which the header search skips
(`preamble.locate`). Read as first past the post, "Seats won: Liberal 54 of 150" was no count of
Australia's seats: a division is won by preferences (instant runoff), and a candidate who leads on
first preferences without more than half of the formal votes may lose once the preferences of the
candidates excluded are distributed.

Where the title lines, the header line or the file's name say first preferences (`First
Preferences`, `FirstPrefs`, `First Preference Votes`), a note says so (`said`, from
`dialect.split_top`, among the file's notes on either engine), and each race of one seat (`mark`)
names its leader the winner only with more than half of the votes counted (the valid votes: the
AEC's formal votes, informal ballots apart), said to be a preferential vote's majority
(`Election.preferential`: it was labelled "First past the post"); otherwise no winner is named (`Election.preferences`,
the verdict `preferences`: not counted as won in the tally nor as a seat by `seats`), and the race
says the seat is decided by the distribution of preferences, which the file does not hold."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from pollcli.columns import NOT_VALID_KINDS

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.read.header import ColumnMap

# "First Preferences", "First Preference Votes", "FirstPrefs", "first_prefs" (not "preferred": a
# two-party-preferred count is the last count, not the first).
_FIRST: Final[re.Pattern[str]] = re.compile(
    r"first[\s_-]*pref(?:erence)?s?(?-i:(?![a-z]))", re.IGNORECASE
)
NOTE_START: Final[str] = "The file counts first preferences"


def said(titles: Iterable[str], header: str, stem: str = "") -> str | None:
    """The note of a file whose title lines, header line or name (`stem`) say its counts are
    first preferences; else None."""
    for where, lines in (
        ("its title line", titles),
        ("its header", (header,)),
        ("its name", (stem,)),
    ):
        for line in lines:
            found = _FIRST.search(line)
            if found is not None:
                return (
                    f"{NOTE_START} ({found.group()!r} in {where}): in a preferential count a "
                    "candidate is elected on them only with more than half of the formal votes; "
                    "otherwise the distribution of preferences decides the seat, which the file "
                    "does not hold."
                )
    return None


def mark(elections: list[Election], columns: ColumnMap) -> None:
    """In a file of first preferences (its note, `said`), each race of one seat whose leader has
    no more than half of the valid votes names no winner (`Election.preferences`)."""
    if not any(note.startswith(NOTE_START) for note in columns.notes):
        return
    for election in elections:
        if election.seats != 1:
            continue
        valid = [o for o in election.options if o.kind not in NOT_VALID_KINDS]
        candidates = [o for o in valid if o.kind == "candidate"]
        if not candidates or any(o.votes is None for o in valid):
            continue  # (no votes to weigh: the shares as printed are read as ever)
        total = sum(o.votes or 0 for o in valid)
        leader = max(candidates, key=lambda o: o.votes or 0)
        votes = leader.votes or 0
        if sum(o.votes == votes for o in candidates) > 1:
            continue  # a tie for first: the verdict says so
        share = f"{100 * votes / total:.2f} %" if total else "no votes"
        if 2 * votes > total:
            # Preferential, not first past the post; and no count beyond the first is claimed.
            wins = "wins" if election.facts.stage == "official" else "would win"
            election.preferential = (
                f"Preferential vote, first preferences only: {leader.candidate} has more than "
                f"half of the formal votes ({share}), a majority no distribution of preferences "
                f"can overturn: {leader.candidate} {wins} the seat."
            )
            continue
        election.preferences = (
            f"{leader.candidate} leads on first preferences with {share} of the formal votes, "
            "not more than half: the seat is decided by the distribution of preferences, which "
            "the file does not hold. No winner is named."
        )
