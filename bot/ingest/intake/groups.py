"""Who moved, as one sentence tells it: the counts that each stand for a group, the
people it names (not those who speak, host or look on), and a person's name without titles.

>>> from bot.ingest.intake.numbers import person_counts
>>> t = "300 members joined at a ceremony attended by 2,000 people"
>>> [c.value for c in movers(person_counts(t), t, Verb("join", 12, 18))]
[300]
>>> bare_name("Mr. Kung Raiya")
'Kung Raiya'

Regular expressions written here: the words that mark a group, an onlooker or a host are the
project's own judgement of what the press writes, which no library holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from bot.ingest.intake.clauses import QUOTED
from bot.ingest.intake.numbers import KHMER_AMONG_THEM, Count, person_counts
from bot.ingest.intake.parties import PartyMention
from bot.ingest.intake.people import KHMER_HOST_AFTER, KHMER_HOST_BEFORE, people_named
from bot.ingest.intake.report import Proposal
from bot.ingest.intake.roles import active_welcome
from bot.ingest.intake.signals import Verb

_KHMER_TEXT = re.compile(r"[\u1780-\u17ff]")
GROUP = re.compile(
    r"\b(?:members|supporters|activists|officials|councill?ors|people|group|families|others|"
    r"followers|youths|villagers|candidates|cadres|leaders)\b",
    re.I,
)
# "two CPP officials told MDW": who speak, not a group that moved.
_ALONG_WITH_BEFORE = re.compile(
    r"\b(?:along|together)\s+with\s+(?:(?:his|her|their)\s+)?$|\bas\s+well\s+as\s+$", re.I
)
UNNAMED_PARTIES = "Unnamed Parties"  # the record's canonical name for parties it does not name
# "... and 216 from other parties", "the remaining 150 from other parties"
OTHER_PARTIES_AFTER = re.compile(
    # ... "19 members of other parties"
    r"^\s*(?:(?:former\s+)?(?:members|supporters|activists)\s+)?(?:were\s+)?(?:from|of)\s+"
    r"(?:various\s+)?other\s+(?:political\s+|opposition\s+|small(?:er)?\s+)?parties\b"
    # ... Khmer "១៥នាក់ទៀត មកពីគណបក្សផ្សេងៗ" (15 more, from other parties)
    r"|^\s*(?:នាក់|រូប)?\s*(?:ទៀត)?\s*(?:មក)?ពី\s*គណបក្ស(?:នយោបាយ)?\s*(?:ផ្សេងៗ|ផ្សេងទៀត|ដទៃ|នានា)",
    re.I,
)
_SPEAKING_GROUP = re.compile(
    # ... "officials from both parties confirmed"
    r"\b(?:officials|members|leaders|activists|people)\s+(?:(?:of|from)\s+(?:\w+\s+){1,3}?)?"
    r"(?:said|say|says|told|confirmed)\b(?!\s+to\s+(?:have|be)\b)"
    # "the CPP Working Group", "the women's working group": a body of a party, no movers
    r"|\bworking\s+groups?\b"
    # "X told supporters he was quitting": whom he spoke to
    r"|\b(?:told|addressed|thanked)\s+(?:(?:his|her|their|the|a\s+crowd\s+of)\s+)?"
    r"(?:supporters|members|villagers|activists|reporters)\b"
    # ... a statement's "would like to inform our members and the public that"
    r"|\b(?:inform|informs|informed|notify|notifies|notified)\s+(?:all\s+)?(?:(?:our|its|their|the)\s+)?"
    r"(?:\w+\s+)?(?:members|supporters|activists)(?:\s+and\s+(?:the\s+)?(?:members|supporters|"
    r"activists|public))?\b"
    # "X, one of only two CLP councillors on the council, took a card": a set X is in
    r"|\bone\s+of\s+(?:(?:only|just|the|its|their|her|his)\s+)*\w+\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:councillors|members|lawmakers|officials|candidates|leaders)\b",
    re.I,
)
# ... ", a 39-year-old lecturer who stood third on the GDP's list of candidates,"
_WHERE_ASIDE = re.compile(
    r",\s*(?:where|whose)\b[^,;]*$"
    # ... "X, who worked as an aide to senator Y, resigned": whom the mover served
    r"|,\s*who\s+(?:[\w-]+\s+){0,8}?(?:aide|adviser|advisor|assistant|secretary|driver|"
    r"bodyguard|deputy)\s+(?:to|of|for)\s+[^,;]*$",
    re.I,
)
# (or ending the sentence: "..., which is fielding candidates in the province.")
_WHO_ASIDE = re.compile(r",\s*(?:an?\s+[^,;]{0,60}?\s)?(?:who|which)\b[^,;]*(?:,|\W*$)", re.I)
_SAYING_CLAUSE = re.compile(
    r",\s*(?:saying|adding|explaining|complaining|citing|claiming|arguing|noting|telling)\b.*$"
    # ... ", district officials and the councillor herself confirmed.": who tells it
    r"|,\s*(?:[\w'’-]+\s+){1,8}?(?:said|say|says|confirmed|reported)\W*$",
    re.I | re.S,
)
ROLE = (
    r"(?:chief|official|councill?or|candidate|member|activist|"
    r"leader|lawmaker|deputy|governor|senator|president|secretary|spokes(?:man|woman|person)|"
    r"businessman|businesswoman|analyst|monk|teacher|tycoon|parliamentarian|MP|executive|"
    r"organi[sz]er|coordinator|adviser|advisor|director|head|commander|officer|figure|founder|"
    r"veteran|mayor|councilwoman|councilman|representative)\b"
)
# "welcomed by Senate President Say Chhum": the host, titles and all.
_NOT_DEFECTOR = re.compile(
    r"(?:\bby|\bwith|\bfrom|\bgovernor|\bminister|\bspokes\w+|\baccording\s+to|"
    r"\b(?:presidency|auspices|chairmanship|leadership)\s+of)\s*"
    r"(?:(?-i:[A-Z])[\w.'-]*\s+){0,3}$"
    # "attended by a FUNCINPEC deputy secretary-general, Sar Chanthou"
    # ... "into FUNCINPEC by its provincial president, Tep Vichet"
    r"|\b(?:by|from)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w.'-]+\s+){0,5}?[\w'-]+,\s*$"
    # "welcomed by senior CPP official Ly Sovannara", "from CPP deputy president X"
    r"|\b(?:by|from)\s+(?:(?:senior|provincial|district|deputy|vice|party|chief|official|"
    # ... "by provincial working group member X"
    r"governor|president|head|secretary|minister|member|working|group|committee|"
    r"(?-i:[A-Z]{2,}))[\s-]+){1,5}$",
    re.I,
)
# Who speaks, presides or welcomes is not who moved ("Samdech X presided over a ceremony").
_NOT_DEFECTOR_AFTER = re.compile(
    # (his titles between: "H.E. X, Member of ..., Deputy Head of ..., warmly welcomed")
    r"^,?\s+(?:[^,;\"“]{1,90},\s+){0,4}(?:on\s+(?:[\w,]+\s+){1,4}?)?(?:\w+ly\s+)?"
    # ... a caption translated from Khmer: "H.E. X, ..., hand CPP membership cards to 57 family"
    r"(?:said|says|told|presided|presides|chaired|welcomed|welcomes|handed(?!\s+in\b)|thanked|"
    r"hands?(?=\s+(?:\w+\s+){0,2}?cards\b)|"
    # "X received 87 members" is the host; "X received his membership card" moved
    # ... and "X received CPP membership" moved too
    r"received(?!\s+(?:his|her|their|a|an)\b)(?!\s+(?:[\w'-]+\s+){0,2}?(?:membership|cards?)\b))\b"
)
# "which its provincial chief, Dy Sokhom, called a sign that ...": who judges the move
_CALLS_IT_AFTER = re.compile(r",?\s+(?:called|hailed|described)\b")
# '"...," said district chief X': who speaks, named after the saying.
_SAID_BY_BEFORE = re.compile(r"[\"”],?\s+(?:said|says|added)\s+(?:[\w.-]+\s+){0,4}$", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_KHMER_IN_ALL = re.compile(r"សរុប(?:ទាំងអស់)?\s*(?:ចំនួន)?\s*$")
# Who looked on at a ceremony, not who moved.
_ONLOOKERS = re.compile(
    r"\b(?:attended\s+by|in\s+the\s+presence\s+of|witnessed\s+by|watched\s+by|"
    r"(?:before|in\s+front\s+of)\s+(?:a\s+crowd\s+of|some|about|more\s+than|over)|"
    r"with\s+the\s+participation\s+of)\b"
    # "ដែលមានការចូលរួមពីមន្ត្រីខេត្តប្រមាណ ២០រូប" (attended by some 20 provincial officials)
    r"|មានការ(?:អញ្ជើញ)?ចូលរួម(?:ពី|ដោយ)",
    re.I,
)


_GIVERS = re.compile(
    r"\b(?:from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:officials|leaders|authorities)\b", re.I
)
_NAMED_GUEST = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,4}?(?:Governor|Minister|Secretary|President|Chairman|Head|Member|"
    r"Chief|Director|Senator|Deputy)\b"
)


KHMER_OTHERS_BEFORE = re.compile(r"គណបក្ស(?:នយោបាយ)?\s*(?:ផ្សេងៗ|ផ្សេងទៀត|ដទៃ)\S*\s*(?:ចំនួន)?\s*$")


_OTHERS_LABEL = re.compile(r"\bother\s+parties\s*:\s*$", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:including|among\s+(?:them|whom)|of\s+(?:them|whom))\s+$", re.I)


def counted_groups(text: str, mentions: list[PartyMention]) -> list[tuple[Count, list[str]]]:
    """A verbless sentence's counts, each with the parties named after it before the next
    ("78 former Candlelight members and 12 former GDP members took part"), or in Khmer before
    it ("មកពីគណបក្សភ្លើងទៀន ចំនួន ៥៤នាក់", from the Candlelight Party, 54); empty unless every
    count has its party; a whole before its parts ("Of the 464 new members, 412 came from the
    CLP and 52 from the KWP") is left out."""
    # "145 members of the CLP, including three sitting councillors, 60 of the GDP": a part of
    # the group before, no group of its own
    counts = [
        c
        for i, c in enumerate(person_counts(text))
        if not (i and _SUBSET_BEFORE.search(text[: c.start]))
    ]
    values = [c.value for c in counts]
    if len(counts) >= 3 and None not in values and values[0] == sum(v or 0 for v in values[1:]):
        counts = counts[1:]
    elif len(counts) >= 3 and None not in values and values[-1] == sum(v or 0 for v in values[:-1]):
        counts = counts[:-1]  # "..., for a total of 110 people"
    starts = [0, *(c.end for c in counts[:-1])][: len(counts)]
    lead = [
        [m.name for m in mentions if a <= m.start < c.start]
        # "មកពីគណបក្សផ្សេងៗ ៤នាក់" (from other parties, 4): the parties the record leaves unnamed
        # ... and a list's "• Other parties: 34 people"
        or (
            [UNNAMED_PARTIES]
            if KHMER_OTHERS_BEFORE.search(text, a, c.start)
            or _OTHERS_LABEL.search(text, a, c.start)
            else []
        )
        for a, c in zip(starts, counts, strict=True)
    ]
    trailing = [m for m in mentions if m.start >= counts[-1].end] if counts else []
    if (
        # Khmer names the party first; so does a list's "• Candlelight Party: 812 people" (or
        # "1. Candlelight Party – 46 people")
        (
            _KHMER_TEXT.search(text)
            or any(
                counts and re.fullmatch(r"\s*(?::|\s[-–—])\s*", text[m.end : counts[0].start])
                for m in mentions
            )
            or (counts and _OTHERS_LABEL.search(text, 0, counts[0].start))
            # ... and a count in brackets after its party: "the Candlelight Party (291 people),
            # the Khmer Will Party (44 people)"
            or any(
                counts and re.fullmatch(r"\s*\(\s*", text[m.end : counts[0].start])
                for m in mentions
            )
        )
        and counts
        and all(lead)
        # no party after the last count, but the one a clause after it joined ("ដែល...ចូលជា
        # សមាជិកគណបក្សX", who ... joined party X)
        and (not trailing or "ចូល" in text[counts[-1].end : trailing[0].start])
    ):
        return [] if any(c.value is None for c in counts) else list(zip(counts, lead, strict=True))
    out = []
    for i, c in enumerate(counts):
        end = counts[i + 1].start if i + 1 < len(counts) else len(text)
        names = [m.name for m in mentions if c.end <= m.start < end]
        if not names and OTHER_PARTIES_AFTER.match(text[c.end : end]):
            names = [UNNAMED_PARTIES]  # "... and the remaining 150 from other parties"
        if not names or c.value is None:
            if len(counts) == 1 and c.value is not None and NEW_MEMBERS_NUMBER.search(text):
                return [(c, [])]  # "the new members numbered 250": the count a claim lacked
            return _by_place(counts, text, mentions)
        out.append((c, names))
    return out


# "ចំនួនអ្នកចូលរួមថ្មីមានពី ២០០ ទៅ ២៥០នាក់" (the new participants numbered 200 to 250), "the
# number of new members was 250", "the new members numbered 250"
# "ក្រុមនេះមានគ្នាសរុប ១៤នាក់" (this group numbered 14 in all), "the group numbered 14": the
# count of a group told before by its leaders
_GROUP_TOTAL = (
    r"ក្រុម(?:នេះ|នោះ)\s*មាន(?:គ្នា)?\s*(?:សរុប|ចំនួន)|\bthe\s+group\s+(?:numbered|totall?ed)\b"
)
GROUP_TOTAL = re.compile(_GROUP_TOTAL, re.I)
NEW_MEMBERS_NUMBER = re.compile(
    r"ចំនួន(?:អ្នកចូលរួមថ្មី|សមាជិកថ្មី|អ្នកដាក់ពាក្យ)|(?:សមាជិកថ្មី|អ្នកចូលរួមថ្មី)\s*ចំនួន|"
    # ... "បងប្អូនដែលបានចូលរួមលើកនេះ មានចំនួនសរុប ១ ២១៤ នាក់" (those who joined this time number
    # 1,214 in all)
    r"ដែល(?:បាន)?(?:ចូលរួម|ចូល|ប្[តដ]ូរ)\S*\s*(?:លើកនេះ|ក្នុងពិធីនេះ)?\s*មាន\s*ចំនួន|"
    # ... and a group's own total (GROUP_TOTAL)
    rf"{_GROUP_TOTAL}|"
    r"\bthe\s+total\s+of\b|"
    r"\bnumber\s+of\s+(?:new\s+members|defectors|"
    r"applicants)\b|\b(?:new\s+members|defectors|applicants)\s+numbered\b",
    re.I,
)
# "came from Batheay district with 312 people, Cheung Prey district with 148 ...", "មកពីឃុំ A
# ៤៥នាក់ ឃុំ B ៣៨នាក់" (from commune A, 45; commune B, 38): one group, place by place.
_FROM_PLACES = re.compile(
    r"\b(?:came|come|coming|were)\s+from\s+(?:the\s+)?[\w' -]{0,30}?"
    r"(?:districts?|communes?|villages?|provinces?|towns?)\b|មកពី\s*(?:\S*\s*)?(?:ឃុំ|ស្រុក|ភូមិ|ខេត្ត|សង្កាត់)",
    re.I,
)


def _by_place(
    counts: list[Count], text: str, mentions: list[PartyMention]
) -> list[tuple[Count, list[str]]]:
    """A group told place by place, with no party of each: one count, their sum.

    >>> t = "They came from Batheay district with 312 people and Kang Meas district with 95 people"
    >>> [(c.value, names) for c, names in _by_place(person_counts(t), t, [])]
    [(407, [])]
    """
    start = _FROM_PLACES.search(text)
    if len(counts) < 2 or start is None or start.start() > counts[0].start:
        return []
    if any(m.start >= start.start() for m in mentions):
        return []  # a party named among the places: each its own group
    if any(c.value is None for c in counts):
        return []
    total = sum(c.value or 0 for c in counts)
    joined = Count(total, " + ".join(c.text for c in counts), None, counts[0].start, counts[-1].end)
    return [(joined, [])]


_SOME_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|whom)|among\s+them)\b", re.I)


