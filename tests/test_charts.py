"""`--chart`: the SVG read back as XML (bars, lines, labels where the figures put them), byte-stable
files in every format, colours that keep their meaning, maps and parliaments.

Oracles are independent of pollcli's analysis: shares and errors are read from the data files with
the csv module and worked out here; positions are checked against each other (a bar's length is its
share on the same scale as every other bar), not against the chart code's own arithmetic.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chart_svg import Chart, point
from conftest import DATA, ROOT, invoke, write
from pollcli.charts.colours import (
    NON_CANDIDATE_GREY,
    PALETTE,
    Colours,
    hex_colour,
    parse_colour_lines,
    text_colour,
)
from pollcli.charts.files import chart_format
from pollcli.errors import UsageError

EXAMPLES = ROOT / "docs" / "examples"
REGIONS = EXAMPLES / "examplestan_regions.csv"
GEOJSON = EXAMPLES / "examplestan.geojson"


def rows_of(path: Path) -> list[dict[str, str]]:
    """The data rows of a results file, front matter skipped: the test's own reading of it."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def official_shares(path: Path) -> dict[str, float]:
    return {row["candidate"]: float(row["share"]) for row in rows_of(path)}


def chart(tmp_path: Path, *args: str, name: str = "chart.svg") -> Chart:
    out = tmp_path / name
    result = invoke(*args, "--chart", str(out), "-q")
    assert result.code == 0, result.stderr
    return Chart(out)


def by_label(svg: Chart, prefix: str, panel: str = "c1") -> dict[str, int]:
    """Row index of each option's label in a panel."""
    return {
        svg.text_of(element_id): int(element_id.rsplit("-", 1)[1])
        for element_id in svg.ids(f"{panel}-{prefix}")
    }


# --- summary: the story at a glance ------------------------------------------------------------


def test_summary_chart_tells_the_story_of_2022(tmp_path, kz2022):
    svg = chart(tmp_path, "summary", str(kz2022))
    shares = official_shares(kz2022)
    ranked = sorted(shares, key=lambda name: -shares[name])
    assert len(svg.ids("c1-bar-")) == len(shares) == 7
    labels = by_label(svg, "label-")
    assert [name for name, _ in sorted(labels.items(), key=lambda item: item[1])] == ranked

    zero = svg.box("c1-bar-0").left
    per_point = svg.box("c1-bar-0").width / shares[ranked[0]]
    for name, index in labels.items():
        bar = svg.box(f"c1-bar-{index}")
        assert bar.left == pytest.approx(zero)
        assert bar.width == pytest.approx(shares[name] * per_point, abs=0.01)

    threshold = svg.box("c1-threshold-line")
    majority = svg.box("c1-majority-line")
    assert threshold.left == threshold.right == pytest.approx(zero + 3 * per_point, abs=0.01)
    assert majority.left == pytest.approx(zero + 50 * per_point, abs=0.01)
    # Tokayev past the majority line; "Against all" grey in second place; four bars short of 3 %.
    assert svg.box(f"c1-bar-{labels['Kassym-Jomart Tokayev']}").right > majority.left
    assert labels["Against all"] == 1
    assert svg.fill("c1-bar-1") == NON_CANDIDATE_GREY
    assert all(svg.fill(f"c1-bar-{i}") != NON_CANDIDATE_GREY for i in (0, 2, 3, 4, 5, 6))
    short = sorted(
        name for name, i in labels.items() if svg.box(f"c1-bar-{i}").right < threshold.left
    )
    assert short == sorted(name for name, share in shares.items() if share < 3)
    assert len(short) == 4

    texts = svg.texts()
    for name, share in shares.items():
        assert name in texts
        assert f"{share:.2f} %" in texts
    assert "3 % threshold" in texts and "50 % majority" in texts
    assert "Kazakhstan presidential election 2022" in texts
    assert any(t.startswith("Source: Central Election Commission") for t in texts)
    assert "<title>Kazakhstan presidential election 2022</title>" in svg.text


def test_threshold_line_follows_the_threshold_flag(tmp_path, kz2022):
    svg = chart(tmp_path, "summary", str(kz2022), "--threshold", "6")
    per_point = svg.box("c1-bar-0").width / 81.31
    zero = svg.box("c1-bar-0").left
    assert svg.box("c1-threshold-line").left == pytest.approx(zero + 6 * per_point, abs=0.01)
    assert "6 % threshold" in svg.texts()
    # "Against all" (5.80 %) is now short of it too.
    assert svg.box("c1-bar-1").right < svg.box("c1-threshold-line").left


@pytest.mark.parametrize("system", ["plurality", "list"])
def test_no_majority_line_where_the_system_has_none(tmp_path, system):
    path = write(tmp_path, f"# system: {system}\ncandidate,votes\nA,600\nB,300\nC,100\n")
    svg = chart(tmp_path, "summary", str(path))
    assert "c1-majority-line" not in svg.groups
    assert "c1-threshold-line" in svg.groups
    assert not [t for t in svg.texts() if "% majority" in t]


