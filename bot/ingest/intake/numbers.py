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
>>> [c.value for c in person_counts("1.2 million supporters and half a dozen officials")]
[1200000, 6]
>>> [c.value for c in person_counts("between 150 and 200 members, 200-300 others")]
[150, 200]
>>> [(c.value, c.qualifier) for c in person_counts("សកម្មជនប្រមាណពី ១៥០ ទៅ ២០០នាក់")]
[(150, 'ប្រមាណ')]
>>> [c.value for c in person_counts("CLP members, numbering 215, joined")]
[215]
>>> [c.value for c in person_counts("several hundred supporters attended")]
[None]
>>> [(c.value, c.qualifier) for c in person_counts("សកម្មជនជាងមួយរយនាក់ និងមន្ត្រីដប់ប្រាំរូប")]
[(100, 'ជាង'), (15, None)]
>>> [c.value for c in person_counts("Candlelight members (64) and 9 CNRP veterans joined")]
[64, 9]
>>> [c.value for c in person_counts("1,320 members (1,100 from the CLP and 220 from the KWP)")]
[1320, 1100, 220]
>>> [c.value for c in person_counts("សមាជិក ១២០នាក់ ក្នុងនោះមានមេភូមិ ៥រូប")]  # 5 among the 120
[120]
>>> khmer_digits_to_ascii("ឆ្នាំ២០២៣")
'ឆ្នាំ2023'

English number words are read by text2num (``text_to_num.text2num``, 3.x), a maintained
library: "nine", "Twenty-seven", "seven hundred and fifty", "fifteen hundred", "one
thousand". Where it falls short, and what is done here instead (kept small): it rejects
"two dozen" and "a dozen" (the count before "dozen" is read by text2num and multiplied by 12;
"half a dozen" is 6), "a hundred"/"a thousand" (read as "one hundred"), "1.2 million" and
"one point two million" (digits before "million" are multiplied here; the spelled-out decimal
is not read); it reads the plurals "hundreds"/"thousands" as 100/1000, but they give no count
(kept as vague, value None, as are Khmer "រាប់រយ", "រាប់ពាន់"); it finds no numbers inside a
sentence (``alpha2digit`` rewrites the sentence and loses where the words were), so the
number words are found by the pattern below and only read by text2num. Khmer number words
("ដប់ប្រាំនាក់", common in Telegram posts) have no maintained reader: the few words are read by
:func:`khmer_words_value`, only before a counter.
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
# ("and" only after a scale: "seven hundred and fifty" is one number, "thirty and forty" two)
_WORDS = (
    rf"(?:an?\s+)?{_WORD}(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+|[\s-]+)"
    rf"{_WORD})*(?:\s+dozen)?|an?\s+dozen|half\s+a\s+dozen"
)
# "១ ២០០នាក់" (1,200 people): Khmer also groups thousands with a space, read as one number
# only before a counter, where no list of two numbers can stand
# ... and keycap emoji digits in posts ("6️⃣7️⃣ members")
# ... and "2 dozen youth", as "two dozen"
_DIGITS = (
    r"(?:\d\ufe0f?\u20e3)+|\d+(?:[.,]\d+)?\s+million|\d{1,2}\s+dozen\b|\d{1,3}(?:[.,]\d{3})+"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?=\s*(?:នាក់|រូប|គ្រួសារ))|\d+"
)
# Khmer number words ("ដប់ប្រាំ" 15, "មួយរយ" 100, "មួយពាន់ប្រាំរយ" 1,500), read only before a
# counter (នាក់, រូប): written together with the words around them, they are found by what
# follows. Tens and units add up; រយ, ពាន់, ម៉ឺន, សែន, លាន multiply what comes before them.
_KHMER_UNITS = {
    "មួយ": 1, "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5, "ដប់": 10, "ម្ភៃ": 20, "សាមសិប": 30,
    "សែសិប": 40, "ហាសិប": 50, "ហុកសិប": 60, "ចិតសិប": 70, "ប៉ែតសិប": 80, "កៅសិប": 90,
}  # fmt: skip
# ... and "ឡូ", a dozen ("ពីរឡូ", two dozen), which counts people without a counter after it
_KHMER_SCALES = {
    "ឡូ": 12, "រយ": 100, "ពាន់": 1_000, "ម៉ឺន": 10_000, "សែន": 100_000, "លាន": 1_000_000,
}  # fmt: skip
_KHMER_WORD = "|".join(sorted([*_KHMER_UNITS, *_KHMER_SCALES], key=len, reverse=True))
_KHMER_TOKEN = re.compile(_KHMER_WORD)
_KHMER_UNIT = "|".join(sorted(_KHMER_UNITS, key=len, reverse=True))
_KHMER_WORDS = (
    rf"(?<!រាប់)(?:(?:{_KHMER_UNIT})+ឡូ(?![\u1780-\u17d3])"  # not "ឥឡូវ" (now), "គីឡូ" (kilo)
    # ... and the lower end of a range ("ពីមួយរយហាសិប ទៅពីររយនាក់", from 150 to 200 people)
    rf"|(?:{_KHMER_WORD})+(?=\s*(?:នាក់|រូប|គ្រួសារ)"
    rf"|\s*(?:ទៅ|ដល់)\s*(?:{_KHMER_WORD})+\s*(?:នាក់|រូប|គ្រួសារ)))"
)
# ... "ពីរបី" (two or three, a few)
_VAGUE = r"dozens|scores|hundreds|thousands|tens of thousands|រាប់សិប|រាប់រយ|រាប់ពាន់|រាប់ម៉ឺន|ពីរបី|បីបួន"
NUMBER = re.compile(
    # Khmer writes words together ("សមាជិកជាង៣០០នាក់"): only Latin letters and digits bound.
    # ... "២ពាន់នាក់" (2 thousand people): digits and a Khmer scale word
    rf"(?<![A-Za-z0-9.,])(?:(?P<scaled>\d{{1,3}})\s*(?P<scale>ពាន់|ម៉ឺន|សែន)(?=\s*(?:នាក់|រូប))"
    rf"|(?P<digits>{_DIGITS})|(?P<vague>{_VAGUE})|(?P<words>{_WORDS})"
    rf"|(?P<khmer>{_KHMER_WORDS}))"
    r"(?![A-Za-z0-9])",
    re.I,
)

