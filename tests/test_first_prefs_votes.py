"""Scotland's 2017 council count sheets (`id,name,party_name,…,ward_name,contested,elected,status,
occurred_on_count,first_prefs,transfers02,total_votes02,…,electorate,total_poll,valid_poll,…,
seats,candidates`): one row per candidate, the first count's votes in `first_prefs` (written
`1533.00000`). No votes column pollcli knew: the error offered `--votes` with 'contested',
'elected', 'occurred_on_count' and 'electorate' (the registered voters: `--votes electorate` made
every candidate tie) and never 'first_prefs'. A first-preferences column is now read as the votes
where the header has no other, with a note; the hint offers decimal-written counts and never a
column read as another count. Names and figures invented; shares checked by hand."""

from __future__ import annotations

import json

from conftest import invoke, write

HEADER = (
    "id,name,party_name,council_id,council_name,election,cand_ward_id,map_ward_id,ward_name,"
    "contested,elected,status,occurred_on_count,first_prefs,transfers02,total_votes02,electorate,"
    "total_poll,valid_poll,rejected,quota,seats,candidates\n"
)
ROWS = [
    ("Ann Brodie", "Green Party", 1, "Elected", 1, "2400.00000", "-300.00000", "2100.00000"),
    ("Rab Coull", "Labour Party", 0, "Not elected", "", "900.00000", "410.50000", "1310.50000"),
    ("Isla Drever", "Scottish Tartan Party (STP)", 1, "Elected", 2, "1500.00000", "", ""),
    ("Tam Eadie", "Independent", 1, "Elected", 3, "1200.00000", "", ""),
]


def _sheet(first: str = "first_prefs") -> str:
    lines = [HEADER.replace("first_prefs", first)]
    for k, (name, party, elected, status, count, first_prefs, moved, total) in enumerate(ROWS):
        lines.append(
            f'{100 + k},"{name}","{party}",glenmor,"Glenmor",local.glenmor.2017-05-04,'
            f"UTW:kirkton,S130001,Kirkton,1,{elected},{status},{count},{first_prefs},{moved},"
            f"{total},11000,6040,6000,40,1501,3,4\n"
        )
    return "".join(lines)


def test_first_preferences_are_read_as_the_votes(tmp_path):
    done = invoke("summary", str(write(tmp_path, _sheet(), "sco.csv")), "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes == {"Ann Brodie": 2400, "Rab Coull": 900, "Isla Drever": 1500, "Tam Eadie": 1200}
    # 2400 of 2400 + 900 + 1500 + 1200 = 6000 valid votes: 40.00 %.
    assert election["leader"]["candidate"] == "Ann Brodie"
    assert round(election["leader"]["share"], 2) == 40.00
    assert any("'first_prefs' column holds each option's votes" in n for n in election["notes"])
    assert not any("'first_prefs'" in n and "Ignored" in n for n in election["notes"])


def test_the_votes_hint_offers_decimal_counts_and_never_the_electorate(tmp_path):
    done = invoke("summary", str(write(tmp_path, _sheet("stage_one"), "sco.csv")))
    assert done.code != 0
    hint = done.stderr.splitlines()[0]
    assert "--votes COL" in hint
    assert "'stage_one'" in hint, hint
    assert "'electorate'" not in hint and "'elected'" not in hint
