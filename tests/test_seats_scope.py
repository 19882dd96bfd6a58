"""`seats --threshold-scope national|district` and `--threshold-exempt`: a legal threshold taken over
the country's votes in a file of districts (Poland's Sejm), with lists it does not apply to.

Oracles: the official result of the 2019 Sejm election (PKW; the trial's file, read in place) and a
D'Hondt written here on the trial's figures; hand-checked Hare seats for the small file; votelib
(an independent implementation) for the property that a national threshold is each district's
allocation among the lists whose national share clears the bar.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli import allocate
from pollcli.election import Election, Facts, Option
from pollcli.errors import UsageError

TRIAL = Path("/tmp/trial6/world/f")
PL_FILE = TRIAL / "pl_sejm2019_okregi_fixed.csv"
PL_SEATS = TRIAL / "pl_seats.csv"
PL_PARTIES = ["KO", "KWAZEiR", "Konfederacja", "PSL", "Prawica", "PiS", "Skuteczni", "Lewica"]
PL_PARTIES += ["Bezpartyjni", "MN"]
# The official Sejm seats of 13 Oct 2019 (PKW): 5 % nationwide, the German minority (MN) exempt.
PL_OFFICIAL = {"PiS": 235, "KO": 134, "Lewica": 49, "PSL": 30, "Konfederacja": 11, "MN": 1}
# The 5 % taken in each district instead (Warsaw, district 19, shuts PSL out; trial 6).
PL_PER_DISTRICT = {"PiS": 235, "KO": 134, "Lewica": 50, "PSL": 29, "Konfederacja": 11, "MN": 1}

# Two districts of ten seats, Hare, a 10 % threshold. C has 9 % in North, 24.5 % of the country.
# North, C in (quota 100): A 4 r .60, B 4 r .50, C 0 r .90 → A 5, B 4, C 1.
# North, C out (quota 91): A 5 r .055, B 4 r .945 → A 5, B 5.   South (quota 100): A 3, B 3, C 4.
SMALL = """# method: hare
# list_threshold: 10
# system: list
election,seats,party,votes
North,10,A,460
North,10,B,450
North,10,C,90
South,10,A,300
South,10,B,300
South,10,C,400
"""


def seats_json(*args: str) -> dict:
    result = invoke("seats", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0]


def won(allocation: dict) -> dict[str, int]:
    return {p["party"]: p["seats"] for p in allocation["parties"] if p["seats"]}


# --- Poland's Sejm, 2019 ------------------------------------------------------------------------


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    """Highest quotients v / 1, v / 2, …; exact, ties are asserted away (there are none)."""
    quotients = sorted(
        ((Fraction(v, k), name) for name, v in votes.items() if v for k in range(1, seats + 1)),
        reverse=True,
    )
    assert quotients[seats - 1][0] != quotients[seats][0], "a tie the oracle does not settle"
    found: dict[str, int] = {}
    for _, name in quotients[:seats]:
        found[name] = found.get(name, 0) + 1
    return found


def polish_oracle() -> tuple[dict[str, int], dict[str, int]]:
    """(national with MN exempt, per district) seats, from the file's figures with pandas."""
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(PL_FILE, sep=";")
    frame[PL_PARTIES] = frame[PL_PARTIES].fillna(0).astype(int)
    magnitude = pd.read_csv(PL_SEATS).set_index("district")["seats"]
    valid = "Liczba głosów ważnych"
    national = frame[PL_PARTIES].sum()
    passing = {p for p in PL_PARTIES if national[p] * 20 >= frame[valid].sum() or p == "MN"}
    totals: tuple[dict[str, int], dict[str, int]] = ({}, {})
    for _, row in frame.iterrows():
        seats = int(magnitude[row["Nazwa"]])
        local = {p for p in PL_PARTIES if row[p] * 20 >= row[valid]}
        for total, kept in zip(totals, (passing, local), strict=True):
            for name, n in dhondt({p: int(row[p]) for p in kept}, seats).items():
                total[name] = total.get(name, 0) + n
    return totals


@pytest.fixture
def poland() -> list[str]:
    if not PL_FILE.exists() or not PL_SEATS.exists():
        pytest.skip("the trial's Polish files are not on this machine")
    return [str(PL_FILE), "--seats-file", str(PL_SEATS), "--method", "dhondt"]


def test_the_oracle_reproduces_the_official_sejm_seats(poland):
    national, per_district = polish_oracle()
    assert national == PL_OFFICIAL
    assert per_district == PL_PER_DISTRICT


