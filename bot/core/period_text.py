"""Periods, ranges and days as answers show them, in the answer's language.

>>> from bot.core.i18n import in_language
>>> from bot.core.periods import parse_period
>>> june = parse_period("June", latest_year=2023)
>>> shown(june)
'June 2023'
>>> with in_language("km"):
...     shown(june), day_text(date(2023, 6, 29))
('ខែមិថុនា ឆ្នាំ២០២៣', 'ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣')

A :class:`~bot.core.periods.Period`'s ``label`` is English and stays so: commands, buttons and
shared links carry it, and it is read back as a period. What a reader sees is :func:`shown`:
the label itself in English, and in Khmer the same period written from its days with
:mod:`bot.core.formats` (Khmer month names and digits, the press's date form), its note
("since ...", "the latest month in the data ...") from the catalog.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.core import formats
from bot.core.i18n import _, current
from bot.core.periods import Period, format_day, format_range, parse_day
from bot.core.periods import _label as _english_span

__all__ = ["day_text", "range_text", "shown", "span_text"]

_ONE_DAY = timedelta(days=1)


def day_text(d: date) -> str:
    """A day inside a sentence: "29 June 2023", or the Khmer press's form.

    >>> day_text(date(2023, 6, 9))
    '9 June 2023'
    """
    return format_day(d) if current() == "en" else formats.day(d)


def range_text(start: date, end: date) -> str:
    """From one day to another, sharing the month and year where they repeat.

    >>> from bot.core.i18n import in_language
    >>> range_text(date(2023, 6, 26), date(2023, 6, 29))
    '26–29 June 2023'
    >>> with in_language("km"):
    ...     range_text(date(2023, 6, 26), date(2023, 6, 29))
    'ពីថ្ងៃទី២៦ ដល់ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣'
    """
    if current() == "en":
        return format_range(start, end)
    if start == end:
        return formats.day(start)
    if (start.year, start.month) == (end.year, end.month):
        first = f"ថ្ងៃទី{formats.digits(start.day)}"
    elif start.year == end.year:
        first = f"ថ្ងៃទី{formats.digits(start.day)} ខែ{formats.month_name(start.month)}"
    else:
        first = formats.day(start)
    return f"ពី{first} ដល់{formats.day(end)}"


def _month_end(d: date) -> bool:
    return (d + _ONE_DAY).day == 1


def span_text(start: date, end: date) -> str:
    """A span of days, whole months and years written as such ("May–June 2023").

    >>> from bot.core.i18n import in_language
    >>> with in_language("km"):
    ...     span_text(date(2023, 5, 1), date(2023, 6, 30)), span_text(date(2023, 1, 1),
    ...         date(2023, 12, 31))
    ('ពីខែឧសភា ដល់ខែមិថុនា ឆ្នាំ២០២៣', 'ឆ្នាំ២០២៣')
    """
    if current() == "en" or start.day != 1 or not _month_end(end):
        if current() == "en":
            return _english_span(start, end)
        return range_text(start, end)
    if (start.month, end.month) == (1, 12):
        if start.year == end.year:
            return f"ឆ្នាំ{formats.digits(start.year)}"
        return f"ពីឆ្នាំ{formats.digits(start.year)} ដល់ឆ្នាំ{formats.digits(end.year)}"
    if (start.year, start.month) == (end.year, end.month):
        return formats.month_year(start)
    if start.year == end.year:
        return f"ពីខែ{formats.month_name(start.month)} ដល់{formats.month_year(end)}"
    return f"ពី{formats.month_year(start)} ដល់{formats.month_year(end)}"


# The shapes of the labels bot.core.periods writes: a head and an optional bracketed note.
_NOTE = re.compile(r"^(?P<head>.*?) \((?P<note>[^()]*)\)$")
_DAY = r"(?P<day>\d{1,2} [A-Z][a-z]+ \d{4})"
_NOTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"the data ends on {_DAY}"), "ends"),
    (re.compile(rf"the data starts on {_DAY}"), "starts"),
    (re.compile(rf"the latest (?P<unit>month|week|quarter|year) in the data, which ends on {_DAY}"),
     "latest"),
    (re.compile(rf"the last (?:(?P<n>\d+) )?(?P<unit>days?|weeks?|months?) of the data, "
                rf"which ends on {_DAY}"), "last"),
    (re.compile(r"in progress"), "progress"),
)  # fmt: skip


def _unit(unit: str, n: int) -> str:
    one = unit.rstrip("s")
    names = {"day": _("day"), "week": _("week"), "month": _("month"), "quarter": _("quarter")}
    name = names.get(one, _("year"))
    return name if n == 1 else _("{n} {unit}").format(n=formats.number(n), unit=name)


def _note(note: str) -> str | None:
    for pattern, kind in _NOTES:
        m = pattern.fullmatch(note)
        if m is None:
            continue
        if kind == "progress":
            return _("in progress")
        day = day_text(parse_day(m["day"], default_year=2000))
        if kind == "ends":
            return _("the data ends on {day}").format(day=day)
        if kind == "starts":
            return _("the data starts on {day}").format(day=day)
        if kind == "latest":
            return _("the latest {unit} in the data, which ends on {day}").format(
                unit=_unit(m["unit"], 1), day=day
            )
        n = int(m["n"] or 1)
        return _("the last {span} of the data, which ends on {day}").format(
            span=_unit(m["unit"], n), day=day
        )
    return None


def shown(period: Period) -> str:
    """The period as a reader sees it: its label in English, the same in the answer's
    language otherwise (relative periods keep their explanation).

    >>> from bot.core.i18n import in_language
    >>> from bot.core.periods import parse_period, parse_week
    >>> span = (date(2023, 1, 21), date(2023, 6, 30))
    >>> with in_language("km"):
    ...     print(shown(parse_period("since May", latest_year=2023, data=span)))
    ...     print(shown(parse_period("last 7 days", latest_year=2023, data=span)))
    ...     print(shown(parse_week("this", today=date(2023, 6, 28))))
    ចាប់ពីថ្ងៃទី១ ខែឧសភា ឆ្នាំ២០២៣ (ទិន្នន័យបញ្ចប់នៅថ្ងៃទី៣០ ខែមិថុនា ឆ្នាំ២០២៣)
    ពីថ្ងៃទី២៤ ដល់ថ្ងៃទី៣០ ខែមិថុនា ឆ្នាំ២០២៣ (៧ ថ្ងៃចុងក្រោយនៃទិន្នន័យ ដែលបញ្ចប់នៅថ្ងៃទី៣០ ខែមិថុនា ឆ្នាំ២០២៣)
    សប្តាហ៍ ពីថ្ងៃទី២៦ ខែមិថុនា ដល់ថ្ងៃទី២ ខែកក្កដា ឆ្នាំ២០២៣ (កំពុងបន្ត)
    """
    if current() == "en":
        return period.label
    label = period.label
    note: str | None = None
    if m := _NOTE.match(label):
        label, note = m["head"], _note(m["note"])
    if label.startswith("since "):
        head = _("since {day}").format(day=day_text(period.start))
    elif label.startswith("until "):
        head = _("until {day}").format(day=day_text(period.end))
    elif label.startswith("week of ") or period.precision == "week":
        head = _("week of {span}").format(span=range_text(period.start, period.end))
    else:
        head = span_text(period.start, period.end)
    return f"{head} ({note})" if note else head
