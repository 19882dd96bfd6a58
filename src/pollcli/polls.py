"""Exit polls (and preliminary counts) against the official count of their election: each poll's
error per option, its mean absolute error and largest miss, and whether it called the leader and
the runner-up. Used by `comparison`; the rows it measures are the comparison's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from pollcli.compare_models import CompareRow, OptionError, PollAccuracy
from pollcli.election import Facts
from pollcli.models import ElectionSummary


class Matched(Protocol):
    """Where each election's options ended up among the rows (`comparison`'s matching)."""

    @property
    def where(self) -> dict[tuple[int, str], int]: ...


class Standings:
    """Who led and who came second in each election, as rows of the candidate matching."""

    def __init__(
        self, summaries: list[ElectionSummary], people: Matched, rows: list[CompareRow]
    ) -> None:
        self.summaries = summaries
        self.people = people
        self.rows = rows

    def _find(self, position: int, name: str | None) -> CompareRow | None:
        if name is None:
            return None
        index = self.people.where.get((position, name))
        return None if index is None else self.rows[index]

    def leader(self, position: int) -> CompareRow | None:
        standing = self.summaries[position].leader
        return self._find(position, standing.candidate if standing else None)

    def runner_up(self, position: int) -> CompareRow | None:
        standing = self.summaries[position].runner_up
        return self._find(position, standing.candidate if standing else None)


def poll_accuracy(
    facts: list[Facts],
    standings: Standings,
    rows: list[CompareRow],
    same_election: Callable[[Facts, Facts], bool],
) -> list[PollAccuracy]:
    """Each poll's accuracy against the first official count of its election, ranked by mean
    absolute error (polls without a count among the inputs are left out)."""
    found: list[PollAccuracy] = []
    for position, poll in enumerate(facts):
        if poll.stage == "official":
            continue
        official = next(
            (p for p, f in enumerate(facts) if f.stage == "official" and same_election(f, poll)),
            None,
        )
        if official is None:
            continue
        errors = [
            OptionError(
                candidate=row.candidate,
                poll=row.shares[position],
                official=row.shares[official],
                error=points_diff(row.shares[position], row.shares[official])  # type: ignore[arg-type]
                if row.shares[position] is not None and row.shares[official] is not None
                else None,
            )
            for row in rows
            if row.shares[position] is not None or row.shares[official] is not None
        ]
        measured = [e for e in errors if e.error is not None]
        largest = max(measured, key=lambda e: abs(e.error or 0.0), default=None)
        if largest is not None and measured:
            largest = next(e for e in measured if abs(e.error or 0.0) == abs(largest.error or 0.0))
        count_leader, count_second = standings.leader(official), standings.runner_up(official)
        poll_leader, poll_second = standings.leader(position), standings.runner_up(position)
        found.append(
            PollAccuracy(
                rank=0,
                election=poll.election,
                stage=poll.stage,
                official=facts[official].election,
                mean_abs_error=sum(abs(e.error or 0.0) for e in measured) / len(measured)
                if measured
                else None,
                largest_miss=largest,
                leader=poll_leader.candidate if poll_leader else None,
                runner_up=poll_second.candidate if poll_second else None,
                called_leader=None if count_leader is None else poll_leader is count_leader,
                called_runner_up=None if count_second is None else poll_second is count_second,
                errors=errors,
                missing=[e.candidate for e in errors if e.error is None],
                position=position,
                official_position=official,
            )
        )
    found.sort(key=lambda a: (a.mean_abs_error is None, a.mean_abs_error or 0.0))
    ranked: list[PollAccuracy] = []
    for index, item in enumerate(found):
        tied = index > 0 and found[index - 1].mean_abs_error == item.mean_abs_error
        ranked.append(dataclasses.replace(item, rank=ranked[-1].rank if tied else index + 1))
    return ranked


def points_diff(after: float, before: float) -> float:
    """A difference of two shares without float noise: 81.31 − 70.96 is 10.35, not 10.350000000000009."""
    return round(after - before, 10)
