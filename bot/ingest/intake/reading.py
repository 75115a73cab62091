"""One sentence read: its proposals, or that it is a bare "they joined" sentence, or the
former parties or the counts it adds to the claim before it; and who makes the claim.

>>> from bot.ingest.intake.parties import Lexicon
>>> from bot.ingest.intake.report import PartyName
>>> from bot.ingest.intake.sentences import split_sentences
>>> lexicon = Lexicon([PartyName("Candlelight Party", ("Candlelight",), ("CLP",)),
...                    PartyName("Cambodian People's Party", (), ("CPP",))])
>>> [s] = split_sentences("52 Candlelight members joined the CPP on 2 May.")
>>> [p] = read_sentence(s, Report(s.text), lexicon, []).proposals
>>> p.number, p.from_parties, p.to_party
(52, ['Candlelight Party'], "Cambodian People's Party")
>>> read_sentence(split_sentences("The group joined on 16 July.")[0], Report(""), lexicon, []).bare
True

Regular expressions written here: the cue words are the project's own judgement of what the
press writes, which no library holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from bot.ingest.intake.acts import reported_act
from bot.ingest.intake.clauses import (
    ASIDE,
    KHMER_DISSOLVED_IN,
    PAST_YEAR,
    QUOTED,
    history_asides,
    through_clause,
)
from bot.ingest.intake.dates import (
    MONTH_NAMES,
    MONTHS,
    RELATIVE,
    TODAY,
    FoundDate,
    find_dates,
)
from bot.ingest.intake.groups import (
    GROUP,
    KHMER_OTHERS_BEFORE,
    OTHER_PARTIES_AFTER,
    ROLE,
    UNNAMED_PARTIES,
    bare_name,
    counted_groups,
    hosts_titles,
    movers,
    parties_lead,
    people_who_moved,
    per_person,
    segments,
    speaks_of_group,
    where_groups_end,
)
from bot.ingest.intake.numbers import (
    KHMER_ONE_PERSON,
    ROUGHLY,
    Count,
    family_members,
    person_counts,
)
from bot.ingest.intake.parties import KHMER_OTHER_PARTIES, Lexicon
from bot.ingest.intake.people import claimant_in
from bot.ingest.intake.report import Proposal, ProposalKind, Report
from bot.ingest.intake.roles import active_welcome, background_parties, parties_left, party_roles
from bot.ingest.intake.sentences import Sentence
from bot.ingest.intake.signals import (
    DESCRIBED_PARTY,
    DISPUTED_THEN,
    KHMER_ITS_OWN,
    KHMER_PAST_YEAR,
    KHMER_RUNNING_TOTAL,
    Verb,
    claim_verbs,
    not_a_claim,
    when_asides,
)

# "the outlet said": a source named before, or the report's outlet; never the words themselves.
ANAPHORIC_SOURCE = re.compile(
    r"^(?:the|this|that|its)\s+(?:outlet|website|site|page|channel|newspaper|paper|report|"
    r"agency|broadcaster|station|statement|post|media)$",
    re.I,
)
_ONE_PERSON = re.compile(
    rf"\b(?:a|an|another)\s+(?:[\w'’-]+\s+){{0,6}}?{ROLE}"
    # "X, one of two Candlelight Party councillors on the council, received a CPP card"
    rf"|^[^,]{{3,40}},\s+one\s+of\s+(?:[\w'’-]+\s+){{0,6}}?"
    r"(?:councill?or|official|member|activist|candidate|chief|leader|lawmaker)s\b",
    re.I,
)
# As a sentence's or a bulletin entry's subject: "The CLP's provincial chief in Takeo
# resigned", "The deputy chief of the KNUP's branch joined" (not who hands out the cards).
# ... after the day it happened: "Last Friday, the 61-year-old commune chief handed ..."
_THE_ONE_PERSON = re.compile(
    # ... "On 22 March, Sieng Vanna, the Candlelight Party's deputy chief for Mean Chey
    # district, joined the CPP": one person, named and placed
    rf",\s+the\s+(?:[\w'’-]+\s+){{0,6}}?{ROLE}\b[^,]{{0,60}},\s*$|"
    r"(?:^|[:—–-]\s+|^\W*(?:on|last|this|earlier|yesterday|today)\b[^,]{0,30}?"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]+)?(?:,\s+|\s(?=the\b)))"
    # ... "On Thursday the 61-year-old left": one person, by age
    rf"the\s+(?:(?:[\w'’-]+\s+){{0,6}}?{ROLE}|\d{{1,3}}-year-old\b(?!-))",
    re.I,
)
_MOVED = re.compile(
    r"join|defect|switch|resign|quit|left|leav|cross|mov|went|came|return|membership\s+form", re.I
)
# Khmer: "ខ្ញុំបាទ X ... បានលាឈប់" (I, X, ... resigned), "នាងបានដាក់លិខិតលាឈប់" (she handed in a
# letter resigning): one person, the writer or the one told of (not "យើងខ្ញុំ", we)
_KHMER_ONE_SUBJECT = re.compile(
    r"(?<!យើង)(?:ខ្ញុំបាទ|នាងខ្ញុំ)\s|(?:^|[\s៖])(?:(?<!យើង)ខ្ញុំ|នាង|គាត់|អ្នកស្រី|លោកស្រី|លោក)(?:ក៏)?បាន"
    # ... "នាងបានដាក់លិខិតលាឈប់ពីគណបក្សA ហើយបានចុះឈ្មោះ..." (she resigned from A and signed up),
    # "អ្នកស្រីបានបិទតូបមួយថ្ងៃ ដើម្បីទៅចុះឈ្មោះចូល..." (she closed her stall for a day to go and sign up)
    r"(?:[^។]{0,120}?(?:ហើយ|ដើម្បី(?:ទៅ)?)\s*(?:\S{0,30}?\s*បាន)?)?\S{0,25}$"
)
_I_SUBJECT = re.compile(
    r"(?:^|[.,;:]\s+|\bthat\s+|\b(?:yesterday|today|evening|morning)\s+)I\b(?!\s*(?:and|&)\b)"
)
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
# ... "FUNCINPEC said 15 ... had joined the royalist party": the party saying it, described
_CLAIM_THAT = re.compile(r"['’]s\s+(?:claim|announcement|statement)\s+that\b", re.I)
_IT_AFTER = re.compile(
    rf"^\s*(?:(?:to|into)\s+)?(?:it|them|the\s+{DESCRIBED_PARTY}|its\s+ranks)\b", re.I
)
_OTHER_PARTIES = re.compile(
    # ... "members of the CLP and of the other parties"
    # ... "210 former CNRP members and activists of other opposition parties"
    # ... "1,020 Candlelight Party activists and people from other parties"
    r"\b(?:and|or)\s+(?:of\s+)?[\"“]?(?:\w+\s+(?:of\s+|from\s+)?)?other\s+(?:\w+\s+)?"
    r"(?:parties|party\s+(?:members|activists|"
    r"supporters))\b"
    # ... "the Candlelight Party and party Khmer Will and some other party" (word for word)
    r"|\band\s+some\s+other\s+party\b"
    # ... "about 3,000 Candlelight Party and other opposition members"
    r"|\band\s+other\s+opposition\s+(?:members|activists|supporters)\b",
    re.I,
)
# Parties the text leaves unnamed, and names none beside them.
_IN_ALL = re.compile(r"\s*(?:people\s+|persons\s+)?in\s+all\b", re.I)
_KHMER_IN_ALL = re.compile(r"សរុប\s*(?:ចំនួន)?\s*$")
_ALONGSIDE = re.compile(r"\b(?:along|together)\s+with\b|រួម(?:ជា)?មួយ(?:នឹង)?", re.I)
# ... nor is a party an appositive names to say which party another is ("the small party allied
# with Candlelight", "not to be confused with the similarly named Khmer Will Party")
_NOT_CHOSEN = re.compile(
    # ... "going somewhere other than the CPP"
    # ... "between smaller parties outside the ruling CPP"
    r"\b(?:rather\s+than|instead\s+of|other\s+than|allied\s+(?:with|to)|confused\s+with|"
    r"outside)\s+"
    # ... "rather than join the ruling party"
    # ... "a rare move between two smaller parties rather than to the ruling CPP"
    r"(?:(?:join(?:ing)?|go(?:ing)?\s+to|switch(?:ing)?\s+to|mov(?:e|ing)\s+to|to)\s+)?"
    r"(?:the\s+)?"
    r"(?:(?:ruling|similarly\s+named)\s+)?$"
    # ... "ការបោះឆ្នោតជាតិ ដែលគណបក្សX ឈ្នះ" (the national election, which party X won)
    r"|ការបោះឆ្នោត[^។]{0,20}?ដែល\s*$",
    re.I,
)
_ONLY_OTHER_PARTIES = re.compile(
    r"\b(?:(?:members|supporters|activists)\s+of|from|(?:had\s+)?(?:supported|belonged\s+to))\s+"
    r"[\"“‘']?(?:(?:(?:various|several|different|many|some|a\s+number\s+of|a\s+few)\s+)?other\s+"
    r"(?:political\s+|opposition\s+|smaller\s+)?"
    # ... "former members of various parties", as Khmer "គណបក្សផ្សេងៗ" (not "several opposition
    # parties": the opposition, no party named); "of various opposition parties", as Khmer
    # "នៃគណបក្សប្រឆាំងផ្សេងៗ"
    r"|(?:various|different)\s+(?:political\s+|opposition\s+)?)parties\b"
    # ... "supporters of parties other than the ruling party"
    r"|\b(?:members|supporters|activists)\s+of\s+parties\s+other\s+than\b"
    # ... "សកម្មជននៃគណបក្សប្រឆាំងផ្សេងៗ" (activists of various opposition parties)
    r"|(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ|មកពី|ពី)\s*(?:នៃ|របស់)?\s*គណបក្ស(?:នយោបាយ)?\s*(?:ប្រឆាំង)?\s*"
    r"(?:ផ្សេងៗ|ដទៃ|ផ្សេងទៀត|ជាច្រើន)",
    re.I,
)
# "joined the CPP over the weekend, the third such announcement since June": one event.
_ONE_OCCASION = re.compile(
    # ... "In total, 184 persons joined the CPP, namely 146 from A and 38 from B": one
    # ceremony's total, its parts named
    r"\b(?:over|at|during)\s+the\s+weekend\b|\blast\s+weekend\b|\bat\s+a\s+ceremony\b|\bnamely\b",
    re.I
)
UNNAMED_DESTINATION = "the party joined is not named"
_PART_OF_GROUP = "a part of a group counted before"
# "លោក X ... រួមជាមួយសមាជិកក្រុមប្រឹក្សាឃុំពីររូប" (Mr. X together with two councillors)
# ... "រួមជាមួយសកម្មជនគណបក្សX ដែលជាអ្នកគាំទ្ររបស់លោក ចំនួន ៤៥នាក់" (with 45 party X activists
# who are his supporters)
# (not "រួមជាមួយសកម្មជនរបស់លោក សរុបទាំងអស់ ៣១នាក់", with his activists, 31 in all: him among them)
_KHMER_ALONG_WITH = re.compile(
    r"(?:រួម(?:ជា|នឹង)?មួយ(?:នឹង)?|ព្រមទាំង)(?![^\d០-៩។]*សរុប)\s*[^\d០-៩។]{0,70}$"
)
_ALONG_WITH = re.compile(
    # ... "together with his 35 followers"
    r"(?:\b(?:together|along)\s+with|\bwith|\band)\s+(?:(?:his|her|their)\s+)?"
    r"(?:(?:more|than|over|about|some|nearly|around)\s+){0,2}$"
    # "លោក X រួមជាមួយអ្នកគាំទ្រ ៤០នាក់" (Mr. X with 40 supporters), "និងកូនចៅ ៣០នាក់" (and 30
    # followers): the named man and those who came with him
    r"|(?:រួមជាមួយ|ជាមួយ|និង)\s*(?:អ្នកគាំទ្រ|សកម្មជន|កូនចៅ|សមាជិក|ក្រុមការងារ)?\s*"
    # "រួមជាមួយអ្នកគាំទ្ររបស់លោក ៣៥នាក់" (with his 35 supporters)
    r"(?:របស់\s*(?:លោក(?:ស្រី)?|ខ្លួន|គាត់))?\s*(?:ចំនួន\s*)?(?:ជាង|ប្រមាណ|ជិត)?\s*$",
    re.I,
)
# ... "អតីតតំណាងរាស្ត្រគណបក្សX" (a former MP of party X): a former role in it
_FORMER_BEFORE = re.compile(
    r"\b(?:former|formerly|ex-|dissolved|now-dissolved)\s*$|អតីត\S{0,16}\s*$", re.I
)
_AND_ONE = re.compile(
    rf"\band\s+((?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{ROLE})\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:opposition\s+)?(?=[A-Z])",
    re.I,
)
_FORMER_OF = re.compile(
    r"\b(?:former|ex-)\s*(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:the\s+)?$|អតីត\S{0,20}$", re.I
)
_SINCE_PART_OF_MONTH = re.compile(rf"\bsince\s+(?:early|late|mid-?)\s*({MONTH_NAMES})\b", re.I)
# "គណបក្ស" alone, "គណបក្សរបស់ខ្លួន" (its own party) after the verb: the party of who speaks
# ... or no party at all: "ទទួលពាក្យសុំចូលជាសមាជិក ពីអតីតសកម្មជន..." (received applications to
# join as members from former activists ...)
_KHMER_THE_PARTY = re.compile(r"\s*គណបក្ស(?=\s|[។,]|$|របស់(?:ខ្លួន|លោក|គាត់)|ដែរ|វិញ|ផង)|\s+ពី")
# "គណៈកម្មាធិការ", "ក្រុមការងារ", "សាខា" (the committee, working group, branch) of a party,
# "មន្ត្រី", "អ្នកនាំពាក្យ" (its official, its spokesman)
# ... and its page ("ទំព័រគណបក្សX ... បានសរសេរថា ... បានចូលរួមជាមួយគណបក្ស", party X's page
# wrote that ... joined the party)
_KHMER_PARTY_BODY = re.compile(r"(?:គណៈកម្មាធិការ|ក្រុមការងារ|សាខា|មន្ត្រី|អ្នកនាំពាក្យ|ទំព័រ)\s*$")
_THAT_DAY = re.compile(r"\b(?:that|the\s+same)\s+(?:day|morning|afternoon|evening)\b", re.I)
# ... and in sentence case, with who they are: "Former Kandal commune chief who quit Candlelight
# joins the CPP"
_HEADLINE_ONE = re.compile(
    rf"^(?:[A-Z][\w'’-]*\s+){{0,6}}(?=[A-Z])(?i:{ROLE})\s+$"
    rf"|^(?:[A-Z][\w'’-]*\s+)(?:[\w'’-]+\s+){{0,5}}?(?i:{ROLE})\s+who\s+[^,.]{{0,40}}\s+$"
)
_RECALLS_A_MOVE = re.compile(r",\s*which\b[^,;]*\bafter\s+(?:defecting|joining|switching)\b", re.I)
_HE_SUBJECT = re.compile(
    # ... "On 4 March she left the CLP": after the day it happened
    r"(?:^|,\s*|\b(?:that|when)\s+|\band\s+|^\W*(?:on|last|this|earlier|yesterday|today)\b[^,]{0,30}?\s)"
    r"(?:he|she)\s+(?:had\s+|has\s+)?(?:\w+ly\s+)?"
    # ... "he resigned from the CLP and was received into the CPP"
    # ... "On 28 February he handed back his CPP card at the district office and joined"
    r"(?:(?:resigned|quit|left|defected|handed\s+back|gave\s+back|returned|walked\s+into)\b"
    r"[^.;]{0,80}\band\s+"
    r"(?:(?:was|has\s+been|had\s+been)\s+)?)?$",
    re.I,
)
# ... "officials of the CPP say 1,150 ... joined their ranks": the party of who says it
_OUR_PARTY = re.compile(
    r"\bour\s+party\b|\b(?:into|joined)\s+(?:its|our|their)\s+ranks\b|គណបក្សយើង", re.I
)
_INCLUDING_ASIDE = re.compile(rf",\s*including\s+(?:{ROUGHLY})?\d[\d,]*\s+[^,;]*,", re.I)
# A post's tags, "#CPP #Election2023"
HASHTAGS = re.compile(r"(?:\s*#\S+)+\s*")
# ... Khmer "ប្តីប្រពន្ធ" (husband and wife)
_THE_COUPLE = re.compile(r"\bthe\s+(?:\w+\s+)?couple\b(?!\s+of\b)|ប្[តដ]ីប្រពន្ធ", re.I)
_SPEAKS_FOR_THEM = re.compile(
    r"\W*(?:a|an|the|one)\s+(?:representative|spokes(?:man|woman|person))\s+(?:of|for)\s+"
    r"[^.;]*?\b(?:said|told|explained)\s+(?:that\s+)?they\b",
    re.I,
)
# after a count, before its verb: one more who moved with them
_AND_ONE_MORE = re.compile(
    rf"[^,;]*?\s+and\s+(?:a|an|the|its|their)\s+(?:party's\s+)?(?:[\w'’-]+\s+){{0,3}}?{ROLE}"
    r"(?!s)(?!\s+(?:of|for)\s+\d)",
    re.I,
)
_ONE_AND = re.compile(rf"\b(?:a|an)\s+(?:[\w'’-]+\s+){{0,6}}?{ROLE}\s+and\s+$", re.I)
_KHMER_LEFT_FROM = re.compile(r"(?:លាឈប់|ចាកចេញ|លាលែង)\s*ពី\s*$")
_KHMER_MEMBERS_OF = re.compile(r"(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ|មន្ត្រី)\S{0,4}\s*$")
_KHMER_THIS_PARTY = re.compile(r"\s*(?:មក|ទៅ)?\s*(?:កាន់)?\s*គណបក្ស(?:នេះ|នោះ|ដដែល)")
_WITH_THEIR_OWN = re.compile(
    r"\s+(?:over\s+|across\s+)?(?:to\s+(?:the\s+)?\S+(?:\s+Party)?\s+)?with\s+(?:their|his|her)\s+"
    r"(?:own\s+)?(?:supporters|followers|families|relatives|teams?)\b(?!\s*\()",
    re.I,
)
_OUR_PARTY_JOINED = re.compile(r"\s*(?:our|my)\s+party\b", re.I)
_PARTY_FOUNDED_BY = re.compile(
    r",\s*(?:the|a)\s+(?:[\w-]+\s+){0,2}?party\s+(?:founded|formed|created|set\s+up|launched|"
    r"started|established)\b[^,;]*,",
    re.I,
)
_THE_OPPOSITION_JOINED = re.compile(r"\s*the\s+opposition\b(?!\s+(?:party\s+)?[A-Za-z]*x{3})", re.I)
_OPPOSITION_BEFORE = re.compile(r"\bopposition\s+$", re.I)
_AT_THE_OFFICE_OF = re.compile(r"ទីស្នាក់ការ\s*$")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# ... 'who told them "...', 'telling reporters that his old party had "...': words said
_TELLS_THEM = re.compile(
    r"\b(?:told|telling|tells|urged|assured|reminded|said|saying)\b[^\"“”.;]{0,80}$",
    re.I,
)
_LONG_AGO = re.compile(r"\b(?:years|decades)\s+ago\b|\blong\s+(?:ago|before)\b", re.I)
# "Seven years after he left the CNRP and joined the CPP, X still ...": a move years past,
# told in the clause that opens the sentence
_YEARS_AFTER = re.compile(
    # (after a dateline: "TAKEO —", "KAMPOT, April 9 —")
    r"^\W*(?:(?-i:[A-Z][A-Z '.-]+)(?:,\s*[\w .]{1,20}?)?\s*[—–:-]+\s*)?"
    r"(?:[\w-]+\s+){0,2}?(?:years|decades)\s+after\b",
    re.I,
)
# A count of many events ("since January", "so far this year") rather than one.
# Before a line's own date: marks, and its weekday ("- Sat 25 May, Phnom Penh: ...")
_HEADS_LINE = re.compile(r"[\W\d_]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s*)?", re.I)
_RUNNING_TOTAL = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|(?:\w+\s+){0,3}?(?:elections?|polls?|vote))|"
    # ... "since 1 January"
    rf"(?:last|this)\s+(?:year|month|week)|(?:\d{{1,2}}\s+)?{MONTH_NAMES}|\d{{4}})|so\s+far|"
    # ... "more than 21,000 ... joined the CPP across all 25 provinces during the year"
    r"to\s+date|this\s+year|(?:during|over|throughout)\s+the\s+(?:past\s+)?year\b|"
    r"over\s+the\s+course\s+of\s+the\s+(?:year|campaign)\b|"
    # ... "more than 1,000 opposition members have joined in the province this month"
    r"(?:have|has)\s+(?:\w+\s+)?(?:joined|defected|switched|left)\b[^.;]{0,60}?\bthis\s+month|"
    # ... "Last year, in the months before the election, thousands of opposition members ..."
    r"(?<![\w-])last\s+year\b[^.;]{0,60}?\b(?:thousands|hundreds|dozens)\s+of|"
    r"in\s+recent\s+(?:weeks|months)|in\s+the\s+(?:following\s+(?:weeks|months|years)|"
    r"(?:weeks|months|years)\s+that\s+followed)|(?:in|during|throughout)\s+(?:19|20)\d\d|(?<![\w-])last\s+year,?\s+(?:(?:more|than|over|about|some|nearly)\s+)*\d+|"
    # "in the first half of 2023", "in the past three months"
    r"in\s+the\s+(?:first|second|last|past)\s+(?:\w+\s+)?(?:half|quarter|months|weeks)|"
    rf"(?:in|during|throughout)\s+(?:the\s+month\s+of\s+)?{MONTH_NAMES}\s+alone|"
    # (not "over the past week", "over the past few days": one week's news)
    rf"(?:during|throughout|in\s+the\s+month\s+of)\s+{MONTH_NAMES}|"
    r"over\s+the\s+past(?!\s+(?:week|weekend|(?:few|two|three|several)\s+days)\b)|"
    r"bringing\s+the\s+total|altogether|"
    # "several hundred of those councillors have since left the party": over time, no one event
    # (not "two of them have since joined the CPP")
    # ... "more than 300 of its councillors have since left, most of them to the CPP"
    r"(?:hundreds?|thousands?|many|dozens|(?:more\s+than|over|at\s+least)\s+\d[\d,]*)\b"
    r"[^.;]{0,60}?(?:have|has)\s+since\s+"
    r"(?:left|joined|defected|quit|switched|moved|gone)|"
    # '"For two years we have seen people leave Candlelight for the CPP"': a trend seen
    r"(?:have|has)\s+(?:\w+\s+)?(?:seen|watched|witnessed)\s+(?:people|members|supporters|"
    r"activists|officials|villagers)\s+(?:leave|leaving|join|joining|defect|defecting|switch|"
    r"switching|move|moving)|"
    # "nine of those councillors have now left the party": a tally of them all to this day
    # ... "Around 40 councillors elsewhere have already left the party"
    r"(?:have|has)\s+(?:now|already)\s+(?:left|joined|defected|quit|switched|moved|gone)|"
    # "គិតចាប់ពីដើមឆ្នាំ មកដល់ពេលនេះ" (counting from the start of the year up to now)
    r"in\s+total|cumulative)\b|" + KHMER_RUNNING_TOTAL,
    re.I,
)


# "ដែលជាប់ឆ្នោតក្រោមឈ្មោះគណបក្សX ក្នុងឆ្នាំ២០២២" (who were elected on party X's ticket in
# 2022): who the people are, no year's tally
_KHMER_WHO_THEY_WERE = re.compile(
    # (the clause only, not the act after it: "ដែលធ្លាប់ជា ... បានចូលគណបក្សY ក្នុងឆ្នាំ២០១៨")
    r"ដែល(?:ធ្លាប់|បាន)?\s*(?:ជាប់ឆ្នោត|ឈរឈ្មោះ|ជា)(?:(?!បាន)[^។]){0,80}?ឆ្នាំ\s*[12១២][0-9០-៩]{3}"
    # ... "បេក្ខជនមេឃុំរបស់គណបក្សX ក្នុងឆ្នាំ២០២២" (party X's candidate for commune chief in
    # 2022): the role's year
    r"|បេក្ខជន(?:(?!បាន)[^។]){0,60}?ក្នុងឆ្នាំ\s*[12១២][0-9០-៩]{3}"
)


@dataclass
class Reading:
    """What one sentence says: its proposals; or that it is a bare "they joined" sentence
    (``bare``, with the party joined and date it gives); or the former parties it tells of."""

    proposals: list[Proposal] = field(default_factory=list)
    bare: bool = False
    to: str | None = None
    date: FoundDate | None = None
    background: list[str] = field(default_factory=list)
    counts: list[tuple[Count, list[str]]] = field(default_factory=list)


def sentence_claimant(text: str, report: Report, named: Sequence[str]) -> str | None:
    """Who the sentence says makes the claim; "the outlet said" is the source the text named
    last (``named``), else the report's outlet.

    >>> sentence_claimant("Ten joined, the outlet said.", Report("", outlet="Fresh News"), [])
    'Fresh News'
    >>> sentence_claimant("Ten joined, the website said.", Report(""), ["Kampuchea Daily"])
    'Kampuchea Daily'
    """
    found = claimant_in(text)
    if found is not None and ANAPHORIC_SOURCE.match(found):
        return named[-1] if named else report.outlet
    return found or report.outlet


def _writer_moved(text: str, verb: Verb) -> bool:
    """Whether the writer, "I", is who did the act (not "I welcome those who have left")."""
    said = list(_I_SUBJECT.finditer(text, 0, verb.start))
    return bool(said) and not re.search(
        r"\b(?:who|whom|which|that)\b", text[said[-1].end() : verb.start], re.I
    )


def read_sentence(
    sentence: Sentence,
    report: Report,
    lexicon: Lexicon,
    earlier: list[FoundDate],
    named: Sequence[str] = (),
    anchor: date | None = None,
    opening: bool = True,
) -> Reading:
    text = sentence.text
    if HASHTAGS.fullmatch(text):
        return Reading()  # "#CPP #Election2023 #២៣កក្កដា": a post's tags, no sentence
    why = not_a_claim(text)
    if why:
        # "ក្នុងចំណោមនោះ មកពីគណបក្សA ២១៥នាក់ និងមកពីគណបក្សB ៤៣នាក់" (among them, 215 from A and
        # 43 from B): the group told before, party by party, each part its own claim
        parts = counted_groups(text, lexicon.mentions(text)) if why == _PART_OF_GROUP else []
        distinct = len({tuple(names) for _, names in parts}) == len(parts) > 1
        return Reading(counts=parts if distinct else [])
    # ", an announcement Candlelight disputed", ", days after a dozen councillors quit": no
    # party or count of this act
    besides = when_asides(text)
    found_mentions = lexicon.mentions(text)
    # "2,000 members of the CLP, including about 300 former CNRP activists, joined": some of
    # the group, whose party is not the group's
    # (not "385 people joined the CPP, including 328 from the CLP and 57 from the KWP": a
    # breakdown, after the verb)
    including = list(_INCLUDING_ASIDE.finditer(text))
    first_verb = next(iter(claim_verbs(text)), None) if including else None
    besides += [
        aside.span()
        for aside in including
        if any(m.end <= aside.start() for m in found_mentions)
        and first_verb is not None
        and aside.end() <= first_verb.start
        and not re.search(r"\band\s+(?:about\s+|some\s+)?\d", aside.group())
    ]
    mentions = [
        m for m in found_mentions
        if not any(a <= m.start < b for a, b in besides)
        # "joined FUNCINPEC, choosing it rather than the ruling CPP": a party not chosen, ...
        and not _NOT_CHOSEN.search(text[max(0, m.start - 50) : m.start])
        # ... "នៅទីស្នាក់ការគណបក្សX" (at party X's office): a place
        and not _AT_THE_OFFICE_OF.search(text, max(0, m.start - 14), m.start)
    ]  # fmt: skip
    verb = reported_act(text, mentions)
    if verb is None:
        return Reading(
            background=background_parties(text, mentions), counts=counted_groups(text, mentions)
        )
    dates = find_dates(text, anchor or report.published, opening)
    if not dates and DISPUTED_THEN.search(text):
        # "Last month the group said 500 had joined the CPP, a claim Candlelight called
        # exaggerated at the time": an earlier report and its answer, told again with no day
        return Reading()
    counts = person_counts(text, skip=[(d.start, d.end) for d in dates])
    # '... had returned to the party, "and today they are the commune chief"': a day in
    # words quoted after the act is the speaker's, not the act's
    said_after = [m.span() for m in QUOTED.finditer(text) if m.start() > verb.end]
    dates = [d for d in dates if not any(a <= d.start < b for a, b in said_after)]
    if _A_POST_QUOTED.search(text):
        # '"200 members joined the CPP today," the caption read': the post's today, whose day
        # the text does not give
        quoted = [m.span() for m in QUOTED.finditer(text)]
        dates = [
            d for d in dates
            if not (TODAY.fullmatch(text[d.start : d.end].strip())
                    and any(a <= d.start < b for a, b in quoted))
        ]  # fmt: skip
    outside = [c for c in counts if not any(a <= c.start < b for a, b in besides)]
    if outside or _ONE_PERSON.search(text[: verb.start]):
        # (unless the aside holds the only count: "activists say they were pressured, after
        # the authorities announced that 47 had switched sides")
        counts = outside
    if active_welcome(text, verb):
        # "Ten thousand CPP supporters welcomed the prime minister": who welcomes did not move.
        counts = [c for c in counts if c.start > verb.start]
    counts = movers(counts, text, verb)
    whole = next((c for c in counts[1:] if _IN_ALL.match(text, c.end) or
                  _KHMER_IN_ALL.search(text, 0, c.start)), None)  # fmt: skip
    if (
        whole is not None
        and _ALONGSIDE.search(text, counts[0].end, whole.start)
        and (whole.value or 0) > (counts[0].value or 0)
    ):
        # "two councillors joined along with a group of activists, 21 people in all": the
        # count of everyone who moved
        counts = [whole]
    if counts:
        # "Two LDP officials and a vice president of the CLP joined": one more group, of one
        one = [Count(1, m.group(1), None, m.start(1), m.end(1)) for m in _AND_ONE.finditer(text)]
        counts = sorted([*counts, *one], key=lambda c: c.start)
    people = people_who_moved(text, mentions)
    hosts = hosts_titles(text, counts)
    if hosts and hosts[1] < verb.start:
        # the party in a presiding official's title is theirs, not one anyone left
        mentions = [m for m in mentions if not hosts[0] <= m.start < hosts[1]]
    roles = party_roles(mentions, text, verb)
    asides = history_asides(text)
    if asides and not any(a <= verb.start < b for a, b in asides):
        # the party joined is never one an aside about the person names
        aside = [m for m in mentions if any(a <= m.start < b for a, b in asides)]
        roles = party_roles([m for m in mentions if m not in aside], text, verb)
        roles.froms += [m.name for m in aside if m.name != roles.to]
    recalled = [
        m.span()
        for m in ASIDE.finditer(text)
        if not m.start() <= verb.start < m.end() and _RECALLS_A_MOVE.match(m.group())
    ] + [
        # "the Khmer Will Party, the party founded last year by former Candlelight figures,": who
        # made the party, no party of this move
        m.span()
        for m in _PARTY_FOUNDED_BY.finditer(text)
        if not m.start() <= verb.start < m.end()
    ]
    if recalled:
        # "she quit the CPP and the post, which came with her switch to the CPP in May": a
        # party an aside recalls a move to is no party of this act
        kept = [m for m in mentions if not any(a <= m.start < b for a, b in recalled)]
        roles = party_roles(kept, text, verb)
    to, froms = roles.to, parties_left(roles.froms, text, mentions, verb)
    quoted = [
        m.span() for m in QUOTED.finditer(text)
        if m.start() >= verb.end and _TELLS_THEM.search(text, 0, m.start())
    ]  # fmt: skip
    # 'were welcomed by X, who told them "the door of the CPP has no lock"': words said to
    # them after the act name no party they left
    froms = [
        f for f in froms
        if not all(any(a <= m.start < b for a, b in quoted) for m in mentions if m.name == f)
    ]  # fmt: skip
    left = next((m for m in mentions if m.start >= verb.end
                 and text[verb.end : m.start].strip() in ("", "ពី")), None)  # fmt: skip
    if verb.kind == "leave" and left is not None and text.startswith("ពី", verb.end):
        # "X, ..., ជាអតីតសមាជិក...ក្រោមស្លាកគណបក្សA ... បានលាឈប់ពីគណបក្សB" (X, once a councillor
        # for party A, quit party B): the party the verb names, not those of X's past
        froms = [f for f in froms if any(m.name == f and m.start >= verb.end for m in mentions)]
    named_ = len(people_who_moved(text, mentions))
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
    claimed_by = next(
        (m for m in mentions if m.end <= verb.start and _CLAIM_THAT.match(text, m.end)), None
    )
    if verb.kind == "join" and claimed_by and _IT_AFTER.match(text[verb.end :]):
        # "The ruling party's claim that 1,250 Candlelight members defected to it": to the
        # party whose claim it is, from those named between (not the party that disputes it,
        # named after)
        to = claimed_by.name
        between = [m.name for m in mentions if claimed_by.end <= m.start < verb.start]
        froms = [f for f in dict.fromkeys(between or froms) if f != to]
    if (
        to is None
        and verb.kind == "join"
        and roles.sources
        and (
            _IT_AFTER.match(text[verb.end :])
            # "Candlelight says 40 former CPP members signed its membership forms"
            or re.search(r"\bits\b", text[verb.start : verb.end])
            or KHMER_ITS_OWN.match(text[verb.end :])
            or active_welcome(text, verb)
            # "the CPP says 500 members of the opposition CLP switched sides": to the party
            # that says so
            or (
                re.match(r"(?:switch|chang)\w*\s+sides", text[verb.start :], re.I)
                and roles.sources[0] not in froms
            )
            # "គណបក្សX ប្រកាសថា ... បានចូលជាសមាជិក។" (party X announced that ... joined as
            # members.): members of the party that says so
            or (
                re.match(r"ចូល(?:រួម)?\s*ជាសមាជិក", text[verb.start : verb.end])
                and re.fullmatch(r"\s*[។៕.]?\s*", text[verb.end :])
            )
        )
    ):
        to = roles.sources[0]  # "the CPP's branch said 200 members had joined it"
    opener = next((m for m in mentions if m.end <= verb.start), None)
    if (
        to is None
        and verb.kind == "join"
        and opener is not None
        and KHMER_ITS_OWN.match(text[verb.end :])
        # ... perhaps its committee ("គណៈកម្មាធិការគណបក្សX ...", party X's committee)
        and re.fullmatch(
            r"\W*(?:[\u1780-\u17d3]{1,20}\s*[៖:]\s*)?(?:គណៈកម្មាធិការ|ក្រុមការងារ|សាខា)?\s*",
            text[: opener.start],
        )
    ):
        # "គណបក្សX ប្រចាំស្រុក... បានផ្សព្វផ្សាយ ... ថា ... បានចូលរួមជាមួយគណបក្សរបស់ខ្លួន" (party X's
        # branch published ... that ... joined its own party): the party the sentence opens with
        to = opener.name
        froms = [f for f in froms if f != to]
    if to is None and verb.kind == "join" and _OUR_PARTY.search(text):
        # "The Provincial Committee of the CPP is pleased to announce that our party welcomed
        # 95 former GDP members into its ranks": the party that speaks as "we"
        to = next((m.name for m in mentions if m.end <= verb.start), None)
        froms = [f for f in froms if f != to]
    if verb.kind == "join" and _THE_OPPOSITION_JOINED.match(text, verb.end):
        # "The opposition Candlelight Party said 31 members of the ruling CPP had joined the
        # opposition": the party the sentence calls the opposition
        opposition = {
            m.name
            for m in mentions
            if _OPPOSITION_BEFORE.search(text[max(0, m.start - 15) : m.start])
        } or {
            # ... or the text does, before ("the opposition Candlelight Party are trading claims
            # ... ¶ Candlelight says nine CPP members joined the opposition on Sunday")
            m.name
            for m in lexicon.mentions(report.text)
            if _OPPOSITION_BEFORE.search(report.text[max(0, m.start - 15) : m.start])
        } or {
            # ... or, when no party is called so, the party saying it if not the ruling one
            # ("The Candlelight Party said dozens of CPP members had joined the opposition")
            source
            for source in roles.sources[:1]
            if source != lexicon.ruling
        }
        if len(opposition) == 1:
            was_to, to = to, opposition.pop()
            froms = [f for f in [*froms, *([was_to] if was_to else [])] if f != to]
    if verb.kind == "join" and _OUR_PARTY_JOINED.match(text, verb.end):
        # a party's own newsletter: "41 former CNRP activists ... joined our party"
        publisher = {m.name for m in lexicon.mentions(report.outlet or "")}
        if len(publisher) == 1:
            was_to, to = to, publisher.pop()
            froms = [f for f in [*froms, *([was_to] if was_to else [])] if f != to]
    if verb.kind == "leave" and not froms and roles.sources:
        froms = roles.sources[:1]  # "Candlelight said its chief had quit the party"
    the_party = (
        text.startswith("ចូល", verb.start)
        and bool(_KHMER_THE_PARTY.match(text[verb.end :]))
        and "គណបក្ស" in text[verb.end : verb.end + 10]
    )
    if to is None and verb.kind == "join" and _KHMER_THE_PARTY.match(text[verb.end :]):
        # "គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជា... ទទួលពាក្យសុំចូលជាសមាជិកគណបក្ស ពីសំណាក់..." (the
        # CPP's committee received applications to join the party from ...): the host's party
        host = next(
            (
                m.name
                for m in mentions
                if m.end <= verb.start and _KHMER_PARTY_BODY.search(text[: m.start])
            ),
            None,
        )
        if host is not None:
            to, froms = host, [f for f in froms if f != host]
    if (
        to is None
        and verb.kind == "join"
        and re.match(r"វិល|ត្រឡប់|ចូល", text[verb.start : verb.end])
        and _KHMER_THIS_PARTY.match(text, verb.end)
    ):
        # "X, ដែលបានចាកចេញពីគណបក្សA កាលពីឆ្នាំ២០១២ បានវិលត្រឡប់មកគណបក្សនេះវិញ ... ក្រោយពីបាន
        # ដាក់លិខិតលាឈប់ពីគណបក្សB" (X, who left party A in 2012, came back to this party ...
        # after resigning from party B): the party named before it
        # (not the movers' own: "សកម្មជនគណបក្សX ... បានចូលរួមជាមួយគណបក្សនោះ", X's activists
        # joined that party)
        this_party = next(
            (
                m.name
                for m in reversed(mentions)
                if m.end <= verb.start and not _KHMER_MEMBERS_OF.search(text, 0, m.start)
            ),
            None,
        )
        if this_party is not None:
            to, froms = this_party, [f for f in froms if f != this_party]
            froms = froms or [
                m.name
                for m in mentions
                if m.start > verb.end and _KHMER_LEFT_FROM.search(text, 0, m.start)
            ]
    # (not "ចូលជាសមាជិក", joined as members: a membership, whichever party the text is about)
    khmer_join = re.match(r"ចូល(?!ជាសមាជិក)|ប្[តដ]ូរ|វិល|ត្រឡប់", text[verb.start : verb.end])
    announced = re.search(r"(?:ប្រកាស|សម្រេចចិត្ត)\s*$", text[: verb.start]) and re.match(
        r"ចូលរួម", text[verb.start : verb.end]
    )
    if verb.kind == "join" and khmer_join and to is None and not the_party and not announced:
        # "ចូលរួម" alone is attending something, not joining a party; "ចូលជាសមាជិកគណបក្សដែរ"
        # (joined the party too) is joining the party the text is about; its count may still
        # be the exact one of a group told before ("បងប្អូនដែលបានចូលរួមលើកនេះ មានចំនួនសរុប ...");
        # but "បានប្រកាសចូលរួម" (announced they were joining) is no one attending: a move, to
        # the party the text has named
        return Reading(counts=counted_groups(text, mentions))
    if to is not None and not froms and any(
        m.name == to and _FORMER_OF.search(text[max(0, m.start - 30) : m.start]) for m in mentions
    ):
        # "អតីតមន្ត្រីគណបក្សភ្លើងទៀន ... បានវិលត្រឡប់មកគណបក្សភ្លើងទៀនវិញ" (a former official
        # of the CLP came back to the CLP): someone returning, no party left
        return Reading()
    # what follows "ក្នុងនោះ" (among them) tells of some of them: no total, day or year of the act
    # (not "ក្នុងនោះស្ត្រី ៦៣ នាក់", the women among them, after which the sentence goes on)
    among = _AMONG_THEM.search(text, verb.end)
    own = text[: among.start()] if among else text
    if (
        # "..., the latest in a wave that has seen 10,000 switch sides this year": a total
        # told beside the event, after it, is no reason to drop the event
        _RUNNING_TOTAL.search(
            _KHMER_WHO_THEY_WERE.sub(" ", ASIDE.sub(" ", through_clause(own, verb.end)))
        )
        # (a log's line may open with the day it was told: "18/03 | ... since 1 January"; not
        # "Yesterday, ... activists who had drifted away over the past decade returned")
        and not [
            d
            for d in dates
            if not d.reported
            and not d.bound  # "counting from 1 January to 12 February": a span's ends
            and (not _HEADS_LINE.fullmatch(text[: d.start]) or RELATIVE.match(text, d.start))
        ]
        and not _ONE_OCCASION.search(text)
    ):
        return Reading()  # "since January, 9,000 have joined": many events, none of them told
    found = _event_date([d for d in dates if d.start < len(own)], verb, earlier)
    if found is None and _THAT_DAY.search(text):
        # "reported on Tuesday that 2,300 ... had joined that day": the day said is the act's
        found = next((d for d in dates if d.reported and not d.bound), None)
    # "announced on 29 August that he had joined": with no date of the event, the day it was
    # announced is nearer it than the dateline or the day it was published (still a date of
    # saying, so a later sentence's own date replaces it).
    dateline = next((d for d in dates if _ANNOUNCED_ON.search(text[: d.start])), None) or next(
        (d for d in dates if d.dateline), None
    )
    # "X, who was a CLP candidate in 2022, has joined the CPP": the year dates who X was
    # ... and "កាលពីឆ្នាំ២០២០" (back in 2020)
    # (not a year in what the sentence adds about the event: "resigned last week, the latest
    # sign of strain in an opposition ... trying to hold the seats it won in 2022")
    comment = _ABOUT_THE_EVENT.search(text, verb.end)
    past = PAST_YEAR.search(ASIDE.sub(" ", text[: comment.start()] if comment else text))
    past = past or KHMER_PAST_YEAR.search(KHMER_DISSOLVED_IN.sub(" ", own))
    tail = own[verb.end :]
    year_after = None if past else KHMER_PAST_YEAR.search(tail)
    if year_after and not claim_verbs(tail[year_after.end() :]):
        # "រំលឹកដល់ លោក X ដែលបានចាកចេញពីគណបក្សA មកចូលគណបក្សB នៅឆ្នាំ២០១៩" (recalled X, who left
        # A for B in 2019): the year the "ដែល" (who) clause gives its own move, none told after
        past = year_after
    year = int(next(g for g in past.groups() if g)) if past else None
    # (a day the paragraph gave before is no day of this act: "ក៏មានអតីតមន្ត្រី ... កាលពី
    # ឆ្នាំ២០២១ ... បានធ្វើដូចគ្នាដែរ", in 2021 five former officials did the same)
    own_day = found is not None and found in dates
    if not own_day and year and report.published and year < report.published.year:
        return Reading()  # "joined the Candlelight Party in 2013": history, not news
    since = _SINCE_PART_OF_MONTH.search(text)
    if since and report.published and MONTHS[since.group(1).lower()] != report.published.month:
        return Reading()  # "since early January, 1,900 have asked to join": many events
    if found is None and _LONG_AGO.search(through_clause(text, verb.end)):
        return Reading()  # "'defectors' left the party years ago"
    years_after = _YEARS_AFTER.match(text)
    if years_after and verb.start < text.find(",", years_after.end()):
        return Reading()
    if found and report.published and (report.published - found.value).days > 366:
        return Reading()  # "ten years ago, on 26 August 2014, 200 joined": an anniversary
    one_person = (
        _ONE_PERSON.search(text[: verb.start])
        or KHMER_ONE_PERSON.search(text[: verb.start])
        # (with no party of its own, a bare move the sentences before complete)
        or (froms and _KHMER_ONE_SUBJECT.search(text[: verb.start]))
        # "I, Mao Sokhom, ... would like to inform you that yesterday I was received as a
        # member of the CPP": the writer
        or (froms and _writer_moved(text, verb))
        or _SAID_HE.search(text[: verb.start])
        or (
            _MOVED.search(text[verb.start : verb.end])
            and _THE_ONE_PERSON.search(text[: verb.start])
        )
        # a headline's "Former Opposition Party Member Quits Ruling CPP": one role, no article
        or (sentence.index == 0 and _HEADLINE_ONE.search(text[: verb.start]))
        # "On Tuesday, he resigned from the CPP": one person, told before
        or _HE_SUBJECT.search(text[: verb.start])
    ) and not active_welcome(text, verb)  # "A KWP spokesperson welcomed the three": the host
    if one_person and _SPEAKS_FOR_THEM.match(text[: verb.start]):
        one_person = None  # "A representative of the former GDP members said they had ..."
    # Who makes the claim did not move ("said district chief X, who added that the group
    # handed over their cards on 6/7/2023" is a bare sentence dating the move before it).
    claimant = sentence_claimant(text, report, named)
    # ... "X, 29, a vice-chair of the CLP, has left the party, she announced": the one who
    # says it after the act is its subject, named before it
    speaker_moved = re.search(r"\b(?:his|her)\b", text[verb.start : verb.end]) or (
        _SHE_SAID_AFTER.search(text, verb.end) is not None
    )
    people = [
        p for p in people
        if claimant is None or bare_name(p) not in claimant or speaker_moved
    ]  # fmt: skip
    if not counts and not froms and not people and not one_person:
        return Reading(bare=True, to=to, date=found)
    unaside = text
    for a, b in besides:
        unaside = unaside[:a] + " " * (b - a) + unaside[b:]
    group = speaks_of_group(unaside, mentions)
    readings = []
    # the party joined is no group's own party ("the CLP (121 people) and the GDP (25 people)
    # who asked to join the CPP")
    own_mentions = [m for m in mentions if m.name != to]
    groups = segments(counts, own_mentions, verb, text) if counts else [None]
    for i, count in enumerate(groups):
        reasons: list[str] = []
        number: int | None
        if count is not None:
            number, number_text, qualifier = count.value, count.text, count.qualifier
            # (not "431 from the CLP and 81 from the KNUP": the parts of a breakdown)
            if number is not None and people and len(groups) == 1 and (
                re.match(r"\s+other\b|\s*(?:នាក់|រូប)ទៀត", text[count.end :])
                or _ALONG_WITH.search(text[: count.start])
                or _KHMER_ALONG_WITH.search(text[: count.start])
            ):
                # "Mr. X and 12 other committee members", "Mr. X, together with 83 of his
                # supporters": the named people and those who came with them (not those the
                # count itself names after it: "... ពីររូប គឺលោក B និងអ្នកស្រី C", two, B and C)
                number += len([p for p in people if text.find(p) < count.start])
            if (
                number is not None
                and not people
                and len(groups) == 1
                and re.match(r"\s+other\b", text[count.end :])
                and (
                    _ONE_AND.search(text[: count.start])
                    # ... "A ruling party councillor joined the CLP on Monday with 30 other
                    # members of the CPP"
                    or (
                        re.search(r"\bwith\s+$", text[: count.start])
                        and count.start > verb.end
                        and _ONE_PERSON.search(text[: verb.start])
                    )
                )
            ):
                number += 1  # "A sitting CPP commune councillor and 26 other CPP members"
            if (
                number is not None
                and not people
                and len(groups) == 1
                and count.end < verb.start
                and _AND_ONE_MORE.match(text, count.end, verb.start)
            ):
                number += 1  # "Two CLP councillors and the party's youth leader joined"
            if (
                number is not None
                and not people
                and len(groups) == 1
                and re.search(r"\b(?:he|she)\s+and\s+$", text[: count.start], re.I)
            ):
                number += 1  # "said he and ten of his colleagues submitted their applications"
            if (
                number is not None
                and count.start < verb.start
                and _WITH_THEIR_OWN.match(text, verb.end)
                and len(groups) == 1
            ):
                # "four of Candlelight's councillors crossed over with their supporters": more
                # moved than the count, and how many the text does not say
                number = None
                reasons.append(f'"{count.text}" came with others the text does not count')
            if number is None:
                reasons.append(f'"{count.text}" is no count')
        elif people and (
            not group
            or _NAMED_GROUP.search(text)
            # "Former CNRP councillors A, B and C joined": the names are the group
            or re.search(rf"{GROUP.pattern}\s+{re.escape(people[0])}", text, re.I)
            # ... "Mr. A, aged 54, Mr. B, aged 41, and Ms. C, aged 38, former members of the
            # CYP's committee": the group word after the last name says who they were
            or re.search(
                # ... "..., and Ms Keo Sreyneang, 38, former Candlelight Party members of ..."
                rf"{re.escape(people[-1])}(?:,\s*(?:aged\s+)?\d{{1,3}})?,\s*(?:all\s+|both\s+)?"
                rf"(?:former\s+)?(?:[A-Z][\w'-]*\s+){{0,3}}{GROUP.pattern}",
                text,
                re.I,
            )
        ):
            # "X, his wife and two children joined": the relatives moved with X.
            relatives = family_members(unaside)
            number = None if relatives is None else len(people) + relatives
            number_text, qualifier = None, None
        elif not people and one_person and not group:
            number, number_text, qualifier = 1, None, None
        elif not people and not group and _THE_COUPLE.search(text[: verb.start]):
            number, number_text, qualifier = 2, None, None  # "On Wednesday the couple joined"
        else:
            number, number_text, qualifier = None, None, None
        own_froms = froms
        if froms and (_OTHER_PARTIES.search(text) or KHMER_OTHER_PARTIES.search(text)):
            # "former members of the CLP and other opposition parties": the joint row the
            # record keeps ("Candlelight Party / Unnamed Parties")
            own_froms = [*froms, UNNAMED_PARTIES]
        elif not froms and (
            _ONLY_OTHER_PARTIES.search(text[: verb.start])
            # "... welcomed 95 former members of various other parties": the guests, after
            or (active_welcome(text, verb) and _ONLY_OTHER_PARTIES.search(text, verb.end))
        ):
            # "150 former members of various other parties joined": none of them named
            own_froms = [UNNAMED_PARTIES]
        if len(groups) > 1 and count is not None:
            following = groups[i + 1] if i + 1 < len(groups) else None
            end = following.start if following is not None else where_groups_end(verb, text)
            if following is None and count.start > verb.start:
                end = len(text)  # "..., of whom 1,800 were from the CLP and 216 from the GDP"
            own_froms = [m.name for m in mentions if count.end <= m.start < end and m.name != to]
            if not own_froms and OTHER_PARTIES_AFTER.match(text[count.end : end]):
                own_froms = [UNNAMED_PARTIES]  # "... and 216 from other parties"
            elif own_froms and _OTHER_PARTIES.search(text, count.end, end):
                # "In Pursat, 214 members of the CLP and other parties ...; on Sunday, ...":
                # this group's joint row
                own_froms = [*own_froms, UNNAMED_PARTIES]
            counted = [g for g in groups if g is not None]
            if parties_lead(counted, own_mentions, where_groups_end(verb, text), text):
                previous = groups[i - 1] if i else None
                start = previous.end if previous is not None else 0
                own_froms = [
                    m.name for m in mentions if start <= m.start < count.start and m.name != to
                ]
                if not own_froms and KHMER_OTHERS_BEFORE.search(text, start, count.start):
                    own_froms = [UNNAMED_PARTIES]  # "... និងមកពីគណបក្សផ្សេងៗ ចំនួន ៣៨នាក់"
        kind: ProposalKind = "defection"
        if to is None and verb.kind == "leave":
            kind = "departure"
        elif to is None:
            reasons.append(UNNAMED_DESTINATION)
        day = found
        if len(groups) > 1 and count is not None:
            # "On Saturday in A, 312 ... were welcomed; on Sunday in B, 95 ...": each group on
            # the day of its own clause
            a = text.rfind(";", 0, count.start) + 1
            b = text.find(";", count.end)
            clause = [d for d in dates if a <= d.start < (b if b >= 0 else len(text))]
            days = {d.value for d in dates if not d.reported}
            if len(days) > 1 and len({d.value for d in clause if not d.reported}) == 1:
                day = next(d for d in clause if not d.reported)
        readings.append(
            Proposal(
                date=day.value if day else (dateline.value if dateline else report.published),
                date_kind="event" if day else "published",
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
    if (
        len(readings) == 1
        and _RESPECTIVELY.search(text)
        and len(counts) == len(readings[0].from_parties) > 1
    ):
        # "From the LDP and the CNLP came, respectively, 19 and 33 activists": a count each
        joint = readings[0]
        return Reading(
            proposals=[
                replace(
                    joint,
                    number=count.value,
                    number_text=count.text,
                    qualifier=count.qualifier,
                    from_parties=[party],
                    new_parties=[p for p in joint.new_parties if p == party],
                )
                for count, party in zip(counts, joint.from_parties, strict=True)
            ]
        )
    if len(readings) == 1:
        readings = per_person(readings[0], text, mentions, verb)
    return Reading(proposals=readings)


_SHE_SAID_AFTER = re.compile(r",\s+(?:she|he)\s+(?:said|announced|told|wrote|confirmed)\b")
_A_POST_QUOTED = re.compile(r"\b(?:the\s+)?(?:caption|post|message)\s+(?:read|said|says)\b", re.I)
_AMONG_THEM = re.compile(
    r"ក្នុង(?:ចំណោម)?(?:នោះ|ពួកគេ)(?!\s*(?:មាន)?\s*(?:ស្ត្រី|ស្រី|នារី)\s*(?:ចំនួន)?\s*[0-9០-៩])"
)
_ABOUT_THE_EVENT = re.compile(
    r",\s+(?:the|a|an)\s+(?:latest|newest|biggest|largest|sign|blow|setback)\b|,\s+amid\b"
    r"|,\s+in\s+a\s+(?:sign|blow)\b",
    re.I,
)
_ANNOUNCED_ON = re.compile(
    # ... "claimed on Sunday that 600 had defected", "confirmed on Sunday, October 1": the day it
    # was said, nearer the move than the day it was published
    r"\b(?:announced|wrote|posted|said|claimed|confirmed|stated|reported)\s+"
    # ... "reported last Wednesday that"
    # ... "posted photographs on Sunday of a crowd"
    r"(?:(?:on|in|via)\s+(?:[\w'-]+\s+){1,3}?|(?:a|an|the)\s+\w+\s+|(?:photos|photographs|"
    r"pictures|videos?|a\s+video)\s+)?(?:on\s+|last\s+)?$"
    # ... "a post on the same page on 9 May said", "an earlier post, dated 9 May, said"
    # (lower case: not "told the Evening Post on Monday", an outlet)
    r"|\b(?-i:post|statement|announcement|message|release|notice)s?\b[^.;]{0,40}?(?:dated|on)\s+$",
    re.I,
)


def _event_date(dates: list[FoundDate], verb: Verb, earlier: list[FoundDate]) -> FoundDate | None:
    own = [d for d in dates if not d.reported]
    if own:
        return min(own, key=lambda d: abs(d.start - verb.start))
    return earlier[-1] if earlier else None
