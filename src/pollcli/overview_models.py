"""The overview's results (`pollcli.overview`): each race in one line, and the races (seats) won per
party. Part of `summary`'s JSON (`pollcli.models.Summary`), apart to keep each module short."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Final, Literal

from pollcli.dataclass import dataclass
from pollcli.document import NOT_IN_JSON, described, empty_list, optional

# Why a race names no winner (`pollcli.verdict`, which describes each): one code per reason, the
# same in `summary`'s overview and in `seats` (its JSON's `no_winner`).
NoWinner = Literal[
    "partial",
    "counting",
    "no_winner",
    "fused_lead",
    "spelling",
    "repeated_block",
    "top_two",
    "list",
    "seats_unknown",
    "no_candidates",
    "no_votes",
    "tie",
    "seat_tie",
    "short",
    "others_ahead",
    "runoff",
    "preferences",
    "majority_unjudged",
]
NO_WINNER_REASONS: Final[tuple[str, ...]] = NoWinner.__args__  # type: ignore[attr-defined]


def _single(value: object) -> bool:
    return value == 1


@dataclass(kw_only=True)
class Standing:
    candidate: str
    party: str | None
    votes: int | None
    share: float | None


@dataclass(kw_only=True)
class Margin:
    pp: float | None = field(
        metadata=described(
            "leader minus runner-up, percentage points (in a race of several seats: the last "
            "elected minus the first not elected)"
        )
    )
    votes: int | None
    # The points are the votes' (over the valid votes or ballots cast) beside shares as published,
    # rounded: the findings say so, as the printed shares' difference may be another number.
    from_votes: bool = field(default=False, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class Partial:
    """Part of a race: `--where` kept some of its rows and left the others out."""

    filter: str = field(
        metadata=described(
            "the --where conditions that left out some of the race's rows, in words "
            "('county = Cherokee')"
        )
    )
    columns: list[str] = field(metadata=described("their columns, as the header writes them"))


# A race's seats and its members elected, in `elections` and in the overview's `races`.
SEATS = {
    "exclude_if": _single,
    **described(
        "only for a race of several seats: how many members it elects (the top N by votes); null "
        "when several candidates of one party suggest more than one and nothing says how many "
        "(no winner is then named); absent for a race of one seat"
    ),
}
ELECTED = optional(
    "only for a race of several seats whose number is known: the members elected, most votes "
    "first (fewer than the seats when candidates tie for the last one; none where the race names "
    "no winner: part of a race, a race split, marks of another rule)"
)


RaceTag = Literal[
    "close", "tie", "no_majority", "unopposed", "no_count", "spelling", "total_mismatch"
]


@dataclass(kw_only=True)
class RaceLine:
    """One race in a line of the overview: who leads, by how much, and what to look at."""

    race: str
    source_file: str
    leader: Standing | None = field(metadata=described("null when candidates tie for first"))
    runner_up: Standing | None
    tied_for_first: list[str]
    margin: Margin | None
    turnout_pct: float | None
    won: bool = field(
        metadata=described(
            "the leader takes the seat (for a primary, the nomination; for a race of several seats, "
            "the top N take them): first past the post, or a majority where the system needs one (false for a tie, a runoff to come, a party-list "
            "vote, or part of a race kept by --where)"
        )
    )
    tags: list[RaceTag] = field(
        metadata=described(
            "close: margin under 1 point or 0.5 % of the votes (in a race of several seats, the "
            "last elected's over the first not elected); tie: a tie for first; "
            "no_majority: no two-round majority; unopposed: one candidate; no_count: won "
            "unopposed with no votes counted (every option listed with 0); spelling: see the "
            "name-variant warning; total_mismatch: a total the file gives (a total row, a "
            "totalvotes column) differs from the votes counted: see the total-mismatch warning"
        )
    )
    partial: Partial | None = field(
        default=None,
        metadata=optional(
            "only when --where kept part of the race's rows: which conditions left the others "
            "out (the race is then not won: its result needs all its rows)"
        ),
    )
    primary: bool = field(
        default=False,
        metadata=optional(
            "only for a primary (true): it wins a nomination, not a seat; not in the tally",
            flag=True,
        ),
    )
    top_two: bool = field(
        default=False,
        metadata=optional(
            "only for a top-two primary (true): one race of every party whose top two advance to "
            "the general election (the race's `advance`); not won, not in the tally",
            flag=True,
        ),
    )
    measure: bool = field(
        default=False,
        metadata=optional(
            "only for a ballot measure (true): its options are answers (Yes, No…); not in the "
            "tally",
            flag=True,
        ),
    )
    assumed_plurality: bool = field(
        default=False,
        metadata=optional(
            "only when true: won with no majority under first past the post, which pollcli "
            "assumed (no --system or system fact); a majority rule would need a runoff",
            flag=True,
        ),
    )
    majority_unjudged: bool = field(
        default=False,
        metadata=optional(
            "only when true: the published shares are of a base larger than the votes listed "
            "(the ballots cast or the registered voters) and put the leader at no majority: "
            "whether the leader has a majority of the votes cannot be told, and no plurality or "
            "runoff is said (won under first past the post, not won under a majority system)",
            flag=True,
        ),
    )
    seats: int | None = field(default=1, metadata=SEATS)
    elected: list[str] | None = field(default=None, metadata=ELECTED)
    # The parties of those elected, in their order: for the tally (JSON has them in `elections`).
    elected_parties: list[str | None] = field(default_factory=empty_list, metadata=NOT_IN_JSON)
    # Those tied for first are equal only at the file's rounding, this step in points.
    tie_step: float | None = field(default=None, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class Overview:
    """Every race of the summary in one line each, in the order asked (`sort`)."""

    sort: Literal["file", "margin"] = field(
        metadata=described("file: as the races come; margin: the closest first")
    )
    races: list[RaceLine]
    closest: list[str] = field(
        metadata=described("the closest races (at most ten, a tie first), by name, closest first")
    )
    notes: list[str] = field(
        metadata=described("how the files were split, races refused, the closest races, in words")
    )

    def flat_rows(self) -> list[dict[str, Any]]:
        """One flat record per race (OVERVIEW_COLUMNS): CSV rows."""
        rows = []
        for line in self.races:
            leader, runner_up, margin = line.leader, line.runner_up, line.margin
            rows.append(
                {
                    "race": line.race,
                    "source_file": line.source_file,
                    "leader": leader.candidate if leader else "; ".join(line.tied_for_first),
                    "leader_party": leader.party if leader else None,
                    "leader_votes": leader.votes if leader else None,
                    "leader_share": leader.share if leader else None,
                    "margin_pp": margin.pp if margin else None,
                    "margin_votes": margin.votes if margin else None,
                    "runner_up": runner_up.candidate if runner_up else None,
                    "runner_up_party": runner_up.party if runner_up else None,
                    "runner_up_share": runner_up.share if runner_up else None,
                    "turnout_pct": line.turnout_pct,
                    "won": line.won,
                    "tags": " ".join(line.tags),
                }
            )
        return rows


# A winner whose party the file does not give: not "no party" (which reads as an independent's
# win; the file may give no party at all).
PARTY_NOT_GIVEN: Final = "party not given"


@dataclass(kw_only=True)
class PartyWins:
    party: str | None = field(metadata=described("the winners' party; null for no party given"))
    won: int


@dataclass(kw_only=True)
class RaceTally:
    """Races won per party (for a file of constituencies: the seats won)."""

    unit: Literal["seats", "races"] = field(
        metadata=described("seats for a file of constituencies, races for one of offices")
    )
    races: int = field(metadata=described("races summarised, primaries aside"))
    won: int = field(metadata=described("races with a winner"))
    undecided: int = field(
        metadata=described(
            "ties, runoffs to come, party-list votes, and races kept in part by --where (partial)"
        )
    )
    parties: list[PartyWins] = field(metadata=described("most races won first"))
    partial: int = field(
        default=0, metadata=described("of the undecided, races --where kept only some rows of")
    )
    primaries: int = field(
        default=0, metadata=described("primaries left out: they win nominations, not seats")
    )
    measures: int | None = field(
        default=None,
        metadata=optional("only when some: ballot measures left out (their answers win no seat)"),
    )
    seats: int | None = field(
        default=None,
        metadata=optional(
            "only when some race elects several members: the seats of the races counted whose "
            "number is known; `won` and each party's `won` then count seats"
        ),
    )
    seats_unknown: int = field(
        default=0,
        metadata=optional(
            "only when some: of the undecided, races whose number of seats is not known (a party "
            "has several candidates, and nothing says how many are elected)",
            flag=True,
        ),
    )
    assumed_plurality: int = field(
        default=0,
        metadata=described(
            "of the races won, those won with no majority under first past the post, which "
            "pollcli assumed (no --system or system fact): a majority rule would need a runoff"
        ),
    )
    majority_unjudged: int = field(
        default=0,
        metadata=optional(
            "only when some: races whose majority is not judged (published shares of a base "
            "larger than the votes listed put the leader at no majority): won under first past "
            "the post, undecided under a majority system",
            flag=True,
        ),
    )

    @property
    def no_party_given(self) -> bool:
        """Whether races were won and no winner's party is given (a file with no party column):
        a table of races won by party then says nothing, and the overview says so."""
        return bool(self.parties) and all(p.party is None for p in self.parties)
