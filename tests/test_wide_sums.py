"""A wide table summed per region (`read.wide_sums`) gives the very answer of a record per option and
row: the same elections, notes, warnings and problems, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.read import ReadOptions, load_file, wide_rows

LAYOUTS = Path(__file__).parent / "layouts"


def both(path: Path, monkeypatch, options: ReadOptions | None = None):
    options = options or ReadOptions()
    summed = load_file(path, options)
    monkeypatch.setattr(wide_rows, "SUMMED_FROM_ROWS", 10**9)
    per_option = load_file(path, options)
    monkeypatch.setattr(wide_rows, "SUMMED_FROM_ROWS", 0)
    return summed, per_option


@pytest.mark.parametrize("name", ["protocol_wide.csv", "blocks.csv", "kerg_like.csv"])
def test_the_fixtures_read_alike_both_ways(name, monkeypatch):
    summed, per_option = both(LAYOUTS / name, monkeypatch)
    assert summed == per_option


NAMES = ["Ada Barbarbar", "Tove Ultavbar", "Против всех", "Nils Rospelcor", "Bram Kelfelfel"]
CELLS = st.one_of(
    st.integers(0, 10**6).map(str),
    st.just(""),
    st.sampled_from(["1 234", "6,456,392", "x", "-3", " 12 "]),
)


@st.composite
def tables(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    if draw(st.booleans()):
        names.append(names[0])  # a name given to two columns
    facts = draw(st.booleans())
    header = ["region", "precinct"] + (
        ["registered", "Число недействительных бюллетеней"] if facts else []
    )
    lines = [",".join(header + names)]
    for r in range(draw(st.integers(1, 3))):
        region = draw(st.sampled_from([f"Region {r}", "Total", "", f"Region {r}"]))
        for p in range(draw(st.integers(1, 4))):
            precinct = draw(st.sampled_from([f"P{p}", f"P{p}", "", "TOTALS", region.upper()]))
            row = [region, precinct]
            if facts:
                row += [
                    draw(st.sampled_from(["100", "", "200", "x"])),
                    draw(st.sampled_from(["1", ""])),
                ]
            row += [draw(CELLS) for _ in names]
            lines.append(",".join(f'"{c}"' if "," in c else c for c in row))
    return "\n".join(lines) + "\n"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tables())
def test_summed_per_region_equals_a_record_per_option(tmp_path, monkeypatch, text):
    summed, per_option = both(write(tmp_path, text), monkeypatch)
    assert summed == per_option


def test_a_big_table_is_summed(tmp_path, monkeypatch):
    # The way it is read shows only in time and memory: here, that the records are few.
    rows = "".join(f"R{i % 5},P{i},{i % 7},{i % 11}\n" for i in range(500))
    path = write(tmp_path, "region,precinct,Ann,Bob\n" + rows)
    seen = []
    real = wide_rows.sum_if_same

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(None if result is None else len(result[0]))
        return result

    monkeypatch.setattr(wide_rows, "sum_if_same", spy)
    elections, problems = load_file(path, ReadOptions())
    assert problems == [] and seen == [10]  # 5 regions × 2 options
    assert {o.candidate: o.votes for o in elections[0].options} == {
        "Ann": sum(i % 7 for i in range(500)),
        "Bob": sum(i % 11 for i in range(500)),
    }
