"""The column contract: canonical names, their aliases (header words in the languages results are
published in), geography levels, and election facts. Option kinds are in `pollcli.kinds`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Final, Literal, get_args

from pollcli.aliases import ELECTION_FACTS, FACT_ALIASES, GEOGRAPHY, INT_FACTS, ROW_ALIASES
from pollcli.kinds import KINDS, NOT_VALID_KINDS, Kind, fact_from_name, kind_from_name
from pollcli.namekeys import INVISIBLE, JOINERS, option_key, spacing_key

# The option kinds and the words of option names live in `pollcli.kinds`, the keys names are
# compared by in `pollcli.namekeys`, the header words of a row's columns, of facts and of places in
# `pollcli.aliases`; re-exported here, where the rest of the column contract is.
__all__ = [
    "ELECTION_FACTS",
    "FACT_ALIASES",
    "GEOGRAPHY",
    "INT_FACTS",
    "INVISIBLE",
    "JOINERS",
    "KINDS",
    "NOT_VALID_KINDS",
    "ROW_ALIASES",
    "Kind",
    "fact_from_name",
    "kind_from_name",
    "option_key",
    "spacing_key",
]

# Geography words that give way to another of their level.
YIELDING_PLACES: Final[frozenset[str]] = frozenset({"district"})
_LEVEL: Final[dict[str, int]] = {
    word: level for level, words in enumerate(GEOGRAPHY) for word in words
}

# Columns whose cells name the race a row belongs to (issue 12, docs/csv-format.md "Files with many
# races"): each is mapped to `race:<role>`, and every distinct combination of their values is one
# race. `office`, `stage` and `election` are facts that name races too (`pollcli.read.racekeys`).
RACE_PREFIX: Final[str] = "race:"
RACE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "year": ("year", "cycle", "election_year"),
    "district": (
        "district",
        "dist",
        "district_number",
        # Georgia's CEC precinct tables: `district_id` beside a blank `district name`.
        "district_id",
        # The PKW's candidate tables: `Nr okręgu`, the district of an assembly (a Sejmik's).
        "nr_okręgu",
        "congressional_district",
        "legislative_district",
        "cd",
    ),
    "constituency": (
        "constituency",
        "constituency_name",
        "riding",
        "riding_name",
        "electoral_district",
        "electoral_district_name",
        # Canada: the electoral district, `ed_id` and `ed_name`.
        "ed_name",
        "nom_de_circonscription",
        "circonscription",
        # Belgium: federal `circonscription-électorale`, European `collège-électoral`.
        *("circonscription_électorale", "circonscription_electorale"),
        *("collège_électoral", "college_electoral"),
        "wahlkreis",
        "wahlkreisname",
        "pc_name",
        # Australia's AEC: the division (`DivisionID`, `DivisionNm`).
        "divisionnm",
        # Italy's Eligendo abroad: the four overseas constituencies (Europa, America meridionale…).
        "ripartizione",
    ),
    # Codes that identify a race on their own; a race is named by the other key columns.
    "race_id": (
        "race_id",
        "contest_id",
        # DC's `ContestNumber` (a number per contest: the council's four ward races share a name).
        "contest_number",
        "pano",
        "constituency_id",
        "constituency_code",
        "ons_id",
        "electoral_district_number",
        "ed_id",
        "numéro_de_circonscription",
        "wahlkreisnummer",
        "wkr_nr",
        "pc_no",
        "seat_id",
        "divisionid",
    ),
    # Clear Ballot's exports (Colorado's counties: `Contest Title,Choice Name,…`): `contest_title`.
    # Arizona's county exports (Yavapai 2014: `precinctname,contesttitle,candidate_name,…`).
    "race": (
        "race",
        "contest",
        "race_name",
        "contest_name",
        "contest_title",
        "contesttitle",
        "contestname",
        "contest_description",
        "race_title",
        "racename",
        "race_description",
    ),
    # A ballot measure's title or number: each a race of its own answers (`Yes`, `No`), never a
    # place of another's. The BFS's Swiss referendums: `VORLAGE_BEZEICHNUNG` (a row per measure,
    # 631 from 1866 to 2017, once added up into one "NEIN leads with 52.45 %").
    "measure": (
        *("measure", "measure_name", "measure_title", "measure_number", "ballot_measure"),
        *("ballot_question", "ballot_proposition", "question", "proposal", "proposition"),
        *("referendum", "referendum_question", "initiative"),
        # German, French, Italian and Spanish (the Swiss cantons', France's, Italy's, Spain's).
        *("vorlage", "vorlage_bezeichnung", "vorlagen_bezeichnung", "vorlagentitel"),
        *("abstimmungsvorlage", "votation", "objet", "objet_de_la_votation", "objet_du_scrutin"),
        *("quesito", "quesito_referendario", "oggetto_in_votazione", "pregunta"),
    ),
    # Washington's `officeposition`: a position (1, 2) of one district, a measure's number.
    "seat": ("seat", "office_seat_name", "seat_name", "officeposition", "office_position"),
    "stage": ("race_stage",),
    "runoff": ("runoff", "is_runoff"),
    "special": ("special", "is_special"),
    # The round of a ranked-choice count (`read.rounds`: a race's rounds are one race); a bare
    # `round` is the fact of a two-round vote, whose rounds are separate elections.
    "rcv_round": (
        "ranked_choice_round",
        "ranked_choice_voting_round",
        "rcv_round",
        "rcv_round_number",
        "rcv_tabulation_round",
        "tabulation_round",
        "round_of_tabulation",
        "irv_round",
        "instant_runoff_round",
    ),
}
# Columns of a long vote-mode layout (`mode`: election day, absentee, TOTAL…), of candidate ids and of
# fusion tickets.
ROLE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "mode": ("mode", "vote_mode", "voting_method", "vote_type", "votetype"),
    "candidate_id": ("candidate_id", "cand_id", "candidateid"),
    # MEDSL: TRUE on a candidate's rows when they ran on several party lines (fusion voting).
    "fusion_ticket": ("fusion_ticket",),
    # MEDSL: TRUE on write-in rows; one with a blank (or `NA`) name is an unnamed write-in.
    "write_in": ("writein", "write_in", "is_writein"),
    # Yes on each candidate elected (Sutton Coldfield's; FiveThirtyEight's `winner`; Elections
    # Canada's `Elected Candidate Indicator`): `read.elected`.
    "elected": ("elected", "is_elected", "winner", "elected_candidate_indicator"),
    # FiveThirtyEight: true on a candidate who ran unopposed; a blank votes cell there is a vote not
    # held (`read.acclaimed.unopposed`).
    "unopposed": ("unopposed", "is_unopposed"),
    # The level each row counts at (state, county, precinct…): rows of one race at several levels
    # count its votes again, as totals of one another (`read.levels`; OpenElections' WA and AR).
    "level": ("reporting_level", "reportinglevel", "report_level", "aggregation_level"),
    # The AEC's Senate tables: each row's group, by its letter on the ballot (`UG`: ungrouped). No
    # header word: `read.roles` gives the role to a `Ticket` beside `CandidateDetails` only.
    "ticket": (),
}
# A yes in a TRUE/FALSE column (MEDSL's `special` and `fusion_ticket`, FiveThirtyEight's `special`),
# as `read.assemble.option_key` writes the cell.
YES_WORDS: Final[frozenset[str]] = frozenset({"true", "t", "yes", "y", "1", "x"})
# Columns whose cells are election facts rather than an option's figures (race keys, modes, candidate
# ids and fusion tickets are read with them, and set apart by `pollcli.read.racekeys`, `.modes`,
# `.races` and `.assemble`).
FACT_COLUMNS: Final[tuple[str, ...]] = (*ELECTION_FACTS, "total_votes", *ROLE_ALIASES)
# A column named only by `--where COL=VALUE`: read to select rows, used for nothing else.
WHERE_PREFIX: Final[str] = "where:"


# A write-in row the file leaves unnamed (MEDSL: `writein` TRUE, a blank or `NA` candidate cell).
UNNAMED_WRITE_IN: Final[str] = "Write-in"
# The option the rows of a blank name cell are read as where `--kind '=KIND'` (no NAME) says what
# they are (MEDSL's 2020 Maryland: 18,045 votes of no name, `writein` NA).
NO_NAME: Final[str] = "(no name)"


def is_write_in(facts: dict[str, str]) -> bool:
    """Whether the row's write-in cell (MEDSL's `writein`) says yes."""
    return facts.get("write_in", "").strip().lower() in YES_WORDS


def option_in_party_cell(values: dict[str, str]) -> bool:
    """Whether a row of a blank candidate cell is named by its party cell, which names an option
    of no candidate and no party (Michigan's `Write-in`, Iowa's `Blank`): then it is that option.
    A party's name, or a count's ("Ballots Cast"), leaves the row unnamed."""
    party = values.get("party")
    if not party or kind_from_name(party) == "candidate" or fact_from_name(party) is not None:
        return False
    values["candidate"] = values.pop("party")
    return True


@lru_cache(maxsize=256)
def is_fact_cell(column: str) -> bool:
    """Whether a canonical column's cells go with the facts (text) rather than the option's cells."""
    return column in FACT_COLUMNS or column.startswith((RACE_PREFIX, WHERE_PREFIX))


# Facts that describe a region rather than the election when a region column is present:
# they may differ between regions and are summed for the national figure.
REGIONAL_FACTS: Final[frozenset[str]] = frozenset({*INT_FACTS, "total_votes"})
# A fact's name where a sentence counts it ("election 'X' has one number of seats", not "one seats").
_FACT_NOUNS: Final[dict[str, str]] = {"seats": "number of seats"}


def fact_noun(key: str) -> str:
    """A fact's name as a sentence says "one" of it: `seats` is "number of seats"."""
    return _FACT_NOUNS.get(key, key)


