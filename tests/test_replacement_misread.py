"""U+FFFD's bytes read in a one-byte code page: a file holding U+FFFD (EF BF BD in UTF-8) beside a
stray byte of its own (0xE9) is advised `--encoding cp1252`, and then its damaged name reads
'Jos\u00ef\u00bf\u00bd Silva', which no warning named. It draws the warning U+FFFD draws, saying
it is U+FFFD's bytes read in that code page. Files invented."""

import json

import pytest

from conftest import engines_agree, invoke
from pollcli.read import ReadOptions, stream

MARK_BYTES = "\ufffd".encode()


def _damaged(tmp_path, rows: int = 0):
    path = tmp_path / "damaged.csv"
    filler = b"".join(b"Cy Dias %d,Green,%d\n" % (i, i % 7 + 1) for i in range(rows))
    path.write_bytes(
        b"candidate,party,votes\nAna Costa,Blue,120\n"
        + b"Jos"
        + MARK_BYTES
        + b" Silva,Red,100\n"
        + filler
        + b"B\xe9n Bravo,Green,5\n"
        + b"Lu"
        + MARK_BYTES
        + b"s Lima,Red,7\n"
    )
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "cp1251"])
def test_the_mark_read_in_a_one_byte_code_page_is_warned(tmp_path, encoding):
    path = _damaged(tmp_path)
    shown = MARK_BYTES.decode(encoding)  # 'ï¿½' in cp1252 and latin-1, 'пїЅ' in cp1251
    result = invoke("validate", str(path), "--encoding", encoding, "--format", "json")
    warnings = [
        p
        for p in json.loads(result.stdout)["files"][0]["problems"]
        if p["code"] == "encoding-error"
    ]
    assert [(p["line"], p["column"], p["severity"]) for p in warnings] == [
        (3, "candidate", "warning")
    ]
    message = warnings[0]["message"]
    assert message.startswith(f"'Jos{shown} Silva' (column 'candidate') holds {shown!r}")
    assert "U+FFFD" in message and "(2 cells on 2 lines hold it)" in message


def test_both_engines_warn_alike_across_blocks(tmp_path, monkeypatch):
    path = _damaged(tmp_path, rows=400)
    streamed = stream.read_stream(path, str(path), ReadOptions(encoding="cp1252"))
    assert streamed is not None  # (not handed to the exact engine)
    for block_bytes in (None, 64):
        _, problems = engines_agree(monkeypatch, path, encoding="cp1252", block_bytes=block_bytes)
        [warning] = [p for p in problems if p.code == "encoding-error"]
        assert warning.line == 3 and "U+FFFD" in warning.message


def test_a_clean_one_byte_file_draws_no_such_warning(tmp_path):
    path = tmp_path / "clean.csv"
    path.write_bytes("candidate,votes\nBén Bravo,5\nAna ¿Costa½,7\n".encode("cp1252"))
    result = invoke("validate", str(path), "--encoding", "cp1252", "--format", "json")
    codes = [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert "encoding-error" not in codes


class _Scanned(str):
    """Text that counts the characters its `find` looks through for the marks (U+FFFD, `ï¿½`)."""

    scanned = 0

    def find(self, sub, start=0, end=None):  # type: ignore[override]
        at = str.find(self, sub, start, len(self) if end is None else end)
        if sub != "\n":
            _Scanned.scanned += (len(self) if at < 0 else at + len(sub)) - start
        return at


def test_the_search_for_two_marks_reads_the_text_once_each():
    """Each mark found looked for the other one again from there to the end of the text: a
    file whose 100,000 names hold U+FFFD's bytes, read with --encoding cp1252, took 3 s to search
    (20,000 names: 0.1 s), its text read once per name. Each mark's next place is kept until
    passed: at most twice the text is looked through. Oracle: the cells counted by hand."""
    from pollcli.read.dialect import RawTable
    from pollcli.read.replaced import Replaced

    shown = MARK_BYTES.decode("cp1252")
    rows = [f"Ann{shown}{i} O\u2019Neil,Red,{i}" for i in range(2_000)] + ["Lu\ufffds,Red,7"]
    text = _Scanned("candidate,party,votes\n" + "\n".join(rows) + "\n")
    table = RawTable(name="t", stem="t", header=["candidate", "party", "votes"], header_line=1)
    marks = Replaced.of(table, codec="cp1252")
    _Scanned.scanned = 0
    marks.text(text, 1)
    assert marks.cells == len(rows)
    assert _Scanned.scanned <= 2 * len(text)
