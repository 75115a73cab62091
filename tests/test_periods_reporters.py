"""Periods as reporters write them (issue 20): open ends, quarters and halves in words, weeks,
"last month" measured from the end of the data, and a party and a period in any order.

The expected dates are written out by hand from a calendar of 2023; the data's span is the
seed table's (21 January – 30 June 2023)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.periods import Period, PeriodError, parse_period, split_trailing_period

D = date
SPAN = (D(2023, 1, 21), D(2023, 6, 30))


def read(text: str) -> Period:
    return parse_period(text, latest_year=2023, data=SPAN)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # open at the end: to the data's last day
        ("since May", D(2023, 5, 1), D(2023, 6, 30)),
        ("Since 15 June", D(2023, 6, 15), D(2023, 6, 30)),
        ("from May", D(2023, 5, 1), D(2023, 6, 30)),
        ("from 10/06/2023", D(2023, 6, 10), D(2023, 6, 30)),
        ("after May", D(2023, 6, 1), D(2023, 6, 30)),
        ("after 20 June", D(2023, 6, 21), D(2023, 6, 30)),
        ("starting in April", D(2023, 4, 1), D(2023, 6, 30)),
        ("since the start of May", D(2023, 5, 1), D(2023, 6, 30)),
        # open at the start: from the data's first day
        ("until 15 June", D(2023, 1, 21), D(2023, 6, 15)),
        ("until the end of March", D(2023, 1, 21), D(2023, 3, 31)),
        ("before June", D(2023, 1, 21), D(2023, 5, 31)),
        ("before 2 April 2023", D(2023, 1, 21), D(2023, 4, 1)),
        ("up to May", D(2023, 1, 21), D(2023, 5, 31)),
        ("till February", D(2023, 1, 21), D(2023, 2, 28)),
        # quarters and halves, in words or codes
        ("Q1", D(2023, 1, 1), D(2023, 3, 31)),
        ("first quarter", D(2023, 1, 1), D(2023, 3, 31)),
        ("the second quarter", D(2023, 4, 1), D(2023, 6, 30)),
        ("2nd quarter of 2023", D(2023, 4, 1), D(2023, 6, 30)),
        ("H1", D(2023, 1, 1), D(2023, 6, 30)),
        ("first half", D(2023, 1, 1), D(2023, 6, 30)),
        ("the first half of 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("second half", D(2023, 7, 1), D(2023, 12, 31)),
        # ranges
        ("May to June", D(2023, 5, 1), D(2023, 6, 30)),
        ("between 1 and 15 June", D(2023, 6, 1), D(2023, 6, 15)),
        ("from 1 May to 15 June", D(2023, 5, 1), D(2023, 6, 15)),
        # weeks (Monday–Sunday); 26 June 2023 is a Monday, ISO week 26
        ("2023-W26", D(2023, 6, 26), D(2023, 7, 2)),
        ("week 25", D(2023, 6, 19), D(2023, 6, 25)),
        ("the week of 26 June", D(2023, 6, 26), D(2023, 7, 2)),
        ("week of 29 June", D(2023, 6, 26), D(2023, 7, 2)),
        ("week starting 5 June", D(2023, 6, 5), D(2023, 6, 11)),
        ("week of 26 June – 2 July 2023", D(2023, 6, 26), D(2023, 7, 2)),
        # measured back from the data's last day (30 June 2023, a Friday)
        ("last month", D(2023, 6, 1), D(2023, 6, 30)),
        ("the last month", D(2023, 6, 1), D(2023, 6, 30)),
        ("last week", D(2023, 6, 26), D(2023, 7, 2)),
        ("the past week", D(2023, 6, 26), D(2023, 7, 2)),
        ("last quarter", D(2023, 4, 1), D(2023, 6, 30)),
        ("the last 7 days", D(2023, 6, 24), D(2023, 6, 30)),
        ("past 2 weeks", D(2023, 6, 17), D(2023, 6, 30)),
        ("last 3 months", D(2023, 4, 1), D(2023, 6, 30)),
        ("this year", D(2023, 1, 1), D(2023, 12, 31)),
    ],
)
def test_reporters_periods(text: str, start: date, end: date) -> None:
    period = read(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("since May", "since 1 May 2023 (the data ends on 30 June 2023)"),
        ("before June", "until 31 May 2023 (the data starts on 21 January 2023)"),
        ("last month", "June 2023 (the latest month in the data, which ends on 30 June 2023)"),
        (
            "last week",
            "week of 26 June – 2 July 2023 (the latest week in the data, which ends on 30 June "
            "2023)",
        ),
        (
            "last 7 days",
            "24–30 June 2023 (the last 7 days of the data, which ends on 30 June 2023)",
        ),
        ("the week of 26 June", "week of 26 June – 2 July 2023"),
        ("first half", "January–June 2023"),
    ],
)
def test_relative_labels_say_what_they_were_measured_from(text: str, label: str) -> None:
    assert read(text).label == label


@pytest.mark.parametrize(
    "text", ["since May", "before June", "last month", "last week", "2023-W26", "the last 7 days"]
)
def test_labels_read_back_as_the_same_days(text: str) -> None:
    """The echo of a question ("Showing /total CNRP since 1 May 2023 (...)") and the buttons
    carry the label: read again, it is the same period."""
    period = read(text)
    again = read(period.label)
    assert (again.start, again.end) == (period.start, period.end)
    rest, split = split_trailing_period(f"CNRP {period.label}", latest_year=2023, data=SPAN)
    assert rest == "CNRP" and split is not None
    assert (split.start, split.end) == (period.start, period.end)


def test_past_the_data_an_open_period_is_still_a_period() -> None:
    after = read("since July")
    assert after.start == D(2023, 7, 1) and after.end >= after.start
    assert "the data ends on 30 June 2023" in after.label


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("since 31 June", "June 2023 has 30 days"),
        ("third half", "only two halves"),
        ("last 0 days", "at least 1"),
        ("week of 1-10 June", "not one Monday–Sunday week"),
        ("2023-W60", "ISO weeks 1 to 52"),
    ],
)
def test_impossible_reporters_periods_say_why(text: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        read(text)


def test_last_month_needs_data_to_measure_from() -> None:
    with pytest.raises(PeriodError, match="no data yet"):
        parse_period("last month", latest_year=2023)


@pytest.mark.parametrize(
    ("text", "rest", "start", "end"),
    [
        ("cnrp,june", "cnrp", D(2023, 6, 1), D(2023, 6, 30)),
        ("cnrp, june", "cnrp", D(2023, 6, 1), D(2023, 6, 30)),
        ("june cnrp", "cnrp", D(2023, 6, 1), D(2023, 6, 30)),
        ("june,cnrp", "cnrp", D(2023, 6, 1), D(2023, 6, 30)),
        ("cnrp since May", "cnrp", D(2023, 5, 1), D(2023, 6, 30)),
        ("since May, CNRP", "CNRP", D(2023, 5, 1), D(2023, 6, 30)),
        ("Candlelight in the first half", "Candlelight", D(2023, 1, 1), D(2023, 6, 30)),
        ("Candlelight over the last 7 days", "Candlelight", D(2023, 6, 24), D(2023, 6, 30)),
        ("Funcinpec 2023-W26", "Funcinpec", D(2023, 6, 26), D(2023, 7, 2)),
        (
            "Candlelight Party between 1 and 15 June",
            "Candlelight Party",
            D(2023, 6, 1),
            D(2023, 6, 15),
        ),
        (
            "League for Democracy Party May to June",
            "League for Democracy Party",
            D(2023, 5, 1),
            D(2023, 6, 30),
        ),
    ],
)
def test_a_party_and_a_period_in_any_order(text: str, rest: str, start: date, end: date) -> None:
    got_rest, period = split_trailing_period(text, latest_year=2023, data=SPAN)
    assert got_rest == rest
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "name", ["Khmer Win Party", "League for Democracy Party", "Unnamed Parties"]
)
def test_names_stay_names(name: str) -> None:
    assert split_trailing_period(name, latest_year=2023, data=SPAN) == (name, None)


WORDS = st.sampled_from(
    ["since", "after", "before", "until", "last", "past", "first", "second", "half", "quarter",
     "week", "of", "the", "W26", "2023", "May", "June", "31", "0", "7", "days", "month", "("]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(WORDS, max_size=6), st.sampled_from([None, SPAN]))
def test_any_mix_of_these_words_is_a_period_or_a_period_error(
    words: list[str], data: tuple[date, date] | None
) -> None:
    with contextlib.suppress(PeriodError):
        period = parse_period(" ".join(words), latest_year=2023, data=data)
        assert period.start <= period.end and period.label
