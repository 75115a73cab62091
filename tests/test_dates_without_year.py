"""A date, week or month typed without a year is in the latest year the data covers (2023),
by /summary as by /total and /on, whatever today's date: here the clock says 30 November 2026.

Expected figures: the seed table read by tests/seed_rows.py (the week of 26 June – 2 July 2023
has 18 rows adding up to 2,281; 29 June 2023 has 8 rows adding up to 1,071).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.seed_rows import seed_rows, tally

LATER = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Phnom_Penh"))
WEEK = (date(2023, 6, 26), date(2023, 7, 2))
JUNE_29 = (date(2023, 6, 29), date(2023, 6, 29))


@pytest.fixture
def later(seeded_url: str) -> Iterator[Desk]:
    """The seeded data, asked about years after it ends."""
    desk = Desk.open(seeded_url, clock=lambda: LATER)
    yield desk
    desk.engine.dispose()


def text(desk: Desk, question: str) -> str:
    return to_plain(answer_text(desk, question))


@pytest.mark.parametrize(
    "question",
    [
        "/summary 29 June",
        "/summary 29/06",
        "/summary week of 26 June",
        "/summary W26",
        "summary for the week of 26 June",
        "give me the weekly summary for 29 June",
    ],
)
def test_a_week_without_a_year(later: Desk, question: str) -> None:
    said = text(later, question)
    people, count = tally(lambda r: True, *WEEK)
    assert "Weekly summary of defection claims, week of 26 June – 2 July 2023" in said
    assert f"{people:,} claimed defectors in {count} reports." in said
    assert "2026" not in said


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("/on 29 June", "Claims reported on 29 June 2023: {count} reports, {people:,} claimed"),
        ("/total 29 June", "Claimed defectors, 29 June 2023: {people:,} in {count} reports"),
        ("/total June", "Claimed defectors, June 2023: "),
    ],
)
def test_the_same_rule_for_on_and_total(later: Desk, question: str, head: str) -> None:
    people, count = tally(lambda r: True, *JUNE_29)
    assert head.format(people=people, count=count) in text(later, question)


def test_bare_summary_says_where_the_data_ends(later: Desk) -> None:
    answer = answer_text(later, "/summary")
    said = to_plain(answer)
    assert max(r.day for r in seed_rows()) == date(2023, 6, 30)
    assert "The data ends on 30 June 2023" in said
    assert "week of 26 June – 2 July 2023" in said
    (button,) = answer.buttons
    assert button.command == "/summary 26/06/2023"
    people, count = tally(lambda r: True, *WEEK)
    assert f"{people:,} claimed defectors in {count} reports." in text(later, button.command)
