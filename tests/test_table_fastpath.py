"""The table parser's fast paths read every line exactly as the plain regular-expression parser
did: same rows, same error messages. ``reference_row`` is that earlier parser, kept as it was
but for the bounds every row is checked against since (:mod:`bot.core.bounds`), applied in
the same order."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.bounds import (
    MAX_DEFECTORS,
    MAX_LINE,
    MAX_NAME,
    MAX_PERSON_NAME,
    check_day,
    check_defectors,
    last_day,
    refused_character,
    shorten,
    too_many_digits,
)
from bot.errors import InputError
from bot.ingest.claims_table import parse_including, parse_row, parse_table
from bot.ingest.text_lines import editor_lines

_ROW = re.compile(r"^(?P<date>\S+)\s+(?P<rest>.*)$")
_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+$|^[+-]?[0-9]+$")
_KHMER = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_PARENTHETICAL = re.compile(r"^(?P<parties>[^()]*?)\s*\((?P<note>[^()]*)\)\s*$")
_HEADER = re.compile(r"^date\s+reported\b", re.IGNORECASE)

Fields = tuple[object, ...]


def reference_day(text: str) -> date:
    m = _DATE.match(text.translate(_KHMER))
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


def reference_row(line: str, line_no: int) -> Fields:
    raw = line.rstrip("\n")
    if len(line) > MAX_LINE:
        raise ValueError(f"a row is at most {MAX_LINE:,} characters; this one has {len(line):,}")
    bad = refused_character(line, allow="\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\n\r")
    if bad is not None:
        raise ValueError(f"{bad}: remove it")
    line = unicodedata.normalize("NFKC", line)
    cells = [c.strip() for c in line.split("\t")] if "\t" in line else None
    if cells is not None and len(cells) >= 3:
        date_text, number_text, rest = cells[0], cells[1], " ".join(cells[2:])
    else:
        m = _ROW.match(line.strip())
        if not m:
            raise ValueError("expected: DD/MM/YYYY NUMBER FORMER PARTY")
        date_text = m["date"]
        number_text, _, rest = m["rest"].partition(" ")
    reported_on = check_day(reference_day(date_text), latest=last_day())
    digits = number_text.translate(_KHMER)
    if not _NUMBER.match(digits):
        found = shorten(number_text) if number_text else "nothing"
        raise ValueError(f"missing number of defectors after the date (found {found})")
    if digits[0] == "-" and digits.strip("-0,"):
        raise ValueError(f"the number of defectors cannot be negative ({shorten(number_text, 30)})")
    plain = digits.lstrip("+-").replace(",", "")
    if too_many_digits(plain, MAX_DEFECTORS):
        check_defectors(MAX_DEFECTORS + 1, number_text)
    number = check_defectors(int(plain), number_text)
    rest = " ".join(rest.split())
    note = None
    people: tuple[object, ...] = ()
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
    return (line_no, reported_on, number, rest, names, people, note, raw)


def outcome(parse: Callable[[str, int], Iterable[object]], line: str) -> tuple[str, object]:
    try:
        return "row", tuple(parse(line, 7))
    except ValueError as exc:
        return "error", str(exc)


BITS = st.sampled_from(
    [
        "29/06/2023", "31/02/2023", "1/1/2023", "29/6/2023", "\t", " ", "  ", "\n", "\r",
        "\u00a0", "\u2003", "\u3000", "\x0b", "\x1c", "613", "0", "1,234", "12,34", "-5", "+7",
        "１２", "٢", "²", "Candlelight Party", "CNRP", "/", " / ", "//", "Unnamed Parties",
        "(including lawyer Ket Khy)", "(including Kong Mas, previously arrested)", "(note)",
        "(", ")", "()", " (x) ", "ស", "Date Reported", "#",
        "\x00", "\u202e", "\u2028", "\x85", "២៩/០៦/២០២៣", "៦១៣", "01/01/1992", "100001",
        "99999999999", "Ｃａｎｄｌｅ", "０１/０７/２０２３",
    ]
)  # fmt: skip
LINES = st.one_of(st.lists(BITS, max_size=12).map("".join), st.text(max_size=60))
EXAMPLES = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(LINES)
def test_parse_row_matches_the_reference_parser(line: str) -> None:
    assert outcome(parse_row, line) == outcome(reference_row, line)


@EXAMPLES
@given(st.lists(LINES, max_size=8))
def test_parse_table_matches_line_by_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    expected: list[Fields] = []
    errors: list[tuple[int | None, str]] = []
    directives: set[int] = set()
    for line_no, line in enumerate(editor_lines(text), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            directives.add(line_no)
        if not stripped or _HEADER.match(stripped) or stripped.startswith("#"):
            continue
        try:
            expected.append(reference_row(line, line_no))
        except ValueError as exc:
            errors.append((line_no, str(exc)))
    try:
        table = parse_table(text, "t.txt")
    except InputError as exc:
        # Directive lines ("# stated_total: x") are read by code the fast paths leave alone.
        problems = [(p.line, p.message) for p in exc.problems if p.line not in directives]
        assert problems == errors
    else:
        assert not errors
        assert [tuple(row) for row in table.rows] == expected


@pytest.mark.parametrize(
    "line",
    [
        "30/06/2023 65 Funcinpec (including activist Peou Lisnet)",
        "25/06/2023\t145\tCandlelight Party / Unnamed Parties",
        "25/06/2023 1,145 Candlelight Party/Unnamed Parties",
        "25/06/2023  7   Cambodia  National Rescue Party  ",
        "25/06/2023 7\u00a0Candlelight Party",
        "25/06/2023 7 / Candlelight Party",
    ],
)
def test_common_shapes_match_the_reference_parser(line: str) -> None:
    assert outcome(parse_row, line) == outcome(reference_row, line)
