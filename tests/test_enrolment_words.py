"""Australia's enrolment by division (the AEC's `GeneralEnrolmentByDivisionDownload`:
`DivisionID,DivisionNm,StateAb,CloseOfRollsEnrolment,NotebookRollAdditions,…,Enrolment`): no word
of it was known, so the two enrolment columns were options with all the voters on the roll as
"votes" ("CloseOfRollsEnrolment 50 %, tied first with Enrolment"). `Enrolment`, `Enrollment`,
`Enrolled` and `CloseOfRollsEnrolment` are the registered voters now, in a long table's header and
as a wide table's protocol line."""

from conftest import engines_agree, write
from pollcli.columns import canonical_column

ENROLMENT = """2016 Federal Election Enrolment By Division [Event:20499 Phase:PostElection]
DivisionID,DivisionNm,StateAb,CloseOfRollsEnrolment,NotebookRollAdditions,NotebookRollDeletions,\
ReinstatementsPostal,ReinstatementsPrePoll,ReinstatementsAbsent,ReinstatementsProvisional,Enrolment
179,Adelaide,SA,109211,0,0,0,0,0,0,109211
197,Aston,VIC,96010,0,0,0,0,0,0,96010
198,Ballarat,VIC,105693,0,0,0,0,0,0,105693
"""


def test_the_roll_is_no_option(tmp_path, monkeypatch):
    path = write(tmp_path, ENROLMENT, "enrolment_by_division.csv")
    (election,), _ = engines_agree(monkeypatch, path)
    names = {o.candidate for o in election.options}
    assert not names & {"CloseOfRollsEnrolment", "Enrolment"}
    assert all(o.votes == 0 for o in election.options)
    assert election.facts.registered == 109211 + 96010 + 105693


def test_the_words_in_a_long_header():
    for word in ("Enrolment", "enrollment", "Enrolled", "CloseOfRollsEnrolment"):
        assert canonical_column(word) == "registered"
