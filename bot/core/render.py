"""Render an :class:`~bot.core.answer.Answer` as Telegram HTML or as plain text.

>>> from bot.core.answer import Answer, bold
>>> a = Answer(command="who"); a.line(bold("Hun <Sen> & co"), " said")
>>> to_html(a)
'<b>Hun &lt;Sen&gt; &amp; co</b> said'
>>> to_plain(a)
'Hun <Sen> & co said'
"""

from __future__ import annotations

import html

from bot.core.answer import Answer, Line, Span

TELEGRAM_LIMIT = 4096
_TAGS = {"b": "b", "i": "i", "code": "code"}


def telegram_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2).

    >>> telegram_len("ok 👍")
    5
    """
    return len(text.encode("utf-16-le")) // 2


def _span_html(span: Span) -> str:
    text = html.escape(span.text, quote=False)
    if not span.style:
        return text
    if span.style == "a" and span.href:
        return f'<a href="{html.escape(span.href, quote=True)}">{text}</a>'
    tag = _TAGS.get(span.style)
    return f"<{tag}>{text}</{tag}>" if tag else text


def line_html(line: Line) -> str:
    return "".join(_span_html(s) for s in line)


def line_plain(line: Line) -> str:
    return "".join(s.text for s in line)


def to_html(answer: Answer) -> str:
    return "\n".join(line_html(line) for line in answer.lines).strip("\n")


def to_plain(answer: Answer) -> str:
    return "\n".join(line_plain(line) for line in answer.lines).strip("\n")


def html_messages(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Telegram HTML split into messages of at most ``limit`` characters, at line boundaries.

    Each line closes every tag it opens, so a split between lines never breaks markup; a single
    line longer than ``limit`` is cut between words (or, failing that, characters) of its spans.
    """
    rendered = [line_html(line) for line in answer.lines]
    whole = "\n".join(rendered)
    if telegram_len(whole) <= limit:  # the usual case: one message, no line to measure
        whole = whole.strip("\n")
        return [whole] if whole.strip() else ["(no answer)"]
    pieces: list[str] = []
    for line, html_line in zip(answer.lines, rendered, strict=True):
        fits = telegram_len(html_line) <= limit
        pieces.extend([html_line] if fits else _split_line(line, limit))
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        extra = telegram_len(piece) + (1 if current else 0)
        if current and size + extra > limit:
            messages.append("\n".join(current).strip("\n"))
            current, size = [], 0
            extra = telegram_len(piece)
        current.append(piece)
        size += extra
    if current:
        messages.append("\n".join(current).strip("\n"))
    return [m for m in messages if m.strip()] or ["(no answer)"]


def _split_line(line: Line, limit: int) -> list[str]:
    out: list[str] = []
    current = ""
    for span in line:
        for word in _words(span, limit):
            piece = _span_html(Span(word, span.style, span.href))
            if current and telegram_len(current) + telegram_len(piece) > limit:
                out.append(current)
                current = ""
            current += piece
    if current:
        out.append(current)
    return out


def _words(span: Span, limit: int) -> list[str]:
    # Escaping can grow a character to 5 ("&amp;") and an emoji counts 2 for Telegram: cut raw
    # text well under the limit.
    budget = max(1, (limit - 100) // 10)
    words: list[str] = []
    for word in span.text.split(" "):
        chunk = word + " "
        while len(chunk) > budget:
            words.append(chunk[:budget])
            chunk = chunk[budget:]
        words.append(chunk)
    if words:
        words[-1] = words[-1][:-1] if words[-1].endswith(" ") else words[-1]
    return [w for w in words if w]
