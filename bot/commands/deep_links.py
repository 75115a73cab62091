"""Deep links: ``/start who_kung-raiya`` opens an answer in a private chat.

>>> start_parameter("/who Kung Raiya")
'who_kung-raiya'
>>> command_line("who_kung-raiya")
'/who kung raiya'
>>> start_parameter("/total Candlelight Party 1–15 June 2023")
'total_candlelight-party-1_d15-june-2023'
>>> command_line("total_candlelight-party-1_d15-june-2023")
'/total candlelight party 1–15 june 2023'
>>> start_parameter("/on 26 June 2023"), start_parameter("/total")
('on_26-june-2023', 'total')
>>> start_parameter("/add 26/06/2023 Fresh News 3 CNRP") is None  # not a command to link
True

A link's parameter is what Telegram allows (at most 64 characters of ``A-Za-z0-9_-``): the
command's name, then ``_`` and its arguments in lower case, a space written ``-`` and the
few other characters the answers' own words use written ``_`` and a letter. A line with any
other character, or too long, has no link (the Share button still shares it).
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.periods import Period, PeriodError, parse_period

# Answers that read the data and change nothing, and whose Answer.share gives them again.
LINKED = ("who", "total", "on", "compare", "top", "said")
START_LIMIT = 64
_ESCAPES = {"/": "s", "–": "d", "-": "h", "'": "q", "’": "r", ".": "p", ",": "c"}
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}
_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")


def start_parameter(line: str) -> str | None:
    """The ``/start`` parameter that gives ``line``'s answer, or None when it has none."""
    name, _, args = line.strip().lstrip("/").partition(" ")
    if name not in LINKED:
        return None
    out = [name]
    if args.strip():
        out.append("_")
    for char in " ".join(args.lower().split()):
        if char == " ":
            out.append("-")
        elif char in _ESCAPES:
            out.append("_" + _ESCAPES[char])
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            return None
    parameter = "".join(out)
    return parameter if len(parameter) <= START_LIMIT else None


def command_line(parameter: str) -> str | None:
    """The command line a ``/start`` parameter stands for, or None when it is none of ours."""
    if not _PARAMETER.fullmatch(parameter):
        return None
    name, _, encoded = parameter.partition("_")
    if name not in LINKED:
        return None
    args: list[str] = []
    chars = iter(encoded)
    for char in chars:
        if char == "-":
            args.append(" ")
        elif char == "_":
            escaped = _UNESCAPES.get(next(chars, ""))
            if escaped is None:
                return None
            args.append(escaped)
        else:
            args.append(char)
    return " ".join(["/" + name, "".join(args)]).strip()


def period_words(period: Period, data: tuple[date, date] | None = None) -> str:
    """Words that give the period again, for a line that repeats an answer: its label without
    a note in brackets, or its days when the label would read differently.

    >>> span = (date(2023, 1, 21), date(2023, 6, 30))
    >>> period_words(parse_period("since May", latest_year=2023, data=span), span)
    'since 1 May 2023'
    >>> period_words(parse_period("last week", latest_year=2023, data=span), span)
    'week of 26 June – 2 July 2023'

    A period said relative to the data ("last week") is said by the days it was read as, so a
    shared answer keeps its meaning when the data grows.
    """
    words = re.sub(r"\s*\(.*\)$", "", period.label)
    try:
        again = parse_period(words, latest_year=period.end.year, data=data)
    except PeriodError:
        again = None
    if again is not None and (again.start, again.end) == (period.start, period.end):
        return words
    days = [f"{d:%d/%m/%Y}" for d in (period.start, period.end)]
    return days[0] if period.start == period.end else " - ".join(days)
