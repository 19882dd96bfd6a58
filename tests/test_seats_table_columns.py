"""The seats table of several methods keeps each method's seats in one column of digits.

'41 +1' (D'Hondt's seats and the change from the first method) stood above a right-aligned '8' that
sat under the '+1', so a reader took Auyl's 8 for a change and misread the column."""

import re

import pytest

from conftest import DATA, invoke

# The Mazhilis 2023 list seats by D'Hondt (reference: shared/reference/kazakhstan_mazhilis.md §3.2,
# worked by hand: Amanat 41, JSDP 3, the others as Hare).
DHONDT = {
    "Amanat": "41",
    "Respublica": "6",
    "Ak Zhol Democratic Party": "6",
    "People's Party of Kazakhstan": "5",
    "Nationwide Social Democratic Party": "3",
    "Baytaq Green Party": "0",
    "Total": "69",
}


@pytest.mark.parametrize("columns", ["100", "160"])
def test_each_methods_seats_end_in_one_column(columns):
    result = invoke(
        "seats",
        str(DATA / "kz_2023_mazhilis.csv"),
        "--method",
        "hare,dhondt,sainte-lague",
        env={"COLUMNS": columns},
    )
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "Party" in line and "D'Hondt" in line)
    ends: dict[str, int] = {}
    for name, seats in DHONDT.items():
        line = next(line for line in lines if re.match(rf"\s*(\d+\s+)?{re.escape(name)}\s", line))
        # The figures after the share (or the votes, for the total): Hare, then D'Hondt.
        tail_at = line.index("%") + 1 if "%" in line else line.index("6,366,441") + 9
        figures = list(re.finditer(r"[−+]?\d+", line[tail_at:]))
        hare, dhondt = figures[0], figures[1]
        assert dhondt.group() == seats, (name, line)
        ends[name] = tail_at + dhondt.end()
        assert hare.end() < dhondt.start()
    assert len(set(ends.values())) == 1, ends
    # The change stands after the seats, never under another row's seats.
    amanat = next(line for line in lines if line.lstrip().startswith("1  Amanat"))
    assert amanat[ends["Amanat"] :].lstrip().startswith("+1")
    assert header.index("D'Hondt") < ends["Amanat"] <= header.index("D'Hondt") + len("D'Hondt")


def test_against_all_dash_stands_under_the_seats():
    lines = invoke(
        "seats",
        str(DATA / "kz_2023_mazhilis.csv"),
        "--method",
        "hare,dhondt",
        env={"COLUMNS": "100"},
    ).stdout.splitlines()
    amanat = next(line for line in lines if "Amanat" in line)
    against = next(line for line in lines if "Against all" in line)
    assert against.rindex("—") == amanat.index("41 +1") + 1
