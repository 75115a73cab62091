"""The structured answer every command returns, before it is rendered for a medium.

>>> a = Answer(command="who")
>>> a.line(bold("Kung Raiya"), " — former Candlelight member")
>>> a.lines[0][0]
Span(text='Kung Raiya', style='b', href=None)

An answer is a list of lines; a line is a tuple of styled spans. Keeping lines self-contained
(no style crosses a line) is what lets the renderer split long answers at any line boundary.

The lines up to the first folded one are the answer's head (the status, the figure); a long
part (a timeline, a list of rows, the sources) is written folded, and Telegram shows it as an
expandable quotation under the head. Plain text shows every line alike:

>>> a = Answer(command="total")
>>> a.line("Candlelight Party: ", bold("4,716"))
>>> with a.folded():
...     a.bullet("21/05/2023 · 120 · CNRP / Candlelight Party [1]")
>>> [folded(line) for line in a.lines], len(a.head)
([False, True], 1)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from bot.core.formats import number as number  # the one formatter (bot.core.formats)

Style = Literal["", "b", "i", "code", "a", "fold"]


class Span(NamedTuple):
    """Text in one style."""

    text: str
    style: Style = ""
    href: str | None = None


Part = Span | str
Line = tuple[Span, ...]

# Opens a line that belongs to a foldable part. Being an empty span, it adds nothing to the
# plain text, and it travels with its line wherever lines are copied, inserted or split.
FOLD = Span("", "fold")


def folded(line: Line) -> bool:
    """Whether the line belongs to a foldable part (Telegram: an expandable quotation)."""
    return bool(line) and line[0].style == "fold"


def bold(text: str) -> Span:
    return Span(text, "b")


def italic(text: str) -> Span:
    return Span(text, "i")


def code(text: str) -> Span:
    return Span(text, "code")


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered with the answer; pressing it runs ``command`` (e.g. ``/who Kung Raiya``)."""

    label: str
    command: str


@dataclass
class Answer:
    """``ok`` is False when the question could not be answered (unknown name, bad date)."""

    command: str
    ok: bool = True
    lines: list[Line] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    # What "Cite as" gives, one citation per source in the order of their numbers.
    citations: list[str] = field(default_factory=list)
    # The command line that gives this answer again ("/who Kung Raiya"), for sharing it
    # into another chat; empty when the answer is not one to share.
    share: str = ""
    _folding: bool = field(default=False, init=False, repr=False, compare=False)

    def line(self, *parts: Part) -> None:
        # `if p` drops empty strings only: a Span is a 3-tuple, never falsy.
        spans = tuple(p if isinstance(p, Span) else Span(p) for p in parts if p)
        self.lines.append((FOLD, *spans) if self._folding and spans else spans)

    @contextmanager
    def folded(self) -> Iterator[None]:
        """Lines written inside fold under the head (Telegram shows them on a tap)."""
        was, self._folding = self._folding, True
        try:
            yield
        finally:
            self._folding = was

    @property
    def head(self) -> list[Line]:
        """The lines before the first folded one: what Telegram shows before any tap."""
        for i, line in enumerate(self.lines):
            if folded(line):
                return self.lines[:i]
        return list(self.lines)

    def bullet(self, *parts: Part) -> None:
        if parts and isinstance(parts[0], str):  # one span, not two, for a plain start
            self.line("• " + parts[0], *parts[1:])
        else:
            self.line("• ", *parts)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append(())

    def extend(self, other: Answer) -> None:
        self.lines.extend(other.lines)
        self.buttons.extend(other.buttons)
        self.citations.extend(c for c in other.citations if c not in self.citations)


def fail(command: str, *parts: Part) -> Answer:
    answer = Answer(command=command, ok=False)
    answer.line(*parts)
    return answer


def plural(n: int, one: str, many: str | None = None) -> str:
    """
    >>> plural(1, "report"), plural(3, "report")
    ('1 report', '3 reports')
    """
    return f"{number(n)} {one if n == 1 else (many or one + 's')}"
