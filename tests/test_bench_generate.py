"""The benchmark generators (bench/generate.py) at a tiny size: each shape has the columns and rows it
promises, the shapes that claim the rows of `plain` hold them (checked by reading both files with the
csv module), and equal arguments give equal bytes. Keeps the generators from rotting between the
rare runs of bench/run.py."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate


def rows_of(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[list[str]]:
    text = path.read_bytes().decode(encoding)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.reader(lines, delimiter=delimiter))


@pytest.fixture
def make(tmp_path: Path):
    def _make(shape: str, size: int, seed: int = generate.SEED) -> tuple[Path, int]:
        path = tmp_path / f"{shape}_{size}_{seed}.csv"
        written = generate.SHAPES[shape].write(size, path, seed)
        return path, written

    return _make


def plain_rows(make, rows: int) -> list[list[str]]:
    path, _ = make("plain", rows)
    return rows_of(path)


def test_every_shape_is_registered_with_a_docstring():
    for name, shape in generate.SHAPES.items():
        assert shape.help, name


def test_plain(make):
    path, written = make("plain", 70)
    header, *body = rows_of(path)
    assert header == ["region", "precinct", "candidate", "party", "votes"]
    assert len(body) == written == 70
    assert {row[2] for row in body} == {name for name, _ in generate.CANDIDATES}
    assert all(int(row[4]) >= 0 for row in body)


@pytest.mark.parametrize("shape", sorted(generate.SHAPES))
def test_equal_arguments_give_equal_bytes(make, shape):
    size = {"long_line": 3000, "races": 500, "constituencies": 5}.get(shape, 40)
    first, _ = make(shape, size)
    again = first.with_name("again.csv")
    generate.SHAPES[shape].write(size, again, generate.SEED)
    assert first.read_bytes() == again.read_bytes()


def test_share_column_holds_the_plain_rows_and_each_precinct_sums_to_100(make):
    path, written = make("share", 70)
    header, *body = rows_of(path)
    assert header[-1] == "share" and len(body) == written
    assert [row[:5] for row in body] == plain_rows(make, 70)[1:]
    by_precinct: dict[str, float] = defaultdict(float)
    for row in body:
        by_precinct[row[1]] += float(row[5])
        assert row[5].count(".") == 1 and len(row[5].split(".")[1]) == 2
    assert all(abs(total - 100) < 0.05 for total in by_precinct.values())


def test_utf16_is_the_plain_text_with_a_bom(make):
    path, _ = make("utf16", 70)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert data[2:].decode("utf-16-le").encode() == make("plain", 70)[0].read_bytes()


def test_facts_are_per_precinct_and_the_date_constant(make):
    path, _ = make("facts", 140)
    header, *body = rows_of(path)
    assert header[5:] == ["registered", "ballots_cast", "date"]
    assert [row[:5] for row in body] == plain_rows(make, 140)[1:]
    facts = {(row[1], row[5], row[6]) for row in body}
    assert len(facts) == len({row[1] for row in body}) == 20  # one pair per precinct
    assert len({row[5] for row in body}) > 1 and {row[7] for row in body} == {"2022-11-20"}
    votes: Counter[str] = Counter()
    for row in body:
        votes[row[1]] += int(row[4])
    for precinct, registered, cast in facts:
        assert votes[precinct] <= int(cast) <= int(registered)


def test_elections_have_100_distinct_candidates_and_no_region(make):
    path, written = make("elections", 300)
    header, *body = rows_of(path)
    assert header == ["election", "candidate", "party", "votes"]
    assert len(body) == written == 300
    names: dict[str, set[str]] = defaultdict(set)
    for election, name, _, _ in body:
        names[election].add(name)
    assert len(names) == 3 and all(len(n) == 100 for n in names.values())


def test_party_lists_are_the_same_100_lists_in_every_election(make):
    path, written = make("party_lists", 300)
    header, *body = rows_of(path)
    assert header == ["election", "candidate", "party", "votes"]
    assert len(body) == written == 300
    lists: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for election, name, party, _ in body:
        lists[election].append((name, party))
    assert len(lists) == 3 and len(set(lists["Example Municipality 00001"])) == 100
    assert lists["Example Municipality 00001"] == lists["Example Municipality 00003"]


def test_cyrillic_is_cp1251_with_semicolons_and_decimal_commas(make):
    path, _ = make("cyrillic", 70)
    header, *body = rows_of(path, "cp1251", ";")
    assert header == ["Регион", "Участок", "Кандидат", "Партия", "Голоса", "Доля"]
    plain = plain_rows(make, 70)[1:]
    assert [row[4] for row in body] == [row[4] for row in plain]
    assert {row[2] for row in body} == {name for name, _ in generate.CYRILLIC}
    assert all("," in row[5] and "." not in row[5] for row in body)


def test_wide_holds_the_figures_of_its_long_twin(make):
    wide, written = make("wide", 30)
    header, *body = rows_of(wide)
    assert header[:2] == ["region", "precinct"] and len(header) == 12 and len(body) == written
    long, _ = make("long10", 300)
    melted = [
        [row[0], row[1], name, votes]
        for row in body
        for name, votes in zip(header[2:], row[2:], strict=True)
    ]
    assert melted == rows_of(long)[1:]


def test_protocol_lines_agree_and_protocol3_writes_them_twice_under_three_header_rows(make):
    path, written = make("protocol", 40)
    header, *body = rows_of(path)
    assert header[:3] == ["Регион", "ТИК", "УИК"] and len(header) == 3 + 12 + 9
    assert len(body) == written == 40
    for row in body:
        figures = [int(cell) for cell in row[3:]]
        registered, received, early, on_day, outside, cancelled = figures[:6]
        mobile, stationary, invalid, valid = figures[6:10]
        cast = mobile + stationary
        assert cast == invalid + valid == early + on_day + outside
        assert received == cast + cancelled and registered >= cast
        assert sum(figures[12:]) == valid
    three, _ = make("protocol3", 40)
    top, middle, bottom, *rows = rows_of(three)
    assert top[:3] == ["Регион", "ТИК", "УИК"] and top[3::2] == header[3:]
    assert set(top[4::2]) == {""} and middle[:3] == bottom[:3] == ["", "", ""]
    assert set(bottom[3:]) == {"Первичный протокол", "Повторный подсчёт"}
    assert [r[:3] + r[3::2] for r in rows] == body and [r[4::2] for r in rows] == [
        r[3:] for r in body
    ]


@pytest.mark.parametrize(
    ("shape", "unit"), [("units_precinct", "precinct"), ("units_region", "region")]
)
def test_units_are_the_plain_rows_without_their_region(make, shape, unit):
    path, written = make(shape, 10)
    header, *body = rows_of(path)
    assert header == [unit, "candidate", "party", "votes"] and written == len(body) == 70
    assert body == [row[1:] for row in plain_rows(make, 70)[1:]]
    assert len({row[0] for row in body}) == 10


def test_distinct_options_name_every_row_differently(make):
    path, _ = make("distinct_options", 70)
    _, *body = rows_of(path)
    assert len({row[2] for row in body}) == len(body) == 70
    assert [row[4] for row in body] == [row[4] for row in plain_rows(make, 70)[1:]]


def test_long_line_is_about_the_size_asked_and_one_line_is_nearly_all_of_it(make):
    path, written = make("long_line", 100_000)
    data = path.read_bytes()
    assert abs(len(data) - 100_000) < 100
    lines = data.split(b"\n")
    assert max(len(line) for line in lines) > 99_000
    assert len(rows_of(path)) == written + 1 == 8


def test_front_spaces(make):
    path, _ = make("front_spaces", 5000)
    first = path.read_text().splitlines()[0]
    assert first == "# note" + " " * 5000 + "end"
    assert rows_of(path)[0] == ["candidate", "party", "votes"] and len(rows_of(path)) == 8


def test_names_of_both_elections_match_exactly(make):
    a, _ = make("names_a", 500)
    b, _ = make("names_b", 500)
    names_a = [row[0] for row in rows_of(a)[1:]]
    names_b = [row[0] for row in rows_of(b)[1:]]
    assert len(set(names_a)) == 500 and sorted(names_a) == sorted(names_b)
    assert names_a != names_b  # another order
    assert "# date: 2019-06-09" in a.read_text() and "# date: 2022-11-20" in b.read_text()


def test_races_are_an_openelections_file_of_293_races(make):
    path, written = make("races", 27_000)
    header, *body = rows_of(path)
    assert header == ["county", "precinct", "office", "district", "party", "candidate", "votes"]
    assert len(body) == written and abs(written - 27_000) < 2_700
    races = {(row[2], row[3]) for row in body}
    assert len(races) == 293
    assert len({row[0] for row in body}) == generate.COUNTIES
    # Every precinct votes in one race of each office.
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in body:
        offices[(row[0], row[1])].add(row[2])
    assert all(len(o) == len(generate.STATE_OFFICES) for o in offices.values())


def test_constituencies_have_one_nota_each(make):
    path, written = make("constituencies", 12)
    header, *body = rows_of(path)
    assert header == ["state", "constituency", "candidate", "party", "votes"]
    assert len(body) == written
    seats = Counter(row[1] for row in body)
    assert len(seats) == 12 and all(5 <= n <= 31 for n in seats.values())
    assert Counter(row[1] for row in body if row[2] == "NOTA") == Counter(dict.fromkeys(seats, 1))


def test_the_name_pool_holds_distinct_names():
    names = {generate.fictional_name(i) for i in range(generate.NAME_POOL)}
    assert len(names) == generate.NAME_POOL


def test_ensure_writes_once_and_again_when_the_file_changed(tmp_path: Path):
    path = generate.ensure("plain", 70, out=tmp_path)
    assert path.name == "plain_70_s2022.csv" and generate.rows_of(path) == 70
    stamp = path.stat().st_mtime_ns
    assert generate.ensure("plain", 70, out=tmp_path) == path
    assert path.stat().st_mtime_ns == stamp
    path.write_bytes(b"truncated")
    generate.ensure("plain", 70, out=tmp_path)
    assert path.read_bytes() == (generate.ensure("plain", 70, out=tmp_path)).read_bytes()
    assert len(path.read_bytes()) > 1000
    assert generate.ensure("plain", 70, seed=1, out=tmp_path).name == "plain_70_s1.csv"


def test_sizes_read_and_print_alike():
    for text in ("1M", "27k", "542", "200M", "3M"):
        assert generate.size_label(generate.parse_size(text)) == text


def test_command_line_lists_and_writes(tmp_path: Path, capsys):
    assert generate.main(["--list"]) == 0
    assert "cyrillic" in capsys.readouterr().out
    target = tmp_path / "x.csv"
    assert generate.main(["--shape", "share", "1k", str(target)]) == 0
    assert "994 rows" in capsys.readouterr().out
    assert io.StringIO(target.read_text()).readline().startswith("region,precinct")
