"""The overview of a file of many races: one line per race, tags, sorting, the races (seats) won per
party, the default system, and the table, Markdown, CSV and JSON that show it. Winners and margins
are checked against a plain computation from the file (csv module), not pollcli's own figures."""

import csv
import json
import os
from collections import Counter, defaultdict
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, invoke, write
from pollcli import load, summarize
from pollcli.cli.output import render_to_text
from pollcli.overview import race_line
from pollcli.render.overview_table import render_summary
from pollcli.schema import json_schema

RACES = Path(__file__).parent / "races"
GOLDEN = Path(__file__).parent / "golden"


def race_votes(name: str, race: str) -> dict[str, Counter]:
    """Per race, the votes of each candidate, from the csv module."""
    votes: dict[str, Counter] = defaultdict(Counter)
    with (RACES / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            votes[row[race]][row["candidate"]] += int(row["votes"])
    return votes


def winners(name: str, race: str, party: str = "party") -> dict[str, tuple[str, str, int]]:
    """Per race: (winner, party, margin in votes) by the most votes, from the csv module."""
    votes: dict[str, Counter] = defaultdict(Counter)
    parties = {}
    with (RACES / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            votes[row[race]][row["candidate"]] += int(row["votes"])
            parties[row["candidate"]] = row[party]
    result = {}
    for key, counts in votes.items():
        (first, a), *rest = counts.most_common()
        result[key] = (first, parties[first], a - (rest[0][1] if rest else 0))
    return result


def json_of(*args: str) -> dict:
    result = invoke("summary", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_seats_won_per_party_in_a_file_of_constituencies():
    data = json_of(str(RACES / "constituencies.csv"))
    expected = winners("constituencies.csv", "constituency")
    lines = {line["race"]: line for line in data["overview"]["races"]}
    for race, (name, party, margin) in expected.items():
        assert lines[race]["leader"]["candidate"] == name
        assert lines[race]["leader"]["party"] == (party or None)
        assert (
            lines[race]["margin"] is None
            if margin == lines[race]["leader"]["votes"]
            else (lines[race]["margin"]["votes"] == margin)
        )
    won = Counter(party for _, party, _ in expected.values())
    # Won with no majority (at most half the votes) under the first past the post pollcli assumed.
    pluralities = sum(
        1 for c in race_votes("constituencies.csv", "constituency").values()
        if 2 * max(c.values()) <= sum(c.values())
    )  # fmt: skip
    assert pluralities == 2  # Ashford 46.72 %, Dunsfold 35.80 %
    assert data["tally"] == {
        "unit": "seats",
        "races": 5,
        "won": 5,
        "undecided": 0,
        "parties": [
            {"party": p, "won": n} for p, n in sorted(won.items(), key=lambda i: (-i[1], i[0]))
        ],
        "partial": 0,
        "primaries": 0,
        "assumed_plurality": pluralities,
    }
    assert any(
        n.startswith("Seats won: Blue 2 of 5, Red 2, Green 1. 2 wins are pluralities")
        for n in data["overview"]["notes"]
    )


def test_tags_close_unopposed_tie_and_no_majority(tmp_path):
    text = (
        "constituency,candidate,party,votes\n"
        "A,X,Red,1000\nA,Y,Blue,995\n"  # 0.25 points: close
        "B,X2,Red,100\nB,Y2,Blue,100\n"  # tie
        "C,Z,Red,50\n"  # unopposed
        "D,P,Red,40\nD,Q,Blue,35\nD,R,Green,25\n"  # no one above 50 %
    )
    path = write(tmp_path, text)
    plurality = {line.race: line.tags for line in summarize(load(path)).overview.races}
    assert plurality == {"A": ["close"], "B": ["close", "tie"], "C": ["unopposed"], "D": []}
    majority = summarize(load(path, facts={"system": "majority"})).overview
    assert {line.race: line.tags for line in majority.races}["D"] == ["no_majority"]
    # A: 1,000 of 1,995 votes is 50.13 %, a majority; B is tied; D needs a runoff.
    assert {line.race: line.won for line in majority.races} == {
        "A": True,
        "B": False,
        "C": True,
        "D": False,
    }


def test_close_means_under_one_point_or_half_a_percent_of_the_votes(tmp_path):
    # 2,000 of 1,000,000 votes is 0.2 % of the votes but 0.2 points: close either way; 1.5
    # points is not close.
    path = write(
        tmp_path,
        "constituency,candidate,votes\nA,X,501000\nA,Y,499000\nB,X2,50750\nB,Y2,49250\n",
    )
    tags = {line.race: line.tags for line in summarize(load(path)).overview.races}
    assert tags == {"A": ["close"], "B": []}


def test_sort_margin_lists_the_closest_first():
    data = json_of(str(RACES / "openelections_general.csv"), "--sort", "margin")
    margins = [
        line["margin"]["pp"] if line["margin"] else float("inf")
        for line in data["overview"]["races"]
    ]
    assert margins == sorted(margins)
    assert data["overview"]["sort"] == "margin"
    assert invoke("summary", str(RACES / "constituencies.csv"), "--sort", "size").code == 2


def test_races_are_first_past_the_post_unless_told(tmp_path):
    data = json_of(str(RACES / "constituencies.csv"), "--race", "dunsfold")
    (election,) = data["elections"]
    # Sal Tate has 35.80 %: under a system pollcli assumed, a plurality leads, it does not win.
    assert any(
        n.startswith("Sal Tate leads with a plurality") and "No system is given" in n
        for n in election["notes"]
    )
    assert election["majority"]["runoff"] is None
    given = json_of(
        str(RACES / "constituencies.csv"), "--race", "dunsfold", "--system", "plurality"
    )
    assert any(
        n.startswith("First past the post: Sal Tate wins the seat")
        for n in given["elections"][0]["notes"]
    )
    told = json_of(str(RACES / "constituencies.csv"), "--race", "dunsfold", "--system", "majority")
    assert told["elections"][0]["majority"]["runoff"] == ["Sal Tate", "Rey Stone"]
    # A single national race keeps the two-round default.
    kz = json_of("data/kz_2022.csv")
    assert "overview" not in kz and kz["elections"][0]["majority"]["runoff"] is None


def test_the_table_shows_the_overview_of_more_than_three_races_and_detail_on_asking():
    path = str(RACES / "openelections_general.csv")
    table = invoke("summary", path).stdout
    assert "Races\n" in table and "Races won by party (5 of 5 decided)" in table
    assert "Findings" not in table and "LEADER" not in table
    detail = invoke("summary", path, "--detail").stdout
    assert detail.count("Findings") == 5 and "Races won by party" in detail
    few = invoke("summary", str(RACES / "ga_modes_runoff.csv")).stdout
    assert few.count("Findings") == 2 and "Races won by party" in few


def test_markdown_and_csv_of_the_overview():
    path = str(RACES / "constituencies.csv")
    markdown = invoke("summary", path, "--format", "markdown").stdout
    assert (
        "| Race | Leader | Party | Share | Lead (pts) | Lead (votes) | Runner-up | Tags |"
        in markdown
    )
    assert "| Ashford | Ada Birch | Red | 46.72 % | 0.11 | 50 | Cole Dane | CLOSE |" in markdown
    assert "**Seats won by party (5 of 5 decided)**" in markdown
    overview = invoke("summary", path, "--format", "csv", "--overview").stdout
    rows = list(csv.DictReader(overview.splitlines()))
    assert [r["race"] for r in rows] == ["Ashford", "Bramley", "Crowhurst", "Dunsfold", "Elstead"]
    assert rows[0]["margin_votes"] == "50" and rows[4]["tags"] == "unopposed"
    # Without --overview, CSV is one row per option of each race (the file's 12 rows), as with
    # --detail: its shape does not depend on how many races there are.
    for extra in ([], ["--detail"]):
        text = invoke("summary", path, "--format", "csv", *extra).stdout
        detail = list(csv.DictReader(text.splitlines()))
        assert len(detail) == 12 and detail[0]["election"] == "Ashford"
        assert (detail[0]["candidate"], detail[0]["votes"]) == ("Ada Birch", "21000")


def races_file(tmp_path, races: int):
    rows = ["constituency,candidate,party,votes"]
    for i in range(races):
        rows += [f"Seat {i},Ann {i},Red,{100 + i}", f"Seat {i},Bob {i},Blue,{50 + i}"]
    return write(tmp_path, "\n".join(rows) + "\n", f"races{races}.csv")


@pytest.mark.parametrize("flag", [[], ["--overview"]])
def test_csv_keeps_its_columns_when_a_fourth_race_appears(tmp_path, flag):
    """Before: three races gave a row per option, four a row per race (trial C10)."""
    three, four = (
        list(csv.reader(invoke("summary", str(races_file(tmp_path, n)), "--format", "csv", *flag)
                        .stdout.splitlines()))
        for n in (3, 4)
    )  # fmt: skip
    assert three[0] == four[0]
    per_race = bool(flag)
    assert len(three) - 1 == (3 if per_race else 6) and len(four) - 1 == (4 if per_race else 8)
    header = four[0]
    if per_race:
        assert [dict(zip(header, r, strict=True))["leader"] for r in four[1:]] == [
            f"Ann {i}" for i in range(4)
        ]
    else:
        assert [dict(zip(header, r, strict=True))["votes"] for r in four[1:3]] == ["100", "50"]


def test_overview_of_one_election_read_whole_and_its_usage_error():
    path = str(ROOT / "data" / "kz_2022.csv")
    rows = list(
        csv.DictReader(invoke("summary", path, "--format", "csv", "--overview").stdout.splitlines())
    )
    # The CEC's figures (SPEC): Tokayev 6,456,392 votes, 81.31 %; Dairabayev 3.42 %.
    assert len(rows) == 1
    assert (rows[0]["leader"], rows[0]["leader_votes"], rows[0]["runner_up_share"]) == (
        "Kassym-Jomart Tokayev",
        "6456392",
        "3.42",
    )
    result = invoke("summary", path, "--overview", "--detail")
    assert result.code == 2 and "--detail and --overview" in result.stderr


def test_race_output_validates_against_the_schema():
    data = json_of(str(RACES / "openelections_general.csv"))
    jsonschema.validate(data, json_schema("summary"))
    assert set(data) == {
        "schema_version",
        "command",
        "elections",
        "overview",
        "tally",
        "splits",
        "refused",
    }
    assert set(data["overview"]) == {"sort", "races", "closest", "notes"}
    assert set(data["overview"]["races"][0]) == {
        "race",
        "source_file",
        "leader",
        "runner_up",
        "tied_for_first",
        "margin",
        "turnout_pct",
        "won",
        "tags",
    }
    assert set(data["tally"]) == {
        "unit",
        "races",
        "won",
        "undecided",
        "parties",
        "partial",
        "primaries",
        "assumed_plurality",
    }


def test_a_race_line_is_built_from_the_race_summary_alone():
    summary = summarize(load(RACES / "constituencies.csv"))
    line = race_line(summary.elections[0])
    assert line.leader == summary.elections[0].leader and line.won


@pytest.mark.parametrize(
    ("name", "file", "args", "width"),
    [
        ("summary_races_w100.txt", "openelections_general.csv", {}, 100),
        ("summary_races_margin_w60.txt", "constituencies.csv", {"sort": "margin"}, 60),
    ],
)
def test_overview_golden(name, file, args, width, monkeypatch):
    monkeypatch.chdir(RACES.parent.parent)
    summary = summarize(load(f"tests/races/{file}"), **args)
    text = render_to_text(render_summary(summary, width), width)
    path = GOLDEN / name
    if os.environ.get("POLLCLI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_the_chart_of_many_races_draws_seats_won_and_the_closest_races(tmp_path):
    from chart_svg import Chart

    out = tmp_path / "races.svg"
    result = invoke("summary", str(RACES / "constituencies.csv"), "--chart", str(out), "-q")
    assert result.code == 0, result.stderr
    svg = Chart(out)
    expected = winners("constituencies.csv", "constituency")
    won = Counter(party for _, party, _ in expected.values())
    order = sorted(won.items(), key=lambda item: (-item[1], item[0]))
    labels = [svg.text_of(f"c1-party-label-{i}") for i in range(len(order))]
    assert labels == [party for party, _ in order]
    widths = [svg.box(f"c1-party-bar-{i}").width for i in range(len(order))]
    for (_, count), width in zip(order, widths, strict=True):
        assert width / widths[0] == pytest.approx(count / order[0][1], rel=1e-3)
    assert svg.text_of("c1-party-value-0") == f"{order[0][1]} of 5"
    # The closest races, closest first, each bar its margin in points on one scale.
    totals: Counter = Counter()
    with (RACES / "constituencies.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            totals[row["constituency"]] += int(row["votes"])
    margins = {
        race: margin / totals[race] * 100
        for race, (_, _, margin) in expected.items()
        if race != "Elstead"  # unopposed: no margin
    }
    closest = sorted(margins, key=margins.get)
    shown = [svg.text_of(f"c2-close-label-{i}").split(":")[0] for i in range(len(closest))]
    assert shown == closest
    bars = [svg.box(f"c2-close-bar-{i}").width for i in range(len(closest))]
    for race, width in zip(closest, bars, strict=True):
        assert width / bars[-1] == pytest.approx(margins[race] / margins[closest[-1]], rel=1e-3)
    # More than a few races: no chart of each race.
    assert not svg.ids("c3-")


def test_readme_sample_of_many_races_is_current_output(monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index("## Files with many races")) + len("```text\n")
    sample = readme[start : readme.index("…", start)].splitlines()
    args = sample[0].removeprefix("$ pollcli ").split()
    output = invoke(*args, env={"COLUMNS": "100"}).stdout
    actual = [line.rstrip() for line in output.splitlines()]
    assert sample[1:] == actual[: len(sample) - 1]


# Two offices and two ballot measures (a bond voted in two districts): the measures' answers win
# no seat, so the tally counts the two offices only.
MEASURES = """office,district,party,candidate,votes
Mayor,,DEM,Ann Lee,600
Mayor,,REP,Bob Ray,400
Council,1,DEM,Cy Moe,300
Council,1,REP,Di Noe,350
Bond,1,,YES,700
Bond,1,,NO,300
Bond,2,,Yes,200
Bond,2,,No,450
"""


def test_ballot_measures_are_left_out_of_the_tally(tmp_path):
    data = json.loads(invoke("summary", str(write(tmp_path, MEASURES)), "-f", "json").stdout)
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert {race for race, line in lines.items() if line.get("measure")} == {"Bond · 1", "Bond · 2"}
    # By hand: Mayor to DEM (Ann Lee 600), Council 1 to REP (Di Noe 350); the bonds not counted.
    tally = data["tally"]
    assert (tally["races"], tally["measures"]) == (2, 2)
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"DEM": 1, "REP": 1}
    assert "2 ballot measures left out" in " ".join(data["overview"]["notes"])
    jsonschema.validate(data, json_schema("summary"))


def test_a_party_spelt_in_two_cases_is_one_in_the_tally(tmp_path):
    # "Labour", "labour" and "LABOUR " are one party, as `seats` counts them (review, stop 20).
    text = (
        "district,candidate,party,votes\n"
        "D1,Ann,Labour,100\nD1,Bob,Conservative,50\n"
        "D2,Cat,labour,80\nD2,Dan,Conservative,60\n"
        "D3,Eve,LABOUR ,90\nD3,Fay,Conservative,70\n"
        "D4,Gus,conservative,90\nD4,Hal,Labour,70\n"
    )
    path = write(tmp_path, text, "parties.csv")
    # The oracle, by pandas: each district's winner's party, case and spaces folded.
    import pandas as pd

    frame = pd.read_csv(path)
    won = frame.loc[frame.groupby("district")["votes"].idxmax(), "party"]
    expected = Counter(" ".join(p.casefold().split()) for p in won)
    result = invoke("summary", str(path), "--race-by", "district", "--format", "json")
    assert result.code == 0, result.stderr
    parties = json.loads(result.stdout)["tally"]["parties"]
    assert {p["party"].casefold(): p["won"] for p in parties} == dict(expected)
    assert [p["party"] for p in parties] == ["Labour", "Conservative"]  # as first met
    seats = invoke("seats", str(path), "--format", "json")
    assert seats.code == 0, seats.stderr
    [allocation] = json.loads(seats.stdout)["elections"][0]["allocations"]
    by_seats = {p["party"]: p["seats"] for p in allocation["parties"]}
    assert by_seats == {p["party"]: p["won"] for p in parties}


def test_a_total_row_that_differs_from_its_parts_tags_the_race(tmp_path):
    # Mississippi 2016 (OpenElections): Total rows over the district, county rows for some of its
    # counties only. The figures are the parts' (pandas below); the race is tagged TOTAL?.
    text = (
        "county,office,district,party,candidate,votes\n"
        "Adams,U.S. House,1,REP,Kelly,100\nAdams,U.S. House,1,DEM,Owens,40\n"
        "Alcorn,U.S. House,1,REP,Kelly,60\nAlcorn,U.S. House,1,DEM,Owens,30\n"
        "Total,U.S. House,1,REP,Kelly,206\nTotal,U.S. House,1,DEM,Owens,84\n"
        "Adams,U.S. House,2,DEM,Thompson,70\nAdams,U.S. House,2,REP,Bouie,20\n"
        "Total,U.S. House,2,DEM,Thompson,70\nTotal,U.S. House,2,REP,Bouie,20\n"
    )
    path = write(tmp_path, text, "ms.csv")
    import pandas as pd

    frame = pd.read_csv(path)
    parts = frame[frame["county"] != "Total"].groupby(["district", "candidate"])["votes"].sum()
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    by_race = {e["election"]: e for e in data["elections"]}
    first = {r["candidate"]: r["votes"] for r in by_race["U.S. House · 1"]["results"]}
    assert first == {c: int(v) for (d, c), v in parts.items() if d == 1}
    tags = {line["race"]: line["tags"] for line in data["overview"]["races"]}
    assert tags == {"U.S. House · 1": ["total_mismatch"], "U.S. House · 2": []}
    assert any(
        n.startswith("TOTAL? in 1 race (‘U.S. House · 1’)") for n in data["overview"]["notes"]
    )
    table = invoke("summary", str(path))
    assert "TOTAL?" in table.stdout


def test_elections_told_apart_by_an_election_column_alone_are_races_not_seats(tmp_path):
    # Chile 2021 (trial 6): both rounds of one presidency in one file, split by `eleccion`: the
    # tally said "Seats won by party". Districts beside the election column are still seats.
    rounds = (
        "election,candidate,votes\n"
        "Primera vuelta,Kast,1954607\nPrimera vuelta,Boric,1796851\nPrimera vuelta,Parisi,899403\n"
        "Segunda vuelta,Boric,4596579\nSegunda vuelta,Kast,3640606\n"
    )
    result = invoke("summary", str(write(tmp_path, rounds, "rounds.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["tally"]["unit"] == "races"
    districts = "election,district,candidate,party,votes\nE,D1,Ann,A,10\nE,D1,Bob,B,5\nE,D2,Cy,B,9\nE,D2,Di,A,3\n"
    result = invoke("summary", str(write(tmp_path, districts, "districts.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["tally"]["unit"] == "seats"