def movers(counts: list[Count], text: str, verb: Verb) -> list[Count]:
    """The counts of people who moved, without those who only looked on: after "attended
    by", "in the presence of", every count when the act came before; else the first one.

    >>> from bot.ingest.intake.numbers import person_counts
    >>> t = "9 members joined at a ceremony attended by 400 people"
    >>> [c.value for c in movers(person_counts(t), t, Verb("join", 10, 16))]
    [9]
    >>> t = "At a ceremony attended by 5,000 people, 300 members joined"
    >>> [c.value for c in movers(person_counts(t), t, Verb("join", 51, 57))]
    [300]
    """
    # "73 activists, two of them councillors, switched": some of a group counted before, in
    # an aside before the verb (not "switched, 81 of them from the CLP": the parts)
    out = [
        c for c in counts
        if not (
            c.end <= verb.start
            and _SOME_OF_THEM.match(text, c.end)
            and text[: c.start].rstrip().endswith(",")
            and any(o.end <= c.start for o in counts)
        )
    ]  # fmt: skip
    for m in _ONLOOKERS.finditer(text):
        after = [c for c in out if c.start >= m.end()]
        # the onlookers counted right after the words ("attended by 5,000 people"); not a count
        # after the guests named ("in the presence of H.E. X, Deputy Governor, 1,250 members")
        first = [c for c in after[:1] if not _NAMED_GUEST.search(text[m.end() : c.start])]
        out = [c for c in out if c not in (after if verb.start < m.start() else first)]
    return out