STAGES: Final[tuple[str, ...]] = ("official", "preliminary", "exit_poll")
# Stages as publishers write them: Elections Canada's validated results are the official count.
STAGE_SYNONYMS: Final[dict[str, str]] = {"validated": "official", "validés": "official"}


def stage_of(value: str) -> str | None:
    """The stage of the count a cell names (`official`, `Validated`), or None."""
    key = normalize_header(value)
    key = STAGE_SYNONYMS.get(key, key)
    return key if key in STAGES else None


# Electoral systems: two-round majority (a runoff when no one passes --majority), first past the post
# (the leader wins the seat), party lists (seats by a method). A single race defaults to majority.
System = Literal["majority", "plurality", "list"]
SYSTEMS: Final[tuple[str, ...]] = ("majority", "plurality", "list")
# Seat-allocation methods for party lists: largest remainder (hare, droop) and divisors.
Method = Literal["hare", "droop", "dhondt", "sainte-lague", "modified-sainte-lague", "imperiali"]
METHODS: Final[tuple[str, ...]] = get_args(Method)
# What the legal list threshold is a percentage of: valid votes (all valid options, "Against all"
# included), the parties' votes only, or ballots cast.
ThresholdBase = Literal["valid", "parties", "cast"]
THRESHOLD_BASES: Final[tuple[str, ...]] = ("valid", "parties", "cast")
# Where a file of districts takes the legal threshold: each district's votes (Spain's provinces), or
# the country's, the districts summed (Poland's Sejm: 5 % nationwide).
ThresholdScope = Literal["district", "national"]
THRESHOLD_SCOPES: Final[tuple[str, ...]] = ("district", "national")


