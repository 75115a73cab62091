"""At least a hundred Khmer questions (tests/data/khmer_questions.tsv), each answered as its
English equivalent is: commands with Khmer arguments (periods, digits, party and person names)
and plain Khmer questions, read by rules over khmercut's word segmentation.

The comparison is of the whole plain-text answer, figures and all, less the line that echoes
how a question in words was read ("Showing /total គណបក្សភ្លើងទៀន June 2023"), which names the
party as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.conftest import REPO

QUESTIONS = REPO / "tests" / "data" / "khmer_questions.tsv"
NOT_UNDERSTOOD = "I didn't understand that"


def rows(path: Path) -> list[tuple[str, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            khmer, english = line.split("\t")
            found.append((khmer, english))
    return found


ROWS = rows(QUESTIONS)


def body(text: str) -> str:
    """The answer without the "Showing /…" paragraph a question in words starts with."""
    if text.startswith("Showing /"):
        return text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return text


def test_at_least_a_hundred_questions_half_of_them_in_words() -> None:
    assert len(ROWS) >= 100
    assert len({k for k, _ in ROWS}) == len(ROWS)  # no question twice
    assert sum(not k.startswith("/") for k, _ in ROWS) >= 50


@pytest.mark.parametrize(("khmer", "english"), ROWS, ids=[f"q{i}" for i in range(len(ROWS))])
def test_khmer_answers_as_english(desk: Desk, khmer: str, english: str) -> None:
    expected = to_plain(answer_text(desk, english))
    assert not expected.startswith(NOT_UNDERSTOOD), english  # the row's English is understood
    got = to_plain(answer_text(desk, khmer))
    assert body(got) == body(expected), khmer
