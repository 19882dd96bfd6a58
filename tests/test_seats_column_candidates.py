"""OpenElections' Arizona 2024 primary files (every county's, `20240730__az__primary__*__precinct.csv`)
give each race the members it elects in a `seats` column: 1 for the U.S. Senate, 2 for a State
House district, 3 for the Corporation Commission, 4 for a town council. Read as seats to fill from
party lists, the races of several seats were party-list votes: "Party-list vote: 2 seats go to the
lists, not to a runoff; pollcli seats allocates them", the candidates called lists, and John
Gillette, with 50.08 % of the votes of a race that nominates two, said to have a majority (trial 12).

A list vote never has two options of one party. Where a race of the file lists two candidates of
one party and a `seats` cell above 1, the options are candidates and the `seats` column is the
members each race elects, the top N by votes (`vote_for`), with a note; a file of party lists with
a `seats` column is read as before. Both engines.

Figures invented, the layout is the files'; oracle: pandas over the fixture, each race's top N.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,district,seats,party,candidate,votes\n"
ROWS = """La Paz,051 Parker,U.S. Senate,,1,REP,Kari LAKE,213
La Paz,051 Parker,U.S. Senate,,1,REP,Mark LAMB,274
La Paz,051 Parker,U.S. Senate,,1,REP,Write-In Totals,1
La Paz,051 Parker,State House,30,2,REP,John GILLETTE,313
La Paz,051 Parker,State House,30,2,REP,Leo BIASIUCCI,347
La Paz,051 Parker,State House,30,2,REP,Write-In Totals,2
La Paz,051 Parker,State House,30,2,DEM,Monica TIMBERLAKE,120
La Paz,051 Parker,Council Member,Town of Parker,3,,Joshua GRENWALT,381
La Paz,051 Parker,Council Member,Town of Parker,3,,Rey DE LEON,331
La Paz,051 Parker,Council Member,Town of Parker,3,,Randy HARTLESS,100
La Paz,051 Parker,Council Member,Town of Parker,3,,Frank VIDRINE,90
La Paz,052 Quartzsite,U.S. Senate,,1,REP,Kari LAKE,300
La Paz,052 Quartzsite,U.S. Senate,,1,REP,Mark LAMB,150
La Paz,052 Quartzsite,U.S. Senate,,1,REP,Write-In Totals,4
La Paz,052 Quartzsite,State House,30,2,REP,John GILLETTE,420
La Paz,052 Quartzsite,State House,30,2,REP,Leo BIASIUCCI,390
La Paz,052 Quartzsite,State House,30,2,REP,Write-In Totals,5
La Paz,052 Quartzsite,State House,30,2,DEM,Monica TIMBERLAKE,95
"""
NAME = "20240730__az__primary__lapaz__precinct.csv"
PARTIES = {"REP": "Republican", "DEM": "Democratic"}


def _expected() -> dict[str, tuple[int, list[str], dict[str, int]]]:
    """pandas: each race (office, district, party primary) — its seats and its top N by votes."""
    frame = pd.read_csv(io.StringIO(HEADER + ROWS), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    out = {}
    for (office, district, party), group in frame.groupby(["office", "district", "party"]):
        name = " · ".join(x for x in (office, district) if x)
        name += f" · {PARTIES[party]} primary" if party else ""
        seats = int(group["seats"].iloc[0])
        sums = group.groupby("candidate")["votes"].sum().sort_values(ascending=False)
        people = [c for c in sums.index if c != "Write-In Totals"]
        out[name] = (seats, people[:seats], {str(k): int(v) for k, v in sums.items()})
    return out


def test_the_seats_column_is_the_members_each_race_elects(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEADER + ROWS, NAME)
    elections, _problems = engines_agree(monkeypatch, path)
    expected = _expected()
    found = {e.facts.election: e for e in elections}
    assert set(found) == set(expected)
    for name, (seats, _top, votes) in expected.items():
        election = found[name]
        assert election.facts.system != "list" and election.seats == seats, name
        assert {o.candidate: o.votes for o in election.options} == votes, name


def test_the_summary_names_the_top_n_no_party_lists(tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS, NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    for name, (seats, top, _votes) in _expected().items():
        race = races[name]
        if seats > 1:
            assert race["seats"] == seats and race["elected"] == top, name
        else:
            assert "seats" not in race and race["leader"]["candidate"] == top[0], name
    text = invoke("summary", str(path), "--race", "State House · 30 · Republican primary").stdout
    assert "Party-list" not in text and "Elects 2: Leo BIASIUCCI (REP), John GILLETTE" in text
    assert "'seats' column is read as the members each race elects" in text


LISTS = """district,seats,party,votes
Madrid,37,PP,1200000
Madrid,37,PSOE,900000
Madrid,37,VOX,400000
Soria,2,PP,30000
Soria,2,PSOE,20000
Soria,2,Soria Ya,25000
"""


def test_a_file_of_party_lists_with_a_seats_column_is_still_one(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, LISTS, "congreso.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert "members each race elects" not in result.stdout
    with_candidates = "district,seats,party,candidate,votes\n" + "".join(
        f"{d},{s},{p},Lista {p},{v}\n"
        for d, s, p, v in (line.split(",") for line in LISTS.splitlines()[1:])
    )
    path = write(tmp_path, with_candidates, "congreso_listas.csv")
    elections, _problems = engines_agree(monkeypatch, path, race_by=("district",))
    assert all(e.facts.system is None and e.facts.seats and e.seats == 1 for e in elections)
    assert all(not e.facts.vote_for for e in elections)
