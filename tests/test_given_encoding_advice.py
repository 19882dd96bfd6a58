"""An --encoding that fails further down the file is never advised again. Canada's 1867–2021
candidates table (`ca_ge01.csv`, PartialShawn/canadian-election-data-processing) is cp1252 but
for one DOS byte (`G\\x81nther`, line 28,144): pollcli advised `--encoding cp1252`, and with it
said "bytes 81 … do not decode as cp1252; it may be cp1252 (100 % confidence, Italian), cp1250,
latin-1: pass --encoding cp1252" — advice that loops (trial 16). Where the encoding given reads
the other lines as words (charset-normalizer names it for them), the line's byte is of another
encoding: the message says so, and advises no encoding (latin-1 reads every byte, the file's
cp1252 quotes `ST. JOHN\\x92S` as invisible control characters); otherwise only encodings that
read the whole file are advised.

Names invented, the layout is the file's."""

from __future__ import annotations

import pytest

from conftest import invoke
from pollcli.read import detect

HEADER = (
    b"Election Date,Election Type,Parliament,Province,Riding,Last Name,First Name,Party,Votes\n"
)
ROW = b"1867-08-07,Gen,1,Quebec,ST. JOHN\x92S %d,CASAULT,Napol\xe9on,Conservative,%d\n"
ODD = b"1993-10-25,Gen,35,British Columbia,COMOX,Smuda,G\x81nther,Reform,5\n"


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "ca_ge01.csv"
    path.write_bytes(HEADER + b"".join(ROW % (i, 100 + i) for i in range(40)) + ODD)
    return path


def _charset_normalizer_names(*names: str):
    """charset-normalizer's answer for the lines it is shown (the first with such bytes)."""

    def candidates(data, lines, stray):
        return [detect.Candidate(n, 1.0, "Italian", "") for n in names]

    return candidates


def test_the_given_encoding_is_not_advised_again(table, monkeypatch) -> None:
    monkeypatch.setattr(detect, "candidates_for", _charset_normalizer_names("cp1252", "latin-1"))
    result = invoke("summary", str(table), "--encoding", "cp1252")
    assert result.code != 0
    assert "--encoding cp1252" not in result.stderr and "latin-1" not in result.stderr
    assert ":42:" in result.stderr and "another encoding" in result.stderr


def test_only_encodings_that_read_the_file_are_advised(table, monkeypatch) -> None:
    # (cp1252 cannot read 0x81; latin-1 reads every byte.)
    monkeypatch.setattr(detect, "candidates_for", _charset_normalizer_names("cp1252", "latin-1"))
    result = invoke("summary", str(table), "--encoding", "ascii")
    assert "pass --encoding latin-1" in result.stderr and "cp1252" not in result.stderr
