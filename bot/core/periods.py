"""Dates, ranges, periods and weeks as journalists type them.

>>> parse_period("May-June 2023", latest_year=2023).label
'May–June 2023'

Numeric dates are always read day first (29/06/2023), as in Cambodia, and a
day and month are never swapped to make an impossible date fit. Everything
here is a small explicit grammar: whole-string regexes without nested
quantifiers, run only on input capped at MAX_INPUT_CHARS, so hostile input
cannot make matching slow. Every failure is a PeriodError (bot.errors) whose
message can be shown to the user as it is (it quotes their input: escape it for HTML).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from bot.core.formats import day as khmer_day
from bot.core.formats import digits, month_year, number
from bot.core.i18n import N_, _, current
from bot.core.khmer import KHMER_DIGITS, has_khmer_letters
from bot.errors import PeriodError

__all__ = [
    "MAX_INPUT_CHARS",
    "Period",
    "PeriodError",
    "format_day",
    "format_range",
    "parse_day",
    "parse_day_or_range",
    "parse_period",
    "parse_week",
    "previous_week",
    "split_trailing_period",
]

Precision = Literal["day", "month", "year", "range", "week"]

MAX_INPUT_CHARS = 200
# Bounded so that week arithmetic can never overflow date.min/date.max, and
# wide enough for anything a journalist could mean.
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# The longest period a journalist types, "between 1st June 2023 and 30th June 2023",
# is 7 words; split_trailing_period looks no further than this.
_MAX_PERIOD_WORDS = 10

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Own names rather than calendar.month_name, which follows the process locale.
_MONTHS = {
    **{name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}

_DAY_FORMS = N_("29/06/2023 (day first), 2023-06-29, 29 June 2023, June 29, 2023 or 29 June")
_RANGE_FORMS = N_(
    "a day (29/06/2023, 29 June), a range (26-29 June 2023, 1/6/2023 - 30/6/2023) "
    "or a month (June 2023, 2023-06)"
)
_PERIOD_FORMS = N_(
    "a month (June, June 2023, 2023-06), a year (2023), a day (29/06/2023) "
    "or a range (May-June 2023, 1/5/2023 - 15/6/2023, Q2 2023)"
)
_WEEK_FORMS = N_(
    "nothing (last complete week), last, this, previous, week before last, "
    "a date in the week (29/06/2023, 29 June) or an ISO week (2023-W25, W25 2023)"
)


@dataclass(frozen=True, slots=True)
class Period:
    """
    >>> p = Period(date(2023, 6, 1), date(2023, 6, 30), "June 2023", "month")
    >>> p.contains(date(2023, 6, 30)), p.contains(date(2023, 7, 1))
    (True, False)

    A span of whole days, both ends inclusive, with a label for replies.
    """

    start: date
    end: date
    label: str
    precision: Precision

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"Period ends before it starts: {self.start} > {self.end}")

    def contains(self, d: date) -> bool:
        """
        >>> Period(date(2023, 6, 29), date(2023, 6, 29), "29 June 2023", "day").contains(
        ...     date(2023, 6, 29))
        True
        """
        return self.start <= d <= self.end


class _Unreadable(PeriodError):
    """The text is not shaped like a period at all (as opposed to an impossible one).

    split_trailing_period needs the difference: "Party Name" is simply no
    period, but "Party 31/06/2023" is a period the user got wrong.
    """


def format_day(d: date) -> str:
    """
    >>> format_day(date(2023, 6, 9))
    '9 June 2023'
    """
    return f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def format_range(start: date, end: date) -> str:
    """
    >>> format_range(date(2023, 6, 26), date(2023, 7, 2))
    '26 June – 2 July 2023'

    Shares the month and year where they repeat: "1–7 June 2023",
    "25 December 2023 – 1 January 2024", and one day is just that day.
    """
    if start == end:
        return format_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_MONTH_NAMES[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTH_NAMES[start.month - 1]} – {format_day(end)}"
    return f"{format_day(start)} – {format_day(end)}"


def _label(start: date, end: date) -> str:
    # Whole months and years read better as such: "May–June 2023", not "1 May – 30 June 2023".
    if start.day != 1 or end != _month_end(end.year, end.month):
        return format_range(start, end)
    if (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    first, last = _MONTH_NAMES[start.month - 1], _MONTH_NAMES[end.month - 1]
    if start.year != end.year:
        return f"{first} {start.year} – {last} {end.year}"
    if start.month == end.month:
        return f"{first} {start.year}"
    return f"{first}–{last} {start.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# ----------------------------------------------------------------- grammar --

_F = re.IGNORECASE | re.ASCII  # ASCII: no Unicode digits or case-folding surprises
_ORD = r"(?:st|nd|rd|th)?"
_WORD = r"([a-z]+)\.?"  # a month name or abbreviation, checked against _MONTHS

_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})", _F)  # 29/06/2023, 29-6-23
_YMD = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})", _F)  # 2023-06-29
_DM = re.compile(r"(\d{1,2})[/.](\d{1,2})", _F)  # 29/06 (no "-": 26-29 is a range)
_MY = re.compile(r"(\d{1,2})[/.-](\d{4})", _F)  # 06/2023
_YM = re.compile(r"(\d{4})[/.-](\d{1,2})", _F)  # 2023-06
_D_MON_Y = re.compile(rf"(\d{{1,2}}){_ORD} ?(?:of )?{_WORD}(?:,? (\d{{4}}))?", _F)
_D_MON_Y_DASHED = re.compile(r"(\d{1,2})([- ])([a-z]+)\2(\d{4}|\d{2})", _F)  # 29-Jun-23
_MON_D_Y = re.compile(rf"{_WORD} ?(\d{{1,2}}){_ORD}(?:,? (\d{{4}}))?", _F)
_MON_Y = re.compile(rf"{_WORD},? ?(\d{{4}})", _F)
_MON = re.compile(_WORD, _F)
_YEAR = re.compile(r"(\d{4})", _F)
_PART = re.compile(r"([qh])([1-4])(?: ?(\d{4}))?|(\d{4})[ -]?([qh])([1-4])", _F)  # Q2 2023
_BARE_DAY = re.compile(rf"(\d{{1,2}}){_ORD}", _F)  # 26 in "26-29 June"

_DASHES = "-–—‒−"
_SEP = re.compile(rf" ?(?:[{_DASHES}]+|\.\.\.?) ?| (?:to|until|till|through|thru) ", _F)
_SEP_BETWEEN = re.compile(rf" ?(?:[{_DASHES}]+|\.\.\.?) ?| and ", _F)
_RANGE_PREFIX = re.compile(r"(from|between) ", _F)



@dataclass(frozen=True, slots=True)
class _Partial:
    """One end of a period as typed, possibly missing its month or year."""

    kind: Literal["day", "month", "year"]
    text: str
    year: int | None
    month: int | None = None  # first month; None only for a bare day ("26" in "26-29 June")
    last_month: int | None = None  # quarters and halves span several months
    day: int | None = None


def _clean(text: str, forms: str) -> str:
    s = text.strip()
    if len(s) > MAX_INPUT_CHARS:
        raise PeriodError(
            _("That is too long to be a date (over {n} characters).").format(
                n=number(MAX_INPUT_CHARS)
            )
        )
    # Khmer-script digits are what some Cambodian keyboards type; Khmer words for a period
    # (ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣) are read as their English equivalents.
    s = " ".join(s.split()).translate(KHMER_DIGITS)
    if has_khmer_letters(s):
        from bot.core.khmer_periods import english_period  # loads Babel: Khmer input only

        s = english_period(s)
    s = s.rstrip(".,; ")
    if not s:
        raise _Unreadable(_("Please give a date: {forms}.").format(forms=_(forms)))
    return s


def _month_word(word: str) -> int | None:
    return _MONTHS.get(word.lower())


def _check_year(text: str, year: int) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise PeriodError(
            _("{text}: I can only handle years {first} to {last}.").format(
                text=text, first=digits(_MIN_YEAR), last=digits(_MAX_YEAR)
            )
        )


def _numeric_day(text: str, day: int, month: int, year: int | None) -> _Partial:
    if not 1 <= month <= 12:
        hint = _(" Numeric dates are read day first: day/month/year.") if day <= 12 else ""
        said = _("{text} is not a date: there is no month {month}.")
        raise PeriodError(said.format(text=text, month=digits(month)) + hint)
    return _word_day(text, day, month, year)


def _word_day(text: str, day: int, month: int, year: int | None) -> _Partial:
    if day == 0:
        raise PeriodError(_("{text} is not a date: there is no day 0.").format(text=text))
    if day > 31:
        said = _("{text} is not a date: no month has {days} days.")
        raise PeriodError(said.format(text=text, days=digits(day)))
    if year is not None:
        _check_year(text, year)
    return _Partial("day", text, year, month, month, day)


def _month(text: str, month: int, year: int | None, last_month: int | None = None) -> _Partial:
    if not 1 <= month <= 12:
        said = _("{text} is not a month: there is no month {month}.")
        raise PeriodError(said.format(text=text, month=digits(month)))
    if year is not None:
        _check_year(text, year)
    return _Partial("month", text, year, month, last_month or month)


def _full_year(digits: str) -> int:
    # Two-digit years are this century: the data starts in 2023.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _atom(s: str) -> _Partial | None:
    """
    >>> _atom("29th June").day, _atom("29th June").month, _atom("29th June").year
    (29, 6, None)

    Read s as one day, month, quarter or year; None if it has none of those
    shapes; PeriodError if it has the shape but is impossible (31/06/2023).
    """
    if m := _DMY.fullmatch(s):
        return _numeric_day(s, int(m[1]), int(m[3]), _full_year(m[4]))
    if m := _YMD.fullmatch(s):
        return _numeric_day(s, int(m[4]), int(m[3]), int(m[1]))
    if m := _DM.fullmatch(s):
        return _numeric_day(s, int(m[1]), int(m[2]), None)
    if m := _MY.fullmatch(s):
        return _month(s, int(m[1]), int(m[2]))
    if m := _YM.fullmatch(s):
        return _month(s, int(m[2]), int(m[1]))
    if (m := _D_MON_Y.fullmatch(s)) and (month := _month_word(m[2])):
        return _word_day(s, int(m[1]), month, int(m[3]) if m[3] else None)
    if (m := _D_MON_Y_DASHED.fullmatch(s)) and (month := _month_word(m[3])):
        return _word_day(s, int(m[1]), month, _full_year(m[4]))
    if (m := _MON_D_Y.fullmatch(s)) and (month := _month_word(m[1])):
        return _word_day(s, int(m[2]), month, int(m[3]) if m[3] else None)
    if (m := _MON_Y.fullmatch(s)) and (month := _month_word(m[1])):
        return _month(s, month, int(m[2]))
    if (m := _MON.fullmatch(s)) and (month := _month_word(m[1])):
        return _month(s, month, None)
    if (m := _YEAR.fullmatch(s)) and _MIN_YEAR <= int(m[1]) <= _MAX_YEAR:
        return _Partial("year", s, int(m[1]))
    if m := _PART.fullmatch(s):
        letter, n, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[6], m[4])
        size = 3 if letter.lower() == "q" else 6
        if int(n) * size > 12:
            said = _("{text} is not a period: a year has only two halves (H1, H2).")
            raise PeriodError(said.format(text=s))
        first = (int(n) - 1) * size + 1
        return _month(s, first, int(year) if year else None, first + size - 1)
    if m := _BARE_DAY.fullmatch(s):
        return _Partial("day", s, None, None, None, int(m[1]))
    return None


def _bounds(p: _Partial, default_year: int) -> tuple[date, date]:
    year = default_year if p.year is None else p.year
    _check_year(p.text, year)
    if p.kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if p.month is None:
        said = _("{text} is missing a month: try {day} June or {day}/06/{year}.")
        raise _Unreadable(said.format(text=p.text, day=p.day, year=year))
    if p.kind == "month":
        return date(year, p.month, 1), _month_end(year, p.last_month or p.month)
    assert p.day is not None  # kind "day"
    days = calendar.monthrange(year, p.month)[1]
    if p.day > days:
        said = _("{text} is not a date: {month} has {days} days.")
        month = month_year(date(year, p.month, 1))
        raise PeriodError(said.format(text=p.text, month=month, days=digits(days)))
    d = date(year, p.month, p.day)
    return d, d


_KIND_NAMES = {"day": N_("a day"), "month": N_("a month"), "year": N_("a year")}


def _kind_error(text: str, kind: str, forms: str) -> str:
    return _("{text} is {kind}; here I need {forms}.").format(
        text=text, kind=_(_KIND_NAMES[kind]), forms=_(forms)
    )


def _week_count(text: str, year: int, weeks: int) -> str:
    return _("{text} is not a week: {year} has ISO weeks 1 to {weeks}.").format(
        text=text, year=digits(year), weeks=digits(weeks)
    )


def _day_said(d: date) -> str:
    """A day in a message: "29 June 2023", or the Khmer press's form."""
    return format_day(d) if current() == "en" else khmer_day(d)


