"""A report's text read into proposed claims: one per event, with the words it rests on.

>>> from datetime import date
>>> from bot.ingest.intake.report import PartyName, Report
>>> parties = [PartyName("Candlelight Party", ("Candlelight",), ("CLP",)),
...            PartyName("Cambodian People's Party", (), ("CPP",))]
>>> text = "On 28 June more than 700 members of the Candlelight Party joined the CPP."
>>> [p] = propose(Report(text, outlet="Fresh News", published=date(2023, 7, 1)), parties)
>>> p.date, p.date_kind, p.number, p.qualifier
(datetime.date(2023, 6, 28), 'event', 700, 'more than')
>>> p.from_parties, p.to_party, p.confidence
(['Candlelight Party'], "Cambodian People's Party", 'high')
>>> propose(Report("The CLP and the Khmer Win Party formed an alliance."), parties)
[]

Decisions: a claim about named people with no count ("Mr. Sok Dara joined the CPP") has
``number`` = how many are named (1 for one person; "a commune chief" is one too) and
``number_text`` None; "hundreds of" gives no number (low confidence). A sentence with a
joining verb but nothing of its own ("the group joined on 16 July") completes the claim before
it; a sentence that only tells where people came from ("They were formerly members of the
Candlelight Party") gives the claim before it its former party. The same event told twice in
one text (a headline and its body, a vague and an exact count) is proposed once; a person's
leaving told beside their joining is part of the joining. A running total ("since January,
9,000 have joined") proposes nothing: it tells no one event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from bot.ingest.intake.bullets import per_bullet
from bot.ingest.intake.dates import FoundDate, find_dates
from bot.ingest.intake.numbers import (
    KHMER_AMONG_THEM,
    KHMER_ONE_PERSON,
    Count,
    family_members,
    person_counts,
)
from bot.ingest.intake.parties import KHMER_OTHER_PARTIES, Lexicon, PartyMention
from bot.ingest.intake.people import (
    KHMER_HOST_AFTER,
    KHMER_HOST_BEFORE,
    claimant_in,
    people_named,
)
from bot.ingest.intake.report import PartyName, Proposal, ProposalKind, Report
from bot.ingest.intake.sentences import Sentence, split_sentences
from bot.ingest.intake.signals import (
    KHMER_ITS_OWN,
    KHMER_PAST_YEAR,
    KHMER_RELATIVE_BEFORE,
    KHMER_RUNNING_TOTAL,
    KHMER_SAID_BY_BEFORE,
    KHMER_SAYS_AFTER,
    Verb,
    claim_verbs,
    not_a_claim,
)

_TO_BEFORE = re.compile(
    r"(?:\b(?:join(?:ed|s|ing)?|to|into|for|with|in\s+favou?r\s+of|ranks\s+of)\s+(?:the\s+)?"
    r"(?:ranks\s+of\s+(?:the\s+)?)?(?:ruling\s+)?"
    r"|(?:ចូលរួមជាមួយ|ចូលជាមួយ|ជាមួយ|ចូលជាសមាជិក|ចូល|មក|ទៅ|ក្នុង)\s*)$",
    re.I,
)
# Markers that outweigh any other: "joined the", "into the", Khmer "ចូលជាសមាជិក" ("joined as a
# member of", which ends with the word for member).
_STRONG_TO_BEFORE = re.compile(
    r"(?:\b(?:joined|joins|join|joining|into)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?"
    r"(?:ruling\s+)?|(?:→|->|=>)\s*(?:the\s+)?"
    # "ប្ដូរមកគាំទ្រ" (switched to support): the party supported now, not a former one
    r"|(?:ចូលរួមជាមួយ|ចូលជាមួយ|ចូលជាសមាជិក|ចូល|(?:មក|ទៅ)គាំទ្រ)\s*)$",
    re.I,
)
# A verb whose object is the people who moved ("welcoming 1,250 former members of the CLP"):
# a party after "members of" is where they came from, not where they went.
_WELCOME_VERB = re.compile(
    r"^(?:(?:continued|went\s+on)\s+to\s+)?(?:welcom|embrac|receiv|accept|admitt|ceremony)"
    r"(?!.*\bmembership\b)",
    re.I,
)
# "the Candlelight Party, the Khmer Will Party and the GDP": one list, one role.
_LISTED_WITH = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?$", re.I)
# "the outlet said": a source named before, or the report's outlet; never the words themselves.
_ANAPHORIC_SOURCE = re.compile(
    r"^(?:the|this|that|its)\s+(?:outlet|website|site|page|channel|newspaper|paper|report|"
    r"agency|broadcaster|station|statement|post|media)$",
    re.I,
)
_MEMBER_OF_BEFORE = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$", re.I)
_FROM_BEFORE = re.compile(
    r"(?:\b(?:from|of|left|quit|former|formerly|ex-|leaving|abandoned|deserted|resigned\s+from)"
    r"\s+(?:\w+\s+)?(?:the\s+)?(?:opposition\s+|now-dissolved\s+|dissolved\s+|banned\s+)?"
    # not "បោះឆ្នោតគាំទ្រ" (vote for): the party voted for was never left
    r"|(?:ពី|អតីត|សមាជិក|សកម្មជន|មន្ត្រី|(?<!បោះឆ្នោត)គាំទ្រ)\s*)$",
    re.I,
)
# A party that welcomes ("the CPP in Kampot welcomed 86 activists") is the party joined;
# "were received into" is passive: its subject is who moved.
_WELCOMES_AFTER = re.compile(
    r"^(?:'s)?[\s,]*(?:\w+\s+){0,4}?(?:welcom|receiv|embrac|accept|admitted)"
    r"|^[^។]{0,40}?(?:ទទួល|ស្វាគមន៍)",
    re.I,
)
_KHMER_TEXT = re.compile(r"[\u1780-\u17ff]")
_PASSIVE = re.compile(r"\b(?:were|was|been|being|be|are|is)\b", re.I)
# A party that says something is the claim's source, not a party of the move.
_SAYS_AFTER = re.compile(
    r"^(?:'s)?(?:(?!\b(?:join|defect|switch|quit|left|cross|mov|went)\w*\b)[^,;(]){0,40}?"
    r"\b(?:said|says|announced|claimed|reported|posted|told|stated|wrote|"
    r"writes|acknowledged|admitted|conceded|insisted|argued|noted)\b"
    # "120 Candlelight members reported joining the CPP": the act reported, not a saying
    r"(?!\s+(?:to\s+have\s+)?(?:join|defect|switch|quit|leav|left|cross|mov)\w*)",
    re.I,
)
# A joining of something else: "joined a ceremony", "joined the march".
_JOINED_SOMETHING = re.compile(
    r"^\s+(?:a|an|the|this|their|its|in)\s+(?!ranks\b|ruling\b|party\b|parties\b)\w+", re.I
)
# Bulletin shorthand with no verb: "44 Candlelight activists to the CPP".
_SHORTHAND_TO = re.compile(r"(?:\bto|→|->)\s+(?:the\s+)?$", re.I)
# "in 2013", "since 2018": a year long past, with no date of its own, is history.
_PAST_YEAR = re.compile(
    r"\b(?:in|since|during|until)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?((?:19|20)\d\d)\b"
    # "The pattern echoes 2018 and 2019, when hundreds joined the CPP"
    r"|\b((?:19|20)\d\d)(?:\s+and\s+(?:19|20)\d\d)?,?\s+when\b",
    re.I,
)
_GROUP = re.compile(
    r"\b(?:members|supporters|activists|officials|councill?ors|people|group|families|others|"
    r"followers|youths|villagers|candidates|cadres|leaders)\b",
    re.I,
)
# Someone's words, not the people who moved: a quotation, a clause of what was said.
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
# "two CPP officials told MDW": who speak, not a group that moved.
_SPEAKING_GROUP = re.compile(
    r"\b(?:officials|members|leaders|activists|people)\s+(?:said|say|says|told|confirmed)\b", re.I
)
_SAYING_CLAUSE = re.compile(
    r",\s*(?:saying|adding|explaining|complaining|citing|claiming|arguing|noting|telling)\b.*$",
    re.I | re.S,
)
_ROLE = (
    r"(?:chief|official|councill?or|candidate|member|activist|"
    r"leader|lawmaker|deputy|governor|senator|president|secretary|spokes(?:man|woman|person)|"
    r"businessman|businesswoman|analyst|monk|teacher|tycoon|parliamentarian|MP|executive|"
    r"organi[sz]er|coordinator|adviser|advisor|director|head|commander|officer|figure|founder|"
    r"veteran|mayor|councilwoman|councilman|representative)\b"
)
_ONE_PERSON = re.compile(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,6}}?{_ROLE}", re.I)
# As a sentence's or a bulletin entry's subject: "The CLP's provincial chief in Takeo
# resigned", "The deputy chief of the KNUP's branch joined" (not who hands out the cards).
_THE_ONE_PERSON = re.compile(rf"(?:^|[:—–-]\s+)the\s+(?:[\w'’-]+\s+){{0,6}}?{_ROLE}", re.I)
_ROLE_TO = re.compile(rf"{_ROLE}\s+to\s+(?:the\s+)?$", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.I)
_ITS_ROLE = re.compile(rf"\b(?:the\s+party['’]s|its)\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}", re.I)
_MOVED = re.compile(r"join|defect|switch|resign|quit|left|leav|cross|mov|went|came|return", re.I)
# "X told RFA he joined": the one who speaks is the one who moved.
_SAID_HE = re.compile(
    r"\b(?:said|says|told\s+(?:[\w'-]+\s+){1,3}?|confirmed|announced|wrote|posted|stated|"
    r"declared)\s*(?:on\s+\w+\s+){0,2}(?:that\s+)?"
    r"(?:he|she)\s+"
    r"(?:had\s+|has\s+|was\s+|is\s+)?$",
    re.I,
)
# "Mr. A and Mr. B, both former CNRP officials": the group word describes the named people.
_NAMED_GROUP = re.compile(r",\s*(?:both|all|the\s+(?:two|three|four|five|six))\b", re.I)
_JOINED_IN_CLAUSE = re.compile(
    r"\b(?:who|which)\s+(?:had\s+|have\s+|has\s+)?(?:joined|join)\s+(?:the\s+)?$", re.I
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|whom)\s+(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?$"
    # "members who were reported last month to have joined the CPP said ...": who they are
    r"|\b(?:who|which|whom)\s+(?:were|was)\s+(?:reported|said|claimed)\s+(?:\w+\s+){0,3}?"
    r"to\s+have\s+$",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:[\w'-]+\s+){0,4}?(?:he|she)\b", re.I)
_ONE_PRONOUN = re.compile(r"\b(?:he|she)\b|គាត់", re.I)
_IT_AFTER = re.compile(r"^\s*(?:it|them|the\s+party|its\s+ranks)\b", re.I)
_LEFT_WHAT = re.compile(
    r"^\s*(?:from\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:party|ranks)\b|^\s*(?:ចេញ)?ពី",
    re.I,
)
# "welcomed by Senate President Say Chhum": the host, titles and all.
_NOT_DEFECTOR = re.compile(
    r"(?:\bby|\bwith|\bfrom|\bgovernor|\bminister|\bspokes\w+|\baccording\s+to|"
    r"\b(?:presidency|auspices|chairmanship|leadership)\s+of)\s*"
    r"(?:(?-i:[A-Z])[\w.'-]*\s+){0,3}$"
    # "attended by a FUNCINPEC deputy secretary-general, Sar Chanthou"
    r"|\bby\s+(?:a|an|the)\s+(?:[\w.'-]+\s+){0,5}?[\w'-]+,\s*$",
    re.I,
)
# Who speaks, presides or welcomes is not who moved ("Samdech X presided over a ceremony").
_NOT_DEFECTOR_AFTER = re.compile(
    r"^,?\s+(?:[^,;\"“]{1,90},\s+)?(?:on\s+(?:[\w,]+\s+){1,4}?)?(?:\w+ly\s+)?"
    r"(?:said|says|told|presided|presides|chaired|welcomed|welcomes|handed|thanked|"
    # "X received 87 members" is the host; "X received his membership card" moved
    r"received(?!\s+(?:his|her|their|a|an)\b))\b"
)
# '"...," said district chief X': who speaks, named after the saying.
_SAID_BY_BEFORE = re.compile(r"[\"”],?\s+(?:said|says|added)\s+(?:[\w.-]+\s+){0,4}$", re.I)
_OTHER_PARTIES = re.compile(
    r"\b(?:and|or)\s+(?:\w+\s+)?other\s+(?:\w+\s+)?(?:parties|party\s+(?:members|activists|supporters))\b",
    re.I,
)
UNNAMED_PARTIES = "Unnamed Parties"  # the record's canonical name for parties it does not name
# "joined the CPP over the weekend, the third such announcement since June": one event.
_ONE_OCCASION = re.compile(
    r"\b(?:over|at|during)\s+the\s+weekend\b|\blast\s+weekend\b|\bat\s+a\s+ceremony\b", re.I
)
_UNNAMED_DESTINATION = "the party joined is not named"
_DESTINATION_ELSEWHERE = "the party joined is not named in the claim's sentence"
_PART_OF_GROUP = "a part of a group counted before"
_FALSE_CLAIM = (
    "an alliance or merger of parties",
    "a claim called false",
    "a correction or retraction",
    "a denial by those said to have moved",
)
_OCCASION = (
    r"\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'-]+\s+){0,2}?(?:event|rally|ceremony|meeting|campaign|"
    r"march|protest|celebration|forum|training|gathering|convoy|festival)s?\b"
)
# An aside about someone ("X, who was a candidate in 2022, ...", "..., having left it in 2013").
_ASIDE = re.compile(
    r",\s*(?:who|which|having|after|(?:most|many|all|some|several)\s+of\s+(?:them|whom))\b[^,;]*(?:,|$)",
    re.I,
)
# ", most of them former CNRP activists,": who they were before, not the party they left
_MOST_OF_THEM = re.compile(r",\s*(?:most|many|all|some|several)\s+of\s+(?:them|whom)\b", re.I)
_LEFT_OBJECT = re.compile(r"\s*(?:from\s+)?(?:the\s+)?(?:opposition\s+)?|\s*(?:ចេញ)?ពី\s*", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_COMPLETES = re.compile(
    r"(?:handed|turned|made|resignation|submitted|tendered|filed|announced)", re.I
)
_CARDS = re.compile(r"(?:received|receiving|handed|given|were\s+given|issued|presented)\b", re.I)
_RETURN_HOME = re.compile(
    r"return\w*\s+(?:to\s+)?(?:Cambodia|home|the\s+country|the\s+kingdom|Phnom\s+Penh|from|"
    r"after)\b",
    re.I,
)
_CEREMONY = re.compile(
    r"\b(?:ceremon(?:y|ies)|event)\b[^.]{0,40}\b(?:(?:was|were)\s+(?:held|organi[sz]ed)|took\s+place)\b",
    re.I,
)
_ALONG_WITH = re.compile(
    r"(?:\b(?:together|along)\s+with|\bwith|\band)\s+(?:(?:more|than|over|about|some|nearly|"
    r"around)\s+){0,2}$"
    # "លោក X រួមជាមួយអ្នកគាំទ្រ ៤០នាក់" (Mr. X with 40 supporters), "និងកូនចៅ ៣០នាក់" (and 30
    # followers): the named man and those who came with him
    r"|(?:រួមជាមួយ|ជាមួយ|និង)\s*(?:អ្នកគាំទ្រ|សកម្មជន|កូនចៅ|សមាជិក|ក្រុមការងារ)?\s*"
    r"(?:ជាង|ប្រមាណ|ជិត)?\s*$",
    re.I,
)
_GERUND_SUBJECT = re.compile(
    r"\w+ing\s+(?:the\s+)?(?:[\w']+\s+){0,3}?(?:is|was|has\s+been|remains|means|would\s+be)\b",
    re.I,
)
_FORMER_BEFORE = re.compile(r"\b(?:former|formerly|ex-|dissolved|now-dissolved)\s*$|អតីត\s*$", re.I)
_AND_ONE = re.compile(
    rf"\band\s+((?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ROLE})\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:opposition\s+)?(?=[A-Z])",
    re.I,
)
_ONE_OF_MANY = re.compile(
    r"\b(?:one|the\s+latest|the\s+first|the\s+last|the\s+most\s+senior)\s+(?:of|in|among)\s+"
    r"(?:a\s+(?:series|string|wave|number|line)\s+of\s+|the\s+)?(?:several|many|dozens|hundreds|"
    r"numerous|a\s+number|former|opposition|senior)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\s+(?:\w+\s+){0,2}$")
_MOVES_NOUN = re.compile(
    r"\b(?:reported|group|individual|such|similar|these|those|other|the|of|many|several|"
    r"recent|further|more)\s+$",
    re.I,
)
# "four reported moves to the ruling party": moves counted, not people
_COUNTED_THINGS = re.compile(
    r"\b(?:moves|defections|cases|reports|incidents|ceremonies|switches|events)\b", re.I
)
_KHMER_I_WE = re.compile(r"ខ្ញុំ|យើង")
_SAME_DAY = re.compile(r"\b(?:the|that)\s+same\s+day\b|ថ្ងៃ\s*ដដែល", re.I)
_FORMER_OF = re.compile(
    r"\b(?:former|ex-)\s*(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:the\s+)?$|អតីត\S{0,20}$", re.I
)
_ANOTHER = re.compile(r"\b(?:another|a\s+further|a\s+second|a\s+third)\b", re.I)
_KHMER_IN_ALL = re.compile(r"សរុប(?:ទាំងអស់)?\s*(?:ចំនួន)?\s*$")
# A total's parts, party by party.
_BREAKDOWN = re.compile(
    r"^(?:Among\s+(?:them|those|the\s+\w+)|Of\s+(?:them|these|those|the\s+\w+)|"
    r"(?:They|These|The\s+(?:\w+\s+)?\w+)\s+(?:included|comprised|were\s+made\s+up\s+of|were:)|"
    r"Including|The\s+group\s+included|ក្នុងចំណោម)",
    re.I,
)
# A sentence about the group a claim before it told of ("The defectors, from Kampot, ...").
_SAME_GROUP = re.compile(
    r"(?:^|\bthat\s+)(?:The|the|These|these|Those|those|All\s+the|Both)\s+(?:new\s+|former\s+)?"
    r"(?:officials|members|defectors|activists|supporters|group|councill?ors|newcomers|"
    r"recruits)\b"
    # Khmer: "អ្នកទាំងពីររូប" (the two of them), "ពួកគេ" (they), "សមាជិកថ្មីទាំងនោះ" (those new members)
    # "មន្ត្រីទាំងបីរូប" (the three officials)
    r"|^(?:អ្នកទាំង|ពួកគេ|ពួកគាត់|សមាជិកថ្មីទាំង|ក្រុមនេះ|(?:មន្ត្រី|សកម្មជន|សមាជិក)ទាំង(?!អស់))"
    # "One of the defectors, Ms. X, said she joined because ...": one of the group told before
    r"|^(?:One|Some|Several|Many|Most|Two|Three|A\s+few)\s+of\s+(?:the|them|those)\b",
)
# Who looked on at a ceremony, not who moved.
_ONLOOKERS = re.compile(
    r"\b(?:attended\s+by|in\s+the\s+presence\s+of|witnessed\s+by|watched\s+by|"
    r"(?:before|in\s+front\s+of)\s+(?:a\s+crowd\s+of|some|about|more\s+than|over)|"
    r"with\s+the\s+participation\s+of)\b",
    re.I,
)
# A count of many events ("since January", "so far this year") rather than one.
_RUNNING_TOTAL = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|(?:\w+\s+){0,3}?(?:elections?|polls?|vote))|"
    r"(?:last|this)\s+(?:year|month|week)|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d{4})|so\s+far|to\s+date|this\s+year|"
    r"in\s+recent\s+(?:weeks|months)|in\s+(?:19|20)\d\d|(?:in|during|throughout)\s+(?:the\s+month\s+"
    r"of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+alone|(?:during|throughout|in\s+the\s+month\s+of)\s+(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)|over\s+the\s+past|"
    r"bringing\s+the\s+total|altogether|"
    # "គិតចាប់ពីដើមឆ្នាំ មកដល់ពេលនេះ" (counting from the start of the year up to now)
    r"in\s+total|cumulative)\b|" + KHMER_RUNNING_TOTAL,
    re.I,
)



@dataclass
class _Roles:
    froms: list[str]
    to: str | None
    sources: list[str]  # parties that say something in the sentence ("the CPP said")


@dataclass
class _Reading:
    """What one sentence says: its proposals; or that it is a bare "they joined" sentence
    (``bare``, with the party joined and date it gives); or the former parties it tells of."""

    proposals: list[Proposal] = field(default_factory=list)
    bare: bool = False
    to: str | None = None
    date: FoundDate | None = None
    background: list[str] = field(default_factory=list)
    counts: list[tuple[Count, list[str]]] = field(default_factory=list)


def _counted_groups(text: str, mentions: list[PartyMention]) -> list[tuple[Count, list[str]]]:
    """A verbless sentence's counts, each with the parties named after it before the next
    ("78 former Candlelight members and 12 former GDP members took part"), or in Khmer before
    it ("មកពីគណបក្សភ្លើងទៀន ចំនួន ៥៤នាក់", from the Candlelight Party, 54); empty unless every
    count has its party; a whole before its parts ("Of the 464 new members, 412 came from the
    CLP and 52 from the KWP") is left out."""
    counts = person_counts(text)
    values = [c.value for c in counts]
    if len(counts) >= 3 and None not in values and values[0] == sum(v or 0 for v in values[1:]):
        counts = counts[1:]
    elif len(counts) >= 3 and None not in values and values[-1] == sum(v or 0 for v in values[:-1]):
        counts = counts[:-1]  # "..., for a total of 110 people"
    starts = [0, *(c.end for c in counts[:-1])][: len(counts)]
    lead = [
        [m.name for m in mentions if a <= m.start < c.start]
        for a, c in zip(starts, counts, strict=True)
    ]
    if _KHMER_TEXT.search(text) and counts and all(lead) and mentions[-1].start < counts[-1].end:
        return [] if any(c.value is None for c in counts) else list(zip(counts, lead, strict=True))
    out = []
    for i, c in enumerate(counts):
        end = counts[i + 1].start if i + 1 < len(counts) else len(text)
        names = [m.name for m in mentions if c.end <= m.start < end]
        if not names or c.value is None:
            return []
        out.append((c, names))
    return out


def _active_welcome(sentence: str, verb: Verb) -> bool:
    """Whether the verb is one of welcoming or receiving, with the hosts as its subject.

    >>> _active_welcome("The CPP welcomed 86 activists", Verb("join", 8, 16))
    True
    """
    word = sentence[verb.start : verb.end]
    return (
        bool(_WELCOME_VERB.match(word))
        and not _PASSIVE_BEFORE.search(sentence[: verb.start])
        # "45 members received into the CPP" (a bulletin's passive without "were")
        and not re.match(r"(?:received|welcomed|accepted|admitted)\s+into$", word, re.I)
    )


def _welcomes(after: str) -> bool:
    m = _WELCOMES_AFTER.match(after)
    return m is not None and not _PASSIVE.search(m.group())


def _roles(mentions: list[PartyMention], sentence: str, verb: Verb) -> _Roles:
    """Former parties, the party joined and the parties quoted, from where each party
    stands against the verb."""
    froms: list[str] = []
    tos: list[PartyMention] = []
    strong: list[PartyMention] = []
    sources: list[str] = []
    welcome = _active_welcome(sentence, verb)
    previous: PartyMention | None = None
    for m in mentions:
        before = sentence[max(0, m.start - 40) : m.start]
        after = sentence[m.end : m.end + 60]
        says = _SAYS_AFTER.match(after)
        listed = (
            previous is not None
            and previous.name in froms
            and _LISTED_WITH.match(sentence[previous.end : m.start])
        )
        previous = m
        former = re.search(r"\b(?:former|formerly|ex-)\s*$", before, re.I)
        says_ = (says and not _PASSIVE.search(says.group())) or (
            KHMER_SAID_BY_BEFORE.search(before) and KHMER_SAYS_AFTER.match(after)
        )
        if m.start < verb.start and says_ and not former:
            sources.append(m.name)
        elif verb.start <= m.start < verb.end and verb.kind == "join":
            tos.append(m)  # "had become CPP members"
        elif listed:
            froms.append(m.name)  # "former members of the CLP, the KWP and the GDP"
        elif m.start < verb.start and _JOINED_IN_CLAUSE.search(before):
            froms.append(m.name)  # "activists who joined the CPP last year have returned"
        elif _STRONG_TO_BEFORE.search(before) or re.search(r"\bnew\s+$", before, re.I):
            tos.append(m)  # "welcomes new CPP members": the party they are new to
            strong.append(m)
        elif (
            verb.kind == "join"
            and m.start > verb.end
            and not welcome
            and _MEMBER_OF_BEFORE.search(before)
        ):
            tos.append(m)  # "sworn in as a member of the CPP"
        elif verb.kind == "leave" and re.search(r"សមាជិកភាព\s*(?:ក្នុង|នៃ)?\s*$", before):
            froms.append(m.name)  # "លាលែងពីសមាជិកភាពក្នុងគណបក្ស X" (resigned membership in X)
        elif (
            _TO_BEFORE.search(before)
            and not _FROM_BEFORE.search(before)
            and (m.start > verb.start or verb.kind == "join")
        ):
            tos.append(m)
        elif _FROM_BEFORE.search(before):
            froms.append(m.name)
        elif welcome and m.start > verb.end:
            froms.append(m.name)  # "officials received 500 Candlelight members": the guests'
        elif (m.start < verb.start and (_welcomes(after) or welcome)) or (
            m.start > verb.end and verb.kind == "join"
        ):
            tos.append(m)
        else:
            froms.append(m.name)
    # The party joined is the first one after the verb ("an adviser to the FUNCINPEC
    # president, switched to the CPP"); the others were left.
    after_verb = [m for m in tos if m.start >= verb.start]
    pool = strong or after_verb or tos
    chosen = pool[0] if pool else None
    to = chosen.name if chosen else None
    froms += [m.name for m in tos if m is not chosen]
    return _Roles(list(dict.fromkeys(f for f in froms if f != to)), to, sources)


def _movers(counts: list[Count], text: str, verb: Verb) -> list[Count]:
    """The counts of people who moved, without those who only looked on: after "attended
    by", "in the presence of", every count when the act came before; else the first one.

    >>> from bot.ingest.intake.numbers import person_counts
    >>> t = "9 members joined at a ceremony attended by 400 people"
    >>> [c.value for c in _movers(person_counts(t), t, Verb("join", 10, 16))]
    [9]
    >>> t = "At a ceremony attended by 5,000 people, 300 members joined"
    >>> [c.value for c in _movers(person_counts(t), t, Verb("join", 51, 57))]
    [300]
    """
    out = list(counts)
    for m in _ONLOOKERS.finditer(text):
        after = [c for c in out if c.start >= m.end()]
        out = [c for c in out if c not in (after if verb.start < m.start() else after[:1])]
    return out


def _through_clause(text: str, end: int) -> str:
    """The sentence up to the end of the clause that holds ``end``.

    >>> _through_clause("300 joined the CPP, the latest of 9,000 this year.", 10)
    '300 joined the CPP'
    """
    m = re.compile(r"[,;:—–(]\s").search(text, end)
    return text[: m.start()] if m else text


def _history_asides(text: str) -> list[tuple[int, int]]:
    """Where the sentence tells, aside, of a person's past: the asides with a year in them
    ("X, who joined the CLP in 2021, has ...").

    >>> _history_asides("Mr. A, who joined the CLP in 2021, has quit")
    [(5, 34)]
    """
    return [
        m.span()
        for m in _ASIDE.finditer(text)
        if _PAST_YEAR.search(m.group()) or _MOST_OF_THEM.match(m.group())
    ]


def _own_froms(
    froms: list[str], text: str, mentions: list[PartyMention], verb: Verb
) -> list[str]:
    """The parties left in this move, out of all the sentence's former parties: those a
    leaving verb names ("a former CNRP activist, quit the CLP and joined the CPP": the CLP);
    else those outside asides about the person, or the party an aside says they joined last
    ("X, who left the SRP before joining the CLP in 2021, has switched to the CPP": the CLP).

    >>> t = "Mr. A, a former CNRP activist, quit the CLP and joined the CPP"
    >>> ms = [PartyMention(n, n, t.index(n), t.index(n) + len(n), True) for n in ("CNRP", "CLP")]
    >>> _own_froms(["CNRP", "CLP"], t, ms, Verb("join", t.index("joined"), t.index(" the CPP")))
    ['CLP']
    """
    if verb.kind == "leave":
        # "Seven members resigned from the party on 28 July, days after the CPP won": what
        # follows the leaving's clause names no party left
        end = len(_through_clause(text, verb.end))
        froms = [f for f in froms if any(m.name == f and m.start < end for m in mentions)] or froms
    named = [m for m in mentions if m.name in froms]
    asides = _history_asides(text)
    left = [
        m.name
        for v in claim_verbs(text, [(m.start, m.end) for m in mentions])
        if v.kind == "leave" and v.end <= verb.start
        and not any(a <= v.start < b for a, b in asides)
        for m in named
        if v.end <= m.start <= v.end + 24 and _LEFT_OBJECT.fullmatch(text[v.end : m.start])
    ]
    if verb.kind == "join" and left:
        return list(dict.fromkeys(left))
    if not asides or any(a <= verb.start < b for a, b in asides):
        return froms
    inside = [m for m in named if any(a <= m.start < b for a, b in asides)]
    outside = [m.name for m in named if m not in inside]
    if outside or not inside:
        return list(dict.fromkeys(outside)) or froms
    joined = [
        m.name for m in inside if _STRONG_TO_BEFORE.search(text[max(0, m.start - 40) : m.start])
    ]
    return joined[-1:] or list(dict.fromkeys(m.name for m in inside))


def _group_in(text: str, mentions: list[PartyMention]) -> bool:
    """Whether the sentence speaks of a group ("members", "supporters") outside party names,
    quotations and what someone is reported saying ("..., saying its leaders ignore them").

    >>> _group_in('Mok Visal quit, saying "the leaders no longer listen"', [])
    False
    """
    for m in mentions:
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    text = _SPEAKING_GROUP.sub(" ", _QUOTED.sub(" ", _SAYING_CLAUSE.sub("", text)))
    return bool(_GROUP.search(text))


def _people(sentence: str, mentions: Sequence[PartyMention] = ()) -> list[str]:
    """The people who moved, as the sentence names them: not those who say, welcome or
    preside, and never a party's name ("Sam Rainsy" of "the Sam Rainsy Party")."""
    out = []
    for name in people_named(sentence):
        at = sentence.find(name)
        if any(m.start < at + len(name) and at < m.end for m in mentions):
            continue
        after = sentence[at + len(name) : at + len(name) + 120]
        if at >= 0 and (
            _NOT_DEFECTOR.search(sentence[:at])
            or KHMER_HOST_BEFORE.search(sentence[:at])
            or KHMER_HOST_AFTER.match(sentence[at + len(name) :])
            or _NOT_DEFECTOR_AFTER.match(after)
            or _SAID_BY_BEFORE.search(sentence[:at])
        ):
            continue
        out.append(name)
    return out


def _segments(
    counts: list[Count], mentions: list[PartyMention], verb: Verb, text: str
) -> list[Count]:
    """The counts that each stand for their own group ("300 CLP members and 50 FUNCINPEC
    members joined"): every count before the verb with a party of its own after it; counts
    of one group ("3 councillors and 61 members") summed. After a verb of welcoming the
    groups are its objects ("received 156 former CLP members and 12 former GDP members")."""
    group_end = _group_end(verb, text)
    part = [c for c in counts if c.start < verb.start and _OF_THEM.match(text[c.end :])]
    if part:
        return part[-1:]  # "Three councillors resigned, and two of them joined the CPP"
    if group_end == verb.start:
        before = [c for c in counts if c.end <= verb.start]
        parts = [c for c in counts if c.start >= verb.end]
        if (
            len(before) == 1
            and len(parts) > 1
            and KHMER_AMONG_THEM.search(text, verb.end, parts[0].start)
            and before[0].value == sum(c.value or 0 for c in parts)
            and _parties_lead(parts, [m for m in mentions if m.start >= verb.end], len(text))
        ):
            # "សកម្មជន ៥២០នាក់ បានចូល... ក្នុងនោះ មកពីគណបក្សA ៣២០នាក់ និងមកពីគណបក្សB ២០០នាក់"
            # (520 joined, among them 320 from A and 200 from B): the parts, party by party
            return parts
    else:
        before = [c for c in counts if c.start >= verb.end]
    values = [c.value for c in before]
    if len(before) >= 3 and None not in values and values[0] == sum(v or 0 for v in values[1:]):
        before = before[1:]  # "1,320 members (1,100 from the CLP and 220 from the KWP)"
    elif len(before) >= 3 and None not in values and values[-1] == sum(v or 0 for v in values[:-1]):
        before = before[:-1]  # "A ចំនួន 1,420 នាក់ និង B ចំនួន 85 នាក់ សរុបទាំងអស់ 1,505 នាក់"
    if len(before) < 2:
        return counts[:1]
    if _parties_lead(before, mentions, group_end):
        return before
    bounds = [c.start for c in before[1:]] + [group_end]
    for c, end in zip(before, bounds, strict=True):
        if not any(c.end <= m.start < end for m in mentions):
            if _KHMER_IN_ALL.search(text[before[-2].end : before[-1].start]):
                # "មេឃុំម្នាក់ ... ២រូប និង... ៣៥នាក់ សរុបទាំងអស់ ៣៨នាក់" (a chief, 2 and 35: 38
                # in all): the total the text tells, though one part was no number
                return before[-1:]
            total = _sum(before, text)
            return [total] if total else counts[:1]
    return before


def _parties_lead(counts: list[Count], mentions: list[PartyMention], group_end: int) -> bool:
    """Whether each group names its party before its count, as Khmer writes it ("សមាជិក
    គណបក្សA ចំនួន ៣៧ នាក់ និងសមាជិកគណបក្សB ចំនួន ៦២ នាក់"): a party before every count since the
    one before it, and none between the last count and the verb."""
    starts = [0] + [c.end for c in counts[:-1]]
    return len(counts) > 1 and all(
        any(a <= m.start and m.end <= c.start for m in mentions)
        for a, c in zip(starts, counts, strict=True)
    ) and not any(counts[-1].end <= m.start < group_end for m in mentions)


def _group_end(verb: Verb, text: str) -> int:
    """Where the groups that moved end: at the verb, or after a welcoming verb the sentence's
    end (its groups are the verb's objects)."""
    return len(text) if _active_welcome(text, verb) else verb.start


def _sum(counts: list[Count], text: str) -> Count | None:
    """Counts joined by "and" that share one group ("three CLP councillors and 61 party
    members joined"): one claim, the sum; None when a count is vague or one is part of
    another ("120 members, including 5 chiefs").

    >>> from bot.ingest.intake.numbers import person_counts
    >>> t = "Three CLP councillors and 61 party members joined"
    >>> _sum(person_counts(t), t)
    Count(value=64, text='Three and 61', qualifier=None, start=0, end=28)
    """
    for a, b in pairwise(counts):
        between = text[a.end : b.start]
        if not re.search(r"\band\b|&", between) or re.search(
            r"\b(?:including|among|of\s+(?:whom|them)|with)\b", between, re.I
        ):
            return None
    values = [c.value for c in counts]
    if None in values:
        return None
    return Count(
        value=sum(v for v in values if v is not None),
        text=" and ".join(c.text for c in counts),
        qualifier=counts[0].qualifier,
        start=counts[0].start,
        end=counts[-1].end,
    )


def _verb(text: str, mentions: list[PartyMention]) -> Verb | None:
    """The act the sentence reports: a joining when it tells of one, else a leaving of a party."""
    verbs = []
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for v in claim_verbs(text, [(m.start, m.end) for m in mentions]):
        after = text[v.end : v.end + 50]
        party_next = any(v.end <= m.start <= v.end + 50 for m in mentions)
        complete = _COMPLETES.match(text[v.start : v.end])
        if v.kind == "leave" and not (_LEFT_WHAT.match(after) or party_next or complete):
            continue  # "left politics", "left the country"; not "handed over their cards"
        if (
            v.kind == "join"
            and text[v.start : v.end].lower().startswith("join")
            and _JOINED_SOMETHING.match(after)
            and not any(v.end <= m.start <= v.end + 25 for m in mentions)
        ):
            continue  # "joined a ceremony"
        if text[v.start : v.end].lower().startswith("join") and re.match(_OCCASION, after, re.I):
            continue  # "after joining a CPP event": attending, not joining
        quote = next((a for a, b in quoted if a < v.start < b), None)
        if quote is not None and (
            _FIRST_PERSON.search(text[: v.start]) or _KHMER_I_WE.search(text[quote : v.start])
        ):
            # '"I joined the Candlelight Party because I wanted change," he said'; "ខ្ញុំ និង
            # បងប្អូន បានសម្រេចចិត្តចាកចេញ..." (my comrades and I decided to leave): why, not news
            continue
        word = text[v.start : v.end]
        if re.match(r"moves\b", word, re.I) and _MOVES_NOUN.search(text[: v.start]):
            continue  # "four reported group or individual moves to the ruling party": a noun
        if word.lower().endswith("ing") and not text[v.end :].strip(" .:;!?\"'"):
            continue  # "October in review: party switching": a topic, no act
        if _ONE_OF_MANY.search(text[: v.start]):
            continue  # "He is one of several lawmakers given posts after joining the CPP"
        if _GERUND_SUBJECT.match(text[v.start :]):
            continue  # "joining the ruling party is often the only way": the act in general
        if _RETURN_HOME.match(text[v.start :]):
            continue  # "returned to Cambodia", "returned home with his wife": no party
        if re.search(r"\b(?:many\s+|some\s+)?others\s+(?:have\s+|had\s+)?$", text[: v.start], re.I):
            continue  # "while others joined the CLP": people no one counts or names
        verbs.append(v)
    asides = _history_asides(text)
    # "X, who left the SRP before joining the CLP in 2021, has switched": the aside is his
    # past; with no verb outside it ("X, who moved to the CLP in 2018, was convicted") the
    # sentence tells no move at all
    verbs = [v for v in verbs if not any(a <= v.start < b for a, b in asides)]
    relative = [
        v for v in verbs
        if _RELATIVE_BEFORE.search(text[: v.start]) or KHMER_RELATIVE_BEFORE.search(text[: v.start])
    ]  # fmt: skip
    main = [v for v in verbs if v not in relative]
    # "Five activists who joined the CPP last year have returned to the CLP": the clause
    # tells who they are, the main verb what they did; a clause's own past year is history.
    recent = [
        v for v in relative
        if not _PAST_YEAR.search(_clause(text, v.end)) and not KHMER_PAST_YEAR.search(text[v.end :])
    ]  # fmt: skip
    if main and recent and all(_CARDS.match(text[v.start : v.end]) for v in main):
        # "300 members who defected to the CPP on 4 July received party cards": the clause
        # tells the move, the cards only mark it
        main = recent
    verbs = main or recent
    if not verbs:
        verbs = [
            Verb("join", m.start, m.start)
            for m in mentions
            if _SHORTHAND_TO.search(text[max(0, m.start - 10) : m.start])
            and not any(a <= m.start < b for a, b in asides)
            and (person_counts(text[: m.start]) or people_named(text[: m.start]))
            and not _COUNTED_THINGS.search(text[: m.start])
            # "an adviser to the CPP": a role, no move
            and not _ROLE_TO.search(text[max(0, m.start - 40) : m.start])
        ][:1]
    joins = [v for v in verbs if v.kind == "join"]
    return joins[0] if joins else (verbs[0] if verbs else None)


def _clause(text: str, start: int) -> str:
    """The words from ``start`` to the next comma or the sentence's end."""
    return re.split(r"[,;:(]", text[start:], maxsplit=1)[0]


def _background(text: str, mentions: list[PartyMention]) -> list[str]:
    """The parties a sentence without a claim says people came from ("formerly members of")."""
    out: list[str] = []
    previous: PartyMention | None = None
    for m in mentions:
        listed = previous is not None and _LISTED_WITH.match(text[previous.end : m.start])
        if (listed and previous is not None and previous.name in out) or (
            _FROM_BEFORE.search(text[max(0, m.start - 40) : m.start])
            and re.search(
                r"\b(?:former|formerly|was|were|had\s+been|came|come|hail(?:ed)?)\b|អតីត",
                text[: m.start],
                re.I,
            )
        ):
            out.append(m.name)  # "were from the CLP, the former CNRP and the LDP"
        previous = m
    return out


def _claimant(text: str, report: Report, named: Sequence[str]) -> str | None:
    """Who the sentence says makes the claim; "the outlet said" is the source the text named
    last (``named``), else the report's outlet.

    >>> _claimant("Ten joined, the outlet said.", Report("", outlet="Fresh News"), [])
    'Fresh News'
    >>> _claimant("Ten joined, the website said.", Report(""), ["Kampuchea Daily"])
    'Kampuchea Daily'
    """
    found = claimant_in(text)
    if found is not None and _ANAPHORIC_SOURCE.match(found):
        return named[-1] if named else report.outlet
    return found or report.outlet


def _read(
    sentence: Sentence,
    report: Report,
    lexicon: Lexicon,
    earlier: list[FoundDate],
    named: Sequence[str] = (),
    anchor: date | None = None,
    opening: bool = True,
) -> _Reading:
    text = sentence.text
    why = not_a_claim(text)
    if why:
        # "ក្នុងចំណោមនោះ មកពីគណបក្សA ២១៥នាក់ និងមកពីគណបក្សB ៤៣នាក់" (among them, 215 from A and
        # 43 from B): the group told before, party by party, each part its own claim
        parts = _counted_groups(text, lexicon.mentions(text)) if why == _PART_OF_GROUP else []
        distinct = len({tuple(names) for _, names in parts}) == len(parts) > 1
        return _Reading(counts=parts if distinct else [])
    mentions = lexicon.mentions(text)
    verb = _verb(text, mentions)
    if verb is None:
        return _Reading(
            background=_background(text, mentions), counts=_counted_groups(text, mentions)
        )
    dates = find_dates(text, anchor or report.published, opening)
    counts = person_counts(text, skip=[(d.start, d.end) for d in dates])
    if _active_welcome(text, verb):
        # "Ten thousand CPP supporters welcomed the prime minister": who welcomes did not move.
        counts = [c for c in counts if c.start > verb.start]
    counts = _movers(counts, text, verb)
    if counts:
        # "Two LDP officials and a vice president of the CLP joined": one more group, of one
        one = [Count(1, m.group(1), None, m.start(1), m.end(1)) for m in _AND_ONE.finditer(text)]
        counts = sorted([*counts, *one], key=lambda c: c.start)
    people = _people(text, mentions)
    roles = _roles(mentions, text, verb)
    asides = _history_asides(text)
    if asides and not any(a <= verb.start < b for a, b in asides):
        # the party joined is never one an aside about the person names
        aside = [m for m in mentions if any(a <= m.start < b for a, b in asides)]
        roles = _roles([m for m in mentions if m not in aside], text, verb)
        roles.froms += [m.name for m in aside if m.name != roles.to]
    to, froms = roles.to, _own_froms(roles.froms, text, mentions, verb)
    named_ = len(_people(text, mentions))
    alone = named_ == 1 or (
        named_ == 0 and bool(_ONE_PERSON.search(text) or KHMER_ONE_PERSON.search(text))
    )  # not "activists of the CLP and the former CNRP", whom the host welcomed
    if len(froms) > 1 and alone and not person_counts(text):
        # one person, "a former CNRP lawmaker who became a Candlelight vice-president": the
        # party they were in last is the one they left
        later = [
            m.name
            for m in mentions
            if m.name in froms and not _FORMER_BEFORE.search(text[max(0, m.start - 24) : m.start])
        ]
        froms = list(dict.fromkeys(later)) or froms
    if (
        to is None
        and verb.kind == "join"
        and roles.sources
        and (
            _IT_AFTER.match(text[verb.end :])
            or KHMER_ITS_OWN.match(text[verb.end :])
            or _active_welcome(text, verb)
        )
    ):
        to = roles.sources[0]  # "the CPP's branch said 200 members had joined it"
    if verb.kind == "leave" and not froms and roles.sources:
        froms = roles.sources[:1]  # "Candlelight said its chief had quit the party"
    if verb.kind == "join" and re.match(r"ចូល|ប្[តដ]ូរ", text[verb.start : verb.end]) and to is None:
        return _Reading()  # "ចូលរួម" alone is attending something, not joining a party
    if to is not None and not froms and any(
        m.name == to and _FORMER_OF.search(text[max(0, m.start - 30) : m.start]) for m in mentions
    ):
        # "អតីតមន្ត្រីគណបក្សភ្លើងទៀន ... បានវិលត្រឡប់មកគណបក្សភ្លើងទៀនវិញ" (a former official
        # of the CLP came back to the CLP): someone returning, no party left
        return _Reading()
    if (
        # "..., the latest in a wave that has seen 10,000 switch sides this year": a total
        # told beside the event, after it, is no reason to drop the event
        _RUNNING_TOTAL.search(_ASIDE.sub(" ", _through_clause(text, verb.end)))
        and not [d for d in dates if not d.reported]
        and not _ONE_OCCASION.search(text)
    ):
        return _Reading()  # "since January, 9,000 have joined": many events, none of them told
    found = _event_date(dates, verb, earlier)
    # "announced on 29 August that he had joined": with no date of the event, the day it was
    # announced is nearer it than the dateline or the day it was published (still a date of
    # saying, so a later sentence's own date replaces it).
    dateline = next((d for d in dates if _ANNOUNCED_ON.search(text[: d.start])), None) or next(
        (d for d in dates if d.dateline), None
    )
    # "X, who was a CLP candidate in 2022, has joined the CPP": the year dates who X was
    # ... and "កាលពីឆ្នាំ២០២០" (back in 2020)
    past = _PAST_YEAR.search(_ASIDE.sub(" ", text)) or KHMER_PAST_YEAR.search(text)
    year = int(next(g for g in past.groups() if g)) if past else None
    if found is None and year and report.published and year < report.published.year:
        return _Reading()  # "joined the Candlelight Party in 2013": history, not news
    if found and report.published and (report.published - found.value).days > 366:
        return _Reading()  # "ten years ago, on 26 August 2014, 200 joined": an anniversary
    one_person = (
        _ONE_PERSON.search(text[: verb.start])
        or KHMER_ONE_PERSON.search(text[: verb.start])
        or _SAID_HE.search(text[: verb.start])
        or (
            _MOVED.search(text[verb.start : verb.end])
            and _THE_ONE_PERSON.search(text[: verb.start])
        )
    )
    # Who makes the claim did not move ("said district chief X, who added that the group
    # handed over their cards on 6/7/2023" is a bare sentence dating the move before it).
    claimant = _claimant(text, report, named)
    speaker_moved = re.search(r"\b(?:his|her)\b", text[verb.start : verb.end])
    people = [p for p in people if claimant is None or _bare(p) not in claimant or speaker_moved]
    if not counts and not froms and not people and not one_person:
        return _Reading(bare=True, to=to, date=found)
    group = _group_in(text, mentions)
    readings = []
    # the party joined is no group's own party ("the CLP (121 people) and the GDP (25 people)
    # who asked to join the CPP")
    own_mentions = [m for m in mentions if m.name != to]
    groups = _segments(counts, own_mentions, verb, text) if counts else [None]
    for i, count in enumerate(groups):
        reasons: list[str] = []
        number: int | None
        if count is not None:
            number, number_text, qualifier = count.value, count.text, count.qualifier
            if number is not None and people and (
                re.match(r"\s+other\b|\s*(?:នាក់|រូប)ទៀត", text[count.end :])
                or _ALONG_WITH.search(text[: count.start])
            ):
                # "Mr. X and 12 other committee members", "Mr. X, together with 83 of his
                # supporters": the named people and those who came with them
                number += len(people)
            if number is None:
                reasons.append(f'"{count.text}" is no count')
        elif people and (
            not group
            or _NAMED_GROUP.search(text)
            # "Former CNRP councillors A, B and C joined": the names are the group
            or re.search(rf"{_GROUP.pattern}\s+{re.escape(people[0])}", text, re.I)
        ):
            # "X, his wife and two children joined": the relatives moved with X.
            relatives = family_members(text)
            number = None if relatives is None else len(people) + relatives
            number_text, qualifier = None, None
        elif not people and one_person and not group:
            number, number_text, qualifier = 1, None, None
        else:
            number, number_text, qualifier = None, None, None
        own_froms = froms
        if froms and (_OTHER_PARTIES.search(text) or KHMER_OTHER_PARTIES.search(text)):
            # "former members of the CLP and other opposition parties": the joint row the
            # record keeps ("Candlelight Party / Unnamed Parties")
            own_froms = [*froms, UNNAMED_PARTIES]
        if len(groups) > 1 and count is not None:
            following = groups[i + 1] if i + 1 < len(groups) else None
            end = following.start if following is not None else _group_end(verb, text)
            own_froms = [m.name for m in mentions if count.end <= m.start < end and m.name != to]
            counted = [g for g in groups if g is not None]
            if _parties_lead(counted, own_mentions, _group_end(verb, text)):
                previous = groups[i - 1] if i else None
                start = previous.end if previous is not None else 0
                own_froms = [
                    m.name for m in mentions if start <= m.start < count.start and m.name != to
                ]
        kind: ProposalKind = "defection"
        if to is None and verb.kind == "leave":
            kind = "departure"
        elif to is None:
            reasons.append(_UNNAMED_DESTINATION)
        readings.append(
            Proposal(
                date=found.value if found else (dateline.value if dateline else report.published),
                date_kind="event" if found else "published",
                number=number,
                number_text=number_text,
                qualifier=qualifier,
                from_parties=list(own_froms),
                new_parties=[m.name for m in mentions if not m.known and m.name in own_froms],
                to_party=to,
                people=people,
                claimant=claimant,
                evidence=text,
                confidence="low" if reasons else "high",
                reasons=reasons,
                kind=kind,
            )
        )
    if len(readings) == 1:
        readings = _per_person(readings[0], text, mentions, verb)
    return _Reading(proposals=readings)


def _per_person(
    proposal: Proposal, text: str, mentions: list[PartyMention], verb: Verb
) -> list[Proposal]:
    """Named people who moved together, each described with his own former party ("Mr. A, a
    former CNRP lawmaker, and Ms. B, a Candlelight official, joined the CPP"): one claim
    each, as counts given party by party are; else the one claim."""
    people = proposal.people
    if proposal.number_text is not None or len(people) < 2 or proposal.number != len(people):
        return [proposal]
    starts = [text.find(name) for name in people]
    if sorted(starts) != starts or starts[-1] > verb.start:
        return [proposal]
    ends = [*starts[1:], verb.start]
    own = [
        list(dict.fromkeys(
            m.name for m in mentions if a <= m.start < b and m.name in proposal.from_parties
        ))
        for a, b in zip(starts, ends, strict=True)
    ]  # fmt: skip
    if any(not parties for parties in own) or len({tuple(p) for p in own}) < 2:
        return [proposal]
    return [
        replace(proposal, number=1, people=[name], from_parties=parties,
                new_parties=[n for n in proposal.new_parties if n in parties])
        for name, parties in zip(people, own, strict=True)
    ]  # fmt: skip


_ANNOUNCED_ON = re.compile(
    r"\b(?:announced|wrote|posted)\s+(?:(?:on|in|via)\s+(?:[\w'-]+\s+){1,3}?)?(?:on\s+)?$", re.I
)


def _event_date(dates: list[FoundDate], verb: Verb, earlier: list[FoundDate]) -> FoundDate | None:
    own = [d for d in dates if not d.reported]
    if own:
        return min(own, key=lambda d: abs(d.start - verb.start))
    return earlier[-1] if earlier else None


def _year_anchor(sentences: Sequence[Sentence]) -> date | None:
    """With no published date, the first date the text writes with its year (a dateline's
    "July 6, 2023") gives "5 July" elsewhere its year; None when no date has one.

    >>> _year_anchor(split_sentences("PHNOM PENH, July 6, 2023 - Nine joined on 5 July."))
    datetime.date(2023, 7, 6)
    """
    for sentence in sentences:
        for found in find_dates(sentence.text, None):
            return found.value  # without a published date only dates with a year are read
    return None


def _bare(name: str) -> str:
    """A name without its title, to know "Mr. Kung Raiya" and "Kung Raiya" for one person."""
    return " ".join(w for w in name.split() if not w.endswith(".") and w != "Oknha")


def _only(counts: Counter[str]) -> str | None:
    """The one party every claim of the text joined, if there is one."""
    return next(iter(counts)) if len(counts) == 1 else None


def _bared(names: list[str]) -> set[str]:
    """The names without titles, and each one's last word too: English reports call "Mr.
    Chan Sophorn" "Mr. Sophorn" after the first time."""
    bare = [_bare(n) for n in names]
    return {form for b in bare if b for form in (b, b.split()[-1])}


def _same_event(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals tell one event: the same count (or one vague), the same former
    parties (or one's within the other's), the same party joined (or one unnamed), on one date
    (or one undated)."""
    same_person = bool(_bared(a.people) & _bared(b.people))
    return (
        (a.number == b.number or None in (a.number, b.number) or same_person)
        # "A senior CLP official defected ... X, a CLP official and former CNRP lawmaker,
        # said he had joined": one set of parties within the other is one group
        and (
            set(a.from_parties) <= set(b.from_parties) or set(a.from_parties) >= set(b.from_parties)
        )
        and (a.to_party == b.to_party or None in (a.to_party, b.to_party))
        and a.kind == b.kind
        and (a.date == b.date or "published" in (a.date_kind, b.date_kind))
        and not (a.people and b.people and not _bared(a.people) & _bared(b.people))
    )


def _told_per_party(joint: Proposal, out: Sequence[Proposal]) -> bool:
    """Whether a joint claim ("over 1,500 CLP and FUNCINPEC members joined", a headline) is
    the same event the text counts party by party: each of its former parties has a claim of
    its own to the same party, on its date (or it has none of its own), and their sum is its
    number, rounded (or it gives none)."""
    if len(joint.from_parties) < 2:
        return False
    parts = [
        o for o in out
        if o is not joint and len(o.from_parties) == 1 and o.from_parties[0] in joint.from_parties
        and o.to_party == joint.to_party and o.kind == joint.kind
        and (o.date == joint.date or joint.date_kind == "published")
    ]  # fmt: skip
    if {o.from_parties[0] for o in parts} != set(joint.from_parties):
        return False
    total = sum(o.number or 0 for o in parts)
    return joint.number is None or abs(total - joint.number) <= total * 0.05


def _merge(into: Proposal, other: Proposal) -> None:
    if into.number_text is None and other.number_text is not None and (
        _bared(into.people) & _bared(other.people)
    ):
        # "X was received into the CPP. X crossed over together with 63 of his supporters,
        # 64 people in all": the count that says who came with him
        into.number, into.number_text, into.qualifier = (
            other.number,
            other.number_text,
            other.qualifier,
        )
    if into.date_kind == "published" and other.date_kind == "event" and into.number == other.number:
        # A headline and the body that dates it: the body's sentence says more.
        into.evidence, into.qualifier = other.evidence, into.qualifier or other.qualifier
    if into.number is None and other.number is not None and not (
        into.number_text is not None and other.number_text is None
    ):  # "Hundreds joined ... one of them, Mr. X, said he joined": still hundreds
        into.number, into.number_text, into.qualifier = (
            other.number,
            other.number_text,
            other.qualifier,
        )
        into.evidence = other.evidence
        into.reasons = [r for r in into.reasons if "is no count" not in r]
    if not into.from_parties:
        into.from_parties, into.new_parties = other.from_parties, other.new_parties
    if into.to_party is None and other.to_party is not None:
        into.to_party = other.to_party
        into.reasons = [r for r in into.reasons if r != _UNNAMED_DESTINATION]
    if into.date_kind == "published" and other.date_kind == "event":
        into.date, into.date_kind = other.date, "event"
    into.people = list(dict.fromkeys(into.people + other.people))
    into.confidence = "low" if into.reasons else "high"


def _without_headlines(out: list[Proposal], headline: list[Proposal]) -> list[Proposal]:
    """The claims without a headline's that the body tells in its own words: "Over 1,000
    join CPP" over "1,050 Candlelight members joined on 18 May" is that claim, rounded (its
    count kept only when the body gives none)."""
    for h in headline:
        body = [
            b
            for b in out
            if b is not h
            and b.kind == h.kind
            and h.to_party in (b.to_party, None)
            and (
                set(h.from_parties) <= set(b.from_parties)
                or set(h.from_parties) >= set(b.from_parties)
            )
        ]
        if not body:
            continue
        if len(body) == 1 and body[0].number is None:
            body[0].number, body[0].number_text = h.number, h.number_text
            body[0].qualifier = body[0].qualifier or h.qualifier
        out = [p for p in out if p is not h]
    return out


def _from_context(
    reading: _Reading, before: list[Sentence], report: Report, lexicon: Lexicon, sentence: Sentence
) -> Proposal | None:
    """A bare sentence with no claim before it ("On 29 July she joined the CPP") told about
    the people and the party the sentences before it name."""
    if reading.to is None or not before:
        return None
    people = [p for s in before for p in _people(s.text, lexicon.mentions(s.text))]
    froms = [
        m.name
        for s in before
        for m in lexicon.mentions(s.text)
        if _FROM_BEFORE.search(s.text[max(0, m.start - 40) : m.start]) and m.name != reading.to
    ]
    one = bool(_ONE_PRONOUN.search(sentence.text)) or len(set(people)) == 1
    if not people and not one:
        return None
    return Proposal(
        date=reading.date.value if reading.date else report.published,
        date_kind="event" if reading.date else "published",
        number=1 if one else len(set(people)),
        number_text=None,
        from_parties=list(dict.fromkeys(froms)),
        to_party=reading.to,
        people=list(dict.fromkeys(people))[:1] if one else list(dict.fromkeys(people)),
        claimant=_claimant(sentence.text, report, ()),
        evidence=sentence.text,
    )


def propose(report: Report, parties: Sequence[PartyName]) -> list[Proposal]:
    """The claims a report makes, in the order the text makes them.

    >>> from bot.ingest.intake.report import PartyName, Report
    >>> lexicon = [PartyName("FUNCINPEC", (), ("FUNCINPEC",))]
    >>> [p] = propose(Report("Mr. Yim Borey quit FUNCINPEC on 3 May."), lexicon)
    >>> p.kind, p.to_party, p.number, p.people, p.date
    ('departure', None, 1, ['Mr. Yim Borey'], None)
    """
    lexicon = Lexicon(parties)
    text = report.text
    titled = bool(report.title) and not text.lstrip().startswith((report.title or "").strip())
    if titled:
        text = f"{report.title}\n{text}"
    headline: list[Proposal] = []  # the headline's claims no body sentence told again
    told: tuple[int, _Reading] | None = None  # a bare move with no claim yet to complete
    sentences = split_sentences(text)
    # a pasted report's first line may be its headline: short, alone, with no full stop
    titled = titled or (
        len(sentences) > 1
        and sentences[0].paragraph != sentences[1].paragraph
        and len(sentences[0].text) < 160
        and not sentences[0].text.rstrip().endswith((".", "។", "៕", "!", "?", '"', "”"))
    )
    if any(not_a_claim(s.text) in _FALSE_CLAIM for s in sentences[: 2 if report.title else 1]):
        # "Villagers say a news site falsely reported that they had defected": the report
        # is about a claim being false; the claim it retells is not proposed
        return []
    anchor = report.published or _year_anchor(sentences)
    out: list[Proposal] = []
    last_at = -10  # the index of the sentence the last proposal came from
    # a list's lines read so far, each a part of the claim before ("✅ 125 from the CLP"), and
    # the index of the list's first and last line
    listing: tuple[int, int, list[tuple[Count, list[str]]], str] | None = None
    earlier: list[FoundDate] = []
    named: list[str] = []
    paragraph = -1
    for i, sentence in enumerate(sentences):
        if sentence.paragraph != paragraph:
            paragraph, earlier = sentence.paragraph, []
        last_day = out[-1].date if out and out[-1].date_kind == "event" else None
        if last_day and _SAME_DAY.search(sentence.text):
            # "នៅថ្ងៃដដែលនោះ" (on that same day), in a paragraph of its own: the day of the
            # event told before
            earlier = [*earlier, FoundDate(last_day, 0, 0)]
        opening = sentence.index <= (1 if titled else 0)  # where a dateline may stand
        reading = _read(sentence, report, lexicon, earlier, named, anchor, opening)
        going = listing if listing and reading.counts and listing[1] == i - 1 else None
        if going:
            reading.counts = going[2] + reading.counts  # the list's next line
        parts = reading.proposals
        if (
            out
            and len(parts) > 1
            and all(p.number is not None and p.from_parties for p in parts)
            and len({tuple(p.from_parties) for p in parts}) == len(parts)
            and _SAME_GROUP.search(sentence.text[:120])
        ):
            # "The new members, comprising 45 from the CLP and 12 from FUNCINPEC, were welcomed
            # on 20 May": the group told before, party by party: each part its own claim
            whole = out.pop()
            if whole in headline:
                headline.remove(whole)
            for part in parts:
                if part.date_kind == "published" and whole.date_kind == "event":
                    part.date, part.date_kind = whole.date, "event"
                part.to_party = part.to_party or whole.to_party
        elif out and reading.proposals and _SAME_GROUP.search(sentence.text[:120]):
            # "The officials, including four councillors, were pictured receiving CPP cards":
            # the group told before, told again; it may date that claim, never add one.
            own = reading.proposals[0]
            reading = _Reading(
                bare=True,
                to=own.to_party,
                date=FoundDate(own.date, 0, 0) if own.date_kind == "event" and own.date else None,
            )
        if not reading.proposals and not reading.bare and out and out[-1].date_kind == "published":
            held = [
                d for d in find_dates(sentence.text, anchor, opening) if not (d.reported or d.bound)
            ]
            if held and _CEREMONY.search(sentence.text):
                # "The welcoming ceremony was held on Sunday": the day of the claim before
                out[-1].date, out[-1].date_kind = held[0].value, "event"
        if reading.bare and out:
            last = out[-1]
            if last.kind == "departure" and reading.to is not None:
                # "Mr. X has left the CLP. On 23 September he was sworn in as a CPP member."
                last.kind, last.to_party = "defection", reading.to
                if reading.date is not None:
                    last.date, last.date_kind = reading.date.value, "event"
            if last.date_kind == "published" and reading.date is not None:
                last.date, last.date_kind = reading.date.value, "event"
            if last.to_party is None and reading.to is not None and last.kind == "defection":
                last.to_party = reading.to
                last.reasons = [r for r in last.reasons if r != _UNNAMED_DESTINATION]
                last.confidence = "low" if last.reasons else "high"
        elif reading.bare:
            made = _from_context(reading, sentences[:i], report, lexicon, sentence)
            reading.proposals = [made] if made else []
            if not made:
                told = (i, reading)  # "... members who have joined the CPP", counted next
        elif (
            reading.counts
            and not out
            and told is not None
            and i - told[0] == 1
            and all(set(names) - {told[1].to} for _, names in reading.counts)
        ):
            # "A ceremony for members who have joined the CPP. The new members included 50
            # from the CLP and 9 from FUNCINPEC.": the move, then its groups
            before = told[1]
            for count, names in reading.counts:
                out.append(
                    Proposal(
                        date=before.date.value if before.date else report.published,
                        date_kind="event" if before.date else "published",
                        number=count.value,
                        number_text=count.text,
                        qualifier=count.qualifier,
                        from_parties=[n for n in names if n != before.to],
                        to_party=before.to,
                        claimant=_claimant(sentence.text, report, named),
                        evidence=f"{sentences[told[0]].text} {sentence.text}",
                        reasons=[] if before.to else [_UNNAMED_DESTINATION],
                        confidence="high" if before.to else "low",
                    )
                )
            last_at = i
        elif (
            reading.counts
            and out
            and (going[0] if going else i) - last_at <= 1
            and (
                out[-1].number is None
                or out[-1].number == sum(c.value or 0 for c, _ in reading.counts)
                or _BREAKDOWN.match(sentence.text)
            )
        ):
            # "Scores of members switched to the CPP. ... 78 former Candlelight members and 12
            # former GDP members took part": the counts the claim lacked; "473 joined. Among
            # them were 420 from the CLP and 53 from the KNUP": each party's own claim.
            vague = out.pop()
            for count, names in reading.counts:
                out.append(
                    replace(
                        vague,
                        number=count.value,
                        number_text=count.text,
                        qualifier=count.qualifier,
                        from_parties=[n for n in names if n != vague.to_party],
                        reasons=[r for r in vague.reasons if "is no count" not in r],
                        confidence="low" if vague.to_party is None else "high",
                        evidence=f"{vague.evidence} {going[3] if going else ''}{sentence.text}",
                    )
                )
        elif (
            reading.counts
            and out
            and (going[0] if going else i) - last_at <= 1
            and sum(c.value or 0 for c, _ in reading.counts) < (out[-1].number or 0)
        ):
            # "168 joined" over a list, line by line ("✅ 125 from the CLP", "✅ 43 from the
            # KNUP"): the lines so far, each a part; the list completes the total or tells none
            start, text = (going[0], going[3]) if going else (i, "")
            listing = (start, i, reading.counts, f"{text}{sentence.text} ")
        elif reading.background and out and i - last_at <= 2 and not out[-1].from_parties:
            out[-1].from_parties = [p for p in reading.background if p != out[-1].to_party]
        for p in reading.proposals:
            if (
                p.kind == "departure"
                and not p.people
                and p.number in (None, 1)
                and p.number_text is None
                and _PRONOUN_SUBJECT.match(sentence.text)
                and out
                and len(out[-1].people) == 1
            ):
                # "Mr. X joined the CPP. The GDP said he had left it": one move, which the
                # second sentence dates when the first does not ("he made the decision on 10
                # February")
                if out[-1].date_kind == "published" and p.date_kind == "event":
                    out[-1].date, out[-1].date_kind = p.date, "event"
                headline = [h for h in headline if h is not out[-1]]  # the body told it
                last_at = i
                continue
            # the party joined is no party left (the one of the claim before, while this one's
            # is still to be read from the rest of the text)
            joined_to = {p.to_party or (out[-1].to_party if out else None)} - {None}
            p.from_parties = [f for f in p.from_parties if f not in joined_to]
            if not p.from_parties and _ITS_ROLE.search(sentence.text):
                # "the party's Takeo chief and its Kampot chief were received into the CPP":
                # the party the text spoke of most before
                spoken = Counter(
                    m.name
                    for s in sentences[:i]
                    for m in lexicon.mentions(s.text)
                    if m.name not in joined_to and m.known
                )
                p.from_parties = [name for name, _ in spoken.most_common(1)]
            told_count = p.number is not None and p.number in (
                out[-1].number if out else None,
                sum(o.number or 0 for o in out if p.to_party in (o.to_party, None)),
            )
            if (
                out
                and ((p.number is None and p.number_text is None) or told_count)
                and not p.people
                and not [
                    f
                    for f in p.from_parties
                    if f not in (p.to_party, out[-1].to_party, *out[-1].from_parties)
                ]
                and p.to_party in (None, out[-1].to_party)
                and not (p.date_kind == out[-1].date_kind == "event" and p.date != out[-1].date)
            ):
                # "Photos showed the group receiving party cards", "gifts to all 146 new
                # members": no name, no party and no count of its own (none, or the one told
                # before) after a claim: that claim told again (it may date it)
                if out[-1].date_kind == "published" and p.date_kind == "event":
                    out[-1].date, out[-1].date_kind = p.date, "event"
                headline = [h for h in headline if h is not out[-1]]  # the body told it
                last_at = i
                continue
            same_paragraph = out and sentences[last_at].paragraph == sentence.paragraph
            if not p.from_parties and out and _ANOTHER.search(sentence.text):
                # "In the afternoon, another 145 members were received": a second group of
                # the occasion told before, from its parties (on its day, in its paragraph)
                last = out[-1]
                p.from_parties = list(last.from_parties)
                if same_paragraph and p.date_kind == "published" and last.date_kind == "event":
                    p.date, p.date_kind = last.date, "event"
            elif not p.from_parties and same_paragraph:
                last = out[-1]
                if not (_bared(p.people) & _bared(last.people)) and p.to_party in (
                    None,
                    last.to_party,
                ) and (
                    p.date == last.date or p.date_kind == "published"
                ):
                    # "Our observer counted roughly 30 people receiving cards": the same
                    # group counted again, which the claim before already holds
                    last_at = i
                    continue
            twin = next(
                (
                    o
                    for o in out
                    if _same_event(o, p)
                    # a headline's parties are all the body's: only the same ones are its twin
                    and (o not in headline or set(o.from_parties) == set(p.from_parties))
                ),
                None,
            )
            if twin is None:
                out.append(p)
                if titled and i == 0:
                    headline.append(p)
            else:
                _merge(twin, p)
                headline = [h for h in headline if h is not twin]  # the body told it again
            last_at = i
        earlier += [d for d in find_dates(sentence.text, anchor, opening) if not d.reported]
        source = claimant_in(sentence.text)
        if source and not _ANAPHORIC_SOURCE.match(source) and source not in people_named(source):
            named.append(source)  # an outlet the text cites, for a later "the outlet said"
    out = per_bullet(_without_headlines(out, headline), sentences, lexicon, anchor)
    # A person's leaving told beside their joining is one move.
    joined = {_bare(name) for p in out if p.kind == "defection" for name in p.people}
    out = [p for p in out if not (p.kind == "departure" and {_bare(n) for n in p.people} & joined)]
    for p in [p for p in out if p.kind == "departure" and p.number == 1 and len(p.people) == 1]:
        # "A CLP councillor joined the CPP. Mr. X said he left the CLP": the one person who
        # moved, named when his leaving is told
        unnamed = [o for o in out if o.kind == "defection" and o.number == 1 and not o.people]
        left = set(p.from_parties)
        if len(unnamed) == 1 and left and left <= set(unnamed[0].from_parties):
            unnamed[0].people = p.people
            out.remove(p)
    out = [p for p in out if not _told_per_party(p, out)]
    destinations = Counter(p.to_party for p in out if p.to_party)
    joined_by_all = _only(destinations)
    for p in out:
        # the one party every claim joined is no party any of them left
        p.from_parties = [f for f in p.from_parties if f != joined_by_all]
    ruling = next((party.name for party in parties if "CPP" in party.acronyms), None)
    named_anywhere = {m.name for m in lexicon.mentions(text)}
    for p in out:
        if p.to_party is None and p.kind == "defection" and len(destinations) == 1:
            p.to_party = destinations.most_common(1)[0][0]
            p.reasons = [r for r in p.reasons if r != _UNNAMED_DESTINATION]
            p.confidence = "low" if p.reasons else "high"
        elif (
            p.to_party is None
            and p.kind == "defection"
            and not destinations
            and ruling in named_anywhere
            and ruling not in p.from_parties
        ):
            # "H.E. X welcomed 1,112 Candlelight members ... 'the CPP's achievements'": the
            # party the text names besides the ones left; still for the reviewer to check
            p.to_party = ruling
            p.reasons = [
                _DESTINATION_ELSEWHERE if r == _UNNAMED_DESTINATION else r for r in p.reasons
            ]
    return out
