"""A file in a regional code page that pollcli did not ask charset-normalizer about (iso8859-13,
-4, -7, -9, DOS's cp852, mac-latin2) is advised an encoding that reads its names right, never one
that garbles them: a Lithuanian file in iso8859-13 was advised cp1252 (`Auðra Þemaitytë`), a
Latvian one in iso8859-4 iso8859-2 (`kandidŕts`), a Hungarian one in cp852 cp850 (`Sz¹cs`), a
Czech or Polish one in cp852 or mac-latin2 "latin-1, to read them as they are", a Greek one with
`Ά` in iso8859-7 cp1253 (`¶ννα`), and the other way round once iso8859-7 was asked about.

The files are invented, in the languages' own letters; the oracle is the text each was written
from, and the votes as written.
"""

import json
import re

import pytest

from conftest import invoke

NAMES = {
    "lithuanian": ("Aušra Žemaitytė", "Gintautas Šulcas", "Rūta Čiurlionienė"),
    "latvian": ("Āris Ķēniņš", "Ņina Ģērmane", "Ūna Šmite"),
    "greek": ("Άννα Παπαδοπούλου", "Άγγελος Ζαχαρίου", "Έλενα Ιωάννου"),
    "turkish": ("Şükrü Yılmaz", "Gülşen Öztürk", "İsmail Çağlar"),
    "czech": ("Jiří Dvořák", "Žaneta Šťastná", "Přemysl Čermák"),
    "polish": ("Rafał Łęczyński", "Żaneta Ślązak", "Grzegorz Świątek"),
    "hungarian": ("Kovács Ödön", "Szűcs Erzsébet", "Tóth Gyöngyvér"),
}
VOTES = (1200, 980, 450)
CASES = [
    ("lithuanian", "iso8859-13"),
    ("latvian", "iso8859-4"),
    ("greek", "iso8859-7"),
    ("greek", "cp1253"),
    ("turkish", "iso8859-9"),
    ("czech", "cp852"),
    ("polish", "cp852"),
    ("polish", "mac-latin2"),
    ("hungarian", "cp852"),
]


def text_of(language: str) -> str:
    return "candidate,votes\n" + "".join(
        f"{n},{v}\n" for n, v in zip(NAMES[language], VOTES, strict=True)
    )


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(("language", "written"), CASES)
def test_the_encoding_advised_reads_the_names_right(tmp_path, engine, language, written):
    text = text_of(language)
    path = tmp_path / f"{language}.csv"
    path.write_bytes(text.encode(written))
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("validate", str(path), "--format", "json", env=env)
    messages = [p["message"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    advised = [m for m in messages if "do not decode" in m]
    assert len(advised) == 1, messages
    suggested = re.search(r"pass --encoding (\S+)$", advised[0])
    assert suggested is not None, advised[0]
    assert path.read_bytes().decode(suggested.group(1)) == text, advised[0]
    read = invoke(
        "summary", str(path), "--encoding", suggested.group(1), "--format", "json", env=env
    )
    assert read.code == 0, read.stderr
    (election,) = json.loads(read.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == dict(
        zip(NAMES[language], VOTES, strict=True)
    )