def test_majority_line_for_a_two_round_vote_by_default(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,400\nB,350\nC,250\n")
    svg = chart(tmp_path, "summary", str(path), "--majority", "40")
    per_point = svg.box("c1-bar-0").width / 40
    assert svg.box("c1-majority-line").left == pytest.approx(
        svg.box("c1-bar-0").left + 40 * per_point, abs=0.01
    )
    assert "40 % majority" in svg.texts()


def test_options_outside_the_share_base_have_no_bar(tmp_path):
    path = write(
        tmp_path,
        "# ballots_cast: 1100\ncandidate,kind,votes\nA,candidate,600\nB,candidate,400\n"
        "Spoilt,invalid,100\n",
    )
    svg = chart(tmp_path, "summary", str(path))
    assert len(svg.ids("c1-bar-")) == 2
    assert "not in the share base · 100 votes" in svg.texts()


def test_names_stay_text_in_any_script_and_are_never_markup(tmp_path):
    path = write(
        tmp_path,
        "candidate,party,votes\nТоқаев Қасым-Жомарт,Аманат,500\nA $x^2$ party,$$,300\n"
        "Evil \x1b[31mred,,200\nБарлығына қарсы,,100\n",
    )
    svg = chart(tmp_path, "summary", str(path))
    texts = svg.texts()
    for name in ("Тоқаев Қасым-Жомарт", "Аманат", "A $x^2$ party", "Барлығына қарсы"):
        assert name in texts
    assert "Evil \\x1b[31mred" in texts
    assert "\x1b" not in svg.text
    assert "DejaVuSans-" not in svg.text  # no glyphs drawn as paths
    assert "font-family: 'DejaVu Sans', sans-serif" in svg.text


def test_several_elections_stack_in_one_file_with_one_colour_per_party(tmp_path, kz2019, kz2022):
    svg = chart(tmp_path, "summary", str(kz2019), str(kz2022))
    first, second = by_label(svg, "label-", "c1"), by_label(svg, "label-", "c2")
    assert len(svg.ids("c1-bar-")) == 7 and len(svg.ids("c2-bar-")) == 7
    # The Auyl party's candidate differs between 2019 and 2022; its colour does not.
    auyl_2019 = svg.fill(f"c1-bar-{first['Toleutai Rakhimbekov']}")
    auyl_2022 = svg.fill(f"c2-bar-{second['Zhiguli Dairabayev']}")
    assert auyl_2019 == auyl_2022
    colours = [svg.fill(f"c2-bar-{i}") for i in second.values() if i != second["Against all"]]
    assert len(set(colours)) == len(colours)
    ids = [g.get("id") for g in svg.root.iter("{http://www.w3.org/2000/svg}g")]
    assert len(ids) == len(set(ids)), "ids must stay unique in a file of several charts"


# --- files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_every_format_is_byte_identical_run_after_run(tmp_path, kz2022, suffix, magic):
    first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
    assert invoke("summary", str(kz2022), "-q", "--chart", str(first)).code == 0
    env = {"COLUMNS": "50", "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1"}
    assert invoke("summary", str(kz2022), "-q", "--chart", str(second), env=env).code == 0
    data = first.read_bytes()
    assert data.startswith(magic)
    assert data == second.read_bytes()
    if suffix == "pdf":
        assert b"/FontFile2" in data  # TrueType embedded: the text can be searched and copied
        assert b"Type3" not in data


def test_upper_case_suffix_is_read(tmp_path, kz2022):
    out = tmp_path / "KZ.SVG"
    assert invoke("summary", str(kz2022), "-q", "--chart", str(out)).code == 0
    assert out.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    ("name", "fine"),
    [("a.svg", "svg"), ("a.PNG", "png"), ("x/y.pdf", "pdf"), ("a.jpg", None), ("svg", None),
     ("a.svg.txt", None), ("-", None)],
)  # fmt: skip
def test_chart_format_from_the_suffix(name, fine):
    if fine:
        assert chart_format(name) == fine
    else:
        with pytest.raises(UsageError, match="--chart"):
            chart_format(name)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--chart", "out.gif"], "'.gif' is not a chart format; end the name in .svg, .png or .pdf"),
        (["--chart", "-"], "--chart needs a file name"),
        (["--chart", "INPUT"], "'.csv' is not a chart format"),
        (["--chart", "colours.svg", "--colours", "colours.svg"], "--chart colours.svg is an input file"),
        (["--chart", "out.svg", "--svg", "out.svg"], "both name out.svg"),
        (["--colours", "c.txt"], "--colours is for charts; add --chart FILE"),
        (["--geojson", "m.geojson"], "--geojson is for charts"),
        (["--chart", "out.svg", "--geojson", "m.geojson"], "--geojson draws who leads each region; add --by region"),
        (["--chart", "out.svg", "--geojson-name", "name"], "--geojson-name names the features of --geojson"),
        (["--chart", "out.svg", "--colours", "missing.txt"], "--colours missing.txt: no such file"),
        (["--chart", "missing_dir/out.svg"], "does not exist"),
    ],
)  # fmt: skip
def test_chart_usage_errors_exit_2_before_any_work(tmp_path, monkeypatch, extra, message):
    monkeypatch.chdir(tmp_path)
    source = write(tmp_path, "candidate,votes\nA,1\nB,2\n", "in.csv")
    colours = write(tmp_path, "A=#123456\n", "colours.svg")
    args = [str(source) if a == "INPUT" else a for a in extra]
    result = invoke("summary", "in.csv", *args)
    assert result.code == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("out.*"))
    assert source.read_text() == "candidate,votes\nA,1\nB,2\n"
    assert colours.read_text() == "A=#123456\n"


