"""A file read as one race whose parties each field several candidates with real votes: races the
file tells apart by a column pollcli does not read, added up as one.

Canada's results by candidate (trial 7) give a row per candidate of each of 245 ridings; with its
riding column unread, the file was one race of 952 candidates, "ISNOR, Gordon B. (Liberal) leads
with 0.50 %" of the country's votes. A race of one seat has at most a candidate or two of a party
(a party's second candidate is the rule `racechecks` finds in files of many races, where a race
key is read); two parties with three or more candidates each that hold at least half an even share
of the votes, and no candidate with a majority, are many races — or one race of several seats.
No winner is named (`Election.crowded`) and one `race-split` warning says how to tell them apart.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from pollcli.columns import option_key
from pollcli.election import Election, Option
from pollcli.problems import Code, Problem

# Parties under which several candidates of one race are usual (not a party's list), as their
# `option_key`s (`racechecks` reads them too).
NO_PARTY: Final[frozenset[str]] = frozenset(
    option_key(p)
    for p in ("", "independent", "ind", "i", "npa", "np", "nonpartisan", "none", "oth", "other",
              "write in", "wri", "w/i", "unaffiliated", "una", "no party", "no party affiliation",
              # In other languages (Nepal's `स्वतन्त्र`: 5 independents in one district's race).
              "indépendant", "sans étiquette", "independiente", "independente", "indipendente",
              "parteilos", "unabhängig", "onafhankelijk", "bezpartyjny", "nezávislý", "független",
              "bağımsız", "независимый", "беспартийный", "самовыдвижение", "स्वतन्त्र",
              "निर्दलीय", "무소속", "無所属", "無黨籍", "无党派", "无党籍")
)  # fmt: skip
# Parties that say a race has none (Wisconsin's `NP`): in a file of party primaries, a race of no
# primary, every party's — its scattering, of no party, in it (`racekeys.PartyRule.value`).
NONPARTISAN: Final[frozenset[str]] = frozenset(
    option_key(p) for p in ("np", "nonpartisan", "non-partisan", "nop", "no party")
)
# And R's missing value, `NA`: no party's primary (Montana's measures of party `NA` would be
# "LEVY · NA primary"); whether it is a party at all is told race by race (`read.naparties`).
NO_PRIMARY: Final[frozenset[str]] = NONPARTISAN | {option_key(p) for p in ("na", "n/a")}
# Candidates of a party, with at least half an even share each, that no race of one seat has.
SEVERAL: Final[int] = 3


def check(elections: list[Election], problems: list[Problem]) -> None:
    """Mark and warn of the races of a file of one race with no race key that look like many."""
    for election in elections:
        if election.race is None:
            _split_by_a_column(election, problems)
        if election.seats != 1 or election.top_two or election.race is not None:
            continue
        contenders, elected = _field(election.options)
        parties = Counter(option_key(o.party or "") for o in contenders)
        several = [p for p, n in parties.items() if n >= SEVERAL and p not in NO_PARTY]
        if elected or len(several) < 2:
            continue
        counts = Counter(o.party for o in contenders if option_key(o.party or "") in several)
        shown = ", ".join(f"{n:,} {p}" for p, n in counts.most_common(3))
        election.crowded = shown
        # The column that tells them apart, named already (`read.race_hint`), says it best.
        named = [p for p in problems if p.code == Code.RACE_SPLIT and p.column is not None]
        if named:
            election.warnings.append(named[0])
            continue
        warning = Problem(
            code=Code.RACE_SPLIT,
            severity="warning",
            file=election.source_file,
            line=None,
            column=None,
            message=f"{election.facts.election!r} looks like many races read as one: of its "
            f"{len(contenders):,} candidates with votes, {shown}, and nobody has a majority; no "
            "column of the file is read as telling races apart, so no winner is named and no "
            "margin measured. Name the column of the district or constituency with --race-by "
            "COL (the columns left unused are in the notes); for one race of several seats, "
            "give their number with --vote-for N",
        )
        problems.append(warning)
        election.warnings.append(warning)


def _split_by_a_column(election: Election, problems: list[Problem]) -> None:
    """A column not read as the race's (or read as its places) that splits its candidates into groups that share none
    (`read.race_hint`'s warning: `Position` of `Mayor` and `Clerk` rows) leaves the race one of
    races added up, most likely: "a runoff would be between Ann and Dee", the mayor's leader and
    the clerk's runner-up, said nothing of it. No winner is named and no margin measured."""
    named = [
        p
        for p in problems
        if p.code == Code.RACE_SPLIT and p.severity == "warning" and p.column and p.race is None
    ]
    if not named or election.no_winner is not None:
        return
    column = named[0].column
    election.several = True
    election.no_winner = (
        f"Column {column!r} splits its candidates into groups that share none: several races "
        "added up as one, most likely. No winner is named and no margin measured; --race-by "
        f"{column!r} reads them apart (the warning says more)."
    )
    if named[0] not in election.warnings:
        election.warnings.append(named[0])


def _field(options: list[Option]) -> tuple[list[Option], bool]:
    """The candidates with at least half an even share of the candidates' votes, and whether one
    has more than half of them (as `racechecks` reads a race's field)."""
    candidates = [o for o in options if o.kind == "candidate"]
    total = sum(o.votes or 0 for o in candidates)
    floor = total / (2 * len(candidates) or 1)
    contenders = [o for o in candidates if (o.votes or 0) >= floor]
    return contenders, any(2 * (o.votes or 0) > total for o in candidates)
