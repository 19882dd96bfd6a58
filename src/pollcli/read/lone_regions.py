"""A race of two regions with one candidate each, who stand nowhere else: one race or two?

`read.geography` reads each county as a race where an office's candidates each stand in one county
only and a county has two candidates (a sheriff per county), or in three such counties or more,
each with its one unopposed candidate. Two counties with one candidate each are still one race
there (a tiny file's "A,Mayor,X" and "B,Mayor,Y" may be one race whose rows list one candidate per
county) — but as likely two unopposed races, each won. Naming the candidate with more votes the
winner would be a confident guess either way: no winner is named, and a `race-split` warning says
how to tell (`--race-by office,county` for a race per county, `--race-by office` for one race).
Only where pollcli chose the race keys itself: `--race-by` settles it.
"""

from __future__ import annotations

from collections.abc import Mapping

from pollcli.election import Election
from pollcli.formats import counted
from pollcli.kinds import looks_like_no_candidate
from pollcli.namekeys import option_key
from pollcli.problems import Problem, race_split

# Race keys that name a race finer than its office: a district's race spans counties, and its
# candidates' rows under one county each are misfiled rows (`racechecks`), not races.
NAMING_ROLES = ("district", "constituency", "race", "seat")


def lone_regions(
    elections: list[Election],
    problems: list[Problem],
    values: Mapping[str, Mapping[str, str]],
) -> None:
    """Mark each race (`values`: its race keys by name) of two regions whose one candidate each
    stands there only, in a file of race keys with no district for it: no winner named, one
    warning for them all."""
    suspects: list[tuple[Election, list[tuple[str, str]]]] = []
    for election in elections:
        own = values.get(election.facts.election)
        if own is None or any(own.get(role) for role in NAMING_ROLES) or len(election.regions) != 2:
            continue
        alone: list[tuple[str, str]] = []
        for region in election.regions:
            names = {
                option_key(o.candidate): o.candidate
                for o in region.options
                if o.kind == "candidate" and not looks_like_no_candidate(o.candidate)
            }
            if len(names) != 1:
                break
            alone.append((region.name, next(iter(names.values()))))
        if len(alone) != 2 or option_key(alone[0][1]) == option_key(alone[1][1]):
            continue
        (first, one), (second, other) = alone
        election.no_winner = (
            f"Its candidates each stand in one region only, one in each of two: {one} in "
            f"{first!r}, {other} in {second!r}. Two unopposed races (one per region, as a "
            "sheriff's per county) or one race listed a candidate per region? No winner is "
            "named; --race-by with the region column reads a race per region, --race-by "
            "without it one race."
        )
        suspects.append((election, alone))
    if not suspects:
        return
    election, alone = suspects[0]
    single = len(suspects) == 1
    race_split(
        [election for election, _ in suspects],
        problems,
        f"{counted(len(suspects), 'race')} ({'' if single else 'e.g. '}{_label(election)!r}: "
        f"{alone[0][1]} in {alone[0][0]!r} only, {alone[1][1]} in {alone[1][0]!r} only) "
        f"{'has' if single else 'have'} one candidate in each of two regions: two unopposed "
        f"races, or one? No winner is named in {'it' if single else 'them'}; give the race keys "
        "with --race-by (the region column among them for a race per region, e.g. --race-by "
        "office,county)",
    )


def _label(election: Election) -> str:
    """The race as the header names it: a file of one race is named after the file, its office
    is the race."""
    facts = election.facts
    return facts.office if election.race is None and facts.office else facts.election
