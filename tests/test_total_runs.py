"""Two races of one name in one unit, each headed by its own `Total` row.

OpenElections' Rhode Island 2018 town file lists Jamestown's two School Committee races (two terms)
under one office name, each after a `Total` row of no party that adds up the rows below it
(`Total 4493` over Lapierre, Roberts and the write-ins; `Total 2449` over Reilly and the
write-ins). Read as one race, their candidates were merged ('Sheila M. Reilly' led a race she was
not in, write-ins 120 = 77 + 43), with only a warning that each `Total` differed from its unit's
options. The file below is invented, in the same layout.
"""

from __future__ import annotations

import pytest

from conftest import each_engine, write

TWO_RACES = """county,office,district,party,candidate,votes
Avalon,Town Council,,DEM,Ann Abel,500
Avalon,Town Council,,REP,Bo Brand,400
Avalon,School Committee,,,Total,930
Avalon,School Committee,,DEM,Cy Cole,480
Avalon,School Committee,,REP,Di Dunn,430
Avalon,School Committee,,NON,WRITE-IN,20
Avalon,School Committee,,,Total,610
Avalon,School Committee,,DEM,Ed Eder,600
Avalon,School Committee,,NON,WRITE-IN,10
Brook,Town Council,,DEM,Flo Ford,300
Brook,Town Council,,REP,Gus Gray,200
"""


@pytest.mark.parametrize("after", [False, True])
def test_two_races_of_one_name_each_under_its_total_are_refused(tmp_path, monkeypatch, after):
    text = TWO_RACES
    if after:  # each `Total` after the rows it adds up
        lines = text.splitlines()
        lines = [lines[0], *lines[1:3], *lines[4:7], lines[3], *lines[8:10], lines[7], *lines[10:]]
        text = "\n".join(lines) + "\n"
    path = write(tmp_path, text)
    for engine, (elections, problems) in each_engine(monkeypatch, path).items():
        labels = [e.facts.election for e in elections]
        # Never a merged School Committee; the other races are summarised.
        assert labels == ["Town Council · Avalon", "Town Council · Brook"], engine
        (error,) = [p for p in problems if p.severity == "error"]
        assert error.code == "total-mismatch", engine
        assert "2 races" in error.message and "'School Committee'" in error.message
        assert "930" in error.message and "610" in error.message
        assert "--race-by" in error.message


def test_two_totals_that_add_up_no_run_stay_a_warning(tmp_path, monkeypatch):
    # The second `Total` is no sum of the rows after it: one race, its totals off, counted.
    text = TWO_RACES.replace("Total,610", "Total,611")
    path = write(tmp_path, text)
    for engine, (elections, problems) in each_engine(monkeypatch, path).items():
        school = next(e for e in elections if e.facts.election == "School Committee")
        assert sum(o.votes for o in school.options) == 1540, engine  # (the parts)
        assert not [p for p in problems if p.severity == "error"], engine
