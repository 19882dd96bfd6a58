"""Maine 2020 (OpenElections' `20201103__me__general__precinct.csv`) lists a city whole (`Auburn`), as
its wards (`Auburn W1W2`, `Auburn W3W4`, `Auburn W5`, `Auburn ABS`) and as `Auburn City` (the wards'
sum), in one county: every city counted three times, President read as Biden 636,116 (official
435,072) with only total-mismatch warnings (trial 14).

A unit identical to another of its race and region in every option (two candidates with votes and
`SAME_SUM` votes at least) is the same place listed twice: the later one is set aside. A unit whose
figures equal, option by option, the sum of the other units whose names begin with its name (two at
least) is their total: set aside. Each with a `total-row` warning, on both engines.

Figures invented, the layout is the file's; oracle: pandas over the fixture's wards and towns.
"""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
WARDS = {
    "Auburn W1W2": (589, 994, 17),
    "Auburn W3W4": (424, 937, 12),
    "Auburn W5": (264, 560, 9),
    "Auburn ABS": (5205, 2918, 84),
}
TOWNS = {"Durham": (1361, 1502, 30), "Greene": (914, 1500, 21), "Leeds": (505, 900, 8)}
PARTIES = (("DEM", "Joe Biden"), ("REP", "Donald Trump"), ("GRN", "Howie Hawkins"))


def _rows(places: dict[str, tuple[int, ...]], county: str = "Androscoggin") -> str:
    return "".join(
        f"{county},{place},President,,{party},{name},{votes[i]}\n"
        for place, votes in places.items()
        for i, (party, name) in enumerate(PARTIES)
    )


def _city() -> tuple[int, ...]:
    return tuple(sum(w[i] for w in WARDS.values()) for i in range(len(PARTIES)))


def _expected(text: str, totals: set[str]) -> dict[str, int]:
    """pandas: the votes by candidate over the units that are no totals."""
    frame = pd.read_csv(io.StringIO(text))
    frame = frame[~frame["precinct"].isin(totals)]
    return {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}


