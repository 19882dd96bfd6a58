"""A table of levels whose middle level is listed apart from its parts: Upper Austria's results as
the Land publishes them (ippon1/Nationalratswahl-Austria-Ergebnisse `NRW_OOE_2019.tsv`: `GKZ
40000` the Land, then its five Wahlkreise `4A000`…`4E000` together, then each Bezirk `40100`
above its Gemeinden `40101`…, a `Wahlkarten` row per Wahlkreis and Bezirk). No row is the total
of the run below it all the way up, so no level was found and every vote was counted four times:
"ÖVP 1,241,696 (36.77 %)" of 310,611, 4.4 million registered of 1.1 (trial 17). Every option's
sum over the rows is about four times the first row's: the whole is listed again at each level;
refused, with the advice to count the whole's row alone. Figures invented, the layout is the
file's."""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

HEADER = "\tGKZ\tGebietsname\tWahlberechtigte\tAbgegebene\tUngültige\tGültige\tÖVP\tSPÖ\tFPÖ\n"
# Gemeinden (GKZ, name, ÖVP, SPÖ, FPÖ), by Bezirk, and by Wahlkreis: A holds Bezirke 401, 402,
# B holds 403.
GEMEINDEN = {
    "401": [("40101", "Linz", 500, 400, 100)],
    "402": [("40201", "Asten", 300, 100, 50), ("40202", "Enns", 200, 150, 60)],
    "403": [("40301", "Aspach", 120, 30, 40), ("40302", "Braunau", 220, 90, 70)],
}
WAHLKREISE = {"4A000": ["401", "402"], "4B000": ["403"]}


def _row(n: int, gkz: str, name: str, votes: tuple[int, int, int]) -> str:
    valid = sum(votes)
    return f"{n}\t{gkz}\t{name}\t{valid * 2}\t{valid + 5}\t5\t{valid}\t" + "\t".join(
        map(str, votes)
    )


def _sum(parts: list[tuple[str, str, int, int, int]]) -> tuple[int, int, int]:
    return tuple(sum(p[k] for p in parts) for k in (2, 3, 4))  # type: ignore[return-value]


def _table() -> str:
    every = [g for gs in GEMEINDEN.values() for g in gs]
    lines = [_row(1, "40000", "Oberösterreich", _sum(every))]
    for code, bezirke in WAHLKREISE.items():
        parts = [g for b in bezirke for g in GEMEINDEN[b]]
        lines.append(_row(len(lines) + 1, code, f"Wahlkreis {code}", _sum(parts)))
    for bezirk, gemeinden in GEMEINDEN.items():
        lines.append(_row(len(lines) + 1, f"{bezirk}00", f"Bezirk {bezirk}", _sum(gemeinden)))
        for gkz, name, *votes in gemeinden:
            lines.append(_row(len(lines) + 1, gkz, name, tuple(votes)))  # type: ignore[arg-type]
    return HEADER + "\n".join(lines) + "\n"


def test_a_whole_listed_again_at_each_level_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, _table(), "NRW_OOE_2019.tsv")
    _, problems = engines_agree(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [p.message for p in problems]
    assert "about 4 times the first row's" in errors[0].message
    assert "--where GKZ=40000" in errors[0].message
    result = invoke("summary", str(path))
    assert result.code == 1 and "leads" not in result.stdout


def test_the_advice_counts_the_whole(tmp_path, monkeypatch):
    path = write(tmp_path, _table(), "NRW_OOE_2019.tsv")
    frame = pd.read_csv(path, sep="\t", dtype={"GKZ": str})
    gemeinden = frame[frame["GKZ"].str.match(r"^\d{3}0[1-9]$")]
    oracle = gemeinden[["ÖVP", "SPÖ", "FPÖ"]].sum().to_dict()
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("GKZ", "40000"),))
    )
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == oracle


def test_a_table_of_places_is_read_as_before(tmp_path, monkeypatch):
    # Places of one level, the first no whole: each option's sum is no steady multiple of it.
    every = [g for gs in GEMEINDEN.values() for g in gs]
    text = HEADER + "\n".join(_row(n, g, name, tuple(v)) for n, (g, name, *v) in enumerate(every))
    path = write(tmp_path, text + "\n", "NRW_places.tsv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == dict(
        zip(("ÖVP", "SPÖ", "FPÖ"), _sum(every), strict=True)
    )


def test_the_whole_kept_alone_is_the_race(tmp_path, monkeypatch):
    # `--where GKZ=40000`, the advice, kept the Land's row alone, then read it as part of the race:
    # "no winner is named from part of a race", turnout "not given for the rows --where keeps",
    # its Wahlberechtigte and Abgegebene "left out as the whole race's" (trial 24). Its figures
    # are the race's: the winner, the margin and the turnout are its own.
    from pollcli.summary import summarize_election

    path = write(tmp_path, _table(), "NRW_OOE_2019.tsv")
    frame = pd.read_csv(path, sep="\t", dtype={"GKZ": str})
    land = frame[frame["GKZ"] == "40000"].iloc[0]
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("GKZ", "40000"),))
    )
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    assert election.partial is None
    summary = summarize_election(election)
    assert summary.leader is not None and summary.leader.candidate == "ÖVP"
    assert summary.margin is not None and summary.margin.votes == land["ÖVP"] - land["SPÖ"]
    assert summary.turnout.registered == land["Wahlberechtigte"]
    assert summary.turnout.ballots_cast == land["Abgegebene"]
    assert summary.turnout.pct == 100 * land["Abgegebene"] / land["Wahlberechtigte"]
    assert any("keeps the whole's row alone (line 2)" in n for n in election.notes)
    assert any("the table's 10 other rows are parts" in n for n in election.notes)
    result = invoke("summary", str(path), "--where", "GKZ=40000")
    assert result.code == 0, result.output
    assert "Part of the race" not in result.stdout and "Turnout: " in result.stdout


def test_the_whole_kept_beside_its_parts_is_refused(tmp_path, monkeypatch):
    # Summed, the Land and Linz would count Linz's votes twice.
    path = write(tmp_path, _table(), "NRW_OOE_2019.tsv")
    _, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("GKZ", "40000"), ("GKZ", "40101")))
    )
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [p.message for p in problems]
    assert errors[0].line == 2 and "beside 1 of them (line 6)" in errors[0].message


def test_a_part_kept_is_part_of_the_race(tmp_path, monkeypatch):
    path = write(tmp_path, _table(), "NRW_OOE_2019.tsv")
    elections, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("GKZ", "40101"),))
    )
    assert elections[0].partial is not None
    assert {o.candidate: o.votes for o in elections[0].options} == {
        "ÖVP": 500,
        "SPÖ": 400,
        "FPÖ": 100,
    }
