"""Issue 11 item 6: bytes that do not decode are named, never decoded by a guess.

A file in a one-byte encoding gets the candidates charset-normalizer finds (with their confidence and
how the line reads in the best one); a UTF-8 file with a few stray bytes gets every line that holds
them listed, the rest of the file still read, and no one-byte encoding suggested.
"""

import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke
from pollcli.read import ReadOptions, engines, load_file, stream
from pollcli.read.detect import reads_as_words

REALWORLD = next(
    (
        p
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if p.is_dir()
    ),
    None,
)


def problems(path, *args):
    result = invoke("validate", str(path), "--format", "json", *args)
    return result, json.loads(result.stdout)["files"][0]["problems"]


def encoding_errors(path, *args):
    return [
        (p["line"], p["message"]) for p in problems(path, *args)[1] if p["code"] == "encoding-error"
    ]


def test_cp1252_is_named_with_its_confidence_and_how_the_line_reads(tmp_path):
    path = tmp_path / "uk.csv"
    text = "candidate,party,votes\nMcMullan,Sinn Féin,2314\nSmith,Labour,100\nKelly,Sinn Féin,7\n"
    path.write_bytes(text.encode("cp1252"))
    [(line, message)] = encoding_errors(path)
    assert line == 2
    assert "the file looks like cp1252 (" in message and "% confidence" in message
    assert "Sinn Féin" in message
    assert message.endswith("pass --encoding cp1252")
    # With the flag it reads, and the name is right.
    result = invoke("summary", str(path), "--encoding", "cp1252", "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout)["elections"][0]["results"][0]["party"] == "Sinn Féin"


def test_cp1251_is_named_before_its_lookalikes(tmp_path):
    path = tmp_path / "ru.csv"
    text = "кандидат,голоса\nПутин Владимир Владимирович,100\nХаритонов Николай,20\n"
    path.write_bytes(text.encode("cp1251"))
    [(line, message)] = encoding_errors(path)
    assert line == 1
    assert "looks like cp1251" in message and message.endswith("pass --encoding cp1251")


def test_utf8_with_stray_bytes_lists_every_line_and_suggests_no_other_encoding(tmp_path):
    # "People’s" is UTF-8; two lines hold a byte that is not. cp1251 would read the file without an
    # error and turn every ’ into mojibake: it must not be suggested.
    lines = ["candidate,party,votes"]
    lines += [f"Name {i},United People’s Party,{i + 1}" for i in range(40)]
    lines[10] = "Name 9,Zoram People\x98s Movement,10"
    lines[30] = "Name 29,J\xe9 Party,30"
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    data = data.replace("\x98".encode(), b"\x98").replace("\xe9".encode(), b"\xe9")
    path = tmp_path / "india.csv"
    path.write_bytes(data)
    errors = encoding_errors(path)
    assert [line for line, _ in errors] == [11, 31]
    for _, message in errors:
        assert "stray bytes in a file that is otherwise UTF-8" in message
        assert "--encoding" not in message
    assert "People\\x98s" in errors[0][1]


def test_stray_bytes_do_not_hide_the_other_problems(tmp_path):
    lines = ["candidate,votes", "Ana’s,10", "B\x90b,5", "Cy,-3", "Ana’s list,4", "Dee’s,2"]
    data = "\n".join(lines).encode("utf-8").replace("\x90".encode(), b"\x90")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    result, found = problems(path)
    assert result.code == 1
    assert ("encoding-error", 3) in [(p["code"], p["line"]) for p in found]
    assert ("negative-votes", 4) in [(p["code"], p["line"]) for p in found]


def test_ascii_file_with_garbage_bytes_gets_the_line_not_an_encoding(tmp_path):
    # The MEDSL senate file's line 2240: bytes that no common encoding reads as a word.
    lines = ["candidate,votes"] + [f"CANDIDATE {i},{i}" for i in range(1, 30)]
    lines[5] = "EMORY \x90_\xc7\x8a\x90_\xc7\x8aBO\x90 HEYWARD,3580"
    path = tmp_path / "medsl.csv"
    path.write_bytes("\n".join(lines).encode("latin-1"))
    [(line, message)] = encoding_errors(path)
    assert line == 6
    assert "neither in UTF-8 nor in any common encoding" in message
    assert "--encoding latin-1 to read them as they are" in message
    assert "cp1251" not in message and "cp1252" not in message


def test_a_given_encoding_that_fails_on_a_utf8_file_says_drop_it(tmp_path):
    path = tmp_path / "u.csv"
    text = "candidate,votes\nPeople’s Choice,3\nBob’s “Party”,2\nB\x98,1\n"
    path.write_bytes(text.encode().replace(b"\xc2\x98", b"\x98"))
    [(line, message)] = encoding_errors(path, "--encoding", "cp1251")
    assert line == 4
    assert "the file is UTF-8 with stray bytes: drop --encoding" in message


def test_utf8_read_with_a_one_byte_encoding_warns_with_an_example(tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("candidate,votes\nPeople’s Choice,3\nB,1\n", encoding="utf-8")
    result = invoke("summary", str(path), "--encoding", "cp1252", "--format", "json")
    assert result.code == 0
    assert "valid UTF-8 but was read as cp1252" in result.stderr
    assert "'People’s' reads as 'Peopleâ€™s'" in result.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Sinn Féin", True),
        ("Токаев, Против всех", True),
        ("Łódź – Wałęsa", True),
        ("EMORY É_ÃèÉ_ÃèBOÉ", False),  # cp850 reading of the MEDSL bytes: lower-upper flips
        ("People‰ЫЄs", False),  # Cyrillic glued to Latin
        ("Ð¢Ð¾ÐºÐ°ÐµÐ²", False),  # UTF-8 Cyrillic read as latin-1
    ],
)
def test_reads_as_words(text, words):
    assert (reads_as_words(text) >= 0.95) is words


