"""Errors of the file as a whole come before the errors of its races, and stray bytes in a row are
an error of that row's race, not of the file (trial B7: MEDSL's Senate file gave nothing, and the
five errors shown hid the one that stopped it).

The files are MEDSL's layout (`year,state,office,district,stage,special,candidate,party_detailed,
writein,mode,candidatevotes,totalvotes`), written here: a candidate listed twice with one party in
one race is a `duplicate-option` (more such races than errors are shown; write-ins all named `NA`
were, until they were added up as one unnamed write-in), a name with a stray byte in a later race.
"""

from __future__ import annotations

import io
import json

import pytest

from conftest import invoke
from pollcli.cli import MAX_ERRORS_SHOWN
from pollcli.errors import DataError
from pollcli.read import engines

HEADER = (
    "year,state,office,district,stage,special,candidate,party_detailed,writein,mode,"
    "candidatevotes,totalvotes"
)
STATES = ("ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "COLORADO", "DELAWARE", "FLORIDA", "GEORGIA")


def _row(year: int, state: str, name: str, party: str, votes: int, total: int) -> str:
    writein = "TRUE" if name == "NA" else "FALSE"
    return (
        f"{year},{state},US SENATE,statewide,gen,FALSE,{name},{party},{writein},total,"
        f"{votes},{total}"
    )


def senate(stray: bytes | None = None, tail: str = "") -> bytes:
    """Races 1976 (every state, clean), 1986 (every state, a candidate listed twice: refused), 2006
    (every state, clean, but `stray` inside the Democrat's name in GEORGIA), then `tail`."""
    lines = [HEADER]
    for year in (1976, 1986, 2006):
        for s, state in enumerate(STATES):
            options = [("ANN REP", "REPUBLICAN", 1000 + 37 * s + year % 7)]
            options.append(("BOB DEM", "DEMOCRAT", 900 + 53 * s + year % 11))
            if year == 1986:
                options += [("CAL IND", "INDEPENDENT", 5 + s), ("CAL IND", "INDEPENDENT", 7 + s)]
            total = sum(v for _, _, v in options)
            lines += [_row(year, state, n, p, v, total) for n, p, v in options]
    data = ("\n".join(lines) + "\n" + tail).encode()
    if stray is not None:
        data = data.replace(
            b"2006,GEORGIA,US SENATE,statewide,gen,FALSE,BOB",
            b"2006,GEORGIA,US SENATE,statewide,gen,FALSE,B" + stray + b"OB",
        )
    return data


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_stray_bytes_refuse_their_race_and_the_others_are_summarised(tmp_path, engine):
    import pandas as pd

    data = senate(stray=STRAY)
    path = tmp_path / "us_senate.csv"
    path.write_bytes(data)
    result = invoke("summary", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
    assert result.code == 1, result.stderr
    out = json.loads(result.stdout)
    refused = {r["race"]: [p["code"] for p in r["problems"]] for r in out["refused"]}
    assert refused["2006 · GEORGIA · US SENATE"] == ["encoding-error"]
    assert {r for r, codes in refused.items() if codes == ["duplicate-option"]} == {
        f"1986 · {s} · US SENATE" for s in STATES
    }
    assert len(refused) == len(STATES) + 1
    # The oracle: pandas' leader and votes of every race that is neither 1986 nor Georgia 2006.
    frame = pd.read_csv(io.BytesIO(data), encoding="latin-1")
    frame = frame[(frame.year != 1986) & ~((frame.year == 2006) & (frame.state == "GEORGIA"))]
    expected = {
        f"{year} · {state} · US SENATE": (
            group.loc[group.candidatevotes.idxmax(), "candidate"],
            int(group.candidatevotes.max()),
        )
        for (year, state), group in frame.groupby(["year", "state"])
    }
    got = {
        e["election"]: (e["leader"]["candidate"], e["leader"]["votes"]) for e in out["elections"]
    }
    assert got == expected
    assert "pass --encoding latin-1" in " ".join(
        p["message"] for r in out["refused"] for p in r["problems"]
    )


def test_stray_bytes_in_a_race_left_out_by_where_stop_nothing(tmp_path):
    path = tmp_path / "us_senate.csv"
    path.write_bytes(senate(stray=STRAY))
    result = invoke("summary", str(path), "--where", "year=1976", "--format", "json")
    assert result.code == 0, result.stderr
    assert len(json.loads(result.stdout)["elections"]) == len(STATES)


def test_a_file_of_one_race_with_stray_bytes_is_still_refused_whole(tmp_path):
    path = tmp_path / "one.csv"
    path.write_bytes(b"candidate,votes\nAnn,10\nB\x90ob,5\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "encoding-error" not in result.stdout and ":3: bytes 90 do not decode" in result.stderr


# MEDSL's own stray bytes (Tennessee 2006, 'EMORY \x90_Ǌ…'): text in no common encoding.
STRAY = b"\x90_\xc7\x8a\x90_\xc7\x8a"
UNTERMINATED = '2010,GEORGIA,US SENATE,statewide,gen,FALSE,"CY OPEN,LIBERTARIAN,FALSE,total,5,5\n'


def test_an_error_of_the_whole_file_is_shown_first_whatever_the_cap(tmp_path):
    """A quote that never closes, after more refused races than errors are shown: the file stops
    there (`malformed-csv`, no race), and that error leads, with what it means for the file."""
    path = tmp_path / "us_senate.csv"
    path.write_bytes(senate(tail=UNTERMINATED))
    result = invoke("summary", str(path))
    assert result.code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"pollcli: error: {path}:{2 + 3 * 2 * len(STATES) + 2 * len(STATES)}:"
    )
    assert "cannot be split into cells" in lines[0]
    assert "duplicate-option" not in lines[0]
    # Then what it means: nothing is summarised until it is fixed, and the races' own errors.
    assert "nothing summarised" in lines[1] and "the file as a whole" in lines[1]
    shown = [line for line in lines if line.startswith("pollcli: error:")]
    assert len(shown) == MAX_ERRORS_SHOWN
    assert "listed again" in shown[1]


def test_load_raises_the_errors_of_the_whole_file_first(tmp_path):
    from pollcli import load

    path = tmp_path / "us_senate.csv"
    path.write_bytes(senate(tail=UNTERMINATED))
    with pytest.raises(DataError) as caught:
        load(path)
    races = [p.race for p in caught.value.problems]
    assert races[0] is None and all(r is not None for r in races[1:])
    assert caught.value.problems[0].code == "malformed-csv"
