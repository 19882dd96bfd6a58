"""A wide table's column of each row's total (`TOTAL_BOLETAS`, `TOTAL_VOTOS`, `Gesamt`, `Итого`…, or
any column that holds the sum of the other options in every row) is set aside and checked, never an
option; a district's number beside the names (`DISTRITO`) names the rows; rows the naming columns
leave named alike are one error that says which --id-columns tell them apart (trial 5: W5, W6, U1).

The files are written here in the layout of Mexico's 2021 diputados computos (INE, as the trial's
parquet has it: `ENTIDAD, DISTRITO, <a column per party>, TOTAL_BOLETAS`), with invented figures.
The expected figures come from pandas reading the file as the test knows it is laid out (the party
columns summed), never from pollcli's own reading.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file
from pollcli.read.wide_columns import says_total

ENGINES = ("exact", "stream")
PARTIES = ["FXM", "MC", "MORENA", "PAN", "PRI", "CI"]
# (ENTIDAD, DISTRITO, a figure per party): two states of two districts each, one of one.
ROWS = [
    ("AGUASCALIENTES", 1, [9231, 6494, 48317, 62687, 23717, 0]),
    ("AGUASCALIENTES", 2, [8120, 7013, 51200, 58011, 20456, 0]),
    ("BAJA CALIFORNIA", 1, [2650, 8432, 59514, 23902, 6650, 120]),
    ("BAJA CALIFORNIA", 2, [3011, 9012, 61234, 21876, 7012, 0]),
    ("CAMPECHE", 1, [1529, 51026, 84232, 8040, 62865, 0]),
]


def mx_text(total: str = "TOTAL_BOLETAS", district: str = "DISTRITO", off: int = 0) -> str:
    """The table as CSV: each row's total is the sum of its parties (`off` added to the last row's)."""
    lines = [",".join(["ENTIDAD", district, *PARTIES, total])]
    for n, (state, number, figures) in enumerate(ROWS):
        extra = off if n == len(ROWS) - 1 else 0
        lines.append(",".join([state, str(number), *map(str, figures), str(sum(figures) + extra)]))
    return "\n".join(lines) + "\n"


def party_sums(path: Path, parties: list[str]) -> dict[str, int]:
    """The oracle: each party column summed by pandas."""
    frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)
    return {p: int(frame[p].sum()) for p in parties}


def load_both(path: Path, monkeypatch, options: ReadOptions | None = None):
    """`load_file` under each engine, checked to agree; the exact engine's answer."""
    results = []
    for engine in ENGINES:
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results.append(load_file(path, options or ReadOptions()))
    monkeypatch.delenv(engines.ENGINE_ENV)
    assert results[0] == results[1]
    return results[0]


def votes_of(elections) -> dict[str, int]:
    return {o.candidate: o.votes for o in elections[0].options}


def note(elections, start: str) -> str:
    return next(n for n in elections[0].notes if n.startswith(start))


# --- W5: the total column -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_total_column_is_no_option_and_morena_leads(tmp_path, monkeypatch, suffix):
    path = write(tmp_path, mx_text())
    if suffix == ".parquet":
        parquet = tmp_path / "mx.parquet"
        pd.read_csv(path).to_parquet(parquet)
        path = parquet
    expected = party_sums(path, PARTIES)
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == expected
    assert max(expected, key=expected.__getitem__) == "MORENA"
    frame = pd.read_csv(write(tmp_path, mx_text(), "oracle.csv"))
    assert sum(o.votes for o in elections[0].options) == int(frame["TOTAL_BOLETAS"].sum())
    assert "'TOTAL_BOLETAS' (by its header)" in note(elections, "Read as the total")
    # The note counts the options only: six parties, not the total nor the district's number.
    assert "one column per option (6: 'FXM'" in note(elections, "A wide table")
    assert "rows named by 'ENTIDAD', 'DISTRITO'" in note(elections, "A wide table")
    # Set aside with the routine warning that it agrees with its parts; no mismatch.
    assert [p.code for p in problems] == ["total-row"]
    assert "they equal the sum of their parts" in problems[0].message


