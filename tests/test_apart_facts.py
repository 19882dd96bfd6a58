"""Per-precinct counts beside rows whose precinct may make them a total (blank, `TOTALS`, named like
its county) are streamed (`read/apartfacts.py`): such a precinct's counts go with its rows, which
the totals stage judges, so they count only where its rows are kept, as on the exact engine. Were
handed to the exact engine (Georgia's precincts named like their county, New Hampshire's TOTALS).
"""

import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, engines, load_file, stream

NAMES = (("Ana", "Blue"), ("Ben", "Red"), ("Cy", ""))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 300)


def precinct_rows(county: str, precinct: str, p: int, office: str = "") -> list[str]:
    registered, cast = 500 + p % 7, 300 + p % 5
    race = f"{office}," if office else ""
    return [
        f"{county},{precinct},{race}{name},{party},{(7 * p + 3 * k) % 50},{registered},{cast}"
        for k, (name, party) in enumerate(NAMES)
    ]


def county_file(totals: str = "", named_like_county: bool = False, office: str = "") -> str:
    """Two counties of 12 precincts; `totals`: "blank" (a county row per option, blank precinct and
    counts) or "TOTALS" (a TOTALS precinct holding the county's sums and counts)."""
    header = "county,precinct," + ("office," if office else "")
    lines = [header + "candidate,party,votes,registered,ballots_cast"]
    for c, county in enumerate(("Appling", "Bacon")):
        sums = [0, 0, 0]
        counts = [0, 0]
        for p in range(12):
            name = county if named_like_county and p == 5 else f"P{c}{p:02d}"
            rows = precinct_rows(county, name, 12 * c + p, office)
            lines += rows
            for k, row in enumerate(rows):
                cells = row.split(",")
                sums[k] += int(cells[-3])
            counts[0] += int(rows[0].split(",")[-2])
            counts[1] += int(rows[0].split(",")[-1])
        race = f"{office}," if office else ""
        for k, (name, party) in enumerate(NAMES):
            if totals == "blank":
                lines.append(f"{county},,{race}{name},{party},{sums[k]},,")
            elif totals == "TOTALS":
                lines.append(
                    f"{county},TOTALS,{race}{name},{party},{sums[k]},{counts[0]},{counts[1]}"
                )
    return "\n".join(lines) + "\n"


def both(monkeypatch, path, **options):
    results = each_engine(monkeypatch, path, ReadOptions(**options))
    return results["exact"], results["stream"]


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


CASES = {
    "county_rows_with_a_blank_precinct": county_file("blank"),
    "totals_precincts_with_the_counties_counts": county_file("TOTALS"),
    "a_precinct_named_like_its_county": county_file(named_like_county=True),
    "a_file_of_races": county_file("TOTALS", named_like_county=True, office="Mayor")
    + "\n".join(precinct_rows("Appling", "Appling", 5, "Sheriff")).replace("Ana", "Dee")
    + "\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_counts_beside_rows_that_may_be_totals_stream_alike(tmp_path, monkeypatch, name):
    path = write(tmp_path, CASES[name])
    exact, streamed = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path)  # on main: the exact engine's


def test_the_counts_of_a_kept_precinct_count_and_a_totals_row_s_do_not(tmp_path, monkeypatch):
    """Hand-checked: Appling's 12 precincts register 500..506 by p % 7; a TOTALS row's counts are
    set aside with it, a precinct named like its county keeps its own."""
    appling = sum(500 + p % 7 for p in range(12))
    for text in (county_file("TOTALS"), county_file(named_like_county=True)):
        path = write(tmp_path, text)
        monkeypatch.setenv(engines.ENGINE_ENV, "stream")
        (election,), _ = load_file(path, ReadOptions())
        assert {r.name: r.registered for r in election.regions}["Appling"] == appling


HAND_OVERS = {
    # Counts on a blank precinct's rows: no precinct's, which the exact engine reads as the region's.
    "counts_of_a_blank_precinct": county_file("blank").replace(",,\n", ",999,1\n"),
    # A precinct named like its county whose rows disagree: the exact engine names each line.
    "unlike_counts_of_a_county_named_precinct": county_file(named_like_county=True).replace(
        "Appling,Appling,Ben,Red,38,505,", "Appling,Appling,Ben,Red,38,506,"
    ),
}


@pytest.mark.parametrize("name", sorted(HAND_OVERS))
def test_what_cannot_be_kept_apart_is_the_exact_engines(tmp_path, monkeypatch, name):
    text = HAND_OVERS[name]
    assert text not in (county_file("blank"), county_file(named_like_county=True))
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert not streams(path)
