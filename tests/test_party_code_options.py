"""A file whose options are parties named by a party-code column (`party_code`, `PartyAb`) and no
candidate column is read as one whose party column names them (`party`): each constituency a race
(first past the post, seats won per party), each race's winner its party.

Nigeria's results as re-published (`state_code,lga_name,party_code,votes`: the FCT's 2026 area
council chairmen, one race per area council): with `--race-by lga_name`, "Races won by party" gave
"(no party) 6" for APC's five and PDP's one. And `constituency,party_code,votes` (a constituency
file of party votes, as the UK's) added every constituency up into one race ("Lab leads with
43.75 %"), where the same file headed `party` is read one race per constituency.

The files are invented, in those layouts; races won are checked against pandas.
"""

import io
import json

import pytest

from conftest import invoke, write

pd = pytest.importorskip("pandas")

BY_SEAT = (
    "constituency,{party},votes\n"
    "Alder,Con,100\nAlder,Lab,200\n"
    "Birch,Con,300\nBirch,Lab,100\n"
    "Cedar,LD,500\nCedar,Lab,400\n"
    "Dale,Lab,250\nDale,LD,120\nDale,Con,90\n"
)
COUNCILS = (
    "state_code,lga_name,party_code,votes\n"
    "XA,Amber,APC,3400\nXA,Amber,PDP,1100\nXA,Amber,YPP,900\n"
    "XA,Basalt,APC,5200\nXA,Basalt,ADC,2100\nXA,Basalt,PDP,700\n"
    "XA,Coral,PDP,7000\nXA,Coral,APC,6100\n"
    "XA,Dune,APC,4400\nXA,Dune,PDP,4300\nXA,Dune,ADC,150\n"
)


def won(text: str, race: str, party: str) -> dict[str, int]:
    """pandas: races won per party, the most votes in each race."""
    frame = pd.read_csv(io.StringIO(text))
    winners = frame.loc[frame.groupby(race).votes.idxmax(), party]
    return {k: int(v) for k, v in winners.value_counts().items()}


def tally(*args: str) -> tuple[dict, list]:
    result = invoke("summary", "--format", "json", *args)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    return {p["party"]: p["won"] for p in data["tally"]["parties"]}, data["elections"]


@pytest.mark.parametrize("header", ["party_code", "PartyAb"])
def test_a_constituency_file_of_party_codes_is_one_race_per_constituency(tmp_path, header):
    text = BY_SEAT.format(party=header)
    parties, elections = tally(str(write(tmp_path, text)))
    assert len(elections) == 4
    assert parties == won(text, "constituency", header) == {"Lab": 2, "Con": 1, "LD": 1}
    # as the same file headed `party` is read
    plain, _ = tally(str(write(tmp_path, BY_SEAT.format(party="party"), "plain.csv")))
    assert parties == plain


def test_races_won_by_party_codes_are_the_parties(tmp_path):
    path = write(tmp_path, COUNCILS)
    parties, elections = tally("--race-by", "lga_name", str(path))
    assert None not in parties
    assert parties == won(COUNCILS, "lga_name", "party_code") == {"APC": 3, "PDP": 1}
    assert [e["leader"]["party"] for e in elections] == ["APC", "APC", "PDP", "APC"]
