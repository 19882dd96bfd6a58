"""Which cells name a total: total words in the languages pollcli reads, and units named like their
region — for the totals stage (`totals`), the wide layout (`wide_rows`) and the streaming engine,
which keeps the rows of units that may be totals apart from its sums (`suspect_cells`), for the
totals stage to judge them as it judges the exact engine's rows.

Cells are compared as `name_key` gives them (case, punctuation and spacing aside), and a total word
must be the whole cell: `Магнитогорск` contains "итог" and is a town.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from pollcli.columns import INVISIBLE
from pollcli.kinds import BARE_WRITE_INS, fact_from_name, without_note

if TYPE_CHECKING:
    from pollcli.contract import Row
    from pollcli.read.blocks import BlockSums, Layout
    from pollcli.read.header import ColumnMap
    from pollcli.read.records import Record

# Whole cells that name a total, in the languages pollcli reads (casefolded, punctuation as spaces).
TOTAL_WORDS: Final[frozenset[str]] = frozenset(
    {
        # English
        "total",
        "totals",
        "grand total",
        "grand totals",
        "total votes",
        "total vote",
        "votes total",
        "total votes cast",
        # In one word (Arizona 2016's Yavapai County: `TotalVotes` beside its candidates).
        "totalvotes",
        "totalballots",
        "subtotal",
        "subtotals",
        "sub total",
        "sub totals",
        "overall total",
        "sum",
        # German
        "gesamt",
        "insgesamt",
        "summe",
        "gesamtsumme",
        "gesamtergebnis",
        "zusammen",
        # French, Spanish, Portuguese, Italian, Dutch, Nordic, Czech, Turkish
        "total général",
        "total general",
        "totaux",
        "totales",
        "total geral",
        "totale",
        "totale generale",
        "suma",
        "totaal",
        "totalt",
        "i alt",
        "summa",
        "celkem",
        "toplam",
        "totalen",  # (Belgium's bilingual `TOTAUX / TOTALEN`: `twice`)
        # Russian, Ukrainian, Belarusian, Kazakh, Polish
        "итого", "итог", "всего", "общий итог", "сумма", "всього", "усього", "разом", "підсумок",
        "усяго", "разам", "барлығы", "жиыны", "қорытынды", "razem", "ogółem",
        # Korean (South Korea's NEC: `합계` the whole, `계` a sum, `소계` a subtotal)
        "합계", "계", "소계",
    }
)  # fmt: skip
# The expressions below are compiled on first use (`functools.cache`): a file without a cell that
# may name a total never needs them, and compiling them all at import cost every start.


@cache
def _place_total() -> re.Pattern[str]:
    """A place (unit or region) named as a total: `Fulton County Total`, `Totals for Mason`, `Итого
    по району`, and a subtotal of some places named by them (New York's `Total NYC`, `Total Outside
    NYC`) — not of a way of voting (`Total Absentee` may be votes of their own, given by no
    precinct). Not for options: `Write-in Totals` is an option."""
    return re.compile(
        r"(?:.+ )?(?:sub ?)?totals?|(?:sub ?)?totals? (?!(?:(?:absentee|provisional|early|election day|"
        r"e day|mail|mailed|mail in|by mail|overseas|military|uocava|federal|emergency|affidavit|in person)"
        r"(?: .*)?$)).+|(?:итого|всего) (?:по|в) .+"
        r"|(?:summe|insgesamt|gesamt) .+|.+ insgesamt"
        # Connecticut's town total among its precincts (OpenElections' 2014 files: `Danbury City CT`).
        r"|.+ city ct"
    )


@cache
def _option_subtotal() -> re.Pattern[str]:
    """An option named as the total of some of the options beside it: `Total Write-in`, `Write-in
    Totals`, `Write-in (total)`, `Scattering total`. What it totals is the rest of the name (`what`);
    whether it is a subtotal is told by the figures (`read/subtotals`), as `Write-in Totals` alone is
    the write-in count."""
    return re.compile(
        r"(?:grand |sub ?)?totals?(?: (?:of|for|in))? (?P<after>.+)|(?P<before>.+?) (?:sub ?)?totals?"
        r"|(?:итого|всего|summe|insgesamt|gesamt) (?P<foreign>.+)"
    )


@cache
def _region_suffix() -> re.Pattern[str]:
    """What may follow a region's name in the name of its total row: `HILLSBOROUGH NH`, `Belknap
    County`."""
    return re.compile(
        r"[a-z]{2}|county|co|parish|borough|total|totals|county totals?|kreis|landkreis|область|район"
    )


@cache
def _punctuation() -> re.Pattern[str]:
    return re.compile(r"[^\w\s]+|_")


def name_key(text: str) -> str:
    """A cell as total words are compared: case, accents' composition, punctuation and spacing aside."""
    if text.isascii() and text.replace(" ", "").isalnum():
        return " ".join(text.lower().split())  # most names of precincts: no work to do
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return " ".join(_punctuation().sub(" ", folded).split())


# Every total word and pattern holds one of these: a cell without any is no total (checked first,
# as a precinct file has a million names and few totals).
_STEM_TEXT: Final[str] = (
    r"tot|sum|gesamt|zusammen|итог|всег|сумм|всьог|усьог|разом|підсум|усяг|разам|барл|жиын"
    r"|қорыт|razem|ogół|celk|topl|i alt|city ct|계"
)


@cache
def _stems_pattern() -> re.Pattern[str]:
    return re.compile(_STEM_TEXT)  # searched in casefolded text: much faster than IGNORECASE


@lru_cache(maxsize=1 << 14)
def is_total_name(text: str, *, place: bool = False) -> bool:
    """Whether a cell names a total: a total word as the whole cell, or for a place (a unit or a
    region) also a total pattern such as `Fulton County Total`."""
    if _stems_pattern().search(text.casefold()) is None:
        return False
    key = name_key(text)
    if key in TOTAL_WORDS or twice(key):
        return True
    return place and bool(key) and _place_total().fullmatch(key) is not None


def twice(key: str) -> bool:
    """Whether a key (`name_key`) is two total words or more: a bilingual table's total in both
    its languages (`TOTAUX / TOTALEN`, `Total Totaal`), as an option or a place."""
    words, ends = key.split(" "), {0}
    for end in range(1, len(words) + 1):
        if any(" ".join(words[start:end]) in TOTAL_WORDS for start in ends if start < end):
            ends.add(end)
    return len(words) > 1 and len(words) in ends


@lru_cache(maxsize=1 << 14)
def subtotal_of(text: str) -> str | None:
    """What an option's name says it is a subtotal of (`Total Write-Ins` → `write ins`), as
    `name_key` gives it; None for a name that is no subtotal's, or that is a whole total word
    (`Total Votes`; `total_2008`, of a year: the total of every option of its unit)."""
    if _stems_pattern().search(text.casefold()) is None:
        return None
    key = name_key(text)
    if key in TOTAL_WORDS:
        return None
    match = _option_subtotal().fullmatch(key)
    if match is None:  # (a contest's note after it: `Write-In Totals (FARROW)`, `contestnotes`)
        plain = without_note(text) if text.endswith(")") else None
        return None if plain is None else subtotal_of(plain)
    what = match.group("after") or match.group("before") or match.group("foreign")
    return None if what in TOTAL_WORDS or what.replace(" ", "").isdigit() else what


# Total words that say so as a header's first or last word (`TOTAL_BOLETAS`, `Votos totales`,
# `Всего голосов`). Not the words that are also parties' or places' words (`Lewica Razem`, `Sumar`,
# `Zusammen für…`): those are totals only as the whole header.
HEADER_EDGE_WORDS: Final[frozenset[str]] = frozenset(
    {"total", "totals", "totales", "totale", "totaux", "totalt", "totaal", "gesamt", "insgesamt",
     "gesamtsumme", "итого", "всего", "всього", "усього", "ogółem", "계", "합계"}
)  # fmt: skip


def says_total(label: str) -> bool:
    """Whether a header names a total: a total word as the whole header (`Total`, `Итого`), or as
    its first or last word (`TOTAL_BOLETAS`, `Votos totales`, `totalG`: camel case split)."""
    if is_total_name(label):
        return True
    words = name_key(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)).split()
    return len(words) > 1 and (words[0] in HEADER_EDGE_WORDS or words[-1] in HEADER_EDGE_WORDS)


# The stems as plain words, and those an ASCII text may hold: the many cells of `may_hold_total`
# are searched for each word (a C search), some five times quicker than the pattern over 1.5 KB.
_STEM_WORDS: Final[tuple[str, ...]] = tuple(_STEM_TEXT.split("|"))
_ASCII_STEMS: Final[tuple[str, ...]] = tuple(w for w in _STEM_WORDS if w.isascii())


def may_hold_total(cells: Iterable[str]) -> bool:
    """Whether any of these cells may name a total (all of them are looked at in one search)."""
    text = "\n".join(cells).casefold()
    return any(word in text for word in (_ASCII_STEMS if text.isascii() else _STEM_WORDS))


def named_like(unit: str, region: str) -> bool:
    """Whether a unit is named like its region: `BELKNAP` in Belknap, `HILLSBOROUGH NH` in
    Hillsborough, `COOS NH'` in Coos, and with a region's suffix also one letter off, as
    publishers misspell it (`MARRIMACK NH` in Merrimack: New Hampshire's Governor race of 2020)."""
    key = name_key(region)
    return key in region_names(unit) or any(_one_off(stem, key) for stem in _stems(unit))


# A cell that ends in what may follow a region's name (`… NH`, `… County`), casefolded: only such
# units are looked at for a misspelt region's name.
_SUFFIX_WORDS: Final[tuple[str, ...]] = (
    "county", "co", "parish", "borough", "total", "totals", "county total", "county totals",
    "kreis", "landkreis", "область", "район",
)  # fmt: skip


@cache
def _suffixed() -> re.Pattern[str]:
    return re.compile(
        r"\w\W+(?:[a-z]{2}|" + "|".join(map(re.escape, _SUFFIX_WORDS)) + r")\W*$", re.MULTILINE
    )


@cache
def _suffixed_backwards() -> re.Pattern[str]:
    """`_suffixed`'s search over a block's names joined by line ends and written backwards, whose
    line ends are then line starts: the pattern fails at once where no line starts, some three
    times quicker. No match crosses a line end (`[^\\w\\n]`), as none crosses a name's end."""
    return re.compile(
        r"^[^\w\n]*(?:[a-z]{2}|"
        + "|".join(re.escape(w[::-1]) for w in _SUFFIX_WORDS)
        + r")[^\w\n]+\w",
        re.MULTILINE,
    )


# A region's name this long or longer may be misspelt by one letter in its total row's name.
_MISSPELT_FROM: Final[int] = 6


def _stems(unit: str) -> frozenset[str]:
    """The names a unit gives with a region's suffix cut (`MARRIMACK NH` → {marrimack})."""
    if not _suffixed().search(unit.casefold()):
        return frozenset()
    return region_names(unit) - {name_key(unit)}


def _one_off(a: str, b: str) -> bool:
    """Whether two names of `_MISSPELT_FROM` letters or more differ by one letter: one replaced,
    added or left out (rapidfuzz's edit distance, imported only for a unit with a region's suffix)."""
    if min(len(a), len(b)) < _MISSPELT_FROM:
        return False
    from rapidfuzz.distance import Levenshtein

    return bool(Levenshtein.distance(a, b) == 1)


@lru_cache(maxsize=1 << 14)
def region_names(unit: str) -> frozenset[str]:
    """The names (as `name_key` gives them) of the regions a unit is named like: `HILLSBOROUGH NH`
    → {hillsborough nh, hillsborough}; `BELKNAP 01` → {belknap 01, belknap}."""
    words = name_key(unit).split()
    names = {" ".join(words)} if words else set()
    if len(words) < 2:
        return frozenset(names)
    for cut in (1, 2):
        if len(words) > cut and _region_suffix().fullmatch(" ".join(words[-cut:])):
            names.add(" ".join(words[:-cut]))
    if words[-1].isdigit():
        # A district's total within its county, named by the county and the district's number
        # (New Hampshire's `BELKNAP 01` beside the towns of House district BE 01): judged by its
        # figures as the county's own row is.
        names.add(" ".join(words[:-1]))
    return frozenset(names)


def suspect_unit(unit: str, regions: frozenset[str]) -> bool:
    """Whether a unit cell may make its row a total (blank, a total word, named like one of
    `regions`, given as `name_key`s): the streaming engine then keeps its rows apart."""
    if not unit.strip() or is_total_name(unit, place=True):
        return True
    if any(_one_off(stem, region) for stem in _stems(unit) for region in regions):
        return True
    # A unit named like a region starts with the region's first word (checked cheaply first).
    first = unit.split(None, 1)[0].casefold()
    if not any(region.startswith(first[:3]) for region in regions):
        return False
    return bool(region_names(unit) & regions) or any(region_start(unit, r) for r in regions)


def region_start(unit: str, region: str) -> bool:
    """Whether a unit is named by its region and a number (NH's `HILLSBOROUGH02`, `CHESHIRE 14 (1)FL`)."""
    key, name = name_key(unit), name_key(region)
    return bool(name) and key.startswith(name) and key[len(name) :].lstrip()[:1].isdigit()


def suspect_record(record: Record) -> bool:
    """`suspect_unit` for one record's unit in its region."""
    return suspect_unit(record.row.unit or "", frozenset({name_key(record.row.region or "")}))


def suspect_cells(units: list[bytes], region_cells: Iterable[bytes]) -> frozenset[bytes] | None:
    """The distinct unit cells of a block that may make their rows a total (`suspect_unit` in any
    of the block's regions), which the streaming engine keeps apart for the totals stage; None when
    a cell does not decode. A block has tens of thousands of units: in the usual block of ASCII
    names, each test is a search of the names joined by line ends, and only the names it finds
    are looked at one by one."""
    if not units:
        return frozenset()
    try:
        joined = b"\n".join(units).decode("utf-8")
        # As the exact stages read a region: without the characters that print as nothing.
        regions = frozenset(
            name_key(cell.decode("utf-8").translate(INVISIBLE)) for cell in region_cells
        )
    except UnicodeDecodeError:
        return None
    starts = {region[:3] for region in regions if region}
    one_per_line = joined.count("\n") == len(units) - 1
    if not (joined.isascii() and one_per_line and len(starts) <= _MANY_STARTS):
        texts = joined.split("\n") if one_per_line else [cell.decode("utf-8") for cell in units]
        return _suspects(texts, regions)
    folded = joined.lower()  # ASCII: as casefold
    found = [m.start() for m in _blank_line().finditer(joined)]
    found += [m.start() for m in _stems_pattern().finditer(folded)]
    # Only units with a region's suffix, or that start as a region does, are looked at one by one.
    last = len(folded) - 1
    found += [last - m.start() for m in _suffixed_backwards().finditer(folded[::-1])]
    if starts:
        alike = re.compile(
            r"^[ \t\r\x0b\x0c\x1c-\x1f]*(?:" + "|".join(map(re.escape, sorted(starts))) + ")",
            re.MULTILINE,
        )
        found += [m.start() for m in alike.finditer(folded)]
    return _suspects(list({_line_at(joined, at) for at in found}), regions)


@cache
def _blank_line() -> re.Pattern[str]:
    """An ASCII unit cell that is empty or of spaces only (which str.strip() leaves empty), as a
    line of the joined cells."""
    return re.compile(r"^[ \t\r\x0b\x0c\x1c-\x1f]*$", re.MULTILINE)


# Beyond this many regions' first letters, the units are looked at one by one.
_MANY_STARTS: Final[int] = 200


def _line_at(text: str, index: int) -> str:
    """The line of `text` that holds `index`."""
    end = text.find("\n", index)
    return text[text.rfind("\n", 0, index) + 1 : None if end < 0 else end]


def _suspects(units: list[str], regions: frozenset[str]) -> frozenset[bytes]:
    """`suspect_cells`'s tests, unit by unit, on each cell as the exact stages read it (without
    the characters that print as nothing: a cell of them alone is blank there)."""
    return frozenset(
        unit.encode("utf-8")
        for unit in units
        if suspect_unit(unit if unit.isascii() else unit.translate(INVISIBLE), regions)
    )


class HandOver(Exception):
    """A file of precincts holds a row that may be a total which the streaming engine cannot keep
    apart (a region or an option named as a total, summed across precincts), or a total whose parts
    hold more than it, whose places it summed (`total_checks.refusal`): it hands the file to the
    exact engine, which names every line of a total (`totals.set_aside`) and its parts' places."""


def check_block(summed: BlockSums, layout: Layout, columns: ColumnMap) -> None:
    """Raise HandOver when a block of a file with precincts holds a region or an option that is a
    total word, or an option named as a subtotal (summed across precincts, their lines would not
    be those the exact engine names, nor the rows beside a subtotal those of its precinct).
    Precincts that may be totals are kept apart by the block itself (`BlockSums.held`)."""
    if not summed.unit_names:
        return
    if breakdown_names(summed.unit_names):
        raise HandOver
    at = {
        c: layout.key_indexes.index(i)
        for i, c in columns.columns.items()
        if i in layout.key_indexes
    }
    try:
        # The rows kept apart (a blank precinct's: `TOTAL,,…`, a grand total) are judged one by
        # one by the totals stage, their region too: only the regions summed are looked at here.
        summed_regions = summed.keys[at["region"]] if "region" in at else []
        if summed.held and "region" in at:  # (no region column: no regions to look at)
            summed_regions = [
                cell for cell, held in zip(summed_regions, summed.held, strict=True) if held is None
            ]
        regions = [c.decode("utf-8").translate(INVISIBLE) for c in set(summed_regions)]
        # The option's name, or a name in two columns joined (`roles.joined_names`).
        parts = [c for c in ("candidate",) if c in at] or [
            c for c in ("given_name", "family_name") if c in at
        ]
        cells = zip(*(summed.keys[at[c]] for c in parts), strict=True)
        names = [b" ".join(name).decode("utf-8") for name in set(cells)] if parts else []
    except UnicodeDecodeError:
        raise HandOver from None
    if may_hold_total(regions) and any(is_total_name(r, place=True) for r in regions):
        raise HandOver
    if (may_hold_total(names) or any(map(write_in_part, names))) and any(
        total_option(n) and not fact_from_name(n) for n in names
    ):
        raise HandOver


def check_record(record: Record, has_unit: bool, apart: bool) -> None:
    """`check_block` for one record read by the exact stages in the streaming engine (`apart`:
    its precinct may make it a total, and it is kept apart with its line)."""
    row = record.row
    if has_unit and (
        breakdown_unit(row.unit or "")
        or (not apart and is_total_name(row.region or "", place=True))
        or (row.fact is None and total_option(row.candidate))
    ):
        raise HandOver


# Units named as districts laid over the precincts (`Congressional:12`, `36th Congressional`,
# `City of Banning`, `Unincorporated Area`): the breakdowns stage tells them by their figures
# (`read/breakdowns`), from every unit's rows: the streaming engine and the exact engine's sums
# (`read/rowcolumns`) leave a file with such a unit to the exact rows (a precinct so named: time).
_BREAKDOWN: Final[str] = (
    r"(?im)^[ \t]*(?:\d+(?:st|nd|rd|th)\b|city of\b|[a-z ]+:[ ]*\d+[ \t]*$)"
    r"|\b(?:congressional|senatorial|assembly|supervisorial|unincorporated)\b"
)


def breakdown_names(units: list[bytes]) -> bool:
    """Whether a block's distinct unit cells name a breakdown (one search of the cells joined)."""
    return re.search(_BREAKDOWN.encode(), b"\n".join(units)) is not None


@lru_cache(maxsize=1 << 14)
def breakdown_unit(unit: str) -> bool:
    """`breakdown_names` for one unit's name."""
    return re.search(_BREAKDOWN, unit) is not None


def check_repeat(row: Row) -> None:
    """Raise HandOver when a file without precincts repeats a total option's row (a `Total` row
    of no party after each party primary of an office): which race each row totals is judged row
    by row (`read/primary_totals`), as the exact engine reads them; and a subtotal's row, which
    is judged by the rows beside it (`read/subtotals`). A count row of its place ("Registered
    Voters") repeated too: the exact engine reads one count per place, and says a conflict,
    where summing the rows would add them up."""
    if row.fact is not None or total_option(row.candidate):
        raise HandOver


def total_option(name: str) -> bool:
    """Whether an option's name is a total's or a subtotal's (`Total`, `Total Write-in`), or a
    write-in part that a bare write-in count may add up (`write_in_part`)."""
    return is_total_name(name) or subtotal_of(name) is not None or write_in_part(name)


# A race's write-in count by the bare word: Electionware's exports (OpenElections' Pennsylvania,
# Kentucky, Texas, Michigan) list `Write-ins 7`, then its parts, `Write-In: Scattered 3`,
# `Write-In: Bob Bell 4`, `Not Assigned 0` (Michigan: `Write-in Dee Dunn`, `Write-in Not
# Assigned`): `read/subtotals` sets it aside where the parts beside it add up to it.
_PART_STARTS: Final[tuple[str, ...]] = ("write in ", "write ins ", "writein ", "writeins ")


@lru_cache(maxsize=1 << 14)
def bare_write_in(name: str) -> bool:
    """Whether an option is named by the write-in word alone (`Write-ins`, `WRITE-IN`)."""
    return "rite" in name.casefold() and name_key(name) in BARE_WRITE_INS


@lru_cache(maxsize=1 << 14)
def write_in_part(name: str) -> bool:
    """Whether an option's name is that of a part of a race's write-ins: `Write-In: Bob Bell`,
    `Write-in Not Assigned`, `Unqualified Write-Ins`, `Not Assigned` (never the bare word)."""
    folded = name.casefold()
    if "rite" not in folded and "assigned" not in folded:
        return False
    key = name_key((name.endswith(")") and without_note(name)) or name)  # (`… (FARROW)`)
    return key in ("not assigned", "unassigned") or (
        key not in BARE_WRITE_INS
        and (key.startswith(_PART_STARTS) or key.endswith(tuple(" " + w for w in BARE_WRITE_INS)))
    )