# "nine more had joined", "68 more supporters": more of the people told before
_MORE_OF_THEM = re.compile(
    r"\s+more\s+(?:(?:have|had|were)\s+)?(?:joined|defected|switched|crossed|followed|"
    r"members|supporters|activists|councillors|officials|people|families)\b",
    re.I,
)
# "several hundred", "a few thousand": how many hundreds is not said.
_SEVERAL = re.compile(r"\b(?:several|a\s+few|few|many)\s+$", re.I)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
# ... and after it: "the election on 23 July and ... all members", a day, not 23 members
_MONTH_AFTER = re.compile(rf"^\s+{_MONTH}\b")
# The few words that round a count in a group told in passing ("including about 300 ...")
ROUGHLY = r"(?:about|some|around|nearly|more\s+than|over)\s+"
_QUALIFIERS = (
    "more than|over|at least|about|around|nearly|almost|some|approximately|up to|roughly|"
    "close to|upwards of|as many as|an estimated|a total of|totalling|totaling|just under|"
    "just over|a little over|a little under|slightly more than|slightly over"
)
# Khmer writes no space between words: a qualifier may follow its noun directly ("សមាជិកជាង").
_KHMER_QUALIFIERS = "ជាង|ប្រមាណ|ប្រហែល|ជិត|យ៉ាងតិច|យ៉ាងហោចណាស់|សរុប"
_QUALIFIER_BEFORE = re.compile(
    rf"(?:(?:^|[\s(\"“])(?P<q>{_QUALIFIERS})|(?P<km>{_KHMER_QUALIFIERS}))"
    r"\s*(?:ចំនួន\s*)?(?:ពី\s*)?$",  # "ប្រមាណពី ១៥០ ..." (some from 150 ...)
    re.I,
)

