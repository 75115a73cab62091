"""A period outside the data is said to be so — with what the data covers, and the author's
own caveat that the table is "a sampling of the reports" — never answered "0 in 0 reports".

The span, 21 January – 30 June 2023, is the first and last date of the seed table
(tests/seed_rows.py); the figures for partly covered periods are its rows' sums.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands import answer_text
from bot.commands.chart import make_chart
from bot.core.answer import Answer
from bot.core.render import to_plain
from bot.desk import Desk
from tests.seed_rows import seed_rows, tally

SPAN = "21 January – 30 June 2023"
SAMPLE = "“a sampling of the reports”"


def test_the_span_is_the_tables() -> None:
    days = [r.day for r in seed_rows()]
    assert (min(days), max(days)) == (date(2023, 1, 21), date(2023, 6, 30))


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("/total July", "Claimed defectors, July 2023: outside the data."),
        ("/total candlelight 2024", "Candlelight Party, 2024: outside the data."),
        ("/total 2022", "Claimed defectors, 2022: outside the data."),
        ("/on 1 July 2023", "Claims reported on 1 July 2023: outside the data."),
        ("/on 01/01/2023", "Claims reported on 1 January 2023: outside the data."),
        ("/summary 01/01/2024", "Weekly summary of defection claims, week of 1–7 January 2024"),
        ("/chart July", "July 2023 is outside the data: nothing to chart."),
        ("/chart CNRP 2024", "2024 is outside the data: nothing to chart."),
    ],
)
def test_outside_the_data(desk: Desk, question: str, head: str) -> None:
    said = to_plain(answer_text(desk, question))
    assert said.splitlines()[0] == head
    assert f"The data covers reports dated {SPAN}, so it says nothing either way" in said
    assert "not that no defections were claimed then" in said
    assert SAMPLE in said
    for misleading in ("0 in 0", "0 reports", "No claims", "No defection claims"):
        assert misleading not in said


def test_the_summary_offers_the_nearest_week_with_data(desk: Desk) -> None:
    before = answer_text(desk, "/summary 1 January 2023")
    assert "The data starts on 21 January 2023" in to_plain(before)
    assert [b.command for b in before.buttons] == ["/summary 16/01/2023"]
    after = answer_text(desk, "/summary 3 July 2023")
    assert "The data ends on 30 June 2023" in to_plain(after)
    assert [b.command for b in after.buttons] == ["/summary 26/06/2023"]


def test_the_chart_picture_is_refused_the_same_way(desk: Desk) -> None:
    chart = make_chart(desk, "July")
    assert isinstance(chart, Answer) and not chart.ok
    assert SAMPLE in to_plain(chart)


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("/total June-July 2023", (date(2023, 6, 1), date(2023, 6, 30))),
        ("/on 25 June - 5 July 2023", (date(2023, 6, 25), date(2023, 6, 30))),
    ],
)
def test_partly_outside_counts_the_days_inside_and_says_so(
    desk: Desk, question: str, period: tuple[date, date]
) -> None:
    said = to_plain(answer_text(desk, question))
    people, count = tally(lambda r: True, *period)
    assert f"{people:,}" in said.splitlines()[0] and f"{count} reports" in said.splitlines()[0]
    assert f"The data covers reports dated {SPAN}: the rest of" in said


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("/total 15 June", "The table has no rows for that period."),
        ("/on 15 June 2023", "The table has no rows for then."),
        ("/total Khmer Win Party June", "The table has no rows naming it in that period."),
        ("/chart Khmer Win Party January", "The table has no rows naming Khmer Win Party"),
    ],
)
def test_a_day_inside_without_rows_is_not_a_day_without_claims(
    desk: Desk, question: str, line: str
) -> None:
    assert tally(lambda r: r.day == date(2023, 6, 15)) == (0, 0)
    said = to_plain(answer_text(desk, question))
    assert line in said and SAMPLE in said
    assert "No claims" not in said and "No defection claims" not in said
