"""The keys names are compared by: an option's (`option_key`: case, spacing and punctuation
aside) and a race key's or a region's (`spacing_key`: case and spacing aside), and the invisible
characters removed from every cell."""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

# Characters that print as nothing: removed from every cell (a zero-width space, a word joiner, a
# byte-order mark, a soft hyphen), and the joiners that shape some scripts, ignored only when two
# names are compared. Without this, "Bob" and "Bob" + U+200B would be two options.
INVISIBLE: Final[dict[int, None]] = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
JOINERS: Final[dict[int, None]] = {**INVISIBLE, **dict.fromkeys(map(ord, "\u200c\u200d"))}


# Marks that are no letter of a name: ASCII punctuation and the accents typed as apostrophes (`
# and ^; "O`Brien"), left out by `option_key`. (+, $, <, =, >, | and ~ are kept.)
_MARKS: Final[bytes] = b"!\"#%&'()*,-./:;?@[\\]^_`{}"
# What `str.split` splits ASCII text at, and the marks: left out of an ASCII name's key.
_LEFT_OUT: Final[bytes] = _MARKS + bytes(c for c in range(128) if chr(c).isspace())
_LOWER: Final[bytes] = bytes.maketrans(
    string.ascii_uppercase.encode(), string.ascii_lowercase.encode()
)
# Digits either side of spaces or marks ("1-2", "1 2"): kept apart in a key.
_DIGIT_GAP: Final[re.Pattern[bytes]] = re.compile(rb"\d[" + re.escape(_LEFT_OUT) + rb"]+\d")
_AS_SPACE: Final[dict[int, str]] = dict.fromkeys(_MARKS, " ")


def _is_mark(char: str) -> bool:
    """Unicode punctuation (dashes, quotes, ’) and the ASCII marks of `_MARKS`."""
    return unicodedata.category(char)[0] == "P" or ord(char) in _AS_SPACE


@lru_cache(maxsize=1 << 16)
def option_key(name: str) -> str:
    """Two spellings of one option within a file: same letters and digits, any case, spacing or
    punctuation — "E. CULVER KIDD" and "E.CULVER KIDD" (Georgia's 2012 file, a county each),
    "O'Brien" and "OBrien". Digits either side of a space or a mark stay apart ("1-2" is not
    "12"); a name of marks alone keeps them ("-" is not "*"). Cached: a name repeats on every
    precinct's row; a name of 1M distinct ones takes one C pass over its bytes when ASCII."""
    if name.isascii():
        raw = name.encode()
        key = raw.translate(_LOWER, _LEFT_OUT)
        if key and _DIGIT_GAP.search(raw) is None:
            return key.decode()
        words = name.translate(_AS_SPACE).casefold().split()
        if not words:
            return " ".join(name.split())
    else:
        text = unicodedata.normalize("NFKC", name.translate(JOINERS)).casefold()
        words = "".join(" " if _is_mark(c) else c for c in text).split()
        if not words:
            return " ".join(text.split())
    joined = words[0]
    for word in words[1:]:
        joined += " " + word if joined[-1].isdigit() and word[0].isdigit() else word
    return joined


# The names of a list looked up in `option_key`'s cache before `option_keys` decides whether to.
_PROBED_NAMES: Final[int] = 16


def option_keys(names: Sequence[str], *, probe: bool = True) -> list[str]:
    """Each name's `option_key` (a race's names): through its shared cache when most of the
    list's first names were met before (the same party lists in 10,000 races, a precinct file's
    few names); otherwise each distinct name worked out once, beside the cache. 10,000 races of
    200,000 names that come back only in other races missed it two times in three, each miss
    evicting a name that does come back (0.6 s a million names, against 0.3 s worked out); and
    where the names are ASCII (most), all at once (`_ascii_keys`: a third of the time). Not
    `probe`: the caller knows the names are mostly new (a file of as many names as rows, such a
    file's 10,000 probes all missed: `read.plainraces`), and they are worked out at once."""
    probed = names[:_PROBED_NAMES] if probe else names[:0]
    before = option_key.cache_info().hits
    keys = [option_key(name) for name in probed]
    if (option_key.cache_info().hits - before) * 2 > len(probed):
        keys += map(option_key, names[len(probed) :])
        return keys
    if (ascii_keys := _ascii_keys(names[len(probed) :])) is not None:
        return keys + ascii_keys
    work = option_key.__wrapped__
    known: dict[str, str] = {}
    for name in names[len(probed) :]:
        key = known.get(name)
        if key is None:
            key = known[name] = work(name)
        keys.append(key)
    return keys


def _ascii_keys(names: Sequence[str]) -> list[str] | None:
    """Each name's `option_key` by one translation of all of them joined (NUL between them), where
    each would be its bytes' translation alone: every name ASCII, none holding NUL, none with
    digits either side of a space or a mark (no match spans the NUL, which is neither), none of
    marks alone (an empty key). None otherwise: then name by name."""
    joined = "\x00".join(names)
    if not joined.isascii() or joined.count("\x00") != len(names) - 1:
        return None
    raw = joined.encode()
    if _DIGIT_GAP.search(raw) is not None:
        return None
    keys = raw.translate(_LOWER, _LEFT_OUT).decode().split("\x00")
    return None if "" in keys else keys


