"""Footnote lines below a table are notes, not rows (`read/footnotes`). Clear Ballot's summary
export (Boulder County 2025: `Contest Title,Choice Name,Precinct Count,Active Voters*,…`) ends with
a blank row and `"* Active Voters are total voters in the precinct. …",,,,,,,`: a race refused for
its blank name. A `Source: …` line of one cell was an error ("1 cell but the header has 3"). Both
engines alike, the streaming engine's blocks cut small. Figures invented, the layout is Clear
Ballot's; oracle: pandas over the table's rows."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEAD = (
    '"Contest Title","Choice Name","Precinct Count","Active Voters*","Total Ballots",'
    '"Total Votes","Total Undervotes","Total Overvotes"\n'
)
ROWS = (
    '"Mayor","Ann Able",60,"71,340","34,109","16,165",288,65\n'
    '"Mayor","Bob Baker",60,"71,340","34,109","15,010",288,65\n'
    '"Ballot Issue 7B","Yes/For",3,"1,634",367,290,4,1\n'
    '"Ballot Issue 7B","No/Against",3,"1,634",367,72,4,1\n'
)
TAILS = {
    "clear ballot": ",,,,,,,\n"
    '"* Active Voters are total voters in the precinct. Not all voters may have been eligible '
    'to vote on each contest.",,,,,,,\n',
    "source": "Source: Boulder County Clerk and Recorder\n",
    "two notes": '"Note: unofficial",,,,,,,\n\n"** Write-ins are not shown",,,,,,,\n',
}


@pytest.mark.parametrize("tail", sorted(TAILS))
def test_footnote_lines_below_the_table_are_notes(tmp_path, monkeypatch, tail):
    path = write(tmp_path, HEAD + ROWS + TAILS[tail], "summary.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(HEAD + ROWS), thousands=",")
    want = {
        str(race): dict(zip(group["Choice Name"], group["Total Votes"].astype(int), strict=True))
        # (Each race's under and over votes, one cell a race: its lines, `read.undercols`.)
        | {
            "Under Votes": int(group["Total Undervotes"].iloc[0]),
            "Over Votes": int(group["Total Overvotes"].iloc[0]),
        }
        for race, group in frame.groupby("Contest Title")
    }
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == want
    first = len((HEAD + ROWS).splitlines()) + 1
    first += TAILS[tail].startswith(",")  # (a blank row above the note)
    notes = " ".join(note for e in elections for note in e.notes)
    assert f"footnote line(s) below the table are left out: line {first} (" in notes
    done = invoke("summary", str(path))
    assert done.code == 0, done.stderr
    assert "refused" not in done.stdout


def test_a_row_that_is_no_footnote_is_still_read(tmp_path, monkeypatch):
    # A last line of one cell that opens with no mark nor note word: still an error at its line;
    # a starred name with votes is a row.
    path = write(tmp_path, HEAD + ROWS + "Prepared by the clerk\n", "summary.csv")
    _, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert [p.line for p in problems if p.severity == "error"] == [6]
    starred = ROWS + '"Mayor","*Write-ins",60,"71,340","34,109",12,288,65\n'
    elections, _ = engines_agree(monkeypatch, write(tmp_path, HEAD + starred, "star.csv"))
    mayor = next(e for e in elections if e.facts.election == "Mayor")
    votes = sum(o.votes or 0 for o in mayor.options if o.kind not in ("blank", "invalid"))
    assert votes == 16165 + 15010 + 12
