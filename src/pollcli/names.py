"""One person's name across spellings: normalisation first, then a word-by-word fuzzy score.

The rules, which docs/compare.md repeats for users:

1. **Normalised key.** NFKC, then transliteration to ASCII with `anyascii` (Cyrillic, Kazakh letters,
   accents: "Токаев" → "tokaev", "Äbden" → "abden"), casefold; punctuation and hyphens become spaces, and the
   words are sorted. Two names with the same key are the same name (score 100): "Tokayev Kassym-Jomart",
   "KASSYM-JOMART TOKAYEV" and "Kassym Jomart Tokayev" all match "Kassym-Jomart Tokayev". Not two names
   written in one script other than Latin that differ there, marks and case aside (`apart_in_script`):
   transliteration writes different letters alike (Hebrew ץ, צ and אצ are all `ts`), so they score 0.
2. **Fuzzy score** (0–100), for names whose keys differ. The words of the two names are aligned one to one,
   best pairs first, whatever their order. A pair of words scores rapidfuzz's `fuzz.ratio`, computed both on
   the words and on their *folded* forms, where common romanisation alternatives coincide (zh/j, kh/h, q/k,
   y/i, doubled letters: "Zhomart"/"Jomart", "Qajyken"/"Kazhyken"), keeping the higher. An initial ("J.")
   scores 90 against a word that starts with its letter. Two words of one script other than Latin, one of
   three letters or fewer there, score at most their own letters' ratio (`SHORT_NATIVE`). The name's score is the mean over the words of the
   shorter name, minus 4 points for each extra word of the longer one (a patronymic such as "Kemeluly", a
   middle name or initial).
3. **Vetoes**, which give 0 whatever the mean: a word of the shorter name whose best partner scores below
   80 — so a shared surname is never enough ("David Smith" is not "John Smith"); a one-word name against a
   longer one ("Smith" is nobody in particular); a name made only of initials (either one, when both
   have as many words); and two words that
   differ only by a masculine and a feminine ending ("Ivanov"/"Ivanova", "Alexander"/"Alexandra",
   "Kosanuly"/"Kosankyzy"): in Slavic and Kazakh names that is another person, not another spelling.
4. **Tickets.** A ticket ("Joseph R. Biden / Kamala D. Harris": two or more names joined by "/", "&" or
   "and") scores its head, the first name, alone (`person_score`): the ticket is its head's, a running
   mate is never taken for the ticket ("Kamala D. Harris" is not "Biden / Harris"), and two tickets of
   one head are one option ("Donald J. Trump / Michael R. Pence" is "Donald J. Trump / J. D. Vance").
5. **Cutoff.** A fuzzy match needs a score of at least 88 (`CUTOFF`), or 83 when both options name the same
   party (`PARTY_BONUS` = 5: party agreement is counted in, a party change never counts against).
6. **One to one.** Within an election, each option joins at most one row and each row takes at most one
   option, best scores first. When a name scores within 3 points (`AMBIGUITY_MARGIN`) of two partners, it is
   left unmatched and reported, rather than guessed.

Explicit aliases (`OLD=NEW`) are applied before all of this: an option named OLD is treated as NEW.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pollcli.errors import UsageError
from pollcli.namekeys import party_name

CUTOFF: Final[float] = 88.0
PARTY_BONUS: Final[float] = 5.0
WORD_FLOOR: Final[float] = 80.0
INITIAL_SCORE: Final[float] = 90.0
EXTRA_WORD_PENALTY: Final[float] = 4.0
AMBIGUITY_MARGIN: Final[float] = 3.0
# A word of this many letters or fewer in a script other than Latin is scored on its own letters
# against another of that script (`_short_in_script`): a ballot code, an abbreviation.
SHORT_NATIVE: Final[int] = 3
PARTY_AGREEMENT: Final[float] = 90.0

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Romanisations of Kazakh and Russian names differ in these spellings; folding makes them coincide.
_FOLDS: Final[tuple[tuple[str, str], ...]] = (
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("q", "k"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")
# Masculine and feminine endings of one stem: Ivanov/Ivanova, Alexander/Alexandra, -sky/-skaya, -uly/-kyzy.
_GENDERED_ENDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("", "a"),
    ("er", "ra"),
    ("sky", "skaya"),
    ("skiy", "skaya"),
    ("ski", "ska"),
    ("iy", "aya"),
    ("yi", "aya"),
    ("y", "aya"),
    ("oy", "aya"),
    ("ovich", "ovna"),
    ("evich", "evna"),
    ("uly", "kyzy"),
    ("ulu", "kyzy"),
)


def words(name: str) -> list[str]:
    """The name's words in order: transliterated to ASCII, casefolded, apostrophes dropped, other
    punctuation and hyphens splitting words."""
    return list(_words(name))


@functools.lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    # Cached: a comparison of many names scores each against several others.
    from anyascii import anyascii

    text: str = anyascii(unicodedata.normalize("NFKC", name)).casefold()
    # An apostrophe is part of its word ("People's" is "peoples", "Tok'aev" is "tokaev"), where
    # other punctuation separates words. anyascii writes the Uzbek and Arabic-transcription marks
    # ʻ and ʿ as a backtick, which is one too.
    return tuple(w for w in _NON_WORD.split(text.replace("'", "").replace("`", "")) if w)


def plain_key(name: str) -> str:
    """A party's or district's name as compared where names are labels, not people's: case and runs
    of spaces do not matter ("Labour", "LABOUR ", "labour" are one party)."""
    return " ".join(name.casefold().split())


def key(name: str) -> str:
    """Equal for spellings that differ only in case, accents, script, punctuation or word order."""
    return " ".join(sorted(words(name)))


@functools.lru_cache(maxsize=1 << 16)
def native_words(name: str) -> tuple[str, tuple[str, ...]] | None:
    """A name written in one script other than Latin (Hebrew, Arabic, Cyrillic, Greek, CJK…): that
    script and the name's words in it, in order — marks dropped (niqqud, harakat, accents, the breve
    of й), case folded, punctuation splitting words; None for a Latin, mixed or letterless name."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    scripts = {_script(c) for c in text if c.isalpha()}
    if len(scripts) != 1 or "LATIN" in scripts:
        return None
    return scripts.pop(), tuple(w for w in _NATIVE_NON_WORD.split(text) if w)


