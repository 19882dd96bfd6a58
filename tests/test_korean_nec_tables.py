"""South Korea's NEC (the National Election Commission's statistics system) gives its results by
place as a sheet of title lines, a header over three rows — the protocol lines (`선거인수` electors,
`투표수` ballots cast, `무효 투표수` invalid, `기권수` abstentions, `개표율` share counted) beside
the group `후보자별 득표수` (votes by candidate) over `후보자별 득표율 (%)` (their shares) over the
candidates and their sum `계` —, then each place on two rows: its counts, and under them, its name
blank, its percentages; the whole (`합계`) first (trial 21: the 20th presidential election's sheet
by district was refused for '0.02': "not a whole number … leave it out: --ignore-column '진보당
김재연'", advice to leave a candidate out; the share rows left out alone, the header read the
candidates under `득표율 (%)` as shares and named '진보당 김재연' the leader). Names and figures
invented, the layout is the file's; oracle: pandas over the count rows."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

SHEET = """선거관리위원회 선거통계,,,,,,,,,
[대통령선거] 개표진행상황,,,,,,,,,
구시군명,선거인수,투표수,후보자별 득표수,,,,무효 투표수,기권수,개표율
,,,후보자별 득표율 (%),,,,,,
,,,가나당 김가람,다라당 이나래,마바당 박다솜,계,,,
합계,"10,000","7,000","3,600","2,700",600,"6,900",100,"3,000",100.0
,,,52.17,39.13,8.69,,,,
동산구,"6,000","4,000","2,000","1,600",340,"3,940",60,"2,000",100.0
,,,50.76,40.60,8.62,,,,
서강구,"4,000","3,000","1,600","1,100",260,"2,960",40,"1,000",100.0
,,,54.05,37.16,8.78,,,,
"""
CANDIDATES = ["가나당 김가람", "다라당 이나래", "마바당 박다솜"]


def _places() -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(SHEET), skiprows=5, header=None, thousands=",")
    frame.columns = ["place", "registered", "cast", *CANDIDATES, "sum", "invalid", "abst", "pct"]
    return frame[frame["place"].notna() & (frame["place"] != "합계")]


def test_an_nec_sheet_by_place_is_read_by_its_count_rows(tmp_path, monkeypatch):
    path = write(tmp_path, SHEET)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    places = _places()
    assert {o.candidate: o.votes for o in election.options} == {
        name: int(places[name].sum()) for name in CANDIDATES
    }
    assert [r.name for r in election.regions] == list(places["place"])
    facts = election.facts
    assert facts.registered == int(places["registered"].sum())
    assert facts.ballots_cast == int(places["cast"].sum())
    assert facts.invalid == int(places["invalid"].sum())
    assert any("hold percentages, the shares of the row above each" in n for n in election.notes)


def test_the_sum_column_on_the_whole_row_is_no_mismatch(tmp_path, monkeypatch):
    """`계` on the `합계` row was warned of as "후보자별 득표수 / 계 6,900 in the total row, 0 in the
    parts": each place's `계` is set aside as its own total, so it is checked against the other
    options of its row (Seoul's 2022 sheet: 6,439,139 warned of, the candidates' sum)."""
    path = write(tmp_path, SHEET)
    _, problems = engines_agree(monkeypatch, path)
    assert [p.message for p in problems if p.code == "total-mismatch"] == []
    # A `계` off by one from its row's candidates (3,600 + 2,700 + 600 = 6,900) is still said.
    path = write(tmp_path, SHEET.replace('"6,900"', '"6,901"'), name="off.csv")
    _, problems = engines_agree(monkeypatch, path)
    (message,) = [p.message for p in problems if p.code == "total-mismatch"]
    assert "6,901 in the total row, 6,900 in its other options" in message
