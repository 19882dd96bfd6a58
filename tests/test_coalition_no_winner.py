"""A wide table with coalitions' columns (Mexico's INE: a column per party and one per combination
of a coalition's parties, `PRD_PT_MC`) splits a candidate's votes across columns the file does not
add up, so the columns' leader, runner-up and runoff are no candidates'. Mexico's 2012
presidential table by state said "a runoff would be between PRI and PAN (under first past the post
PRI wins)": PAN's candidate came third, behind the candidate of PRD, PT, MC and their
combinations (31.59 %). No leader, runner-up, winner, majority or runoff is named now; the table
and the shares stay the columns'. Names and figures invented; oracle: pandas, adding each
coalition's columns up."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

BY_STATE = """NOMBRE_ESTADO,AZUL,ROJO,AMARILLO,VERDE,NARANJA,ROJO_VERDE,AMARILLO_NARANJA,TOTAL_VOTOS
NORTE,3000,3300,2000,500,900,300,400,10400
SUR,2500,3100,2600,400,800,200,500,10100
ESTE,2700,2900,1900,300,1100,250,450,9600
"""
COALITIONS = {
    "AZUL": ["AZUL"],
    "ROJO + VERDE": ["ROJO", "VERDE", "ROJO_VERDE"],
    "AMARILLO + NARANJA": ["AMARILLO", "NARANJA", "AMARILLO_NARANJA"],
}


def _candidates() -> list[str]:
    """pandas: the coalitions by their columns added up, most votes first."""
    frame = pd.read_csv(io.StringIO(BY_STATE))
    votes = {name: int(frame[columns].to_numpy().sum()) for name, columns in COALITIONS.items()}
    return sorted(votes, key=votes.__getitem__, reverse=True)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_coalition_columns_name_no_winner_nor_runoff(tmp_path, engine) -> None:
    # The columns' runner-up (AZUL) is the candidates' third: the runoff named was wrong.
    assert _candidates()[2] == "AZUL"
    path = write(tmp_path, BY_STATE, "presidente_2012_estados.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    # The columns' leader and runner-up are no candidates' (AZUL came third): neither is named,
    # in the JSON, the findings or the table's tags (trial 24: "Runner-up: PAN" and LEADER,
    # RUNNER-UP tags beside "no winner is named").
    assert election["leader"] is None and election["runner_up"] is None
    assert election["margin"] is None and election["tied_for_first"] == []
    notes = " ".join(election["notes"])
    assert "so no leader, runner-up, winner, majority, runoff, threshold verdict" in notes
    assert "runoff would be" not in notes and "wins" not in notes
    assert "leads" not in notes and "Runner-up" not in notes and "Tie for first" not in notes
    table = invoke("summary", str(path), env=env)
    assert "runoff would be" not in table.stdout and "coalition" in table.stderr
    assert "LEADER" not in table.stdout and "RUNNER-UP" not in table.stdout
    assert "TIED FIRST" not in table.stdout
    ranked = [r["candidate"] for r in election["results"]]
    assert ranked[:2] == ["ROJO", "AZUL"]  # the columns, ranked as read


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_columns_tied_for_first_name_no_tie(tmp_path, engine) -> None:
    # Two columns of equal votes are no candidates tied for first.
    text = BY_STATE.replace(
        "NORTE,3000,3300,2000,500,900,300,400,10400", "NORTE,3000,2200,2000,500,900,300,400,9300"
    )
    path = write(tmp_path, text, "presidente_2012_estados.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    (election,) = json.loads(result.stdout)["elections"]
    assert [r["votes"] for r in election["results"][:2]] == [8200, 8200]
    assert election["tied_for_first"] == [] and election["leader"] is None
    assert "Tie for first" not in " ".join(election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_without_combinations_the_winner_is_named(tmp_path, engine) -> None:
    plain = "ESTADO,AZUL,ROJO,VERDE\nNORTE,300,500,90\nSUR,310,520,80\n"
    result = invoke("summary", str(write(tmp_path, plain, "x.csv")), env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    assert "ROJO has more than 50 % and wins outright" in result.stdout


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_json_names_no_runoff_either(tmp_path, engine) -> None:
    # The findings named none, but JSON `majority.runoff` still said ["ROJO", "AZUL"].
    path = write(tmp_path, BY_STATE, "presidente_2012_estados.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    (election,) = json.loads(result.stdout)["elections"]
    assert election["majority"]["runoff"] is None
    assert election["majority"]["reached"] is False


def test_no_region_race_or_compared_election_is_led_by_a_column(tmp_path) -> None:
    # By region, each state's leading column was named its leader ("By region: ROJO leads in 2
    # …"); split into races by state, each column leader won its state; compare called the
    # election's missing leader a "tie".
    path = write(tmp_path, BY_STATE, "presidente_2012_estados.csv")
    by_region = invoke("summary", str(path), "--by", "region", "--format", "json")
    (election,) = json.loads(by_region.stdout)["elections"]
    assert all(r["leader"] is None and r["runner_up"] is None for r in election["regions"])
    assert "By region: no leader is named in any of the 3 regions" in " ".join(election["notes"])
    races = invoke("summary", str(path), "--race-by", "NOMBRE_ESTADO", "--format", "json")
    assert races.code == 0, races.stderr
    split = json.loads(races.stdout)
    assert len(split["elections"]) == 3 and all(e["leader"] is None for e in split["elections"])
    assert not any(line["won"] for line in split["overview"]["races"])
    assert split["tally"]["won"] == 0 and split["tally"]["undecided"] == 3
    compared = invoke("compare", str(path), str(path))
    assert compared.code == 0, compared.stderr
    assert " tie " not in compared.stdout


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_coalition_columns_give_no_threshold_verdict_nor_effective_number(tmp_path, engine) -> None:
    # Mexico's 2012 table by state: "Below the 3 % threshold: PT (2.54 %) … PRD_PT (1.30 %)" and
    # "Effective number of candidates: 4.83" were of columns. A party's votes in a coalition's
    # columns count towards it too (PT's own column understates it), a column is no candidate,
    # and the candidates' effective number is not the columns' (oracle: pandas, coalitions added).
    # Here NARANJA's own column is under 10 % of the valid votes, its coalition well over.
    frame = pd.read_csv(io.StringIO(BY_STATE))
    valid = int(frame.drop(columns=["NOMBRE_ESTADO", "TOTAL_VOTOS"]).to_numpy().sum())
    assert int(frame["NARANJA"].sum()) / valid < 0.10
    assert int(frame[COALITIONS["AMARILLO + NARANJA"]].to_numpy().sum()) / valid > 0.10
    path = write(tmp_path, BY_STATE, "presidente_2012_estados.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), "--threshold", "10", "--format", "json", env=env)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["below_threshold"] == []
    assert not any(r["below_threshold"] for r in election["results"])
    assert election["effective_number"] is None
    notes = " ".join(election["notes"])
    assert "threshold" not in notes.replace("threshold verdict", "")
    assert "Effective number" not in notes
    assert "threshold verdict or effective number" in notes
    table = invoke("summary", str(path), "--threshold", "10", env=env)
    assert "BELOW" not in table.stdout
