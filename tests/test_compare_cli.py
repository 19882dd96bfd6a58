"""`pollcli compare` through the real CLI: exit codes, JSON equal to the library's result, contract, golden."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import DATA, invoke, write
from pollcli.cli.output import render_to_text
from pollcli.comparison import compare
from pollcli.read import load
from pollcli.render.compare_table import render_comparison

KZ = [str(DATA / "kz_2019.csv"), str(DATA / "kz_2022.csv")]
POLLS = [str(p) for p in sorted(DATA.glob("kz_2022_exit_poll_*.csv"))]
GOLDEN = Path(__file__).parent / "golden" / "compare_kz.txt"


def json_of(*args: str) -> dict:
    result = invoke("compare", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_equals_the_library_result():
    assert json_of(*KZ) == compare(load(KZ)).to_dict()
    assert json_of(*POLLS, KZ[1]) == compare(load([*POLLS, KZ[1]])).to_dict()


def test_json_contract_keys_match_the_spec():
    # Tokayev stood for Nur Otan in 2019, the People's Coalition in 2022: by party only when told
    # they are one (else no volatility_by_party: test_volatility_parties).
    data = json_of(*POLLS, *KZ, "--alias", "Nur Otan=People's Coalition (non-party)")
    assert list(data) == [
        "schema_version",
        "command",
        "elections",
        "rows",
        "matches",
        "unmatched",
        "volatility",
        "poll_accuracy",
        "volatility_by_party",  # (a key added within schema_version 1, as SPEC allows)
    ]
    assert (data["schema_version"], data["command"]) == (1, "compare")
    assert set(data["elections"][0]) == {
        "election",
        "date",
        "stage",
        "leader",
        "turnout_pct",
        "term_years",
        "effective_number",
    }
    assert set(data["rows"][0]) == {"candidate", "party", "names", "shares", "changes"}
    assert all(len(r["shares"]) == 5 and len(r["changes"]) == 4 for r in data["rows"])
    assert len(data["volatility"]) == 4
    assert set(data["poll_accuracy"][0]) == {
        "rank",
        "election",
        "stage",
        "official",
        "mean_abs_error",
        "largest_miss",
        "leader",
        "runner_up",
        "called_leader",
        "called_runner_up",
        "errors",
        "missing",
    }
    assert set(data["poll_accuracy"][0]["errors"][0]) == {"candidate", "poll", "official", "error"}


def test_matches_json_shape(tmp_path):
    variant = (DATA / "kz_2022.csv").read_text(encoding="utf-8")
    variant = variant.replace("Kassym-Jomart Tokayev,", "Kassym-Zhomart Tokaev,")
    path = write(tmp_path, variant, "kz_2022_variant.csv")
    data = json_of(KZ[0], str(path))
    (match,) = data["matches"]
    assert set(match) == {"name", "matched_to", "score"}
    assert match["name"] == "Kassym-Zhomart Tokaev"
    tokayev = data["rows"][0]
    assert tokayev["names"] == ["Kassym-Jomart Tokayev", "Kassym-Zhomart Tokaev"]
    assert tokayev["shares"] == [70.96, 81.31]
    table = invoke("compare", KZ[0], str(path))
    assert "Kassym-Zhomart Tokaev" in table.stdout and "97.4" in table.stdout
    no_fuzzy = json_of(KZ[0], str(path), "--no-fuzzy")
    assert no_fuzzy["matches"] == [] and "Kassym-Zhomart Tokaev" in no_fuzzy["unmatched"]
    aliased = json_of(
        KZ[0], str(path), "--no-fuzzy", "--alias", "Kassym-Zhomart Tokaev=Kassym-Jomart Tokayev"
    )
    assert aliased["matches"] == [
        {"name": "Kassym-Zhomart Tokaev", "matched_to": "Kassym-Jomart Tokayev", "score": 100.0}
    ]
    alias_file = write(
        tmp_path, "# wire spellings\nKassym-Zhomart Tokaev=Kassym-Jomart Tokayev\n", "a.txt"
    )
    assert json_of(KZ[0], str(path), "--no-fuzzy", "--aliases", str(alias_file)) == aliased


def test_done_when_2019_vs_2022_table():
    result = invoke("compare", *KZ)
    assert result.code == 0, result.stderr
    out = result.stdout
    for expected in (
        "70.96 %",
        "▲ +10.35",
        "81.31 %",
        "lengthened from 5 to 7 years",
        "77.54 % in 2019 → 69.44 % in 2022",
        "Pedersen volatility",
        "29.04",
        "gone",
        "In 2019 but not in 2022: Amirzhan Kosanov",
    ):
        assert expected in out, expected
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_done_when_exit_polls_ranked():
    table = invoke("compare", *POLLS, KZ[1])
    assert table.code == 0, table.stderr
    assert table.stdout.count("✓ yes") == 6  # leader and runner-up, three polls
    result = invoke("compare", *POLLS, KZ[1], "--format", "markdown")  # findings unwrapped
    out = result.stdout
    assert "ranked by mean absolute error" in out
    assert out.count("called the leader (Kassym-Jomart Tokayev)") == 3  # ( ) as written
    first = out.index("1. “Exit poll 2022 (Open Society")
    assert (
        first
        < out.index("2. “Exit poll 2022 (Institute of Complex")
        < out.index("3. “Exit poll 2022 (Amanat")
    )


def test_polls_keep_their_election_number_in_every_table():
    """[n] names an election in the shares table; the poll tables use the same [n], not a rank."""
    text = render_to_text(render_comparison(compare(load([*POLLS, KZ[1]])), 140), 140)
    numbers = {
        line.split("]")[1].strip()[:30]: line.split()[0]
        for line in text.splitlines()
        if line.startswith(" [")
    }
    osiirs = numbers["Exit poll 2022 (Open Society I"]
    assert f"1   {osiirs} Exit poll 2022 (Open Society" in text
    errors_header = next(line for line in text.splitlines() if line.lstrip().startswith("Option"))
    assert errors_header.split()[2] == osiirs  # the most accurate poll's column comes first
    # No change column between a poll and its count, so the title promises none.
    assert "Share of the vote" in [line.strip() for line in text.splitlines()]
    assert "change in points" in render_to_text(render_comparison(compare(load(KZ)), 140), 140)


def test_golden_table_at_width_100():
    text = render_to_text(render_comparison(compare(load(KZ)), 100), 100)
    if os.environ.get("POLLCLI_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_format_and_output_file(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = invoke("compare", *KZ, "--format", fmt, "--output", str(target))
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert "Kassym-Jomart Tokayev" in target.read_text(encoding="utf-8")


def test_csv_is_long_form():
    result = invoke("compare", *KZ, "--format", "csv")
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "candidate,party,kind,election,date,stage,share,change_pp,poll_error_pp,names"
    )
    assert len(lines) == 1 + 13 * 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((KZ[0],), 2, "at least two elections"),
        ((*KZ, "--alias", "no-equals"), 2, "OLD=NEW"),
        ((*KZ, "--aliases", "/nonexistent/aliases.txt"), 2, "no such file"),
        ((*KZ, "--by", "region"), 2, ""),
        ((KZ[0], "/nonexistent.csv"), 2, ""),
    ],
)
def test_usage_errors_exit_2(args, code, message):
    result = invoke("compare", *args)
    assert result.code == code
    assert "Traceback" not in result.stderr
    assert message in result.stderr


def test_bad_data_exits_1(tmp_path):
    bad = write(tmp_path, "candidate,votes\nA,-5\n")
    result = invoke("compare", KZ[0], str(bad))
    assert result.code == 1
    assert "Traceback" not in result.stderr


def test_names_are_shown_literally(tmp_path):
    hostile = write(
        tmp_path,
        '# date: 2024-01-01\ncandidate,share\n[bold red]Mallory[/],60\n=HYPERLINK("x"),40\n',
        "hostile.csv",
    )
    table = invoke("compare", KZ[1], str(hostile))
    assert table.code == 0, table.stderr
    assert "[bold red]Mallory[/]" in table.stdout
    csv_out = invoke("compare", KZ[1], str(hostile), "--format", "csv").stdout
    assert "'=HYPERLINK" in csv_out


def test_help_has_examples():
    result = invoke("compare", "--help")
    assert result.code == 0
    assert "pollcli compare data/kz_2019.csv data/kz_2022.csv" in result.stdout


def test_compare_pictures(tmp_path):
    svg, html = tmp_path / "c.svg", tmp_path / "c.html"
    result = invoke("compare", *KZ, "--svg", str(svg), "--html", str(html), "--format", "json")
    assert result.code == 0, result.stderr
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "Pedersen" in html.read_text(
        encoding="utf-8"
    )
    assert invoke("compare", *KZ, "--svg", KZ[0]).code == 2


def test_polls_with_one_label_keep_their_own_numbers():
    """Two polls may carry the same label (here the same file twice): [2] and [3], not [2] twice."""
    amanat = str(DATA / "kz_2022_exit_poll_amanat.csv")
    comparison = compare(load([amanat, amanat, KZ[1]]))
    assert sorted(p.position for p in comparison.poll_accuracy or []) == [1, 2]
    text = render_to_text(render_comparison(comparison, 140), 140)
    assert "[2] Exit poll 2022 (Amanat" in text and "[3] Exit poll 2022 (Amanat" in text
    markdown = invoke("compare", amanat, amanat, KZ[1], "-f", "markdown").stdout
    assert "| Option | Official | [2] | [3] |" in markdown


def test_elections_of_different_countries_draw_a_warning(tmp_path):
    other = write(tmp_path, "# country: UZ\n# date: 2021-10-24\ncandidate,votes\nA,100\nB,20\n")
    result = invoke("compare", str(other), KZ[1])
    assert result.code == 0
    assert "are for different countries (UZ and KZ)" in result.stderr
    assert "different" not in invoke("compare", *KZ).stderr


@pytest.mark.parametrize("width", [40, 60, 80, 100, 118, 119, 140, 200])
def test_no_figure_is_cut_off_at_any_width(width):
    """Narrow terminals split the elections table rather than lose its right-hand columns."""
    text = render_to_text(render_comparison(compare(load(KZ)), width), width)
    assert all(len(line) <= width for line in text.splitlines())
    for figure in ("77.54 %", "69.44 %", "1.87", "5 y", "7 y", "29.04"):
        assert figure in text, (width, figure)
    one_table = "Stage, turnout" not in text
    assert one_table == (width >= 119)


def test_compare_keeps_one_race_of_files_of_many_races(tmp_path):
    # Two files of three races each; --race keeps the Senate race of each (trial C11).
    rows = "office,candidate,party,votes\n"
    first = write(
        tmp_path,
        "# date: 2020-11-03\n" + rows + "Senate,Ann,DEM,600\nSenate,Bob,REP,400\n"
        "House,Cy,DEM,10\nHouse,Di,REP,20\nMayor,Ed,,5\nMayor,Flo,,7\n",
        "2020.csv",
    )
    second = write(
        tmp_path,
        "# date: 2022-11-08\n" + rows + "Senate,Ann,DEM,450\nSenate,Bob,REP,550\n"
        "House,Cy,DEM,30\nHouse,Di,REP,20\nMayor,Ed,,9\nMayor,Flo,,3\n",
        "2022.csv",
    )
    result = invoke("compare", str(first), str(second), "--race", "Senate", "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["election"] for e in data["elections"]] == ["Senate", "Senate"]
    # By hand: Ann 60 % → 45 %, Bob 40 % → 55 %: volatility (15 + 15) / 2 = 15 points.
    assert data["volatility"] == [15.0]
