"""Wide tables — a column per option, protocol columns, candidate blocks — read as their long twins.

The expected figures are computed here from the files with the csv module by column positions the
test knows (never by the layout stage's own reading), or written by hand.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.errors import UsageError
from pollcli.read import ReadOptions, engines, load_file, protocol, stream

LAYOUTS = Path(__file__).parent / "layouts"


def votes_of(elections, index=0):
    return {o.candidate: o.votes for o in elections[index].options}


def rows_of(path: Path, delimiter: str = ",") -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# --- protocol words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "fact"),
    [
        ("Число избирателей, включенных в список избирателей", ("registered", 0)),
        ("Число недействительных избирательных бюллетеней", ("invalid", 0)),
        ("Число действительных избирательных бюллетеней", ("total_votes", 0)),
        ("Число избирательных бюллетеней в переносных ящиках для голосования", ("ballots_cast", 1)),
        ("Число бюллетеней в стационарных ящиках для голосования", ("ballots_cast", 2)),
        ("Число погашенных избирательных бюллетеней", ("", 0)),
        ("Inscrits", ("registered", 0)),
        ("Votants", ("ballots_cast", 0)),
        ("Exprimés", ("total_votes", 0)),
        ("Blancs", ("blank", 0)),
        ("Nuls", ("invalid", 0)),
        ("Abstentions", ("", 0)),
        ("Wahlberechtigte", ("registered", 0)),
        ("Wählende", ("ballots_cast", 0)),
        ("Wähler", ("ballots_cast", 0)),
        ("Ungültige Stimmen", ("invalid", 0)),
        ("Liczba wyborców uprawnionych do głosowania", ("registered", 0)),
        ("Liczba kart wyjętych z urny", ("ballots_cast", 0)),
        ("Liczba kart nieważnych", ("invalid", 1)),
        ("Liczba głosów nieważnych", ("invalid", 2)),
        ("Liczba głosów ważnych oddanych łącznie na wszystkich kandydatów", ("total_votes", 0)),
        ("Komisja otrzymała kart do głosowania", ("", 0)),
        ("electorate", ("registered", 0)),
        ("valid_votes", ("total_votes", 0)),
        ("majority", ("", 0)),
        ("other_winner", ("", 0)),
    ],
)
def test_protocol_lines_are_read_as_facts_in_many_languages(header, fact):
    assert protocol.line(header) == fact


@pytest.mark.parametrize(
    "header",
    ["Путин Владимир Владимирович", "TRZASKOWSKI Rafał Kazimierz", "con", "Partei A", "No"],
)
def test_candidates_are_no_protocol_lines(header):
    assert protocol.line(header) is None
    assert not protocol.names_a_row(header)


# --- one column per option, after protocol columns -------------------------------------------------


def test_a_protocol_table_is_reshaped_and_its_lines_are_facts():
    path = LAYOUTS / "protocol_wide.csv"
    rows = rows_of(path)
    header, data = rows[0], rows[1:]
    expected = {name: sum(int(r[7 + k]) for r in data) for k, name in enumerate(header[7:])}
    elections, problems = load_file(path, ReadOptions())
    assert problems == []
    assert votes_of(elections) == expected
    facts = elections[0].facts
    assert facts.registered == sum(int(r[1]) for r in data)
    assert facts.ballots_cast == sum(int(r[3]) + int(r[4]) for r in data)  # boxes: portable + fixed
    assert facts.invalid == sum(int(r[5]) for r in data)
    assert facts.total_votes == sum(int(r[6]) for r in data)
    assert [r.name for r in elections[0].regions] == [r[0] for r in data]
    note = next(n for n in elections[0].notes if n.startswith("A wide table"))
    assert "one column per option (3:" in note and "'Число избирателей" in note


def test_the_ballots_of_both_boxes_are_added_as_counts_whatever_their_digits(tmp_path):
    # The hand-checked sums of a protocol's two boxes: zeros in front, a space between thousands,
    # and a cell that is no count (a problem in its own column, that row's ballots unknown).
    header = (
        "region,Число избирателей включенных в список избирателей,"
        "Число избирательных бюллетеней в переносных ящиках для голосования,"
        "Число бюллетеней в стационарных ящиках для голосования,Ann,Bob\n"
    )
    rows = "A,3000,007,1 200,700,500\nB,900,12,88,60,40\nC,500,x,300,200,100\n"
    elections, problems = load_file(write(tmp_path, header + rows), ReadOptions())
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("type-error", 4, "Число избирательных бюллетеней в переносных ящиках для голосования")
    ]
    by_region = {r.name: r.ballots_cast for r in elections[0].regions}
    assert by_region == {"A": 1207, "B": 100, "C": None}


def test_both_engines_read_a_wide_table_alike(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    text = (LAYOUTS / "protocol_wide.csv").read_text(encoding="utf-8")
    header, *data = text.splitlines()
    # Without quotes: a quoted header sends the file to the exact engine anyway.
    header = ",".join(cell.replace(",", "") for cell in next(csv.reader([header])))
    assert '"' not in header  # a quoted header sends the file to the exact engine anyway
    path = write(tmp_path, "\n".join([header, *(data * 40)]) + "\n")
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results.append(load_file(path, ReadOptions()))
    assert results[0] == results[1]
    assert stream.read_stream(path, "f", ReadOptions()) is None  # the exact engine reshapes it


def test_a_cell_that_is_no_count_is_named_with_its_own_column(tmp_path):
    text = "region,Ann,Bob\nNorth,10,x7\nSouth,5,\nEast,3,4\nWest,2,1\n"
    _, problems = load_file(write(tmp_path, text), ReadOptions())
    (problem,) = problems
    assert (problem.code, problem.line, problem.column) == ("type-error", 2, "Bob")


def test_a_blank_cell_is_an_option_not_on_that_ballot(tmp_path):
    text = "constituency,Con,Lab,Ind1\nA,10,20,\nB,30,,5\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == []
    assert votes_of(elections) == {"Con": 40, "Lab": 20, "Ind1": 5}
    assert {r.name: len(r.options) for r in elections[0].regions} == {"A": 2, "B": 2}


def test_rows_without_figures_are_left_out_with_a_note(tmp_path):
    text = "region,Ann,Bob\nNorth,10,7\nOccupied,,\nSouth,5,1\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == [] and votes_of(elections) == {"Ann": 15, "Bob": 8}
    assert any("left out (line 3)" in n for n in elections[0].notes)


def test_rows_named_by_several_columns_become_regions_with_units(tmp_path):
    # Russia's layout by polling station: region, territorial and precinct commissions.
    text = (
        "region,tik,uik,Число избирателей,Ann,Bob\n"
        "R1,T1,УИК №1,100,10,5\nR1,T1,УИК №2,200,20,6\nR2,T9,УИК №1,50,3,4\n"
    )
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == []
    assert votes_of(elections) == {"Ann": 33, "Bob": 15}
    assert elections[0].facts.registered == 350
    assert {r.name: r.registered for r in elections[0].regions} == {"R1": 300, "R2": 50}


def test_a_row_named_as_a_total_or_by_nothing_is_set_aside(tmp_path):
    text = "region,Ann,Bob\nNorth,10,7\nSouth,5,1\nИтого,15,8\n,15,8\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}
    assert [(p.code, p.line) for p in problems] == [("total-row", 4), ("total-row", 5)]


def test_a_total_that_differs_is_reported_with_both_sums(tmp_path):
    text = "region,Ann,Bob\nNorth,10,7\nSouth,5,1\nTotal,15,9\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}
    (mismatch,) = [p for p in problems if p.code == "total-mismatch"]
    assert "Bob 9 in the total row, 8 in the parts" in mismatch.message


def test_a_long_table_is_not_taken_for_a_wide_one(tmp_path):
    text = "region,candidate,votes,registered\nN,Ann,10,100\nN,Bob,5,100\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == [] and votes_of(elections) == {"Ann": 10, "Bob": 5}
    assert not any(n.startswith("A wide table") for n in elections[0].notes)


def test_one_option_column_is_wide_only_when_said(tmp_path):
    path = write(tmp_path, "region,Ann\nNorth,10\nSouth,5\n")
    _, problems = load_file(path, ReadOptions())
    assert {p.code for p in problems} == {"missing-column", "unknown-column"}
    assert "pass --wide" in problems[0].message
    elections, problems = load_file(path, ReadOptions(wide=True))
    assert problems == [] and votes_of(elections) == {"Ann": 15}


def test_id_columns_say_which_columns_name_the_rows(tmp_path):
    # Without --id-columns, the numeric `seq` is taken for an option (shown as one).
    text = "town,seq,Ann,Bob\nA,1,10,7\nA,2,5,1\nB,1,3,3\n"
    path = write(tmp_path, text)
    elections, problems = load_file(path, ReadOptions())
    assert problems == [] and votes_of(elections) == {"seq": 4, "Ann": 18, "Bob": 11}
    elections, problems = load_file(path, ReadOptions(wide=True, id_columns=("town", "seq")))
    assert problems == [] and votes_of(elections) == {"Ann": 18, "Bob": 11}
    with pytest.raises(UsageError, match="--id-columns 'wrd': the file has no such column"):
        load_file(path, ReadOptions(wide=True, id_columns=("wrd",)))


# --- candidate blocks along the row -----------------------------------------------------------------


def test_candidate_blocks_named_once_in_the_header():
    path = LAYOUTS / "blocks.csv"
    rows = rows_of(path)
    expected: Counter[str] = Counter()
    for row in rows[1:]:
        for at in range(10, len(row), 6):
            expected[f"{row[at + 2]} {row[at + 1]}"] += int(row[at + 3])  # Prénom Nom: Voix
    elections, problems = load_file(path, ReadOptions())
    assert problems == []
    assert votes_of(elections) == dict(expected)
    facts = elections[0].facts
    assert (facts.registered, facts.ballots_cast, facts.blank, facts.invalid) == tuple(
        sum(int(r[i]) for r in rows[1:]) for i in (3, 6, 7, 8)
    )
    assert [r.name for r in elections[0].regions] == ["Ain", "Aisne", "Corse-du-Sud"]


def test_candidate_blocks_with_the_labels_repeated(tmp_path):
    text = "dept,Nom,Voix,Nom,Voix,Nom,Voix\nAin,A,1,B,2,C,3\nAisne,A,4,B,5,C,6\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == [] and votes_of(elections) == {"A": 5, "B": 7, "C": 9}


def test_list_blocks_are_named_by_the_list(tmp_path):
    # France's European elections: a list's number, labels and head, then its votes.
    head = "Code,Libellé,Exprimés,N°Liste,Libellé Abrégé Liste,Libellé Etendu Liste,Nom Tête de Liste,Voix"
    text = (
        head
        + ",,,,,\n1,Ain,30,1,LISTE UN,LISTE UN LONGUE,DOE Jane,10,2,DEUX,DEUX LONGUE,ROE Ann,20\n"
    )
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == [] and votes_of(elections) == {"LISTE UN": 10, "DEUX": 20}


def test_list_blocks_are_lists_no_runoff_is_offered_between(tmp_path):
    """Trial 3: EU 2019 said "a runoff would be between PRENEZ LE POUVOIR and RENAISSANCE"."""
    head = "Code,Libellé,Exprimés,N°Liste,Libellé Abrégé Liste,Nom Tête de Liste,Voix"
    text = head + ",,,\n1,Ain,60,1,UN,DOE Jane,20,2,DEUX,ROE Ann,25,3,TROIS,POE Al,15\n"
    result = invoke("summary", str(write(tmp_path, text)))
    found = " ".join(result.stdout.replace("│", " ").split())
    assert "runoff" not in found
    assert "The options are parties: a party-list vote is read with --system list" in found
    names = write(tmp_path, "dept,Nom,Voix,Nom,Voix,Nom,Voix\nAin,A,1,B,2,C,3\n", "c.csv")
    assert "a runoff would be between C and B" in invoke("summary", str(names)).stdout


# --- a header over three rows, totals by parent, and variants as elections ----------------------------


def test_kerg_layout_gives_one_election_per_variant_and_sets_the_lander_aside():
    path = LAYOUTS / "kerg_like.csv"
    rows = rows_of(path, ";")
    labels = rows[5]
    wahlkreise = [r for r in rows[8:] if len(r) > 3 and r[2] not in ("99", "") and r[0]]
    parties = [i for i, name in enumerate(labels) if name.startswith("Partei")]
    elections, problems = load_file(path, ReadOptions())
    assert [e.facts.election for e in elections] == [
        f"kerg_like · {v} · {p}"
        for v in ("Erststimmen", "Zweitstimmen")
        for p in ("Vorläufig", "Vorperiode")
    ]
    for number, election in enumerate(elections):
        expected = {}
        for start in parties:
            cells = [r[start + number] for r in wahlkreise if r[start + number]]
            if cells:
                expected[labels[start]] = sum(map(int, cells))
        assert votes_of(elections, number) == expected
        assert election.facts.registered == sum(int(r[4 + number]) for r in wahlkreise)
    assert {p.code for p in problems} == {"total-row"}
    assert all(p.line == 11 and "'gehört zu'" in p.message for p in problems)


# --- the command line ---------------------------------------------------------------------------


def test_summary_of_a_wide_table(tmp_path):
    result = invoke("summary", str(LAYOUTS / "blocks.csv"), "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["leader"]["candidate"] == "Jean MARTIN"
    assert any("A wide table" in n for n in election["notes"])


def test_wide_and_id_columns_flags(tmp_path):
    path = write(tmp_path, "town,seq,Ann,Bob\nA,1,10,7\nA,2,5,1\n")
    result = invoke("summary", str(path), "--id-columns", "town,seq", "--format", "json")
    assert result.code == 0, result.stderr
    results = json.loads(result.stdout)["elections"][0]["results"]
    assert {r["candidate"]: r["votes"] for r in results} == {"Ann": 15, "Bob": 8}
    result = invoke("validate", str(path), "--id-columns", "nowhere")
    assert result.code == 2
    assert "--id-columns 'nowhere': the file has no such column" in result.stderr
    assert "its columns are 'town', 'seq', 'Ann', 'Bob'" in result.stderr


# --- an invariant: a wide table and its long twin are one election -----------------------------------


@st.composite
def tables(draw):
    names = draw(
        st.lists(st.sampled_from(["Ada Barbarbar", "Tove Ultavbar", "Nils Rospelcor", "Против всех",
                                  "Bram Kelfelfel"]), min_size=2, max_size=5, unique=True)
    )  # fmt: skip
    regions = draw(st.integers(1, 4))
    rows = []
    for r in range(regions):
        for p in range(draw(st.integers(1, 4))):
            cells = [draw(st.one_of(st.none(), st.integers(0, 10**6))) for _ in names]
            if all(c is None for c in cells):
                cells[0] = 0
            rows.append((f"Region {r:02d}", f"P{r}-{p}", cells))
    return names, rows


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tables())
def test_a_wide_table_equals_its_long_twin(tmp_path, table):
    names, rows = table
    wide = (
        "region,precinct,"
        + ",".join(names)
        + "\n"
        + "".join(
            f"{r},{p}," + ",".join("" if v is None else str(v) for v in cells) + "\n"
            for r, p, cells in rows
        )
    )
    long = "region,precinct,candidate,votes\n" + "".join(
        f"{r},{p},{n},{v}\n"
        for r, p, cells in rows
        for n, v in zip(names, cells, strict=True)
        if v is not None
    )
    (tmp_path / "wide").mkdir(exist_ok=True)
    (tmp_path / "long").mkdir(exist_ok=True)
    wide_elections, wide_problems = load_file(write(tmp_path / "wide", wide), ReadOptions())
    long_elections, long_problems = load_file(write(tmp_path / "long", long), ReadOptions())

    def said(problems):
        return [(p.code, p.severity, p.line, p.column, p.message) for p in problems]

    assert said(wide_problems) == said(long_problems)
    (w,), (lo,) = wide_elections, long_elections
    assert sorted((o.candidate, o.votes, o.kind) for o in w.options) == sorted(
        (o.candidate, o.votes, o.kind) for o in lo.options
    )
    assert [(r.name, sorted((o.candidate, o.votes) for o in r.options)) for r in w.regions] == [
        (r.name, sorted((o.candidate, o.votes) for o in r.options)) for r in lo.regions
    ]


HEADERS = st.sampled_from(
    ["region", "precinct", "Ann", "Bob", "Против всех", "Inscrits", "Votants", "Nuls", "Exprimés",
     "Число избирателей", "Nom", "Prénom", "Voix", "% Voix/Exp", "gehört zu", "Nr", "Total", "",
     "votes", "Code"]
)  # fmt: skip
WIDE_CELLS = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from(["", " ", "Total", "Итого", "x", "1 234", "12,5", "01", "99"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(HEADERS, min_size=2, max_size=8),
    rows=st.lists(st.lists(WIDE_CELLS, min_size=0, max_size=10), max_size=6),
    wide=st.booleans(),
)
def test_odd_wide_tables_never_crash(header, rows, wide):
    text = "\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n"
    args = ["validate", "-", "--format", "json"] + (["--wide"] if wide else [])
    result = invoke(*args, stdin=text.encode("utf-8"))
    assert result.code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_a_wide_table_on_standard_input_past_the_streaming_threshold(monkeypatch):
    # A big stream is first looked at (`inputs.probe`): a wide header must not be refused there.
    monkeypatch.setattr(engines, "STREAM_THRESHOLD_BYTES", 256)
    rows = "".join(f"R{i % 3},P{i},{i % 7},{i % 5}\n" for i in range(100))
    result = invoke(
        "summary", "-", "--format", "json", stdin=b"region,precinct,Ann,Bob\n" + rows.encode()
    )
    assert result.code == 0, result.stderr
    results = json.loads(result.stdout)["elections"][0]["results"]
    assert {r["candidate"]: r["votes"] for r in results} == {
        "Ann": sum(i % 7 for i in range(100)),
        "Bob": sum(i % 5 for i in range(100)),
    }


def test_validate_lists_total_rows_beside_every_other_problem(tmp_path):
    text = "region,Ann,Bob\nNorth,10,x\nSouth,5,1\nTotal,15,1\n"
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 1
    (report,) = json.loads(result.stdout)["files"]
    assert [(p["code"], p["line"]) for p in report["problems"]] == [
        ("type-error", 2),
        ("total-row", 4),
    ]


def test_summary_table_of_a_wide_table_golden(monkeypatch):
    import os

    from pollcli import load, summarize
    from pollcli.cli.output import render_to_text
    from pollcli.render.table import render_summary

    monkeypatch.chdir(LAYOUTS.parent.parent)
    summary = summarize(load(["tests/layouts/blocks.csv", "tests/layouts/protocol_wide.csv"]))
    text = render_to_text(render_summary(summary, 100), 100)
    path = Path(__file__).parent / "golden" / "summary_wide_layouts_w100.txt"
    if os.environ.get("POLLCLI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_wide_on_a_table_without_option_columns_says_so(tmp_path):
    path = write(tmp_path, "precinct,votes\nNorth,10\nSouth,5\n")
    _, problems = load_file(path, ReadOptions(wide=True))
    assert [(p.code, p.line) for p in problems] == [("missing-column", 1)]
    assert "no column holds an option's counts" in problems[0].message
    # A candidate column says what the table is (test_wide_beside_candidates).
    path = write(tmp_path, "candidate,votes\nAnn,10\nBob,5\n")
    with pytest.raises(UsageError, match="'candidate' names a candidate on each row"):
        load_file(path, ReadOptions(wide=True))


def test_a_naming_column_called_like_a_fact_is_a_fact_only_when_constant(tmp_path):
    # The House of Commons Library's `country_name`: England, Scotland, Wales… row by row.
    text = "constituency,country_name,Ann,Bob\nA,Wales,1,2\nB,Scotland,3,4\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert problems == [] and elections[0].facts.country is None
    elections, _ = load_file(write(tmp_path, text.replace("Scotland", "Wales")), ReadOptions())
    assert elections[0].facts.country == "Wales"


def test_a_bad_count_in_a_ragged_wide_row_is_an_error_not_a_crash(tmp_path):
    # Found by Hypothesis: a row longer than the header, with a cell that is no count past its end.
    text = "region,region,Voix,region,Nom\n0,0,0,0,0,0,0,0,0\n0,0,0,0,0,0,-1\n"
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1 and "a count cannot be negative" in result.stderr
