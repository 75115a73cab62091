"""The structured answer every command returns, before it is rendered for a medium.

>>> a = Answer(command="who")
>>> a.line(bold("Kung Raiya"), " — former Candlelight member")
>>> a.lines[0][0]
Span(text='Kung Raiya', style='b', href=None)

An answer is a list of lines; a line is a tuple of styled spans. Keeping lines self-contained
(no style crosses a line) is what lets the renderer split long answers at any line boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from bot.core.formats import number as number  # the one formatter (bot.core.formats)

Style = Literal["", "b", "i", "code", "a"]


class Span(NamedTuple):
    """Text in one style."""

    text: str
    style: Style = ""
    href: str | None = None


Part = Span | str
Line = tuple[Span, ...]


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

    def line(self, *parts: Part) -> None:
        # `if p` drops empty strings only: a Span is a 3-tuple, never falsy.
        self.lines.append(tuple(p if isinstance(p, Span) else Span(p) for p in parts if p))

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