# Nouns for people, and words that may stand between a number and its noun
# ("450 Candlelight Party activists", "nine senior former officials").
_PERSON = (
    r"members?|supporters?|activists?|officials?|councill?ors?|people|persons?|candidates?|"
    r"leaders?|chiefs?|cadres?|defectors?|representatives?|deputies|followers?|youths?|"
    # (not "the CPP's 600 figure": a count, in the singular)
    r"villagers?|individuals?|figures|politicians?|lawmakers?|heads?|secretaries|"
    r"presidents?|vice-presidents?|opposition\s+members?|monks?|teachers?|women|men|others|"
    r"ex-members?|cadre|commune\s+chiefs?|village\s+chiefs?|former\s+\w+|veterans?|"
    # ... "57 family from the CLP", a translation's singular
    r"organi[sz]ers?|loyalists?|sympathi[sz]ers?|volunteers?|famil(?:ies|y)|households|relatives|"
    r"partisans?|workers|employees|staff|relatives|colleagues|associates|friends|citizens|"
    r"residents|farmers|vendors|compatriots|comrades|brothers|sisters|neighbou?rs|"
    r"of\s+(?:his|her|their|our|its|my)\s+\w+"
)
# "Candlelight Party members (64) joined": a count in brackets right after its noun.
# ... or after its party: "from the Candlelight Party (about 900) and the KWP (about 300)".
_BRACKETED_AFTER_PERSON = re.compile(
    rf"(?:\b(?:{_PERSON})|\bParty|\b(?-i:[A-Z]{{2,}}))\s*\(\s*(?:(?:{_QUALIFIERS})\s+)?$", re.I
)
_INSIDE_PERSON_BRACKET = re.compile(rf"\b(?:{_PERSON})\s*\([^()]*$", re.I)
_PERSON_AFTER = re.compile(
    rf"^\s*(?:[\w'’.-]+\s+|\([A-Z]{{2,}}\)\s+){{0,5}}?(?:{_PERSON})\b(?!['’]s\b)"
    r"|^\s*(?:of\s+(?:them|whom|those))\b",
    re.I,
)
_SPEAKERS_AFTER = re.compile(
    # (not "644 members said to have joined": the passive of a claim)
    # (not "200 people who CPP officials said were members": who said it is another group)
    rf"^\s*(?:(?!who\b)[\w'’.-]+\s+){{0,3}}?(?:{_PERSON})\s+(?:said|say|says|told|confirmed)\b"
    r"(?!\s+to\s+(?:have|be)\b)"
    # ... not "nine officials said on Monday that they were resigning": they who moved
    r"(?!\s+(?:(?:on|last)\s+\w+\s+)?that\s+they\s+(?:were|had|have)\s+(?:\w+\s+)?"
    r"(?:resign|leav|left|quit|join|defect|switch))"
    # ... "but said three had told party officials that they signed under pressure"
    r"|^\s+(?:had|have)\s+told\b",
    re.I,
)
_PARTY_THEN_ARROW = re.compile(r"\s+(?:(?:former|ex-)\s*)?(?:[A-Z][\w'’-]*\s+){1,5}(?:→|->)\s")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_IN_A_YEAR = re.compile(r"\b(?:in|since|until)\s+$", re.I)
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|to|and|ទៅ|ដល់)\s*", re.I)
# "ពី ១៥០ ទៅ ២០០នាក់" (from 150 to 200 people): the lower bound shares the upper's counter.
_KHMER_RANGE_TO = re.compile(
    rf"^\s*(?:-|–|ទៅ|ដល់)\s*(?:\d+(?:[.,]\d+)?|{_KHMER_WORDS})\s*(?:នាក់|រូប|គ្រួសារ)"
)
# "40 members of the CLP and 25 from the Khmer Will Party": a count whose noun is its party.
_FROM_A_PARTY = re.compile(
    # "45 had belonged to the Cambodian Youth Party and 31 to the Candlelight Party"
    # ... "300 previously belonged to the Candlelight Party"
    r"\s+(?:(?:had\s+)?(?:previously|formerly|once|originally)\s+)?"
    # ... "57 were formerly with the Candlelight Party and 12 with the Khmer Will Party"
    # ... "Of these, 212 are from the Candlelight Party and 38 are from the GDP"
    r"(?:(?:came|come)\s+(?:over\s+)?|(?:are|were)\s+(?:(?:previously|formerly|once|originally)\s+)?|"
    r"(?:had\s+)?belonged\s+)?(?:from|of|to|with)\s+(?:the\s+)?"
    r"(?:former|royalist|opposition|small)?\s*"
    # ... "the League for Democracy Party": small words inside a name
    r"(?:(?:[A-Z][\w'-]*\s+(?:(?:for|of|and)\s+)?){1,4}Party\b|[A-Z]{2,}\b|"
    r"(?:various\s+)?other\s+(?:\w+\s+)?parties\b)"
)
_KHMER_COUNTER = re.compile(r"^\s*(?:នាក់|រូប)")
# ... and "១២ គ្រួសារ (៤៧ នាក់)" (12 families (47 people)), as English "145 families (530 people)"
_KHMER_FAMILIES_TOTAL = re.compile(
    r"\s*(?:គ្រួសារ)?\s*,?\s*(?:(?:សរុប|ស្មើ(?:រ)?(?:នឹង)?)\s*(?:ចំនួន)?\s*[០-៩\d]"
    r"|\(\s*[០-៩\d][០-៩\d,.]*\s*(?:នាក់|រូប))"
)
_SPELLED_AGAIN = re.compile(rf"^\s*\((?:{_KHMER_WORD}|[\s,])+\)")
# "៥២៣គ្រួសារ" (523 families): the number the text gives, as English "87 families" is; not
# "២០គ្រួសារ ស្មើនឹង ៦៤នាក់" (20 families, that is 64 people) nor "មកពី ៤៨គ្រួសារ" (from 48
# families), where the people are counted.
# ... and "៥៦ខ្នងផ្ទះ" (56 households, "roofs of houses"), the same unit
_KHMER_FAMILIES = re.compile(r"^\s*(?:គ្រួសារ|ខ្នងផ្ទះ)(?!\s*(?:ស្មើ|សរុប|ពោលគឺ|គឺ|ដែលមាន|មានសមាជិក))")
_FROM_BEFORE = re.compile(r"មកពី\s*$")
_KHMER_NOUN_COUNTED = re.compile(
    r"(?:គ្រួសារ|សមាជិក\S{0,6}|សកម្មជន|អ្នកគាំទ្រ|ប្រជាពលរដ្ឋ)\s*(?:សរុប)?\s*ចំនួន\s*$"
)
_KHMER_OTHER_UNIT = re.compile(
    r"\s*(?:គ្រួសារ|ឃុំ|ភូមិ|ស្រុក|ខេត្ត|គីឡូ|រៀល|ដុល្លារ|ឆ្នាំ|ខែ|ថ្ងៃ|%|ភាគរយ|កញ្ចប់|សន្លឹក|ច្បាប់|ដង|លើក|កន្លែង|សាខា|ក្រុម)"
)
_NOT_PEOPLE_AFTER = re.compile(
    # "her 15,000 Facebook followers": an audience
    # ... "about 60 people came to the small gathering": who came to look on
    r"^\s*(?:people\s+|villagers\s+|guests\s+)?(?:came|turned\s+(?:up|out))\s+(?:to|for)\s+(?:the|a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:gathering|ceremony|event|meeting|rally|celebration)\b|"
    r"^\s*(?:(?:Facebook|Telegram|TikTok|YouTube|online|social[- ]media)\s+(?:followers|fans|"
    r"subscribers|friends)|"
    r"-?\s*years?|-year|percent|per\s*cent|%|seats?|votes?|riels?|dollars?|usd|km|"
    r"kilometres?|hectares?|constituencies|communes|provinces|districts|days?|weeks?|"
    # "21,400 existing members were issued new cards": members already
    # "two ceremonies were held": occasions
    r"ceremon(?:y|ies)|events|meetings|rallies|"
    r"months?|hours?|times?|villages|parties|existing\s+members|terms?|mandates?|ឆ្នាំ|អាសនៈ|សំឡេង|ភាគរយ|រៀល|ដុល្លារ|ខែ|ថ្ងៃ)(?![a-z])",
    re.I,
)
# "... ក្នុងនោះស្ត្រី ៤៥៦នាក់", "ស្រី ៩៨នាក់" (of whom women 456): a part of the count before
# ... a role, not a party ("including 328 from the CLP" is a breakdown)
_SOME_OF_A_ROLE = re.compile(
    r"\s+(?:former\s+|sitting\s+|serving\s+)?(?:[\w-]+\s+){0,2}?(?:chiefs?|councill?ors?|"
    r"officials?|leaders?|heads?|candidates?|representatives?|women|deputies|secretaries|"
    # ... "2,000 members ..., including about 300 former activists of the CNRP"
    r"activists?|members?|supporters?)\b",
    re.I,
)
_KHMER_HAD_COMING = re.compile(
    # ... "ដោយមានមន្ត្រីគណបក្សប្រមាណ ៣០នាក់ចូលរួម" (with about 30 party officials taking part)
    # ... "ដោយមានសមាជិកគណបក្សថ្នាក់ស្រុក និងឃុំ ប្រមាណ ៣០នាក់ ចូលរួមជាសាក្សី" (with about 30
    # district and commune-level party members taking part as witnesses)
    r"(?:ដែល|ដោយ)(?:មាន|មានការ)\s*(?:ប្រជាពលរដ្ឋ|មនុស្ស|ភ្ញៀវ|អ្នក\S{0,10}|មន្ត្រី\S{0,10}|"
    r"សមាជិកគណបក្សថ្នាក់[^។\d០-៩]{0,30}?)?\s*"
    r"(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន)?\s*$"
)
_WOMEN_AMONG = re.compile(r"(?:ក្នុងនោះ\s*)?(?:ស្ត្រី|ស្រី|នារី)\s*(?:ចំនួន\s*)?$")
_TOTALLING_AFTER = re.compile(
    # ... "87 families, a total of 312 people"
    r"^\s*(?:families|households),?\s+(?:totall?ing|comprising|numbering|(?:with\s+)?a\s+total\s+of|"
    r"or|made\s+up\s+of)\s+(?:about\s+|some\s+|more\s+than\s+|over\s+)?\d"
    # ... "63 families from Batheay district, 241 people in total"
    r"|^\s*(?:families|households)\b[^.;\d]{0,40},\s*(?:a\s+total\s+of\s+|totall?ing\s+)?\d[\d,]*\s+"
    r"(?:people|persons|members)\b"
    # ... "145 families (530 people)"
    r"|^\s*(?:families|households)\s*\(\s*(?:about\s+|some\s+)?\d[\d,]*\s+(?:people|persons|"
    r"members)\s*\)",
    re.I,
)
# "joined the CPP with 200 supporters": who came along, not what someone has.
_MOVED_WITH = re.compile(
    r"\b(?:join\w*|defect\w*|switch\w*|mov(?:ed|ing)|cross\w*)\b[^,.;]{0,40}\bwith\s*$", re.I
)
_A_MOVE_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:have\s+|had\s+)?(?:joined|defected|switched|crossed|left|quit|resigned)\b"
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:\baged?|\bage\s+of|\bhas|\bhave|\bhad|(?<!together\s)(?<!along\s)(?<!district\s)(?<!commune\s)(?<!province\s)(?<!village\s)\bwith|\bboasts?|\bclaims?|membership\s+of|"
    # "មាន" (has), but "...នោះ មាន ១៤៥នាក់" (of those, there are 145) counts people
    # ... and "ក្នុងចំណោមអ្នកចូលរួមទាំង ២១០នាក់នេះ មាន ១៦០នាក់" (among these 210, 160 are; or
    # "... ខាងលើ", above)
    r"\$|US\$|អាយុ|(?<!នោះ\s)(?<!នោះ)(?<!នេះ\s)(?<!នេះ)(?<!ខាងលើ\s)(?<!ខាងលើ)មាន)\s*(?:about|around|some|more\s+than|over|nearly|almost|upwards\s+of|close\s+to|roughly)?\s*$"
    # "CamCheck spoke to 3 people who attended": whom the writer asked
    # ... "The Ledger reached 14 of the people named in the list"
    r"|\b(?:spoke|talked)\s+(?:to|with)\s+(?:about\s+|some\s+)?$|\b(?:interviewed|reached|contacted)\s+$"
    # "fewer than one in ten identified anyone": a share, not people
    r"|\b(?:one|two|three|\d)\s+(?:in|out\s+of)\s+$"
    # ... "taking the fourth place on its list of 14 candidates": a list's length
    r"|\blists?\s+of\s+$"
    # ... "rules limiting gatherings to 20 people": a limit, no one counted
    r"|\blimit(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?to\s+(?:about\s+|some\s+)?$"
    # "ពិធីមួយដែលមានអ្នកចូលរួមប្រមាណ ៤០០នាក់" (a ceremony about 400 attended): who came to see
    # ... "ដែលមានការចូលរួមជាង ១,៥០០ នាក់" (which over 1,500 took part in), "ដែលមានប្រជាពលរដ្ឋ
    # និងយុវជនចូលរួមជាង ៥,០០០ នាក់" (with over 5,000 citizens and youths taking part)
    # ... "ដែលមានសមាជិក សមាជិកាគណបក្សX ចូលរួមជាង ១,០០០នាក់" (which over 1,000 members of party X
    # attended)
    # ... "ដោយមានការទទួលស្វាគមន៍ពី ឯកឧត្តម X និងមន្ត្រីគណបក្សប្រមាណ ៨០នាក់" (welcomed by H.E. X
    # and about 80 party officials): who welcomed
    r"|ស្វាគមន៍\s*ពី[^។\d០-៩]{0,80}?(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន)?\s*$"
    # ... "ក្រោមវត្តមានមន្ត្រី ... និងប្រជាពលរដ្ឋ ជាង ១ ២០០នាក់" (in the presence of officials ... and
    # over 1,200 people): who looked on
    r"|វត្តមាន[^។\d០-៩]{0,80}?(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន)?\s*$"
    # ... "ដែលមានក្រុមចូលរួមចំនួន 8 ក្រុម និងយុវជនជាង 200 នាក់" (in which 8 teams and over 200
    # youths took part): the list of those who came goes on
    r"|មាន\s*(?:ក្រុម|អ្នក)?ចូលរួម\s*(?:ចំនួន\s*)?[0-9០-៩][0-9០-៩,.]*\s*\S{0,6}\s*និង\s*"
    r"(?:ប្រជាពលរដ្ឋ|មនុស្ស|យុវជន|មន្ត្រី|សមាជិក|អ្នកគាំទ្រ)\s*(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន)?\s*$"
    r"|មាន\s*(?:ការចូលរួម|អ្នកចូលរួម|(?:ប្រជាពលរដ្ឋ|មនុស្ស|យុវជន|មន្ត្រី|សមាជិក|សកម្មជន|អ្នកគាំទ្រ)[^។\d០-៩]{0,40}?ចូលរួម|"
    r"ភ្ញៀវ(?:កិត្តិយស)?)\s*(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន|សរុប)?\s*$"
    # "វីដេអូ ដែលមានអ្នកទស្សនាជាង ២.០០០ នាក់" (a video with over 2,000 viewers), "អ្នកតាមដានលើ
    # ហ្វេសប៊ុកប្រមាណ ២.៣០០ នាក់" (about 2,300 followers on Facebook): an audience
    r"|អ្នក(?:ទស្សនា|មើល|តាមដាន)\S{0,20}?\s*(?:ប្រមាណ|ប្រហែល|ជាង|ជិត|ចំនួន|សរុប)?\s*$",
    re.I,
)

