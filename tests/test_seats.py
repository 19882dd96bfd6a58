"""`seats`: the Kazakhstan reference figures, thresholds, ties, paradoxes, districts, races, indices.

The published seats and the law's arithmetic are from shared/reference/kazakhstan_mazhilis.md (§3.2);
indices are recomputed here with pandas from the CSV and the published seats, not from pollcli's output.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, invoke, write
from pollcli import allocate, apportion, load
from pollcli.election import Election, Facts, Option
from pollcli.errors import DataError, UsageError

KZ2023 = DATA / "kz_2023_mazhilis.csv"
KZ2021 = DATA / "kz_2021_mazhilis.csv"
SEATS = ROOT / "tests" / "seats"

# The reference's tables: published list seats, and what the other methods would give.
PUBLISHED_2023 = {
    "Amanat": 40,
    "Auyl People's Democratic Patriotic Party": 8,
    "Respublica": 6,
    "Ak Zhol Democratic Party": 6,
    "People's Party of Kazakhstan": 5,
    "Nationwide Social Democratic Party": 4,
    "Baytaq Green Party": 0,
}
DHONDT_2023 = {**PUBLISHED_2023, "Amanat": 41, "Nationwide Social Democratic Party": 3}
PUBLISHED_2021 = {
    "Nur Otan": 76,
    "Ak Zhol Democratic Party": 12,
    "People's Party of Kazakhstan": 10,
    "Auyl People's Democratic Patriotic Party": 0,
    "Adal": 0,
}
DROOP_2021 = {**PUBLISHED_2021, "Nur Otan": 77, "People's Party of Kazakhstan": 9}


def seats_json(*args: str) -> dict:
    result = invoke("seats", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def lists(allocation: dict) -> dict[str, int]:
    return {p["party"]: p["seats"] for p in allocation["parties"] if p["kind"] == "candidate"}


# --- the done-when figures ----------------------------------------------------------------------


def test_2023_by_the_laws_method_gives_the_published_seats_and_explains_the_last_seat():
    result = invoke("seats", str(KZ2023), env={"COLUMNS": "100"})
    assert result.code == 0, result.stderr
    election = seats_json(str(KZ2023))["elections"][0]
    allocation = election["allocations"][0]
    assert allocation["method"] == "hare" and election["seats"] == 69
    assert lists(allocation) == PUBLISHED_2023
    # §3.2: quota 5,971,719 / 69; Amanat's remainder 0.6493 took the last seat, the 2nd largest.
    assert allocation["allocated_votes"] == 5_971_719
    assert allocation["quota"] == pytest.approx(5_971_719 / 69)
    assert allocation["last_seat"]["party"] == "Amanat"
    assert allocation["last_seat"]["value"] == pytest.approx(0.6493, abs=5e-5)
    assert allocation["next_in_line"]["party"] == "Respublica"
    assert allocation["next_in_line"]["value"] == pytest.approx(0.3221, abs=5e-5)
    assert "The last seat went to Amanat on a remainder of 0.6493 of a quota" in result.stdout
    assert "5,971,719 ÷ 69 = 86,546.65" in result.stdout
    for party, seats in PUBLISHED_2023.items():
        assert any(
            party[:10] in line and f" {seats} " in line for line in result.stdout.splitlines()
        )


def test_2021_gives_76_12_10():
    allocation = seats_json(str(KZ2021))["elections"][0]["allocations"][0]
    assert lists(allocation) == PUBLISHED_2021
    assert allocation["allocated_votes"] == 6_599_921


def test_dhondt_gives_41_8_6_6_5_3_and_amanat_takes_seat_69_over_the_social_democrats():
    allocation = seats_json(str(KZ2023), "--method", "dhondt")["elections"][0]["allocations"][0]
    assert lists(allocation) == DHONDT_2023
    # §3.2: "seat 69 would go to Amanat (quotient 83,695.4) rather than a 4th JSDP seat (82,764.5)".
    assert allocation["last_seat"]["party"] == "Amanat"
    assert allocation["last_seat"]["value"] == pytest.approx(3_431_510 / 41)
    assert allocation["next_in_line"]["party"] == "Nationwide Social Democratic Party"
    assert allocation["next_in_line"]["value"] == pytest.approx(331_058 / 4)
    assert allocation["divisors"][:4] == [1, 2, 3, 4]


def test_methods_side_by_side_say_what_changed():
    result = invoke("seats", str(KZ2023), "--method", "hare,dhondt", env={"COLUMNS": "120"})
    assert result.code == 0, result.stderr
    assert (
        "D'Hondt instead of Hare: Amanat 41 (+1), Nationwide Social Democratic Party 3 (−1)"
        in result.stdout
    )
    election = seats_json(str(KZ2023), "--method", "Hare, D'Hondt")["elections"][0]
    hare, dhondt = election["allocations"]
    assert election["methods"] == ["hare", "dhondt"]
    assert all(p["seats_change"] is None for p in hare["parties"])
    changes = {p["party"]: p["seats_change"] for p in dhondt["parties"] if p["seats_change"]}
    assert changes == {"Amanat": 1, "Nationwide Social Democratic Party": -1}


def test_reference_other_methods():
    """§3.2: Sainte-Laguë happens to equal Hare in both; Droop matches 2023 but not 2021."""
    both = "sainte-lague,droop"
    s2023, d2023 = seats_json(str(KZ2023), "-m", both)["elections"][0]["allocations"]
    s2021, d2021 = seats_json(str(KZ2021), "-m", both)["elections"][0]["allocations"]
    assert lists(s2023) == lists(d2023) == PUBLISHED_2023
    assert lists(s2021) == PUBLISHED_2021
    assert lists(d2021) == DROOP_2021


def test_quota_on_all_votes_would_leave_more_seats_than_lists():
    """§3.1: a quota over all valid votes leaves 8 seats (2023) unassigned by whole quotas — more than
    the 6 qualifying lists; over the qualifying lists' votes, 2 (what pollcli does)."""
    qualifying = [3431510, 693938, 547154, 535139, 432920, 331058]
    all_votes = 6_366_441
    assert 69 - sum(v * 69 // all_votes for v in qualifying) == 8
    result = apportion.apportion(qualifying, 69, "hare")
    assert 69 - sum(result.whole_quotas or ()) == 2


# --- indices, against pandas --------------------------------------------------------------------


def test_indices_recomputed_with_pandas_from_the_csv_and_the_published_seats():
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(KZ2023, comment="#")
    frame["seats"] = frame["candidate"].map(PUBLISHED_2023).fillna(0)
    vote_pct = frame["votes"] / frame["votes"].sum() * 100
    seat_pct = frame["seats"] / frame["seats"].sum() * 100
    gallagher = math.sqrt(((vote_pct - seat_pct) ** 2).sum() / 2)
    loosemore_hanby = (vote_pct - seat_pct).abs().sum() / 2
    parties = frame[frame["kind"] == "candidate"]
    enp_votes = 1 / ((parties["votes"] / parties["votes"].sum()) ** 2).sum()
    enp_seats = 1 / ((frame["seats"] / 69) ** 2).sum()

    allocation = seats_json(str(KZ2023))["elections"][0]["allocations"][0]
    assert allocation["gallagher"] == pytest.approx(gallagher, rel=1e-12)
    assert allocation["loosemore_hanby"] == pytest.approx(loosemore_hanby, rel=1e-12)
    assert allocation["effective_parties_votes"] == pytest.approx(enp_votes, rel=1e-12)
    assert allocation["effective_parties_seats"] == pytest.approx(enp_seats, rel=1e-12)
    # Votes that elected no one: Baytaq (below 5 %) and "Against all".
    assert allocation["votes_without_seat"] == 146_431 + 248_291


def test_table_shows_votes_share_seats_seat_share_and_difference():
    out = invoke("seats", str(KZ2023), env={"COLUMNS": "100"}).stdout
    amanat = next(line for line in out.splitlines() if line.split()[1:2] == ["Amanat"])
    # 40 / 69 = 57.97 %, on 53.90 % of the vote: +4.07 points.
    assert "3,431,510" in amanat and "53.90 %" in amanat and "57.97 %" in amanat
    assert "+4.07" in amanat and "LAST SEAT" in amanat
    assert "BELOW 5 %" in next(line for line in out.splitlines() if "Baytaq" in line)


# --- the threshold gate -------------------------------------------------------------------------

GATE = """# system: list
# seats: 20
# method: hare
# list_threshold: 5
# ballots_cast: 1100
candidate,kind,votes
A,candidate,480
B,candidate,470
C,candidate,50
Against all,against_all,40
"""


@pytest.mark.parametrize(
    ("base", "c_qualifies"),
    [
        ("valid", False),  # 50 of 1,040 = 4.81 %
        ("parties", True),  # 50 of 1,000 = 5.00 %: at the threshold is in
        ("cast", False),  # 50 of 1,100 = 4.55 %
    ],
)
def test_threshold_base(tmp_path, base, c_qualifies):
    path = write(tmp_path, GATE)
    allocation = seats_json(str(path), "--threshold-base", base)["elections"][0]["allocations"][0]
    c = next(p for p in allocation["parties"] if p["party"] == "C")
    assert c["qualified"] is c_qualifies
    assert (c["seats"] > 0) is c_qualifies
    threshold = seats_json(str(path), "--threshold-base", base)["elections"][0]["threshold"]
    assert threshold["base_votes"] == {"valid": 1040, "parties": 1000, "cast": 1100}[base]


def test_flags_override_the_file(tmp_path):
    path = write(tmp_path, GATE)
    election = seats_json(str(path), "--seats", "20", "-m", "hare", "--list-threshold", "0")[
        "elections"
    ][0]
    assert election["seats"] == 20 and election["methods"] == ["hare"]
    assert election["threshold"] is None
    assert sum(lists(election["allocations"][0]).values()) == 20


def test_cast_base_needs_ballots_cast(tmp_path):
    path = write(tmp_path, GATE.replace("# ballots_cast: 1100\n", ""))
    result = invoke("seats", str(path), "--threshold-base", "cast")
    assert result.code == 2
    assert "threshold base 'cast' needs ballots cast" in result.stderr


def test_non_candidate_options_never_get_seats_however_many_votes():
    options = [
        Option(candidate="Against all", kind="against_all", votes=6000, line=2),
        Option(candidate="Others", kind="other", votes=3000, line=3),
        Option(candidate="A", votes=600, line=4),
        Option(candidate="B", votes=400, line=5),
        Option(candidate="Invalid", kind="invalid", votes=9000, line=6),
    ]
    election = Election(
        facts=Facts(election="e", system="list", seats=10, method="hare"),
        source_file="x.csv",
        options=options,
    )
    allocation = allocate(election).elections[0].allocations[0]
    seats = {p.party: p.seats for p in allocation.parties}
    assert seats == {"A": 6, "B": 4, "Against all": 0, "Others": 0}  # invalid ballots not listed
    assert allocation.votes_without_seat == 9000
    assert allocation.valid_votes == 10_000


def test_only_one_list_over_the_threshold_is_warned_about(tmp_path):
    path = write(
        tmp_path,
        "# system: list\n# seats: 5\n# list_threshold: 30\ncandidate,votes\nA,70\nB,20\nC,10\n",
    )
    result = invoke("seats", str(path))
    assert result.code == 0
    assert "only A reached the legal threshold" in result.stderr


# --- ties ---------------------------------------------------------------------------------------

TIE = "# system: list\n# seats: 3\n# method: {method}\ncandidate,votes\nFirst,200\nSecond,100\nThird,100\n"


@pytest.mark.parametrize(
    "text",
    [
        # D'Hondt: quotients 200, 100 (First's 2nd), 100 (Second), 100 (Third) for 3 seats.
        TIE.format(method="dhondt"),
        # Hare: three lists of 100 for 2 seats, no whole quota: equal remainders of 2/3.
        TIE.format(method="hare").replace("seats: 3", "seats: 2").replace("First,200", "First,100"),
    ],
)
def test_a_tie_goes_to_the_earlier_list_and_is_reported(tmp_path, text):
    path = write(tmp_path, text)
    election = seats_json(str(path))["elections"][0]
    allocation = election["allocations"][0]
    assert allocation["ties"], "a tie must be reported"
    tie = allocation["ties"][0]
    assert tie["rule"] == "earlier" and tie["seed"] is None
    assert tie["winners"] == sorted(tie["winners"], key=["First", "Second", "Third"].index)
    text = invoke("seats", str(path)).stdout
    assert "Tie:" in text and "as earlier in the file (--tie earlier)" in text


def test_dhondt_tie_earlier_list_wins(tmp_path):
    path = write(tmp_path, TIE.format(method="dhondt"))
    allocation = seats_json(str(path))["elections"][0]["allocations"][0]
    assert lists(allocation) == {"First": 2, "Second": 1, "Third": 0}
    tie = allocation["ties"][0]
    assert tie["contenders"] == ["First", "Second", "Third"]
    assert tie["winners"] == ["First", "Second"] and tie["seats"] == 2
    assert tie["value"] == 100


def test_lot_is_seeded_reproducible_and_both_outcomes_happen(tmp_path):
    path = write(tmp_path, TIE.format(method="dhondt"))
    winners = set()
    for seed in range(12):
        first = seats_json(str(path), "--tie", "lot", "--seed", str(seed))
        again = seats_json(str(path), "--tie", "lot", "--seed", str(seed))
        assert first == again
        tie = first["elections"][0]["allocations"][0]["ties"][0]
        assert tie["rule"] == "lot" and tie["seed"] == seed
        winners.add(tuple(tie["winners"]))
    assert len(winners) > 1


def test_no_tie_is_said_too():
    text = invoke("seats", str(KZ2023)).stdout
    assert "No tie decided a seat" in text


def test_seed_without_lot_is_a_usage_error():
    result = invoke("seats", str(KZ2023), "--seed", "3")
    assert result.code == 2 and "--tie lot" in result.stderr


# --- paradoxes and properties -------------------------------------------------------------------


def test_alabama_paradox_hare_loses_a_seat_when_the_house_grows():
    """The textbook case (6, 6, 2 million): with 10 seats C has 2, with 11 only 1 — largest remainder
    does what the method says, paradox included."""
    assert apportion.apportion([6, 6, 2], 10, "hare").seats == (4, 4, 2)
    assert apportion.apportion([6, 6, 2], 11, "hare").seats == (5, 5, 1)


@settings(max_examples=150, deadline=None)
@given(
    votes=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    seats=st.integers(min_value=1, max_value=80),
    method=st.sampled_from(apportion.DIVISOR_METHODS),
)
def test_divisor_methods_never_show_the_alabama_paradox(votes, seats, method):
    before = apportion.apportion(votes, seats, method)
    after = apportion.apportion(votes, seats + 1, method)
    assume(before.tie is None and after.tie is None)
    assert all(b <= a for b, a in zip(before.seats, after.seats, strict=True))


@settings(max_examples=150, deadline=None)
@given(
    votes=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    seats=st.integers(min_value=1, max_value=150),
)
def test_hare_stays_within_quota(votes, seats):
    result = apportion.apportion(votes, seats, "hare")
    total = sum(votes)
    for v, s in zip(votes, result.seats, strict=True):
        exact = Fraction(v * seats, total)
        assert math.floor(exact) <= s <= math.ceil(exact)
    assert sum(result.seats) == seats


@settings(max_examples=100, deadline=None)
@given(
    votes=st.lists(st.integers(min_value=1, max_value=10**7), min_size=2, max_size=8),
    seats=st.integers(min_value=1, max_value=60),
    method=st.sampled_from(("hare", "droop", *apportion.DIVISOR_METHODS)),
)
def test_seats_sum_and_the_last_seat_beats_the_next_in_line(votes, seats, method):
    if method == "droop":
        assume(sum(votes) >= seats * (seats + 1))
    result = apportion.apportion(votes, seats, method)
    assert sum(result.seats) == seats
    if result.last_value is not None and result.next_value is not None:
        assert result.last_value >= result.next_value
        assert (result.tie is not None) == (result.last_value == result.next_value)


def test_fewest_finds_the_threshold_of_a_monotone_predicate():
    calls = []

    def wins(x: int) -> bool:
        calls.append(x)
        return x >= 1234

    assert apportion.fewest(wins, 1234) == 1234 and len(calls) == 2  # a right guess: two calls
    assert apportion.fewest(lambda x: x >= 1234, 1) == 1234
    assert apportion.fewest(lambda x: x >= 1234, 10**6) == 1234
    assert apportion.fewest(lambda x: False, 1, limit=2**20) is None


def test_votes_for_next_seat_holds_others_fixed_and_counts_the_threshold():
    """Respublica (§3.2, next in line for seat 69) needs x more votes with Hare over
    (5,971,719 + x) / 69: the smallest x whose remainder beats Amanat's, checked by hand arithmetic."""
    allocation = seats_json(str(KZ2023))["elections"][0]["allocations"][0]
    respublica = next(p for p in allocation["parties"] if p["party"] == "Respublica")
    x = respublica["votes_for_next_seat"]
    assert (
        apportion.apportion(
            [3431510, 693938, 547154 + x, 535139, 432920, 331058], 69, "hare", [0, 1, 5, 2, 3, 4]
        ).seats[2]
        == 7
    )
    assert (
        apportion.apportion(
            [3431510, 693938, 547154 + x - 1, 535139, 432920, 331058],
            69,
            "hare",
            [0, 1, 5, 2, 3, 4],
        ).seats[2]
        == 6
    )
    baytaq = next(p for p in allocation["parties"] if p["party"] == "Baytaq Green Party")
    # Passing 5 % of valid votes alone needs (0.05·6,366,441 − 146,431) / 0.95 = 180,938 more.
    assert baytaq["votes_for_next_seat"] >= math.ceil((0.05 * 6_366_441 - 146_431) / 0.95)
    assert allocation["next_in_line"]["votes_short"] == x


# --- districts and single-member races -------------------------------------------------------------


def test_districts_are_allocated_each_with_its_own_threshold_and_added_up():
    election = seats_json(str(SEATS / "districts.csv"))["elections"][0]
    assert election["layout"] == "districts" and election["seats"] == 9
    by_district = {d["district"]: lists(d["allocations"][0]) for d in election["districts"]}
    # North, 5 seats, D'Hondt: Red 5000, 2500, 1666; Blue 3000, 1500; Green 1500 ties Blue's 2nd.
    assert by_district["North"] == {"Red List": 3, "Blue List": 2, "Green List": 0, "Tiny List": 0}
    assert by_district["South"] == {"Red List": 1, "Blue List": 2, "Green List": 0, "Tiny List": 0}
    assert by_district["East"] == {"Red List": 1, "Blue List": 0, "Green List": 0, "Tiny List": 0}
    assert lists(election["allocations"][0]) == {
        "Red List": 5,
        "Blue List": 4,
        "Green List": 0,
        "Tiny List": 0,
    }
    north = election["districts"][0]
    assert north["threshold"]["base_votes"] == 10_000
    # Tiny List has 2 % in North: below the 3 % threshold there.
    tiny = next(p for p in north["allocations"][0]["parties"] if p["party"] == "Tiny List")
    assert tiny["qualified"] is False
    assert north["allocations"][0]["ties"][0]["contenders"] == ["Blue List", "Green List"]
    summed = election["allocations"][0]
    assert summed["ties"][0]["district"] == "North"


def test_seats_file_sets_the_districts_seats(tmp_path):
    seats_file = write(tmp_path, "district,seats\nnorth,2\nSouth,2\nEast,2\n", "seats.csv")
    election = seats_json(str(SEATS / "districts.csv"), "--seats-file", str(seats_file))[
        "elections"
    ][0]
    assert [d["seats"] for d in election["districts"]] == [2, 2, 2]
    assert election["seats"] == 6


def test_seats_file_per_region_of_one_election(tmp_path):
    text = (
        "# system: list\n# method: dhondt\n"
        "region,candidate,votes\nAlpha,A,600\nAlpha,B,400\nBeta,A,100\nBeta,B,900\n"
    )
    path = write(tmp_path, text)
    seats_file = write(tmp_path, "# regions\nregion,seats\nAlpha,5\nBeta,4\n", "seats.csv")
    election = seats_json(str(path), "--seats-file", str(seats_file))["elections"][0]
    assert election["layout"] == "districts"
    assert {d["district"]: lists(d["allocations"][0]) for d in election["districts"]} == {
        "Alpha": {"A": 3, "B": 2},
        "Beta": {"A": 0, "B": 4},
    }
    assert lists(election["allocations"][0]) == {"A": 3, "B": 6}


def test_seats_file_errors(tmp_path):
    seats_file = write(tmp_path, "district,seats\nNorth,2\n", "seats.csv")
    text = "# system: list\nregion,candidate,votes\nNorth,A,1\nSouth,A,1\n"
    path = write(tmp_path, text)
    result = invoke("seats", str(path), "--seats-file", str(seats_file))
    assert result.code == 2 and "no seats for region 'South'" in result.stderr
    bad = write(tmp_path, "district,seats\nNorth,two\n", "bad.csv")
    result = invoke("seats", str(path), "--seats-file", str(bad))
    assert result.code == 2 and "bad.csv:2" in result.stderr
    extra = write(tmp_path, "district,seats\nNorth,2\nSouth,2\nWest,3\n", "extra.csv")
    result = invoke("seats", str(path), "--seats-file", str(extra))
    assert result.code == 0 and "no district in the inputs is named 'West'" in result.stderr


def test_single_member_races_give_seats_won_per_party():
    election = seats_json(str(SEATS / "races.csv"))["elections"][0]
    assert election["layout"] == "single_member" and election["seats"] == 5
    allocation = election["allocations"][0]
    assert allocation["method"] == "single-member"
    # Avon Red, Brook Blue, Cliff tie Red/Blue → Red (earlier), Dell Red, Esk the independent.
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {
        "Red": 3,
        "Blue": 1,
        "Green": 0,
        "Oli Owen": 1,
        "Ivy Irving": 0,
    }
    assert allocation["ties"][0]["district"] == "Cliff"
    votes = {p["party"]: p["votes"] for p in allocation["parties"]}
    assert votes["Red"] == 4200 + 3000 + 2500 + 5100 + 1000
    blue = next(p for p in allocation["parties"] if p["party"] == "Blue")
    assert blue["votes_for_next_seat"] == 1  # one more vote in Cliff wins it outright
    assert allocation["gallagher"] is not None


def test_majority_races_without_a_majority_are_left_to_a_runoff(tmp_path):
    text = (SEATS / "races.csv").read_text(encoding="utf-8").replace("plurality", "majority")
    path = write(tmp_path, text)
    allocation = seats_json(str(path))["elections"][0]["allocations"][0]
    # Only Dell (5,100 of 9,300) has a winner above half.
    assert allocation["undecided"] == 4
    assert {p["party"]: p["seats"] for p in allocation["parties"]}["Red"] == 1


def test_a_race_where_others_lead_every_candidate_gives_no_seat(tmp_path):
    # Brook's write-ins (kind other, counted together) 3,500 beat Eve Evans's 3,300: the winner may
    # be among them (the Speaker's seat in a table of party columns), so no party gets Brook.
    text = (SEATS / "races.csv").read_text(encoding="utf-8") + "Brook,Write-ins,,3500\n"
    allocation = seats_json(str(write(tmp_path, text)))["elections"][0]["allocations"][0]
    assert allocation["undecided"] == 1
    # By hand: Avon Red, Cliff Red (tie, earlier), Dell Red, Esk Oli Owen; Brook none.
    assert {p["party"]: p["seats"] for p in allocation["parties"]}["Blue"] == 0
    assert {p["party"]: p["seats"] for p in allocation["parties"]}["Red"] == 3


def test_seats_flag_with_districts_is_a_usage_error():
    result = invoke("seats", str(SEATS / "districts.csv"), "--seats", "9")
    assert result.code == 2 and "--seats-file" in result.stderr


# --- errors -------------------------------------------------------------------------------------


def test_a_list_vote_without_seats_asks_for_them(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,10\nB,5\n")
    result = invoke("seats", str(path))
    assert result.code == 2
    assert "how many seats? Give --seats N" in result.stderr


def test_shares_without_votes_are_a_data_error(tmp_path):
    path = write(tmp_path, "# seats: 10\ncandidate,share\nA,60\nB,40\n")
    result = invoke("seats", str(path))
    assert result.code == 1
    assert f"{path}:3:" in result.stderr and "seats are allocated from votes" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--method", "plurality"], "method 'plurality' is not one of"),
        (["--threshold-base", "everyone"], "--threshold-base 'everyone' is not one of"),
        (["--list-threshold", "120"], "--list-threshold"),
        (["--seats", "0"], "--seats"),
    ],
)
def test_bad_flags_are_usage_errors(args, message):
    result = invoke("seats", str(KZ2023), *args)
    assert result.code == 2 and message in result.stderr


