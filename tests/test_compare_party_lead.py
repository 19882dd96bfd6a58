"""`compare --by party` says which party led, not which candidate.

Oklahoma 2004 against 2020 by party said "The lead changed hands: Bush led …; Trump leads …" where
REP led both years: the lead was the candidates', the rows the parties'.
"""

from __future__ import annotations

from conftest import invoke, write


def _files(tmp_path, later):
    old = write(tmp_path, "candidate,party,votes\nBush,REP,600\nKerry,DEM,400\n", "ok2004.csv")
    new = write(tmp_path, "candidate,party,votes\n" + later, "ok2020.csv")
    return str(old), str(new)


def _findings(*args: str) -> str:
    """The findings as Markdown prints them, one per line (JSON holds none)."""
    return invoke("compare", *args, "--format", "markdown").stdout


def test_one_party_leading_both_years_keeps_the_lead_by_party(tmp_path):
    old, new = _files(tmp_path, "Trump,REP,650\nBiden,DEM,350\n")
    notes = _findings(old, new, "--by", "party")
    # By hand: REP 600/1000 then 650/1000.
    assert "REP led in both ok2004 and ok2020: 60.00 % → 65.00 % (+5.00 points)." in notes
    assert "changed hands" not in notes
    # By candidate the lead did change hands: two people.
    assert "The lead changed hands: Bush led in ok2004" in _findings(old, new)


def test_a_party_change_is_said_by_party(tmp_path):
    old, new = _files(tmp_path, "Trump,REP,450\nBiden,DEM,550\n")
    notes = _findings(old, new, "--by", "party")
    assert (
        "The lead changed hands: REP led in ok2004 (60.00 %); DEM leads in ok2020 (55.00 %)."
        in notes
    )


def test_parties_tied_for_first_have_no_single_leader(tmp_path):
    old, new = _files(tmp_path, "Trump,REP,500\nBiden,DEM,500\n")
    notes = _findings(old, new, "--by", "party")
    assert "No single leader in ok2020." in notes