def _parse(text: str, *, default_year: int, kinds: frozenset[str], forms: str) -> Period:
    s = _clean(text, forms)
    atom = _atom(s)
    if atom is not None:
        if atom.kind not in kinds:
            raise _Unreadable(_kind_error(s, atom.kind, forms))
        start, end = _bounds(atom, default_year)
        precision: Precision = atom.kind
        if atom.kind == "month" and atom.month != atom.last_month:
            precision = "range"
        return Period(start, end, _label(start, end), precision)
    return _parse_range(s, default_year=default_year, kinds=kinds, forms=forms)


def _parse_range(s: str, *, default_year: int, kinds: frozenset[str], forms: str) -> Period:
    body, separators = s, _SEP
    if m := _RANGE_PREFIX.match(s):
        body = s[m.end() :]
        separators = _SEP_BETWEEN if m[1].lower() == "between" else _SEP
    first_error: PeriodError | None = None
    # Try every separator: hyphens also sit inside dates (29-06-2023 - 3-07-2023).
    # Only splits whose both sides are dates count, so at most one normally does.
    for m in separators.finditer(body):
        left, right = body[: m.start()], body[m.end() :]
        try:
            a, b = _atom(left), _atom(right)
            if a is not None and b is not None:
                return _join(s, a, b, default_year=default_year, kinds=kinds, forms=forms)
        except PeriodError as e:
            first_error = first_error or e
    if first_error is not None:
        raise first_error
    said = _('I could not read "{text}" as a date. Try {forms}.')
    raise _Unreadable(said.format(text=s, forms=_(forms)))


