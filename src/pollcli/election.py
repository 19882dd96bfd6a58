"""What a loaded election is: its facts and its ballot options, summed across regions.

`Facts` and the row contract (`Row`) are Pydantic models (`pollcli.contract`): they are what the input
is validated against. The options, regions and elections built from them are plain dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pollcli.audit import Audit, audit
from pollcli.columns import Kind
from pollcli.contract import Facts, Row
from pollcli.problems import Problem

__all__ = ["Election", "Facts", "Option", "Region", "Row"]


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
    """One election as loaded: facts, options in input order, optional regions, and what loading
    noticed (notes for the findings, warnings as problems)."""

    facts: Facts
    source_file: str
    options: list[Option]
    regions: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @cached_property
    def audit(self) -> Audit:
        """The arithmetic checks of the options against the facts, computed once."""
        return audit(self.options, self.facts)
