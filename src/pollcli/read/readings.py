"""How well a one-byte encoding reads bytes that do not decode as UTF-8, beyond charset-normalizer's
confidence (`detect.candidates_for`): signs inside words, and a regional code page read as a
language it is not written for.

An R export of Hungary's 2018 results by polling station (`"VESZPRÉM"`, `"BÁCS-KISKUN"`,
`"Abaújszántó"`: bytes of cp1250 or latin-1) was told "the file looks like cp1257 (98 % confidence,
Hungarian) … pass --encoding cp1257": the Baltic code page, which reads every `á` as `į`, named
first on the strength of its words' coherence, ahead of cp1252 and cp1250 at the same confidence.
A regional code page whose reading charset-normalizer names a language of another region is
ranked after the others; the Western ones (cp1252, latin-1…) are written for every language.
"""

from __future__ import annotations

import itertools
import unicodedata
from typing import Final

# Code pages of a region beside the one its files are most often in, asked about after the common
# ones (`detect.COMMON`): without them a Lithuanian file in iso8859-13 was advised cp1252
# (`Auðra Þemaitytë`), a Czech one in DOS's cp852 "latin-1, as they are".
LESS_COMMON: Final[tuple[str, ...]] = (
    "cp852", "mac_latin2", "iso8859_13", "iso8859_4", "iso8859_7", "iso8859_9",
)  # fmt: skip
# The languages (as charset-normalizer names them) each regional code page is written for.
_BALTIC: Final = frozenset({"Lithuanian", "Latvian", "Estonian"})
_CENTRAL: Final = frozenset(
    {"Hungarian", "Polish", "Czech", "Slovak", "Slovene", "Croatian", "Romanian", "Serbian"}
)
_CYRILLIC: Final = frozenset({"Russian", "Bulgarian", "Ukrainian", "Serbian", "Kazakh"})
_WRITTEN_FOR: Final[dict[str, frozenset[str]]] = {
    "cp1257": _BALTIC,
    "iso8859-13": _BALTIC,
    "iso8859-4": _BALTIC,
    "cp1250": _CENTRAL,
    "iso8859-2": _CENTRAL,
    "cp852": _CENTRAL,
    "mac-latin2": _CENTRAL,
    "cp1251": _CYRILLIC,
    "koi8-r": _CYRILLIC,
    "koi8-u": _CYRILLIC,
    "cp866": _CYRILLIC,
    "iso8859-5": _CYRILLIC,
    "mac-cyrillic": _CYRILLIC,
    "cp1253": frozenset({"Greek"}),
    "iso8859-7": frozenset({"Greek"}),
    "cp1254": frozenset({"Turkish"}),
    "iso8859-9": frozenset({"Turkish"}),
    "cp1255": frozenset({"Hebrew"}),
    "cp1256": frozenset({"Arabic", "Farsi"}),
}
# The languages told apart: a reading as any other (or as none) demotes no code page.
_ALL: Final = frozenset().union(*_WRITTEN_FOR.values()) | frozenset(
    {"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish"}
    | {"Swedish", "Norwegian", "Finnish", "Indonesian", "Vietnamese"}
)


def foreign(codec: str, language: str | None) -> bool:
    """Whether a regional code page (`detect.display_name`) reads the bytes as a language it is
    not written for (cp1257 as Hungarian); False for a Western one, or no language named."""
    written_for = _WRITTEN_FOR.get(codec)
    return written_for is not None and language in _ALL and language not in written_for


