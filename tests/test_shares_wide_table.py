"""A wide table of shares (a column per party, a row per election, `37,90%` cells, no votes): the
advice leads to a table pollcli reads, never back to itself.

A table of one German Land's results by election (`;CDU;SPD;…`, shares only) was told "no
candidate column … check the header row and the delimiter" and "add one"; with --wide, "no column
holds an option's counts; name the columns that name the rows with --id-columns COL,…, or leave
--wide out"; with --id-columns, the same again. (The table below is invented, in that layout.)
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

WIDE = """election;Blue;Red;Green;Others
EU2009;37,90%;20,80%;31,30%;10,00%
FED2009;39,40%;27,90%;29,70%;3,00%
FED2013;31,50%;45,80%;20,70%;2,00%
"""


@pytest.mark.parametrize(
    "flags", [(), ("--wide",), ("--wide", "--id-columns", "election")], ids=["", "wide", "ids"]
)
def test_each_way_in_is_told_the_real_reason_and_the_table_that_reads(tmp_path, flags):
    path = write(tmp_path, WIDE, "by_election.csv")
    result = invoke("summary", str(path), *flags)
    assert result.code == 1
    assert (
        "each option has a column of its own ('Blue', 'Red'…) holding its share ('37,90%' on "
        "line 2), not its votes: pollcli reshapes a wide table of vote counts only, and --wide "
        "would not read it. Write it long, a row per option and its share, the rows' names in an "
        "'election' column: 'election;candidate;share', then 'EU2009;Blue;37,90%' and so on"
        in " ".join(result.stderr.split())
    )
    assert "--id-columns COL" not in result.stderr and "add one" not in result.stderr


def test_the_table_the_advice_names_is_read(tmp_path):
    frame = pd.read_csv(io.StringIO(WIDE), sep=";")
    long = frame.melt(id_vars="election", var_name="candidate", value_name="share")
    text = long.to_csv(sep=";", index=False, quoting=csv.QUOTE_MINIMAL)
    assert text.startswith("election;candidate;share\nEU2009;Blue;37,90%\n")
    result = invoke("summary", str(write(tmp_path, text, "long.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    leaders = {
        e["election"]: e["leader"]["candidate"] for e in json.loads(result.stdout)["elections"]
    }
    # The oracle: the wide table's largest share in each row.
    shares = frame.set_index("election").apply(lambda c: c.str.rstrip("%").str.replace(",", "."))
    assert leaders == shares.astype(float).idxmax(axis=1).to_dict()


def test_a_comma_table_quotes_its_decimal_comma_in_the_example(tmp_path):
    rows = [line.split(";") for line in WIDE.splitlines()]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    result = invoke("summary", str(write(tmp_path, out.getvalue(), "comma.csv")))
    assert result.code == 1
    assert "then 'EU2009,Blue,\"37,90%\"'" in " ".join(result.stderr.split())
