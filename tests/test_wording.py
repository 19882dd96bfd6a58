"""What the summary says, where a confident sentence would be wrong: part of a race kept by --where
(no winner named), a system pollcli assumed (no "wins the seat" on a plurality), primaries (not
races won by party), parties as the options (a party-list hint, no runoff), the overview's headers
(the lead, not the winner's votes) and figures kept whole across line breaks.

Which races are partial, which won on a plurality and which are primaries is checked against
pandas over the file itself, not against pollcli's own predicates.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, invoke, write
from pollcli import load, summarize
from pollcli.read import ReadOptions, engines, load_file

RACES = Path(__file__).parent / "races"
GENERAL = RACES / "openelections_general.csv"
PRIMARIES = RACES / "georgia_like_20240512__aa__primary__precinct.csv"
MEDSL = RACES / "medsl_house.csv"
CONSTITUENCIES = RACES / "constituencies.csv"
REAL = [ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")]
EXTRA = [ROOT.parent / "extra-realworld", Path("/work/extra-realworld")]


def real(name: str, places: list[Path] = REAL) -> Path:
    for place in places:
        if (place / name).exists():
            return place / name
    pytest.skip(f"{name} is not beside the repository")


def run(*args: str, width: int = 100) -> tuple[str, str]:
    result = invoke("summary", *args, env={"COLUMNS": str(width)})
    assert result.code == 0, result.stderr
    return result.stdout, result.stderr


def data_of(*args: str) -> dict:
    result = invoke("summary", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def partial_races(frame: pd.DataFrame, keys: list[str], keep: pd.Series) -> set[tuple]:
    """The races (by key values) that --where keeps some but not all rows of: pandas' view."""
    kept = frame[keep].groupby(keys, dropna=False).size()
    whole = frame.groupby(keys, dropna=False).size()
    return {
        race if isinstance(race, tuple) else (race,)
        for race, rows in kept.items()
        if rows < whole[race]
    }


# --- A3: --where that keeps part of a race --------------------------------------------------------


def test_where_on_a_place_names_the_filter_and_no_winner():
    frame = pd.read_csv(GENERAL, dtype=str, keep_default_na=False)
    expected = partial_races(frame, ["office", "district"], frame["county"] == "Alder")
    assert expected == {("Governor", "")}  # U.S. House 1 and State Senate 1 are Alder's alone
    data = data_of(str(GENERAL), "--where", "county=Alder")
    by_race = {e["election"]: e for e in data["elections"]}
    governor = by_race["Governor"]
    assert governor["partial"] == {"filter": "county = Alder", "columns": ["county"]}
    assert not any("wins" in n for n in governor["notes"])
    assert any("leads in these rows" in n for n in governor["notes"])
    for whole in ("U.S. House · 1", "State Senate · 1"):
        assert "partial" not in by_race[whole]
        assert any("wins the seat" in n for n in by_race[whole]["notes"])
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert lines["Governor"]["won"] is False
    assert lines["Governor"]["partial"]["filter"] == "county = Alder"
    assert lines["U.S. House · 1"]["won"] is True and "partial" not in lines["U.S. House · 1"]
    tally = data["tally"]
    assert (tally["races"], tally["won"], tally["undecided"], tally["partial"]) == (3, 2, 1, 1)
    assert tally["parties"] == [{"party": "DEM", "won": 2}]
    assert any("county = Alder" in n and "Governor" in n for n in data["overview"]["notes"])


def test_where_on_a_race_key_keeps_whole_races_and_their_wording():
    data = data_of(str(GENERAL), "--where", "office=Governor")
    (governor,) = data["elections"]
    assert "partial" not in governor
    assert any("wins" in n for n in governor["notes"])


def test_partial_race_title_and_tally_in_the_table():
    out, _ = run(str(GENERAL), "--where", "county=Alder", "--race", "governor")
    assert out.splitlines()[0].strip() == "Governor — county = Alder only"
    assert "wins the seat" not in out
    assert "Races won by party (0 of 1 decided)" in out
    assert re.search(r"partial \(--where\)\s+1", out)
    markdown, _ = run(
        str(GENERAL), "--where", "county=Alder", "--race", "governor", "-f", "markdown"
    )
    assert "## Governor — county = Alder only" in markdown


