"""The last seat's next in line may be the same list (a big list's next quotient tops every other
list's). Findings said "next in line was Blue with 750.00 (6,000 ÷ 8), which needed 2,001 more
votes to take it": a seat Blue held already. Now: Blue again, for its next seat had there been
one more; the votes each list needed for one more seat stay in their own sentence. A list level
with the next in line is named, not passed over by the tie rule in silence. Invented figures;
the oracle is D'Hondt's quotients by hand."""

import json

import pytest

from conftest import invoke, write


def _notes(tmp_path, text):
    path = write(tmp_path, text)
    result = invoke("seats", str(path), "--seats", "10", "--method", "dhondt", "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    (allocation,) = election["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {"Blue": 7, "Red": 3}
    return " ".join(election["notes"])


LAST = "The last seat, the 10th, went to Blue with a quotient of 857.14 (6,000 ÷ 7); "


@pytest.mark.parametrize(
    ("red", "after"),
    [
        # Red 2,900: 2900, 1450, 966.67 | 725 below Blue's 750.
        (
            2900,
            "next in line was Blue again, with 750.00 (6,000 ÷ 8): its 8th seat, had there been 11.",
        ),
        # Red 3,000: 3000, 1500, 1000 | 750, level with Blue's 750.
        (
            3000,
            "next in line was Blue again, with 750.00 (6,000 ÷ 8): its 8th seat, had there been 11 "
            "(level with Red's 750.00 (3,000 ÷ 4): the tie rule put Blue first).",
        ),
    ],
)
def test_the_last_seats_own_list_next_in_line(tmp_path, red, after):
    notes = _notes(tmp_path, f"party,votes\nBlue,6000\nRed,{red}\n")
    assert LAST + after in notes
    assert "to take it" not in notes


def test_a_list_level_with_another_next_in_line(tmp_path):
    # 4 seats. Alpha 6,000: 6000, 3000, 2000, 1500 | 1200; Beta and Gamma 1,400 each: 1400,
    # level, both above Alpha's 1200: Beta is next by the tie rule (earlier in the file).
    path = write(tmp_path, "party,votes\nAlpha,6000\nBeta,1400\nGamma,1400\n")
    result = invoke("seats", str(path), "--seats", "4", "--method", "dhondt", "--format", "json")
    (election,) = json.loads(result.stdout)["elections"]
    notes = " ".join(election["notes"])
    seats = {p["party"]: p["seats"] for p in election["allocations"][0]["parties"]}
    assert seats == {"Alpha": 4, "Beta": 0, "Gamma": 0}
    assert "next in line was Beta with 1,400.00 (1,400 ÷ 1)" in notes
    assert "(level with Gamma's 1,400.00 (1,400 ÷ 1): the tie rule put Beta first)." in notes
