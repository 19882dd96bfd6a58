"""A row named as its party is its list votes only where it holds less than its candidates' sum.

The list-votes rows (`read/listvotes.py`) took any row named as its party beside another
candidate of that party as the party's list votes, whatever it held. A mayor's race of a
candidate 'Green' (3,000 votes) beside 'Tom Green' (200) of the same party: 'Green' was tagged
LIST VOTES and 'Al Blue leads with 46.67 %', 'Tom Green' runner-up with 3.33 %. A party's list
votes beside its candidates hold less than their sum (the module's own rule, as its docstring and
commit said); a row holding more is no list of them and is read as before. Figures invented."""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

GREEN = """office,candidate,party,votes
Mayor,Green,Green,3000
Mayor,Tom Green,Green,200
Mayor,Al Blue,Blue,2800
"""


def test_a_party_named_row_holding_more_than_its_candidates_is_no_list(tmp_path, monkeypatch):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, GREEN))
    assert not any(o.list_votes for o in elections[0].options)


def test_a_party_named_row_holding_less_is_still_the_list(tmp_path, monkeypatch):
    text = GREEN.replace("Mayor,Green,Green,3000", "Mayor,Green,Green,150")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate for o in elections[0].options if o.list_votes} == {"Green"}


# A party whose candidates are not listed (none had a personal vote): its `Listestemmer` row led
# the race ('Listestemmer (V. Venstrelisten) leads with 49.15 %', LEADER) beside A's row of the
# same word tagged LIST VOTES. The word says what the row is, whoever stands beside it.
LONE_LIST = """kommune,party,candidate,votes
Nordby,A. Sociallisten,Anne Hansen,1200
Nordby,A. Sociallisten,Listestemmer,1500
Nordby,V. Venstrelisten,Listestemmer,2900
Nordby,C. Centrum,Carl Nielsen,300
"""


def test_a_list_votes_word_is_no_candidate_without_its_party_s_candidates(tmp_path, monkeypatch):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, LONE_LIST))
    marked = {o.party for o in elections[0].options if o.list_votes}
    assert marked == {"A. Sociallisten", "V. Venstrelisten"}
    result = invoke("summary", str(write(tmp_path, LONE_LIST)), "--format", "json")
    (election,) = json.loads(result.stdout)["elections"]
    assert election["leader"]["candidate"] == "Anne Hansen"
