"""A table of one row per candidate under headers pollcli does not know is no wide table of
places: Malaysia's SPR results dump (`t` the candidate, `ju` the votes, `mj` the seat's majority
and `ut` its rejected ballots on each of the seat's rows) was read as one, each number column an
option summed over the rows: "mj leads with 50.75 %", a majority. A column that holds one figure
down each group of rows while another differs within the group is a figure of the group, not
votes: the table is refused, naming it and what to pass.

The file is invented, in the same layout.
"""

import json

import pytest

from conftest import invoke

# Per seat: its code, its majority, its rejected ballots, and each candidate's votes.
SEATS = [
    ("10100", 2210, 310, [("ANNA TEO", 9120), ("BADRUL HISAM", 6910), ("CHONG WAI", 1450)]),
    ("10200", 5120, 122, [("DAVID RAJ", 12040), ("ESAH MAHMUD", 6920)]),
    ("10300", 803, 415, [("FARID OTHMAN", 7701), ("GOH LEE", 6898), ("HALIM ZAIN", 2210)]),
    ("10400", 12877, 95, [("IRENE LIM", 20311), ("JAMAL ARIF", 7434)]),
    ("10500", 1402, 288, [("KAMAL ALI", 8402), ("LIEW SOON", 7000), ("MEI LING", 380)]),
]


def dump() -> str:
    lines = [",id_x,t,pid,kid,kt,nc,ju,mj,ut,n"]
    row = 0
    for seat, majority, rejected, candidates in SEATS:
        for ballot, (name, votes) in enumerate(candidates, start=1):
            lines.append(
                f"{row},{100 + row},{name},{ballot},{seat},parlimen,{ballot},{votes},"
                f"{majority},{rejected}.0,PARTY {ballot}"
            )
            row += 1
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_seats_figure_on_each_candidates_row_is_no_option(tmp_path, engine):
    path = tmp_path / "results_with_party_data.csv"
    path.write_text(dump(), encoding="utf-8")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 1, result.stdout
    assert result.stdout == ""
    assert "'mj' holds one figure down each group of rows (2210 on lines 2–4)" in result.stderr
    assert "'ut' holds one figure down each group of rows" in result.stderr
    assert "name its columns candidate and votes" in result.stderr
    assert "leads" not in result.stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_same_rows_named_as_advised_give_each_seat(tmp_path, engine):
    path = tmp_path / "renamed.csv"
    text = dump().replace(",t,", ",candidate,", 1).replace(",ju,", ",votes,", 1)
    path.write_text(text, encoding="utf-8")
    result = invoke(
        "summary", str(path), "--race-by", "kid", "--format", "json", env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    elections = json.loads(result.stdout)["elections"]
    # The oracle: each seat's winner and majority as written above.
    for (_, majority, _, candidates), election in zip(SEATS, elections, strict=True):
        first, second = sorted(candidates, key=lambda c: -c[1])[:2]
        assert election["leader"]["candidate"] == first[0]
        assert election["margin"]["votes"] == first[1] - second[1] == majority


def test_a_wide_table_of_places_is_still_read(tmp_path):
    # Two options' figures equal in two places by chance: no group figure.
    path = tmp_path / "wide.csv"
    rows = [("North", 120, 80), ("South", 120, 95), ("East", 40, 95), ("West", 77, 15)]
    rows += [(f"Ward {i}", 10 + i, 30 + 2 * i) for i in range(10)]
    path.write_text("area,Alpha,Beta\n" + "".join(f"{a},{x},{y}\n" for a, x, y in rows))
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Alpha": sum(r[1] for r in rows),
        "Beta": sum(r[2] for r in rows),
    }
