"""Blank vote-mode cells in a big file are summed by the streaming engine's blocks (session 14).

Florida's precinct files (`county,precinct,office,district,candidate,party,provisional,absentee,
early_voting,election_day,votes`) leave the four mode cells blank where a precinct's modes are not
broken out and give the votes alone. pyarrow refused such a block (a blank is no int64), so the
streaming engine read every block with the exact stages, and again for a precinct listed twice:
Palm Beach 2020 (3.7 MB) took 2.3 s of CPU where the exact engine takes 1.0 s. A blank mode cell
counts nothing (`records.CellReader.parts`); beside a votes column the modes are checked only on a
row that gives them all; without one a row's votes are the modes it gives. Both engines read such
files alike; the figures by pandas.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import blocks

HEAD = "county,precinct,office,district,candidate,party,provisional,absentee,early_voting,election_day,votes"


def florida(precincts: int = 40) -> str:
    """Two races; odd precincts give their modes, even ones the votes alone (blank modes)."""
    rows = [HEAD]
    for office, names in (("President", ("Ann Ash", "Bob Bell")), ("Sheriff", ("Cy Cole",))):
        for at, name in enumerate(names):
            for p in range(precincts):
                votes = 10 * p + 3 * at + 1
                if p % 2:
                    modes = f"0,{votes // 3},{votes // 3},{votes - 2 * (votes // 3)}"
                else:
                    modes = ",,,"
                rows.append(f"Palm Beach,{1000 + p},{office},,{name},DEM,{modes},{votes}")
    return "\n".join(rows) + "\n"


def _oracle(text: str, modes_only: bool = False) -> dict[tuple[str, str], int]:
    table = pd.read_csv(io.StringIO(text))
    modes = ["provisional", "absentee", "early_voting", "election_day"]
    votes = table[modes].sum(axis=1, min_count=1) if modes_only else table["votes"]
    summed = votes.groupby([table["office"], table["candidate"]]).sum()
    return {(str(o), str(c)): int(v) for (o, c), v in summed.items()}


def _read(monkeypatch, path) -> tuple[list, list, list]:
    """Both engines' (agreeing) elections and problems, and each block the streaming engine summed
    with what it gave (None: read by the exact stages), in the order its workers finished."""
    seen: list = []
    summarize = blocks.Layout.summarize

    def watched(self, data):
        result = summarize(self, data)
        seen.append((data, result))  # (one append: two workers' do not interleave)
        return result

    monkeypatch.setattr(blocks.Layout, "summarize", watched)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=400)
    return elections, problems, seen


def _votes(elections) -> dict[tuple[str, str], int]:
    return {(e.facts.office, o.candidate): o.votes for e in elections for o in e.options}


def test_blank_modes_beside_the_votes_are_summed_by_the_blocks(tmp_path, monkeypatch):
    text = florida()
    elections, problems, summed = _read(monkeypatch, write(tmp_path, text))
    assert not problems
    assert _votes(elections) == _oracle(text)
    assert len(summed) > 5 and all(s is not None for _, s in summed)


def test_modes_that_disagree_with_the_votes_are_still_named(tmp_path, monkeypatch):
    """A row that gives every mode is checked against its votes, in a block of blank ones too."""
    good = "Palm Beach,1011,Sheriff,,Cy Cole,DEM,0,37,37,37,111"
    assert good in florida()
    text = florida().replace(good, "Palm Beach,1011,Sheriff,,Cy Cole,DEM,0,37,37,38,111")
    elections, problems, summed = _read(monkeypatch, write(tmp_path, text))
    assert [(p.code, p.line) for p in problems] == [("mode-mismatch", 2 + 80 + 11)]
    assert _votes(elections) == _oracle(text)
    assert sum(s is None for _, s in summed) == 1  # the block of that row alone


def _without_votes(text: str) -> str:
    return "\n".join(line.rsplit(",", 1)[0] for line in text.splitlines()) + "\n"


def test_without_a_votes_column_a_row_counts_the_modes_it_gives(tmp_path, monkeypatch):
    """Even precincts give one mode of four, the others blank."""
    text = _without_votes(florida()).replace(",,,\n", ",,7,\n")
    assert ",,,\n" not in text and ",,7,\n" in text
    elections, problems, summed = _read(monkeypatch, write(tmp_path, text))
    assert not problems, problems
    assert _votes(elections) == _oracle(text, modes_only=True)
    assert all(s is not None for _, s in summed)


@pytest.mark.parametrize("has_votes", [True, False], ids=["votes-column", "modes-only"])
def test_a_row_of_no_figure_at_all_is_named(tmp_path, monkeypatch, has_votes):
    """Every figure of a row blank: a missing value the exact stages name, on both engines."""
    text = florida() if has_votes else _without_votes(florida()).replace(",,,\n", ",,7,\n")
    lines = text.splitlines()
    lines[3] = "Palm Beach,1002,President,,Ann Ash,DEM,,,," + ("," if has_votes else "")
    blank = lines[3].encode()
    _, problems, summed = _read(monkeypatch, write(tmp_path, "\n".join(lines) + "\n"))
    assert [(p.code, p.line) for p in problems if p.severity == "error"] == [("missing-value", 4)]
    # (The blocks as their workers finished, not in the file's order: told by their bytes.)
    assert all((s is None) == (blank in data) for data, s in summed)
