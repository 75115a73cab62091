"""A report's text read into proposed claims: one per event, with the words it rests on.

>>> from datetime import date, timedelta
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
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from bot.ingest.intake.bullets import per_bullet
from bot.ingest.intake.clauses import QUOTED
from bot.ingest.intake.corrections import correct, without_superseded
from bot.ingest.intake.dates import TODAY, FoundDate, find_dates
from bot.ingest.intake.events import (
    bared,
    from_context,
    merge,
    name_destination,
    rough,
    same_event,
    told_event_by_event,
    told_per_party,
    without_headlines,
)
from bot.ingest.intake.groups import GROUP_TOTAL, ROLE, UNNAMED_PARTIES, bare_name
from bot.ingest.intake.numbers import (
    NUMBER,
    Count,
    cell_count,
    khmer_digits_to_ascii,
    person_counts,
)
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.people import claimant_in, people_named
from bot.ingest.intake.reading import (
    ANAPHORIC_SOURCE,
    HASHTAGS,
    UNNAMED_DESTINATION,
    Reading,
    read_sentence,
    sentence_claimant,
)
from bot.ingest.intake.report import PartyName, Proposal, Report
from bot.ingest.intake.sentences import (
    Sentence,
    split_sentences,
    unwrap,
    without_left_out,
    without_page_clutter,
)
from bot.ingest.intake.signals import claim_verbs, not_a_claim, retells_a_report
from bot.ingest.intake.tables import table_claims

_ITS_ROLE = re.compile(
    rf"\b(?:the\s+party['’]s|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE}|(?:chief|official|councill?or|"
    r"candidate|member|activist|leader|lawmaker|organi[sz]er|coordinator|representative)s\b)"
    # "who led the party's chapter in Kep": one who headed a body of the party
    r"|\b(?:led|headed|chaired|ran)\s+(?:the\s+party['’]s|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:chapter|branch|committee|office|wing|cell)\b"
    # "អនុប្រធានគណបក្សខេត្ត" (the deputy chief of the party's province branch): no name given
    r"|(?:ប្រធាន|អនុប្រធាន|មន្ត្រី|លេខាធិការ)គណបក្ស(?:ខេត្ត|ស្រុក|ខណ្ឌ|ឃុំ)",
    re.I,
)
_FROM_THE_PARTY = re.compile(
    r"\b(?:quit|left|leaving|resigned\s+from|withdrew\s+from)\s+the\s+party\b", re.I
)
_PRONOUN_SUBJECT = re.compile(r"^(?:[\w'-]+\s+){0,4}?(?:he|she)\b", re.I)
_DESTINATION_ELSEWHERE = "the party joined is not named in the claim's sentence"
_SAID_HE_HAD = re.compile(
    r"\b(?:said|says|told|explained|added)\b[^.;]*\b(?:he|she)\s+had\s+"
    # ... "he had handed in his Candlelight Party card"
    r"(?:left|quit|resigned|joined|defected|switched|handed\s+(?:in|back)|given\s+up)\b",
    re.I,
)
_HE_SAID_HE_HAD = re.compile(
    r"\W*(?:He|She)\s+(?:said|says|told\s+\w+)\s+(?:that\s+)?(?:he|she)\s+had\s+(?:joined|defected|switched)"
)
# "..., said Chhim Rithy, 38, a former CNRP youth leader, who received a party card": one of
# the group told before, who speaks
# ... Khmer "លោក X ... បានប្រាប់ CamboJA ... ថា លោកសម្រេចចិត្តចូល CPP ដោយសារ..." (Mr X told
# CamboJA that he decided to join the CPP because ...)
_KHMER_HE_SAID_HE = re.compile(
    r"(?:ប្រាប់|និយាយ|ថ្លែង)[^។]{0,40}?ថា\s*(?:លោក|លោកស្រី|អ្នកស្រី|គាត់|នាង|ខ្លួន)\s*(?:បាន)?\s*"
    r"(?:សម្រេចចិត្ត\s*)?(?:ចូល|លាឈប់|ចាកចេញ)"
)
_SAID_ONE_WHO = re.compile(
    r"\b(?:said|says|told\s+\w+)\s+[^,.;]{3,40},[^.;]{0,80}?\bwho\s+(?:had\s+|has\s+)?"
    r"(?:also\s+)?(?:received|joined|took|switched|defected)\b",
    re.I,
)
_HOLDS_A_ROLE = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{ROLE}\s+(?-i:[A-Z])", re.I)
_KHMER_ROLE_OF = re.compile(r"(?:បេក្ខជន|មេឃុំ|ចៅសង្កាត់|ប្រធាន|អនុប្រធាន)\S{0,12}\s*(?:របស់|នៃ)\s*$")
# (a quotation that a sentence before opened: '... is not true," he said.')
_QUOTE_ENDS = re.compile(r"^[^«“]*[»”]")
_BOTH_GROUPS = re.compile(
    r"\b(?:the\s+(?:two|three|four)\s+groups|both\s+groups|the\s+groups)\b|ក្រុមទាំង(?:ពីរ|បី)", re.I
)
_HE_OR_SHE = re.compile(r"\b(?:he|she)\b", re.I)
# "ពីមុនយើងជា..." (before, we were ...), "Before, we were ...": the party someone was in, told
# after their move
_PREVIOUSLY = re.compile(
    r"^\W*(?:ពីមុន|កាលពីមុន|មុននេះ)\s*(?:យើង|ខ្ញុំ|គាត់|លោក|ពួកគេ)?\S{0,6}\s*(?:ជា|ធ្លាប់)"
    r"|^\W*(?:before|previously|until\s+now),?\s+(?:we|he|she|they|I)\s+(?:were|was|had\s+been)\b"
    r"|^\W*(?:we|he|she|they|I)\s+(?:were|was|had\s+been)\s+(?:previously|before|formerly)\b",
    re.I,
)
# A writer telling their own move ("we", "I", Khmer "យើង", "ខ្ញុំ")
_WE_WHO_WRITE = re.compile(r"(?i:\bwe\b)|\bI\b|យើង|ខ្ញុំ")
_MOVERS_DENY = "a denial by those said to have moved"
_CALLED_FALSE = (_MOVERS_DENY, "a claim called false", "a correction or retraction")
_DENIES_A_MOVE = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?)\s+(?:\w+\s+){0,2}?(?:defect|leav|left|joining|switch)"
    # ... "denied reports that she had defected to the ruling party"
    r"|\bden(?:y|ies|ied)\s+(?:reports?|claims?|rumou?rs?)\s+that\s+(?:\w+\s+){0,3}?"
    r"(?:defected|left|joined|switched|quit)\b"
    r"|\b(?:he|she|they)\s+(?:has|have|had)\s+not\s+left\b"
    # "ច្រានចោលការផ្សាយថាពួកគេបានចាកចេញ" (rejected the report that they had left)
    r"|(?:បដិសេធ|ច្រានចោល)[^។]{0,40}?ថា[^។]{0,30}?(?:ចាកចេញ|ចូល|ប្[តដ]ូរ)",
    re.I,
)
_UNDONE = (_MOVERS_DENY, "a correction or retraction")
# "The page later deleted its post", "the post had been removed": a claim taken back by who
# made it (told in its own sentence; in the claim's own, the claim still stands as made)
_DELETED_A_CLAIM = re.compile(
    r"\b(?:deleted|deletes|removed|removes|took\s+down|takes\s+down|pulled)\s+(?:a|its|the|their)\s+"
    r"(?:[\w-]+\s+){0,2}?post\s+(?:claiming|saying|which\s+claimed|that\s+claimed)\b"
    # ... "A post by the CPP's working group announcing that 700 ... had joined the ruling
    # party disappeared from the page on Wednesday"
    r"|\bpost\b[^.;]{0,80}?\b(?:announcing|claiming|saying|stating)\s+that\b[^.;]{0,160}?"
    r"\b(?:disappeared|vanished|(?:was|has\s+been)\s+(?:deleted|removed|taken\s+down))\b",
    re.I,
)
_DELETED = re.compile(
    r"\b(?:deleted|removed|took\s+down|pulled|withdrew)\s+(?:its|the|their|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:post|article|story|report)\b|"
    r"\b(?:post|article|story|report)\s+(?:had\s+been|has\s+been|was)\s+"
    r"(?:removed|deleted|taken\s+down|pulled|withdrawn)\b"
    # ... "ការផុសនោះត្រូវបានលុបចេញ" (that post was deleted)
    r"|(?:ការផុស|ការបង្ហោះ|ប្រកាស|អត្ថបទ|ព័ត៌មាន)[^។]{0,30}?ត្រូវបាន(?:គេ)?\s*(?:លុប|ដក)"
    # ... "យើងបានលុបការបង្ហោះនោះចោលហើយ" (we have deleted that post)
    r"|បាន\s*(?:លុប|ដក)\s*(?:ការផុស|ការបង្ហោះ|ប្រកាស|អត្ថបទ)",
    re.I,
)
_CLAIMING_POST_DELETED = re.compile(
    # ... "A separate post ..., which claimed on Monday evening that ..., was deleted"
    r"\b(?:post|article|story|report)\b[^.;]{0,80}?"
    r"\b(?:claiming|saying|stating|reporting|(?:which|that)\s+(?:had\s+)?claimed)\b"
    r"[^.;]{0,160}?"
    r"\b(?:was|has\s+been|had\s+been)\s+(?:removed|deleted|taken\s+down|pulled|withdrawn)\b"
    # ... "deleted a post on Monday that had claimed 320 ... had joined"
    r"|\b(?:deleted|removed|took\s+down|pulled|withdrew)\s+(?:a|the|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:post|article|story|report)\b[^.;]{0,60}?\b(?:that|which)\s+(?:had\s+)?claimed\b"
    # ... "ការបង្ហោះមួយដែលអះអាងថា ... ត្រូវបានលុបចេញវិញ" (a post claiming ... was deleted)
    r"|(?:ការផុស|ការបង្ហោះ|ប្រកាស)\S{0,10}[^។]{0,20}?អះអាងថា[^។]{0,200}?ត្រូវបាន(?:គេ)?\s*(?:លុប|ដក)"
    # ... "បានបង្ហោះថា ... ប៉ុន្តែទំព័រដដែលបានដកការបង្ហោះនោះវិញ" (posted that ..., but the same
    # page withdrew that post)
    r"|(?:បង្ហោះ|ផុស|អះអាង)ថា[^។]{0,200}?(?:ដក|លុប)\S{0,4}(?:ការបង្ហោះ|ការផុស|ប្រកាស|អត្ថបទ)",
    re.I,
)
# "Our website reported on Monday that ...", Khmer "គេហទំព័ររបស់យើងបានចុះផ្សាយថា ..." (our
# website published that ...): an outlet telling its own earlier claim, which its next
# sentences may take back, whatever paragraph they open
_OUR_OWN_REPORT = re.compile(
    r"\b(?:we|our\s+(?:[\w-]+\s+){0,2}?(?:site|website|page|newspaper|paper|channel|outlet|"
    r"reporters?|story|article|report))\s+(?:had\s+|has\s+)?(?:\w+\s+){0,2}?"
    r"(?:reported|published|said|posted|wrote|stated)\b"
    r"|(?:គេហទំព័រ|ទំព័រ|កាសែត|ប៉ុស្តិ៍|បណ្តាញ)\S{0,12}?\s*(?:របស់)?\s*យើង[^។]{0,20}?"
    r"(?:ចុះ)?(?:ផ្សាយ|បង្ហោះ|ផុស)|យើង(?:ខ្ញុំ)?\s*បាន\s*(?:ចុះ)?(?:ផ្សាយ|បង្ហោះ|ផុស)",
    re.I,
)
_DECORATED_LINE = re.compile(r"[^\w\s\"“'‘(\[]+\s*\w.*?[^\w\s.។\"”')\]]+", re.S)
_A_PAGE_SAID = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:post|page|site|report|claim|article|story)\b"
    # ... "ប្រកាសមួយនៅលើតេឡេក្រាម បានអះអាងថា" (a post on Telegram claimed that)
    # ... "ទំព័រដដែលក៏បានបង្ហោះថា" (the same page also posted that)
    r"|(?:ប្រកាស|ការផុស|ការបង្ហោះ|អត្ថបទ|ទំព័រ|គេហទំព័រ)\S{0,10}[^។]{0,40}?(?:អះអាង|សរសេរ|ផ្សាយ|បង្ហោះ|ប្រកាស)ថា",
    re.I,
)
_EARLIER_ONES = re.compile(
    r"\b(?:earlier|previous)\s+[\"“'‘]?(?:defectors|joiners|switchers)\b", re.I
)
_SOME_OF_THEM_SAY = re.compile(
    r"\bsome\s+(?:of\s+(?:the|those)\s+)?(?:[\w-]+\s+){0,3}?(?:say|said)\b"
    # ... "ពលរដ្ឋខ្លះថា ..." (some citizens say ...)
    r"|(?:ខ្លះ|មួយចំនួន)(?:[^។]{0,40}?(?:បាន)?និយាយ)?\s*ថា",
    re.I,
)
# "នៅស្រុកបារាយណ៍ ..." (in Baray district ...), "In Kep, ...": a sentence that opens with its
# own place, one event of a day's several
_AT_A_PLACE = re.compile(r"\W*(?:នៅ\s*(?:ស្រុក|ខណ្ឌ|ក្រុង|ខេត្ត|ឃុំ|សង្កាត់)|(?:In|At)\s+(?-i:[A-Z]))", re.I)
# A letter's subject line, and its writer speaking ("ខ្ញុំបាទ", "I, the undersigned")
_LETTER_SUBJECT = re.compile(r"\W*(?:កម្មវត្ថុ|Subject|Re)\s*[៖:]", re.I)
_FIRST_PERSON_LETTER = re.compile(
    r"ខ្ញុំ(?:បាទ|ព្រះករុណា)?\s*(?:សូម|សុំ)|\bI\s*,?\s*(?:the\s+undersigned|hereby)\b"
)
_I_MOVED = re.compile(
    r"\bI\s+(?:have\s+)?(?:(?:decided|chose|choose)\s+to\s+)?(?:leave|left|join(?:ed)?|quit|"
    r"resign(?:ed)?)\b"
)
_NAMED_WRITER = re.compile(
    r"ខ្ញុំ(?:បាទ|នាង)?\s*ឈ្មោះ|\bI\s*,\s*the\s+undersigned\b|\bMy\s+name\s+is\b"
)
# An official document's closing line, "Done at <place>, <day>" (Khmer "ធ្វើនៅ...")
_DONE_AT = re.compile(r"\W*(?:ធ្វើនៅ|Done\s+(?:at|in)\b)", re.I)
# ... and the place itself, to tell one item of a digest from the next
_OPENING_PLACE = re.compile(r"\W*(?:In|At)\s+((?:[A-Z][\w'-]*\s*){1,3}),")


def _elsewhere(sentence: str, before: str) -> bool:
    """Whether a sentence opens with a place other than the one the claim before opened with.

    >>> _elsewhere("In Kandal, the group welcomed members.", "In Kampot, X resigned."), _elsewhere(
    ...     "In Kandal, they got cards.", "In Kandal, 40 joined.")
    (True, False)
    """
    here, there = _OPENING_PLACE.match(sentence), _OPENING_PLACE.match(before)
    return bool(here and there and here[1].strip() != there[1].strip())


_NO_DAY_GIVEN = re.compile(
    r"\b(?:without\s+(?:giving|saying|stating)|did\s+not\s+(?:give|say|state))\s+(?:the\s+|a\s+)?"
    r"(?:date|day|when)\b|\bno\s+date\s+(?:was|is)\s+given\b",
    re.I,
)
# A headline's list of topics, moves among them
_TOPICS = re.compile(
    r"\b(?:defections|resignations?|departures|new\s+members)\b[^.;]{0,40}?,[^.;]{0,60}?\b(?:and|&)\s",
    re.I,
)
_FALSE_CLAIM = (
    "an alliance or merger of parties",
    "a claim called false",
    "a correction or retraction",
    _MOVERS_DENY,
)
_CORRECTION_NOTICE = re.compile(
    r"\W*(?:correction|clarification)\b[^.]{0,40}?\b(?:an?\s+)?(?:earlier|previous)\s+version\b",
    re.I,
)
# "សេចក្តីថ្លែងការណ៍ បដិសេធព័ត៌មានមិនពិត" (a statement denying false news), "denies fake news"
_DENIES_FALSE_NEWS = re.compile(
    r"(?:បដិសេធ|ច្រានចោល)\s*ព័ត៌មាន(?:មិនពិត|ក្លែងក្លាយ)|\bden(?:y|ies|ied)\s+(?:fake|false)\s+news\b",
    re.I,
)
_CEREMONY = re.compile(
    # ... "The handover took place last Friday (October 8)"
    r"\b(?:ceremon(?:y|ies)|events?|handover|reception)\b[^.]{0,40}\b(?:(?:was|were)\s+(?:held|organi[sz]ed)|"
    r"took\s+place)\b"
    # ... "The ceremony, held on Tuesday in the compound of Wat X, was announced ..."
    r"|^\W*The\s+(?:\w+\s+)?ceremony,\s+held\b"
    # ... "Ceremonies in Kampot and Kep on Sunday saw more opposition members join the CPP"
    r"|^\W*(?:\w+\s+){0,2}?ceremon(?:y|ies)\b[^.]{0,80}?\bsaw\b"
    # "In a letter dated December 1 ...": the day the resignation was written; "The letters,
    # dated Monday, were sent to ..."
    r"|\b(?:letters?|resignation)\b,?\s+dated\b"
    # ... Khmer "លិខិតលាលែងចុះថ្ងៃទី១៧" (the resignation letter dated the 17th)
    r"|លិខិត\S{0,12}\s*ចុះ\s*(?:កាលបរិច្ឆេទ\s*)?ថ្ងៃ"
    # Khmer "បានប្រារព្ធពិធីទទួលសមាជិកថ្មី" (held a ceremony to receive new members), "ពិធី...
    # បានប្រព្រឹត្តទៅ" (the ceremony took place)
    # ... "បានប្រព្រឹត្តទៅនូវពិធី..." (there took place the ceremony ...)
    r"|(?:ប្រារព្ធ|រៀបចំ|ប្រព្រឹត្តទៅ\s*នូវ)\s*ពិធី|ពិធី[^។]{0,60}(?:បានប្រព្រឹត្តទៅ|ធ្វើឡើង|(?:រៀបចំ|ប្រារព្ធ)ឡើង)"
    # ... "បានអញ្ជើញជាអធិបតីក្នុងពិធី..." (presided over the ceremony), "presided over a ceremony"
    r"|ជាអធិបតី\s*(?:ក្នុង|លើ)?\s*ពិធី|\bpresided\s+over\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?ceremony\b",
    re.I,
)
# "The following day, a further 68 joined": the day after the claim before; "a day earlier",
# "two days later": as many days before or after it.
_DAYS_APART = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|[1-6])\s+days?\s+(?P<way>earlier|later)"
    r"|the\s+(?:following|next)\s+day|(?P<back>the\s+previous\s+day|the\s+day\s+before(?=\s*[,.;])))"
    r"\b",
    re.I,
)
_DAY_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SAME_DAY = re.compile(
    r"\b(?:the|that)\s+same\s+(?:day|morning|afternoon|evening)\b|ថ្ងៃ\s*ដដែល"
    # ... "ក្នុងពិធីនោះ" (at that ceremony): the one told before
    r"|^\W*(?:នៅ)?ក្នុង(?:ពិធី|ឱកាស)\s*(?:នោះ|ដដែល)"
    # ... "at the same meeting"
    r"|\b(?:at|on)\s+the\s+same\s+(?:meeting|ceremony|event|gathering|rally|occasion)\b"
    # ... "On this auspicious occasion, 1,318 former members ...": the ceremony told before
    r"|^\W*(?:On|At)\s+(?:this|that)\s+(?:[\w-]+\s+)?occasion\b",
    re.I,
)
# "The following day, a separate group of 18 joined the CPP": the day after the one told before
_NEXT_DAY = re.compile(
    r"^\W*(?:On\s+)?the\s+(?:following|next)\s+day\b|\ba\s+day\s+later\b"
    # ... Khmer "នៅថ្ងៃបន្ទាប់" (on the next day), "មួយថ្ងៃក្រោយមក" (a day later)
    r"|^\W*(?:នៅ)?ថ្ងៃ(?:បន្ទាប់|ស្អែកឡើង)|មួយថ្ងៃក្រោយ",
    re.I,
)
_OPENS_A_LIST = re.compile(r"[:៖]\s*$")
_DESCRIBED_OPPOSITION = re.compile(
    r"\b(?:the\s+)?(?:(?P<dissolved>dissolved|banned|outlawed|disbanded)|main|largest|biggest|"
    r"leading)\s+opposition\s+party\b"
    # ... "12 members of the party's youth wing ... defected to the CPP": the party the text
    # is about, named before
    r"|\b(?:members|activists|supporters)\s+of\s+the\s+party's\s+(?:[\w-]+\s+)?(?:wing|branch|"
    r"chapter|committee)\b",
    re.I,
)
_DISSOLVED = re.compile(r"\b(?:dissolv|disband|outlaw)\w*|\bbanned\b|រំលាយ", re.I)
_PARTY_ELSEWHERE = "the party left is named elsewhere in the text"
_SOME_OF_THEM = re.compile(r"\b[\w,]+\s+of\s+(?:them|those|whom)\b", re.I)
# "The other four said ...", "the remaining 180": the rest of a group, counted ("four people")
_THE_OTHERS = re.compile(r"\b(?:other|remaining)\s+([\w,]+)(?=\s)", re.I)
# A list's closing line: "Total: 412 people", "សរុប៖ ៤១២ នាក់"
_TOTAL_LINE = re.compile(
    r"^\W*(?:(?:grand\s+)?total|in\s+total|altogether|សរុប(?:ទាំងអស់)?)\s*[:៖-]?\s*"
    r"(?P<n>(?:(?:about|some|around|more\s+than|over|nearly|ជាង|ប្រមាណ)\s*)?[\d០-៩][\d០-៩,.]*"
    r"\s*(?:people|persons|members|families|នាក់|រូប|គ្រួសារ))",
    re.I | re.M,
)
# Nothing but a place (its communes, districts, provinces), before a post's closing day
_PLACE_ONLY = re.compile(
    r"\W*(?:(?:ឃុំ|ស្រុក|ខេត្ត|ក្រុង|ភូមិ|សង្កាត់|ខណ្ឌ|រាជធានី)\S*\s*)*"
    # ... "កងមាស, ថ្ងៃសៅរ៍ ទី២៨ ...": a place's name and a comma, as a letter's closing line
    r"(?:[\u1780-\u17ff]{2,20}\s*,\s*)?[\s—–,-]*"
)
# After a post's closing day: its tags, its place ("📍 សាលាឃុំ ...") or who signs it
# ("ផ្នែកផ្សព្វផ្សាយ ក្រុមការងារស្រុក", the district working group's publicity section)
_AFTER_THE_CLOSING_DAY = re.compile(rf"{HASHTAGS.pattern}|\s*📍[^\n]*|[^\d០-៩។.!?\n#]{{1,50}}")
# "he joined", Khmer "លោកបានចូល..." (he joined ...): one person moved
_ONE_MOVED = re.compile(
    r"(?:^|\s)(?:អ្នកស្រី|លោកស្រី|លោក|នាង|គាត់)(?:ក៏)?បាន(?:ចូល|ប្[តដ]ូរ|លាលែង|លាឈប់|ចាកចេញ)"
    r"|\b(?:he|she)\s+(?:had\s+|has\s+)?(?:joined|left|quit|resigned|defected|switched)\b",
    re.I,
)
_AT_THE_CEREMONY = re.compile(r"\b(?:at|during)\s+the\s+(?:ceremony|event|gathering|rally)\b", re.I)
_FAKE_IMAGE = re.compile(
    r"\b(?:fake|doctored|fabricated|photoshopped|manipulated|false)\b[^.]{0,60}\b(?:image|photo"
    r"(?:graph)?|picture|video)s?\b|\b(?:image|photo(?:graph)?|picture|video)s?\b[^.]{0,60}\b"
    r"(?:fake|doctored|fabricated|photoshopped|manipulated)\b",
    re.I,
)
_CAPTION = re.compile(r"\bcaption(?:ed)?\b", re.I)
_THEY_ARE = re.compile(
    r"\W*(?:They|These|Their\s+names)\s+(?:are|were|include|included)\s*(?:as\s+follows)?\s*:\s*"
    r"|\W*(?:ពួកគាត់|ពួកគេ|អ្នកទាំងនោះ)\s*មាន(?:ដូចជា)?\s*៖\s*",
    re.I,
)
# "At the time, ...", Khmer "ចម្លើយ៖ ពេលនោះ ..." (A: at that time, ...): the time told before
_AT_THAT_TIME = re.compile(
    r"\W*(?:(?:A|Answer|ចម្លើយ)\s*[:៖]\s*)?(?:at\s+(?:the|that)\s+time|back\s+then|(?:នៅ)?ពេលនោះ)",
    re.I,
)


_SPEECH = re.compile(r"\b(?:address|speech|remarks)\b[^.]*\b(?:delivered|given|made)\b", re.I)


def _speech_day(sentences: Sequence[Sentence], anchor: date | None) -> tuple[date | None, set[int]]:
    """The day a speech quoted in full was given, told in the line that introduces it ("the
    full address delivered by H.E. X on Monday morning, 13 March 2023"), and the paragraphs
    the quotation holds (opened by a quotation mark, up to the paragraph that closes it)."""
    paragraphs: dict[int, str] = {}
    for s in sentences:
        paragraphs[s.paragraph] = f"{paragraphs.get(s.paragraph, '')} {s.text}".strip()
    quoted: set[int] = set()
    open_ = False
    for number, text in paragraphs.items():
        open_ = open_ or text.startswith(('"', "“"))
        if open_:
            quoted.add(number)
            open_ = not text.endswith(('"', "”"))
    intro = next(
        (
            s
            for s in sentences
            if _SPEECH.search(s.text) and quoted and s.paragraph < min(quoted)
        ),
        None,
    )
    if intro is None:
        return None, quoted
    days = {d.value for d in find_dates(intro.text, anchor, False) if not d.bound}
    return (days.pop() if len(days) == 1 else None), quoted


def _past_year_before(sentences: Sequence[Sentence], i: int, report: Report) -> bool:
    """Whether one of the two sentences before the i-th names a year before the report's."""
    if report.published is None:
        return False
    years = [
        int(khmer_digits_to_ascii(m.group(1)))
        for s in sentences[max(0, i - 2) : i]
        for m in re.finditer(r"(?<![\d០-៩])((?:19|20|១៩|២០)[0-9០-៩]{2})(?![\d០-៩])", s.text)
    ]
    return any(year < report.published.year for year in years)


# "the creation of a new party", "formed a new political party": people leaving to make one
_A_NEW_PARTY = re.compile(
    r"\b(?:creation|formation|founding|launch)\s+of\s+a\s+new\s+(?:political\s+)?party\b"
    r"|\b(?:form(?:ed)?|creat(?:e|ed)|found(?:ed)?|launch(?:ed)?|set\s+up)\s+a\s+new\s+"
    r"(?:political\s+)?party\b",
    re.I,
)
# ... and the new party's name, after "new": "their new Khmer Rise Party"
# ... or named after it: "The new party, called the Khmer People's Voice Party"
_NEW_BEFORE = re.compile(
    r"\bnew\s+$|\bnew\s+(?:political\s+)?party,?\s+(?:called|named|known\s+as)\s+(?:the\s+)?$",
    re.I,
)
_THAT_MORNING = re.compile(r"\bthat\s+(?:morning|afternoon|evening)\b", re.I)
# ... and "(1) Mr. Keo Sarin, 54, ...", "(២) ..."
_LIST_MARK = re.compile(r"^\s*(?:[\d០-៩]{1,2}[.)]|\([\d០-៩]{1,2}\)|\d\ufe0f?\u20e3|[-•*▪👉✅])\s*")
# ... and "150 did the same", "followed suit": a group other than the one told before
_ANOTHER = re.compile(
    # (not "a second-term councillor": his term)
    r"\b(?:another|a\s+further|a\s+second(?!-)|a\s+third(?!-)|did\s+(?:the\s+)?(?:same|likewise)|"
    rf"followed\s+suit|took\s+the\s+same\s+step|(?:{NUMBER.pattern})\s+more\b(?!\s+than)|"
    # "41 members of the same party": the parties of the group told before
    r"(?:of|from)\s+the\s+same\s+part(?:y|ies))\b"
    # ... Khmer "សមាជិកគណបក្សដដែល" (members of the same party), "បន្ថែម ២៨នាក់ទៀត" (28 more,
    # in addition)
    r"|គណបក្សដដែល|បន្ថែម\s*(?:ចំនួន\s*)?[0-9០-៩]",
    re.I,
)
# "សកម្មជនមួយចំនួនទៀត" (some other activists), "some others": a group beside the one told
# before, with no count of its own
_SOME_OTHERS = re.compile(r"មួយចំនួនទៀត|\b(?:some|several|many)\s+others\b", re.I)
# ... not "A KWP spokesperson welcomed the three", of a group
_OPPOSITION = re.compile(r"\bopposition\b|ប្រឆាំង", re.I)
_PART_OF_DAY = re.compile(
    r"\W*(?:(?:In\s+the\s+)?(?:morning|afternoon|evening)\b|Later\s+(?:that|the\s+same)\s+day|"
    # ... "លុះដល់ពេលរសៀល" (then, come the afternoon)
    r"(?:លុះ|នៅ)?\s*(?:ដល់)?\s*(?:ពេល|វេលា)\s*(?:ព្រឹក|រសៀល|ល្ងាច))\b",
    re.I,
)
# A fact check's verdict on its own line ("VERDICT: False."), or its headline's "Checked:"
# A fact check's verdict on a claim: false ("Verdict: FALSE"; Khmer "សេចក្តីសន្និដ្ឋាន៖ មិនពិត",
# conclusion: false, "លទ្ធផល៖ ក្លែងក្លាយ", result: fake); or a fact check's heading
_VERDICT_LINE = r"^\W*(?:verdict|rating|our\s+verdict)\s*:\s*"
_FALSE_VERDICT = re.compile(
    rf"{_VERDICT_LINE}(?:false|fake|misleading|fabricated|untrue)\b"
    r"|^\W*(?:សេចក្[តដ]ីសន្និដ្ឋាន|លទ្ធផល(?:នៃការផ្ទៀងផ្ទាត់)?|ការវាយតម្លៃ)\s*[៖:]\s*"
    r"(?:មិន(?:ពិត|ត្រឹមត្រូវ)|ក្លែងក្លាយ|បំភ្លៃ)",
    re.I | re.M,
)
_VERDICT = re.compile(
    rf"{_FALSE_VERDICT.pattern}|^\W*(?:fact[- ]?check(?:ed)?|checked)\s*:", re.I | re.M
)
# ... or a check's headline that says so: "Checked: Kampot's defection figure holds up"
_TRUE_VERDICT = re.compile(
    rf"{_VERDICT_LINE}(?:true|accurate|correct|confirmed)\b"
    r"|^\W*(?:fact[- ]?check(?:ed)?|checked)\s*:[^\n]*\b(?:holds?\s+up|checks?\s+out|"
    r"(?:is|was|are|were)\s+(?:accurate|correct|true|right)|confirmed)\b",
    re.I | re.M,
)
# A fact check's sections: "CLAIM 1: ...", "CLAIM 2: ..."
_CLAIM_HEADING = re.compile(r"^\W*claim\s*\d*\s*:", re.I | re.M)
_STRUCK_OUT = re.compile(
    r"\b(?:post|report|claim|row|entry)\b[^.;]{0,40}?\b(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:deleted|withdrawn|removed|retracted|taken\s+down)\b",
    re.I,
)
_OF_THE_COUNT = re.compile(r"\b\d[\d,]*\s+of\s+the\s+(?P<n>\d[\d,]*)\b")
_PENDING = re.compile(
    r"\b(?:approval\s+pending|pending\s+approval|(?:has|have)\s+not\s+(?:yet\s+)?been\s+"
    r"(?:approved|accepted)|not\s+yet\s+(?:approved|accepted))\b"
    # ... Khmer "មិនទាន់ត្រូវបានអនុម័ត" (not yet approved)
    r"|មិនទាន់\s*(?:ត្រូវ\s*បាន)?\s*(?:អនុម័ត|ទទួលយក)",
    re.I,
)
_APPLIED = re.compile(r"\bappl(?:y|ied|ies|ying|ications?)\b|ពាក្យ\s*(?:ស្នើ)?\s*សុំ", re.I)
_THE_GROUP_COUNTED = re.compile(
    r"\b(?:defectors|new\s+members|group),\s+numbering\s+(?P<n>\d[\d,]*)\b[^.\n]*"
    r"|\b(?:pose|posing|posed)\s+with\s+(?P<n2>\d[\d,]*)\s+new\s+members\s+from\s+[^.\n)]*",
    re.I,
)
_OF_OURS = re.compile(
    r"\bof\s+our\s+(?:\w+\s+){0,2}?(?:members|councill?ors|activists|officials)\b", re.I
)
_SHE_OR_HE = re.compile(r"\b(?:he|she)\b|គាត់|នាង(?!ខ្ញុំ)", re.I)
_HIM_OR_HER = re.compile(r"\b(?:he|she|him|her)\b|លោក|គាត់|នាង|អ្នកស្រី", re.I)
_WITH_HIS_GROUP = re.compile(
    r"\b(?:he|she)\s+and\s+(?:his|her)\s+(?:group|team|supporters|followers)\b"
    r"|និង\s*ក្រុម(?:\S{0,6})?(?:របស់)?\s*(?:លោក|គាត់|ខ្លួន|នាង)",
    re.I,
)
# A total's parts, party by party.
_BREAKDOWN = re.compile(
    r"^(?:Among\s+(?:them|those|the\s+\w+)|Of\s+(?:them|these|those|the\s+\w+)|"
    r"(?:They|These|The\s+(?:\w+\s+)?\w+)\s+(?:included|comprised|were\s+made\s+up\s+of|were:)|"
    r"Including|The\s+group\s+included|ក្នុងចំណោម)",
    re.I,
)
# A sentence about the group a claim before it told of ("The defectors, from Kampot, ...").
_SAME_GROUP = re.compile(
    # ... "said the Stoung members had joined": a place's name may say which group
    r"(?:^|\b(?:that|said)\s+)(?:The|the|These|these|Those|those|All\s+the|Both)\s+"
    r"(?:(?-i:[A-Z])[\w'-]+\s+)?(?:new\s+|former\s+)?"
    r"(?:officials|members|defectors|activists|supporters|group|councill?ors|newcomers|"
    r"recruits)\b"
    # Khmer: "អ្នកទាំងពីររូប" (the two of them), "ពួកគេ" (they), "សមាជិកថ្មីទាំងនោះ" (those new members)
    # "មន្ត្រីទាំងបីរូប" (the three officials)
    r"|^(?:អ្នកទាំង|ពួកគេ|ពួកគាត់|សមាជិកថ្មីទាំង|ក្រុមនេះ|(?:មន្ត្រី|សកម្មជន|សមាជិក)ទាំង(?!អស់))"
    # "សមាជិកគណបក្សភ្លើងទៀនដែលបានចូលរួម...លើកនេះ មកពី..." (the CLP members who joined this
    # time came from ...): the group, by the move told before
    r"|^(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ|មន្ត្រី)[^។\s]{0,40}?ដែល"
    # "មេធាវីរូបនេះ" (this lawyer), "លោកស្រីរូបនេះ": the one person told before
    r"|^\S{0,20}(?:រូប|ម្នាក់)នេះ"
    # "លោក X ប្រាប់វិទ្យុថា ពួកគេបានមកចូលដោយខ្លួនឯង" (X told the radio that they came to join
    # of their own will): someone speaking of the group
    r"|ថា\s*(?:ពួកគេ|ពួកគាត់|អ្នកទាំង)"
    # "លោកស្រី X ... ដែលបានចូលរួមពិធីនោះ" (Mrs X, who attended that ceremony): one of them
    r"|ដែល(?:បាន)?ចូលរួម(?:ក្នុង)?ពិធី(?:នោះ|នេះ)"
    # "One of the defectors, Ms. X, said she joined because ...": one of the group told before
    r"|^(?:One|Some|Several|Many|Most|Two|Three|A\s+few)\s+of\s+(?:the|them|those)\b"
    # "They were welcomed by ...", "The two were welcomed by ..."
    r"|^(?:They|The\s+(?:two|three|four|five|six|seven|eight|nine|ten))\s+(?:were|had|have)\b"
    # "Among those who switched were Mr. A and Mr. B": some of the group, by name
    r"|^Among\s+(?:them|those)\b"
    # "Another attendee, a former CLP candidate, said he had joined willingly": one of them
    # ... "One new member, X, 38, said she had decided to switch"
    r"|^(?:One|Another)\s+(?:\w+\s+)?(?:attendee|participant|defector|returnee|newcomer|"
    r"member|recruit)s?\b"
    # ... a caption's "A new member who left the GDP signs her application form"
    r"|^A\s+new\s+(?:member|recruit)\b"
    # ... Khmer "រូបទី៣៖ តំណាងសមាជិកថ្មី លោក X ..." (photo 3: the new members' representative, X)
    r"|^\W*(?:រូបទី\s*[0-9០-៩]+\s*៖\s*)?តំណាង(?:សមាជិកថ្មី|អ្នកចូលថ្មី)"
    # "reported the same ceremony under the headline '540 abandon Candlelight'" (not "At the
    # same ceremony, a dozen officials ...": another group, where the one before moved)
    r"|(?<!\b[Aa]t\s)(?<!\b[Oo]n\s)(?<![Dd]uring\s)\b(?i:the\s+same\s+(?:ceremony|event|group|gathering))\b"
    # "Rithy and the 14 others were received on Monday": the count told before, with "the"
    r"|\b(?i:the)\s+(?:(?i:more\s+than|over|nearly|some)\s+)?\d[\d,]*\s+"
    r"(?:others|other|new|former|defectors|members|activists|people)\b",
)


# "... ដើម្បីទទួលស្វាគមន៍ពួកគេ" (... to welcome them), "នៅក្នុងពិធីដដែលនោះ" (at that same
# ceremony), anywhere: the group or the event told before
_RETOLD_ANYWHERE = re.compile(r"(?:ស្វាគមន៍|ទទួល|ប្រគល់\S*ជូន)\s*ពួក(?:គេ|គាត់)|ពិធី\s*ដដែល")


def _parts_before(
    whole: Proposal,
    parts: list[tuple[Count, list[str]]],
    lines: str,
    opened: date | None,
    days: Sequence[date | None] = (),
) -> list[Proposal]:
    """The claims of a total's parts told on the lines before it ("👉 KNUP members, 18 ¶ 👉
    GDP members, 7 ¶ In all 25, who went with the CPP"), each its own claim, on the day its
    line gave (``days``); with no day of its own, the day the list's opening line gave
    (``opened``).

    >>> whole = Proposal(date(2024, 6, 5), "published", 25, "25", [], "CPP", "In all 25.")
    >>> parts = [(Count(18, "18", None, 0, 2), ["KNUP"]), (Count(7, "7", None, 0, 1), ["GDP"])]
    >>> split = _parts_before(whole, parts, "", date(2024, 6, 4))
    >>> [(p.number, p.from_parties, p.date.day) for p in split]
    [(18, ['KNUP'], 4), (7, ['GDP'], 4)]
    """
    if whole.date_kind == "published" and opened is not None:
        whole = replace(whole, date=opened, date_kind="event")
    own = list(days) if len(days) == len(parts) else [None] * len(parts)
    return [
        replace(
            whole,
            number=count.value,
            number_text=count.text,
            qualifier=count.qualifier,
            from_parties=[n for n in dict.fromkeys(names) if n != whole.to_party],
            evidence=f"{lines}{whole.evidence}",
            date=day or whole.date,
            date_kind="event" if day else whole.date_kind,
        )
        for (count, names), day in zip(parts, own, strict=True)
    ]


def _retells_group(text: str) -> bool:
    """Whether a sentence speaks of the group a claim before it told of.

    >>> _retells_group("The defectors, from Kampot, were welcomed"), _retells_group("Nine left")
    (True, False)
    """
    return bool(_SAME_GROUP.search(text[:120]) or _RETOLD_ANYWHERE.search(text))


_SPAN = re.compile(r"\d\s*[-–]\s*\d|\bto\s+\d", re.I)
# A heading line that is only a place and a day, emoji around it at most.
_HEADING_DATELINE = re.compile(r"^[^\w]*[\w .,'-]{2,60}\d{4}[^\w]*$")


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


def _only(counts: Counter[str]) -> str | None:
    """The one party every claim of the text joined, if there is one."""
    return next(iter(counts)) if len(counts) == 1 else None


def propose(report: Report, parties: Sequence[PartyName]) -> list[Proposal]:
    """The claims a report makes, in the order the text makes them.

    >>> from bot.ingest.intake.report import PartyName, Report
    >>> lexicon = [PartyName("FUNCINPEC", (), ("FUNCINPEC",))]
    >>> [p] = propose(Report("Mr. Yim Borey quit FUNCINPEC on 3 May."), lexicon)
    >>> p.kind, p.to_party, p.number, p.people, p.date
    ('departure', None, 1, ['Mr. Yim Borey'], None)
    """
    lexicon = Lexicon(parties)
    text = unwrap(without_left_out(without_page_clutter(report.text)))
    titled = bool(report.title) and not text.lstrip().startswith((report.title or "").strip())
    if titled:
        text = f"{report.title}\n{text}"
    headline: list[Proposal] = []  # the headline's claims no body sentence told again
    told: tuple[int, Reading] | None = None  # a bare move with no claim yet to complete
    told_parts: list[Proposal] = []  # ... and the claims its groups made so far
    told_lines = -10  # the last line whose groups completed it
    occasion: date | None = None  # the day the text's opening says its ceremonies were held

    sentences = _predicates_after_lists(split_sentences(text))
    # a pasted report's first line may be its headline: short, alone, with no full stop
    titled = titled or (
        len(sentences) > 1
        and sentences[0].paragraph != sentences[1].paragraph
        and len(sentences[0].text) < 160
        and not sentences[0].text.rstrip().endswith((".", "។", "៕", "!", "?", '"', "”"))
    )
    first_line = text.strip().split("\n", 1)[0]
    titled = titled or (
        # "🇰🇭🔴 Svay Rieng welcomes new members to the big CPP family! 🔴🇰🇭": a post's
        # headline, set between emoji (its "!" no full stop)
        _DECORATED_LINE.fullmatch(first_line) is not None
        and len(first_line) < 160
        and len({s.paragraph for s in sentences}) > 1
    )
    # (a pasted report's headline line, too: "CLARIFICATION ¶ Since yesterday some pages have
    # been reporting that ...")
    # (not a table's header row, "DATE | PLACE | CLAIM | SOURCE")
    lead = sentences[: 2 if report.title or (titled and "|" not in first_line) else 1]
    # (a fact check that finds one claim true and another false: read, then only the true
    # one's section kept)
    if not _TRUE_VERDICT.search(text) and (
        # (not 'as earlier "defectors" say they never left': another group's denial)
        any(
            (not_a_claim(s.text) in _FALSE_CLAIM or _DENIES_FALSE_NEWS.search(s.text))
            # (not a digest's headline, "The Week in Politics: defections, a resignation and
            # merger talk": the merger is one of its items)
            and not _TOPICS.search(s.text)
            and not _EARLIER_ONES.search(s.text)
            # (nor "អ្នកភូមិខ្លះនិយាយថា ពួកគេមិនដែលជាសមាជិក..." (some villagers say they were never
            # members): some of the group, disputing the count)
            and not _SOME_OF_THEM_SAY.search(s.text)
            # (not "Correction: An earlier version of this article incorrectly stated that
            # 1,400 had joined ...": a notice over the report, which still tells its claim)
            and not _CORRECTION_NOTICE.match(s.text)
            for s in lead
        )
        or _VERDICT.search(text)
        # "A pro-government page has deleted a post claiming that ... had joined the CPP":
        # a claim its own page took back
        or any(_DELETED_A_CLAIM.search(s.text) for s in lead)
        or (
            # "... denied a Facebook claim that 300 members had joined. 'Not a single one of our
            # members has left,' he said.": the disputed count is the report's point, and false
            # ... and a party's bare statement that a report is wrong: a denial, no claim; and
            # "Kampot Candlelight Chief Denies Defection ... the site said it had 'published
            # in error'"
            any(retells_a_report(s.text) or _DENIES_A_MOVE.search(s.text) for s in lead)
            and (
                len(sentences) <= 2
                or any(
                    not_a_claim(s.text) in _CALLED_FALSE or _DELETED.search(s.text)
                    for s in sentences[:8]
                )
            )
        )
    ):
        # "Villagers say a news site falsely reported that they had defected": the report
        # is about a claim being false; the claim it retells is not proposed
        return []
    anchor = report.published or _year_anchor(sentences)
    heading = next((s.text for s in sentences if s.index <= (1 if titled else 0)
                    and _HEADING_DATELINE.match(s.text)), None)  # fmt: skip
    heading_day: date | None = None
    if heading is not None:
        # "🌾 Angkor Chey district, 10 June 2023 🌾", a line of its own: the post's own day,
        # which "today" and weekdays below count from
        heading_day = next(
            (
                d.value
                for d in find_dates(heading, anchor, True)
                # the day ends the line: not "Weekly log, 29 May - 4 June 2023", a span
                if d.dateline and re.fullmatch(r"[^\w]*", heading[d.end :])
            ),
            None,
        )
        anchor = heading_day or anchor
    # a monitor's table, one move a row: its rows are read as cells, not as sentences
    tabled = table_claims(text.splitlines(), lexicon, anchor)
    rows = {p.evidence for p in tabled}
    sentences = [s for s in sentences if not any(s.text in row for row in rows)]
    speech_day, quoted = _speech_day(sentences, anchor)
    out: list[Proposal] = []
    last_at = -10  # the index of the sentence the last proposal came from
    # a list's lines read so far, each a part of the claim before ("✅ 125 from the CLP"), and
    # the index of the list's first and last line
    listing: tuple[int, int, list[tuple[Count, list[str]]], str] | None = None
    earlier: list[FoundDate] = []  # the dates of this paragraph so far
    every: list[FoundDate] = []  # ... and of the whole text
    named: list[str] = []
    came_from: tuple[int, list[str]] | None = None  # the parties a sentence with no claim named
    # the counts of lines with no claim, each with its parties, the last line's index, the lines
    counted: tuple[list[tuple[Count, list[str]]], int, str] | None = None
    counted_days: list[date | None] = []  # ... and the day each count's line gave
    paragraph = -1
    date_line: list[FoundDate] = []  # the dates of a line that is only a day and a place
    date_line_paragraph = -1
    if heading_day is not None and heading_day != report.published:
        # "Chhuk district, Kampot province, Sunday 2 April 2023" over a post made the day
        # after: the day of what the post tells
        date_line, date_line_paragraph = [FoundDate(heading_day, 0, 0)], 0
    for i, sentence in enumerate(sentences):
        if sentence.paragraph != paragraph:
            # "⏰ កាលពីថ្ងៃទី១៩ ខែនេះ នៅឃុំក្រយា ¶ 👥 សមាជិក ... បានប្តូរមកចូល..." (on the 19th, in
            # Kraya commune ¶ members ... switched): a post's date line dates the lines after it
            paragraph, earlier = sentence.paragraph, list(date_line)
            if every and (
                _PART_OF_DAY.match(sentence.text)
                # "Last Thursday, loudspeakers called residents to the hall. ¶ More than 700
                # villagers received CPP cards that morning": the day told before
                or (
                    _THAT_MORNING.search(sentence.text)
                    and not find_dates(sentence.text, anchor, False)
                )
            ):
                # "On 26 June the working group visited two districts. ¶ In the morning, ...
                # ¶ In the afternoon, ...": parts of the day told before
                earlier = [every[-1]]
        # (the last claim a body sentence dated: a headline's second claim, which no sentence
        # has told yet, has none)
        told_last = next((o for o in reversed(out) if not any(o is h for h in headline)), None)
        last_day = told_last.date if told_last and told_last.date_kind == "event" else None
        if told_last is None and every and not every[-1].reported:
            # "On Saturday the committee renewed 2,150 members' cards. At the same ceremony,
            # it welcomed 143 new members": the day of the occasion told before, no claim's
            last_day = every[-1].value
        if last_day and _SAME_DAY.search(sentence.text):
            # "នៅថ្ងៃដដែលនោះ" (on that same day), in a paragraph of its own: the day of the
            # event told before
            earlier = [*earlier, FoundDate(last_day, 0, 0)]
        elif last_day and _NEXT_DAY.search(sentence.text):
            earlier = [*earlier, FoundDate(last_day + timedelta(days=1), 0, 0)]
        opening = sentence.index <= (1 if titled else 0)  # where a dateline may stand
        if _AT_THAT_TIME.match(sentence.text) and _past_year_before(sentences, i, report):
            # an interview's "Q: In 2017, when the CNRP was dissolved, what did you do? ¶ A: At
            # the time, 11 of my colleagues joined the CPP": the year asked about, history
            continue
        # a speech quoted in full, given the day before it was posted: its "today" is its day
        today = speech_day if speech_day and sentence.paragraph in quoted else anchor
        if _NO_DAY_GIVEN.search(sentence.text):
            earlier = []  # "..., a local official said, without giving the date of the event"
        reading = read_sentence(sentence, report, lexicon, earlier, named, today, opening)
        if (
            not out
            and reading.proposals
            and all(q.number is None and q.date_kind == "event" for q in reading.proposals)
            and _CEREMONY.search(sentence.text)
        ):
            # "Ceremonies in two districts of Kep on Sunday saw more FUNCINPEC members join
            # the CPP": the day of each group told after it that gives none of its own
            occasion = reading.proposals[0].date
        if reading.background and not reading.proposals:
            came_from = (i, reading.background)
        if (
            not reading.proposals
            and out
            and last_at == i - 1
            and not out[-1].from_parties
            and _PREVIOUSLY.search(sentence.text)
        ):
            # "This morning the two of us joined the CPP. ¶ Before, we were Candlelight youth
            # since 2022": the party the next sentence says they were in
            were_in = {m.name for m in lexicon.mentions(sentence.text)} - {out[-1].to_party}
            out[-1].from_parties = sorted(were_in)
        if (
            counted
            and counted[1] == i - 1
            and len(reading.proposals) == 1
            and len(counted[0]) > 1
            and reading.proposals[0].number == sum(c.value or 0 for c, _ in counted[0])
        ):
            opened = every[-1].value if every else None
            reading.proposals = _parts_before(
                reading.proposals[0], counted[0], counted[2], opened, counted_days
            )
        if (
            reading.bare
            and reading.to is not None
            and counted
            and counted[1] == i - 1
            and len(counted[0]) > 1
            and not reading.proposals
        ):
            # "✔️ សមាជិកគណបក្សA ១៨នាក់ ✔️ សមាជិកគណបក្សB ៦នាក់ ¶ បានស្ម័គ្រចិត្តចូលជាសមាជិកគណបក្សX"
            # (A's members, 18; B's, 6; volunteered to join X): the lines, then their move
            day = reading.date or (every[-1] if every else None)
            whole = Proposal(
                date=day.value if day else report.published,
                date_kind="event" if day else "published",
                number=None,
                number_text=None,
                from_parties=[],
                to_party=reading.to,
                evidence=sentence.text,
                claimant=sentence_claimant(sentence.text, report, named),
            )
            reading = replace(
                reading,
                bare=False,
                proposals=_parts_before(whole, counted[0], counted[2], None, counted_days),
            )
        if not reading.proposals and reading.counts and all(names for _, names in reading.counts):
            going_on = counted is not None and counted[1] == i - 1
            # "១. ស្រុកA - ថ្ងៃពុធ ទី៤ ខែកញ្ញា៖ ... ៤២នាក់": the day the line gives its count
            line_days = {
                d.value for d in find_dates(sentence.text, today, opening) if not d.reported
            }
            line_day = line_days.pop() if len(line_days) == 1 else None
            counted_days = [
                *(counted_days if counted and going_on else []),
                *[line_day] * len(reading.counts),
            ]
            counted = (
                [*(counted[0] if counted and going_on else []), *reading.counts],
                i,
                f"{counted[2] if counted and going_on else ''}{sentence.text} ",
            )
        going = listing if listing and reading.counts and listing[1] == i - 1 else None
        if going:
            reading.counts = going[2] + reading.counts  # the list's next line
        # the sentence (or list) comes right after the last claim's, or after a line that only
        # opens the list ("... those who joined came from: ¶ - the CLP, 412")
        opens = going[0] if going else i
        follows = opens - last_at <= 1 or (
            opens - last_at == 2 and _OPENS_A_LIST.search(sentences[opens - 1].text) is not None
        )
        parts = reading.proposals
        if (
            out
            and len(parts) > 1
            and all(p.number is not None and p.from_parties for p in parts)
            and len({tuple(p.from_parties) for p in parts}) == len(parts)
            and _retells_group(sentence.text)
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
        elif (
            out
            and reading.proposals
            and _retells_group(sentence.text)
            # (not "At that same ceremony, 14 LDP members also applied": a group of its own
            # parties and count)
            and not all(
                p.from_parties
                and not set(p.from_parties) & set(out[-1].from_parties)
                and p.number_text is not None
                and p.number not in (None, out[-1].number)
                for p in reading.proposals
            )
        ):
            # "The officials, including four councillors, were pictured receiving CPP cards":
            # the group told before, told again; it may date that claim (or name the parties it
            # came from: "The defectors, from the CLP and other parties, were welcomed"), never
            # add one.
            own, last = reading.proposals[0], out[-1]
            if (
                own.number
                and last.number
                and last.qualifier
                and own.qualifier is None
                and abs(own.number - last.number) <= last.number / 4
            ):
                # "more than 200 activists joined ... all 213 thumbprinted the forms": the
                # exact count of the group told roughly before
                last.number, last.number_text, last.qualifier = (
                    own.number,
                    own.number_text,
                    None,
                )
            reading = Reading(
                bare=True,
                to=own.to_party,
                date=FoundDate(own.date, 0, 0) if own.date_kind == "event" and own.date else None,
                background=own.from_parties,
            )
        if (
            not reading.proposals
            # (a bare sentence opening the text may say the ceremony's day: "X presided over
            # the ceremony welcoming new members on 20 June ...")
            and (not reading.bare or not out)
            and (not out or out[-1].date_kind == "published")
        ):
            held = [
                d for d in find_dates(sentence.text, anchor, opening) if not (d.reported or d.bound)
            ]
            # "🗓 ថ្ងៃសៅរ៍ ទី១៨ ខែកុម្ភៈ ឆ្នាំ២០២៣": a post's line that is only a date dates it too
            undated = "".join(
                ch
                for k, ch in enumerate(sentence.text)
                if not any(d.start <= k < d.end for d in held)
            )
            letters = len(re.findall(r"[^\W\d_]", undated))
            # ... or a post's header line, "📌 ស្រុកស្រែអំបិល | ថ្ងៃទី៧ ខែឧសភា ឆ្នាំ២០២៣" (a district
            # and a date)
            # and not "Weekly notes (21-27 Oct 2024)", a span of days
            span = re.search(r"[0-9០-៩]\s*[-–—]\s*[0-9០-៩]", sentence.text)
            only_date = bool(held) and (letters <= 4 or (i == 0 and letters <= 40 and not span))
            if held and (_CEREMONY.search(sentence.text) or (only_date and not out)):
                if out:
                    # "The welcoming ceremony was held on Sunday": the day of the claim before
                    # (of each group its sentence told, undated: "welcomed 88 former CYP
                    # members and a dozen former GDP members. The ceremony was held on the 27th")
                    its_groups = [o for o in out if o.evidence == out[-1].evidence]
                    for o in its_groups if len(its_groups) > 1 else out[-1:]:
                        if o is out[-1] or o.date_kind == "published":
                            o.date, o.date_kind = held[0].value, "event"
                else:
                    # "Two welcome ceremonies were held today. In the morning, 230 ...": the
                    # day of the claims after it that give none of their own
                    occasion = held[0].value
        if reading.bare and out:
            last = out[-1]
            if last in headline and last.number is None and reading.to is not None:
                # "Report on the ceremony to receive new members of the CPP ¶ ... held a
                # ceremony to receive compatriots who ... requested to join the CPP": the
                # headline's move, whose groups a list may count next
                told, told_parts = (i, reading), []
            if (
                last.kind == "departure"
                and reading.to is not None
                # not "When Raiya joined the CPP, its working group pushed him ...": a memory
                and not re.match(r"\W*(?:When|After|Since|Before|Until|Once)\b", sentence.text)
                and (
                    _HIM_OR_HER.search(sentence.text)
                    or _retells_group(sentence.text)
                    or re.search(r"\bthe\s+group\b", sentence.text, re.I)
                    or bared(last.people) & bared(people_named(sentence.text))
                )
            ):
                # "Mr. X has left the CLP. On 23 September he was sworn in as a CPP member."
                last.kind, last.to_party = "defection", reading.to
                if reading.date is not None:
                    last.date, last.date_kind = reading.date.value, "event"
            if last.date_kind == "published" and reading.date is not None:
                last.date, last.date_kind = reading.date.value, "event"
                if _BOTH_GROUPS.search(sentence.text):
                    # "57 FUNCINPEC activists and 23 KNUP members ... The two groups were
                    # received on Sunday": the day of every claim of the sentence before
                    for other in out:
                        if other.evidence == last.evidence and other.date_kind == "published":
                            other.date, other.date_kind = last.date, "event"
            if last.to_party is None and reading.to is not None and last.kind == "defection":
                name_destination(last, reading.to)
            if not last.from_parties:
                last.from_parties = [f for f in reading.background if f != last.to_party]
            if (
                last.number is None
                and last.number_text is None
                and _ONE_MOVED.search(sentence.text)
            ):
                # "Interview: a former CLP vice-chair explains why he joined the CPP ¶ ... on
                # Sunday 28 January he joined the CPP": one person
                last.number = 1
        elif reading.bare:
            made = from_context(reading, sentences[:i], report, lexicon, sentence)
            reading.proposals = [made] if made else []
            if not made:
                # "... members who have joined the CPP", counted next
                told, told_parts = (i, reading), []
        elif (
            reading.counts
            and told is not None
            # the line after the move, or after a line that opens a list ("118 in all,
            # namely:"), and each line of the list after it
            and (
                i - told[0] == 1
                or (
                    2 <= i - told[0] <= 3
                    and _OPENS_A_LIST.search(sentences[i - 1].text) is not None
                    and told[1].to is not None
                    # (perhaps after a sentence of the move's own paragraph: "The ceremony was
                    # chaired by H.E. X.")
                    and all(
                        s.paragraph == sentences[told[0]].paragraph
                        for s in sentences[told[0] + 1 : i - 1]
                    )
                )
            )
            # (or only a headline's uncounted claim before: "Report on the ceremony to receive
            # new members of the CPP")
            and (
                not out
                or told_lines == i - 1
                or all(o in headline and o.number is None for o in out)
            )
            and all(set(names) - {told[1].to} for _, names in reading.counts)
        ):
            # "A ceremony for members who have joined the CPP. The new members included 50
            # from the CLP and 9 from FUNCINPEC.": the move, then its groups
            before = told[1]
            # ... "Families cross to ruling party ¶ Close to 90 families ... pinned on CPP
            # badges yesterday": the day the counting sentence gives, if the move gives none
            days = [
                d for d in find_dates(sentence.text, anchor, opening) if not (d.reported or d.bound)
            ]
            moved_on = before.date.value if before.date else (days[0].value if days else None)
            for count, names in reading.counts:
                froms = [n for n in names if n != before.to]
                same = next((o for o in told_parts if o.from_parties == froms), None)
                if (
                    same is not None
                    and same.number is not None
                    and count.value is not None
                    # (not "🔹 commune A (Monday the 6th): 37 from the CLP ¶ 🔹 commune B
                    # (Wednesday the 8th): 52 from the CLP": each line its own day)
                    and not (days and days[0].value != same.date)
                ):
                    # "- Chrey Thom Commune - 44 people (CLP) ¶ ... ¶ - Thlok Commune - 27
                    # people (CLP)": one party's groups of the one move, added up
                    same.number += count.value
                    same.number_text = f"{same.number_text} + {count.text}"
                    same.evidence = f"{same.evidence} {sentence.text}"
                    continue
                part = Proposal(
                    date=moved_on or report.published,
                    date_kind="event" if moved_on else "published",
                    number=count.value,
                    number_text=count.text,
                    qualifier=count.qualifier,
                    from_parties=froms,
                    to_party=before.to,
                    claimant=sentence_claimant(sentence.text, report, named),
                    evidence=f"{sentences[told[0]].text} {sentence.text}",
                    reasons=[] if before.to else [UNNAMED_DESTINATION],
                    confidence="high" if before.to else "low",
                )
                out.append(part)
                told_parts.append(part)
            told, told_lines, last_at = (i, before), i, i
        elif (
            reading.counts
            and out
            and (
                follows
                # a group told place by place, a paragraph on: the count its claim lacked
                or (out[-1].number is None and not reading.counts[0][1] and i - last_at <= 3)
                # ... or party by party, adding up to its count exactly (or to none it gave)
                or (
                    len(reading.counts) > 1
                    and all(names for _, names in reading.counts)
                    and out[-1].number in (None, sum(c.value or 0 for c, _ in reading.counts))
                    and i - last_at <= 3
                )
                # ... or the exact count of a group told roughly, or of one told by its leaders
                or (
                    (
                        (
                            rough(out[-1].qualifier)
                            and len({tuple(n) for _, n in reading.counts}) == len(reading.counts)
                        )
                        or (GROUP_TOTAL.search(sentence.text) and len(reading.counts) == 1)
                    )
                    and i - last_at <= 3
                )
            )
            and (
                out[-1].number is None
                or out[-1].number == sum(c.value or 0 for c, _ in reading.counts)
                # "More than 480 ... joined. Of the total of 486 people, 203 came from ...":
                # the exact count of the group told roughly
                or (
                    rough(out[-1].qualifier)
                    and not rough(reading.counts[0][0].qualifier)
                    and len(reading.counts) == 1
                    and not [n for n in reading.counts[0][1] if n != out[-1].to_party]
                    and abs((reading.counts[0][0].value or 0) - out[-1].number)
                    <= out[-1].number / 4
                )
                # "More than 500 CLP and FUNCINPEC members switched ... ¶ 430 from the CLP and
                # 85 from FUNCINPEC, 515 in all": the parts of a group told roughly
                or (
                    rough(out[-1].qualifier)
                    and len(reading.counts) > 1
                    and all(names for _, names in reading.counts)
                    and abs(sum(c.value or 0 for c, _ in reading.counts) - out[-1].number)
                    <= out[-1].number / 4
                )
                # "Among them were two former councillors": one part, a subset, not a breakdown
                or (_BREAKDOWN.match(sentence.text) and len(reading.counts) > 1)
                # "Two GDP officials ... led their group into the CPP. ¶ The group numbered 14 in
                # all, the two included": the group's count, not its leaders'
                or (
                    GROUP_TOTAL.search(sentence.text)
                    and len(reading.counts) == 1
                    and (reading.counts[0][0].value or 0) > (out[-1].number or 0)
                    and bool(out[-1].people)
                )
            )
        ):
            # "Scores of members switched to the CPP. ... 78 former Candlelight members and 12
            # former GDP members took part": the counts the claim lacked; "473 joined. Among
            # them were 420 from the CLP and 53 from the KNUP": each party's own claim.
            vague = out.pop()
            days = [
                d for d in find_dates(sentence.text, anchor, opening) if not (d.reported or d.bound)
            ]
            if vague.date_kind == "published" and days:
                # "208 Join the CPP" over "On the morning of 2 February, 185 ... and 23 ...": the
                # day the body gives
                vague = replace(vague, date=days[0].value, date_kind="event")
            for count, names in reading.counts:
                out.append(
                    replace(
                        vague,
                        number=count.value,
                        number_text=count.text,
                        qualifier=count.qualifier,
                        from_parties=[n for n in names if n != vague.to_party]
                        or vague.from_parties,
                        reasons=[r for r in vague.reasons if "is no count" not in r],
                        confidence="low" if vague.to_party is None else "high",
                        evidence=f"{vague.evidence} {going[3] if going else ''}{sentence.text}",
                    )
                )
        elif (
            reading.counts
            and out
            and follows
            and sum(c.value or 0 for c, _ in reading.counts) < (out[-1].number or 0)
        ):
            # "168 joined" over a list, line by line ("✅ 125 from the CLP", "✅ 43 from the
            # KNUP"): the lines so far, each a part; the list completes the total or tells none
            start, so_far = (going[0], going[3]) if going else (i, "")
            listing = (start, i, reading.counts, f"{so_far}{sentence.text} ")
        elif (
            reading.background
            and out
            # (or later, of the group by its count: "All 42 were elected on the Candlelight
            # Party's ticket")
            and (
                i - last_at <= 2
                or bool(
                    out[-1].number
                    and re.search(rf"\b(?:all|the)\s+{out[-1].number}\b", sentence.text, re.I)
                )
            )
            and not out[-1].from_parties
            # (not a villager's "she had been a Candlelight member since 2022" under a count
            # of 1,000: her own past, not the group's)
            and not ((out[-1].number or 0) > 1 and _SHE_OR_HE.search(sentence.text))
        ):
            out[-1].from_parties = [p for p in reading.background if p != out[-1].to_party]
        part_day: date | None = None  # the day a part of this sentence's breakdown took
        for p in reading.proposals:
            if (
                p.date_kind == "published"
                and told is not None
                and told[0] == i - 1
                and told[1].date is not None
                and told[1].to in (None, p.to_party)
            ):
                # "Yesterday, 01/04/2023, the working group went to welcome opposition
                # supporters who came to join the CPP. ¶ In all 57 families from the CLP ...
                # joined": the day of the move the sentence before told
                p.date, p.date_kind = told[1].date.value, "event"
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
            # (but "Candlelight commune chief X resigned from the party", after a move to the
            # CLP, left the CLP all the same: the party that names who moved)
            if joined_to & set(p.from_parties):
                # ... Khmer "លោក X បេក្ខជនមេឃុំរបស់គណបក្សភ្លើងទៀន" (Mr X, the CLP's candidate for
                # commune chief)
                theirs = {
                    m.name
                    for m in lexicon.mentions(sentence.text)
                    if _HOLDS_A_ROLE.match(sentence.text[m.end :])
                    or _KHMER_ROLE_OF.search(sentence.text[max(0, m.start - 30) : m.start])
                }
                p.from_parties = [f for f in p.from_parties if f not in joined_to or f in theirs]
            if not p.from_parties and (
                _ITS_ROLE.search(sentence.text)
                # "he had resigned from the party", "he left the party and joined the CPP": the
                # party the text is about
                or _FROM_THE_PARTY.search(sentence.text)
            ):
                # "the party's Takeo chief and its Kampot chief were received into the CPP":
                # the party the text spoke of most before
                spoken = Counter(
                    m.name
                    for s in sentences[:i]
                    for m in lexicon.mentions(s.text)
                    if m.name not in joined_to and m.known
                )
                # ... unless the sentence names it ("Candlelight commune chief X resigned from
                # the party")
                here = [
                    m.name
                    for m in lexicon.mentions(sentence.text)
                    if m.known and m.name not in joined_to
                ]
                # ... or the one the claim just before left ("The CNLP lost its coordinator
                # in Pailin. X said she had resigned from the party on Monday")
                just_before = (
                    out[-1].from_parties
                    if out
                    and last_at == i - 1
                    and sentences[last_at].paragraph == sentence.paragraph
                    and len(out[-1].from_parties) == 1
                    else []
                )
                p.from_parties = (
                    here[:1]
                    or [f for f in just_before if f not in joined_to]
                    or [name for name, _ in spoken.most_common(1)]
                )
            elif (
                not p.from_parties
                and came_from
                and came_from[0] == i - 1 > last_at
                and (
                    (p.number == 1 and _HE_OR_SHE.search(sentence.text))
                    # ... a writer's "ថ្ងៃនេះ យើងទាំងពីរនាក់ បានសម្រេចចិត្តចូល..." (today the two of us
                    # decided to join ...), after "I ... have been a FUNCINPEC member since 1993"
                    or _WE_WHO_WRITE.search(sentence.text)
                )
            ):
                # "X won the commune's seat on the Candlelight ticket. Last Thursday he defected
                # to the CPP.": the party the sentence before placed them in
                p.from_parties = [f for f in came_from[1] if f not in joined_to]
            # (the claims the body told, each with its count: not a headline's, told again)
            told_so_far = [o for o in out if not any(o is h for h in headline)]
            sum_of_all = (
                len(told_so_far) > 1
                and all(o.number is not None for o in told_so_far)
                and p.number == sum(o.number or 0 for o in told_so_far)
            )
            told_count = p.number is not None and p.number in (
                out[-1].number if out else None,
                sum(o.number or 0 for o in out if p.to_party in (o.to_party, None)),
            )
            # "Mr. Visal said that he had left the GDP because ...": one of the people named
            # before, telling why
            said_one = bool(
                p.number == 1
                and out
                and (out[-1].number or 0) > 1
                and p.date_kind == "published"
                # ... and "He said he had joined the CPP because ...": one of them, telling why
                and (
                    _SAID_ONE_WHO.search(sentence.text)
                    or _HE_SAID_HE_HAD.match(sentence.text)
                    # ... "A former Candlelight activist, Chim Leakhena, said she had switched
                    # because ...": one of the group, named
                    or _SAID_HE_HAD.search(sentence.text)
                    or _KHMER_HE_SAID_HE.search(sentence.text)
                )
            )
            told_count = (
                told_count
                or sum_of_all
                or said_one
                or bool(
                    p.number == 1
                    and out
                    and (out[-1].number or 0) > 1
                    and out[-1].people
                    and _SAID_HE_HAD.search(sentence.text)
                )
            )
            if (
                out
                and ((p.number is None and p.number_text is None) or told_count)
                # (one who speaks for the group may be named: "Mr X told CamboJA he decided
                # to join")
                and (not p.people or said_one)
                and not [
                    f
                    for f in p.from_parties
                    if f not in (p.to_party, out[-1].to_party, *out[-1].from_parties)
                    # ... a week's "a total of 82 new members from other parties joined": the
                    # sum of every claim told before, from all their parties
                    and not (
                        sum_of_all
                        and f in (UNNAMED_PARTIES, *(g for o in out for g in o.from_parties))
                    )
                ]
                and (p.to_party in (None, out[-1].to_party) or sum_of_all)
                and not (
                    p.date_kind == out[-1].date_kind == "event"
                    and p.date != out[-1].date
                    and not sum_of_all
                )
                # (not "some other activists in Pailin also left the party": a group of its own)
                and not _SOME_OTHERS.search(sentence.text)
                # (nor a digest's next item, "In Kandal, ...", after "In Kampot, ...")
                and not _elsewhere(sentence.text, out[-1].evidence)
            ):
                # "Photos showed the group receiving party cards", "gifts to all 146 new
                # members": no name, no party and no count of its own (none, or the one told
                # before) after a claim: that claim told again (it may date it)
                if out[-1].date_kind == "published" and p.date_kind == "event":
                    out[-1].date, out[-1].date_kind = p.date, "event"
                if out[-1].number_text is None and out[-1].number is None and p.number == 1:
                    # "The CNLP lost its coordinator. She said she had resigned on Monday"
                    out[-1].number = 1
                headline = [h for h in headline if h is not out[-1]]  # the body told it
                last_at = i
                continue
            same_paragraph = out and sentences[last_at].paragraph == sentence.paragraph
            if occasion and p.date_kind == "published":
                p.date, p.date_kind = occasion, "event"
            elif (
                p.date_kind == "published"
                # (or only this sentence's other groups: "At the rally, the party welcomed 455:
                # 420 from X and 35 from Y")
                and all(o.evidence == p.evidence for o in out)
                and _AT_THE_CEREMONY.search(sentence.text)
                and every
                and not (every[-1].reported or every[-1].bound)
            ):
                # "She queued outside the district hall on Sunday morning ... 418 members
                # switched to the ruling party at the ceremony": the day told before
                p.date, p.date_kind = every[-1].value, "event"
            day_before = out[-1].date if out else None
            apart = _DAYS_APART.search(sentence.text)
            if (
                day_before
                and apart
                and not [d for d in find_dates(sentence.text, anchor, opening) if not d.reported]
            ):
                n = apart["n"].lower() if apart["n"] else "1"
                step = _DAY_WORDS.get(n) or int(n)
                if apart["back"] or (apart["way"] or "").lower() == "earlier":
                    step = -step
                p.date, p.date_kind = day_before + timedelta(days=step), "event"
            if not p.from_parties and out and _ANOTHER.search(sentence.text):
                # "In the afternoon, another 145 members were received": a second group of
                # the occasion told before, from its parties (on its day, in its paragraph)
                last = out[-1]
                p.from_parties = list(last.from_parties)
                if same_paragraph and p.date_kind == "published" and last.date_kind == "event":
                    p.date, p.date_kind = last.date, "event"
            elif (
                not p.from_parties
                and same_paragraph
                and p.date_kind == out[-1].date_kind == "event"
                and p.date != out[-1].date
                and p.number is not None
            ):
                # "In Kampot, 90 members defected on April 2. In Takeo, around 150 joined on
                # April 4": the next event of a list, of the same parties
                p.from_parties = list(out[-1].from_parties)
            elif not p.from_parties and same_paragraph:
                last = out[-1]
                if (
                    not (bared(p.people) & bared(last.people))
                    and p.to_party
                    in (
                        None,
                        last.to_party,
                    )
                    and (p.date == last.date or p.date_kind == "published")
                ):
                    # "Our observer counted roughly 30 people receiving cards": the same
                    # group counted again, which the claim before already holds
                    last_at = i
                    continue
            if (
                out
                and p.number == 1
                and p.people
                and _WITH_HIS_GROUP.search(sentence.text)
                and p.to_party in (None, out[-1].to_party)
                and (out[-1].number or 0) > 1
                and set(p.from_parties) <= set(out[-1].from_parties)
            ):
                # "30 CLP activists, led by a former deputy chief, joined ... Mr. X said he and
                # his group applied to join": the leader of the group told before, by name
                out[-1].people = list(dict.fromkeys(out[-1].people + p.people))
                last_at = i
                continue
            if (
                p.kind == "defection"
                and p.number == 1
                and not p.from_parties
                and out
                and last_at == i - 1
                and out[-1].kind == "departure"
                and out[-1].number in (None, 1)
                and not out[-1].people
            ):
                # "The KNUP lost its commune chief there. Chief X was received into the CPP on
                # 20 February": the one move, its party told first
                p.from_parties = list(out.pop().from_parties)
            twins = [
                o
                for o in out
                if same_event(o, p)
                # "In the afternoon, dozens more joined": a group besides the one told (not the
                # same "another 140" on the same day, told again in a timeline)
                and (
                    not _ANOTHER.search(sentence.text)
                    or (
                        _same_claim(replace(o, to_party=o.to_party or p.to_party), p)
                        and o.date_kind == p.date_kind == "event"
                    )
                )
                # a headline's parties are all the body's: only the same ones are its twin
                and (o not in headline or set(o.from_parties) == set(p.from_parties))
            ]
            # the body's own telling before the headline's, which the body may tell again
            twin = next((o for o in twins if o not in headline), twins[0] if twins else None)
            if twin is None:
                if p.date_kind == "published" and part_day is not None:
                    p.date, p.date_kind = part_day, "event"
                out.append(p)
                if titled and i == 0:
                    headline.append(p)
            else:
                published_only = p.date_kind == "published"
                merge(twin, p)
                headline = [h for h in headline if h is not twin]  # the body told it again
                if published_only and twin.date_kind == "event" and len(reading.proposals) > 1:
                    # "... the ceremony to receive new members. ¶ A total of 1,002 people —
                    # 870 from A, 96 from B and 36 from C": the day the first part took is
                    # the other parts' too
                    part_day = twin.date
            last_at = i
        found_here = [d for d in find_dates(sentence.text, anchor, opening) if not d.reported]
        alone = (i == 0 or sentences[i - 1].paragraph != sentence.paragraph) and (
            i + 1 == len(sentences) or sentences[i + 1].paragraph != sentence.paragraph
        )
        # a line that is only a day (a place at most), or one a calendar or clock sign opens
        # ("🗓 ថ្ងៃសៅរ៍ ទី២៨ ខែមករា"), dates the lines after it; so does the one before a line
        # with no day of its own ("📍 ..." after "🗓 ...")
        own_line = (
            (alone or sentence.text.lstrip().startswith(("🗓", "📅", "📆", "⏰")))
            and len({d.value for d in found_here}) == 1  # "ម្សិលមិញ ថ្ងៃសៅរ៍": one day, twice
            and not _SPAN.search(sentence.text)  # "Weekly notes (21-27 Oct 2024)": a span
        )
        carried = (
            bool(date_line) and sentence.paragraph - date_line_paragraph <= 1 and not found_here
        )
        if (own_line or carried) and (reading.proposals or claim_verbs(sentence.text)):
            own_line = carried = False
        date_line = found_here if own_line else date_line if carried else []
        date_line_paragraph = sentence.paragraph
        if (
            own_line
            # (only its hashtags, its place or who signs it after it)
            and all(
                _AFTER_THE_CLOSING_DAY.fullmatch(s.text) and not claim_verbs(s.text)
                for s in sentences[i + 1 :]
            )
            and not re.search(r"\w", sentence.text[found_here[0].end :])
            # (perhaps after its place: "📍 ឃុំ... ស្រុក... ខេត្ត... — ថ្ងៃអាទិត្យ ទី២៦ ...")
            and _PLACE_ONLY.fullmatch(sentence.text[: found_here[0].start]) is not None
        ):
            # a post that ends with its day, alone on its line ("📅 ថ្ងៃអាទិត្យ ទី០៥ ខែឧសភា
            # ឆ្នាំ២០២៤", then only hashtags): the day of the claims above that give none
            for o in out:
                # ... and "ថ្ងៃនេះ" (today) of a post that was published later: the post's day
                if o.date_kind == "published" or (
                    o.date == report.published and TODAY.search(o.evidence)
                ):
                    o.date, o.date_kind = found_here[0].value, "event"
        earlier += found_here
        every += found_here
        source = claimant_in(sentence.text)
        if source and not ANAPHORIC_SOURCE.match(source) and source not in people_named(source):
            named.append(source)  # an outlet the text cites, for a later "the outlet said"
    for k, entry in enumerate(sentences):
        after = [s for s in sentences[k + 1 : k + 3] if s.paragraph == entry.paragraph]
        own_report = _OUR_OWN_REPORT.search(entry.text) and any(
            not_a_claim(s.text) in _CALLED_FALSE or _DELETED.search(s.text)
            for s in sentences[k + 1 : k + 3]
        )
        about_me = bool(after) and (
            # "a page wrote that I, X, and 40 activists joined the CPP. This news is false.": a
            # mover's own word that the claim about him is false
            not_a_claim(after[0].text) == "a claim called false"
            and _A_PAGE_SAID.search(entry.text) is not None
            and re.search(r"ខ្ញុំ|\b(?:I|me)\b", entry.text) is not None
        )
        if own_report or about_me or (after and not_a_claim(after[0].text) in _UNDONE) or (
            # "... a claim last month by a page that 800 had joined the CPP. Villagers say they
            # were photographed at a road opening. The page later deleted its post."
            _A_PAGE_SAID.search(entry.text)
            and (
                any(_DELETED.search(s.text) for s in after)
                # ... "a post claiming that 500 had joined was deleted on Monday"
                or _CLAIMING_POST_DELETED.search(entry.text)
            )
        ):
            # "• 27 June: a site says 40 joined the CPP. But those pictured say they never
            # left, and the site deleted the story": the entry's claim, undone in the entry
            out = [p for p in out if p.evidence != entry.text]
    # "villagers say a report that eighty-seven members had joined is false": that count,
    # wherever the text tells the report itself (not a party's quoted "... is not true",
    # one side of a dispute)
    called_false = {
        c.value
        for s in sentences
        if not_a_claim(_QUOTE_ENDS.sub(" ", QUOTED.sub(" ", s.text))) == "a claim called false"
        for c in person_counts(s.text)
    }
    out = [p for p in out if p.number is None or p.number not in called_false]
    # "... dismissed as 'a cheap fake' an image circulating on Facebook ... The image carried
    # the caption '... and 500 supporters return to the CPP'": a caption the text calls fake
    if any(_FAKE_IMAGE.search(s.text) for s in sentences[:4]):
        out = [p for p in out if not _CAPTION.search(p.evidence)]
    # "ចាកចេញពីគណបក្សជនជាតិដើម" in a headline, "គណបក្សជនជាតិដើមប្រជាធិបតេយ្យកម្ពុជា" in the body:
    # the party the text names in full, its name cut short
    in_text = lexicon.mentions(text)  # the parties the whole text names, read once
    in_full = {m.text: m.name for m in in_text if m.known}
    new_ones = {m.name for m in in_text if not m.known and _NEW_BEFORE.search(text, 0, m.start)}
    for p in out:
        if p.kind == "departure" and len(new_ones) == 1 and _A_NEW_PARTY.search(p.evidence):
            # "Three officials resigned from FUNCINPEC and announced the creation of a new
            # party ... ¶ ... their new Khmer Rise Party": the party they made
            name_destination(p, next(iter(new_ones)))
            p.kind = "defection"
    for p in out:
        for short in list(p.new_parties):
            # ("Youth Party" in a headline, "the Cambodian Youth Party" in the body)
            meant = {
                n
                for form, n in in_full.items()
                if form != short and (form.startswith(short) or form.endswith(f" {short}"))
            }
            if len(meant) == 1:
                p.from_parties = [meant.pop() if f == short else f for f in p.from_parties]
                p.new_parties.remove(short)
    out = tabled + per_bullet(without_headlines(out, headline), sentences, lexicon, anchor)
    # A person's leaving told beside their joining is one move.
    joined = {bare_name(name): p for p in out if p.kind == "defection" for name in p.people}
    for p in [p for p in out if p.kind == "departure"]:
        move = next((joined[n] for n in map(bare_name, p.people) if n in joined), None)
        if move is not None:
            if move.date_kind == "published" and p.date_kind == "event":
                # "X has left the KNUP and joined FUNCINPEC. X handed in his resignation on
                # April 19": the day of the move
                move.date, move.date_kind = p.date, "event"
            out.remove(p)
    for p in [p for p in out if p.kind == "defection" and p.number == 1]:
        # (the one who moved may be the one who says so, whom ``people`` leaves out)
        moved = bared(p.people or people_named(p.evidence))
        if moved and any(
            o is not p
            and o.kind == "defection"
            and moved <= bared(o.people)
            and o.to_party == p.to_party
            and set(p.from_parties) <= set(o.from_parties)
            and (p.date_kind == "published" or p.date == o.date)
            for o in out[: out.index(p)]
        ):
            # "On Saturday X and two of his deputies joined the CPP. ... X, 52, said he had
            # decided to join the CPP to serve": one of them, his move told again
            out.remove(p)
    for p in [p for p in out if p.kind == "departure" and p.number == 1 and len(p.people) <= 1]:
        # "A CLP councillor joined the CPP. Mr. X said he left the CLP" (or "he resigned from
        # the party on June 16"): the one person who moved, named (or dated) when his leaving
        # is told
        unnamed = [o for o in out if o.kind == "defection" and o.number == 1 and not o.people]
        left = set(p.from_parties)
        if len(unnamed) == 1 and left and left <= set(unnamed[0].from_parties):
            unnamed[0].people = p.people
            if unnamed[0].date_kind == "published" and p.date_kind == "event":
                unnamed[0].date, unnamed[0].date_kind = p.date, "event"
            out.remove(p)
    for p in [
        p for p in out
        if p.kind == "defection" and p.number is None and p.number_text is None
        and not p.people and _HE_OR_SHE.search(p.evidence)
    ]:  # fmt: skip
        ones = [
            o
            for o in out
            if o is not p
            and o.kind == "defection"
            and o.number == 1
            and len(o.people) == 1
            and p.to_party in (None, o.to_party)
            # (the party joined, where he went, may yet stand among the ones left)
            and set(p.from_parties) <= {o.to_party, *o.from_parties}
        ]
        if len(ones) == 1:
            # "X has joined the CPP. ... On June 5, he appeared at the CPP's headquarters, where
            # the chairman handed him a card": the one person's move, dated
            if ones[0].date_kind == "published" and p.date_kind == "event":
                ones[0].date, ones[0].date_kind = p.date, "event"
            out.remove(p)
    # ... or told of him alone ("he was received as a CPP member")
    named_moves = [
        o
        for o in out
        if o.kind == "defection"
        and o.number == 1
        and (len(o.people) == 1 or (not o.people and _HIM_OR_HER.search(o.evidence)))
    ]
    for p in [p for p in out if p.kind == "departure" and p.number == 1 and not p.people]:
        if (
            len(named_moves) == 1
            and p.from_parties
            and named_moves[0].to_party not in p.from_parties
            and _SAID_HE_HAD.search(p.evidence)
        ):
            # "X, a former CNRP lawmaker, joined the CPP on Monday. ... he said he had resigned
            # all his positions in the Candlelight Party": the party he left is the one he
            # was in last
            named_moves[0].from_parties = list(p.from_parties)
            out.remove(p)
    for joint in list(out):
        parts = told_per_party(joint, out)
        for part in parts:
            if part.date_kind == "published" and joint.date_kind == "event":
                # "Press release: 385 new members ¶ On Thursday, 13 July ... a ceremony ¶ A
                # total of 385 joined: 328 from X and 57 from Y": the parts, on its day
                part.date, part.date_kind = joint.date, "event"
        if parts:
            out.remove(joint)
    ruling = next((party.name for party in parties if "CPP" in party.acronyms), None)
    described_only = [
        (p, d)
        for p in out
        if not p.from_parties and (d := _DESCRIBED_OPPOSITION.search(p.evidence))
    ]
    # the party a sentence says was dissolved: the one named last before the word
    dissolved = {
        said[-1].name
        for s in (sentences if described_only else [])
        if (word := _DISSOLVED.search(s.text))
        and (said := [m for m in lexicon.mentions(s.text) if m.end <= word.start()])
    }
    for p, described in described_only:
        # "members of the main opposition party", "... of the dissolved opposition party": the
        # one the text names as such elsewhere, for the reviewer to check
        such = [
            n
            for n in dict.fromkeys(m.name for m in in_text)
            if n not in (ruling, p.to_party, UNNAMED_PARTIES)
            and (n in dissolved) == bool(described["dissolved"])
        ]
        if len(such) == 1:
            p.from_parties = such
            p.reasons = [*p.reasons, _PARTY_ELSEWHERE]
            p.confidence = "low"
    moves = [p for p in out if p.kind == "defection"]
    out = [
        p for p in out
        # "Speaking for the new members, X said he and his family had left the old party":
        # no count, day or destination of its own beside a move from that party
        if not (p.kind == "departure" and p.number is None and p.date_kind == "published"
                and any(set(p.from_parties) <= set(m.from_parties) for m in moves))
    ]  # fmt: skip
    for total in list(out):
        parts = told_event_by_event(total, out)
        for part in parts:
            # "300 defected to the CPP in two provinces ... 230 abandoned the opposition on
            # June 16": each part went where the total says
            if part.to_party is None and total.to_party is not None:
                part.kind = "defection"
                name_destination(part, total.to_party)
            part.from_parties = part.from_parties or list(total.from_parties)
            if part.date_kind == "published" and total.date_kind == "event":
                part.date, part.date_kind = total.date, "event"
        if parts:
            out.remove(total)
    some_of_them = [p for p in out if p.kind == "defection" and _SOME_OF_THEM.search(p.evidence)]
    others = [
        c.value
        for m in (_THE_OTHERS.finditer(text) if some_of_them else ())
        for c in person_counts(f"{m[1]} people")
    ]
    for part in some_of_them:
        split = next(
            (
                o
                for o in out[: out.index(part)]
                if o.kind == "departure" and (o.number or 0) > (part.number or o.number or 0)
            ),
            None,
        )
        if split is None or (split.number or 0) - (part.number or 0) not in others:
            continue
        rest = (split.number or 0) - (part.number or 0)
        # "More than 500 CLP members resigned on Saturday. About 320 of them joined the CPP
        # the same afternoon. The remaining 180 will join no party": the group, split in two
        part.from_parties = part.from_parties or list(split.from_parties)
        if part.date_kind == "published":
            part.date, part.date_kind = split.date, split.date_kind
        split.number, split.number_text, split.qualifier = rest, None, None
    for p in out:
        of_the = _OF_THE_COUNT.search(p.evidence) if not p.from_parties else None
        if of_the is None:
            continue
        # "The CPP invited 40 Candlelight Party councillors ... Only 12 of the 40 councillors
        # invited attended and signed": the party of the group told before by its count
        by_count = rf"\b{re.escape(of_the['n'])}\s+(?:[\w'’-]+\s+){{0,2}}?$"
        p.from_parties = next(
            (
                [m.name]
                for s in sentences
                if not p.evidence.startswith(s.text[:60])
                for m in lexicon.mentions(s.text)
                if m.name != p.to_party and re.search(by_count, s.text[: m.start])
            ),
            [],
        )
    sourced = [p for p in out if p.from_parties]
    left_by_all = {f for o in sourced for f in o.from_parties}
    for p in out:
        if (
            not p.from_parties
            and p.to_party
            and len(left_by_all) == 1
            and p.to_party not in left_by_all
            and (
                _OF_OURS.search(p.evidence)
                # ... and a story of one council's losses: "The first to go was X, who joined
                # the CPP on Tuesday, August 2. ¶ Three days later, councillors Y and Z joined
                # the CPP", each named, on a day of its own
                or (
                    p.people
                    and p.date_kind == "event"
                    and p.to_party in {o.to_party for o in sourced}
                )
            )
        ):
            # an interview's "A: On 18 March two of our commune councillors ... went to the
            # CPP", where every other move the text tells left one party: the speaker's
            p.from_parties = sorted(left_by_all)
    for p in [p for p in out if not p.from_parties and _WITH_HIS_GROUP.search(p.evidence)]:
        one = [
            o
            for o in sourced
            if o.number == 1
            and o.to_party in (None, p.to_party)
            and (o.date == p.date or "published" in (o.date_kind, p.date_kind))
        ]
        if len(one) == 1 and (p.number or 0) > 1:
            # "a councillor ... who joined the CPP on the 4th ¶ On the 4th he and his group, 46
            # people in all, counting him, received CPP cards" (Khmer "លោក និងក្រុមរបស់លោក
            # សរុប ៤៦ នាក់"): his move, counted with his group
            one[0].number, one[0].number_text = p.number, p.number_text
            if one[0].date_kind == "published" and p.date_kind == "event":
                one[0].date, one[0].date_kind = p.date, "event"
            out.remove(p)
    # "350 CLP members joined ..., bringing to 1,900 those who joined this year": where a
    # report names the parties its people left, a count that names none is a running total,
    # the event told again or one of its speakers, unless it is an event of its own: its own
    # day and count, of people the text calls the opposition ("• Jan. 13: about 70
    # opposition supporters were welcomed into the CPP")
    out = [
        p
        for p in out
        if p.from_parties
        or not sourced
        or (
            p.date_kind == "event"
            and all(
                p.number != o.number and (p.date != o.date or _AT_A_PLACE.match(p.evidence))
                for o in sourced
            )
            and _OPPOSITION.search(p.evidence)
        )
    ]
    destinations = Counter(p.to_party for p in out if p.to_party)
    joined_by_all = _only(destinations)
    named_anywhere = {m.name for m in in_text}
    left_anywhere = {f for p in out for f in p.from_parties}
    for p in out:
        # the one party every claim joined is no party any of them left
        # ... and each party once ("the Kanak Pak Phlerng Tean (គណបក្សភ្លើងទៀន, Candlelight Party)")
        # (a departure from it stays: "who joined the CPP in June has quit the CPP")
        p.from_parties = list(
            dict.fromkeys(f for f in p.from_parties if f != joined_by_all or p.kind == "departure")
        )
        if p.to_party is None and p.kind == "defection" and joined_by_all:
            name_destination(p, joined_by_all)
        elif p.to_party is None and p.kind == "defection" and not destinations:
            # the party the text names besides the ones left; still for the reviewer to check:
            # "H.E. X welcomed 1,112 Candlelight members ... 'the CPP's achievements'", or, when
            # it names no CPP, the one other party ("the provincial committee received 83 new
            # members, 64 from the CLP and 19 from the KWP ... FUNCINPEC welcomes them")
            not_left = named_anywhere - left_anywhere
            if ruling in named_anywhere:
                elsewhere = ruling if ruling not in p.from_parties else None
            else:
                elsewhere = next(iter(not_left)) if len(not_left) == 1 else None
            if elsewhere is not None:
                p.to_party = elsewhere
                p.reasons = [
                    _DESTINATION_ELSEWHERE if r == UNNAMED_DESTINATION else r for r in p.reasons
                ]
    uncounted = [p for p in out if p.number is None and p.number_text is None]
    # (a headline's claim the body told with a list: "Former CLP officials join the CPP ¶
    # ... the following former officials ... were received as members:")
    openers = [s.text for s in sentences if _OPENS_A_LIST.search(s.text) and claim_verbs(s.text)]
    for p in uncounted:
        # "... welcomed the following former officials of the CLP: ¶ 1. Mr. A, ... ¶ 2. Ms.
        # B, ...": as many as the list names
        opener = p.evidence if _OPENS_A_LIST.search(p.evidence) else None
        if opener is None and len(uncounted) == len(openers) == 1:
            opener = openers[0]
        at = text.find(opener) if opener else -1
        told_at = (
            next((k for k, s in enumerate(sentences) if s.text == p.evidence), None)
            if opener is None
            else None
        )
        if told_at is not None and told_at + 1 < len(sentences):
            # "... welcomed senior officials of the CLP who decided to join the CPP. They are:"
            then = sentences[told_at + 1].text
            opener = then if _THEY_ARE.fullmatch(then) else None
            at = text.find(then, max(0, text.find(p.evidence))) if opener else -1
        if opener is None or at < 0:
            continue
        named_lines = 0
        lines = text[at + len(opener) :].strip().splitlines()
        for line in lines:
            if not (_LIST_MARK.match(line) and people_named(line)):
                break
            named_lines += 1
        if named_lines > 1:
            p.number, p.evidence = named_lines, opener
        elif lines and not claim_verbs(lines[0]):
            # "... received the following former officials of the CNRP: ¶ Mr. A (former
            # commune chief, Prek Thmey), Mr. B (...), ... and Mr. J (...)": the names on the
            # one line (those with a title, when they have one: not the places beside them)
            names = people_named(lines[0])
            with_title = [n for n in names if re.match(r"(?:Mrs?|Ms|Dr)\.?\s|Oknha\s|H\.E\.", n)]
            named_here = len(with_title) if len(with_title) > 1 else len(names)
            if named_here > 1:
                p.number, p.evidence = named_here, opener
    total_lines = list(_TOTAL_LINE.finditer(text))
    if len(uncounted) == 1 and len(total_lines) == 1 and uncounted[0].number is None:
        # "... a ceremony to receive members of the CLP ... ¶ - Trapeang Kong Commune - 96
        # people ¶ ... ¶ Total: 412 people": the total line counts the claim before it
        p, closing = uncounted[0], cell_count(total_lines[0]["n"])
        if closing is not None and 0 <= text.find(p.evidence) < total_lines[0].start():
            p.number, p.number_text, p.qualifier = closing.value, closing.text, closing.qualifier
            p.evidence = f"{p.evidence} [{total_lines[0].group().strip()}]"
    counted_after = [
        m
        for m in _THE_GROUP_COUNTED.finditer(text)
        if len(uncounted) == 1 and uncounted[0].number is None and uncounted[0].number_text is None
        and 0 <= text.find(uncounted[0].evidence[:60]) < m.start()
    ]  # fmt: skip
    if len(counted_after) == 1 and (
        closing := cell_count(counted_after[0]["n"] or counted_after[0]["n2"])
    ):
        # "... a group of CLP activists handed their applications ... ¶ The defectors,
        # numbering 75, came from 6 villages", a caption's "... pose with 150 new members from
        # the Candlelight Party": the group's count, told after
        p = uncounted[0]
        p.number, p.number_text, p.qualifier = closing.value, closing.text, closing.qualifier
        p.evidence = f"{p.evidence} [{counted_after[0].group().strip()}]"
        if not p.from_parties:
            p.from_parties = [m.name for m in lexicon.mentions(counted_after[0].group())]
    if _TRUE_VERDICT.search(text):
        # "CLAIM 1: ... VERDICT: FALSE ... CLAIM 2: ... VERDICT: TRUE": only the claims of the
        # sections found true
        starts = [0, *(m.start() for m in _CLAIM_HEADING.finditer(text)), len(text)]
        false = [
            (a, b) for a, b in pairwise(starts) if _FALSE_VERDICT.search(text, a, b)
        ]
        out = [
            p
            for p in out
            if not any(a <= text.find(p.evidence[:60]) < b for a, b in false)
        ]
    if _PENDING.search(text):
        # "31 members handed applications to join ... The applications have not yet been
        # approved": no move yet
        out = [p for p in out if not _APPLIED.search(p.evidence)]
    # a tracker's note: "The 31 May post was deleted by the page that published it ... we do
    # not count it": that day's row is no claim
    # (not "A fake post claiming 2,000 on 5 May was deleted": a post of its own, by its count)
    struck = {
        d.value
        for s in sentences
        if _STRUCK_OUT.search(s.text) and not person_counts(s.text)
        for d in find_dates(s.text, anchor, False)
    }
    out = [
        p
        for p in out
        if not (p.date in struck and p.date_kind == "event" and not _STRUCK_OUT.search(p.evidence))
    ]
    # "a total of 1,466 ... joined ..., in ceremonies held in four districts: ¶ - Peam Ro
    # district: 512 people, on Tuesday 2 May 2023; ¶ ...": the lines' own claims
    out = [part for p in out for part in (_parts_listed_after(p, sentences, anchor) or [p])]
    for p in out:
        if p.date_kind == "published" and p.number_text and re.search(r"\d", p.number_text):
            _date_by_count_before(p, sentences, anchor)
    for p in out:
        if (
            p.number is None
            and p.number_text is None
            and (
                _LETTER_SUBJECT.match(p.evidence)
                or _NAMED_WRITER.search(p.evidence)
                # ... or the declaration's move told a sentence later, in the first person
                or (_NAMED_WRITER.search(text) and _FIRST_PERSON_LETTER.search(p.evidence))
                # ... "I want to inform you that on Monday I decided to leave the CLP and join
                # the CPP": its writer, one person
                or _I_MOVED.search(p.evidence)
            )
            and (_FIRST_PERSON_LETTER.search(text) or _I_MOVED.search(p.evidence))
        ):
            # a letter's "កម្មវត្ថុ៖ សំណើសុំលាលែង..." (Subject: request to resign ...), or a
            # declaration's "ខ្ញុំបាទឈ្មោះ X ... សូមប្រកាស" (I, named X, declare), its writer
            # moving in the first person: one person
            p.number = 1
    signed = next((s for s in reversed(sentences) if _DONE_AT.match(s.text)), None)
    signed_on = find_dates(signed.text, anchor, True) if signed else []
    if len(signed_on) == 1:
        # a decision or statement closing "ធ្វើនៅស្រុកបារាយណ៍ ថ្ងៃទី០១ ខែមីនា ឆ្នាំ២០២៣" (done at
        # Baray, 1 March 2023): the day it was decided, signed and took effect
        for p in out:
            if p.date_kind == "published":
                p.date, p.date_kind = signed_on[0].value, "event"
    # "An earlier version said 1,560 ... The correct figure is 1,056"
    corrected = correct(out, sentences, anchor, lexicon)
    out = without_superseded(out)  # "more than 200 ... UPDATE: the final number ... is 276"
    # a move no party is named in, left or joined ("the captain defected to a rival club",
    # "a ceremony for new members is postponed"): nothing to record
    out = [p for p in out if p.from_parties or p.to_party]
    # "| Sat 19 Oct | ... | Candlelight Party | none given (resigned) | 5 |" then "Notes: The
    # five Prey Kabbas councillors resigned from Candlelight by letter": a dated claim told
    # again, with no day of its own
    out = [
        p
        for i, p in enumerate(out)
        if not (
            p.date_kind == "published"
            and p.number is not None
            and any(
                o.date_kind == "event"
                and o.date != p.date
                and _same_claim(replace(o, date=p.date), p)
                for o in out[:i]
            )
        )
    ]
    # "more than 200 ... are joining" then "A total of 276 ... joined today, not 200 as first
    # posted": the claim corrected into one told already is that one
    changed = {id(p) for p in corrected}  # by identity: two proposals may be equal
    return [
        p
        for p in out
        if not (
            id(p) in changed
            and any(_same_claim(p, o) for o in out if o is not p and id(o) not in changed)
        )
    ]


def _predicates_after_lists(sentences: list[Sentence]) -> list[Sentence]:
    """A Khmer sentence a list of names interrupts, read whole: "កាលពីថ្ងៃច័ន្ទ ... សមាជិកក្រុម
    ប្រឹក្សាឃុំចំនួន ០២រូប ... គឺ៖ ¶ - លោក A ¶ - លោកស្រី B ¶ បានដាក់លិខិតលាឈប់ ... ហើយបានចូល ..."
    (on Monday ... two councillors ..., namely: A, B, handed in letters leaving ... and joined
    ...): its predicate, which opens with "បាន", follows its subject and day.

    >>> [s.text for s in _predicates_after_lists([Sentence("ម្សិលមិញ សមាជិក ២រូប គឺ៖", 0, 0),
    ...     Sentence("- លោក A", 1, 1), Sentence("បានចូលគណបក្ស", 2, 2)])][-1]
    'ម្សិលមិញ សមាជិក ២រូប បានចូលគណបក្ស'
    """
    out = list(sentences)
    for k, sentence in enumerate(sentences):
        if not sentence.text.startswith("បាន"):
            continue
        j = k - 1
        while j >= 0 and _LIST_MARK.match(sentences[j].text):
            j -= 1
        opener = sentences[j].text.rstrip() if 0 <= j < k - 1 else ""
        if opener.endswith(("៖", ":")):
            subject = re.sub(r"\s*(?:គឺ|ដូចជា|រួមមាន)?\s*[៖:]$", "", opener)
            out[k] = replace(sentence, text=f"{subject} {sentence.text}")
    return out


def _parts_listed_after(
    p: Proposal, sentences: list[Sentence], anchor: date | None
) -> list[Proposal] | None:
    """The claims of a list after a total's sentence, each line with its own count and day,
    the counts adding up to the total; None when no such list follows."""
    at = next((k for k, s in enumerate(sentences) if p.evidence.startswith(s.text[:60])), None)
    if at is None or p.number is None or not sentences[at].text.rstrip().endswith(":"):
        return None
    parts: list[Proposal] = []
    for line in sentences[at + 1 :]:
        if not _LIST_MARK.match(line.text):
            break
        counts = person_counts(line.text)
        days = [d for d in find_dates(line.text, anchor, False) if not d.bound]
        if len(counts) != 1 or counts[0].value is None or len({d.value for d in days}) != 1:
            return None
        parts.append(
            replace(
                p,
                number=counts[0].value,
                number_text=counts[0].text,
                qualifier=counts[0].qualifier,
                date=days[0].value,
                date_kind="event",
                evidence=f"{p.evidence} [{line.text}]",
            )
        )
    if len(parts) < 2 or sum(q.number or 0 for q in parts) != p.number:
        return None
    return parts


def _same_claim(a: Proposal, b: Proposal) -> bool:
    return (a.date, a.number, sorted(a.from_parties), a.to_party) == (
        b.date,
        b.number,
        sorted(b.from_parties),
        b.to_party,
    )


def _date_by_count_before(
    p: Proposal, sentences: list[Sentence], anchor: date | None
) -> None:
    """Date an undated claim by the day a sentence before it gives the same count ("The CLP
    rejected a claim that 1,100 of its members switched sides at a ceremony on Sunday. ¶ A
    statement said the 1,100 members had joined the ruling party")."""
    same = re.compile(rf"(?<![\d,.]){re.escape(p.number_text or '')}(?![\d,]*\d)")
    for sentence in sentences:
        if p.evidence.startswith(sentence.text[:60]):
            return
        if not same.search(sentence.text):
            continue
        days = {
            d.value
            for d in find_dates(sentence.text, anchor, sentence.index <= 1)
            if not (d.reported or d.bound)
        }
        if len(days) == 1:
            p.date, p.date_kind = days.pop(), "event"
            return
