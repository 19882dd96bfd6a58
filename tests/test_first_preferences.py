"""A file of first preferences (the AEC's House downloads: a title line "… First Preferences By
Candidate By Vote Type", or `FirstPrefs` in the file's name) holds a preferential count's first
count only: a division's leader with no more than half of the formal votes may lose on preferences.
Read as first past the post, "Seats won: Liberal 54 of 150" (2016) counted every leader (session
17's world trial). Now such a race names no winner and says the distribution of preferences
decides it; a leader with more than half is elected. Figures and names invented, the layout is the
AEC's; oracle: pandas, each division's leader over its formal votes (informal apart)."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

TITLE = (
    "2016 Federal Election House of Representatives First Preferences By Candidate By Vote Type "
    "[Please Note: These results are not final. Event:20499 Phase:PostElection]\n"
)
HEAD = (
    "StateAb,DivisionID,DivisionNm,CandidateID,Surname,GivenNm,BallotPosition,Elected,"
    "HistoricElected,PartyAb,PartyNm,OrdinaryVotes,AbsentVotes,ProvisionalVotes,PrePollVotes,"
    "PostalVotes,TotalVotes,Swing\n"
)
# (division id, name, surname, given name, party, votes): Aston's leader has a majority of the
# formal votes, Bass's and Corio's do not (Corio's would, were its informal ballots counted).
ROWS = [
    (101, "Aston", "LEE", "Ann", "Liberal", 5200),
    (101, "Aston", "DIAZ", "Bo", "Australian Labor Party", 3100),
    (101, "Aston", "FOX", "Cy", "The Greens", 1600),
    (101, "Aston", "Informal", "Informal", "Informal", 400),
    (102, "Bass", "GRAY", "Di", "Liberal", 4100),
    (102, "Bass", "HALE", "Em", "Australian Labor Party", 3900),
    (102, "Bass", "IBSEN", "Fe", "The Greens", 1500),
    (102, "Bass", "Informal", "Informal", "Informal", 300),
    (103, "Corio", "JAY", "Gus", "Australian Labor Party", 4900),
    (103, "Corio", "KIM", "Hal", "Liberal", 4000),
    (103, "Corio", "LOW", "Ida", "The Greens", 1000),
    (103, "Corio", "Informal", "Informal", "Informal", 900),
]
BODY = "".join(
    f"VIC,{d},{n},{i},{s},{g},{i % 7 + 1},N,N,{'' if p == 'Informal' else p[:3].upper()},{p},"
    f"{v},0,0,0,0,{v},1.5\n"
    for i, (d, n, s, g, p, v) in enumerate(ROWS)
)
NAME = "house-fp-2016.csv"


def _leaders() -> dict[str, tuple[str, float]]:
    """pandas: each division's leader and share of the formal votes."""
    frame = pd.read_csv(io.StringIO(HEAD + BODY))
    formal = frame[frame["Surname"] != "Informal"].copy()
    formal["name"] = formal["GivenNm"] + " " + formal["Surname"]
    out = {}
    for division, rows in formal.groupby("DivisionNm"):
        top = rows.loc[rows["TotalVotes"].idxmax()]
        out[str(division)] = (str(top["name"]), 100 * top["TotalVotes"] / rows["TotalVotes"].sum())
    return out


