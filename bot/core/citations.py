"""Numbered source references for answers, and copy-ready citation strings.

>>> refs = Citations()
>>> class S:
...     id, outlet, title = 1, "CamboJA", "A Title"
...     published, published_precision = "2023-07", "month"
>>> refs.ref(S())
'[1]'
>>> citation(S())
'CamboJA, “A Title”, July 2023'
>>> class Untitled(S):
...     title = "[Our description]"
>>> citation(Untitled())
'CamboJA, [Our description], July 2023'
"""

from __future__ import annotations

from typing import Protocol

from bot.core.answer import Answer, italic
from bot.core.formats import digits, month_year
from bot.core.i18n import _
from bot.core.period_text import day_text
from bot.core.periods import parse_partial_date


class SourceLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def outlet(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> str: ...
    @property
    def published_precision(self) -> str: ...
    def __hash__(self) -> int: ...  # citation() remembers what it wrote for each


def partial_date_label(text: str | None, precision: str) -> str:
    """
    >>> partial_date_label("2023-07", "approximate"), partial_date_label("2023-06-16", "day")
    ('c. July 2023', '16 June 2023')
    >>> partial_date_label(None, "unknown")  # an event whose source gives no date
    'date not given'
    """
    if text is None:
        return _("date not given")
    start, end = parse_partial_date(text)
    if start == end:
        label = day_text(start)
    elif start.month == end.month:
        label = month_year(start)
    else:
        label = digits(start.year)
    return _("c. {date}").format(date=label) if precision == "approximate" else label


def citation(source: SourceLike) -> str:
    """One line a journalist can paste into a story: outlet, title, date. A title in square
    brackets is ours, not the document's (data/README.md), so it is not quoted."""
    when = partial_date_label(source.published, source.published_precision)
    title = source.title if source.title.startswith("[") else f"“{source.title}”"
    return f"{source.outlet}, {title}, {when}"


class Citations:
    """Collects the sources an answer used and numbers them in order of first use."""

    def __init__(self) -> None:
        self._order: dict[int, SourceLike] = {}
        self._refs: dict[int, str] = {}

    def ref(self, source: SourceLike) -> str:
        found = self._refs.get(source.id)
        if found is None:
            self._order[source.id] = source
            found = self._refs[source.id] = f"[{len(self._order)}]"
        return found

    def __bool__(self) -> bool:
        return bool(self._order)

    def write(self, answer: Answer) -> None:
        """The numbered list, folded under its heading; the answer keeps the citations (for a
        button that copies them)."""
        if not self._order:
            return
        answer.blank()
        answer.line(italic(_("Sources:")))
        answer.citations = [citation(s) for s in self._order.values()]
        with answer.folded():
            for i, text in enumerate(answer.citations, start=1):
                answer.line(f"[{i}] {text}")

    def cite_as(self, answer: Answer) -> None:
        """One line a journalist can paste into a story: the answer's sources, in order of use
        (folded with the list it follows)."""
        if self._order:
            answer.citations = [citation(s) for s in self._order.values()]
            with answer.folded():
                answer.line(_("Cite as: "), cite_as_text(answer.citations))


def cite_as_text(citations: list[str]) -> str:
    """The "Cite as" text: the citations in order, one string to paste.

    >>> cite_as_text(["CamboJA, July 2023", "Fresh News, 26 June 2023"])
    'CamboJA, July 2023; Fresh News, 26 June 2023'
    """
    return "; ".join(citations)
