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
>>> [(d.value.day, d.reported) for d in find_dates("PHNOM PENH, July 5 (AP) - 30 joined on "
...  "Tuesday, the first since the July 1 rally", date(2023, 7, 5))]
[(5, True), (4, False), (1, True)]
>>> [d.dateline for d in find_dates("KAMPOT, 7 July: 30 joined", pub)]
[True]
>>> [d.reported for d in find_dates("X told the Evening Post on Monday that 9 joined", pub)]
[True]
>>> [d.value for d in find_dates("on 6/7/2023 and 14.11.2023, 20-06-2023", pub)]
[datetime.date(2023, 7, 6), datetime.date(2023, 11, 14), datetime.date(2023, 6, 20)]
>>> [d.value for d in find_dates("28/05 Takeo: 75 joined; 3/5 of them", pub)]
[datetime.date(2023, 5, 28)]
>>> [(d.value.day, d.bound) for d in find_dates("quit after the July 1 election", pub)]
[(1, True)]
>>> [d.value for d in find_dates("KEP — Monday: 9 joined", pub)]
[datetime.date(2023, 7, 3)]
>>> [d.value for d in find_dates("កាលពីថ្ងៃទី២៨ ខែមុន និងរសៀលម្សិលមិញ", pub)]
[datetime.date(2023, 6, 28), datetime.date(2023, 7, 4)]

