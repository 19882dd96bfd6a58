"""A district written as a float (`38.0`: a spreadsheet's export) is the whole number it writes.
Mississippi's 2023 county file names every district so ("State House · 22.0"); a file that writes
one district `7.0` in some counties and `7` in others read them as two races, each won — two
winners of one seat, where the candidates' votes added up name one. Invented file; the votes per
race checked against pandas, on both engines."""

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

TEXT = (
    "county,office,district,party,candidate,votes\n"
    "Alder,State House,7.0,REP,Bo Wren,50\nAlder,State House,7.0,DEM,Ann Vole,40\n"
    "Birch,State House,7,REP,Bo Wren,30\nBirch,State House,7,DEM,Ann Vole,45\n"
    "Birch,State House,12.0,REP,Cy Lark,60\nBirch,State House,12.0,DEM,Di Teal,20\n"
    "Birch,State House,12.5,DEM,Ed Fox,20\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_float_district_is_its_whole_number(tmp_path, engine):
    result = invoke(
        "summary", str(write(tmp_path, TEXT)), "--format", "json", env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    got = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(TEXT), dtype={"district": str})
    frame["district"] = frame["district"].str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    expected = {
        f"State House · {district}": group.groupby("candidate")["votes"].sum().to_dict()
        for district, group in frame.groupby("district", sort=False)
    }
    assert got == expected  # ("12.5" stays a district of its own)
    assert list(got) == ["State House · 7", "State House · 12", "State House · 12.5"]
