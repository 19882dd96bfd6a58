"""California's county statements of the vote (OpenElections' California 2018 county files: San
Francisco, Riverside, Santa Cruz) list, after each candidate's precincts, the county's total
(`SAN FRANCISCO CA`, `Riverside County`) and then the same votes again by district:
`Congressional:12`, `Congressional:14`, `Senatorial:11`, `Assembly:17`… Each family of districts
adds up to the county's total once more. All counted as precincts, every figure was some five
times too large, without a word: "Governor: Gavin Newsom 1,560,905" in a county that cast 370,000
ballots (trial 11).

Families of districts that each hold exactly the precincts' sums are set aside first
(`read/breakdowns`); the county's row then holds its precincts' sum, a total as ever. Where the
precincts do not hold those sums (a row missing), the race is refused with a `total-mismatch`
error that says how to count it from its total alone (`--where precinct=…`): advice that works.
Both engines.

Figures invented, the layout is San Francisco's; oracle: the totals typed by hand, and pandas over
the fixture's total rows.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"


def _block(candidate: str, party: str, office: str, precincts: list[int], total: str) -> str:
    """One candidate's rows as the statement lists them: precincts, the county's total, then the
    same votes by congressional, senate and assembly district."""
    rows = [
        f"San Francisco,Pct {1101 + i},{office},,{party},{candidate},{v}"
        for i, v in enumerate(precincts)
    ]
    whole = sum(precincts)
    first = sum(precincts[:2])
    rows += [
        f"San Francisco,{total},{office},,{party},{candidate},{whole}",
        f"San Francisco,Congressional:12,{office},,{party},{candidate},{first}",
        f"San Francisco,Congressional:14,{office},,{party},{candidate},{whole - first}",
        f"San Francisco,Senatorial:11,{office},,{party},{candidate},{whole}",
        f"San Francisco,Assembly:17,{office},,{party},{candidate},{precincts[0]}",
        f"San Francisco,Assembly:19,{office},,{party},{candidate},{whole - precincts[0]}",
    ]
    return "\n".join(rows) + "\n"


TEXT = HEADER + (
    _block("Gavin Newsom", "Dem", "Governor", [315, 610, 402, 288], "SAN FRANCISCO CA")
    + _block("John Cox", "Rep", "Governor", [41, 77, 60, 35], "SAN FRANCISCO CA")
    + _block("Betty Yee", "Dem", "Controller", [300, 590, 380, 270], "SAN FRANCISCO")
    + _block("Konstantinos Roditis", "Rep", "Controller", [50, 90, 70, 40], "SAN FRANCISCO")
)
NAME = "20181106__ca__general__san_francisco__precinct.csv"


def test_breakdowns_laid_over_precincts_are_set_aside_and_the_county_row_is_a_total(
    tmp_path, monkeypatch
) -> None:
    """Each family of districts holds exactly the precincts' sums: set aside first
    (`read/breakdowns`), then the county's row holds its precincts' sum once, a total as ever."""
    path = write(tmp_path, TEXT, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(TEXT))
    precincts = frame[frame["precinct"].str.startswith("Pct")]
    expected = {
        office: dict(group.groupby("candidate")["votes"].sum())
        for office, group in precincts.groupby("office")
    }
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == expected  # never Newsom 6,150 (five times 1,615)
    assert not [p for p in problems if p.severity == "error"]
    said = [p.message for p in problems if p.code == "total-row"]
    assert any("'Congressional:12'" in m and "breakdowns" in m for m in said)
    assert any("'SAN FRANCISCO CA'" in m and "holds its total" in m for m in said)


def test_breakdowns_over_precincts_that_miss_a_row_refuse_the_race(tmp_path, monkeypatch) -> None:
    """A precinct's row missing: the breakdowns do not hold the precincts' sums, and the county's
    row is held k times by no sum: the race is refused, with advice that counts it from its
    total alone."""
    text = TEXT.replace("San Francisco,Pct 1104,Governor,,Rep,John Cox,35\n", "")
    assert text != TEXT
    path = write(tmp_path, text, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert [e.facts.election for e in elections] == ["Controller"]
    errors = [p for p in problems if p.severity == "error"]
    assert {p.race for p in errors} == {"Governor"}
    (governor,) = errors
    assert governor.code == "total-mismatch"
    assert "--where 'precinct=SAN FRANCISCO CA'" in governor.message


def test_the_advice_counts_each_race_from_its_total(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, TEXT, NAME)
    frame = pd.read_csv(io.StringIO(TEXT))
    for total, office in (("SAN FRANCISCO CA", "Governor"), ("SAN FRANCISCO", "Controller")):
        result = invoke("summary", str(path), "--format", "json", "--where", f"precinct={total}")
        assert result.code == 0, result.stderr
        (election,) = json.loads(result.stdout)["elections"]
        rows = frame[(frame["precinct"] == total) & (frame["office"] == office)]
        expected = dict(zip(rows["candidate"], rows["votes"], strict=True))
        assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
        # The precincts alone add up to the same figures.
        precincts = frame[frame["precinct"].str.startswith("Pct") & (frame["office"] == office)]
        assert expected == dict(precincts.groupby("candidate")["votes"].sum())


def test_a_county_row_of_its_precincts_sum_is_still_a_total(tmp_path, monkeypatch) -> None:
    """Without the breakdowns, the county's row holds its precincts' sum once: set aside, as before."""
    text = "\n".join(line for line in TEXT.splitlines() if ":" not in line.split(",")[1]) + "\n"
    path = write(tmp_path, text, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got["Governor"] == {"Gavin Newsom": 1615, "John Cox": 213}
    assert not [p for p in problems if p.severity == "error"]