def test_library_arguments_are_checked():
    elections = load(str(KZ2023))
    with pytest.raises(UsageError, match="tie rule"):
        allocate(elections, tie="coin")
    with pytest.raises(UsageError, match="list threshold"):
        allocate(elections, list_threshold=-1)
    with pytest.raises(UsageError, match="seats"):
        allocate(elections, seats=0)
    with pytest.raises(DataError):
        allocate(
            Election(
                facts=Facts(election="e", seats=3),
                source_file="x.csv",
                options=[Option(candidate="A", share=50.0, line=2)],
            )
        )


# --- formats ------------------------------------------------------------------------------------


def test_csv_has_a_row_per_party_per_method():
    result = invoke("seats", str(KZ2023), "-m", "hare,dhondt", "--format", "csv")
    rows = result.stdout.splitlines()
    assert rows[0].startswith("election,district,method,party,kind,votes,share,qualified,seats")
    assert len(rows) == 1 + 2 * 8
    assert any(",dhondt,Amanat,candidate,3431510," in r and ",41," in r for r in rows)


def test_markdown_has_the_table_and_findings():
    out = invoke("seats", str(KZ2023), "--format", "markdown").stdout
    assert "| Amanat | 3,431,510 | 53.90 % | 40 | 57.97 % | +4.07 | LAST SEAT |" in out
    assert "**Findings**" in out and "- The last seat went to Amanat" in out