def test_poland_national_threshold_with_the_minority_exempt_gives_the_official_seats(poland):
    election = seats_json(
        *poland,
        "--list-threshold",
        "5",
        "--threshold-scope",
        "national",
        "--threshold-exempt",
        "mn",
    )
    assert won(election["allocations"][0]) == PL_OFFICIAL
    threshold = election["threshold"]
    # 5 % of the 18,470,710 valid votes of the 41 districts: 923,535.5, so 923,536 pass.
    assert threshold == {
        "pct": 5.0,
        "base": "valid",
        "base_votes": 18_470_710,
        "votes": 923_536,
        "scope": "national",
        "exempt": ["MN"],  # as the file writes it
    }
    warsaw = election["districts"][18]
    assert warsaw["threshold"]["scope"] == "national"
    psl = next(p for p in warsaw["allocations"][0]["parties"] if p["party"] == "PSL")
    assert psl["qualified"] is True and psl["seats"] == 1


def test_poland_national_threshold_without_the_exemption_shuts_the_minority_out(poland):
    election = seats_json(*poland, "--list-threshold", "5", "--threshold-scope", "national")
    seats = won(election["allocations"][0])
    assert "MN" not in seats
    # MN's Opole seat goes to the next quotient there; the other lists are the official ones.
    assert sum(seats.values()) == 460
    assert {k: v for k, v in seats.items() if k not in ("PiS",)} == {
        k: v for k, v in PL_OFFICIAL.items() if k not in ("PiS", "MN")
    }


def test_poland_per_district_default_says_what_the_national_threshold_would_change(poland):
    election = seats_json(*poland, "--list-threshold", "5")
    assert won(election["allocations"][0]) == PL_PER_DISTRICT
    assert election["threshold"]["scope"] == "district"
    note = next(n for n in election["notes"] if "--threshold-scope national" in n)
    assert "PSL clears it nationally (8.55 %) but not in" in note
    assert "Okręg Wyborczy Nr 19" in note
    assert "MN clears it in Okręg Wyborczy Nr 21 but not nationally (0.17 %)" in note
    assert "Lewica 49 (−1)" in note and "PSL 30 (+1)" in note
    assert "--threshold-exempt" in note


def test_poland_table_header_says_nationally_and_who_is_exempt(poland):
    result = invoke(
        "seats",
        *poland,
        "--list-threshold",
        "5",
        "--threshold-scope",
        "national",
        "--threshold-exempt",
        "MN",
        "--format",
        "markdown",
    )
    assert result.code == 0, result.stderr
    assert "threshold 5 % of valid votes nationally (MN exempt)" in result.stdout


# --- a small file, hand-checked -----------------------------------------------------------------


def test_small_file_national_scope_lets_in_a_list_under_the_bar_in_one_district(tmp_path):
    path = write(tmp_path, SMALL)
    default = seats_json(str(path))
    assert won(default["allocations"][0]) == {"A": 8, "B": 8, "C": 4}
    national = seats_json(str(path), "--threshold-scope", "national")
    assert won(national["allocations"][0]) == {"A": 8, "B": 7, "C": 5}
    assert {d["district"]: won(d["allocations"][0]) for d in national["districts"]} == {
        "North": {"A": 5, "B": 4, "C": 1},
        "South": {"A": 3, "B": 3, "C": 4},
    }
    # 10 % of the 2,000 votes of both districts.
    assert (national["threshold"]["base_votes"], national["threshold"]["votes"]) == (2000, 200)
    note = next(n for n in default["notes"] if "--threshold-scope" in n)
    assert "C clears it nationally (24.50 %) but not in North" in note
    assert "with it, A 8 (+0)" not in note  # only the lists whose seats change
    assert "B 7 (−1), C 5 (+1)" in note


def test_the_scope_fact_in_the_front_matter_is_read_and_silences_the_note(tmp_path):
    path = write(tmp_path, "# threshold_scope: national\n" + SMALL)
    election = seats_json(str(path))
    assert won(election["allocations"][0]) == {"A": 8, "B": 7, "C": 5}
    assert not any("--threshold-scope" in n for n in election["notes"])
    # The flag wins over the file, and an explicit per-district scope says nothing either.
    district = seats_json(str(path), "--threshold-scope", "district")
    assert won(district["allocations"][0]) == {"A": 8, "B": 8, "C": 4}
    assert not any("--threshold-scope" in n for n in district["notes"])


def test_no_note_where_both_scopes_agree_on_every_list(tmp_path):
    path = write(tmp_path, SMALL.replace("North,10,C,90", "North,10,C,190"))
    election = seats_json(str(path))
    assert not any("--threshold-scope" in n for n in election["notes"])