def test_a_total_that_differs_from_its_row_is_a_mismatch_on_its_line(tmp_path, monkeypatch):
    path = write(tmp_path, mx_text(off=7))
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, PARTIES)  # the parts are counted
    mismatch = [p for p in problems if p.code == "total-mismatch"]
    assert [p.line for p in mismatch] == [6]  # the last row, on line 6
    last = sum(ROWS[-1][2])
    assert f"{last + 7:,} in the total row, {last:,} in its unit's options" in mismatch[0].message
    assert "--kind TOTAL_BOLETAS=candidate" in mismatch[0].message


@pytest.mark.parametrize(
    "header",
    ["TOTAL", "Total", "TOTAL_VOTOS", "TOTAL_BOLETAS", "Votos totales", "Total Boletas", "Gesamt",
     "Insgesamt", "Итого", "Всего", "Всего голосов", "Total general", "Ogółem"],
)  # fmt: skip
def test_a_header_that_says_total_is_a_total(tmp_path, monkeypatch, header):
    path = write(tmp_path, mx_text(total=header, off=3))
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, PARTIES)
    assert header not in votes_of(elections)
    # Said by its header: a total that differs is still a total, and the difference is told.
    assert [p.line for p in problems if p.code == "total-mismatch"] == [6]


@pytest.mark.parametrize(
    "header", ["Total votes", "Total ballots cast", "Total registered", "Votes"]
)
def test_a_header_that_names_a_fact_is_that_fact_as_before(tmp_path, monkeypatch, header):
    # The protocol's words come first: these are facts (`protocol.FACT_LINES`), not totals.
    path = write(tmp_path, mx_text(total=header))
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, PARTIES)
    assert "protocol lines read as facts" in note(elections, "A wide table")


@pytest.mark.parametrize(
    "header",
    ["Lewica Razem", "Sumar", "Suma Ciudadana", "Zusammen für Bayern", "MORENA",
     "Partido Verde", "Totalitarian", "Subtotalis"],
)  # fmt: skip
def test_party_names_are_no_totals_by_their_words(header):
    assert not says_total(header)


@pytest.mark.parametrize(
    "header",
    ["TOTAL", "TOTAL_VOTOS", "TOTAL_BOLETAS", "Total votes", "Votos totales", "Gesamt",
     "Итого", "Всего", "Всего голосов", "total-boletas"],
)  # fmt: skip
def test_total_headers_say_so(header):
    assert says_total(header)


def test_a_column_of_each_rows_sum_is_a_total_whatever_its_header(tmp_path, monkeypatch):
    path = write(tmp_path, mx_text(total="BOLETAS"))
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, PARTIES)
    said = note(elections, "Read as the total")
    assert "'BOLETAS' (it holds the sum of the other options in every row)" in said
    assert [p.code for p in problems] == ["total-row"]


def test_a_column_that_misses_the_sum_in_one_row_stays_an_option(tmp_path, monkeypatch):
    # Not a total by its header, and not the sum in every row: nothing says it is a total.
    path = write(tmp_path, mx_text(total="BOLETAS", off=1))
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, [*PARTIES, "BOLETAS"])


def test_kind_makes_a_total_headed_column_an_option(tmp_path, monkeypatch):
    path = write(tmp_path, mx_text(total="Lista Total"))
    options = ReadOptions(kinds={"Lista Total": "candidate"})
    elections, _ = load_both(path, monkeypatch, options)
    assert votes_of(elections) == party_sums(path, [*PARTIES, "Lista Total"])


