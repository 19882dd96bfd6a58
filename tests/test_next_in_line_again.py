"""The last seat's next in line may be the same list (a big list's next quotient tops every other
list's). Findings said "next in line was Blue with 750.00 (6,000 ÷ 8), which needed 2,001 more
votes to take it": a seat Blue held already. Now: Blue again, for its next seat had there been
one more; the votes each list needed for one more seat stay in their own sentence. Invented
figures; the oracle is D'Hondt's quotients by hand."""

import json

from conftest import invoke, write

# D'Hondt, 10 seats. Blue 6000: 6000, 3000, 2000, 1500, 1200, 1000, 857.14 | 750;
# Red 3000: 3000, 1500, 1000 | 750. Blue 7, Red 3; the 10th seat Blue's 857.14, then 750.
PARTIES = "party,votes\nBlue,6000\nRed,3000\n"


def test_the_last_seats_own_list_next_in_line(tmp_path):
    path = write(tmp_path, PARTIES)
    result = invoke("seats", str(path), "--seats", "10", "--method", "dhondt", "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    (allocation,) = election["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {"Blue": 7, "Red": 3}
    notes = " ".join(election["notes"])
    assert (
        "The last seat, the 10th, went to Blue with a quotient of 857.14 (6,000 ÷ 7); next in "
        "line was Blue again, with 750.00 (6,000 ÷ 8): its 8th seat, had there been 11." in notes
    )
    assert "to take it" not in notes
