"""Numbers and dates as every answer writes them, in the language of the answer.

>>> from datetime import date
>>> from bot.core.i18n import in_language
>>> number(6476), day(date(2023, 6, 29))
('6,476', '29/06/2023')
>>> with in_language("km"):
...     number(6476), day(date(2023, 6, 29))
('៦.៤៧៦', 'ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣')

English is written as the desk always has: thousands separators, dates day first
(dd/mm/yyyy). Khmer comes from Babel's ``km`` locale data (CLDR): the month names, and the
number symbols of its Khmer numbering system (``khmr``: "." between thousands, as the Khmer
press writes "៦.៤៧៦"), written in that system's digits ០–៩; dates in the press's form,
ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣. Babel is imported only for a Khmer answer, so an English
``desk ask`` never pays for it.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import cache

from bot.core.i18n import current

# The Khmer numbering system's digits, ០ (U+17E0) to ៩; unicodedata checks each one's value.
KHMER_DIGITS = "".join(chr(0x17E0 + i) for i in range(10))
assert [unicodedata.digit(d) for d in KHMER_DIGITS] == list(range(10))
_TO_KHMER = str.maketrans("0123456789", KHMER_DIGITS)
_FROM_KHMER = str.maketrans(KHMER_DIGITS, "0123456789")


def number(n: int) -> str:
    """A count, with thousands separators always: journalists copy these figures.

    >>> number(1234567)
    '1,234,567'
    """
    if current() == "en":
        return f"{n:,}"
    from babel.numbers import format_decimal  # only for Khmer answers

    return format_decimal(n, locale="km", numbering_system="khmr").translate(_TO_KHMER)


def digits(n: int) -> str:
    """A number without separators (a year, a day of the month), in the answer's digits.

    >>> digits(2023)
    '2023'
    """
    return str(n) if current() == "en" else str(n).translate(_TO_KHMER)


def latin_digits(text: str) -> str:
    """``text`` with Khmer digits written as 0–9 (tests compare figures across languages).

    >>> latin_digits("៦.៤៧៦")
    '6.476'
    """
    return text.translate(_FROM_KHMER)


@cache
def _months() -> dict[int, str]:
    from babel import Locale

    return dict(Locale("km").months["format"]["wide"].items())


def month_name(month: int) -> str:
    """The month's full name in the answer's language.

    >>> month_name(6)
    'June'
    """
    if current() == "en":
        return date(2000, month, 1).strftime("%B")
    return _months()[month]


def day(d: date) -> str:
    """A date in answers: day first in English, as journalists in Cambodia write them; the
    press's form in Khmer."""
    if current() == "en":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"  # strftime, at several a line, cost more
    return f"ថ្ងៃទី{digits(d.day)} ខែ{month_name(d.month)} ឆ្នាំ{digits(d.year)}"


def month_year(d: date) -> str:
    """
    >>> month_year(date(2023, 7, 1))
    'July 2023'
    """
    if current() == "en":
        return f"{month_name(d.month)} {d.year}"
    return f"ខែ{month_name(d.month)} ឆ្នាំ{digits(d.year)}"


@cache
def _weekdays() -> dict[int, str]:
    from babel import Locale

    return dict(Locale("km").days["format"]["wide"].items())


def weekday_name(weekday: int) -> str:
    """The weekday's name (0 = Monday) in the answer's language.

    >>> weekday_name(0)
    'Monday'
    """
    if current() == "en":
        return date(2024, 1, 1 + weekday).strftime("%A")  # 1 January 2024 was a Monday
    return _weekdays()[weekday]


def long_day(d: date) -> str:
    """A day with its weekday, for schedules.

    >>> long_day(date(2023, 7, 3))
    'Monday 03 July 2023'
    """
    if current() == "en":
        return f"{d:%A %d %B %Y}"
    return f"ថ្ងៃ{weekday_name(d.weekday())} {day(d)}"


def command_day(d: date) -> str:
    """A date as a command takes it (a button's ``/on 29/06/2023``): the same in every
    language, so that any chat's reader reads it.

    >>> from bot.core.i18n import in_language
    >>> with in_language("km"):
    ...     command_day(date(2023, 6, 29))
    '29/06/2023'
    """
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def decimal(x: float) -> str:
    """A ratio, to one decimal place.

    >>> from bot.core.i18n import in_language
    >>> decimal(2.25)
    '2.2'
    >>> with in_language("km"):
    ...     decimal(2.25)
    '២,២'
    """
    if current() == "en":
        return f"{x:.1f}"
    from babel.numbers import format_decimal

    text = format_decimal(round(x, 1), "#,##0.0", locale="km", numbering_system="khmr")
    return text.translate(_TO_KHMER)
