"""What a loaded election is: its facts and its ballot options, validated, summed across regions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from pollcli.columns import Kind

Count = Annotated[int, Field(ge=0, le=10_000_000_000)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Row(BaseModel):
    """One validated input row: an option's result in one election (and region)."""

    model_config = ConfigDict(frozen=True)

    line: int
    election: str
    candidate: Annotated[str, Field(min_length=1)]
    party: str | None = None
    kind: Kind = "candidate"
    votes: Count | None = None
    share: Percent | None = None
    share_decimals: int | None = None
    region: str | None = None
    # A finer unit within the region (a precinct beside a region column): rows are unique per unit.
    unit: str | None = None


class Facts(BaseModel):
    """Election-level facts from front matter, constant columns or CLI flags."""

    model_config = ConfigDict(frozen=True)

    election: str
    date: dt.date | None = None
    country: str | None = None
    office: str | None = None
    round: Annotated[int, Field(ge=1, le=99)] | None = None
    stage: Literal["official", "preliminary", "exit_poll"] = "official"
    source: str | None = None
    registered: Count | None = None
    ballots_cast: Count | None = None
    invalid: Count | None = None
    blank: Count | None = None
    total_votes: Count | None = None
    share_base: Literal["valid", "cast"] = "valid"
    term_years: Annotated[int, Field(ge=1, le=99)] | None = None
    previous_term_years: Annotated[int, Field(ge=1, le=99)] | None = None
    term_limit: str | None = None


class Option(BaseModel):
    """A ballot option's national result: votes summed across regions, the published share."""

    candidate: str
    party: str | None = None
    kind: Kind = "candidate"
    votes: int | None = None
    share: float | None = None
    share_decimals: int | None = None
    line: int


class Region(BaseModel):
    name: str
    options: list[Option]
    registered: int | None = None
    ballots_cast: int | None = None


class Election(BaseModel):
    """One election as loaded: facts, options in input order, optional regions, and what loading noticed."""

    facts: Facts
    source_file: str
    options: list[Option]
    regions: list[Region] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
