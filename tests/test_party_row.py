"""A row of parties under a wide table's header (Vermont's published layout): each option column's
party, never a row of data nor a variant that splits the candidates into races of one."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

# Vermont's Secretary of State layout (2014 governor, by town): the candidates' names, then a
# shorter row of their parties, then one row per town (wards and precincts in their own columns),
# a TOTALS row at the end. Figures invented.
VT = (
    'City/Town,Ward,Pct,"Ann Avery","Bob Bell","Cy Cole","Di Dunn",Write-Ins,Blanks,'
    '"Total Votes Cast"\n'
    ",,,Democratic,Republican,Independent,Independent\n"
    "Addison,,,166,335,31,8,0,2,542\n"
    "Albany,,,88,167,13,9,1,0,278\n"
    'Bennington,-,"Bennington 2-1","1,282",552,31,52,0,3,"1,920"\n'
    'TOTALS,,,"1,536","1,054",75,69,1,5,"2,740"\n'
)
CANDIDATES = ["Ann Avery", "Bob Bell", "Cy Cole", "Di Dunn"]


def oracle() -> dict[str, int]:
    """Each candidate's votes by pandas: the rows under the party row, TOTALS left out."""
    frame = pd.read_csv(io.StringIO(VT), skiprows=[1], thousands=",")
    towns = frame[frame["City/Town"] != "TOTALS"]
    return {c: int(towns[c].sum()) for c in CANDIDATES}


def results(path, *args: str) -> list[dict]:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    return election["results"]


def test_the_row_under_the_header_gives_each_candidate_a_party(tmp_path, monkeypatch):
    path = write(tmp_path, VT, "vt.csv")
    [election], problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    candidates = {
        o.candidate: (o.party, o.votes) for o in election.options if o.kind == "candidate"
    }
    parties = dict(
        zip(CANDIDATES, ["Democratic", "Republican", "Independent", "Independent"], strict=True)
    )
    assert candidates == {c: (parties[c], v) for c, v in oracle().items()}
    assert any(
        n.startswith("Line 2, under the header, names the options' parties") for n in election.notes
    )


def test_a_header_over_the_two_lines_reads_the_same(tmp_path):
    # Before: --header-line 1-2 read the parties as variants, a race of one candidate each, all
    # "UNOPPOSED" (Peter Shumlin won the "Democratic" race with 100 %).
    path = write(tmp_path, VT, "vt.csv")
    assert results(path, "--header-line", "1-2") == results(path)
    by_name = {r["candidate"]: r["votes"] for r in results(path)}
    assert {c: by_name[c] for c in CANDIDATES} == oracle()


def test_one_word_under_every_column_is_no_row_of_parties(tmp_path):
    # `Erststimmen` under every party is the header's second level, not a party each: read as a
    # header over two lines it names the variant; alone, line 2 is an error, as it was.
    text = "Gebiet,SPD,CDU,FDP\n,Erststimmen,Erststimmen,Erststimmen\nNord,10,20,5\nSüd,7,8,9\n"
    path = write(tmp_path, text)
    alone = invoke("summary", str(path), "--format", "json")
    assert alone.code == 1 and "results.csv:2: votes 'Erststimmen'" in alone.stderr
    by_name = {
        r["candidate"]: (r["party"], r["votes"]) for r in results(path, "--header-line", "1-2")
    }
    assert by_name == {"SPD": (None, 17), "CDU": (None, 28), "FDP": (None, 14)}


def test_a_long_table_is_not_read_so(tmp_path):
    # A long table's second line is data (or an error of its own), never a row of parties.
    text = "region,candidate,party,votes\n,Ann,Blue,10\nR2,Bob,Red,7\n"
    path = write(tmp_path, text)
    by_name = {r["candidate"]: (r["party"], r["votes"]) for r in results(path)}
    assert by_name == {"Ann": ("Blue", 10), "Bob": ("Red", 7)}
