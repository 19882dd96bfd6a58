"""Poland's PKW candidate tables (`kandydaci_wbp_utf8.csv`, 2024 local elections, as
michalmilek/michalmilek-wybory-2024-count keeps it): `"Urząd";"Numer na karcie do głosowania";
"Nazwisko i imiona";"Nazwa komitetu";…;"Liczba głosów";"Procent głosów";"Czy uzyskał mandat";
"Obszar";"TERYT";…;"Liczba głosów ważnych na wszystkich kandydatów"`, one row per candidate of
every mayor's race in the country, each race named by its office (`Prezydent Miasta Bolesławiec`,
`Wójt Gminy …`). Main refused it (no candidate column: `Nazwisko i imiona`, surname and given names,
named none), and with the name given, it added every race together into one election led by the
biggest town's winner (trial 18). Each office is a race; the race's valid votes (`Liczba głosów
ważnych na wszystkich kandydatów`) are checked against its candidates' sum.

Written here in that layout with invented figures; the expected figures are pandas' sums by `Urząd`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    '"Urząd";"Numer na karcie do głosowania";"Nazwisko i imiona";"Nazwa komitetu";'
    '"Skrót nazwy komitetu";"Liczba głosów";"Procent głosów";"Czy uzyskał mandat";"Obszar";'
    '"TERYT";"Liczba głosów ważnych na wszystkich kandydatów"'
)
# (office, area, TERYT, [(name, committee, votes, elected)]).
RACES = [
    ("Prezydent Miasta Bolesławiec", "m. Bolesławiec", "020101",
     [("MOLAK Łukasz", "KWW IMPULS LOKALNY", 6000, "tak"),
      ("PRZYBYLSKI Grzegorz", "KKW KOALICJA OBYWATELSKA", 4000, "nie")]),
    ("Wójt Gminy Gromadka", "gm. Gromadka", "020103",
     [("KOWAL Piotr", "KWW GROMADKA", 300, "nie"),
      ("ZIELIŃSKA Ewa", "KWW RAZEM", 700, "tak")]),
]  # fmt: skip


def pkw_text() -> str:
    lines = [HEADER]
    for office, area, teryt, candidates in RACES:
        valid = sum(votes for _, _, votes, _ in candidates)
        for number, (name, committee, votes, elected) in enumerate(candidates, start=1):
            share = f"{100 * votes / valid:.2f}".replace(".", ",")
            cells = [f'"{office}"', str(number), f'"{name}"', f'"{committee}"', f'"{committee}"',
                     str(votes), share, f'"{elected}"', f'"{area}"', f'"{teryt}"', str(valid)]  # fmt: skip
            lines.append(";".join(cells))
    return "\ufeff" + "\n".join(lines) + "\n"


def oracle(path: Path) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    return {
        str(office): {str(k): int(v) for k, v in rows.groupby("Nazwisko i imiona")["Liczba głosów"].sum().items()}
        for office, rows in frame.groupby("Urząd")
    }  # fmt: skip


def test_pkw_candidates_are_read_a_race_per_office(tmp_path, monkeypatch):
    path = write(tmp_path, pkw_text(), name="kandydaci_wbp_utf8.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    expected = oracle(path)
    assert len(elections) == len(expected) == 2
    for election in elections:
        (office,) = [o for o in expected if o in election.facts.election]
        assert {o.candidate: o.votes for o in election.options} == expected[office]
        leader = max(election.options, key=lambda o: o.votes or 0)
        assert leader.candidate in {"MOLAK Łukasz", "ZIELIŃSKA Ewa"}
        parties = {o.party for o in election.options}
        assert parties <= {c for *_, cands in RACES for _, c, _, _ in cands}


SEJMIK_HEADER = (
    '"Sejmik";"Nr okręgu";"Nr listy";"Pozycja na liście";"Nazwisko i imiona";"Nazwa komitetu";'
    '"Skrót nazwy komitetu";"Liczba głosów";"Procent głosów oddanych na listę";'
    '"Procent głosów oddanych w okręgu";"Czy uzyskał mandat";"Województwo";'
    '"Liczba głosów ważnych oddanych w okręgu"'
)
# (district, [(name, committee, votes)]): candidates on open lists, two per committee.
DISTRICTS = [
    (1, [("ADAMSKI Jan", "KW A", 500), ("BOREK Ewa", "KW A", 300), ("CIEŚLA Jan", "KW B", 400),
         ("DUDA Ola", "KW B", 100)]),
    (2, [("ERNST Jan", "KW A", 200), ("FIGA Ewa", "KW A", 100), ("GÓRA Jan", "KW B", 600),
         ("HAJ Ola", "KW B", 50)]),
]  # fmt: skip


def test_a_sejmiks_districts_are_races_not_added_together(tmp_path, monkeypatch):
    # The PKW's `kandydaci_sejmiki_wojewodztw_utf8.csv` layout: once `Nazwisko i imiona` names the
    # candidates, `Nr okręgu` (and the `Sejmik`) must split the districts, or every district's
    # candidates would be one race (main's reading with the name given: one leader of 8).
    lines = [SEJMIK_HEADER]
    for district, candidates in DISTRICTS:
        valid = sum(v for *_, v in candidates)
        for number, (name, committee, votes) in enumerate(candidates, start=1):
            lines.append(
                f'"Sejmik Województwa Dolnośląskiego";{district};{number};1;"{name}";"{committee}";'
                f'"{committee}";{votes};;;"";"dolnośląskie";{valid}'
            )
    path = write(tmp_path, "\n".join(lines) + "\n", name="kandydaci_sejmiki_wojewodztw_utf8.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    frame = pd.read_csv(path, sep=";")
    expected = {
        int(d): {str(k): int(v) for k, v in rows.groupby("Nazwisko i imiona")["Liczba głosów"].sum().items()}
        for d, rows in frame.groupby("Nr okręgu")
    }  # fmt: skip
    assert len(elections) == 2
    got = {int(e.facts.election.rsplit("·", 1)[1]): {o.candidate: o.votes for o in e.options} for e in elections}  # fmt: skip
    assert got == expected


def test_a_table_of_candidates_before_the_count_says_it_holds_no_result(tmp_path, monkeypatch):
    # The PKW's candidate tables are published before the count with `Liczba głosów` blank in
    # every row: main gave one error per row, each advising --blank-votes zero, which counts every
    # candidate 0 and names the lone candidate of an uncontested race its winner.
    text = pkw_text()
    lines = text.splitlines()
    blanked = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells[5] = cells[6] = cells[10] = ""
        blanked.append(";".join(cells))
    path = write(tmp_path, "\n".join(blanked) + "\n", name="kandydaci_wbp_utf8.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    (whole,) = [p for p in problems if p.code == "no-rows"]
    assert whole.line == 1 and "none of the 4 rows has votes or a share" in whole.message
    done = invoke("summary", str(path))
    assert done.code == 1
    assert done.stderr.splitlines()[0].endswith("fill in their votes")
