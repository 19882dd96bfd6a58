"""What `seats` returns: seats per party by one or more methods, how they were won, and indices.

Everything a renderer or a chart needs is here (party, votes, share, seats, colour, how each seat was
decided); renderers only lay it out. Fields marked `NOT_IN_JSON` feed the renderers and are never
printed as JSON (the source, for charts). docs/json.md describes the JSON for users.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pollcli.columns import Kind, ThresholdBase, ThresholdScope
from pollcli.document import NOT_IN_JSON, Document, described, empty_list, optional
from pollcli.models import SCHEMA_VERSION
from pollcli.overview_models import NoWinner, Partial

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

Layout = Literal["national", "districts", "single_member"]
TieRule = Literal["earlier", "lot"]

# One flat record per party per method (and per district), for CSV output.
SEATS_COLUMNS = (
    "election",
    "district",
    "method",
    "party",
    "kind",
    "votes",
    "share",
    "qualified",
    "seats",
    "seat_share",
    "difference",
    "seats_change",
    "votes_for_next_seat",
)


@dataclass(kw_only=True)
class Threshold:
    pct: float = field(
        metadata=described("the legal threshold, percent; a list at or above it qualifies")
    )
    base: ThresholdBase = field(
        metadata=described(
            "valid: all valid votes, 'Against all' included; parties: the lists' votes only; "
            "cast: ballots cast"
        )
    )
    base_votes: int | None = field(
        metadata=described("the size of the base; null for a sum of districts, each with its own")
    )
    votes: int | None = field(
        metadata=described("the fewest votes that reach the threshold; null as base_votes")
    )
    scope: ThresholdScope = field(
        default="district",
        metadata=described(
            "where the share is taken: 'district' (each district's own votes, a list "
            "qualifying district by district) or 'national' (the districts' votes summed: a list "
            "under it takes no seat anywhere); one election without districts is 'national'"
        ),
    )
    exempt: list[str] = field(
        default_factory=empty_list,
        metadata=described(
            "the lists the threshold does not apply to (--threshold-exempt: a national "
            "minority's list, as Poland's law exempts); they take part with any votes"
        ),
    )


@dataclass(kw_only=True)
class PartySeats:
    party: str = field(
        metadata=described(
            "the list's name; in single-member races, the candidate's party (the candidate's own "
            "name when there is none)"
        )
    )
    kind: Kind
    votes: int
    share: float | None = field(
        metadata=described("percent of valid votes (every option but blank and invalid ballots)")
    )
    qualified: bool = field(
        metadata=described(
            "reached the legal threshold (in at least one district); false for options that are "
            "not party lists, such as 'Against all'"
        )
    )
    seats: int
    seat_share: float | None = field(
        metadata=described(
            "percent of the seats to fill (the district's, or the parliament's `seats`), awarded or "
            "not: a race that names no winner keeps its seat in the base"
        )
    )
    difference: float | None = field(metadata=described("seat_share − share, in points"))
    quotas: float | None = field(
        metadata=described("largest remainder: the list's votes divided by the quota; else null")
    )
    remainder_seat: bool = field(
        metadata=described("largest remainder: one of its seats was won by its remainder")
    )
    next_quotient: float | None = field(
        metadata=described(
            "divisor methods: the list's votes divided by the divisor of its next seat; else null"
        )
    )
    votes_for_next_seat: int | None = field(
        metadata=described(
            "the fewest more votes, every other option's unchanged, that would have won it one "
            "more seat outright (a threshold to pass included); with districts, the cheapest "
            "district; null when it could win no more, and in a race won by a majority of first "
            "preferences (what a rival needed depends on preferences the file does not hold)"
        )
    )
    seats_change: int | None = field(
        metadata=described("seats minus those under the first method asked; null for that method")
    )
    colour: str | None = field(
        default=None,
        metadata={
            "exclude_if": lambda colour: colour is None,
            **described("the party's colour for charts, from a colour column; absent otherwise"),
        },
    )


@dataclass(kw_only=True)
class SeatPick:
    party: str
    value: float = field(
        metadata=described(
            "what decided it: a remainder (as a fraction of a quota), a quotient, or in a "
            "single-member race the votes"
        )
    )
    seat_number: int | None = field(
        default=None,
        metadata=described("for the last seat: its number in the order seats were won"),
    )
    votes_short: int | None = field(
        default=None,
        metadata=described("for the next in line: the more votes it needed to take that seat"),
    )


@dataclass(kw_only=True)
class Tie:
    district: str | None = field(metadata=described("null for a national allocation"))
    method: str
    value: float = field(metadata=described("the equal remainder or quotient (votes in a race)"))
    contenders: list[str]
    winners: list[str]
    seats: int = field(metadata=described("how many seats the contenders competed for"))
    rule: TieRule
    seed: int | None = field(metadata=described("the seed of the lot; null for the earlier list"))


@dataclass(kw_only=True)
class Allocation:
    """The seats of one method (or of single-member races), in one district or summed."""

    method: str = field(
        metadata=described(
            "hare, droop, dhondt, sainte-lague, modified-sainte-lague, imperiali, or "
            "single-member (seats won in single-member races)"
        )
    )
    seats: int = field(metadata=described("seats awarded"))
    valid_votes: int = field(
        metadata=described("votes of every valid option, the base of share ('Against all' in)")
    )
    allocated_votes: int | None = field(
        metadata=described(
            "the votes the seats were shared on: the qualifying lists' (the quota's numerator)"
        )
    )
    quota: float | None = field(
        metadata=described("largest remainder: votes a seat (exact value rounded to a float)")
    )
    divisors: list[float] | None = field(
        metadata=described(
            "divisor methods: the series, one divisor for each seat of the biggest winner and "
            "one more"
        )
    )
    parties: list[PartySeats] = field(
        metadata=described("party lists by votes, then the options that are not lists")
    )
    last_seat: SeatPick | None = field(
        metadata=described("the seat won last (smallest winning remainder or quotient)")
    )
    next_in_line: SeatPick | None = field(
        metadata=described("the list that came closest to the last seat")
    )
    ties: list[Tie] = field(metadata=described("every tie the tie rule settled; [] when none"))
    votes_without_seat: int = field(
        metadata=described(
            "votes for options that won no seat: lists under the threshold, lists too small "
            "for a seat, and non-candidate options such as 'Against all'"
        )
    )
    votes_without_seat_pct: float | None = field(metadata=described("percent of valid votes"))
    effective_parties_votes: float | None = field(
        metadata=described("Laakso–Taagepera over the parties' votes ('Against all' left out)")
    )
    effective_parties_seats: float | None
    gallagher: float | None = field(
        metadata=described(
            "least-squares index, points, over every valid option ('Against all' counts as an "
            "option that won no seat)"
        )
    )
    loosemore_hanby: float | None = field(metadata=described("½ Σ |share − seat_share|, points"))
    undecided: int = field(
        default=0,
        metadata=described(
            "races that name no winner, and count no seat (each district's no_winner says why)"
        ),
    )

    @property
    def majority(self) -> int:
        """Seats a majority of these seats needs: more than half (charts mark it)."""
        return self.seats // 2 + 1


@dataclass(frozen=True)
class Filed:
    """One district's seats by a method beside those the file gives its options (`seats.filed`):
    the parties where the two differ. Read by the findings only, never in JSON."""

    district: str
    seats: int  # to fill
    won: int  # the seats won the file gives, added up
    summed: bool  # the seats to fill are `won` (none were stated)
    differ: list[tuple[str, int, int]]  # (party, the method's seats, the file's)


@dataclass(kw_only=True)
class DistrictSeats:
    district: str
    seats: int | None = field(
        metadata=described(
            "seats the district (race) fills; null when not known (a race that does not say "
            "how many members it elects, or rows that cannot be told apart from another "
            "race's): no seat is counted for it"
        )
    )
    threshold: Threshold | None
    allocations: list[Allocation] = field(metadata=described("one per method, as asked"))
    no_winner: NoWinner | None = field(
        default=None,
        metadata=optional(
            "only for a race that names no winner, so no seat is counted: why, as `summary` "
            "says it (runoff, seats_unknown, others_ahead, fused_lead, repeated_block, "
            "no_winner, partial, short, no_candidates, no_votes); a tie is settled by --tie "
            "instead"
        ),
    )
    # Won unopposed with no count (`tally.Tally.uncounted`), which the findings say.
    uncounted: bool = field(default=False, metadata=NOT_IN_JSON)
    # Won by a plurality only, first past the post assumed (no system given), which the findings say.
    assumed: bool = field(default=False, metadata=NOT_IN_JSON)
    # Won by a majority of first preferences, the file holding no later count (`read.preferences`),
    # which the findings say.
    preferential: bool = field(default=False, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class ElectionSeats:
    election: str
    date: dt.date | None
    country: str | None
    office: str | None
    stage: Literal["official", "preliminary", "exit_poll"]
    source_file: str
    layout: Layout = field(
        metadata=described(
            "national: one allocation; districts: one per district, summed; single_member: "
            "seats won in single-member races"
        )
    )
    seats: int = field(
        metadata=described(
            "seats to fill (in all districts); of races, those whose number is known (a "
            "district whose `seats` is null adds none)"
        )
    )
    methods: list[str] = field(metadata=described("as asked; the first is the one compared with"))
    threshold: Threshold | None = field(
        metadata=described("the legal threshold; null when none applies")
    )
    tie_rule: TieRule
    seed: int | None
    allocations: list[Allocation] = field(
        metadata=described("one per method, in the order of methods; summed over districts")
    )
    districts: list[DistrictSeats] | None = field(
        metadata=described("one per district or race; null for a national allocation")
    )
    notes: list[str]
    warnings: list[str]
    partial: Partial | None = field(
        default=None,
        metadata=optional(
            "only when --where kept some of the election's rows and left out others: the seats "
            "are allocated from those rows' votes alone, not the election's result"
        ),
    )
    # Where the figures come from (the source fact; also the notes' last sentence), for charts.
    source: str | None = field(default=None, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class SeatsReport(Document):
    """What `pollcli seats --format json` prints: one entry per parliament (a file, or an election)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["seats"] = "seats"
    elections: list[ElectionSeats]

    def flat_rows(self) -> list[dict[str, Any]]:
        """One record per party per method: national (or summed) rows first, then each district's."""
        rows = []
        for election in self.elections:
            places: list[tuple[str | None, list[Allocation]]] = [(None, election.allocations)]
            places += [(d.district, d.allocations) for d in election.districts or []]
            for district, allocations in places:
                for allocation in allocations:
                    for party in allocation.parties:
                        rows.append(
                            {
                                "election": election.election,
                                "district": district,
                                "method": allocation.method,
                                "party": party.party,
                                "kind": party.kind,
                                "votes": party.votes,
                                "share": party.share,
                                "qualified": party.qualified,
                                "seats": party.seats,
                                "seat_share": party.seat_share,
                                "difference": party.difference,
                                "seats_change": party.seats_change,
                                "votes_for_next_seat": party.votes_for_next_seat,
                            }
                        )
        return rows

    def to_dataframe(self) -> pd.DataFrame:
        """One row per party per method (and district) (needs pandas), as the CSV output."""
        import pandas as pd

        return pd.DataFrame(self.flat_rows(), columns=list(SEATS_COLUMNS))


# What the renderers and findings call each method: in full, and short (column headers, comparisons).
METHOD_LABELS: dict[str, str] = {
    "hare": "Hare quota and largest remainder",
    "droop": "Droop quota and largest remainder",
    "dhondt": "D'Hondt",
    "sainte-lague": "Sainte-Laguë",
    "modified-sainte-lague": "modified Sainte-Laguë",
    "imperiali": "Imperiali",
    "single-member": "single-member races",
}
METHOD_NAMES: dict[str, str] = {
    "hare": "Hare",
    "droop": "Droop",
    "dhondt": "D'Hondt",
    "sainte-lague": "Sainte-Laguë",
    "modified-sainte-lague": "mod. Sainte-Laguë",
    "imperiali": "Imperiali",
    "single-member": "Seats",
}


def method_phrase(method: str) -> str:
    """A method as a sentence names it: 'the Hare quota and largest remainder', "D'Hondt"."""
    label = METHOD_LABELS.get(method, method)
    return f"the {label}" if method in ("hare", "droop") else label


# Column headers, where several methods stand side by side.
METHOD_SHORT: dict[str, str] = {
    **METHOD_NAMES,
    "sainte-lague": "S-Laguë",
    "modified-sainte-lague": "mod. S-L",
}