def test_compare_chart_refuses_to_overwrite_an_alias_file(tmp_path, kz2019, kz2022):
    aliases = write(tmp_path, "Tokaev=Kassym-Jomart Tokayev\n", "aliases.svg")
    before = aliases.read_bytes()
    result = invoke(
        "compare", str(kz2019), str(kz2022), "--aliases", str(aliases), "--chart", str(aliases)
    )
    assert result.code == 2 and "is an input file" in result.stderr
    assert aliases.read_bytes() == before


# --- colours -----------------------------------------------------------------------------------


def test_colours_file_and_colour_column_and_palette(tmp_path):
    data = write(
        tmp_path,
        "candidate,party,votes,colour\nAnna,Red Party,500,#aa0000\nBoris,Blue Party,300,\n"
        "Chen,,150,\nAgainst all,,50,\n",
    )
    svg = chart(tmp_path, "summary", str(data))
    assert [svg.fill(f"c1-bar-{i}") for i in range(4)] == [
        "#aa0000",  # the colour column
        PALETTE[0],  # the palette in rank order, for what has no colour
        PALETTE[1],
        NON_CANDIDATE_GREY,
    ]
    colours = write(
        tmp_path,
        "# party colours\n\nblue party = #00F\nCHEN=#123456\nred party=#00aa00\n",
        "colours.txt",
    )
    svg = chart(tmp_path, "summary", str(data), "--colours", str(colours), name="b.svg")
    assert [svg.fill(f"c1-bar-{i}") for i in range(4)] == [
        "#00aa00",  # the file wins over the column
        "#0000ff",
        "#123456",
        NON_CANDIDATE_GREY,
    ]


def test_a_colour_that_is_not_one_is_a_warning_and_the_palette_is_used(tmp_path):
    data = write(tmp_path, "candidate,votes,colour\nAnna,500,notacolour\nBoris,300,steelblue\n")
    out = tmp_path / "c.svg"
    result = invoke("summary", str(data), "--chart", str(out), "-f", "json")
    assert result.code == 0
    assert "colour 'notacolour' of 'Anna' is not a colour" in result.stderr
    svg = Chart(out)
    assert svg.fill("c1-bar-0") == PALETTE[0]
    assert svg.fill("c1-bar-1") == "#4682b4"  # CSS steelblue


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Amanat=#123456\nAuyl #00ff00\n", 2, "is not NAME=#rrggbb"),
        ("A=#12345\n", 1, "'#12345' is not a colour"),
        ("A=red\n", 1, "'red' is not a colour"),
        ("# c\n=#123456\n", 2, "is not NAME=#rrggbb"),
        ("A=#111111\na=#222222\n", 2, "already has the colour #111111"),
        ("...=#111111\n", 1, "has no letter or digit"),
    ],
)
def test_bad_colours_lines_are_usage_errors_naming_the_line(tmp_path, kz2022, text, line, message):
    colours = write(tmp_path, text, "colours.txt")
    result = invoke(
        "summary", str(kz2022), "--chart", str(tmp_path / "a.svg"), "--colours", str(colours)
    )
    assert result.code == 2
    assert f"colours.txt:{line}: " in result.stderr and message in result.stderr
    assert not (tmp_path / "a.svg").exists()


def test_colour_parsing_units():
    assert hex_colour("#ABC") == "#aabbcc"
    assert hex_colour(" #A1b2C3 ") == "#a1b2c3"
    assert hex_colour("a1b2c3") is None
    assert parse_colour_lines(["\ufeffAk Zhol = #0f0", "", "# x"], "f") == {"ak zhol": "#00ff00"}
    colours = Colours({"green": "#00ff00"})
    first = colours.of("A", "Red")
    assert colours.of("Someone else", "RED") == first  # the same party, the same colour
    assert colours.of("B", "Green") == "#00ff00"
    assert colours.of("Against all", None, "against_all") == NON_CANDIDATE_GREY
    assert colours.of("C", None) == PALETTE[1]


@pytest.mark.parametrize(
    ("background", "ink"),
    [
        ("#ffffff", "#1a1a1a"),
        ("#000000", "#ffffff"),
        ("#0072b2", "#ffffff"),
        ("#f0e442", "#1a1a1a"),
    ],
)
def test_text_on_a_bar_keeps_its_contrast(background, ink):
    assert text_colour(background) == ink


