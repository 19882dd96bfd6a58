"""What an option's name says it is: a candidate, a non-candidate option, or a count that is no option.

Results files list more than candidates in the candidate column. The words below are matched on the
whole name (case, accents of punctuation and spacing aside: "UNDER VOTES", "Under-votes"), never on a
part of it (`JAMES P MCGOVERN` holds "OVER", `Alice Blank` is a candidate). `--kind NAME=KIND`
overrides them for one file, and a `kind` column for one row.

| kind | counts in the valid vote | gets a share | can lead | words |
|---|---|---|---|---|
| `against_all` | yes | yes | no | Against all, None of the above, NOTA, None of these candidates, Против всех |
| `other` | yes | yes | no | Other(s), All others, Write-in(s), Write-in 133, Not Assigned, Scatter(ing), Sonstige, Autres, Ostali, Прочие |
| `blank` | no | no | no | Blank(s), Blank ballots, Under votes, Times Blank Voted, Leer, Blancs, En blanco, Voto en blanco, VB, Branco |
| `invalid` | no | no | no | Invalid, Spoiled, Rejected, Void(s), Null(s), Over votes, Times Over Voted, Informal, Ungültige, Nuls, Nulo, Недействительные |

Footnote marks around a word are read aside (`*`, `†`, `‡`, `§`, `#`, `+`: Minnesota's
`WRITE-IN**`), never around a person's name (`SAMUEL D. THOMPSON (w) *` stays a candidate).

English words are listed in the singular and the plural (`Voids` as `Void`: New York's primaries).
A name joined from given name and surname that says one word twice is read as that word (Australia's
AEC lists its informal ballots as `Informal` in both columns: "Informal Informal").
A name joined from two or more of the words (FiveThirtyEight's `Blank/Void`, `Write-in/Scattering`,
New York's `BLANK OR VOID`) is of their kind where they agree; blank and void ballots together are `invalid` (neither counts in
the valid vote), any other mix `other` (no candidate's, never leading).

Write-ins and scattering are `other`: they are votes cast for someone (a person not on the ballot), so
they count in the valid vote as certified results count them (South Carolina 2020's valid vote includes
its write-ins), but a write-in total is no candidate and never leads. Undervotes (no choice made in a
race) are blank ballots of that race; overvotes (too many choices) are invalid ones.

The answers of a ballot measure (Yes/No, For/Against, Oui/Non, Ja/Nein, За/Против, Approve/Reject,
Bonds Yes/No…) are options of kind `candidate` like any other; `is_answer` names them for the one
rule that must tell them apart: they stand in every measure, so that they stand in every district
says nothing of whether the district is one race's geography (`read.geography`). Where a race
lists both answers of a pair (`ANSWER_PAIRS`: Approved and Rejected…), both are options, though
"Rejected" alone is rejected ballots (`read.answers`).

Some rows are no option at all but a count of the unit they are in (OpenElections lists them as
candidates of every precinct): their figure becomes that unit's fact.

| fact | words |
|---|---|
| `registered` | Registered Voters, Registered, Registration, Total Registered, Registered Voters - Total, Voters on the list, Electorate |
| `ballots_cast` | Ballots Cast, Total Ballots Cast, Total Ballots, Times Counted, Ballots, Total Votación, Votantes, Votants |
| `total_votes` | Total Votes, Total Votes Cast, Total Valid Votes, Válidamente Emitidos, Votos válidos, Suffrages exprimés, Gültige Stimmen (checked against the options' sum) |

Given as an office with no candidate (`office_fact`), a count of votes (`Votes Cast`, `Total Votes`)
is every race's of its unit together, one a voter: the unit's ballots cast, as `Ballots Cast` is.

Some counts of a unit are none of these and no race's figure: `Ballots Cast Blank` (OpenElections'
Pennsylvania and Florida counties: ballots blank in every race, which each race's own blank or
under votes already hold) given as an office, or `Election Day Registrants` (Idaho: the voters who
registered that day, among the registered). Such a row is left out, with a note (`unused_count`).
Counts listed beside a contest's candidates that are no option (New York City's ballots by way of
voting, Arizona's counts of precincts, Electionware's `Contest Totals`) are left out, with a note
(`beside_counts`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Final, Literal

from pollcli.answer_words import ANSWER_PAIRS as ANSWER_PAIRS
from pollcli.answer_words import ANSWER_WORDS as ANSWER_WORDS
from pollcli.answer_words import is_answer as is_answer
from pollcli.answer_words import measure_answers as measure_answers
from pollcli.beside_counts import REJECTED_COUNTS
from pollcli.beside_counts import ballot_count as ballot_count
from pollcli.beside_counts import contest_total as contest_total
from pollcli.beside_counts import count_beside as count_beside
from pollcli.beside_counts import derived_figure as derived_figure
from pollcli.beside_counts import precinct_count as precinct_count
from pollcli.beside_counts import rejected_count as rejected_count
from pollcli.kind_words import FACT_NAMES as _FACT_NAMES
from pollcli.kind_words import KIND_NAMES as _KIND_NAMES
from pollcli.kind_words import PLACEHOLDERS
from pollcli.namekeys import name_key as name_key

Kind = Literal["candidate", "against_all", "blank", "invalid", "other"]
KINDS: Final[tuple[str, ...]] = ("candidate", "against_all", "blank", "invalid", "other")
# Options that are not part of the valid-vote base.
NOT_VALID_KINDS: Final[frozenset[str]] = frozenset({"blank", "invalid"})
# Counts a row may give instead of an option's votes (`--kind NAME=FACT` names them too).
ROW_FACTS: Final[tuple[str, ...]] = ("registered", "ballots_cast", "total_votes")


_KIND_BY_NAME: Final[dict[str, str]] = {
    name_key(name): kind for kind, names in _KIND_NAMES.items() for name in names
}
_FACT_BY_NAME: Final[dict[str, str]] = {
    name_key(name): fact for fact, names in _FACT_NAMES.items() for name in names
}


@cache
def _write_in_line() -> re.Pattern[str]:
    """A write-in line numbered by its publisher (Arizona's `WRITE-IN 133`), or write-ins credited
    to no one (Electionware's `Not Assigned`, `Write-In: Scattered`; Utah's `Write-In: Not
    Certified`, the write-ins of names not certified). Compiled on first use."""
    w = r"write ?ins?"
    some = r"(?:scattered|scattering|(?:un|not |non ?)(?:certified|qualified)|unresolved|misc)"
    none = rf"(?:{w} )?(?:not assigned|unassigned)(?: {w})?"
    return re.compile(rf"{w} \d+|{none}|{w} {some}|{some} {w}")


# Footnote marks around a word ("WRITE-IN**": Minnesota's counties), read aside for the tables' words.
_MARKS: Final[str] = "*†‡§#+^~¹²³ "


def _unmarked(key: str) -> str:
    """A name's key (`name_key`) without the footnote marks at its ends."""
    return key.strip(_MARKS) if key[:1] in _MARKS or key[-1:] in _MARKS else key


def _kind_of(key: str) -> Kind:
    """The kind a name's key (`name_key`) implies: the tables (a number on the ballot before the
    name aside), then a numbered write-in (footnote marks aside)."""
    key = _unmarked(key)
    kind = _KIND_BY_NAME.get(key)
    if kind is None and (core := _counted(key)) != key:
        # "Total Under Votes", "Under Vote Count" (Michigan's 2024 county files), "Total
        # Unresolved Write-In": a unit's count of blank or invalid votes, or of write-ins, never
        # a candidate counted in the valid vote (Under Vote Count led 39 races).
        kind = _KIND_BY_NAME.get(core)
        writes = kind == "other" and "write" in core  # (`Write-In Total`, `Number of Write-Ins`)
        kind = kind if kind in ("blank", "invalid") or writes else None
        kind = "other" if kind is None and _write_in_line().fullmatch(core) else kind
    if kind is None:
        # A name joined from its parts, each the same word (AEC's `Informal`, `Informal`).
        words = key.split(" ")
        half = len(words) // 2
        if half and words[:half] == words[half:]:
            kind = _KIND_BY_NAME.get(" ".join(words[:half]))
    number, _, rest = key.partition(" ")
    if kind is None and number.isdigit() and len(number) <= 3:  # `15 - None of the Above`
        kind = _KIND_BY_NAME.get(rest)
    if kind is None:
        kind = _joined(key)
    if kind is None:
        kind = "other" if _write_in_line().fullmatch(key) else "candidate"
    return kind  # type: ignore[return-value]


def _counted(key: str) -> str:
    """A key without the words that say it is counted: `total`/`number of` before it, `count`,
    `counts`, `total` or `totals` after it."""
    for before in ("total ", "number of "):
        key = key.removeprefix(before)
    for after in (" count", " counts", " total", " totals"):
        key = key.removesuffix(after)
    return key


# A name's note in brackets at its end (Pinal County's `Overvotes (CRUZ/VASQUEZ)`, `Total Votes
# Cast (CRUZ/VASQUEZ)`: the counts of one of two contests under one office).
@functools.cache
def _note() -> re.Pattern[str]:
    """Compiled on first use: only for a name that ends in a bracket."""
    return re.compile(r"(.+?)\s*\([^()]*\)\s*")


# The write-in word alone (`Write-ins`, `WRITE-IN`), as `name_key` writes it (`total_words`).
BARE_WRITE_INS: Final[frozenset[str]] = frozenset({"write in", "write ins", "writein", "writeins"})
# Words before a note in brackets that is a person's name (`Write-In (Ann Smith)`: a candidate).
_NAMING: Final[frozenset[str]] = BARE_WRITE_INS | {"write in candidate", "other", "others"}


def without_note(name: str) -> str | None:
    """A name without its note in brackets, where it has one that is no person's name (after
    the write-in word or `Other`, the note names the person: `Write-In (Ann Smith)`)."""
    match = _note().fullmatch(name) if name.endswith(")") else None
    if match is None or _unmarked(name_key(match.group(1))) in _NAMING:
        return None
    return match.group(1)


def _joined(key: str) -> str | None:
    """The kind of a key joined from two or more of the tables' names (FiveThirtyEight's
    `Blank/Void`, `Nulo/En blanco`): theirs where they agree, `invalid` for blank and void ballots
    together (neither in the valid vote), else `other` (no candidate, never leading). None where
    the words do not split so."""
    words = [w for w in key.split(" ") if w not in ("or", "and", "&")]  # (NY's `Blank or Void`)
    # splits[i]: the kinds of a split of the first i words into the tables' names, if any.
    splits: list[tuple[str, ...] | None] = [(), *([None] * len(words))]
    for end in range(1, len(words) + 1):
        for start in range(end):
            head, part = splits[start], _KIND_BY_NAME.get(" ".join(words[start:end]))
            if head is not None and part is not None:
                splits[end] = (*head, part)
                break
    kinds = splits[-1]
    if kinds is None or len(kinds) < 2:
        return None
    if len(set(kinds)) == 1:
        return kinds[0]
    return "invalid" if NOT_VALID_KINDS.issuperset(kinds) else "other"


@lru_cache(maxsize=1 << 14)
def kind_from_name(name: str) -> Kind:
    """The kind an option's name implies when no `kind` column says otherwise (cached: a name
    repeats on every precinct's row); a name of words run together read as its words too, and a
    note in brackets after a name that implies no candidate read aside (`Overvotes (CRUZ/VASQUEZ)`)."""
    kind = _kind_of(name_key(name))
    if kind == "candidate" and (words := camel_key(name)) is not None:
        kind = _kind_of(words)
    noted = without_note(name) if kind == "candidate" else None
    return kind_from_name(noted) if noted else kind


@cache
def _camel() -> re.Pattern[str]:
    """Capitalised words run together (`TimesCounted`, `WriteInVotes`), as headers may be too
    (`columns`' `PartyName`)."""
    return re.compile(r"(?:[A-Z][a-z]+){2,}")


def camel_key(name: str) -> str | None:
    """The key (`name_key`, marks aside) of a name of capitalised words run together, its words
    apart (`TimesCounted`: "times counted"), or None for any other name. The tables' words are
    matched on it only after the name as written: `DeSantis` stays a candidate's name."""
    text = name.strip().strip(_MARKS)
    if not text.isalpha() or text.isupper() or text.islower() or not _camel().fullmatch(text):
        return None  # (most names told at once: a space, one case)
    key = _unmarked(name_key(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)))
    # `TotalVotes` is a total of its unit's options, as the totals stage reads a one-word total
    # (`total_words`), not the `total_votes` count its spaced name is; `ValidVotes`, `VotesCast`
    # are that count, as their spaced names are (they led races as candidates: review).
    return None if key == "total votes" else key


