"""Total rows among precincts read by the streaming engine itself (issue 10 item 3, the `totals` shape).

The streaming engine sums the precincts of a region; rows whose precinct may make them a total (blank,
named as a total, named like their county) are kept apart with their precinct, so that the totals
stage judges them after the file is summed, as it judges the exact engine's rows. Each file here must
be read by the streaming engine (not handed to the exact one) and give the exact engine's answer: the
same elections and problems, the same JSON bytes from `summary` and `validate`. The figures are checked
against pandas sums of the rows the test itself writes as parts, never what the loader calls a total.
"""

from __future__ import annotations

import io
import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, stream

HEADER = "county,precinct,candidate,votes\n"
NAMES = ("Ann", "Bob", "Cy")


def _precincts(seed: int, counties: tuple[str, ...] = ("Alder", "Birch", "Cedar"), per: int = 4):
    """Precinct rows (county, precinct, candidate, votes): the parts."""
    rng = random.Random(seed)
    return [
        (county, f"{county[:2]}{p}", name, rng.randint(0, 900))
        for county in counties
        for p in range(per)
        for name in NAMES
    ]


def _county_totals(parts, unit="", off=0):
    """Each county's total per option on its own rows (`unit` as their precinct), `off` added."""
    sums: dict[tuple[str, str], int] = {}
    for county, _, name, votes in parts:
        sums[county, name] = sums.get((county, name), 0) + votes
    return [(county, unit, name, votes + off) for (county, name), votes in sums.items()]


def _csv(rows, header=HEADER) -> str:
    return header + "".join(",".join(map(str, row)) + "\n" for row in rows)


def _oracle(parts, columns=("county", "precinct", "candidate", "votes")) -> dict[str, int]:
    """The votes per candidate as pandas sums them from the parts alone."""
    frame = pd.read_csv(io.StringIO(_csv(parts, ",".join(columns) + "\n")), dtype=str)
    frame["votes"] = frame["votes"].astype(int)
    return {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}


