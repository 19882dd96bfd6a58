"""The results pollcli hands to renderers and scripts: plain values, versioned envelopes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Any, Literal

from pollcli.columns import System
from pollcli.dataclass import dataclass
from pollcli.document import NOT_IN_JSON, Document, described, empty_list, optional
from pollcli.overview_models import (
    ELECTED,
    SEATS,
    Margin,
    NoWinner,
    Overview,
    Partial,
    PartyWins,
    RaceLine,
    RaceTag,
    RaceTally,
    Standing,
)
from pollcli.problems import Problem

# The overview's models, and the leaf types they share with the summary, live in
# `pollcli.overview_models`; they are imported from here as ever.
__all__ = [
    "ElectionSummary", "Margin", "Overview", "Partial", "PartyWins", "RaceLine", "RaceTag",
    "RaceTally", "Standing", "Summary",
]  # fmt: skip

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

SCHEMA_VERSION: Literal[1] = 1


# The flat, one-record-per-option view of a summary (CSV output, DataFrames), in column order.
SUMMARY_COLUMNS = (
    "election",
    "date",
    "country",
    "office",
    "round",
    "stage",
    "source_file",
    "rank",
    "candidate",
    "party",
    "kind",
    "votes",
    "share",
    "below_threshold",
    "leader",
    "runner_up",
)
VALIDATION_COLUMNS = ("file", "code", "severity", "line", "column", "message")
# The flat view of an overview (CSV output with --overview): one record per race.
OVERVIEW_COLUMNS = (
    "race",
    "source_file",
    "leader",
    "leader_party",
    "leader_votes",
    "leader_share",
    "margin_pp",
    "margin_votes",
    "runner_up",
    "runner_up_party",
    "runner_up_share",
    "turnout_pct",
    "won",
    "tags",
)


# Built by position as well as by keyword: `summary` builds one per ballot option, a million for
# 10,000 races of 100 candidates, and a call by position costs a third of one by keyword.
@dataclass(slots=True)
class ResultRow:
    rank: int = field(metadata=described("1 = highest share; equal shares and votes share a rank"))
    candidate: str
    party: str | None
    kind: Literal["candidate", "against_all", "blank", "invalid", "other"]
    votes: int | None
    share: float | None = field(
        metadata=described("percent of the base; the published figure where given")
    )
    below_threshold: bool = field(metadata=described("a candidate strictly below the threshold"))
    colour: str | None = field(
        default=None,
        metadata=optional("the option's colour for charts, from a colour column; absent otherwise"),
    )
    acclaimed: bool = field(
        default=False,
        metadata=optional(
            "true for a candidate elected by acclamation beside counted rivals: no vote was held "
            "for them, so their 0 votes are no count and their share is null; absent otherwise",
            flag=True,
        ),
    )
    list_votes: bool = field(
        default=False,
        metadata=optional(
            "true for a party's list votes written as a row beside its candidates (Denmark's "
            "`Listestemmer`): no candidate's, never leader nor elected, counted in its party's "
            "list; absent otherwise",
            flag=True,
        ),
    )


@dataclass(kw_only=True)
class Majority:
    threshold: float
    reached: bool
    runoff: list[str] | None = field(
        metadata=described("the two candidates who would meet in a runoff")
    )


@dataclass(kw_only=True)
class Turnout:
    registered: int | None
    ballots_cast: int | None
    pct: float | None


@dataclass(kw_only=True)
class Term:
    years: int | None
    previous_years: int | None
    limit: str | None
    next_election_due: int | None


@dataclass(kw_only=True)
class RegionShare:
    candidate: str
    party: str | None
    kind: Literal["candidate", "against_all", "blank", "invalid", "other"]
    votes: int | None
    share: float | None = field(metadata=described("percent of the region's base"))


@dataclass(kw_only=True)
class RegionSummary:
    """One region's figures under `summary --by region`, computed like the national ones."""

    region: str
    leader: Standing | None = field(metadata=described("null when candidates tie for first"))
    runner_up: Standing | None
    tied_for_first: list[str]
    margin: Margin | None
    majority_reached: bool
    results: list[RegionShare] = field(
        metadata=described("share descending, as the national results")
    )
    turnout: Turnout
    over_registered: bool = field(
        default=False,
        metadata=described(
            "its ballots cast exceed its registered voters: a turnout over 100 %, no true figure"
        ),
    )
    # Its candidates are listed with 0 votes each (OH 2020: a county of a district that reported
    # none): no leader and no tie, and the findings count it apart.
    no_votes: bool = field(default=False, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class RaceSplit:
    """How one file of many races was split into races (JSON `races`, one entry per such file)."""

    file: str
    keys: list[str] = field(
        metadata=described("the columns that tell the races apart, as the header writes them")
    )
    races: int = field(metadata=described("races in the file"))
    selected: int = field(metadata=described("races kept by --race and --where (all by default)"))
    summarised: int
    refused: int = field(metadata=described("races left out for their errors"))
    note: str = field(metadata=described("the same, in words, as the findings say it"))
    # Its last sentence where a --race TEXT was a race's whole name and left out races that hold
    # TEXT as a part (`read.selection.whole_name_note`): a refusal of that race repeats it.
    whole_name: str = field(default="", metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class RefusedRace:
    """A race of a file of many races left out for its errors; the other races are summarised."""

    race: str
    file: str
    problems: list[Problem]


@dataclass(kw_only=True)
class RepeatedBlock:
    """A region's block of a race listed twice under other names (`repeated-block`)."""

    region: str | None = field(
        metadata=described("the region whose block is listed twice; null in a file without regions")
    )
    line: int = field(metadata=described("the first line of the block listed again"))
    repeats_line: int = field(metadata=described("the first line of the block it repeats"))


@dataclass(kw_only=True)
class ElectionSummary:
    """One election's ranked results and findings."""

    election: str
    date: dt.date | None
    country: str | None
    office: str | None
    round: int | None
    stage: Literal["official", "preliminary", "exit_poll"]
    source_file: str
    threshold: float
    results: list[ResultRow]
    leader: Standing | None = field(metadata=described("null when candidates tie for first"))
    runner_up: Standing | None
    tied_for_first: list[str]
    margin: Margin | None
    majority: Majority
    below_threshold: list[str]
    turnout: Turnout
    effective_number: float | None
    term: Term
    notes: list[str]
    warnings: list[str] = field(
        metadata=described(
            "each warning: FILE:LINE: what, and what to do (stderr counts routine ones per file)"
        )
    )
    warning_codes: list[str] = field(
        metadata=described(
            "the stable problem code of each warning, in the order of `warnings` "
            "(docs/csv-format.md lists the codes)"
        )
    )
    race_keys: dict[str, str] | None = field(
        default=None,
        metadata=optional(
            "in a file of many races, the file's own values that pick this race (header as "
            "written → value); absent otherwise"
        ),
    )
    partial: Partial | None = field(
        default=None,
        metadata=optional(
            "only when --where kept some of this race's rows and left out others: the "
            "figures are those rows', not the race's result, and no winner is named"
        ),
    )
    fused_lead: str | None = field(
        default=None,
        metadata=optional(
            "only when a name listed under several parties would lead the race were its lines "
            "added up (--fusion), where another option leads as listed: that name; no winner is "
            "named"
        ),
    )
    repeated_block: list[RepeatedBlock] | None = field(
        default=None,
        metadata=optional(
            "only when a region's block of the race is listed twice under other names "
            "(repeated-block) and, counted once rather than twice (either copy left out), the "
            "winner, the runner-up or the majority could be another: those blocks; no winner is "
            "named"
        ),
    )
    regions: list[RegionSummary] | None = field(
        default=None,
        metadata=optional(
            "only with --by region; the key is absent otherwise, as SPEC's schema pins it"
        ),
    )
    seats: int | None = field(default=1, metadata=SEATS)
    elected: list[str] | None = field(default=None, metadata=ELECTED)
    seats_won: list[int] | None = field(
        default=None,
        metadata=optional(
            "only where the file gives each option's seats won (a seats column that differs from "
            "option to option in a race: Belgium's `Nombre de sièges`): the seats of each of "
            "`elected`, in its order, as the file gives them; no method allocates them"
        ),
    )
    advance: list[str] | None = field(
        default=None,
        metadata=optional(
            "only for a top-two primary (one race of every party, whose top two advance to the "
            "general election; no one wins it): the candidates who advance, strongest first — "
            "one when candidates tie for second, none when three or more tie for first"
        ),
    )
    # A party-list vote (system: list, or a seats fact): renderers say "list" for "option".
    party_list: bool = field(default=False, metadata=NOT_IN_JSON)
    # A file of one race whose race columns name it (`Election.title`): the text's and markdown's
    # heading; JSON's `election` stays the label SPEC gives it (the file's stem by default).
    title: str | None = field(default=None, metadata=NOT_IN_JSON)
    # The notes on reading the file and the race (`Election.notes`, the last of `notes`): those
    # every race of a file shares are said once, in its overview (`labels.shared_notes`).
    read_notes: list[str] = field(default_factory=empty_list, metadata=NOT_IN_JSON)
    # Candidates on open party lists (`openlists`): the rows are candidates, the lists' standing
    # is in the findings; renderers say "candidate".
    open_lists: bool = field(default=False, metadata=NOT_IN_JSON)
    # Why no winner is named (`Election.no_winner`): the overview counts the race as not won.
    no_winner: str | None = field(default=None, metadata=NOT_IN_JSON)
    # Rows reporting under 100 % of their count (`Election.counted_so_far`): headings add
    # "partial count" to the stage (`preliminary` where none is stated: `read.reporting`).
    counted_so_far: str | None = field(default=None, metadata=NOT_IN_JSON)
    # The race's verdict (`pollcli.verdict`): None when won, else why no winner is named. The
    # overview and `seats` both read it, so that a race is won in both or in neither.
    undecided: NoWinner | None = field(default=None, metadata=NOT_IN_JSON)
    # Won unopposed with no count (`tally.Tally.uncounted`): the overview tags it `no_count`.
    uncounted: bool = field(default=False, metadata=NOT_IN_JSON)
    # Published shares of a larger base judge no majority (`tally.Tally.majority_unjudged`): the
    # overview counts the race as neither a plurality nor a runoff.
    majority_unjudged: bool = field(default=False, metadata=NOT_IN_JSON)
    # For charts (never in JSON, whose keys SPEC pins): where the figures come from, and whether the
    # electoral system has a majority to reach (a two-round vote) or not (plurality, party lists).
    source: str | None = field(default=None, metadata=NOT_IN_JSON)
    system: System = field(default="majority", metadata=NOT_IN_JSON)
    # Whether the system was given (a flag or a `system` fact) or assumed
    # (`majority.default_system`), and whether the race is a primary (its leader wins a
    # nomination): for the overview's tally.
    system_given: bool = field(default=False, metadata=NOT_IN_JSON)
    primary: bool = field(default=False, metadata=NOT_IN_JSON)
    # Those tied for first are equal only in shares the file rounded to this step in points
    # (`audit.rounded_tie`): renderers say "equal at 0.1", never "tie".
    tie_step: float | None = field(default=None, metadata=NOT_IN_JSON)
    # No candidate column: the options are the parties (`Election.parties_as_options`).
    parties_as_options: bool = field(default=False, metadata=NOT_IN_JSON)
    # The findings' sentence on who leads in how many regions (also in notes), with --by region.
    regions_led: str | None = field(default=None, metadata=NOT_IN_JSON)
    # stderr's digest
    problems: list[Problem] = field(default_factory=empty_list, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class Summary(Document):
    """What `pollcli summary --format json` prints: one entry per election, in input order."""

    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["summary"] = "summary"
    elections: list[ElectionSummary]
    overview: Overview | None = field(
        default=None,
        metadata=optional("only for a file of several races, or --overview: each race in one line"),
    )
    tally: RaceTally | None = field(
        default=None,
        metadata=optional("only for a file of several races, or --overview: races won per party"),
    )
    splits: list[RaceSplit] | None = field(
        default=None,
        metadata=optional("only for a file of several races, or --overview: how files were split"),
    )
    refused: list[RefusedRace] | None = field(
        default=None,
        metadata=optional(
            "only when a file held several races: the races left out for their errors, each "
            "with its problems (the exit status is then 1)"
        ),
    )
    set_aside: list[Problem] | None = field(
        default=None,
        metadata=optional(
            "only when a file held races that gave no election and no error (a race of `Total` "
            "lines alone): their warnings, each with its race"
        ),
    )
    # The table shows the overview (more than a few races and no --detail, or --overview), not each
    # race; `one_line_per_race` (--overview): CSV too, with the overview's columns.
    show_overview: bool = field(default=False, metadata=NOT_IN_JSON)
    one_line_per_race: bool = field(default=False, metadata=NOT_IN_JSON)

    def flat_rows(self) -> list[dict[str, Any]]:
        """One flat record per option per election (elections, then rank): CSV and DataFrame rows."""
        return list(self.iter_flat_rows())

    def iter_flat_rows(self) -> Iterator[dict[str, Any]]:
        """`flat_rows` one at a time: CSV output of a million options holds one record at once."""
        for election in self.elections:
            leader = election.leader.candidate if election.leader else None
            runner_up = election.runner_up.candidate if election.runner_up else None
            for result in election.results:
                yield (
                    {
                        "election": election.election,
                        "date": election.date,
                        "country": election.country,
                        "office": election.office,
                        "round": election.round,
                        "stage": election.stage,
                        "source_file": election.source_file,
                        "rank": result.rank,
                        "candidate": result.candidate,
                        "party": result.party,
                        "kind": result.kind,
                        "votes": result.votes,
                        "share": result.share,
                        "below_threshold": result.below_threshold,
                        "leader": result.candidate == leader,
                        "runner_up": result.candidate == runner_up,
                    }
                )

    def to_dataframe(self) -> pd.DataFrame:
        """One row per option per election (needs pandas): election facts, rank, votes, share, flags."""
        from pollcli.frames import summary_frame

        return summary_frame(self.flat_rows(), SUMMARY_COLUMNS)


@dataclass(kw_only=True)
class FileReport:
    """The problems found in one file; `valid` is false when any of them is an error."""

    file: str
    valid: bool
    problems: list[Problem]
    races: RaceSplit | None = field(
        default=None,
        metadata=optional("a file of many races: how it was split; each problem names its race"),
    )

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    def by_race(self) -> list[tuple[str | None, list[Problem]]]:
        """The problems grouped by race: the file's own first (None), then each race's in the
        order of its first problem; each group errors first, as the problems are."""
        groups: dict[str | None, list[Problem]] = {None: []}
        for problem in self.problems:
            groups.setdefault(problem.race, []).append(problem)
        return [(race, found) for race, found in groups.items() if found]

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(kw_only=True)
class ValidationReport(Document):
    """What `pollcli validate --format json` prints: every problem in each file."""

    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["validate"] = "validate"
    files: list[FileReport]

    @property
    def valid(self) -> bool:
        """True when no file has an error (warnings allowed)."""
        return all(f.valid for f in self.files)

    def flat_rows(self) -> list[dict[str, Any]]:
        """One flat record per problem, with the file it was found in."""
        return [
            {
                "file": file.file,
                "code": problem.code,
                "severity": problem.severity,
                "line": problem.line,
                "column": problem.column,
                "message": problem.message,
            }
            for file in self.files
            for problem in file.problems
        ]

    def to_dataframe(self) -> pd.DataFrame:
        """One row per problem (needs pandas): file, code, severity, line, column, message."""
        from pollcli.frames import validation_frame

        return validation_frame(self.flat_rows(), VALIDATION_COLUMNS)