_WHAT_IT_GAVE = re.compile(r",\s+(?:taking|becoming|winning|earning)\b[^,;.]*", re.I)


def speaks_of_group(text: str, mentions: list[PartyMention]) -> bool:
    """Whether the sentence speaks of a group ("members", "supporters") outside party names,
    quotations and what someone is reported saying ("..., saying its leaders ignore them").

    >>> speaks_of_group('Mok Visal quit, saying "the leaders no longer listen"', [])
    False
    """
    for m in mentions:
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    text = _SPEAKING_GROUP.sub(" ", QUOTED.sub(" ", _SAYING_CLAUSE.sub("", text)))
    # "... at a small ceremony attended by about 60 villagers": who looked on; "receiving a
    # card from provincial officials": who gave it
    text = re.sub(f"(?:{_ONLOOKERS.pattern})[^,;.]*", " ", text, flags=re.I)
    text = _GIVERS.sub(" ", text)
    # "..., taking the fourth place on its list of 14 candidates": what the move gave them
    text = _WHAT_IT_GAVE.sub(" ", text)
    # ", who was second on the GDP's list of candidates,": who the person is, no group
    return bool(GROUP.search(_WHO_ASIDE.sub(" ", text)))


_PRESIDED = re.compile(
    # ... "ដែលមានការអញ្ជើញចូលរួមពី ឯកឧត្តម X" (attended by H.E. X), "ដោយមានការទទួលស្វាគមន៍ពី"
    # (welcomed by)
    r"ក្រោម(?:ការ)?អធិបតីភាព|អមដោយ|អមដំណើរដោយ|មានការ(?:អញ្ជើញ)?ចូលរួមពី|មានការទទួលស្វាគមន៍ពី"
    # ... "under the high presidency of"
    r"|\bpresided\s+(?:over\s+)?by\b|\bunder\s+the\s+(?:(?:high|honou?rable|distinguished)\s+)?"
    r"(?:presidency|chairmanship|auspices)\s+of\b"
    r"|\baccompanied\s+by\b|\bwith\s+the\s+participation\s+of\b"
    # ... "with the close attention of Lok Chumteav X, head of the working group"
    r"|\bwith\s+the\s+(?:close|high|kind|special|personal)\s+attention\s+of\b",
    re.I,
)


