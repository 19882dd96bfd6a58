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
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

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


def _hierarchy(floats: bool) -> str:
    """Two districts (EC-01, EC-02), each followed by its polling divisions (EC-01A, EC-01B, its
    postal votes EC-01P), and the country's row (LK) last, as the presidential files give them."""
    divisions = {
        "EC-01": [("EC-01A", 300, 200, 40), ("EC-01B", 250, 260, 30), ("EC-01P", 90, 40, 5)],
        "EC-02": [("EC-02A", 120, 310, 25), ("EC-02B", 180, 150, 20), ("EC-02P", 30, 50, 3)],
    }

    def cell(value: int, noisy: bool) -> str:
        return f"{value - 1}.9999999999999996" if floats and noisy else str(value)

    def counts(votes: tuple[int, ...], rejected: int) -> tuple[int, ...]:
        valid = sum(votes)
        return (valid, rejected, valid + rejected, valid + rejected + 100, *votes)

    def row(name: str, figures: tuple[int, ...], noisy: bool) -> str:
        return "\t".join([name, *(cell(v, noisy) for v in figures)])

    def added(rows: list[tuple[int, ...]]) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*rows, strict=True))

    lines, every = [], []
    for district, parts in divisions.items():
        own = [counts((a, b, c), 5 + len(name)) for name, a, b, c in parts]
        lines.append(row(district, added(own), noisy=True))
        lines += [
            row(name, figures, noisy=False) for (name, *_), figures in zip(parts, own, strict=True)
        ]
        every += own
    lines.append(row("LK", added(every), noisy=True))
    return HEADER + "\n".join(lines) + "\n"


@pytest.mark.parametrize("floats", [False, True], ids=["whole", "floats"])
def test_districts_and_the_country_are_totals_of_their_divisions(tmp_path, monkeypatch, floats):
    """Counted with their divisions, the districts and the country's row tripled every figure
    (SLPP 20,772,765 votes in 2019 for 6,924,255): a row whose code begins the codes of two rows
    or more (EC-01 of EC-01A, EC-01B…) and holds their sum is their total, and a first or last row
    holding the sum of the rows that are no totals is the total of them all."""
    text = _hierarchy(floats)
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text, "lk_pd.tsv"))
    frame = pd.read_csv(io.StringIO(text), sep="\t")
    leaves = frame[frame["entity_id"].str.len() == 6]  # EC-01A…: the polling divisions
    assert {o.candidate: o.votes for o in race.options} == {
        p: int(leaves[p].sum()) for p in ("SLPP", "NDF", "NMPP")
    }
    assert race.facts.registered == int(leaves["electors"].sum())
    assert not [p for p in problems if p.severity == "error"]
    said = " ".join(p.message for p in problems)
    assert "total" in said


def test_a_breakdown_of_part_of_a_row_is_refused_with_advice_that_works(tmp_path, monkeypatch):
    """Sri Lanka's local-authority file of 2018: Colombo (EC-01) with all its divisions, Gampaha
    (EC-02) with one of them (EC-02G), the other districts alone, the country (LK) last, about
    their sum. No level adds up: refused, never counted twice; the advice counts the country's row
    alone, and works."""
    text = _hierarchy(False)
    lines = text.splitlines()
    # Gampaha keeps one division of its three: EC-02A.
    lines = [line for line in lines if not line.startswith(("EC-02B", "EC-02P"))]
    path = write(tmp_path, "\n".join(lines) + "\n", "lk_la.tsv")
    _elections, problems = engines_agree(monkeypatch, path)
    (error,) = [p for p in problems if p.severity == "error"]
    assert "'EC-02' begins the codes of 'EC-02A', but does not hold their sum" in error.message
    assert "--where entity_id=LK" in error.message
    refused = invoke("summary", str(path), "--format", "json")
    assert refused.code == 1 and refused.stdout == ""  # a file refused whole
    result = invoke("summary", str(path), "--format", "json", "--where", "entity_id=LK")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text), sep="\t").set_index("entity_id")
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        p: int(frame.loc["LK", p]) for p in ("SLPP", "NDF", "NMPP")
    }
