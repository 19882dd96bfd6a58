"""Which elections of a comparison are one election at two stages, their order, their labels, and the rows' order.

The rules are the module docstring of `comparison.py` and docs/compare.md.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import PurePath

from pollcli import race_identity
from pollcli.compare_models import CompareRow
from pollcli.election import Election, Facts

STAGE_ORDER = {"official": 0, "preliminary": 1, "exit_poll": 2}


def unlike_pairs(facts: list[Facts]) -> list[str]:
    """Consecutive elections whose country or office are both known and differ: their changes and
    volatility compare unlike things, most likely files given by mistake."""
    found = []
    for a, b in itertools.pairwise(facts):
        for what, plural in (("country", "countries"), ("office", "offices")):
            x, y = getattr(a, what), getattr(b, what)
            if x is not None and y is not None and fold_fact(x) != fold_fact(y):
                found.append(
                    f"“{a.election}” and “{b.election}” are for different {plural} ({x} and {y}): "
                    "their changes and volatility compare unlike elections"
                )
    return found


def fold_fact(value: object) -> object:
    """A fact as compared: text with case and outer spaces aside."""
    return value.strip().casefold() if isinstance(value, str) else value


def same_election(a: Facts, b: Facts) -> bool:
    """One election at two stages: equal date, country, office and round (see comparison.py's docstring)."""
    if a.date is None or a.date != b.date:
        return False
    return all(
        fold_fact(getattr(a, k)) == fold_fact(getattr(b, k)) for k in ("country", "office", "round")
    )


def in_order(items: list[Election]) -> list[Election]:
    if all(e.facts.date is None for e in items):
        return [items[i] for i in sorted(range(len(items)), key=race_identity.undated_key(items))]
    group = [
        next(j for j in range(i + 1) if j == i or same_election(items[j].facts, e.facts))
        for i, e in enumerate(items)
    ]

    def sort_key(i: int) -> tuple[bool, dt.date, int, int, int]:
        f = items[i].facts
        return (f.date is None, f.date or dt.date.min, group[i], STAGE_ORDER[f.stage], i)

    return [items[i] for i in sorted(range(len(items)), key=sort_key)]


def short_labels(facts: list[Facts], files: list[str] | None = None) -> list[str]:
    """The year for an official count when no other election in the comparison shares it, else the
    label; two alike from different `files` are told by their files' names ("Anvers
    (be_commune_1988)", "Anvers (be_commune_1994)": a race of two files without dates), else
    numbered ("President [1]")."""
    years: dict[int, set[int]] = {}
    for index, f in enumerate(facts):
        if f.date is not None:
            first = next(j for j in range(index + 1) if j == index or same_election(facts[j], f))
            years.setdefault(f.date.year, set()).add(first)
    labels = [
        str(f.date.year)
        if f.date is not None and f.stage == "official" and len(years[f.date.year]) == 1
        else f.election
        for f in facts
    ]
    alike = {label for label in labels if labels.count(label) > 1}  # one race of two files
    stems = [PurePath(f).stem for f in files] if files else []
    apart = bool(stems) and all(
        len({stems[i] for i, other in enumerate(labels) if other == label}) == labels.count(label)
        for label in alike
    )
    return [
        (f"{label} ({stems[n - 1]})" if apart else f"{label} [{n}]") if label in alike else label
        for n, label in enumerate(labels, 1)
    ]


def row_order(facts: list[Facts]) -> Callable[[CompareRow], tuple[object, ...]]:
    """Candidates first, then other options; each by share in the latest official count, then earlier."""
    priority = [p for p in reversed(range(len(facts))) if facts[p].stage == "official"]
    priority += [p for p in reversed(range(len(facts))) if facts[p].stage != "official"]
    kinds = {"candidate": 0, "against_all": 1, "other": 2}

    def key(row: CompareRow) -> tuple[object, ...]:
        shares = tuple(-s if (s := row.shares[p]) is not None else 1.0 for p in priority)
        first = (
            next(p for p, s in enumerate(row.shares) if s is not None)
            if any(s is not None for s in row.shares)
            else len(facts)
        )
        return (kinds.get(row.kind, 3), shares, first)

    return key