def test_a_leader_without_a_majority_of_first_preferences_is_not_elected(
    tmp_path, monkeypatch
) -> None:
    path = write(tmp_path, TITLE + HEAD + BODY, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    leaders = _leaders()
    assert {d for d, (_, share) in leaders.items() if share > 50} == {"Aston"}
    for election in elections:
        name, share = leaders[election.facts.election]
        assert max(election.options, key=lambda o: o.votes or 0).candidate == name
        if share > 50:
            assert election.preferences is None
        else:
            assert election.preferences is not None
            assert f"{share:.2f} %" in election.preferences
            assert "distribution of preferences" in election.preferences
        assert any("The file counts first preferences" in n for n in election.notes)


def test_the_tally_counts_only_majorities(tmp_path) -> None:
    path = write(tmp_path, TITLE + HEAD + BODY, NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    out = json.loads(result.stdout)
    tally = out["tally"]
    assert tally["won"] == 1 and tally["undecided"] == 2
    assert tally["parties"] == [{"party": "Liberal", "won": 1}]
    races = {e["election"]: e for e in out["elections"]}
    assert races["Bass"]["leader"]["candidate"] == "Di GRAY"  # the leader is still shown
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (seats,) = json.loads(result.stdout)["elections"]
    codes = {d["district"]: d.get("no_winner") for d in seats["districts"]}
    assert codes == {"Aston": None, "Bass": "preferences", "Corio": "preferences"}
    won = {p["party"]: p["seats"] for p in seats["allocations"][0]["parties"] if p["seats"]}
    assert won == {"Liberal": 1}


def test_the_name_says_it_too(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + BODY, "HouseFirstPrefsByCandidateByVoteTypeDownload-20499.csv")
    elections, _ = engines_agree(monkeypatch, path)
    assert {e.facts.election for e in elections if getattr(e, "preferences", None)} == {
        "Bass",
        "Corio",
    }


def test_a_file_that_does_not_say_so_is_read_as_ever(tmp_path, monkeypatch) -> None:
    """No title, header or name saying first preferences (a two-party-preferred title neither)."""
    title = "2016 Federal Election House of Representatives Two Party Preferred By Division\n"
    for text in (HEAD + BODY, title + HEAD + BODY):
        path = write(tmp_path, text, NAME)
        elections, _ = engines_agree(monkeypatch, path)
        assert not [e for e in elections if getattr(e, "preferences", None)]
        assert not [n for e in elections for n in e.notes if "first preferences" in n]


def test_a_majority_of_first_preferences_is_no_first_past_the_post(tmp_path) -> None:
    """Aston's leader has more than half of the formal votes: the seat is hers whatever the
    preferences, but the vote is preferential, not first past the post (as it was labelled), and
    the file holds no count beyond the first."""
    path = write(tmp_path, TITLE + HEAD + BODY, NAME)
    name, share = _leaders()["Aston"]
    assert share > 50
    for fmt in ("json", "markdown"):
        result = invoke("summary", str(path), "--format", fmt, "--detail")
        assert result.code == 0, result.stderr
        assert "First past the post" not in result.stdout
    out = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    aston = next(e for e in out["elections"] if e["election"] == "Aston")
    said = [n for n in aston["notes"] if n.startswith("Preferential vote")]
    assert said == [
        f"Preferential vote, first preferences only: {name} has more than half of the formal "
        f"votes ({share:.2f} %), a majority no distribution of preferences can overturn: {name} "
        "wins the seat."
    ]
    assert not any("elected on first preferences" in n for n in aston["notes"])
    assert aston["majority"]["reached"] is True


def test_seats_says_a_majority_of_first_preferences_won_not_the_most_votes(tmp_path) -> None:
    """`seats` said Aston was "won by the most votes", and named it among "the closest races"
    ("Australian Labor Party needed 2,101 more votes"): first past the post's arithmetic, which a
    preferential count does not follow. Now it says what the file shows: a majority of first
    preferences, no count of preferences; and what a rival needed is not claimed."""
    path = write(tmp_path, TITLE + HEAD + BODY, NAME)
    majorities = sorted(d for d, (_, share) in _leaders().items() if share > 50)
    assert majorities == ["Aston"]  # pandas
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (seats,) = json.loads(result.stdout)["elections"]
    notes = seats["notes"]
    head = next(n for n in notes if n.startswith("3 single-member races"))
    assert "won by the most votes" not in head
    assert "1 won by a majority of first preferences" in head
    assert "no count of preferences" in head
    assert not any("closest races" in n or "more votes in Aston" in n for n in notes), notes
    # Nor in JSON: 2,101 more first preferences would leave Labor short of half (5,201 of
    # 12,001), with the count of preferences to decide (was: 2,101, won "outright").
    aston = next(d for d in seats["districts"] if d["district"] == "Aston")
    parties = aston["allocations"][0]["parties"] + seats["allocations"][0]["parties"]
    assert [p["votes_for_next_seat"] for p in parties] == [None] * len(parties)


def test_the_method_warning_says_how_a_file_of_first_preferences_is_won(tmp_path) -> None:
    path = write(tmp_path, TITLE + HEAD + BODY, NAME)
    result = invoke("seats", str(path), "--method", "dhondt")
    assert result.code == 0, result.stderr
    assert "each is won by the most votes" not in result.stderr
    assert "each is won by a majority of first preferences, or names no winner" in result.stderr