def test_default_palette_starts_colour_blind_safe():
    okabe_ito = {"#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7"}
    assert set(PALETTE[:6]) == okabe_ito
    assert len(set(PALETTE)) == len(PALETTE)
    assert NON_CANDIDATE_GREY not in PALETTE


# --- compare -----------------------------------------------------------------------------------


def test_dumbbell_of_two_elections(tmp_path, kz2019, kz2022):
    svg = chart(tmp_path, "compare", str(kz2019), str(kz2022))
    labels = by_label(svg, "label-")
    both = official_shares(kz2019) | official_shares(kz2022)
    assert set(labels) == {*official_shares(kz2019), *official_shares(kz2022)}
    assert len(labels) == 13
    tokayev = labels["Kassym-Jomart Tokayev"]
    assert f"c1-dot-{tokayev}-0" in svg.groups and f"c1-dot-{tokayev}-1" in svg.groups
    assert svg.ids("c1-link-") == [f"c1-link-{tokayev}"]
    single = [i for name, i in labels.items() if name != "Kassym-Jomart Tokayev"]
    assert all(len(svg.ids(f"c1-dot-{i}-")) == 1 for i in single)
    # One share scale for every marker: positions are a straight function of the shares.
    x_2019, _ = point(svg, f"c1-dot-{tokayev}-0")
    x_2022, _ = point(svg, f"c1-dot-{tokayev}-1")
    x_kosanov, _ = point(svg, f"c1-dot-{labels['Amirzhan Kosanov']}-0")
    assert (x_2022 - x_kosanov) / (x_2019 - x_kosanov) == pytest.approx(
        (81.31 - both["Amirzhan Kosanov"]) / (70.96 - both["Amirzhan Kosanov"]), rel=1e-4
    )
    link = svg.box(f"c1-link-{tokayev}")
    assert (link.left, link.right) == (pytest.approx(x_2019), pytest.approx(x_2022))
    texts = svg.texts()
    assert f"{81.31 - 70.96:+.2f}" in texts
    assert "only in 2019" in texts and "new" in texts
    assert svg.fill(f"c1-dot-{labels['Against all']}-1") == NON_CANDIDATE_GREY


def test_exit_poll_errors_against_the_count(tmp_path, kz2022):
    polls = sorted(DATA.glob("kz_2022_exit_poll_*.csv"))
    svg = chart(tmp_path, "compare", *map(str, polls), str(kz2022))
    official = official_shares(kz2022)
    errors = {p: {n: s - official[n] for n, s in official_shares(p).items()} for p in polls}
    mae = {p: sum(abs(e) for e in errs.values()) / len(errs) for p, errs in errors.items()}
    ranked = sorted(polls, key=lambda p: mae[p])
    assert len(svg.ids("c1-error-")) == len(polls) * len(official) == 21
    options = {
        svg.text_of(i).split(" · ")[0]: int(i.rsplit("-", 1)[1]) for i in svg.ids("c1-option-")
    }
    assert set(options) == set(official)
    zero = svg.box("c1-zero-line").left
    scale = None
    for rank, poll in enumerate(ranked):
        for name, error in errors[poll].items():
            bar = svg.box(f"c1-error-{options[name]}-{rank}")
            if error > 0:
                assert bar.left == pytest.approx(zero, abs=0.01)
            elif error < 0:
                assert bar.right == pytest.approx(zero, abs=0.01)
            if abs(error) > 0.5:
                scale = scale or bar.width / abs(error)
                assert bar.width / abs(error) == pytest.approx(scale, rel=1e-3)
    texts = svg.texts()
    legend = " ".join(texts)  # legend lines wrap
    places = [legend.index(f"{rank}. Exit poll") for rank in range(1, len(ranked) + 1)]
    assert places == sorted(places)
    for rank, poll in enumerate(ranked, start=1):
        found = legend.index(f"mean abs. error {mae[poll]:.2f}")
        assert places[rank - 1] < found < (places[rank] if rank < len(ranked) else len(legend))
    assert "+4.21" in texts and "−2.40" in texts


def test_previous_election_polls_and_count_give_both_charts(tmp_path, kz2019, kz2022):
    polls = sorted(DATA.glob("kz_2022_exit_poll_*.csv"))
    svg = chart(tmp_path, "compare", str(kz2019), *map(str, polls), str(kz2022))
    # The dumbbell shows the two counts only; the polls' errors have their own chart.
    assert {i.split("-")[-1] for i in svg.ids("c1-dot-")} == {"0", "1"}
    assert len(svg.ids("c2-error-")) == 21


def test_compare_by_party_colours_rows_by_party(tmp_path, kz2019, kz2022):
    svg = chart(tmp_path, "compare", str(kz2019), str(kz2022), "--by", "party")
    labels = by_label(svg, "label-")
    assert "Auyl party" in labels
    auyl = labels["Auyl party"]
    assert len(svg.ids(f"c1-dot-{auyl}-")) == 2


# --- regions and maps --------------------------------------------------------------------------


