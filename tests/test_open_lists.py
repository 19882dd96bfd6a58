"""Candidates on open party lists (session 13): a file of a list vote that gives one row per
candidate with the candidate's party (Finland's and Brazil's councils, the Netherlands' preference
votes). The seats go to the lists, each party's candidates summed, and only then to candidates
within a list. Before, `pollcli seats` allocated seats to each candidate as a list of its own
(KOK's four candidates, 1,100 votes of 2,070, took one seat of three; by D'Hondt over the parties
it takes two), and a `seats` column beside candidates was read as a vote for the top 3.

A race of several parties in which a party has more candidates than seats is no vote for the top N
(a party fields at most N there): the `seats` column stays the lists' seats, with a note. A race
whose parties field no more than its seats (Arizona's State House: two of each party for two
seats) is read as before, the top N (tests/test_seats_column_candidates.py).

Oracle: pandas sums by party and a D'Hondt table written here, apart from `pollcli.apportion`.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

FINLAND = """municipality,candidate,party,votes,seats
Aland,Anna A,KOK,500,3
Aland,Bert B,KOK,300,3
Aland,Cara C,KOK,250,3
Aland,Gus G,KOK,50,3
Aland,Dan D,SDP,450,3
Aland,Eve E,SDP,100,3
Aland,Fay F,KESK,420,3
"""

DISTRICTS = """district,candidate,party,votes,seats
North,Anna A,KOK,500,3
North,Bert B,KOK,300,3
North,Cara C,KOK,250,3
North,Gus G,KOK,50,3
North,Dan D,SDP,450,3
North,Eve E,SDP,100,3
North,Fay F,KESK,420,3
South,Ivo I,KOK,120,2
South,Jan J,KOK,110,2
South,Kai K,KOK,100,2
South,Lea L,SDP,300,2
South,Max M,SDP,90,2
"""


def _dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    """Each party's seats: the `seats` largest quotients votes / 1, 2, 3, … (no tie in these)."""
    quotients = sorted(
        ((v / d, party) for party, v in votes.items() for d in range(1, seats + 1)), reverse=True
    )
    won = dict.fromkeys(votes, 0)
    for _, party in quotients[:seats]:
        won[party] += 1
    return won


def _parties(text: str, by: str | None = None) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text))
    groups = frame.groupby(by) if by else [("", frame)]
    return {
        str(name): {str(p): int(v) for p, v in group.groupby("party")["votes"].sum().items()}
        for name, group in groups
    }


def _allocation(result) -> dict[str, int]:
    document = json.loads(result.stdout)
    (election,) = document["elections"]
    return {p["party"]: p["seats"] for p in election["allocations"][0]["parties"]}