def test_two_options_and_their_copy_are_no_total(tmp_path, monkeypatch):
    # A column equal to one other option in every row copies it; with one option it sums nothing.
    path = write(tmp_path, "county,Ann,Bob,Cy\nA,10,0,10\nB,5,0,5\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 15, "Bob": 0, "Cy": 15}


def test_each_variant_has_its_own_total(tmp_path, monkeypatch):
    # A header over two rows: Erststimmen and Zweitstimmen, each with its own Summe column.
    text = (
        "Gebiet,A,B,C,A,B,C\n"
        ",Erststimmen,Erststimmen,Erststimmen,Zweitstimmen,Zweitstimmen,Zweitstimmen\n"
        "Nord,1000,2000,3000,1100,2100,3200\n"
        "Süd,500,600,1100,700,800,1500\n"
    )
    path = write(tmp_path, text)
    elections, _ = load_both(path, monkeypatch, ReadOptions(header_line=(1, 2)))
    by_election = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    # The oracle by hand: C is the sum of A and B in every row of each variant.
    assert sorted(by_election.values(), key=str) == sorted(
        [{"A": 1500, "B": 2600}, {"A": 1800, "B": 2900}], key=str
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    figures=st.integers(3, 5).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 10**6), min_size=width, max_size=width),
            min_size=2,
            max_size=8,
        )
    ),
    at=st.integers(0, 5),
)
def test_a_sum_column_anywhere_is_set_aside(tmp_path, monkeypatch, figures, at):
    width = len(figures[0])
    assume(any(sum(1 for v in row if v) >= 2 for row in figures))
    names = [f"P{k}" for k in range(width)]
    at = min(at, width)
    header = ["place", *names[:at], "Boletas", *names[at:]]
    lines = [",".join(header)]
    for n, row in enumerate(figures):
        cells = [str(v) for v in row]
        lines.append(",".join([f"R{n}", *cells[:at], str(sum(row)), *cells[at:]]))
    path = write(tmp_path, "\n".join(lines) + "\n")
    elections, _ = load_both(path, monkeypatch)
    # The oracle of chance: the sums of different rows of two options or more that are not 0.
    different = {tuple(row) for row in figures if sum(1 for v in row if v) >= 2}
    if math.prod(sum(row) for row in different) >= 10_000:
        assert votes_of(elections) == party_sums(path, names)
    else:
        # Too few votes to tell a total from an option with half of them: an option, and a note.
        assert votes_of(elections) == party_sums(path, [*names, "Boletas"])
        assert "--ignore-column Boletas" in note(elections, "'Boletas' holds the sum")


def test_a_sum_column_of_few_votes_stays_an_option(tmp_path, monkeypatch):
    # The Hypothesis failure of CI: 'lab' has 2 of 4 votes in both rows. A party, not a total.
    text = "seat,con,lab,ld,snp,other\nSeat 0,0,2,0,1,1\nSeat 1,0,2,0,1,1\n"
    path = write(tmp_path, text)
    elections, _ = load_both(path, monkeypatch)
    assert {o: v for o, v in votes_of(elections).items() if v} == {"lab": 4, "snp": 2, "other": 2}
    result = invoke("summary", str(path), "--format", "json", "--ignore-column", "lab")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    shown = {r["candidate"]: r["votes"] for r in election["results"] if r["votes"]}
    assert shown == {"snp": 2, "other": 2}
    assert "not used: 'lab'" in " ".join(election["notes"])


# --- W6: a district's number right of the name ----------------------------------------------------


@pytest.mark.parametrize(
    "header", ["DISTRITO", "Distrito", "ID", "code", "Number", "SECCION", "Nr"]
)
def test_a_number_right_of_the_name_under_an_id_header_names_the_row(tmp_path, monkeypatch, header):
    path = write(tmp_path, mx_text(district=header))
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, PARTIES)
    assert f"rows named by 'ENTIDAD', '{header}'" in note(elections, "A wide table")