def test_both_engines_list_the_same_stray_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    rows = [f"R{i % 3},P{i},Ana’s,{i}" for i in range(200)]
    rows[150] = "R0,P150,An\xe9,3"
    rows[20] = "R2,P20,B\x98,3"
    data = ("region,precinct,candidate,votes\n" + "\n".join(rows) + "\n").encode(
        "utf-8", "surrogateescape"
    )
    data = data.replace("\xe9".encode(), b"\xe9").replace("\x98".encode(), b"\x98")
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
    lines = [p.line for p in results["exact"][1] if p.code == "encoding-error"]
    assert lines == [22, 152]


def test_charset_normalizer_is_not_imported_for_a_good_file(kz2022):
    import subprocess
    import sys

    code = (
        "import sys; from pollcli import load; load(sys.argv[1]); "
        "print('charset_normalizer' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(kz2022)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(REALWORLD is None, reason="shared/realworld is not beside the repository")
def test_canada_2011_is_named_cp1252():
    path = REALWORLD / "ca_2011_federal_table12_ridings.csv"
    [(line, message)] = encoding_errors(path)
    assert line == 1
    assert "looks like cp1252" in message and "Résidence" in message


def test_hebrew_cp1255_is_named_before_cyrillic_readings_of_its_bytes(tmp_path):
    # Israel's 2015 results (trial 20): every byte of a cp1255 file reads as Cyrillic letters in
    # cp1251 and koi8-r too, as confidently; "most common first" named cp1251, every name garbled
    # (`שם ישוב` read `щн йщеб`). The words read as Hebrew decide.
    text = (
        " שם ישוב,סמל ישוב,בזב,מצביעים,פסולים,כשרים,אמת,ודעם,מחל,פה,שס\n"
        "אבו גוש, 0000472, 0004178, 0002539, 0000033, 0002506, 0000143, 0002114, 0000058,"
        " 0000041, 0000035\n"
        "אבן יהודה, 0000182, 0010096, 0007946, 0000051, 0007895, 0002287, 0000012, 0002129,"
        " 0001342, 0000176\n"
        "אור יהודה, 0002400, 0025350, 0017226, 0000199, 0017027, 0002211, 0000020, 0007690,"
        " 0001452, 0001853\n"
    )
    path = tmp_path / "expb.csv"
    path.write_bytes(text.encode("cp1255"))
    [(line, message)] = encoding_errors(path)
    assert line == 1
    assert "looks like cp1255" in message and "Hebrew" in message
    assert message.endswith("pass --encoding cp1255")


def test_polish_cp1250_is_named_before_a_reading_with_signs_inside_words(tmp_path):
    # cp1252 reads cp1250's `ł` (b3) as `³`, a sign: `g³osy`, `Rafa³` are no words.
    text = "kandydat,głosy\nAndrzej Duda,100\nRafał Trzaskowski,90\n"
    path = tmp_path / "pl.csv"
    path.write_bytes(text.encode("cp1250"))
    [(line, message)] = encoding_errors(path)
    assert line == 1
    assert "looks like cp1250" in message and "'kandydat,głosy'" in message
    assert "cp1252 (100 % confidence) reading 'kandydat,g³osy'" in message
    assert message.endswith("pass --encoding cp1250")