def hosts_titles(sentence: str, counts: Sequence[Count]) -> tuple[int, int] | None:
    """Where the sentence names who presided and their titles, before the count of who moved:
    no party named there was left ("Under the presidency of H.E. X, Member of the Central
    Committee of the CPP, ..., 317 members of the CLP received CPP membership").

    >>> t = "Presided over by Ms. Y, Member of the Central Committee of the CPP, 40 CLP members"
    >>> from bot.ingest.intake.numbers import person_counts
    >>> a, b = hosts_titles(t, person_counts(t)) or (0, 0)
    >>> t[a:b]
    ' Ms. Y, Member of the Central Committee of the CPP, '
    """
    presided = _PRESIDED.search(sentence)
    first = next((c for c in counts if presided and c.start > presided.end()), None)
    if presided is None or first is None or _KHMER_TEXT.search(sentence):
        return None  # (Khmer names the guests' parties before their count, inside that span)
    return presided.end(), first.start


# "ការចាកចេញរបស់លោក X" (Mr. X's departure): X's move, told as a thing, not this sentence's
_KHMER_OWNER_BEFORE = re.compile(r"របស់\s*(?:លោក(?:ស្រី)?|ឯកឧត្តម|អ្នកស្រី|កញ្ញា)?\s*$")


def people_who_moved(sentence: str, mentions: Sequence[PartyMention] = ()) -> list[str]:
    """The people who moved, as the sentence names them: not those who say, welcome or
    preside, and never a party's name ("Sam Rainsy" of "the Sam Rainsy Party")."""
    out = []
    for name in people_named(sentence):
        at = sentence.find(name)
        if re.match(r"['’]s\b", sentence[at + len(name) :]) or re.search(r"['’]s$", name):
            continue  # "Men Sam An's cabinet": a name that owns something, not a mover
        if any(m.start < at + len(name) and at < m.end for m in mentions):
            continue
        after = sentence[at + len(name) : at + len(name) + 300]
        if at >= 0 and (
            _NOT_DEFECTOR.search(sentence[:at])
            or KHMER_HOST_BEFORE.search(sentence[:at])
            or KHMER_HOST_AFTER.match(sentence[at + len(name) :])
            or _NOT_DEFECTOR_AFTER.match(after)
            or _CALLS_IT_AFTER.match(after)
            or _SAID_BY_BEFORE.search(sentence[:at])
            # "ក្រោមអធិបតីភាព ឯកឧត្តម X ... អមដោយលោកជំទាវ Y" (presided over by X, accompanied
            # by Y), "presided over by X, accompanied by Y": everyone named after the presiding,
            # in its sentence, came to host
            or _hosted_by(sentence[:at])
            or _KHMER_OWNER_BEFORE.search(sentence[:at])
            # "80 members from Chantrea, where X had been the party's organiser, joined":
            # a place's aside, not one of the movers
            or _WHERE_ASIDE.search(sentence[:at])
        ):
            continue
        out.append(name)
    return out


