"""compare(): rows, changes, volatility, notes, matching across elections, exit-poll accuracy."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from pollcli.comparison import compare
from pollcli.election import Election, Facts, Option
from pollcli.errors import UsageError
from pollcli.read import load

KZ = [DATA / "kz_2019.csv", DATA / "kz_2022.csv"]
POLLS = sorted(DATA.glob("kz_2022_exit_poll_*.csv"))


def election(label: str, day: str, options: list[tuple], **facts: object) -> Election:
    """An election from (name, share[, party[, kind]]) tuples."""
    built = []
    for line, (name, share, *rest) in enumerate(options, start=2):
        party = rest[0] if rest else None
        kind = rest[1] if len(rest) > 1 else "candidate"
        built.append(Option(candidate=name, share=share, party=party, kind=kind, line=line))
    return Election(
        facts=Facts(election=label, date=dt.date.fromisoformat(day), **facts),
        source_file=f"{label}.csv",
        options=built,
    )


def row(result, name):
    return next(r for r in result.rows if r.candidate == name)


def test_kazakhstan_2019_to_2022():
    result = compare(load(KZ))
    tokayev = row(result, "Kassym-Jomart Tokayev")
    assert tokayev.shares == [70.96, 81.31]
    assert tokayev.changes[0] == pytest.approx(10.35)
    assert [e.term_years for e in result.elections] == [5, 7]
    assert result.elections[0].turnout_pct == pytest.approx(9274110 / 11960364 * 100)
    assert result.elections[1].turnout_pct == pytest.approx(69.44, abs=0.005)
    # ½ (10.35 + 29.04 gone + 12.89 new + 5.80 Against all) = 29.04
    assert result.volatility == [pytest.approx(29.04)]
    assert result.poll_accuracy is None
    assert row(result, "Amirzhan Kosanov").shares == [16.23, None]
    assert "Amirzhan Kosanov" in result.unmatched
    assert result.rows[-1].candidate == "Against all"  # non-candidate options after the candidates
    notes = " ".join(result.notes)
    assert "Term of office lengthened from 5 to 7 years" in notes
    assert "70.96 % → 81.31 % (+10.35 points)" in notes
    assert "77.54 % in 2019 → 69.44 % in 2022" in notes
    assert "In 2019 but not in 2022: Amirzhan Kosanov (16.23 %)" in notes


def test_volatility_against_a_hand_computed_case():
    a = election("A", "2020-01-01", [("Ann Lee", 50.0), ("Bob Ray", 30.0), ("Cy Dunn", 20.0)])
    b = election("B", "2024-01-01", [("Ann Lee", 40.0), ("Bob Ray", 45.0), ("Di Ward", 15.0)])
    result = compare([b, a])  # ordered by date, not by input
    assert [e.election for e in result.elections] == ["A", "B"]
    # |40−50| + |45−30| + |0−20| + |15−0| = 60 → 30
    assert result.volatility == [pytest.approx(30.0)]
    assert row(result, "Bob Ray").changes == [pytest.approx(15.0)]
    assert row(result, "Cy Dunn").changes == [None]
    assert sorted(result.unmatched) == ["Cy Dunn", "Di Ward"]


names_strategy = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=2, max_size=8),
    min_size=1,
    max_size=6,
    unique_by=lambda name: name,
)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.tuples(names_strategy, st.floats(0, 100, allow_nan=False)), min_size=1, max_size=8
    )
)
def test_comparing_an_election_with_itself_shows_no_change(names):
    options = list(dict(((" ".join(words)), share) for words, share in names).items())
    a = election("A", "2020-05-05", options)
    later = election("A again", "2024-05-05", options)
    result = compare([a, later])
    assert all(r.changes == [0.0] for r in result.rows)
    assert result.volatility == [0.0]
    assert result.unmatched == []
    same_day = compare([a, a])  # one election twice: no change is claimed at all
    assert all(r.changes == [None] for r in same_day.rows)
    assert same_day.volatility == [None]
    assert any("both the official count of one election" in n for n in same_day.notes)


def test_one_spelling_per_election_matched_with_its_score():
    a = election("A", "2019-06-09", [("Kassym-Jomart Tokayev", 70.96, "Nur Otan")])
    b = election(
        "B",
        "2022-11-20",
        [
            ("Kassym-Zhomart Tokaev", 81.31, "People's Coalition"),
            ("Against all", 5.8, None, "against_all"),
        ],
    )
    result = compare([a, b])
    assert len(result.rows) == 2
    match = result.matches[0]
    assert (match.name, match.matched_to) == ("Kassym-Zhomart Tokaev", "Kassym-Jomart Tokayev")
    assert 88 <= match.score < 100
    assert any("Matched by similarity" in n and "Kassym-Zhomart Tokaev" in n for n in result.notes)
    assert compare([a, b], fuzzy=False).matches == []
    assert len(compare([a, b], fuzzy=False).rows) == 3


def test_cyrillic_ballot_name_matches_latin():
    a = election("A", "2022-11-20", [("Kassym-Jomart Tokayev", 81.31)], stage="official")
    b = election("B", "2023-01-01", [("Токаев Касым-Жомарт Кемелулы", 80.0)])
    assert len(compare([a, b]).rows) == 1


def test_different_people_sharing_a_surname_stay_apart():
    a = election("A", "2020-01-01", [("David Smith", 60.0, "Blue"), ("Ann Lee", 40.0)])
    b = election("B", "2024-01-01", [("John Smith", 55.0, "Blue"), ("Ann Lee", 45.0)])
    result = compare([a, b])
    assert len(result.rows) == 3
    assert result.matches == []
    assert sorted(result.unmatched) == ["David Smith", "John Smith"]


def test_alias_makes_a_match_explicit():
    a = election("A", "2020-01-01", [("Nursultan Nazarbayev", 70.0), ("Other One", 30.0)])
    b = election("B", "2024-01-01", [("Elbasy", 60.0), ("Other One", 40.0)])
    assert len(compare([a, b]).rows) == 3
    result = compare([a, b], aliases={"Elbasy": "Nursultan Nazarbayev"})
    assert len(result.rows) == 2
    assert [(m.name, m.matched_to, m.score, m.method) for m in result.matches] == [
        ("Elbasy", "Nursultan Nazarbayev", 100.0, "alias")
    ]


def test_an_initial_close_to_two_people_is_left_unmatched():
    a = election("A", "2020-01-01", [("John Smith", 50.0), ("Jane Smith", 50.0)])
    b = election("B", "2024-01-01", [("J. Smith", 100.0)])
    result = compare([a, b])
    assert len(result.rows) == 3
    assert any(note.startswith("Ambiguous names") for note in result.notes)


def test_fewer_than_two_elections_is_a_usage_error():
    with pytest.raises(UsageError):
        compare(load(KZ[:1]))


def test_exit_polls_against_the_count_hand_computed():
    result = compare(load([*POLLS, KZ[1]]))
    assert result.elections[0].stage == "official"
    assert result.volatility == [None, None, None]
    polls = result.poll_accuracy
    assert polls is not None
    assert [p.rank for p in polls] == [1, 2, 3]
    assert ["Open Society" in polls[0].election, "Complex" in polls[1].election] == [True, True]
    # OSIIRS: |1.14|+|−0.09|+|−0.06|+|−0.30|+|−0.05|+|−0.04|+|−0.60| = 2.28 over 7 options
    assert polls[0].mean_abs_error == pytest.approx(2.28 / 7)
    assert polls[1].mean_abs_error == pytest.approx(3.16 / 7)  # ICSR
    assert polls[2].mean_abs_error == pytest.approx(8.44 / 7)  # Amanat
    assert polls[2].largest_miss is not None
    assert polls[2].largest_miss.candidate == "Kassym-Jomart Tokayev"
    assert polls[2].largest_miss.error == pytest.approx(4.21)
    assert polls[1].largest_miss is not None and polls[1].largest_miss.candidate == "Against all"
    assert all(p.called_leader and p.called_runner_up for p in polls)
    assert all(p.official == "Kazakhstan presidential election 2022" for p in polls)


def test_a_poll_that_misses_the_leader_and_an_option():
    count = election(
        "Count", "2024-03-01", [("Ann Lee", 48.0), ("Bob Ray", 47.0), ("Cy Dunn", 5.0)]
    )
    poll = election("Poll", "2024-03-01", [("Bob Ray", 50.0), ("Ann Lee", 50.0)], stage="exit_poll")
    result = compare([poll, count])
    (accuracy,) = result.poll_accuracy or []
    assert accuracy.called_leader is False
    assert accuracy.leader is None  # the poll has a tie
    assert accuracy.missing == ["Cy Dunn"]
    assert accuracy.mean_abs_error == pytest.approx((2 + 3) / 2)
    assert "did not call the leader" in " ".join(result.notes)


def test_polls_without_their_count_are_compared_but_not_scored():
    result = compare(load(POLLS[:2]))
    assert result.poll_accuracy is None
    assert result.volatility == [None]
    assert sum("accuracy is not measured" in note for note in result.notes) == 2


def test_by_party_sums_candidates_of_one_party():
    a = election(
        "A",
        "2020-01-01",
        [("Ann Lee", 30.0, "Blue"), ("Bob Ray", 20.0, "Blue"), ("Cy Dunn", 50.0, "Red")],
    )
    b = election("B", "2024-01-01", [("Ann Lee", 60.0, "BLUE"), ("Cy Dunn", 40.0, "Red")])
    result = compare([a, b], by="party")
    assert row(result, "BLUE").shares == [50.0, 60.0]  # the latest spelling labels the row
    assert row(result, "BLUE").names == ["Blue", "BLUE"]
    assert row(result, "Red").changes == [pytest.approx(-10.0)]
    assert result.volatility == [pytest.approx(10.0)]


def test_package_exports_the_function_even_after_the_module_is_imported():
    import pollcli.comparison
    from pollcli import compare as exported

    assert exported is pollcli.comparison.compare
