"""Joint rows ("Candlelight Party / Unnamed Parties") are joint, never also "party not named":
only a row whose sole entry is "Unnamed Parties" names no party at all.

Expected figures come from the seed table read by tests/seed_rows.py, and by hand: the rows
naming no party at all are 29/06 (91), 07/06 (7) and 28/05 (95), 193 in 3 reports; the two
joint rows of 25/06 (145 + 48 = 193) name the Candlelight Party with unnamed parties.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from bot.ingest.quality import quality_report, render_report
from tests.seed_rows import UNNAMED, Row, seed_rows, tally

JUNE = (date(2023, 6, 1), date(2023, 6, 30))
JUNE_25 = (date(2023, 6, 25), date(2023, 6, 25))


def no_party(row: Row) -> bool:
    return row.parties == (UNNAMED,)


def joint(row: Row) -> bool:
    return row.joint


def text(desk: Desk, question: str) -> str:
    return to_plain(answer_text(desk, question))


def test_the_seed_table_as_read_here() -> None:
    rows = seed_rows()
    assert (len(rows), sum(r.number for r in rows)) == (110, 6476)
    assert tally(no_party) == (193, 3)  # counted by hand, above
    assert tally(joint, *JUNE_25) == (193, 2)
    assert tally(no_party, *JUNE_25) == (0, 0)


def test_one_day_of_joint_rows_only(desk: Desk) -> None:
    said = text(desk, "/total 25 June")
    people, count = tally(lambda r: True, *JUNE_25)
    assert f"Claimed defectors, 25 June 2023: {people:,} in {count} reports" in said
    people, count = tally(joint, *JUNE_25)
    assert f"{people} of them in {count} reports that name several parties jointly" in said
    assert "not named" not in said  # no row of that day lacks a party


@pytest.mark.parametrize(
    ("question", "period"),
    [("/total", (None, None)), ("/total June", JUNE), ("/total 2023", (None, None))],
)
def test_party_not_named_counts_only_rows_naming_nothing_else(
    desk: Desk, question: str, period: tuple[date | None, date | None]
) -> None:
    said = text(desk, question)
    people, count = tally(no_party, *period)
    assert f"• {people:,} in {count} reports whose party was not named" in said
    people, count = tally(joint, *period)
    assert f"• {people:,} of them in {count} reports that name several parties jointly" in said


def test_about(desk: Desk) -> None:
    said = text(desk, "/about")
    people, count = tally(no_party)
    assert f"{count} reports ({people} people) do not name the party at all." in said
    people, count = tally(joint)
    assert f"{count} reports ({people} people) name two parties for one figure" in said


def test_unnamed_parties_alone_and_jointly(desk: Desk) -> None:
    said = text(desk, "/total Unnamed")
    people, count = tally(no_party)
    assert f"{people} claimed defectors in {count} reports that name no party at all" in said
    people, count = tally(lambda r: r.joint and UNNAMED in r.parties)
    assert f"Separately, {count} reports name Unnamed Parties jointly" in said
    assert f"totalling {people}" in said


def test_desk_check(desk: Desk) -> None:
    report = quality_report(desk.engine)
    want = sorted((r.day, r.number) for r in seed_rows() if no_party(r))
    assert sorted((r.reported_on, r.number) for r in report.unnamed_rows) == want
    assert len(report.joint_rows) == tally(joint)[1]
    assert f"Rows with no party named: {len(want)} —" in render_report(report)


def test_chart_text_marks_weeks_of_joint_rows_only(desk: Desk) -> None:
    """/chart CNRP May: the picture hatches the weeks made only of joint CNRP/Candlelight rows;
    the text says so too."""
    said = text(desk, "/chart CNRP May")
    cnrp = "Cambodia National Rescue Party"
    may = [r for r in seed_rows() if cnrp in r.parties and r.day.month == 5]
    mondays = sorted({date.fromordinal(r.day.toordinal() - r.day.weekday()) for r in may})
    all_joint = 0
    for monday in mondays:
        week = [r for r in may if 0 <= (r.day - monday).days < 7]
        (line,) = [x for x in said.splitlines() if x.startswith(f"• week of {monday.day} May")]
        people = sum(r.number for r in week)
        if all(r.joint for r in week):
            all_joint += 1
            joint_only = f"(all in joint rows: CNRP + CLP {people})"
            assert line == f"• week of {monday.day} May 2023: {people} {joint_only}"
        else:
            assert line == f"• week of {monday.day} May 2023: {people}"
    assert all_joint == 2  # 21/05 (120) and 30/05 (51), counted by hand
