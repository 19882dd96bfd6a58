"""What a loaded election is: its facts and its ballot options, summed across regions.

Plain dataclasses (see `pollcli.document` for why not Pydantic models): they check nothing themselves.
The loader checks every value, from the file or given from Python, before it builds one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pollcli.columns import Kind, Method, System, ThresholdBase


@dataclass(frozen=True, kw_only=True)
class Row:
    """One validated input row: an option's result in one election (and region)."""

    line: int
    election: str
    candidate: str
    party: str | None = None
    kind: Kind = "candidate"
    votes: int | None = None
    share: float | None = None
    share_decimals: int | None = None
    region: str | None = None
    colour: str | None = None
    # A finer unit within the region (a precinct beside a region column): rows are unique per unit.
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class Facts:
    """Election-level facts from front matter, constant columns or CLI flags."""

    election: str
    date: dt.date | None = None
    country: str | None = None
    office: str | None = None
    round: int | None = None
    stage: Literal["official", "preliminary", "exit_poll"] = "official"
    source: str | None = None
    registered: int | None = None
    ballots_cast: int | None = None
    invalid: int | None = None
    blank: int | None = None
    total_votes: int | None = None
    share_base: Literal["valid", "cast"] = "valid"
    term_years: int | None = None
    previous_term_years: int | None = None
    term_limit: str | None = None
    # None: the default of the file's shape (a single race is a two-round majority vote).
    system: System | None = None
    seats: int | None = None
    method: Method | None = None
    list_threshold: float | None = None
    threshold_base: ThresholdBase | None = None


@dataclass(kw_only=True)
class Option:
    """A ballot option's national result: votes summed across regions, the published share."""

    candidate: str
    party: str | None = None
    kind: Kind = "candidate"
    votes: int | None = None
    share: float | None = None
    share_decimals: int | None = None
    colour: str | None = None
    line: int


@dataclass(kw_only=True)
class Region:
    name: str
    options: list[Option]
    registered: int | None = None
    ballots_cast: int | None = None


@dataclass(kw_only=True)
class Election:
    """One election as loaded: facts, options in input order, optional regions, and what loading noticed."""

    facts: Facts
    source_file: str
    options: list[Option]
    regions: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
