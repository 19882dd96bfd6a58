"""A wide table of each place's shares, no votes: PKW's 2018 regional assembly results by county
in percent (`Województwo;Nr okr.;TERYT;Powiat;Frekwencja;% głosów ważnych;KW PRAWO I
SPRAWIEDLIWOŚĆ;…`, `24.207133517803385` in a party's cell). Each cell was an error of its own
(4,206), each advising to leave that party's column out ("--ignore-column 'KKW PLATFORMA…'"): every
party. One error now says the options' cells are percentages, not counts."""

from conftest import invoke, write

HEADER = "Region;Nr okr.;TERYT;County;Frekwencja;% ważnych;KW ALFA;KKW BETA;KW GAMMA\n"
ROWS = [
    f"north;{n % 3 + 1};{200 + n:04d};county{n};{50 + n / 7:.6f};{90 + n / 11:.6f};"
    f"{20 + n / 3:.12f};{30 - n / 5:.12f};{100 - 50 - n / 3 + n / 5:.12f}\n"
    for n in range(1, 30)
]


def test_a_table_of_shares_is_one_error(tmp_path):
    result = invoke("summary", str(write(tmp_path, HEADER + "".join(ROWS), "pl_proc.csv")))
    assert result.code != 0
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert "--ignore-column" not in result.stderr and "--wide" not in result.stderr
    assert "the options' cells are percentages, not counts" in errors[0]
    # (`Frekwencja`, the turnout, is read as an option here: the first with a fraction.)
    assert "('Frekwencja' 50.142857 on line 2: a fraction in each option's column)" in errors[0]


def test_counts_with_a_few_fractions_are_not_told_so(tmp_path):
    # Counts, one cell of them a fraction (a typing slip): that cell's error, as before.
    rows = [
        f"north;1;{200 + n:04d};county{n};50;90;{100 + n};{200 - n};{50 + n}\n" for n in range(9)
    ]
    rows[3] = rows[3].replace(";103;", ";103.5;")
    result = invoke("summary", str(write(tmp_path, HEADER + "".join(rows), "pl_counts.csv")))
    assert "percentages, not counts" not in result.stderr
    assert "votes '103.5': not a whole number" in result.stderr


def test_shares_of_many_decimals_adding_up_to_100_are_one_error(tmp_path):
    # PKW's parties' shares add up to 100 in each row, to fifteen decimals: the reshape's check of
    # rows of percentages (two decimals at most) passed them over, and each cell was an error.
    rows = [";".join(r.split(";")[:4] + r.split(";")[6:]) for r in ROWS]
    header = "Region;Nr okr.;TERYT;County;KW ALFA;KKW BETA;KW GAMMA\n"
    result = invoke("summary", str(write(tmp_path, header + "".join(rows), "pl_parties.csv")))
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert f"('KW ALFA' {20 + 1 / 3:.12f} on line 2: a fraction" in errors[0]
