"""Parse a claims table in the source's shape: ``DD/MM/YYYY NUMBER PARTY [/ PARTY] [(...)]``.

>>> t = parse_table("# source: s\\n25/06/2023 145 Candlelight Party / Unnamed Parties\\n", "t.txt")
>>> row = t.rows[0]
>>> row.reported_on, row.number, row.party_names
(datetime.date(2023, 6, 25), 145, ('Candlelight Party', 'Unnamed Parties'))

Nothing here knows which parties exist: names are resolved by the loader, which can suggest a
spelling. Every problem names the line; the whole table is rejected if any line is bad.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, cast

from bot.errors import InputError, Problem

_ROW = re.compile(r"^(?P<date>\S+)\s+(?P<rest>.*)$")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+$|^[+-]?\d+$")
_DIRECTIVE = re.compile(r"^#\s*(source|claimant|stated_total)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_HEADER = re.compile(r"^date\s+reported\b", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"^(?P<parties>[^()]*?)\s*\((?P<note>[^()]*)\)\s*$")
# A person's name is the run of capitalised words that ends the "including" phrase; what comes
# before it ("mass trial defendant", "Phnom Penh working group head") describes them.
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")
_INCLUDING = re.compile(r"^\s*including\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NamedPerson:
    name: str
    descriptor: str | None


class TableRow(NamedTuple):
    """One parsed line. A NamedTuple, not a frozen dataclass: it is built once per table row,
    and at a million rows the dataclass's ``__init__`` alone cost seconds."""

    line_no: int
    reported_on: date
    number: int
    party_text: str
    party_names: tuple[str, ...]
    people: tuple[NamedPerson, ...]
    note: str | None
    raw_line: str


# TableRow's own constructor is a Python function; building the tuple directly halves the cost.
_new_row = cast(Callable[[tuple[Any, ...]], TableRow], functools.partial(tuple.__new__, TableRow))


@dataclass(slots=True)
class Table:
    path: str
    rows: list[TableRow] = field(default_factory=list)
    source: str | None = None
    claimant: str | None = None
    stated_total: int | None = None
    source_line: int | None = None


@functools.lru_cache(maxsize=1 << 14)  # a big table repeats few dates: ~1/3 of parsing time
def parse_day_first(text: str) -> date:
    """Read ``DD/MM/YYYY`` strictly; the ValueError says what is wrong in plain words.

    >>> parse_day_first("29/06/2023")
    datetime.date(2023, 6, 29)
    """
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a date in the form DD/MM/YYYY")
    day, month, year = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{text} is not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"{text} is not a date: {calendar.month_name[month]} {year} has {last} days"
        )
    return date(year, month, day)


def parse_including(note: str) -> tuple[NamedPerson, ...]:
    """People named by an ``including ...`` note.

    >>> parse_including("including mass trial defendant Long Phary")
    (NamedPerson(name='Long Phary', descriptor='mass trial defendant'),)
    >>> parse_including("including Kong Mas, previously arrested for incitement")
    (NamedPerson(name='Kong Mas', descriptor='previously arrested for incitement'),)
    """
    body = _INCLUDING.sub("", note).strip()
    if not body or body == note.strip():
        return ()
    head, _, tail = body.partition(",")
    words = head.split()
    start = len(words)
    while start > 0 and _CAPITALISED.match(words[start - 1]):
        start -= 1
    if start == len(words):
        return ()
    name = " ".join(words[start:])
    descriptor = ", ".join(p for p in (" ".join(words[:start]), tail.strip()) if p) or None
    return (NamedPerson(name, descriptor),)


def parse_row(line: str, line_no: int) -> TableRow:
    """Parse one table line; raises ValueError with a message fit for a journalist."""
    return _parse_row(line, line.strip(), line_no)


def _parse_row(line: str, stripped: str, line_no: int) -> TableRow:
    # Big tables make this the loader's hottest loop: the common shapes take plain str methods,
    # and the regular expressions only see what those cannot decide, with identical results.
    cells = [c.strip() for c in line.split("\t")] if "\t" in line else None
    if cells is not None and len(cells) >= 3:
        date_text, number_text, rest = cells[0], cells[1], " ".join(cells[2:])
    else:
        # str.split and the regex's \s agree on whitespace; only "." refuses a line break.
        parts = stripped.split(None, 1) if "\n" not in stripped else None
        m = _ROW.match(stripped) if parts is None else None
        if m is not None:
            parts = [m["date"], m["rest"]]
        if parts is None or len(parts) < 2:
            raise ValueError("expected: DD/MM/YYYY NUMBER FORMER PARTY")
        date_text = parts[0]
        number_text, _, rest = parts[1].partition(" ")
    reported_on = parse_day_first(date_text)
    if number_text.isdigit() and number_text.isascii():  # a plain count, as the pattern accepts
        number = int(number_text)
    else:
        number = _parse_number(number_text)
    # Printable text has no whitespace but the space, so this leaves the usual line as it is.
    if not (rest.isprintable() and "  " not in rest and rest[:1] != " " and rest[-1:] != " "):
        rest = " ".join(rest.split())
    note = None
    people: tuple[NamedPerson, ...] = ()
    m = _PARENTHETICAL.match(rest) if rest.endswith(")") else None
    if m:
        rest, note = m["parties"].strip(), m["note"].strip()
        people = parse_including(note)
    if not rest:
        raise ValueError("missing the former party after the number")
    if "/" not in rest:
        names: tuple[str, ...] = (rest,)  # already stripped and non-empty
    else:
        names = tuple(n.strip() for n in re.split(r"\s*/\s*", rest))
        if any(not n for n in names):
            raise ValueError(f"an empty party name in {rest!r}")
    raw = line.rstrip("\n")
    return _new_row((line_no, reported_on, number, rest, names, people, note, raw))


def _parse_number(text: str) -> int:
    if not _NUMBER.match(text):
        raise ValueError(
            f"missing number of defectors after the date (found {text or 'nothing'!r})"
        )
    number = int(text.replace(",", ""))
    if number < 0:
        raise ValueError(f"the number of defectors cannot be negative ({text})")
    return number


def parse_table(text: str, path: str) -> Table:
    """Parse a whole table; collects every bad line before raising InputError."""
    table = Table(path)
    problems: list[Problem] = []
    append = table.rows.append
    for line_no, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        first = stripped[0]
        if first in "dD" and _HEADER.match(stripped):
            continue
        if first == "#":
            _read_directive(table, stripped, line_no, problems)
            continue
        try:
            append(_parse_row(line, stripped, line_no))
        except ValueError as exc:
            problems.append(Problem(path, line_no, str(exc)))
            if len(problems) >= 50:
                problems.append(Problem(path, None, "stopped after 50 problems"))
                break
    if problems:
        raise InputError(problems)
    return table


def _read_directive(table: Table, line: str, line_no: int, problems: list[Problem]) -> None:
    m = _DIRECTIVE.match(line)
    if not m:
        return
    key, value = m[1].lower(), m[2]
    if key == "source":
        table.source, table.source_line = value, line_no
    elif key == "claimant":
        table.claimant = value or None
    elif value.replace(",", "").isdigit():
        table.stated_total = int(value.replace(",", ""))
    else:
        problems.append(
            Problem(table.path, line_no, f"stated_total must be a number, not {value!r}")
        )
