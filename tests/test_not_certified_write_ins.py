"""Write-ins for names not certified as write-in candidates are no one's votes, never a candidate.

OpenElections' Utah 2020 Cache County precinct file gives each race its `Write-In: Not Certified`
line (the write-ins for names that were not certified) beside the certified write-in candidates
(`Write-In: Larry Jeppesen`). pollcli read it as a candidate: in Cache County Sch Bd 1 "First past
the post: Write-In: Not Certified wins the seat with a majority" (479 of 620 votes). The file below
is invented, in the same layout.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, write
from pollcli.kinds import kind_from_name

BOARD = """county,precinct,office,district,party,candidate,votes
Avalon,NORTH 01,School Board 1,,,Write-In: Not Certified,300
Avalon,NORTH 02,School Board 1,,,Write-In: Not Certified,179
Avalon,NORTH 01,School Board 1,,,Write-In: Ann Abel,90
Avalon,NORTH 02,School Board 1,,,Write-In: Ann Abel,51
Avalon,NORTH 01,School Board 1,,,Not Assigned,0
Avalon,NORTH 02,School Board 1,,,Not Assigned,0
"""


@pytest.mark.parametrize(
    "name",
    ["Write-In: Not Certified", "Write-in Not Qualified", "Write-Ins: Non-Certified"],
)
def test_write_ins_of_no_certified_name_are_other(name):
    assert kind_from_name(name) == "other"


def test_a_race_of_write_ins_is_led_by_its_certified_one(tmp_path, monkeypatch):
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, BOARD))
    kinds = {o.candidate: (o.kind, o.votes) for o in election.options}
    assert kinds["Write-In: Not Certified"] == ("other", 479)
    assert kinds["Write-In: Ann Abel"] == ("candidate", 141)
    candidates = [o for o in election.options if o.kind == "candidate"]
    assert [o.candidate for o in candidates] == ["Write-In: Ann Abel"]
