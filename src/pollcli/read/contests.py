"""Races that are several contests read as one: candidates who fall into groups whose votes add up
to the same number in every region.

Each voter votes once in each contest on the ballot, so in every region the votes of one contest's
candidates add up to about the ballots cast there, whatever the region thinks of them: the contests
of a ballot read as one race (West Virginia's 2020 file gives its three Supreme Court of Appeals
divisions one office, `NON`, and no district) split into groups of candidates whose region totals
are each about 1/k of the race's, in every region. Within a contest, a candidate's gain in a region
is their opponents' loss there, so the group's total holds steady while its members swing.

A single race is unlikely to do both, so a race is flagged (a `race-split` warning, nothing changed)
only when all of these hold:

- it has at least `MIN_REGIONS` regions with votes and `MIN_OPTIONS`–`MAX_OPTIONS` candidates;
- its candidates fall into k = 2–`MOST_CONTESTS` groups of two or more, each group's share of every
  region's votes within `FIT` of 1/k (the root mean square of the relative gap, regions weighted by
  their votes);
- where the race's ballots cast are known, its votes are at most k a ballot (k contests of one
  vote each; Boulder's 2023 council of four, two slates, fell into two groups that each polled
  half of every precinct's votes, 3.3 a ballot);
- in each group the members' shares swing much more than the group's total does (the group's gap
  at most `COUPLING` times what the members' own swings would give if they were independent): a
  race whose candidates poll alike everywhere (a race for several seats nobody knows much about)
  fits the first test by its sameness, not by the contests' turnout, and is left alone.

On the 23 real results files at hand (U.S., British, Canadian, French, German, Polish and Russian)
it flags West Virginia's `NON` statewide race only, and finds its three divisions as they were on
the ballot; the nearest ordinary race (the French presidential first round by département: a gap
of 11 %, members that swing with their group) misses both tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pollcli.election import Election

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MIN_REGIONS: Final[int] = 10
MIN_OPTIONS: Final[int] = 4
# Every grouping of up to 16 candidates is tried (2**16 subsets); a race of more is not checked.
MAX_OPTIONS: Final[int] = 16
MOST_CONTESTS: Final[int] = 4
FIT: Final[float] = 0.06
COUPLING: Final[float] = 0.35
# The subsets that fit best, among which a partition is looked for.
_CANDIDATE_GROUPS: Final[int] = 4000


@dataclass(frozen=True)
class Contests:
    """The groups a race falls into (candidate names, each group by votes), how close each group
    keeps to its share of the regions' votes (the worst group's gap) and over how many regions."""

    groups: list[list[str]]
    gap: float
    regions: int


def contests(election: Election) -> Contests | None:
    """The contests the race seems to be (see the module's docstring), or None."""
    options = [o for o in election.options if o.kind == "candidate"]
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or len(election.regions) < MIN_REGIONS:
        return None
    import numpy as np

    index = {o.candidate: i for i, o in enumerate(options)}
    votes = np.zeros((len(election.regions), len(options)))
    for r, region in enumerate(election.regions):
        for option in region.options:
            if option.candidate in index and option.votes:
                votes[r, index[option.candidate]] += option.votes
    totals = votes.sum(axis=1)
    votes, totals = votes[totals > 0], totals[totals > 0]
    if len(totals) < MIN_REGIONS:
        return None
    best: tuple[float, list[int]] | None = None
    ballots = election.facts.ballots_cast
    for k in range(2, MOST_CONTESTS + 1):
        if ballots and totals.sum() > k * ballots * (1 + FIT):
            continue  # more votes than k contests of one vote a ballot hold (a council of four)
        found = partition(votes, totals, k)
        fits = found is not None and _coupled(votes, totals, found[1], k)
        if found is not None and fits and (best is None or found[0] < best[0]):
            best = found
    if best is None:
        return None
    names = [o.candidate for o in options]
    groups = [[j for j in range(len(names)) if mask >> j & 1] for mask in best[1]]
    column = votes.sum(axis=0)
    groups.sort(key=lambda g: -sum(column[j] for j in g))
    return Contests(
        groups=[[names[j] for j in sorted(g, key=lambda j: -column[j])] for g in groups],
        gap=best[0],
        regions=len(totals),
    )


def partition(
    votes: npt.NDArray[np.float64], totals: npt.NDArray[np.float64], k: int
) -> tuple[float, list[int]] | None:
    """The grouping of the candidates into k groups of two or more whose worst gap is least, if
    that gap is within `FIT`: (gap, the groups as bit masks of candidates).

    A group's gap over all regions is a quadratic form in its indicator x (sum over regions of
    (votes·x − total/k)² / total, scaled), so every subset is scored from an n×n matrix, whatever
    the number of regions."""
    import numpy as np

    n = votes.shape[1]
    whole = float(totals.sum())
    masks = np.arange(1, (1 << n) - 1)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    column = votes.sum(axis=0)
    # The gap bounds the group's share of the race's votes: a cheap first cut.
    near = (np.abs(bits @ column / whole * k - 1) <= FIT) & (bits.sum(axis=1) >= 2)
    bits, masks = bits[near], masks[near]
    if not len(masks):
        return None
    weighted = votes.T @ (votes / totals[:, None])
    square = np.einsum("ij,jk,ik->i", bits, weighted, bits)
    mean_square = (square - 2 / k * (bits @ column) + whole / k**2) * k * k / whole
    gaps = np.sqrt(np.maximum(mean_square, 0.0))
    order = np.argsort(gaps)[:_CANDIDATE_GROUPS]
    fitting = [(float(gaps[i]), int(masks[i])) for i in order if gaps[i] <= FIT]
    gap_of = {mask: gap for gap, mask in fitting}
    best: list[tuple[float, list[int]]] = []

    def cover(rest: int, parts: int, worst: float, chosen: list[int]) -> None:
        if best and worst >= best[0][0]:
            return
        if parts == 1:
            if rest in gap_of:
                best[:] = [(max(worst, gap_of[rest]), [*chosen, rest])]
            return
        lowest = rest & -rest  # the first candidate left goes into the next group
        for gap, mask in fitting:
            if best and gap >= best[0][0]:
                break
            if mask & lowest and mask & rest == mask and mask != rest:
                cover(rest & ~mask, parts - 1, max(worst, gap), [*chosen, mask])

    cover((1 << n) - 1, k, 0.0, [])
    return best[0] if best else None


def _coupled(
    votes: npt.NDArray[np.float64], totals: npt.NDArray[np.float64], groups: list[int], k: int
) -> bool:
    """Whether in every group the total holds much steadier than its members (see `COUPLING`)."""
    import numpy as np

    shares = votes / totals[:, None]
    weights = totals / totals.sum()
    swings = np.sqrt(weights @ (shares - weights @ shares) ** 2)
    for mask in groups:
        members = [(mask >> j) & 1 == 1 for j in range(votes.shape[1])]
        gap = float(np.sqrt(weights @ (shares[:, members].sum(axis=1) - 1 / k) ** 2))
        independent = float(np.sqrt((swings[members] ** 2).sum()))
        if independent == 0 or gap > COUPLING * independent:
            return False
    return True
