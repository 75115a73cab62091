"""Counts of people in a sentence: "more than 700 members", "Twenty-seven councillors",
"two dozen activists", "ជាង ៣០០ នាក់", "១.២៥០ រូប".

>>> [(c.value, c.text, c.qualifier) for c in person_counts("More than seven hundred members")]
[(700, 'seven hundred', 'more than')]
>>> [(c.value, c.qualifier) for c in person_counts("សមាជិកជាង ៦.៤៧៦ នាក់ បានចូលរួម")]
[(6476, 'ជាង')]
>>> [c.value for c in person_counts("two dozen activists and 1,200 supporters")]
[24, 1200]
>>> person_counts("Mr. Dara, 54, won 3,000 votes and 15 seats in 2022")
[]
>>> khmer_digits_to_ascii("ឆ្នាំ២០២៣")
'ឆ្នាំ2023'

English number words are read by text2num (``text_to_num.text2num``), a maintained library;
what it does not read is handled here and kept small: "dozen" (text2num rejects "two dozen"
and "a dozen": the count before it is read by text2num and multiplied by 12), "a hundred"
(rejected: read as "one hundred"), and the plurals "hundreds"/"thousands"/"dozens", which
text2num reads as 100/1000 but which give no count (they are kept as vague, value None).
Digits with either thousands separator ("6,476", "6.476") and Khmer digits are plain
regular expressions. Whether a number counts people is decided by the words around it: a
person noun or a Khmer counter (នាក់, រូប) after it; ages, years, seats, votes, money and a
party's membership ("has 3,000 members") are not counts of people who moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

# The words that may spell a number (what they are worth is text2num's business).
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million",
)  # fmt: skip
_WORD = r"(?:" + "|".join(_UNITS) + r")"
_WORDS = rf"(?:an?\s+)?{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD})*(?:\s+dozen)?|an?\s+dozen"
_DIGITS = r"\d{1,3}(?:[.,]\d{3})+|\d+"
_VAGUE = r"dozens|scores|hundreds|thousands|tens of thousands"
NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?P<digits>{_DIGITS})|(?P<vague>{_VAGUE})|(?P<words>{_WORDS}))(?![\w])",
    re.I,
)

_QUALIFIERS = (
    "more than|over|at least|about|around|nearly|almost|some|approximately|up to|roughly|"
    "close to|upwards of|as many as|an estimated|a total of|totalling|totaling"
)
# Khmer writes no space between words: a qualifier may follow its noun directly ("សមាជិកជាង").
_KHMER_QUALIFIERS = "ជាង|ប្រមាណ|ប្រហែល|ជិត|យ៉ាងតិច|យ៉ាងហោចណាស់|សរុប"
_QUALIFIER_BEFORE = re.compile(
    rf"(?:(?:^|[\s(])(?P<q>{_QUALIFIERS})|(?P<km>{_KHMER_QUALIFIERS}))\s*(?:ចំនួន\s*)?$", re.I
)

# Nouns for people, and words that may stand between a number and its noun
# ("450 Candlelight Party activists", "nine senior former officials").
_PERSON = (
    r"members?|supporters?|activists?|officials?|councill?ors?|people|persons?|candidates?|"
    r"leaders?|chiefs?|cadres?|defectors?|representatives?|deputies|followers?|youths?|"
    r"villagers?|individuals?|figures?|politicians?|lawmakers?|heads?|secretaries|"
    r"presidents?|vice-presidents?|opposition\s+members?|monks?|teachers?|women|men|others|"
    r"ex-members?|cadre|commune\s+chiefs?|village\s+chiefs?|former\s+\w+"
)
_PERSON_AFTER = re.compile(
    rf"^\s*(?:[\w'’.-]+\s+){{0,5}}?(?:{_PERSON})\b|^\s*(?:of\s+(?:them|whom|those))\b", re.I
)
_KHMER_COUNTER = re.compile(r"^\s*(?:នាក់|រូប)")
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:-?\s*years?|-year|percent|per\s*cent|%|seats?|votes?|riels?|dollars?|usd|km|"
    r"kilometres?|hectares?|constituencies|communes|provinces|districts|days?|weeks?|"
    r"months?|hours?|times?|villages|parties|ឆ្នាំ|អាសនៈ|សំឡេង|ភាគរយ|រៀល|ដុល្លារ|ខែ|ថ្ងៃ)(?![a-z])",
    re.I,
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:\baged?|\bage\s+of|\bhas|\bhave|\bhad|\bwith|\bboasts?|\bclaims?|membership\s+of|"
    r"\$|US\$|អាយុ|មាន)\s*(?:about|around|some|more\s+than|over|nearly|almost)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Count:
    """A number of people as the text gives it: value (None for "hundreds of"), the words
    used, the qualifier before them, and where the number stands in the sentence."""

    value: int | None
    text: str
    qualifier: str | None
    start: int
    end: int


def khmer_digits_to_ascii(text: str) -> str:
    """Khmer digits as ASCII digits; every other character unchanged (so are all offsets)."""
    return text.translate(_KHMER_DIGITS)


def _words_value(words: str) -> int | None:
    spoken = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    dozen = spoken.endswith("dozen")
    if dozen:
        spoken = spoken.removesuffix("dozen").strip() or "a"
    if spoken.startswith(("a ", "an ")) or spoken in ("a", "an"):
        spoken = "one" + spoken[spoken.index(" ") :] if " " in spoken else "one"
    try:
        value = int(text2num(spoken, "en"))
    except ValueError:
        return None
    return value * 12 if dozen else value


def _value(m: re.Match[str]) -> int | None:
    if m.group("digits"):
        return int(re.sub(r"[.,]", "", m.group("digits")))
    if m.group("vague"):
        return None
    return _words_value(m.group("words"))


def person_counts(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[Count]:
    """The counts of people in a sentence, in order. ``skip`` holds spans that are not
    counts (the dates found in the sentence)."""
    text = khmer_digits_to_ascii(sentence)
    out: list[Count] = []
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in skip or ()):
            continue
        after, before = text[m.end() :], text[: m.start()]
        words = m.group("words") or ""
        if words.lower() in ("a", "an", "one") and not _KHMER_COUNTER.match(after):
            # "one" alone is mostly "one of the..."; a single person is read from names.
            continue
        if _NOT_PEOPLE_AFTER.match(after) or _NOT_PEOPLE_BEFORE.search(before):
            continue
        vague = bool(m.group("vague"))
        if vague and not re.match(r"^\s*of\b", after):
            continue
        if not (
            _PERSON_AFTER.match(re.sub(r"^\s*of\s+", " ", after) if vague else after)
            or _KHMER_COUNTER.match(after)
        ):
            continue
        q = _QUALIFIER_BEFORE.search(before)
        out.append(
            Count(
                value=_value(m),
                text=sentence[m.start() : m.end()],
                qualifier=(q.group("q") or "").lower() or q.group("km") if q else None,
                start=m.start(),
                end=m.end(),
            )
        )
    return out
