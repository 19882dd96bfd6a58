"""A file of many communes' councils in one election (Belgium's 2000 `conseils-communaux` files:
`Parti,Nombre de sièges,Nombre de voix,commune,date,election`, the seats each list WON in its
commune). Read as one election, its seats were 2,098 errors "election 'conseils-communaux' has one
seats: make them agree", with no word of the way out; `--race-by commune` reads it well. Now the
error says so. Then `seats --race-by commune`: a commune whose seats are all blank (a re-run) was
"a single-member race, won by the most votes", 1 seat added; the councils' seats were added up
into "No party has a majority of the 13073 seats (6537 needed)", a chamber no one sits in.
Names and figures invented; the seats to fill are those in the file added up by hand."""

from __future__ import annotations

import json

from conftest import invoke, write

COUNCILS = """Parti,Nombre de sièges,Nombre de voix,commune,date,election
ALPHA,7.0,5200,Brouck,2000,conseils-communaux
BETA,4.0,3100,Brouck,2000,conseils-communaux
GAMMA,2.0,1500,Brouck,2000,conseils-communaux
DELTA,,300,Brouck,2000,conseils-communaux
ALPHA,3.0,2000,Lindel,2000,conseils-communaux
EPSILON,9.0,5100,Lindel,2000,conseils-communaux
ZETA,3.0,1900,Lindel,2000,conseils-communaux
ALPHA,5.0,2600,Sart,2000,conseils-communaux
BETA,3.0,1500,Sart,2000,conseils-communaux
ETA,1.0,700,Sart,2000,conseils-communaux
ALPHA,,800,Marhoven2001,2000,conseils-communaux
EPSILON,,900,Marhoven2001,2000,conseils-communaux
"""
# Brouck's lists won 7 + 4 + 2 = 13 seats, Lindel's 3 + 9 + 3 = 15, Sart's 5 + 3 + 1 = 9: 37
# seats in three councils.
FILLED = 13 + 15 + 9


def test_differing_seats_lead_to_a_race_per_commune(tmp_path):
    path = write(tmp_path, COUNCILS, "be_communes.csv")
    done = invoke("summary", str(path))
    assert done.code != 0
    first = done.stderr.splitlines()[0]
    assert "has one number of seats: make them agree" in first, first
    assert "has one seats" not in done.stderr
    assert "if each 'commune' elects its own" in first
    assert "--race-by election,commune" in first
    followed = invoke("summary", str(path), "--race-by", "election,commune")
    assert followed.code == 0, followed.stderr


def _seats(tmp_path) -> dict:
    path = write(tmp_path, COUNCILS, "be_communes.csv")
    done = invoke("seats", str(path), "--race-by", "commune", "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    return election


def test_a_commune_of_blank_seats_is_left_out_with_a_note(tmp_path):
    election = _seats(tmp_path)
    assert [d["district"] for d in election["districts"]] == ["Brouck", "Lindel", "Sart"]
    assert election["seats"] == FILLED
    notes = " ".join(election["notes"])
    assert "of them a single-member race" not in notes
    assert "Left out: 'Marhoven2001', whose seats are blank" in notes


def test_no_majority_of_separate_councils_added_up(tmp_path):
    election = _seats(tmp_path)
    notes = " ".join(election["notes"])
    assert "No party has a majority" not in notes and "has a majority:" not in notes
    assert f"no majority of the {FILLED} seats added up is claimed" in notes
    assert "council of one 'commune'" in notes


def test_constituencies_of_one_parliament_keep_their_majority(tmp_path):
    # The same rows keyed by constituency (one parliament's districts): its majority is said.
    text = COUNCILS.replace(",commune,", ",circonscription,").replace("Marhoven2001", "Lindel")
    text = "\n".join(
        line for line in text.splitlines() if ",,800," not in line and ",,9" not in line
    )
    assert text.count("Lindel") == 3
    path = write(tmp_path, text + "\n", "be_circ.csv")
    done = invoke("seats", str(path), "--race-by", "circonscription", "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert election["seats"] == FILLED
    assert any("majority" in n and f"{FILLED} seats" in n for n in election["notes"])
    assert not any("council of one" in n for n in election["notes"])


def test_summary_names_no_winner_in_a_commune_of_blank_seats(tmp_path):
    # Its leader won no seat the file gives, and how many seats it fills is not known: no
    # single-member race, and the tally's seats are the other councils' (37), none of its own.
    path = write(tmp_path, COUNCILS, "be_communes.csv")
    done = invoke("summary", str(path), "--race-by", "commune", "--format", "json", "--overview")
    assert done.code == 0, done.stderr
    out = json.loads(done.stdout)
    (blank,) = [e for e in out["elections"] if e["election"] == "Marhoven2001"]
    assert any("'Nombre de sièges' cells are blank" in n for n in blank["notes"]), blank["notes"]
    assert blank["seats"] is None and not blank.get("elected")
    tally = out["tally"]
    assert (tally["seats"], tally["won"], tally["undecided"]) == (FILLED, FILLED, 1), tally
    assert tally["seats_unknown"] == 1