def regional_oracle(path: Path) -> dict[str, tuple[str, float]]:
    """Each region's leading candidate and share, worked out from the rows."""
    totals: dict[str, dict[str, int]] = {}
    for row in rows_of(path):
        totals.setdefault(row["region"], {})[row["candidate"]] = int(row["votes"])
    found = {}
    for region, votes in totals.items():
        leader = max((n for n in votes if n != "Against all"), key=lambda n: votes[n])
        found[region] = (leader, votes[leader] / sum(votes.values()) * 100)
    return found


def test_small_multiples_of_the_leaders_share(tmp_path):
    svg = chart(tmp_path, "summary", str(REGIONS), "--by", "region")
    oracle = regional_oracle(REGIONS)
    names = {svg.text_of(i): int(i.rsplit("-", 1)[1]) for i in svg.ids("c2-region-name-")}
    assert set(names) == set(oracle)
    assert len(svg.ids("c2-region-")) == len(oracle) == 10
    national = by_label(svg, "label-")
    for region, (leader, share) in oracle.items():
        index = names[region]
        bar, track = svg.box(f"c2-region-{index}"), svg.box(f"c2-track-{index}")
        assert bar.width / track.width == pytest.approx(share / 100, abs=1e-4)
        assert svg.text_of(f"c2-leader-{index}") == leader
        assert svg.fill(f"c2-region-{index}") == svg.fill(f"c1-bar-{national[leader]}")
    assert (
        "By region: Aru Bekova leads in 7 of 10 regions; Dan Marlow in 2; Ilya Sorokin in 1."
        in svg.texts()
    )


def test_map_of_the_leader_per_region(tmp_path):
    svg = chart(tmp_path, "summary", str(REGIONS), "--by", "region", "--geojson", str(GEOJSON))
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    assert len(svg.ids("c2-feature-")) == len(features) == 10
    oracle = regional_oracle(REGIONS)
    national = by_label(svg, "label-")
    # Feature names differ from the results' spelling for two regions: matched all the same.
    spelled = {"Northvale": "Northvale Region", "Yuzhnaya Dolina": "Южная долина"}
    for index, feature in enumerate(features):
        region = spelled.get(feature["properties"]["name"], feature["properties"]["name"])
        leader = oracle[region][0]
        assert svg.fill(f"c2-feature-{index}") == svg.fill(f"c1-bar-{national[leader]}")
        assert svg.text_of(f"c2-feature-label-{index}").startswith(region)
    assert "Aru Bekova (Green Steppe Party) leads" in svg.texts()


def test_unmatched_regions_are_listed_and_unmatched_features_grey(tmp_path):
    text = REGIONS.read_text(encoding="utf-8").replace("Mirror Bay,", "Atlantis,")
    data = write(tmp_path, text, "regions.csv")
    out = tmp_path / "map.svg"
    result = invoke(
        "summary", str(data), "--by", "region", "--geojson", str(GEOJSON), "--chart", str(out),
        "-f", "json",
    )  # fmt: skip
    assert result.code == 0
    assert "1 of 10 regions have no feature named like them" in result.stderr
    assert "Atlantis" in result.stderr
    json.loads(result.stdout)
    svg = Chart(out)
    features = [f["properties"]["name"] for f in json.loads(GEOJSON.read_text())["features"]]
    assert svg.fill(f"c2-feature-{features.index('Mirror Bay')}") == "#eeeeee"
    assert any("Not on the map (no feature named like them): Atlantis." in t for t in svg.texts())
    assert "No result in the file" in svg.texts()