def is_party_list(system: str | None, seats: int | None) -> bool:
    """A vote for party lists: `system: list`, or seats to fill (more than one) with no system said.
    Its options are lists, and findings say "party" and "list" rather than "candidate"."""
    return system == "list" or (system is None and seats is not None and seats > 1)


SHARE_BASES: Final[tuple[str, ...]] = ("valid", "cast")


INVISIBLE_NOTE: Final[str] = (
    "Invisible characters (zero-width spaces, word joiners, byte-order marks or soft hyphens) were "
    "removed from names: names that differed only by them are one name."
)


def normalize_header(name: str) -> str:
    """`' Vote Share '` → `vote_share`; `CandidateVotes` → `candidatevotes`."""
    text = unicodedata.normalize("NFKC", name).strip().strip("\ufeff").strip().lower()
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {word: "region" for word in _LEVEL}
    for canonical, aliases in (*ROW_ALIASES.items(), *FACT_ALIASES.items(), *ROLE_ALIASES.items()):
        for alias in aliases:
            lookup[alias] = canonical
    for role, aliases in RACE_ALIASES.items():
        for alias in aliases:
            lookup[alias] = RACE_PREFIX + role
    return lookup


HEADER_LOOKUP: Final[dict[str, str]] = _build_lookup()


@cache
def _affixes() -> re.Pattern[str]:
    """Words around a column's word that do not change what it is: `county_name`, `Nom de
    circonscription`, `Libellé du département`, `name of district`. Compiled on first use, as the
    expressions below: a file of known headers never needs them."""
    return re.compile(
        r"^(?:(?:libell[ée]|nom|name)_(?:de_la|de_l|du|de|des|of)_|name_of_)|_(?:name|nom|names)$"
    )


