"""Lines each wholly in one pair of quotes (`"01;001;13587;113;32"`: Hungary's valasztas.hu
results as a script wrote them out): each line split into one cell holding the whole row, the
header one column, and the file refused with "no candidate column ... check the header row and
the delimiter", on a file whose rows are plain to read. Now read without the outer quotes, with a
note. Names and figures invented; oracle: pandas on the same table unquoted."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write

PLAIN = """district;candidate;votes
North;Ann Lee;120
North;"Park; Bo";80
South;Ann Lee;60
South;"Park; Bo";90
"""


def wrapped(text: str, end: str = "\r\n") -> str:
    """Each line of `text` in one pair of quotes (a quote inside doubled), as the publisher's."""
    return "".join('"' + line.replace('"', '""') + '"' + end for line in text.splitlines())


def json_of(path, engine: str, *flags: str) -> dict:
    result = invoke(
        "summary", str(path), "--format", "json", *flags, env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_wholly_quoted_lines_are_read(tmp_path, engine) -> None:
    path = write(tmp_path, wrapped(PLAIN), "quoted.csv")
    report = json_of(path, engine)
    (election,) = report["elections"]
    oracle = pd.read_csv(io.StringIO(PLAIN), sep=";").groupby("candidate")["votes"].sum()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle.to_dict()
    assert any("wholly in one pair of quotes" in note for note in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_wholly_quoted_lines_read_as_the_plain_file(tmp_path, engine) -> None:
    """Same elections as the file without the quotes (line numbers unchanged), comments above."""
    text = "# source: invented\n" + PLAIN
    quoted = json_of(write(tmp_path, "# source: invented\n" + wrapped(PLAIN), "q.csv"), engine)
    plain = json_of(write(tmp_path, text, "q.csv"), engine)
    for election in quoted["elections"]:
        election["notes"] = [n for n in election["notes"] if "pair of quotes" not in n]
    assert quoted == plain


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_wholly_quoted_lines_without_a_header_take_columns(tmp_path, engine) -> None:
    """Hungary's file has no header line: the advice names --columns, which then reads it."""
    body = "01;001;900;20;500;380\n01;002;610;10;300;300\n02;001;400;0;100;300\n"
    path = write(tmp_path, wrapped(body), "adatok.csv")
    refused = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert refused.code != 0
    assert "--columns" in refused.stderr and "holds figures, not a header" in refused.stderr
    report = json_of(path, engine, "--columns", "county,town,ballots_cast,invalid,A,B")
    (election,) = report["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"A": 900, "B": 980}


def test_quoted_cells_are_left_as_they_are(tmp_path) -> None:
    """Every cell quoted on its own (`"a";"b"`) is no line in one pair of quotes."""
    text = '"candidate";"votes"\n"Ann Lee";"120"\n"Bo Park";"80"\n'
    report = json_of(write(tmp_path, text), "exact")
    (election,) = report["elections"]
    assert not any("pair of quotes" in note for note in election["notes"])
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Ann Lee": 120,
        "Bo Park": 80,
    }


_NAME = st.text(alphabet="ABCab ;,\"'é", min_size=1, max_size=8).filter(
    lambda s: s.strip() and s.strip(' "') == s.strip()
)


@given(st.dictionaries(_NAME, st.integers(0, 10_000), min_size=1, max_size=5))
def test_unwrap_gives_the_plain_text_back(table) -> None:
    """Any table written as CSV, each line then wrapped, unwraps to the same CSV text."""
    from pollcli.read.wholequoted import unwrap

    buffer = io.StringIO()
    frame = pd.DataFrame({"candidate": list(table), "votes": list(table.values())})
    frame.to_csv(buffer, sep=";", index=False, lineterminator="\n")
    text = buffer.getvalue()
    unwrapped, note = unwrap(wrapped(text, "\n"))
    assert note is not None
    assert unwrapped == text
