"""Rows named by a code that tells them apart beside a column of place names that groups them:
Israel's CEC results by ballot box (`סמל ועדה,ברזל,שם ישוב,סמל ישוב,קלפי,…`: the committee's code,
the ballot box's serial, the locality's name and code, the box's number) were "The rows are the
regions, named by 'ברזל'" — the serial, a region of its own for each box. The localities are the
regions, the serials the units within them. Oracle: pandas, the options summed by locality."""

import io
import json

import pandas as pd

from conftest import invoke, write

BOXES = """סמל ועדה,ברזל,שם ישוב,סמל ישוב,קלפי,בזב,מצביעים,פסולים,כשרים,אמת,מחל,פה
18,10619,כפר אלון,967,3.1,570,173,4,169,40,90,39
18,10620,כפר אלון,967,3.2,570,96,1,95,20,50,25
18,10621,גבעת ברוש,968,1,400,300,0,300,100,120,80
18,10622,גבעת ברוש,968,2,420,310,10,300,90,110,100
18,10623,גבעת ברוש,968,3,380,200,0,200,50,60,90
"""


def test_the_places_named_are_the_regions_and_the_serials_the_units(tmp_path):
    path = write(tmp_path, BOXES, "il_boxes.csv")
    done = invoke("summary", str(path), "--by", "region", "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    notes = " ".join(election["notes"])
    assert "The rows are the regions, named by 'ברזל'" not in notes
    assert "'ברזל'" in notes and "'שם ישוב'" in notes, notes
    frame = pd.read_csv(io.StringIO(BOXES))
    by_place = frame.groupby("שם ישוב")[["אמת", "מחל", "פה"]].sum()
    regions = {r["region"]: r for r in election["regions"]}
    assert set(regions) == set(by_place.index)
    for place, row in by_place.iterrows():
        leader = row.idxmax()
        assert regions[place]["leader"]["candidate"] == leader
        assert regions[place]["leader"]["votes"] == int(row[leader])