# The letters beyond ASCII each language of the Latin script is written with (lower case). A
# one-byte reading whose letters no one language holds all of is wrong: iso8859-13's Lithuanian
# `Aušra Žemaitytė` read as cp1252 is `Auðra Þemaitytë` (ð and þ are Icelandic's, ë is not), as
# cp1250 `Auđra Ţemaitytë`; cp1252's French `Hélène` read as cp1250 is `Hélčne`.
_ALPHABETS: Final[dict[str, str]] = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish, Catalan": "áéíñóúüàèïòç",
    "Portuguese": "áâãàçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Dutch": "áéëïóöüèàĳ",
    "Danish, Norwegian, Swedish": "æøåéäö",
    "Finnish": "äöåšž",
    "Icelandic": "áðéíóúýþæö",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Slovene, Croatian, Bosnian, Serbian": "čćđšž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșțşţ",
    "Albanian": "çë",
    "Turkish": "çğıöşüâîû",
    "Azerbaijani": "çəğıöşü",
    "Lithuanian": "ąčęėįšųūž",
    "Latvian": "āčēģīķļņšūž",
    "Estonian": "äõöüšž",
    "Maltese": "ċġħżàèìòù",
    "Irish, Welsh": "áéíóúŵŷâêîôûäëïöü",
    "English": "",
}


def strange_letters(text: str) -> int:
    """How many of the Latin letters beyond ASCII in `text` the language that holds most of them
    does not hold (0 when one language holds them all, or when there are none): more than 0, the
    letters of a wrong one-byte reading (`Auðra Þemaitytë`)."""
    letters = _latin_letters(text)
    if not letters:
        return 0
    return min(len(letters.difference(alphabet)) for alphabet in _ALPHABETS.values())


def writes(language: str | None, text: str) -> bool:
    """Whether `language` (as charset-normalizer names it) may be named for a reading `text`:
    not when it is one of the Latin script whose alphabet lacks some letter beyond ASCII of the
    text (charset-normalizer called a Swiss file of `Müller`, `Hélène`, `Straße` Dutch, another
    Hungarian), nor a language of another script (or none known) read from Latin letters."""
    if not language or language == "Unknown":
        return False
    letters = _latin_letters(text)
    if not letters:
        return True  # (no Latin letter beyond ASCII: Cyrillic, Greek… as charset-normalizer says)
    alphabet = next((a for names, a in _ALPHABETS.items() if language in names.split(", ")), None)
    return alphabet is not None and letters <= set(alphabet)


def _latin_letters(text: str) -> set[str]:
    """The Latin letters beyond ASCII in `text`, lower case."""
    return {
        c
        for c in set(text.lower())
        if not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith("LATIN")
    }


def signs_in_words(text: str) -> int:
    """Non-ASCII characters that are no letter between two letters (`g³osy`, `Rafa³`: cp1252 of
    Polish `głosy`), or before a word's first letter where no text puts one: a sign that is no
    typography (`¶ννα`: cp1253 of iso8859-7's Greek `Άννα`), or a quote before a letter of another
    script than Latin (`’ννα`: iso8859-7 of cp1253's; Dutch writes `’s-Hertogenbosch`). Each is
    a one-byte reading that is wrong."""
    return sum(
        1
        for i in range(len(text) - 1)
        if not text[i].isascii()
        and not text[i].isalpha()
        and text[i + 1].isalpha()
        and (
            (i > 0 and text[i - 1].isalpha())
            or text[i] not in _TEXT_SIGNS
            or (text[i] in _QUOTES and not _latin(text[i + 1]))
        )
    )


_QUOTES: Final[frozenset[str]] = frozenset("’‘‚“”„")


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


# Non-ASCII characters that are not letters but read as text (typography, currency, degrees).
_TEXT_SIGNS: Final[frozenset[str]] = frozenset("\u00a0’‘‚“”„«»‹›–—…•·°±×÷§©®™€£¥¢¿¡´¨¹²³½¼¾º ª№")


def reads_as_words(text: str) -> float:
    """The part of the non-ASCII characters of `text` that read as words: printable, and either a
    letter in a word of one script with no lower-to-upper flip inside it, or a typographic sign.
    Mojibake fails: `Ã©`, `ÃèÉ`, a Cyrillic letter glued to Latin ones, a control character."""
    total = good = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        total += 1
        if not char.isprintable() and char != "\u00a0":
            continue
        if char.isalpha():
            good += _word_ok(text, index)
        elif char in _TEXT_SIGNS:
            good += 1
    return good / total if total else 1.0


def _word_ok(text: str, index: int) -> bool:
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = index
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start:end]
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return False
    return not any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "?"
