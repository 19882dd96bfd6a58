"""The results pollcli hands to renderers and scripts: plain values, versioned envelopes."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from pollcli.problems import Problem

SCHEMA_VERSION: Literal[1] = 1


class ResultRow(BaseModel):
    rank: int = Field(description="1 = highest share; equal shares and votes share a rank")
    candidate: str
    party: str | None
    kind: Literal["candidate", "against_all", "blank", "invalid", "other"]
    votes: int | None
    share: float | None = Field(description="percent of the base; the published figure where given")
    below_threshold: bool = Field(description="a candidate strictly below the threshold")


class Standing(BaseModel):
    candidate: str
    party: str | None
    votes: int | None
    share: float | None


class Margin(BaseModel):
    pp: float | None = Field(description="leader minus runner-up, percentage points")
    votes: int | None


class Majority(BaseModel):
    threshold: float
    reached: bool
    runoff: list[str] | None = Field(description="the two candidates who would meet in a runoff")


class Turnout(BaseModel):
    registered: int | None
    ballots_cast: int | None
    pct: float | None


class Term(BaseModel):
    years: int | None
    previous_years: int | None
    limit: str | None
    next_election_due: int | None


class RegionShare(BaseModel):
    candidate: str
    party: str | None
    kind: Literal["candidate", "against_all", "blank", "invalid", "other"]
    votes: int | None
    share: float | None = Field(description="percent of the region's base")


class RegionSummary(BaseModel):
    """One region's figures under `summary --by region`, computed like the national ones."""

    region: str
    leader: Standing | None = Field(description="null when candidates tie for first")
    runner_up: Standing | None
    tied_for_first: list[str]
    margin: Margin | None
    majority_reached: bool
    results: list[RegionShare] = Field(description="share descending, as the national results")
    turnout: Turnout


class ElectionSummary(BaseModel):
    election: str
    date: dt.date | None
    country: str | None
    office: str | None
    round: int | None
    stage: Literal["official", "preliminary", "exit_poll"]
    source_file: str
    threshold: float
    results: list[ResultRow]
    leader: Standing | None = Field(description="null when candidates tie for first")
    runner_up: Standing | None
    tied_for_first: list[str]
    margin: Margin | None
    majority: Majority
    below_threshold: list[str]
    turnout: Turnout
    effective_number: float | None
    term: Term
    notes: list[str]
    warnings: list[str]
    regions: list[RegionSummary] | None = Field(
        default=None,
        description="only with --by region; the key is absent otherwise, as SPEC's schema pins it",
    )

    @model_serializer(mode="wrap")
    def _drop_absent_regions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.regions is None:
            data.pop("regions", None)
        return data


class Summary(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["summary"] = "summary"
    elections: list[ElectionSummary]


class FileReport(BaseModel):
    file: str
    valid: bool
    problems: list[Problem]


class ValidationReport(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    command: Literal["validate"] = "validate"
    files: list[FileReport]

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)
