"""A table of parties by row and places by column (Elections Canada's official report, table 8:
`Political affiliation/Appartenance politique,N.L. Valid Votes/Votes valides T.-N.-L.,…`) is
no wide table of options. pollcli refused it, advising `--wide --id-columns COL`; followed, with
the party column as the rows' names, the provinces were the options: "Ont. Valid Votes/Votes
valides Ont. leads with 37.89 %" (trial 16). A row-naming column that is the party (or candidate)
column says each row is an option: the advice says so, and --wide with it is refused.

Figures invented, the layout is the file's."""

from __future__ import annotations

from conftest import invoke, write

TEXT = (
    '\ufeffPolitical affiliation/Appartenance politique,"N.L. Valid Votes/Votes valides T.-N.-L.",'
    '"P.E.I. Valid Votes/Votes valides Î.-P.-É.","Ont. Valid Votes/Votes valides Ont."\n'
    '"Bloc Québécois/Bloc Québécois",0,0,0\n'
    '"Conservative/Conservateur",700,300,2500\n'
    '"Liberal/Libéral",900,400,3000\n'
    '"NDP-New Democratic Party/NPD-Nouveau Parti démocratique",200,100,1200\n'
)
PARTY = "Political affiliation/Appartenance politique"


def test_the_advice_names_the_table_transposed(tmp_path) -> None:
    path = write(tmp_path, TEXT, "table_tableau08.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "transposed" in result.stderr and repr(PARTY) in result.stderr
    assert "pass --wide" not in result.stderr


def test_wide_with_the_party_column_as_names_is_refused(tmp_path) -> None:
    path = write(tmp_path, TEXT, "table_tableau08.csv")
    result = invoke("summary", str(path), "--wide", "--id-columns", PARTY)
    assert result.code != 0 and "leads" not in result.stdout
    assert "transposed" in result.stderr


def test_a_row_per_candidate_keeps_the_votes_advice(tmp_path) -> None:
    """The guard: one row per candidate (Scotland's STV table, its counts under a header pollcli
    does not know) is no transposed table; the advice names the columns of counts for --votes.
    (Its `first_prefs` is read as the votes since session 25: `test_first_prefs_votes`.)"""
    text = (
        "ward_name,name,party_name,stage_one,quota\nA,Ann Lee,Lab,500,301\nA,Bo Diaz,SNP,400,301\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "council17.csv")))
    assert result.code != 0 and "--votes COL" in result.stderr
    assert "transposed" not in result.stderr
    first = invoke("summary", str(write(tmp_path, text.replace("stage_one", "first_prefs"))))
    assert first.code == 0 and "transposed" not in first.stderr, first.stderr