# "សមាជិកក្រុមប្រឹក្សាឃុំម្នាក់" (a commune councillor), "មន្ត្រីគណបក្សភ្លើងទៀនម្នាក់" (a Candlelight
# official): a word for a person, written on with "ម្នាក់" (one person), is one person, as
# English "a councillor" is; not "ម្នាក់ៗ" (each), "ម្នាក់ឯង" (alone), "ម្នាក់មួយ" (one apiece),
# nor "នរណាម្នាក់" (anyone).
KHMER_ONE_PERSON = re.compile(
    r"(?:សមាជិក|មន្ត្រី|សកម្មជន|អ្នកគាំទ្រ|ប្រធាន|អនុប្រធាន|មេឃុំ|ចៅសង្កាត់|មេភូមិ|ក្រុមប្រឹក្សា|"
    r"តំណាងរាស្ត្រ|សមាជិកព្រឹទ្ធសភា|អ្នកនាំពាក្យ|បេក្ខជន|ថ្នាក់ដឹកនាំ|មេដឹកនាំ|លេខាធិការ|អភិបាល|"
    r"ឧកញ៉ា|អ្នកជំនួញ|សកម្មជន)[^\s។៕,]{0,60}?(?<!នរណា)(?<!អ្នកណា)ម្នាក់(?!ៗ|ឯង|មួយ)"
    # "តំណាងសកម្មជនម្នាក់ បានថ្លែងថា" (one of the activists said): who speaks for the group
    r"(?!\s*(?:ក៏)?(?:បាន)?(?:ថ្លែង|និយាយ|មានប្រសាសន៍|ប្រាប់|លើកឡើង|បញ្ជាក់))"
    # ... and a sentence opening with an office and its rank, "ជំទប់ទីមួយនៃឃុំ ..." (the
    # first deputy chief of ... commune), "អនុប្រធានទីពីរ" (the second vice-president): one holder
    r"|^(?:\([^()]{1,40}\)\s*៖\s*)?(?:អតីត)?(?:ជំទប់|អនុប្រធាន|ប្រធាន|អនុលេខាធិការ|លេខាធិការ|"
    r"អភិបាលរង)ទី(?:មួយ|ពីរ|បី|[១-៣1-3])"
)