def _join(
    s: str, a: _Partial, b: _Partial, *, default_year: int, kinds: frozenset[str], forms: str
) -> Period:
    # Short forms: "26-29 June 2023" lends the month leftwards, "June 1-5" rightwards;
    # "May-June 2023" and "1 June 2023 - 3 July" lend the year.
    if a.month is None and b.kind == "day" and b.month is not None:
        a = replace(a, month=b.month, last_month=b.month)
    if b.month is None and a.kind == "day" and a.month is not None:
        b = replace(b, month=a.month, last_month=a.month)
    if a.year is None:
        a = replace(a, year=b.year)
    if b.year is None:
        b = replace(b, year=a.year)
    for p in (a, b):
        if p.kind not in kinds:
            raise _Unreadable(_kind_error(p.text, p.kind, forms))
    start, end = _bounds(a, default_year)[0], _bounds(b, default_year)[1]
    if end < start:
        raise PeriodError(
            _(
                "{text} ends before it starts ({end} is before {start}). Put the earlier date "
                "first; to cross a new year give both years, e.g. 28 December 2023 - 3 January "
                "2024."
            ).format(text=s, end=_day_said(end), start=_day_said(start))
        )
    return Period(start, end, _label(start, end), "range")


# ------------------------------------------------------------- public API --


