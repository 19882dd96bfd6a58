"""Under and over votes given as columns beside each option's row (`read/undercols`).

Boulder County's statements of votes (`Precinct Code,Precinct Number,Contest Title,Choice
Name,Active Voters,Total Ballots,Total Votes,Total Undervotes,Total Overvotes`) give each race's
under and over votes in each precinct on every one of its options' rows. Both columns were
"Ignored column(s)", so the trustee race's 3 votes a ballot went untold ("2.0 votes a ballot") and
no race said its under and over votes. They are now each race's `Under Votes` (blank) and `Over
Votes` (invalid) lines, one per race and precinct, as a long file lists them. Invented names and
figures in that layout; oracle: pandas (each race and precinct's first cell, summed).
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = (
    "Precinct Code,Precinct Number,Contest Title,Choice Name,Active Voters,Total Ballots,"
    "Total Votes,Total Undervotes,Total Overvotes\n"
)
# A trustee race of 3 votes a ballot (its options with the under and over votes are 3 times the
# ballots cast) and a mayor's race of one, in two precincts.
ROWS = """100,2181207100,Town of Alder - Trustee,Ann Ash,1569,1325,516,1178,1
100,2181207100,Town of Alder - Trustee,Bo Birch,1569,1325,528,1178,1
100,2181207100,Town of Alder - Trustee,Cy Cole,1569,1325,592,1178,1
100,2181207100,Town of Alder - Trustee,Di Dale,1569,1325,401,1178,1
100,2181207100,Town of Alder - Trustee,Ed Elm,1569,1325,142,1178,1
100,2181207100,Town of Alder - Trustee,Flo Fir,1569,1325,615,1178,1
101,2181207101,Town of Alder - Trustee,Ann Ash,1378,1193,425,1211,3
101,2181207101,Town of Alder - Trustee,Bo Birch,1378,1193,500,1211,3
101,2181207101,Town of Alder - Trustee,Cy Cole,1378,1193,480,1211,3
101,2181207101,Town of Alder - Trustee,Di Dale,1378,1193,300,1211,3
101,2181207101,Town of Alder - Trustee,Ed Elm,1378,1193,120,1211,3
101,2181207101,Town of Alder - Trustee,Flo Fir,1378,1193,540,1211,3
100,2181207100,Mayor,Gil Gray,1569,1325,700,80,2
100,2181207100,Mayor,Hal Hart,1569,1325,543,80,2
101,2181207101,Mayor,Gil Gray,1378,1193,500,60,1
101,2181207101,Mayor,Hal Hart,1378,1193,632,60,1
"""
SOV = HEADER + ROWS


def _oracle(text: str) -> dict[str, dict[str, int]]:
    """pandas: each race's options' votes, and its under and over votes, each race and
    precinct's cell counted once."""
    frame = pd.read_csv(io.StringIO(text))
    races: dict[str, dict[str, int]] = {}
    for race, rows in frame.groupby("Contest Title"):
        votes = rows.groupby("Choice Name")["Total Votes"].sum().to_dict()
        once = rows.drop_duplicates(["Precinct Code", "Contest Title"])
        votes["Under Votes"] = once["Total Undervotes"].sum()
        votes["Over Votes"] = once["Total Overvotes"].sum()
        races[str(race)] = {str(k): int(v) for k, v in votes.items()}
    return races


