"""A one-byte file holding a few cells written in UTF-8 (the trial's New Zealand file: cp1252, one name
`SZABÓ` in UTF-8): read with the advised `--encoding cp1252`, such a cell shows as `SZABÃ“`. It must
not pass silently: each line that holds one is named, with the cell as read and as UTF-8, on both
engines, wherever in the file it is."""

from conftest import dump, each_engine
from pollcli.read import ReadOptions, stream

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