def parse_day(text: str, *, default_year: int) -> date:
    """
    >>> parse_day("29/06/2023", default_year=2023)
    datetime.date(2023, 6, 29)
    >>> parse_day("June 29th", default_year=2023)
    datetime.date(2023, 6, 29)

    Read one day: 29/06/2023 (always day first; also 29/6/23, 29-06-2023,
    29.06.2023), 2023-06-29, 29 June 2023, 29 Jun 2023, June 29, 2023,
    29th June, 29 June (in default_year), 29/06 (in default_year).
    """
    s = _clean(text, _DAY_FORMS)
    atom = _atom(s)
    if atom is None:
        said = _('I could not read "{text}" as a date. Try {forms}.')
        raise _Unreadable(said.format(text=s, forms=_(_DAY_FORMS)))
    if atom.kind != "day":
        said = _("{text} is {kind}; I need one day, e.g. {forms}.")
        kind = _(_KIND_NAMES[atom.kind])
        raise _Unreadable(said.format(text=s, kind=kind, forms=_(_DAY_FORMS)))
    return _bounds(atom, default_year)[0]


def parse_day_or_range(text: str, *, default_year: int) -> Period:
    """
    >>> parse_day_or_range("26-29 June 2023", default_year=2023).label
    '26–29 June 2023'

    Read a day, a month, or a range of them for /on: "A - B", "A – B",
    "A to B", "A..B", "from A to B", "between A and B", with short forms such
    as 26-29 June 2023, 26–29/06/2023, 1 June - 30 June, June 1-5. Missing
    years come from the other end, else default_year.
    """
    return _parse(
        text, default_year=default_year, kinds=frozenset({"day", "month"}), forms=_RANGE_FORMS
    )


