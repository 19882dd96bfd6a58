"""Published shares of a base larger than the valid votes, which the file does not give
(`audit.Audit.larger_base`): The Star's Malaysian results (`,name,number_of_voters,panel_code,
panel_name,tab,state_region`, each cell `36.9% (13,243)`) give each candidate's votes as a share of
the seat's registered voters; read with `--race-by panel_code` they "led with 36.90 %" and the
findings said only "published shares add up to 76.10 %", the warning guessing ballots cast alone.
The findings now say what the shares are of (a base the file does not give: the ballots cast, or
the registered voters), and that they are no shares of the votes. Files: invented, in that layout."""

from __future__ import annotations

import json
import re

from conftest import invoke, write

# Registered voters: 40,000 in P01, 30,000 in P02; the shares are of them, one decimal.
SEATS = """,name,votes,panel_code,panel_name,tab,state_region
0,Aminah Ali (BN - UMNO),"36.9% (14,760)",P01,HULU,parliament,Perak
1,Badrul Hisham (PAS),"21.5% (8,600)",P01,HULU,parliament,Perak
2,Chong Wei (PH - DAP),"17.7% (7,080)",P01,HULU,parliament,Perak
3,Devi Nair (PH - PKR),"42.1% (12,630)",P02,HILIR,parliament,Perak
4,Ehsan Omar (BN - UMNO),"35.0% (10,500)",P02,HILIR,parliament,Perak
"""
PARTS = [(14_760, 36.9), (8_600, 21.5), (7_080, 17.7)]


def _result(tmp_path, text: str):
    path = write(tmp_path, text, "my_perak.csv")
    return invoke("summary", str(path), "--race-by", "panel_code", "-f", "json")


def test_shares_of_a_larger_base_say_so(tmp_path):
    result = _result(tmp_path, SEATS)
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    (check,) = [n for n in races["P01"]["notes"] if n.startswith("Check: published shares")]
    # Oracle: 14,760 + 8,600 + 7,080 = 30,440 valid votes; the base is the least whole one every
    # share rounds from (40,000 registered voters among them).
    said = re.search(
        r"add up to 76\.10 %: each option's votes of about ([\d,]+), not of the 30,440 votes listed",
        check,
    )
    assert said is not None, check
    base = int(said.group(1).replace(",", ""))
    fits = [b for b in range(30_441, 40_001) if all(round(v / b * 100, 1) == s for v, s in PARTS)]
    assert base == fits[0] and 40_000 in fits
    assert "or the registered voters" in check and "no shares of the votes" in check
    assert "or of the registered voters (they add up to 76.10 %)" in result.stderr


def test_shares_of_the_valid_votes_read_as_before(tmp_path):
    # Shares of the votes listed (Oracle: 600 / 1,000 and 400 / 1,000): no larger base.
    text = SEATS.splitlines()[0] + '\n0,Aminah Ali,"60.0% (600)",P01,HULU,x,y\n'
    text += '1,Badrul Hisham,"40.0% (400)",P01,HULU,x,y\n'
    result = _result(tmp_path, text)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    (check,) = [n for n in election["notes"] if n.startswith("Check: published shares")]
    assert check == (
        "Check: published shares add up to 100.00 % and agree with the votes on the base of "
        "valid votes."
    )


def test_no_majority_is_judged_from_shares_of_a_larger_base(tmp_path):
    # P02: Devi Nair has 42.1 % of the registered voters, but 12,630 of the 23,130 votes listed
    # (54.60 %, by hand): "a plurality (no one has more than 50 %)" was said of her (Perak's P60:
    # 47.40 % published, 61.65 % of the votes). Whether anyone has a majority of the votes cannot
    # be told from such shares; no runoff or plurality is claimed from them.
    result = _result(tmp_path, SEATS)
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    for race, votes in (("P01", "48.49 %"), ("P02", "54.60 %")):
        notes = " ".join(races[race]["notes"])
        assert "no one has more than 50 %" not in notes and "runoff would be" not in notes
        assert "would need a runoff" not in notes
        assert "cannot be told from the published shares" in notes
        assert f"{votes} of the votes listed" in notes
    assert round(100 * 12_630 / 23_130, 2) == 54.60 and round(100 * 14_760 / 30_440, 2) == 48.49


