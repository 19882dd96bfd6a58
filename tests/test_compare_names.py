"""Name matching: normalisation, transliteration, word order, initials, near-namesakes, aliases."""

from __future__ import annotations

import pytest

from pollcli import names
from pollcli.errors import UsageError

TOKAYEV = "Kassym-Jomart Tokayev"


@pytest.mark.parametrize(
    "spelling",
    [
        "Tokayev Kassym-Jomart",
        "KASSYM-JOMART TOKAYEV",
        "Kassym Jomart Tokayev",
        "tokayev, kassym-jomart",
    ],
)
def test_same_key_after_normalising_case_punctuation_and_word_order(spelling):
    assert names.key(spelling) == names.key(TOKAYEV)
    assert names.name_score(spelling, TOKAYEV) == 100.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("People's Party", "Peoples Party"),
        ("Farmers' League", "Farmers League"),
        ("Tok’aev", "Tokaev"),
    ],
)
def test_an_apostrophe_belongs_to_its_word(a, b):
    """Dropped, not a word break: "People's" and "Peoples" are one spelling, not a fuzzy match."""
    assert names.key(a) == names.key(b)


def test_accents_and_cyrillic_are_transliterated_by_anyascii():
    assert names.words("Qaraqat Äbden") == ["qaraqat", "abden"]
    assert names.words("Токаев Касым-Жомарт") == ["tokaev", "kasym", "zhomart"]


@pytest.mark.parametrize(
    ("spelling", "low"),
    [
        ("Kassym-Zhomart Tokaev", 95),  # Latin transliteration variants
        ("Токаев Касым-Жомарт Кемелулы", 90),  # Cyrillic, surname first, with a patronymic
        ("K.-J. Tokayev", 90),  # initials
        ("Tokaev Kassym-Zhomart", 95),  # variant and swapped word order
    ],
)
def test_variants_of_one_person_score_above_the_cutoff(spelling, low):
    score = names.name_score(spelling, TOKAYEV)
    assert low <= score < 100
    assert score >= names.CUTOFF


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qaraqat Äbden", "Karakat Abden"),
        ("Meiram Qajyken", "Meiram Kazhyken"),
        ("Nurlan Äuesbaev", "Nurlan Auesbayev"),
        ("Jiguli Dairabaev", "Zhiguli Dairabayev"),
        ("Loretta L. Sanchez", "Loretta Sanchez"),
    ],
)
def test_romanisation_variants_in_print_match(a, b):
    assert names.name_score(a, b) >= names.CUTOFF


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("David Smith", "John Smith"),  # shared surname, different people
        ("Toleutai Rakhimbekov", "Zhiguli Dairabayev"),  # same party (Auyl), different people
        ("Tokayev", TOKAYEV),  # a bare surname is nobody in particular
        ("J. S.", "John Smith"),  # initials alone
    ],
)
def test_near_namesakes_and_bare_surnames_do_not_match(a, b):
    assert names.name_score(a, b) < names.CUTOFF - names.PARTY_BONUS


def test_party_agreement_lowers_the_cutoff_but_disagreement_never_counts_against():
    assert names.parties_agree("Auyl party", "AUYL Party")
    assert not names.parties_agree("Nur Otan", "People's Coalition (non-party)")
    assert not names.parties_agree(None, "Nur Otan")
    assert names.required_score(True) == names.CUTOFF - names.PARTY_BONUS
    assert names.required_score(False) == names.CUTOFF


def test_parse_alias_and_alias_file():
    alias = names.parse_alias(" Kassym-Zhomart Tokaev = Kassym-Jomart Tokayev ")
    assert alias == names.Alias("Kassym-Zhomart Tokaev", TOKAYEV)
    lines = ["# spellings seen in wire copy", "", "Tokaev=Kassym-Jomart Tokayev"]
    assert names.parse_alias_lines(lines, "a.txt") == [names.Alias("Tokaev", TOKAYEV)]
    mapping = names.alias_map([alias])
    assert names.resolve("kassym-zhomart TOKAEV", mapping) == (names.key(TOKAYEV), True)
    assert names.resolve(TOKAYEV, mapping) == (names.key(TOKAYEV), False)


@pytest.mark.parametrize("text", ["no equals sign", "=New", "Old=", "Old=--"])
def test_malformed_alias_is_a_usage_error(text):
    with pytest.raises(UsageError):
        names.parse_alias(text)


def test_alias_file_error_names_the_line():
    with pytest.raises(UsageError, match=r"a\.txt:2:"):
        names.parse_alias_lines(["A=B", "oops"], "a.txt")


def test_conflicting_aliases_are_a_usage_error():
    with pytest.raises(UsageError, match="twice"):
        names.alias_map([names.Alias("A B", "C D"), names.Alias("b a", "E F")])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Ivanov", "Sergei Ivanova"),
        ("Alexander Lukashenko", "Alexandra Lukashenko"),
        ("Daniya Yespayeva", "Daniya Yespayev"),
        ("Pyotr Zhelezny", "Pyotr Zheleznaya"),
    ],
)
def test_masculine_and_feminine_forms_are_different_people(a, b):
    assert names.name_score(a, b) == 0.0