A numeric date is day first, as Cambodian outlets write it ("6/7/2023" is 6 July), unless its
second number cannot be a month ("7/16/2023"); it needs its four-digit year so that counts and
ranges ("200-300") are never read as dates. A date without a year takes the published date's
year (the year before when that would put it more than a month after publication). A weekday
alone is the last such day on or before the published date. Hand-written rather than with
dateparser or dateutil: those parse a string that is a date, not find the dates inside a
sentence of other words, and know neither the Khmer month names nor the "ថ្ងៃទី… ខែ… ឆ្នាំ…"
form; the patterns below are all intake needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.ingest.intake.numbers import khmer_digits_to_ascii

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
KHMER_MONTHS = {
    "មករា": 1, "កុម្ភៈ": 2, "មីនា": 3, "មេសា": 4, "ឧសភា": 5, "មិថុនា": 6, "កក្កដា": 7,
    "សីហា": 8, "កញ្ញា": 9, "តុលា": 10, "វិច្ឆិកា": 11, "ធ្នូ": 12,
}  # fmt: skip
# The months' names as a pattern, for the readers that look for a month beside other words.
MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KHMER_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
# Other spellings the press types: Monday without its sign ("ចន្ទ"), Thursday with "ត្តិ".
_KHMER_WEEKDAY_SPELLINGS = {
    **{name: i for i, name in enumerate(_KHMER_WEEKDAYS)}, "ចន្ទ": 0, "ព្រហស្បត្តិ៍": 3,
}  # fmt: skip
_KHMER_WEEKDAY_NAME = "|".join(sorted(_KHMER_WEEKDAY_SPELLINGS, key=len, reverse=True))

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY_MONTH = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.I)
_MONTH_DAY = re.compile(
    rf"\b{_WEEKDAY}{_MONTH.replace('month', 'month')}\s+{_DAY}(?!\d|:\d){_YEAR}", re.I
)
# After a day and month with no year: the year before the published one.
_LAST_YEAR_AFTER = re.compile(r",?\s*(?:of\s+)?last\s+year\b|\s*ឆ្នាំ(?:មុន|ទៅ|កន្លងទៅ)", re.I)
_WEEKDAY_ALONE = re.compile(
    # ... "on the afternoon of Friday", "on Friday morning"
    # ... "this Sunday", told after it: the last Sunday
    # ... "in the morning of day Saturday past", Khmer "ថ្ងៃសៅរ៍" put word for word into English
    # ... "The letters, dated Monday, were sent": the day they bear
    r"\b(?:(?:on|last|this\s+past|this|since|dated|(?:on|of)\s+day)\s+"
    r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    # ... a gallery's "Saturday's ceremony"
    r"|(?=\w+['’]s\s+(?:ceremony|event|meeting|rally|gathering|reception)\b))"
    r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b(?!,?\s+the\s+[1-3]?\d(?:st|nd|rd|th)\b)",
    re.I,
)
# "កាលពីថ្ងៃអាទិត្យ" (last Sunday): a Khmer weekday with no day of the month after it.
_KHMER_WEEKDAY_ALONE = re.compile(
    # (before a lunar day, "ថ្ងៃសៅរ៍ ៦រោច ខែមាឃ", the weekday is still the only day given)
    r"ថ្ងៃ(?P<weekday>" + _KHMER_WEEKDAY_NAME + r")(?!\s*ទី)(?!\s*\d+\s*(?!កើត|រោច))"
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
    r"(?![\d/])"
)
# A data log's "2024-10-26": year, month, day.
_ISO = re.compile(
    r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d/-])"
)
# A bulletin's "28/05 Takeo:": day and month, no year, only with a slash, where a line or
# bracket starts and before a place's capital, so that "3/5 of" or "12/125 seats" are no dates.
_NUMERIC_SHORT = re.compile(
    # ... "02/05 (Thu) -- Kampot": a weekday in brackets, a double dash
    # ... "• 18/03 · Kandal ·": a bullet before, a middle dot after
    # ... "Tue 14/3 — Kandal:": its weekday before it
    # ... "🔹 Mon 3/6 —": any mark (a bullet, an emoji) before
    # ... "១) ច័ន្ទ ១៩/០៦ |": a list's number and a Khmer weekday before it
    r"(?:^|(?<=[\n(]))\s*(?:[^\w\s(]{1,4}\s*)?(?:\d{1,2}[.)]\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+|(?:ថ្ងៃ)?(?:"
    + _KHMER_WEEKDAY_NAME
    + r")\s*)?"
    r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?![\d/])"
    r"(?=\s*(?:\([A-Za-z]{2,9}\)\s*)?(?:[:,)–—|·]|-{1,2})?\s+[A-Z\u1780-\u17ff])",
    re.M,
)
# Khmer words run on from the word before ("កាលពីរសៀលម្សិលមិញ", yesterday afternoon): no "\b"
# before them. "ម្សិលម៉ិញ" is the same word typed with its sign; "ព្រឹកមិញ" (this morning) and
# "ល្ងាចមិញ" (this evening) are today, as are "ព្រឹកនេះ" (this morning) and "រសៀលនេះ" (this
# afternoon).
RELATIVE = re.compile(
    # "the day before yesterday", Khmer "ម្សិលម្ងៃ" (typed with its sign either side)
    r"(?P<word>\b(?:the\s+)?day\s+before\s+yesterday|\byesterday|\btoday|"
    r"\bthis\s+(?:morning|afternoon|evening)|\btonight|"
    r"ម្សិលម្ង៉ៃ|ម្សិលម៉្ងៃ|ម្សិលម្ងៃ|ម្សិលមិញ|ម្សិលម៉ិញ|ថ្ងៃនេះ|(?:ព្រឹក|រសៀល|ល្ងាច|យប់)(?:មិញ|នេះ))",
    re.I,
)
# The words for the day a text was written: what a post's "today" means when its day is told
# elsewhere, and what a quoted caption's "today" leaves unknown.
TODAY = re.compile(
    r"\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b|(?:ថ្ងៃ|ព្រឹក|រសៀល)នេះ", re.I
)
_KHMER = re.compile(
    r"(?:ថ្ងៃ(?P<weekday>" + _KHMER_WEEKDAY_NAME + r")\s*)?(?:ថ្ងៃ)?ទី\s*(?P<day>\d{1,2})"
    r"\s*ខែ\s*(?P<month>" + "|".join(KHMER_MONTHS) + r"|1[0-2]|0?[1-9])(?!\d)"
    r"(?:\s*ឆ្នាំ\s*(?P<year>\d{4}))?"
)
_KHMER_LAST_WEEK = re.compile(r"\s*(?:នៃ)?សប្តាហ៍(?:មុន|កន្លងទៅ|ទៅ)")
# "ថ្ងៃអង្គារ ២៨ ឧសភា" (Tuesday 28 May): a day and a month's name with no "ខែ" between.
_KHMER_DAY_MONTH = re.compile(
    r"(?<![\d/.])(?P<day>[0-3]?\d)\s*(?P<month>" + "|".join(KHMER_MONTHS) + r")"
    r"(?:\s*(?:ឆ្នាំ\s*)?(?P<year>(?:19|20)\d\d))?"
)
# "ថ្ងៃទី១៥ ខែនេះ" (the 15th of this month), "ថ្ងៃទី២៨ ខែមុន" (the 28th of last month): the
# month counted from the published date.
# ... and English "the 11th of this month", "the 28th of last month"
_KHMER_THIS_MONTH = re.compile(
    r"(?:ថ្ងៃ)?ទី\s*(?P<day>\d{1,2})\s*ខែ\s*(?P<which>នេះ|មុន)"
    r"|\bthe\s+(?P<nth>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<en>this|last)\s+month\b",
    re.I,
)
# A date right after one of these is when the claim was made, not when the event happened.
_REPORTING = re.compile(
    # ... "in its annual report released on Saturday"
    r"\b(?:said|says|claimed|claims|reported|reports|announced|told|posted|wrote|published|"
    r"released|issued|circulated|shared|"
    # ... "gave sharply different accounts on Monday of a ceremony"
    r"stated|added|denied|rejected|dismissed|disputed|confirmed|learned|learnt|heard|understands|"
    r"(?<=\s)accounts)\s+"
    # not "reported that on Saturday 320 had joined": the date of what was reported
    r"(?:(?!(?:that|join|defect|switch|quit|leav|mov|cross)\w*\s)\w+\s+)?"
    r"(?:(?:the|a|an|(?-i:[A-Z][\w'.-]*))\s+){0,4}"
    r"(?:on\s+)?$"
    # ... Khmer "បានច្រានចោលនៅថ្ងៃច័ន្ទនេះ នូវការអះអាង ..." (rejected on Monday the claim ...)
    r"|(?:ច្រានចោល|បដិសេធ)\s*(?:នៅ)?\s*$",
    re.I,
)
# (not "joined the CPP yesterday, says the provincial party office": who says it, after)
_SAYS_WHO = re.compile(r"\s*,\s*(?:said|says)\s+(?:the|a|an|its|his|her|their|(?-i:[A-Z]))", re.I)
# "The Candlelight Party on Monday rejected a report that ...": the same, the date told first.
_REPORTING_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|claimed|announced|denied|rejected|dismissed|disputed|confirmed)\b"
    r"(?!\s+(?:that\s+)?(?:he|she|they|it|we)\s+(?:had\s+)?(?:join|defect|switch|quit|left|leav|"
    r"mov|cross))",
    re.I,
)
# "according to a statement posted on its page on Wednesday": the date of the posting.
_POSTED_BEFORE = re.compile(
    r"\b(?:posted|published|broadcast|aired|issued|circulated|shared)\s+(?:on|in|by)\s+"
    r"(?:[\w'.-]+\s+){1,5}?(?:on\s+)?$"
    # (not "according to a letter dated Monday, July 1": the letter's day, its act's)
    r"|\baccording\s+to\s+(?!(?:[\w'.-]+\s+){1,3}?dated\s+$)(?:[\w'.-]+\s+){1,8}?(?:on\s+)?$"
    # "Speaking to party members in Dangkao on Sunday, X said ...": the day of the speech
    r"|(?:^|[:;—–]\s*)(?:Speaking|Addressing|Talking|Writing)\b[^,;.]{0,80}?\bon\s+$"
    # a bulletin's "Our top story this morning:", Khmer "ព័ត៌មានដំបូងនៅព្រឹកនេះ៖" (the first news
    # this morning:): the broadcast's time
    r"|\b(?:top|first|main|lead)\s+(?:story|stories|news|item)\s+$|ព័ត៌មាន(?:ដំបូង|សំខាន់|ចម្បង|ថ្មី)\s*(?:នៅ)?\s*$"
    # ... "កម្មវិធីព័ត៌មាន ... ផ្សាយផ្ទាល់ ... នៅម៉ោង ៦ ព្រឹកថ្ងៃព្រហស្បតិ៍ ..." (the news programme,
    # broadcast live at 6 on Thursday morning): the broadcast's day
    r"|កម្មវិធីព័ត៌មាន[^។]{0,100}?$",
    re.I,
)
# "since the July 23 election", "ahead of 5 July": a date that bounds the event, not its own.
_BOUND_BEFORE = re.compile(
    r"\b(?:since|before|after|until|till|ahead\s+of|following|prior\s+to)\s+(?:the\s+)?$"
    # "with today's arrivals, more than 1,400 have come over since October": a total's end
    r"|\b(?:with|including|counting)\s+$"
    # ... "(several pages, 4-5 June 2023)": a span of days, no one day
    r"|(?<![\d/.-])\d{1,2}\s*[-–]\s*$"
    # "បន្ទាប់ពីការបោះឆ្នោតថ្ងៃទី២៣ ខែកក្កដា" (after the election of 23 July)
    # ... "ចាប់ពីដើមខែមករា មកដល់ម្សិលមិញ" (from early January up to yesterday): a period's end
    # ... "គិតត្រឹមថ្ងៃនេះ" (counting up to today): a tally's end
    r"|(?:បន្ទាប់ពី|ក្រោយពី|ក្រោយ|មុន|ចាប់តាំងពី|ចាប់ពី|រហូតដល់|មកដល់|មកទល់|គិតត្រឹម|គិតមកដល់)\s*"
    r"(?:ការ[^\s\d]{0,20})?\s*$"
    # ... "គិតចាប់ពីថ្ងៃទី១ ខែមករា ដល់ថ្ងៃទី១២ ខែកុម្ភៈ" (counting from 1 January to 12 February)
    r"|ចាប់ពី[^។]{0,40}?\sដល់\s*$"
    # "ការបោះឆ្នោតជាតិ នៅថ្ងៃទី២៣ ខែកក្កដា" (the national election on 23 July): the election's day
    # ... "ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រ កាលពីថ្ងៃទី២៣ ខែកក្កដា" (the election last 23 July)
    # ... "ការបោះឆ្នោតឃុំ សង្កាត់ អាណត្តិទី៥ នាថ្ងៃទី៥ ខែមិថុនា" (the 5th-mandate commune
    # election on 5 June)
    r"|បោះឆ្នោត(?:ជាតិ|ឃុំ|សង្កាត់|ជ្រើសតាំងតំណាងរាស្ត្រ)?"
    r"(?:\s*(?:ឃុំ|សង្កាត់|ជាតិ|ជ្រើសរើស|ជ្រើសតាំង|ក្រុមប្រឹក្សា|តំណាងរាស្ត្រ|អាណត្តិ(?:ទី[០-៩0-9]{1,2})?|,))*"
    r"\s*(?:នៅ\s*|កាលពី\s*|នា\s*)?$",
    re.I,
)
# A dateline: "PHNOM PENH, July 5 (Agency) --", "Kampong Cham, 7 July:" at a text's start
# dates the writing; the event's own date, if any, is elsewhere.
# ... and Khmer "ត្បូងឃ្មុំ ថ្ងៃទី១២ ខែធ្នូ ឆ្នាំ២០២៣៖" (a place, its date and a colon)
_DATELINE_BEFORE = re.compile(
    r"^\W*[A-Z][A-Za-z .'-]{1,40}(?:\s*\([^()]{1,30}\))?(?:,\s*[A-Z][A-Za-z .'-]{1,30})?,\s*$"
    # ... "Kampong Chhnang (April 8, 2023):", the date in brackets
    r"|^\W*[A-Z][A-Za-z .'-]{1,40}\(\s*$"
    # (not "📍 ថ្ងៃទី២៧ សីហា —", a list's line opening with its day: "ថ្ងៃទី" is no place)
    # ... nor "កាលពីថ្ងៃអាទិត្យ ទី៨ ..." (back on Sunday the 8th): "កាលពី", "នៅ" are no places
    r"|^\W*(?!ថ្ងៃ|កាលពី|នៅ|នា)[\u1780-\u17d3]{2,30}(?:\s+[\u1780-\u17d3]{2,30})?,?\s*$"
)
# "ពោធិ៍សាត់ (២៩ មករា ២០២៣)៖ ព្រឹកនេះ ...", a Khmer place and its day in brackets opening the
# text: the day "this morning" counts from, and the event's own when the text gives no other
# (not a list's "🔹 ឃុំ... (ថ្ងៃអង្គារ ទី៣០)៖", a line's own day)
_KHMER_BRACKETED_DATELINE = re.compile(r"^(?!ថ្ងៃ|កាលពី|នៅ|នា|ឃុំ|ភូមិ)[\u1780-\u17d3]{2,30}\s*\(\s*$")
# "the July 23 election", "the 23 July polls": the date names an occasion, not the event.
_OCCASION_AFTER = re.compile(
    r"^\s*(?:(?:general|national|commune|parliamentary)\s+)?(?:elections?|vote|polls?|ballot)\b"
    # "ថ្ងៃទី២៣ ខែកក្កដា ខាងមុខនេះ" (this coming 23 July), "ដែលនឹងមកដល់" (upcoming): a day ahead
    r"|^\s*(?:ខាងមុខ|ដែលនឹងមកដល់|នាពេលខាងមុខ)",
    re.I,
)
# "the general election on July 23", "the election of the 7th legislature on 23 July".
# ... "the election set for July 23"
_OCCASION_BEFORE = re.compile(
    # (not "chiefs elected in June's local elections joined the CPP on Tuesday": the move's)
    r"\b(?:elections?|vote|polls?)\b(?:(?!join|defect|switch|quit|resign|left|cross|return)[^.,;]){0,60}?"
    r"\b(?:on|of|for)\s+$"
    # ... a holiday named by its date: "the anniversary of 7 January", "ខួបលើកទី ៤៧ នៃទិវា
    # ជ័យជម្នះ ៧ មករា" (the 47th anniversary of the 7 January victory day)
    r"|\banniversary\s+of\s+(?:the\s+)?$|ទិវា\S*\s*$"
    # ... "three CLP councillors elected on 5 June": the day they were elected
    r"|\b(?:elected|re-elected|sworn\s+in)\s+(?:on\s+)?$",
    re.I,
)
# "on the 11th": a day of the month with no month.
_ORDINAL_ALONE = re.compile(
    # ... "on the morning of the 3rd"
    # ... "On Sunday the 30th": the weekday beside it
    r"\b(?:on|since)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?the\s+"
    r"(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+of\b)",
    re.I,
)
# "ថ្ងៃច័ន្ទ ទី១៣", "កាលពីថ្ងៃទី៣" (Monday the 13th, on the 3rd): a Khmer day of the month, no month.
_KHMER_DAY_ALONE = re.compile(
    r"ថ្ងៃ\s*(?:(?:" + _KHMER_WEEKDAY_NAME + r")\s*)?ទី\s*(?P<day>\d{1,2})(?!\s*(?:ខែ|\d|/|\.|-))"
)
# A bulletin entry headed by a weekday alone: "MONDULKIRI — Friday: 17 members left".
# ... or by a dash: "Friday – In Pursat, 140 activists ...".
_WEEKDAY_HEADING = re.compile(
    # ... or opening the sentence with a comma: "Thursday, in Pech Chreada district, 45 ..."
    # ... after a list's mark, or a place and a comma: "• Battambang, Friday: 48 members ...",
    # "🔹 Tuesday — Prey Veng: ..."
    r"(?:^[^\w\n]*(?:(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2},\s*)?|[—–]\s*)"
    r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")\s*(?::|[—–]\s|-{1,2}\s|,\s)",
    re.I | re.M,
)
# ... or alone on its line, a digest's heading for the entries under it: "MONDAY".
_WEEKDAY_LINE = re.compile(
    r"^[^\w\n]*(?P<weekday>" + "|".join(_WEEKDAYS) + r")[^\w\n]*$", re.I | re.M
)
# ... or nothing but emoji and the like to the end of a heading line ("🌾 Kep, 10 June 2023 🌾")
_DATELINE_AFTER = re.compile(r"^\s*\)?\s*(?:\([^()]{1,40}\))?\s*(?:--?|[–—:៖])|^[^\w\n]*$")