def test_a_code_after_the_options_names_the_row_too(tmp_path, monkeypatch):
    path = write(tmp_path, "county,Ann,Bob,fips\nA,10,7,101\nB,5,1,103\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}


def test_the_trial_reproducer_on_the_command_line(tmp_path):
    # `pollcli summary mx21_total_boletas.csv`, no flags: MORENA leads, no DISTRITO, no total.
    path = write(tmp_path, mx_text(), "mx21_total_boletas.csv")
    expected = party_sums(path, PARTIES)
    for engine in ENGINES:
        result = invoke("summary", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
        assert result.code == 0, result.stderr
        (election,) = json.loads(result.stdout)["elections"]
        assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
        assert election["leader"]["candidate"] == "MORENA"
        total = sum(expected.values())
        assert election["leader"]["share"] == pytest.approx(100 * expected["MORENA"] / total)


# --- U1: rows named alike -------------------------------------------------------------------------


def test_rows_named_alike_are_one_error_that_names_the_id_columns(tmp_path):
    # `DTO` is no word pollcli knows: the district's number is read as an option, and the rows of
    # one state are named alike.
    path = write(tmp_path, mx_text(district="DTO"))
    result = invoke("summary", str(path))
    assert result.code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert ":3:" in errors[0]  # the first row named as an earlier one
    assert "lines 3, 5" in errors[0]
    assert "--id-columns ENTIDAD,DTO" in errors[0]
    assert "--unit" not in errors[0]
    # The advice works: the figures are then the parties' sums.
    fixed = invoke("summary", str(path), "--id-columns", "ENTIDAD,DTO", "--format", "json")
    assert fixed.code == 0, fixed.stderr
    (election,) = json.loads(fixed.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == party_sums(path, PARTIES)


def test_rows_of_one_name_with_no_option_in_common_are_no_repeat(tmp_path, monkeypatch):
    # Two rows of one place, each with options of its own (blank cells: not on that ballot).
    path = write(tmp_path, "place,Ann,Bob,Cy,Di\nA,10,7,,\nA,,,4,2\nB,1,2,3,4\n")
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 11, "Bob": 9, "Cy": 7, "Di": 6}
    assert not [p for p in problems if p.severity == "error"]


def test_a_differing_total_is_named_on_its_own_line_among_precincts(tmp_path, monkeypatch):
    # Precincts within counties: the table is summed per county where that gives the same answer,
    # but a total that differs in one precinct's row is told on that row's line.
    text = (
        "county,precinct,Ann,Bob,Cy,Total votos\n"
        "A,p1,10,20,30,60\n"
        "A,p2,1,2,3,7\n"
        "B,p1,4,5,6,15\n"
        "B,p2,7,8,9,24\n"
    )
    path = write(tmp_path, text)
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, ["Ann", "Bob", "Cy"])
    mismatch = [p for p in problems if p.code == "total-mismatch"]
    assert [p.line for p in mismatch] == [3]
    assert "7 in the total row, 6 in its unit's options" in mismatch[0].message


# --- a total that holds the invalid ballots too: the ballots cast ---------------------------------

INE = (
    "ENTIDAD,DISTRITO,PAN,PRI,MORENA,NO REGISTRADOS,VOTOS NULOS,TOTAL_VOTOS,LISTA_NOMINAL\n"
    "AGUASCALIENTES,1,100,200,300,5,20,625,1000\n"
    "AGUASCALIENTES,2,110,210,310,6,21,657,1100\n"
    "CAMPECHE,1,50,60,70,1,9,190,400\n"
)


def test_a_total_of_the_options_and_the_invalid_ballots_is_the_ballots_cast(tmp_path, monkeypatch):
    # INE's layout: VOTOS NULOS after the options, TOTAL_VOTOS their sum with the null votes,
    # LISTA_NOMINAL the voters on the list. The oracle by pandas: each column summed.
    path = write(tmp_path, INE)
    frame = pd.read_csv(path)
    assert (frame["TOTAL_VOTOS"] == frame.iloc[:, 2:7].sum(axis=1)).all()
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, ["PAN", "PRI", "MORENA", "NO REGISTRADOS"])
    facts = elections[0].facts
    assert facts.ballots_cast == int(frame["TOTAL_VOTOS"].sum())
    assert facts.registered == int(frame["LISTA_NOMINAL"].sum())
    assert facts.invalid == int(frame["VOTOS NULOS"].sum())
    said = note(elections, "A wide table")
    assert "ballots_cast from 'TOTAL_VOTOS'" in said and "registered from 'LISTA_NOMINAL'" in said
    assert not [p for p in problems if p.code == "total-mismatch"]


def test_a_total_that_is_neither_the_options_nor_the_ballots_cast_stays_a_checked_total(
    tmp_path, monkeypatch
):
    path = write(tmp_path, INE.replace(",190,400", ",191,400"))
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == party_sums(path, ["PAN", "PRI", "MORENA", "NO REGISTRADOS"])
    assert elections[0].facts.ballots_cast is None
    assert "'TOTAL_VOTOS' (by its header)" in note(elections, "Read as the total")
    assert sorted(p.line for p in problems if p.code == "total-mismatch") == [2, 3, 4]


def test_a_total_of_some_options_is_their_subtotal_not_the_rows_total(tmp_path, monkeypatch):
    # `Total Write-ins` names what `Write-in A` and `Write-in B` name: the subtotals stage sets it
    # aside as theirs (no total-mismatch against the whole row). The oracle by hand.
    text = "county,Ann,Bob,Write-in A,Write-in B,Total Write-ins\nX,10,20,1,2,3\nY,5,6,0,4,4\n"
    path = write(tmp_path, text)
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 15, "Bob": 26, "Write-in A": 1, "Write-in B": 6}
    assert [p.code for p in problems] == ["total-row"]
    assert "subtotals of the rows listed beside them" in problems[0].message