def test_json_carries_what_a_chart_needs(tmp_path):
    text = "# system: list\n# seats: 10\ncandidate,votes,colour\nA,600,#ff0000\nB,400,#0000ff\n"
    path = write(tmp_path, text)
    party = seats_json(str(path))["elections"][0]["allocations"][0]["parties"][0]
    assert {"party", "votes", "seats", "colour"} <= set(party)
    assert party["colour"] == "#ff0000"


def test_python_api_and_dataframe():
    pytest.importorskip("pandas")
    report = allocate(load(str(KZ2023)), methods=["hare", "dhondt"])
    frame = report.to_dataframe()
    assert len(frame) == 16
    assert frame.loc[(frame.method == "dhondt") & (frame.party == "Amanat"), "seats"].item() == 41


def test_docs_seats_sample_is_current_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    page = (ROOT / "docs" / "seats.md").read_text(encoding="utf-8")
    start = page.index("```text\n", page.index("## The example")) + len("```text\n")
    sample = page[start : page.index("```", start)].rstrip("\n")
    output = invoke("seats", "data/kz_2023_mazhilis.csv", env={"COLUMNS": "100"}).stdout
    actual = "\n".join(line.rstrip() for line in output.rstrip().splitlines())
    assert sample == actual, (
        "docs/seats.md sample is stale: paste `COLUMNS=100 pollcli seats data/kz_2023_mazhilis.csv`"
    )


