"""Tables of shares or of measures by party read with `--wide` (trial 27).

Lyon's 2012 presidential results by polling station (`…,inscrits,abst,blancs,joly,lepen,…`) give
each candidate's share of the valid votes, two decimals, but a whole share (`31`) without them:
main checked only the cells with a fraction, whose rows then fell short of 100, and advised
`--ignore-column` for every candidate instead of saying the cells are percentages (as it says of
the AEC's national Voice table). Swissvotes' datasheet (`p-fdp`, `w-fdp`…: each party's
recommendation and its voters' share, one row per referendum) was "of 9 rounds or elections, told
by their headers' suffixes": the suffixes are parties, and the prefixes the measures (fewer
prefixes than suffixes).

The files are written here in those layouts with invented figures.
"""

from __future__ import annotations

from conftest import engines_agree, write

LYON = """\
"","id","nom","num_bureau","inscrits","abst","blancs","joly","lepen","sarkozy","hollande"
"1","0101","MAIRIE DU 1ER",101,794,22.29,1.3,9.52,14.11,26.91,49.46
"2","0102","MAIRIE DU 1ER",102,1165,20.17,1.08,7.83,15.98,31,45.19
"3","0103","ECOLE NORD",103,1268,18.53,1.94,9.18,25.23,23.82,41.77
"4","0104","ECOLE NORD",104,1316,21.43,0.77,4.19,17.89,39.43,38.49
"""

SWISS = """\
anr;datum;titel;volkja;volknein;p-fdp;p-sp;p-svp;w-fdp;w-sp;w-svp
1;06.06.1948;Erste Vorlage;145584;54320;1;2;1;71;33;80
2;14.01.1956;Zweite Vorlage;159182;156396;2;1;1;40;75;62
3;20.05.1962;Dritte Vorlage;98000;120500;1;1;2;66;58;21
"""


def _errors(problems) -> list[str]:
    return [p.message for p in problems if p.severity == "error"]


def test_a_table_of_shares_with_whole_shares_is_said_to_be_one(tmp_path, monkeypatch):
    path = write(tmp_path, LYON, name="presid2012_bureaux.csv")
    _, problems = engines_agree(monkeypatch, path, wide=True)
    errors = _errors(problems)
    assert any("the options' cells are percentages, not counts" in e for e in errors), errors
    assert not any("--ignore-column hollande" in e for e in errors)


def test_measures_by_party_are_no_rounds(tmp_path, monkeypatch):
    path = write(tmp_path, SWISS, name="datasheet.csv")
    _, problems = engines_agree(monkeypatch, path, wide=True)
    assert not any("rounds or elections" in e for e in _errors(problems))
