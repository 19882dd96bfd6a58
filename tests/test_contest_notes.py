"""One office holding two contests whose lines name their candidates in brackets (Arizona's county
exports: `Under Votes (AUGE/EKSTRAND)` beside `Under Votes (FARROW)`): each contest a race, on
both engines (`read.contestnotes`). Invented names and numbers in the counties' layout."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"


def _precinct(precinct: str, office: str, district: str, lines: list[tuple[str, int]]) -> str:
    return "".join(f'Yavi,{precinct},{office},{district},,"{c}",{v}\n' for c, v in lines)


def _contests(office: str, district: str, a: list[int], b: list[int]) -> str:
    """Two precincts of one office: contest 1 (ORVAL/PENN, two candidates), contest 2 (QUILL,
    one), each with its write-in, total, over- and undervote lines."""
    text = ""
    for precinct, (v1, v2, v3) in (("01 Alder", a), ("02 Birch", b)):
        text += _precinct(
            precinct,
            office,
            district,
            [
                ("ORVAL, DANA", v1),
                ("PENN, ELLIS", v2),
                ("Write-In Totals (ORVAL/PENN)", 3),
                ("Total Votes Cast (ORVAL/PENN)", v1 + v2 + 3),
                ("Over Votes (ORVAL/PENN)", 1),
                ("Under Votes (ORVAL/PENN)", 40),
                ("QUILL, MORGAN", v3),
                ("Write-In Totals (QUILL)", 5),
                ("Total Votes Cast (QUILL)", v3 + 5),
                ("Over Votes (QUILL)", 0),
                ("Under Votes (QUILL)", 60),
            ],
        )
    return text


TEXT = HEADER + _contests("Council Member (Recall)", "", [120, 95, 170], [80, 101, 150])


def _oracle(text: str) -> dict[str, dict[str, int]]:
    """Each contest's candidates' votes, the contest read by hand from the names."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    people = frame[~frame["candidate"].str.contains(r"\(")].copy()
    people["contest"] = people["candidate"].map(
        lambda n: "QUILL" if n.startswith("QUILL") else "ORVAL/PENN"
    )
    sums = people.groupby(["contest", "candidate"])["votes"].sum()
    out: dict[str, dict[str, int]] = {}
    for (contest, candidate), votes in sums.items():
        out.setdefault(contest, {})[candidate] = int(votes)
    return out


def _people(election) -> dict[str, int]:
    return {o.candidate: o.votes for o in election.options if "(" not in o.candidate}


def test_two_contests_of_one_office_are_two_races(tmp_path, monkeypatch):
    """Was one race: QUILL led with 320 votes against ORVAL and PENN, who stood in another
    contest, and 'Total Votes Cast' of each contest refused the race as two totals."""
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TEXT))
    assert not [p for p in problems if p.severity == "error"]
    got = {e.race.keys["contest"]: _people(e) for e in elections}
    assert got == _oracle(TEXT)
    (quill,) = [e for e in elections if e.race.keys["contest"] == "QUILL"]
    assert {o.candidate: o.votes for o in quill.options}["Write-In Totals (QUILL)"] == 10
    notes = [n for e in elections for n in e.notes if "notes in brackets" in n]
    assert notes and "(ORVAL/PENN, QUILL)" in notes[0]


def test_two_contests_with_a_total_line_each_are_read(tmp_path, monkeypatch):
    """Pinal's shape: a district column, each contest's `Total Votes Cast` in every precinct."""
    text = HEADER + _contests("Board Member", "Yavi Unified School District", [7, 9, 11], [5, 4, 3])
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    assert {e.race.keys["contest"]: _people(e) for e in elections} == _oracle(text)


def test_a_note_naming_no_candidate_leaves_one_race(tmp_path, monkeypatch):
    """Notes that are not a contest's candidates (`(misc.)`, `(Scattering)`) split nothing."""
    text = HEADER + _precinct(
        "01 Alder",
        "Mayor",
        "",
        [
            ("ORVAL, DANA", 10),
            ("PENN, ELLIS", 12),
            ("Write-In (misc.)", 2),
            ("Write-In (Scattering)", 1),
        ],
    )
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert election.race is None or "contest" not in election.race.keys
    assert _people(election) == {"ORVAL, DANA": 10, "PENN, ELLIS": 12}


def test_write_ins_naming_the_candidates_make_no_contests(tmp_path, monkeypatch):
    """Review: a mayor's `Write-in (Smith)` and `Write-in (Jones)`, each note naming one ballot
    candidate, made two contests, each "won" by the candidate its write-ins named (97.83 %). Notes
    on write-in lines alone tell no contest: one race, its leader the one with most votes."""
    text = HEADER + "".join(
        _precinct(p, "Mayor", "", [("Ann Smith", a), ("Bob Jones", b), ("Write-in (Smith)", 3),
                                   ("Write-in (Jones)", 2)])
        for p, a, b in (("01 Alder", 100, 90), ("02 Birch", 80, 95))
    )  # fmt: skip
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    votes = {o.candidate: o.votes for o in election.options}
    assert votes["Ann Smith"] == 180 and votes["Bob Jones"] == 185
    assert election.race is None or "contest" not in (election.race.keys or {})


def test_a_contests_write_in_total_is_not_counted_beside_its_parts(tmp_path, monkeypatch):
    """Coconino 2024's recall (world, review): `Write-In Totals (FARROW)` 159 and `Not Assigned
    (FARROW)` 159 were both counted, the write-ins twice (FARROW 83.17 % where 90.81 % is his).
    With its contest's note, the write-in total is a subtotal of its parts, as without one."""
    rows = ""
    for p, (a, b, wi) in (("01 Alder", (50, 40, 7)), ("02 Birch", (30, 45, 3))):
        rows += _precinct(p, "Mayor", "", [("Ann Roe", a), ("Bob Fay", b),
                                           ("Write-In Totals (ROE/FAY)", wi),
                                           ("Not Assigned (ROE/FAY)", wi),
                                           ("Under Votes (ROE/FAY)", 2)])  # fmt: skip
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, HEADER + rows))
    votes = {o.candidate: o.votes for o in election.options if o.kind != "blank"}
    assert not any("Write-In Totals" in name for name in votes)
    assert votes["Not Assigned (ROE/FAY)"] == 10 and votes["Ann Roe"] == 80
    assert any("subtotal" in p.message for p in problems)
