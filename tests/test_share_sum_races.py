"""Published shares that add up to about a multiple of 100 are races read as one, and the refusal
says so: Thevesh's file of Malaysia's 2023 state elections (`…,vote_share,…,dunCode,…,
constituency,state,…`) names each row's parliamentary constituency, whose two or three state
seats (`dunCode`) it holds, and was refused "shares of election 'JERAI' add up to 300.00 %, far
more than 100; check for a double-counted row or shares of different bases", with no word of the
races or of `--race-by`.

The file is invented, in that layout; races won are checked against pandas.
"""

import io
import json

import pytest

from conftest import invoke, write

pd = pytest.importorskip("pandas")

TEXT = (
    "year,name,party,votes,vote_share,dunCode,constituency,state\n"
    "2023,ANN LEE,PARTY A,6000,60.0,01220,HILLVALE,NORTHLAND\n"
    "2023,BO CHO,PARTY B,4000,40.0,01220,HILLVALE,NORTHLAND\n"
    "2023,CY DEE,PARTY A,3000,30.0,01221,HILLVALE,NORTHLAND\n"
    "2023,DI EVE,PARTY B,7000,70.0,01221,HILLVALE,NORTHLAND\n"
    "2023,ED FOX,PARTY A,5500,55.0,01222,HILLVALE,NORTHLAND\n"
    "2023,FAY GU,PARTY C,4500,45.0,01222,HILLVALE,NORTHLAND\n"
    "2023,GIL HO,PARTY A,8000,80.0,01330,RIVERTON,NORTHLAND\n"
    "2023,IVY JO,PARTY B,2000,20.0,01330,RIVERTON,NORTHLAND\n"
    "2023,KAI LO,PARTY B,5100,51.0,01331,RIVERTON,NORTHLAND\n"
    "2023,LIN MA,PARTY C,4900,49.0,01331,RIVERTON,NORTHLAND\n"
)


def test_shares_of_three_races_say_so_and_name_the_flag(tmp_path):
    path = write(tmp_path, TEXT)
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "'HILLVALE' add up to 300.00 %" in refused.stderr
    assert "about 3 × 100 %: 3 races read as one?" in refused.stderr
    assert "'RIVERTON' add up to 200.00 %" in refused.stderr
    assert "--race-by" in refused.stderr
    followed = invoke("summary", str(path), "--race-by", "dunCode", "--format", "json")
    assert followed.code == 0, followed.stderr
    won = {p["party"]: p["won"] for p in json.loads(followed.stdout)["tally"]["parties"]}
    frame = pd.read_csv(io.StringIO(TEXT), dtype={"dunCode": str})
    winners = frame.loc[frame.groupby("dunCode").votes.idxmax(), "party"].value_counts()
    assert won == {k: int(v) for k, v in winners.items()} == {"PARTY A": 3, "PARTY B": 2}


def test_shares_far_from_a_multiple_of_100_keep_the_plain_advice(tmp_path):
    text = "candidate,votes,share\nAnn,100,70\nBo,80,90\n"
    refused = invoke("summary", str(write(tmp_path, text)))
    assert refused.code == 1
    assert "add up to 160.00 %, far more than 100; check for a double-counted row" in (
        refused.stderr
    )
    assert "races read as one" not in refused.stderr
