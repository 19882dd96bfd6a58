"""A unit that totals every other unit of its race, in every region (session 13).

OpenElections' Maine 2016 precinct file ends each race with two rows under a region `ME`: the
state's overseas ballots (`STATE UOCAVA`, votes of their own) and the state's figures (`MAINE`,
every town and the overseas ballots summed, without the blank votes the towns list). No total word
names it, and the unit rule (`sum_totals`, within a region) cannot see it: every race was counted
twice (Clinton 715,470 for 357,735). A unit whose candidates' votes equal, option by option, the sum
of every other unit of the race is now set aside with a `total-row` warning, in both engines: the
streaming engine, whose units are summed, hands such a file to the exact engine where the regions'
sums allow one (`sum_totals.race_total_suspected`), and so does the exact engine's row summing.

Oracle: pandas sums over the rows with the `MAINE` unit left out.
"""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write
from pollcli.read.rowcolumns import NUMPY_ROWS

HEADER = "county,precinct,office,district,party,candidate,votes\n"
TOWNS = {
    "Androscoggin": ["AUBURN", "LEWISTON"],
    "Aroostook": ["CARIBOU", "PRESQUE ISLE", "HOULTON"],
    "Cumberland": ["PORTLAND"],
}
CANDIDATES = [("DEM", "Hillary Clinton"), ("REP", "Donald Trump"), ("LBT", "Gary Johnson")]


def _maine(blank: bool = True) -> str:
    rows, sums = [], {name: 0 for _, name in CANDIDATES}
    for i, (county, towns) in enumerate(TOWNS.items()):
        for j, town in enumerate(towns):
            for k, (party, name) in enumerate(CANDIDATES):
                votes = 1000 * (3 - k) + 37 * i + 11 * j + k
                sums[name] += votes
                rows.append(f"{county},{town},President,,{party},{name},{votes}\n")
            if blank:
                rows.append(f"{county},{town},President,,,Blank,{5 + j}\n")
    for k, (party, name) in enumerate(CANDIDATES):
        sums[name] += 20 + k
        rows.append(f"ME,STATE UOCAVA,President,,{party},{name},{20 + k}\n")
    rows += [f"ME,MAINE,President,,{p},{n},{sums[n]}\n" for p, n in CANDIDATES]
    # A race of one county: nothing to total across counties.
    rows += ["Cumberland,PORTLAND,State House,10,REP,Wayne Parry,3436\n"]
    rows += ["Cumberland,PORTLAND,State House,10,DEM,Emily Ingwersen,1913\n"]
    return HEADER + "".join(rows)


def _expected(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text))
    frame = frame[(frame.office == "President") & (frame.precinct != "MAINE")]
    return {str(k): int(v) for k, v in frame.groupby("candidate").votes.sum().items()}


def _president(elections):
    (president,) = [e for e in elections if e.facts.office == "President"]
    return {o.candidate: o.votes for o in president.options}


def test_the_states_figures_are_set_aside(tmp_path, monkeypatch) -> None:
    text = _maine()
    elections, problems = engines_agree(
        monkeypatch, write(tmp_path, text, "me.csv"), block_bytes=512
    )
    assert _president(elections) == _expected(text)
    (warning,) = [p for p in problems if "every other unit of the race" in p.message]
    assert "'MAINE' (county 'ME')" in warning.message
    assert "--where county=ME --where precinct=MAINE" in warning.message


def test_summed_rows_of_the_exact_engine_too(tmp_path, monkeypatch) -> None:
    """No blank lines: the exact engine would sum the rows per county (`rowcolumns`)."""
    text = _maine(blank=False)
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "me.csv"), block_bytes=512)
    assert _president(elections) == _expected(text)


def test_a_big_file_with_numpy(tmp_path, monkeypatch) -> None:
    """Past `NUMPY_ROWS` rows, the exact engine's row summing looks with numpy."""
    towns = NUMPY_ROWS // len(CANDIDATES) + 10
    rows, sums = [], {name: 0 for _, name in CANDIDATES}
    for t in range(towns):
        county = f"County {t % 7}"
        for k, (party, name) in enumerate(CANDIDATES):
            votes = 100 + (t * 7 + k * 13) % 97
            sums[name] += votes
            rows.append(f"{county},T{t:06d},President,,{party},{name},{votes}\n")
    rows += [f"ME,MAINE,President,,{p},{n},{sums[n]}\n" for p, n in CANDIDATES]
    text = HEADER + "".join(rows)
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "me.csv"), block_bytes=1 << 16)
    assert _president(elections) == _expected(text)


