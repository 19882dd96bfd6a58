"""Counts listed beside a contest's candidates that are no option (see `kinds`).

New York City's election-district results list, beside each contest's candidates, the ballots the
district counted by way of voting: `Public Counter` (the scanners' count), `Manually Counted
Emergency` (or `Emergency`), `Absentee/Military`, `Federal`, `Affidavit`, `Special Presidential`.
They are no options, and their sum is the district's ballots, not a race's: such a row is left out,
with a note (`ballot_count`). So is a count of precincts (Arizona's 2014 and 2016 county files:
`Number of Precincts for Race`, `Number of Precincts Reporting`, 1 in each precinct's rows), and
Electionware's `Contest Totals` (`contest_total`), and a figure derived from the unit's counts (the
UK's `Majority`, `Turnout`; `Abstentions`: `derived_figure`). A unit's rejected ballots as an
office of no candidate (New Jersey's `Ballots Rejected` beside `Ballots Cast`) are no race's figure
either: each race's own invalid votes are its own (`rejected_count`, for `kinds.unused_count`).
"""

from __future__ import annotations

from typing import Final

from pollcli.namekeys import name_key

# Arizona's county exports of 2014 and 2016 list, under each race, the precincts it is counted in
# (1 in each precinct's rows), and a race `Race Statistics` of such counts alone: no options.
_PRECINCT_COUNTS: Final[frozenset[str]] = frozenset(
    {"number of precincts", "number of precincts for race", "number of precincts reporting"}
    | {"precincts reporting"}
    # Costa Rica's TSE: the polling tables (juntas receptoras) counted and still missing.
    | {"juntas procesadas", "juntas faltantes"}
)
# New York City's election-district results list, beside each contest's candidates, the ballots
# the district counted by way of voting (see the docstring): counts, no options, left out.
_BALLOT_COUNTS: Final[frozenset[str]] = frozenset(
    name_key(name)
    for name in (
        "Public Counter",
        "Manually Counted Emergency",
        "Emergency",
        "Absentee/Military",
        "Federal",
        "Affidavit",
        "Special Presidential",
        "Special Federal & Special Presidential",
        *_PRECINCT_COUNTS,
    )
)

# Electionware's exports (Kentucky's counties, 2024) list beside each contest's candidates, after its
# `Total Votes Cast`, its `Contest Totals`: those votes and its over- and undervotes, no option and
# no figure pollcli uses (read as a candidate, every race held its votes twice and was refused).
_CONTEST_TOTALS: Final[frozenset[str]] = frozenset({"contest totals", "contest total"})
# Figures derived from a unit's counts, listed among its options by some publishers (the UK's
# `Majority`, `Turnout`; France's `Abstentions`; a count's `Quota`): no option, left out.
_DERIVED: Final[frozenset[str]] = frozenset(
    {"turnout", "majority", "abstentions", "abstention", "abstención", "abstencion", "abstenção",
     "abstencao", "astensioni", "opkomst", "frekwencja", "wahlbeteiligung", "participation",
     "participación", "quota", "явка",
     # Costa Rica's TSE: `% Participación`, `% Abstencionismo` (percentages below the parties).
     "% participación", "% participacion", "abstencionismo", "% abstencionismo"}
)  # fmt: skip
# A unit's ballots rejected (spoiled) in every race together: no race's invalid votes.
REJECTED_COUNTS: Final[frozenset[str]] = frozenset(
    {"ballots rejected", "rejected ballots", "ballots spoiled", "spoiled ballots", "spoilt ballots"}
)
_BESIDE: Final[frozenset[str]] = _BALLOT_COUNTS | _CONTEST_TOTALS | _DERIVED
# An ASCII name starting (ending) with a letter no such key starts (ends) with is none of them.
_NOT_FIRST: Final = frozenset("abcdefghijklmnopqrstuvwxyz") - {k[0] for k in _BESIDE}
_NOT_LAST: Final = frozenset("abcdefghijklmnopqrstuvwxyz") - {k[-1] for k in _BESIDE}


def count_beside(name: str) -> bool:
    """Whether a candidate cell names a count listed beside a contest's candidates that is no
    option: ballots its unit counted by way of voting (`ballot_count`) or the contest's totals
    (`contest_total`). The row is left out, with a note."""
    if name.isascii() and (name[:1].lower() in _NOT_FIRST or name[-1:].lower() in _NOT_LAST):
        return False
    return name_key(name) in _BESIDE


def ballot_count(name: str) -> bool:
    """Whether a candidate cell names ballots its unit counted by way of voting (New York City's
    `Public Counter`, `Absentee/Military`, `Affidavit`…) or its precincts (Arizona's `Number of
    Precincts Reporting`): no option; the row is left out."""
    return count_beside(name) and name_key(name) in _BALLOT_COUNTS


def contest_total(name: str) -> bool:
    """Whether a candidate cell names Electionware's `Contest Totals` of its contest."""
    return count_beside(name) and name_key(name) in _CONTEST_TOTALS


def precinct_count(name: str) -> bool:
    """Whether such a count is of the precincts a race is counted in (Arizona)."""
    return name_key(name) in _PRECINCT_COUNTS


def derived_figure(name: str) -> bool:
    """Whether a candidate cell names a figure derived from its unit's counts (`Turnout`,
    `Majority`, `Abstentions`, `Quota`): no option; the row is left out."""
    return count_beside(name) and name_key(name) in _DERIVED


def keys_beside(keys: list[str]) -> list[bool]:
    """`count_beside` of each name, given its key (`name_key`): a column of names at once."""
    return list(map(_BESIDE.__contains__, keys))


def rejected_count(name: str) -> bool:
    """Whether a race cell of no candidate names its unit's rejected ballots (`Ballots Rejected`)."""
    return name_key(name) in REJECTED_COUNTS
