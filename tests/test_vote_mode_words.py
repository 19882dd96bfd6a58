"""Connecticut's vote-mode columns (OpenElections' 2014 town files): `poll` (the polling place),
`abs` (absentee), `edr` (election-day registration), `prov`, `unknown` beside the candidate, with
or without a votes column, and the town's total among its precincts as `Danbury City CT`. They were
no vote-mode columns, so the files drew "neither a votes nor a share column … pass --wide", which
does not fit them either. Now the modes are summed into each row's votes (or checked against the
votes column), and `… City CT` is the town's total, set aside and checked against its precincts.

Oracle: pandas, each option's mode columns summed over its precincts, the City CT rows left out."""

import io
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, load_file
from pollcli.read.roles import column_roles, is_vote_part, together_modes

DANBURY = """county,precinct,office,district,party,candidate,poll,abs,edr,unknown
Fairfield,Danbury 1-109,Governor,,REP,Thomas C. Foley,45,0,0,0
Fairfield,Danbury 1-109,Governor,,DEM,Dannel P. Malloy,93,0,0,5
Fairfield,Danbury 1-109,Governor,,PC,Joe Visconti,1,0,0,0
Fairfield,Danbury 1-110,Governor,,REP,Thomas C. Foley,25,0,0,0
Fairfield,Danbury 1-110,Governor,,DEM,Dannel P. Malloy,35,0,0,4
Fairfield,Danbury 1-110,Governor,,PC,Joe Visconti,1,0,0,0
Fairfield,Danbury 1-138,Governor,,REP,Thomas C. Foley,1249,56,3,5
Fairfield,Danbury 1-138,Governor,,DEM,Dannel P. Malloy,954,53,7,24
Fairfield,Danbury 1-138,Governor,,PC,Joe Visconti,20,0,0,0
Fairfield,Danbury City CT,Governor,,REP,Thomas C. Foley,1319,56,3,5
Fairfield,Danbury City CT,Governor,,DEM,Dannel P. Malloy,1082,53,7,33
Fairfield,Danbury City CT,Governor,,PC,Joe Visconti,22,0,0,0
"""
MODES = ["poll", "abs", "edr", "unknown"]


