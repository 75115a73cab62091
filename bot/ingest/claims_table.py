"""Parse a claims table in the source's shape: ``DD/MM/YYYY NUMBER PARTY [/ PARTY] [(...)]``.

>>> t = parse_table("# source: s\\n25/06/2023 145 Candlelight Party / Unnamed Parties\\n", "t.txt")
>>> row = t.rows[0]
>>> row.reported_on, row.number, row.party_names
(datetime.date(2023, 6, 25), 145, ('Candlelight Party', 'Unnamed Parties'))

Nothing here knows which parties exist: names are resolved by the loader, which can suggest a
spelling. Every problem names the line; the whole table is rejected if any line is bad.

What a row may hold is bounded (:mod:`bot.core.bounds` says why): 1 to 100,000 people, a date
from 1 January 1993 to tomorrow in Phnom Penh, names without control characters, in NFKC form
(fullwidth letters and digits read as what they mean), at most 2,000 characters a row. Digits
are ASCII or Khmer. Lines are counted as an editor counts them: only ``\\n``, ``\\r\\n`` and
``\\r`` end one (``str.splitlines`` also splits at form feeds, U+0085 and U+2028, which editors
show inside a line); a byte-order mark at the start is skipped. A message quotes at most a
few dozen characters of what it refuses.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from bot.core.bounds import (
    MAX_DEFECTORS,
    MAX_LINE,
    MAX_NAME,
    MAX_PERSON_NAME,
    MAX_STATED_TOTAL,
    check_day,
    check_defectors,
    clean_name,
    last_day,
    refused_character,
    shorten,
    too_many_digits,
)
from bot.errors import InputError, Problem
from bot.ingest.text_lines import editor_lines

_ROW = re.compile(r"^(?P<date>\S+)\s+(?P<rest>.*)$")
_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+$|^[+-]?[0-9]+$")
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_SOURCE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")  # as sources.yaml's keys
# Whitespace that is also a control character: a space inside a row, as str.split reads it.
_SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85"
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
    """One parsed line."""

    line_no: int
    reported_on: date
    number: int
    party_text: str
    party_names: tuple[str, ...]
    people: tuple[NamedPerson, ...]
    note: str | None
    raw_line: str


@dataclass(slots=True)
class Table:
    path: str
    rows: list[TableRow] = field(default_factory=list)
    source: str | None = None
    claimant: str | None = None
    stated_total: int | None = None
    source_line: int | None = None


def parse_day_first(text: str) -> date:
    """Read ``DD/MM/YYYY`` strictly; the ValueError says what is wrong in plain words.

    >>> parse_day_first("29/06/2023")
    datetime.date(2023, 6, 29)
    >>> parse_day_first("២៩/០៦/២០២៣")
    datetime.date(2023, 6, 29)
    """
    m = _DATE.match(text.translate(_KHMER_DIGITS))
    if not m:
        raise ValueError(f"{shorten(text)} is not a date in the form DD/MM/YYYY")
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


def parse_row(line: str, line_no: int, *, today: date | None = None) -> TableRow:
    """Parse one table line; raises ValueError with a message fit for a journalist.

    ``today`` (default: today in Phnom Penh) sets the latest date allowed, the day after it.
    """
    return _parse_row(line, line_no, last_day(today))


def _parse_row(line: str, line_no: int, latest: date) -> TableRow:
    raw = line.rstrip("\n")
    if len(line) > MAX_LINE:
        raise ValueError(f"a row is at most {MAX_LINE:,} characters; this one has {len(line):,}")
    bad = refused_character(line, allow=_SPACES + "\n\r")
    if bad is not None:
        raise ValueError(f"{bad}: remove it")
    line = unicodedata.normalize("NFKC", line)
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) >= 3:
        date_text, number_text, rest = cells[0], cells[1], " ".join(cells[2:])
    else:
        m = _ROW.match(line.strip())
        if not m:
            raise ValueError("expected: DD/MM/YYYY NUMBER FORMER PARTY")
        date_text = m["date"]
        number_text, _, rest = m["rest"].partition(" ")
    reported_on = check_day(parse_day_first(date_text), latest=latest)
    number = _parse_number(number_text)
    rest = " ".join(rest.split())
    note = None
    people: tuple[NamedPerson, ...] = ()
    m = _PARENTHETICAL.match(rest)
    if m:
        rest, note = m["parties"].strip(), m["note"].strip()
        people = parse_including(note)
        for person in people:
            if len(person.name) > MAX_PERSON_NAME:
                raise ValueError(
                    f"a person's name is at most {MAX_PERSON_NAME} characters "
                    f"(found {shorten(person.name)})"
                )
    if not rest:
        raise ValueError("missing the former party after the number")
    names = tuple(n.strip() for n in re.split(r"\s*/\s*", rest))
    if any(not n for n in names):
        raise ValueError(f"an empty party name in {shorten(rest)}")
    for name in names:
        if len(name) > MAX_NAME:
            raise ValueError(
                f"a party's name is at most {MAX_NAME} characters (found {shorten(name)})"
            )
    return TableRow(line_no, reported_on, number, rest, names, people, note, raw)


def _parse_number(text: str) -> int:
    digits = text.translate(_KHMER_DIGITS)
    if not _NUMBER.match(digits):
        raise ValueError(
            "missing number of defectors after the date "
            f"(found {shorten(text) if text else 'nothing'})"
        )
    if digits[0] == "-" and digits.strip("-0,"):
        raise ValueError(f"the number of defectors cannot be negative ({shorten(text, 30)})")
    plain = digits.lstrip("+-").replace(",", "")
    if too_many_digits(plain, MAX_DEFECTORS):
        check_defectors(MAX_DEFECTORS + 1, text)
    return check_defectors(int(plain), text)


def parse_table(text: str, path: str, *, today: date | None = None) -> Table:
    """Parse a whole table; collects every bad line before raising InputError.

    ``today`` (default: today in Phnom Penh) sets the latest date allowed, the day after it.
    """
    table = Table(path)
    problems: list[Problem] = []
    latest = last_day(today)
    for line_no, line in enumerate(editor_lines(text), start=1):
        stripped = line.strip()
        if not stripped or _HEADER.match(stripped):
            continue
        if stripped.startswith("#"):
            _read_directive(table, stripped, line_no, problems)
            continue
        try:
            table.rows.append(_parse_row(line, line_no, latest))
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
    try:
        if key == "source":
            if not _SOURCE_KEY.match(value):
                raise ValueError(
                    "a source key is lowercase letters, digits and hyphens, at most 100 "
                    f"characters, as in sources.yaml (found {shorten(value)})"
                )
            table.source, table.source_line = value, line_no
        elif key == "claimant":
            table.claimant = clean_name(value, limit=MAX_LINE, what="a claimant") or None
        else:
            table.stated_total = _stated_total(value)
    except ValueError as exc:
        problems.append(Problem(table.path, line_no, str(exc)))


def _stated_total(value: str) -> int:
    digits = value.replace(",", "")
    if not (digits.isdigit() and digits.isascii()):
        raise ValueError(f"stated_total must be a number, not {shorten(value)}")
    if too_many_digits(digits, MAX_STATED_TOTAL):
        raise ValueError(
            f"stated_total is at most {MAX_STATED_TOTAL:,} (found {shorten(value, 30)})"
        )
    return int(digits)
