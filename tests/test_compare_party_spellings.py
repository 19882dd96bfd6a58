"""`compare --by party` across files that spell the parties two ways.

West Virginia's 2016 county file names the parties `Republican`, `Democrat`, `Mountain`; its 2020
file `REP`, `DEM`, `MTN`. `compare --by party --race President` printed "Pedersen volatility
100.00": every party "gone" and "new", while a finding said the same candidate stood under both
names. Now the big US parties' usual spellings (the ones the reader already takes as one party
within a file, `namekeys.party_key`) are matched across files, and where a candidate in both still
stands under two party names that match nothing, no figure is printed: JSON's `volatility` is
null, and `volatility_withheld` says why (null alone keeps meaning two stages of one election).
"""

from __future__ import annotations

import json

from conftest import invoke, write


def _files(tmp_path, later: str, earlier: str | None = None) -> tuple[str, str]:
    old = write(
        tmp_path,
        earlier
        or "candidate,party,votes\nAnn Ray,Republican,600\nBo Dee,Democrat,300\n"
        "Cy Moss,Mountain,100\n",
        "wv2016.csv",
    )
    new = write(tmp_path, "candidate,party,votes\n" + later, "wv2020.csv")
    return str(old), str(new)


def _json(*args: str) -> dict:
    result = invoke("compare", *args, "--by", "party", "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_big_parties_usual_spellings_are_one_party_across_files(tmp_path):
    old, new = _files(tmp_path, "Ann Ray,REP,700\nEd Fox,DEM,200\nCy Moss,Mountain,100\n")
    out = _json(old, new)
    rows = {r["candidate"]: r for r in out["rows"]}
    assert set(rows) == {"REP", "DEM", "Mountain"}
    assert rows["REP"]["names"] == ["Republican", "REP"]
    assert rows["REP"]["shares"] == [60.0, 70.0]
    assert rows["DEM"]["names"] == ["Democrat", "DEM"]
    assert out["unmatched"] == []
    # By hand: REP +10, DEM −10, Mountain 0 points; half of 20.
    assert out["volatility"] == [10.0]
    assert "volatility_withheld" not in out
    assert {(m["name"], m["matched_to"], m["score"]) for m in out["matches"]} == {
        ("REP", "Republican", 100.0),
        ("DEM", "Democrat", 100.0),
    }
    notes = invoke("compare", old, new, "--by", "party", "--format", "markdown").stdout
    assert "| Republican | REP | 100.0 | one party's usual spellings |" in notes


def test_a_candidate_under_two_unmatched_party_names_withholds_the_figure(tmp_path):
    old, new = _files(tmp_path, "Ann Ray,REP,600\nBo Dee,DEM,300\nCy Moss,MTN,100\n")
    out = _json(old, new)
    # Mountain and MTN stay two rows: nothing says they are one party...
    assert {r["candidate"] for r in out["rows"]} == {"REP", "DEM", "Mountain", "MTN"}
    # ...so the volatility (which would count Cy Moss's party as gone and new: 10.00) is not given.
    assert out["volatility"] == [None]
    (why,) = out["volatility_withheld"]
    assert "“Mountain” in wv2016, “MTN” in wv2020 (Cy Moss)" in why
    # The change column is still there: the pair is two elections, not two stages of one.
    assert [r["changes"] for r in out["rows"] if r["candidate"] == "REP"] == [[0.0]]

    table = invoke("compare", old, new, "--by", "party").stdout
    line = next(x for x in table.splitlines() if "Pedersen volatility" in x)
    assert line.split()[-1] == "—"
    assert "Δ 1→2" in table
    assert "No Pedersen volatility from wv2016 to wv2020 by party" in " ".join(table.split())
    markdown = invoke("compare", old, new, "--by", "party", "--format", "markdown").stdout
    assert "| *Pedersen volatility* |  | — |  |" in markdown

    # Said to be one party, the figure is given again: 0 points.
    out = _json(old, new, "--alias", "Mountain=MTN")
    assert out["volatility"] == [0.0]
    assert "volatility_withheld" not in out


def test_two_stages_of_one_election_keep_a_plain_null(tmp_path):
    facts = "# election: Gov\n# date: 2020-11-03\n"
    poll = write(
        tmp_path,
        facts + "# stage: exit_poll\ncandidate,party,share\nAnn,REP,55\nBo,DEM,45\n",
        "poll.csv",
    )
    count = write(tmp_path, facts + "candidate,party,votes\nAnn,REP,50\nBo,DEM,50\n", "count.csv")
    out = _json(str(poll), str(count))
    assert out["volatility"] == [None]
    assert "volatility_withheld" not in out


def test_a_party_abbreviated_in_one_file_is_pointed_out_not_matched(tmp_path):
    # West Virginia's 2020 file writes 'LBN' and 'MTN' where 2016's wrote 'Libertarian' and
    # 'Mountain' (other candidates each time): by party they are "gone" and "new", which pollcli
    # cannot tell from a new party. It says they may be one, and how to say so; it does not match
    # them by their letters.
    old, new = _files(
        tmp_path,
        "Ann Ray,REP,600\nBo Dee,DEM,300\nDi Low,LBN,60\nEd Fox,MTN,40\n",
        "candidate,party,votes\nAnn Ray,Republican,600\nBo Dee,Democrat,300\n"
        "Cy Moss,Libertarian,50\nGus Hale,Mountain,30\nFay Pike,Constitution,20\n",
    )
    markdown = invoke("compare", old, new, "--by", "party", "--format", "markdown").stdout
    text = " ".join(markdown.split())
    assert (
        "“LBN” (new in wv2020) may be “Libertarian” (wv2016) written short, and “MTN” "
        "“Mountain”: parties are not matched by their initials; if they are one party, say so "
        '(--alias "Libertarian=LBN" --alias "Mountain=MTN").'
    ) in text
    assert "Constitution”" not in text.split("written short")[1]
    out = _json(old, new)
    assert {r["candidate"] for r in out["rows"]} >= {"LBN", "Libertarian"}
    # By hand: REP 0, DEM 0, Libertarian 5 gone, Mountain 3 gone, Constitution 2 gone, LBN 6 and
    # MTN 4 new: half of 20.
    assert out["volatility"] == [10.0]
    aliased = _json(old, new, "--alias", "Libertarian=LBN", "--alias", "Mountain=MTN")
    # Libertarian 5 → 6, Mountain 3 → 4, Constitution 2 → 0: half of 4.
    assert aliased["volatility"] == [2.0]


def test_a_candidate_who_changed_party_leaves_the_figure(tmp_path):
    # Both parties stand in both elections: a candidate under Republican, then Democratic, changed
    # party; neither name is the other's spelling. The figure was withheld with the advice
    # '--alias "Republican=Democratic"', which followed would count the two parties as one.
    old, new = _files(
        tmp_path,
        "Pat Toe,Republican,500\nArt Spec,Democratic,450\nJim Cly,Constitution,50\n",
        "candidate,party,votes\nArt Spec,Republican,600\nJo Hoff,Democratic,350\n"
        "Jim Cly,Constitution,50\n",
    )
    out = _json(old, new)
    # By hand: Republican 60 → 50, Democratic 35 → 45, Constitution 5 → 5; half of 20 points.
    assert out["volatility"] == [10.0]
    assert "volatility_withheld" not in out
