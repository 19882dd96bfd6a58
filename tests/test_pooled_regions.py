"""Seats for a file of regions given one number of seats: Poland's PKW Sejm 2019 table by
constituency (`wyniki_gl_na_listy_po_okregach_sejm.csv`, as kam45x/Election keeps it: `"Numer
okręgu";"Nazwa";…;"Liczba głosów ważnych";"KO";…;"PiS";…`, one row per `Okręg Wyborczy Nr N`).
`pollcli seats FILE --seats 460 --method dhondt` pooled the 41 constituencies' votes into one
national allocation (PiS 202, KO 127…) without a word that the rows could be districts of their own
seats (the official result, each constituency allocated apart: PiS 235, KO 134…; `--seats-file`
gives it exactly). It now says it pooled them, and how to allocate per district (trial 18).

Written here in that layout with invented figures; the per-district seats are D'Hondt by hand.
"""

from __future__ import annotations

import json

from conftest import invoke, write

TEXT = (
    '"Numer okręgu";"Nazwa";"Liczba wyborców uprawnionych do głosowania";"Liczba głosów ważnych";'
    '"KO";"PiS";\n'
    '"1";"Okręg Wyborczy Nr 1";"1000";"700";"400";"300";\n'
    '"2";"Okręg Wyborczy Nr 2";"1000";"700";"100";"600";\n'
)


def seats(*args: str) -> dict:
    result = invoke("seats", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0]


def test_pooled_regions_are_said_with_the_way_to_allocate_each(tmp_path):
    path = write(tmp_path, TEXT, name="wyniki_gl_na_listy_po_okregach_sejm.csv")
    pooled = seats(str(path), "--seats", "6", "--method", "dhondt")
    assert pooled["layout"] == "national"
    said = [n for n in pooled["notes"] if "--seats-file" in n]
    assert len(said) == 1
    assert "2 regions" in said[0] and "'Okręg Wyborczy Nr 1'" in said[0]
    # Following the advice: each constituency apart. D'Hondt by hand: Nr 1 (3 seats) KO 400,
    # 200, 133 / PiS 300, 150 → KO 2, PiS 1; Nr 2 (3 seats) PiS 600, 300, 200 / KO 100 → PiS 3.
    seats_file = write(
        tmp_path, "district,seats\nOkręg Wyborczy Nr 1,3\nOkręg Wyborczy Nr 2,3\n", "seats.csv"
    )
    apart = seats(str(path), "--seats-file", str(seats_file), "--method", "dhondt")
    assert apart["layout"] == "districts"
    won = {p["party"]: p["seats"] for p in apart["allocations"][0]["parties"]}
    assert won == {"KO": 2, "PiS": 4}
    assert not [n for n in apart["notes"] if "pooled" in n]