_THE_DAY_BEFORE = re.compile(
    r"\bthe\s+(?:previous\s+day|day\s+before)\b(?!\s+(?:yesterday|that|the|its|his|her)\b)",
    re.I,
)
_SAID_BETWEEN = re.compile(r"\b(?:reported|said|announced|posted|wrote|claimed|stated)\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date in a sentence, where it stands, and whether it is not an event's own date
    (``reported``: the date of saying something, "claimed on Tuesday"; a dateline; a bound,
    "since the July 23 election")."""

    value: date
    start: int
    end: int
    reported: bool = False
    dateline: bool = False  # "PHNOM PENH, July 5 (Agency) --": the writing's date
    bound: bool = False  # "since the July 23 election": no one's date


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


def find_dates(sentence: str, published: date | None, opening: bool = True) -> list[FoundDate]:
    """The dates in a sentence, in order of where they stand; a dateline only in a text's
    ``opening`` sentence (later, "Stung Treng, 16 May — 25 joined" is a bulletin entry's date).

    >>> [(d.value.isoformat(), d.reported) for d in find_dates("said on 2 May that 9 joined "
    ...  "on 30 April", date(2023, 5, 3))]
    [('2023-05-02', True), ('2023-04-30', False)]
    >>> [d.value.isoformat() for d in find_dates("9 joined on the 28th", date(2023, 5, 3))]
    ['2023-04-28']
    """
    text = khmer_digits_to_ascii(sentence)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value: date | None, start: int, end: int) -> None:
        if value is None or any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        before = text[:start]
        bracketed = bool(_KHMER_BRACKETED_DATELINE.match(before))
        dateline = opening and bool(
            (_DATELINE_BEFORE.match(before) or bracketed) and _DATELINE_AFTER.match(text[end:])
        )
        # a day after the report was published is no day anything it tells happened on
        ahead = published is not None and value > published
        bound = bool(
            _BOUND_BEFORE.search(before)
            or _OCCASION_AFTER.match(text[end:])
            or _OCCASION_BEFORE.search(before)
            or ahead
        )
        reported = (
            (dateline and not bracketed)
            or bound
            or any(p.search(before) for p in (_REPORTING, _POSTED_BEFORE))
            or bool(_REPORTING_AFTER.match(text[end:]) and not _SAYS_WHO.match(text[end:]))
        )
        found.append(FoundDate(value, start, end, reported, dateline, bound))

    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            month = MONTHS[m.group("month").lower()]
            year = m.group("year")
            if _LAST_YEAR_AFTER.match(text, m.end()) and not year and published is not None:
                year = str(published.year - 1)  # "on 8 October last year"
            add(_with_year(int(m.group("day")), month, year, published), *m.span())
    for m in _NUMERIC.finditer(text):
        day, month = int(m.group("day")), int(m.group("month"))
        if month > 12 >= day:
            day, month = month, day
        add(_with_year(day, month, m.group("year"), published), *m.span())
    for m in _ISO.finditer(text):
        day, month = int(m.group("day")), int(m.group("month"))
        add(_with_year(day, month, m.group("year"), published), *m.span())
    for m in _NUMERIC_SHORT.finditer(text):
        day, month = int(m.group("day")), int(m.group("month"))
        if 1 <= month <= 12:
            add(_with_year(day, month, None, published), m.start("day"), m.end())
    for m in _KHMER.finditer(text):
        month = KHMER_MONTHS.get(m.group("month")) or int(m.group("month"))
        year = m.group("year")
        if _LAST_YEAR_AFTER.match(text, m.end()) and not year and published is not None:
            year = str(published.year - 1)  # "ថ្ងៃទី៨ ខែតុលា ឆ្នាំមុន"
        add(_with_year(int(m.group("day")), month, year, published), *m.span())
    for m in _KHMER_DAY_MONTH.finditer(text):
        month = KHMER_MONTHS[m.group("month")]
        add(_with_year(int(m.group("day")), month, m.group("year"), published), *m.span())
    for m in _KHMER_THIS_MONTH.finditer(text):
        if published is not None:
            first = published.replace(day=1)
            if (m.group("which") or m.group("en").lower()) in ("មុន", "last"):
                first = (first - timedelta(days=1)).replace(day=1)
            day = int(m.group("day") or m.group("nth"))
            add(_with_year(day, first.month, str(first.year), None), *m.span())
    # A weekday or "today" counts back from the dateline when there is one ("Takeo, July 24
    # — ... today"), else from the published date.
    counted_from = next((d.value for d in found if d.dateline), published)
    if counted_from is not None:
        for pattern in (_WEEKDAY_ALONE, _WEEKDAY_HEADING, _WEEKDAY_LINE):
            for m in pattern.finditer(text):
                weekday = _WEEKDAYS.index(m.group("weekday").lower())
                that_day = _last_weekday(weekday, counted_from)
                if that_day == counted_from and m.group().lower().startswith("last"):
                    that_day -= timedelta(days=7)  # "last Tuesday", written on a Tuesday
                add(that_day, *m.span("weekday"))
        for m in _KHMER_WEEKDAY_ALONE.finditer(text):
            weekday = _KHMER_WEEKDAY_SPELLINGS[m.group("weekday")]
            that_day = _last_weekday(weekday, counted_from)
            if that_day == counted_from and re.match(r"\s*កន្លង(?:ទៅ|មក)", text[m.end() :]):
                that_day -= timedelta(days=7)  # "ថ្ងៃអាទិត្យកន្លងទៅ" (last Sunday), written on a Sunday
            if _KHMER_LAST_WEEK.match(text, m.end()):
                # "ថ្ងៃចន្ទសប្តាហ៍មុន" (Monday of last week): that day of the week before this one
                this_week = counted_from - timedelta(days=counted_from.weekday())
                that_day = this_week - timedelta(days=7 - weekday)
            add(that_day, *m.span())
        for m in (*_ORDINAL_ALONE.finditer(text), *_KHMER_DAY_ALONE.finditer(text)):
            # "on the 11th": the last 11th on or before the day it counts from
            day, last = int(m.group("day")), counted_from
            while last.day < day:
                last = last.replace(day=1) - timedelta(days=1)
            add(_with_year(day, last.month, str(last.year), None), *m.span())
        for m in RELATIVE.finditer(text):
            word = m.group("word").lower()
            back = 1 if word in ("yesterday", "ម្សិលមិញ", "ម្សិលម៉ិញ") else 0
            if "before" in word or (word.startswith("ម្សិល") and "ង" in word):  # ម្សិលម្ងៃ
                back = 2
            add(counted_from - timedelta(days=back), *m.span())
    # "reported on Monday that 150 ... had joined the day before", "On 18 April the page
    # reported that 340 had joined at a ceremony held the previous day": the day before the
    # one the report was made on
    day_before = _THE_DAY_BEFORE.search(text)
    said = [d for d in found if d.end <= day_before.start()] if day_before else []
    if (
        day_before
        and len(said) == 1
        and (said[0].reported or _SAID_BETWEEN.search(text, said[0].end, day_before.start()))
    ):
        found = [replace(d, reported=True) if d is said[0] else d for d in found]
        found.append(FoundDate(said[0].value - timedelta(days=1), *day_before.span()))
    # "with effect from today, 12 April 2023", "held today (Wednesday, 12 April)": the day
    # written out says which day "today" is (a letter's, a speech's)
    named = [
        d
        for d in found
        if RELATIVE.fullmatch(text[d.start : d.end].strip())
        and any(o is not d and re.fullmatch(r"\s*[,(]\s*", text[d.end : o.start]) for o in found)
    ]
    return sorted((d for d in found if d not in named), key=lambda d: d.start)