_PLACEHOLDER_KEYS: Final[frozenset[str]] = frozenset(name_key(name) for name in PLACEHOLDERS)


def placeholder(name: str) -> bool:
    """Whether an option's name is a ballot's line where no one stood (`No Candidate Filed`): of
    kind `other`, never a runner-up, and said so in the findings."""
    return _unmarked(name_key(name)) in _PLACEHOLDER_KEYS


@lru_cache(maxsize=1 << 14)
def fact_from_name(name: str) -> str | None:
    """The unit's count a row named like "Registered Voters" or "Ballots Cast" gives (or its words
    run together, `TimesCounted`; a note in brackets after it read aside), or None for an option."""
    fact = _FACT_BY_NAME.get(_unmarked(name_key(name)))
    if fact is None and (words := camel_key(name)) is not None:
        fact = _FACT_BY_NAME.get(words)
    noted = without_note(name) if fact is None else None
    return fact_from_name(noted) if noted else fact


# Every word a key can hold and still imply a kind or a fact (`_kind_of`, `_FACT_BY_NAME`): the
# tables' words, `total` (of "Total Under Votes"), and the numbered write-in's and unassigned
# write-ins' words (`_write_in_line`). A number (`15 - None of the Above`, `WRITE-IN 133`) is any
# word of digits, told apart by `str.isdigit` (which holds every digit `\d` matches).
_KEY_WORDS: Final[frozenset[str]] = frozenset(
    word for key in (*_KIND_BY_NAME, *_FACT_BY_NAME) for word in key.split(" ")
) | frozenset(
    [
        "total",
        "totals",
        "count",
        "counts",
        "number",
        "of",
        "write",
        "writein",
        "writeins",
        "in",
        "ins",
        "not",
        "assigned",
        "unassigned",
        "scattered",
        "scattering",
        "uncertified",
        "unqualified",
        "certified",
        "qualified",
        "non",
        "unresolved",
        "misc",
    ]
)