def _summary(text: str, tmp_path, *args: str) -> dict:
    result = invoke("summary", str(write(tmp_path, text, "sov.csv")), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_under_and_over_vote_columns_are_each_race_s_lines(tmp_path) -> None:
    document = _summary(SOV, tmp_path)
    oracle = _oracle(SOV)
    for election in document["elections"]:
        results = {r["candidate"]: r for r in election["results"]}
        assert {n: r["votes"] for n, r in results.items()} == oracle[election["election"]]
        assert results["Under Votes"]["kind"] == "blank"
        assert results["Over Votes"]["kind"] == "invalid"
        assert not any("Ignored column(s)" in n and "Undervotes" in n for n in election["notes"])
    mayor = next(e for e in document["elections"] if e["election"] == "Mayor")
    candidates = {
        n: v for n, v in oracle["Mayor"].items() if n not in ("Under Votes", "Over Votes")
    }
    assert mayor["leader"]["candidate"] == max(candidates, key=candidates.__getitem__)


def test_the_trustee_race_is_told_three_votes_a_ballot(tmp_path) -> None:
    """Its options with the under and over votes are 3 times its ballots cast (pandas): the
    advice gives --vote-for 3 (it said 2 from the valid votes alone)."""
    frame = pd.read_csv(io.StringIO(SOV))
    trustee = frame[frame["Contest Title"].str.contains("Trustee")]
    once = trustee.drop_duplicates("Precinct Code")
    total = trustee["Total Votes"].sum() + once[["Total Undervotes", "Total Overvotes"]].sum().sum()
    ballots = once["Total Ballots"].sum()
    assert round(total / ballots) == 3
    result = invoke("summary", str(write(tmp_path, SOV, "sov.csv")))
    said = " ".join(result.stderr.split())
    assert f"its options with the under and over votes ({total:,}) are 3 times" in said
    assert "--vote-for 3" in said
    flat = " ".join(result.stdout.split())
    assert "No winner is named" in flat


def test_the_column_form_and_the_long_form_agree(tmp_path, monkeypatch) -> None:
    """The same results written long, `Under Votes` and `Over Votes` as lines of their own."""
    frame = pd.read_csv(io.StringIO(SOV), dtype=str)
    lines = []
    for _, rows in frame.groupby(["Precinct Code", "Contest Title"], sort=False):
        lines += [r for _, r in rows.iterrows()]
        for column, name in (
            ("Total Undervotes", "Under Votes"),
            ("Total Overvotes", "Over Votes"),
        ):
            extra = rows.iloc[0].copy()
            extra["Choice Name"], extra["Total Votes"] = name, extra[column]
            lines.append(extra)
    long = pd.DataFrame(lines).drop(columns=["Total Undervotes", "Total Overvotes"])
    long_text = long.to_csv(index=False)
    wide, _ = engines_agree(monkeypatch, write(tmp_path, SOV, "sov.csv"))
    listed, _ = engines_agree(monkeypatch, write(tmp_path, long_text, "long.csv"))

    def options(elections):
        return [{(o.candidate, o.kind): o.votes for o in e.options} for e in elections]

    assert options(wide) == options(listed)
    assert [e.per_ballot for e in wide] == [e.per_ballot for e in listed]


def test_a_file_that_lists_its_under_votes_reads_no_column_again(tmp_path) -> None:
    text = SOV + "100,2181207100,Mayor,Under Votes,1569,1325,80,80,2\n"
    document = _summary(text, tmp_path, "--race", "Mayor")
    (mayor,) = document["elections"]
    names = [r["candidate"] for r in mayor["results"]]
    assert names.count("Under Votes") == 1 and "Over Votes" not in names
    assert any("left unused: the file lists its under and over votes" in n for n in mayor["notes"])


@pytest.mark.parametrize("blank", ["", "0"])
def test_a_blank_or_zero_cell(tmp_path, blank) -> None:
    """A blank cell lists no line; a 0 lists one of 0 votes, as a long file's row of 0."""
    text = SOV.replace(",80,2\n", f",80,{blank}\n").replace(",60,1\n", f",60,{blank}\n")
    document = _summary(text, tmp_path, "--race", "Mayor")
    (mayor,) = document["elections"]
    over = [r["votes"] for r in mayor["results"] if r["candidate"] == "Over Votes"]
    assert over == ([] if blank == "" else [0])


def test_a_lone_candidate_of_two_votes_a_ballot_is_no_mismatch(tmp_path) -> None:
    """A lone candidate's race of 2 votes a ballot: its votes with the under votes are twice the
    ballots cast (by hand: 1,100 + 1,534 = 2 × 1,317), which is no count to check against them
    (Boulder's 2023 file warned "make 6,486, not ballots_cast (3,243)")."""
    text = HEADER + (
        "100,2181207100,Ward 1 Council,Jo Kay,1569,700,600,800,0\n"
        "101,2181207101,Ward 1 Council,Jo Kay,1378,617,500,734,0\n"
    )
    result = invoke("validate", str(write(tmp_path, text, "sov.csv")))
    assert "check the three figures" not in " ".join(result.stdout.split() + result.stderr.split())


def test_cells_that_differ_between_the_rows_of_one_race_and_place_are_left_unused(
    tmp_path,
) -> None:
    """A column of under votes whose cells differ between the rows of one race and place is no
    race's figure repeated: its first row's cells were read as the race's Under Votes (30, where
    pandas sums the column to 40 and no one can tell which is meant). Now it is left unused,
    with a note naming the line that differs."""
    text = """precinct,candidate,votes,undervotes
101,Ann,150,20
101,Bob,128,7
102,Ann,80,10
102,Bob,110,3
"""
    (election,) = _summary(text, tmp_path)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    assert frame.groupby("precinct")["undervotes"].nunique().max() > 1
    names = [r["candidate"] for r in election["results"]]
    assert "Under Votes" not in names
    assert any("'undervotes' left unused" in n and "line 3" in n for n in election["notes"]), (
        election["notes"]
    )


def test_the_note_names_only_the_lines_read(tmp_path) -> None:
    """A file of under votes alone said its column was read as "a blank and an invalid line";
    it is read as a blank line only."""
    text = "precinct,candidate,votes,undervotes\n101,Ann,150,20\n101,Bob,128,20\n"
    (election,) = _summary(text, tmp_path)["elections"]
    (said,) = [n for n in election["notes"] if "'undervotes' are read as" in n]
    assert "a blank line" in said and "invalid" not in said
