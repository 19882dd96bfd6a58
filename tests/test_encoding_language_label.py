"""The language an encoding's advice names beside its confidence is charset-normalizer's guess,
one language per reading: a Swiss file in cp1252 (German and French names, `Müller`, `Hélène`,
`Straßer`) was "cp1252 (100 % confidence, Dutch)" and another "…, Hungarian". A language is named
now only where its alphabet holds every letter beyond ASCII the reading gives; the encodings and
their order are unchanged. Files invented; the oracle is the alphabets of the names written."""

from __future__ import annotations

import re

import pytest

from conftest import invoke

SWISS = (
    ("Zürich", "Hélène Müller"),
    ("Genève", "Jürg Straßer"),
    ("Neuchâtel", "Noël Gerber"),
    ("Fribourg", "Thérèse Brändli"),
    ("Zürich", "Jürg Straßer"),
    ("Genève", "Hélène Müller"),
)
HUNGARIAN = (("Győr", "Kovács Ödön"), ("Pécs", "Szabó Éva"), ("Győr", "Szabó Éva"))


def table(rows) -> str:
    body = "".join(f"{place},{name},{100 + 7 * i}\n" for i, (place, name) in enumerate(rows))
    return "Gemeinde,Kandidat,Stimmen\n" + body


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_file_of_two_languages_names_no_one_language(tmp_path, engine) -> None:
    path = tmp_path / "ch.csv"
    path.write_bytes(table(SWISS).encode("cp1252"))
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code != 0
    assert "pass --encoding cp1252" in result.stderr
    described = re.findall(r"\((\d+ % confidence[^)]*)\)", result.stderr)
    assert described and all(d.endswith("% confidence") for d in described), result.stderr


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_language_whose_letters_all_fit_is_named(tmp_path, engine) -> None:
    path = tmp_path / "hu.csv"
    path.write_bytes(table(HUNGARIAN).encode("cp1250"))
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code != 0
    assert "pass --encoding cp1250" in result.stderr
    # cp1250's reading (`Győr`) is Hungarian; cp1252's (`Gyõr`, with Estonian's õ) is named none.
    assert "cp1250 (100 % confidence, Hungarian)" in result.stderr
    assert re.findall(r"% confidence, (\w+)\)", result.stderr) == ["Hungarian"], result.stderr


def test_writes_by_alphabet() -> None:
    from pollcli.read.readings import writes

    assert writes("German", "Müller Straße")
    assert not writes("Dutch", "Hélène Müller Straßer")
    assert not writes("Hungarian", "Zürich Genève")
    assert writes("Hungarian", "Győr Ödön")
    assert not writes("Russian", "Hélène")  # another script's language for Latin letters
    assert writes("Russian", "Иванов")
    assert not writes(None, "Müller") and not writes("Unknown", "Müller")
