"""A row named as its party that holds exactly its candidates' votes: the party list's total.

The Kiesraad (the Netherlands' electoral council) lists each party's list votes on a row named as the
party (`VVD,VVD,1000`), then its candidates' preference votes (`VVD,Ann Ash,600`, `VVD,Bob Bell,400`):
read as an option, the list's total was counted beside its parts, and `summary` named it the leader
with a third of every vote counted twice. Such a row is set aside with a `total-row` warning where it
holds exactly the votes of two or more other candidates of its party, 100 votes at
least (fewer may be equal by chance); one candidate's exact votes, or a few, stay a warning only
(`checks`: a party's line beside a lone candidate of it may hold as many), unless the row holds them
in each of three regions or more (no chance: the list's total above its one candidate).

A row that is not its candidates' sum over the race may still be the list's total: the Kiesraad's,
a vote off in one municipality, led the race as an option with its list's votes counted twice.
Where it holds exactly the votes of two candidates of its party or more (100 at least) in one
region, it is the list's total (no chance), in every region: set aside all the same, with a
`total-mismatch` warning naming each region where it differs from its candidates (its line, both
figures); its candidates' votes are counted, as the file gives them. A row that holds its
candidates' sum in no region stays an option.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, TypeVar, cast

from pollcli.problems import Code, Found
from pollcli.read.records import Record

# Other candidates of the party, at least, whose votes the row must hold exactly; and its votes, at
# least (as `total_places.SAME_SUM`, which this module cannot import: fewer may be equal by chance).
OTHERS: Final[int] = 2
SAME_SUM: Final[int] = 100
T = TypeVar("T")
# Regions, at least, where a party's row must hold its lone candidate's exact votes in each.
REGIONS: Final[int] = 3


# The characters `str.split()` splits on (those `str.isspace` tells: `tests/test_assembly_skips`
# checks the list), taken out of a cell by one `translate`; the ASCII ones, out of ASCII bytes.
SPACES: Final[str] = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_UNSPACED: Final = str.maketrans("", "", SPACES)
_ASCII_SPACES: Final[bytes] = SPACES[:10].encode()


def _key(name: str) -> str:
    """A party's name as `openlists` compares it (case and runs of spaces aside)."""
    return " ".join(name.casefold().split())


def may_name_party(names: set[str], parties: set[str | None]) -> bool:
    """Whether a name cell of a race may be named as a party of it, as `by_party` compares them
    (`_key`): False only where none can be (no name's cell, case folded and its white space taken
    out, is any party's so), so that a race of no such row (most races) is let through by a set
    test over its distinct cells, in C, not by a loop over its rows. Exact: two cells of one
    `_key` are one cell so (the key's words joined without their spaces). A blank party (None,
    "") groups nothing."""
    keyed = cast("set[str]", parties - {None, ""})
    if not keyed:
        return False
    return not set(_unspaced(keyed)).isdisjoint(_unspaced(names))


def _unspaced(cells: set[str]) -> list[bytes]:
    """Each cell case folded and without its white space, as UTF-8, all at once (one string of
    them all: no call a cell); one at a time where a cell holds the separator (NUL)."""
    joined = "\x00".join(cells)
    if joined.count("\x00") != len(cells) - 1:
        return [c.casefold().translate(_UNSPACED).encode(errors="surrogatepass") for c in cells]
    if joined.isascii():  # (ASCII: its case folded is its lower case, its white space ASCII's)
        return joined.encode().translate(None, _ASCII_SPACES).lower().split(b"\x00")
    return joined.casefold().translate(_UNSPACED).encode(errors="surrogatepass").split(b"\x00")


def by_party(items: Iterable[tuple[T, str, str]]) -> dict[str, tuple[list[T], list[T]]]:
    """Items grouped by their party (`_key`), each group split into those named as their party and
    the others; `items`: (item, party cell, name cell). Each distinct cell keyed once (a race of
    100 names: 100 keys, not one a row)."""
    keys: dict[str, str] = {}
    groups: dict[str, tuple[list[T], list[T]]] = {}
    for item, party_cell, name_cell in items:
        party = keys.get(party_cell)
        if party is None:
            party = keys[party_cell] = _key(party_cell)
        name = keys.get(name_cell)
        if name is None:
            name = keys[name_cell] = _key(name_cell)
        named, others = groups.setdefault(party, ([], []))
        (named if name == party else others).append(item)
    return groups


