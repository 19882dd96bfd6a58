"""A wide table whose rows are named by a numeric code (FIPS, GEOID, AGS, GKZ, INSEE, ONS…) and a name:
the code names the row with the name after it; it is never a candidate, and the total row named in the
name column stays a total.

The expected figures come from pandas (the candidate columns summed over the rows whose name is no
total) or from sums written by hand; never from the layout stage's own reading.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file, protocol

LAYOUTS = Path(__file__).parent / "layouts"
ENGINES = ("exact", "stream")


def votes_of(elections, index=0):
    return {o.candidate: o.votes for o in elections[index].options}


def load_both(path: Path, monkeypatch, options: ReadOptions | None = None):
    """`load_file` under each engine, checked to agree; the exact engine's answer."""
    results = []
    for engine in ENGINES:
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results.append(load_file(path, options or ReadOptions()))
    monkeypatch.delenv(engines.ENGINE_ENV)
    assert results[0] == results[1]
    return results[0]


def pandas_sums(path: Path, sep: str, names: str, skip: tuple[str, ...]) -> dict[str, int]:
    """Each candidate column's sum over the rows whose `names` cell is no total (pandas' reading)."""
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    kept = frame[~frame[names].isin(["Total", "Insgesamt"])]
    return {
        column: int(kept[column].astype(int).sum())
        for column in frame.columns
        if column not in skip
    }


def note(elections, start: str) -> str:
    return next(n for n in elections[0].notes if n.startswith(start))


# --- the words of codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["fips", "FIPS", "county_fips", "FIPS Code", "stcofips", "GEOID", "GEOID10", "geo_id", "AGS",
     "Amtlicher Gemeindeschlüssel", "Gemeindeschlüssel", "Schlüsselnummer", "Regionalschlüssel",
     "GKZ", "Gemeindekennziffer", "Kennziffer", "Nummer", "Wahlkreisnummer", "INSEE", "Code INSEE",
     "Code commune", "ONS", "ons_id", "ONS code", "GSS code", "id", "ID", "Nr.", "Código INE",
     "codigo", "identifier", "Kod TERYT"],
)  # fmt: skip
def test_codes_name_a_row(header):
    assert protocol.names_a_row(header)


@pytest.mark.parametrize(
    "header",
    ["Yes", "No", "David Idle", "Sid", "Partei A", "Ada Barbarbar", "county",
     "Total", "Write-ins", "Onslow", "Agsu", "Ons Dorp"],
)  # fmt: skip
def test_names_are_no_codes(header):
    assert not protocol.names_a_row(header)


# --- fips, county, candidates, Total --------------------------------------------------------------


@pytest.mark.parametrize("total_row", [True, False])
def test_a_fips_column_names_the_rows_with_the_county(tmp_path, monkeypatch, total_row):
    text = (LAYOUTS / "wide_fips.csv").read_text(encoding="utf-8")
    if not total_row:
        text = "".join(text.splitlines(keepends=True)[:-1])
    path = write(tmp_path, text)
    expected = pandas_sums(path, ",", "county", ("fips", "county", "Total"))
    assert expected == {"Ada Barbarbar": 5200, "Tove Ultavbar": 5600, "Nils Rospelcor": 150,
                        "Write-ins": 6}  # fmt: skip
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == expected
    assert [r.name for r in elections[0].regions] == ["Alder", "Birch", "Cedar"]
    assert "rows named by 'fips', 'county'" in note(elections, "A wide table")
    assert "not used" not in note(elections, "A wide table")
    # The Total column totals each row's options; the Total row its rows: both agree with the
    # file, so no total-mismatch (the total row's own Total cell is no option of its parts).
    assert [p.code for p in problems] == ["total-row"] * (1 + total_row)
    if total_row:
        by_name = [p.line for p in problems if p.code == "total-row" and "'county'" in p.message]
        assert by_name == [5]


