"""A table of winners only (`read.winners_only`): Nepal's table of constituencies
(`Province,District,Constituency,Winner,Candidate,Votes,Margin,Wikipedia`, a row per
constituency with its winner) read as 165 races "won" with 100 % and tagged UNOPPOSED. A file whose
every race lists one candidate is refused, saying it lists winners only; a race of one candidate
among contested ones reads as before. Files: invented, in that layout."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

HEADER = "Province,District,Constituency,Winner,Candidate,Votes,Margin,Wikipedia"


def _winners(races: int, margin: bool = True) -> str:
    lines = [HEADER if margin else HEADER.replace(",Margin", "")]
    for n in range(1, races + 1):
        cells = [str(1 + n // 5), f"Dist{n}", f"Dist{n} 1", "Green", f"Asha Rai {n}"]
        cells += [str(20000 + 37 * n)] + ([f"0.0{n % 9 + 1}"] if margin else [])
        lines.append(",".join([*cells, f"https://example.org/dist{n}"]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("races", "margin"), [(12, False), (12, True), (3, True)])
def test_a_table_of_winners_only_is_refused(tmp_path, races, margin):
    result = invoke("summary", str(write(tmp_path, _winners(races, margin), "np.csv")))
    assert result.code == 1, result.stdout
    assert f"each of the {races} races lists one candidate ('Asha Rai 1'" in result.stderr
    assert "a table of winners only" in result.stderr
    assert ("beside 'Margin'" in result.stderr) == margin
    assert "UNOPPOSED" not in result.stdout


def test_one_race_kept_reads_as_before(tmp_path):
    # The way out the error names for a race that was unopposed: --race keeps it.
    path = write(tmp_path, _winners(12), "np.csv")
    result = invoke("summary", str(path), "--race", "Dist1 · Dist1 1", "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert [r["votes"] for r in election["results"]] == [20037]


def test_a_few_lone_races_read_as_unopposed_as_before(tmp_path):
    # Three races of one candidate each, nothing saying winners: unopposed, as before.
    path = write(tmp_path, _winners(3, margin=False), "np.csv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    assert "unopposed" in json.dumps(json.loads(result.stdout)["overview"])


def test_one_contested_race_makes_the_lone_ones_unopposed(tmp_path):
    # A second candidate in one race: the file holds results; the lone ones are unopposed.
    text = _winners(12) + "1,Dist1,Dist1 1,Blue,Bo Lama,15000,0.01,https://example.org/x\n"
    result = invoke("summary", str(write(tmp_path, text, "np.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    lines = json.loads(result.stdout)["overview"]["races"]
    tags = {line["race"]: line["tags"] for line in lines}
    assert "unopposed" not in tags["Dist1 · Dist1 1"]
    assert "unopposed" in tags["Dist2 · Dist2 1"]


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("county", [True, False])
def test_unopposed_races_counted_by_precinct_are_results(tmp_path, engine, county):
    # A county's general election whose eleven offices were all unopposed, counted precinct by
    # precinct: a results file (a table of winners lists each race's winner once), each race
    # unopposed, as before. Was refused as 'a table of winners only'.
    lines = ["county,precinct,office,candidate,party,votes"]  # (county: precincts summed first)
    offices = [f"Office {n}" for n in range(1, 12)]
    for n, office in enumerate(offices):
        for k, precinct in enumerate(("Ash", "Birch", "Cedar")):
            lines.append(f"Knox,{precinct},{office},Ann Doe {n},REP,{100 + 10 * n + k}")
    if not county:
        lines = [line.split(",", 1)[1] for line in lines]
    path = write(tmp_path, "\n".join(lines) + "\n", "knox.csv")
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    assert "winners only" not in result.stderr
    data = json.loads(result.stdout)
    votes = {e["election"]: [r["votes"] for r in e["results"]] for e in data["elections"]}
    # By hand: Office 1's three precincts 100 + 101 + 102; Office 11's 200 + 201 + 202.
    assert votes["Office 1"] == [303] and votes["Office 11"] == [603]
    tags = {line["race"]: line["tags"] for line in data["overview"]["races"]}
    assert all("unopposed" in tags[office] for office in offices)