def plainly_candidate(key: str) -> bool:
    """Whether a name's key (`name_key`, marks aside) holds a word no key that implies a kind or a
    fact holds: then it is a candidate's and gives no fact, told without the tables' look-ups
    (each rule of `_kind_of` matches only keys made of the tables' words, `total` and numbers)."""
    return any(word not in _KEY_WORDS and not word.isdigit() for word in key.split(" "))


def implied_by_key(key: str) -> tuple[Kind, str | None]:
    """What a name's key (`name_key`, marks aside) implies: its kind and, for a candidate, the
    fact it gives, by the tables and rules themselves."""
    kind = _kind_of(key)
    return kind, _FACT_BY_NAME.get(key) if kind == "candidate" else None


@lru_cache(maxsize=1 << 14)
def implied_by_name(name: str) -> tuple[Kind, str | None]:
    """`kind_from_name` and, for a candidate, `fact_from_name`: what the row contract reads from
    a name it has no kind for, in one look-up (a file of 200,000 names misses every cache). A
    name with a word that no such key holds (most people's names) is told a candidate at once."""
    key = _unmarked(name_key(name))
    implied: tuple[Kind, str | None] = ("candidate", None)
    if not plainly_candidate(key):
        implied = implied_by_key(key)
    elif (words := camel_key(name)) is not None and not plainly_candidate(words):
        implied = implied_by_key(words)  # (`TimesCounted`: its words apart)
    noted = without_note(name) if implied == ("candidate", None) else None
    return implied_by_name(noted) if noted else implied  # (`Overvotes (CRUZ/VASQUEZ)`)