# "ក្នុងនោះ" (among them): what it counts is a part of the count before it.
_AMONG_THEM = re.compile(r"ក្នុង(?:ចំណោម)?(?:នោះ|ពួកគេ|ពួកគាត់|អ្នកទាំងនោះ)")
KHMER_AMONG_THEM = _AMONG_THEM


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
    """Khmer digits as ASCII digits; every other character unchanged (so are all offsets).

    >>> khmer_digits_to_ascii("៦.៤៧៦ នាក់")
    '6.476 នាក់'
    """
    return text.translate(_KHMER_DIGITS)


def _words_value(words: str) -> int | None:
    spoken = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    if spoken == "half a dozen":
        return 6
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


def khmer_words_value(words: str) -> int | None:
    """The number Khmer number words spell, or None when they spell none.

    >>> khmer_words_value("ដប់ប្រាំ"), khmer_words_value("មួយរយ"), khmer_words_value("ពីរពាន់ប្រាំរយ")
    (15, 100, 2500)
    >>> khmer_words_value("ពីរឡូ")
    24
    """
    total = current = at = 0
    while at < len(words):
        m = _KHMER_TOKEN.match(words, at)
        if m is None:
            return None
        word, at = m.group(), m.end()
        if word in _KHMER_UNITS:
            current += _KHMER_UNITS[word]
        else:
            current = (current or 1) * _KHMER_SCALES[word]
            if _KHMER_SCALES[word] >= 1_000:
                total, current = total + current, 0
    return total + current or None


