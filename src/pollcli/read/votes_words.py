"""Option columns whose headers end in a word for votes (Romania's BEC: `ALIANȚA AUR-voturi`,
`PARTIDUL S.O.S. ROMÂNIA-voturi`), or open with it (Peru's ONPE: `VOTOS_P1`… `VOTOS_P18`), beside
columns of figures that do not (`uat_siruta`, `report_version`, the protocol's lettered lines
`a`, `a1`, `b`… `f`, the seats `…-mandate`; ONPE's `N_ELEC_HABIL`, the registered voters, "led"
with 51.54 %).

Read as a wide table by position, every column of figures after the names was an option: the
county's `uat_siruta` codes "led" with half of all votes, the registered voters (`a`) and the
ballots received (`c`) ranked above every party. Where two columns or more end in one votes word,
that word says which columns are options: those without it are no option's votes, set aside and
named in the note (`layout`).

The options are named without the word (`ALIANȚA AUR`, `named_options`): the header's name as the
options' level (`RawTable.levels`), as a header's vote word of Germany's tables is.

A column whose whole header pollcli reads otherwise (a protocol line such as `valid_votes`, a total,
a known column) keeps its header and is read as that, not as an option.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from pollcli.columns import canonical_column
from pollcli.kinds import fact_from_name, kind_from_name
from pollcli.read import protocol
from pollcli.read.total_words import says_total

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable

# Words for an option's votes at the end of its column's header, casefolded.
VOTES_WORDS: Final[frozenset[str]] = frozenset(
    {"votes", "vote", "voturi", "voti", "votos", "voix", "stimmen", "stemmen", "stemmer",
     "röster", "glasovi", "głosy", "glosy", "hlasy", "hlasov", "голоса", "голосів", "гласове",
     "szavazat", "ääniä", "oy", "oylar", "num"}
)  # fmt: skip


# `NAME-voturi`, `NAME_votes`, `NAME votes`: the name, a separator, the word; or the word first
# (Peru's ONPE: `VOTOS_P1`… `VOTOS_P18`, `VOTOS_VB`, `VOTOS_VN`).
@functools.cache
def _ending() -> re.Pattern[str]:
    """Compiled on first use, as `_opening`."""
    return re.compile(r"(.*?[^\s_-])[\s_-]*[\s_-]([^\W_]+)\s*")


@functools.cache
def _opening() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"\s*([^\W_]+)[\s_-]+([^\s_-].*?)\s*")


# At least this many option columns carry the word (one alone may be a protocol line).
AT_LEAST: Final[int] = 2


def _stem(label: str) -> tuple[str, str] | None:
    """The name and the votes word (`-` before it where the word ends the header)."""
    ending, opening = _ending().fullmatch(label), _opening().fullmatch(label)
    if ending is not None and ending.group(2).casefold() in VOTES_WORDS:
        found = ending.group(1).strip(), "-" + ending.group(2)
    elif opening is not None and opening.group(1).casefold() in VOTES_WORDS:
        found = opening.group(2).strip(), opening.group(1) + "-"
    else:
        return None
    if protocol.line(label) is not None or says_total(label) or canonical_column(label):
        return None  # (`valid_votes`, `Total votes`, `candidatevotes`: read as what they say)
    if no_candidate(label):
        return None  # (Iowa's `OVER VOTE`, `UNDER VOTE` beside its candidates: no options' word)
    return found


def no_candidate(label: str) -> bool:
    """Whether a header names ballots of a kind or a count, not a candidate (`VOTOS_VB`, blank;
    `OVER VOTE`): no options' word, and an option of its kind beside the worded ones."""
    return kind_from_name(label) != "candidate" or fact_from_name(label) is not None


def worded(header: Sequence[str]) -> dict[int, str]:
    """The columns whose headers end in the votes word that two or more of them end in, each
    with its name without the word; {} where no word is shared so."""
    stems = {i: found for i, label in enumerate(header) if (found := _stem(label)) is not None}
    words = Counter(word.casefold() for _, word in stems.values())  # (`-votes` ≠ `votes-`)
    if not words:
        return {}
    word, count = words.most_common(1)[0]
    if count < AT_LEAST:
        return {}
    return {i: name for i, (name, w) in stems.items() if w.casefold() == word}


def word(header: Sequence[str]) -> str:
    """How the headers of `worded` say votes, as the first of them writes it (`'voturi'` at the
    end, `'VOTOS'` at the start), or ""."""
    columns = worded(header)
    if not columns:
        return ""
    found = _stem(header[min(columns)])
    if found is None:
        return ""
    said = found[1]
    at = "end" if said.startswith("-") else "start"
    return f"{said.strip('-')!r} at the {at}"


def named_options(table: RawTable, options: Sequence[int]) -> RawTable:
    """The table whose option columns (`options`) that end in the shared votes word are named
    without it (`ALIANȚA AUR-voturi` → `ALIANȚA AUR`), as the options' level of a header of one
    row; the table itself where none is (or where its header has levels of its own)."""
    names = worded(table.header)
    if table.levels or not names.keys() & set(options):
        return table
    levels: list[tuple[str, ...]] = [
        (names[i] if i in options and i in names else h, "") for i, h in enumerate(table.header)
    ]
    return replace(table, levels=levels)