def test_the_fips_file_on_the_command_line(tmp_path):
    for engine in ENGINES:
        result = invoke(
            "summary",
            str(LAYOUTS / "wide_fips.csv"),
            "--format",
            "json",
            env={engines.ENGINE_ENV: engine},
        )
        assert result.code == 0, result.stderr
        (election,) = json.loads(result.stdout)["elections"]
        assert {r["candidate"]: r["votes"] for r in election["results"]} == {
            "Tove Ultavbar": 5600,
            "Ada Barbarbar": 5200,
            "Nils Rospelcor": 150,
            "Write-ins": 6,
        }


@pytest.mark.parametrize("header", ["seq", "Lfd", "x"])
def test_a_number_left_of_a_name_names_the_row(tmp_path, monkeypatch, header):
    # A header pollcli does not know: the column's place tells it is no candidate.
    path = write(tmp_path, f"{header},town,Ann,Bob\n1,A,10,7\n2,B,5,1\n3,C,3,3\n,Total,18,11\n")
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 18, "Bob": 11}
    assert [(p.code, p.line) for p in problems] == [("total-row", 5)]
    assert f"rows named by '{header}', 'town'" in note(elections, "A wide table")


def test_a_number_right_of_the_last_name_is_an_option(tmp_path, monkeypatch):
    # `town,seq`: nothing tells seq from a candidate; --id-columns does.
    path = write(tmp_path, "town,seq,Ann,Bob\nA,1,10,7\nA,2,5,1\nB,1,3,3\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"seq": 4, "Ann": 18, "Bob": 11}


def test_a_code_alone_names_the_rows_when_its_header_says_so(tmp_path, monkeypatch):
    path = write(tmp_path, "GEOID,Ann,Bob\n01001,10,7\n01003,5,1\n,15,8\n")
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}
    assert [r.name for r in elections[0].regions] == ["01001", "01003"]  # leading zeros kept
    assert [(p.code, p.line) for p in problems] == [("total-row", 4)]


def test_a_code_of_no_known_word_and_no_name_stays_an_option(tmp_path, monkeypatch):
    # No column of words: a numeric column under an unknown header cannot be told from a
    # candidate's; it is shown as one (and --id-columns reads it as a code).
    path = write(tmp_path, "x,Ann,Bob\n101,10,7\n102,5,1\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"x": 203, "Ann": 15, "Bob": 8}
    assert "no column names the rows (if 'x' does, pass --id-columns x)" in note(
        elections, "Each row"
    )
    elections, _ = load_both(path, monkeypatch, ReadOptions(wide=True, id_columns=("x",)))
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}


def test_a_text_column_after_the_options_is_not_used(tmp_path, monkeypatch):
    text = "fips,county,Ann,Bob,remarks\n101,A,10,7,recount\n102,B,5,1,\n103,C,1,1,late\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert problems == [] and votes_of(elections) == {"Ann": 16, "Bob": 9}
    assert "not used: 'remarks'" in note(elections, "A wide table")
    assert "rows named by 'fips', 'county'" in note(elections, "A wide table")


def test_a_remark_after_two_options_names_no_row(tmp_path, monkeypatch):
    # Two columns of numbers after the name are candidates, not codes: the column of words after
    # them is a remark, and the options before it stay options (the sums are written by hand).
    text = "precinct,Smith,Jones,comments,Total\nP1,10,7,recount,17\nP2,5,1,,6\nP3,3,3,late,6\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert votes_of(elections) == {"Smith": 18, "Jones": 11}
    assert [r.name for r in elections[0].regions] == ["P1", "P2", "P3"]
    assert "rows named by 'precinct'; not used: 'comments'" in note(elections, "A wide table")
    assert [p.code for p in problems] == ["total-row"]  # the Total column, equal to its parts


def test_a_number_between_two_names_is_a_code(tmp_path, monkeypatch):
    path = write(tmp_path, "state,seq,county,Ann,Bob\nNH,1,A,10,5\nNH,2,B,20,5\n")
    elections, problems = load_both(path, monkeypatch)
    assert problems == [] and votes_of(elections) == {"Ann": 30, "Bob": 10}
    assert "rows named by 'state', 'seq', 'county'" in note(elections, "A wide table")


