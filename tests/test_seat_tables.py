"""A table of seats won and leading by party (India's results pages: `total,party,state,won,
leading`), no votes in it. Refused for its missing votes column, with advice to pass --wide; the
advice, followed, read the columns as options: "won leads with 100.00 % (358 votes)". Columns that
count seats (won, leading, seats, elected) are no options: the table is refused with what pollcli
reads instead, with --wide too, on both engines. A wide table of votes by party reads as before."""

from __future__ import annotations

import pytest

from conftest import engines_agree, invoke, write

SEATS = """total,party,state,won,leading
8,Indian National Congress,Tamil Nadu,8,0
134,All India Anna Dravida Munnetra Kazhagam,Tamil Nadu,134,0
89,Dravida Munnetra Kazhagam,Tamil Nadu,89,0
1,Indian Union Muslim League,Tamil Nadu,1,0
"""


@pytest.mark.parametrize("args", [(), ("--wide",)])
def test_a_seats_table_is_refused_with_advice_that_names_it(tmp_path, args):
    result = invoke("summary", str(write(tmp_path, SEATS)), *args)
    assert result.code != 0
    assert "leads with" not in result.stdout
    assert "'won'" in result.stderr and "seats" in result.stderr
    assert "pass --wide" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_both_engines_refuse_it(tmp_path, engine):
    path = write(tmp_path, SEATS)
    for args in ((), ("--wide",)):
        result = invoke("summary", str(path), *args, env={"POLLCLI_ENGINE": engine})
        assert result.code != 0 and "count seats" in result.stderr, result.stderr


def test_votes_by_party_with_a_won_column_still_read(tmp_path, monkeypatch):
    # A wide table of votes whose options are parties reads as before.
    text = "state,BJP,INC,AAP\nDelhi,500,300,700\nPunjab,200,400,900\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text), wide=True)
    [election] = elections
    assert {o.candidate: o.votes for o in election.options} == {
        "BJP": 700,
        "INC": 700,
        "AAP": 1600,
    }


# Headers of several words (`Seats won`, `Net change`, `+/-`): the seat words listed them written
# so, but a header is compared as `normalize_header` writes it (`seats_won`), so they never
# matched. Invented: a state's seats won and their change, no votes. `Net change` was read as
# votes: "'Seats won' holds seats, not votes, beside the votes of 'Net change'".
PHRASES = "state,Seats won,Net change\nNorth,12,4\nSouth,8,3\nEast,5,1\n"


@pytest.mark.parametrize("args", [(), ("--wide",)])
def test_seat_headers_of_several_words_are_seats(tmp_path, args):
    result = invoke("summary", str(write(tmp_path, PHRASES)), *args)
    assert result.code != 0
    assert "the columns 'Seats won', 'Net change' count seats, not votes" in result.stderr
    assert "the votes of 'Net change'" not in result.stderr