def set_aside(records: list[Record], found: Found) -> list[Record]:
    """The records without a party's total row (see the module's docstring), each warned."""
    if not may_name_party({r.row.candidate for r in records}, {r.row.party for r in records}):
        return records  # (no row is named as a party: no total row)
    grouped = by_party(
        (record, row.party, row.candidate)
        for record in records
        if (row := record.row).kind == "candidate"
        and row.party
        and row.fact is None
        and record.votes is not None
    )
    aside: set[int] = set()
    for named, others in grouped.values():
        total = sum(r.votes or 0 for r in named)
        if not named or total < SAME_SUM:
            continue
        names = {_key(r.row.candidate) for r in others}
        if not names:
            continue
        if total == sum(r.votes or 0 for r in others):
            regions = _same_by_region(named, others) if len(names) < OTHERS else 0
            if len(names) < OTHERS and not regions:
                continue  # (one candidate's votes in one place: a party's line may hold as many)
            held = (
                f"one other candidate, {others[0].row.candidate!r}, in each of its {regions:,} "
                f"regions ({total:,} in all)"
                if regions
                else f"{len(names):,} other candidates ({total:,})"
            )
        else:
            apart = _apart_by_region(named, others)
            if apart is None:
                continue
            held, off = apart
            _warn_off(named[0].row.candidate, off, found)
        aside |= {id(r) for r in named}
        lines = sorted(r.line for r in named)
        shown = ", ".join(f"{line:,}" for line in lines[:5]) + (" …" if len(lines) > 5 else "")
        found.add(
            Code.TOTAL_ROW,
            lines[0],
            f"{named[0].row.candidate!r} names its party and holds exactly the votes of its "
            + held
            + ": the party's total (its list's votes "
            f"above its candidates', as the Kiesraad lists them), set aside, not added to them "
            f"({len(lines):,} row{'' if len(lines) == 1 else 's'}: line{'' if len(lines) == 1 else 's'} "
            f"{shown}); if it is an option of its own, give it a name of its own",
            severity="warning",
        )
    return [r for r in records if id(r) not in aside] if aside else records


# A region where the party's row is off its candidates' sum: its name, the row's first line, the
# row's votes and its candidates'.
Off = tuple[str, int, int, int]


def _apart_by_region(named: list[Record], others: list[Record]) -> tuple[str, list[Off]] | None:
    """Where a party's row is not its candidates' sum over the race: whether it is all the same
    the list's total, as it is where it holds exactly the votes of `OTHERS` candidates of its
    party or more (`SAME_SUM` at least) in a region (no chance: the Kiesraad's list total, a vote
    off in one municipality, is still no option of its own). Then what it holds (for the
    warning) and the regions where it is off; None where it is no total in any region, or the
    records name no region."""
    sums: dict[str | None, list[int]] = {}
    firsts: dict[str | None, int] = {}
    held: dict[str | None, set[str]] = {}
    for side, group in enumerate((named, others)):
        for record in group:
            region = record.row.region
            sums.setdefault(region, [0, 0])[side] += record.votes or 0
            if side == 0:
                firsts[region] = min(firsts.get(region, record.line), record.line)
            elif record.votes:
                held.setdefault(region, set()).add(_key(record.row.candidate))
    if None in sums:
        return None
    listed = [r for r in sums if r in firsts]
    same = [r for r in listed if sums[r][0] == sums[r][1] and sums[r][0]]
    if not any(sums[r][0] >= SAME_SUM and len(held.get(r, ())) >= OTHERS for r in same):
        return None
    off: list[Off] = [(str(r), firsts[r], sums[r][0], sums[r][1]) for r in listed if r not in same]
    off.sort(key=lambda o: o[1])
    return (
        f"candidates in {len(same):,} of its {len(listed):,} regions, its list's total there",
        off,
    )


def _warn_off(name: str, off: list[Off], found: Found) -> None:
    """A `total-mismatch` warning for the regions where a party's list total is off its
    candidates' votes (set aside all the same: `_apart_by_region`)."""
    shown = "; ".join(
        f"{region!r} (line {line:,}): the row {listed:,}, its candidates {theirs:,}"
        for region, line, listed, theirs in off[:5]
    ) + (f"; and {len(off) - 5:,} more regions" if len(off) > 5 else "")
    found.add(
        Code.TOTAL_MISMATCH,
        off[0][1],
        f"{name!r}, its party's list total, does not hold its candidates' votes in "
        f"{len(off):,} region{'' if len(off) == 1 else 's'}: {shown}. Set aside there too, "
        "its candidates' votes counted; check those rows against the source",
        severity="warning",
    )


def _same_by_region(named: list[Record], others: list[Record]) -> int:
    """How many regions a party's row and its one other candidate hold the same votes in, where
    they do in each of `REGIONS` or more (0 otherwise): two options never tie in every region by
    chance, a list's total above its lone candidate does. By region, as both engines hand them
    (the streaming engine's records are a region's sums)."""
    sums: dict[str | None, list[int]] = {}
    for side, group in enumerate((named, others)):
        for record in group:
            sums.setdefault(record.row.region, [0, 0])[side] += record.votes or 0
    if None in sums or len(sums) < REGIONS:
        return 0
    return len(sums) if all(a == b for a, b in sums.values()) else 0
