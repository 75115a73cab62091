"""Rendering: HTML escaping of everything from data or users, and tag-safe splitting."""

from __future__ import annotations

import re

from bot.core.answer import Answer, bold, italic
from bot.core.render import html_messages, to_html, to_plain


def test_everything_is_escaped() -> None:
    a = Answer(command="x")
    a.line(bold('<b>Hun & "Sen"</b>'), " said ", italic("a < b"))
    assert to_html(a) == '<b>&lt;b&gt;Hun &amp; "Sen"&lt;/b&gt;</b> said <i>a &lt; b</i>'
    assert to_plain(a) == '<b>Hun & "Sen"</b> said a < b'


def balanced(message: str) -> bool:
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(\w+)[^>]*>", message):
        if closing:
            if not stack or stack.pop() != tag:
                return False
        else:
            stack.append(tag)
    return not stack


def test_long_answers_split_at_lines_under_the_limit() -> None:
    a = Answer(command="x")
    for i in range(400):
        a.bullet(bold(f"row {i}"), " & some <text> that needs escaping")
    messages = html_messages(a)
    assert len(messages) > 1
    assert all(len(m) <= 4096 and balanced(m) for m in messages)
    rejoined = "\n".join(messages)
    assert rejoined == to_html(a)


def test_one_enormous_line_is_cut_between_words() -> None:
    a = Answer(command="x")
    a.line(bold("&" * 3000), " ", "word " * 2000)
    messages = html_messages(a)
    assert all(len(m) <= 4096 and balanced(m) for m in messages)
    assert "".join(re.sub(r"<[^>]+>", "", m) for m in messages).count("&amp;") == 3000
