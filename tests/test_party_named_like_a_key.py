"""A party whose name is also a race key's abbreviation (the Netherlands' `CD`, Centrumdemocraten,
beside `CDA`; `cd` names a congressional district) is an option where options come before it:
session 28's rule that a column its header says names the rows is a name (`Registered,precinct,
Ann,Bob`) took `CD` out of the 1989 results, its 81,337 votes lost and every share raised. A naming
column comes before the options. Oracle: pandas, each party column summed."""

from __future__ import annotations

from conftest import column_sums, read_cleanly, write

TEXT = (
    "CBS code,Naam,# geldige stemmen,# kiesgerechtigden,CDA,PvdA,CD,SP\n"
    "738,Aalburg,5000,6400,2600,1500,600,300\n"
    "739,Aalsmeer,8000,10000,3000,3500,900,600\n"
    "740,Aalten,6100,7500,2500,2400,700,500\n"
)


def test_a_party_named_like_a_district_key_after_the_options_is_counted(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT, "nl_1989.csv")
    (election,) = read_cleanly(monkeypatch, path)
    parties = ("CDA", "PvdA", "CD", "SP")
    assert {o.candidate: o.votes for o in election.options} == column_sums(path, parties)


def test_a_precinct_column_of_numbers_after_a_protocol_line_still_names_the_rows(
    tmp_path, monkeypatch
):
    text = "Registered,precinct,Ann,Bob\n300,1,100,90\n280,2,90,75\n"
    path = write(tmp_path, text, "wards.csv")
    (election,) = read_cleanly(monkeypatch, path)
    assert {o.candidate: o.votes for o in election.options} == column_sums(path, ("Ann", "Bob"))
