"""What the caller asked of `allocate`, checked once: seats, methods, threshold, tie rule, districts.

`allocate`'s arguments (the CLI's flags, or a Python caller's) override the elections' facts. They are
checked here, before anything is computed, so that a bad one is a `UsageError` naming it and every
later stage can trust them. Also the two parsers the CLI needs for its text: a method list
(`"hare,dhondt"`) and a seats file (`district,seats`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from pollcli import apportion
from pollcli.columns import THRESHOLD_BASES, THRESHOLD_SCOPES, method_name, normalize_header
from pollcli.errors import UsageError
from pollcli.names import plain_key
from pollcli.seats_models import SeatsReport, TieRule

DEFAULT_METHOD = "dhondt"
TIE_RULES: tuple[str, ...] = ("earlier", "lot")


@dataclass
class SeatOptions:
    """`allocate`'s arguments once checked; `None` leaves the elections' own facts in force."""

    seats: int | None
    methods: list[str] | None
    list_threshold: float | None
    threshold_base: str | None
    tie: TieRule
    seed: int | None
    district_seats: dict[str, tuple[str, int]] | None  # key → (name as written, seats)
    threshold_scope: str | None = None
    # Lists the threshold does not apply to: key → name as written.
    threshold_exempt: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    # Candidates on open lists in some district: every district's candidates by party (`openlists`).
    open_lists: bool = False

    @classmethod
    def checked(
        cls,
        seats: int | None,
        methods: str | Sequence[str] | None,
        list_threshold: float | None,
        threshold_base: str | None,
        tie: str,
        seed: int | None,
        district_seats: Mapping[str, int] | None,
        threshold_scope: str | None = None,
        threshold_exempt: Sequence[str] | None = None,
    ) -> SeatOptions:
        if seats is not None and (
            isinstance(seats, bool) or not isinstance(seats, int) or seats < 1
        ):
            raise UsageError(f"seats must be a whole number of at least 1, not {seats!r}")
        if list_threshold is not None:
            number = list_threshold if isinstance(list_threshold, int | float) else math.nan
            if isinstance(list_threshold, bool) or not 0 <= number <= 100:
                raise UsageError(
                    f"list threshold must be a percentage from 0 to 100, not {list_threshold!r}"
                )
        if threshold_base is not None and threshold_base not in THRESHOLD_BASES:
            raise UsageError(
                f"threshold base {threshold_base!r} is not one of {', '.join(THRESHOLD_BASES)}"
            )
        if threshold_scope is not None and threshold_scope not in THRESHOLD_SCOPES:
            raise UsageError(
                f"threshold scope {threshold_scope!r} is not one of {', '.join(THRESHOLD_SCOPES)}"
            )
        exempt: dict[str, str] = {}
        for name in (
            [threshold_exempt] if isinstance(threshold_exempt, str) else threshold_exempt or ()
        ):
            if not isinstance(name, str) or not name.strip():
                raise UsageError(f"threshold exempt: a list's name is needed, not {name!r}")
            exempt[plain_key(name)] = name.strip()
        if tie not in TIE_RULES:
            raise UsageError(f"tie rule {tie!r} is not one of {', '.join(TIE_RULES)}")
        if seed is not None and tie != "lot":
            raise UsageError("a seed is for the lot: use it with --tie lot")
        mapping = None
        if district_seats is not None:
            mapping = {}
            for name, count in district_seats.items():
                if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                    raise UsageError(f"district {name!r}: seats must be at least 1, not {count!r}")
                mapping[plain_key(name)] = (name, count)
        return cls(
            seats=seats,
            methods=parse_methods(methods) if methods is not None else None,
            list_threshold=float(list_threshold) if list_threshold is not None else None,
            threshold_base=threshold_base,
            tie=cast(TieRule, tie),
            seed=(seed or 0) if tie == "lot" else None,
            district_seats=mapping,
            threshold_scope=threshold_scope,
            threshold_exempt=exempt,
        )

    def district(self, name: str) -> int | None:
        """The seats the caller gave district (or region) `name`, noting that it was used."""
        if self.district_seats is None:
            return None
        found = self.district_seats.get(plain_key(name))
        if found is None:
            return None
        self.used.add(plain_key(name))
        return found[1]

    def check_districts_used(self, report: SeatsReport) -> None:
        """Warn of districts given seats that no input holds: most likely a misspelt name."""
        if self.district_seats is None:
            return
        unused = [name for key, (name, _) in self.district_seats.items() if key not in self.used]
        if unused and report.elections:
            shown = ", ".join(repr(n) for n in unused[:5]) + (" …" if len(unused) > 5 else "")
            report.elections[0].warnings.append(
                f"--seats-file: no district in the inputs is named {shown}; check the spelling"
            )


def parse_methods(text: str | Sequence[str]) -> list[str]:
    """`"hare,dhondt"` or `["Hare", "D'Hondt"]` → method names; a usage error names a bad one."""
    parts = text.split(",") if isinstance(text, str) else [p for t in text for p in t.split(",")]
    found: list[str] = []
    for part in parts:
        if not part.strip():
            continue
        method = method_name(part)
        if method is None:
            raise UsageError(
                f"method {part.strip()!r} is not one of {', '.join(apportion.LARGEST_REMAINDER + apportion.DIVISOR_METHODS)}"
            )
        if method not in found:
            found.append(method)
    if not found:
        raise UsageError("no method given; name one, e.g. --method dhondt")
    return found


def parse_district_seats(lines: Iterable[str], source: str) -> dict[str, int]:
    """A seats file (`district,seats` with a header; `#` lines are comments) → district → seats."""
    import csv

    rows = [
        (number, row)
        for number, row in enumerate(csv.reader(lines), start=1)
        if row and any(c.strip() for c in row) and not row[0].lstrip().startswith("#")
    ]
    if not rows:
        raise UsageError(f"{source}: no districts; write a header 'district,seats' and a row each")
    header = [normalize_header(c) for c in rows[0][1]]
    seat_columns = [
        i for i, h in enumerate(header) if h in ("seats", "magnitude", "district_seats")
    ]
    if len(header) < 2 or not seat_columns:
        raise UsageError(
            f"{source}:{rows[0][0]}: the header needs a name column and a 'seats' column"
        )
    seats_at = seat_columns[0]
    name_at = next(i for i in range(len(header)) if i != seats_at)
    found: dict[str, int] = {}
    for number, row in rows[1:]:
        if len(row) <= max(seats_at, name_at):
            raise UsageError(f"{source}:{number}: expected a name and a number of seats")
        name, count = row[name_at].strip(), row[seats_at].strip()
        if not count.isdigit() or int(count) < 1:
            raise UsageError(
                f"{source}:{number}: seats {count!r} is not a whole number of at least 1"
            )
        if not name:
            raise UsageError(f"{source}:{number}: a district has no name")
        if plain_key(name) in {plain_key(n) for n in found}:
            raise UsageError(f"{source}:{number}: district {name!r} is listed twice")
        found[name] = int(count)
    return found
