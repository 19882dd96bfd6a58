"""The finding that sends the reader to the polls' errors names the heading they are printed under.

It said "shown under poll accuracy", a heading no output has (the JSON key is `poll_accuracy`; the
table and Markdown say "Polls against the official count")."""

import re

import pytest

from conftest import DATA, invoke

POLLS = [str(DATA / f"kz_2022_exit_poll_{p}.csv") for p in ("amanat", "icsr", "osiirs")]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_finding_names_a_heading_the_output_prints(fmt):
    out = invoke(
        "compare", *POLLS, str(DATA / "kz_2022.csv"), "-f", fmt, env={"COLUMNS": "200"}
    ).stdout
    named = re.search(r"the poll's error, shown under “([^”]+)”", out)
    assert named, out
    headings = [line.strip(" #") for line in out.splitlines()]
    assert any(h.startswith(named.group(1)) for h in headings), named.group(1)
