"""A wide table whose first or last row is the sum of all the others, named like a place: the
Statistisches Landesamt Baden-Württemberg's Bundestag 2025 file by Wahlkreis ends with
`BW,Baden-Württemberg`, the Land's figures, under no total word. Added to its Wahlkreise it doubled
every figure (CDU 4,561,414 first votes for 2,280,707), confidently (trial 10). A row whose every
option's figure is the sum of all the other rows' is their total: set aside, with a note, and
checked as a total row is. One that is not (a figure off) stays a row of its own.

Figures invented, the layout is the file's; oracle: pandas sums of the rows but the total.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = (
    "Wahlkreisnummer,Wahlkreisname,Wahlberechtigte,Wähler,Ungültige,Gültige,CDU,SPD,AfD,GRÜNE\n"
)
PARTS = [
    "258,Stuttgart I,1000,800,10,790,300,200,190,100",
    "259,Stuttgart II,1200,900,12,888,400,188,200,100",
    "260,Böblingen,900,700,5,695,250,145,200,100",
    "261,Esslingen,1100,850,8,842,350,192,200,100",
]


def land(rows: list[str], off_by: int = 0) -> str:
    """The Land's row: every figure the sum of the Wahlkreise's (CDU `off_by` more)."""
    sums = [sum(int(r.split(",")[i]) for r in rows) for i in range(2, 10)]
    sums[4] += off_by
    return "BW,Baden-Württemberg," + ",".join(map(str, sums))


def oracle(text: str, total_line: int | None) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text))
    if total_line is not None:
        frame = frame.drop(index=total_line - 2)
    return {p: int(frame[p].sum()) for p in ("CDU", "SPD", "AfD", "GRÜNE")}


CASES = {
    "last": (HEADER + "\n".join([*PARTS, land(PARTS)]) + "\n", 6),
    "first": (HEADER + "\n".join([land(PARTS), *PARTS]) + "\n", 2),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_row_that_sums_all_the_others_is_their_total(tmp_path, monkeypatch, case):
    text, line = CASES[case]
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    got = {o.candidate: o.votes for o in race.options}
    assert got == oracle(text, line)
    assert got["CDU"] == 300 + 400 + 250 + 350
    assert race.facts.registered == 4200 and race.facts.ballots_cast == 3250
    said = " ".join(p.message for p in problems) + " ".join(race.notes)
    assert "Baden-Württemberg" in said
    assert not [p for p in problems if p.severity == "error"]


def test_a_row_off_by_one_vote_is_no_total(tmp_path, monkeypatch):
    text = HEADER + "\n".join([*PARTS, land(PARTS, off_by=1)]) + "\n"
    (race,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == oracle(text, None)


def test_two_rows_are_no_total_of_each_other(tmp_path, monkeypatch):
    # With one other row, a row equal to it is a repeat, not a total of "all the others".
    text = HEADER + PARTS[0] + "\n" + "261,Esslingen" + PARTS[0][len("258,Stuttgart I") :] + "\n"
    (race,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == oracle(text, None)


def test_the_summary_names_the_land_row(tmp_path):
    text, _ = CASES["last"]
    done = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert election["leader"] == {
        "candidate": "CDU",
        "party": None,
        "votes": 1300,
        "share": pytest.approx(100 * 1300 / 3215),
    }


# A protocol line's breakdowns beside it, named by it and more words: the Landesamt's
# `Wahlberechtigte ohne Wahlschein`, `… mit Wahlschein`, `… nach §25 Abs.2 BWO`, `Wähler(innen)
# mit Wahlschein`. They were options: "Wahlberechtigte ohne Wahlschein leads with 51.57 %".
BREAKDOWNS = (
    "Wahlkreisnummer,Wahlkreisname,Wahlberechtigte,Wahlberechtigte ohne Wahlschein,"
    "Wahlberechtigte mit Wahlschein,Wahlberechtigte nach §25 Abs.2 BWO,Wähler(innen),"
    "Wähler(innen) mit Wahlschein,Ungültige,Gültige,CDU,SPD,AfD,GRÜNE\n"
    "258,Stuttgart I,1000,700,300,1,800,290,10,790,300,200,190,100\n"
    "259,Stuttgart II,1200,900,300,0,900,280,12,888,400,188,200,100\n"
)


def test_a_protocol_line_s_breakdowns_are_no_options(tmp_path, monkeypatch):
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, BREAKDOWNS))
    frame = pd.read_csv(io.StringIO(BREAKDOWNS))
    assert {o.candidate: o.votes for o in race.options} == {
        p: int(frame[p].sum()) for p in ("CDU", "SPD", "AfD", "GRÜNE")
    }
    assert race.facts.registered == 2200 and race.facts.ballots_cast == 1700
    assert race.facts.invalid == 22
    assert not [p for p in problems if p.severity == "error"]


# The Landesamt's one header row names both votes of a party in one table: `CDU_Erststimmen`
# (first votes, the Wahlkreis candidates) and `CDU_Zweitstimmen` (second votes, the party lists),
# `Ungültige_Erststimmen`, `Gültige_Zweitstimmen`. Read as one race of 40 options they were added
# up ("Gültige_Zweitstimmen leads with 17.90 %"). As a header over two rows is, each of the two
# votes is an election of its own, its valid and invalid votes its facts.
TWO_VOTES = (
    "Wahlkreisnummer,Wahlkreisname,Wahlberechtigte,Wähler(innen),Ungültige_Erststimmen,"
    "Gültige_Erststimmen,CDU_Erststimmen,SPD_Erststimmen,AfD_Erststimmen,Ungültige_Zweitstimmen,"
    "Gültige_Zweitstimmen,CDU_Zweitstimmen,SPD_Zweitstimmen,AfD_Zweitstimmen,Die_Linke_Zweitstimmen,"
    "WIR_SIND_ZUSAMMEN_STARK_(WSZ)_Erststimmen\n"
    "258,Stuttgart_I,1000,800,10,790,400,200,180,6,794,300,250,200,44,10\n"
    "259,Stuttgart_II,1200,900,12,888,450,238,200,9,891,350,260,210,71,0\n"
)


@pytest.mark.parametrize("separator", ["_", " "])
def test_first_and_second_votes_in_one_header_row_are_two_elections(
    tmp_path, monkeypatch, separator
):
    header, body = TWO_VOTES.split("\n", 1)
    text = header.replace("_", separator) + "\n" + body
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, "btw25_bw.csv"))
    frame = pd.read_csv(io.StringIO(TWO_VOTES))
    got = {e.facts.election: e for e in elections}
    assert sorted(got) == ["btw25_bw · Erststimmen", "btw25_bw · Zweitstimmen"]
    for vote in ("Erststimmen", "Zweitstimmen"):
        race = got[f"btw25_bw · {vote}"]
        columns = [c for c in frame.columns if c.endswith("_" + vote) and "ltige" not in c]
        want = {
            c.removesuffix("_" + vote).replace("_", separator): int(frame[c].sum()) for c in columns
        }
        assert {o.candidate: o.votes for o in race.options} == want
        assert race.facts.invalid == int(frame[f"Ungültige_{vote}"].sum())
        assert race.facts.registered == 2200 and race.facts.ballots_cast == 1700
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize("at", ["first", "last"])
def test_a_row_of_a_region_shared_with_some_rows_only_is_no_total_of_all(tmp_path, monkeypatch, at):
    """A precinct whose figures happen to be the sum of the other rows' (7 = 3 + 4, 4 = 1 + 3) but
    which lies in a region beside one of them and apart from another is one of the places, not
    their total: a total of all the rows lies in no region only some of them share (the Land's row
    names a place of its own; a state's row may name the state every row names). It was set aside
    and the precinct's votes lost (Ann Lee 7 for 14)."""
    rows = ["North,P1,7,4", "North,P2,3,1", "South,P3,4,3"]
    if at == "last":
        rows = ["North,P2,3,1", "South,P3,4,3", "North,P1,7,4"]
    text = "region,precinct,Ann Lee,Bo Kim\n" + "\n".join(rows) + "\n"
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    frame = pd.read_csv(io.StringIO(text))
    assert {o.candidate: o.votes for o in race.options} == {
        c: int(frame[c].sum()) for c in ("Ann Lee", "Bo Kim")
    }
    assert not [p for p in problems if p.code.value == "total-row"]


def test_a_row_named_as_the_region_every_row_names_is_still_their_total(tmp_path, monkeypatch):
    """The other side of the rule above: a last row that names the one state every row names, and
    a place of its own, holding their sums, is their total."""
    rows = [
        "Ohio,Adams,7,4",
        "Ohio,Brown,3,1",
        "Ohio,Clark,4,3",
        "Ohio,Dane,2,2",
        "Ohio,Ohio,16,10",
    ]
    text = "state,county,Ann Lee,Bo Kim\n" + "\n".join(rows) + "\n"
    (race,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in race.options} == {"Ann Lee": 16, "Bo Kim": 10}


@pytest.mark.parametrize(
    "rows",
    [
        [
            "Adams,7,4",
            "Brown,3,1",
            "Clark,4,3",
        ],  # three parts: a sum by chance (review, session 10)
        ["Adams,9", "Brown,3", "Clark,4", "Dane,2"],  # one option
    ],
)
def test_a_sum_over_few_parts_or_one_option_is_no_total(tmp_path, monkeypatch, rows):
    """Few rows, or one option's column, and a place's figures may be the others' sum by chance:
    every row is counted (pandas' sums), none set aside."""
    header = "county,Ann Lee,Bo Kim\n" if rows[0].count(",") == 2 else "county,Ann Lee\n"
    text = header + "\n".join(rows) + "\n"
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text), wide=True)
    frame = pd.read_csv(io.StringIO(text))
    assert {o.candidate: o.votes for o in race.options} == {
        c: int(frame[c].sum()) for c in frame.columns[1:]
    }
    assert not [p for p in problems if p.code.value == "total-row"]
