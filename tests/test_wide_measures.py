"""A wide table of answers (yes/no) whose rows are several ballot measures: each row's measure
named by a column (`measure`, `question`, `proposal`, the Swiss BFS's `VORLAGE_BEZEICHNUNG`,
`objet`, `quesito`…) and often dated by another (`DATUM_ABSTIMMUNG`). Added up, the rows were one
answer: the BFS layout's 631 federal referendums of 1866–2017, "NEIN leads with 52.45 %"; a
canton's 34 referendums by municipality, "JA leads with 53.77 %", its voters counted 34 times.
Rows of two measures or more are refused, naming the `--race-by` that reads each (all the
columns that tell them apart); followed, each measure is its own race, checked by hand below.
Invented names and figures, in the publishers' layouts."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from conftest import invoke, write

ENGINES = ["exact", "stream"]


def refusal(path: Path, engine: str, *args: str) -> str:
    result = invoke("summary", str(path), *args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == "", result.stdout
    text = " ".join(result.stderr.split())
    assert "leads" not in text
    return text


def races(path: Path, *args: str) -> dict[str, dict[str, int]]:
    result = invoke("summary", str(path), *args, "-f", "json")
    assert result.code == 0, result.stderr
    return {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(result.stdout)["elections"]
    }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "word", ["measure", "question", "proposal", "Proposition", "Ballot Question", "referendum"]
)
def test_rows_of_measures_are_refused(tmp_path, word, engine):
    path = write(tmp_path, f"{word},yes,no\nMeasure A,600,300\nMeasure B,100,700\n")
    text = refusal(path, engine)
    assert f"the rows are 2 measures named by {word!r}" in text
    assert "'Measure A', 'Measure B'" in text
    flag = f"--race-by '{word}'" if " " in word else f"--race-by {word}"
    assert flag in text


def test_following_the_advice_reads_each_measure(tmp_path):
    path = write(tmp_path, "question,yes,no\nMeasure A,600,300\nMeasure B,100,700\n")
    assert races(path, "--race-by", "question") == {
        "Measure A": {"yes": 600, "no": 300},
        "Measure B": {"yes": 100, "no": 700},
    }


SWISS = (
    "DATUM_ABSTIMMUNG;VORLAGE_BEZEICHNUNG;STIMBERECHTIGTE;JA_STIMMEN;NEIN_STIMMEN\n"
    "01.03.2020;Gesetz über die Wälder;1000;600;300\n"
    "07.06.2021;Gesetz über die Seen;1100;100;700\n"
    "07.06.2021;Gesetz über die Berge;1100;450;350\n"
)


@pytest.mark.parametrize("engine", ENGINES)
def test_dated_measures_are_refused_naming_both_keys(tmp_path, engine):
    """The BFS layout: a date and a title per row; the advice names both (a title may come back
    on another date)."""
    text = refusal(write(tmp_path, SWISS), engine)
    assert "the rows are 3 measures" in text
    assert "--race-by DATUM_ABSTIMMUNG,VORLAGE_BEZEICHNUNG" in text


def test_dated_measures_read_with_the_advice(tmp_path):
    got = races(write(tmp_path, SWISS), "--race-by", "DATUM_ABSTIMMUNG,VORLAGE_BEZEICHNUNG")
    # (Each race's figures are its row's, by hand; JA and NEIN are the answers' names.)
    assert sorted(got.values(), key=lambda v: v["JA"]) == [
        {"JA": 100, "NEIN": 700},
        {"JA": 450, "NEIN": 350},
        {"JA": 600, "NEIN": 300},
    ]
    assert len(got) == 3


def test_the_bfs_registered_column_is_registered(tmp_path):
    """`STIMBERECHTIGTE` (one M, as the BFS file spells it) is the voters on the list, no row name."""
    path = write(tmp_path, SWISS)
    result = invoke(
        "summary", str(path), "--race-by", "DATUM_ABSTIMMUNG,VORLAGE_BEZEICHNUNG", "-f", "json"
    )
    assert result.code == 0, result.stderr
    registered = sorted(e["turnout"]["registered"] for e in json.loads(result.stdout)["elections"])
    assert registered == [1000, 1100, 1100]


@pytest.mark.parametrize("engine", ENGINES)
def test_measures_of_one_date_are_refused(tmp_path, engine):
    path = write(
        tmp_path,
        "date,measure,yes,no\n2020-03-01,Measure A,600,300\n2020-03-01,Measure B,100,700\n",
    )
    text = refusal(path, engine)
    assert "the rows are 2 measures named by 'measure'" in text
    assert "--race-by measure" in text


@pytest.mark.parametrize(
    ("header", "answers"),
    [
        ("Objet;Oui;Non", ("Oui", "Non")),
        ("Quesito;Sì;No", ("Sì", "No")),
        ("Vorlage;Ja;Nein", ("Ja", "Nein")),
        ("Votation;Oui;Non", ("Oui", "Non")),
        ("Pregunta;Sí;No", ("Sí", "No")),
    ],
)
def test_measures_in_other_languages(tmp_path, header, answers):
    word = header.split(";")[0]
    path = write(tmp_path, f"{header}\nPremier;60;30\nSecond;10;70\n")
    text = refusal(path, "exact")
    assert f"2 measures named by {word!r}" in text and f"--race-by {word}" in text
    got = races(path, "--race-by", word)
    assert got == {
        "Premier": {answers[0]: 60, answers[1]: 30},
        "Second": {answers[0]: 10, answers[1]: 70},
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_one_measure_by_place_is_read(tmp_path, engine):
    """One measure in every row, by municipality: its places, added up (by hand: 700 to 1,000)."""
    path = write(
        tmp_path,
        "Vorlage;Gemeinde;Ja;Nein\nGesetz A;Adorf;600;300\nGesetz A;Bedorf;100;700\n",
    )
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Ja": 700, "Nein": 1000}


def test_long_rows_of_measures_are_races(tmp_path):
    """A long table of measures by county: each measure its own race."""
    path = write(
        tmp_path,
        "county,measure,candidate,votes\n"
        "Adams,Measure A,Yes,60\nAdams,Measure A,No,30\nAdams,Measure B,Yes,10\n"
        "Adams,Measure B,No,70\nBaker,Measure A,Yes,5\nBaker,Measure A,No,4\n"
        "Baker,Measure B,Yes,3\nBaker,Measure B,No,2\n",
    )
    assert races(path) == {
        "Measure A": {"Yes": 65, "No": 34},
        "Measure B": {"Yes": 13, "No": 72},
    }


def test_split_measures_keep_their_answers_and_zeros(tmp_path):
    """Read with --race-by, a table of one column per party makes the options parties and drops a
    party's 0 (it did not stand); a measure's answers are no parties, and a 0 is a count."""
    path = write(tmp_path, "measure,yes,no\nMeasure A,600,0\nMeasure B,100,700\n")
    result = invoke("summary", str(path), "--race-by", "measure", "-f", "json")
    assert result.code == 0, result.stderr
    first = json.loads(result.stdout)["elections"][0]
    assert {r["candidate"]: r["votes"] for r in first["results"]} == {"yes": 600, "no": 0}
    assert all(r["party"] is None for r in first["results"])


def test_a_day_first_race_key_is_no_date_and_no_date_is_advised(tmp_path):
    result = invoke(
        "summary", str(write(tmp_path, SWISS)), "--race-by", "DATUM_ABSTIMMUNG,VORLAGE_BEZEICHNUNG"
    )
    assert result.code == 0, result.stderr
    text = " ".join(result.stderr.split())
    assert "'DATUM_ABSTIMMUNG' is not read as the election's date" in text
    assert "--date" not in text and "it names the races as written" in text


def test_long_titles_are_cut_in_the_refusal(tmp_path):
    title = "Beschluss des Grossen Rates über das Kreditbegehren für den Neubau des Gebäudes "
    path = write(tmp_path, f"Vorlage;Ja;Nein\n{title}A;60;30\n{title}B;10;70\n")
    text = refusal(path, "exact")
    assert title[:64].rstrip() + "…" in text and title + "A" not in text


# --- Measures side by side: a column per measure and answer -------------------------------------
# `County,Prop 1 Yes,Prop 1 No,Prop 2 Yes,Prop 2 No` was refused as two "rounds or elections" told
# by the suffixes `_yes` and `_no`, with the advice to keep all the Yes columns (both measures'
# Yes added up), unquoted. The advice now is the long table, read right below.

PROPS = (
    "County,Prop 1 Yes,Prop 1 No,Prop 2 Yes,Prop 2 No\nAdams,600,300,100,700\nBaker,50,40,30,20\n"
)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sep", [" ", " - ", ": "])
def test_columns_of_several_measures_are_refused(tmp_path, engine, sep):
    path = write(tmp_path, PROPS.replace(" Yes", f"{sep}Yes").replace(" No", f"{sep}No"))
    text = refusal(path, engine)
    assert "the answers of 2 measures" in text and "'Prop 1', 'Prop 2'" in text
    assert "--ignore-column" not in text  # (one measure's `Prop 1 Yes` reads as a candidate)
    assert "--race-by measure" in text and "rounds" not in text


def test_the_long_table_the_advice_names(tmp_path):
    path = write(
        tmp_path,
        "County,measure,Yes,No\nAdams,Prop 1,600,300\nAdams,Prop 2,100,700\n"
        "Baker,Prop 1,50,40\nBaker,Prop 2,30,20\n",
    )
    assert races(path, "--race-by", "measure") == {
        "Prop 1": {"Yes": 650, "No": 340},
        "Prop 2": {"Yes": 130, "No": 720},
    }


def test_rounds_told_by_suffixes_are_advised_quoted(tmp_path):
    """The suffixes of two rounds (Chile's `boric_pv`, `boric_sv`): the advice quoted, as a shell
    takes it."""
    path = write(
        tmp_path,
        "comuna,Ann Roe_pv,Bob Poe_pv,Ann Roe_sv,Bob Poe_sv\nA,10,20,30,40\nB,5,6,7,8\n",
    )
    text = refusal(path, "exact")
    assert "--ignore-column 'Ann Roe_sv,Bob Poe_sv'" in text


@pytest.mark.parametrize("word", ["Titel", "title", "Titre", "Bezeichnung", "Título"])
def test_rows_of_answers_named_by_a_title_are_measures(tmp_path, word):
    """A table of answers only whose rows are named by a title column: each row a measure's (a
    place has no title), refused; followed, each title a race (by hand: the rows' own figures)."""
    path = write(tmp_path, f"{word};Ja;Nein\nGesetz A;600;300\nGesetz B;100;700\n")
    text = refusal(path, "exact")
    assert f"2 measures named by {word!r}" in text and f"--race-by {shlex.quote(word)}" in text
    assert races(path, "--race-by", word) == {
        "Gesetz A": {"Ja": 600, "Nein": 300},
        "Gesetz B": {"Ja": 100, "Nein": 700},
    }


def test_a_title_beside_candidates_names_no_measure(tmp_path):
    """A title column in a table of candidates (a district's title): its places, as before."""
    path = write(tmp_path, "title,Ann,Bob\nNorth,60,30\nSouth,10,70\n")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Ann": 70, "Bob": 100}
