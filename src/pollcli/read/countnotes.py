"""Notes on the counts a race is given by rows that count their unit for every race ("Ballots Cast"
as an office): why a race shared a unit and has no turnout, and ballots cast far above a race's valid
votes (`read.unitcounts` decides which races share a unit; `read.assemble` adds the notes)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Final

from pollcli.columns import INT_FACTS, NOT_VALID_KINDS
from pollcli.election import Facts, Option
from pollcli.kinds import (
    ballot_count,
    contest_total,
    derived_figure,
    name_key,
    precinct_count,
    registrant_count,
    rejected_count,
)
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.unitrows import STRAIGHT_BALLOTS


# A district cell that names the whole ground of its office (DC's council `AT-LARGE` beside its
# wards): such a race covers each unit it has rows in, whatever district races of its office are
# there too (`at_large`).
@functools.cache
def _at_large() -> re.Pattern[str]:
    """Compiled on first use: only files of districts need it."""
    return re.compile(
        r"\s*(?:at[\s_-]*large|(?:city|county|state|district)[\s_-]*wide)\s*", re.IGNORECASE
    )


def at_large(values: Mapping[str, str]) -> bool:
    """Whether a race's district (or constituency) cell names its office's whole ground: the race
    shares no unit's counts with the office's district races (`unitcounts.shared`), and those
    races, one a unit, no longer share theirs with it (DC 2018's council at-large and wards)."""
    return any(_at_large().fullmatch(values.get(role, "")) for role in ("district", "constituency"))


def shared_note(places: list[str], others: list[str], primary: bool = False) -> str:
    """Why a race has no turnout: the counts of its units are those of other races of its office
    too (a county split among districts), or of a primary's every party's (`unitcounts.office`)."""
    where = _listed(places)
    races = _listed(others) if others else "races --where leaves out"
    return (
        f"Turnout is not computed: the file's registered voters and ballots cast for {where} "
        f"are counts of the whole {'unit' if len(places) == 1 else 'units'}, which this race "
        f"shares with other races of {'the primaries' if primary else 'its office'} ({races}), "
        "so they are no one race's."
    )


def partial_note(uncounted: list[str], places: int) -> str:
    """Why a race has no turnout: rows that count their unit for every race count some of its
    units only (a county's count rows that name its precincts otherwise than its races do)."""
    return (
        f"Turnout is not computed: the file's rows of registered voters and ballots cast count "
        f"{places - len(uncounted):,} of the race's {places:,} places; "
        f"{_listed(uncounted)} {'has' if len(uncounted) == 1 else 'have'} none, so they are "
        "not the race's."
    )


def whole_race_counts(
    facts: Facts, label: str, part_of_race: set[str], whole_counts: dict[str, dict[str, int]]
) -> Facts:
    """`facts` without the counts given for the race as a whole, where --where keeps part of it
    (`label` in `part_of_race`): they are not the part's (its places' own counts are added up from
    the regions instead), and are kept in `whole_counts` for `whole_counts_note`. The ballots cast
    stay where they are the base of the published shares (`share_base: cast`)."""
    if label not in part_of_race:
        return facts
    whole = {
        key: value
        for key in (*INT_FACTS, "total_votes")
        if (value := getattr(facts, key)) is not None
        and not (key == "ballots_cast" and facts.share_base == "cast")
    }
    if not whole:
        return facts
    whole_counts[label] = whole
    return facts.model_copy(update=dict.fromkeys(whole))


def whole_counts_note(facts: Facts, whole: Mapping[str, int]) -> list[str]:
    """The counts the file gives for the whole race that part of it (`--where`) leaves out
    (`whole_race_counts`), those its kept places' own counts did not replace."""
    left = {key: value for key, value in whole.items() if getattr(facts, key) is None}
    if not left:
        return []
    listed = [f"{_COUNT_WORDS[key]} ({value:,})" for key, value in left.items()]
    counts = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]
    return [
        f"Left out as the whole race's, not those of the rows --where keeps: the file's {counts}."
    ]


def count_note(
    label: str,
    uncounted: Iterable[tuple[str | None, str | None]],
    places: int,
    shared: Mapping[str, tuple[list[str], list[str]]],
    by_party: bool = False,
) -> str | None:
    """Why the race `label`, with rows in `places` units, is given none of the counts of its
    units by rows for every race: it shares them with another race of its office (of the
    primaries, unless a primary's counts are its party's: `by_party`), or they count some of its
    units only (the others, (region, unit), `uncounted`); None where it is given those of its
    units that have them."""
    if label in shared:
        # No district's (PA 2020 State House 86 had all Cumberland's 142,732 ballots).
        primary = label.endswith(" primary") and not by_party
        return shared_note(*shared[label], primary=primary)
    names = sorted(p[1] or p[0] or "" for p in uncounted)
    if names and len(names) < places:
        # Counts of some of its units only: no turnout of the race (trial 7).
        return partial_note(names, places)
    return None