def test_seats_go_to_the_parties_lists_not_to_each_candidate(tmp_path) -> None:
    path = write(tmp_path, FINLAND, "aland.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (votes,) = _parties(FINLAND).values()
    assert _allocation(result) == _dhondt(votes, 3) == {"KOK": 2, "SDP": 1, "KESK": 0}
    document = json.loads(result.stdout)
    (election,) = document["elections"]
    assert {p["party"]: p["votes"] for p in election["allocations"][0]["parties"]} == votes
    (note,) = [n for n in election["notes"] if "summed into its list" in n]
    assert "KOK: 4 candidates, 1,100 votes" in note


def test_districts_sum_their_parties_lists_and_add_up(tmp_path) -> None:
    path = write(tmp_path, DISTRICTS, "districts.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    expected: dict[str, int] = {}
    for district, votes in _parties(DISTRICTS, "district").items():
        seats = 3 if district == "North" else 2
        for party, won in _dhondt(votes, seats).items():
            expected[party] = expected.get(party, 0) + won
    assert _allocation(result) == expected == {"KOK": 3, "SDP": 2, "KESK": 0}


def test_more_candidates_of_a_party_than_seats_is_no_vote_for_the_top_n(
    tmp_path, monkeypatch
) -> None:
    path = write(tmp_path, FINLAND, "aland.csv")
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    assert election.facts.seats == 3 and election.facts.vote_for is None
    assert any("'KOK' has 4 candidates for 3 seats, so" in n for n in election.notes)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (summary,) = json.loads(result.stdout)["elections"]
    assert "elected" not in summary or not summary["elected"]
    # The effective number of parties, over the parties' summed shares.
    (votes,) = _parties(FINLAND).values()
    total = sum(votes.values())
    expected = 1 / sum((v / total) ** 2 for v in votes.values())
    assert abs(summary["effective_number"] - expected) < 1e-9


def test_a_file_of_party_lists_is_allocated_as_before(tmp_path) -> None:
    """Each option its own list (a party once): nothing is summed, no note."""
    text = "party,votes,seats\nKOK,1100,3\nSDP,550,3\nKESK,420,3\n"
    path = write(tmp_path, text, "lists.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert _allocation(result) == {"KOK": 2, "SDP": 1, "KESK": 0}
    (election,) = json.loads(result.stdout)["elections"]
    assert not any("summed into its list" in n for n in election["notes"])


def test_a_district_of_one_candidate_a_party_counts_under_the_parties(tmp_path) -> None:
    """Beside a district of open lists, a district where each party fields one candidate: its
    lists are the parties too, so that the seats add up by party ("Ivo I" took KOK's seat)."""
    text = DISTRICTS.split("South,")[0] + "South,Ivo I,KOK,320,2\nSouth,Lea L,SDP,300,2\n"
    text += "South,Max M,KESK,90,2\n"
    path = write(tmp_path, text, "districts.csv")
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    expected: dict[str, int] = {}
    for district, votes in _parties(text, "district").items():
        seats = 3 if district == "North" else 2
        for party, won in _dhondt(votes, seats).items():
            expected[party] = expected.get(party, 0) + won
    assert _allocation(result) == expected == {"KOK": 3, "SDP": 2, "KESK": 0}
    (election,) = json.loads(result.stdout)["elections"]
    (note,) = [n for n in election["notes"] if "summed into its list" in n]
    assert "KOK: 4 candidates" in note


def test_regions_of_a_seats_file_count_under_the_parties_too(tmp_path) -> None:
    """The same districts as a region column of one election, their seats from --seats-file."""
    text = "county,candidate,party,votes\n" + "".join(
        f"{line.split(',', 1)[0]},{line.split(',', 1)[1].rsplit(',', 1)[0]}\n"
        for line in DISTRICTS.splitlines()[1:]
        if not line.startswith(("South,Jan", "South,Kai", "South,Max"))
    )
    text += "South,Max M,KESK,90\n"
    path = write(tmp_path, text, "regions.csv")
    seats = write(tmp_path, "region,seats\nNorth,3\nSouth,2\n", "seats.csv")
    result = invoke("seats", str(path), "--seats-file", str(seats), "--format", "json")
    assert result.code == 0, result.stderr
    expected: dict[str, int] = {}
    for district, votes in _parties(text, "county").items():
        for party, won in _dhondt(votes, 3 if district == "North" else 2).items():
            expected[party] = expected.get(party, 0) + won
    assert _allocation(result) == expected
    assert set(expected) == {"KOK", "SDP", "KESK"}


KIESRAAD = """candidate,party,votes
VVD,VVD,1000
Mark Rutte,VVD,800
Dilan Y,VVD,200
PvdA,PvdA,500
Lilianne P,PvdA,400
Lodewijk A,PvdA,100
D66,D66,700
Sigrid K,D66,700
"""


def test_a_row_named_as_its_party_holding_its_candidates_sum_is_the_lists_total(tmp_path) -> None:
    """The Kiesraad's files give each list's total, named as the party, above its candidates: the
    list's votes once, not twice (review, session 13: VVD 2,000 for 1,000)."""
    path = write(tmp_path, KIESRAAD, "nl.csv")
    result = invoke("seats", str(path), "--seats", "5", "--format", "json")
    assert result.code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(KIESRAAD))
    candidates = frame[frame.candidate != frame.party]
    votes = {str(p): int(v) for p, v in candidates.groupby("party")["votes"].sum().items()}
    (election,) = json.loads(result.stdout)["elections"]
    assert {p["party"]: p["votes"] for p in election["allocations"][0]["parties"]} == votes
    assert _allocation(result) == _dhondt(votes, 5)
    (note,) = [n for n in election["notes"] if "summed into its list" in n]
    # VVD's and PvdA's rows hold two candidates' sum: set aside as totals as the file is read
    # (`read.party_totals`, session 14); D66's, one candidate's votes, by the seats' pooling.
    assert "('D66') are the lists' totals, not added" in note
    warned = [w for w in election["warnings"] if "names its party" in w]
    assert [(w.split(":")[1], "set aside" in w) for w in warned] == [
        ("2", True),
        ("5", True),
        ("8", False),  # (one candidate's votes: warned, and pooled apart by seats)
    ]


def test_the_threshold_is_the_lists_in_summary(tmp_path) -> None:
    """Gus G's 2.4 % is no list's: KOK's four candidates hold 53 %; a list of two candidates with
    2.4 % together is below the threshold, each of its candidates flagged (review, session 13)."""
    text = FINLAND + "Aland,Ola O,VIHR,30,3\nAland,Pia P,VIHR,20,3\n"
    path = write(tmp_path, text, "aland.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (summary,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    shares = frame.groupby("party")["votes"].sum() / frame["votes"].sum() * 100
    under = sorted(frame[frame.party.isin(shares[shares < 3].index)].candidate)
    assert sorted(summary["below_threshold"]) == under == ["Ola O", "Pia P"]
    (sentence,) = [n for n in summary["notes"] if "threshold" in n]
    assert f"the lists of VIHR ({shares['VIHR']:.2f} %)" in sentence
    assert "Gus G" not in sentence


def test_a_list_vote_is_not_asked_how_many_members_it_elects(tmp_path) -> None:
    """Several candidates of one party in a race of list seats are a list's candidates, not a race
    for several seats that does not say how many (review, session 13)."""
    path = write(tmp_path, DISTRICTS, "districts.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert "do not say how many members they elect" not in result.stderr
