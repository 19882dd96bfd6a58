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


# Upper Austria's 2002 and 2006 files (`NRW_OOE_2006.tsv`): each Wahlkreis row holds its Bezirke
# and a `Wahlkarten` row listed after it (postal votes, counted by Wahlkreis only), a
# Statutarstadt is listed once (no Gemeinde below it), a Bezirk above its Gemeinden. Summed, the
# rows were 3.84 times the Land ("ÖVP 1,125,342 35.79 % LEADER" where the Land's row says SPÖ
# 300,790 leads ÖVP 292,998), no whole multiple: read as places, valid, a wrong winner (trial 26).
# The Bezirke set aside (each the sum of the run below it), every option is 3 times the Land's.
STAEDTE = {"401": ("Stadt Linz", 900, 300, 80)}
BEZIRKE = {
    "402": [("40201", "Asten", 300, 100, 50), ("40202", "Enns", 200, 150, 60)],
    "403": [("40301", "Aspach", 120, 30, 40), ("40302", "Braunau", 220, 90, 70)],
    "404": [("40401", "Ried", 140, 260, 30), ("40402", "Obernberg", 90, 210, 45)],
}
WAHLKARTEN = {"4A": ("401", "402", 40, 90, 5), "4B": ("403", "404", 35, 60, 9)}


def _table_2006() -> str:
    def bezirk(code: str) -> tuple[int, int, int]:
        if code in STAEDTE:
            return STAEDTE[code][1:]
        return _sum([("", "", *votes) for _, _, *votes in BEZIRKE[code]])  # type: ignore[misc]

    wahlkreise = []
    for kreis, (a, b, *cards) in WAHLKARTEN.items():
        whole = tuple(x + y + z for x, y, z in zip(bezirk(a), bezirk(b), cards, strict=True))
        wahlkreise.append((f"{kreis}000", f"Wahlkreis {kreis}", whole))
        wahlkreise.append((f"{kreis}099", f"Wahlkarten {kreis}", tuple(cards)))
    land = tuple(sum(w[2][k] for w in wahlkreise[::2]) for k in range(3))
    lines = [_row(1, "40000", "Land Oberösterreich", land)]  # type: ignore[arg-type]
    for gkz, name, votes in wahlkreise:
        lines.append(_row(len(lines) + 1, gkz, name, votes))  # type: ignore[arg-type]
    for code, (name, *votes) in STAEDTE.items():
        lines.append(_row(len(lines) + 1, f"{code}00", name, tuple(votes)))  # type: ignore[arg-type]
    for code, gemeinden in BEZIRKE.items():
        lines.append(_row(len(lines) + 1, f"{code}00", f"Bezirk {code}", bezirk(code)))
        for gkz, name, *votes in gemeinden:
            lines.append(_row(len(lines) + 1, gkz, name, tuple(votes)))  # type: ignore[arg-type]
    return HEADER + "\n".join(lines) + "\n"


def test_levels_listed_in_part_are_refused(tmp_path, monkeypatch):
    path = write(tmp_path, _table_2006(), "NRW_OOE_2006.tsv")
    frame = pd.read_csv(path, sep="\t", dtype={"GKZ": str})
    sums = frame[["ÖVP", "SPÖ", "FPÖ"]].sum() / frame[["ÖVP", "SPÖ", "FPÖ"]].iloc[0]
    assert all(abs(r - round(r)) > 0.1 for r in sums), sums  # no whole multiple of the Land
    _, problems = engines_agree(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [p.message for p in problems]
    assert errors[0].line == 2 and errors[0].column == "GKZ"
    assert f"add up to {sums['ÖVP']:.2f} times the first row's" in errors[0].message
    assert "about 3 times with the 3 rows that hold the sum" in errors[0].message
    assert "(lines 8, 11, 14;" in errors[0].message and "--where GKZ=40000" in errors[0].message
    for command in ("summary", "validate"):
        result = invoke(command, str(path))
        assert result.code == 1 and "leads" not in result.stdout
        assert "--where GKZ=40000" in result.stdout + result.stderr


def test_levels_listed_in_part_the_advice_counts_the_land(tmp_path, monkeypatch):
    path = write(tmp_path, _table_2006(), "NRW_OOE_2006.tsv")
    land = pd.read_csv(path, sep="\t", dtype={"GKZ": str}).iloc[0]
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("GKZ", "40000"),))
    )
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == {
        k: land[k] for k in ("ÖVP", "SPÖ", "FPÖ")
    }
    assert elections[0].partial is None


def _long(wide: str) -> str:
    # The same table long: a row per place and party (`code,region,party,votes`).
    header, *rows = wide.splitlines()
    names = header.split("\t")
    lines = ["code,region,party,votes"]
    for row in rows:
        cells = row.split("\t")
        lines += [f"{cells[1]},{cells[2]},{names[i]},{cells[i]}" for i in range(7, len(cells))]
    return "\n".join(lines) + "\n"


def test_levels_listed_apart_in_a_long_table_are_refused(tmp_path, monkeypatch):
    # Read long, each level was a region and every vote was counted three or four times
    # ("ÖVP 7,205 53.86 %" of the Land's 2,045).
    for wide, said, land in (
        (_table(), "about 4 times the first row's", "'region=Oberösterreich'"),
        (_table_2006(), "about 3 times with the 3 rows that hold the sum", "'region=Land Ober"),
    ):
        path = write(tmp_path, _long(wide), "gemeinden.csv")
        _, problems = engines_agree(monkeypatch, path)
        errors = [p for p in problems if p.severity == "error"]
        assert len(errors) == 1, [p.message for p in problems]
        assert errors[0].line == 2 and said in errors[0].message
        assert f"--where {land}" in errors[0].message
