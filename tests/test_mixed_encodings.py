"""A one-byte file holding a few cells written in UTF-8 (the trial's New Zealand file: cp1252, one name
`SZABÓ` in UTF-8): read with the advised `--encoding cp1252`, such a cell shows as `SZABÃ“`. It must
not pass silently: each line that holds one is named, with the cell as read and as UTF-8, on both
engines, wherever in the file it is."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import dump, each_engine
from pollcli.read import ReadOptions, detect, stream

NAMES = ["Müller", "Gómez", "Zoë", "Brontë", "Ångström", "Nuñez", "Dvořák"]


def write(tmp_path, utf8_rows=(), rows=400):
    lines = ["district,party,candidate,votes"]
    for i in range(rows):
        name = NAMES[i % len(NAMES)] if "ř" not in NAMES[i % len(NAMES)] else "Dvorak"
        lines.append(f"E{i // 4},P{i % 4},{name} {i},{100 + i}")
    raw = [line.encode("cp1252") + b"\n" for line in lines]
    for index, name in utf8_rows:
        raw[index] = f'E{index},P9,"{name}, Claire",{7 + index}\n'.encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"".join(raw))
    return path


def mismatches(loaded):
    return [
        (p["line"], p["message"])
        for p in dump(loaded)[1]
        if p["code"] == "encoding-mismatch" and p["severity"] == "warning"
    ]


def test_utf8_cells_in_a_cp1252_file_are_named_line_by_line(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "HEAD_BYTES", 2000)
    monkeypatch.setattr(stream, "SPLIT_CHARS", 1900)
    path = write(tmp_path, [(3, "SZABÓ"), (350, "Wałęsa")])
    results = each_engine(monkeypatch, path, ReadOptions(encoding="cp1252"), block_bytes=700)
    exact, streamed = results["exact"], results["stream"]
    assert dump(exact) == dump(streamed)
    # The streaming engine read it itself (it hands a file it cannot read to the exact engine).
    assert stream.read_stream(path, str(path), ReadOptions(encoding="cp1252")) is not None
    found = mismatches(exact)
    # Lines counted by hand: the header is line 1, row index i is line i + 1.
    assert [line for line, _ in found] == [4, 351]
    assert "'SZABÃ“'" in found[0][1] and "'SZABÓ'" in found[0][1]
    assert "'WaÅ‚Ä™sa'" in found[1][1] and "'Wałęsa'" in found[1][1]
    # The figures are read still (the warning names the cell; nothing is dropped).
    assert sum(o.votes for e in exact[0] for o in e.options) == sum(
        100 + i for i in range(400) if i + 1 not in (3, 350)
    ) + (7 + 3) + (7 + 350)


def test_a_plain_cp1252_file_gets_no_such_warning(tmp_path, monkeypatch):
    path = write(tmp_path)
    results = each_engine(monkeypatch, path, ReadOptions(encoding="cp1252"))
    assert mismatches(results["exact"]) == mismatches(results["stream"]) == []


def test_cp1251_capitals_before_yo_are_no_utf8(tmp_path, monkeypatch):
    """`ФЁДОРОВ` in cp1251 is bytes D4 A8 …, valid UTF-8 (U+0528): a one-byte reading that is all
    letters is no mojibake."""
    path = tmp_path / "ru.csv"
    text = "region,candidate,votes\nA,ФЁДОРОВ,10\nA,Иванов,12\nB,ФЁДОРОВ,3\nB,Иванов,4\n"
    path.write_bytes(text.encode("cp1251"))
    results = each_engine(monkeypatch, path, ReadOptions(encoding="cp1251"))
    assert mismatches(results["exact"]) == mismatches(results["stream"]) == []


# A one-byte file's bytes: ASCII, cp1251's letters (0xC0-0xFF, each where a UTF-8 sequence may
# start) and the continuation bytes (0x80-0xBF) of the sequences looked for.
BYTES = st.sampled_from([b"a", b",", b"\n", b"\xc0", b"\xd0", b"\xe2", b"\xf0", b"\xa8", b"\xb9"])
SEQUENCES = st.sampled_from([b"\xc3\xa9", b"\xe2\x80\x99", b"\xf0\x9f\x98\x80", b"\xd0\xb1"])


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(BYTES, SEQUENCES, st.just(b"\xd1" * 9)), max_size=80),
    block=st.integers(1, 12),
)
def test_the_utf8_sequences_are_those_the_expression_finds_in_the_whole_file(
    parts: list[bytes], block: int
) -> None:
    """`detect._sequences` scans only the blocks that hold a continuation byte (a cp1251 file of
    69 MB: 3.7 s less): the oracle is the expression over the whole of the bytes."""
    data = b"".join(parts)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(detect, "_SCAN_BLOCK", block)
        found = [(m.start(), m.group()) for m in detect._sequences(data)]
    assert found == [(m.start(), m.group()) for m in detect._UTF8_SEQ.finditer(data)]


def test_a_utf8_cell_far_into_a_cp1251_file_is_named(tmp_path, monkeypatch):
    """Blocks of cp1251 letters and no continuation byte are passed over, and a UTF-8 name beyond
    them (line 3,002, by hand: the header, 3,000 rows, then it) is named, on both engines."""
    rows = [f"Область {i % 7},УИК {i},Иванов,{i % 50}" for i in range(3000)]
    text = "region,precinct,candidate,votes\n" + "\n".join(rows) + "\n"
    data = text.encode("cp1251") + "Область 1".encode("cp1251") + ",U 9,Анна Ли,5\n".encode()
    path = tmp_path / "ru.csv"
    path.write_bytes(data)
    monkeypatch.setattr(detect, "_SCAN_BLOCK", 4096)
    results = each_engine(monkeypatch, path, ReadOptions(encoding="cp1251"))
    found = mismatches(results["exact"])
    assert found == mismatches(results["stream"])
    assert [line for line, _ in found] == [3002]
    assert "'РђРЅРЅР°'" in found[0][1] and "'Анна'" in found[0][1]
