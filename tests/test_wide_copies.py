"""Rows of a wide table that are one place's figures listed again under codes of their own: tonmcg's
county file of the 2016 US presidential election gives Alaska's statewide figures (93,003 / 130,413)
on 29 rows with 29 FIPS codes. Read with `--id-columns state_abbr,county_name,combined_fips`, main
added them 29 times, with no word (dem 65,125,819 against 62,521,735 counted once; trial 27);
without the code, the rows are named alike and refused. Such rows are refused with the code named.

The files are written here in that layout with invented figures.
"""

from __future__ import annotations

from conftest import column_sums, engines_agree, invoke, read_cleanly, write

HEADER = ",votes_dem,votes_gop,total_votes,per_dem,per_gop,state_abbr,county_name,combined_fips"
IDS = "state_abbr,county_name,combined_fips"
IGNORED = ("--ignore-column", "per_dem", "--ignore-column", "per_gop")


def county_text(copies: int = 4) -> str:
    rows = [("QA", "Alder County", "90001", 120, 80), ("QA", "Birch County", "90003", 45, 90)]
    rows += [("QB", "Cedar County", "91001", 300, 310), ("QB", "Dale County", "91003", 12, 30)]
    # The state's own figures under each of its boroughs' codes.
    rows += [("QC", "Quux", f"{92010 + 3 * n}", 930, 1304) for n in range(copies)]
    lines = [HEADER]
    for n, (state, county, fips, dem, gop) in enumerate(rows):
        total = dem + gop + 7
        lines.append(
            f"{n},{dem}.0,{gop}.0,{total}.0,{dem / total:.4f},{gop / total:.4f},{state},{county},{fips}"
        )
    return "\n".join(lines) + "\n"


def test_one_places_figures_under_other_codes_are_refused(tmp_path, monkeypatch):
    path = write(tmp_path, county_text())
    _, problems = engines_agree(
        monkeypatch, path, ignore_columns=("per_dem", "per_gop"), id_columns=tuple(IDS.split(","))
    )
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.code == "duplicate-option"
    assert error.line == 7
    assert "4 rows named 'QC', 'Quux'" in error.message
    assert "'combined_fips' (92010, 92013, 92016 …)" in error.message
    assert "count 4 times (lines 6–9)" in error.message
    refused = invoke("summary", str(path), *IGNORED, "--id-columns", IDS)
    assert refused.code == 1
    assert "leads" not in refused.stdout


def test_a_place_listed_once_is_counted(tmp_path, monkeypatch):
    path = write(tmp_path, county_text(copies=1))
    elections = read_cleanly(
        monkeypatch, path, ignore_columns=("per_dem", "per_gop"), id_columns=tuple(IDS.split(","))
    )
    expected = column_sums(path, ("votes_dem", "votes_gop"))
    assert {f"votes_{o.candidate}": o.votes for o in elections[0].options} == expected


def test_precincts_of_equal_figures_under_one_county_are_places(tmp_path, monkeypatch):
    """A county's precincts named by their codes, some of the same figures (small ones): places,
    as the county's other precincts differ."""
    lines = ["county,precinct,Ames,Boyd"]
    lines += [f"Essex,{1000 + n},3,1" for n in range(3)]
    lines += ["Essex,1010,40,52", "Kent,2001,3,1", "Kent,2002,3,1", "Kent,2003,17,9"]
    path = write(tmp_path, "\n".join(lines) + "\n")
    elections = read_cleanly(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == column_sums(
        path, ("Ames", "Boyd")
    )


def test_two_small_places_of_one_name_and_equal_figures_are_places(tmp_path, monkeypatch):
    """Two places of one name under codes of their own (Virginia's Bedford County and Bedford city,
    51019 and 51515) whose few votes are the same by chance were refused as one place's figures
    listed again ('Keep one row … and remove the others', advice that drops a place's votes): a
    pair of copies under 100 votes tells no copy."""
    text = (
        "state,county,fips,Ann,Bob\nQA,Bedford,51019,3,2\nQA,Bedford,51515,3,2\n"
        "QA,Amelia,51007,300,250\nQA,Bath,51017,120,90\nQA,Bland,51021,200,100\n"
    )
    path = write(tmp_path, text)
    elections = read_cleanly(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == column_sums(path, ("Ann", "Bob"))


def test_two_copies_of_many_votes_are_refused(tmp_path, monkeypatch):
    path = write(tmp_path, county_text(copies=2))
    _, problems = engines_agree(
        monkeypatch, path, ignore_columns=("per_dem", "per_gop"), id_columns=tuple(IDS.split(","))
    )
    assert [p.code for p in problems if p.severity == "error"] == ["duplicate-option"]
