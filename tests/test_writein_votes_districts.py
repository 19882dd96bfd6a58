"""Sweep 12: Florida's `WriteinVotes` are write-ins, and no sign that two districts are one race.

OpenElections' Marion County 2022 precinct file lists County Commissioner districts 2 and 4, both
on every ballot (elected countywide): `Kathy Bryant` in 2, `Carl Zalak III` in 4, and in each
`WriteinVotes`, `UnderVotes` and `OverVotes`. `WriteinVotes` read as a candidate standing in both
districts made the district geography: the two races became one, "Kathy Bryant (REP) leads with
46.74 % … first past the post elects the leader". Figures by pandas.
"""

import io

import pandas as pd

from conftest import engines_agree, write

ROWS = ["county,precinct,office,district,party,candidate,votes"]
for precinct, (bryant, zalak, w2, w4) in {
    "0001": (1527, 1400, 220, 210),
    "0002": (140, 150, 30, 20),
    "0003": (1052, 990, 160, 170),
}.items():
    ROWS += [
        f"Marion,{precinct},County Commissioner,2,REP,Kathy Bryant,{bryant}",
        f'Marion,{precinct},County Commissioner,2,"",WriteinVotes,{w2}',
        f'Marion,{precinct},County Commissioner,2,"",UnderVotes,300',
        f'Marion,{precinct},County Commissioner,2,"",OverVotes,1',
        f"Marion,{precinct},County Commissioner,4,REP,Carl Zalak III,{zalak}",
        f'Marion,{precinct},County Commissioner,4,"",WriteinVotes,{w4}',
        f'Marion,{precinct},County Commissioner,4,"",UnderVotes,310',
        f'Marion,{precinct},County Commissioner,4,"",OverVotes,2',
    ]
TEXT = "\n".join([*ROWS, ""])


def oracle() -> dict[str, dict[str, int]]:
    """Each district's votes by name, by pandas."""
    table = pd.read_csv(io.StringIO(TEXT))
    return {
        str(district): {str(k): int(v) for k, v in rows.groupby("candidate")["votes"].sum().items()}
        for district, rows in table.groupby("district")
    }


def test_two_districts_of_one_office_are_two_races(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TEXT), block_bytes=200)
    assert not [p for p in problems if p.severity == "error"]
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    truth = oracle()
    assert got == {f"County Commissioner · {d}": truth[d] for d in ("2", "4")}
    for election in elections:
        kinds = {o.candidate: o.kind for o in election.options}
        assert kinds["WriteinVotes"] == "other"