@pytest.mark.parametrize("last", ["majority", "winner", "turnout"])
def test_a_protocol_line_after_the_options_does_not_name_the_rows(tmp_path, monkeypatch, last):
    # The House of Commons Library's files end rows with the winner's majority.
    cells = {"majority": ("10", "25"), "winner": ("Lab", "Con"), "turnout": ("61.5", "58.0")}[last]
    text = f"constituency,Con,Lab,{last}\nA,10,20,{cells[0]}\nB,30,5,{cells[1]}\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert problems == [] and votes_of(elections) == {"Con": 40, "Lab": 25}
    assert f"not used: '{last}'" in note(elections, "A wide table")


def test_valid_votes_after_the_options_are_the_total_votes(tmp_path, monkeypatch):
    text = "fips,county,Ann,Bob,valid votes\n101,A,10,7,17\n102,B,5,1,6\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert problems == [] and votes_of(elections) == {"Ann": 15, "Bob": 8}
    assert elections[0].facts.total_votes == 23


# --- German-style: AGS and Gemeinde -----------------------------------------------------------------


@pytest.mark.parametrize("header", ["AGS", "Kennziffer", "Gemeindeschlüssel", "Gebiet"])
def test_ags_and_gemeinde(tmp_path, monkeypatch, header):
    # "Gebiet" is no word of codes: the column is a code by its place, left of the names.
    text = (LAYOUTS / "ags_gemeinde.csv").read_text(encoding="utf-8").replace("AGS", header, 1)
    path = write(tmp_path, text)
    expected = pandas_sums(path, ";", "Gemeinde", (header, "Gemeinde"))
    assert expected == {"Partei A": 1777, "Partei B": 1725, "Partei C": 772, "Sonstige": 96}
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == expected
    assert [(p.code, p.line) for p in problems] == [("total-row", 6)]
    assert f"rows named by '{header}', 'Gemeinde'" in note(elections, "A wide table")


def test_ags_with_protocol_lines(tmp_path, monkeypatch):
    text = (
        "AGS;Gemeinde;Wahlberechtigte;Gültige Stimmen;CSU;SPD\n"
        "09162000;Adorf;1000;700;400;300\n09163000;Bedorf;500;350;200;150\n"
        ";Insgesamt;1500;1050;600;450\n"
    )
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert votes_of(elections) == {"CSU": 600, "SPD": 450}
    assert (elections[0].facts.registered, elections[0].facts.total_votes) == (1500, 1050)
    assert [(p.code, p.line) for p in problems] == [("total-row", 4)]


# --- an invariant: a code in front of a wide table changes nothing --------------------------------

NAMES = ["Ada Barbarbar", "Tove Ultavbar", "Nils Rospelcor", "Против всех", "Bram Kelfelfel"]
ID_HEADERS = ["fips", "GEOID", "AGS", "GKZ", "INSEE", "Kennziffer", "Nummer", "ONS", "seq", "x",
              "code", "id"]  # fmt: skip


def codes(style: str, n: int) -> list[str]:
    if style == "fips":
        return [f"{1000 + 2 * k + 1:05d}" for k in range(n)]  # 01001, 01003…
    if style == "ags":
        return [f"09 1 {62 + k:02d} 000" for k in range(n)]
    return [str(101 + k) for k in range(n)]


