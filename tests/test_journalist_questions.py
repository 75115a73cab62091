"""Journalist questions (issue 20): every kind of question the data answers, typed as reporters
type them, answered right from the seed data.

tests/data/journalist_questions.tsv holds each question with

- the command it must be read as: a question in words is answered headed by
  "Showing /command ..." (the interpretation, echoed); ``=`` marks a command typed as it is, and
  ``-`` a question the desk must not guess at (it answers with the short help instead);
- whether it is answered (``ok``) or refused with the candidates or a reason (``no``);
- fragments of the answer: key figures, names, dates and labels, each of which the plain text
  must hold (``!x``: must not hold). The figures were tallied from the seed document's table by
  a separate script, never by the desk's code.

Both databases answer every question (the ``desk`` fixture), through the one path of the
console, ``desk ask`` and the bot (:func:`bot.commands.answer_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.commands import NOT_UNDERSTOOD, answer_text
from bot.core.render import to_plain
from bot.desk import Desk

QUESTIONS = Path(__file__).parent / "data" / "journalist_questions.tsv"


@dataclass(frozen=True)
class Question:
    text: str
    echo: str  # "=": a command as typed; "-": not understood
    ok: bool
    fragments: tuple[str, ...]

    def __str__(self) -> str:
        return self.text


def load_questions() -> list[Question]:
    found = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, echo, ok, *fragments = line.split("\t")
        assert ok in ("ok", "no"), line
        found.append(Question(text, echo, ok == "ok", tuple(fragments)))
    return found


QUESTION_SET = load_questions()


def test_the_set_covers_every_kind_of_question() -> None:
    assert len(QUESTION_SET) >= 300
    assert len({q.text for q in QUESTION_SET}) == len(QUESTION_SET), "a question twice"
    read_as = [q.echo if q.echo != "=" else q.text for q in QUESTION_SET]
    at_least = {"/total": 60, "/top": 30, "/compare": 25, "/people": 40, "/said": 20, "/who": 8,
                "/on": 8, "/summary": 3}  # fmt: skip
    for command, least in at_least.items():
        typed = [r for r in read_as if r.split(" ", 1)[0] == command]
        assert len(typed) >= least, command
        assert any(q.echo.split(" ", 1)[0] == command for q in QUESTION_SET), command
    assert sum(q.echo == "-" for q in QUESTION_SET) >= 5


@pytest.mark.parametrize("question", QUESTION_SET, ids=str)
def test_journalist_question(desk: Desk, question: Question) -> None:
    answer = answer_text(desk, question.text)
    text = to_plain(answer)
    if question.echo == "-":
        assert text == NOT_UNDERSTOOD
        return
    if question.echo == "=":
        assert not text.startswith("Showing "), text[:200]
    else:
        assert text.split("\n", 1)[0] == f"Showing {question.echo}", text[:300]
    assert answer.ok == question.ok, text[:400]
    for fragment in question.fragments:
        if fragment.startswith("!"):
            assert fragment[1:] not in text, (fragment, text)
        else:
            assert fragment in text, (fragment, text)
