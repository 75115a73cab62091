"""The act one sentence reports: of the joining and leaving verbs
:func:`~bot.ingest.intake.signals.claim_verbs` finds, the one that tells a move now, not
an aside about the past, a quotation's reasons, an event attended or a topic.

>>> t = "Nine members quit the CLP and joined the CPP"
>>> ms = [PartyMention(n, n, t.index(n), t.index(n) + len(n), True) for n in ("CLP", "CPP")]
>>> reported_act(t, ms)
Verb(kind='join', start=30, end=36)
>>> reported_act("He joined a ceremony in Takeo", []) is None
True

Regular expressions written here: the cue words are the project's own judgement of what the
press writes, which no library holds.
"""

from __future__ import annotations

import re

from bot.ingest.intake.clauses import (
    ASIDE,
    KHMER_ONCE_CLAUSE,
    PAST_YEAR,
    QUOTED,
    clause_from,
    history_asides,
)
from bot.ingest.intake.groups import ROLE
from bot.ingest.intake.numbers import person_counts
from bot.ingest.intake.parties import PartyMention
from bot.ingest.intake.people import people_named
from bot.ingest.intake.signals import (
    DESCRIBED_PARTY,
    KHMER_PAST_YEAR,
    KHMER_RELATIVE_BEFORE,
    WANTING_OTHERS,
    Verb,
    claim_verbs,
    has_verb_words,
)

