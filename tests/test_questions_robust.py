"""The new commands and question forms (issue 20) answer anything typed at them: an answer or
a reason, never an exception, and an echoed question always runs as the command it shows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import answer_text, read
from bot.core.render import to_html, to_plain
from bot.desk import Desk

TOKENS = st.sampled_from(
    [
        "Candlelight", "CNRP", "CLP", "/", "vs", "and", "with", ",", "since", "until", "before",
        "after", "last", "week", "month", "first", "half", "quarter", "Q2", "2023-W26", "May",
        "June", "July", "31", "1", "15", "between", "to", "top", "3", "claims", "days", "weeks",
        "parties", "fled", "arrested", "spokesperson", "named", "who", "what", "did", "say",
        "Sok", "Eysan", "Kung", "Raiya", "Democracy", "Party", "the", "of", "compare", "most",
        "biggest", "(", ")", "?", "<b>", "&", "\u202e", "ភ្លើងទៀន", "0", "2024", "people",
    ]
)  # fmt: skip
TEXT = st.lists(TOKENS, max_size=9).map(" ".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(["/top", "/compare", "/people", "/said", "/total", ""]), TEXT)
def test_anything_typed_gets_an_answer_or_a_reason(desk: Desk, command: str, words: str) -> None:
    line = f"{command} {words}".strip() or "?"
    answer = answer_text(desk, line)
    assert answer.lines, line
    assert to_plain(answer).strip() and to_html(answer).strip()
    route = read(desk, line)
    if route.asked is not None:  # a question in words: the echo is a command that reads alike
        again = read(desk, route.asked)
        assert again.command is route.command and again.asked is None
        assert to_plain(answer_text(desk, route.asked)) in to_plain(answer)
