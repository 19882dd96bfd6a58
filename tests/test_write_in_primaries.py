"""A party primary's write-in candidates (s20-world).

New Mexico's OpenElections primaries of 2000 and 2002 give a write-in candidate's party cell as
`Write-In (DEM)` beside the party's own `DEMOCRAT`: each was read as a primary of its own, and
its one write-in "leads with 100.00 %" ('UNITED STATES SENATOR · Write-In (DEM) primary': Don E.
Durham, 71 votes, beside the Democratic primary Gloria Tristani won with 106,956). The write-in
stands in the party's primary; one party written two ways (`DEM`, `DEMOCRAT`) keys one primary.

Figures and names invented but for the layout; oracle: the sums typed by hand.
"""

import json

from conftest import engines_agree, invoke, write

NM = """county,office,district,party,candidate,votes
Santa Fe,UNITED STATES SENATOR,,DEMOCRAT,ANA TRISTE,900
Santa Fe,UNITED STATES SENATOR,,Write-In (DEM),DON DURHAM,3
Santa Fe,UNITED STATES SENATOR,,REPUBLICAN,PETE DOMINGO,700
Santa Fe,UNITED STATES SENATOR,,Write-In (REP),ORLIN COLE,4
Bernalillo,UNITED STATES SENATOR,,DEMOCRAT,ANA TRISTE,1500
Bernalillo,UNITED STATES SENATOR,,DEMOCRAT,FRAN LOBO,600
Bernalillo,UNITED STATES SENATOR,,Write-In (DEM),DON DURHAM,13
Bernalillo,UNITED STATES SENATOR,,REPUBLICAN,PETE DOMINGO,1200
"""


def test_a_write_in_stands_in_its_partys_primary(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, NM, "20020604__nm__primary__county.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert set(races) == {
        "UNITED STATES SENATOR · Democratic primary",
        "UNITED STATES SENATOR · Republican primary",
    }
    dem = races["UNITED STATES SENATOR · Democratic primary"]
    assert {r["candidate"]: r["votes"] for r in dem["results"]} == {
        "ANA TRISTE": 2400,
        "FRAN LOBO": 600,
        "DON DURHAM": 16,
    }
    assert dem["leader"]["candidate"] == "ANA TRISTE"
    rep = races["UNITED STATES SENATOR · Republican primary"]
    assert rep["leader"]["candidate"] == "PETE DOMINGO" and rep["runner_up"]["votes"] == 4
    elections, _ = engines_agree(monkeypatch, path, block_bytes=128)
    assert sorted(e.facts.election for e in elections) == sorted(races)


def test_one_party_written_two_ways_is_one_primary(tmp_path) -> None:
    text = NM.replace(
        "Bernalillo,UNITED STATES SENATOR,,DEMOCRAT,", "Bernalillo,UNITED STATES SENATOR,,DEM,"
    )
    path = write(tmp_path, text, "20020604__nm__primary__county.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    names = [e["election"] for e in json.loads(result.stdout)["elections"]]
    assert names == [
        "UNITED STATES SENATOR · Democratic primary",
        "UNITED STATES SENATOR · Republican primary",
    ]