def parse_period(text: str, *, latest_year: int, data: tuple[date, date] | None = None) -> Period:
    """
    >>> parse_period("june", latest_year=2023).label
    'June 2023'
    >>> parse_period("1/5/2023 - 15/6/2023", latest_year=2023).label
    '1 May – 15 June 2023'
    >>> span = (date(2023, 1, 21), date(2023, 6, 30))
    >>> parse_period("since May", latest_year=2023, data=span).label
    'since 1 May 2023 (the data ends on 30 June 2023)'
    >>> parse_period("last month", latest_year=2023, data=span).label
    'June 2023 (the latest month in the data, which ends on 30 June 2023)'

    Read a period for /total: a month (June, Sept, June 2023, 2023-06, 06/2023),
    a year (2023), a quarter or half (Q2 2023, H1, first quarter, second half of 2023),
    a day, a range of any of these (May-June 2023, May to June, between 1 and 15 June,
    2023-05..2023-06), a week (2023-W26, week 26, the week of 26 June), or a period open at
    one end: since / from / after, until / up to / before a day or month. A month or day
    without a year is in latest_year.

    ``data`` is the first and last day the data covers: an open end stops there ("since May"
    is 1 May to the data's last day), and "last month", "last week", "the last 7 days" are
    measured back from its last day, not from today. Such a label says so in brackets; a
    label's bracketed note is ignored when the label is read back.
    """
    key = (text, latest_year, data, current())
    known = _READ_PERIODS.get(key)
    if known is None:
        try:
            known = _reporters_period(text, latest_year=latest_year, data=data)
        except PeriodError as exc:
            known = (type(exc), str(exc))
        if len(text) <= _REMEMBERED_CHARS:
            if len(_READ_PERIODS) >= _PERIODS_KEPT:
                _READ_PERIODS.clear()
            _READ_PERIODS[key] = known
    if isinstance(known, Period):
        return known
    raise known[0](known[1])


# ------------------------------------------------------- reporters' forms --
# Read after the grammar above fails, so every form it reads keeps its reading.

# The note a label of ours ends with ("(the data ends on 30 June 2023)"): read back without it.
_NOTE = re.compile(r" ?\([^()]*\)$")
_ORDINAL_PART = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last) (quarter|half)(?: of)?(?: the year)?\b",
    _F,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4}
_OPEN = re.compile(
    r"(since|from|after|starting(?: from| on| in)?|beginning(?: from| on| in)?|"
    r"until|till|til|up ?(?:to|until)|through|thru|before|prior to) (.+)",
    _F,
)
_EDGE = re.compile(r"(?:the )?(?:start|beginning|end) of ", _F)
_LATEST = re.compile(
    r"(?:last|latest|past|previous|most recent|final) (month|week|quarter|year)"
    r"(?: (?:of|in) the data)?",
    _F,
)
_LAST_N = re.compile(
    r"(?:last|past|final|latest) (\d{1,3}) (days?|weeks?|months?)(?: (?:of|in) the data)?", _F
)
_WEEK_OF_RANGE = re.compile(r"week (?:of|containing|starting|beginning|from|commencing) (.+)", _F)


def _reporters_period(text: str, *, latest_year: int, data: tuple[date, date] | None) -> Period:
    s = _NOTE.sub("", _clean(text, _PERIOD_FORMS)).strip()
    try:
        return _parse(s, default_year=latest_year, kinds=_PERIOD_KINDS, forms=_PERIOD_FORMS)
    except _Unreadable as unreadable:
        plain = re.sub(r"^the ", "", s, flags=_F)
        if m := _HALF_MONTH.fullmatch(plain):
            return _half_month(m, latest_year)
        coded = _ORDINAL_PART.sub(_part_code, plain)
        if m := _OPEN.fullmatch(coded):
            return _open_period(m[1].lower(), m[2], latest_year=latest_year, data=data)
        if m := _LATEST.fullmatch(coded):
            return _latest(m[1].lower(), _data_end(s, data))
        if m := _LAST_N.fullmatch(coded):
            return _last_n(int(m[1]), m[2].lower(), _data_end(s, data))
        if coded.lower() == "this year":
            start, end = date(latest_year, 1, 1), date(latest_year, 12, 31)
            return Period(start, end, str(latest_year), "year")
        week = _week_form(coded, latest_year)
        if week is not None:
            return week
        if coded != s:  # "the first half" is now "H1"
            return _parse(coded, default_year=latest_year, kinds=_PERIOD_KINDS, forms=_PERIOD_FORMS)
        raise unreadable


