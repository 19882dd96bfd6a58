"""Sri Lanka's Election Commission results as nuuuwan/lk_elections publishes them (one row per
electoral district, `LK` the country's): `entity_id, valid, rejected, polled, electors`, then a
column per party, every figure a float (`198.00000000000006`: sums of floats). `electors` (the
registered voters) and `polled` (the ballots cast) were read as two parties, so the options added
up to 3.4 times the valid votes and the file was refused; its float sums were refused as "not a
whole number; a count has no fraction", which a long table reads as the whole number (trial 11).

`electors`, `registered electors`, `total electors` are the registered voters; `polled`, `votes
polled`, `total polled` the ballots cast (as India's and Pakistan's tables also write them). A wide
table's figure within 1e-6 of a whole number is read as it, with the note a long table gives.
Both engines.

Figures invented, the layout is the file's; oracle: pandas over the fixture (rounded sums, and
turnout as polled / electors).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

HEADER = "entity_id\tvalid\trejected\tpolled\telectors\tSLPP\tNDF\tNMPP\n"
ROWS = [
    "EC-01\t900\t20\t920\t1200\t500\t300\t100",
    "EC-02\t600\t10\t610\t800\t200\t350\t50",
    "EC-03\t300\t5\t305\t450\t150\t100\t50",
]
FLOATS = [
    "EC-01\t900.0\t20.0\t920.0000000000001\t1200.0\t499.99999999999994\t300.00000000000006\t100.0",
    "EC-02\t600.0\t10.0\t610.0\t800.0\t200.0\t350.0\t50.0",
    "EC-03\t300.0\t5.0\t305.0\t450.0\t150.0\t99.99999999999999\t50.0",
]


@pytest.mark.parametrize("rows", [ROWS, FLOATS], ids=["whole", "floats"])
def test_polled_and_electors_are_protocol_lines(tmp_path, monkeypatch, rows) -> None:
    text = HEADER + "\n".join(rows) + "\n"
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text, "lk.tsv"))
    frame = pd.read_csv(io.StringIO(text), sep="\t")
    expected = {p: round(frame[p].sum()) for p in ("SLPP", "NDF", "NMPP")}
    assert {o.candidate: o.votes for o in race.options} == expected
    assert race.facts.registered == round(frame["electors"].sum())
    assert race.facts.ballots_cast == round(frame["polled"].sum())
    assert race.facts.invalid == round(frame["rejected"].sum())
    assert not [p for p in problems if p.severity == "error"]


def test_a_big_table_of_float_protocol_lines(tmp_path, monkeypatch) -> None:
    """Polling stations by district, many rows (the table summed per region with pandas): each
    protocol line a float sum, the options plain counts; the note names the first."""
    from pollcli.read.wide_rows import SUMMED_FROM_ROWS

    lines = []
    for i in range(SUMMED_FROM_ROWS + 5):
        a, b = 100 + i % 7, 50 + i % 5
        polled = f"{a + b + 2}.0000000000001" if i % 3 == 0 else f"{a + b + 2}.0"
        lines.append(f"PS-{i}\tEC-{i % 4:02d}\t{a + b}\t2\t{polled}\t{a + b + 40}\t{a}\t{b}")
    text = "station\tdistrict\tvalid\trejected\tpolled\telectors\tSLPP\tNDF\n" + "\n".join(lines)
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text + "\n", "lk_ps.tsv"))
    frame = pd.read_csv(io.StringIO(text), sep="\t")
    assert {o.candidate: o.votes for o in race.options} == {
        p: int(frame[p].sum()) for p in ("SLPP", "NDF")
    }
    assert race.facts.ballots_cast == round(frame["polled"].sum())
    assert race.facts.registered == int(frame["electors"].sum())
    assert any("protocol count" in n and "'152.0000000000001' on line 2" in n for n in race.notes)
    assert not [p for p in problems if p.severity == "error"]
