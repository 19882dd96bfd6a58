"""A cell is quoted in a message as the file writes it: a database's empty value `\\N` (MySQL's
export, as in the Georgian CEC's tables by precinct that ForSet published) was shown `'\\\\N'`, a
text the file does not hold and a search for it does not find (trial 21). Other cells keep Python's
quoting (a quote inside, a control character)."""

from __future__ import annotations

from conftest import engines_agree, write
from pollcli.numbers import shown


def test_a_backslash_is_shown_as_written():
    assert shown("\\N") == "'\\N'"
    assert shown("it's") == '"it\'s"'
    assert shown("a\tb") == "'a\\tb'"


def test_a_null_cell_names_itself_as_written(tmp_path, monkeypatch):
    path = write(tmp_path, "candidate,votes\nAda Brook,10\nBen Croft,\\N\n")
    _, problems = engines_agree(monkeypatch, path)
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.line == 3
    assert error.message.startswith("votes '\\N': the file gives no figure here")
