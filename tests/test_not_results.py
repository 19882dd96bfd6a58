"""Tables that are no election results, read as wide ones (`read.wide_unlike`): Italy's lists of
candidates (`n_ord,l_fasc,…,num_c,cod_cand,nome_c,cogn_c,…,dt_nasc,l_nasc,sesso`) led with their
birth years summed ("dt_nasc leads with 99.74 %"), a table of Poland's districts with its residents
(`Mieszkańcy` "leading" `Wyborcy`), a table of football players with their salaries, and Eligendo's
turnout by hour (`Ore 23` "leading" `Ore 19`). Each is refused (exit 1) naming the columns and what
they hold, with the ways out; real wide results read as before. Files: synthetic, in those layouts."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

_NAMES = ["ANNA", "MARCO", "ELENA", "LUCA"]


def _candidates() -> str:
    # Three single-member districts of four candidates each: `num_c` their place on the ballot
    # (1..4 in each district), `dt_nasc` their birth years, `n_ord`/`l_fasc` blank.
    lines = ["n_ord,l_fasc,cod_ente,desc_ente,num_c,cod_cand,nome_c,cogn_c,dt_nasc,l_nasc,sesso"]
    for district in range(1, 4):
        for place, name in enumerate(_NAMES, start=1):
            year = 1950 + 7 * district + 3 * place
            code = 1000 * district + place
            lines.append(
                f",,CU0{district},PIEMONTE - U0{district},{place},{code},{name},ROSSI,"
                f"{year},TORINO,F"
            )
    return "\n".join(lines) + "\n"


def test_a_list_of_candidates_is_no_result(tmp_path):
    path = write(tmp_path, _candidates(), "CAMERA_ITALIA_uni.csv")
    result = invoke("summary", str(path))
    assert result.code == 1, result.stdout
    assert "the table looks like no election result" in result.stderr
    assert "'num_c' holds a running number" in result.stderr
    assert "'dt_nasc' holds years (1960–1983)" in result.stderr
    assert "'n_ord', 'l_fasc' are blank in every row" in result.stderr
    assert "--ignore-column" in result.stderr and "--wide --id-columns" in result.stderr
    assert "leads" not in result.stdout


def test_the_id_columns_the_user_names_are_the_users_word(tmp_path):
    # The way out the error names: the columns are read as options, as the user says.
    path = write(tmp_path, _candidates(), "CAMERA_ITALIA_uni.csv")
    result = invoke(
        "summary", str(path), "--wide", "--id-columns", "cod_ente,cod_cand", "-f", "json"
    )
    assert result.code == 0, result.stderr


DISTRICTS = """"Siedziba OKW";"Numer okręgu";"Liczba mandatów";"Mieszkańcy";"Wyborcy";"Opis granic"
"Legnica";"1";"12";"927450";"752171";"bolesławiecki, głogowski"
"Wałbrzych";"2";"8";"616381";"509179";"dzierżoniowski, kłodzki"
"Wrocław";"3";"14";"1201333";"993744";"górowski, milicki"
"""


def test_residents_and_electors_are_no_options(tmp_path):
    result = invoke("summary", str(write(tmp_path, DISTRICTS, "okregi_sejm.csv")))
    assert result.code == 1, result.stdout
    assert "'Mieszkańcy' holds residents" in result.stderr
    assert "'Wyborcy' holds electors" in result.stderr


PLAYERS = """"","player","team","age","weekly_gross_base_salary_gbp","annual_gross_base_salary_gbp"
"1","Albian Ajeti","Augsburg",19,0,0
"2","Alexander Esswein","Augsburg",26,12919,671795
"3","Alfred Finnbogason","Augsburg",27,0,0
"""


def test_ages_and_salaries_are_no_options(tmp_path):
    result = invoke("summary", str(write(tmp_path, PLAYERS, "footballplayers.csv")))
    assert result.code == 1, result.stdout
    assert "'age' holds an age" in result.stderr
    assert "'annual_gross_base_salary_gbp' holds money" in result.stderr


TURNOUT = """Tipo Elezione;REGIONE;COMUNE;Elettori;Ore 12;Ore 19;Ore 23
Camera Italia;PIEMONTE;ACQUI TERME;15037;3364;8219;9886
Camera Italia;PIEMONTE;ALBERA LIGURE;258;53;133;173
Camera Italia;PIEMONTE;ALESSANDRIA;67185;14058;35033;42485
"""


def test_turnout_by_hour_is_no_result(tmp_path):
    result = invoke("summary", str(write(tmp_path, TURNOUT, "votanti.csv")))
    assert result.code == 1, result.stdout
    assert "'Ore 12', 'Ore 19', 'Ore 23' are times of day whose figures rise" in result.stderr


def test_columns_of_votes_that_do_not_rise_are_read_as_before(tmp_path):
    # The same header with figures that fall somewhere: no snapshots (read as options, as before).
    # Oracle: the sums by hand.
    text = TURNOUT.replace("3364;8219;9886", "9886;8219;3364")
    result = invoke("summary", str(write(tmp_path, text, "votanti.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes == {
        "Ore 12": 9886 + 53 + 14058,
        "Ore 19": 8219 + 133 + 35033,
        "Ore 23": 3364 + 173 + 42485,
    }


@pytest.mark.parametrize("counts", [(1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 2, 1), (1990,) * 3])
def test_real_wide_results_are_read_as_before(tmp_path, counts):
    # A small party's 1, 2, 1 (its runs never reach 3) and a party's 1,990 in three rows (fewer
    # than ten): votes. Oracle: the sums by hand.
    lines = ["precinct,Smith,Jones"] + [
        f"P{n},{1000 + n},{c}" for n, c in enumerate(counts, start=1)
    ]
    result = invoke("summary", str(write(tmp_path, "\n".join(lines) + "\n", "w.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes == {
        "Smith": sum(1000 + n for n in range(1, len(counts) + 1)),
        "Jones": sum(counts),
    }


# Bulgaria's section protocols (`41_protocols.csv`): the ballot account of each polling station,
# the parties' votes in another table. Read as options: "unused_paper_ballots 5,138,191 38.97 %
# LEADER; voted_voters … RUNNER-UP", exit 0 (trial 26). Figures invented.
PROTOCOLS = (
    "section_id;distributed_ballots;registered_voters;onsite_listed_voters;voted_voters;"
    "unused_paper_ballots;destroyed_paper_ballots;urn_paper_ballots;invalid_paper_ballots;"
    "support_noone_paper_ballots;valid_paper_votes_for_parties\n"
    "010100001;500;610;4;305;195;1;304;3;1;300\n"
    "010100002;500;543;5;284;215;1;284;6;2;276\n"
    "010100003;400;420;2;250;149;1;250;4;0;246\n"
)


def test_a_ballot_account_alone_is_no_result(tmp_path):
    path = write(tmp_path, PROTOCOLS, "41_protocols.csv")
    for command in ("summary", "validate"):
        result = invoke(command, str(path))
        assert result.code == 1, result.stdout
        assert "LEADER" not in result.stdout and "leads" not in result.stdout
    result = invoke("summary", str(path))
    assert "the table looks like no election result" in result.stderr
    assert "'voted_voters', 'unused_paper_ballots'" in result.stderr
    assert "count ballots or voters" in result.stderr
    assert "'valid_paper_votes_for_parties' the votes of all the parties" in result.stderr


def test_a_party_beside_ballot_words_is_read(tmp_path):
    # One column that is no account line (a party's): the table is read as before.
    text = PROTOCOLS.replace("valid_paper_votes_for_parties", "Free Party")
    result = invoke("summary", str(write(tmp_path, text, "mixed.csv")))
    assert "the table looks like no election result" not in result.stderr