# A joining of something else: "joined a ceremony", "joined the march".
_JOINED_SOMETHING = re.compile(
    rf"^\s+(?:(?:a|an|the|this|their|its)\s+(?!ranks\b|ruling\b|opposition\b|{DESCRIBED_PARTY}\b|parties\b)"
    # ... "joined in the rally"; not "nine more joined in Samraong city": where they joined
    r"|in\s+(?!(?-i:[A-Z])|(?:the\s+)?(?:province|district|commune|city|town|village|capital)\b))"
    r"\w+",
    re.I,
)
# Bulletin shorthand with no verb: "44 Candlelight activists to the CPP", Khmer "១៤២នាក់ —
# ពីគណបក្សA ទៅគណបក្សB" (142 people, from party A to party B).
_SHORTHAND_TO = re.compile(
    r"(?:\bto|→|->)\s+(?:the\s+)?$|ពី[^|។\n]{1,80}?\s*ទៅ\s*$"
    # ... a row's "សកម្មជនគណបក្សA និងអតីតសកម្មជនគណបក្សB ទៅគណបក្សC" (A's activists and B's former
    # activists, to party C)
    r"|(?:សកម្មជន|សមាជិក|អ្នកគាំទ្រ|មន្ត្រី)[^|។\n—–]{1,100}?\s+ទៅ\s*$",
    re.I,
)
_GROUP_TO = re.compile(
    r"\b(?:members|activists|supporters|officials|councillors)\s+(?:to|→|->)\s+(?:the\s+)?$", re.I
)
_WITH_HIM = re.compile(r"\s+(?:along\s+)?with\s+(?:him|her|them)\b", re.I)
_BELONGED = re.compile(r"\bbelong(?:ed|s|ing)?\s+to\b", re.I)
_ROLE_TO = re.compile(rf"{ROLE}\s+to\s+(?:the\s+)?$", re.I)
# ... "villagers who were welcomed into the CPP last year returned to the CLP"
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|whom)\s+(?:had\s+|have\s+|has\s+)?(?:(?:had\s+)?been\s+|were\s+|was\s+)?"
    r"(?:\w+ly\s+)?$",
    re.I,
)
# "members who were reported last month to have joined the CPP said ...": who they are, by
# someone else's report, which this sentence answers; never the move it tells
_REPORTED_RELATIVE = re.compile(
    r"\b(?:who|which|whom)\s+(?:were|was)\s+(?:reported|said|claimed)\s+(?:[\w-]+\s+){0,8}?"
    r"to\s+have\s+$",
    re.I,
)
_OF_THOSE_WHO = re.compile(
    r"\b\d[\d,]*\s+of\s+(?:those|them|the\s+\w+)\s+who\s+(?:had\s+|have\s+)?$", re.I
)
_KHMER_THOSE_WHO = re.compile(r"អ្នក(?:ទាំងអស់)?ដែល(?:បាន)?\s*$")
_KHMER_NUMBERED = re.compile(r"\S{0,10}\s*(?:លើកនេះ|ក្នុងពិធីនេះ)?\s*(?:មាន|រួមមាន|គឺ)")
_LEFT_WHAT = re.compile(
    # ... a letter's "I resign from my membership and from all my positions in the X Party"
    r"^\s*(?:from\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+|my\s+|our\s+)?"
    rf"(?:{DESCRIBED_PARTY}|ranks|(?:party\s+)?membership)\b"
    # ... "resigned from all positions and from the party itself"
    r"|^\s*from\s+(?:all\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:positions?|posts?|roles?)"
    rf"\s+(?:and|as\s+well\s+as)\s+(?:from\s+)?(?:the\s+|its\s+)?{DESCRIBED_PARTY}\b"
    # (not "ចាកចេញពីនយោបាយ", left politics, nor "ពីប្រទេស", the country, nor "លាឈប់ពីតំណែង"
    # alone, resigned from a post: "ពីតំណែង និងពីគណបក្ស", from the post and the party, is one)
    r"|^\s*(?:ចេញ|ទាំង)?ពី(?!\s*(?:ឆាក|ឆាកជីវិត)?នយោបាយ|\s*ប្រទេស|"
    r"\s*តំណែង(?![^។]{0,40}?(?:និង|ព្រមទាំង)[^។]{0,20}?(?:គណបក្ស|x{3})))",
    re.I,
)
_OCCASION = (
    r"\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'-]+\s+){0,2}?(?:event|rally|ceremony|meeting|campaign|"
    r"march|protest|celebration|forum|training|gathering|convoy|festival)s?\b"
)
_JOINED_PEOPLE_AT = re.compile(
    r"\s+(?:(?:about|some|around|nearly|more\s+than|over)\s+)?\d[\d,]*\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:delegates|participants|guests|people|supporters|members|villagers)\s+(?:at|in|for)\b",
    re.I,
)
_COMPLETES = re.compile(
    r"(?:handed|turned|made|resignation|submitted|tendered|filed|announced|end(?:ed|ing)|"
    r"gave|giving|walked|sent|delivered|lost)",
    re.I,
)
# "30 members of the KNUP resigned on Saturday": members who resign leave the party they are
# members of (not "the commune chief resigned", an office)
_MEMBERS_RESIGNED = re.compile(
    r"\b(?:members|activists|supporters|officials)\b[^.;:]{0,120}$", re.I
)
_NO_OBJECT = re.compile(
    r"\s*(?:en\s+masse\b|on\b|last\b|yesterday\b|this\b|in\s+(?:a|protest)\b|[,.;]|$)", re.I
)
_APPEAL = re.compile(WANTING_OTHERS, re.I)
_CARDS = re.compile(r"(?:received|receiving|handed|given|were\s+given|issued|presented)\b", re.I)
_RETURN_HOME = re.compile(
    # (not "returned home to the Cambodian People's Party": a party's home)
    r"return\w*\s+(?:to\s+)?(?:Cambodia|home(?!\s+to\s+(?:the\s+)?(?:(?:[\w'’]+\s+){0,4}"
    r"(?-i:Party)|(?-i:[A-Z]{2,}))\b)|the\s+country|the\s+kingdom|Phnom\s+Penh|from|after)\b",
    re.I,
)
_GERUND_SUBJECT = re.compile(
    r"\w+ing\s+(?:the\s+)?(?:[\w']+\s+){0,3}?(?:is|was|has\s+been|remains|means|would\s+be)\b",
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
    r"recent|further|more)\s+$"
    # "trade claims over Battambang switches": the things argued over
    r"|\b(?:over|about|amid)\s+(?:(?-i:[A-Z])\w+\s+)?$",
    re.I,
)
# "four reported moves to the ruling party": moves counted, not people
_COUNTED_THINGS = re.compile(
    r"\b(?:moves|defections|cases|reports|incidents|ceremonies|switches|events)\b", re.I
)
_KHMER_I_WE = re.compile(r"ខ្ញុំ|យើង")
# (lower case: not "the Khmer Will Party", nor the month of May)
_WEIGHING = re.compile(
    r"\b(?:[Cc]onsider\w*|whether|plan(?:s|ned|ning)?|intend\w*|may|might|would|will)\b[^.;]{0,40}$"
)
_YEARS_AGO = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|many|several)\s+years\s+ago\b", re.I
)
_KHMER_MEMBERS = re.compile(r"សមាជិក|សកម្មជន|មន្ត្រី|អ្នកគាំទ្រ")
_KHMER_DID = re.compile(r"(?:បាន\s*(?:ប្រកាស|ដាក់លិខិត|ដាក់ពាក្យ)?|ដាក់លិខិត)\s*$")
_KHMER_FROM_A_POST = re.compile(r"\s*ពី\s*(?:មុខ)?(?:តំណែង|ការងារ|ឋានៈ)")