def _value(m: re.Match[str]) -> int | None:
    if m.group("scaled"):
        return int(m.group("scaled")) * _KHMER_SCALES[m.group("scale")]
    if m.group("khmer"):
        return khmer_words_value(m.group("khmer"))
    if m.group("digits"):
        digits = m.group("digits")
        if digits.endswith("million"):
            return round(float(digits.split()[0].replace(",", ".")) * 1_000_000)
        if digits.endswith("dozen"):
            return int(digits.split()[0]) * 12
        return int(re.sub(r"[.,\s\ufe0f\u20e3]", "", digits))
    if m.group("vague"):
        return None
    return _words_value(m.group("words"))


def cell_count(cell: str) -> Count | None:
    """The count a table's cell holds: its first number, the low end of a range.

    >>> cells = ["110–120", "about 60", "១២នាក់", "two dozen"]
    >>> [(c.value, c.qualifier) for c in map(cell_count, cells) if c]
    [(110, None), (60, 'about'), (12, None), (24, None)]
    >>> cell_count("CPP") is None
    True
    """
    text = khmer_digits_to_ascii(cell)
    m = NUMBER.search(text)
    if m is None:
        return None
    q = _QUALIFIER_BEFORE.search(text[: m.start()])
    if not m.group("digits") and not (
        # a count in words that is the whole cell: "two dozen", "about forty people"
        re.fullmatch(r"\W*", text[: q.start() if q else m.start()])
        and re.fullmatch(r"\s*(?:people|persons|members)?\W*", text[m.end() :], re.I)
    ):
        return None
    return Count(
        value=_value(m),
        text=cell[m.start() : m.end()],
        qualifier=(q.group("q") or "").lower() or q.group("km") if q else None,
        start=m.start(),
        end=m.end(),
    )


