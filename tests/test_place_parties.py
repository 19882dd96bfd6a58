"""Party cells that hold a precinct: Montana's 2020 precinct file gives Carbon County's State
House 58 rows as `Carbon,P 11,State House,58,P 11,Seth Berglee,584`, and Berglee's votes were read
as one option per precinct ("Seth Berglee (P 11)"…), the race "led" by his rival with a third of
the votes. Such labels are read as no party, with a warning, on both engines (`read.placeparties`).
Invented counties, names and figures; pandas (by name alone) the oracle."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

TEXT = "county,precinct,office,district,party,candidate,votes\n" + "".join(
    f"{county},{precinct},State House,58,{party},{name},{votes}\n"
    for county, precinct, party, name, votes in (
        ("Alder", "P 1", "DEM", "Ann Vell", 130),
        ("Alder", "P 2", "DEM", "Ann Vell", 83),
        ("Alder", "P 3", "DEM", "Ann Vell", 121),
        ("Alder", "P 1", "P 1", "Bo Lind", 210),
        ("Alder", "P 2", "P 2", "Bo Lind", 190),
        ("Alder", "P 3", "P 3", "Bo Lind", 160),
        ("Birch", "PCT 4", "REP", "Bo Lind", 90),
        ("Birch", "PCT 4", "DEM", "Ann Vell", 70),
    )
)


def test_a_candidate_under_precinct_labels_is_one_option(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TEXT))
    (election,) = elections
    frame = pd.read_csv(io.StringIO(TEXT), dtype=str, keep_default_na=False)
    want = frame.assign(v=frame.votes.astype(int)).groupby("candidate").v.sum().to_dict()
    got = {o.candidate: o.votes for o in election.options}
    assert got == want == {"Ann Vell": 404, "Bo Lind": 650}
    assert max(election.options, key=lambda o: o.votes or 0).candidate == "Bo Lind"
    (warned,) = [p for p in problems if "hold places, not parties" in p.message]
    assert warned.line == 5 and "'P 1', 'P 2', 'P 3'" in warned.message


def test_numbered_lists_each_of_one_candidate_stay_parties(tmp_path, monkeypatch):
    """`List 1`, `List 2`: each one candidate's, but no candidate stands under two."""
    text = (
        "district,party,candidate,votes\n"
        "North,List 1,Ann Vell,10\nNorth,List 2,Bo Lind,7\n"
        "South,List 1,Ann Vell,4\nSouth,List 2,Bo Lind,9\n"
    )
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.party for o in election.options} == {"List 1", "List 2"}
    assert not [p for p in problems if "hold places" in p.message]


def test_the_warning_counts_each_label_once(tmp_path, monkeypatch):
    """Two races' candidates under the same three precinct labels: three labels, not six (the
    warning counted each (race, candidate, label) and showed the labels: '6 cell(s) … 'P 1',
    'P 2', 'P 3'')."""
    senate = TEXT.replace("State House,58", "State Senate,29").split("\n", 1)[1]
    senate = senate.replace("Ann Vell", "Cy Rowe").replace("Bo Lind", "Di Moss")
    (_, _), problems = engines_agree(monkeypatch, write(tmp_path, TEXT + senate))
    (warned,) = [p for p in problems if "hold places, not parties" in p.message]
    labels = sorted({line.split(",")[4] for line in TEXT.splitlines()[1:]} - {"DEM", "REP"})
    assert labels == ["P 1", "P 2", "P 3"]
    assert warned.message.startswith(f"{len(labels)} 'party' value(s) hold places")
