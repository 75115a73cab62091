"""Periods typed in Khmer, rewritten into the English forms :mod:`bot.core.periods` reads.

>>> english_period("ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣")
'29 June 2023'
>>> english_period("ចាប់ពីខែឧសភា"), english_period("ពីថ្ងៃទី១ ដល់ថ្ងៃទី១៥ ខែមិថុនា")
('since May', 'from 1 to 15 June')
>>> space_out("ភ្លើងទៀនខែមិថុនា")
'ភ្លើងទៀន ខែមិថុនា'

The Khmer press writes a date "ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣" (day 29, month June, year 2023):
the markers ថ្ងៃទី (day), ខែ (month) and ឆ្នាំ (year) go before the number or name they mark,
often with no space. Each marker, month name and linking word is rewritten as its English
equivalent and the result is read by the one English grammar, so every English period form has
its Khmer one and both give the same Period: a day, a month (ខែមិថុនា, មិថុនា ២០២៣, ខែ៦), a
year (ឆ្នាំ២០២៣), a quarter (ត្រីមាសទី២) or half (ឆមាសទី១), a week (សប្តាហ៍ទី២៦, សប្តាហ៍មុន),
ranges (ពី … ដល់ …, ចន្លោះ … និង …, … ដល់ …), since (ចាប់ពី, តាំងពី, បន្ទាប់ពី = after), until
(រហូតដល់, ដល់, មុន = before), the start or end of a month (ដើមខែ, ចុងខែ), the last month or
N days of the data (ខែចុងក្រោយ, ៧ថ្ងៃចុងក្រោយ), and "in" (ក្នុង, នៅ), which is dropped. A
month name may go without ខែ, except កញ្ញា (September), which is also "Miss" before a woman's
name: bare, it is a month only next to a number (កញ្ញា ២០២៣).

The month names come from the Khmer locale data of CLDR through Babel (``Locale("km")``), not
typed here; Babel is imported on the first Khmer period only, so English input never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.core.khmer import fold_khmer

__all__ = ["english_period", "khmer_months", "space_out"]

# The Khmer words below are written with COENG TA (្ត), the form fold_khmer gives both
# subscripts; ៈ (U+17C8) and ះ (U+17C7) end កុម្ភៈ either way as typed.
_TIMES = r"(?:ចុងក្រោយ(?:នេះ)?|កន្លង(?:ទៅ|មក)|មុន)"  # last, past, previous
_UNITS = {"ថ្ងៃ": "days", "សប្តាហ៍": "weeks", "ខែ": "months"}


@cache
def khmer_months() -> dict[str, int]:
    """Khmer month names (CLDR's, through Babel) and the month each is.

    >>> khmer_months()["មិថុនា"], khmer_months()["ធ្នូ"], len(khmer_months())
    (6, 12, 12)
    """
    from babel import Locale

    names = Locale("km").months["format"]["wide"]
    return {fold_khmer(str(name)).rstrip("ៈះ"): int(month) for month, name in names.items()}


@cache
def _english_months() -> dict[int, str]:
    from babel import Locale

    return {int(m): str(name) for m, name in Locale("en").months["format"]["wide"].items()}


@cache
def _quarter_word() -> str:
    """ "ត្រីមាសទី" (the quarter numbered), from the same locale data: "ត្រីមាសទី 1" less its 1."""
    from babel import Locale

    first = str(Locale("km").quarters["format"]["wide"][1])
    return fold_khmer(first).rstrip("0123456789 ")


_MISS = "កញ្ញា"


def _month_pattern(leaving: str = "") -> str:
    names = sorted((m for m in khmer_months() if m != leaving), key=len, reverse=True)
    return "(" + "|".join(map(re.escape, names)) + ")[ៈះ]?"


Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


@cache
def _rules() -> tuple[Rule, ...]:
    """(pattern, replacement) in the order they apply: longer phrases before their parts."""
    months, english = khmer_months(), _english_months()
    month = _month_pattern()

    def name(m: re.Match[str]) -> str:
        return f" {english[months[m[1]]]} "

    def number(m: re.Match[str]) -> str:
        n = int(m[1])
        return f" {english[n]} " if 1 <= n <= 12 else f" {m[0]} "

    def last(m: re.Match[str]) -> str:
        return f" last {m[1]} {_UNITS[m[2]]} "

    def say(text: str) -> Callable[[re.Match[str]], str]:
        return lambda m: f" {text.replace('@', m[1]) if '@' in text else text} "

    raw: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (r"\.?\s*គ\s*\.\s*ស\s*\.?", say("")),  # គ.ស. (AD) after a year
        (r"[។៕]", say("")),
        (rf"(\d{{1,3}})\s*(ថ្ងៃ|សប្តាហ៍|ខែ)\s*{_TIMES}", last),
        (rf"ខែ\s*{_TIMES}", say("last month")),
        (rf"សប្តាហ៍\s*{_TIMES}", say("last week")),
        (rf"ត្រីមាស\s*{_TIMES}", say("last quarter")),
        (rf"ឆ្នាំ\s*{_TIMES}", say("last year")),
        (r"សប្តាហ៍\s*នេះ", say("this week")),
        (r"ឆ្នាំ\s*នេះ", say("this year")),
        (r"សប្តាហ៍\s*ទី\s*(\d{1,2})", say("week @")),
        (r"សប្តាហ៍\s*(?:នៃ|របស់)", say("week of")),
        (re.escape(_quarter_word()) + r"\s*([1-4])", say("Q@")),
        (r"ឆមាស\s*ទី\s*([1-2])", say("H@")),
        (r"ដើម\s*(?=ខែ|ឆ្នាំ)", say("the start of")),
        (r"ចុង\s*(?=ខែ|ឆ្នាំ)", say("the end of")),
        (r"ថ្ងៃ\s*ទី\s*(\d{1,2})", say("@")),
        (r"ថ្ងៃ\s*(\d{1,2})(?!\d)", say("@")),
        (rf"ខែ\s*{month}", name),
        (r"ខែ\s*(\d{1,2})(?!\d)", number),
        # កញ្ញា (September) is also "Miss" before a name: bare, only next to a number.
        (rf"(?<=\d)\s*({_MISS})|({_MISS})(?=\s*\d)", lambda m: f" {english[9]} "),
        (_month_pattern(_MISS), name),
        (r"ឆ្នាំ\s*(\d{4})", say("@")),
        (r"ចាប់\s*(?:តាំង\s*)?ពី|តាំង\s*ពី", say("since")),
        (r"បន្ទាប់\s*ពី|ក្រោយ\s*ពី|ក្រោយ", say("after")),
        (r"រហូត\s*(?:មក\s*)?(?:ដល់)?", say("until")),
        (r"មុន", say("before")),
        (r"ចន្លោះ|រវាង", say("between")),
        (r"និង", say("and")),
        (r"ពី", say("from")),
        (r"ដល់", say("to")),
        (r"ក្នុង\s*(?:អំឡុង)?|អំឡុង|នៅ|សម្រាប់", say("in")),
    ]
    return tuple((re.compile(p), f) for p, f in raw)


def english_period(text: str) -> str:
    """The English form of a period typed in Khmer (text without Khmer comes back folded).

    >>> english_period("មិថុនា ២០២៣"), english_period("ត្រីមាសទី២ ឆ្នាំ២០២៣")
    ('June 2023', 'Q2 2023')
    >>> english_period("៧ ថ្ងៃចុងក្រោយ"), english_period("រហូតដល់ចុងខែឧសភា")
    ('last 7 days', 'until the end of May')

    Khmer that is no period word is left as it is, so the English grammar refuses the text.
    """
    s = fold_khmer(text)
    for pattern, replace in _rules():
        s = pattern.sub(replace, s)
    words = s.split()
    # "in" carries nothing ("ក្នុងខែមិថុនា" is June); "ដល់ខែមិថុនា" alone is "until June".
    words = [w for i, w in enumerate(words) if w != "in" or i == len(words) - 1]
    if words[:1] == ["to"]:
        words[0] = "until"
    return " ".join(words)


_LINKS = r"(?:ចាប់\s*(?:តាំង\s*)?ពី|តាំង\s*ពី|បន្ទាប់\s*ពី|រហូត\s*(?:មក\s*)?ដល់|ក្នុង(?:អំឡុង)?|នៅ|ពី|ដល់)?"


@cache
def _marker() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        rf"(?<=[\u1780-\u17dd])(?:{_LINKS}\s*(?:ថ្ងៃ\s*ទី|ខែ\s*(?:{month}|\d|{_TIMES})|"
        rf"ឆ្នាំ\s*(?:\d|នេះ)|{re.escape(_quarter_word())}|ឆមាស\s*ទី|សប្តាហ៍\s*(?:ទី|នេះ|{_TIMES}))|"
        rf"\d{{1,3}}\s*(?:ថ្ងៃ|សប្តាហ៍|ខែ)\s*{_TIMES})"
    )  # the link is matched (not looked ahead at) so that no space goes inside it


def space_out(text: str) -> str:
    """``text`` (folded) with a space before each Khmer period glued to the word before it, so
    that a party's name and the period after it are separate words.

    >>> space_out("ភ្លើងទៀនចាប់ពីថ្ងៃទី១ខែឧសភា")
    'ភ្លើងទៀន ចាប់ពីថ្ងៃទី1ខែឧសភា'

    Only the markers ថ្ងៃទី, ខែ with a month, ឆ្នាំ with a year and the like start a period here:
    a bare month name inside other text may be a word of a name (កញ្ញា is also "Miss").
    """
    return " ".join(_marker().sub(lambda m: f" {m[0]}", fold_khmer(text)).split())
