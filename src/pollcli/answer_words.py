"""The answers of a ballot measure (Yes/No, For/Against, Oui/Non, Ja/Nein, За/Против…): options of
kind `candidate` like any other, that some rules must tell apart (see `kinds`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from pollcli.namekeys import name_key

# The answers of a ballot measure, in the languages of the files pollcli reads.
ANSWER_WORDS: Final[tuple[str, ...]] = (
    "yes",
    "no",
    "for",
    "against",
    "approve",
    "reject",
    "approved",
    "rejected",
    "adopted",
    "accepted",
    # Washington's advisory votes on a tax: the tax repealed or maintained.
    "repealed",
    "maintained",
    "bonds yes",
    "bonds no",
    "bond yes",
    "bond no",
    "levy yes",
    "levy no",
    "tax yes",
    "tax no",
    # Colorado's counties (Clear Ballot): `Yes/For`, `No/Against`.
    "yes/for",
    "no/against",
    # The UK's 2016 referendum on the EU: `Remain`, `Leave`.
    "remain",
    "leave",
    # A chamber's or a meeting's division: `Ayes` / `Noes`, `Yea` / `Nay`.
    "aye",
    "ayes",
    "noes",
    "yea",
    "yeas",
    "nay",
    "nays",
    "oui",
    "non",
    "ja",
    "nein",
    "sí",
    "si",
    "sim",
    "não",
    "tak",
    "nie",
    "за",
    "против",
    "да",
    "нет",
    "так",
    "ні",
    "иә",
    "жоқ",
)


_ANSWER_KEYS: Final[frozenset[str]] = frozenset(name_key(name) for name in ANSWER_WORDS)
# The two answers of one measure. Where a race lists both, each is an option, whatever the tables
# above say of the word alone: Washington's measures are "Approved" / "Rejected", and their
# "Rejected" is the votes against, not rejected ballots (`read.answers`).
ANSWER_PAIRS: Final[tuple[tuple[str, str], ...]] = (
    ("yes", "no"),
    ("for", "against"),
    ("approve", "reject"),
    ("approved", "rejected"),
    ("adopted", "rejected"),
    ("accepted", "rejected"),
    ("repealed", "maintained"),
    ("yes/for", "no/against"),
    ("remain", "leave"),
    ("ayes", "noes"),
    ("aye", "no"),
    ("aye", "nay"),
    ("yea", "nay"),
    ("yeas", "nays"),
    ("oui", "non"),
    ("ja", "nein"),
    ("sí", "no"),
    ("si", "no"),
    ("за", "против"),
    ("да", "нет"),
)


def measure_answers(names: Iterable[str]) -> frozenset[str]:
    """Of a race's option names, the keys (`name_key`) of those that are a measure's answers by
    standing beside their pair ("Approved" and "Rejected" both listed): options, not kinds of
    ballot."""
    keys = {name_key(name) for name in names}
    return frozenset(side for pair in ANSWER_PAIRS if keys.issuperset(pair) for side in pair)


@lru_cache(maxsize=1 << 14)
def is_answer(name: str) -> bool:
    """Whether an option is an answer of a ballot measure (Yes, No, For, Against…), the whole name
    matched as the tables above match it."""
    return name_key(name) in _ANSWER_KEYS