def test_geojson_name_property_chosen_or_given(tmp_path):
    out = tmp_path / "m.svg"
    args = [
        "summary",
        str(REGIONS),
        "--by",
        "region",
        "--geojson",
        str(GEOJSON),
        "--chart",
        str(out),
    ]
    by_id = invoke(*args, "--geojson-name", "id", "-f", "json")
    assert by_id.code == 0
    assert "10 of 10 regions have no feature named like them (property 'id')" in by_id.stderr
    missing = invoke(*args, "--geojson-name", "nope")
    assert missing.code == 2
    assert "--geojson-name 'nope': no feature of" in missing.stderr and "id, name" in missing.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": "Point", "coordinates": [0, 0]}', "expected a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": {}}', "'features' is not a list"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}]}',
            "feature 1: a ring needs at least 3 positions",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, "x"], [1, 0]]]}}]}',
            "feature 1: a position is not [x, y] in finite numbers",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Point", "coordinates": [0, 0]}}]}',
            "no feature has a Polygon or MultiPolygon to draw",
        ),
    ],
)
def test_bad_geojson_is_a_usage_error(tmp_path, text, message):
    bad = write(tmp_path, text, "bad.geojson")
    result = invoke(
        "summary", str(REGIONS), "--by", "region", "--geojson", str(bad), "--chart",
        str(tmp_path / "m.svg"),
    )  # fmt: skip
    assert result.code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_region_names_match_by_key_generic_words_and_similarity():
    from pollcli.geo import Feature, match_regions

    square = [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    names = ["Akmola oblysy", "Qyzylorda", "ALMATY", "Almaty", "Atyrau", "Nowhere"]
    features = [
        Feature(index=i, properties={"name": n}, polygons=[square]) for i, n in enumerate(names)
    ]
    regions = ["Akmola Region", "Kyzylorda", "Almaty", "Атырау", "Mangystau"]
    found = match_regions(features, regions, source="m.geojson")
    drawn = {f.name: f.region for f in found.features}
    assert drawn == {
        "Akmola oblysy": "Akmola Region",  # generic words dropped
        "Qyzylorda": "Kyzylorda",  # similar spellings (q/k, y/i)
        "ALMATY": "Almaty",  # two spellings equal under the key both draw it
        "Almaty": "Almaty",
        "Atyrau": "Атырау",  # transliterated
        "Nowhere": None,
    }
    assert found.unmatched_regions == ["Mangystau"]
    assert found.unmatched_features == ["Nowhere"]
    assert [(m.region, m.how) for m in found.matches] == [
        ("Akmola Region", "generic words"),
        ("Kyzylorda", "fuzzy"),
    ]


def test_two_regions_alike_without_generic_words_are_not_guessed():
    from pollcli.geo import Feature, match_regions

    square = [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    features = [Feature(index=0, properties={"name": "Almaty oblysy"}, polygons=[square])]
    found = match_regions(features, ["Almaty City", "Almaty Region"], source="m")
    assert found.features[0].region is None
    assert found.unmatched_regions == ["Almaty City", "Almaty Region"]


def test_holes_are_left_empty():
    """Filled as the backends fill (non-zero winding): the hole of a ring stays empty whichever way
    the file winds its rings. Checked on pixels, since `Path.contains_point` ignores holes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

    from pollcli.charts.regions import _path

    outer = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    hole = [(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)]
    for rings in ([outer, hole], [outer[::-1], hole[::-1]], [outer, hole[::-1]]):
        figure = Figure(figsize=(1, 1), dpi=100)
        canvas = FigureCanvasAgg(figure)
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 4)
        ax.set_ylim(0, 4)
        ax.axis("off")
        ax.add_patch(PathPatch(_path([rings]), facecolor="black", edgecolor="none"))
        canvas.draw()
        pixels = bytes(canvas.buffer_rgba())  # 100 × 100 RGBA, top row first

        def red(x: float, y: float) -> int:
            return pixels[(int((4 - y) * 25) * 100 + int(x * 25)) * 4]  # noqa: B023

        assert red(3.0, 3.0) == 0  # filled
        assert red(1.5, 1.5) == 255  # the hole


def test_geographic_maps_keep_their_shape():
    from pollcli.geo import parse_geojson

    features = parse_geojson(GEOJSON.read_text(encoding="utf-8"))
    from pollcli.geo import match_regions

    found = match_regions(features, [], source="x")
    ys = [y for f in features for p in f.polygons for ring in p for _, y in ring]
    middle = (min(ys) + max(ys)) / 2
    assert found.aspect == pytest.approx(1 / math.cos(math.radians(middle)))


# --- parliaments -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=450))
def test_hemicycle_has_one_dot_per_seat_none_overlapping(total):
    from pollcli.charts.seats import INNER, MAX_DOT, hemicycle_layout

    seats = hemicycle_layout(total)
    assert len(seats) == total
    for x, y, r in seats:
        assert INNER - 1e-9 <= math.hypot(x, y) <= 1 + 1e-9
        assert 0 < r <= MAX_DOT and y >= -1e-9
    if total <= 200:
        for i, (x1, y1, r1) in enumerate(seats):
            for x2, y2, r2 in seats[i + 1 :]:
                assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 - 1e-9
    # Left to right, so that each party's seats are a wedge.
    angles = [math.atan2(y, x) for x, y, _ in seats]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(angles))


FICTIONAL_PARLIAMENT = [
    # name, share of the vote, seats (of 100): invented for the test, no real election
    ("Green Steppe Party", 46.2, 52),
    ("Union for Progress", 27.5, 30),
    ("People's Front", 14.1, 15),
    ("Blue Lakes Alliance", 5.3, 3),
    ("Party of Tomorrow", 3.1, 0),
]


def parliament_rows():
    from pollcli.charts.seats import SeatRow

    rows = [
        SeatRow(party=p, vote_share=v, seats=s, seat_share=float(s))
        for p, v, s in FICTIONAL_PARLIAMENT
    ]
    rows.append(SeatRow(party="Against all", vote_share=3.8, seats=0, kind="against_all"))
    return rows


def parliament_chart(tmp_path: Path) -> Chart:
    from pollcli.charts.seats import hemicycle_panel, votes_seats_panel
    from pollcli.charts.style import save

    colours = Colours(parse_colour_lines(["People's Front=#123456"], "test"))
    rows = parliament_rows()
    out = tmp_path / "parliament.svg"
    warnings = save(
        [
            hemicycle_panel(
                rows,
                title="Examplestan Assembly (fictional)",
                total=100,
                majority=51,
                colours=colours,
            ),
            votes_seats_panel(rows, title="Votes and seats (fictional)", colours=colours),
        ],
        str(out),
        "svg",
    )
    assert warnings == []
    return Chart(out)


def test_hemicycle_and_votes_seats_from_plain_figures(tmp_path):
    svg = parliament_chart(tmp_path)
    seated = [row for row in FICTIONAL_PARLIAMENT if row[2] > 0]
    for index, (_, _, seats) in enumerate(seated):
        assert svg.count(f"c1-party-seats-{index}", "use") == seats
    assert len(svg.ids("c1-party-seats-")) == len(seated)
    assert svg.fill("c1-party-seats-2") == "#123456"  # the colour given for People's Front
    assert "majority: 51 seats" in svg.texts() and "100" in svg.texts()
    widths = {}
    for index, (name, vote, seats) in enumerate(FICTIONAL_PARLIAMENT):
        assert svg.text_of(f"c2-label-{index}") == name
        widths[name] = (svg.box(f"c2-votes-{index}").width / vote,)
        if seats:
            assert svg.box(f"c2-seats-{index}").width / seats == pytest.approx(
                svg.box("c2-votes-0").width / 46.2, rel=1e-4
            )
    assert len({round(w[0], 4) for w in widths.values()}) == 1
    assert "no seats: not a party" in svg.texts()


# --- one scale for every bar, whatever the votes ------------------------------------------------


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=9))
def test_bars_are_shares_on_one_scale(tmp_path, votes):
    from pollcli import load, summarize
    from pollcli.charts.draw import draw_summary

    lines = "".join(f"Candidate {i},{v}\n" for i, v in enumerate(votes))
    path = write(tmp_path, "candidate,votes\n" + lines, "random.csv")
    out = tmp_path / "random.svg"
    draw_summary(summarize(load(path)), str(out))
    svg = Chart(out)
    assert len(svg.ids("c1-bar-")) == len(votes)
    total = sum(votes)
    widest = max(votes)
    index = by_label(svg, "label-")
    top = svg.box(f"c1-bar-{index[f'Candidate {votes.index(widest)}']}").width
    for i, v in enumerate(votes):
        assert svg.box(f"c1-bar-{index[f'Candidate {i}']}").width == pytest.approx(
            top * v / widest, abs=0.02
        )
        assert f"{v / total * 100:.2f} %" in svg.texts()


# --- renderers never compute -------------------------------------------------------------------


def test_charts_import_no_analysis():
    """Charts draw result objects; they never call the analysis that makes them."""
    import ast

    analysis = {"pollcli.summary", "pollcli.comparison", "pollcli.regions", "pollcli.read", "pollcli.tally",
                "pollcli.audit", "pollcli.polls"}  # fmt: skip
    for module in (ROOT / "src" / "pollcli" / "charts").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module not in analysis, f"{module.name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & analysis, module.name


# --- docs -------------------------------------------------------------------------------------


def python_examples() -> list[str]:
    import re

    text = (ROOT / "docs" / "charts.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("number", range(len(python_examples())))
def test_python_examples_in_docs_run(number, tmp_path, monkeypatch):
    """docs/charts.md's Python runs as written, on the repository's files, writing in a scratch dir."""
    for name in ("data", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "colours.txt").write_text("Kassym-Jomart Tokayev=#123456\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(python_examples()[number], f"charts.md#{number}", "exec"), {})
    made = [p for p in tmp_path.iterdir() if p.suffix in (".svg", ".png", ".pdf")]
    assert made, "the example drew nothing"


def test_dumbbell_writes_the_latest_share_beside_its_own_marker(tmp_path):
    files = [
        write(tmp_path, "# date: 2015-01-01\ncandidate,votes\nA,50\nB,30\nC,20\n", "y1.csv"),
        write(tmp_path, "# date: 2019-01-01\ncandidate,votes\nA,40\nB,45\nC,15\n", "y2.csv"),
        write(tmp_path, "# date: 2023-01-01\ncandidate,votes\nA,35\nB,65\n", "y3.csv"),
    ]
    svg = chart(tmp_path, "compare", *map(str, files))
    labels = by_label(svg, "label-")

    def x_of(element_id: str) -> float:
        text = next(svg.groups[element_id].iter("{http://www.w3.org/2000/svg}text"))
        return float(text.get("x", "nan"))

    a, b, c = labels["A"], labels["B"], labels["C"]
    # A fell to its lowest share last: the bold 35.00 % sits left of the 2023 marker.
    assert svg.text_of(f"c1-value-{a}") == "35.00 %"
    assert x_of(f"c1-value-{a}") < point(svg, f"c1-dot-{a}-2")[0]
    assert svg.text_of(f"c1-change-{a}") == "−5.00"  # 35 − 40, the change from 2019
    assert svg.text_of(f"c1-earlier-{a}") == "50.00 %"
    # B rose: its latest share sits right of the 2023 marker.
    assert svg.text_of(f"c1-value-{b}") == "65.00 %"
    assert x_of(f"c1-value-{b}") > point(svg, f"c1-dot-{b}-2")[0]
    # C is not on the last ballot.
    assert svg.text_of(f"c1-change-{c}") == "until 2019"


# --- seats --chart -----------------------------------------------------------------------------

MAZHILIS = DATA / "kz_2023_mazhilis.csv"
# The published list seats of 2023 (CEC, 27 Mar 2023; the issue's "done when"), and D'Hondt's.
PUBLISHED = {
    "Amanat": 40,
    "Auyl": 8,
    "Respublica": 6,
    "Ak Zhol": 6,
    "People's Party": 5,
    "Social Democratic": 4,
}
DHONDT = {
    "Amanat": 41,
    "Auyl": 8,
    "Respublica": 6,
    "Ak Zhol": 6,
    "People's Party": 5,
    "Social Democratic": 3,
}


def legend_seats(svg: Chart, panel: str) -> dict[str, int]:
    """Dots drawn per party, keyed by the party's legend name (matched by a word of it)."""
    names = {int(i.rsplit("-", 1)[1]): svg.text_of(i) for i in svg.ids(f"{panel}-legend-")}
    dots = {int(i.rsplit("-", 1)[1]): svg.count(i, "use") for i in svg.ids(f"{panel}-party-seats-")}
    found = {}
    for short in PUBLISHED:
        index = next(i for i, name in names.items() if short in name)
        found[short] = dots.get(index, 0)
    return found


def test_seats_chart_of_the_mazhilis(tmp_path):
    svg = chart(tmp_path, "seats", str(MAZHILIS))
    assert legend_seats(svg, "c1") == PUBLISHED
    assert sum(PUBLISHED.values()) == 69
    assert "majority: 35 seats" in svg.texts() and "69" in svg.texts()
    # Votes against seats: the 5 % legal threshold where 5 % of the vote is on the bars' scale.
    shares = {row["candidate"]: float(row["share"]) for row in rows_of(MAZHILIS)}
    labels = by_label(svg, "label-", "c2")
    amanat = labels["Amanat"]
    per_point = svg.box(f"c2-votes-{amanat}").width / shares["Amanat"]
    zero = svg.box(f"c2-votes-{amanat}").left
    line = svg.box("c2-threshold-line")
    # The law's base is the ballots cast (front matter): 5 % of them, as a share of the valid votes
    # the bars are shares of, is where the line falls.
    cast = int(MAZHILIS.read_text(encoding="utf-8").split("# ballots_cast: ")[1].split()[0])
    valid = sum(int(row["votes"]) for row in rows_of(MAZHILIS))
    at = math.ceil(cast * 5 / 100) / valid * 100
    assert at == pytest.approx(5.122, abs=0.001)
    assert line.left == pytest.approx(zero + at * per_point, abs=0.01)
    assert "5 % threshold (of ballots cast)" in svg.texts()
    below = [p for p, share in shares.items() if share < at]
    for party in below:
        assert svg.box(f"c2-votes-{labels[party]}").right < line.left


def test_seats_chart_draws_each_method_asked(tmp_path):
    colours = write(tmp_path, "Amanat=#123456\n", "colours.txt")
    svg = chart(
        tmp_path, "seats", str(MAZHILIS), "--method", "hare,dhondt", "--colours", str(colours)
    )
    assert legend_seats(svg, "c1") == PUBLISHED
    assert legend_seats(svg, "c2") == DHONDT
    assert svg.fill("c1-party-seats-0") == svg.fill("c2-party-seats-0") == "#123456"
    assert svg.ids("c3-votes-")  # votes against seats of the first method
    assert not svg.ids("c4-votes-")


def test_polls_of_two_elections_get_a_chart_each(tmp_path):
    def election(name: str, date: str, stage: str, a: int, b: int) -> str:
        text = (
            f"# election: {name}\n# date: {date}\n# stage: {stage}\ncandidate,share\nA,{a}\nB,{b}\n"
        )
        return str(write(tmp_path, text, f"{name}.csv"))

    files = [
        election("Count 2019", "2019-01-01", "official", 60, 40),
        election("Poll 2019", "2019-01-01", "exit_poll", 55, 45),
        election("Poll 2023", "2023-01-01", "exit_poll", 48, 52),
        election("Count 2023", "2023-01-01", "official", 50, 50),
    ]
    svg = chart(tmp_path, "compare", *files)
    assert {i.split("-")[-1] for i in svg.ids("c1-dot-")} == {"0", "2"}  # the two counts
    assert "c2-zero-line" in svg.groups and "c3-zero-line" in svg.groups
    assert len(svg.ids("c2-error-")) == len(svg.ids("c3-error-")) == 2
    subtitles = [svg.text_of("c2-subtitle-0"), svg.text_of("c3-subtitle-0")]
    assert subtitles[0].startswith("Count 2019") and subtitles[1].startswith("Count 2023")
