"""The parts of a sentence the readers look past or stop at: a clause's end, the
asides that tell of someone's past ("X, who joined the CLP in 2021, ..."), quotations.

>>> clause_from("Nine joined the CPP, the ministry said", 0)
'Nine joined the CPP'
>>> history_asides("Mr. A, who joined the CLP in 2021, has quit")
[(5, 34)]

Regular expressions written here: the cue words ("who", "having", a past year) are the
project's own judgement of how the press writes an aside, which no library holds.
"""

from __future__ import annotations

import re

from bot.ingest.intake.dates import MONTH_NAMES

# "in 2013", "since 2018": a year long past, with no date of its own, is history.
PAST_YEAR = re.compile(
    r"\b(?:in|since|during|until)\s+(?:(?:early|late|mid-?)\s*)?"
    # ... "in the 1990s": a decade
    rf"(?:(?:{MONTH_NAMES}\s+)?((?:19|20)\d\d)\b|the\s+((?:19|20)\d0)s\b)"
    # "The pattern echoes 2018 and 2019, when hundreds joined the CPP"
    r"|\b((?:19|20)\d\d)(?:\s+and\s+(?:19|20)\d\d)?,?\s+when\b"
    # ... "while the senator served from 2006 to 2012, and later became a member of the CLP"
    r"|\bfrom\s+(?:19|20)\d\d\s+(?:to|until|till)\s+((?:19|20)\d\d)\b"
    # ... "Former CNRP councillor's 2019 switch to the CPP": the year the move is known by
    r"|\b((?:19|20)\d\d)\s+(?:switch|defection|move|crossing)\b"
    # ... "In the months before the 2018 national election, ... receiving cards": an election
    # the year names
    r"|\b(?:before|after|ahead\s+of)\s+the\s+((?:19|20)\d\d)\s+"
    r"(?:(?:national|general|commune|local|parliamentary)\s+)*elections?\b"
    # ... a timeline's line opening with a month and a year: "- June 2022: some 800 ..."
    rf"|^\W*{MONTH_NAMES}\s+((?:19|20)\d\d)\s*[:–—-]",
    re.I,
)
# "ដែលធ្លាប់ចាកចេញពីគណបក្សA ទៅចូលគណបក្សB" (who once left A to join B): a Khmer "who once ..."
# clause, up to the main clause's "បាន"
KHMER_ONCE_CLAUSE = re.compile(r"ដែល(?:បាន)?ធ្លាប់(?P<clause>(?:(?!បាន)[^។])*)")
# "... គណបក្សសង្គ្រោះជាតិ ដែលត្រូវបានតុលាការកំពូលរំលាយកាលពីឆ្នាំ២០១៧" (the CNRP, which the
# Supreme Court dissolved in 2017): the year tells the party's end, not the move
KHMER_DISSOLVED_IN = re.compile(
    r"ដែល(?:ត្រូវ)?(?:បាន)?[^។\s]{0,20}?រំលាយ\S{0,12}ឆ្នាំ\s*[12១២][0-9០-៩]{3}"
)
# Someone's words, not the people who moved: a quotation, a clause of what was said.
QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
# An aside about someone ("X, who was a candidate in 2022, ...", "..., having left it in 2013").
ASIDE = re.compile(
    r",\s*(?:who|which|having|after|(?:most|many|all|some|several)\s+of\s+(?:them|whom)"
    # ... ", ending a political career that began with the SRP in 1998"
    r"|(?:ending|closing|capping)\s+(?:a|an|his|her|their))\b[^,;]*(?:,|$)"
    # ", a commune councillor in Kep who was elected on the CLP ticket in 2022,"
    r"|,\s*(?:a|an)\s+[^,;]*?\b(?:who|which)\b[^,;]*,",
    re.I,
)
# ", most of them former CNRP activists,": who they were before, not the party they left
_MOST_OF_THEM = re.compile(r",\s*(?:most|many|all|some|several)\s+of\s+(?:them|whom)\b", re.I)


def through_clause(text: str, end: int) -> str:
    """The sentence up to the end of the clause that holds ``end``.

    >>> through_clause("300 joined the CPP, the latest of 9,000 this year.", 10)
    '300 joined the CPP'
    """
    m = _CLAUSE_END.search(text, end)
    return text[: m.start()] if m else text


# ... and Khmer "ប៉ុន្តែ" (but), which opens a clause as a comma does in English
_CLAUSE_END = re.compile(r"[,;:—–(]\s|\s(?=ប៉ុន្តែ)")


def history_asides(text: str) -> list[tuple[int, int]]:
    """Where the sentence tells, aside, of a person's past: the asides with a year in them
    ("X, who joined the CLP in 2021, has ...").

    >>> history_asides("Mr. A, who joined the CLP in 2021, has quit")
    [(5, 34)]
    """
    return [
        m.span()
        for m in ASIDE.finditer(text)
        if PAST_YEAR.search(m.group()) or _MOST_OF_THEM.match(m.group())
    ]


def clause_from(text: str, start: int) -> str:
    """The words from ``start`` to the next comma or the sentence's end."""
    return re.split(r"[,;:(]", text[start:], maxsplit=1)[0]