_HALF_MONTH = re.compile(r"(first|1st|second|2nd) half of ([a-z]+\.?(?: \d{4})?)", _F)


def _half_month(m: re.Match[str], latest_year: int) -> Period:
    """The first (1–15) or second (16–end) half of a month."""
    month = _parse(m[2], default_year=latest_year, kinds=frozenset({"month"}), forms=_PERIOD_FORMS)
    middle = month.start.replace(day=15)
    first = m[1].lower() in ("first", "1st")
    start, end = (month.start, middle) if first else (middle + timedelta(days=1), month.end)
    return Period(start, end, _label(start, end), "range")


def _part_code(m: re.Match[str]) -> str:
    """ "first half" → "H1", "second quarter" → "Q2"; "last quarter" stays (the data's)."""
    if m[1].lower() == "last":
        return m[0]
    n = _ORDINALS[m[1].lower()]
    if m[2].lower() == "half" and n > 2:
        said = _("{text} is not a period: a year has only two halves.")
        raise PeriodError(said.format(text=m[0]))
    return f"{'Q' if m[2].lower() == 'quarter' else 'H'}{n}"


def _data_end(s: str, data: tuple[date, date] | None) -> date:
    if data is None:
        raise PeriodError(_("There is no data yet to measure “{text}” back from.").format(text=s))
    return data[1]


def _open_period(
    word: str, operand: str, *, latest_year: int, data: tuple[date, date] | None
) -> Period:
    """since / after / until / before a day, month or other period, to the data's edge."""
    operand = _EDGE.sub("", operand, count=1)
    inner = _parse(operand, default_year=latest_year, kinds=_PERIOD_KINDS, forms=_PERIOD_FORMS)
    if word in ("after",) or word.startswith(("since", "from", "starting", "beginning")):
        start = inner.end + timedelta(days=1) if word == "after" else inner.start
        last = data[1] if data is not None else date(latest_year, 12, 31)
        end = max(last, start)
        note = f" (the data ends on {format_day(data[1])})" if data is not None else ""
        return Period(start, end, f"since {format_day(start)}{note}", "range")
    end = inner.start - timedelta(days=1) if word in ("before", "prior to") else inner.end
    first = data[0] if data is not None else date(min(latest_year, end.year), 1, 1)
    start = min(first, inner.start, end)
    note = f" (the data starts on {format_day(data[0])})" if data is not None else ""
    return Period(start, end, f"until {format_day(end)}{note}", "range")


def _latest(unit: str, last: date) -> Period:
    """The month, week, quarter or year that holds the data's last day."""
    said = f" (the latest {unit} in the data, which ends on {format_day(last)})"
    if unit == "week":
        week = _week(last - timedelta(days=last.weekday()))
        return replace(week, label=week.label + said)
    if unit == "year":
        start, end = date(last.year, 1, 1), date(last.year, 12, 31)
    elif unit == "quarter":
        first = (last.month - 1) // 3 * 3 + 1
        start, end = date(last.year, first, 1), _month_end(last.year, first + 2)
    else:
        start, end = date(last.year, last.month, 1), _month_end(last.year, last.month)
    return Period(start, end, _label(start, end) + said, "month" if unit == "month" else "range")


