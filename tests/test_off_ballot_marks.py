"""A vote cell of `X` (or `x`) on every row of a race in a place that reported other races says the
race is not on that place's ballot: Mississippi's primary files (OpenElections) mark each candidate
of a district in every precinct outside it, some 9,000 cells a file, and each was an error that
advised `--blank-votes zero`. Such rows are left out (no vote there) with a warning that names the
word and counts the cells; a marker beside another option's count in the same place stays an error
(a count lost?), and so does every marker under `--blank-votes error`, a dash or `NA` (a county's
count not reported yet) and a marker of a place with no count at all. Invented figures; pandas the
oracle."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

HEAD = "county,precinct,office,district,candidate,party,votes\n"
TEXT = HEAD + (
    "Alder,North,Governor,,Ann Reed,R,120\n"
    "Alder,North,Governor,,Bob Stone,R,80\n"
    "Alder,North,State Senate,7,Cal Moss,R,X\n"
    "Alder,North,State Senate,7,Dee Lark,R,X\n"
    "Alder,North,State Senate,8,Eve Hart,R,55\n"
    "Alder,North,State Senate,8,Fay Kemp,R,40\n"
    "Alder,South,Governor,,Ann Reed,R,90\n"
    "Alder,South,Governor,,Bob Stone,R,70\n"
    "Alder,South,State Senate,7,Cal Moss,R,60\n"
    "Alder,South,State Senate,7,Dee Lark,R,45\n"
    "Alder,South,State Senate,8,Eve Hart,R,x\n"
    "Alder,South,State Senate,8,Fay Kemp,R,x\n"
)


def _oracle(text: str) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[~frame.votes.isin(["X", "x"])]
    frame = frame.assign(votes=pd.to_numeric(frame.votes))
    sums = frame.groupby(["office", "district", "candidate"]).votes.sum()
    out: dict[str, dict[str, int]] = {}
    for (office, district, name), votes in sums.items():
        out.setdefault(" · ".join(filter(None, (office, district))), {})[name] = int(votes)
    return out


def _got(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def test_a_race_marked_x_in_a_place_is_not_on_its_ballot(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(monkeypatch, path)
    assert _got(elections) == _oracle(TEXT)
    assert not [p for p in problems if p.severity == "error"]
    (warning,) = [p for p in problems if p.severity == "warning"]
    assert (warning.code, warning.line, warning.column) == ("missing-value", 4, "votes")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "4 vote cells of 'X' (2) and 'x' (2) read as not on the ballot there" in said
    assert "first on line 4" in said


def test_an_x_beside_a_count_of_the_same_race_and_place_is_an_error(tmp_path, monkeypatch):
    text = HEAD + (
        "Alder,North,State Senate,7,Cal Moss,R,X\n"
        "Alder,North,State Senate,7,Dee Lark,R,70\n"
        "Alder,South,State Senate,7,Cal Moss,R,60\n"
        "Alder,South,State Senate,7,Dee Lark,R,45\n"
    )
    _, problems = engines_agree(monkeypatch, write(tmp_path, text))
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.line == 2 and "'Cal Moss' has neither votes nor a share" in error.message


def test_in_a_party_primary_each_partys_race_is_its_own(tmp_path, monkeypatch):
    # The Democratic primary for district 7 is not on North's ballot, the Republican one is.
    text = HEAD + (
        "Alder,North,State Senate,7,Cal Moss,R,30\n"
        "Alder,North,State Senate,7,Dee Lark,R,20\n"
        "Alder,North,State Senate,7,Gus Hale,D,X\n"
        "Alder,South,State Senate,7,Cal Moss,R,60\n"
        "Alder,South,State Senate,7,Dee Lark,R,45\n"
        "Alder,South,State Senate,7,Gus Hale,D,12\n"
        "Alder,South,State Senate,7,Hal Ring,D,9\n"
    )
    path = tmp_path / "20230808__ms__primary__precinct.csv"
    path.write_text(text, encoding="utf-8")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    votes = {(o.party, o.candidate): o.votes for e in elections for o in e.options}
    assert votes == {("R", "Cal Moss"): 90, ("R", "Dee Lark"): 65, ("D", "Gus Hale"): 12,
                     ("D", "Hal Ring"): 9}  # fmt: skip
    # In a general election the party is no race of its own: Hale's `X` beside counts is an error.
    general = tmp_path / "20231107__ms__general__precinct.csv"
    general.write_text(text, encoding="utf-8")
    _, problems = engines_agree(monkeypatch, general)
    assert [p.line for p in problems if p.severity == "error"] == [4]


def test_blank_votes_zero_and_error_still_decide(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    elections, _ = engines_agree(monkeypatch, path, read_options=ReadOptions(blank_votes_zero=True))
    assert _got(elections) == _oracle(TEXT)  # (0 votes where not on the ballot: the same sums)
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(blank_votes_zero=False)
    )
    assert sorted(p.line for p in problems if p.severity == "error") == [4, 5, 12, 13]


def test_a_county_not_reported_is_no_race_off_its_ballot(tmp_path, monkeypatch):
    # (review) A statewide race whose one county holds `-`, `NA` or `x` in every cell, and no count
    # of any race: not reported yet, not off the ballot. Read as off it, the race had a winner
    # from two counties of three and validate found nothing.
    for mark in ("-", "NA", "x"):
        text = (
            "county,office,candidate,party,votes\n"
            "Adams,Governor,Ann Reed,R,120\nAdams,Governor,Bob Stone,D,80\n"
            f"Baker,Governor,Ann Reed,R,{mark}\nBaker,Governor,Bob Stone,D,{mark}\n"
            "Clark,Governor,Ann Reed,R,90\nClark,Governor,Bob Stone,D,140\n"
        )
        _, problems = engines_agree(monkeypatch, write(tmp_path, text))
        assert [p.line for p in problems if p.severity == "error"] == [4, 5], mark
