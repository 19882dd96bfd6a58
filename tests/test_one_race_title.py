"""A file of one race whose race columns name it is titled by that name: Elections Canada's
poll-by-poll file of one riding (`pollresults_resultatsbureau24049.csv`) names Pierrefonds--Dollard
in every row, but the table's heading read the file's stem. Text and markdown headings now show the
race's name beside the label; JSON's `election` stays the label (SPEC: the file's stem by default).

Figures invented, the layout is the file's."""

from __future__ import annotations

import json

from conftest import invoke, write

HEADER = (
    "Electoral District Number/Numéro de circonscription,"
    "Electoral District Name_English/Nom de circonscription_Anglais,"
    "Polling Station Number/Numéro du bureau de scrutin,"
    "Polling Station Name/Nom du bureau de scrutin,"
    "Candidate's Family Name/Nom de famille du candidat,"
    "Candidate's First Name/Prénom du candidat,"
    "Political Affiliation Name_English/Appartenance politique_Anglais,"
    "Candidate Poll Votes Count/Votes du candidat pour le bureau\n"
)
ROWS = "".join(
    f'24049,"Pierrefonds--Dollard","{poll}","{name}","{family}","{first}","{party}",{votes}\n'
    for poll, name, rows in (
        (" 1", "L'Île-Bizard", ((69, 71, 29))),
        (" 2", "Sainte-Geneviève", ((80, 40, 10))),
    )
    for (family, first, party), votes in zip(
        (
            ("Patry", "Bernard", "Liberal"),
            ("Rae", "Don", "Conservative"),
            ("Martel", "Denis", "Bloc"),
        ),
        rows,
        strict=True,
    )
)
STEM = "pollresults_resultatsbureau24049"


def test_the_heading_names_the_race(tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS, f"{STEM}.csv")
    text = invoke("summary", str(path))
    assert text.code == 0, text.stderr
    assert text.stdout.splitlines()[0].strip() == f"Pierrefonds--Dollard · #24049 ({STEM})"
    markdown = invoke("summary", str(path), "--format", "markdown")
    assert (
        "## Pierrefonds--Dollard · #24049 (pollresults\\_resultatsbureau24049)" in markdown.stdout
    )
    election = json.loads(invoke("summary", str(path), "--format", "json").stdout)["elections"][0]
    assert election["election"] == STEM and "title" not in election
    assert election["leader"]["candidate"] == "Bernard Patry"
    assert election["leader"]["votes"] == 69 + 80  # by hand


def test_a_file_with_no_race_column_keeps_its_label(tmp_path) -> None:
    path = write(tmp_path, "candidate,votes\nAnn,10\nBob,5\n", "plain.csv")
    assert invoke("summary", str(path)).stdout.splitlines()[0].strip() == "plain"