@st.composite
def wide_tables(draw):
    """A wide table of places named in words, a code column to put in front of it, and its name."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True))
    precincts = draw(st.booleans())
    protocol_lines = draw(st.booleans())
    header = ["region"] + (["precinct"] if precincts else [])
    header += ["registered", "valid votes"] if protocol_lines else []
    header += names
    rows = []
    regions = draw(st.integers(1, 3))
    for r in range(regions):
        for p in range(draw(st.integers(1, 3)) if precincts else 1):
            figures = [draw(st.integers(0, 5000)) for _ in names]
            place = [f"Region {r}"] + ([f"Precinct {r}-{p}"] if precincts else [])
            counts = [sum(figures) * 2, sum(figures)] if protocol_lines else []
            rows.append(place + [str(c) for c in counts + figures])
    if draw(st.booleans()):
        width = len(header) - 1 - precincts
        sums = [sum(int(row[1 + precincts + k]) for row in rows) for k in range(width)]
        name = draw(st.sampled_from(["Total", "TOTAL", "Insgesamt", "Итого", ""]))
        rows.append([name] + ([""] if precincts else []) + [str(s) for s in sums])
    style = draw(st.sampled_from(["fips", "ags", "plain"]))
    ident = draw(st.sampled_from(ID_HEADERS))
    return header, rows, ident, codes(style, len(rows))


def summary_of(path: Path, engine: str) -> tuple[dict, list]:
    result = invoke("summary", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    # The notes and warnings name the naming columns; the rest is the summary (with the warnings'
    # codes, and their lines below).
    summary = {k: v for k, v in election.items() if k not in ("notes", "warnings")}
    warnings = [
        int(m.group(1)) for m in re.finditer(r"^pollcli: warning: .*?:(\d+): ", result.stderr, re.M)
    ]
    return summary, warnings


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(wide_tables())
def test_a_code_in_front_of_a_wide_table_leaves_its_summary_unchanged(tmp_path, table):
    header, rows, ident, idents = table
    plain = "\n".join(",".join(r) for r in [header, *rows]) + "\n"
    coded = [
        # A total row named by nothing (or by a total word) has no code either.
        [code if row[0] not in ("", "Total", "TOTAL", "Insgesamt", "Итого") else "", *row]
        for code, row in zip(idents, rows, strict=True)
    ]
    with_code = "\n".join(",".join(r) for r in [[ident, *header], *coded]) + "\n"
    for engine in ENGINES:
        before = summary_of(write(tmp_path, plain), engine)  # one path: the warnings name it
        after = summary_of(write(tmp_path, with_code), engine)
        assert after[0] == before[0]
        # Warnings by their line (the unit names in them may be the code's).
        assert after[1] == before[1]


# --- total rows beside codes and blank names ------------------------------------------------------


def test_a_total_row_with_a_code_of_its_own_is_a_total(tmp_path, monkeypatch):
    # The state's own FIPS code on its total row: the code groups no rows.
    text = "fips,county,Ann,Bob\n33001,A,10,5\n33003,B,20,5\n33000,Total,30,10\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert votes_of(elections) == {"Ann": 30, "Bob": 10}
    assert [(p.code, p.line) for p in problems] == [("total-row", 4)]


def test_a_total_row_with_a_blank_region_totals_them_all(tmp_path, monkeypatch):
    # On main: its parts were the rows of region "" (none), so it was counted, silently.
    text = "region,precinct,Ann,Bob\nNorth,P1,10,5\nNorth,P2,20,5\nSouth,P3,1,1\n,Total,31,11\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert votes_of(elections) == {"Ann": 31, "Bob": 11}
    assert [(p.code, p.line) for p in problems] == [("total-row", 5)]


def test_a_region_given_only_as_its_total_stays_its_figure(tmp_path, monkeypatch):
    # Each county once, one of them only as TOTALS: a name tells the rows apart, and still groups.
    text = "county,precinct,Ann,Bob\nCoos,P1,10,5\nGrafton,TOTALS,7,3\nBelknap,P2,1,1\n"
    elections, problems = load_both(write(tmp_path, text), monkeypatch)
    assert votes_of(elections) == {"Ann": 18, "Bob": 9}
    assert problems == []


@pytest.mark.parametrize("header", ["constituency", "district", "precinct", "seat"])
def test_a_place_numbered_alone_names_the_rows(tmp_path, monkeypatch, header):
    # No column of words: the header says the numbers are places, not a candidate's votes.
    path = write(tmp_path, f"{header},Con,Lab\n1,10,5\n2,20,5\n")
    elections, problems = load_both(path, monkeypatch)
    assert problems == [] and len(elections) == 1
    assert votes_of(elections) == {"Con": 30, "Lab": 10}
