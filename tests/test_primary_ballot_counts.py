"""Count rows of no party beside party primaries that give a precinct two figures of one count:
Alaska's 2018 and 2020 primaries list `Registered Voters` and `Times Counted` above each ballot's
candidates under one office (the Democratic and Libertarian candidates' ballot, then the
Republicans'), so `Times Counted` is 171 and 199 in one precinct. Read as the office's one count,
each precinct was an error: 44 races refused, and `--race GOVERNOR` summarised nothing. Now the
primaries are read, those count rows left out with one warning (`primary_totals`). Invented
precincts and figures in the same layout; the votes checked against pandas."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

NAME = "20180821__ak__primary__precinct.csv"  # (the name says primary: party primaries)


def _text(precincts: int = 12) -> str:
    lines = ["precinct,office,district,candidate,party,votes"]
    for i in range(precincts):
        place, registered, first, second = (
            f"01-{100 + i} Alder {i}",
            900 + 7 * i,
            60 + i,
            90 + 2 * i,
        )
        for office, district in (("U.S. House", "1"), ("GOVERNOR", "")):
            row = f"{place},{office},{district}"
            lines += [
                f"{row},Registered Voters,,{registered}",
                f"{row},Times Counted,,{first}",
                f'{row},"Begg, Mark",DEM,{first - 12}',
                f'{row},"Toon, Will",LIB,10',
                f"{row},Registered Voters,,{registered}",
                f"{row},Times Counted,,{second}",
                f'{row},"Dunn, Mike",REP,{second - 30}',
                f'{row},"Tread, Mead",REP,{20 + i}',
            ]
    return "\n".join(lines) + "\n"


def _oracle(text: str) -> dict[tuple[str, str], dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[frame.party != ""]
    frame["votes"] = frame["votes"].astype(int)
    sums = frame.groupby(["office", "party", "candidate"])["votes"].sum()
    out: dict[tuple[str, str], dict[str, int]] = {}
    for (office, party, candidate), votes in sums.items():
        out.setdefault((office, party), {})[candidate] = int(votes)
    return out


def test_a_count_per_ballot_is_left_out_and_the_primaries_read(tmp_path, monkeypatch):
    text = _text()
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, NAME))
    assert not [p for p in problems if p.severity == "error"]
    got = {
        (e.race.keys["office"], e.race.keys["party"]): {o.candidate: o.votes for o in e.options}
        for e in elections
        if e.options
    }
    assert got == _oracle(text)
    (warned,) = [p for p in problems if "given twice in one place" in p.message]
    assert warned.line == 3 and "24 count(s)" in warned.message  # 12 precincts, 2 offices
    assert "'Times Counted' 60 on line 3 and 90 on line 7" in warned.message
    assert all(e.facts.ballots_cast is None for e in elections)  # no primary's own count


def test_race_governor_gives_the_governors_primaries(tmp_path):
    result = invoke("summary", str(write(tmp_path, _text(), NAME)), "--race", "GOVERNOR")
    assert result.code == 0, result.stderr
    assert "GOVERNOR · Republican primary" in result.stdout and "Dunn, Mike" in result.stdout


def test_a_count_twice_in_a_file_not_named_primary_advises_primary_party(tmp_path, monkeypatch):
    # The same layout under a name that does not say primary: the party keys no race, and each
    # precinct's two `Times Counted` are an error of the office's race. The error says how to read
    # party primaries (before: "make them agree", and nothing of --primary party).
    path = write(tmp_path, _text(3), "ak_precincts_2018.csv")
    for engine in ("exact", "stream"):
        monkeypatch.setenv("POLLCLI_ENGINE", engine)
        result = invoke("validate", str(path), "--format", "json")
        assert result.code == 1, engine
        errors = [
            p for p in json.loads(result.stdout)["files"][0]["problems"] if p["severity"] == "error"
        ]
        assert errors and all("ballots_cast is" in p["message"] for p in errors)
        assert all(p["message"].endswith("with --primary party") for p in errors), engine
        fixed = invoke("validate", str(path), "--primary", "party", "--format", "json")
        assert fixed.code == 0, fixed.stdout


def test_a_count_twice_in_a_race_of_one_party_gives_no_primary_advice(tmp_path):
    lines = ["precinct,office,candidate,party,votes"]
    lines += ["P1,Mayor,Times Counted,,50", "P1,Mayor,Ann Dee,DEM,30", "P1,Mayor,Bo Ray,DEM,20"]
    lines += ["P1,Mayor,Times Counted,,60", "P2,Mayor,Times Counted,,9", "P2,Mayor,Ann Dee,DEM,9"]
    result = invoke("validate", str(write(tmp_path, "\n".join(lines) + "\n")), "--format", "json")
    (error,) = json.loads(result.stdout)["files"][0]["problems"]
    assert "make them agree" in error["message"] and "--primary" not in error["message"]


def test_the_advice_holds_no_election_s_rows_past_it(tmp_path, monkeypatch):
    # The --primary party advice is worked out from an election's rows at a count given twice; the
    # function that holds them was kept on the file's unit counts after its election was built, so
    # each election's records lived on until the next one's (10 races of a party column: 5 more).
    import gc

    from conftest import each_engine
    from pollcli.read.assemble import Assembly
    from pollcli.read.records import Record

    rows = [f"Town {e},Name{e}x{c},P,{e + c}" for e in range(10) for c in range(5)]
    path = write(tmp_path, "election,candidate,party,votes\n" + "\n".join(rows) + "\n", "t.csv")
    before: list[int] = []
    build = Assembly._election

    def counting(self, label, records):
        if label == "Town 9":
            gc.collect()
            before.append(
                sum(isinstance(o, Record) and o.election == "Town 8" for o in gc.get_objects())
            )
        return build(self, label, records)

    monkeypatch.setattr(Assembly, "_election", counting)
    each_engine(monkeypatch, path, block_bytes=512)
    assert before == [0, 0]


def _errors(path) -> list[str]:
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    return [p["message"] for p in problems if p["severity"] == "error"]


def test_a_general_election_s_count_typed_twice_gives_no_primary_advice(tmp_path, monkeypatch):
    # A general election's `Times Counted` given again after its candidates (120, then 121): no
    # block of candidates follows the second, so no count per party's ballot. The error advised
    # --primary party, which read two primaries of one candidate each, each won with 100 %.
    lines = ["precinct,office,candidate,party,votes", "P1,Governor,Registered Voters,,500"]
    lines += ["P1,Governor,Times Counted,,120", "P1,Governor,Ann Dee,DEM,60"]
    lines += ["P1,Governor,Bo Ray,REP,55", "P1,Governor,Times Counted,,121"]
    lines += ["P2,Governor,Registered Voters,,300", "P2,Governor,Times Counted,,80"]
    lines += ["P2,Governor,Ann Dee,DEM,40", "P2,Governor,Bo Ray,REP,35"]
    # The same count again above a second block of the same parties (a precinct listed twice).
    again = [*lines[:6], "P1,Governor,Ann Dee,DEM,61", "P1,Governor,Bo Ray,REP,55", *lines[6:]]
    for engine in ("exact", "stream"):
        monkeypatch.setenv("POLLCLI_ENGINE", engine)
        for text in (lines, again):
            errors = _errors(write(tmp_path, "\n".join(text) + "\n"))
            (error,) = [e for e in errors if "'120' on line 3" in e]
            assert error.endswith("make them agree"), engine
            assert not any("--primary" in e for e in errors), engine


def test_the_advice_needs_each_count_s_block_of_other_parties(tmp_path, monkeypatch):
    # Alaska's layout, but the second ballot's block names a party of the first's (DEM): no advice.
    text = _text(2).replace('"Tread, Mead",REP', '"Tread, Mead",DEM')
    for engine in ("exact", "stream"):
        monkeypatch.setenv("POLLCLI_ENGINE", engine)
        errors = _errors(write(tmp_path, text, "ak_precincts_2018.csv"))
        assert errors and not any("--primary" in e for e in errors), engine