# The day that closes a presiding clause ("កាលពីថ្ងៃអាទិត្យ", "នៅថ្ងៃទី១៣ ខែសីហា" on 13 August)
_KHMER_DAY_AFTER_HOSTS = re.compile(r"\s(?:កាលពី|នៅ|នា(?:ព្រឹក|ល្ងាច|រសៀល)?)\s*ថ្ងៃ\S*\s")


def _hosted_by(before: str) -> bool:
    """Whether a name stands in a presiding clause ("ក្រោមអធិបតីភាព ឯកឧត្តម X ... អមដោយ Y"), not
    after the day that closes it ("..., កាលពីថ្ងៃអាទិត្យ លោក A និងលោក B ... បានទទួលប័ណ្ណ", on
    Sunday A and B ... received cards: the people who moved)."""
    presided = [m.end() for m in _PRESIDED.finditer(before)]
    return bool(presided) and not _KHMER_DAY_AFTER_HOSTS.search(before, presided[-1])


# "19 members, seven of them women, followed suit": who they are, not a part that moved
_OF_THEM_WOMEN = re.compile(r"\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:women|female)", re.I)
_OF_WHOM = re.compile(r",\s*(?:of\s+whom|among\s+(?:them|whom))\b", re.I)


_BROKEN_DOWN = re.compile(
    r"\b(?:broke|broken|breaks|breaking)\s+(?:the\s+|that\s+|its\s+)?(?:figure|number|total|"
    r"count)\s+down\b|\bbreakdown\b|\bnamely\b",
    re.I,
)