def person_counts(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[Count]:
    """The counts of people in a sentence, in order. ``skip`` holds spans that are not
    counts (the dates found in the sentence).

    >>> [c.value for c in person_counts("On 4 July 120 members joined", skip=[(3, 9)])]
    [120]
    """
    text = khmer_digits_to_ascii(sentence)
    out: list[Count] = []
    whole: Count | None = None  # the count "ក្នុងនោះ" (among them) splits into parts
    parts: list[Count] = []
    lower: re.Match[str] | None = None  # a number that did not count, maybe a range's start
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in skip or ()):
            continue
        after, before = text[m.end() :], text[: m.start()]
        words = m.group("words") or ""
        if re.search(
            r"\b(?:welcomed|applauded|greeted|received|cheered)\s+(?:\w+\s+){0,6}?by\s+"
            r"(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?$",
            before,
        ):
            continue  # "where he was welcomed with applause by about 40 activists": who welcomed
        if re.match(r"[^,.;]{0,40},?\s+(?:during|at)\s+which\b[^.;]*?\d", after):
            continue  # "a get-together of 500 volunteers, during which 300 ... joined": who came
        if _MONTH_BEFORE.search(before) and (_value(m) or 0) <= 31 and not words:
            # (not "On 18 March two of our councillors ...": a count in words after a date)
            # "KAMPOT, May 6 - Forty-two members ...": a day of the month, even where no year
            # is known to make it a date (a text pasted with no publication date)
            continue
        if _MONTH_AFTER.match(after) and (_value(m) or 0) <= 31 and not words:
            continue  # "on 23 July": a day of the month
        if not before.strip() and re.match(r"[.)]\s", after):
            continue  # a list's number: "2. Sixty-five former KNUP members ..."
        if re.search(r"(?<![\d:])\d{1,2}:$", before):
            continue  # a live blog's "09:40 - Organisers announce ...": the minutes of a time
        if _A_YEAR.fullmatch(m.group()) and _IN_A_YEAR.search(before):
            continue  # "a party founded in 2015 by activists": a year
        if words.lower() in ("a", "an", "one") and not _KHMER_COUNTER.match(after):
            # "one" alone is mostly "one of the..."; a single person is read from names.
            continue
        if re.match(r"\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:women|female)", after, re.I):
            continue  # "the 27 — 11 of them women —": the women of a group, told or not
        if out and (
            _WOMEN_AMONG.search(before)
            or (re.match(r"\s*(?:women|females)\b", after, re.I) and re.search(r"\(\s*$", before))
            or (
                re.match(r"\s*(?:women|females)\b", after, re.I)
                # ... "among them 610 women", "of whom 45 women" ("including" is below)
                and re.search(r"\b(?:among|of)\s+(?:them|whom)\s+$", before, re.I)
            )
        ):
            continue  # "638 people (291 women)", "ក្នុងនោះស្ត្រី ៤៥៦នាក់": the women among them
        if re.match(r"\s*(?:women|females)\b", after, re.I) and re.search(
            r"\bincluding\s+$", before, re.I
        ):
            # "32 joined, including 10 women", "The new members, including 180 women, come
            # from ...": some of them, with a count told before or not
            continue
        if _TOTALLING_AFTER.match(after):
            continue  # "87 families, totalling 243 people": the people are the count
        if _KHMER_FAMILIES_TOTAL.match(after) and (
            re.search(r"គ្រួសារ\s*(?:ចំនួន)?\s*$", before) or after.lstrip().startswith("គ្រួសារ")
        ):
            continue  # "គ្រួសារចំនួន ៨៧ សរុប ២៤៣នាក់" (87 families, 243 people in all): the people
        if re.search(r"ទាំង\s*$", before) and re.match(
            r"\s*(?:នាក់|រូប)\s*(?:នេះ|នោះ|ខាងលើ)", after
        ):
            # "ក្នុងចំណោមអ្នកចូលរួមទាំង ២១០នាក់នេះ" (among all these 210), "... ខាងលើ" (above):
            # told before
            continue
        if re.search(r"\bone\s+of\s+(?:(?:only|just|the|its|their|her|his)\s+)*$", before, re.I):
            continue  # "one of only two CLP councillors on the council": a set she is in
        if (
            out
            and re.search(
                # ... and a translation's "57 family ..., include 3 commune council member"
                rf"\binclud(?:ing|es?)\s+(?:{ROUGHLY})?$",
                before,
                re.I,
            )
            and _SOME_OF_A_ROLE.match(after)
            and (_value(m) or 0) < (out[-1].value or 0)
            # (not "..., including 328 from the CLP and 57 from the KWP": a breakdown)
            and not re.search(r"^[^;.]{0,80}?\band\s+(?:about\s+|some\s+)?\d", after)
        ):
            continue  # "47 members ..., including two former village chiefs, ...": some of them
        if _KHMER_HAD_COMING.search(before) and re.match(r"\s*(?:នាក់|រូប)?\s*ចូលរួម", after):
            continue  # "ពិធីមួយដែលមានប្រជាពលរដ្ឋប្រមាណ ៣០០នាក់ចូលរួម" (a ceremony 300 attended)
        if _NOT_PEOPLE_AFTER.match(after) or (
            _NOT_PEOPLE_BEFORE.search(before)
            and not _MOVED_WITH.search(before)
            # (not "the CPP claims 40 Candlelight members joined": a claim of a move)
            and not (re.search(r"\bclaim(?:s|ed)?\s+$", before) and _A_MOVE_AFTER.match(after))
            # (nor a translation's "Takeo province, have 57 family from the CLP": "there are",
            # a clause with no one who has them)
            and not re.search(r"(?:^|[,:]\s*)(?:there\s+)?(?:have|has)\s+$", before, re.I)
        ):
            continue
        if whole is None and out and _AMONG_THEM.search(before, out[-1].end):
            whole = out[-1]  # "១២០នាក់ ក្នុងនោះមានមេភូមិ ៥រូប": a part of the count before
        if _SPEAKERS_AFTER.match(after):
            continue  # "two CPP officials told MDW": who speak, not who moved
        vague = bool(m.group("vague"))
        # ... "dozens of members", "dozens more supporters"; not "dozens" alone
        if (
            vague
            and not re.match(r"^[\"']?\s*(?:of|more)\b", after)
            and not _KHMER_COUNTER.match(after)
        ):
            continue
        # "១២៨ (មួយរយម្ភៃប្រាំបី) នាក់" (128 (one hundred and twenty-eight) people): the number
        # spelled out again in brackets is no word between it and its counter
        after = _SPELLED_AGAIN.sub(" ", after, count=1)
        # '"more than 1,000" opposition supporters', 'the 500 "members and activists"': the
        # quotation marks are no words
        after = re.sub(r"^[\"”]|^\s+[\"“](?=\w)", " ", after)
        # '"Between 70 and 90" members': the quotation marks are no words either
        after = re.sub(r"(?<=\d)[\"”]", "", after[:24]) + after[24:]
        if not (
            _PERSON_AFTER.match(re.sub(r"^[\"']?\s*(?:of|more)\s+", " ", after) if vague else after)
            or _KHMER_COUNTER.match(after)
            or _PARTY_THEN_ARROW.match(after)  # a log's "64 CLP → CPP": 64 of the CLP
            or (m.group("khmer") or "").endswith("ឡូ")  # "សមាជិក ... ពីរឡូ" (two dozen members)
            or (_KHMER_FAMILIES.match(after) and not _FROM_BEFORE.search(before))
            # "five hundred and twenty-seven (527) former members": the figure in brackets
            or (re.search(r"\(\s*$", before) and _PERSON_AFTER.match(re.sub(r"^\)", " ", after)))
            or _KHMER_RANGE_TO.match(after)
            or re.search(r"\b(?:numbering|numbered|totall?ing)\s+$", before, re.I)
            # "គ្រួសារចំនួន ១២" (families numbering 12): the noun first, as "numbering" is
            or (_KHMER_NOUN_COUNTED.search(before) and not _KHMER_OTHER_UNIT.match(after))
            # "a further 33 from Kampot followed on Sunday": more of the people told before
            or re.search(r"\b(?:a\s+further|another)\s+$", before, re.I)
            # ... "nine more had joined", "68 more supporters" (not "20 more than in May")
            or (not vague and _MORE_OF_THEM.match(after))
            # "The three received their CPP cards on Monday": the people told before, counted
            or (
                re.search(r"^\W*the\s+$", before, re.I)
                and re.match(
                    r"\s+(?:received|took|joined|were|signed|handed|have|had)\b", after, re.I
                )
            )
            # ... "..., and all four signed forms to join": the family told before, counted
            or (
                re.search(r"(?:^\W*|,\s*and\s+|\band\s+)all\s+$", before, re.I)
                and re.match(r"\s+(?:received|took|joined|signed|handed)\b", after, re.I)
            )
            # "In Takeo, around 150 joined on April 4", "another 150 followed suit": a count
            # whose noun the act leaves out
            or re.match(
                r"\s+(?:have\s+|had\s+)?(?:joined|defected|switched|crossed|did\s+(?:the\s+)?"
                r"(?:same|likewise)|took\s+the\s+same\s+step|followed\s+suit)\b",
                after,
            )
            or _FROM_A_PARTY.match(after)
            or (
                _BRACKETED_AFTER_PERSON.search(before)
                and re.match(r"\s*\)", after)
                and not re.fullmatch(r"(?:19|20)\d\d", m.group())  # "the CPP (2023)": a year
            )
            # "1,320 members (1,100 from the CLP and 220 from the KWP)": the group's parts;
            # not "a former commune chief (2012-2017)": the years he served
            or (
                _INSIDE_PERSON_BRACKET.search(before)
                and re.match(r"\s*(?:\)|from\b)", after)
                and not (_A_YEAR.fullmatch(m.group()) and re.match(r"\s*\)", after))
            )
        ):
            # "Between 18 and 25 members": the range's lower bound, if the next one counts
            lower = m
            continue
        if out and _RANGE_BETWEEN.fullmatch(text[out[-1].end : m.start()]) and (
            not text[out[-1].end : m.start()].strip().startswith("and")
            or re.search(r"\bbetween\s+$", text[: out[-1].start], re.I)
        ):
            continue  # "200-300 members", "between 150 and 200": the range's upper bound
        q = _QUALIFIER_BEFORE.search(before)
        several = re.fullmatch(r"hundred|thousand|dozen", words, re.I) and _SEVERAL.search(before)
        start = m.start()
        if (
            lower is not None
            and re.search(r"\bbetween\s+$", text[: lower.start()], re.I)
            and re.fullmatch(r"\s+and\s+", text[lower.end() : m.start()])
            and _value(lower) is not None
        ):
            # "Between 18 and 25 LDP members joined": the lower bound, as for "between
            # thirty and forty"
            start, m = lower.start(), lower
            q = _QUALIFIER_BEFORE.search(text[:start])
        lower = None
        (parts if whole else out).append(
            Count(
                value=None if several else _value(m),
                # "87 families", "៥២៣គ្រួសារ": the unit shown with the number, for the reviewer
                text=sentence[start : m.end()] + _unit(after),
                qualifier=(q.group("q") or "").lower() or q.group("km") if q else None,
                start=m.start(),
                end=m.end(),
            )
        )
    if whole and len(parts) > 1 and whole.value == sum(p.value or 0 for p in parts):
        # "៩០នាក់ ក្នុងនោះ ... ៧០នាក់ និង ... ២០នាក់": a whole told with all its parts
        return [*out, *parts]
    return out


