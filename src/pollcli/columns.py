"""The column contract: canonical names, their aliases, option kinds and election facts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Literal

Kind = Literal["candidate", "against_all", "blank", "invalid", "other"]
KINDS: Final[tuple[str, ...]] = ("candidate", "against_all", "blank", "invalid", "other")
# Options that are not part of the valid-vote base.
NOT_VALID_KINDS: Final[frozenset[str]] = frozenset({"blank", "invalid"})

# English names from the contract and MEDSL, and the words commissions print in a few other languages.
ROW_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "candidate": (
        "candidate",
        "name",
        "option",
        "candidate_name",
        "candidat",
        "candidato",
        "kandidat",
        "кандидат",
        "кандидаты",
        "кандидат_ф_и_о",
    ),
    "votes": (
        "votes",
        "candidatevotes",
        "vote_count",
        "count",
        "vote",
        "votes_count",
        "voix",
        "votos",
        "stimmen",
        "голоса",
        "голосов",
        "число_голосов",
        "дауыс",
    ),
    "share": (
        "share",
        "percent",
        "pct",
        "share_pct",
        "vote_share",
        "percentage",
        "vote_pct",
        "pourcentage",
        "porcentaje",
        "prozent",
        "процент",
        "процентов",
        "доля",
    ),
    "party": (
        "party",
        "party_detailed",
        "party_name",
        "nominator",
        "affiliation",
        "parti",
        "partido",
        "partei",
        "партия",
        "выдвинут",
    ),
    "kind": ("kind",),
    # A party's colour for charts (`#1f77b4`); carried through to the results, never computed with.
    "colour": ("colour", "color", "party_colour", "party_color"),
    "region": (
        "region",
        "precinct",
        "district",
        "county",
        "région",
        "circonscription",
        "región",
        "provincia",
        "wahlkreis",
        "bezirk",
        "регион",
        "область",
        "округ",
        "район",
        "участок",
        "облыс",
        "өңір",
    ),
}

INT_FACTS: Final[tuple[str, ...]] = ("registered", "ballots_cast", "invalid", "blank")
ELECTION_FACTS: Final[tuple[str, ...]] = (
    "election",
    "date",
    "country",
    "office",
    "round",
    "stage",
    "source",
    *INT_FACTS,
    "share_base",
    "term_years",
    "previous_term_years",
    "term_limit",
    "system",
    "seats",
    "method",
    "list_threshold",
    "threshold_base",
)
FACT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    **{fact: (fact,) for fact in ELECTION_FACTS},
    "registered": ("registered", "registered_voters", "electorate"),
    "ballots_cast": ("ballots_cast", "ballots", "cast", "turnout_votes"),
    # MIT Election Data + Science Lab exports: all votes cast in the race for the office.
    "total_votes": ("totalvotes", "total_votes"),
}
# Columns whose cells are election facts rather than an option's figures.
FACT_COLUMNS: Final[tuple[str, ...]] = (*ELECTION_FACTS, "total_votes")
# Facts that describe a region rather than the election when a region column is present:
# they may differ between regions and are summed for the national figure.
REGIONAL_FACTS: Final[frozenset[str]] = frozenset({*INT_FACTS, "total_votes"})
STAGES: Final[tuple[str, ...]] = ("official", "preliminary", "exit_poll")
# Electoral systems: two-round majority (a runoff when no one passes --majority), first past the post
# (the leader wins the seat), party lists (seats by a method). A single race defaults to majority.
System = Literal["majority", "plurality", "list"]
SYSTEMS: Final[tuple[str, ...]] = ("majority", "plurality", "list")
# Seat-allocation methods for party lists: largest remainder (hare, droop) and divisors.
Method = Literal["hare", "droop", "dhondt", "sainte-lague", "modified-sainte-lague", "imperiali"]
METHODS: Final[tuple[str, ...]] = (
    "hare",
    "droop",
    "dhondt",
    "sainte-lague",
    "modified-sainte-lague",
    "imperiali",
)
# What the legal list threshold is a percentage of: valid votes (all valid options, "Against all"
# included), the parties' votes only, or ballots cast.
ThresholdBase = Literal["valid", "parties", "cast"]
THRESHOLD_BASES: Final[tuple[str, ...]] = ("valid", "parties", "cast")


def is_party_list(system: str | None, seats: int | None) -> bool:
    """A vote for party lists: `system: list`, or seats to fill (more than one) with no system said.
    Its options are lists, and findings say "party" and "list" rather than "candidate"."""
    return system == "list" or (system is None and seats is not None and seats > 1)


SHARE_BASES: Final[tuple[str, ...]] = ("valid", "cast")


# Characters that print as nothing: removed from every cell (a zero-width space, a word joiner, a
# byte-order mark, a soft hyphen), and the joiners that shape some scripts, ignored only when two
# names are compared. Without this, "Bob" and "Bob" + U+200B would be two options.
INVISIBLE: Final[dict[int, None]] = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
JOINERS: Final[dict[int, None]] = {**INVISIBLE, **dict.fromkeys(map(ord, "\u200c\u200d"))}
INVISIBLE_NOTE: Final[str] = (
    "Invisible characters (zero-width spaces, word joiners, byte-order marks or soft hyphens) were "
    "removed from names: names that differed only by them are one name."
)


def normalize_header(name: str) -> str:
    """`' Vote Share '` → `vote_share`; `CandidateVotes` → `candidatevotes`."""
    text = unicodedata.normalize("NFKC", name).strip().strip("\ufeff").strip().lower()
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for canonical, aliases in (*ROW_ALIASES.items(), *FACT_ALIASES.items()):
        for alias in aliases:
            lookup[alias] = canonical
    return lookup


HEADER_LOOKUP: Final[dict[str, str]] = _build_lookup()


def canonical_column(header: str) -> str | None:
    key = normalize_header(header)
    if key in HEADER_LOOKUP:
        return HEADER_LOOKUP[key]
    # "%", "% exprimés", "Votes %": a percent sign names a share column in any language.
    return "share" if "%" in key else None


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[«»\"'“”„()\[\].,!:;_\-–—]+", " ", text)
    return " ".join(text.split())


_KIND_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "against_all": (
        "against all",
        "against all candidates",
        "vote against all",
        "none of the above",
        "none of these candidates",
        "nota",
        "против всех",
        "против всех кандидатов",
        "барлығына қарсы",
        "барлық кандидаттарға қарсы",
        "проти всіх",
        "супраць усіх",
    ),
    "other": (
        "other",
        "others",
        "other candidates",
        "all others",
        "write-in",
        "write-ins",
        "write ins",
        "scattering",
        "sonstige",
        "andere",
        "autres",
        "divers",
        "otros",
        "прочие",
        "другие",
    ),
    "blank": (
        "blank",
        "blanks",
        "blank ballots",
        "blank votes",
        "blank vote",
        "votos en blanco",
        "en blanco",
        "blancs",
        "bulletins blancs",
        "votes blancs",
        "under votes",
        "undervotes",
    ),
    "invalid": (
        "invalid",
        "invalid ballots",
        "invalid votes",
        "spoiled",
        "spoilt",
        "spoiled ballots",
        "spoilt ballots",
        "rejected",
        "rejected ballots",
        "void",
        "null",
        "nuls",
        "bulletins nuls",
        "votos nulos",
        "over votes",
        "overvotes",
        "недействительные",
        "недействительные бюллетени",
        "недійсні",
        "жарамсыз",
    ),
}
_KIND_BY_NAME: Final[dict[str, str]] = {
    _name_key(name): kind for kind, names in _KIND_NAMES.items() for name in names
}


@lru_cache(maxsize=1 << 14)
def kind_from_name(name: str) -> Kind:
    """The kind an option's name implies when no `kind` column says otherwise (cached: a name
    repeats on every precinct's row)."""
    kind = _KIND_BY_NAME.get(_name_key(name), "candidate")
    return kind  # type: ignore[return-value]


_METHOD_ALIASES: Final[dict[str, str]] = {
    "hare_niemeyer": "hare",
    "hamilton": "hare",
    "jefferson": "dhondt",
    "webster": "sainte-lague",
    "hagenbach_bischoff": "droop",
}


def method_name(text: str) -> str | None:
    """A seat-allocation method as written (`D'Hondt`, `Sainte-Laguë`, `sainte_lague`) → its name
    in METHODS, or None when it is none of them."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = normalize_header(plain.replace("'", "").replace("’", ""))
    key = _METHOD_ALIASES.get(key, key).replace("_", "-")
    return key if key in METHODS else None
