"""`compare` compares one race: it never chains two races of files of many races as successive
elections of one (trial 3: Ossoff's runoff → Warnock's special → Ossoff's runoff, "the lead changed
hands", volatility 100), and `--race-of FILE=TEXT` picks each file's race.

The files here are small ones of the layouts of the trial's: OpenElections' Georgia runoff (office,
district, party, candidate, votes) and FiveThirtyEight's Senate file (a race id per contest and
cycle, the seat's class, special, stage). Figures by hand from the rows.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, invoke, write
from pollcli import race_identity
from pollcli.comparison import compare
from pollcli.errors import DataError, UsageError
from pollcli.read import load
from pollcli.read.inputs import stem

# Georgia's runoffs of 5 Jan 2021 as OpenElections writes them (two precincts, votes made up).
GA = (
    "county,precinct,office,district,party,candidate,votes\n"
    "Appling,1B,U.S. Senate,,Democrat,Jon Ossoff,60\n"
    "Appling,1B,U.S. Senate,,Republican,David A. Perdue,40\n"
    "Appling,2,U.S. Senate,,Democrat,Jon Ossoff,45\n"
    "Appling,2,U.S. Senate,,Republican,David A. Perdue,55\n"
    "Appling,1B,U.S. Senate (Special),,Democrat,Raphael Warnock,70\n"
    "Appling,1B,U.S. Senate (Special),,Republican,Kelly Loeffler,30\n"
    "Appling,2,U.S. Senate (Special),,Democrat,Raphael Warnock,50\n"
    "Appling,2,U.S. Senate (Special),,Republican,Kelly Loeffler,50\n"
)
# The same two races as FiveThirtyEight's Senate file writes them.
F38 = (
    "race_id,state,office_name,office_seat_name,cycle,stage,special,candidate_name,ballot_party,"
    "votes\n"
    "7781,Georgia,U.S. Senate,Class III,2020,runoff,true,Kelly Loeffler,REP,480\n"
    "8737,Georgia,U.S. Senate,Class II,2020,runoff,false,Jon Ossoff,DEM,510\n"
    "8737,Georgia,U.S. Senate,Class II,2020,runoff,false,David A. Perdue,REP,490\n"
    "7781,Georgia,U.S. Senate,Class III,2020,runoff,true,Raphael Warnock,DEM,520\n"
)
CLASS_II = "U.S. Senate · Class II"


@pytest.fixture
def trial(tmp_path: Path) -> tuple[str, str]:
    return str(write(tmp_path, GA, "ga_runoff.csv")), str(write(tmp_path, F38, "538_ga.csv"))


def test_a_file_giving_two_races_is_refused_naming_the_races_of_each_file(trial):
    ga, f38 = trial
    result = invoke("compare", ga, f38, "--race", "U.S. Senate")
    assert result.code == 2
    assert result.stdout == ""
    message = " ".join(result.stderr.split())
    assert f"{ga} gives 1 race: 'U.S. Senate'" in message
    assert f"{f38} gives 2 races: 'U.S. Senate · Class III · special', '{CLASS_II}'" in message
    assert "--race-of FILE=TEXT" in message
    assert "lead changed hands" not in result.stdout + result.stderr


def test_race_of_picks_one_race_of_one_file(trial):
    ga, f38 = trial
    for name in (f38, "538_ga.csv", "2"):  # as given, its file name, its number
        result = invoke(
            "compare", ga, f38, "--race", "U.S. Senate", "--race-of", f"{name}={CLASS_II}",
            "-f", "json",
        )  # fmt: skip
        assert result.code == 0, result.stderr
        data = json.loads(result.stdout)
        assert [e["election"] for e in data["elections"]] == ["U.S. Senate", CLASS_II]
        # By hand: Ossoff 105 of 200 = 52.5 % → 510 of 1000 = 51 %; Perdue 47.5 % → 49 %.
        shares = {r["candidate"]: r["shares"] for r in data["rows"]}
        assert shares == {
            "Jon Ossoff": pytest.approx([52.5, 51.0]),
            "David A. Perdue": pytest.approx([47.5, 49.0]),
        }
        assert data["volatility"] == [pytest.approx(1.5)]
        assert "may be different races" not in result.stderr


def test_race_of_in_both_files_compares_the_specials(trial):
    ga, f38 = trial
    result = invoke(
        "compare", ga, f38, "--race-of", "1=Special", "--race-of", "2=special", "-f", "json"
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["leader"] for e in data["elections"]] == ["Raphael Warnock", "Raphael Warnock"]
    # By hand: Warnock 120 of 200 = 60 % → 520 of 1000 = 52 %.
    assert {r["candidate"]: r["shares"] for r in data["rows"]}["Raphael Warnock"] == [60.0, 52.0]


def test_two_races_picked_that_share_no_candidate_draw_a_warning(trial):
    ga, f38 = trial
    result = invoke("compare", ga, f38, "--race", "U.S. Senate", "--race-of", "2=Class III")
    assert result.code == 0, result.stderr
    assert (
        "“U.S. Senate” and “U.S. Senate · Class III · special” may be different races (no "
        "candidate in common)"
    ) in " ".join(result.stderr.split())


def test_two_races_picked_whose_keys_differ_draw_a_warning(tmp_path):
    """Each file's Class II and Class III picked: the seat says they are two races."""
    a = write(tmp_path, F38, "a.csv")
    b = write(tmp_path, F38.replace("2020", "2026"), "b.csv")
    result = invoke(
        "compare", str(a), str(b), "--race-of", f"1={CLASS_II}", "--race-of", "2=Class III"
    )
    assert result.code == 0, result.stderr
    message = " ".join(result.stderr.split())
    assert (
        "“U.S. Senate · Class II” and “U.S. Senate · Class III · special” may be different races "
        "(seat 'Class II' and 'Class III', special 'false' and 'true')"
    ) in message


