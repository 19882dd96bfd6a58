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


# `summed` groups with numpy (one code per region and column, or per election, region and option for
# blocks); the oracle is a pandas `groupby` over the same frame, as the reading once did.
@st.composite
def melted(draw):
    columns = draw(st.lists(st.integers(2, 9), min_size=1, max_size=4, unique=True))
    blocks = draw(st.booleans())
    # A column per option names it (and one election's columns name different options); blocks
    # hold a name per cell.
    names = {
        c: NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else " II") for i, c in enumerate(columns)
    }
    variant = {c: draw(st.sampled_from(["", "", "Round 2"])) for c in columns}
    regions = draw(
        st.lists(st.sampled_from(["North", "South", "Ost", "Запад"]), min_size=1, max_size=8)
    )
    lines = sorted(
        draw(
            st.lists(st.integers(2, 40), min_size=len(regions), max_size=len(regions), unique=True)
        )
    )
    cells = []
    for row, line in enumerate(lines):
        for c in draw(st.permutations(columns)) if blocks else columns:
            if draw(st.integers(0, 4)) == 0:
                continue  # a blank cell: no option of this row
            name = draw(st.sampled_from(NAMES[:3])) if blocks else names[c]
            cells.append((row, line, c, name, str(draw(st.integers(0, 10**12)))))
    return cells, regions, lines, names if not blocks else None, variant


@settings(max_examples=60, deadline=None)
@given(melted())
def test_summed_groups_as_a_pandas_groupby(data):
    import pandas as pd

    from pollcli.read.wide_sums import summed

    cells, regions, lines, names_of, variant = data
    frame = pd.DataFrame(cells, columns=["row", "line", "column", "candidate", "votes"]).astype(
        {"candidate": object, "votes": object}
    )
    election_of = {c: " · ".join(p for p in ("E", v) if p) for c, v in variant.items()}
    got = summed(
        frame,
        region_of=regions,
        unit_of=None,
        lines=lines,
        facts_of=None,
        variant_of=variant,
        election_of=election_of,
        names_of=names_of,
        default_election="",
        decimal=".",
    )
    assert got is not None
    records, _ = got
    oracle = (
        frame.assign(
            election=frame["column"].map(election_of),
            region=frame["row"].map(dict(enumerate(regions))),
            votes=frame["votes"].astype("int64"),
        )
        .groupby(["election", "region", "candidate"], sort=False)
        .agg(line=("line", "min"), column=("column", "first"), votes=("votes", "sum"))
        .reset_index()
        .sort_values(["line", "column"], kind="stable")
    )
    want = [
        (int(r.line), r.election, r.region, r.candidate, int(r.votes)) for r in oracle.itertuples()
    ]
    assert [(r.line, r.election, r.row.region, r.row.candidate, r.votes) for r in records] == want


# A protocol table (Регион, УИК, its lines, two ballot boxes added as ballots_cast): its lines are
# kept by column (`wide_facts.ColumnFacts`) and summed per region at once; a text that is no count
# (or a box that is no plain count) is read unit by unit, naming each line, as before.
PROTOCOL_HEADER = [
    "Регион",
    "УИК",
    "Число избирателей, включенных в список избирателей",
    "Число избирательных бюллетеней в переносных ящиках для голосования",
    "Число бюллетеней в стационарных ящиках для голосования",
    "Число недействительных избирательных бюллетеней",
    "Иванова Анна Петровна",
    "Петров Борис Иванович",
]
PROTOCOL_CELLS = st.one_of(
    st.integers(0, 5000).map(str),
    st.sampled_from(["", " 12", "007", "1 234", "x", "-3", "12345678901"]),
)


@st.composite
def protocols(draw):
    lines = [",".join(f'"{c}"' if "," in c else c for c in PROTOCOL_HEADER)]
    # (One row of a count cell that is no number: the summed path says so and no more, the
    # record per option also that the votes exceed a ballots cast it reads as 0.)
    for station in range(draw(st.integers(2, 8))):
        region = draw(st.sampled_from(["Северная область", "Южная область", "Восточный край"]))
        lines.append(
            ",".join(
                [region, f"УИК №{station}"]
                + [draw(PROTOCOL_CELLS) for _ in range(4)]
                + [str(draw(st.integers(1, 900))) for _ in range(2)]
            )
        )
    return "\n".join(lines) + "\n"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(protocols())
def test_a_protocols_lines_read_by_column_as_by_unit(tmp_path, monkeypatch, text):
    summed, per_option = both(write(tmp_path, text), monkeypatch)
    assert summed == per_option