def party_counts_note(facts: set[str], party: str, labels: list[str]) -> str:
    """Why a race of a file whose count rows name their party is not given some counts of its
    units (`facts`): they are every party's (rows that name none), or, for a race of no party
    (`party` ""), those of the parties' primaries (`labels`)."""
    ordered = [f for f in _COUNT_WORDS if f in facts] + sorted(facts - _COUNT_WORDS.keys())
    words = " and ".join(_COUNT_WORDS.get(f, f) for f in ordered)
    if party:
        return (
            f"The file's {words} for this race's units are counted for every party together "
            "(rows that name no party), not for its primary alone: not its own."
        )
    return (
        f"The file's {words} for this race's units are given per party "
        f"({', '.join(label.upper() for label in labels)}), and this race is no party's "
        "primary: none of them is its own."
    )


ONE_PARTY_NOTE: Final[str] = (
    "The file's counts for every race (registered voters, ballots cast) name no party, and every "
    "race of the file is one party's primary: they are read as that primary's."
)


def _listed(names: list[str], most: int = 3) -> str:
    # Quoted: a precinct's name holds commas ("Eaton / Brookfield Township, Precinct 1").
    shown = ", ".join(f"‘{name}’" for name in names[:most])
    return shown + (f" and {len(names) - most:,} more" if len(names) > most else "")


# Valid votes under this part of the unit's ballots cast: the unit's counts may be of more than
# the race (a district that covers part of a county), which pollcli cannot tell; a note, no guess.
FAR_BELOW: Final[float] = 0.5


def far_above(facts: Facts, options: list[Option]) -> str | None:
    """A note where the ballots cast a race was given by its units' count rows are far above its
    valid votes, for no reason pollcli can see."""
    cast = facts.ballots_cast
    votes = [o.votes for o in options if o.kind not in NOT_VALID_KINDS]
    if cast is None or not votes or any(v is None for v in votes):
        return None
    valid = sum(v for v in votes if v is not None)
    if valid >= cast * FAR_BELOW:
        return None
    return (
        f"The ballots cast ({cast:,}) are those of the race's units, from rows that count them "
        f"for every race, and are more than twice its valid votes ({valid:,}): if the race covers "
        "only part of a unit (a district within a county), its turnout and the ballots cast minus "
        "valid votes are not its own."
    )


def without_unused_counts(
    records: list[Record], columns: ColumnMap, kept: Sequence[tuple[str, int]] = ()
) -> list[Record]:
    """The records without the rows of a count of their unit that is no race's figure
    (`kinds.unused_count`: "Ballots Cast Blank" as an office), with a note saying which; `kept`:
    such rows the streaming engine kept by precinct (`countrows.CountUnits`), (name, line)."""
    unused = [(r.row.candidate, r.line) for r in records if r.row.all_races and r.row.fact is None]
    unused += kept
    if not unused:
        return records
    by_way = [r for r in unused if ballot_count(r[0]) and not precinct_count(r[0])]
    precincts = [r for r in unused if precinct_count(r[0])]
    registrants = [r for r in unused if registrant_count(r[0])]
    # By name, not `r not in by_way`: a list's `in` compares records field by field, and a file
    # with 15,000 such rows (New York City's ballot counts) took minutes.
    cut = len(STRAIGHT_BALLOTS)
    straight = [(n[cut:], line) for n, line in unused if n.startswith(STRAIGHT_BALLOTS)]
    if straight:
        columns.notes.append(
            f"{_rows_named(straight)} are straight-party ballots, that voted one party's "
            "candidates in every race (a way of voting, no race of its own): left out."
        )
    unused = [r for r in unused if not r[0].startswith(STRAIGHT_BALLOTS)]
    for beside, said in (
        (contest_total, "total their contest's votes with its over- and undervotes (as "
         "Electionware lists them beside its candidates), no option: left out."),
        (derived_figure, "are figures derived from their unit's counts (a turnout, a majority, "
         "abstentions), no option: left out."),
    ):  # fmt: skip
        named = [r for r in unused if beside(r[0])]
        if named:
            columns.notes.append(f"{_rows_named(named)} {said}")
        unused = [r for r in unused if not beside(r[0])]
    rejected = [r for r in unused if rejected_count(r[0])]
    if rejected:
        columns.notes.append(
            f"{_rows_named(rejected)} count the ballots of their unit rejected in every race "
            "together, no race's figure (each race's invalid votes are its own): left out."
        )
    unused = [r for r in unused if not rejected_count(r[0])]
    rest = [r for r in unused if not ballot_count(r[0]) and not registrant_count(r[0])]
    blank = [r for r in rest if name_key(r[0]) == "ballots cast blank"]
    cards = [r for r in rest if name_key(r[0]) == "cards cast"]
    # The others name a part of the unit (ES&S's `BALLOTS CAST - REPUBLICAN PARTY`: `unused_count`).
    part = [r for r in rest if name_key(r[0]) not in ("ballots cast blank", "cards cast")]
    if cards:
        columns.notes.append(
            f"{_rows_named(cards)} count the ballot cards of their unit (a ballot may be of "
            "several cards), not its ballots cast: left out."
        )
    if part:
        columns.notes.append(
            f"{_rows_named(part)} count the ballots or voters of a part of their unit (a "
            "party's, a ballot style's), no race's figure: left out."
        )
    if registrants:
        columns.notes.append(
            f"{_rows_named(registrants)} count the voters of their unit who registered on "
            "election day (among its registered voters), no race's figure: left out."
        )
    if blank:
        columns.notes.append(
            f"{_rows_named(blank)} count ballots of their unit that are no race's figure (left "
            "blank in every race: each race's own blank or under votes hold them): left out."
        )
    if by_way:
        columns.notes.append(
            f"{_rows_named(by_way)} count the ballots of their unit by way of voting (as New "
            "York City lists them beside each contest's candidates), no options: left out."
        )
    if precincts:
        columns.notes.append(
            f"{_rows_named(precincts)} count the precincts a race is counted in, no ballots and "
            "no option: left out."
        )
    return [r for r in records if not (r.row.all_races and r.row.fact is None)]