def segments(
    counts: list[Count], mentions: list[PartyMention], verb: Verb, text: str
) -> list[Count]:
    """The counts that each stand for their own group ("300 CLP members and 50 FUNCINPEC
    members joined"): every count before the verb with a party of its own after it; counts
    of one group ("3 councillors and 61 members") summed. After a verb of welcoming the
    groups are its objects ("received 156 former CLP members and 12 former GDP members")."""
    group_end = where_groups_end(verb, text)
    if (
        len(counts) == 2
        and _ALONG_WITH_BEFORE.search(text, counts[0].end, counts[1].start)
        and _THEIR_OWN.match(text, counts[1].end)
        and None not in (counts[0].value, counts[1].value)
    ):
        # "three former councillors - A, B and C - together with 64 other supporters", "two
        # candidates ... joined together with 18 of their supporters": one group, all of them
        first, with_them = counts
        everyone = (first.value or 0) + (with_them.value or 0)
        words = f"{first.text} + {with_them.text}"
        return [Count(everyone, words, first.qualifier, first.start, with_them.end)]
    part = [
        c
        for c in counts
        if c.start < verb.start
        and _OF_THEM.match(text[c.end :])
        and not _OF_THEM_WOMEN.match(text[c.end :])
    ]
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
            and (
                parties_lead(parts, [m for m in mentions if m.start >= verb.end], len(text), text)
                # "ក្នុងនោះ ៨៤នាក់ មកពីគណបក្សA និង ៤២នាក់ទៀត មកពីគណបក្សB" (84 from A, 42 from B)
                or _parties_follow(parts, mentions, text)
            )
        ):
            # "សកម្មជន ៥២០នាក់ បានចូល... ក្នុងនោះ មកពីគណបក្សA ៣២០នាក់ និងមកពីគណបក្សB ២០០នាក់"
            # (520 joined, among them 320 from A and 200 from B): the parts, party by party
            return parts
        if (
            len(before) == 1
            and len(parts) > 1
            and (
                _OF_WHOM.search(text, verb.end, parts[0].start)
                or _OF_THEM.match(text[parts[0].end :])  # "on Saturday, 81 of them from the CLP"
            )
            and before[0].value == sum(c.value or 0 for c in parts)
        ):
            # "2,016 joined the CPP, of whom 1,800 were from the CLP and 216 from other
            # parties": the parts, party by party
            return parts
        if (
            len(before) == 1
            and len(parts) > 1
            and re.search(r"[:;–—]|,|--", text[verb.end : parts[0].start])
            and before[0].value == sum(c.value or 0 for c in parts)
            and _parties_follow(parts, [m for m in mentions if m.start >= verb.end], text)
        ):
            # "112 people received into the CPP: 80 from the CLP and 32 from the former
            # CNRP" (or "-- 80 from ... --"): the total, then its parts, each with its party
            return parts
        if (
            len(before) == 1
            and len(parts) > 1
            and _BROKEN_DOWN.search(text, verb.end, parts[0].start)
            and abs((before[0].value or 0) - sum(c.value or 0 for c in parts))
            <= (before[0].value or 0) / 10
            and _parties_follow(parts, [m for m in mentions if m.start >= verb.end], text)
        ):
            # "Nearly 1,200 ... joined ..., which broke the figure down as 900 former members
            # of X and 260 of Y": the parts, each with its party
            return parts
        if (
            len(before) == 1
            and len(parts) == 1
            and _ALONG_WITH_BEFORE.search(text[: parts[0].start])
            and _parties_follow(parts, [m for m in mentions if m.start >= verb.end], text)
        ):
            # "2,000 CLP members joined the CPP on Sunday, along with 45 members of FUNCINPEC":
            # a second group, of its own party
            return [before[0], parts[0]]
        if not before:
            # "ទទួលពាក្យសុំចូលជាសមាជិកគណបក្ស ពីសំណាក់សមាជិក A ១២៨នាក់ និង B ៣៦នាក់" (received
            # applications to join the party from 128 of A and 36 of B): the verb's objects,
            # which run to the sentence's end
            before, group_end = parts, len(text)
    else:
        before = [c for c in counts if c.start >= verb.end]
    values = [c.value for c in before]
    whole: Count | None = None  # the total the text tells beside its parts
    if len(before) >= 3 and None not in values and values[0] == sum(v or 0 for v in values[1:]):
        whole, before = before[0], before[1:]  # "1,320 members (1,100 from the CLP and 220 ...)"
    elif len(before) >= 3 and None not in values and values[-1] == sum(v or 0 for v in values[:-1]):
        # "A ចំនួន 1,420 នាក់ និង B ចំនួន 85 នាក់ សរុបទាំងអស់ 1,505 នាក់"
        whole, before = before[-1], before[:-1]
    if len(before) < 2:
        return counts[:1]
    if parties_lead(before, mentions, group_end, text):
        return before
    bounds = [c.start for c in before[1:]] + [group_end]
    for c, end in zip(before, bounds, strict=True):
        # ("12 members of other parties": the parties the record leaves unnamed, its own)
        if (
            not any(c.end <= m.start < end for m in mentions)
            and not _OF_OTHER_PARTIES.match(text, c.end)
            and not OTHER_PARTIES_AFTER.match(text[c.end : end])
        ):
            if _KHMER_IN_ALL.search(text[before[-2].end : before[-1].start]):
                # "មេឃុំម្នាក់ ... ២រូប និង... ៣៥នាក់ សរុបទាំងអស់ ៣៨នាក់" (a chief, 2 and 35: 38
                # in all): the total the text tells, though one part was no number
                return before[-1:]
            if whole is not None:
                # "..., Trapeang Sla village 23 people, Ta Om village 17 people ..., in total 40
                # people": places, not parties; the total is the group's count
                return [whole]
            total = _sum(before, text)
            return [total] if total else counts[:1]
    return before