def test_a_city_whole_as_its_wards_and_as_city_is_counted_once(tmp_path, monkeypatch) -> None:
    text = HEADER + _rows({"Auburn": _city(), **TOWNS}) + _rows({**WARDS, "Auburn City": _city()})
    path = write(tmp_path, text, "20201103__me__general__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    (election,) = elections
    assert {o.candidate: o.votes for o in election.options} == _expected(
        text, {"Auburn", "Auburn City"}
    )
    warned = [p.message for p in problems if p.code == "total-row"]
    assert len(warned) == 2
    assert any("'Auburn City'" in m and "'Auburn'" in m for m in warned)
    assert any(m.startswith("'Auburn'") and "'Auburn W1W2'" in m for m in warned)


def test_a_town_whole_and_as_its_wards_only(tmp_path, monkeypatch) -> None:
    text = HEADER + _rows({"Auburn": _city(), **TOWNS, **WARDS})
    path = write(tmp_path, text, "wards.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, {"Auburn"})
    assert sum(p.code == "total-row" for p in problems) == 1


def test_towns_of_like_names_and_figures_are_no_totals(tmp_path, monkeypatch) -> None:
    """`Auburn` beside `Auburn W1`, `Auburn W2` that do not add up to it, and two towns of equal
    figures under 100 votes: all counted."""
    small = {"Hersey": (30, 20, 1), "Cyr Plt": (30, 20, 1)}
    wards = {"Auburn W1": (10, 20, 1), "Auburn W2": (30, 40, 2)}
    text = HEADER + _rows({"Auburn": (41, 60, 3), **small, **wards, **TOWNS})
    path = write(tmp_path, text, "alike.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, set())
    assert not [p for p in problems if p.code == "total-row"]


def test_a_city_row_of_its_wards_beside_a_town_row_that_differs(tmp_path, monkeypatch) -> None:
    """Maine's Portland: `Portland City` is the sum of `Portland 1-1` … (named as it is), while the
    town row `Portland` differs from them by a few votes. `Portland City` is set aside; `Portland`
    is no total of anything the file shows exactly, so it stays counted, and the county's total
    row says the county does not add up."""
    wards = {
        "Portland 1-1": (598, 184, 15),
        "Portland 1-2": (534, 218, 28),
        "Portland CP": (99, 73, 9),
    }
    city = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    town = (city[0], city[1] + 3, city[2])
    text = HEADER + _rows({"Portland": town, **TOWNS, **wards, "Portland City": city})
    path = write(tmp_path, text, "portland.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Portland City"}
    )
    warned = [p.message for p in problems if p.code == "total-row"]
    assert len(warned) == 1 and warned[0].startswith("'Portland City'")


def test_a_city_and_its_wards_blocks_apart_on_the_streaming_engine(tmp_path, monkeypatch) -> None:
    """The city's row first, its wards and `City` row after many towns: in other blocks."""
    from pollcli.read import stream

    monkeypatch.setattr(stream, "HEAD_BYTES", 3000)
    monkeypatch.setattr(stream, "SPLIT_CHARS", 2900)
    towns = {f"Town {i:03d}": (100 + i, 200 + i, i % 7) for i in range(150)}
    text = HEADER + _rows({"Auburn": _city(), **towns}) + _rows({**WARDS, "Auburn City": _city()})
    path = write(tmp_path, text, "blocks.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=2000)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Auburn", "Auburn City"}
    )
    assert sum(p.code == "total-row" for p in problems) == 2


def test_a_town_row_of_its_wards_beside_a_town_named_after_it(tmp_path, monkeypatch) -> None:
    """`Livermore` (the sum of `Livermore W1`, `Livermore W2`) beside `Livermore Falls`, another
    town whose name begins with its own (Maine has both; New Hampshire's Hampton and Hampton
    Falls): the other town is no part of the total, which is set aside all the same. The town
    named after it is counted, whole or as its wards (its own town row then set aside too, or
    not listed)."""
    wards = {"Livermore W1": (410, 380, 12), "Livermore W2": (395, 402, 9)}
    town = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    falls = {"Livermore Falls": (700, 650, 20)}
    text = HEADER + _rows({"Livermore": town, **falls, **TOWNS, **wards})
    path = write(tmp_path, text, "falls.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, {"Livermore"})
    warned = [p.message for p in problems if p.code == "total-row"]
    assert len(warned) == 1 and warned[0].startswith("'Livermore'")
    assert "'Livermore W1', 'Livermore W2'" in warned[0] and "Falls" not in warned[0]

    falls_wards = {"Livermore Falls W1": (300, 250, 8), "Livermore Falls W2": (400, 400, 12)}
    text = HEADER + _rows({"Livermore": town, **falls, **TOWNS, **wards, **falls_wards})
    path = write(tmp_path, text, "falls_wards.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Livermore", "Livermore Falls"}
    )
    assert sum(p.code == "total-row" for p in problems) == 2

    text = HEADER + _rows({"Livermore": town, **TOWNS, **wards, **falls_wards})  # (no Falls row)
    path = write(tmp_path, text, "falls_wards_alone.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, {"Livermore"})
    assert sum(p.code == "total-row" for p in problems) == 1


def test_a_city_row_before_its_town_row_beside_a_town_named_after_it(tmp_path, monkeypatch) -> None:
    """`Livermore City` listed before `Livermore`, both the sum of Livermore's wards, beside the
    wards of `Livermore Falls`: of the two copies the one named after the other is set aside,
    whatever their order, so that the town row left is found to be its wards' total (the city row
    left was compared with every unit named as it is, the other town's wards too: counted)."""
    wards = {"Livermore W1": (410, 380, 12), "Livermore W2": (395, 402, 9)}
    town = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    falls_wards = {"Livermore Falls W1": (300, 250, 8), "Livermore Falls W2": (400, 400, 12)}
    places = {"Livermore City": town, **TOWNS, "Livermore": town, **wards, **falls_wards}
    text = HEADER + _rows(places)
    path = write(tmp_path, text, "city_first.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Livermore", "Livermore City"}
    )
    warned = [p.message for p in problems if p.code == "total-row"]
    assert len(warned) == 2
    assert any(m.startswith("'Livermore City'") and "'Livermore' (line" in m for m in warned)


def test_a_city_row_of_its_wards_beside_the_wards_of_a_town_named_after_it(
    tmp_path, monkeypatch
) -> None:
    """`Livermore City`, the sum of `Livermore W1` and `Livermore W2` (no `Livermore` row), beside
    `Livermore Falls` and its wards, all named as it is: the other town's units are no part of the
    city's total, which is set aside all the same (it was compared with every unit named
    `Livermore …`: counted)."""
    wards = {"Livermore W1": (410, 380, 12), "Livermore W2": (395, 402, 9)}
    city = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    falls_wards = {"Livermore Falls W1": (300, 250, 8), "Livermore Falls W2": (400, 400, 12)}
    falls = tuple(sum(w[i] for w in falls_wards.values()) for i in range(len(PARTIES)))
    places = {"Livermore Falls": falls, **TOWNS, **wards, **falls_wards, "Livermore City": city}
    text = HEADER + _rows(places)
    path = write(tmp_path, text, "city_beside_falls.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Livermore Falls", "Livermore City"}
    )
    warned = [p.message for p in problems if p.code == "total-row"]
    assert len(warned) == 2
    assert any(
        m.startswith("'Livermore City'") and "('Livermore W1', 'Livermore W2')" in m for m in warned
    )