def _unit(after: str) -> str:
    """The words after a count that say it counts families, as written; else nothing.

    >>> _unit(" families in Kep"), _unit("គ្រួសារ នៅ"), _unit(" members")
    (' families', 'គ្រួសារ', '')
    """
    m = re.match(r"\s*(?:families|households)\b|\s*(?:គ្រួសារ|ខ្នងផ្ទះ)", after, re.I)
    return m.group() if m else ""


_FAMILY = re.compile(
    rf"\b(?:his|her|their)\s+(?:(?P<spouse>wife|husband|spouse)|(?P<child>son|daughter)|"
    # "and his wife Mrs. Kong Sreymom": named, so counted among the people named
    # ... and "his wife said", "her lawyer told": who speaks of the move, not who moved
    rf"(?P<aide>deputy|assistant|aide|secretary))\b(?!,?\s+(?-i:Mrs?\.|Ms\.|Lok\b|[A-Z][a-z]+\s+[A-Z]))"
    r"(?!\s+(?:said|says|told|confirmed|added|explained)\b)"
    rf"|(?P<n>{_DIGITS}|{_WORDS})\s+(?:of\s+(?:his|her|their)\s+)?"
    r"(?:children|sons|daughters|grandchildren)\b",
    re.I,
)


# "with his family", "រួមទាំងក្រុមគ្រួសារ": relatives moved too, how many is not said.
# ... who came with them, not "citing pressure on his family" ("សម្ពាធលើក្រុមគ្រួសារ")
# ... (nor "wished him and his family good health": whom a host wished well)
_VAGUE_FAMILY = re.compile(
    r"(?<!wished\shim\s)(?<!wished\sher\s)(?<!wished\sthem\s)(?<!wishing\shim\s)"
    r"\b(?:with|and|by)\s+(?:all\s+)?(?:his|her|their)\s+(?:whole\s+)?famil(?:y|ies)\b"
    r"|(?:រួម(?:ទាំង|ជាមួយ)?|ជាមួយ(?:នឹង)?|និង|ព្រមទាំង|នាំ)\s*ក្រុមគ្រួសារ",
    re.I,
)


# "a ceremony attended by 60 people including his wife and three children": the audience
_AUDIENCE = re.compile(
    r"\b(?:attended|witnessed|watched|cheered)\s+by\b|\bin\s+(?:the\s+)?presence\s+of\b"
    r"|\bin\s+front\s+of\b",
    re.I,
)


def family_members(sentence: str) -> int | None:
    """How many relatives a sentence counts beside a named person ("X, his wife and two
    children joined": 3 beside X); 0 when it names none, None when it gives no count ("with
    his family").

    >>> family_members("Sam Rithy, his wife and two children have joined the CPP")
    3
    >>> family_members("Mr. Dara and his son joined"), family_members("X joined, his wife said")
    (1, 0)
    >>> family_members("លោក សុខ រួមទាំងក្រុមគ្រួសារ បានចូល") is None
    True
    """
    if _VAGUE_FAMILY.search(sentence):
        return None
    total = 0
    audience = _AUDIENCE.search(sentence)
    for m in _FAMILY.finditer(khmer_digits_to_ascii(sentence)):
        if audience and m.start() > audience.start():
            continue
        if m.group("n"):
            value = re.match(NUMBER, m.group("n"))
            total += (_value(value) or 0) if value else 0
        else:
            total += 1
    return total
