"""Files of many races (issue 12): race keys, names, selection, refused races, vote modes, parties in
names, namesakes. Figures are checked against sums made with the csv module, never against
pollcli's own arithmetic."""

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import invoke, write
from pollcli import load, summarize
from pollcli.errors import DataError, UsageError

RACES = Path(__file__).parent / "races"


def rows(name: str) -> list[dict[str, str]]:
    with (RACES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def oracle(
    name: str, key, votes=lambda r: int(r["votes"]), candidate: str = "candidate"
) -> dict[tuple, dict[str, int]]:
    """Votes per candidate per race, the race given by `key(row)`."""
    sums: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows(name):
        sums[key(row)][row[candidate]] += votes(row)
    return sums


def by_race(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def summary_json(*args: str) -> dict:
    result = invoke("summary", *args, "--format", "json")
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


# --- race keys and names ------------------------------------------------------------------------


def test_openelections_races_by_office_and_district():
    elections = load(RACES / "openelections_general.csv")
    expected = oracle(
        "openelections_general.csv", lambda r: (r["office"], str(int(r["district"] or 0)))
    )
    got = by_race(elections)
    assert list(got) == [
        "Governor",
        "U.S. House · 1",
        "U.S. House · 2",
        "State Senate · 1",
        "State Senate · 2",
    ]
    names = {
        "Governor": ("Governor", "0"),
        "U.S. House · 1": ("U.S. House", "1"),
        "U.S. House · 2": ("U.S. House", "2"),
        "State Senate · 1": ("State Senate", "1"),
        "State Senate · 2": ("State Senate", "2"),
    }
    for race, key in names.items():
        assert got[race] == expected[key]
    # The county is the region, the precinct the unit: county and district are no duplicate.
    governor = elections[0]
    assert {r.name for r in governor.regions} == {"Alder", "Brook"}
    assert governor.facts.office == "Governor"
    assert governor.race is not None and governor.race.keys == {
        "office": "Governor",
        "district": "",
    }


def test_the_split_is_stated_in_the_notes_and_in_json():
    data = summary_json(str(RACES / "openelections_general.csv"))
    note = "Split into 5 races by 'office' and 'district'; 5 summarised."
    assert all(note in e["notes"] for e in data["elections"])
    assert data["splits"] == [
        {
            "file": str(RACES / "openelections_general.csv"),
            "keys": ["office", "district"],
            "races": 5,
            "selected": 5,
            "summarised": 5,
            "refused": 0,
            "note": note,
        }
    ]
    assert data["elections"][1]["race_keys"] == {"office": "U.S. House", "district": "1"}


def test_a_file_of_one_race_reads_as_before(tmp_path):
    path = write(
        tmp_path,
        "county,office,district,candidate,votes\nA,Mayor,,X,3\nA,Mayor,,Y,2\nB,Mayor,,X,4\n",
    )
    data = summary_json(str(path))
    assert [e["election"] for e in data["elections"]] == [path.stem]
    assert set(data) == {"schema_version", "command", "elections"}
    assert data["elections"][0]["office"] == "Mayor"


def test_district_numbers_are_the_same_with_or_without_leading_zeros(tmp_path):
    path = write(
        tmp_path,
        "county,office,district,candidate,votes\nA,Senate,01,X,3\nB,Senate,1,X,2\nB,Senate,2,Y,9\n",
    )
    assert by_race(load(path)) == {"Senate · 1": {"X": 5}, "Senate · 2": {"Y": 9}}


def test_medsl_state_stage_special_and_party_lines():
    elections = load(RACES / "medsl_house.csv")
    got = by_race(elections)
    assert got == {
        "ALPHA · US HOUSE · 1 · general": {"ADA BIRCH": 5000, "COLE DANE": 4100},
        "ALPHA · US HOUSE · 2 · general": {"EVE FALK": 3000, "GUS HALE": 5000},
        "BETA · US HOUSE · 1 · general": {"IVY JONES": 7000, "KIT LOWE": 5000},
        "BETA · US HOUSE · 1 · Republican primary · special": {"MO NASH": 900, "OLA PARK": 600},
    }
    # totalvotes agrees with the candidates of each race: no total-mismatch warning.
    assert not [w for e in elections for w in e.warnings if w.code == "total-mismatch"]
    # GEN/PRI name races; pollcli's own stage fact stays official.
    assert {e.facts.stage for e in elections} == {"official"}


def test_fivethirtyeight_stage_and_source_url_are_no_errors():
    elections = load(RACES / "fivethirtyeight_senate.csv")
    assert [e.facts.election for e in elections] == [
        "2024 · Alpha · U.S. Senate · Class I · general",
        "2020 · Alpha · U.S. Senate · Class II · runoff · special",
        "2020 · Alpha · U.S. Senate · Class II · jungle primary · special",
        "2024 · Beta · U.S. Senate · Class I · general",
    ]
    assert elections[1].facts.source == "https://results.alpha.example/2021/runoff"
    expected = oracle(
        "fivethirtyeight_senate.csv", lambda r: r["race_id"], candidate="candidate_name"
    )
    assert [{o.candidate: o.votes for o in e.options} for e in elections] == [
        dict(expected[i]) for i in ("901", "902", "903", "904")
    ]


def test_party_primaries_are_told_apart_when_the_file_name_says_primary(tmp_path):
    name = "georgia_like_20240512__aa__primary__precinct.csv"
    elections = load(RACES / name)
    expected = oracle(name, lambda r: r["party"])
    assert by_race(elections) == {
        "President · Democratic primary": dict(expected["Democrat"]),
        "President · Republican primary": dict(expected["Republican"]),
    }
    # The same rows under another name are one race, with a warning that says how to split it.
    plain = write(tmp_path, (RACES / name).read_text(encoding="utf-8"), "results.csv")
    (one,) = load(plain)
    assert one.race is None and len(one.options) == 4


def test_race_by_names_the_keys(tmp_path):
    elections = load(RACES / "openelections_general.csv", race_by=["office"])
    assert [e.facts.election for e in elections] == ["Governor", "U.S. House", "State Senate"]
    result = invoke("summary", str(RACES / "openelections_general.csv"), "--race-by", "nope")
    assert result.code == 2 and "--race-by 'nope': the file has no such column" in result.stderr
    primaries = load(RACES / "openelections_general.csv", race_by=["office", "district", "party"])
    assert "State Senate · 2 · Republican primary" in [e.facts.election for e in primaries]


def test_a_county_names_races_where_each_candidate_stands_in_one_county_only(tmp_path):
    text = (
        "county,office,candidate,votes\n"
        "Kent,Sheriff,A,10\nKent,Sheriff,B,8\nSussex,Sheriff,C,5\nSussex,Sheriff,E,9\n"
        "Kent,Governor,G,20\nSussex,Governor,G,15\nKent,Governor,H,12\nSussex,Governor,H,30\n"
    )
    elections = load(write(tmp_path, text))
    assert by_race(elections) == {
        "Sheriff · Kent": {"A": 10, "B": 8},
        "Sheriff · Sussex": {"C": 5, "E": 9},
        "Governor": {"G": 35, "H": 42},
    }
    assert elections[2].race.keys == {"office": "Governor", "county": ""}


def test_a_district_with_the_same_candidates_everywhere_is_geography(tmp_path):
    path = write(tmp_path, "district,candidate,votes\nNorth,A,5\nNorth,B,3\nSouth,A,1\nSouth,B,4\n")
    (election,) = load(path)
    assert {o.candidate: o.votes for o in election.options} == {"A": 6, "B": 7}
    assert [r.name for r in election.regions] == ["North", "South"]
    assert any("read as geography" in n for n in election.notes)
    split = load(path, race_by=["district"])
    assert [e.facts.election for e in split] == ["North", "South"]


# --- selecting ------------------------------------------------------------------------------------


def test_race_keeps_races_by_name_in_any_case():
    path = str(RACES / "openelections_general.csv")
    data = summary_json(path, "--race", "u.s. HOUSE", "--race", "governor")
    assert [e["election"] for e in data["elections"]] == [
        "Governor",
        "U.S. House · 1",
        "U.S. House · 2",
    ]
    assert data["splits"][0]["selected"] == 3
    missing = invoke("summary", path, "--race", "Mayor")
    assert missing.code == 2
    assert "--race 'Mayor' matches none of the 5 races ('Governor'" in missing.stderr


def test_where_keeps_rows_by_a_column_value():
    path = str(RACES / "openelections_general.csv")
    data = summary_json(path, "--where", "county=brook")
    assert {e["election"]: e["leader"]["candidate"] for e in data["elections"]} == {
        "Governor": "Cole Dane",
        "U.S. House · 2": "Kit Lowe",
        "State Senate · 2": "Pat Quinn",
    }
    assert invoke("summary", path, "--where", "county").code == 2
    assert invoke("summary", path, "--where", "ward=1").code == 2
    # A column pollcli does not otherwise read can select too.
    medsl = load(RACES / "medsl_house.csv", where={"state_po": "BB"})
    assert len(medsl) == 2


def test_election_label_on_several_races_is_a_usage_error():
    path = str(RACES / "openelections_general.csv")
    result = invoke("summary", path, "--election", "Mine")
    assert result.code == 2 and "--race" in result.stderr and "5 races" in result.stderr
    one = summary_json(path, "--race", "Governor", "--election", "Mine")
    assert [e["election"] for e in one["elections"]] == ["Mine"]


# --- one bad race does not sink the file ---------------------------------------------------------


BAD = (
    "county,office,district,candidate,votes\n"
    "A,Governor,,X,10\nA,Governor,,Y,8\n"
    "A,Senate,1,P,5\nA,Senate,1,Q,x7\n"
    "A,Senate,2,R,4\nA,Senate,2,R,4\n"
    "A,Senate,3,S,1\nA,Senate,3,T,2\n"
)


def test_a_race_with_errors_is_refused_and_the_others_summarised(tmp_path):
    path = write(tmp_path, BAD)
    elections = load(path)
    assert [e.facts.election for e in elections] == ["Governor", "Senate · 3"]
    refused = {r.race: [(p.code, p.line) for p in r.problems] for r in elections.refused}
    assert refused == {"Senate · 1": [("type-error", 5)], "Senate · 2": [("duplicate-option", 7)]}
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 1
    data = json.loads(result.stdout)
    assert [r["race"] for r in data["refused"]] == ["Senate · 1", "Senate · 2"]
    assert data["splits"][0]["refused"] == 2 and data["splits"][0]["summarised"] == 2
    assert "race 'Senate · 1' refused" in result.stderr
    assert "2 races refused for their errors" in result.stderr


def test_validate_groups_problems_by_race(tmp_path):
    path = write(tmp_path, BAD)
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1
    report = json.loads(result.stdout)["files"][0]
    assert {p["race"] for p in report["problems"]} == {"Senate · 1", "Senate · 2"}
    assert report["races"]["races"] == 4
    table = invoke("validate", str(path)).stdout
    assert "race 'Senate · 1' — 1 error, 0 warnings (refused)" in table


def test_load_still_raises_for_a_file_of_one_race_or_a_broken_file(tmp_path):
    with pytest.raises(DataError):
        load(write(tmp_path, "candidate,votes\nA,x\nB,2\n", "one.csv"))
    with pytest.raises(DataError):  # every race refused
        load(write(tmp_path, "office,candidate,votes\nA,X,x\nB,Y,y\n", "all.csv"))
    with pytest.raises(DataError):  # the header itself
        load(write(tmp_path, "office,name2,votes\nA,X,1\n", "header.csv"))


def test_an_unselected_race_with_errors_does_not_fail_the_run(tmp_path):
    path = write(tmp_path, BAD)
    result = invoke("summary", str(path), "--race", "governor", "--format", "json")
    assert result.code == 0 and json.loads(result.stdout)["refused"] == []


# --- vote modes ---------------------------------------------------------------------------------


MODES = ("election_day_votes", "advanced_votes", "absentee_by_mail_votes", "provisional_votes")


def test_vote_mode_columns_are_summed_with_a_note():
    name = "ga_modes_runoff.csv"
    expected = oracle(
        name,
        lambda r: (r["office"], r["district"]),
        votes=lambda r: sum(int(r[m]) for m in MODES),
    )
    elections = load(RACES / name)
    assert by_race(elections) == {
        "U.S. Senate": dict(expected["U.S. Senate", ""]),
        "Public Service Commissioner · 4": dict(expected["Public Service Commissioner", "4"]),
    }
    assert any("sum of 'election_day_votes'" in n for n in elections[0].notes)
    chosen = load(RACES / name, votes="advanced_votes")
    assert by_race(chosen)["U.S. Senate"] == dict(
        oracle(name, lambda r: r["office"], votes=lambda r: int(r["advanced_votes"]))["U.S. Senate"]
    )


def test_a_votes_column_wins_over_mode_columns_which_are_checked(tmp_path):
    text = (
        "county,precinct,office,candidate,votes,election_day,absentee\n"
        "A,1,Mayor,X,10,6,4\nA,2,Mayor,X,7,5,1\nA,1,Mayor,Y,3,,\nA,2,Mayor,Y,5,2,3\n"
    )
    (election,) = load(write(tmp_path, text))
    assert {o.candidate: o.votes for o in election.options} == {"X": 17, "Y": 8}
    (warning,) = [w for w in election.warnings if w.code == "mode-mismatch"]
    assert warning.line == 3 and "in 1 row(s)" in warning.message


def test_a_mode_column_uses_total_rows_or_sums_the_modes():
    elections = load(RACES / "medsl_precinct_modes.csv")
    table = rows("medsl_precinct_modes.csv")
    totals: dict[tuple, int] = defaultdict(int)
    for row in table:
        if row["office"] == "US HOUSE" and row["mode"] == "TOTAL":
            totals["US HOUSE", row["candidate"]] += int(row["votes"])
        if row["office"] == "GOVERNOR":
            totals["GOVERNOR", row["candidate"]] += int(row["votes"])
    assert by_race(elections) == {
        "US HOUSE · 0": {"ADA BIRCH": totals["US HOUSE", "ADA BIRCH"], "COLE DANE": 100},
        "GOVERNOR": {"EVE FALK": totals["GOVERNOR", "EVE FALK"], "GUS HALE": 87},
    }
    assert not [w for e in elections for w in e.warnings if w.code == "mode-mismatch"]


def test_modes_that_do_not_add_up_to_their_total_are_a_warning(tmp_path):
    text = (RACES / "medsl_precinct_modes.csv").read_text(encoding="utf-8")
    text = text.replace(
        "01-02,US HOUSE,DEMOCRAT,ABSENTEE,5,", "01-02,US HOUSE,DEMOCRAT,ABSENTEE,9,"
    )
    elections = load(write(tmp_path, text))
    (warning,) = [w for e in elections for w in e.warnings if w.code == "mode-mismatch"]
    assert warning.race == "US HOUSE · 0"
    # The modes are checked per precinct (01-02: 30 + 9 against 35), named by its county.
    assert "of 1 precinct in 'ALDER' add up to 39 but the TOTAL rows say 35" in warning.message
    assert by_race(elections)["US HOUSE · 0"]["ADA BIRCH"] == 105


# --- parties, names, namesakes --------------------------------------------------------------------


def test_the_party_is_read_out_of_a_bilingual_candidate_cell():
    elections = load(RACES / "bilingual_ridings.csv")
    avonlea = elections[0]
    assert avonlea.facts.election == "Avonlea"
    assert [(o.candidate, o.party, o.votes) for o in avonlea.options] == [
        ("Ada Birch", "Liberal", 16000),
        ("Cole Dane", "Conservative", 14800),
        ("Eve Falk", "NDP-New Democratic Party", 5000),
        ("Gus Hale", "Green Party", 600),
    ]
    assert elections[3].options[2].party == "Independent"
    assert any("read from the end of each candidate cell" in n for n in avonlea.notes)


def test_namesakes_with_different_candidate_ids_are_two_candidates(tmp_path):
    text = (
        "office,candidate_id,candidate,party,votes\nMayor,1,Ann Lee,Ind,5\nMayor,2,Ann Lee,Ind,7\n"
    )
    text += "Clerk,3,Bo Ray,X,2\n"
    elections = load(write(tmp_path, text))
    assert by_race(elections)["Mayor"] == {"Ann Lee (id 1)": 5, "Ann Lee (id 2)": 7}


def test_one_candidate_spelt_two_ways_draws_a_warning_and_an_alias_merges(tmp_path):
    text = (
        "county,office,candidate,votes\n"
        "A,President,BIDEN/HARRIS,10\nA,President,TRUMP/PENCE,8\n"
        "B,President,Biden and Harris,6\nB,President,TRUMP/PENCE,9\n"
        "A,Senate,X,1\n"
    )
    path = write(tmp_path, text)
    president = load(path)[0]
    (warning,) = [w for w in president.warnings if w.code == "name-variant"]
    assert "--alias 'Biden and Harris=BIDEN/HARRIS'" in warning.message
    merged = load(path, aliases={"Biden and Harris": "BIDEN/HARRIS"})[0]
    assert {o.candidate: o.votes for o in merged.options} == {"BIDEN/HARRIS": 16, "TRUMP/PENCE": 17}
    result = invoke("summary", str(path), "--alias", "Biden and Harris=BIDEN/HARRIS")
    assert result.code == 0 and "name-variant" not in result.stderr


def test_several_candidates_of_one_party_in_a_race_draw_a_warning(tmp_path):
    text = "office,candidate,party,votes\nHouse,A,Red,5\nHouse,B,Red,4\nHouse,C,Blue,3\nMayor,D,Red,1\n"
    elections = load(write(tmp_path, text))
    (warning,) = [w for w in elections[0].warnings if w.code == "race-split"]
    assert "1 race(s)" in warning.message and "--race-by office,party" in warning.message
    assert not [w for w in elections[1].warnings if w.code == "race-split"]


def test_reading_options_are_checked():
    with pytest.raises(UsageError):
        load(RACES / "openelections_general.csv", votes="nope")
    with pytest.raises(UsageError):
        load(RACES / "openelections_general.csv", race_by=["votes"])


def test_summaries_of_races_carry_the_overview():
    summary = summarize(load(RACES / "constituencies.csv"))
    assert summary.overview is not None and summary.tally is not None
    assert summary.show_overview


def test_parties_as_options_by_constituency_are_races_unless_a_list_vote(tmp_path):
    """UK-like: a party column and no candidates, by constituency: each constituency is a seat won
    by a party (first past the post); the same file of a party-list vote is one race."""
    text = "constituency,party,votes\nA,Red,10\nA,Blue,8\nB,Red,5\nB,Blue,9\nC,Red,7\nC,Blue,6\n"
    path = write(tmp_path, text)
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert [e["election"] for e in data["elections"]] == ["A", "B", "C"]
    assert data["tally"]["parties"] == [{"party": "Red", "won": 2}, {"party": "Blue", "won": 1}]
    (one,) = load(path, facts={"system": "list"})
    assert {o.candidate: o.votes for o in one.options} == {"Red": 22, "Blue": 23}


def test_a_flag_naming_a_column_a_file_lacks_says_which_file(tmp_path):
    """Trial 3: `compare A B --where cycle=2020` said "the file has no such column" of two files."""
    first = write(tmp_path, "cycle,candidate,votes\n2020,Ann,5\n2020,Bob,3\n", "a.csv")
    second = write(tmp_path, "candidate,votes\nAnn,4\nBob,6\n", "b.csv")
    result = invoke("compare", str(first), str(second), "--where", "cycle=2020")
    assert result.code == 2
    assert f"{second}: --where 'cycle': the file has no such column" in result.stderr
    assert str(first) not in result.stderr


def test_races_of_several_years_are_said_to_be_counted_together(tmp_path):
    """Trial 3: MEDSL's House file (24 elections) gave "DEMOCRAT 5,487 seats" and did not say
    that the seats of every year were added up."""
    rows = (
        "year,state,office,district,candidate,party,candidatevotes\n"
        "2020,OHIO,US HOUSE,1,Ann,REP,5\n2020,OHIO,US HOUSE,1,Bob,DEM,4\n"
        "2022,OHIO,US HOUSE,1,Ann,REP,3\n2022,OHIO,US HOUSE,1,Bob,DEM,6\n"
    )
    result = invoke("summary", str(write(tmp_path, rows)), "-f", "json", "--overview")
    notes = " ".join(json.loads(result.stdout)["overview"]["notes"])
    assert "they are of 2 elections by 'year' (2020 to 2022), whose races won are counted" in notes
    assert "--where year=2022 keeps one" in notes
    one = invoke("summary", str(write(tmp_path, rows)), "-f", "json", "--where", "year=2022")
    assert "elections by 'year'" not in one.stdout
