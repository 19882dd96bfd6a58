"""A wide protocol table whose counts are headed in words pollcli does not know: Greece's results
by region (`Εγγεγραμμένοι,Ψήφισαν,Άκυρα,Λευκά,Έγκυρα,` — registered, voted, invalid, blank, valid —
then a column per party) "led" with its registered voters (35.42 %), every count an option. Where
the last option columns add up to an earlier one in every row, that one is the valid votes, those
the options, and the columns left of them counts of another kind, left unused with a note. Names
and figures invented; oracle: pandas, the parties' columns summed."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

GREEK = """Περιφέρεια,Εγγεγραμμένοι,Ψήφισαν,Άκυρα,Λευκά,Έγκυρα,Γαλάζιο Κόμμα,Κόκκινο Κόμμα,Πράσινο Κόμμα
Αττική,10000,6000,100,50,5850,3000,2000,850
Κρήτη,5000,3200,60,40,3100,1200,1500,400
Ήπειρος,3000,1800,30,20,1750,700,650,400
"""
PARTIES = ["Γαλάζιο Κόμμα", "Κόκκινο Κόμμα", "Πράσινο Κόμμα"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_column_the_parties_add_up_to_is_the_valid_votes(tmp_path, engine) -> None:
    path = write(tmp_path, GREEK, "ekloges.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(GREEK))
    expected = {party: int(frame[party].sum()) for party in PARTIES}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
    assert election["leader"]["candidate"] == max(expected, key=expected.__getitem__)
    assert any("add up to 'Έγκυρα' in every row" in n for n in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_no_column_is_taken_for_a_total_where_none_adds_up(tmp_path, engine) -> None:
    # One row where the parties do not add up to 'Έγκυρα': no column is read as the total (the
    # sum in every row is the only word taken for it).
    text = GREEK.replace("700,650,400", "700,650,401")
    result = invoke("summary", str(write(tmp_path, text, "x.csv")), "--format", "json",
                    env={"POLLCLI_ENGINE": engine})  # fmt: skip
    (election,) = json.loads(result.stdout)["elections"]
    assert not any("add up to" in n for n in election["notes"])


# Turkey's YSK by ballot box: the invalid ballots just before the parties, so that they and the
# parties add up to the ballots cast (`Oy Kullanan Seçmen Sayısı`) too; the parties alone add up to
# the valid votes (`Geçerli Oy Toplamı`), which are read, the invalid ballots no party.
YSK = """İl Adı;İlçe Adı;Sandık No;Kayıtlı Seçmen Sayısı;Oy Kullanan Seçmen Sayısı;Geçerli Oy Toplamı;Geçersiz Oy Toplamı;MAVİ PARTİ;KIRMIZI PARTİ;YEŞİL PARTİ
ANKARA;ÇANKAYA;1001;350;300;295;5;150;100;45
ANKARA;ÇANKAYA;1002;340;290;288;2;120;130;38
ANKARA;KEÇİÖREN;1003;360;310;300;10;200;60;40
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_parties_alone_make_the_valid_votes(tmp_path, engine) -> None:
    path = write(tmp_path, YSK, "ysk.csv")
    ids = ("--id-columns", "İl Adı,İlçe Adı,Sandık No")
    result = invoke("summary", str(path), *ids, "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(YSK), sep=";")
    parties = ["MAVİ PARTİ", "KIRMIZI PARTİ", "YEŞİL PARTİ"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        party: int(frame[party].sum()) for party in parties
    }
    assert any("add up to 'Geçerli Oy Toplamı'" in n for n in election["notes"])


# Serbia's RIK by polling place: the place's number (`Бирачко место`, 1, 2 in each municipality)
# among the counts. Left unused with them, it was no longer named as the column that tells the
# rows apart: the advice named a party's column (`--id-columns 'Општина,Листа Плава'`).
RIK = """Општина,Бирачко место,Број бирача,Гласало,Неважећи листићи,Важећи листићи,Листа Плава,Листа Црвена,Листа Зелена
Палилула,1,1500,900,20,880,400,300,180
Палилула,2,1400,850,15,835,350,320,165
Звездара,1,1600,1000,30,970,500,270,200
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_place_number_left_unused_is_still_advised(tmp_path, engine) -> None:
    path = write(tmp_path, RIK, "rik.csv")
    env = {"POLLCLI_ENGINE": engine}
    refused = invoke("summary", str(path), env=env)
    assert refused.code == 1
    assert "--id-columns 'Општина,Бирачко место'" in refused.stderr
    ids = ("--id-columns", "Општина,Бирачко место")
    result = invoke("summary", str(path), *ids, "--format", "json", env=env)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(RIK))
    lists = ["Листа Плава", "Листа Црвена", "Листа Зелена"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        name: int(frame[name].sum()) for name in lists
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_party_left_of_anothers_parts_is_no_protocol_count(tmp_path, engine) -> None:
    # `Ygesamt` is the sum of Y1 and Y2, but PartyX beside it is no count of a protocol (no
    # column of ballots holds it with the total): no column is read as the valid votes.
    text = "Region,PartyX,Ygesamt,Y1,Y2\nN,500,700,400,300\nS,800,650,300,350\nE,900,1200,500,700\n"
    # All read as options, Y's votes count twice: refused (`total-column`), never PartyX dropped.
    path = write(tmp_path, text, "parts.csv")
    result = invoke("validate", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    (problem,) = json.loads(result.stdout)["files"][0]["problems"]
    assert problem["code"] == "total-column"
    assert "'Ygesamt' is the sum of 'Y1', 'Y2' in every row" in problem["message"]
    assert "--ignore-column Ygesamt, with any of 'PartyX' left of it" in problem["message"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_counts_of_ballots_are_no_options_that_add_up(tmp_path, engine) -> None:
    # Bulgaria's CIK protocols, no party in them: the machine ballots' last two counts add up to
    # the ballots in the machines. No column is read as the valid votes of those "options" (the
    # table is no party's result; 'valid_machine_votes_for_parties' won with 98.70 %).
    text = (
        "section_id;registered_voters;voted_voters;urn_machine_ballots;"
        "support_noone_machine_ballots;valid_machine_votes_for_parties\n"
        "010100001;609;344;344;7;337\n010100002;559;334;334;7;327\n010100003;700;410;405;9;396\n"
    )
    path = write(tmp_path, text, "41_protocols.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert "wins outright" not in result.stdout
    if result.code == 0:
        (election,) = json.loads(result.stdout)["elections"]
        assert not any("add up to" in n for n in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_ballots_cast_read_as_a_fact_hold_the_invalid_and_the_total(tmp_path, engine) -> None:
    # `Cast` is read as the ballots cast (a fact, no option); the invalid ballots and the valid
    # votes, in words pollcli does not know, add up to it: the protocol's, as when all are options.
    text = (
        "Region,Cast,Inv,Val,Ann,Bob,Cy\n"
        "North,1010,10,1000,500,300,200\nSouth,830,30,800,100,600,100\nEast,712,12,700,300,300,100\n"
    )
    path = write(tmp_path, text, "cast.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    expected = {name: int(frame[name].sum()) for name in ("Ann", "Bob", "Cy")}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
    assert election["turnout"]["ballots_cast"] == int(frame["Cast"].sum())


# A party left of another party's total and its parts, larger than that total in every row (no
# invalid ballots beside it): by size alone it passed for a count of voters, was left out and Y2
# "won outright" (PartyX has 3,000 of 5,550 votes). Alone, with a ballots cast its figures make
# up with the total, it passed for the invalid ballots (more than a quarter of the total).
GESAMT = "Region,PartyX,Ygesamt,Y1,Y2\nN,900,700,400,300\nS,800,650,300,350\nE,1300,1200,500,700\n"
GESAMT_CAST = (
    "Region,PartyX,Ygesamt,Y1,Y2,Ballots Cast\n"
    "N,500,700,400,300,1200\nS,800,650,300,350,1450\nE,900,1200,500,700,2100\n"
)


@pytest.mark.parametrize("text", [GESAMT, GESAMT_CAST], ids=["larger", "cast"])
@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_party_left_of_a_total_is_never_dropped(tmp_path, engine, text) -> None:
    # Read either way the error offers, PartyX keeps every vote of its column.
    path = write(tmp_path, text, "gesamt.csv")
    env = {"POLLCLI_ENGINE": engine}
    frame = pd.read_csv(io.StringIO(text))
    for ignored in ("Ygesamt", "Y1,Y2"):
        result = invoke("summary", str(path), "--wide", "--ignore-column", ignored, "--format",
                        "json", env=env)  # fmt: skip
        assert result.code == 0, result.stderr
        (election,) = json.loads(result.stdout)["elections"]
        votes = {r["candidate"]: r["votes"] for r in election["results"]}
        assert votes["PartyX"] == int(frame["PartyX"].sum())
        assert not any("add up to" in n for n in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_note_says_how_to_keep_a_column_left_out(tmp_path, engine) -> None:
    path = write(tmp_path, GREEK, "ekloges.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    (election,) = json.loads(result.stdout)["elections"]
    assert any("--ignore-column 'Έγκυρα'" in n for n in election["notes"]), election["notes"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_total_beside_its_parts_read_as_options_is_refused(tmp_path, engine) -> None:
    # Ygesamt and its parts all read as options count Y's votes twice, whichever is the total:
    # "PartyX leads with 37.04 %, no majority", where it has 3,000 of 5,550 either way (54.05 %, a
    # majority). Refused, both ways out named.
    path = write(tmp_path, GESAMT, "gesamt.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), "--wide", "--format", "json", env=env)
    assert result.code == 1
    checked = invoke("validate", str(path), "--wide", "--format", "json", env=env)
    (problem,) = json.loads(checked.stdout)["files"][0]["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == ("total-column", 1, "Ygesamt")
    assert "'Ygesamt' is the sum of 'Y1', 'Y2' in every row" in problem["message"]
    assert "--ignore-column Y1,Y2" in problem["message"]
    assert "--ignore-column Ygesamt" in problem["message"]
    ignored = invoke("summary", str(path), "--wide", "--ignore-column", "Ygesamt", "--format",
                     "json", env=env)  # fmt: skip
    (election,) = json.loads(ignored.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(GESAMT))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        c: int(frame[c].sum()) for c in ("PartyX", "Y1", "Y2")
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_small_party_left_of_a_total_is_no_spoilt_count(tmp_path, engine) -> None:
    # PartyX under a quarter of the total in every row, and no count of voters beside it that it
    # adds up to with the total: a party, not invalid ballots ("Ygesamt leads with 47.93 %", its
    # parts counted again beside it, and validate found nothing).
    text = "Region,PartyX,Ygesamt,Y1,Y2\nN,50,700,400,300\nS,80,650,300,350\nE,90,1200,500,700\n"
    path = write(tmp_path, text, "smallx.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("validate", str(path), "--wide", "--format", "json", env=env)
    assert [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]] == [
        "total-column"
    ]