# Three seats, one member each, in that layout: P03's leader has 60.0 % of the registered voters,
# a majority of the votes too; P01's and P02's are under 50 % of them (48.49 % and 54.60 % of the
# votes listed, as above).
THREE = SEATS + '5,Farid Zain (PH - PKR),"60.0% (18,000)",P03,TENGAH,parliament,Perak\n'
THREE += '6,Gita Rao (BN - UMNO),"20.0% (6,000)",P03,TENGAH,parliament,Perak\n'


RACES = ("P01", "P02", "P03")


def _overview(tmp_path, *options: str):
    path = write(tmp_path, THREE, "my_perak3.csv")
    result = invoke("summary", str(path), "--race-by", "panel_code", "-f", "json", *options)
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    return document, {line["race"]: line for line in document["overview"]["races"]}


def _each(by_race, get) -> tuple:
    """`get` of each race's entry, in file order."""
    return tuple(get(by_race[race]) for race in RACES)


def test_the_overview_counts_no_plurality_from_shares_of_a_larger_base(tmp_path):
    # First past the post, assumed: the three leaders win their seats, but the overview said
    # "2 wins are pluralities (no majority) under first past the post" of P01 and P02, whose
    # majority the findings say cannot be told. Now they are counted as not judged.
    document, lines = _overview(tmp_path)
    assert _each(lines, lambda line: line["won"]) == (True, True, True)
    assert not any(line.get("assumed_plurality") for line in lines.values())
    assert _each(lines, lambda line: bool(line.get("majority_unjudged"))) == (True, True, False)
    tally = document["tally"]
    assert (tally["won"], tally["assumed_plurality"], tally["majority_unjudged"]) == (3, 0, 2)
    notes = " ".join(document["overview"]["notes"])
    assert "pluralities (no majority)" not in notes and "(--system majority)" not in notes
    assert "2 races are not judged for a majority" in notes


def test_a_majority_system_sends_no_race_to_a_runoff_from_shares_of_a_larger_base(tmp_path):
    # --system majority: P01 and P02 were "No majority in 2 races: under a two-round system a
    # runoff would decide them", each with a runoff pair in its JSON. Neither can be told: no
    # winner is named (`majority_unjudged`), no runoff, no `no_majority` tag; P03 is won.
    document, lines = _overview(tmp_path, "--system", "majority")
    assert _each(lines, lambda line: line["won"]) == (False, False, True)
    assert not any("no_majority" in line["tags"] for line in lines.values())
    races = {e["election"]: e for e in document["elections"]}
    assert _each(races, lambda e: e["majority"]["runoff"]) == (None, None, None)
    assert _each(races, lambda e: e["majority"]["reached"]) == (False, False, True)
    tally = document["tally"]
    assert (tally["won"], tally["undecided"], tally["majority_unjudged"]) == (1, 2, 2)
    notes = " ".join(document["overview"]["notes"])
    assert "No majority in" not in notes and "2 races are not judged for a majority" in notes
    # `seats` reads the same verdict: no seat for P01 and P02, and why.
    path = write(tmp_path, THREE, "my_perak3.csv")
    seats = invoke(
        "seats", str(path), "--race-by", "panel_code", "--system", "majority", "-f", "json"
    )
    assert seats.code == 0, seats.stderr
    districts = json.loads(seats.stdout)["elections"][0]["districts"]
    why = {d["district"]: d.get("no_winner") for d in districts}
    assert _each(why, lambda reason: reason) == ("majority_unjudged", "majority_unjudged", None)