# Counts of a unit given as an office that are no race's figure (see the docstring).
# Idaho's precinct files: the voters who registered on election day, an office of their own.
_REGISTRANT_COUNTS: Final[frozenset[str]] = frozenset(
    {"election day registrants", "election day registrations", "same day registrants"}
)
_CARDS: Final = frozenset({"ballots cast blank", "cards cast"})  # ES&S: a ballot may be 2 cards
_UNUSED_COUNTS: Final = _CARDS | _REGISTRANT_COUNTS | REJECTED_COUNTS


# ES&S: `… - DEM PARTY`; Utah's counties by the ballot's medium, `PAPER BALLOTS CAST-TOTAL` and
# `CARDS CAST-BLANK` (Wayne 2022: an unnamed race, "PAPER BALLOTS CAST-TOTAL" leading with 100 %).
@functools.cache
def _named() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(
        r"(?:(?:paper|electronic|machine|mail|absentee|provisional) )?(?:ballots cast|registered "
        r"voters)(?: .+)?|cards cast(?: .+)?"
    )


@lru_cache(maxsize=1 << 10)
def unused_count(name: str) -> bool:
    """Whether a race cell names a unit's count that is no race's figure: the row is left out."""
    key = name_key(name)  # `BALLOTS CAST - BLANK`, `… - REPUBLICAN PARTY` (a part of the unit's)
    return key in _UNUSED_COUNTS or (key not in _FACT_BY_NAME and bool(_named().fullmatch(key)))