_NATIVE_NON_WORD = re.compile(r"[\W_]+")


def _script(char: str) -> str:
    """A letter's script, the first word of its Unicode name (Japanese kana counted as CJK)."""
    script = unicodedata.name(char, "?").split(" ", 1)[0]
    return "CJK" if script.startswith(("HIRAGANA", "KATAKANA")) else script


def same_script(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of two names written in one script other than Latin, in it; None otherwise."""
    if a.isascii() or b.isascii():
        return None  # (most names: said at once, for every pair a file's races compare)
    first, second = native_words(a), native_words(b)
    if first is None or second is None or first[0] != second[0]:
        return None
    return first[1], second[1]


def apart_in_script(a: str, b: str) -> bool:
    """Two names written in one script other than Latin whose letters differ there: another name,
    whatever their transliterations (rule 2: Hebrew ץ, צ and אצ are all `ts`, כ and ך `kh`)."""
    both = same_script(a, b)
    return both is not None and sorted(both[0]) != sorted(both[1])


def party_key(party: str) -> str:
    """A party's `key` as `compare` matches parties: the big US parties' usual spellings are one
    party (`REP`, `Rep`, `Republican`: West Virginia's files write `Republican` in 2016 and `REP`
    in 2020), as within a file (`namekeys.party_key`)."""
    return key(party_name(party) or party)


def fold(word: str) -> str:
    for spelling, folded in _FOLDS:
        word = word.replace(spelling, folded)
    return _DOUBLED.sub(r"\1", word)


def word_score(a: str, b: str) -> float:
    """How alike two words are, 0–100; an initial against a word with its first letter scores 90."""
    from rapidfuzz import fuzz

    if a == b:
        return 100.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SCORE if a[0] == b[0] else 0.0
    return float(max(fuzz.ratio(a, b), fuzz.ratio(fold(a), fold(b))))


def gendered_pair(a: str, b: str) -> bool:
    """The two words are one stem with a masculine and a feminine ending."""
    for masculine, feminine in _GENDERED_ENDINGS:
        for he, she in ((a, b), (b, a)):
            if (
                he.endswith(masculine)
                and she.endswith(feminine)
                and len(he) > len(masculine) + 2
                and he[: len(he) - len(masculine)] == she[: len(she) - len(feminine)]
            ):
                return True
    return False


def name_score(a: str, b: str) -> float:
    """How likely two names denote one person, 0–100 (100: same normalised key). See the module rules."""
    first, second = words(a), words(b)
    if not first or not second:
        return 0.0
    if sorted(first) == sorted(second):
        return 0.0 if apart_in_script(a, b) else 100.0
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    if len(short) == 1 and len(long) > 1:
        return 0.0
    if all(len(w) == 1 for w in short) or all(len(w) == 1 for w in long):
        return 0.0  # (either name, when they have as many words: `R` is not `Rz`)
    pairs = sorted(
        ((word_score(s, w), i, j) for i, s in enumerate(short) for j, w in enumerate(long)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    if (both := same_script(a, b)) is not None:
        pairs = _short_in_script(pairs, both if short is first else (both[1], both[0]), short, long)
    used_short: set[int] = set()
    used_long: set[int] = set()
    total = 0.0
    for score, i, j in pairs:
        if i in used_short or j in used_long:
            continue
        if score < WORD_FLOOR or gendered_pair(short[i], long[j]):
            return 0.0
        used_short.add(i)
        used_long.add(j)
        total += score
    return max(0.0, total / len(short) - EXTRA_WORD_PENALTY * (len(long) - len(short)))


def _short_in_script(
    pairs: list[tuple[float, int, int]],
    native: tuple[tuple[str, ...], tuple[str, ...]],
    short: list[str],
    long: list[str],
) -> list[tuple[float, int, int]]:
    """The word pairs' scores with a pair of two words of one script, one of them `SHORT_NATIVE`
    letters or fewer there and the two different, scored on those letters: transliterated and
    folded they may coincide (כך is `khkh`, ך `kh`: both fold to `h`). Words the transliteration
    splits otherwise are left as scored."""
    from rapidfuzz import fuzz

    mine, theirs = native
    if len(mine) != len(short) or len(theirs) != len(long):
        return pairs
    scored = []
    for score, i, j in pairs:
        a, b = mine[i], theirs[j]
        if a != b and min(len(a), len(b)) <= SHORT_NATIVE:
            score = min(score, float(fuzz.ratio(a, b)))
        scored.append((score, i, j))
    return sorted(scored, key=lambda p: (-p[0], p[1], p[2]))


# Between the names of a ticket: a slash or an ampersand, or the word "and" (with spaces around it).
_TICKET_JOINS = re.compile(r"\s*[/&]\s*|\s+and\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def ticket_head(name: str) -> str | None:
    """The first name of a ticket — two or more names of at least two words each, joined by "/",
    "&" or "and" ("Joseph R. Biden / Kamala D. Harris" → "Joseph R. Biden") — or None for one name.
    Cached: fuzzy matching asks it of each name against each partner it may match."""
    parts = _TICKET_JOINS.split(name.strip())
    if len(parts) < 2 or any(len(words(part)) < 2 for part in parts):
        return None
    return parts[0]


def person_score(a: str, b: str) -> float:
    """`name_score`, except that a ticket scores its head alone (rule 4): the running mate's name
    never makes a match ("Kamala D. Harris" is not "Biden / Harris"), nor keeps two tickets of one
    head apart ("Trump / Pence" is "Trump / Vance": the ticket is its head's)."""
    return name_score(person(a), person(b))


def person(name: str) -> str:
    """The person an option names: a ticket's head, else the name itself."""
    return ticket_head(name) or name


def fuzzy_candidates(left: Sequence[str], right: Sequence[str]) -> set[tuple[int, int]]:
    """The pairs (i, j) for which `name_score(left[i], right[j])` may be above 0: every other pair
    scores 0, so a matcher scores only these. Far fewer than all pairs, found without scoring them.

    Why no pair is missed: a score above 0 needs every word of the shorter name (the left one when
    both have as many words) to have a partner in the other name scoring at least `WORD_FLOOR` (rule
    3). So the shorter name's rarest word has such a partner. Word pairs of at least `WORD_FLOOR`
    are found by rapidfuzz's `cdist` with that cutoff, on the words and on their folded forms (the
    two spellings `word_score` tries), and an initial pairs with every word of its letter.
    """
    left_words = [_words(name) for name in left]
    right_words = [_words(name) for name in right]
    left_with = _postings(left_words)
    right_with = _postings(right_words)
    similar = _similar_words(sorted(left_with), sorted(right_with))
    similar_to: dict[str, set[str]] = {}
    for word, partners in similar.items():
        for partner in partners:
            similar_to.setdefault(partner, set()).add(word)
    # How many names a word's partners appear in: the rarest word narrows the search most.
    left_cost = {w: sum(len(right_with[p]) for p in similar.get(w, ())) for w in left_with}
    right_cost = {w: sum(len(left_with[p]) for p in similar_to.get(w, ())) for w in right_with}
    left_sets = [frozenset(own) for own in left_words]
    right_sets = [frozenset(own) for own in right_words]
    pairs: set[tuple[int, int]] = set()
    for i, own in enumerate(left_words):  # left no longer than right: all its words have partners
        if not own:
            continue
        rarest = min(own, key=lambda w: (left_cost[w], w))
        for j in {j for partner in similar.get(rarest, ()) for j in right_with[partner]}:
            if len(right_words[j]) >= len(own) and all(
                not similar.get(w, _NONE).isdisjoint(right_sets[j]) for w in left_sets[i]
            ):
                pairs.add((i, j))
    for j, own in enumerate(right_words):  # right shorter than left: all its words have partners
        if not own:
            continue
        rarest = min(own, key=lambda w: (right_cost[w], w))
        for i in {i for partner in similar_to.get(rarest, ()) for i in left_with[partner]}:
            if len(left_words[i]) > len(own) and all(
                not similar_to.get(w, _NONE).isdisjoint(left_sets[i]) for w in right_sets[j]
            ):
                pairs.add((i, j))
    return pairs


_NONE: Final[frozenset[str]] = frozenset()


def _postings(names: list[tuple[str, ...]]) -> dict[str, list[int]]:
    """Word → the indexes of the names that have it."""
    found: dict[str, list[int]] = {}
    for index, own in enumerate(names):
        for word in dict.fromkeys(own):
            found.setdefault(word, []).append(index)
    return found


# Rows of left words compared at once: the score matrix of one chunk stays near 16 MB.
_CHUNK_CELLS: Final[int] = 16 << 20


def _similar_words(left: list[str], right: list[str]) -> dict[str, set[str]]:
    """Each left word → the right words it may score at least `WORD_FLOOR` with (`word_score`)."""
    found: dict[str, set[str]] = {}
    by_letter: dict[str, list[str]] = {}
    for word in right:
        by_letter.setdefault(word[0], []).append(word)
    for word in left:  # an initial scores INITIAL_SCORE with any word of its letter
        if len(word) == 1:
            found.setdefault(word, set()).update(by_letter.get(word, ()))
    left_by_letter: dict[str, list[str]] = {}
    for word in left:
        left_by_letter.setdefault(word[0], []).append(word)
    for word in right:
        if len(word) == 1:
            for partner in left_by_letter.get(word, ()):
                found.setdefault(partner, set()).add(word)
    long_left = [w for w in left if len(w) > 1]
    long_right = [w for w in right if len(w) > 1]
    for form in (None, fold):
        _pairs_at_least(long_left, long_right, form, found)
    return found


def _pairs_at_least(
    left: list[str], right: list[str], form: Callable[[str], str] | None, found: dict[str, set[str]]
) -> None:
    """Add to `found` the pairs whose `fuzz.ratio` (of their `form`) may reach `WORD_FLOOR`."""
    if not left or not right:
        return
    import numpy as np
    from rapidfuzz import fuzz, process

    def grouped(words: list[str]) -> dict[str, list[str]]:
        forms: dict[str, list[str]] = {}
        for word in words:
            forms.setdefault(form(word) if form else word, []).append(word)
        return forms

    left_forms, right_forms = grouped(left), grouped(right)
    queries, choices = list(left_forms), list(right_forms)
    step = max(1, _CHUNK_CELLS // len(choices))
    for start in range(0, len(queries), step):
        # A point below the floor, so that no rounding of the score can drop a pair.
        scores = process.cdist(
            queries[start : start + step],
            choices,
            scorer=fuzz.ratio,
            score_cutoff=WORD_FLOOR - 1,
            dtype=np.uint8,
            workers=-1,
        )
        rows, columns = np.nonzero(scores)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            partners = right_forms[choices[column]]
            for word in left_forms[queries[start + row]]:
                found.setdefault(word, set()).update(partners)


def parties_agree(a: str | None, b: str | None) -> bool:
    """Both options name a party, and it is the same party in any spelling."""
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    first, second = key(a), key(b)
    return bool(first) and (first == second or fuzz.ratio(first, second) >= PARTY_AGREEMENT)


def required_score(party_agreement: bool) -> float:
    return CUTOFF - PARTY_BONUS if party_agreement else CUTOFF


@dataclass(frozen=True)
class Alias:
    """`OLD=NEW`: an option spelt OLD is the option spelt NEW."""

    old: str
    new: str


def parse_alias(text: str) -> Alias:
    old, sep, new = text.partition("=")
    old, new = old.strip(), new.strip()
    if not sep or not old or not new:
        raise UsageError(
            f"alias {text!r} is not of the form OLD=NEW, e.g. --alias 'Kassym-Zhomart Tokaev=Kassym-Jomart Tokayev'"
        )
    if not words(old) or not words(new):
        raise UsageError(f"alias {text!r}: a name needs at least one letter or digit")
    return Alias(old, new)


def parse_alias_lines(lines: Iterable[str], source: str) -> list[Alias]:
    """An aliases file: one `OLD=NEW` per line; blank lines and lines starting with `#` are skipped."""
    aliases = []
    for number, line in enumerate(lines, start=1):
        text = line.strip().lstrip("\ufeff").strip()
        if not text or text.startswith("#"):
            continue
        try:
            aliases.append(parse_alias(text))
        except UsageError as exc:
            raise UsageError(f"{source}:{number}: {exc}") from None
    return aliases


def alias_map(aliases: Iterable[Alias]) -> dict[str, str]:
    """Normalised key of OLD → NEW; an OLD given twice with different NEWs is a usage error."""
    mapping: dict[str, str] = {}
    for alias in aliases:
        old = key(alias.old)
        if old in mapping and key(mapping[old]) != key(alias.new):
            raise UsageError(
                f"alias {alias.old!r} is given twice, as {mapping[old]!r} and {alias.new!r}; keep one"
            )
        mapping[old] = alias.new
    return mapping


def resolve(name: str, aliases: Mapping[str, str]) -> tuple[str, bool]:
    """The key a name is matched by, and whether an alias supplied it."""
    own = key(name)
    if own in aliases:
        return key(aliases[own]), True
    return own, False