def test_an_exempt_list_takes_part_in_every_district_whatever_its_share(tmp_path):
    text = SMALL + "North,10,D,40\nSouth,10,D,60\n"
    path = write(tmp_path, text)
    # D: 100 of 2,100 votes (4.8 %), 4 % in North, 5.7 % in South; exempt, it qualifies in both.
    election = seats_json(str(path), "--threshold-scope", "national", "--threshold-exempt", "D")
    for district in election["districts"]:
        d = next(p for p in district["allocations"][0]["parties"] if p["party"] == "D")
        assert d["qualified"] is True
    # Without it, D is out everywhere.
    out = seats_json(str(path), "--threshold-scope", "national")
    assert not any(
        p["qualified"]
        for district in out["districts"]
        for p in district["allocations"][0]["parties"]
        if p["party"] == "D"
    )


def test_an_exempt_name_that_is_no_list_is_a_usage_error(tmp_path):
    path = write(tmp_path, SMALL)
    result = invoke("seats", str(path), "--threshold-exempt", "Minority")
    assert result.code == 2
    assert "--threshold-exempt 'Minority': no list of the inputs is named so" in result.stderr
    assert "A, B, C" in result.stderr


def test_a_bad_scope_is_a_usage_error(tmp_path):
    path = write(tmp_path, SMALL)
    result = invoke("seats", str(path), "--threshold-scope", "regional")
    assert result.code == 2
    with pytest.raises(UsageError, match="threshold scope 'regional'"):
        allocate([], threshold_scope="regional")


def test_exempt_without_a_threshold_warns_that_it_changes_nothing(tmp_path):
    path = write(tmp_path, SMALL.replace("# list_threshold: 10\n", ""))
    result = invoke("seats", str(path), "--threshold-exempt", "C")
    assert result.code == 0
    assert "--threshold-exempt changes nothing: no legal threshold applies" in result.stderr


def test_one_election_is_unchanged_by_the_scope(tmp_path):
    text = "# seats: 10\n# method: hare\n# list_threshold: 10\nparty,votes\nA,460\nB,450\nC,90\n"
    path = write(tmp_path, text)
    for scope in ("district", "national"):
        election = seats_json(str(path), "--threshold-scope", scope)
        assert won(election["allocations"][0]) == {"A": 5, "B": 5}
        assert election["threshold"]["scope"] == "national"


# --- the property -------------------------------------------------------------------------------


def _districts(votes: list[list[int]], seats: list[int], pct: int, method: str) -> list[Election]:
    return [
        Election(
            facts=Facts(
                election=f"D{d}", system="list", seats=seats[d], method=method, list_threshold=pct
            ),
            source_file="districts.csv",
            options=[
                Option(candidate=f"L{i}", votes=v, line=2 + d * 10 + i) for i, v in enumerate(row)
            ],
        )
        for d, row in enumerate(votes)
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    lists=st.integers(min_value=2, max_value=5),
    districts=st.integers(min_value=2, max_value=4),
    pct=st.integers(min_value=1, max_value=25),
    method=st.sampled_from(("dhondt", "sainte-lague", "hare")),
)
def test_national_scope_is_each_district_among_the_lists_clearing_the_national_bar(
    data, lists, districts, pct, method
):
    votelib = pytest.importorskip("votelib.evaluate.proportional")
    evaluator = {
        "dhondt": lambda: votelib.HighestAverages("d_hondt"),
        "sainte-lague": lambda: votelib.HighestAverages("sainte_lague"),
        "hare": lambda: votelib.LargestRemainder("hare"),
    }[method]
    votes = [
        data.draw(st.lists(st.integers(0, 5000), min_size=lists, max_size=lists))
        for _ in range(districts)
    ]
    seats = data.draw(st.lists(st.integers(2, 9), min_size=districts, max_size=districts))
    assume(all(sum(row) for row in votes))
    total = sum(map(sum, votes))
    national = [sum(row[i] for row in votes) for i in range(lists)]
    passing = [i for i in range(lists) if national[i] * 100 >= pct * total and national[i]]
    expected: list[dict[str, int]] = []
    for d, row in enumerate(votes):
        kept = {f"L{i}": row[i] for i in passing if row[i]}
        result = evaluator().evaluate(kept, seats[d]) if kept else {}
        assume(all(isinstance(k, str) for k in result))  # votelib leaves ties unresolved
        expected.append({k: v for k, v in result.items() if v})
    report = allocate(_districts(votes, seats, pct, method), threshold_scope="national")
    election = report.elections[0]
    assert election.districts is not None
    got = [
        {p.party: p.seats for p in district.allocations[0].parties if p.seats}
        for district in election.districts
    ]
    assert got == expected
    for district in election.districts:
        qualified = {p.party for p in district.allocations[0].parties if p.qualified}
        assert qualified == {f"L{i}" for i in passing}
