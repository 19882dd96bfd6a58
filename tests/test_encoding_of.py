"""`compare --encoding-of FILE=NAME`: files of two publishers, one cp1252 and one UTF-8, each read in
its own encoding (trial 5: UK 2015 in cp1252 beside 2017 in UTF-8 — one --encoding for both gave
"Sinn FÃ©in new 66.71 %", "Sinn Féin gone" and a volatility of 74.09)."""

from __future__ import annotations

import json

import pandas as pd

from conftest import invoke, write

Y2015 = "# election: 2015\n# date: 2015-05-07\nparty,votes\nSinn Féin,19163\nSDLP,2713\nDUP,2773\n"
Y2017 = "# election: 2017\n# date: 2017-06-08\nparty,votes\nSinn Féin,27107\nSDLP,2860\nDUP,5455\n"


def _files(tmp_path):
    old = write(tmp_path, Y2015, "ge2015.csv", encoding="cp1252")
    new = write(tmp_path, Y2017, "ge2017.csv")
    return old, new


def _shares(text: str) -> dict[str, float]:
    frame = pd.read_csv(pd.io.common.StringIO(text.split("\n", 2)[2]))
    return dict(zip(frame["party"], frame["votes"] / frame["votes"].sum() * 100, strict=True))


def test_each_file_in_its_own_encoding(tmp_path):
    old, new = _files(tmp_path)
    result = invoke(
        "compare", str(old), str(new), "--encoding-of", "ge2015.csv=cp1252", "-f", "json"
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    rows = {r["candidate"]: r for r in data["rows"]}
    assert set(rows) == {"Sinn Féin", "SDLP", "DUP"}
    a, b = _shares(Y2015), _shares(Y2017)
    for party, row in rows.items():
        assert row["shares"] == [pytest_approx(a[party]), pytest_approx(b[party])]
    # Volatility from an oracle: half the sum of absolute share changes.
    expected = sum(abs(b[p] - a[p]) for p in a) / 2
    assert data["volatility"][-1] == pytest_approx(expected)


def pytest_approx(value: float):
    import pytest

    return pytest.approx(value, abs=0.01)


def test_by_number_and_one_encoding_for_all_garbles(tmp_path):
    old, new = _files(tmp_path)
    by_number = invoke("compare", str(old), str(new), "--encoding-of", "1=cp1252", "-f", "json")
    assert by_number.code == 0, by_number.stderr
    assert "Sinn FÃ©in" not in by_number.stdout
    both = invoke("compare", str(old), str(new), "--encoding", "cp1252", "-f", "json")
    assert "Sinn FÃ©in" in both.stdout
    assert "--encoding-of" in both.stderr


def test_a_bad_file_name_is_a_usage_error(tmp_path):
    old, new = _files(tmp_path)
    result = invoke("compare", str(old), str(new), "--encoding-of", "nope.csv=cp1252")
    assert result.code == 2
    assert "--encoding-of 'nope.csv=cp1252'" in result.stderr
    assert "e.g. --encoding-of 2=cp1252" in result.stderr
    unknown = invoke("compare", str(old), str(new), "--encoding-of", "1=rot13")
    assert unknown.code == 2
