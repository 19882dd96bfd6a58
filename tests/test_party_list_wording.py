"""A party-list vote (`system: list`, or a seats fact) reads as one in summary and compare."""

import json

from conftest import DATA, invoke, write

KZ2023 = DATA / "kz_2023_mazhilis.csv"
KZ2021 = DATA / "kz_2021_mazhilis.csv"


def test_summary_of_a_list_vote_says_list_and_parties_and_no_runoff():
    result = invoke("summary", str(KZ2023), env={"COLUMNS": "100"})
    assert result.code == 0, result.stderr
    out = result.stdout
    assert " List " in out.splitlines()[3] and "Option" not in out
    assert "Effective number of parties" in out and "Effective number of candidates" not in out
    assert "runoff would be between" not in out and "Majority:" not in out
    notes = json.loads(invoke("summary", str(KZ2023), "-f", "json").stdout)["elections"][0]["notes"]
    assert (
        "Party-list vote: 69 seats go to the lists by the Hare quota and largest remainder among "
        "lists with at least 5 % of ballots cast, not to a runoff; pollcli seats allocates them."
    ) in notes


def test_a_seats_fact_alone_makes_a_list_vote_and_one_seat_does_not(tmp_path):
    lists = write(tmp_path, "# seats: 30\ncandidate,votes\nA,40\nB,35\nC,25\n")
    notes = json.loads(invoke("summary", str(lists), "-f", "json").stdout)["elections"][0]["notes"]
    assert any(n.startswith("Party-list vote: 30 seats go to the lists") for n in notes)
    assert not any("runoff would be between" in n for n in notes)
    assert (
        "No list is below the 3 % threshold (--threshold; the file states no legal threshold for "
        "seats)." in notes
    )
    race = write(tmp_path, "# seats: 1\ncandidate,votes\nA,40\nB,35\nC,25\n", "race.csv")
    notes = json.loads(invoke("summary", str(race), "-f", "json").stdout)["elections"][0]["notes"]
    assert any("runoff would be between A and B" in n for n in notes)


def test_markdown_header_says_list():
    out = invoke("summary", str(KZ2023), "--format", "markdown").stdout
    assert "| # | List | Party | Votes | Share | Tags |" in out


def test_compare_by_party_of_list_votes_uses_the_lists_as_parties():
    result = invoke("compare", str(KZ2021), str(KZ2023), "--by", "party", "-f", "json")
    assert result.code == 0
    assert "no option has a party" not in result.stderr
    rows = {r["candidate"]: r["shares"] for r in json.loads(result.stdout)["rows"]}
    assert rows["Ak Zhol Democratic Party"] == [10.95, 8.41]
    # Nur Otan was renamed Amanat: without an alias they are two rows, never a faked match.
    assert rows["Nur Otan"] == [71.09, None] and rows["Amanat"] == [None, 53.9]


def test_compare_with_the_renaming_alias_matches_nur_otan_and_amanat():
    args = ["compare", str(KZ2021), str(KZ2023), "--by", "party", "--alias", "Nur Otan=Amanat"]
    data = json.loads(invoke(*args, "-f", "json").stdout)
    row = next(r for r in data["rows"] if r["candidate"] == "Amanat")
    assert row["names"] == ["Nur Otan", "Amanat"] and row["shares"] == [71.09, 53.9]
    text = invoke(*args, env={"COLUMNS": "100"}).stdout
    assert "Amanat led in both 2021 and 2023" in text
    assert "Effective number of parties: 1.89 in 2021 → 3.07 in 2023." in text
    assert "Party list / option" in invoke("compare", str(KZ2021), str(KZ2023)).stdout


def test_a_table_of_parties_without_a_system_speaks_of_parties(tmp_path):
    """No candidate column, no system: the options are parties, and the threshold and effective
    number say so ("No party is below", "Effective number of parties"), not candidates."""
    parties = write(tmp_path, "party,votes\nAlpha,500\nBeta,300\nGamma,200\n")
    notes = json.loads(invoke("summary", str(parties), "-f", "json").stdout)["elections"][0][
        "notes"
    ]
    assert "No party is below the 3 % threshold." in notes
    assert "Effective number of parties (Laakso–Taagepera): 2.63." in notes  # 1 / (.25+.09+.04)
    assert not any("candidate" in n and "threshold" in n for n in notes)
