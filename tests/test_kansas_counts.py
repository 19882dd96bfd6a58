"""Kansas' OpenElections county files (s20-world).

- Sedgwick 2014 lists each precinct's registered voters under an office `Voters` as `Registered`
  in some precincts and `Registration` in others (`Sedgwick,AF,Voters,,,Registration,1019,`).
  `Registration` was read as a candidate: a race "Voters" that "Registration wins … with a
  majority (more than 50 %)", counted among the races won (party none, 1). Wyandotte's 2018
  primary gives it as a row of no office, read as an "(unnamed race)" that Registration led.
  `Registration` is the registered voters.
- Kiowa's 2017 special election has `regular_votes`, `provisional` and `votes`: the regular
  column was "ignored" and the provisional one alone checked against the votes ("in 5 row(s) the
  vote-mode columns 'provisional' do not add up to 'votes'"). `regular_votes` beside another
  vote-mode column is a way of voting.

Names and figures invented, the layouts are the files'; the figures are hand sums of the rows.
"""

import json

from conftest import invoke, write

SEDGWICK = """county,precinct,office,district,party,candidate,votes,vtd
Sedgwick,101,Governor,,Republican,Sam Brownback,600,000010
Sedgwick,101,Governor,,Democratic,Paul Davis,500,000010
Sedgwick,AF,Governor,,Republican,Sam Brownback,300,000020
Sedgwick,AF,Governor,,Democratic,Paul Davis,350,000020
Sedgwick,101,Voters,,,Registered,1727,000010
Sedgwick,101,Voters,,,Cast,1150,000010
Sedgwick,AF,Voters,,,Registration,1019,000020
Sedgwick,AF,Voters,,,Cast,700,000020
"""

KIOWA = """county,precinct,office,district,party,candidate,regular_votes,provisional,votes
Kiowa,Center I City,U.S. House,4,R,Ron Estes,56,,56
Kiowa,Center I City,U.S. House,4,D,James A Thompson,16,,16
Kiowa,Center IIA City,U.S. House,4,R,Ron Estes,35,1,36
Kiowa,Center IIA City,U.S. House,4,D,James A Thompson,17,,17
Kiowa,Haviland City,U.S. House,4,R,Ron Estes,99,,99
Kiowa,Haviland City,U.S. House,4,D,James A Thompson,20,2,22
"""


def _summary(tmp_path, text: str, name: str) -> tuple[dict, str]:
    result = invoke("summary", str(write(tmp_path, text, name)), "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_registration_is_the_registered_voters(tmp_path) -> None:
    data, _ = _summary(tmp_path, SEDGWICK, "20141104__ks__general__sedgwick__precinct.csv")
    [race] = data["elections"]  # (no race "Voters")
    assert race["office"] == "Governor"
    assert "Registration" not in {r["candidate"] for r in race["results"]}
    # Registered 1,727 + 1,019; cast 1,150 + 700.
    assert race["turnout"]["registered"] == 2746
    assert race["turnout"]["ballots_cast"] == 1850


def test_a_row_of_no_office_named_registration_is_no_race(tmp_path) -> None:
    text = SEDGWICK.replace(",Voters,,,Registration,", ",,,,Registration,")
    data, _ = _summary(tmp_path, text, "sedgwick.csv")
    [race] = data["elections"]  # (no "(unnamed race)")
    assert race["office"] == "Governor" and race["leader"]["candidate"] == "Sam Brownback"
    assert race["turnout"]["registered"] == 2746


def test_regular_votes_beside_provisional_are_a_way_of_voting(tmp_path) -> None:
    data, stderr = _summary(tmp_path, KIOWA, "20170411__ks__special__general__kiowa__precinct.csv")
    [race] = data["elections"]
    assert {r["candidate"]: r["votes"] for r in race["results"]} == {
        "Ron Estes": 191,
        "James A Thompson": 55,
    }
    assert "do not add up" not in stderr
    assert not any("Ignored column" in n for n in race["notes"])
    assert any("'regular_votes' and 'provisional'" in n for n in race["notes"])
