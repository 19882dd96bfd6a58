"""A protocol line after the options: Poland's PKW results by gmina (2020 presidential runoff) end
with `Liczba obwodów` (the count of polling stations) two columns after the valid votes. Protocol
lines at most three columns apart were read as one run, the columns between them protocol lines
too, so the two candidates were no options: "no candidate column … check the header row", and
`--ignore-column 'Liczba obwodów'` did not help. Now the columns right after the valid votes are
the options whatever line follows, and a column left out is no protocol line. Also the 2020
wording of the ballots the commissions received (`Komisje obwodowe otrzymały kart…`) is a protocol
line, not a name of the row.

Oracle: pandas, each candidate's column summed over the gminy."""

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

HEADER = (
    '"Nr OKW";"Kod TERYT";"Gmina";"Powiat";"Komisje obwodowe otrzymały kart do głosowania";'
    '"Liczba wyborców uprawnionych do głosowania";"Liczba kart wyjętych z urny";'
    '"Liczba kart nieważnych";"Liczba głosów nieważnych";'
    '"W tym z powodu postawienia znaku „X” wyłącznie obok skreślonego nazwiska kandydata";'
    '"Liczba głosów ważnych oddanych łącznie na wszystkich kandydatów";'
    '"Andrzej Sebastian DUDA";"Rafał Kazimierz TRZASKOWSKI"'
)
ROWS = [
    '2;"020101";"m. Bolesławiec";"bolesławiecki";27753;29061;19130;1;145;"";18984;7915;11069',
    '2;"020102";"gm. Bolesławiec";"bolesławiecki";10455;11100;7198;0;58;"";7140;3607;3533',
    '2;"020103";"gm. Gromadka";"bolesławiecki";3964;4277;2592;0;20;"";2572;1617;955',
]
CANDIDATES = ["Andrzej Sebastian DUDA", "Rafał Kazimierz TRZASKOWSKI"]


def table(trailing: bool) -> str:
    extra = [';"Liczba obwodów"', ";23", ";9", ";4"] if trailing else [""] * 4
    lines = [HEADER + extra[0], *(row + cell for row, cell in zip(ROWS, extra[1:], strict=True))]
    return "\n".join(lines) + "\n"


def oracle(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text), sep=";")
    return {c: int(frame[c].sum()) for c in CANDIDATES}


@pytest.mark.parametrize("trailing", [True, False])
def test_the_candidates_before_a_last_protocol_line_are_the_options(
    tmp_path, monkeypatch, trailing
):
    text = table(trailing)
    path = write(tmp_path, text, "pl_gminy.csv")
    (election,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(text)
    frame = pd.read_csv(io.StringIO(text), sep=";")
    assert election.facts.registered == frame["Liczba wyborców uprawnionych do głosowania"].sum()
    assert (
        election.facts.total_votes
        == frame["Liczba głosów ważnych oddanych łącznie na wszystkich kandydatów"].sum()
    )
    assert not any("Komisje obwodowe" in r.name for r in election.regions)


def test_a_left_out_line_is_no_protocol_line(tmp_path, monkeypatch):
    text = table(True)
    path = write(tmp_path, text, "pl_gminy.csv")
    (election,), problems = engines_agree(monkeypatch, path, ignore_columns=("Liczba obwodów",))
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(text)
