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

from typing import Final

# The languages (as charset-normalizer names them) each regional code page is written for.
_BALTIC: Final = frozenset({"Lithuanian", "Latvian", "Estonian"})
_CENTRAL: Final = frozenset(
    {"Hungarian", "Polish", "Czech", "Slovak", "Slovene", "Croatian", "Romanian", "Serbian"}
)
_CYRILLIC: Final = frozenset({"Russian", "Bulgarian", "Ukrainian", "Serbian", "Kazakh"})
_WRITTEN_FOR: Final[dict[str, frozenset[str]]] = {
    "cp1257": _BALTIC,
    "cp1250": _CENTRAL,
    "iso8859-2": _CENTRAL,
    "cp1251": _CYRILLIC,
    "koi8-r": _CYRILLIC,
    "koi8-u": _CYRILLIC,
    "cp866": _CYRILLIC,
    "iso8859-5": _CYRILLIC,
    "mac-cyrillic": _CYRILLIC,
    "cp1253": frozenset({"Greek"}),
    "cp1254": frozenset({"Turkish"}),
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


def signs_in_words(text: str) -> int:
    """Non-ASCII characters that are no letter between two letters (`g³osy`, `Rafa³`: cp1252 of
    Polish `głosy`): a one-byte reading that is wrong."""
    return sum(
        1
        for i in range(1, len(text) - 1)
        if not text[i].isascii()
        and not text[i].isalpha()
        and text[i - 1].isalpha()
        and text[i + 1].isalpha()
    )
