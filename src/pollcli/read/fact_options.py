"""Wide readings whose every option is a fact of the election or a numbering: no result.

Portugal's 2025 turnout tables (`…,territory_name,organ,subscribers,votes,voters_pct,…,
blank_votes,null_votes,mandates_total,state`) hold the registered voters (`subscribers`), the
ballots, the blank and null ones and the seats, and no party's votes. Told to pass --wide, the
user got `subscribers 9,303,840 100.00 % LEADER` and "Majority: yes — subscribers … wins
outright". India's trends tables of Assam (`status,leading party,leading candidate,trailing
party,trailing candidate,constituency,margin,const. no.`) name each seat's leader and runner-up
and the margin: `--wide` read the constituencies' numbers added up as the votes of `const. no.`.

An option read from a column that is a protocol line (`protocol.line`), the registered voters
(`subscribers`, `inscritos`), a seat word or a numbering (`const. no.`, `code`, `id`) is none; a
wide reading whose every option is such is refused, with or without `--id-columns` (no option is
left to read), and the header's advice does not send the user to --wide. A table that names
leading and trailing candidates or parties is told to be a table of winners only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from pollcli.read import protocol
from pollcli.read.fact_words import (
    NUMBERING_IN_FACTS,
    REGISTERED_WORDS_IN_FACTS,
    SEAT_WORDS_IN_FACTS,
)

# Words of a header that name a race's leader or runner-up (a table of winners by columns).
_PLACES: Final[frozenset[str]] = frozenset(
    {"leading", "trailing", "winner", "winning", "runner", "runnerup", "loser", "second"}
)
_NAMES: Final[frozenset[str]] = frozenset({"candidate", "party", "name", "candidates", "parties"})


def _words(label: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+|_", label.casefold()) if w]


def held(label: str) -> str | None:
    """What a column read as an option holds that is no option's votes, or None."""
    words = set(_words(label))
    if words & REGISTERED_WORDS_IN_FACTS:
        return "the registered voters"
    if words & SEAT_WORDS_IN_FACTS:
        return "seats"
    # A short header alone (`const. no.`, `code`; a referendum's `No` is votes, and `List No. 3
    # Greens` a party's). `num` after a word is "the number of" it (the AEC's `yes_num`, `no_num`:
    # votes), not a code (a place's number, `precinct_num`, names the row before this).
    listed = _words(label)
    numbering = words - {"num"} if len(listed) > 1 and listed[-1] == "num" else words
    if numbering & NUMBERING_IN_FACTS and numbering != {"no"} and len(listed) <= 2:
        return "a numbering or code"
    if protocol.line(label) is not None:
        return "a line of the protocol (ballots, blank or null votes, turnout, a margin)"
    return None


def winners(header: Sequence[str]) -> list[str]:
    """The columns that name a race's leader or runner-up (`leading candidate`, `trailing
    party`), two or more, or none."""
    named = [h for h in header if (w := set(_words(h))) & _PLACES and w & _NAMES]
    return named if len(named) >= 2 else []


def facts_options(header: Sequence[str], options: Sequence[int]) -> str | None:
    """Why a wide reading whose every option (`options`, indices into `header`) is a fact or a
    numbering is no result, and what pollcli needs; None where one option may hold votes."""
    if not options:
        return None
    said = [(header[i], held(header[i])) for i in options]
    if any(what is None for _, what in said) or all(what == "seats" for _, what in said):
        return None  # (seats alone: `wide_unlike` says so, and --id-columns reads them)
    parts = "; ".join(f"{label!r} holds {what}" for label, what in said[:4])
    named = winners(header)
    if named:
        shown = ", ".join(repr(h) for h in named[:4])
        return (
            f"no column holds an option's votes ({parts}): {shown} name each race's leader and "
            "runner-up, a table of winners only, most likely, not of results — no share can be "
            "told from it; give pollcli every candidate's votes (a row per candidate with a votes "
            "column)"
        )
    return (
        f"no column holds an option's votes ({parts}): the table holds the election's facts, "
        "not its result, and --wide would read them as options; pollcli needs the votes of each "
        "option (a row per option with a votes column, or a column per option with --wide)"
    )
