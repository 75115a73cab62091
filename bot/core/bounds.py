"""What a claim may hold: how many people, which dates, which characters in a name.

>>> check_defectors(613)
613
>>> check_day(date(1992, 12, 31))
Traceback (most recent call last):
...
ValueError: 31/12/1992 is before 1 January 1993, the start of the period this desk records
>>> clean_name("Ｃａｎｄｌｅｌｉｇｈｔ  Party")
'Candlelight Party'
>>> clean_name("Candlelight\\x00Party")
Traceback (most recent call last):
...
ValueError: U+0000 (a control character) at character 12: remove it
>>> shorten("x" * 100, 10)
"'xxxxxxxxx…'"

Every entrance that writes claims or names (``desk load``, ``/add``, uploads) checks with these,
so the bounds are stated once:

- **A count is 1 to 100,000 people.** A claim reports people who changed party: zero is not a
  claim, and the largest single report in the 2023 record is 986. A whole party's claimed
  membership runs to tens of thousands, so a report of more than 100,000 people in one go is a
  typing mistake. The bound also keeps every stored figure far inside PostgreSQL's 32-bit
  ``integer`` and every sum inside SQLite's 64-bit integers (10 million rows at the bound
  total 10^12).
- **A stated total is 0 to 10,000,000**: more than Cambodia's 9.7 million registered voters
  (2023) cannot be the total of any document's claims.
- **A claim's date is from 1 January 1993 to tomorrow in Phnom Penh.** The parties this desk
  follows competed first in the UNTAC-run election of May 1993; an earlier date is a typo
  (1923 for 2023). Tomorrow, not today, because a report published in Phnom Penh is dated in
  Phnom Penh's day, which may already have begun where the server's clock is behind. Dates in
  the fact files (people's lives, parties' histories) reach further back, to 1900.
- **A name holds no control characters** (C0 and C1, DEL), no bidirectional controls (which
  can make a name display as another) and no stray byte-order mark: each is refused, naming
  the character, because it is invisible and cannot be meant. Whitespace of any kind becomes
  one space. Compatibility forms (fullwidth letters and digits, as East Asian input methods
  type them) are normalised (NFKC) rather than refused: they mean the same characters, the
  name matcher already reads them so, and a row stored in its ASCII form stays the same row
  however it was typed. Zero-width joiners and spaces stay: Khmer script uses them.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

MIN_DEFECTORS = 1
MAX_DEFECTORS = 100_000
MAX_STATED_TOTAL = 10_000_000
FIRST_DAY = date(1993, 1, 1)
FIRST_FACT_DAY = date(1900, 1, 1)
CAMBODIA = ZoneInfo("Asia/Phnom_Penh")
MAX_NAME = 200  # a party's name; the longest real one is under 60 characters
MAX_PERSON_NAME = 90  # its search key ("table-" + the name, lower-cased) fits 200 characters
MAX_LINE = 2000  # a table row; the longest in the 2023 record is 115
ECHO = 60  # how much of an offending text a message quotes

# Bidi_Control characters (Unicode PropList.txt).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_defectors(number: int, text: str | None = None) -> int:
    """``number`` if it is a count a claim can report; ValueError saying the bound otherwise."""
    if number < MIN_DEFECTORS:
        raise ValueError(
            f"the number of defectors must be at least {MIN_DEFECTORS} (found {text or number})"
        )
    if number > MAX_DEFECTORS:
        raise ValueError(
            f"the number of defectors is at most {MAX_DEFECTORS:,} in one report "
            f"(found {shorten(text or str(number), 30)})"
        )
    return number


def too_many_digits(digits: str, bound: int) -> bool:
    """Whether ``digits`` (ASCII digits) is above ``bound`` without converting it: a
    5,000-digit number is an error to report, not a number to build."""
    stripped = digits.lstrip("0")
    return len(stripped) > len(str(bound)) or (
        len(stripped) == len(str(bound)) and stripped > str(bound)
    )


def last_day(today: date | None = None) -> date:
    """The latest date a claim may carry: tomorrow in Phnom Penh (or after ``today``)."""
    return (today or datetime.now(CAMBODIA).date()) + timedelta(days=1)


def check_day(day: date, *, latest: date | None = None, first: date = FIRST_DAY) -> date:
    """``day`` if it lies between ``first`` and ``latest`` (default: :func:`last_day`), else
    ValueError naming the edge it crosses."""
    if day < first:
        start = f"{first.day} {first:%B %Y}"
        why = ", the start of the period this desk records" if first == FIRST_DAY else ""
        raise ValueError(f"{day:%d/%m/%Y} is before {start}{why}")
    latest = latest or last_day()
    if day > latest:
        raise ValueError(
            f"{day:%d/%m/%Y} is after {latest.day} {latest:%B %Y} (tomorrow in Phnom Penh): "
            "a claim cannot be dated in the future"
        )
    return day


def refused_character(text: str, *, allow: str = "") -> str | None:
    """The first character a name may not hold, described; None when there is none."""
    for at, ch in enumerate(text, start=1):
        if ch in allow:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or ch in _BIDI or ch == "\ufeff":
            kind = "a control character" if category == "Cc" else unicodedata.name(ch, "")
            return f"U+{ord(ch):04X} ({kind or 'a control character'}) at character {at}"
    return None


def check_text(text: str, *, allow: str = "") -> str:
    """``text`` unchanged, or ValueError naming a character it may not hold (but ``allow``)."""
    bad = refused_character(text, allow=allow)
    if bad is not None:
        raise ValueError(f"{bad}: remove it")
    return text


def clean_name(text: str, *, limit: int = MAX_NAME, what: str = "a name") -> str:
    """A name as stored: NFKC, whitespace as single spaces, no control characters, not over
    ``limit`` characters; ValueError otherwise."""
    bad = refused_character(text, allow=" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
    if bad is not None:
        raise ValueError(f"{bad}: remove it")
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    # Controls that are whitespace (tab, form feed) became spaces above; none other is left.
    if len(text) > limit:
        raise ValueError(f"{what} is at most {limit} characters (found {shorten(text)})")
    return text


def shorten(text: str, limit: int = ECHO) -> str:
    """``text`` quoted for a message, cut with an ellipsis beyond ``limit`` characters.

    >>> shorten("Candlelight Party")
    "'Candlelight Party'"
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