def parties_lead(
    counts: list[Count], mentions: list[PartyMention], group_end: int, text: str = ""
) -> bool:
    """Whether each group names its party before its count, as Khmer writes it ("សមាជិក
    គណបក្សA ចំនួន ៣៧ នាក់ និងសមាជិកគណបក្សB ចំនួន ៦២ នាក់"): a party before every count since the
    one before it (or, in ``text``, "គណបក្សផ្សេងៗ ចំនួន ៣៨នាក់", other parties), and none between
    the last count and the verb."""
    starts = [0] + [c.end for c in counts[:-1]]
    return len(counts) > 1 and all(
        any(a <= m.start and m.end <= c.start for m in mentions)
        or KHMER_OTHERS_BEFORE.search(text, a, c.start) is not None
        for a, c in zip(starts, counts, strict=True)
    ) and not any(counts[-1].end <= m.start < group_end for m in mentions)


def _parties_follow(counts: list[Count], mentions: list[PartyMention], text: str) -> bool:
    """Whether each count has a party named after it, before the next count (or "other
    parties": "... and 165 from other parties")."""
    bounds = [c.start for c in counts[1:]] + [len(text)]
    return all(
        any(c.end <= m.start < bound for m in mentions)
        or OTHER_PARTIES_AFTER.match(text[c.end : bound]) is not None
        for c, bound in zip(counts, bounds, strict=True)
    )


