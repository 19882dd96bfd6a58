"""The European Parliament's results CSVs (`PARTY_ID;TYPE;VOTES_PERCENT;UPDATE_STATUS;
UPDATE_TIME`, one per country) give each party's share as `VOTES_PERCENT`, which pollcli did not
know ("neither a votes nor a share column … is 'VOTES_PERCENT' meant to be 'share'? rename it").
Now a share word. Parties and figures invented; oracle: the shares as written."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

EP = """party;TYPE;VOTES_PERCENT;UPDATE_STATUS;UPDATE_TIME
XX01;PARTY;23.89;OFFICIAL;2030-06-19 13:01
XX02;PARTY;34.55;OFFICIAL;2030-06-19 13:01
XX03;PARTY;17.2;OFFICIAL;2030-06-19 13:01
XX04;PARTY;24.36;OFFICIAL;2030-06-19 13:01
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_votes_percent_is_the_share(tmp_path, engine) -> None:
    path = write(tmp_path, EP, "ep.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    shares = {r["candidate"]: r["share"] for r in election["results"]}
    assert shares == {"XX01": 23.89, "XX02": 34.55, "XX03": 17.2, "XX04": 24.36}
    assert election["leader"]["candidate"] == "XX02"