def oracle(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[frame["precinct"] != "Danbury City CT"]
    votes = frame[MODES].astype(int).sum(axis=1)
    return {k: int(v) for k, v in votes.groupby(frame["candidate"]).sum().items()}


def test_connecticuts_mode_columns_are_summed_and_its_city_total_set_aside(tmp_path, monkeypatch):
    path = write(tmp_path, DANBURY, "20141104__ct__general__danbury__precinct.csv")
    (election,), problems = engines_agree(monkeypatch, path, block_bytes=160)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(DANBURY)
    totals = [p for p in problems if p.code == "total-row"]
    assert totals and "'Danbury City CT'" in totals[0].message


def test_a_votes_column_beside_them_is_checked_against_their_sum(tmp_path, monkeypatch):
    # East Hartford's `votes,poll,abs,edr,unkown`: the votes are used, the modes checked.
    frame = pd.read_csv(io.StringIO(DANBURY), dtype=str, keep_default_na=False)
    frame.insert(6, "votes", frame[MODES].astype(int).sum(axis=1).astype(str))
    frame = frame.rename(columns={"unknown": "unkown"})
    frame.loc[0, "votes"] = "46"  # one row's votes one more than its modes
    text = frame.to_csv(index=False)
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    want = oracle(DANBURY)
    want["Thomas C. Foley"] += 1  # the votes column is what is counted
    assert {o.candidate: o.votes for o in election.options} == want
    assert any(p.line == 2 for p in problems if p.severity == "warning")


@pytest.mark.parametrize(
    ("header", "modes"),
    [
        ("county,precinct,candidate,poll,abs,edr,unknown", ["poll", "abs", "edr", "unknown"]),
        ("county,precinct,candidate,edr,poll,prov,abs", ["edr", "poll", "prov", "abs"]),
        ("county,precinct,candidate,total,polls,abs", ["polls", "abs"]),
        ("town,precinct,candidate,votes,machine,absentee", ["machine", "absentee"]),
        # Alone, or with no telling word, they are no ways of voting: a poll's `poll` column.
        ("pollster,candidate,poll", []),
        ("candidate,poll,unknown", ["poll", "unknown"]),
        ("candidate,unknown,prov", []),
    ],
)
def test_the_words_are_modes_only_together(header, modes):
    cells = header.split(",")
    found = [cells[i] for i in together_modes(cells)]
    found += [c for c in cells if is_vote_part(c) and c not in found]
    assert sorted(found) == sorted(modes)
    roles = column_roles(cells, ReadOptions())
    assert sorted(cells[i] for i, r in roles.items() if r == "vote_part") == sorted(modes)


def test_the_published_file_is_refused_for_its_unnamed_columns_only(tmp_path):
    # Danbury's own header: the candidate column and the last one (the City rows' totals) have no
    # header. The errors name them, and the --wide advice, which does not fit, is gone.
    header = "county,precinct,office,district,party,,poll,abs,edr,unknown,"
    rows = [line + "," for line in DANBURY.splitlines()[1:]]
    rows[-1] = rows[-1] + "2423"
    text = "\n".join([header, *rows]) + "\n"
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1
    assert "column 6 has no header but holds values" in result.stderr
    assert "column 11 has no header but holds values" in result.stderr
    assert "--wide" not in result.stderr
    # The advice works: the candidate column named, the last one deleted.
    fixed = DANBURY
    named = invoke("summary", str(write(tmp_path, fixed, "fixed.csv")), "--format", "json")
    assert named.code == 0


def test_danburys_file_as_published_and_with_its_header_mended(tmp_path):
    # Read in place (never copied into the repository); mended in a temporary file as the errors
    # advise: the candidate column named, the last one (the City rows' totals) deleted.
    path = Path("/tmp/trial8/f/20141104__ct__general__danbury__precinct.csv")
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    refused = invoke("summary", str(path))
    assert refused.code == 1 and "--wide" not in refused.stderr
    assert "column 6 has no header" in refused.stderr
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").splitlines()
    header = "county,precinct,office,district,party,candidate,poll,abs,edr,unknown"
    mended = "\n".join([header, *(",".join(line.split(",")[:10]) for line in lines[1:])]) + "\n"
    frame = pd.read_csv(io.StringIO(mended), dtype=str, keep_default_na=False)
    frame = frame[frame["precinct"] != "Danbury City CT"]
    votes = frame[MODES].astype(int).sum(axis=1)
    want = votes.groupby([frame["office"], frame["candidate"]]).sum()
    elections, problems = load_file(write(tmp_path, mended), ReadOptions())
    assert not [p for p in problems if p.severity == "error"]
    got: dict[tuple[str, str], int] = {}
    for election in elections:
        assert election.race is not None
        for option in election.options:
            key = (election.race.keys["office"], option.candidate.split(" (")[0])
            got[key] = got.get(key, 0) + (option.votes or 0)
    assert got == {key: int(v) for key, v in want.items()}


WEST_HARTFORD = """county,precinct,office,dist,candidate,party,total,polls,abs
Hartford,W Hartford 1,Governor,,Thomas Foley,Rep,775,711,64
Hartford,W Hartford 2,Governor,,Thomas Foley,Rep,1033,945,88
Hartford,W Hartford 1,Governor,,Dannel Malloy,Dem,1500,1400,100
Hartford,W Hartford 2,Governor,,Dannel Malloy,Dem,1210,1100,109
Hartford,W Hartford Total,Governor,,Thomas Foley,Rep,1808,1656,152
Hartford,W Hartford Total,Governor,,Dannel Malloy,Dem,2710,2500,209
"""


def test_a_total_column_beside_them_is_the_votes_checked_against_their_sum(tmp_path, monkeypatch):
    # West Hartford's `total,polls,abs`: the total is each row's votes (as a `total_votes` column
    # with no votes column is), the modes checked against it: Malloy's second row is one off.
    path = write(tmp_path, WEST_HARTFORD, "20141104__ct__general__west_hartford__precinct.csv")
    (election,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(WEST_HARTFORD), dtype=str, keep_default_na=False)
    frame = frame[frame["precinct"] != "W Hartford Total"]
    want = frame["total"].astype(int).groupby(frame["candidate"]).sum()
    assert {o.candidate: o.votes for o in election.options} == want.to_dict()
    assert [p.line for p in problems if p.code == "mode-mismatch"] == [5]
    assert any("'total'" in n for n in election.notes)