def test_a_protocols_lines_are_summed_by_column(tmp_path, monkeypatch):
    import pandas as pd

    from pollcli.read.wide_facts import ColumnFacts

    regions = ["Северная область", "Южная область", "Восточный край"]
    rows = [
        [regions[i % 3], f"УИК №{i}", 900 + i, i % 7, 400 + i % 50, i % 5, 300 + i % 11, i % 13]
        for i in range(300)
    ]
    lines = [",".join(f'"{c}"' if "," in c else c for c in PROTOCOL_HEADER)]
    lines += [",".join(map(str, row)) for row in rows]
    path = write(tmp_path, "\n".join(lines) + "\n")
    kept = []
    real = wide_rows.sum_if_same

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        kept.append(None if result is None else type(result[1]))
        return result

    monkeypatch.setattr(wide_rows, "sum_if_same", spy)
    (election,), problems = load_file(path, ReadOptions())
    # (The figures do not add up: warnings say so, no error.)
    assert all(p.severity == "warning" for p in problems) and kept == [ColumnFacts]
    frame = pd.DataFrame(
        rows, columns=["region", "unit", "registered", "a", "b", "invalid", "x", "y"]
    )
    oracle = frame.assign(ballots_cast=frame["a"] + frame["b"]).groupby("region", sort=False).sum()
    got = {r.name: (r.registered, r.ballots_cast) for r in election.regions}
    assert got == {name: (int(r.registered), int(r.ballots_cast)) for name, r in oracle.iterrows()}
    assert (election.facts.registered, election.facts.invalid) == (
        int(frame["registered"].sum()),
        int(frame["invalid"].sum()),
    )


def test_a_protocol_of_one_station_keeps_its_counts(tmp_path, monkeypatch):
    """One row: the region is read as a whole (`one_place`), and the counts kept by region were
    lost on the summed path (registered and ballots cast None; session 10)."""
    lines = [",".join(f'"{c}"' if "," in c else c for c in PROTOCOL_HEADER)]
    lines.append("Северная область,УИК №1,1569,14,1329,24,900,405")
    summed, per_option = both(write(tmp_path, "\n".join(lines) + "\n"), monkeypatch)
    assert summed == per_option
    (election,), _ = summed
    # By hand: the stations' boxes, 14 + 1,329, are the ballots cast.
    assert (election.facts.registered, election.facts.ballots_cast) == (1569, 1343)
    assert election.facts.invalid == 24


# `counted` reads a table of plain figures column by column into numbers; the oracle is pandas'
# melt of the same cells, blank ones left out, row by row and in the options' order.
@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.just(""), st.integers(0, 10**15 - 1).map(str)), min_size=4, max_size=4
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.integers(1, 3), min_size=1, max_size=3, unique=True),
)
def test_counted_is_pandas_melt(cells, options):
    import pandas as pd

    from pollcli.read.wide_sums import counted

    rows = [(10 + 2 * at, row) for at, row in enumerate(cells)]
    got = counted(rows, options)
    wide = pd.DataFrame({c: [row[c] for row in cells] for c in options})
    long = wide.assign(row=range(len(cells))).melt(id_vars="row", var_name="column")
    long = long[long["value"] != ""].assign(place=lambda f: f["column"].map(options.index))
    long = long.sort_values(["row", "place"], kind="stable")  # row by row, in the options' order
    if not len(long):
        assert got is None or got.empty
        return
    want = [
        (r, 10 + 2 * r, c, int(v))
        for r, c, v in zip(long["row"], long["column"], long["value"], strict=True)
    ]
    assert list(zip(got["row"], got["line"], got["column"], got["votes"], strict=True)) == want


def test_counted_leaves_other_cells_to_the_melt():
    from pollcli.read.wide_sums import counted

    for odd in (" 12", "1 234", "x", "-3", "1" * 16, "١٢"):
        assert counted([(2, ["R", "5"]), (3, ["R", odd])], [1]) is None


def test_cells_met_before_stay_shared_once_the_dialect_keeps_no_more(monkeypatch):
    # A million polling stations, each named once, filled the dialect's table of distinct cells;
    # the figures of every row after that were each a string of its own (some 2 GB of 3).
    from pollcli.problems import Found
    from pollcli.read import dialect

    monkeypatch.setattr(dialect, "SEEN", 6)  # full after three rows
    text = "".join(f"Region,P{i},{i % 3}00\n" for i in range(20))  # (not one-letter strings)
    records = dialect.read_records(text, 2, ",", Found("t.csv"))
    assert [cells for _, cells in records] == [["Region", f"P{i}", f"{i % 3}00"] for i in range(20)]
    first = {cells[2]: cells[2] for _, cells in records[:3]}
    assert all(cells[2] is first[cells[2]] and cells[0] is records[0][1][0] for _, cells in records)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "Nord", "Nord ", "Süd", "Юг", "0", "00"]), max_size=30))
def test_factorize_is_pandas_factorize(values):
    import pandas as pd

    from pollcli.read.wide_facts import factorize

    codes, uniques = factorize(values)
    want_codes, want_uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    assert codes.tolist() == want_codes.tolist() and uniques == list(want_uniques)


def test_a_protocol_table_of_plain_figures_is_summed_without_pandas(tmp_path):
    # pandas and the pyarrow it imports are some 80 MB and 0.2 s; a table of plain figures, summed
    # per region, needs numpy only (a table the totals stage must read, or odd cells, melt it).
    import subprocess
    import sys

    rows = [
        f"Регион {i % 3},УИК №{i},{900 + i},{i % 7},{400 + i},{i % 5},{300 + i % 11},{i % 13}"
        for i in range(300)
    ]
    header = ",".join(f'"{c}"' if "," in c else c for c in PROTOCOL_HEADER)
    path = write(tmp_path, "\n".join([header, *rows]) + "\n")
    script = (
        "import sys\n"
        "from pollcli.read import ReadOptions, load_file\n"
        f"(election,), problems = load_file({str(path)!r}, ReadOptions())\n"
        "print(len(election.regions), 'pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["3", "False"], done.stderr
