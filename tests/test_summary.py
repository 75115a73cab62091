"""``/summary``: weekly summary (Monday–Sunday), comparison with the week before."""

from __future__ import annotations

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk


def test_default_is_last_complete_week(desk: Desk) -> None:
    # The desk fixture's clock is Monday 3 July 2023, so the last complete week is 26 June–2 July.
    text = to_plain(answer_text(desk, "/summary"))
    assert text.splitlines()[0] == (
        "Weekly summary of defection claims, week of 26 June – 2 July 2023"
    )
    assert "2,281 claimed defectors in 18 reports." in text
    assert "That is 1,778 more than the week before (503 in 13 reports)." in text
    assert "Candlelight Party: 1,610 in 8 reports" in text
    assert "Joint rows (several parties, one figure; not split):" not in text
    assert "Largest claims" in text and "26/06/2023 · 986 · Candlelight Party" in text
    assert "Claimed by pro-government media" in text


def test_week_with_joint_rows_and_people(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/summary 2023-W25"))
    assert "week of 19–25 June 2023" in text
    assert "503 claimed defectors in 13 reports." in text
    assert "Joint rows (several parties, one figure; not split):" in text
    assert "Long Phary (mass trial defendant)" in text


def test_empty_week_says_so_briefly(desk: Desk) -> None:
    # A week after the data is not a week without claims: say where the data ends.
    answer = answer_text(desk, "/summary 01/01/2024")
    text = to_plain(answer)
    assert answer.ok
    assert "No defection claims" not in text
    assert "The data ends on 30 June 2023" in text
    assert "/summary 26/06/2023" in text


def test_bad_week(desk: Desk) -> None:
    assert not answer_text(desk, "/summary 2023-W60").ok