@lru_cache(maxsize=1 << 16)
def spacing_key(text: str) -> str:
    """Two spellings of one race key, region or fact: same characters, any case or spacing. Race
    keys are told apart without their stops and dashes too (`stops_key`)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join(unicodedata.normalize("NFKC", text.translate(JOINERS)).casefold().split())


# Quotes, brackets, dashes and stops, each read as a space (spacing is collapsed after).
_APART: Final[dict[int, str]] = str.maketrans(dict.fromkeys("«»\"'“”„()[].,!:;_-–—/", " "))


def stops_key(text: str) -> str:
    """A race key's `spacing_key` with its quotes, brackets, stops and dashes read as spaces:
    `5th Middlesex.` and `5th-Middlesex` are `5th Middlesex` (Massachusetts' districts, written
    each way in some rows, were races of their own, each won); "1-2" is still no "12". A key of
    punctuation alone (`-`) is kept as written."""
    folded = " ".join(text.translate(_APART).split())
    return folded if folded or not text else text


# The same for ASCII text as bytes: `bytes.translate` reads a table, `str.translate` a mapping.
_APART_ASCII: Final[bytes] = bytes.maketrans(
    bytes(c for c in _APART if c < 128), b" " * sum(c < 128 for c in _APART)
)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name as the word tables match it: case, quotes, brackets, dashes and spacing aside."""
    if name.isascii():
        # NFKC leaves ASCII as it is, and its case folding is `lower`: a file of 200,000 names
        # reads each as bytes (0.3 µs a name rather than 0.8).
        return " ".join(name.encode().lower().translate(_APART_ASCII).decode().split())
    text = unicodedata.normalize("NFKC", name)
    return " ".join(text.casefold().translate(_APART).split())


def name_keys(names: Sequence[str]) -> list[str]:
    """Each name's `name_key`, beside its cache (a block's 100,000 new names would only evict
    names that come back): the ASCII names (most) by one translation of all of them joined, a
    line feed between them (a name holding one, or any other name, keyed alone)."""
    plain = names if "".join(names).isascii() else [name for name in names if name.isascii()]
    if len(plain) < len(names):
        keyed = iter(name_keys(plain))
        work = name_key.__wrapped__
        return [next(keyed) if name.isascii() else work(name) for name in names]
    joined = "\n".join(plain)
    if joined.count("\n") != len(plain) - 1:
        return list(map(name_key.__wrapped__, plain))
    parts = joined.encode().lower().translate(_APART_ASCII).decode().split("\n")
    return list(map(" ".join, map(str.split, parts)))


# "Democratic primary", as US parties are written in results files.
PARTY_ADJECTIVES: Final[dict[str, str]] = {
    "d": "Democratic",
    "dem": "Democratic",
    "democrat": "Democratic",
    "democratic": "Democratic",
    "r": "Republican",
    "rep": "Republican",
    "republican": "Republican",
    "gop": "Republican",
    "lib": "Libertarian",
    "lbt": "Libertarian",
    "libertarian": "Libertarian",
    "grn": "Green",
    "green": "Green",
}
# Of these, the spellings that are one party wherever they meet in a file, as `party_key` reads
# them: not `Lib`, which is the Liberal Party beside the Libertarian one in British and (until
# 2002) New York results.
_ONE_PARTY: Final[frozenset[str]] = frozenset(PARTY_ADJECTIVES) - {"lib"}


def party_key(party: str) -> str:
    """Two spellings of one party: the `option_key`s of its names, and the ways US results files
    write the big parties (`R`, `Rep`, `Republican`, `GOP`; `D`, `Dem`: Connecticut's 2000 town
    file writes `D` in some towns and `Dem` in others) are one."""
    key = option_key(party)
    return option_key(PARTY_ADJECTIVES[key]) if key in _ONE_PARTY else key


def party_name(party: str) -> str | None:
    """The party one of the big US parties' usual spellings names (`REP`, `Rep`, `GOP`:
    "Republican"), as `party_key` reads them; None for any other name."""
    key = option_key(party)
    return PARTY_ADJECTIVES[key] if key in _ONE_PARTY else None


# A write-in candidate's party cell (New Mexico's 2000 and 2002 primaries: `Write-In (DEM)`).
@functools.cache
def _write_in_party() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(
        r"\s*write[- ]?ins?\s*[(\[]\s*(?P<party>[^()\[\]]*?\w)\s*[)\]]\s*", re.IGNORECASE
    )


def written_in_party(party: str) -> str:
    """The party a write-in candidate's party cell names (`Write-In (DEM)`: `DEM`; a party
    primary's race is that party's), or the cell as written."""
    written_in = _write_in_party().fullmatch(party)
    return party if written_in is None else written_in["party"]
