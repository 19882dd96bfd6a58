"""A race named by a code keeps its leading zeros: `--race-by territory_code` of Público's Portuguese
results named the races `101`, `102` for the codes `0101`, `0102` (in the table, JSON and CSV), and
`--race 0101` matched none of them. A district's number still reads `District 01` as district 1.
Names and figures invented; the oracle is the file's own cells."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

TEXT = """territory_code,territory_name,party,votes
0101,Alva,PA,500
0101,Alva,PB,300
0102,Bela,PA,200
0102,Bela,PB,400
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_code_that_names_races_keeps_its_zeros(tmp_path, engine):
    path = write(tmp_path, TEXT)
    env = {"POLLCLI_ENGINE": engine}
    done = invoke("summary", str(path), "--race-by", "territory_code", "-f", "json", env=env)
    assert done.code == 0, done.stderr
    assert [e["election"] for e in json.loads(done.stdout)["elections"]] == ["0101", "0102"]
    one = invoke("summary", str(path), "--race-by", "territory_code", "--race", "0101", "-f", "json",
                 env=env)  # fmt: skip
    assert one.code == 0, one.stderr
    (election,) = json.loads(one.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"PA": 500, "PB": 300}


def test_a_district_number_reads_as_its_number(tmp_path):
    text = "office,district,candidate,votes\nHouse,01,Ann,5\nHouse,01,Bo,3\nHouse,2,Cy,4\nHouse,2,Di,6\n"
    done = invoke("summary", str(write(tmp_path, text)), "-f", "json")
    assert [e["election"] for e in json.loads(done.stdout)["elections"]] == [
        "House · 1",
        "House · 2",
    ]
