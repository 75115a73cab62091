"""Dates a sentence gives: "on 28 June", "on Monday 3 July 2023", "July 4", "on Tuesday",
"yesterday", and the Khmer press form "ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣".

>>> from datetime import date
>>> pub = date(2023, 7, 5)
>>> [d.value for d in find_dates("On Monday 3 July 2023, 700 joined; by 28 June more", pub)]
[datetime.date(2023, 7, 3), datetime.date(2023, 6, 28)]
>>> [d.value for d in find_dates("នៅថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣ សមាជិក", pub)]
[datetime.date(2023, 6, 29)]
>>> [d.value for d in find_dates("they joined on Saturday", pub)]
[datetime.date(2023, 7, 1)]
>>> [d.value for d in find_dates("on 28 December", date(2024, 1, 3))]
[datetime.date(2023, 12, 28)]

A date without a year takes the published date's year (the year before when that would put it
more than a month after publication). A weekday alone is the last such day on or before the
published date. Hand-written rather than with dateparser or dateutil: those parse a string
that is a date, not find the dates inside a sentence of other words, and know neither the
Khmer month names nor the "ថ្ងៃទី… ខែ… ឆ្នាំ…" form; the patterns below are all intake needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.ingest.intake.numbers import khmer_digits_to_ascii

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
KHMER_MONTHS = {
    "មករា": 1, "កុម្ភៈ": 2, "មីនា": 3, "មេសា": 4, "ឧសភា": 5, "មិថុនា": 6, "កក្កដា": 7,
    "សីហា": 8, "កញ្ញា": 9, "តុលា": 10, "វិច្ឆិកា": 11, "ធ្នូ": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KHMER_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY_MONTH = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.I)
_MONTH_DAY = re.compile(
    rf"\b{_WEEKDAY}{_MONTH.replace('month', 'month')}\s+{_DAY}(?![\d:]){_YEAR}", re.I
)
_WEEKDAY_ALONE = re.compile(
    r"\b(?:on|last|this\s+past|since)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.I
)
_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|ម្សិលមិញ|ថ្ងៃនេះ)", re.I)
_KHMER = re.compile(
    r"(?:ថ្ងៃ(?P<weekday>" + "|".join(_KHMER_WEEKDAYS) + r")\s*)?(?:ថ្ងៃ)?ទី\s*(?P<day>\d{1,2})"
    r"\s*ខែ\s*(?P<month>" + "|".join(KHMER_MONTHS) + r")(?:\s*ឆ្នាំ\s*(?P<year>\d{4}))?"
)
# A date right after one of these is when the claim was made, not when the event happened.
_REPORTING = re.compile(
    r"\b(?:said|says|claimed|claims|reported|reports|announced|told|posted|wrote|published|"
    r"stated|added|denied|confirmed)\s+(?:\w+\s+)?(?:on\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    """A date in a sentence, where it stands, and whether it dates the saying of something
    (``reported``: "claimed on Tuesday") rather than an event."""

    value: date
    start: int
    end: int
    reported: bool = False


def _with_year(day: int, month: int, year: str | None, published: date | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if published is None:
            return None
        found = date(published.year, month, day)
        if found - published > timedelta(days=31):
            found = date(published.year - 1, month, day)
        return found
    except ValueError:
        return None


def _last_weekday(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def find_dates(sentence: str, published: date | None) -> list[FoundDate]:
    """The dates in a sentence, in order of where they stand."""
    text = khmer_digits_to_ascii(sentence)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value: date | None, start: int, end: int) -> None:
        if value is None or any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        reported = bool(_REPORTING.search(text[:start]))
        found.append(FoundDate(value, start, end, reported))

    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            month = _MONTHS[m.group("month").lower()]
            add(_with_year(int(m.group("day")), month, m.group("year"), published), *m.span())
    for m in _KHMER.finditer(text):
        month = KHMER_MONTHS[m.group("month")]
        add(_with_year(int(m.group("day")), month, m.group("year"), published), *m.span())
    if published is not None:
        for m in _WEEKDAY_ALONE.finditer(text):
            weekday = _WEEKDAYS.index(m.group("weekday").lower())
            add(_last_weekday(weekday, published), *m.span())
        for m in _RELATIVE.finditer(text):
            back = 1 if m.group("word").lower() in ("yesterday", "ម្សិលមិញ") else 0
            add(published - timedelta(days=back), *m.span())
    return sorted(found, key=lambda d: d.start)