_OF_OTHER_PARTIES = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:of|from)\s+(?:the\s+)?(?:various\s+)?other\s+parties\b", re.I
)


_THEIR_OWN = re.compile(r"\s+(?:other|more)\b|\s+of\s+(?:his|her|their)\b", re.I)


def where_groups_end(verb: Verb, text: str) -> int:
    """Where the groups that moved end: at the verb, or after a welcoming verb the sentence's
    end (its groups are the verb's objects)."""
    return len(text) if active_welcome(text, verb) else verb.start


def _sum(counts: list[Count], text: str) -> Count | None:
    """Counts joined by "and" that share one group ("three CLP councillors and 61 party
    members joined"): one claim, the sum; None when a count is vague or one is part of
    another ("120 members, including 5 chiefs").

    >>> from bot.ingest.intake.numbers import person_counts
    >>> t = "Three CLP councillors and 61 party members joined"
    >>> _sum(person_counts(t), t)
    Count(value=64, text='Three and 61', qualifier=None, start=0, end=28)
    >>> t = "3 chiefs, 5 deputies and 40 activists joined"
    >>> _sum(person_counts(t), t).value
    48
    """
    pairs = list(pairwise(counts))
    for at, (a, b) in enumerate(pairs):
        between = text[a.end : b.start]
        # "3 chiefs, 5 deputies and 40 activists": a list, its last item after "and"
        # ... "Prey Chhor village 14 people, Thnal Bek village 8 people and ...": place by place
        listed = at < len(pairs) - 1 and re.fullmatch(
            r"[^,;]*,\s*(?:(?:[A-Z][\w'-]*\s+){1,3}(?:village|commune|district)\s+)?", between
        )
        # Khmer "និង" (and); "ក្នុងនោះ", "រួមទាំង" (among them, including): a part, not a group
        if not (listed or re.search(r"\band\b|&|និង", between)) or re.search(
            # ... and a party word between: "១២០នាក់ និងមកពីគណបក្សX ៣៥នាក់" (120, and 35 from
            # party X), each its party's even when X is no party we know
            r"\b(?:including|among|of\s+(?:whom|them)|with)\b|ក្នុង(?:នោះ|ចំណោម)|រួម(?:ទាំង|ជាមួយ)|"
            r"គណបក្ស|\bfrom\s+(?:the\s+)?(?-i:[A-Z])",
            between,
            re.I,
        ):
            return None
        if _OF_OTHER_PARTIES.match(text, b.end):
            return None  # "27 Candlelight members and 12 members of other parties": two groups
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


def per_person(
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


def bare_name(name: str) -> str:
    """A name without its title, to know "Mr. Kung Raiya" and "Kung Raiya" for one person."""
    return " ".join(w for w in name.split() if not w.endswith(".") and w != "Oknha")