# `% Voix/Ins`, `% Blancs/Vot`: a percentage of the registered voters or of the ballots cast, a
# protocol figure (France's ministry files), not the option's share of the valid vote (`/Exp`).
_OTHER_BASES: Final[frozenset[str]] = frozenset({"ins", "inscrits", "vot", "votants"})
# `Endring % siste tilsvarende valg` (Norway), `Change %`, `% swing`: a change in points since
# another election, not a share.
_CHANGES: Final[frozenset[str]] = frozenset(
    {"endring", "change", "swing", "diff", "difference", "veränderung", "änderung", "förändring"}
)


def canonical_column(header: str) -> str | None:
    """The canonical column a header names, or None."""
    key = normalize_header(header)
    found = _word(key)
    if found is not None:
        return found
    if key.endswith("*") and (found := _word(key.rstrip("*").rstrip("_"))) is not None:
        return found  # `Type of results*`: a footnote's mark
    if "%" in key:
        # "%", "% exprimés", "Votes %", "% Voix/Exp": a percent sign names a share column in any
        # language, unless it is of another base.
        base = normalize_header(header.rsplit("/", 1)[1]) if "/" in header else ""
        if base in _OTHER_BASES or _CHANGES.intersection(key.split("_")):
            return None
        return "share"
    if _camel().fullmatch(header.strip()):
        # `PartyName`, `CandidateName` (Australia's AEC): the words a case change begins.
        found = _word("_".join(w.lower() for w in _camel_word().findall(header)))
        if found is not None:
            return found
    if "/" in header:
        # A bilingual header, `Candidate/Candidat`: either half; none where both halves say they
        # are the French of an English column beside it (`_ENGLISH`).
        if all(normalize_header(half).endswith(_FRENCH) for half in header.split("/")):
            return None
        for half in header.split("/"):
            found = _word(normalize_header(half))
            if found is not None:
                return found
    if " - " in header:
        # Elections Canada's bilingual headers, `Votes obtained - Votes obtenus`, `Surname - Nom
        # de famille`: each half names the same column (`Votes - Absentee` names none).
        said = {_word(normalize_header(half)) for half in header.split(" - ")}
        return said.pop() if len(said) == 1 else None
    return None


@cache
def _camel() -> re.Pattern[str]:
    """A header of capitalised words run together (`PartyName`)."""
    return re.compile(r"(?:[A-Z][a-z]+){2,}")


@cache
def _camel_word() -> re.Pattern[str]:
    """Each word of a `_camel` header."""
    return re.compile(r"[A-Z][a-z]+")