def registrant_count(name: str) -> bool:
    """Whether such a count is of the voters who registered on election day (Idaho)."""
    return name_key(name) in _REGISTRANT_COUNTS


@cache
def _no_candidate_parts() -> re.Pattern[str]:
    """Word parts of a line that is no candidate, in a name no table holds ("Write-in (various)",
    "Scattering votes", "Total write-in votes cast"): never a kind by themselves (a write-in
    candidate may be named "Write-in: Ann Ash"), only kept out of the evidence of what a race is."""
    return re.compile(
        r"(?:^| )(?:write ?ins?|scatter(?:ed|ing|ings)?|(?:under|over) ?votes?"
        r"|blank (?:votes?|ballots?)|total|totals)(?: |$)"
    )


@lru_cache(maxsize=1 << 14)
def looks_like_no_candidate(name: str) -> bool:
    """Whether a line may well be no candidate: a kind other than `candidate`, a count of its unit,
    or a name holding a write-in, scattering, under/over votes or total word (marks aside). Which
    candidates stand where tells a race's geography (`read.geography`); such a line stands wherever
    the race was counted, whatever its spelling, so it tells nothing."""
    key = _unmarked(name_key(name))
    return (
        _kind_of(key) != "candidate"
        or key in _FACT_BY_NAME
        or _no_candidate_parts().search(key) is not None
    )


def kind_words() -> dict[str, tuple[str, ...]]:
    """The tables above, for the documentation and its test."""
    return {**_KIND_NAMES, **_FACT_NAMES}


# Offices that hold a precinct's counts, not a race (`Voters`: `Registered` and `Cast` rows).
_COUNT_OFFICES: Final[frozenset[str]] = frozenset(
    {"voters", "turnout", "voter turnout", "registration", "registration and turnout", "ballots"}
    | {"blank ballots cast"}  # Arizona's Pinal County: its option `BALLOTS CAST - BLANK`
)


def counts_office(name: str) -> bool:
    """Whether an office so named holds its unit's counts (registered voters, ballots cast)
    rather than a race: its rows count the unit for every race."""
    return name_key(name) in _COUNT_OFFICES or _named().fullmatch(name_key(name)) is not None


def unit_count(name: str, kinds: Mapping[str, str]) -> bool:
    """Whether a row so named counts its whole unit (registered voters, ballots cast; `kinds`: the
    --kind NAME=FACT overrides by `name_key`), not a race's own figure such as its total votes."""
    override = kinds.get(name_key(name))
    if override is not None:
        return override in ("registered", "ballots_cast")
    return fact_from_name(name) in ("registered", "ballots_cast")


def office_fact(name: str, kinds: Mapping[str, str]) -> str | None:
    """The count of its unit a race cell names in a row of no candidate (an office `Ballots Cast`,
    `Registered Voters`), or None (`kinds`: the --kind NAME=FACT overrides by `name_key`). A count
    of votes so named (`Votes Cast`, `Total Votes`) is of no race but of every race of its unit
    together, one a voter: its ballots cast (OpenElections' Tulare 2020, Jackson 2022, Fayette 2020
    primary, Benton 2018: at or above each race's votes in every precinct)."""
    override = kinds.get(name_key(name))
    if override is not None:
        return override if override in ROW_FACTS else None
    fact = fact_from_name(name)
    return "ballots_cast" if fact == "total_votes" else fact