def test_race_of_errors_name_the_files(trial):
    ga, f38 = trial
    wrong = invoke("compare", ga, f38, "--race-of", "3=Class II")
    assert wrong.code == 2
    assert f"FILE being one of the files given, its file name or its number (1 {ga}, 2 {f38})" in (
        " ".join(wrong.stderr.split())
    )
    nothing = invoke("compare", ga, f38, "--race-of", "2=Governor")
    assert nothing.code == 2
    assert f"{f38}: --race 'Governor' matches none of the 2 races" in nothing.stderr


def test_a_path_holding_an_equals_sign_is_still_a_file(tmp_path):
    odd = write(tmp_path, F38, "a=b.csv")
    other = write(tmp_path, F38.replace("2020", "2026"), "b.csv")
    result = invoke(
        "compare", str(odd), str(other), "--race-of", f"a=b.csv={CLASS_II}",
        "--race-of", f"2={CLASS_II}",
    )  # fmt: skip
    assert result.code == 0, result.stderr


# --- which elections are one race -------------------------------------------------------------

MEDSL = (
    "year,state,office,district,stage,special,candidate,party,candidatevotes\n"
    "2020,OHIO,US HOUSE,1,GEN,FALSE,Ann,REP,60\n2020,OHIO,US HOUSE,1,GEN,FALSE,Bob,DEM,40\n"
    "2020,OHIO,US HOUSE,2,GEN,FALSE,Cy,REP,70\n2020,OHIO,US HOUSE,2,GEN,FALSE,Di,DEM,30\n"
    "2022,OHIO,US HOUSE,1,GEN,FALSE,Ann,REP,45\n2022,OHIO,US HOUSE,1,GEN,FALSE,Bob,DEM,55\n"
    "2022,OHIO,US HOUSE,2,GEN,FALSE,Cy,REP,65\n2022,OHIO,US HOUSE,2,GEN,FALSE,Di,DEM,35\n"
)


