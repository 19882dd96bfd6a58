"""Israel's Central Elections Committee (votes25.bechirot.gov.il, `expc.csv` by locality and `expb.csv`
by ballot box; trial 20): a wide table, Hebrew headers — the committee's and the locality's codes
(`סמל ועדה`, `סמל ישוב`), the ballot box's numbers (`ברזל`, `קלפי`, `מספר קלפי`) and two flags
(`ריכוז`, `שופט`), the protocol lines `בזב` (entitled to vote), `מצביעים` (voters), `פסולים`
(disqualified), `כשרים` (valid), then one column per list by its ballot letters (`מחל`, `פה`).
Read by position, `בזב` "led" with 29.69 % and the locality code ranked above every list. 2015's
files are cp1255 with a space before the first header and numbers padded with zeros. Figures are
checked against pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke

BY_LOCALITY = (
    "\ufeffסמל ועדה,שם ישוב,סמל ישוב,בזב,מצביעים,פסולים,כשרים,אמת,ט,מחל,פה,שס\n"
    "18,אבו גווייעד שבט,967,2279,549,9,540,1,5,12,0,522\n"
    "2,אבו גוש,472,5094,2809,40,2769,14,13,208,838,1696\n"
    "5,אדירים,113,234,180,0,180,1,84,31,27,37\n"
)
BY_BOX = (
    "\ufeffסמל ועדה,ברזל,שם ישוב,סמל ישוב,קלפי,ריכוז,שופט,בזב,מצביעים,פסולים,כשרים,אמת,ט,מחל,פה\n"
    "18,10619,אבו גווייעד שבט,967,3.1,1,0,570,173,4,169,0,4,9,156\n"
    "18,10620,אבו גווייעד שבט,967,3.2,1,0,570,96,1,95,1,0,1,93\n"
    "2,10700,אבו גוש,472,1,1,0,700,402,2,400,3,10,200,187\n"
)
# 2015: cp1255, a space before the first header, numbers padded and set off by a space.
PADDED = (
    " שם ישוב,סמל ישוב,מספר קלפי,בזב,מצביעים,פסולים,כשרים,אמת,ודעם,מחל,פה\n"
    "אבו ג'ווייעד (שבט, 000967, 0001.0, 000425, 000066, 000005, 000061, 000004, 000049,"
    " 000002, 000006\n"
    "אבו גוש, 000472, 0001.0, 000600, 000410, 000010, 000400, 000020, 000300, 000050, 000030\n"
    "אדירים, 000113, 0001.0, 000234, 000180, 000000, 000180, 000001, 000000, 000150, 000029\n"
)
PROTOCOL = ["בזב", "מצביעים", "פסולים", "כשרים"]
NOT_OPTIONS = ["סמל ועדה", "סמל ישוב", "ברזל", "קלפי", "מספר קלפי", "ריכוז", "שופט", *PROTOCOL]


def summary(path: Path, engine: str, *args: str) -> dict:
    result = invoke("summary", str(path), "-f", "json", *args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    return election


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("text", "encoding", "args"),
    [
        (BY_LOCALITY, "utf-8", ()),
        (BY_BOX, "utf-8", ()),
        (PADDED, "cp1255", ("--encoding", "cp1255")),
    ],
    ids=["expc", "expb", "2015-cp1255"],
)
def test_lists_are_the_options_and_the_protocol_lines_facts(tmp_path, engine, text, encoding, args):
    path = tmp_path / "expc.csv"
    path.write_bytes(text.encode(encoding))
    election = summary(path, engine, *args)
    frame = pd.read_csv(path, encoding="utf-8-sig" if encoding == "utf-8" else encoding)
    frame.columns = [c.strip() for c in frame.columns]
    lists = frame.columns[list(frame.columns).index("כשרים") + 1 :]
    wanted = {column: int(frame[column].sum()) for column in lists}
    got = {row["candidate"]: row["votes"] for row in election["results"]}
    assert got == wanted  # no code, box number, flag or protocol line among the options
    assert not set(got) & set(NOT_OPTIONS)
    assert sum(got.values()) == frame["כשרים"].sum()  # the valid ballots
    leader = max(wanted, key=wanted.__getitem__)
    assert election["leader"]["candidate"] == leader
    assert election["leader"]["share"] == pytest.approx(100 * wanted[leader] / sum(wanted.values()))
    turnout = election["turnout"]
    assert turnout["registered"] == frame["בזב"].sum()
    assert turnout["ballots_cast"] == frame["מצביעים"].sum()
    assert turnout["pct"] == pytest.approx(100 * frame["מצביעים"].sum() / frame["בזב"].sum())
