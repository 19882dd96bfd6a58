"""Whether a race's leader has the majority its system needs, and what follows: the system a race
that does not say is assumed to have, the pair a two-round system sends to a runoff, and a majority
that published shares of a larger base cannot judge. Arithmetic only, over `tally`'s ranked
candidates; the findings word it (`findings.systems`, `findings.summary`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pollcli.columns import System
from pollcli.election import Election

if TYPE_CHECKING:  # (`tally` imports this module: its types only, for the annotations)
    from pollcli.tally import Ranked


def default_system(election: Election) -> System:
    """The system of an election that does not say: a party-list vote where every option is named
    as a list (`list_names`: `KOMITET WYBORCZY …`); first past the post for a race of a file split
    into races by office, district or constituency (not Louisiana's open primary), else majority."""
    if lists_named(election) is not None:
        return "list"
    plurality = election.race and election.race.constituency and not election.race.majority
    return "plurality" if plurality else "majority"


def lists_named(election: Election) -> str | None:
    """The first option's name where every option of the election is named as a list."""
    from pollcli.list_names import list_named

    return list_named(o.candidate for o in election.options if o.kind == "candidate")


def reached(leader: Ranked | None, majority: float) -> bool:
    """The leader's share is above `majority` (SPEC: the published share, where one is given)."""
    return leader is not None and leader.share is not None and leader.share > majority


def runoff(
    leader: Ranked | None, runner_up: Ranked | None, tied: list[Ranked], reached: bool
) -> list[str] | None:
    """The pair a two-round system sends to a runoff: none where the leader has the majority; the
    two tied for first, else the leader and the runner-up."""
    if reached:
        return None
    if len(tied) == 2:
        return [tied[0].option.candidate, tied[1].option.candidate]
    if leader is not None and runner_up is not None:
        return [leader.option.candidate, runner_up.option.candidate]
    return None


def listed_share(
    election: Election, leader: Ranked | None, *, reached: bool, seats: int | None, system: System
) -> float | None:
    """The leader's share of the votes listed, where the published shares are of a base larger than
    those votes (`Audit.larger_base`: Malaysia's shares of the registered voters) and put the leader
    at no majority in a race of one seat won by plurality or majority: of the votes, a majority may
    be had all the same (Perak's P60: 47.40 % published, 61.65 % of the votes listed), so whether
    anyone has one is not judged (`Tally.majority_unjudged`). None otherwise: a share above the
    majority of the larger base is above it of the votes too."""
    base = election.audit.base_total
    if (
        election.audit.larger_base is None
        or reached
        or leader is None
        or seats != 1
        or system not in ("plurality", "majority")
        or not base
        or leader.option.votes is None
    ):
        return None
    return 100 * leader.option.votes / base