def test_a_town_row_written_with_spaces_around_its_name(tmp_path, monkeypatch) -> None:
    """`Auburn ` (a space after the name, as exporters leave it) is the unit `Auburn`, which its
    wards are named after: the streaming engine compared the cell as written with the beginnings
    of the wards' names, found no pair and counted the town beside its wards."""
    text = HEADER + _rows({"Auburn ": _city(), **TOWNS, **WARDS})
    path = write(tmp_path, text, "spaces.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, {"Auburn "})
    assert sum(p.code == "total-row" for p in problems) == 1


def test_a_city_row_of_its_wards_with_no_town_row_and_no_other_pair(tmp_path, monkeypatch) -> None:
    """Maine's `Brunswick City` (the sum of `Brunswick 07`, `Brunswick 08`), no `Brunswick` row, in
    a county where no unit's name begins with another's: the names alone had the region skipped,
    the city counted beside its wards, no warning (s15-review). Now a region where a unit's votes
    in all are those of the others named as it is (all, or all but one unit or longer name) is
    looked at too: the city row set aside with its warning; a city row one vote off is counted."""
    wards = {"Brunswick 07": (300, 200, 11), "Brunswick 08": (250, 260, 7)}
    city = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    text = HEADER + _rows({**wards, "Harpswell": (900, 1000, 30), "Brunswick City": city})
    path = write(tmp_path, text, "city_no_town.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(
        text, {"Brunswick City"}
    )
    warned = [p for p in problems if p.code == "total-row"]
    assert len(warned) == 1 and warned[0].line == 11  # (its first row)
    assert warned[0].message.startswith("'Brunswick City'")
    assert "('Brunswick 07', 'Brunswick 08')" in warned[0].message

    from pollcli.read import rowcolumns

    monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 4)  # (the exact engine's numpy look too)
    elections, problems = engines_agree(monkeypatch, path)
    assert [p.line for p in problems if p.code == "total-row"] == [11]

    off = (city[0], city[1] + 1, city[2])
    text = HEADER + _rows({**wards, "Harpswell": (900, 1000, 30), "Brunswick City": off})
    path = write(tmp_path, text, "city_off.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, set())
    assert not [p for p in problems if p.code == "total-row"]


def test_a_city_row_of_its_wards_beside_a_single_town_named_after_it(tmp_path, monkeypatch) -> None:
    """`Hampton City` (the sum of `Hampton W1`, `Hampton W2`) beside `Hampton Falls`, a town of a
    longer name listed whole (no wards of its own): the city's row held the sum of its siblings but
    one unit, which only a longer name two units share could be (s15-review's
    `city_beside_plain_falls.csv`, counted twice). Set aside, the other town counted; with
    another county's pair of names beside it (`Bath`, its wards) and without."""
    wards = {"Hampton W1": (300, 200, 5), "Hampton W2": (250, 260, 4)}
    city = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    bath = {"Bath W1": (200, 150, 3), "Bath W2": (300, 250, 6)}
    bath_town = tuple(sum(w[i] for w in bath.values()) for i in range(len(PARTIES)))
    falls = {"Hampton Falls": (120, 130, 2)}
    for name, places, totals in (
        ("plain_falls.csv", {**wards, **falls, **TOWNS, "Hampton City": city}, {"Hampton City"}),
        (
            "plain_falls_bath.csv",
            {"Bath": bath_town, **bath, **wards, **falls, "Hampton City": city},
            {"Bath", "Hampton City"},
        ),
    ):
        text = HEADER + _rows(places, county="Rockingham")
        path = write(tmp_path, text, name)
        elections, problems = engines_agree(monkeypatch, path, block_bytes=300)
        assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, totals)
        warned = [p.message for p in problems if p.code == "total-row"]
        assert len(warned) == len(totals)
        assert any(
            m.startswith("'Hampton City'") and "('Hampton W1', 'Hampton W2')" in m for m in warned
        )


def test_a_region_s_total_named_as_its_units_is_left_to_sum_totals(tmp_path, monkeypatch) -> None:
    """Massachusetts 2016 (`Falmouth · 1` … `Falmouth · 9` and `Falmouth · -`, their total, in a
    county of no pair of names): the total holds its siblings' sum and every other unit's of the
    region too; `sum_totals` sets it aside with its figures, as before the siblings were looked
    at (one warning, not two, and the same words)."""
    wards = {f"Falmouth · {i}": (1700 - 90 * i, 500 + 40 * i, 30 + i) for i in range(1, 5)}
    whole = tuple(sum(w[i] for w in wards.values()) for i in range(len(PARTIES)))
    text = HEADER + _rows({**wards, "Falmouth · -": whole}, county="Barnstable")
    path = write(tmp_path, text, "falmouth.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == _expected(text, {"Falmouth · -"})
    (warned,) = [p.message for p in problems if p.code == "total-row"]
    assert "the sum of the race's other units there" in warned
    assert f"Joe Biden {whole[0]:,}" in warned
