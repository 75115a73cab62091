"""Render an :class:`~bot.core.answer.Answer` as Telegram HTML or as plain text.

>>> from bot.core.answer import Answer, bold
>>> a = Answer(command="who"); a.line(bold("Hun <Sen> & co"), " said")
>>> to_html(a)
'<b>Hun &lt;Sen&gt; &amp; co</b> said'
>>> to_plain(a)
'Hun <Sen> & co said'

A folded part (:meth:`~bot.core.answer.Answer.folded`) is an expandable quotation in HTML,
and lines like any other in plain text:

>>> with a.folded():
...     a.line("[1] CamboJA, July 2023")
>>> print(to_html(a))
<b>Hun &lt;Sen&gt; &amp; co</b> said
<blockquote expandable>[1] CamboJA, July 2023</blockquote>
>>> print(to_plain(a))
Hun <Sen> & co said
[1] CamboJA, July 2023
"""

from __future__ import annotations

import html

from bot.core.answer import Answer, Line, Span, folded

TELEGRAM_LIMIT = 4096
# A folded part's quotation. Telegram nests no quotation in another; the folded lines are
# quoted run by run, so one never opens inside another.
OPEN_FOLD, CLOSE_FOLD = "<blockquote expandable>", "</blockquote>"
Piece = tuple[bool, str]  # (folded, one line's HTML)
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
    return _joined([(folded(line), line_html(line)) for line in answer.lines]).strip("\n")


def _joined(pieces: list[Piece]) -> str:
    """Lines joined by newlines, each run of folded lines in one quotation. The newline
    before and after a quotation stays outside it, so the text is the plain text's."""
    out: list[str] = []
    inside = False
    for i, (fold, html_line) in enumerate(pieces):
        if inside and not fold:
            out.append(CLOSE_FOLD)
        if i:
            out.append("\n")
        if fold and not inside:
            out.append(OPEN_FOLD)
        out.append(html_line)
        inside = fold
    if inside:
        out.append(CLOSE_FOLD)
    return "".join(out)


def to_plain(answer: Answer) -> str:
    return "\n".join(line_plain(line) for line in answer.lines).strip("\n")


def html_messages(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Telegram HTML split into messages of at most ``limit`` characters, at line boundaries.

    Each line closes every tag it opens, and each message closes the quotation it is in (the
    next one opens it again), so a split between lines never breaks markup; a single line
    longer than ``limit`` is cut between words (or, failing that, characters) of its spans.
    """
    pieces = [(folded(line), line_html(line)) for line in answer.lines]
    whole = _joined(pieces)
    if telegram_len(whole) <= limit:  # the usual case: one message, no line to measure
        whole = whole.strip("\n")
        return [whole] if whole.strip() else ["(no answer)"]
    quoting = telegram_len(OPEN_FOLD + CLOSE_FOLD)
    cut: list[Piece] = []
    for line, (fold, html_line) in zip(answer.lines, pieces, strict=True):
        room = limit - (quoting if fold else 0)
        if telegram_len(html_line) <= room:
            cut.append((fold, html_line))
        else:
            cut.extend((fold, part) for part in _split_line(line, room))
    messages: list[str] = []
    current: list[Piece] = []
    size = 0  # the current message's length, its last quotation left open
    for fold, html_line in cut:
        extra = telegram_len(html_line) + (1 if current else 0)
        if fold and not (current and current[-1][0]):
            extra += telegram_len(OPEN_FOLD)
        elif current and current[-1][0] and not fold:
            extra += telegram_len(CLOSE_FOLD)
        if current and size + extra + (telegram_len(CLOSE_FOLD) if fold else 0) > limit:
            messages.append(_joined(current).strip("\n"))
            current, size = [], 0
            extra = telegram_len(html_line) + (telegram_len(OPEN_FOLD) if fold else 0)
        current.append((fold, html_line))
        size += extra
    if current:
        messages.append(_joined(current).strip("\n"))
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
