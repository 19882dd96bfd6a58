"""A party listed twice where the options are parties (no candidate column) is no namesake and
has no party lines: the advice spoke of a `candidate_id` column and of giving each row its party
(Portugal's local results by municipality code, trial 3)."""

from __future__ import annotations

import pytest

from conftest import invoke, write


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_party_listed_again_is_advised_as_a_party(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = "codigo,party,votes\n0101,PS,100\n0101,PSD,80\n0102,PS,50\n0102,PSD,70\n"
    out = invoke("summary", str(write(tmp_path, text)))
    assert out.code == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("pollcli: error:")]
    assert len(errors) == 2 and all("is listed again" in e for e in errors)
    for error in errors:
        assert "a party is listed once in a race's place" in error
        assert "namesake" not in error and "candidate_id" not in error
        assert "--race-by COL" in error  # (a council per municipality)


def test_a_candidate_listed_again_keeps_the_namesake_advice(tmp_path):
    text = "codigo,candidate,votes\n0101,Ann,100\n0101,Bob,80\n0102,Ann,50\n"
    out = invoke("summary", str(write(tmp_path, text)))
    assert out.code == 1 and "namesakes" in out.stderr
