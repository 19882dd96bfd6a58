"""`compare` and names of one script other than Latin (`names.same_script`, docs/compare.md rules 2-4).

Israel's CEC tables (Knesset 24 and 25) have a column per list, headed by its ballot letters. The
normalised key transliterates to ASCII, so ץ, צ and אצ are all `ts` and כ, ך `kh` (alef writes
nothing); the matcher took the first open row of a key, so K25's list אצ took K24's ץ ("ץ → אצ,
same after normalising"), and K25's own ץ was left "new"; K25's ך took K24's כ, and רז took ר
("similar", 90: a one-letter name scored as an initial, when the one-letter name was the longer's
partner). Each list present in both files must be its own row, and each other one new or gone.

Oracle: the invented files' own columns, by hand: a list is in a row with itself alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, write
from pollcli import load, names
from pollcli.comparison import compare

# Two elections' lists by ballot letters (invented figures), in the CEC's wide layout.
EARLIER = "ישוב,מחל,ץ,כ,ר\nא,500,30,20,90\nב,400,10,5,60\n"
LATER = "ישוב,מחל,אצ,ץ,ך,רז,כך\nא,450,70,25,12,8,3\nב,420,50,15,6,4,2\n"


def _rows(tmp_path: Path) -> dict[str, list[str]]:
    first = load(write(tmp_path, EARLIER, "k24.csv"))
    second = load(write(tmp_path, LATER, "k25.csv"))
    result = compare([*first, *second])
    assert not result.matches
    both = {r.candidate for r in result.rows if None not in r.shares}
    assert both == {"מחל", "ץ"}  # the lists on both ballots
    return {row.candidate: row.names for row in result.rows}


def test_a_list_in_both_elections_is_matched_to_itself_and_no_other(tmp_path: Path) -> None:
    rows = _rows(tmp_path)
    # One spelling per row: a name never joins another's row.
    assert rows == {n: [n] for n in ("מחל", "ץ", "אצ", "ך", "רז", "כך", "כ", "ר")}


def test_the_shares_of_the_list_in_both_are_its_own(tmp_path: Path) -> None:
    first = load(write(tmp_path, EARLIER, "k24.csv"))
    second = load(write(tmp_path, LATER, "k25.csv"))
    row = next(r for r in compare([*first, *second]).rows if r.candidate == "ץ")
    # By hand: 40 of 1,115 valid votes, then 40 of 1,065.
    assert row.shares == [pytest.approx(100 * 40 / 1115), pytest.approx(100 * 40 / 1065)]


def test_the_cli_lists_no_match_across_spellings(tmp_path: Path) -> None:
    a, b = write(tmp_path, EARLIER, "k24.csv"), write(tmp_path, LATER, "k25.csv")
    result = invoke("compare", str(a), str(b))
    assert result.code == 0, result.stderr
    assert "Names matched across spellings" not in result.stdout


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ץ", "אצ"),  # Hebrew: alef writes nothing
        ("ץ", "צ"),  # final and plain forms, two ballot codes
        ("כ", "ך"),
        ("כך", "ך"),  # `khkh` and `kh` fold alike
        ("تل", "طل"),  # Arabic: ت and ط are both `t`
        ("سد", "صد"),  # س and ص are both `s`
        ("Ωμέγα", "Ομέγα"),  # Greek: ω and ο are both `o`
        ("Партия СЪЕЗД", "Партия СЬЕЗД"),  # Cyrillic: hard and soft signs write nothing
        ("王明", "汪明"),  # one reading, two characters
        ("R", "Rz"),  # a one-letter name is no initial of a one-word name
    ],
)
def test_names_apart_in_their_own_script_are_not_one_name(a: str, b: str) -> None:
    assert names.name_score(a, b) == 0.0
    assert names.name_score(b, a) == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Королёв Иван", "Королев Иван"),  # ё written е: one name
        ("Чайка Анна", "Чаика Анна"),  # the breve of й dropped
        ("أحمد علي", "احمد علي"),  # alef with hamza, without
        ("Παπαδόπουλος Γιώργος", "ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΙΩΡΓΟΣ"),  # accents and case
        ("Тоқаев Қасым-Жомарт", "Токаев Касым-Жомарт"),  # Kazakh and Russian letters: folded
    ],
)
def test_spellings_of_one_name_in_one_script_still_match(a: str, b: str) -> None:
    assert names.name_score(a, b) >= names.CUTOFF
    assert not names.apart_in_script(a, b) or names.key(a) != names.key(b)


def test_a_name_in_another_script_still_matches_by_transliteration() -> None:
    assert names.key("Токаев") == names.key("Tokaev")
    assert not names.apart_in_script("Токаев", "Tokaev")