def test_one_race_over_the_years_of_one_file_is_compared(tmp_path):
    path = str(write(tmp_path, MEDSL))
    result = invoke("compare", path, "--where", "district=1", "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    oracle = pd.read_csv(path).query("district == 1")
    votes = oracle.pivot_table(index="candidate", columns="year", values="candidatevotes")
    shares = votes / votes.sum() * 100
    assert {r["candidate"]: r["shares"] for r in data["rows"]} == {
        name: pytest.approx(list(shares.loc[name])) for name in shares.index
    }
    assert data["volatility"] == [pytest.approx((shares[2022] - shares[2020]).abs().sum() / 2)]


def test_two_districts_over_the_years_are_two_races(tmp_path):
    result = invoke("compare", str(write(tmp_path, MEDSL)))
    assert result.code == 2
    assert "gives 2 races: '2020 · US HOUSE · 1' (and 1 more of its elections), " in (
        " ".join(result.stderr.split())
    )


# MEDSL's House file says a runoff in a yes/no `runoff` column beside stage GEN (Louisiana's 5th,
# 2002: a general, then its runoff between the top two); votes made up.
MEDSL_RUNOFF = (
    "year,state,office,district,stage,runoff,special,candidate,party,candidatevotes\n"
    "2000,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Ann,REPUBLICAN,60\n"
    "2000,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Bob,DEMOCRAT,40\n"
    "2002,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Cy,REPUBLICAN,30\n"
    "2002,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Di,DEMOCRAT,35\n"
    "2002,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Ed,REPUBLICAN,25\n"
    "2002,LOUISIANA,US HOUSE,005,GEN,TRUE,FALSE,Cy,REPUBLICAN,49\n"
    "2002,LOUISIANA,US HOUSE,005,GEN,TRUE,FALSE,Di,DEMOCRAT,51\n"
    "2004,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Di,REPUBLICAN,70\n"
    "2004,LOUISIANA,US HOUSE,005,GEN,FALSE,FALSE,Fay,DEMOCRAT,30\n"
)


def test_a_runoff_said_by_a_yes_no_column_is_a_round_of_its_race(tmp_path):
    """As a runoff stage is: one race (the module's rule), compared after its general; the
    review of trial 4 found MEDSL's Louisiana 5th of 1976–2022 refused as two races."""
    path = str(write(tmp_path, MEDSL_RUNOFF))
    result = invoke("compare", path, "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["elections"]) == 4
    # Oracle: pandas' shares per (year, runoff), in the file's order; absent is null.
    frame = pd.read_csv(path)
    votes = frame.pivot_table(
        index="candidate", columns=["year", "runoff"], values="candidatevotes", sort=False
    )
    shares = (votes / votes.sum() * 100).astype(object).where(votes.notna(), None)
    assert {r["candidate"]: r["shares"] for r in data["rows"]} == {
        name: [None if v is None else pytest.approx(v) for v in shares.loc[name]]
        for name in shares.index
    }


def test_a_general_and_its_runoff_are_one_race_a_primary_another(load_text):
    general = F38.replace("runoff", "general").replace("8737", "8001").replace("7781", "8002")
    both_rounds = load_text(
        F38 + general.split("\n", 1)[1], where=[("office_seat_name", "Class II")]
    )
    assert len(race_identity.by_file(both_rounds)[0].races) == 1
    primary = F38.replace("runoff", "primary")
    with_primary = load_text(
        F38 + primary.split("\n", 1)[1], where=[("office_seat_name", "Class II")]
    )
    # The runoff, and each party's primary (the party is a primary's key).
    assert len(race_identity.by_file(with_primary)[0].races) == 3


def test_races_told_apart_by_their_id_alone_stay_apart(load_text):
    """Two districts known only by their race id, in two cycles: the id is each cycle's own, but
    two races of one cycle are two races."""
    text = "race_id,cycle,office,candidate,votes\n" + "".join(
        f"{rid},{cycle},U.S. House,{name},{v}\n"
        for rid, cycle in (("1", "2020"), ("2", "2020"), ("3", "2022"), ("4", "2022"))
        for name, v in (("Ann", 5), ("Bob", 4))
    )
    elections = load_text(text)
    assert len(race_identity.by_file(elections)[0].races) == 4
    with pytest.raises(UsageError, match="gives 4 races"):
        compare(elections)


def test_the_shipped_comparisons_are_one_race_each():
    pairs = [
        ["kz_2019.csv", "kz_2022.csv"],
        ["kz_2021_mazhilis.csv", "kz_2023_mazhilis.csv"],
        [p.name for p in sorted(DATA.glob("kz_2022*.csv"))],
    ]
    for names in pairs:
        result = invoke("compare", *(str(DATA / n) for n in names))
        assert result.code == 0, result.stderr
        assert "race" not in result.stderr


# --- the property: a comparison never holds two races of one file -------------------------------

ROW = st.tuples(
    st.sampled_from(["Senate", "House"]),  # office
    st.sampled_from(["", "1", "2"]),  # district
    st.sampled_from(["2020", "2022"]),  # year
    st.sampled_from(["Ann", "Bob", "Cy"]),  # standing in one race only (below)
    st.integers(1, 99),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.lists(st.lists(ROW, min_size=1, max_size=8), min_size=2, max_size=3))
def test_compare_succeeds_only_when_each_file_is_one_race(tmp_path_factory, files):
    """Oracle: the (office, district) pairs of each file's rows, counted with pandas. compare runs
    when every file has one, and is refused (a usage error) when any file has more."""
    folder = tmp_path_factory.mktemp("races")
    paths = []
    for n, rows in enumerate(files):
        frame = pd.DataFrame(rows, columns=["office", "district", "year", "candidate", "votes"])
        frame = frame.drop_duplicates(["office", "district", "year", "candidate"])
        # A candidate of one race only: a name standing in several districts would make the
        # district the race's regions (`read.geography`), not races.
        frame["candidate"] += " " + frame["office"] + frame["district"]
        path = folder / f"f{n}.csv"
        frame.to_csv(path, index=False)
        paths.append((path, frame))
    try:
        elections = load([p for p, _ in paths])
    except DataError:  # a file pollcli refuses to read: not this property's business
        return
    if len(elections) < 2:
        return
    races = [f.fillna("").groupby(["office", "district"]).ngroups for _, f in paths]
    if all(n == 1 for n in races):
        result = compare(elections)
        assert len(result.elections) == len(elections)
    else:
        with pytest.raises(UsageError, match="compare compares one race"):
            compare(elections)


# --- process substitution --------------------------------------------------------------------


def test_a_pipe_of_process_substitution_is_named_by_its_path():
    assert stem("/dev/fd/63") == "/dev/fd/63"
    assert stem("/proc/self/fd/12") == "/proc/self/fd/12"
    assert stem("/data/63.csv") == "63"
    assert stem("<stdin>") == "stdin"


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_compare_through_pipes_names_the_elections_by_their_paths():
    paths = []
    for text in ("candidate,votes\nAnn,6\nBob,4\n", "candidate,votes\nAnn,5\nBob,5\n"):
        read, written = os.pipe()

        def feed(fd: int = written, data: bytes = text.encode()) -> None:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)

        threading.Thread(target=feed, daemon=True).start()
        paths.append((read, f"/dev/fd/{read}"))
    try:
        result = invoke("compare", *(p for _, p in paths), "-f", "json")
    finally:
        for fd, _ in paths:
            os.close(fd)
    assert result.code == 0, result.stderr
    assert [e["election"] for e in json.loads(result.stdout)["elections"]] == [p for _, p in paths]


# --- the trial's own Georgia file, by both engines ----------------------------------------------

REAL = next(
    (
        p / "us_ga_2021_01_05_runoff_precinct.csv"
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if (p / "us_ga_2021_01_05_runoff_precinct.csv").is_file()
    ),
    None,
)


@pytest.mark.skipif(REAL is None, reason="shared/realworld is not here")
@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_trial_s_georgia_file_is_refused_then_paired(tmp_path, engine):
    f38 = str(write(tmp_path, F38, "538_ga.csv"))
    env = {"POLLCLI_ENGINE": engine}
    refused = invoke("compare", str(REAL), f38, "--race", "U.S. Senate", env=env)
    assert refused.code == 2 and "gives 2 races" in refused.stderr
    result = invoke(
        "compare", str(REAL), f38, "--race", "U.S. Senate", "--race-of", f"2={CLASS_II}",
        "-f", "json", env=env,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    # pandas: the four vote-mode columns added up over the precincts of the regular Senate runoff.
    frame = pd.read_csv(REAL)
    senate = frame[frame["office"] == "U.S. Senate"]
    modes = ["election_day_votes", "advanced_votes", "absentee_by_mail_votes", "provisional_votes"]
    votes = senate.assign(v=senate[modes].sum(axis=1)).groupby("candidate")["v"].sum()
    shares = {r["candidate"]: r["shares"][0] for r in json.loads(result.stdout)["rows"]}
    assert shares == {name: pytest.approx(v / votes.sum() * 100) for name, v in votes.items()}


def test_one_race_over_the_years_is_ordered_by_year_general_before_runoff(tmp_path):
    # FiveThirtyEight lists its newest cycle first and gives no date: compared in the order given,
    # changes ran backwards (review: "New in 2014: Michelle Nunn", a runoff before its general).
    text = (
        "race_id,state,office_name,office_seat_name,cycle,stage,special,candidate_name,"
        "ballot_party,votes\n"
        "9,Georgia,U.S. Senate,Class II,2020,runoff,false,Jon Ossoff,DEM,510\n"
        "9,Georgia,U.S. Senate,Class II,2020,runoff,false,David Perdue,REP,490\n"
        "8,Georgia,U.S. Senate,Class II,2020,general,false,Jon Ossoff,DEM,470\n"
        "8,Georgia,U.S. Senate,Class II,2020,general,false,David Perdue,REP,500\n"
        "2,Georgia,U.S. Senate,Class II,2014,general,false,Michelle Nunn,DEM,450\n"
        "2,Georgia,U.S. Senate,Class II,2014,general,false,David Perdue,REP,550\n"
    )
    path = str(write(tmp_path, text, "senate.csv"))
    result = invoke("compare", path, "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    order = [(e["election"].split(" · ")[0], e["leader"]) for e in data["elections"]]
    assert order == [("2014", "David Perdue"), ("2020", "David Perdue"), ("2020", "Jon Ossoff")]
    assert [e["election"].endswith("runoff") for e in data["elections"]] == [False, False, True]
    # Perdue's shares by hand: 550/1000, 500/970, 490/1000.
    perdue = next(r for r in data["rows"] if r["candidate"] == "David Perdue")
    assert perdue["shares"] == pytest.approx([55.0, 500 / 970 * 100, 49.0])
    table = invoke("compare", path, env={"COLUMNS": "200"})
    assert "elections ordered by their year" in " ".join(table.stdout.split())


def test_one_file_of_several_races_is_told_how_to_keep_one(tmp_path):
    # One file: "which race of one file is which of another" and --race-of are beside the point.
    path = str(write(tmp_path, GA, "ga_runoff.csv"))
    result = invoke("compare", path)
    assert result.code == 2
    message = " ".join(result.stderr.split())
    assert "gives 2 races" in message and "would read as one race's changes" in message
    assert "--race-of" not in message and "which of another" not in message


def test_race_that_one_file_lacks_points_to_race_of(tmp_path):
    """R4 (NY 2016 general beside NY 2020's presidential primary, one race): --race matching
    nothing in one file names --race-of, with the flag that keeps the race in the other file."""
    general = write(tmp_path, GA, "general.csv")
    primary = write(
        tmp_path, "party,candidate,votes\nDEM,Ann Ash,30\nDEM,Ben Birch,20\n", "pri.csv"
    )
    result = invoke("compare", str(general), str(primary), "--race", "Special")
    assert result.code == 2
    flat = " ".join(result.stderr.split())
    assert "pri.csv: --race 'Special' matches nothing" in flat
    assert "--race-of FILE=TEXT" in flat and "--race-of 1=Special" in flat
    # The advice works: the race of the first file against the whole of the second.
    advised = invoke("compare", str(general), str(primary), "--race-of", "1=Special")
    assert advised.code == 0, advised.stderr
    # summary has no --race-of: its message is unchanged.
    alone = invoke("summary", str(primary), "--race", "Special")
    assert alone.code == 2 and "--race-of" not in alone.stderr


def test_one_race_of_two_undated_files_is_labelled_by_its_file(tmp_path):
    # Belgium's communal councils, 1988 and 1994, no dates: both columns said "Anvers", date "—".
    rows = "Parti,Nombre de voix,commune,election\n"
    old = write(
        tmp_path, rows + "SP,288,Anvers,cc\nVU,512,Anvers,cc\nSP,90,Gand,cc\n", "be_1988.csv"
    )
    new = write(
        tmp_path, rows + "SP,205,Anvers,cc\nVU,675,Anvers,cc\nSP,80,Gand,cc\n", "be_1994.csv"
    )
    args = ("compare", str(old), str(new), "--race-by", "election,commune", "--race", "Anvers")
    table = invoke(*args, env={"COLUMNS": "120"})
    assert table.code == 0, table.stderr
    assert "[1]   Anvers (be_1988)" in table.stdout and "[2]   Anvers (be_1994)" in table.stdout
    markdown = invoke(*args, "-f", "markdown").stdout
    assert "| [1] | Anvers (be\\_1988) |" in markdown
    assert "Anvers (be\\_1988) to Anvers (be\\_1994)" in markdown
