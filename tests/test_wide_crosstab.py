"""A crosstab with the options as its rows and the places as its columns (Belgium's chamber results
by canton: `,Cantons / Kantons,Beauraing,Ciney,…` over `2,MR,2687,7028,…`): read as a wide table
(an option per column), each canton was an option and "led", the parties its regions. The plural
over the rows' names says which way the table runs: an error that says how to write it, unless
`--id-columns` names that column (the rows are the places)."""

from __future__ import annotations

import json
import shlex

import pytest

from conftest import invoke, write

CROSSTAB = """,Cantons / Kantons,Beauraing,Ciney,Dinant,TOTAL TOTAAL
2,MR,2687,7028,6405,16120
4,PS,1224,2955,3747,7926
6,LES ENGAGÉS,3269,6643,7069,16981
,TOTAUX / TOTALEN,7180,16626,17221,41027
"""


@pytest.mark.parametrize("corner", ["Cantons / Kantons", "Communes", "Parties", "Candidates"])
def test_a_crosstab_of_options_by_place_is_refused_with_how_to_write_it(tmp_path, corner):
    path = write(tmp_path, CROSSTAB.replace("Cantons / Kantons", corner), "cantons.csv")
    result = invoke("summary", str(path))
    assert result.code == 1, result.stdout
    assert f"{corner!r} heads the rows' names" in result.stderr
    assert "'Beauraing', 'Ciney', 'Dinant' … would be an option" in result.stderr
    assert f"--id-columns {shlex.quote(corner)}" in result.stderr  # as a shell reads it


def test_id_columns_reads_the_rows_as_places(tmp_path):
    # The advice works: the rows read as regions, each column an option (as before).
    path = write(tmp_path, CROSSTAB, "cantons.csv")
    result = invoke("summary", str(path), "--id-columns", "Cantons / Kantons", "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Beauraing": 2687 + 1224 + 3269,
        "Ciney": 7028 + 2955 + 6643,
        "Dinant": 6405 + 3747 + 7069,
    }


def test_a_singular_place_over_the_rows_is_a_wide_table_as_ever(tmp_path):
    # `Canton` over the cantons' names: the rows are places, the columns the parties.
    text = "Canton,MR,PS\nBeauraing,2687,1224\nCiney,7028,2955\n"
    result = invoke("summary", str(write(tmp_path, text, "w.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"MR": 9715, "PS": 4179}


@pytest.mark.parametrize("name", ["TOTAUX / TOTALEN", "Total / Totaal", "TOTAL TOTAAL"])
def test_a_bilingual_total_row_is_a_total(tmp_path, monkeypatch, name):
    # Belgium's tables name their totals in both languages: read as a place, such a row of three
    # parts was added to them (each party's votes twice). Oracle: the parts summed by hand.
    from conftest import engines_agree
    from pollcli.read.total_words import is_total_name

    assert is_total_name(name)
    text = f"Canton,MR,PS\nA,10,20\nB,30,40\nC,50,60\n{name},90,120\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "w.csv"), block_bytes=64)
    assert {o.candidate: o.votes for o in elections[0].options} == {"MR": 90, "PS": 120}
    long = f"region,party,votes\nA,MR,10\nB,MR,30\n{name},MR,40\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, long, "l.csv"), block_bytes=64)
    assert {o.candidate: o.votes for o in elections[0].options} == {"MR": 40}


@pytest.mark.parametrize("name", ["Ann Total", "Total Ann", "Sumner Total"])
def test_a_name_beside_a_total_word_is_no_total_by_its_words(name):
    from pollcli.read.total_words import is_total_name

    assert not is_total_name(name)


@pytest.mark.parametrize(
    ("name", "shares"),
    [("%", "57,38,13"), ("Percent", "50.0,37.5,12.5"), ("% des voix", "50,38,13")],
)
def test_a_row_of_shares_under_the_counts_is_no_place(tmp_path, name, shares):
    # Whole percents were added to the options' votes as a place's (MR 457 of 400); fractions
    # were refused with advice to leave a party's column out. Oracle: the places' rows by hand.
    text = f"Region,MR,PS,ECOLO\nA,100,200,50\nB,300,100,50\n{name},{shares}\n"
    result = invoke("summary", str(write(tmp_path, text, "w.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "MR": 400,
        "PS": 300,
        "ECOLO": 100,
    }
    assert f"line(s) 4 ({name!r}) hold the options' shares" in " ".join(election["notes"])


def test_races_added_up_win_nothing(tmp_path):
    # A wide table whose rows are races (`constituency_name`: the House of Commons' flat file;
    # Georgia's 17 mayoral runoffs in one table), read as one race, all rows added up: the sum is
    # no race — Georgia's read "Georgian Dream ... wins outright". The leader of the votes added
    # up is named; no winner. Oracle: the columns summed by hand.
    # (Each runoff's two parties: a party stands in some rows, not in others. Where every option
    # has votes in every row, the rows may be one race by district: `test_vote_for_races`.)
    text = (
        "constituency_name,Georgian Dream,United National Movement,Greens\n"
        "Tbilisi,300,200,\nKutaisi,500,,100\nBatumi,100,400,\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "runoffs.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Georgian Dream": 900,
        "United National Movement": 600,
        "Greens": 100,
    }
    said = " ".join(election["notes"])
    assert "their sum is no race, so no winner is named" in said
    assert "wins" not in said and "--race-by constituency_name" in said
