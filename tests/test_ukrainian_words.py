"""Ukraine's CVK results by polling station, one row per candidate (`Округ,Дільниця,Кандидат,
Партія,Кількість голосів,Відсоток`): the votes, the share, the party and the polling station in
Ukrainian, which pollcli did not know (its Russian words only), were refused with "neither a votes
nor a share column". Names and figures invented; oracle: pandas sums by candidate."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

CVK = """Округ,Дільниця,Кандидат,Партія,Кількість голосів,Відсоток
1,010001,Петренко Іван,Партія А,420,42.0
1,010001,Коваленко Олег,Партія Б,380,38.0
1,010001,Шевченко Марія,Самовисування,200,20.0
1,010002,Петренко Іван,Партія А,300,50.0
1,010002,Коваленко Олег,Партія Б,200,33.33
1,010002,Шевченко Марія,Самовисування,100,16.67
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_ukrainian_words_are_read(tmp_path, engine) -> None:
    path = write(tmp_path, CVK, "cvk.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(CVK))
    votes = frame.groupby("Кандидат")["Кількість голосів"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == votes
    parties = dict(zip(frame["Кандидат"], frame["Партія"], strict=False))
    assert {r["candidate"]: r["party"] for r in election["results"]} == parties