def header_words(header: str) -> list[str]:
    """A header's words, casefolded, split at spaces, underscores and case changes
    (`TotalVoteReceived`, `total_vote_received`: total, vote, received)."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)
    return spaced.casefold().replace("_", " ").replace("-", " ").split()


# Elections Canada's bilingual headers name their language: `Electoral District Name_English/Nom
# de circonscription_Anglais` is the column, `…_French/…_Français` the same names in French (left
# unused: the English column is read). `Candidate’s First Name`: the possessive is no part of it.
_ENGLISH: Final[tuple[str, ...]] = ("_english", "_anglais")
_FRENCH: Final[tuple[str, ...]] = ("_french", "_français", "_francais")


@cache
def _possessive() -> re.Pattern[str]:
    return re.compile(r"[’']s(?=_|$)")


def _word(key: str) -> str | None:
    if key in HEADER_LOOKUP:
        return HEADER_LOOKUP[key]
    plain = _possessive().sub("", key)
    for language in _ENGLISH:
        plain = plain.removesuffix(language)
    if plain != key and plain in HEADER_LOOKUP:
        return HEADER_LOOKUP[plain]
    bare = _affixes().sub("", plain)
    if bare == key and (count := re.sub(r"^(?:#_?|n[or]_of_)", "", key)) != key:
        # A number-of mark before a count's word (the Kiesraad's `# Stemmen`, `# Zetels`, `No.
        # of votes`).
        return HEADER_LOOKUP.get(count) if HEADER_LOOKUP.get(count) in ("votes", "seats") else None
    return HEADER_LOOKUP.get(bare) if bare != key else None


def place_level(header: str) -> int:
    """How fine a geography column is: 0 (state, province), 1 (region, county), 2 (precinct, ward,
    municipality); a column named only `region`-like counts as 1."""
    key = _place_key(header)
    for candidate in (
        key,
        _affixes().sub("", key),
        *(normalize_header(h) for h in header.split("/")),
    ):
        if candidate in _LEVEL:
            return _LEVEL[candidate]
        bare = _affixes().sub("", candidate)
        if bare in _LEVEL:
            return _LEVEL[bare]
    return 1


# Places that each elect a council of their own (a municipality): races keyed by one are not the
# districts of one parliament, and their seats added up are no chamber's (`seats`' majority).
_MUNICIPAL: Final[frozenset[str]] = frozenset(
    {
        *("municipality", "municipio", "nm_municipio", "municipalité", "municipalite"),
        *("commune", "comuna", "comune", "gemeinde", "gemeente", "gmina", "obec", "concelho"),
        *("kommune", "kommunenavn", "kommun", "town", "township", "city", "village", "borough"),
    }
)


def is_municipal(header: str) -> bool:
    """Whether a place column names municipalities (`commune`, `Gemeindename`, `City`)."""
    word = place_word(header)
    return word in _MUNICIPAL or word.removesuffix("name") in _MUNICIPAL


def place_word(header: str) -> str:
    """The geography word a header is (`County Name` → `county`), for the yielding rule."""
    return _affixes().sub("", _place_key(header))


def _place_key(header: str) -> str:
    """A place header's key, a camel-case one's words joined as `canonical_column` reads them:
    South Africa's IEC `VotingDistrict` is `voting_district` (of the unit's level, within its
    `Ward`), not a word of no level (which made it the region and the ward the unit)."""
    if _camel().fullmatch(header.strip()):
        return "_".join(w.lower() for w in _camel_word().findall(header))
    return normalize_header(header)


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


# A party's code or abbreviation (Oregon's SOS `PartyCode`: DEM, REP; the AEC's `PartyAb`): the party
# column of a file with no other (`party_code`); beside a party's name, left unused.
PARTY_CODES: Final[frozenset[str]] = frozenset(
    {"partycode", "party_code", "partyab", "party_ab", "party_abbreviation", "party_abbrev"}
)


def party_code(
    header: Sequence[str], ignored: list[int], found: dict[str, list[int]], notes: list[str]
) -> list[str]:
    """The names of the columns left unused (`ignored`, their indexes): without them a party code
    (`PARTY_CODES`) where no column names the party (`found`, by canonical column), taken for the
    party column (removed from `ignored`, with a note)."""
    codes = [i for i in ignored if normalize_header(header[i]) in PARTY_CODES]
    if "party" not in found and len(codes) == 1:
        ignored.remove(codes[0])
        found["party"] = codes
        notes.append(f"The {header[codes[0]]!r} column names each option's party (by its code).")
    return [header[i] for i in ignored]
