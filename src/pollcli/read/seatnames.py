"""The members a race elects as the names of its keys state them.

- A district (or race, seat, constituency) whose name ends in "(N)", as New Hampshire writes its
  House districts ("BE 02 (4)", its floterial "CH 16 (2)F"), elects N members. Only those keys: an
  office's "(2)" may tell namesakes apart.
- Any key that says so in words elects that many: "(Vote For 4)" (Kentucky's, Florida's, New
  York's, Colorado's and Texas's county files: `SOIL AND WATER (Vote For 4)`), "(Vote for not more
  than 2)", and Arizona's county exports' "(ELECT 3)", "(SELECT 4)", "(ELECT THREE)". The words
  leave no doubt, so the office's name is read too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

# The race keys whose value may end in the number of members elected, "(4)" (New Hampshire's
# "BE 02 (4)", its floterial "CH 16 (2)F"); not a name pollcli made, whose "(2)" tells namesakes apart.
SEAT_NAMING_ROLES: Final[tuple[str, ...]] = ("district", "constituency", "race", "seat")
SEATS_IN_NAME: Final[re.Pattern[str]] = re.compile(r"\(\s*(\d{1,3})\s*\)\s*[A-Za-z]{0,2}\s*$")
_NUMBERS: Final[tuple[str, ...]] = (
    *("one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)
# "(Vote For 4)", "(Vote for not more than 2)", "(ELECT 3)", "(SELECT 4)", "(ELECT THREE)".
_SEATS_IN_WORDS: Final[re.Pattern[str]] = re.compile(
    r"\(\s*(?:vote\s+for(?:\s+not\s+more\s+than|\s+up\s+to)?|s?elect)\s+"
    rf"(\d{{1,3}}|{'|'.join(_NUMBERS)})\s*\)",
    re.IGNORECASE,
)


def seats_named(values: Mapping[str, str]) -> int | None:
    """The members a race elects as its key values state them: "BE 02 (4)" → 4, "SOIL AND WATER
    (Vote For 4)" → 4, "(ELECT THREE)" → 3; else None."""
    for role in SEAT_NAMING_ROLES:
        found = SEATS_IN_NAME.search(values.get(role, ""))
        if found and int(found.group(1)) >= 1:
            return int(found.group(1))
    for value in values.values():
        said = _SEATS_IN_WORDS.search(value) if "(" in value else None
        if said:
            number = said.group(1).lower()
            seats = int(number) if number.isdigit() else _NUMBERS.index(number) + 1
            if seats >= 1:
                return seats
    return None
