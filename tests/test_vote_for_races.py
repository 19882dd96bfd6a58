"""Two races of one office told apart only by the seats they fill: Pennsylvania's county files of
2025 (Electionware) list `SCHOOL DIRECTOR Indiana At Large` twice in a precinct, vote for 4 (the
four-year seats) and vote for 1 (a two-year seat), Eric W. Brocious standing in both. The refusal
said "vote_for is '1' here but '4' …; make them agree", which no one can: both are right (trial 10).
It now says how to tell the races apart, and that advice works: two races, each its own figures.

Figures invented, the layout is the file's; oracle: pandas sums by office and vote_for.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

TEXT = """county,precinct,office,district,party,candidate,vote_for,votes
Indiana,Armstrong 1,SCHOOL DIRECTOR,,D/R,Julia Cuccaro,4,144
Indiana,Armstrong 1,SCHOOL DIRECTOR,,DEM,Quintina Thomas,4,81
Indiana,Armstrong 1,SCHOOL DIRECTOR,,D/R,Eric Brocious,4,158
Indiana,Armstrong 1,SCHOOL DIRECTOR,,REP,Josh Muscatello,4,130
Indiana,Armstrong 1,SCHOOL DIRECTOR,,D/R,Eric Brocious,1,174
Indiana,Armstrong 1,SCHOOL DIRECTOR,,DEM,Ann Ash,1,90
Indiana,Armstrong 2,SCHOOL DIRECTOR,,D/R,Julia Cuccaro,4,100
Indiana,Armstrong 2,SCHOOL DIRECTOR,,DEM,Quintina Thomas,4,90
Indiana,Armstrong 2,SCHOOL DIRECTOR,,D/R,Eric Brocious,4,120
Indiana,Armstrong 2,SCHOOL DIRECTOR,,REP,Josh Muscatello,4,110
Indiana,Armstrong 2,SCHOOL DIRECTOR,,D/R,Eric Brocious,1,130
Indiana,Armstrong 2,SCHOOL DIRECTOR,,DEM,Ann Ash,1,95
"""


def test_the_refusal_says_how_to_tell_the_races_apart(tmp_path):
    done = invoke("summary", str(write(tmp_path, TEXT)))
    assert done.code == 1
    assert "--race-by office,district,vote_for" in done.stderr


def test_the_advice_works(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    options = ReadOptions(race_by=("office", "district", "vote_for"))
    elections, problems = engines_agree(monkeypatch, path, read_options=options)
    frame = pd.read_csv(io.StringIO(TEXT))
    want = {
        str(seats): {str(k): int(v) for k, v in group.groupby("candidate")["votes"].sum().items()}
        for seats, group in frame.groupby("vote_for")
    }
    got = {e.race.keys["vote_for"]: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == want
    assert not [p for p in problems if p.severity == "error"]
    done = invoke("summary", str(path), "--race-by", "office,district,vote_for", "-f", "json")
    assert done.code == 0, done.stderr
    assert len(json.loads(done.stdout)["elections"]) == 2


def test_the_column_that_tells_the_races_apart_still_gives_their_seats(tmp_path, monkeypatch):
    """`--race-by …,vote_for` (the advice above) splits the races by the seats they fill and still
    reads those seats: the four-year race elects its top four, not a leader (it said "first past
    the post, assumed here, elects the leader"). Oracle: the vote_for cells, and pandas's top N."""
    path = write(tmp_path, TEXT)
    options = ReadOptions(race_by=("office", "district", "vote_for"))
    elections, _ = engines_agree(monkeypatch, path, read_options=options)
    assert {e.race.keys["vote_for"]: e.facts.vote_for for e in elections} == {"4": 4, "1": 1}
    done = invoke("summary", str(path), "--race-by", "office,district,vote_for", "-f", "json")
    frame = pd.read_csv(io.StringIO(TEXT))
    for race in json.loads(done.stdout)["elections"]:
        seats = int(race["race_keys"]["vote_for"])
        group = frame[frame["vote_for"] == seats].groupby("candidate")["votes"].sum()
        top = list(group.sort_values(ascending=False).index[:seats])
        if seats == 1:
            assert "seats" not in race and race["leader"]["candidate"] == top[0]
        else:
            assert race["seats"] == seats and race["elected"] == top


WIDE = {
    "before": "district,vote_for,Ann Lee,Bob Ray,Cy Dee\nNorth,2,30,20,10\nSouth,2,5,40,30\n",
    "after": "district,Ann Lee,Bob Ray,Cy Dee,vote_for\nNorth,30,20,10,2\nSouth,5,40,30,2\n",
}


@pytest.mark.parametrize("where", sorted(WIDE))
def test_a_wide_tables_seats_column_is_no_option(tmp_path, monkeypatch, where):
    """A table of one column per candidate with a column of the seats (`vote_for`) before or after
    them: that column gives the race's seats, it is no candidate. It was read as one, `vote_for`
    with 4 votes (2 + 2) in the results and in every share, and the race as first past the post.
    Oracle: pandas sums of the candidates' columns, and the top two of them elected."""
    text = WIDE[where]
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    (election,) = elections
    assert election.facts.vote_for == 2
    frame = pd.read_csv(io.StringIO(text))
    sums = frame[["Ann Lee", "Bob Ray", "Cy Dee"]].sum()
    assert {o.candidate: o.votes for o in election.options} == {k: int(v) for k, v in sums.items()}
    done = invoke("summary", str(write(tmp_path, text)), "-f", "json")
    (race,) = json.loads(done.stdout)["elections"]
    assert race["elected"] == list(sums.sort_values(ascending=False).index[:2])


def test_race_by_a_wide_tables_seats_column_of_another_name_still_gives_them(tmp_path, monkeypatch):
    """`--race-by district,number_elected` (a name of vote_for) on a table of one column per
    candidate: each row its race, and each race still fills its seats, as in a long file. North
    named one leader (first past the post, assumed) of its two seats. Oracle: pandas's top N."""
    text = "district,number_elected,Ann Lee,Bob Ray,Cy Dee\nNorth,2,30,20,10\nSouth,1,5,40,30\n"
    options = ReadOptions(race_by=("district", "number_elected"))
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text), read_options=options)
    assert [e.facts.vote_for for e in elections] == [2, 1]
    path = write(tmp_path, text)
    done = invoke("summary", str(path), "--race-by", "district,number_elected", "-f", "json")
    frame = pd.read_csv(io.StringIO(text)).set_index("district")
    for race, (_, row) in zip(json.loads(done.stdout)["elections"], frame.iterrows(), strict=True):
        seats = int(row["number_elected"])
        top = list(row.drop("number_elected").sort_values(ascending=False).index[:seats])
        assert race["elected"] == top if seats > 1 else race["leader"]["candidate"] == top[0]


def test_a_race_by_fact_written_two_ways_is_one_race_and_one_fact(tmp_path, monkeypatch):
    """`--race-by office,round` where one race writes its round `1` and `01` (one race: a number's
    leading zeros aside). It was a disagreement (then one that named its column, not `--where
    None=N`); the cells say the same round, so it is one fact now (`read/fact_values`)."""
    text = (
        "county,precinct,office,round,candidate,votes\n"
        "A,P1,Mayor,1,Ann Lee,30\nA,P1,Mayor,1,Bob Ray,20\n"
        "A,P2,Mayor,01,Ann Lee,30\nA,P2,Mayor,01,Bob Ray,20\n"
    )
    options = ReadOptions(race_by=("office", "round"))
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text), read_options=options)
    assert not [p for p in problems if p.severity == "error"]
    assert [(e.facts.round, {o.candidate: o.votes for o in e.options}) for e in elections] == [
        (1, {"Ann Lee": 60, "Bob Ray": 40})
    ]
