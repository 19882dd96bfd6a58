"""An encoding suggested for a file that does not decode is one its language is written in, where
several read it about as well: an R export of Hungary's 2018 results by polling station (cp1250
or latin-1, `"FEJÉR"`, `"Abaújszántó"`…) was told "the file looks like cp1257 (98 % confidence,
Hungarian) … pass --encoding cp1257", a Baltic code page that reads every `á` as `į`; cp1252 and
cp1250, which read it right, were named after it at the same confidence.

The file is invented, in the same layout; the oracle is the text the file was written from.
"""

import json
import re

import pytest

from conftest import invoke

# Hungarian place and candidate names of á, é, í, ó, ö, ú, ü (no ő or ű: an export that has none).
ROWS = [
    ("FEJÉR", "Bárányfalva", "001", "Kovács Ádám", 412),
    ("FEJÉR", "Bárányfalva", "001", "Szabó Éva", 388),
    ("VAS", "Tóvölgyújhely", "002", "Kovács Ádám", 97),
    ("VAS", "Tóvölgyújhely", "002", "Szabó Éva", 121),
    ("BÉKÉS", "Alsórétipuszta", "003", "Kovács Ádám", 256),
    ("BÉKÉS", "Alsórétipuszta", "003", "Szabó Éva", 301),
    ("ZALA", "Körtvélyesújfalu", "004", "Kovács Ádám", 77),
    ("ZALA", "Körtvélyesújfalu", "004", "Szabó Éva", 65),
]
TEXT = '"county","telep","precinct","candidate","votes"\n' + "".join(
    f'"{m}","{t}","{s}","{c}",{v}\n' for m, t, s, c, v in ROWS
)


@pytest.mark.parametrize("written", ["cp1250", "latin-1"])
def test_the_suggested_encoding_reads_the_names_right(tmp_path, written):
    path = tmp_path / "hu.csv"
    path.write_bytes(TEXT.encode(written))
    result = invoke("validate", str(path), "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    (message,) = [m for m in messages if "do not decode" in m]
    suggested = re.search(r"pass --encoding (\S+)$", message)
    assert suggested is not None, message
    assert path.read_bytes().decode(suggested.group(1)) == TEXT
    read = invoke("summary", str(path), "--encoding", suggested.group(1), "--format", "json")
    assert read.code == 0, read.stderr
    (election,) = json.loads(read.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Kovács Ádám": 412 + 97 + 256 + 77,
        "Szabó Éva": 388 + 121 + 301 + 65,
    }


class _Match:
    """A charset-normalizer match as `detect.candidates_for` reads it."""

    def __init__(self, encoding: str, chaos: float, coherence: float, language: str) -> None:
        self.encoding, self.chaos, self.coherence, self.language = (
            encoding, chaos, coherence, language,
        )  # fmt: skip
        self.could_be_from_charset = [encoding]


def test_a_baltic_code_page_read_as_hungarian_is_named_after_those_written_for_it(monkeypatch):
    """The figures charset-normalizer gave for the Hungarian export: cp1257 at the same
    confidence as cp1252 and cp1250, its words more coherent (0.322 against 0.266)."""
    import charset_normalizer

    from pollcli.read import detect

    matches = [
        _Match("cp1257", 0.02, 0.322, "Hungarian"),
        _Match("cp1252", 0.02, 0.266, "Hungarian"),
        _Match("cp1250", 0.02, 0.266, "Hungarian"),
    ]
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda *a, **k: matches)
    data = '"1","VESZPRÉM","Bárányfalva",412\n'.encode("cp1250")
    view = data.decode("utf-8", "surrogateescape")
    stray = list(detect._STRAY.finditer(view))
    names = [c.name for c in detect.candidates_for(data, detect._Lines(view), stray)]
    assert names[-1] == "cp1257"
    assert data.decode(names[0]) == '"1","VESZPRÉM","Bárányfalva",412\n'
    # A Baltic reading of a Baltic file keeps it first (Hungarian's bytes read as `Bįrįnyfalva`
    # hold letters no one language writes together: `readings.strange_letters`).
    matches[0].language = "Lithuanian"
    data = '"1","Žemaitė","Šiauliai",412\n'.encode("cp1257")
    view = data.decode("utf-8", "surrogateescape")
    stray = list(detect._STRAY.finditer(view))
    names = [c.name for c in detect.candidates_for(data, detect._Lines(view), stray)]
    assert names[0] == "cp1257"
