"""A warning of one race, printed on stderr from a file of many races, names its race.

OpenElections' Arizona precinct files (Apache County, 2020) give each precinct's `Ballots Cast` as a
row of its own, the count of every race. In a race for two seats the options' votes are about twice
the ballots cast, and stderr said `FILE: the options' valid votes (54,653) exceed ballots_cast
(35,776); 1.5 votes a ballot: several seats? give their number (--vote-for N)…` — of which of the
file's 30 races, it did not say (the JSON did, under the race). Now such a line reads `FILE: race
'State House · 7': …`. A warning that names its race already, or that several races share, and the
warnings of a file of one race, are printed as before.
"""

from __future__ import annotations

import json

from conftest import invoke, write

APACHE = """county,precinct,office,district,party,candidate,votes
Apache,02 ALPINE,Ballots Cast,,,,387
Apache,03 CHINLE,Ballots Cast,,,,500
Apache,02 ALPINE,State House,7,DEM,Myron Tsosie,300
Apache,02 ALPINE,State House,7,DEM,Arlando Teller,290
Apache,02 ALPINE,State House,7,REP,Ann Lee,60
Apache,03 CHINLE,State House,7,DEM,Myron Tsosie,400
Apache,03 CHINLE,State House,7,DEM,Arlando Teller,380
Apache,03 CHINLE,State House,7,REP,Ann Lee,40
Apache,02 ALPINE,U.S. Senate,,DEM,Mark Kelly,250
Apache,02 ALPINE,U.S. Senate,,REP,Martha McSally,120
Apache,03 CHINLE,U.S. Senate,,DEM,Mark Kelly,420
Apache,03 CHINLE,U.S. Senate,,REP,Martha McSally,70
"""


def test_a_race_s_warning_names_the_race(tmp_path):
    path = write(tmp_path, APACHE)
    # (--vote-for 1: else 1.66 votes a ballot mark a race of several seats, `read.perballot`,
    # whose race-split warning, of every such race, names them in its own words.)
    result = invoke("summary", str(path), "--format", "json", "--vote-for", "1")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    # Hand sums: State House 7's options 300 + 290 + 60 + 400 + 380 + 40 = 1,470 over 887 ballots.
    house = races["State House · 7"]
    assert sum(r["votes"] for r in house["results"]) == 1470
    [said] = [w for w in house["warnings"] if "exceed ballots_cast (887)" in w]
    [line] = [line for line in result.stderr.splitlines() if "exceed ballots_cast" in line]
    assert line == f"pollcli: warning: {path}: race 'State House · 7': {said.split(': ', 1)[1]}"


def test_a_file_of_one_race_is_printed_as_before(tmp_path):
    one = "\n".join(line for line in APACHE.splitlines() if "Senate" not in line) + "\n"
    path = write(tmp_path, one)
    result = invoke("summary", str(path), "--format", "json", "--vote-for", "1")
    assert result.code == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "exceed ballots_cast" in line]
    assert line.startswith(f"pollcli: warning: {path}: the options' valid votes (1,470)")