def _streamed_alike(path, monkeypatch, block_bytes=128, cli=True):
    """The file read by both engines (the streaming one in blocks of `block_bytes`, so that totals
    and parts fall in different blocks): the streaming engine reads it itself, and both give the
    same elections and problems and (`cli`) the same JSON bytes. Returns the exact engine's answer."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", block_bytes)
    assert stream.read_stream(path, path.name, ReadOptions()) is not None, "handed over"
    answer = engines_agree(monkeypatch, path)
    for command in ("summary", "validate") if cli else ():
        out = {
            engine: invoke(command, str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
            for engine in ("exact", "stream")
        }
        assert out["exact"].code == out["stream"].code
        assert out["exact"].stdout == out["stream"].stdout
        assert out["exact"].stderr == out["stream"].stderr
    return answer


def _votes(elections, index=0):
    return {o.candidate: o.votes for o in elections[index].options}


def _problems(problems):
    return [(p.code, p.line, p.column) for p in problems]


def test_county_rows_that_check_out_are_set_aside(tmp_path, monkeypatch):
    parts = _precincts(1)
    path = write(tmp_path, _csv(parts + _county_totals(parts)))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    first_total = len(parts) + 2
    assert _problems(problems) == [("total-row", first_total, "precinct")]


def test_county_rows_about_the_sum_are_set_aside_with_a_mismatch(tmp_path, monkeypatch):
    parts = _precincts(2)
    totals = _county_totals(parts)
    totals[0] = (*totals[0][:3], totals[0][3] + 7)  # Alder's Ann: 7 votes more than its precincts
    path = write(tmp_path, _csv(parts + totals))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    line = len(parts) + 2
    assert _problems(problems) == [
        ("total-row", line, "precinct"),
        ("total-mismatch", line, "precinct"),
    ]


def test_blank_precinct_rows_far_from_the_sum_are_counted_as_a_unit(tmp_path, monkeypatch):
    parts = _precincts(3)
    mail = [(county, "", name, 5) for county in ("Alder", "Birch") for name in NAMES]
    path = write(tmp_path, _csv(parts + mail))
    elections, problems = _streamed_alike(path, monkeypatch)
    # Not a total: votes of their own (mail ballots), counted.
    assert _votes(elections) == _oracle(parts + mail)
    assert _problems(problems) == [("total-row", len(parts) + 2, "precinct")]


def test_a_state_total_on_rows_with_a_blank_county(tmp_path, monkeypatch):
    parts = _precincts(4)
    state = [("", "", name, sum(v for _, _, n, v in parts if n == name)) for name in NAMES]
    path = write(tmp_path, _csv(state + parts + _county_totals(parts)))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert {p.code for p in problems} == {"total-row"}
    assert sorted(p.line for p in problems) == [2, len(state) + len(parts) + 2]


def test_a_total_row_in_the_middle_of_its_region(tmp_path, monkeypatch):
    parts = _precincts(5)
    totals = _county_totals(parts)
    # Birch's total rows between its second and third precincts.
    at = next(i for i, row in enumerate(parts) if row[:2] == ("Birch", "Bi2"))
    rows = parts[:at] + [t for t in totals if t[0] == "Birch"] + parts[at:]
    rows += [t for t in totals if t[0] != "Birch"]
    path = write(tmp_path, _csv(rows))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert _problems(problems) == [("total-row", at + 2, "precinct")]
    assert "lines" in problems[0].message and f"{at + 2}–{at + 4}" in problems[0].message


@pytest.mark.parametrize("unit", ["TOTALS", "{county} County Total", "{upper} NH", "{county}"])
def test_precincts_named_as_a_total_or_like_their_county(tmp_path, monkeypatch, unit):
    parts = _precincts(6)
    totals = [
        (c, unit.format(county=c, upper=c.upper()), n, v) for c, _, n, v in _county_totals(parts)
    ]
    path = write(tmp_path, _csv(parts + totals))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    # One warning per class of totals: each county's own name is a class of its own.
    assert {p.code for p in problems} == {"total-row"}


def test_a_town_named_like_its_county_stays_a_precinct(tmp_path, monkeypatch):
    parts = _precincts(7) + [("Birch", "Birch", name, 40) for name in NAMES]
    path = write(tmp_path, _csv(parts))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert problems == []


def test_totals_in_a_file_of_many_races(tmp_path, monkeypatch):
    header = "office,county,precinct,candidate,votes\n"
    rows, parts_by_race = [], {}
    for number, office in enumerate(("Governor", "Senate")):
        parts = _precincts(10 + number)
        totals = _county_totals(parts, off=3 if office == "Senate" else 0)
        rows += [(office, *row) for row in parts + totals]
        parts_by_race[office] = parts
    path = write(tmp_path, _csv(rows, header))
    elections, problems = _streamed_alike(path, monkeypatch)
    by_race = {e.facts.election: e for e in elections}
    for office, parts in parts_by_race.items():
        (label,) = [k for k in by_race if office in k]
        assert {o.candidate: o.votes for o in by_race[label].options} == _oracle(parts)
    counted = [p.code for p in problems]
    # The Senate's county rows are each 3 votes off: about their sum, totals with a mismatch.
    assert counted.count("total-row") == 2 and counted.count("total-mismatch") == 3


def test_a_crlf_file_of_county_rows(tmp_path, monkeypatch):
    parts = _precincts(8)
    path = write(tmp_path, _csv(parts + _county_totals(parts)).replace("\n", "\r\n"))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert [p.code for p in problems] == ["total-row"]


def test_totals_still_handed_over_when_a_region_or_an_option_is_a_total(tmp_path):
    for text in (
        "county,precinct,candidate,votes\nX,P1,A,10\nX,P2,A,20\nTotal,All,A,30\n",
        "county,precinct,candidate,votes\nX,P1,A,10\nX,P1,B,5\nX,P1,Total,15\n",
    ):
        assert stream.read_stream(write(tmp_path, text), "f", ReadOptions()) is None


# --- an invariant: wherever county rows stand, both engines agree and the parts are counted ----------

PLACES = ("end", "start", "within")
STYLES = ("", "TOTALS", "{upper} NH")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 10_000),
    counties=st.integers(1, 3),
    where=st.sampled_from(PLACES),
    style=st.sampled_from(STYLES),
    off=st.sampled_from([0, 500]),
    block=st.sampled_from([64, 128, 1 << 20]),
)
def test_county_rows_anywhere_agree_on_both_engines(
    tmp_path, monkeypatch, seed, counties, where, style, off, block
):
    names = ("Alder", "Birch", "Cedar")[:counties]
    parts = _precincts(seed, names, per=3)
    totals = [
        (c, style.format(upper=c.upper()), n, v) for c, _, n, v in _county_totals(parts, off=off)
    ]
    if where == "end":
        rows = parts + totals
    elif where == "start":
        rows = totals + parts
    else:
        rows = []
        for county in names:
            mine = [r for r in parts if r[0] == county]
            rows += mine[:3] + [t for t in totals if t[0] == county] + mine[3:]
    path = write(tmp_path, _csv(rows))
    elections, problems = _streamed_alike(path, monkeypatch, block, cli=False)
    codes = {p.code for p in problems}
    assert ("total-row" in codes) == (off == 0 or style != "{upper} NH")
    if off == 0 or style == "TOTALS":
        # Totals (a `TOTALS` precinct whatever it holds): set aside, the parts counted.
        assert _votes(elections) == _oracle(parts)
        assert ("total-mismatch" in codes) == (off != 0)
    else:
        # 500 votes off per option is far from any county's sum here (at most 8,100 votes): no
        # total, counted as a precinct of its own (a blank one with a warning; one named like its
        # county is a town).
        assert _votes(elections) == _oracle(parts + totals)


def test_a_precinct_cell_of_an_invisible_character_is_blank_on_both_engines(tmp_path, monkeypatch):
    parts = _precincts(9)
    path = write(tmp_path, _csv(parts + _county_totals(parts, unit="\u200b")))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert [p.code for p in problems] == ["total-row"]


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\ufeff"])
def test_a_county_name_with_an_invisible_character_still_names_its_total(
    tmp_path, monkeypatch, hidden
):
    """Review finding: a soft hyphen in "Al­der" hid the `ALDER` total row from the streaming
    engine, which added it to its parts (doubled votes); the exact stages read the name without it."""
    parts = _precincts(11, counties=(f"Al{hidden}der", "Birch"))
    totals = [(c, c.replace(hidden, "").upper(), n, v) for c, _, n, v in _county_totals(parts)]
    path = write(tmp_path, _csv(parts + totals))
    elections, problems = _streamed_alike(path, monkeypatch)
    assert _votes(elections) == _oracle(parts)
    assert "total-row" in [p.code for p in problems]


@pytest.mark.parametrize("block_bytes", [128, 1 << 20])
def test_county_rows_in_a_block_read_by_the_exact_stages(tmp_path, monkeypatch, block_bytes):
    # A vote cell with a thousands separator sends its block to the exact stages (pyarrow would not
    # read it as a number), county rows and all: they are kept apart there too.
    parts = _precincts(12)
    parts[-1] = (*parts[-1][:3], 1234)
    totals = _county_totals(parts)
    rows = [*parts[:-1], (*parts[-1][:3], '"1,234"'), *totals]
    path = write(tmp_path, _csv(rows))
    read_exactly = []
    records = stream.read_records  # the exact stages' reader of a block's rows

    def spy(text, line, *args):
        read_exactly.append(line)
        return records(text, line, *args)

    monkeypatch.setattr(stream, "read_records", spy)
    elections, problems = _streamed_alike(path, monkeypatch, block_bytes)
    assert read_exactly
    assert _votes(elections) == _oracle(parts)
    assert "total-row" in [p.code for p in problems]