def _last_n(n: int, unit: str, last: date) -> Period:
    """The last n days, weeks or months of the data, ending on its last day."""
    if n < 1:
        said = _("“the last {n} {unit}” is no period: give at least 1.")
        raise PeriodError(said.format(n=n, unit=unit))
    if unit.startswith("month"):
        months = last.year * 12 + last.month - n  # the month before the first one
        start = date(months // 12, months % 12 + 1, 1)
    else:
        start = last - timedelta(days=n * (7 if unit.startswith("week") else 1) - 1)
    if start.year < _MIN_YEAR:
        raise PeriodError(_("That reaches back before {year}.").format(year=digits(_MIN_YEAR)))
    said = f" (the last {plural_unit(n, unit)} of the data, which ends on {format_day(last)})"
    return Period(start, last, format_range(start, last) + said, "range")


def plural_unit(n: int, unit: str) -> str:
    """
    >>> plural_unit(1, "days"), plural_unit(7, "day")
    ('day', '7 days')
    """
    one = unit.rstrip("s")
    return one if n == 1 else f"{n} {one}s"


def _iso_week(s: str, m: re.Match[str], default_year: int) -> Period:
    """The week an _ISO_WEEK match names (2023-W26, week 26), in ``default_year`` if none."""
    year = int(m[1] or m[4] or default_year)
    week = int(m[2] or m[3])
    _check_year(s, year)
    weeks = date(year, 12, 28).isocalendar().week  # 28 Dec is always in the last ISO week
    if not 1 <= week <= weeks:
        raise PeriodError(_week_count(s, year, weeks))
    return _week(date.fromisocalendar(year, week, 1))


def _week_form(s: str, latest_year: int) -> Period | None:
    """2023-W26, week 26 (in latest_year), the week of 26 June (or of a Monday–Sunday range)."""
    if m := _ISO_WEEK.fullmatch(s):
        return _iso_week(s, m, latest_year)
    m = _WEEK_OF_RANGE.fullmatch(s)
    if m is None:
        return None
    inner = _parse(m[1], default_year=latest_year, kinds=_PERIOD_KINDS, forms=_PERIOD_FORMS)
    if inner.precision == "day":
        return _week(inner.start - timedelta(days=inner.start.weekday()))
    if inner.start.weekday() == 0 and (inner.end - inner.start).days == 6:
        return _week(inner.start)
    raise PeriodError(
        _(
            "{text} is not one Monday–Sunday week: give a day in it, e.g. the week of 26 June."
        ).format(text=m[1])
    )


# Journalists ask about the same few periods ("June", "2023", "Q2 2023"), and reading one runs
# a dozen regular expressions (15-40 µs); /total tries each trailing run of up to four words.
# The reading depends on nothing but its arguments, so short texts are remembered (failures as
# their exception type and message, raised anew each time).
# Failures are kept per language: their messages are written in it.
_READ_PERIODS: dict[
    tuple[str, int, tuple[date, date] | None, str], Period | tuple[type[PeriodError], str]
] = {}
_PERIODS_KEPT = 4096
_REMEMBERED_CHARS = 80
_PERIOD_KINDS = frozenset({"day", "month", "year"})


# Khmer "in", "at", "for", "during" (ក្នុង, នៅ, សម្រាប់, ក្នុងអំឡុង, អំឡុង) are fillers too.
_FILLER = frozenset({"in", "on", "for", "during", "over", "within", "ក្នុង", "នៅ", "សម្រាប់"})
_FILLER |= {"ក្នុងអំឡុង", "អំឡុង"}
_LEADING_FILLER = _FILLER | {"for", "of", "by", "from"}
# A comma typed without a space between a party and a period: "cnrp,june".
_TIGHT_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")


def split_trailing_period(
    text: str, *, latest_year: int, data: tuple[date, date] | None = None
) -> tuple[str, Period | None]:
    """
    >>> rest, period = split_trailing_period("Candlelight Party June 2023", latest_year=2023)
    >>> rest, period.label if period else None
    ('Candlelight Party', 'June 2023')
    >>> rest, period = split_trailing_period("cnrp,since may", latest_year=2023)
    >>> rest, period.label if period else None
    ('cnrp', 'since 1 May 2023')

    Split a command argument into (rest, period) for /total PARTY [PERIOD].
    The period is the longest trailing run of words that parse_period reads (``data`` as
    there); failing that, a leading one ("June Candlelight", "since May, CNRP"), unless a
    bare number sits at the cut ("March 18 Movement" stays a name). A filler word before a
    trailing period ("Candlelight in June") is dropped, and so is a comma either side.
    Whitespace in rest is collapsed.
    With no period, returns (text with whitespace collapsed, None). Raises
    PeriodError if the text ends in a period that is impossible
    ("CNRP 31/06/2023", "CNRP July - June 2023").
    """
    if len(text.strip()) > MAX_INPUT_CHARS:
        said = _("That is too long (over {n} characters).")
        raise PeriodError(said.format(n=number(MAX_INPUT_CHARS)))
    # A label's bracketed note ("since 1 May 2023 (the data ends on 30 June 2023)") goes
    # with the period it follows.
    if has_khmer_letters(text):
        from bot.core.khmer_periods import space_out  # "ភ្លើងទៀនខែមិថុនា": two words

        text = space_out(text)
    note = _NOTE.search(text.rstrip())
    body = text.rstrip()[: note.start()] if note else text
    words = _TIGHT_COMMA.sub(", ", body).split()
    for i in range(max(0, len(words) - _MAX_PERIOD_WORDS), len(words)):
        try:
            period = parse_period(" ".join(words[i:]), latest_year=latest_year, data=data)
        except _Unreadable:
            continue
        # Any other PeriodError propagates: the longest period-shaped tail is what the
        # user meant ("CNRP July - June 2023" must not quietly become June 2023).
        rest = words[:i]
        if rest and rest[-1].lower().rstrip(",") in _FILLER:
            rest = rest[:-1]
        return " ".join(rest).rstrip(",;: " + _DASHES), period
    for i in range(min(len(words) - 1, _MAX_PERIOD_WORDS), 0, -1):
        # Numbers either side of the cut suggest a name like "March 18 Movement".
        if _BARE_DAY.fullmatch(words[i - 1]) or _BARE_DAY.fullmatch(words[i]):
            continue
        try:
            period = parse_period(" ".join(words[:i]), latest_year=latest_year, data=data)
        except PeriodError:
            continue
        rest = words[i:]
        if len(rest) > 1 and rest[0].lower() in _LEADING_FILLER:  # "Q2 for Candlelight"
            rest = rest[1:]
        return " ".join(rest).lstrip(",;: " + _DASHES), period
    return " ".join(text.split()), None


_LAST = frozenset({"", "last", "last week", "previous", "previous week"})
_THIS = frozenset({"this", "this week", "current", "current week"})
_BEFORE_LAST = frozenset({"week before last", "the week before last", "before last"})
_ISO_WEEK = re.compile(
    r"(\d{4}) ?-?w(?:eek)? ?(\d{1,2})|w(?:eek)? ?(\d{1,2})(?:,? (\d{4}))?", _F
)  # 2023-W25, 2023W25, 2023 week 25, W25 2023, week 25
_WEEK_OF = re.compile(r"(?:the )?week (?:of|containing|starting|beginning|from) ", _F)


def _week(monday: date, note: str = "") -> Period:
    sunday = monday + timedelta(days=6)
    return Period(monday, sunday, f"week of {format_range(monday, sunday)}{note}", "week")


def parse_week(text: str, *, today: date, default_year: int | None = None) -> Period:
    """
    >>> parse_week("", today=date(2023, 6, 26)).label
    'week of 19–25 June 2023'
    >>> parse_week("2023-W26", today=date(2023, 7, 10)).label
    'week of 26 June – 2 July 2023'

    Read a Monday–Sunday week for /summary. Empty, "last" or "previous": the
    last complete week before today (today itself is never complete).
    "this"/"current": the week containing today, labelled "(in progress)".
    "week before last". An ISO week (2023-W25, 2023W25, W25 2023, W25 in
    default_year). Any parse_day form, optionally after "week of": the week
    containing that day. A day or week without a year is in default_year (the
    latest year with data, as for every other period), else in today's year.
    """
    _check_year(f"today ({today})", today.year)
    year_of = today.year if default_year is None else default_year
    s = "" if not text.strip() else _clean(text, _WEEK_FORMS)
    key = s.lower()
    last_sunday = today - timedelta(days=today.weekday() + 1)
    if key in _LAST:
        return _week(last_sunday - timedelta(days=6))
    if key in _BEFORE_LAST:
        return _week(last_sunday - timedelta(days=13))
    if key in _THIS:
        return _week(today - timedelta(days=today.weekday()), " (in progress)")
    if m := _ISO_WEEK.fullmatch(s):
        return _iso_week(s, m, year_of)
    if m := _WEEK_OF.match(s):
        s = s[m.end() :]
    try:
        day = parse_day(s, default_year=year_of)
    except _Unreadable:
        said = _('I could not read "{text}" as a week. Try {forms}.')
        raise _Unreadable(said.format(text=s, forms=_(_WEEK_FORMS))) from None
    return _week(day - timedelta(days=day.weekday()))


def previous_week(p: Period) -> Period:
    """
    >>> previous_week(parse_week("2024-W01", today=date(2024, 2, 1))).label
    'week of 25–31 December 2023'

    The Monday–Sunday week before the one containing p.start.
    """
    return _week(p.start - timedelta(days=p.start.weekday() + 7))


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_partial_date(value: str) -> tuple[date, date]:
    """Turn ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into the first and last day it covers.

    >>> parse_partial_date("2023-06")
    (datetime.date(2023, 6, 1), datetime.date(2023, 6, 30))
    """
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    start = date(year, int(month), 1)
    if day is not None:
        one = date(year, int(month), int(day))
        return one, one
    following = date(year + (start.month == 12), start.month % 12 + 1, 1)
    return start, date.fromordinal(following.toordinal() - 1)
