"""The findings' names of options whose party holds brackets (Scotland's 'Scottish National Party
(SNP)') or whose name ends in them: named in apposition, 'Name, Party (SNP)', the closing comma
only where the sentence goes on with a word. Scotland's 2017 council findings read "Elects 3 (the
top 3 by votes): …, Gordon Scott Townson, Scottish National Party (SNP),." and "Hugh MacDonald,
Scottish National Party (SNP),, Sheena Wardhaugh…". Names and figures invented."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, write

# A comma run into other punctuation, or brackets nested: never in a finding.
BAD = re.compile(r",\s*[,.;:]|\([^()]*\(")


def _notes(path, *args) -> list[str]:
    done = invoke("summary", str(path), *args, "--format", "json")
    assert done.code == 0, done.stderr
    return [n for e in json.loads(done.stdout)["elections"] for n in e["notes"]]


def test_a_list_of_the_elected_with_a_bracketed_party(tmp_path):
    text = (
        "candidate,party,votes,vote_for\n"
        "Ann Reid,Green Party,2400,3\n"
        "Bob Kerr,Highland Party (HP),1500,3\n"
        "Cat Moss,Labour Party,1200,3\n"
        "Dan Weir,Highland Party (HP),900,3\n"
    )
    notes = _notes(write(tmp_path, text))
    assert (
        "Elects 3 (the top 3 by votes): Ann Reid (Green Party); Bob Kerr, Highland Party (HP); "
        "Cat Moss (Labour Party)." in notes
    ), notes
    assert any(
        n.startswith("Last seat: Cat Moss (Labour Party) with")
        and "first not elected: Dan Weir, Highland Party (HP), with" in n
        for n in notes
    ), notes
    assert not [n for n in notes if BAD.search(n)]


def test_a_tie_and_a_name_that_ends_in_brackets(tmp_path):
    text = (
        "candidate,party,votes\n"
        "John Smith (Jr),DEM,500\n"
        "Ann Lee,Highland Party (HP),500\n"
        "Cy Tam,REP,100\n"
    )
    notes = _notes(write(tmp_path, text))
    assert any(
        n.startswith("Tie for first: John Smith (Jr), DEM; Ann Lee, Highland Party (HP) each")
        for n in notes
    ), notes
    assert not [n for n in notes if BAD.search(n)]


def test_a_top_two_primary_of_a_bracketed_party_preference(tmp_path):
    # Washington's top-two primaries give a party preference in brackets of its own.
    text = (
        "candidate,party,votes\n"
        "Ann Lee,(Prefers Democratic Party),600\n"
        "Bo Diaz,(Prefers Republican Party),300\n"
        "Cy Tam,(States No Party Preference),100\n"
    )
    notes = _notes(write(tmp_path, text), "--primary", "top-two")
    assert any(n.startswith("Top two advance to the general election:") for n in notes), notes
    assert not [n for n in notes if BAD.search(n)], notes


_WORD = st.text("abcdefgh", min_size=1, max_size=6)


@settings(max_examples=25, deadline=None)
@given(
    parties=st.lists(
        st.tuples(_WORD, st.booleans()).map(lambda p: f"{p[0]} ({p[0][:2]})" if p[1] else p[0]),
        min_size=4,
        max_size=4,
    ),
    votes=st.lists(st.integers(1, 50), min_size=4, max_size=4),
    seats=st.integers(1, 3),
)
def test_no_finding_runs_a_comma_into_punctuation(tmp_path_factory, parties, votes, seats):
    rows = "".join(
        f"Cand{k} Name,{party},{v},{seats}\n"
        for k, (party, v) in enumerate(zip(parties, votes, strict=True))
    )
    path = write(tmp_path_factory.mktemp("n"), "candidate,party,votes,vote_for\n" + rows)
    assert not [n for n in _notes(path) if BAD.search(n)]


def test_a_party_in_brackets_of_its_own_is_named_without_them(tmp_path):
    text = "candidate,party,votes\nAnn Lee,(Prefers Democratic Party),600\nBo Diaz,REP,300\n"
    notes = _notes(write(tmp_path, text))
    assert any(n.startswith("Ann Lee (Prefers Democratic Party) leads with") for n in notes), notes