def _rows_named(rows: list[tuple[str, int]]) -> str:
    """`3 row(s) named 'A', 'B' (line(s) 2, 5, 9)`: the first lines shown."""
    names = sorted({name for name, _ in rows})
    lines = sorted(line for _, line in rows)
    shown = ", ".join(f"{line:,}" for line in lines[:5]) + (" …" if len(lines) > 5 else "")
    return f"{len(rows):,} row(s) named {', '.join(map(repr, names))} (line(s) {shown})"


_COUNT_WORDS: Final[dict[str, str]] = {
    "registered": "registered voters",
    "ballots_cast": "ballots cast",
    "invalid": "invalid ballots",
    "blank": "blank ballots",
    "total_votes": "total votes",
}


def counts_alone(records: list[Record], found: Found) -> None:
    """A file whose rows are all counts (Registered Voters, Ballots Cast) gave no election: an
    error, not an empty result that says nothing."""
    counts = [r for r in records if r.row.fact is not None]
    if counts:
        fact = counts[0].row.fact or ""
        found.add(
            Code.NO_ROWS,
            counts[0].line,
            f"every data row is a count (here the {_COUNT_WORDS.get(fact, fact)} of a place), "
            "none a ballot option's, so there is no result to give; add the options' rows "
            "(candidates, parties or answers, with their votes)",
        )


def race_of_counts(
    label: str, records: list[Record], found: Found, column: str | None, tag: bool = False
) -> None:
    """A race of count rows alone (`Treasurer,Registered Voters,500` and `Ballots Cast`, with no
    candidate's row): set aside, and said with its lines, as a race of `Total` lines alone is —
    not only counted in the split note. The warning is the race's (`Elections.unsummarised`):
    named with it here where `tag` (said outside the race's span of problems)."""
    counts = [r for r in records if r.row.fact is not None]
    if not counts:
        return
    lines = sorted({r.line for r in counts})
    names = list(dict.fromkeys(r.row.candidate for r in counts))
    shown = ", ".join(f"{line:,}" for line in lines[:5]) + (" …" if len(lines) > 5 else "")
    rows = "1 row" if len(lines) == 1 else f"{len(lines):,} rows"
    found.warn(
        Code.NO_ROWS,
        lines[0],
        f"election {label!r} has counts alone ({', '.join(map(repr, names[:4]))}"
        f"{' …' if len(names) > 4 else ''}), no ballot option's row: {rows} (line(s) {shown}) "
        "set aside, not counted and not checked; if they are another race's counts, give them "
        "that race's name; if one is a candidate, say so: --kind NAME=candidate",
        column=column,
        family="races of counts alone (registered voters, ballots cast), set aside",
    )
    if tag:
        found.items[-1] = replace(found.items[-1], race=label)
