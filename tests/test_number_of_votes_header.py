"""A votes column headed with a number-of mark — the Kiesraad's party totals write `# Stemmen`
(and `# Zetels`) beside `Percentage`; `# Votes`, `No. of votes` elsewhere — is the votes column.
It was left unused ("Ignored column(s): '# Stemmen'"): the table showed shares alone, every
party's votes and the margin in votes lost. A `#` before another word is no column pollcli
reads (`# Candidate` may number the ballot), but `# Zetels`, the seats each list won. Names and figures invented; oracle: the file's own
cells, read by pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write
from pollcli.columns import canonical_column

TOTALS = """Partij,Aggregatie partij,# Stemmen,Percentage,# Zetels
Rood,,31200,"52,00 %",8
Blauw,,21000,"35,00 %",5
Groen,,7800,"13,00 %",2
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_number_of_votes_header_is_the_votes_column(tmp_path, engine) -> None:
    path = write(tmp_path, TOTALS, "totals.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(TOTALS))
    expected = dict(zip(frame["Partij"], frame["# Stemmen"], strict=True))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
    # (`# Zetels`, the seats each list won, read as such: no margin is measured then)
    assert dict(zip(election["elected"], election["seats_won"], strict=True)) == dict(
        zip(frame["Partij"], frame["# Zetels"], strict=True)
    )
    assert not any("# Stemmen" in n for n in election["notes"])


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("# Stemmen", "votes"),
        ("# votes", "votes"),
        ("#Votes", "votes"),
        ("No. of votes", "votes"),
        ("Nr. of votes", "votes"),
        ("Stemmen", "votes"),
        ("# Candidate", None),
        ("# Zetels", "seats"),
        ("#", None),
    ],
)
def test_number_of_marks(header: str, column: str | None) -> None:
    assert canonical_column(header) == column
