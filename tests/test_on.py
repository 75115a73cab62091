"""``/on``: claims reported on a day or a range; every date form; impossible dates."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.commands.on import answer_on
from bot.core.render import to_plain
from bot.desk import Desk


@pytest.mark.parametrize(
    "form",
    ["26/06/2023", "2023-06-26", "26 June 2023", "June 26", "26 Jun 2023", "26/6/23", "26th June"],
)
def test_on_every_date_form(desk: Desk, form: str) -> None:
    answer = answer_text(desk, f"/on {form}")
    text = to_plain(answer)
    assert answer.ok
    assert text.splitlines()[0] == (
        "Claims reported on 26 June 2023: 4 reports, 1,201 claimed defectors"
    )
    for row in (
        "26/06/2023 · 20 · Cambodian Youth Party",
        "26/06/2023 · 194 · Funcinpec",
        "26/06/2023 · 986 · Candlelight Party",
        "26/06/2023 · 1 · Candlelight Party",
    ):
        assert row in text
    assert "Claimed by pro-government media, chiefly Fresh News" in text


def test_on_range(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/on 26/06/2023 - 30/06/2023"))
    assert text.startswith("Claims reported in 26–30 June 2023: 18 reports, 2,281 claimed")


def test_on_marks_joint_rows_and_named_people(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/on 25/06/2023"))
    assert "145 · Candlelight Party / Unnamed Parties (joint row)" in text
    text = to_plain(answer_text(desk, "/on 19/06/2023"))
    assert "names Long Phary (mass trial defendant)" in text


def test_on_a_day_without_claims(desk: Desk) -> None:
    # 1 January 2023 is before the data starts: no rows is no sign of no claims.
    answer = answer_text(desk, "/on 01/01/2023")
    assert answer.ok and "outside the data" in to_plain(answer)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("31/06/2023", "31/06/2023 is not a date: June 2023 has 30 days."),
        ("30/02/2023", "February 2023 has 28 days"),
        ("", "Which day?"),
        ("yesterday-ish", ""),
        ("30/06/2023 - 01/06/2023", ""),
    ],
)
def test_on_errors(desk: Desk, args: str, fragment: str) -> None:
    answer = answer_text(desk, f"/on {args}")
    assert not answer.ok
    assert fragment in to_plain(answer)


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        # 26–30 June in the seed table: 4 + 2 + 1 + 8 + 3 rows; 1,201 + 5 + 1 + 1,071 + 3
        ("2023-W26", "Claims reported in the week of 26 June – 2 July 2023: 18 reports, 2,281"),
        ("the week of 26 June", "Claims reported in the week of 26 June – 2 July 2023: 18 reports"),
        # 28–30 June: 1 + 8 + 3 rows; 1 + 1,071 + 3
        ("since 28 June", "Claims reported since 28 June 2023 (the data ends on 30 June 2023): 12 reports, 1,075"),
    ],
)
def test_on_reads_weeks_and_open_periods(desk: Desk, args: str, first_line: str) -> None:
    answer = answer_on(desk, args)
    assert answer.ok
    assert to_plain(answer).splitlines()[0].startswith(first_line)
