"""A ticket ("President / Vice President") against one name: matched by its head, never its running mate.

Michigan's precinct files name the 2020 presidential options as tickets ("Joseph R. Biden / Kamala D.
Harris") and the 2024 ones by the candidate alone ("Kamala D. Harris"): the running mate's two words
scored the cutoff against the ticket, and `compare` showed Harris's 2024 share as the change of
Biden's 2020 one.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write
from pollcli import names


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Joseph R. Biden / Kamala D. Harris", "Joseph R. Biden"),
        ("Donald J. Trump/Michael R. Pence", "Donald J. Trump"),
        ("Jo Jorgensen & Jeremy Cohen", "Jo Jorgensen"),
        ("Howie Hawkins and Angela Walker", "Howie Hawkins"),
        ("Robert F. Kennedy, Jr.", None),  # one name
        ("Joe and Mary Smith", None),  # "Joe" is no name of its own
        ("Write-in", None),
    ],
)
def test_a_ticket_is_two_names_or_more_of_two_words_each(name, head):
    assert names.ticket_head(name) == head


def test_a_running_mate_scores_nothing_against_the_ticket_its_head_everything():
    ticket = "Joseph R. Biden / Kamala D. Harris"
    # The whole names' scores, as compare scored them before: the mate's words reach the cutoff.
    assert names.name_score("Kamala D. Harris", ticket) >= names.CUTOFF
    assert names.person_score("Kamala D. Harris", ticket) == 0.0
    assert names.person_score(ticket, "Kamala D. Harris") == 0.0
    assert names.person_score("Joseph R. Biden", ticket) == 100.0
    assert names.person_score("Joe Biden", ticket) == names.name_score(
        "Joe Biden", "Joseph R. Biden"
    )
    # Two tickets: their heads, whatever the mates.
    assert names.person_score(ticket, "Joe Biden & Kamala Harris") == names.name_score(
        "Joseph R. Biden", "Joe Biden"
    )
    assert names.person_score(ticket, "Kamala D. Harris / Tim Walz") == 0.0
    trump = "Donald J. Trump / Michael R. Pence", "Donald J. Trump / J. D. Vance"
    assert names.name_score(*trump) == 0.0  # the mates' words veto the whole names
    assert names.person_score(*trump) == 100.0


HEADER = "county,precinct,office,district,candidate,party,votes\n"


def _file(tmp_path, name, rows):
    body = "".join(
        f"Antrim,Banks {p},President,,{who},{party},{votes}\n"
        for p in (1, 2)
        for who, party, votes in rows
    )
    return str(write(tmp_path, HEADER + body, name))


def test_compare_matches_the_head_of_a_ticket_and_not_its_running_mate(tmp_path):
    old = _file(
        tmp_path,
        "mi_2020.csv",
        [
            ("Donald J. Trump / Michael R. Pence", "REP", 600),
            ("Joseph R. Biden / Kamala D. Harris", "DEM", 380),
            ("Jo Jorgensen / Jeremy Cohen", "LIB", 20),
        ],
    )
    new = _file(
        tmp_path,
        "mi_2024.csv",
        [
            ("Donald J. Trump", "REP", 610),
            ("Kamala D. Harris", "DEM", 370),
            ("Chase Oliver", "LIB", 20),
        ],
    )
    result = invoke("compare", old, new, "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    rows = {tuple(row["names"]): row["shares"] for row in data["rows"]}
    # Shares by hand: 600/1000, 380/1000, 20/1000; 610/1000, 370/1000, 20/1000.
    assert rows[("Donald J. Trump / Michael R. Pence", "Donald J. Trump")] == [60.0, 61.0]
    assert rows[("Joseph R. Biden / Kamala D. Harris",)] == [38.0, None]
    assert rows[("Kamala D. Harris",)] == [None, 37.0]
    assert data["matches"] == [
        {
            "name": "Donald J. Trump",
            "matched_to": "Donald J. Trump / Michael R. Pence",
            "score": 100.0,
        }
    ]
    table = invoke("compare", old, new)
    assert "by the ticket’s first name" in " ".join(table.stdout.split())


def test_compare_matches_two_tickets_of_one_head_whatever_the_running_mates(tmp_path):
    old = _file(
        tmp_path,
        "mi_2020.csv",
        [
            ("Donald J. Trump / Michael R. Pence", "REP", 600),
            ("Joseph R. Biden / Kamala D. Harris", "DEM", 400),
        ],
    )
    new = _file(
        tmp_path,
        "mi_2024.csv",
        [
            ("Donald J. Trump / J. D. Vance", "REP", 620),
            ("Kamala D. Harris / Tim Walz", "DEM", 380),
        ],
    )
    data = json.loads(invoke("compare", old, new, "--format", "json").stdout)
    rows = {tuple(row["names"]): row["shares"] for row in data["rows"]}
    assert rows == {
        ("Donald J. Trump / Michael R. Pence", "Donald J. Trump / J. D. Vance"): [60.0, 62.0],
        ("Joseph R. Biden / Kamala D. Harris",): [40.0, None],
        ("Kamala D. Harris / Tim Walz",): [None, 38.0],
    }
