"""What `compare` returns: elections side by side, matched names, volatility, exit-poll accuracy.

The JSON keys are the contract of shared/SPEC.md (JSON → compare); fields marked `NOT_IN_JSON` feed the
renderers (findings, warnings, option kinds, how a name was matched) and are never printed as JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pollcli.columns import Kind
from pollcli.document import NOT_IN_JSON, Document, described, empty_list, optional
from pollcli.models import SCHEMA_VERSION

Stage = Literal["official", "preliminary", "exit_poll"]
MatchMethod = Literal["normalised", "fuzzy", "alias", "kind", "party"]


@dataclass(kw_only=True)
class ComparedElection:
    election: str
    date: dt.date | None
    stage: Stage
    leader: str | None = field(
        metadata=described(
            "the leading candidate as spelt in this election; null on a tie, or where none is "
            "named (no votes; coalitions' columns, which split a candidate's votes)"
        )
    )
    turnout_pct: float | None
    term_years: int | None
    effective_number: float | None = field(
        metadata=described("Laakso–Taagepera, over valid options")
    )
    # How notes and charts name the election in short: its year, unless another input shares it.
    label: str = field(default="", metadata=NOT_IN_JSON)
    # A tie for first where no leader is named (else none is named at all: "—").
    tied: bool = field(default=False, metadata=NOT_IN_JSON)
    # The first are equal only at the file's rounding, this step in points (no tie is claimed).
    tie_step: float | None = field(default=None, metadata=NOT_IN_JSON)

    @property
    def leader_text(self) -> str:
        """The leader as the tables name it: "—" for none, "tie", or "equal at 0.1"."""
        if self.leader or not self.tied:
            return self.leader or "—"
        return "tie" if self.tie_step is None else f"equal at {self.tie_step:g}"


@dataclass(kw_only=True)
class CompareRow:
    candidate: str = field(
        metadata=described(
            "the row's label: its spelling in the latest official count it appears in "
            "(with --by party, the party)"
        )
    )
    party: str | None
    names: list[str] = field(
        metadata=described("every spelling matched into this row, in election order")
    )
    shares: list[float | None] = field(metadata=described("one per election; null where absent"))
    changes: list[float | None] = field(
        metadata=described(
            "points, one per consecutive pair of elections; null where the option is absent "
            "from either, or where the pair is one election at two stages (see poll_accuracy)"
        )
    )
    kind: Kind = field(default="candidate", metadata=NOT_IN_JSON)
    # The option's colour for charts, from a colour column of the files (the latest given).
    colour: str | None = field(default=None, metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class Match:
    name: str = field(metadata=described("the spelling that was matched"))
    matched_to: str = field(metadata=described("the spelling it was matched to"))
    score: float = field(
        metadata=described("0–100; 100 for spellings equal after normalisation or aliased")
    )
    method: MatchMethod = field(default="fuzzy", metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class OptionError:
    candidate: str
    poll: float | None
    official: float | None
    error: float | None = field(metadata=described("poll − official, in points"))


@dataclass(kw_only=True)
class PollAccuracy:
    rank: int = field(metadata=described("1 = the smallest mean absolute error"))
    election: str = field(metadata=described("the poll (or preliminary count)"))
    stage: Stage
    official: str = field(metadata=described("the official count it is measured against"))
    mean_abs_error: float | None = field(metadata=described("points, over options in both"))
    largest_miss: OptionError | None
    leader: str | None = field(metadata=described("the poll's leading candidate (row label)"))
    runner_up: str | None
    called_leader: bool | None = field(
        metadata=described("null when the count has no single leader")
    )
    called_runner_up: bool | None
    errors: list[OptionError] = field(
        metadata=described("one per option in the poll or the count, in row order")
    )
    missing: list[str] = field(metadata=described("options in only one of the poll and the count"))
    # Where the poll and its count stand in `Comparison.elections` (labels may repeat).
    position: int = field(metadata=NOT_IN_JSON)
    official_position: int = field(metadata=NOT_IN_JSON)


@dataclass(kw_only=True)
class Comparison(Document):
    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["compare"] = "compare"
    elections: list[ComparedElection] = field(
        metadata=described("ordered by date; official count first")
    )
    rows: list[CompareRow] = field(
        metadata=described("candidates first, then non-candidate options")
    )
    matches: list[Match] = field(metadata=described("every match that is not letter-for-letter"))
    unmatched: list[str] = field(metadata=described("names found in only one of the elections"))
    volatility: list[float | None] = field(
        metadata=described(
            "Pedersen index, points, per consecutive pair; null for one election at two stages"
        )
    )
    poll_accuracy: list[PollAccuracy] | None = field(
        metadata=described(
            "polls ranked by mean absolute error; null when no poll has an official count"
        )
    )
    volatility_withheld: list[str | None] | None = field(
        default=None,
        metadata=optional(
            "only where some pair's volatility is null for want of a figure that is not known to "
            "be wrong (with --by party, a candidate in both elections under two party names that "
            "do not match: one party spelt two ways counted as two): per consecutive pair, why "
            "(null for the other pairs; a null volatility without a reason is two stages of one "
            "election)"
        ),
    )
    volatility_by_party: list[float | None] | None = field(
        default=None,
        metadata=optional(
            "only without --by party, where a pair of elections both name a party for every "
            "candidate (and one of them two parties or more): the Pedersen index of the parties, "
            "points, per consecutive pair (null for the other pairs)"
        ),
    )
    by: Literal["candidate", "party"] = field(default="candidate", metadata=NOT_IN_JSON)
    # Every election a party-list vote: the options are lists, and the words say so.
    party_list: bool = field(default=False, metadata=NOT_IN_JSON)
    notes: list[str] = field(default_factory=empty_list, metadata=NOT_IN_JSON)
    warnings: list[str] = field(default_factory=empty_list, metadata=NOT_IN_JSON)

    def changed_pairs(self) -> list[int]:
        """The pairs of two elections, which have a change column: a null volatility without a
        reason (`volatility_withheld`) marks two stages of one election."""
        why = self.volatility_withheld or [None] * len(self.volatility)
        return [p for p, v in enumerate(self.volatility) if v is not None or why[p]]
