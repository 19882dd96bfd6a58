"""A column of codes headed in Indonesian or Malay (`kode_wilayah`, `nomor_tps`), Turkish
(`il_kodu`), Finnish, Baltic or Central European (`koodi`, `kodas`, `kods`, `kód`) names the rows,
as `code`, `kod` and `código` do: KPU-style tables of votes per area (`nama_wilayah,kode_wilayah,
paslon_01,…`) read the area's code as an option ("kode_wilayah 4,410 votes"; a code of ten digits
would lead), and kawalpemilu's list of polling stations abroad (`kode_kpu_tps`, `kode_tps`) was
refused as "option columns of 2 rounds".

The files are invented, in those layouts; figures are checked against pandas.
"""

import io
import json

import pytest

from conftest import invoke, write

pd = pytest.importorskip("pandas")

ROWS = [
    ("KABUPATEN ALFA", "9901010001", 61520, 47370, 6920),
    ("KABUPATEN BETA", "9901010002", 30211, 60014, 5512),
    ("KOTA GAMMA", "9901020001", 150330, 29883, 15021),
    ("KOTA DELTA", "9901020002", 50120, 90335, 8110),
]


@pytest.mark.parametrize("code", ["kode_wilayah", "nomor_tps", "il_kodu", "alue_koodi", "kód"])
def test_a_code_column_right_of_the_names_is_no_option(tmp_path, code):
    text = f"nama_wilayah,{code},paslon_01,paslon_02,paslon_03\n" + "".join(
        ",".join(map(str, row)) + "\n" for row in ROWS
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    expected = {c: int(frame[c].sum()) for c in ("paslon_01", "paslon_02", "paslon_03")}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
    assert election["leader"]["candidate"] == "paslon_01"
