"""Options named as party lists: electoral committees (`KOMITET WYBORCZY …`, `KW …`) or lists
(`Lista 3 …`, `Liste 2 …`), whose seats a party-list vote shares out, not races won by the most
votes. A race of such options with no system given is read as a list vote (`majority.default_system`):
Poland's Sejm 2023 by gmina, split into its 41 multi-member okręgi by `--race-by 'Nr okręgu'`, was
counted first past the post, "Seats won: PiS 22 of 41" (460 seats by D'Hondt; PiS 194).

Every option must be so named: one candidate's name among them is a race of candidates. Parties
(`Labour`, `PiS`) say nothing: the Commons' parties by constituency each elect one member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Final

# The words a list's name opens with, casefolded, as whole words: Poland's electoral committees
# (komitet wyborczy, koalicyjny, of voters: wyborców; abbreviated KW, KKW, KWW), an electoral
# committee in English, and a list numbered or named (Lista, Liste, List, Listă).
LIST_OPENINGS: Final[tuple[str, ...]] = (
    "komitet wyborczy",
    "koalicyjny komitet wyborczy",
    "kw",
    "kkw",
    "kww",
    "electoral committee",
    "election committee",
    "lista",
    "liste",
    "list",
    "listă",
)


@cache
def _opening() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(LIST_OPENINGS, key=len, reverse=True))
    return re.compile(rf"\s*(?:{words})(?![^\W_])", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _is_list_name(name: str) -> bool:
    """One name, looked up once: a file's races list the same lists again and again."""
    return _opening().match(name) is not None


def list_named(names: Iterable[str]) -> str | None:
    """The first of two names or more that all open with a list's word, or None (told at the first
    name that does not: a race's first candidate, mostly, and its other options left unread)."""
    first: str | None = None
    count = 0
    for name in names:
        if not _is_list_name(name):
            return None
        first = first if first is not None else name
        count += 1
    return first if count >= 2 else None