# Khmer "ចូលគណបក្សណាមួយ" (join any party): no party anyone joined
_ANY_PARTY = re.compile(r"\s*(?:ជា(?:សមាជិក)?)?\s*(?:គណ)?បក្សណា")
_KHMER_HAD_ATTENDING = re.compile(r"មាន\s*(?:ប្រជាពលរដ្ឋ|មនុស្ស|អ្នក\S{0,12}|ភ្ញៀវ)?\s*$")
_KHMER_A_COUNT = re.compile(r"\s*(?:ប្រមាណ|ជាង|ជិត|ចំនួន|សរុប)?\s*[0-9០-៩]")
_KHMER_SERVING_WITH = re.compile(r"\s*(?:បម្រើ(?:ការងារ)?|ធ្វើការ(?:ងារ)?)\s*ជាមួយ(?:នឹង)?\s*")


def reported_act(text: str, mentions: list[PartyMention]) -> Verb | None:
    """The act the sentence reports: a joining when it tells of one, else a leaving of a party."""
    verbs = []
    quoted = [m.span() for m in QUOTED.finditer(text)]
    for v in claim_verbs(text, [(m.start, m.end) for m in mentions]):
        after = text[v.end : v.end + 50]
        party_next = any(v.end <= m.start <= v.end + 50 for m in mentions)
        complete = _COMPLETES.match(text[v.start : v.end])
        resigned = (
            # ... "12 members of the KNUP announced that they had quit"
            text[v.start : v.end].lower().startswith(("resign", "quit"))
            and _NO_OBJECT.match(after) is not None
            and _MEMBERS_RESIGNED.search(text[: v.start]) is not None
            and any(m.end <= v.start for m in mentions)
        )
        # ... Khmer "សមាជិក...គណបក្សX ទាំង ១៧រូប បានដាក់លិខិតលាលែងព្រមគ្នា" (all 17 members of
        # party X resigned together); not "លាលែងពីតំណែង" (resigned from a post)
        resigned = resigned or (
            text.startswith(("លាលែង", "លាឈប់"), v.start)
            # (the act, "បានដាក់លិខិតលាលែង"; not "ទទួលលិខិតលាឈប់", a letter received)
            and _KHMER_DID.search(text, 0, v.start) is not None
            and not _KHMER_FROM_A_POST.match(after)
            and _KHMER_MEMBERS.search(text, 0, v.start) is not None
            and any(m.end <= v.start for m in mentions)
        )
        left_it = _LEFT_WHAT.match(after) or party_next or complete or resigned
        if v.kind == "leave" and not left_it:
            continue  # "left politics", "left the country"; not "handed over their cards"
        if (
            v.kind == "join"
            and text[v.start : v.end].lower().startswith("join")
            and _JOINED_SOMETHING.match(after)
            and not any(v.end <= m.start <= v.end + 25 for m in mentions)
        ):
            continue  # "joined a ceremony"
        if text[v.start : v.end].lower().startswith("join") and (
            re.match(_OCCASION, after, re.I) or _JOINED_PEOPLE_AT.match(after)
        ):
            # "after joining a CPP event": attending, not joining; so is "joined about 2,500
            # FUNCINPEC delegates at the congress"
            continue
        quote = next((a for a, b in quoted if a < v.start < b), None)
        if quote is not None and (
            _FIRST_PERSON.search(text[: v.start]) or _KHMER_I_WE.search(text[quote : v.start])
        ):
            # '"I joined the Candlelight Party because I wanted change," he said'; "ខ្ញុំ និង
            # បងប្អូន បានសម្រេចចិត្តចាកចេញ..." (my comrades and I decided to leave): why, not news
            continue
        word = text[v.start : v.end]
        if re.match(r"(?:moves|switches)\b", word, re.I) and _MOVES_NOUN.search(text[: v.start]):
            continue  # "four reported group or individual moves to the ruling party": a noun
        if word.lower().endswith("ing") and not text[v.end :].strip(" .:;!?\"'"):
            continue  # "October in review: party switching": a topic, no act
        if _ONE_OF_MANY.search(text[: v.start]):
            continue  # "He is one of several lawmakers given posts after joining the CPP"
        if _KHMER_THOSE_WHO.search(text[: v.start]) and _KHMER_NUMBERED.match(text[v.end :]):
            continue  # "អ្នកដែលប្តូរមកលើកនេះ មាន..." (those who switched this time are ...): a list
        if _GERUND_SUBJECT.match(text[v.start :]):
            continue  # "joining the ruling party is often the only way": the act in general
        if (
            text.startswith("ចូលរួម", v.start)
            and _KHMER_HAD_ATTENDING.search(text[: v.start])
            and _KHMER_A_COUNT.match(text[v.end :])
        ):
            continue  # "កិច្ចប្រជុំ ដែលមានប្រជាពលរដ្ឋចូលរួមប្រមាណ ៣០០ នាក់" (a meeting about 300 attended)
        if v.kind == "join" and _ANY_PARTY.match(text[v.end :]):
            continue  # "មិនទាន់សម្រេចចិត្តចូលគណបក្សណាមួយ" (not yet decided to join any party)
        if (
            word.lower().startswith("receiv")
            and re.match(r"\s+[\d,]+\s*(?:[.,;]|$)", text[v.end :])
            and re.search(r"\b(?:votes?|ballots?)\b", text, re.I)
        ):
            continue  # "elected with 1,874 votes, defeating Y, who received 391": votes
        if _RETURN_HOME.match(text[v.start :]):
            continue  # "returned to Cambodia", "returned home with his wife": no party
        if re.search(r"\b(?:reward|payment|price|thanks)\s+for\s+$", text[: v.start], re.I):
            continue  # "was granted land as a reward for joining the ruling party": why
        if re.search(r"\bhow\s+many\b[^.;]{0,80}$", text[: v.start], re.I):
            continue  # "gave different accounts of how many supporters switched": a question
        if re.search(r"\b(?:rather\s+than|instead\s+of)\s+$", text[: v.start], re.I):
            continue  # "he would sit as an independent rather than join the ruling party"
        # (not "Rithy and the 14 others were received": counted)
        if re.search(
            r"\b(?:many\s+|some\s+)?(?<!\d\s)others\s+(?:have\s+|had\s+)?$", text[: v.start], re.I
        ):
            continue  # "while others joined the CLP": people no one counts or names
        verbs.append(v)
    asides = history_asides(text)
    # "X, who left the SRP before joining the CLP in 2021, has switched": the aside is his
    # past; with no verb outside it ("X, who moved to the CLP in 2018, was convicted") the
    # sentence tells no move at all
    verbs = [
        v
        for v in verbs
        if not any(a <= v.start < b for a, b in asides)
        and not _REPORTED_RELATIVE.search(text[: v.start])
        # "328 of those who switched came from the CLP and 57 from the KNUP": the group told
        # before, by its move, broken down
        and not _OF_THOSE_WHO.search(text[: v.start])
    ]
    # "she quit the CPP and the post, which came with her switch to the CPP in May": the act
    # the main clause tells, not one an aside recalls
    aside = [m.span() for m in ASIDE.finditer(text)]
    main_clause = [v for v in verbs if not any(a <= v.start < b for a, b in aside)]
    verbs = main_clause or verbs
    relative = [
        v for v in verbs
        if _RELATIVE_BEFORE.search(text[: v.start]) or KHMER_RELATIVE_BEFORE.search(text[: v.start])
        # "ដែលធ្លាប់ចាកចេញពីគណបក្សA ទៅចូលគណបក្សB" (who once left A to join B): the clause's
        # second verb too, up to the main clause's "បាន"
        or any(m.start() < v.start <= m.end() for m in KHMER_ONCE_CLAUSE.finditer(text))
    ]  # fmt: skip
    main = [v for v in verbs if v not in relative]
    # "Five activists who joined the CPP last year have returned to the CLP": the clause
    # tells who they are, the main verb what they did; a clause's own past year is history.
    recent = [
        v for v in relative
        if not PAST_YEAR.search(clause_from(text, v.end))
        # ... "a commune chief who left the opposition for the ruling party six years ago"
        and not _YEARS_AGO.search(clause_from(text, v.end))
        and not KHMER_PAST_YEAR.search(text[v.end :])
    ]  # fmt: skip
    if main and recent and all(_CARDS.match(text[v.start : v.end]) for v in main):
        # "300 members who defected to the CPP on 4 July received party cards": the clause
        # tells the move, the cards only mark it
        main = recent
    if not main and recent and _APPEAL.search(text[: recent[0].start]):
        # "The CLP invited former members who had left for the CPP to come home": whom an
        # appeal is to, described by a move long done, no act now
        recent = []
    # "The page did not give a figure for the supporters who joined with him": those told
    # before, no act of this sentence
    recent = [v for v in recent if main or not _WITH_HIM.match(text, v.end)]
    verbs = main or recent
    # (not "offered him a post if he crossed over to the CPP": a verb, but no act)
    if not verbs and not has_verb_words(text):
        verbs = [
            Verb("join", m.start, m.start)
            for m in mentions
            if (shorthand := _SHORTHAND_TO.search(text[max(0, m.start - 100) : m.start]))
            and not any(a <= m.start < b for a, b in asides)
            and (
                person_counts(text[: m.start])
                or people_named(text[: m.start])
                # a Khmer bulletin row: "០៥/០៦ | ... | ពីគណបក្សA ទៅគណបក្សB | ១១៨ នាក់": its
                # count in the cell after, or none given
                # (or dashes: "១. ថ្ងៃពុធ ទី៣ ... — ខេត្តកណ្តាល — ពីគណបក្សA ទៅគណបក្សB — ចំនួន ៥២០ នាក់")
                or (
                    re.match(r"[\u1780-\u17ff]", shorthand.group())
                    and ("|" in text or len(re.findall(r"\s[—–-]\s", text)) >= 2)
                )
                # ... an English row: "| 27 Jan | Takeo | Candlelight members to CPP (no
                # figure given) |", a move whose count the monitor did not have
                or ("|" in text and _GROUP_TO.search(text[max(0, m.start - 100) : m.start]))
            )
            and not _COUNTED_THINGS.search(text[: m.start])
            # "an adviser to the CPP": a role, no move
            and not _ROLE_TO.search(text[max(0, m.start - 40) : m.start])
            # "45 had belonged to the CYP and 31 to the CLP": where they were, no move
            and not _BELONGED.search(text[: m.start])
            # 'called on activists to "come home" to the CPP': an appeal, no move; '"the door
            # is wide open" to Candlelight members': an offer
            and not _APPEAL.search(text[: m.start])
            and not re.search(r"\bopen[\"”']?\s+to\s+(?:the\s+)?$", text[: m.start], re.I)
            # "were considering whether to move to the CLP": a thought, no move
            and not _WEIGHING.search(text[: m.start])
        ][:1]
    joins = [v for v in verbs if v.kind == "join"]
    # "គណៈកម្មាធិការគណបក្សស្រុក... ស្វាគមន៍ ... មករួមដំណើរជាមួយគណបក្សប្រជាជនកម្ពុជា" (the district
    # committee welcomed ... who came to walk with the CPP): the verb that names the party joined
    # ... "មកចូលរួមបម្រើការងារជាមួយគណបក្សX" (came to join in serving with party X)
    toward = [
        v
        for v in joins
        if any(
            0 <= m.start - v.end <= 12 or _KHMER_SERVING_WITH.fullmatch(text[v.end : m.start])
            for m in mentions
        )
    ]
    chosen = toward or joins or verbs
    return chosen[0] if chosen else None
