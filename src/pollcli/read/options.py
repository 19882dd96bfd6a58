"""How files are read: the options of `load` and `validate`, checked once for every file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pollcli.contract import FACT_NAMES
from pollcli.errors import UsageError
from pollcli.read.decode import check_encoding
from pollcli.read.dialect import DELIMITERS


@dataclass(frozen=True)
class ReadOptions:
    """How to read files; `facts` are overrides of election facts (flags, or the Python API)."""

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)

    def check(self) -> None:
        """A usage error for an impossible option (an unknown encoding, delimiter or fact)."""
        if self.encoding:
            check_encoding(self.encoding)
        if self.delimiter is not None and self.delimiter not in DELIMITERS:
            raise UsageError(f"--delimiter {self.delimiter!r} is not one of ',' ';' '|' or 'tab'")
        if self.decimal not in (None, ",", "."):
            raise UsageError(f"--decimal must be ',' or '.', not {self.decimal!r}")
        unknown = sorted(set(self.facts) - FACT_NAMES)
        if unknown:
            raise UsageError(
                f"unknown election fact(s) {', '.join(map(repr, unknown))}; "
                f"the facts are {', '.join(sorted(FACT_NAMES))}"
            )