def test_readme_seats_sample_is_current_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ pollcli seats data/kz_2023_mazhilis.csv --method hare,dhondt\n")
    sample = readme[start : readme.index("…", start)].splitlines()[1:]
    output = invoke(
        "seats", "data/kz_2023_mazhilis.csv", "--method", "hare,dhondt", env={"COLUMNS": "100"}
    ).stdout
    actual = [line.rstrip() for line in output.splitlines()]
    assert sample == actual[: len(sample)]


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "hostile").glob("*.csv")), ids=str)
def test_seats_never_crashes_on_the_hostile_corpus(path):
    result = invoke("seats", str(path), "--seats", "10")
    assert result.code in (0, 1, 2), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@settings(max_examples=200, deadline=None)
@given(
    votes=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=10),
    kinds=st.lists(
        st.sampled_from(["candidate", "candidate", "against_all", "other"]), min_size=10
    ),
    seats=st.integers(min_value=1, max_value=400),
    pct=st.sampled_from([None, 0.0, 0.5, 3.0, 5.0, 50.0, 100.0]),
    base=st.sampled_from(["valid", "parties"]),
    method=st.sampled_from(("hare", "droop", *apportion.DIVISOR_METHODS)),
    tie=st.sampled_from(["earlier", "lot"]),
)
def test_any_vote_vector_gives_whole_seats_or_none(votes, kinds, seats, pct, base, method, tie):
    options = [
        Option(candidate=f"O{i}", kind=kinds[i], votes=v, line=i + 2) for i, v in enumerate(votes)
    ]
    facts = Facts(
        election="e",
        system="list",
        seats=seats,
        method=method,
        list_threshold=pct,
        threshold_base=base,
    )
    report = allocate(Election(facts=facts, source_file="x.csv", options=options), tie=tie)
    allocation = report.elections[0].allocations[0]
    awarded = [p.seats for p in allocation.parties]
    assert sum(awarded) in (0, seats)
    assert all(p.seats == 0 for p in allocation.parties if p.kind != "candidate")
    assert all(p.seats == 0 or p.qualified for p in allocation.parties)
    assert json.loads(report.to_json())["command"] == "seats"


def test_summary_tells_the_display_threshold_from_the_legal_one():
    # The 2023 Mazhilis file's legal threshold is 5 %; summary's display threshold stays 3 %.
    result = invoke("summary", str(DATA / "kz_2023_mazhilis.csv"), "--format", "json")
    data = json.loads(result.stdout)
    notes = " ".join(data["elections"][0]["notes"])
    assert "Below the 3 % threshold (--threshold; the legal threshold for seats is 5 %)" in notes
    same = invoke("summary", str(DATA / "kz_2023_mazhilis.csv"), "-t", "5", "--format", "json")
    assert "legal threshold" not in " ".join(json.loads(same.stdout)["elections"][0]["notes"])
