"""A scraped table whose every column carries the publisher's prefix (`total_`), holding a runoff's
two options and its valid votes beside the first round's parties (Peru's ONPE by ubigeo,
`total_fp,total_pl,total_validos,…,total_primera_peru_libre,…,total_upp`), read as the
`--id-columns` advice says: every `total_` column was a "total by its header" but some, the two
runoff options and three first-round parties set aside as totals with a warning per row (12,615),
and the other first-round parties summed as one race ("total_primera_peru_libre leads with
16.82 %", its blank votes runner-up). Now a word that begins every option's header is a prefix,
not a total; `total_validos` is the valid votes (Spanish `válidos`), and the two options that add
up to it in every row are the race, the first round's columns named as left unused.

The file is invented, in the same layout; the oracle is the figures as written.
"""

import json

import pytest

from conftest import invoke

HEADER = (
    "ubigeo,total_fa,total_rl,total_validos,total_en_blanco,total_votos_nulos,"
    "total_votos_emitidos,total_primera_frente_azul,total_primera_rumbo_libre,total_esperanza,"
    "total_primera_gente_honesta,total_primera_blanco,total_primera_nulo"
)
# Per district: the runoff's two options, then the first round's parties and blank and null.
DISTRICTS = [
    ("020101", 610, 757, 12, 125, [133, 101, 113, 160, 154, 112]),
    ("020102", 31, 121, 2, 4, [17, 8, 1, 14, 9, 15]),
    ("020103", 259, 368, 4, 26, [52, 25, 4, 117, 122, 26]),
    ("020104", 115, 265, 5, 42, [47, 32, 14, 44, 78, 37]),
]


def text() -> str:
    lines = [HEADER]
    for code, ab, cd, blank, null, first in DISTRICTS:
        valid = ab + cd
        cast = valid + blank + null
        lines.append(",".join(map(str, [code, ab, cd, valid, blank, null, cast, *first])))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_runoff_is_read_and_the_first_round_left_out(tmp_path, engine):
    path = tmp_path / "ubigeo.csv"
    path.write_text(text(), encoding="utf-8")
    result = invoke(
        "summary", str(path), "--id-columns", "ubigeo", "--format", "json",
        env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes == {
        "total_fa": sum(d[1] for d in DISTRICTS),
        "total_rl": sum(d[2] for d in DISTRICTS),
    }
    assert election["leader"]["candidate"] == "total_rl"
    assert "differs from the sum of its parts" not in result.stderr
    (note,) = [n for n in election["notes"] if n.startswith("Not options:")]
    assert (
        "'total_primera_frente_azul'" in note and "add up to 'total_validos' in every row" in note
    )


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_prefix_on_every_options_header_is_no_total(tmp_path, engine):
    path = tmp_path / "prefixed.csv"
    rows = [("030101", 512, 230, 41), ("030102", 77, 190, 12), ("030103", 301, 298, 5)]
    path.write_text(
        "ubigeo,total_frente_azul,total_rumbo_libre,total_esperanza\n"
        + "".join(",".join(map(str, row)) + "\n" for row in rows),
        encoding="utf-8",
    )
    result = invoke(
        "summary", str(path), "--id-columns", "ubigeo", "--format", "json",
        env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "total_frente_azul": 512 + 77 + 301,
        "total_rumbo_libre": 230 + 190 + 298,
        "total_esperanza": 41 + 12 + 5,
    }


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    "columns",
    [
        ("Total Votes 2016", "Total Votes 2020"),
        ("Total Early", "Total Election Day"),
        ("Total Mail", "Total In Person"),
    ],
)
def test_columns_of_totals_alone_are_no_race(tmp_path, engine, columns):
    """Review: lifted as a prefix, these totals were a race between them ("Total Votes 2020 leads
    … wins outright", validate: no problem). A total word followed by a votes word, a year or a
    way of voting is a total, as before the prefix rule."""
    path = tmp_path / "totals.csv"
    path.write_text(f"County,{columns[0]},{columns[1]}\nA,100,104\nB,200,210\n", encoding="utf-8")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and "leads" not in result.stdout
    assert "no option's votes were read" in result.stderr
