"""Where each party a sentence names stands against its verb: a party left, the party
joined, or a party that only speaks ("the CPP said").

>>> t = "Nine CLP members joined the CPP"
>>> ms = [PartyMention(n, n, t.index(n), t.index(n) + len(n), True) for n in ("CLP", "CPP")]
>>> party_roles(ms, t, Verb("join", t.index("joined"), t.index("joined") + 6))
_Roles(froms=['CLP'], to='CPP', sources=[])

Regular expressions written here: the words around a party's name that tell its role ("to",
"from", "members of", "welcomed") are the project's own judgement of what the press writes,
which no library holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.intake.clauses import KHMER_ONCE_CLAUSE, QUOTED, history_asides, through_clause
from bot.ingest.intake.parties import PartyMention
from bot.ingest.intake.signals import KHMER_SAID_BY_BEFORE, KHMER_SAYS_AFTER, Verb, claim_verbs

_KHMER_LEFT = re.compile(r"ចាកចេញ|លាលែង|ដកខ្លួន")
_SAYING = re.compile(r"\b(?:said|saying|says|told|adding|calling)\b")
_TO_BEFORE = re.compile(
    # ... "resigned and announced that they had founded the Khmer Conscience Party": the party
    # they made
    # ... "had founded a new political movement, the Khmer Conscience Party"
    r"\b(?:founded|formed|created|launched|established|set\s+up)\s+(?:the\s+|a\s+)?(?:new\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:movement|party|force),\s+(?:the\s+)?)?$|"
    # not "according to the LDP's coordinator": who says it
    r"(?:\b(?:join(?:ed|s|ing)?|(?<!according\s)to|into|for|with|in\s+favou?r\s+of|ranks\s+of)\s+"
    r"(?:the\s+)?"
    # ... "for the royalist FUNCINPEC"
    r"(?:ranks\s+of\s+(?:the\s+)?)?(?:(?:ruling|royalist)\s+)?"
    r"|(?:ចូលរួមជាមួយ|ចូលជាមួយ|ជាមួយ|ចូលជាសមាជិក|ចូល|មក|ទៅ(?:កាន់)?|ក្នុង|ក្រោមម្លប់|(?:ធ្វើ|ចុះឈ្មោះ)ជាសមាជិក|"
    r"ចូលរួម)\s*)$",
    re.I,
)
# Markers that outweigh any other: "joined the", "into the", Khmer "ចូលជាសមាជិក" ("joined as a
# member of", which ends with the word for member).
_STRONG_TO_BEFORE = re.compile(
    r"(?:\b(?:joined|joins|join|joining|into)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?"
    r"(?:ruling\s+)?|(?:→|->|=>)\s*(?:the\s+)?"
    # "who decided to become members of the CPP", "among the ranks of Hun Manet's party"
    r"|\bbec(?:o|a)me\s+(?:a\s+|new\s+)?members?\s+of\s+(?:the\s+)?|\bamong\s+the\s+ranks\s+of\s+(?:the\s+)?"
    # "took (up) membership of the CPP", "received membership of the CPP"
    r"|\b(?:took|taken|take|taking|received|receiving|granted|given),?\s+(?:up\s+|full\s+)?"
    r"membership\s+(?:of|in)\s+(?:the\s+)?"
    # "join the big family of the CPP", "were welcomed into the fold of the CPP"
    # ... "welcomed 275 new members to the big family of the CPP"
    r"|\b(?:join(?:ed|s|ing)?|into|home\s+to|to)\s+the\s+(?:big\s+|great\s+|large\s+)?(?:family|fold)\s+of\s+"
    r"(?:the\s+)?"
    # "took membership cards of the CPP", "exchanged their membership for that of the CPP"
    r"|\b(?:membership|party)\s+cards?\s+of\s+(?:the\s+)?|\bfor\s+(?:that|those|one)\s+of\s+(?:the\s+)?"
    # ... "accepted a membership card from the CPP": the party whose card it is
    r"|\b(?:accepted|received|took)\s+(?:a|his|her|their|new)\s+membership\s+cards?\s+from\s+(?:the\s+)?"
    # "ប្ដូរមកគាំទ្រ" (switched to support): the party supported now, not a former one
    # ... "ត្រូវបានទទួលយកជាសមាជិក" (were accepted as members of)
    # "មកឈរនៅក្រោមម្លប់" (came to stand under the shade of), "សុំធ្វើជាសមាជិក" (asked to become
    # a member of), "ចុះឈ្មោះជាសមាជិក" (signed up as members of), "ចូលរួម" (joined): the party
    # they went to
    # ... "សមាជិកថ្មីរបស់គណបក្សX" (the new members of party X): the party they joined; not
    # "អ្នកកាន់ប័ណ្ណសមាជិកគណបក្សX" (holders of party X's cards), its members before
    r"|សមាជិកថ្មី\s*(?:របស់\s*)?"
    # ... "ផ្ទះធំ គឺគណបក្សX" (the big house, that is party X); "ឆ្លងមកកាន់" (crossed over to),
    # "ចូលក្នុងជួរ" (into the ranks of)
    r"|(?:ផ្ទះធំ|គ្រួសារធំ)\s*(?:គឺ|នៃ|របស់)?\s*"
    r"|(?:ចូលរួមជាមួយ|ចូលជាមួយ|ចូល(?:រួម)?ជាសមាជិក|ចូល|(?:មក|ទៅ|ចូលរួម|ចិត្ត|ប្[តដ]េជ្ញា)(?:គាំទ្រ|បម្រើ)|(?<!ធ្លាប់កាន់)(?<!អ្នកកាន់)(?<!ប្រគល់)ប័?ណ្ណសមាជិក(?:ភាព)?|(?:ក្រោម|កាន់)(?:ម្លប់|ទង់|ដំបូល)|(?:ធ្វើ|ចុះឈ្មោះ|មក|ទៅ|ទទួល(?:យក)?)ជាសមាជិក|ឆ្លង(?:មក|ទៅ)(?:កាន់)?|ដើរតាម|ចូលរួម|(?<!នៅ)ក្នុងជួរ|"
    # ... "ទៅឈរឈ្មោះឲ្យគណបក្សX" (went to stand as a candidate for party X)
    r"ឈរឈ្មោះ\s*(?:ឲ្យ|ឱ្យ|អោយ))\s*)$",
    re.I,
)
# A verb whose object is the people who moved ("welcoming 1,250 former members of the CLP"):
# a party after "members of" is where they came from, not where they went.
_WELCOME_VERB = re.compile(
    # ... "the CPP working group reported 25 new members": the host that counts its guests
    r"^(?:(?:continued|went\s+on)\s+to\s+)?(?:welcom|embrac|receiv|reception|accept|admitt|ceremony|held\s+an?\s+ceremony|"
    r"report(?:ed|s)$)"
    # not "received CPP cards", "received membership": who took them moved
    r"(?!.*\b(?:membership|cards?)\b)",
    re.I,
)
# A party's own body before the party's name: "the working group of the", "the provincial
# committee of the"
_BODY_OF_PARTY = re.compile(
    r"\b(?:working\s+group|committee|branch|chapter|office|leadership|headquarters)\s+of\s+"
    r"(?:the\s+)?(?:ruling\s+)?$",
    re.I,
)
# ... "the CPP working group": a body of the party named before it, which hosts
_PARTY_BODY_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?:provincial|district|commune|city)\s+)?(?:working\s+group|committee|branch)\b"
    r"(?!\s+(?:members?|officials?|chiefs?|secretar(?:y|ies)|leaders?)\b)",
    re.I,
)
_HOSTING = re.compile(r"(?:ceremony|welcom|receiv|accept|admit|held)", re.I)
_FOUNDED_BEFORE = re.compile(
    r"\b(?:found|founded|form|formed|launch|launched)\s+(?:a\s+new\s+(?:political\s+)?party,?\s+)?"
    r"(?:the\s+)?['\"‘“]?$",
    re.I,
)
_BY_BEFORE = re.compile(
    r"\b(?:announcement|statement|claim|post)\b[^,;]{0,40}\bby\s+(?:the\s+)?$", re.I
)
_MEMBERSHIP_NEXT = re.compile(
    r"\s+(?:(?:the|their|his|her)\s+)?(?:(?!\d)[\w'’-]+\s+){1,2}?(?:membership|cards?)\b", re.I
)
# "the Candlelight Party, the Khmer Will Party and the GDP": one list, one role.
# ... Khmer "ពីគណបក្សA និងគណបក្សB" (from party A and party B)
_LISTED_WITH = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*(?:និង|ឬ)\s*(?:ពី\s*)?)(?:the\s+)?$", re.I
)
_ARE_MEMBERS_OF = re.compile(
    r"\b(?:are|were|is|was)\s+(?:former\s+)?(?:members?|activists?|supporters?)\s+of\s+(?:the\s+)?$"
    r"|\b(?:are|were|is|was)\s+from\s+(?:the\s+)?$",
    re.I,
)
# ... "to apply for membership of the CPP"
_MEMBER_OF_BEFORE = re.compile(r"\bmember(?:s|ship)?\s+(?:of|in)\s+(?:the\s+)?$", re.I)
FROM_BEFORE = re.compile(
    # ... "handed back his CPP card"
    r"(?:\b(?:from|of|left|quits?|former|formerly|ex-|leaving|abandoned|deserted|resigned\s+from|"
    r"(?:handed|gave|turned)\s+(?:back|in)\s+(?:his|her|their))"
    # not "left for the CPP": the party they went to
    r"\s+(?:(?!for\b)\w+\s+)?(?:the\s+)?(?:opposition\s+|now-dissolved\s+|dissolved\s+|banned\s+)?"
    # not "បោះឆ្នោតគាំទ្រ" (vote for): the party voted for was never left
    # ... "ធ្លាប់នៅក្នុងគណបក្សX" (used to be in party X)
    # ... and "អតីតគណបក្ស CNRP" (the former party CNRP): the word "party" before an acronym
    # ... "ធ្លាប់កាន់ប័ណ្ណសមាជិកគណបក្សX" (once held party X's membership cards), "ប្រគល់ប័ណ្ណសមាជិក
    # X ចាស់" (handed back their old X cards)
    # ... "សកម្មជនរបស់គណបក្សX" (activists of party X)
    # ... "ក្នុងបញ្ជីបេក្ខជនរបស់គណបក្សX" (on party X's list of candidates), "ក្រោមស្លាកគណបក្សX"
    # (under party X's banner): the party they stood for
    r"|(?:ពី|អតីត|(?:សមាជិក|សកម្មជន|មន្ត្រី)(?:\s*របស់)?|(?<!បោះឆ្នោត)គាំទ្រ|"
    # ... "ធ្លាប់ធ្វើជាប្រធានក្រុមគណបក្សX" (had served as head of party X's group)
    r"ធ្លាប់(?:នៅ)?\s*(?:ក្នុង(?:ជួរ)?|(?:ធ្វើ\s*)?ជា(?:[\u1780-\u17d2]{1,16}?)?)?|"
    r"បញ្ជីបេក្ខជន(?:\s*របស់)?|ក្រោមស្លាក|"
    r"(?:ធ្លាប់កាន់|ប្រគល់)ប័?ណ្ណ\s*សមាជិក(?:ភាព)?)\s*"
    r"(?:(?<=អតីត)គណបក្ស\s*)?)$",
    re.I,
)
# A party that welcomes ("the CPP in Kampot welcomed 86 activists") is the party joined;
# "were received into" is passive: its subject is who moved.
_WELCOMES_AFTER = re.compile(
    # (not "85 Candlelight Party members received membership cards": who moved)
    r"^(?:'s)?[\s,]*(?:\w+\s+){0,4}?(?:welcom|receiv(?!\w*\s+(?:[\w'’-]+\s+){0,2}?cards?\b)|"
    r"embrac|accept|admitted)"
    # not "... ទទួលប័ណ្ណសមាជិក" (received membership cards: who moved), nor "ត្រូវបានស្វាគមន៍"
    # (were welcomed: the guests)
    # ... nor "ដោយទទួលបានសំឡេង ១ ២០៤សន្លឹក" (winning 1,204 votes): votes or seats, no people
    r"|^[^។]{0,40}?(?<!ត្រូវបាន)(?:ទទួល(?!\s*(?:បាន|យក)?\s*(?:ប័?ណ្ណ|តំណែង|អំណោយ|សំឡេង|អាសនៈ|ឆ្នោត))|"
    r"ស្វាគមន៍)",
    re.I,
)
# ... "គណបក្សប្រជាជនកម្ពុជា (CPP) នៅខេត្តកំពង់ស្ពឺ បានប្រកាសថា" (the CPP in Kampong Speu
# announced that): its acronym and its branch's place between the party and its saying
# ("គណបក្សប្រជាជនកម្ពុជាខេត្តកំពង់ធំ ប្រកាសថា", the branch named without "នៅ")
_KHMER_PARTY_SAYS = re.compile(
    # ... or its level: "ថ្នាក់ខេត្ត" (provincial)
    # ... after dotted initials: "គ.ប.ក. អះអាងថា" (the CPP claims)
    # ... or its place alone: "បក្សកាន់អំណាចនៅពោធិ៍សាត់ថា" (the ruling party in Pursat says)
    r"^[.)]?\s*(?:(?:\([^)]{1,12}\)|(?:នៅ|ប្រចាំ)?\s*(?:ខេត្ត|ស្រុក|រាជធានី|ក្រុង|ខណ្ឌ)\S{1,20}|"
    r"នៅ\s*[^\s។]{2,20}?(?=\s*(?:បាន)?ថា)|"
    r"ថ្នាក់(?:ខេត្ត|ស្រុក|ឃុំ|ជាតិ|កណ្តាល|រាជធានី))\s*){0,2}"
    r"(?:បាន)?(?:ថា|លើកឡើងថា|អះអាងថា|ប្រកាសថា"
    # ... "បានបង្ហោះរូបថតនៅលើហ្វេសប៊ុក ដោយអះអាងថា" (posted photos on Facebook, claiming that)
    r"|(?:បង្ហោះ|ផុស|ចុះផ្សាយ)[^។]{0,50}?ដោយ(?:អះអាង|សរសេរ|បញ្ជាក់)ថា)"
)
# "..., ប៉ុន្តែគណបក្សX បានច្រានចោលតួលេខនេះ" (but party X rejected this figure), after the
# claim: who disputes it, neither left nor joined
_KHMER_PARTY_DISPUTES = re.compile(r"^\s*(?:បាន)?\s*(?:ច្រានចោល|បដិសេធ)")
_DISPUTES_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:provincial|local|district)\s+)?(?:officials?|spokes\w+|leaders?|"
    r"chiefs?)?\s*(?:says?|said|disputes?|disputed|denies|denied|rejects?|rejected)\b",
    re.I,
)
_KHMER_LETTER = re.compile(r"[\u1780-\u17ff]")
_PASSIVE = re.compile(r"\b(?:were|was|been|being|be|are|is)\b", re.I)
# A party that says something is the claim's source, not a party of the move.
_SAYS_AFTER = re.compile(
    # ... "Candlelight, for its part, says"
    r"^(?:'s)?(?:,\s*(?:for\s+its\s+part|in\s+turn|however|meanwhile),)?"
    r"(?:(?!\b(?:join|defect|switch|quit|left|cross|mov|went)\w*\b)[^,;(]){0,40}?"
    # ... and a headline's plural "Candlelight Say Only Six Is Real Members"
    r"\b(?:said|says|announced|announcing|claimed|claiming|reported|posted|told|stated|wrote|"
    r"writes|acknowledged|admitted|conceded|insisted|argued|noted|(?-i:Say|Claim))\b"
    # "120 Candlelight members reported joining the CPP": the act reported, not a saying
    # ... "140 CLP members reported welcomed into the CPP", "reported to have taken CPP cards"
    r"(?!\s+(?:to\s+have\s+(?:been\s+)?|as\s+(?:having\s+)?)?(?:join|defect|switch|quit|leav|"
    r"left|cross|mov|welcom|receiv|taken|took|admitt|accept|sign)\w*)",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.I)
# ... Khmer "ត្រូវបានទទួលស្គាល់ជាសមាជិកគណបក្សX" (were recognised as members of party X)
_AS_NEW_MEMBERS_OF = re.compile(
    r"\bas\s+(?:new\s+)?members?\s+of\s+(?:the\s+)?$|(?:ទទួលស្គាល់|ទទួលយក)\s*ជា\s*សមាជិក(?:ថ្មី)?\s*$",
    re.I,
)
_JOINED_IN_CLAUSE = re.compile(
    # ... "villagers who were welcomed into the ruling CPP last year returned to the CLP"
    r"\b(?:who|which)\s+(?:had\s+|have\s+|has\s+)?(?:(?:joined|join)\s+|"
    r"(?:were|was|had\s+been)\s+(?:welcomed|received|admitted|accepted)\s+into\s+)"
    r"(?:the\s+)?(?:ruling\s+)?$",
    re.I,
)
# "ដែលបានចូលជាសមាជិកគណបក្សX ... បានវិលត្រឡប់ទៅ..." (who had joined X ... went back to ...)
# ... "ដែលធ្លាប់បានចូល" (who had once joined), "ក្រោយចូល" (after joining), wherever it stands
_KHMER_AFTER = r"ក្រោយ\s*(?:ពី\s*)?(?:បាន)?"
_KHMER_JOINED = r"\s*ចូល(?:ជា\s*សមាជិក|រួមជាមួយ)?\s*$"
_KHMER_JOINED_IN_CLAUSE = re.compile(
    # (not "ក្នុងស្រុកដដែល បានចូល...", in the same district, joined: "ដដែល" is no "ដែល")
    rf"(?:(?<!ដ)ដែល(?:ធ្លាប់\s*)?(?:បាន|ធ្លាប់)?|{_KHMER_AFTER}){_KHMER_JOINED}"
)
_KHMER_AFTER_JOINING = re.compile(_KHMER_AFTER + _KHMER_JOINED)
# ... "resigned from his post and from the CLP", "លាឈប់ពីតំណែង និងពីគណបក្សX" (the same)
_LEFT_OBJECT = re.compile(
    r"\s*(?:from\s+(?:his|her|their)\s+\w+\s+and\s+)?(?:from\s+)?(?:the\s+)?(?:opposition\s+)?"
    r"|\s*(?:ចេញ)?ពី\s*(?:\S{1,12}\s*និង\s*ពី\s*)?",
    re.I,
)



@dataclass
class _Roles:
    froms: list[str]
    to: str | None
    sources: list[str]  # parties that say something in the sentence ("the CPP said")


def active_welcome(sentence: str, verb: Verb) -> bool:
    """Whether the verb is one of welcoming or receiving, with the hosts as its subject.

    >>> active_welcome("The CPP welcomed 86 activists", Verb("join", 8, 16))
    True
    """
    word = sentence[verb.start : verb.end]
    if word.startswith("ទទួល") and not re.search(r"ប័?ណ្ណ", word):
        # "(ពិធី)ទទួលស្វាគមន៍សមាជិកថ្មី ... ដែលជាអតីតសមាជិកគណបក្សX" (welcomed new members who
        # were X's): the guests are after it, unless the passive "ត្រូវបាន" makes them its subject
        return not re.search(r"ត្រូវបាន\s*(?:\S+\s*)?$", sentence[: verb.start])
    return (
        bool(_WELCOME_VERB.match(word))
        and not _PASSIVE_BEFORE.search(sentence[: verb.start])
        # "a ceremony to receive CPP membership": who receives it moved
        and not _MEMBERSHIP_NEXT.match(sentence[verb.end :])
        # "45 members received into the CPP" (a bulletin's passive without "were")
        and not (
            re.match(r"(?:received|welcomed|accepted|admitted)(?:\s+into)?$", word, re.I)
            and (word.lower().endswith("into") or re.match(r"\s+into\b", sentence[verb.end :]))
        )
        # "276 Candlelight supporters embraced the CPP": who embraces a party joins it
        and not (
            word.lower().startswith("embrac")
            and re.match(r"\s+(?:the\s+)?(?:ruling\s+)?(?-i:[A-Z])", sentence[verb.end :], re.I)
        )
    )


def _welcomes(after: str) -> bool:
    m = _WELCOMES_AFTER.match(after)
    return m is not None and not _PASSIVE.search(m.group())


def party_roles(mentions: list[PartyMention], sentence: str, verb: Verb) -> _Roles:
    """Former parties, the party joined and the parties quoted, from where each party
    stands against the verb."""
    froms: list[str] = []
    tos: list[PartyMention] = []
    strong: list[PartyMention] = []
    sources: list[str] = []
    welcome = active_welcome(sentence, verb) or bool(
        # "ក្រុមការងារគណបក្សX ... បានទទួលស្វាគមន៍អតីតអ្នកគាំទ្រគណបក្សY" (party X's working group
        # received with welcome former supporters of Y): party X hosts
        sentence.startswith("ស្វាគមន៍", verb.start)
        and re.search(r"ទទួល\s*$", sentence[: verb.start])
        and any(m.end <= verb.start for m in mentions)
    )
    previous: PartyMention | None = None
    # (a quotation after the verb is someone's words about the move: "resigned ..., saying
    # FUNCINPEC had become 'a decoration for the ruling party'")
    quoted_after = [
        q.span()
        for q in QUOTED.finditer(sentence)
        if q.start() >= verb.end
        and _SAYING.search(sentence, verb.end, q.start())
    ]
    # "អ្នកភូមិ ... ដែលធ្លាប់ចាកចេញពីគណបក្សA ទៅចូលគណបក្សB ... បានវិលត្រឡប់មកគណបក្សAវិញ" (villagers who
    # once left A for B ... came back to A): the party they once went to is the one they leave
    once = next(
        (
            o
            for o in KHMER_ONCE_CLAUSE.finditer(sentence, 0, verb.start)
            # (the leaving in the clause itself, before the main clause's "បាន")
            if _KHMER_LEFT.search(o.group("clause"))
        ),
        None,
    )
    for m in mentions:
        if any(a <= m.start < b for a, b in quoted_after):
            continue
        before = sentence[max(0, m.start - 40) : m.start]
        if once is not None and once.start("clause") <= m.start < verb.start:
            if _TO_BEFORE.search(before) or _STRONG_TO_BEFORE.search(before):
                froms.append(m.name)
            continue
        after = sentence[m.end : m.end + 60]
        says = _SAYS_AFTER.match(after)
        listed = (
            previous is not None
            and previous.name in froms
            and _LISTED_WITH.match(sentence[previous.end : m.start])
        )
        previous = m
        former = re.search(r"\b(?:former|formerly|ex-)\s*$", before, re.I)
        says_ = (
            (says and not _PASSIVE.search(says.group()))
            or (KHMER_SAID_BY_BEFORE.search(before) and KHMER_SAYS_AFTER.match(after))
            # "an announcement on 4 September by the KWP that 37 ... had joined it"
            or (_BY_BEFORE.search(before) and re.match(r"\s+that\b", after))
        )
        if (
            (m.start < verb.start and says_ and not former)
            or _KHMER_PARTY_SAYS.match(after)
            or (m.start >= verb.end and _KHMER_PARTY_DISPUTES.match(after))
            # ", but Candlelight officials say the figure is inflated": who disputes it
            or (
                m.start >= verb.end
                and re.search(r"\bbut\s+(?:the\s+)?$", before, re.I)
                and _DISPUTES_AFTER.match(after)
            )
        ):
            sources.append(m.name)  # ... "ខណៈភ្លើងទៀនថា" (while the CLP says), wherever it stands
        elif verb.start <= m.start < verb.end and verb.kind == "join":
            if re.match(r"receiv\w*\s.*\binto$", sentence[verb.start : verb.end], re.I | re.S):
                froms.append(m.name)  # "received 40 Candlelight supporters into": the guests'
            else:
                tos.append(m)  # "had become CPP members"
        elif listed:
            froms.append(m.name)  # "former members of the CLP, the KWP and the GDP"
        elif (
            m.start > verb.start
            and re.search(r"\b(?:among\s+them|of\s+whom)\b", sentence[verb.start : m.start], re.I)
            and _ARE_MEMBERS_OF.search(before)
        ):
            # "..., among them 128 are members of the CLP": who they were (not "among them three
            # councillors ..., as new members of the CPP")
            froms.append(m.name)
        elif (
            m.start < verb.start
            and (_JOINED_IN_CLAUSE.search(before) or _KHMER_JOINED_IN_CLAUSE.search(before))
        ) or (m.start >= verb.end and _KHMER_AFTER_JOINING.search(before)):
            froms.append(m.name)  # "activists who joined the CPP last year have returned"
        elif m.start < verb.start and welcome and _BODY_OF_PARTY.search(before):
            tos.append(m)  # "the provincial working group of the CPP welcomed ...": the host
        elif (
            m.start < verb.start
            and _HOSTING.match(sentence, verb.start)
            and _PARTY_BODY_AFTER.match(after)
            and not re.search(r"\b(?:former|formerly|ex-)\s*$", before, re.I)
        ):
            tos.append(m)  # "the head of the CPP working group ... held a ceremony to welcome"
        elif re.search(r"\binto\s+the\s+(?:big\s+|great\s+|large\s+)?$", before, re.I) and re.match(
            r"\s+family\b", after, re.I
        ):
            tos.append(m)  # "welcomed 49 ... into the big FUNCINPEC family"
            strong.append(m)
        elif _FOUNDED_BEFORE.search(before):
            tos.append(m)  # "quit, found 'Khmer People's Voice Party'": the party they made
            strong.append(m)
        elif _STRONG_TO_BEFORE.search(before) or re.search(r"\bnew\s+$", before, re.I):
            tos.append(m)  # "welcomes new CPP members": the party they are new to
            strong.append(m)
        elif verb.kind == "join" and m.start >= verb.end and _AS_NEW_MEMBERS_OF.search(before):
            tos.append(m)  # "received 52 people ... as new members of the CPP"
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
            and not FROM_BEFORE.search(before)
            and (m.start > verb.start or verb.kind == "join")
        ):
            tos.append(m)
        elif FROM_BEFORE.search(before):
            froms.append(m.name)
        elif welcome and m.start > verb.end:
            froms.append(m.name)  # "officials received 500 Candlelight members": the guests'
        elif m.start < verb.start and _welcomes(after) and _KHMER_LETTER.search(after[:10]):
            tos.append(m)  # "បក្សកាន់អំណាចបន្តប្រកាសទទួល..." (the ruling party goes on receiving)
            strong.append(m)
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


def parties_left(
    froms: list[str], text: str, mentions: list[PartyMention], verb: Verb
) -> list[str]:
    """The parties left in this move, out of all the sentence's former parties: those a
    leaving verb names ("a former CNRP activist, quit the CLP and joined the CPP": the CLP);
    else those outside asides about the person, or the party an aside says they joined last
    ("X, who left the SRP before joining the CLP in 2021, has switched to the CPP": the CLP).

    >>> t = "Mr. A, a former CNRP activist, quit the CLP and joined the CPP"
    >>> ms = [PartyMention(n, n, t.index(n), t.index(n) + len(n), True) for n in ("CNRP", "CLP")]
    >>> parties_left(["CNRP", "CLP"], t, ms, Verb("join", t.index("joined"), t.index(" the CPP")))
    ['CLP']
    """
    if verb.kind == "leave":
        # "Seven members resigned from the party on 28 July, days after the CPP won": what
        # follows the leaving's clause names no party left
        end = len(through_clause(text, verb.end))
        froms = [f for f in froms if any(m.name == f and m.start < end for m in mentions)] or froms
    named = [m for m in mentions if m.name in froms]
    asides = history_asides(text)
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


_ON_ITS_TICKET = re.compile(r"(?:'s|’s)?\s+(?:ticket|list|slate)\b", re.I)


def background_parties(text: str, mentions: list[PartyMention]) -> list[str]:
    """The parties a sentence without a claim says people came from ("formerly members of")."""
    out: list[str] = []
    previous: PartyMention | None = None
    for m in mentions:
        listed = previous is not None and _LISTED_WITH.match(text[previous.end : m.start])
        if (listed and previous is not None and previous.name in out) or (
            FROM_BEFORE.search(text[max(0, m.start - 40) : m.start])
            and re.search(
                r"\b(?:former|formerly|was|were|had\s+been|came|come|hail(?:ed)?)\b|អតីត|ធ្លាប់",
                text[: m.start],
                re.I,
            )
        ) or (
            # "won the chief's seat on the Candlelight Party ticket": elected as its member
            _ON_ITS_TICKET.match(text[m.end :])
            and re.search(r"\bon\s+(?:the|an?|its|their)\s+$", text[: m.start])
        ):
            out.append(m.name)  # "were from the CLP, the former CNRP and the LDP"
        previous = m
    return out
