"""Wording: counts agree with their nouns and verbs ("1 claimed defector", "1 report that
names"), a row that is not a party is never called one, and a query matching no name says so
without suggesting unrelated people.

Every day and week of the seed table (tests/seed_rows.py) is asked about, so each count of one
is met where it occurs (28 June 2023: one row of one; 20 May 2023: the "Political Analyst").
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.seed_rows import seed_rows

# A count of one followed by a plural noun, or by a verb in the plural.
DISAGREE = re.compile(
    r"(?<![\d,.])1 (?:claimed defectors|reports|rows|people|joint rows|other parties)\b"
    r"|(?<![\d,.])1 (?:report|row)(?: marked “[^”]+”(?: \([\d,]+\))?)? (?:that )?"
    r"(?:name|add|do|are)\b"
)


def agreeing(desk: Desk, question: str) -> str:
    said = to_plain(answer_text(desk, question))
    assert not DISAGREE.search(said), (question, DISAGREE.findall(said))
    return said


def test_every_day(desk: Desk) -> None:
    for day in sorted({r.day for r in seed_rows()}):
        for command in ("/total", "/on"):
            agreeing(desk, f"{command} {day:%d/%m/%Y}")


def test_every_week(desk: Desk) -> None:
    mondays = sorted({r.day - timedelta(days=r.day.weekday()) for r in seed_rows()})
    for monday in mondays:
        agreeing(desk, f"/summary {monday:%d/%m/%Y}")
        agreeing(desk, f"/chart {monday:%d/%m/%Y} - {monday + timedelta(days=6):%d/%m/%Y}")


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("/on 28/06/2023", "Claims reported on 28 June 2023: 1 report, 1 claimed defector"),
        ("/total CNRP 28/06/2023", ": 1 claimed defector in 1 report naming this party alone"),
        ("/total 20/05/2023", "• 1 in 1 report about someone outside any party"),
        ("/export Khmer Win Party", "1 row marked “single party” adds up to 1"),
        ("/chart June", "1 other party 20"),
        ("/total", "• 1 in 1 report about someone outside any party"),
        ("/about", "1 report is about someone outside any party"),
    ],
)
def test_counts_of_one(desk: Desk, question: str, fragment: str) -> None:
    assert fragment in agreeing(desk, question)


@pytest.mark.parametrize("question", ["/total Political Analyst", "/total analyst May"])
def test_the_analyst_row_is_not_called_a_party(desk: Desk, question: str) -> None:
    said = agreeing(desk, question)
    assert "naming this party" not in said
    assert "1 report naming only “Political Analyst”, which is not a party" in said


def test_the_summary_does_not_list_the_analyst_as_a_party(desk: Desk) -> None:
    said = agreeing(desk, "/summary 20/05/2023")
    assert "• Political Analyst (not a party): 1 in 1 report" in said


@pytest.mark.parametrize("query", ["🕯️", "🕯", "!!!", "🙂🙂"])
def test_who_with_nothing_like_a_name(desk: Desk, query: str) -> None:
    answer = answer_text(desk, f"/who {query}")
    said = to_plain(answer)
    assert not answer.ok
    assert said.splitlines()[0] == f"No one called “{query}” is in the data."
    assert "Closest" not in said and answer.buttons == []
