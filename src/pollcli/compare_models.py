"""What `compare` returns: elections side by side, matched names, volatility, exit-poll accuracy.

The JSON keys are the contract of shared/SPEC.md (JSON → compare); fields marked `exclude=True` feed the
renderers (findings, warnings, option kinds, how a name was matched) and are never printed as JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from pollcli.columns import Kind
from pollcli.models import SCHEMA_VERSION

Stage = Literal["official", "preliminary", "exit_poll"]
MatchMethod = Literal["normalised", "fuzzy", "alias", "kind"]


class ComparedElection(BaseModel):
    election: str
    date: dt.date | None
    stage: Stage
    leader: str | None = Field(
        description="the leading candidate as spelt in this election; null on a tie"
    )
    turnout_pct: float | None
    term_years: int | None
    effective_number: float | None = Field(description="Laakso–Taagepera, over valid options")


class CompareRow(BaseModel):
    candidate: str = Field(
        description="the row's label: its spelling in the latest official count it appears in "
        "(with --by party, the party)"
    )
    party: str | None
    names: list[str] = Field(description="every spelling matched into this row, in election order")
    shares: list[float | None] = Field(description="one per election; null where absent")
    changes: list[float | None] = Field(
        description="points, one per consecutive pair of elections; null where the option is absent "
        "from either, or where the pair is one election at two stages (see poll_accuracy)"
    )
    kind: Kind = Field(default="candidate", exclude=True)


class Match(BaseModel):
    name: str = Field(description="the spelling that was matched")
    matched_to: str = Field(description="the spelling it was matched to")
    score: float = Field(
        description="0–100; 100 for spellings equal after normalisation or aliased"
    )
    method: MatchMethod = Field(default="fuzzy", exclude=True)


class OptionError(BaseModel):
    candidate: str
    poll: float | None
    official: float | None
    error: float | None = Field(description="poll − official, in points")


class PollAccuracy(BaseModel):
    rank: int = Field(description="1 = the smallest mean absolute error")
    election: str = Field(description="the poll (or preliminary count)")
    stage: Stage
    official: str = Field(description="the official count it is measured against")
    mean_abs_error: float | None = Field(description="points, over options in both")
    largest_miss: OptionError | None
    leader: str | None = Field(description="the poll's leading candidate (row label)")
    runner_up: str | None
    called_leader: bool | None = Field(description="null when the count has no single leader")
    called_runner_up: bool | None
    errors: list[OptionError] = Field(
        description="one per option in the poll or the count, in row order"
    )
    missing: list[str] = Field(description="options in only one of the poll and the count")


class Comparison(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["compare"] = "compare"
    elections: list[ComparedElection] = Field(description="ordered by date; official count first")
    rows: list[CompareRow] = Field(description="candidates first, then non-candidate options")
    matches: list[Match] = Field(description="every match that is not letter-for-letter")
    unmatched: list[str] = Field(description="names found in only one of the elections")
    volatility: list[float | None] = Field(
        description="Pedersen index, points, per consecutive pair; null for one election at two stages"
    )
    poll_accuracy: list[PollAccuracy] | None = Field(
        description="polls ranked by mean absolute error; null when no poll has an official count"
    )
    by: Literal["candidate", "party"] = Field(default="candidate", exclude=True)
    notes: list[str] = Field(default_factory=list, exclude=True)
    warnings: list[str] = Field(default_factory=list, exclude=True)