def test_where_on_a_single_race_file_is_partial_too(tmp_path):
    path = write(tmp_path, "region,candidate,votes\nN,A,60\nN,B,40\nS,A,10\nS,B,90\n")
    data = data_of(str(path), "--where", "region=N")
    (election,) = data["elections"]
    assert election["partial"] == {"filter": "region = N", "columns": ["region"]}
    assert not any("outright" in n or "wins" in n for n in election["notes"])
    # Whole, it is A's majority race as before.
    assert "partial" not in data_of(str(path))["elections"][0]


def test_several_values_and_columns_are_named(tmp_path):
    path = write(
        tmp_path,
        "county,precinct,candidate,votes\nX,1,A,5\nX,2,B,4\nY,1,A,3\nY,2,B,9\nZ,1,A,1\n",
    )
    data = data_of(str(path), "--where", "county=X", "--where", "county=Y", "--where", "precinct=1")
    assert data["elections"][0]["partial"] == {
        "filter": "county = X or Y, precinct = 1",
        "columns": ["county", "precinct"],
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offices=st.dictionaries(
        st.sampled_from(["Governor", "Mayor", "Sheriff"]),
        st.tuples(
            st.sets(st.sampled_from(["Alder", "Brook", "Cedar"]), min_size=1),
            st.sets(st.sampled_from(["Ann", "Bob", "Cy"]), min_size=1),
        ),
        min_size=1,
    ),
    county=st.sampled_from(["Alder", "Brook"]),
    seed=st.integers(0, 10_000),
)
def test_partial_races_are_those_pandas_finds_in_both_engines(
    tmp_path, monkeypatch, offices, county, seed
):
    # Every candidate stands in every county of its office: the county is where votes were
    # counted, never a race of its own (a sheriff per county), so the races are the offices.
    lines = ["county,precinct,office,candidate,votes"]
    for office, (counties, names) in sorted(offices.items()):
        for place in sorted(counties):
            for name in sorted(names):
                votes = (seed * 7 + len(lines) * 13) % 50 + 1
                lines.append(f"{place},{place} 1,{office},{name} {office},{votes}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    frame = pd.read_csv(path, dtype=str)
    if not (frame["county"] == county).any():
        return
    expected = {race for (race,) in partial_races(frame, ["office"], frame["county"] == county)}
    options = ReadOptions(where=(("county", county),))
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, _ = load_file(path, options)
        got = {e.facts.office for e in elections if e.partial is not None}
        assert got == expected, engine


def test_real_georgia_runoff_cherokee():
    path = real("us_ga_2021_01_05_runoff_precinct.csv")
    args = [str(path), "--where", "county=Cherokee", "--race", "senate (special)"]
    data = data_of(*args)
    (election,) = data["elections"]
    frame = pd.read_csv(path, dtype={"district": str})
    modes = ["election_day_votes", "advanced_votes", "absentee_by_mail_votes", "provisional_votes"]
    rows = frame[(frame["county"] == "Cherokee") & (frame["office"] == "U.S. Senate (Special)")]
    expected = rows.assign(v=rows[modes].sum(axis=1)).groupby("candidate")["v"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
    assert election["partial"]["filter"] == "county = Cherokee"
    assert data["tally"]["won"] == 0 and data["tally"]["partial"] == 1
    out, _ = run(*args)
    assert "U.S. Senate (Special) — county = Cherokee only" in out
    assert "wins the seat" not in out and "Republican 1" not in out


# --- A4: a system pollcli assumed -----------------------------------------------------------------


def test_assumed_plurality_under_half_leads_and_hints_at_a_runoff():
    frame = pd.read_csv(CONSTITUENCIES, dtype={"party": str})
    shares = frame.groupby("constituency")["votes"].apply(lambda v: v.max() / v.sum() * 100)
    under = set(shares[shares <= 50].index)
    assert under  # the fixture has races won on a plurality
    data = data_of(str(CONSTITUENCIES))
    for election in data["elections"]:
        notes = " ".join(election["notes"])
        if election["election"] in under:
            assert "wins the seat" not in notes, election["election"]
            assert "leads with a plurality" in notes and "--system majority" in notes
            assert "a majority system would need a runoff" in notes
        else:
            assert "wins the seat with a majority" in notes
    assert data["tally"]["assumed_plurality"] == len(under)
    assert any("--system majority" in n for n in data["overview"]["notes"])


def test_a_given_system_keeps_the_wording():
    data = data_of(str(CONSTITUENCIES), "--race", "dunsfold", "--system", "plurality")
    notes = data["elections"][0]["notes"]
    assert "First past the post: Sal Tate wins the seat with a plurality" in " ".join(notes)
    assert "--system majority" not in " ".join(notes)
    assert data["tally"]["assumed_plurality"] == 0


def test_real_medsl_georgia_2020_senate():
    path = real("us_medsl_1976_2022_senate.csv", EXTRA)
    data = data_of(
        str(path), "--encoding", "latin-1", "--where", "year=2020", "--where", "state=georgia"
    )
    notes = " ".join(n for e in data["elections"] for n in e["notes"])
    assert "DAVID A. PERDUE leads with a plurality" in notes
    assert "wins the seat with a plurality" not in notes
    assert data["tally"]["assumed_plurality"] == 2


# --- C2: primaries ----------------------------------------------------------------------------------


def test_primaries_are_left_out_of_the_party_tally():
    data = data_of(str(PRIMARIES))
    assert len(data["elections"]) == 2
    assert data["tally"]["primaries"] == 2 and data["tally"]["parties"] == []
    assert data["tally"]["races"] == 0
    assert all(line["primary"] is True for line in data["overview"]["races"])
    notes = " ".join(n for e in data["elections"] for n in e["notes"])
    assert "wins the seat" not in notes and "wins the primary" in notes
    out, _ = run(str(PRIMARIES))
    assert "Races won by party" not in out and "Races won:" not in out
    assert "2 primaries" in out


def test_a_primary_stage_among_general_races():
    frame = pd.read_csv(MEDSL, dtype=str)
    primaries = frame[frame["stage"].str.lower() == "pri"].groupby(["state", "district"]).ngroups
    data = data_of(str(MEDSL))
    assert data["tally"]["primaries"] == primaries == 1
    assert data["tally"]["races"] == len(data["elections"]) - primaries
    flagged = [line["race"] for line in data["overview"]["races"] if line.get("primary")]
    assert len(flagged) == 1 and "primary" in flagged[0]


def test_real_fayette_primaries():
    path = real("us_ky_fayette_2023_05_16_primary_precinct.csv", EXTRA)
    data = data_of(str(path))
    assert data["tally"]["primaries"] == len(data["elections"]) == 7
    assert not any("REP 5" in n for n in data["overview"]["notes"])


# --- C3: parties as the options ------------------------------------------------------------------


def test_parties_as_options_get_the_list_hint_and_no_runoff(tmp_path):
    path = write(
        tmp_path, "Stimmbezirk,ParteiKuerzel,Stimmen\nA,CSU,50\nA,SPD,30\nB,CSU,20\nB,SPD,40\n"
    )
    notes = " ".join(data_of(str(path))["elections"][0]["notes"])
    assert "runoff would be between" not in notes
    assert "--system list" in notes
    listed = " ".join(data_of(str(path), "--system", "list")["elections"][0]["notes"])
    assert "runoff would be between" not in listed and "--system list" not in listed
    told = " ".join(data_of(str(path), "--system", "majority")["elections"][0]["notes"])
    assert "a runoff would be between CSU and SPD" in told


def test_candidates_keep_the_runoff_wording(tmp_path):
    path = write(tmp_path, "candidate,party,votes\nA,X,40\nB,Y,35\nC,Z,25\n")
    notes = " ".join(data_of(str(path))["elections"][0]["notes"])
    assert "a runoff would be between A and B" in notes and "--system list" not in notes


def test_an_assumed_two_round_system_is_said_to_be_assumed(tmp_path):
    # A Bundestag's national table read with no system: "a runoff would be between CDU and AfD"
    # stated as fact. The runoff is pollcli's assumption, and first past the post names A.
    path = write(tmp_path, "candidate,party,votes\nA,X,40\nB,Y,35\nC,Z,25\n")
    notes = " ".join(data_of(str(path))["elections"][0]["notes"])
    assert "under a two-round system, assumed here as no system is given" in notes
    assert "under first past the post A wins: --system plurality" in notes
    told = " ".join(data_of(str(path), "--system", "majority")["elections"][0]["notes"])
    assert "a runoff would be between A and B." in told and "assumed" not in told


def test_real_vaterstetten():
    path = real("de_btw2021_vaterstetten_zweitstimmen_by_district.csv")
    notes = " ".join(data_of(str(path))["elections"][0]["notes"])
    assert "runoff would be between CSU" not in notes and "--system list" in notes


# --- C1: the overview's headers ------------------------------------------------------------------


def test_overview_headers_say_lead():
    out, _ = run(str(GENERAL), width=120)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Race "))
    header, units = lines[at], lines[at + 1]
    # The unit under its name keeps the figures' columns narrow: "Lead" over "(votes)".
    assert header.split().count("Lead") == 2 and units.split() == ["(pts)", "(votes)"]
    assert units.index("(votes)") + len("(votes)") == header.rindex("Lead") + len("Lead")
    assert "Votes" not in header and "Margin" not in header
    markdown, _ = run(str(GENERAL), "-f", "markdown")
    assert "| Race | Leader | Party | Share | Lead (pts) | Lead (votes) | Runner-up | Tags |" in (
        markdown
    )
    # CSV keys are a contract: unchanged (the overview's CSV is asked for with --overview).
    csv_text, _ = run(str(GENERAL), "-f", "csv", "--overview")
    assert "margin_pp,margin_votes" in csv_text.splitlines()[0]


# --- D: figures kept whole across line breaks -----------------------------------------------------


BROKEN = re.compile(r"\d[ │]*\n[│ ]*(%|points\b|pp\b)")


@pytest.mark.parametrize("width", [60, 100, 140])
@pytest.mark.parametrize("args", [["data/kz_2022.csv"], [str(CONSTITUENCIES), "--detail"]])
def test_no_break_between_a_number_and_its_unit(monkeypatch, width, args):
    monkeypatch.chdir(DATA.parent)
    out, _ = run(*args, width=width)
    assert not BROKEN.search(out)
    assert "\u00a0" not in out  # a layout hint only: the output has plain spaces


def test_no_break_at_every_narrow_width(monkeypatch):
    from pollcli.cli.output import render_to_text
    from pollcli.render.table import render_summary

    monkeypatch.chdir(DATA.parent)
    summary = summarize(load(["data/kz_2022.csv"]))
    for width in range(40, 141):
        text = render_to_text(render_summary(summary, width), width)
        assert not BROKEN.search(text), width
        widest = max(len(line) for line in text.splitlines())
        assert widest <= width, width


def test_prose_keeps_no_break_spaces_and_folds_long_words():
    from rich.console import Console
    from rich.text import Text

    from pollcli.render.table import Prose

    def lines(text: str, width: int) -> list[str]:
        console = Console(width=width, record=True, file=io.StringIO())
        console.print(Prose(Text(text)))
        return [line.rstrip() for line in console.export_text().splitlines()]

    # Rich alone breaks at the no-break space ("50" / "% of it") at 17 and 18 cells.
    for width in (17, 18):
        assert lines("aaaa more than 50\u00a0% of it", width) == ["aaaa more than", "50 % of it"]
    assert lines("aaaa more than 50\u00a0% of it", 19) == ["aaaa more than 50 %", "of it"]
    assert lines("abcdefghij k", 6) == ["abcdef", "ghij k"]  # a word longer than a line folds


def test_where_on_a_place_in_a_primary_of_every_party(tmp_path):
    # MEDSL's open special elections (one totalvotes for every party: one race, `open_primaries`)
    # are merged after the rows are read: a county --where leaves out is still part of that race.
    rows = []
    for county, factor in (("ALPHA", 1), ("BETA", 2)):
        for name, party, votes in (("AL AMES", "LIB", 500), ("BO BAKER", "DEM", 9000)):
            rows.append(f"1996,{county},US HOUSE,4,PRI,TRUE,{name},{party},{votes * factor},28500")
        rows.append(f"1996,{county},US HOUSE,5,GEN,FALSE,DI DOYLE,DEM,{300 * factor},900")
    header = "year,county,office,district,stage,special,candidate,party_detailed,candidatevotes,"
    path = write(tmp_path, header + "totalvotes\n" + "\n".join(rows) + "\n", "medsl_1996.csv")
    frame = pd.read_csv(path)
    expected = partial_races(frame, ["district"], frame["county"] == "ALPHA")
    assert expected == {(4,), (5,)}
    data = data_of(str(path), "--where", "county=alpha")
    assert len(data["elections"]) == 2  # the open primary is one race, not one per party
    assert all(e["partial"]["filter"] == "county = alpha" for e in data["elections"])
    assert data["tally"]["partial"] == 1 and data["tally"]["primaries"] == 1
