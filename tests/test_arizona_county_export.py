"""Arizona's county exports as OpenElections keeps them (Yavapai 2014): `precinctid,precinctname,
contestid,voteforvalue,contestorderid,contesttitle,candidate_name,party_name,candidateid,votes,
votetype,done`, each candidate's votes by vote type (E, P, C, A) and each contest's `Overvote`,
`Undervote` and `TotalVotes` lines. `contesttitle` and `precinctname` were not read: every contest
was one race of one place, 6,000 errors of options "listed again", and the check of each
`TotalVotes` line against its unit's options ran over the whole file for each (minutes on 33,000
rows). Figures by hand below.
"""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

HEADER = (
    "precinctid,precinctname,contestid,voteforvalue,contestorderid,contesttitle,candidate_name,"
    "party_name,candidateid,votes,votetype,done\n"
)
# Contest, vote for, candidate, party, votes by vote type E, P, C, A (in each of two precincts).
LINES = [
    ("Governor", 1, '"DUCEY, DOUG"', "REPUBLICAN PARTY", (314, 48, 2637, 0)),
    ("Governor", 1, '"DUVAL, FRED"', "DEMOCRATIC PARTY", (142, 23, 1404, 0)),
    ("Governor", 1, "Overvote", "", (0, 0, 1, 0)),
    ("Governor", 1, "Undervote", "", (10, 2, 40, 0)),
    ("Governor", 1, "TotalVotes", "", (466, 73, 4082, 0)),
    ("STATE REP. - DIST. 1", 2, '"FANN, KAREN"', "REPUBLICAN PARTY", (281, 39, 2735, 0)),
    ("STATE REP. - DIST. 1", 2, '"CUCCIA, FRANK"', "DEMOCRATIC PARTY", (156, 24, 1434, 0)),
]


def _file() -> str:
    rows = []
    for pid, precinct in ((1796, "201 - EAGLE"), (1797, "202 - COURT")):
        for order, (contest, vote_for, name, party, votes) in enumerate(LINES):
            for mode, count in zip("EPCA", votes, strict=True):
                rows.append(
                    f"{pid},{precinct},{370 + order},{vote_for},{order},{contest},{name},{party},"
                    f"{100 + order},{count},{mode},1\n"
                )
    return HEADER + "".join(rows)


def test_each_contest_is_a_race_its_vote_types_added_up(tmp_path, monkeypatch):
    path = write(tmp_path, _file(), "20141104__az__general__yavapai__precinct.csv")
    engines_agree(monkeypatch, path)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert set(races) == {"Governor", "STATE REP. - DIST. 1"}
    governor = {r["candidate"]: r["votes"] for r in races["Governor"]["results"]}
    # By hand: (314 + 48 + 2637) × 2 precincts = 5,998; (142 + 23 + 1404) × 2 = 3,138.
    assert governor["DUCEY, DOUG"] == 5998 and governor["DUVAL, FRED"] == 3138
    assert races["Governor"]["leader"]["candidate"] == "DUCEY, DOUG"
    assert races["STATE REP. - DIST. 1"]["seats"] == 2
