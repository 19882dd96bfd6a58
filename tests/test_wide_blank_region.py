"""A wide table whose `region` column is blank in every row (Georgia's CEC precinct tables, as
ForSetGeorgia's `2017_official_mayor_runoff.csv`: `region,district_id,district name,precinct_id,…`
with `region` and `district name` left empty): the empty column was taken for the rows' region, so
every precinct was a unit of one blank region, and the precincts' own protocol figures ('invalid is
13 here but 8 on line 2') refused the whole file, with advice (--ignore-column valid votes) that
did not lead to a reading. An empty place column names nothing: the rows are the precincts.

Oracle: pandas, each party column summed over the rows; the invalid and valid votes likewise."""

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

GEORGIA = """region,district_id,district name,precinct_id,possible voters,ballots signed for,invalid votes,valid votes,5 - United National Movement,41 - Georgian Dream
,59,,1,923,218,8,210,31,179
,59,,2,1325,307,13,294,33,261
,59,,3,1342,245,14,231,30,201
"""


def oracle() -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(GEORGIA))
    return {name: int(frame[name].sum()) for name in frame.columns[-2:]}


def test_a_blank_region_column_names_no_region(tmp_path):
    path = write(tmp_path, GEORGIA)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {o["candidate"]: o["votes"] for o in election["results"]} == oracle()
    assert election["leader"]["candidate"] == "41 - Georgian Dream"


def test_both_engines_read_it_alike(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, GEORGIA), block_bytes=128)
    assert not [p for p in problems if p.severity == "error"]
    [election] = elections
    assert {o.candidate: o.votes for o in election.options} == oracle()
    # The protocol figures, summed over the precincts (pandas: 8 + 13 + 14 invalid ballots).
    assert election.facts.invalid == 35


# Georgia's majoritarian tables: the same layout, each district a race of its own (`district_id`),
# its candidates under their parties' columns; `district name` is left blank.
MAJORITARIAN = """region,district_id,district name,precinct_id,possible voters,ballots signed for,invalid votes,valid votes,5 - United National Movement,41 - Georgian Dream
,01,,01.01,1481,751,39,700,171,529
,01,,01.02,1305,714,35,679,224,455
,02,,02.01,1200,650,20,630,400,230
,02,,02.02,1100,600,10,590,310,280
"""


def test_a_district_id_names_races_and_says_how_to_read_them(tmp_path):
    path = write(tmp_path, MAJORITARIAN)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert "--race-by district_id" in " ".join(election["notes"])
    result = invoke("summary", str(path), "--format", "json", "--race-by", "district_id")
    assert result.code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(MAJORITARIAN), dtype={"district_id": str})
    truth = {
        district: {name: int(group[name].sum()) for name in frame.columns[-2:]}
        for district, group in frame.groupby("district_id")
    }
    got = {
        e["race_keys"]["district_id"]: {o["candidate"]: o["votes"] for o in e["results"]}
        for e in json.loads(result.stdout)["elections"]
    }
    assert got == truth
