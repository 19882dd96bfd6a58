"""The AEC's Senate first preferences by state (`SenateFirstPrefsByStateByVoteTypeDownload`).

`StateAb,Ticket,CandidateID,BallotPosition,CandidateDetails,PartyName,OrdinaryVotes,…,TotalVotes`:
each group (a `Ticket` letter) has a row of its above-the-line votes (`A Ticket Votes`) and a row
per candidate of their below-the-line first preferences; ungrouped candidates are `UG`. A group
whose party is unregistered has a blank `PartyName`.

`CandidateDetails` was no known column: the parties named the options, every row of a party its own
option told apart by `CandidateID` ("Labor (id 25089)"), the states added into one race; a blank
party made the file refused with "the option has no name". It is now read as the AEC publishes it:
a race per state, each group's first preferences (its ticket votes and its candidates' votes,
added up; a group of no party named "Group F"), each ungrouped candidate on their own; a Senate
count (quota, preferences) is not made, so no one is named elected (a vote for lists), said in a
note. Small files of our own in the AEC's layout; figures are pandas sums of the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

PREAMBLE = (
    "2013 Federal Election Senate First Preferences By State By Vote Type  [Event:17496 "
    "Phase:FinalResults Generated:2014-10-28T11:23:17]"
)
HEADER = (
    "StateAb,Ticket,CandidateID,BallotPosition,CandidateDetails,PartyName,OrdinaryVotes,"
    "AbsentVotes,ProvisionalVotes,PrePollVotes,PostalVotes,TotalVotes"
)
ROWS = [
    ("ACT", "A", "A Ticket Votes", "Animal Justice Party", 1844, 39),
    ("ACT", "A", "FILLINGER, Marcus", "Animal Justice Party", 638, 11),
    ("ACT", "A", "MONTAGNE, Jessica", "Animal Justice", 132, 0),  # (2016: spelt two ways)
    ("ACT", "B", "B Ticket Votes", "Liberal", 80112, 2100),
    ("ACT", "B", "SESELJA, Zed", "Liberal", 9120, 301),
    ("ACT", "B", "HIATT, Jane", "Liberal", 512, 20),
    ("ACT", "C", "C Ticket Votes", "Australian Labor Party", 79000, 2500),
    ("ACT", "C", "LUNDY, Kate", "Australian Labor Party", 12000, 410),
    ("ACT", "UG", "EZEKIEL-HART, Emmanuel", "Independent", 467, 7),
    ("ACT", "UG", "SMITH, Ann", "Independent", 120, 4),
    ("NSW", "A", "A Ticket Votes", "Liberal & Nationals", 1300000, 40000),
    ("NSW", "A", "SINODINOS, Arthur", "Liberal & Nationals", 20000, 700),
    ("NSW", "B", "B Ticket Votes", "Labor", 1200000, 38000),
    ("NSW", "B", "CARR, Bob", "Labor", 30000, 900),
    ("NSW", "F", "F Ticket Votes", "", 1711, 174),
    ("NSW", "F", "WHALAN, Andrew", "", 104, 8),
    ("NSW", "F", "COOPER, Peter Grant", "", 16, 0),
]


def aec() -> str:
    lines = [PREAMBLE, HEADER]
    for number, (state, ticket, name, party, ordinary, absent) in enumerate(ROWS, 24000):
        position = 0 if name.endswith("Ticket Votes") else number % 7 + 1
        lines.append(
            f'{state},{ticket},{number},{position},"{name}","{party}",{ordinary},{absent},0,0,0,'
            f"{ordinary + absent}"
        )
    return "\n".join(lines) + "\n"


def by_group(text: str) -> dict[str, dict[str, int]]:
    """Each state's first preferences by group (pandas): a ticket's rows, named by their first
    party, else `Group X`; each ungrouped candidate by name."""
    table = pd.read_csv(io.StringIO(text), skiprows=1, keep_default_na=False)
    table["key"] = table["Ticket"].where(table["Ticket"] != "UG", table["CandidateDetails"])
    found: dict[str, dict[str, int]] = {}
    for (state, key), rows in table.groupby(["StateAb", "key"], sort=False):
        parties = [p for p in rows["PartyName"] if p]
        name = key if key in set(table["CandidateDetails"]) else None
        name = name or (parties[0] if parties else f"Group {key}")
        found.setdefault(str(state), {})[str(name)] = int(rows["TotalVotes"].sum())
    return found


def test_senate_first_preferences_are_read_by_group_and_state(tmp_path):
    text = aec()
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    got = {
        e["election"]: {o["candidate"]: o["votes"] for o in e["results"]} for e in data["elections"]
    }
    assert got == by_group(text)
    # No Senate count: no one is named elected.
    assert [r["won"] for r in data["overview"]["races"]] == [False, False]
    assert data["tally"]["won"] == 0
    for election in data["elections"]:
        [note] = [n for n in election["notes"] if n.startswith("An AEC Senate table")]
        assert "ticket votes" in note and "quota" in note


def test_both_engines_agree(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, aec()))
    assert not [p for p in problems if p.severity == "error"]
    want = by_group(aec())
    assert {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections} == want
    parties = {o.candidate: o.party for e in elections for o in e.options}
    assert parties["Group F"] is None and parties["Liberal"] == "Liberal"
    assert parties["SMITH, Ann"] == "Independent"
    # A group's party spelt another way on a candidate's row (the AEC's 2016 Liberal Democrats):
    # still one group, named by its ticket votes row.
    assert "Animal Justice" not in parties and parties["Animal Justice Party"]
