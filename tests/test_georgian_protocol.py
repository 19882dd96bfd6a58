"""Georgia's CEC protocol tables by precinct (ForSetGeorgia/Georgian-Election-Data): in Georgian
(`ერთიან სიაში ამომრჩეველთა რაოდენობა`, the voters on the unified list; `სპეციალურ სიაში …`, on
the special list; `არჩევნებში მონაწილეთა რაოდენობა`, the voters who took part; `ბათილი
ბიულეტენები`, invalid ballots; `აქტივობა 12 საათი`, the voters by noon) and in its English files
(`possible voters`, `special voters`, `votes by 12`, `ballots signed for`, `num ballots`,
`logic check`). None was known: the protocol lines named the rows, no turnout. Now registered is
the two lists' sum, the participants the ballots cast. Figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

GEORGIAN = (
    "region,district id,უბანი,ერთიან სიაში ამომრჩეველთა რაოდენობა,"
    "სპეციალურ სიაში ამომრჩეველთა რაოდენობა,აქტივობა 12 საათი,"
    "არჩევნებში მონაწილეთა რაოდენობა,ბათილი ბიულეტენები,valid votes,"
    "1 “Party One”,2 “Party Two”\n"
    ",1,1,1481,8,444,946,10,936,316,620\n"
    ",1,2,1299,12,296,855,27,828,266,562\n"
    ",2,1,900,0,200,500,5,495,300,195\n"
)
ENGLISH = (
    "region,district id,district name,precinct,special precinct,possible voters,special voters,"
    "votes by 12,votes by 17,ballots signed for,num ballots,invalid votes,valid votes,"
    "logic check,logic check2,1 - Party One,2 - Party Two\n"
    ",1,,1,,1481,8,444,829,946,1000,10,936,,,316,620\n"
    ",1,,2,,1299,12,296,731,855,900,27,828,,,266,562\n"
    ",2,,1,,900,0,200,400,500,600,5,495,,,300,195\n"
)


@pytest.mark.parametrize("text", [GEORGIAN, ENGLISH], ids=["georgian", "english"])
@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_georgia_protocol_lines_are_facts(tmp_path, engine, text) -> None:
    path = write(tmp_path, text, "ge.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    options = [c for c in frame.columns if c[0].isdigit()]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        c: int(frame[c].sum()) for c in options
    }
    turnout = election["turnout"]
    georgian = "უბანი" in frame
    lists = (
        [frame.columns[3], frame.columns[4]] if georgian else ["possible voters", "special voters"]
    )
    cast = frame.columns[6] if georgian else "ballots signed for"
    assert turnout["registered"] == int(frame[lists].sum().sum())
    assert turnout["ballots_cast"] == int(frame[cast].sum())
    assert not election["warnings"]


def test_a_repeated_precinct_names_an_unused_column_as_such(tmp_path) -> None:
    """Two rows of one district and precinct (the 2012 party-list file's 39 · 18): refused, and
    the column the advice names to tell them apart is said to be no option, as it is."""
    text = GEORGIAN + ",2,1,700,0,150,300,4,296,100,196\n"
    result = invoke("summary", str(write(tmp_path, text, "ge.csv")))
    assert result.code == 1
    assert "'აქტივობა 12 საათი' tells them apart (read now as no option)" in result.stderr
