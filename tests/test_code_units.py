"""Virginia's two Bedfords: a county name two units share, told apart only by a FIPS column.

MEDSL's county presidential file (`countypres_2000-2016.csv`: year,state,state_po,county,FIPS,
office,candidate,party,candidatevotes,totalvotes,version) lists Bedford County (51019) and Bedford
city (51515) both as `Bedford` in Virginia. pollcli refused the race ("county 'Bedford' appears
twice; … give them apart names in the 'county' column"); `--unit county,FIPS` reads it, and the
advice now names it where an unused column of place codes is there (Missouri 2014's precincts of
one name told apart by `precinct_code`, a unit's word since: read as published; never its row
`id`). The
figures are pandas sums.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import invoke, write

TEXT = """year,state,state_po,county,FIPS,office,candidate,party,candidatevotes,totalvotes,version
2000,Virginia,VA,Bedford,51019,President,Al Gore,democrat,8160,26149,20191203
2000,Virginia,VA,Bedford,51019,President,George W. Bush,republican,17224,26149,20191203
2000,Virginia,VA,Bedford,51515,President,Al Gore,democrat,1078,2441,20191203
2000,Virginia,VA,Bedford,51515,President,George W. Bush,republican,1269,2441,20191203
2000,Virginia,VA,Botetourt,51023,President,Al Gore,democrat,4991,14009,20191203
2000,Virginia,VA,Botetourt,51023,President,George W. Bush,republican,8762,14009,20191203
"""


def test_the_advice_names_the_code_column_and_it_works(tmp_path):
    path = write(tmp_path, TEXT)
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "--unit county,FIPS" in refused.stderr
    # The advice, followed (`--unit FIPS` alone works too).
    result = invoke("summary", str(path), "--unit", "county,FIPS", "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    table = pd.read_csv(io.StringIO(TEXT))
    want = table.groupby("candidate")["candidatevotes"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == want


def test_no_code_column_no_code_advice(tmp_path):
    text = "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 4) for line in TEXT.splitlines()
    )
    refused = invoke("summary", str(write(tmp_path, text + "\n")))
    assert refused.code == 1
    assert "--unit" not in refused.stderr.split("apart names")[0]
    assert "FIPS" not in refused.stderr


def test_a_row_number_is_no_code_and_the_precinct_code_is_named_with_the_precinct(tmp_path):
    # Missouri 2014: `id` numbers the rows; `precinct_code` is numbered within the county.
    text = "\n".join(
        [
            "id,county,precinct_code,precinct,office,party,candidate,votes",
            "1,Cass,20,PLEASANT HILL,State Auditor,REP,Tom Schweich,511",
            "2,Cass,20,PLEASANT HILL,State Auditor,LIB,Sean O'Toole,114",
            "3,Cass,22,PLEASANT HILL,State Auditor,REP,Tom Schweich,234",
            "4,Cass,22,PLEASANT HILL,State Auditor,LIB,Sean O'Toole,98",
            "5,Audrain,20,MEXICO 1,State Auditor,REP,Tom Schweich,387",
            "6,Audrain,20,MEXICO 1,State Auditor,LIB,Sean O'Toole,50",
        ]
    )
    path = write(tmp_path, text + "\n")
    table = pd.read_csv(io.StringIO(text))
    want = table.groupby("candidate")["votes"].sum().to_dict()
    # `precinct_code` is a unit's word (Clear Ballot's statements of votes): beside `precinct`
    # the two name the unit together, as the advice (`--unit precinct,precinct_code`) did.
    for flags in ((), ("--unit", "precinct,precinct_code")):
        result = invoke("summary", str(path), *flags, "--format", "json")
        assert result.code == 0, result.stderr
        assert "--unit id" not in result.stderr
        [election] = json.loads(result.stdout)["elections"]
        assert {r["candidate"]: r["votes"] for r in election["results"]} == want
