""""Did you mean" buttons for a party not recognised keep everything else the user typed, as
typed: the period, its words ("since", "in"), its place before or after the party.

Expected figures: the seed table read by tests/seed_rows.py.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.seed_rows import tally


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("/total Candlelite June", "/total Candlelight Party June"),
        ("/total Candlelite, in June", "/total Candlelight Party, in June"),
        ("/total June Candlelite", "/total June Candlelight Party"),
        ("/total Candlelite 1/6/2023 - 5/6/2023", "/total Candlelight Party 1/6/2023 - 5/6/2023"),
        ("/total candlelite since 1 May 2023", "/total Candlelight Party since 1 May 2023"),
        ("/chart Candlelite june", "/chart Candlelight Party june"),
        ("/export Candlelite 2023-06", "/export Candlelight Party 2023-06"),
        ("/total Candlelite", "/total Candlelight Party"),
    ],
)
def test_the_suggestion_keeps_the_question(desk: Desk, question: str, first: str) -> None:
    answer = answer_text(desk, question)
    assert not answer.ok
    assert answer.buttons[0].command == first
    rest = re.split("candlelite", question, maxsplit=1, flags=re.IGNORECASE)
    for button in answer.buttons:  # every choice: only the party differs
        assert button.command.startswith(rest[0]) and button.command.endswith(rest[1])


def test_pressing_it_answers_what_was_asked(desk: Desk) -> None:
    (button, *_) = answer_text(desk, "/total Candlelite June").buttons
    people, count = tally(
        lambda r: r.parties == ("Candlelight Party",), date(2023, 6, 1), date(2023, 6, 30)
    )
    said = to_plain(answer_text(desk, button.command))
    assert f"Candlelight Party, June 2023: {people:,} claimed defectors in {count} reports" in said


def test_a_period_not_read_is_never_swapped_for_another(desk: Desk) -> None:
    # /total cnrp since May once offered /total Cambodia National Rescue Party May 2023.
    answer = answer_text(desk, "/total cnrp since May")
    said = to_plain(answer)
    assert answer.ok and "since 1 May 2023" in said  # read as the open-ended period it is
    assert "May 2023:" not in said and "CNRP May 2023" not in said
    # A period the grammar does not read stays as typed, in the words and in every button.
    unread = answer_text(desk, "/total cnrp since Mayy")
    assert not unread.ok and "since Mayy" in to_plain(unread)
    assert all(b.command.endswith(" since Mayy") for b in unread.buttons)