def test_a_county_of_most_votes_is_no_total(tmp_path, monkeypatch) -> None:
    """A county holding more than the others together, by even differences: the regions' sums
    allow a total, no unit is one; nothing is set aside."""
    text = HEADER + "".join(
        [
            "Big,B1,Governor,,REP,Ann,600\n",
            "Big,B2,Governor,,REP,Ann,500\n",
            "Big,B1,Governor,,DEM,Bo,400\n",
            "Big,B2,Governor,,DEM,Bo,300\n",
            "North,N1,Governor,,REP,Ann,100\n",
            "North,N1,Governor,,DEM,Bo,100\n",
            "South,S1,Governor,,REP,Ann,200\n",
            "South,S1,Governor,,DEM,Bo,100\n",
        ]
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, "big.csv"))
    (governor,) = elections
    assert {o.candidate: o.votes for o in governor.options} == {"Ann": 1400, "Bo": 900}
    assert not [p for p in problems if p.code == "total-row"]


def test_an_unopposed_race_with_its_blank_votes(tmp_path, monkeypatch) -> None:
    """Maine 2016's State House 134: one candidate, and each town's blank votes; the `MAINE` unit
    holds both, each the sum of every other unit's (Walter Kumiega 9,046 for 4,523)."""
    towns = [("Hancock", "DEER ISLE", 1031, 199), ("Hancock", "TREMONT", 737, 206)]
    towns += [("Knox", "VINALHAVEN", 639, 148), ("ME", "STATE UOCAVA", 62, 4)]
    rows = []
    for county, town, votes, blank in towns:
        rows.append(f"{county},{town},State House,134,DEM,Walter Kumiega,{votes}\n")
        rows.append(f"{county},{town},State House,134,,Blank,{blank}\n")
    rows.append(f"ME,MAINE,State House,134,DEM,Walter Kumiega,{sum(t[2] for t in towns)}\n")
    rows.append(f"ME,MAINE,State House,134,,Blank,{sum(t[3] for t in towns)}\n")
    text = HEADER + "".join(rows)
    elections, problems = engines_agree(
        monkeypatch, write(tmp_path, text, "me.csv"), block_bytes=256
    )
    (house,) = elections
    frame = pd.read_csv(io.StringIO(text))
    expected = frame[frame.precinct != "MAINE"].groupby("candidate").votes.sum()
    assert {o.candidate: o.votes for o in house.options} == {
        str(k): int(v) for k, v in expected.items()
    }
    assert {o.candidate: o.votes for o in house.options}["Walter Kumiega"] == 2469
    (warning,) = [p for p in problems if "every other unit of the race" in p.message]
    assert "'MAINE' (county 'ME')" in warning.message


def test_a_unit_the_files_own_total_counts_is_no_total(tmp_path, monkeypatch) -> None:
    """A unit holding the other units' sum over the candidates, which the file's own `Total` row
    (set aside by its word, blank votes listed) counts among its parts: a unit, not a total — the
    two compared over the candidates' lines, blank lines aside."""
    towns = [("A", "A1", 300, 200, 10), ("A", "A2", 100, 50, 5), ("B", "B1", 250, 150, 7)]
    rows = []
    for county, town, ann, bo, blank in towns:
        rows += [
            f"{county},{town},Governor,,REP,Ann,{ann}\n",
            f"{county},{town},Governor,,DEM,Bo,{bo}\n",
        ]
        rows += [f"{county},{town},Governor,,,Blank,{blank}\n"]
    ann, bo = sum(t[2] for t in towns), sum(t[3] for t in towns)
    rows += [f"C,C1,Governor,,REP,Ann,{ann}\n", f"C,C1,Governor,,DEM,Bo,{bo}\n"]
    blank = sum(t[4] for t in towns)
    rows += [f"Total,,Governor,,REP,Ann,{2 * ann}\n", f"Total,,Governor,,DEM,Bo,{2 * bo}\n"]
    rows += [f"Total,,Governor,,,Blank,{blank}\n"]
    text = HEADER + "".join(rows)
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, "t.csv"))
    (governor,) = elections
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    parts = frame[frame.county != "Total"]
    expected = {str(k): int(v) for k, v in parts.groupby("candidate").votes.sum().items()}
    assert {o.candidate: o.votes for o in governor.options} == expected
    assert not [p for p in problems if "every other unit of the race" in p.message]
