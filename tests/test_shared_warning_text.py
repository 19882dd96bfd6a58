"""A warning that every race of a file carries (`problems.race_split`) is rendered once in a
summary: its races' summaries share one text, not a copy each (10,000 races of 100 party lists
held 10,000 copies of one 900-byte warning at the summary's peak), and the text is the same."""

from __future__ import annotations

from conftest import write
from pollcli.read import load
from pollcli.summary import summarize


def test_races_sharing_a_warning_share_its_text(tmp_path):
    lines = ["election,candidate,party,votes"]
    for town in range(3):
        lines += [f"Town {town},Name {town}-{i},Party {i % 2},{10 + i + town}" for i in range(4)]
    elections = load([write(tmp_path, "\n".join(lines) + "\n")])
    shared = elections[0].warnings
    assert shared and all(e.warnings[0] is shared[0] for e in elections)
    result = summarize(elections, release=True)
    texts = [s.warnings[0] for s in result.elections]
    assert texts[0] == shared[0].render()
    assert all(text is texts[0] for text in texts)
