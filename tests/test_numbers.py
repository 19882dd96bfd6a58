"""Numbers at their edges: digit strings past Python's int-string limit, digits of other scripts,
underscores, and fractions a float would round away. Oracle: the `decimal` module, exact by design."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, invoke, write
from pollcli.numbers import MAX_VOTES, NumberError, parse_share, parse_votes

HUGE = "1" * 5000  # past Python's limit of 4,300 digits for int(str)


def _code(text: str, decimal: str = ".", given: bool = False) -> tuple[str, str]:
    with pytest.raises(NumberError) as caught:
        parse_votes(text, decimal, decimal_given=given)
    return caught.value.code, str(caught.value)


# Item 8: a count of thousands of digits is out of range, never Python's ValueError.


@pytest.mark.parametrize(
    ("text", "decimal", "given"),
    [
        (HUGE, ".", False),
        ("-" + HUGE, ".", False),
        (HUGE + ".0", ".", False),
        (HUGE + ",0", ",", True),
        ("1," + "000," * 1700 + "000", ".", False),
        ("1." + "000." * 1700 + "000", ",", True),
        ("1 " + "000 " * 1700 + "000", ".", False),
        ("1e5000", ".", False),
        ("1" + "0" * 4999 + "e-10", ".", False),
    ],
)
def test_thousands_of_digits_are_out_of_range(text, decimal, given):
    code, message = _code(text, decimal, given)
    expected = "negative-votes" if text.startswith("-") else "votes-out-of-range"
    assert code == expected
    assert "Exceeds the limit" not in message
    assert len(message) < 200  # the cell is abbreviated, not quoted whole


def test_leading_zeros_do_not_count_as_digits():
    assert parse_votes("0" * 5000 + "7", ".", decimal_given=False) == 7


def test_a_huge_cell_is_votes_out_of_range_in_summary_and_validate(tmp_path):
    path = write(tmp_path, f"candidate,votes\nA,{HUGE}\nB,5\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert result.stderr.startswith(f"pollcli: error: {path}:2: votes '1111")
    assert "larger than any electorate" in result.stderr
    report = invoke("validate", str(path), "--format", "json")
    problems = __import__("json").loads(report.stdout)["files"][0]["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [("votes-out-of-range", 2)]


def test_a_huge_front_matter_count_is_invalid_metadata(tmp_path):
    path = write(tmp_path, f"# registered: {HUGE}\ncandidate,votes\nA,10\nB,5\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert f"{path}:1: registered '1111" in result.stderr
    assert "larger than any electorate" in result.stderr
    assert "Exceeds the limit" not in result.stderr


@pytest.mark.parametrize("flag", ["--registered", "--ballots-cast", "--invalid", "--blank"])
def test_a_huge_count_flag_is_a_usage_error_naming_the_flag(flag):
    result = invoke("summary", str(DATA / "kz_2022.csv"), flag, HUGE)
    assert result.code == 2, result.stderr
    assert result.stderr.startswith(f"pollcli: error: {flag}: ")
    assert "larger than any electorate" in result.stderr
    assert len(result.stderr) < 300


# Item 24: what a number may be written with.


@pytest.mark.parametrize("text", ["١٢٣", "１２３", "१२३", "12３", "۱۲۳٬۴۵۶"])
def test_digits_of_other_scripts_are_refused_with_the_reason(text):
    code, message = _code(text)
    assert code == "type-error"
    assert "write the digits 0-9" in message
    with pytest.raises(NumberError, match="write the digits 0-9"):
        parse_share(text + ".5", ".")


@pytest.mark.parametrize("text", ["1_000", "1_000.0", "+1_0"])
def test_underscores_are_refused_with_the_reason(text):
    code, message = _code(text)
    assert code == "type-error"
    assert "underscore" in message
    with pytest.raises(NumberError, match="underscore"):
        parse_share("1_0.5", ".")


@pytest.mark.parametrize(
    "text", ["0.99999999999999999999", "1.00000000000000000001", "9007199254740993.5", "1e-400"]
)
def test_a_fraction_a_float_would_round_away_is_not_a_whole_number(text):
    code, message = _code(text)
    assert code == "type-error"
    assert "not a whole number" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.00E+03", 3000),
        ("30000e-1", 3000),
        ("9007199254740993", None),  # past a float's exact integers, and past MAX_VOTES
        ("1.5e1", 15),
        (".5e1", 5),
        ("5.", 5),
        ("0e-99999", 0),
    ],
)
def test_exact_whole_numbers_in_scientific_notation(text, expected):
    if expected is None:
        assert _code(text)[0] == "votes-out-of-range"
    else:
        assert parse_votes(text, ".", decimal_given=False) == expected


@given(
    st.integers(min_value=0, max_value=10**13),
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=-25, max_value=25),
)
def test_scientific_counts_agree_with_decimal(mantissa, point, exponent):
    digits = str(mantissa).rjust(point + 1, "0")
    text = f"{digits[: len(digits) - point]}.{digits[len(digits) - point :]}e{exponent}"
    exact = Decimal(text)
    if exact != exact.to_integral_value():
        assert _code(text)[0] == "type-error"
    elif exact > MAX_VOTES:
        assert _code(text)[0] == "votes-out-of-range"
    else:
        assert parse_votes(text, ".", decimal_given=False) == int(exact)


@given(
    st.text(alphabet="0123456789", min_size=0, max_size=6),
    st.characters(categories=["Nd"]).filter(lambda c: not c.isascii()),
    st.text(alphabet="0123456789", min_size=0, max_size=6),
)
def test_any_digit_of_another_script_is_refused(before, digit, after):
    code, message = _code(before + digit + after)
    assert code == "type-error"
    assert "write the digits 0-9" in message


# Item 20: a flag's bounds are the flag's problem, not the file's.


def test_an_out_of_range_flag_is_a_usage_error_not_the_files_line(tmp_path):
    path = write(tmp_path, "# registered: 1000\ncandidate,votes\nA,10\nB,5\n")
    result = invoke("summary", str(path), "--registered", "99999999999")
    assert result.code == 2, result.stderr
    assert result.stderr == (
        "pollcli: error: --registered: registered '99999999999': more than 10,000,000,000, "
        "larger than any electorate\n"
    )


def test_an_out_of_range_fact_from_python_is_not_blamed_on_the_files_line(tmp_path):
    from pollcli import validate

    path = write(tmp_path, "# registered: 1000\ncandidate,votes\nA,10\nB,5\n")
    report = validate(path, facts={"registered": 10**12})
    (problem,) = report.files[0].problems
    assert (problem.code, problem.line) == ("invalid-metadata", None)
    assert "registered 1000000000000: must be a whole number from 0 to 10,000,000,000" in (
        problem.message
    )


# Issue 11 item 7: vote counts as exports write them.


@given(
    st.integers(min_value=0, max_value=MAX_VOTES),
    st.decimals(min_value=Decimal("-0.000001"), max_value=Decimal("0.000001"), places=16),
)
def test_a_vote_cell_within_a_millionth_of_a_whole_number_reads_as_it(whole, offset):
    text = format(Decimal(whole) + offset, "f")
    near: list[str] = []
    if whole + offset < 0:
        return
    assert parse_votes(text, ".", decimal_given=False, near_whole=near) == whole
    assert near == ([] if offset == 0 else [text])


@given(
    st.integers(min_value=0, max_value=10**9),
    st.decimals(min_value=Decimal("0.0000011"), max_value=Decimal("0.9999989"), places=10),
)
def test_a_vote_cell_further_from_a_whole_number_is_refused(whole, fraction):
    text = format(Decimal(whole) + fraction, "f")
    with pytest.raises(NumberError, match="not a whole number"):
        parse_votes(text, ".", decimal_given=False, near_whole=[])


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("727712.9999999997", ".", 727713),
        ("727712.9999999997", ".", 727713),
        ("4.0000000000000001e5", ".", 400000),
        ("0.99999999999999999999", ".", 1),
        ("-0.0000001", ".", 0),
    ],
)
def test_near_whole_counts_as_exports_write_them(text, decimal, expected):
    near: list[str] = []
    assert parse_votes(text, decimal, decimal_given=True, near_whole=near) == expected
    assert near == [text]


def test_near_whole_is_never_a_negative_count_nor_out_of_range():
    with pytest.raises(NumberError, match="cannot be negative"):
        parse_votes("-0.9999999999", ".", decimal_given=False, near_whole=[])
    with pytest.raises(NumberError, match="larger than any electorate"):
        parse_votes("10000000000.9999999999", ".", decimal_given=False, near_whole=[])


def test_near_whole_vote_cells_are_read_with_a_note_in_both_engines(tmp_path, monkeypatch):
    path = write(tmp_path, "candidate,votes\nA,727712.9999999997\nB,12.0000000001\nC,5\n")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    election = __import__("json").loads(result.stdout)["elections"][0]
    assert [r["votes"] for r in election["results"]] == [727713, 12, 5]
    assert (
        "2 vote counts within 1e-6 of a whole number (such as '727712.9999999997' on line 2, as "
        "spreadsheets and pandas write sums) were read as whole numbers." in election["notes"]
    )
    # A front-matter count is still read strictly: a count of people is not a sum of floats.
    strict = write(tmp_path, "# registered: 100.0000001\ncandidate,votes\nA,1\n", "s.csv")
    assert invoke("summary", str(strict)).code == 1
