"""The words that make a sentence a claim of moving between parties, and those that make it
something else (an alliance, a merger, a petition, a protest, a registration, a plan to join
later, a denial).

>>> [v.kind for v in claim_verbs("Nine members quit the CLP and joined the CPP")]
['leave', 'join']
>>> [v.kind for v in claim_verbs("He said he plans to join the CPP after the harvest")]
[]
>>> not_a_claim("The two parties signed an alliance on 9 July")
'an alliance or merger of parties'
>>> not_a_claim("An earlier version of this article said 60 members joined the CPP.")
'a correction or retraction'
>>> claim_verbs("Forty newly elected CPP councillors were sworn in on 5 July")
[]
>>> claim_verbs("The welcoming ceremony was presided over by the governor")
[]
>>> [v.kind for v in claim_verbs("On 2 May the governor received 52 members")]
['join']
>>> [v.kind for v in claim_verbs("About 400 CLP members joined")], claim_verbs("about to join")
(['join'], [])
>>> not_a_claim("សមាជិកជាង ៣០០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា") is None
True
>>> claim_verbs("សមាជិក ៥០នាក់ កំពុងរៀបចំដាក់ពាក្យចូលគណបក្ស"), not_a_claim("បានច្រានចោលព័ត៌មាននេះ")
([], 'a denial')

Regular expressions written here: the cue words are the project's own judgement of what the
press writes, which no library holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.ingest.intake.clauses import QUOTED

_JOIN = (
    # (not a headline's "quit party, join no one": no party joined)
    r"\b(?:(?:re)?join(?:ed|s|ing)?(?!\s+(?:no\s+one|nobody|no\s+(?:other\s+)?party|none)\b)|defect(?:ed|s|ing)?|"
    # (not "said the switch had little to do with conviction": the noun, as a subject; but
    # "announced the switch on Sunday" tells the move)
    r"(?:(?<!the\s)(?<!this\s)(?<!that\s)|(?=switch\s+(?!(?:had|has|was|is|would|will|may|might|"
    r"could)\b)))switch(?:ed|es|ing)?(?:\s+allegiance)?|"
    # ... "crossed to the CPP"
    r"cross(?:ed|es|ing)?\s+(?:over|to(?=\s+(?:the\s+)?(?:x{3,}|(?-i:[A-Z]))))|jump(?:ed|s|ing)?\s+ship|"
    # "came home to the big family of the CPP"
    r"(?:came|come|comes|coming)\s+(?:back\s+)?home\s+to(?=\s+(?:the\s+)?(?:big\s+|great\s+)?"
    r"(?:family|fold|embrace|xxx))|(?:went|go|goes|going)\s+back\s+to(?=\s+(?:the\s+)?(?:xxx|(?-i:[A-Z])))|"
    r"(?:were|was)\s+signed\s+up\b|"
    r"pledg(?:ed|es|ing)\s+(?:to\s+support(?=\s+(?:the\b|(?-i:[A-Z])))|(?:their\s+|his\s+|her\s+)?(?:support|allegiance|"
    r"loyalty)\s+(?:to|for))|(?:went|gone|came|come)\s+over(?!\s+from\b)|"
    # (not "1,240 families had been moved to higher ground", "moved to a shelter": a place)
    # ... nor "have since moved to Phnom Penh for work": a party after it, or "the other side"
    r"mov(?:ed|es|ing)\s+(?:over\s+)?to(?!\s+(?:higher|safe|safer|safety|shelters?|a\s+shelter|"
    r"camps?|new\s+homes?|another\s+(?:village|province|district|house|job)))"
    r"(?=\s+(?:the\s+|its\s+|their\s+)?(?:x{3}|ruling|opposition|royalist|other\s+side|"
    r"(?:[\w-]+\s+){0,3}?(?i:part(?:y|ies))\b|(?-i:[A-Z]{3,})\b))|"
    # "I was honoured to welcome about 300 former activists ... into the big family of the CPP"
    r"welcome\s+(?:[\w.,'’-]+\s+){1,14}?into\b|"
    # (not "welcomes everyone without discrimination": an open door, no one who came)
    r"welcom(?:ed|es|ing)(?!\s+(?:ceremon(?:y|ies)|events?|speech|remarks|address|party|reception|"
    r"competition|criticism|every(?:one|body)|any(?:one|body)|"
    r"(?:the|their|his|her|its)\s+(?:decision|move|news|announcement|results?|ruling|verdict|"
    r"choice))\b)|"
    # (not "embraced each of them": a hug for those who came, told before)
    r"embrac(?:ed|es|ing)(?!\s+(?:each|every|all|them|him|her)\b)|"
    # (not "returning the party to power": an election's result)
    r"return(?:ed|s|ing)?\s+(?:\w+\s+){0,2}?(?:to|with)(?!\s+(?:power|office|government)\b)|"
    # ... a headline's "Villagers who joined CPP before election drift back to Candlelight"
    # ... "have gone back to the opposition Candlelight Party"
    r"drift(?:s|ed|ing)?\s+back\s+to|(?:go(?:es|ne|ing)?|went)\s+back\s+to(?=\s+(?:the\s+)?"
    r"(?:(?:opposition|ruling|royalist)\s+)?x{3,})|"
    # a headline's "Candlelight activists turn to the CPP" (a party's name after it)
    r"(?<!re)turn(?:s|ed|ing)?\s+to(?=\s+(?:the\s+)?x{3,})|"
    # "accepted membership of the CPP"
    r"accept(?:ed|s|ing)\s+(?:\w+\s+){0,2}?membership\s+(?:of|in)\b|"
    # (not "handed back their Candlelight cards": given up, a leaving; nor "She handed each
    # family a membership card": the host's gift to those told before)
    # ... nor "X presented membership cards and rice to each new member": the host's gift
    r"(?:receive|received|receiving|handed(?!\s+(?:back|over|in|each|every)\b)|given|were\s+given|issued|"
    # ... nor "The working group presented him with a membership card": the one told before
    r"presented(?![^.]{0,60}\bto\s+(?:each|every|all|the\s+new)\b)(?!\s+(?:him|her|them)\s+with\b)|"
    r"took|taken|accepted)\s+(?:\w+\s+){0,3}?"
    # "received his FUNCINPEC card": a party's name (its letters masked) before the card
    r"(?:membership|party|CPP|x{3,})\s+cards?|"
    # ... a caption translated from Khmer: "H.E. X hand CPP membership cards to 57 family"
    # (not "hands out new membership cards to 4,500 members": a renewal)
    r"(?:hand|hands|give|gives|present|presents)\s+(?:x{3,}\s+|CPP\s+)?(?:membership|party)\s+cards\s+"
    r"to(?=\s+(?:(?:about|some|around|nearly|more\s+than|over)\s+)?\d)|"
    # a caption's "415 members ... raise their new CPP membership cards"
    r"(?:rais(?:e|es|ed|ing)|hold(?:s|ing)?|show(?:s|ed|ing)?)\s+(?:up\s+)?their\s+new\s+"
    r"x{3,}\s+(?:membership\s+|party\s+)?cards?|"
    r"ceremony\s+(?:[\w,]+\s+){0,10}?to\s+(?:receive|welcome|accept|admit)|"
    # "held a ceremony at the provincial hall for about 210 people": those it received
    r"held\s+an?\s+ceremony\s+(?:[\w,]+\s+){0,6}?for(?=\s+(?:(?:about|some|around|nearly|more\s+than|over)\s+)?\d)|"
    # ... "received new members who have voluntarily left their former parties"
    r"receiv(?:ed|es|ing)(?=\s+new\s+members\b)|"
    # ... "the CPP working group reported 25 new members: 19 from the CLP and 6 from the GDP"
    r"report(?:ed|s)(?=\s+(?:about\s+|some\s+)?\d[\d,]*\s+new\s+members\b)|"
    r"(?:receiv(?:e|ed|es|ing)|accepted|admitted)"
    # ... "received a further 180 members", "another 45"
    r"(?=\s+(?:(?:more|than|over|about|some|nearly|around|another|a\s+further)\s+){0,2}\d)"
    # not "received 25 kilograms of rice", "received 85 percent of the vote": things
    r"(?!\s+[\d,.]+\s*(?:kg\b|kilo|bags?\b|sacks?\b|tonnes?\b|tons?\b|riels?\b|dollars?\b|"
    r"boxes\b|bottles?\b|%|percent\b|per\s+cent\b|votes?\b|seats?\b))|"
    # ... 'had been "warmly received" into the CPP'
    r"(?:was|were|been)\s+[\"“]?(?:\w+\s+)?received\b[\"”]?(?!\s+(?:a|an|the|their|his|her)\b)|changed\s+sides|(?:took|taken|take)\s+up\s+membership|"
    # "staged the welcome of some 2,000 opposition supporters": the noun, a count after it
    # ... "the reception on 2 March of 41 members"
    r"(?:welcome|reception)\s+(?:on\s+(?:\d{1,2}\s+\w+|\w+\s+\d{1,2})\s+)?"
    r"of(?=\s+(?:(?:some|about|around|over|nearly|more\s+than)\s+)?\d)|"
    # "have requested, and today received, membership of the CPP"
    r"(?:received|receiving|granted|given|took|taken|taking),?\s+(?:full\s+)?membership\s+(?:of|in)\b|"
    # "exchanged their membership for that of the CPP", "took FUNCINPEC membership"
    r"(?:exchanged|traded|swapped)\s+(?:their|his|her)\s+(?:\w+\s+)?membership\s+for\s+"
    r"(?:that|those|one)\s+of|"
    # "decided to leave their old party and stand under the banner of the CPP"
    r"(?:stand|stood|standing|came|come|gather(?:ed)?)\s+under\s+the\s+(?:banner|flag|umbrella|roof)\s+of|"
    # ... "exchanged their old cards for CPP ones"
    r"(?:exchanged|traded|swapped)\s+(?:their|his|her)\s+(?:\w+\s+){0,2}?cards?\s+for(?=\s+x{3,})|"
    # ... "signed CPP forms", "signed its membership forms"
    r"signed\s+(?:an?\s+)?(?:x{3,}|party|membership|application|its|their)\s+"
    r"(?:membership\s+|application\s+)?forms?\b|"
    # ... "walked into the CLP's office, filled in a membership form"
    r"filled\s+(?:in|out)\s+(?:an?\s+)?(?:x{3,}\s+)?(?:membership|application)\s+forms?\b|"
    # ... "traded their party for the CPP"
    r"(?:exchanged|traded|swapped)\s+(?:their|his|her)\s+(?:old\s+)?(?:party|allegiance)\s+for(?=\s)|"
    r"(?:took|taken|take|taking|receiv(?:e|es|ed|ing))\s+(?:x{3,}|ruling[- ]party|party)\s+"
    r"membership\b|"
    r"sworn\s+in(?=\s+(?:as|to|into)\b)|received\s+(?:[\w.,'’-]+\s+){0,12}?into|"
    r"(?:accepted|admitted)\s+(?:into|as)|(?:submitted|filed|lodged|signed|handed\s+in)\s+(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:membership\s+)?applications?|"
    # "came to the district hall to apply for membership of the CPP"
    r"(?:appl(?:y|ied|ying))\s+for\s+(?:party\s+|full\s+)?membership\s+(?:of|in)\b|"
    r"(?:introduced|presented|unveiled)\s+as\s+(?:a\s+)?(?:new\s+)?(?:\w+\s+)?members?\b|"
    # "a further 33 followed on Sunday"
    # ... "took the same step"
    r"did\s+(?:the\s+)?(?:same|likewise)|(?:took|take|takes|taking)\s+the\s+same\s+step|followed\s+suit|followed(?=\s+(?:on|later|the\s+next)\b)|took\s+the\s+(?:\w+\s+)?oath|"
    r"swore\s+(?:an\s+oath\s+of\s+)?allegiance|signed\s+(?:on|up)(?=\s+(?:(?:on|last)\s+\w+\s+)?(?:with|to|at|as)\b|\s*[.,;])|(?:are|were)\s+now\s+(?:counted\s+)?among|(?:continued|went\s+on)\s+to\s+(?:receive|welcome|accept)|signed\s+(?:up\s+)?(?:\w+\s+){0,3}?membership|signed\s+up\s+(?:with|for)|"
    r"(?:sought|seeking|applied\s+for|requested)\s+(?:\w+\s+){0,2}?membership|inducted\s+into|(?:become|became|becoming)\s+(?:\w+\s+){0,2}?members?\b|rallied\s+to|"
    r"defectors?\s+to|lost\s+(?:[\w,]+\s+){1,4}?to|admitted\s+(?:\w+\s+){0,2}?(?:into|to))\b"
)
# "ចូលរួម" before an undertaking ("ចូលរួមកសាង" take part in building, "ចូលរួមបោះឆ្នោត" take
# part in voting, "ចូលរួមពិធី" attend a ceremony) is taking part in it, not joining a party.
_KHMER_TAKING_PART = (
    # "ចូលរួមក្នុងពិធីជួបជុំ" (took part in a gathering), "ចូលរួមក្នុងការ..." (in doing ...) the same
    # ... "ចូលរួមការបោះឆ្នោត" (take part in the election): a noun after it, an undertaking
    # ... "ចូលរួមក្នុងក្បួនដង្ហែយុទ្ធនាការ" (took part in a campaign procession)
    # ... "ដែលមានក្រុមចូលរួមចំនួន 8 ក្រុម" (in which 8 teams took part): how many attended
    r"(?!\s*(?:ក្នុង\s*(?:ការ|ជួបជុំ|យុទ្ធនាការ|មហាសន្និបាត|ហែក្បួន|ក្បួន)|ការ|ចំនួន|(?:ក្នុង\s*)?(?:កសាង|អភិវឌ្ឍ|"
    r"បោះឆ្នោត|ពិធី|កម្មវិធី|ប្រជុំ|ចំណែក|ដោះស្រាយ|ថែរក្សា|ការពារ)))"
)
# ប្ដូរ and ប្តូរ: the two subscript forms Khmer keyboards type for one word. "ពិធីទទួលស្វាគមន៍"
# (the welcoming ceremony) and "ចំពោះការទទួលស្វាគមន៍" (for the welcome) name the occasion, as
# English "welcoming ceremony" does: no act of welcoming anyone; "ស្វាគមន៍ចំពោះការសម្រេចចិត្ត"
# (welcomed the decision) welcomes a thing, not people.
# "ចូលឆ្នាំ" (entering the year) is the New Year, no joining; "ផ្លូវចូលភូមិ" (the road into
# the village), "ចូលផ្ទះ" (went into the house): a way into a place.
_A_BODY = r"\s*(?:ក្រុមការងារ|គណៈកម្មាធិការ|ក្រុមប្រឹក្សា|គណៈប្រតិបត្តិ)"
_KHMER_JOIN = (
    # (not "ចូលជាសមាជិកក្រុមការងារ", joined a working group as members: a body, no party)
    rf"ចូលរួមជាមួយ|ចូលជាមួយ|ចូលជាសមាជិក(?!{_A_BODY})|ចូលរួម{_KHMER_TAKING_PART}|រត់ចូល|"
    rf"ចូល(?!រួម|ឆ្នាំ|ភូមិ|ផ្ទះ|ជាសមាជិក{_A_BODY})|"
    # "ផ្ទេរខ្លួនមក" (transferred themselves to), "ផ្ទេរសមាជិកភាពមក" (transferred membership to)
    # "ចុះឈ្មោះជាសមាជិក" (signed up as members of)
    r"ផ្ទេរ(?:ខ្លួន|សមាជិកភាព)?\s*មក|ចុះឈ្មោះជាសមាជិក|"
    # "ឆ្លងមកគណបក្សX" (crossed over to party X); "មកឈរនៅក្រោមទង់គណបក្សX" (came to stand under
    # party X's flag), as "ក្រោមម្លប់" (under the shade of)
    # ... "ដើរតាមគណបក្សX" (followed party X)
    # ... "មកជ្រកក្រោមម្លប់" (came to shelter under the shade of)
    # ... "រួមដំណើរជាមួយគណបក្សX" (went along with party X)
    # ... "ឆ្លងមករួមរស់ជាមួយគណបក្សX" (crossed over to live together with party X)
    r"(?:ឆ្លង(?:មក|ទៅ)(?:\s*(?:កាន់|រួម(?:រស់)?\s*ជាមួយ|ជាមួយ))?|ដើរតាម|រួមដំណើរ\s*(?:ជាមួយ|នឹង))(?=\s*(?:គណបក្ស|បក្ស|x{3,}))|"
    r"(?:មក)?(?:ឈរ|ជ្រក(?:កោន)?)\s*(?:នៅ)?\s*ក្រោម(?:ទង់|ម្លប់)|"
    # ... "ចូលមកក្រោមដំបូលគណបក្សX" (came under the roof of party X), "បានធ្វើដូចគ្នា" (did the
    # same), as English "did the same"
    r"ចូលមក\s*ក្រោម\s*ដំបូល|(?<=បាន)ធ្វើដូចគ្នា|"
    # "ត្រូវបានប្រកាសទទួលស្គាល់ជាសមាជិកគណបក្សX" (were declared recognised as members of party X)
    r"ទទួលស្គាល់\s*ជាសមាជិក|"
    # "ប្តេជ្ញាចិត្តគាំទ្រ" (pledged to support), as English "pledged to support the CPP"
    r"ប្[តដ]េជ្ញា(?:ចិត្ត)?\s*គាំទ្រ(?=\s*(?:គណបក្ស|បក្ស|xxx))|"
    # "ងាកមកគាំទ្រ" (turned to support)
    # not "ផ្លាស់ប្តូរ" (change, of anything), "ជាជាងងាកទៅ" (rather than turning to)
    # "វិលត្រឡប់មកបម្រើគណបក្សX វិញ" (came back to serve party X)
    # ... "ផ្លាស់មកជាសមាជិកគណបក្សX" (moved over to be members of party X)
    # not "បើកទ្វារស្វាគមន៍" (opens the door to welcome), nor "«ស្វាគមន៍» ប្រសិនបើ..." (would
    # welcome them if ...): an open door, a condition
    r"ប្[តដ]ូរមក|(?<!ផ្លាស់)ប្[តដ]ូរ|ផ្លាស់\s*មក(?=\s*(?:ជា|កាន់|ចូល)?\s*(?:សមាជិក)?\s*(?:គណបក្ស|បក្ស|x{3,}))|(?<!ជាជាង)ងាក(?:មក|ទៅ)|(?:វិល)?ត្រឡប់(?:មក|ទៅ)|(?<!ពិធី)(?<!ពិធីទទួល)(?<!ការទទួល)(?<!ការ)(?<!បើកទ្វារ)(?<!សុន្ទរកថា)ស្វាគមន៍(?!\s*[»\"”]?\s*(?:ប្រសិន)?បើ)"
    # not "ស្វាគមន៍ការចូលរួមនេះ" (welcomed this joining): a thing welcomed; nor "ស្វាគមន៍
    # «អ្នកស្រឡាញ់លទ្ធិប្រជាធិបតេយ្យគ្រប់រូប»" (welcomes everyone who loves democracy): no one
    r"(?!\s*(?:និង\S{1,20}?)?\s*ចំពោះ|\s*ការ|[^។]{0,40}គ្រប់(?:រូប|គ្នា))|"
    # "បានទទួល(បាន)សមាជិកថ្មី ៨៥នាក់" (received, gained 85 new members), as English "received"
    r"(?<!ពិធី)(?<!ការ)ទទួល(?:បាន)?(?=\s*(?:អតីត)?\s*(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ|មន្ត្រី))|"
    # ... a list's "ទទួលបងប្អូនចំនួន ១៣០ នាក់" (received 130 brothers and sisters), "ទទួល ៨៨
    # គ្រួសារ" (received 88 families): a count of people right after it
    r"(?<!ពិធី)(?<!ការ)ទទួល(?=\s*(?:បងប្អូន|ប្រជាពលរដ្ឋ)?\s*(?:ចំនួន\s*)?(?:ប្រមាណ\s*|ជាង\s*)?"
    r"[0-9០-៩]+\s*(?:នាក់|រូប|គ្រួសារ))|"
    # ... "ត្រូវបានទទួលយកជាសមាជិកគណបក្សX" (were accepted as members of party X)
    r"(?<=ត្រូវបាន)ទទួល(?:យក)?(?=\s*ជា\s*សមាជិក)|"
    # "ពិធីទទួលស្វាគមន៍សមាជិកថ្មីចំនួន ៤៥៦នាក់" (the ceremony welcoming 456 new members), as
    # English "a ceremony to welcome 300"
    # ... "សរុបចំនួន ៤៥៦នាក់" (456 in all), "ជាង ៣០០នាក់" (more than 300)
    # ... "ពិធីទទួលសមាជិកថ្មី ដែលជាអតីតសមាជិកគណបក្សX ចំនួន ៦៤ គ្រួសារ" (new members, who are
    # former members of party X, 64 families)
    # ... "ពិធីទទួលសមាជិកថ្មី មកពីគណបក្សX ចំនួនពីររយ..." (new members from party X, two hundred
    # ...): the party before the count, the count in words
    # ... "ពិធីទទួលស្វាគមន៍ អតីតសមាជិកគណបក្សX ប្រមាណពី ៥០ ទៅ ៦០គ្រួសារ" (former members of party
    # X, about 50 to 60 families)
    r"(?<=ពិធី)ទទួល(?:ស្វាគមន៍)?(?=\s*(?:អតីត)?(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ)\S*\s*(?:ដែលជា[^។0-9០-៩]{0,80})?"
    # ... "ពិធីទទួលស្វាគមន៍សមាជិកថ្មី ដែលមកពីគណបក្សX ជិត ២០០ នាក់" (new members who came from party
    # X, nearly 200)
    r"(?:(?:ដែល\s*)?មកពី\s*[^។0-9០-៩\s]{2,40}\s*)?"
    r"(?:សរុប|ជាង|ប្រមាណ(?:\s*ពី)?|ជិត)?\s*(?:ចំនួន)?\s*(?:សរុប\s*)?(?:[0-9០-៩]|(?<=ចំនួន)(?:មួយ|ពីរ|បី|បួន|ប្រាំ|ដប់|ម្ភៃ|"
    r"សាម|សែ|ហា|ហុក|ចិត|ប៉ែត|កៅ)))|"
    # ... "ពិធីទទួលសមាជិកថ្មី ដែលមកពី៖" (a ceremony to receive new members, who came from:),
    # a list of groups after it
    r"(?<=ពិធី)ទទួល(?:ស្វាគមន៍)?(?=\s*សមាជិក(?:ថ្មី)?\s*(?:ដែល)?\s*(?:មកពី|រួមមាន)\s*[៖:]\s*$)|"
    # "បានទទួលប័ណ្ណសមាជិកគណបក្សX" (received party X's membership cards), as English
    # ... "បានកាន់ប័ណ្ណសមាជិកគណបក្សX ហើយ" (now holds party X's card); not "អ្នកកាន់ប័ណ្ណ" (card
    # holders), "ធ្លាប់កាន់ប័ណ្ណ" (once held one), "នៅតែកាន់ប័ណ្ណ" (still holds one)
    r"(?<!ការ)(?:ទទួល(?:បាន|យក)?|យក)\s*ប័?ណ្ណ\s*សមាជិក(?:ភាព)?|"
    r"(?<=បាន)កាន់\s*ប័?ណ្ណ"
)
_LEAVE = (
    # ... "decided to leave the ruling party": the decision told as done
    # (not "voters left without a party": no party left)
    r"\b(?:quit|quits|quitting|left(?!\s+without\b)|leav(?:es|ing)|(?<=decided\sto\s)leave(?=\s+the\s|\s+(?-i:[A-Z])|\s+xxx)|leave(?=\s+(?:the\s+)?(?:x{3,}|(?-i:[A-Z])[\w'-]*)\s+for\s)|resign(?:ed|s|ing)?|"
    r"abandon(?:ed|s|ing)?|"
    r"desert(?:ed|s)?|walked\s+out\s+of|broke\s+(?:away\s+)?(?:from|with)|split\s+from|"
    # "handed over their old party cards", "he made the decision on 10 February": a move told
    # again, which dates the one before when it has no date of its own
    r"(?:handed|turned)\s+(?:over|in|back)\s+(?:\w+\s+){0,3}?cards?|"
    r"resignations?\s+(?:were|was|had\s+been)\s+(?:submitted|handed\s+in|filed|accepted)|"
    # "follow the resignation of 12 Candlelight commune councillors on January 22"
    r"resignations?\s+of(?=\s+(?:some\s+|about\s+|more\s+than\s+)?(?:\d|[a-z]+\s+(?:\S+\s+)?"
    r"(?:councill?ors|members|officials|activists)))|"
    # ... "handed in a letter of resignation"
    r"(?:submitted|handed(?:\s+in)?|filed|tendered|announced|sent|delivered)\s+"
    # ... "submitted resignation letters", "a joint letter of resignation"
    r"(?:(?:his|her|their|a)\s+)?(?:joint\s+)?"
    r"(?:letters?\s+of\s+)?resignations?"
    r"(?:\s+letters?)?|"
    r"(?:end(?:ed|ing)|gave\s+up|giving\s+up)\s+(?:his|her|their)\s+(?:party\s+)?membership|"
    r"walked\s+away\s+from|"
    # "the CLP lost its deputy chief in Santuk, X, who resigned": the party's loss (not "lost
    # 40 members to the CPP", a move to it)
    r"lost\s+(?:its|their|one\s+of\s+its)\s+(?:[\w'-]+\s+){0,3}?(?:chief|official|councill?or|"
    r"leader|deputy|secretary|president|coordinator|head|organi[sz]er|lawmaker|member)\b"
    r"(?![^.;]*\bto\s+the\b)|"
    r"(?:(?<=\bhe\s)|(?<=\bshe\s))made\s+(?:the|this|that|his|her)\s+decision(?!\s+to\b))\b"
)
# ... "ឈប់ពីគណបក្ស" (quit the party)
_KHMER_LEAVE = r"ចាកចេញ|លាលែង|លាឈប់|ដកខ្លួន|ឈប់(?=\s*ពី\s*(?:x{3,}|គណបក្ស|បក្ស|ការ?ជាសមាជិក|សមាជិកភាព))"
# (a Khmer word never starts with a subscript: "រាប់បញ្ចូល", counted in, holds no "ចូល")
_VERB = re.compile(
    rf"(?P<join>{_JOIN}|(?<!\u17d2)(?:{_KHMER_JOIN}))|(?P<leave>{_LEAVE}|(?<!\u17d2)(?:{_KHMER_LEAVE}))",
    re.I,
)
# Before a verb: a plan, a wish or a prediction rather than an act; or a denial.
_INTENTION = re.compile(
    # not "expressed their will to join": the noun
    r"(?:\b(?:(?<!their\s)(?<!his\s)(?<!her\s)(?<!own\s)(?<!free\s)will|would|shall|plans?|planning|planned|intends?|intending|intended|expects?|"
    r"expected|going|wants?|wanted|wish(?:es|ed)?|hopes?|hoped|ready|prepar(?:ed|ing)|promised|pledged|"
    r"vowed|"
    r"(?:set|about)(?=\s+to\b)|threaten(?:ed|s)?|consider(?:ing|s|ed)?|"
    # ... 'was "thinking seriously" about joining'
    r"think(?:ing|s)?[\"”’']?\s+(?:\w+[\"”’']?\s+)?(?:about|of)|(?<!\d\s)may(?!\s+\d)|"
    r"might|could|likely|whether|if|unless|until|weigh(?:s|ing)?|mull(?:s|ing)?|"
    # ... "accusing local authorities of pressuring its councillors to join"
    r"invited|urged|(?:were|was|been|being)\s+asked|called\s+on|encouraged|offered|pressured|"
    r"pressed|pressure|pressuring|forcing|coercing|bribed|paid)\b"
    # not across "and": "pledged to support and joined the CPP" tells the act done
    r"(?:\s+(?!and\b)\w+){0,3}?\s+(?:to\s+)?(?:be\s+)?"
    # "plans to return next month and join the CPP": the plan holds both verbs
    # ... "he will come home and join the CPP"
    # ... "were each offered $500 and a motorbike to join": an inducement, however far
    r"|\b(?:offered|pressured|pressuring|forcing|coercing|bribed|urged|invited)\b[^.;,]{0,50}?\bto\s+"
    r"|\b(?:(?:plans?|planning|intends?|intending|wants?|hopes?|expects?)\s+to|"
    r"(?<!their\s)(?<!his\s)(?<!her\s)(?<!own\s)(?<!free\s)will|would)\s+"
    r"(?:[\w,]+\s+){1,8}?(?:and|then)\s+"
    # "their decision to join": the move named again, not a new one
    r"|\b(?:their|his|her)\s+(?:\w+\s+)?decision\s+to\s+"
    # "were told by the commune chief to join the CPP": an order, not an act
    r"|\b(?:were|was|been|being)\s+(?:told|ordered|instructed|asked|invited)\b(?:\s+\w+){0,6}?\s+to\s+"
    # ... "ត្រូវបានគេអញ្ជើញឱ្យចូល" (was invited to join)
    # ... "ត្រូវគេស្នើឱ្យចូល" (was asked to join), "ជំរុញឱ្យ" (urged to), "អញ្ជើញលោកឱ្យចូល"
    # (invited him to join)
    r"|(?:អញ្ជើញ|ស្នើ(?:សុំ)?|ជំរុញ)[^\s។]{0,12}?\s*(?:ឱ្យ|ឲ្យ|អោយ)\s*"
    # "អាច(នឹង)ចូល" (may join), "មិនអាចចូលរួម" (cannot take part): a possibility, not an act;
    # "តែងតែស្វាគមន៍" (always welcomes): a habit, no one event; "កំពុងរៀបចំដាក់ពាក្យចូល" (are
    # getting ready to apply to join), "ត្រៀមខ្លួនចូល" (prepared to join): not yet done
    # ... "(មិន)មានគម្រោងចូល" (has (no) plan to join)
    # ... "កំពុងពិចារណា" (is considering), as English "considering"
    # ... "បើពួកគេចាកចេញពិតមែន" (if they really left): a condition, as English "if"
    # ... "កំពុងគិតចូល" (is thinking of joining)
    # ... "សូមអញ្ជើញមកចូលរួម" (please come and join): a request; "កំណត់គោលដៅទទួល..." (set
    # a target to receive ...): a goal
    r"|(?:សូម|គោលដៅ|នឹង|គ្រោង|គម្រោង|មានបំណង|ប្រហែលជា|ចង់|អំពាវនាវ|អាច|តែង(?:តែ)?(?!តាំង)|កំពុងរៀបចំ|កំពុងគិត|"
    r"ត្រៀម(?:ខ្លួន)?|"
    r"(?:ប្រសិន)?បើ(?!\s*(?:តាម|ទោះ)|ក)|"
    # ... "ពិចារណាថា តើគួរប្តូរ..." (considering whether they should switch): a question
    # ... "គួរតែលាលែង" (should resign): advice, not an act
    r"ពិចារណា(?:\s*អំពី)?|តើ(?:គួរ(?:តែ)?|នឹង)|គួរ(?:តែ)?)"
    r"\s*(?:\S+\s*)?"
    # ... "មានគម្រោងនាំសមាជិកប្រមាណ ៥០០នាក់ ទៅចូលរួម" (plans to bring some 500 members to join):
    # a plan, however far before its verb
    # ... "រំពឹងថានឹងមានសកម្មជន ... ប្រមាណ ៥០០ នាក់ មកចូលរួម" (expects some 500 activists to
    # come and join)
    # ... "នឹងដឹកនាំសកម្មជនជាង ៣០០ នាក់ ចូលរួម" (will lead more than 300 activists to join)
    r"|(?:គ្រោង|គម្រោង|មានបំណង|រំពឹង|នឹង(?:ដឹក)?នាំ)(?:[^\s។]*\s*){0,5})$",
    re.I,
)
# A headline's "to Join" after no verb of its own, before a time to come: "Over 1,000
# Candlelight Members in Kampong Chhnang to Join CPP This Sunday", an event still to come (not
# "Councillor Quits CLP to Join CPP", which left to join, nor "Members Ask to Join CPP")
_TIME_TO_COME = re.compile(
    r"\b(?:this|next|coming)\s+(?:week(?:end)?|month|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"|\btomorrow\b|\bsoon\b",
    re.I,
)
_HEADLINE_FUTURE = re.compile(
    r"^(?!.*\b(?:Quit|Leave|Left|Resign|Defect|Decide|Agree|Vote|Choose|Chose|Opt|Return|Move|"
    r"Switch|Cross|Walk|Break|Broke|Flock|Rush|Apply|Applie|Sign|Abandon|Ditch|Desert|Exit|Head|"
    r"Go|Went|Come|Came|Turn|Bolt|Jump|Depart|Step|Stepp|Drop|Dropp|Split|Shift|Hop|Hopp)"
    r"(?:s|es|ed|ing)?\b)[^\n]{0,160}?\s+to\s+$"
)
_NEGATION = re.compile(
    # ... "to stay in politics without joining the ruling party"
    r"\bwithout\s+$|"
    # ... "a statement denying that its Kandal chief had left"
    r"\bden(?:y|ies|ied|ying)\s+(?:reports?\s+|claims?\s+)?that\b[^.;]*$|"
    r"(?:\b(?:not|never|no|denied|deny|denies|denying|refused|rejected|nobody|none|neither)\b"
    r"(?:\s+\w+){0,4}?\s+"
    # "មិនឲ្យចូលរួម" (barred from taking part)
    # "មិនទាន់បានចាកចេញ" (have not yet left)
    # ... "មិនទាន់ប្រកាសថាចូល" (has not yet announced joining)
    # ... "មិនទាន់ទទួលបានលិខិតលាលែង" (has not yet received a letter of resignation), "មិនទាន់
    # ដាក់លិខិតលាលែង" (has not yet handed in one)
    # ... "មិនមានន័យថា ពួកគេប្តូរ..." (does not mean that they switch ...)
    r"|មិនមានន័យថា[^។]{0,30}?|"
    # ... "មិនដែលគិតចាកចេញ" (never thought of leaving)
    r"n't\s+(?:\w+\s+){0,2}|(?:មិនបាន|មិនទាន់(?:បាន)?|មិនដែល\s*(?:គិត)?|មិន(?:ឲ្យ|ឱ្យ|អោយ)?|បដិសេធ)\s*"
    r"(?:(?:ប្រកាស|បញ្ជាក់|និយាយ)\s*(?:ថា)?\s*(?:នឹង)?\s*(?:ទៅ)?\s*"
    r"|(?:ទទួល(?:បាន)?|ដាក់(?:ជូន)?)\s*(?:លិខិត|ពាក្យ(?:សុំ)?)\s*"
    # ... "មិនទាន់បានដាក់ពាក្យ ឬលាលែង" (has not yet applied or resigned)
    r"|[^\s។]{1,12}\s*ឬ\s*)?"
    # "មិនមែនគ្រប់គ្នាដែលចាកចេញ ..." (not everyone who leaves ...): people in general
    r"|មិនមែន\s*គ្រប់(?:គ្នា|រូប)\s*ដែល\s*"
    # "គ្មានសមាជិកណាម្នាក់ត្រូវចាកចេញ" (no member has to leave): no one
    # ... "គ្មានសមាជិកណាម្នាក់ នៅស្រុកពាមរក៍ ចាកចេញ" (no member in Peam Ro district left)
    r"|គ្មាន\s*\S{0,20}?ណា(?:ម្នាក់|មួយ)?\s*(?:នៅ\S{1,30}\s*)?(?:ត្រូវ|បាន)?\s*)$",
    re.I,
)
# "rejected a news site's report that 120 of its members had gone over": a count reported as
# made, which the party disputes; the claim stands, unless those it counts say they never left.
_DISPUTED = (
    r"\s+(?:on\s+\w+\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?(?:reports?|claims?|"
    r"announcements?|figures?|posts?|articles?)\s+that\s+(?:(?:some|about|around|nearly|almost|"
    r"over|more\s+than|up\s+to)\s+)?\d"
)
_DISPUTED_REPORT = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|disputed)" + _DISPUTED
    # ... "A website's report that 1,200 members crossed over has been rejected by the party"
    + r"|\b(?:reports?|claims?|announcements?|posts?)\s+that\s+(?:(?:some|about|around|nearly|"
    r"almost|over|more\s+than|up\s+to)\s+)?\d[^.;]*?\b(?:has|have|had|was|were)\s+been\s+"
    r"(?:rejected|denied|disputed|dismissed)\b"
    # ... Khmer "បានច្រានចោលការផ្សាយ ... ដែលអះអាងថា សកម្មជន «ជាង ១៥០នាក់» ... បានចូល" (rejected the
    # report claiming that more than 150 activists joined)
    r"|(?:បដិសេធ|ច្រានចោល)[^។]{0,60}?(?:ការផ្សាយ|របាយការណ៍|ការអះអាង|ព័ត៌មាន|ការប្រកាស)[^។]{0,80}?"
    r"ថា[^។]{0,80}?[0-9០-៩]"
    # ... a log row's last cell, "| 17 CPP members ... joined the CLP | CLP page | CPP district
    # office denies; disputed": the monitor's note beside the claim it logs
    r"|\|[^|]*\|[^|]*\|[^|]*\b(?:denie[sd]|deny|reject(?:s|ed)|dispute[sd])\b[^|]*$",
    re.I,
)
# "some online pages have been reporting that Mr. X ... has left the party and joined ...": a
# report retold, of one person
_PAGES_REPORTING = re.compile(
    # (not "Media reported that on Saturday 320 ... had joined": a report told as news)
    r"\b(?:pages?|sites?|posts?|media|outlets?|accounts?)\b[^.;]{0,30}?\b(?:have\s+been|has\s+been|are)\s+"
    r"(?:reporting|claiming|saying)\s+that\b[^;\d]{0,160}?\b(?:has|have|had)\s+"
    r"(?:left|joined|defected|switched)\b",
    re.I,
)
_CLAIMING_THAT = re.compile(
    r"\b(?:post|report|article|story|page|site|video)\b[^.;]{0,60}?\bclaim(?:ing|ed|s)\s+that\s+"
    r"(?:(?:some|about|around|nearly|almost|over|more\s+than|up\s+to)\s+)?\d",
    re.I,
)
# Khmer "សម្ព័ន្ធ" is an alliance, except written on after "(គណ)បក្ស", where it is the name of
# the League for Democracy Party (គណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ), or before the people it
# gathers ("សម្ព័ន្ធយុវជន", a party's youth federation); nor in "ហេដ្ឋារចនាសម្ព័ន្ធ" (infrastructure).
_SUPPOSE = re.compile(r"\W*(?:imagine|suppose|picture\s+this)\b", re.I)
_OTHER_THINGS = (
    # (not "the small party allied with Candlelight", "a CPP-allied party": who a party is)
    (re.compile(r"\balliances?\b|(?<!party\s)(?<!parties\s)(?<!-)\ballied\b|\bcoalition\b|\bmerg(?:e|ed|er|es|ing)\b|"
                r"\bjoin(?:ed|s|ing)?\s+(?:forces|hands)\b|\bjoint\s+(?:list|platform)\b|"
                r"\bmemorandum\b|\bMoU\b|(?<!បក្ស)(?<!រចនា)សម្ព័ន្ធ(?!\s*(?:យុវជន|នារី|និស្សិត|ឃ្លាំមើល|អ្នកសង្កេត))|"
                r"បញ្ចូលគ្នា|រួមគ្នាជា", re.I),
     "an alliance or merger of parties"),
    (re.compile(r"\bpetition|ញត្តិ|លិខិតតវ៉ា", re.I), "a petition"),
    # "..., ប៉ុន្តែ ... បានច្រានចោលតួលេខនេះ" (..., but ... rejected the figure): the claim stands,
    # as English "denied ..., but" turned the other way
    # ... but not "rejected a news site's report that 120 members had gone over"
    # (_DISPUTED_REPORT)
    # (not "after the NEC rejected its registration": an office refusing a party, no denial)
    (re.compile(r"\b(?:denied|denies|deny|dismissed|rejected)\b(?!.*\bbut\b)"
                r"(?!\s+(?:its|the|their|his|her|a)\s+(?:[\w'’-]+\s+){0,2}?(?:registration|application|"
                r"candidacy|candidate\s+list|request|appeal|complaint|bid)\b)|"
                # ... nor "មុនពេល គ.ជ.ប បដិសេធ..." (before the NEC refused ...): when it happened
                # ... nor "... ដែល គ.ជ.ប បានបដិសេធមិនចុះបញ្ជី" (which the NEC refused to register)
                r"^(?:(?!ប៉ុន្តែ|ខណៈ|មុនពេល|ក្រោយ(?!មក)|បន្ទាប់ពី)[^\n])*(?:បដិសេធ(?!\s*មិន\s*ចុះ)|ច្រានចោល)|"
                r"\b(?:had|have|has)\s+never\s+(?:left|joined|changed|quit|defected)\b", re.I),
     "a denial"),
    (re.compile(r"\b(?:he|she)\s+(?:never|did\s+not|didn't)\s+"
                r"(?:left|leave|defect(?:ed)?|join(?:ed)?|quit|switch(?:ed)?)\b", re.I),
     "a denial"),  # one person's own, which leaves the group's claim beside it standing
    (re.compile(r"\b(?:they|we|I)\s+(?:say\s+(?:they|we)\s+)?(?:never|did\s+not|didn't)\s+"
                r"(?:left|leave|defect(?:ed)?|join(?:ed)?|quit|switch(?:ed)?)\b|\bnever\s+left\b|"
                # "I did not go anywhere", "had not signed any party form", "I am still Candlelight"
                # ... "I am not going anywhere"
                r"\b(?:did\s+not|didn't|never)\s+go\s+anywhere\b|\bnot\s+(?:signed|filled\s+in)\s+any\b|"
                r"\b(?:I|we)\s+(?:am|are|'m|'re)\s+not\s+going\s+anywhere\b|"
                r"\b(?:I|we)\s+(?:am|are)\s+still\s+(?:with\s+)?(?:the\s+)?(?-i:[A-Z])|"
                # "Not a single one of our members has left", "none of our members has left"
                r"\b(?:not\s+(?:a\s+single|one)|none)\s+(?:one\s+)?(?:of\s+(?:our|its|their)\s+)?"
                r"(?:\w+\s+)?(?:has|have|had)\s+(?:left|defected|joined|switched)\b"
                # (not "none had joined another party": they left, for no party)
                r"(?!\s+(?:another|any\s+other|a\s+new|any)\s+party)|"
                # "said they remained Candlelight members", "we are still members"
                r"\b(?:they|we)\s+(?:remained|remain|are\s+still|were\s+still)\s+"
                r"(?:[\w'-]+\s+){0,2}?members\b|"
                # "ពួកគេមិនដែលបានដាក់ពាក្យសុំចូលបក្សណាមួយ" (they never applied to join any party)
                # ... "ខ្លួនមិនដែលចាកចេញ" (they themselves never left)
                r"(?:ពួកគេ|ពួកគាត់|ខ្ញុំ|យើង|ខ្លួន)\s*(?:មិនដែល|អត់ដែល|អត់)\s*(?:បាន)?\s*(?:ដាក់ពាក្យ\S{0,6}|"
                r"ចុះឈ្មោះ)?\s*(?:ចូល|ចាកចេញ|ប្[តដ]ូរ|ជាសមាជិក)"
                # "ខ្ញុំនៅតែគាំទ្រភ្លើងទៀនដដែល" (I still support Candlelight, as before), "ខ្ញុំមិន
                # ដែលចុះហត្ថលេខា" (I never signed anything)
                # ... "ខ្ញុំនៅតែជាសមាជិក..." (I am still a member of ...), "មិនដែលចាកចេញ" (never left)
                r"|(?:ខ្ញុំ|យើង|ពួកគេ|ពួកគាត់|គាត់)\s*(?:នៅតែ\s*(?:គាំទ្រ|ជា(?:សមាជិក|អ្នកគាំទ្រ)|ជាមួយ)|"
                r"នៅ\s*(?:គាំទ្រ|ជា(?:សមាជិក|អ្នកគាំទ្រ)|ជាមួយ)[^។»]{0,30}?ដដែល)"
                r"|មិនដែល(?:បាន)?\s*(?:ចុះហត្ថលេខា|ដាក់ពាក្យ|ចាកចេញ)",
                re.I),
     "a denial by those said to have moved"),
    # "Rumours that his deputy had already joined the ruling party circulated": said, not told
    # ... "posts circulated claiming that ...", Khmer "សារមួយកំពុងចែករំលែក ... អះអាងថា" (a
    # message being shared claims that)
    (re.compile(r"\brumou?rs?\s+(?:that|of|about)\b|\brumou?red\s+to\s+(?:have|be)\b|"
                r"\b(?:posts?|messages?|claims?|videos?)\s+(?:\w+\s+)?circulat(?:ed|ing|es)\b"
                r"|សារ\S{0,6}\s*(?:កំពុង|ត្រូវបាន)?\s*(?:ចែករំលែក|ផ្សព្វផ្សាយ)\S{0,12}[^។]{0,30}អះអាងថា"
                # ... "ព័ត៌មានដែលចែកចាយលើបណ្ដាញសង្គម ថា ..." (news circulated on social media that)
                r"|ព័ត៌មាន(?:ដែល)?\s*(?:កំពុង|ត្រូវបាន)?\s*(?:ចែកចាយ|ចែករំលែក)\s*(?:នៅ)?\s*លើ\s*"
                r"(?:បណ្[ដត]ាញ\s*សង្គម|ហ្វេសប៊ុក)",
                re.I),
     "a rumour"),
    (re.compile(r"\bprotest|\bdemonstrat|\bsit-in\b|តវ៉ា|បាតុកម្ម", re.I), "a protest"),
    # a digest's line of what it leaves out: "Not included: a post on 21 June claiming 500 ..."
    # ... or at the end of its line: "...; not counted."
    (re.compile(r"^\W*(?:not\s+(?:counted|included|listed|logged)|excluded|left\s+out)\s*[:(—–-]"
                r"|[;(]\s*not\s+(?:counted|included|logged)\W*$",
                re.I),
     "a report the text leaves out"),
    # "re-issues membership cards", "handed new cards to 3,400 of its members", Khmer
    # "ប្តូរប័ណ្ណសមាជិកថ្មី" (changed for new membership cards), "បន្តសុពលភាពប័ណ្ណ" (renewed cards)
    # ... "4,200 CPP members receive new digital membership cards"
    # ... "5,300 party members receive new CPP membership cards"
    (re.compile(r"\b(?:receiv\w*|get|gets|got|given|issued)\s+new\s+(?:\w+\s+(?=membership\b))?(?:digital\s+|smart\s+|plastic\s+|"
                r"electronic\s+|biometric\s+)?(?:membership\s+)?cards?\b|"
                r"\b(?:renew(?:ed|s|ing|al)?|re-?issu(?:e|ed|es|ing)|replac(?:e|ed|es|ing))\b"
                r"[^.]{0,40}\bcards?\b|\bnew\s+(?:membership\s+)?cards?\s+to\s+(?:[\w,.]+\s+){0,3}?"
                r"(?:of\s+)?(?:its|their|our|existing|current)\s+(?:own\s+|party\s+)?members\b|"
                # ... "members whose old cards had expired"
                r"\bcards?\s+(?:had\s+|have\s+)?expired\b|"
                # ... "handed over new membership cards of the CPP to 1,200 party members"
                r"\bnew\s+(?:membership\s+)?cards?\b[^.]{0,60}?\bto\s+(?:about\s+|some\s+)?[\d,]+\s+"
                r"(?:existing\s+|long-standing\s+|loyal\s+)?party\s+members\b|"
                # ... "received cards ..., but the secretary said none of them had come from
                # another party"
                r"\bnone\s+of\s+them\s+(?:had\s+|has\s+|have\s+)?(?:come|came|been)\s+from\s+"
                r"(?:an)?other\s+part(?:y|ies)\b|"
                # "new membership cards ... as the party brings its registry up to date", "a
                # drive to update its records"
                r"\b(?:registry|register|records|membership\s+lists?)\s+up\s+to\s+date\b|"
                r"\bupdat(?:e|es|ed|ing)\s+(?:its|their|our|the\s+party's)\s+(?:membership\s+)?"
                r"(?:registry|register|records|lists?|rolls)\b|"
                # ... "ជំនួសប័ណ្ណចាស់ដែលខូច" (replacing old cards that were damaged)
                # ... "មកប្តូរជាប័ណ្ណ...ឌីជីថល" (came to change for digital cards), "ប័ណ្ណសមាជិកជំនាន់ថ្មី"
                # (the new generation of membership cards)
                r"(?:ប្[តដ]ូរ|បន្តសុពលភាព|ធ្វើបច្ចុប្បន្នភាព|ជំនួស)\s*(?:ជា\s*)?ប័?ណ្ណ|"
                r"ប័?ណ្ណ\s*សមាជិក[^។]{0,40}?ជំនាន់ថ្មី"
                # ... "សមាជិកចាស់ ១៣០ នាក់ ដែលបាត់ប័ណ្ណ ឬប័ណ្ណហួសសុពល" (130 old members whose
                # cards were lost or expired)
                r"|ប័?ណ្ណ\S{0,6}ហួសសុពល|បាត់ប័?ណ្ណ"
                # ... "សមាជិកជាង ១.៣០០ នាក់ ទទួលបានប័ណ្ណសមាជិកថ្មី" (members receive new membership cards)
                r"|ទទួល(?:បាន)?\s*ប័?ណ្ណ\s*សមាជិក(?:ភាព)?\s*ថ្មី", re.I),
     "a renewal of members' cards"),
    (re.compile(r"\b(?:earlier|previous)\s+version\b|\bcorrection\b|"
                # ... "; the page deleted the post within three hours"
                # ... Khmer "ការផ្សាយនេះ ត្រូវបានទំព័រដើមលុបចោលវិញ" (this post was deleted by the
                # page that made it)
                # ... "ការផ្សាយ ... ដែលសរសេរថា «...» ត្រូវបានលុបចេញហើយ" (the post ... which said «...»
                # has been deleted)
                r"(?:ការផ្សាយ|ការបង្ហោះ|អត្ថបទ)[^។«]{0,60}?(?:«[^»]{0,200}»\s*)?"
                r"ត្រូវ(?:បាន)?[^។\s]{0,20}លុប(?:ចោល|ចេញ)|"
                # ... "posted that 500 ... had joined, then removed the post within hours"
                r"\bthen\s+(?:deleted|removed|took\s+down)\s+(?:the|its|that|this)\s+(?:post|article|"
                r"story|report)\b|"
                r"\b(?:deleted|removed|took\s+down)\s+(?:the|its|that|this)\s+(?:post|article|"
                r"story|report)\b[^.]*\b(?:not|never)\s+(?:repeated|restored|counted|included)\b|\b(?:incorrectly|wrongly|"
                r"erroneously|mistakenly)\s+(?:\w+\s+)?(?:reported|said|stated|claimed)|\bmisreported\b|"
                # ... "withdrew its 20 October story"
                r"\b(?:withdr[ae]w|withdrawn|withdraws|retracted)\s+(?:an?\s+|the\s+|its\s+)?"
                r"(?:[\w-]+\s+){0,3}?(?:article|story|report|post)\b|\b(?:published|posted)\s+in\s+error\b|"
                # ... "Report withdrawn by the publishing site"
                r"\b(?:article|story|report|post)\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?"
                r"(?:withdrawn|retracted)\b|"
                r"\bretract(?:ed|s|ion)?\b|កំណែតម្រូវ|ព័ត៌មានមិនពិត|"
                # "ព័ត៌មានដែលថា ... ត្រូវបាន ... ដកចេញវិញ" (the news that ... was withdrawn)
                r"(?:ព័ត៌មាន|អត្ថបទ|ការផ្សាយ)[^។]{0,200}ដក(?:ចេញ|ហូត)?\s*វិញ|"
                # "ការបង្ហោះ ... ដែលសរសេរថា «...» ... គឺមានកំហុសឆ្គង" (the post ... which wrote
                # "..." was mistaken): a post quoted to be corrected
                r"«[^»]*»[^។]{0,60}?(?:គឺ\s*)?មាន\s*កំហុស", re.I),
     "a correction or retraction"),
    (re.compile(r"\b(?:was|were|is|are|as)\s+(?:\w+\s+)?(?:fake|false|untrue|fabricated|"
                r"baseless|a\s+hoax)\b|\bfake\s+news\b|\bfalsely\s+(?:reported|claimed|said|"
                r"stated|announced|presented)\b|\bfact[- ]?check\b|"
                # "... គឺមិនត្រឹមត្រូវទេ" (... is not correct), "គឺមិនពិត" (is not true)
                # ... "ព័ត៌មាននេះមិនពិតទេ" (this news is not true)
                r"(?:គឺ|(?:ព័ត៌មាន|ការអះអាង|ការផ្សាយ)(?:នេះ|នោះ)?)\s*មិន(?:ត្រឹមត្រូវ|ពិត|មែនជាការពិត)|"
                r"ពិនិត្យ\s*(?:មើល)?\s*ការពិត|\bverdict:?\s*(?:false|"
                r"misleading|fabricated|untrue)|\bno\s+such\s+(?:ceremony|event|"
                r"defections?|meeting)\b|ព័ត៌មានក្លែងក្លាយ"
                # ... a fact check's "ពិតឬមិនពិត៖" (true or false:), "មិនមែនជាព្រឹត្តិការណ៍ថ្មីទេ" (is
                # no new event)
                r"|ពិត\s*ឬ\s*មិនពិត|មិនមែនជាព្រឹត្តិការណ៍ថ្មី", re.I),
     "a claim called false"),
    # "ក្នុងនោះ មានអតីតមេភូមិ ៤រូប" (among them, four former village chiefs): a part of a group
    # counted before, never a group of its own
    # ... "ក្នុងចំណោមអ្នកដាក់ពាក្យទាំង ១៩៧នាក់នោះ" (among those 197 applicants)
    (re.compile(r"^\W*(?:ហើយ\s*)?ក្នុង(?:ចំណោម)?(?:នោះ|ពួកគេ|ពួកគាត់|អ្នកទាំងនោះ)"
                r"|^\W*(?:ហើយ\s*)?ក្នុងចំណោម\S*ទាំង\s*[0-9០-៩][0-9០-៩.,]*\s*(?:នាក់|រូប)\s*(?:នោះ|នេះ)"
                # "ក្នុងចំណោមអ្នកដែលបានប្តូរ...លើកនេះ មាន..." (among those who switched this time)
                r"|^\W*(?:ហើយ\s*)?ក្នុងចំណោម\S{0,12}ដែល"
                # "មានតែ ១០នាក់ ក្នុងក្រុមនោះ ដែល..." (only 10 in that group ...)
                r"|ក្នុងក្រុម(?:នោះ|នេះ)"
                # ... "Among those joining were three candidates on the list"
                r"|^\W*among\s+(?:those|them|the\s+[\w-]+)\s+(?:joining|who\s+(?:have\s+|had\s+)?"
                r"joined|(?:newly\s+)?(?:received|welcomed))\s+(?:were|was)\b"
                # ... "the five ... had submitted resignation letters and were among those
                # presented on stage on Sunday": some of the group told before
                r"|\b(?:were|was|are|is)\s+among\s+(?:those|the\s+\w+)\s+(?:presented|welcomed|"
                r"received|who\s+(?:joined|were\s+welcomed|were\s+received))\b"
                # ... Khmer "ថា មានតែសមាជិក ៤ នាក់ ក្នុងចំណោម ៤៤ នាក់ ..." (says only 4 of the 44 ...)
                r"|ថា\s*មានតែ[^។]{0,30}?[0-9០-៩]+\s*(?:នាក់|រូប)\s*ក្នុងចំណោម"
                # ... "សកម្មជន ៣ នាក់ ក្នុងចំណោមអ្នកដែលបានចូល..." (3 activists among those who joined)
                r"|[0-9០-៩]+\s*(?:នាក់|រូប)\s*ក្នុងចំណោម(?:អ្នក)?ដែល"
                # ... "said only two of the councillors had actually decided to switch": some of
                # them, in a dispute of the count
                # (not "Only 12 of the 40 councillors invited attended": the text's own count)
                r"|\b(?:said|says|say|told\s+\w+)\s+(?:that\s+)?only\s+(?:\w+|\d[\d,]*)\s+of\s+"
                r"(?:them|those|the\s+(?:[\w-]+\s+)?(?:councill?ors|"
                r"members|activists|supporters|people|officials|villagers|group))\b", re.I),
     "a part of a group counted before"),
    # (not "joined the CLP, which has since registered him as its candidate": what the party
    # did after, with the one who moved)
    (re.compile(r"(?<!which\shas\ssince\s)(?<!which\shas\s)(?<!which\shad\s)(?<!which\s)"
                r"\bregist(?:er|ered|ers|ering|ration)\b(?=.*\b(?:NEC|Election|Ministry|candidates?|"
                r"contest|run|ballot)\b)|\b(?:NEC|Election|Ministry)\b.*\bregist|"
                r"\bcandidates?\b(?!.*\bwhich\s(?:has\s|had\s)?(?:since\s)?regist).*\bregist|"
                # Khmer: registering to vote or to stand, or with the election body or the
                # ministry; not "ចុះឈ្មោះជាសមាជិក" (signed up as members of) nor "ចុះឈ្មោះចូល
                # ក្រុមយុវជន" (signed up for the youth group): joining a party or its bodies
                # ... and not "ក្រោយ គ.ជ.ប មិនចុះបញ្ជី..." (after the NEC refused to register
                # ...): when the act happened
                # ... nor "ខណៈដែល..." (while the party awaits the NEC's decision on ...)
                # ... nor "បញ្ជីបេក្ខជន ... ដែល គ.ជ.ប បានបដិសេធមិនចុះបញ្ជី" (the list which the NEC
                # refused to register): who someone was
                r"^(?:(?!ក្រោយ|បន្ទាប់ពី|មុនពេល|ខណៈ|ដែល\s*គ\.ជ\.ប)[^។])*(?:"
                r"ចុះឈ្មោះ\s*(?:ជា)?\s*(?:អ្នក)?(?:បោះឆ្នោត|បេក្ខជន|ឈរឈ្មោះ)|"
                r"(?:គ\.ជ\.ប|គណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត|ក្រសួងមហាផ្ទៃ)[^។]*ចុះ(?:ឈ្មោះ|បញ្ជី)|"
                r"ចុះ(?:ឈ្មោះ|បញ្ជី)[^។]*(?:គ\.ជ\.ប|គណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត|ក្រសួងមហាផ្ទៃ)|"
                r"ចុះបញ្ជី\s*គណបក្ស)", re.I),
     "a party or candidate registration"),
    # "had applied to join the CPP ... and had hoped to be received once the case is over": an
    # application still waiting, no move yet
    (re.compile(r"\b(?:hop(?:es|ed|ing)|wait(?:s|ed|ing)|expects?|expected)\s+to\s+be\s+"
                r"(?:formally\s+)?(?:received|accepted|admitted|approved)\b"
                r"|\bawaiting\s+(?:approval|acceptance|a\s+decision)\b", re.I),
     "an application still waiting"),
    # "The ceremony to receive about 300 members ..., planned for Sunday, has been POSTPONED":
    # an event that has not happened
    (re.compile(r"\b(?:has|have|had)\s+been\s+(?:postponed|cancell?ed|called\s+off|put\s+off)\b"
                r"|\b(?:was|were|is)\s+(?:postponed|cancell?ed|called\s+off)\b"
                # ... a log's "ceremony did not take place"
                r"|\b(?:ceremony|event)\s+(?:did\s+not|never)\s+(?:take|took)\s+place\b"
                # ... "was announced but postponed"
                r"|\b(?:was|were)\s+(?:\w+\s+){1,2}?but\s+(?:then\s+)?(?:postponed|cancell?ed|"
                r"called\s+off)\b"
                # ... a log's note "ceremony postponed"
                r"|\b(?:ceremony|event)\s+(?:postponed|cancell?ed|called\s+off)\b"
                # ... "ceremony to welcome former Candlelight members into the CPP in Stueng
                # Trang postponed" (not a ceremony "postponed from last week", since held)
                r"|\bceremony\s+to\s+(?:welcome|receive)\b[^.;]{0,120}?\s(?:postponed|cancell?ed|"
                r"called\s+off)\b(?!\s+from)"
                # ... "ត្រូវបានពន្យារពេល" (has been postponed), "ត្រូវបានលុបចោល" (called off)
                # (a ceremony's: not "ការចេញប្លង់ដីរបស់លោកនឹងត្រូវពន្យារពេល", his land title
                # would be delayed)
                r"|ពិធី[^។]{0,250}(?<!នឹង)ត្រូវ(?:បាន)?(?:(?:ពន្យារ|ពន្យា|លើក)ពេល|លុបចោល)", re.I),
     "an event postponed or called off"),
    # "គួររំលឹកថា ..." (it should be recalled that ...), "It will be recalled that ...": the
    # news phrase that opens background, told to remind, not reported as news (unless it gives
    # the day of an event of its own: "គួររំលឹកថា កាលពីថ្ងៃអាទិត្យ ទី៣០ ខែមិថុនា ...")
    (re.compile(r"^\W*(?:គួរ|សូម)\s*រំលឹក(?:\s*ផងដែរ)?\s*ថា(?![^។]*ថ្ងៃ)"
                r"|^\W*It\s+(?:should|will|may|is\s+worth)\s+(?:be\s+)?recall(?:ed|ing)\s+that\b"
                r"(?![^.]*\b(?:on\s+\w+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b)",
                re.I),
     "background recalled"),
    # "Preparations under way for a ceremony after the New Year to welcome about 150 ...": a
    # ceremony still to come
    # ... "to attend the ceremony to welcome new members ..., to be held on Sunday, 26 February"
    (re.compile(r"\bpreparations?\s+(?:are\s+|were\s+)?(?:under\s*way|being\s+made|continue)\s+"
                r"for\b|\bceremony\b[^.;]{0,160}?,?\s+to\s+be\s+held\s+(?:on|this|next)\b", re.I),
     "a ceremony still to come"),
)  # fmt: skip

# ", less than a week after the NEC rejected the CLP's registration": when the act happened,
# told by another event, which makes the sentence no denial or registration of its own.
_WHEN_ASIDE = re.compile(
    # ", during an event at which 1,200 existing members also received renewed cards": another
    # thing that happened there
    r",\s*(?:during|at)\s+(?:an?|the)\s+(?:event|ceremony|meeting|gathering)\s+(?:at\s+which|where)"
    r"\b[^.;]*|"
    r",\s*(?:(?:less|more)\s+than\s+|just\s+|only\s+|barely\s+)?"
    r"(?:(?:(?:a|an|one|two|three|four|five|six|\d+)\s+)?(?:days?|weeks?|months?)\s+)?"
    # (up to the comma that closes it in mid-sentence: "On Saturday, just before the New Year
    # holiday, 158 members ... joined")
    r"(?:after|before|following|ahead\s+of)\b[^.;]*?(?=,\s*(?:\d|(?-i:[A-Z]))|[.;]|$)"
    # ... ", the latest sign of disarray after the NEC barred the party over its registration"
    r"|,\s*(?:the\s+)?(?:latest|newest|most\s+recent)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:after|since|following)\b[^.;]*"
    # ", a figure the opposition party dismissed as recycled names": the claim, disputed
    r"|,\s*(?:a|an)\s+(?:figure|claim|number|count|tally|report|account|announcement|statement)\s+"
    r"(?:that\s+|which\s+)?"
    # ... ", a figure the Candlelight Party says is grossly inflated"
    r"(?:the\s+)?[^.;,]*?\b(?:dismissed|denied|rejected|disputed|called|calls|"
    r"says\s+(?:is|was)|said\s+(?:is|was))\b[^.;]*"
    # ", a rare move ... at a time when most reported defections go to the ruling party": the
    # times, not the act
    r"|\bat\s+a\s+time\s+when\b[^.;]*",
    re.I,
)
# ... and the same as a sentence's opening clause, after a dateline ("KEP -- ") if any.
_WHEN_LEAD = re.compile(
    r"^(?:[A-Z][A-Z .'-]{1,40}\s*(?:--?|[–—])\s*)?"
    # ... "Days after the NEC rejected the CLP's registration, ..."
    r"((?:(?:(?:a|an|one|two|three|four|five|six|\d+|a\s+few|several|just|only)\s+)?"
    r"(?:days?|weeks?|months?)\s+)?"
    r"(?:after|before|following|ahead\s+of)\s[^,;.]*,)",
    re.I,
)
# "the party", or described ("the royalist party"): the party the text is about, unnamed here.
DESCRIBED_PARTY = r"(?:(?:royalist|opposition|royal|ruling|new|small)\s+)?party"
_TELLS_A_MOVE = re.compile(
    r"^,\s*after\b[^.;]*?\b(?:said|says|reported|announced|claimed|posted|wrote)\b[^.;]*?\b"
    r"(?:had|have|has)\s+(?:\w+\s+)?(?:joined|defected|switched|crossed)\b",
    re.I,
)
_KHMER_PAST_ASIDE = re.compile(r"ដែលធ្លាប់\S*")
# "ការ" before a Khmer verb makes it a noun: "ការចូលរួមជាមួយគណបក្ស គឺជាផ្លូវល្អ" (joining the
# party is the right path), "ការប្តូរនេះ" (this switch).
# "អ្នកចូលរួមថ្មីម្នាក់" (one of the new participants): "អ្នក" makes the one who does it.
# ... "ចលនាចូលរួមជាមួយគណបក្ស នៅតែបន្តកើនឡើង" (the movement of joining the party keeps growing): a
# trend, no one's act
_KHMER_NOUN_BEFORE = re.compile(r"(?:ការ|អ្នក|ចលនា)$")
_KHMER_LETTER = re.compile(r"[\u1780-\u17ff]")
# "តំណាងឱ្យសមាជិកដែលទើបចូលរួមថ្មី លោក X បានប្រាប់ថា..." (speaking for the members who have
# just joined, X said...): the group someone speaks for, told again, no act of its own.
_KHMER_ON_BEHALF_OF = re.compile(
    r"(?:តំណាង(?:ឱ្យ|អោយ)?|ក្នុងនាម)\s*(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ|បងប្អូន)\S*ដែល\S*$"
)
# "បានប្រាប់ថា ខ្លួនសម្រេចចិត្តចាកចេញពីគណបក្ស... ព្រោះ..." (said that he had decided to leave
# the party because...): someone telling why he moved, a move the report has already told.
_KHMER_SAID_SELF = re.compile(
    r"(?:ប្រាប់|និយាយ|ថ្លែង|បញ្ជាក់|មានប្រសាសន៍)\S*ថា\s*(?:ខ្លួន|ខ្ញុំ|យើង|លោក(?:ស្រី)?|គាត់|នាង)\S*\s*"
    r"(?:បាន)?\s*(?:សម្រេចចិត្ត)?\s*$"
)
_KHMER_BECAUSE = re.compile(r"ព្រោះ|ដោយសារ|មូលហេតុ")

# "ត្រូវបានគណបក្សX ប្រកាសថា..." (was announced by party X to have...): X, named between the
# passive and a saying, is who makes the claim; "...បានចូលជាសមាជិករបស់ខ្លួន" (joined as its
# members) then joined X.
KHMER_SAID_BY_BEFORE = re.compile(r"ត្រូវបាន\s*$")
KHMER_SAYS_AFTER = re.compile(r"^\s*(?:បាន)?(?:ប្រកាស|ថ្លែង|បញ្ជាក់|អះអាង|រាយការណ៍|ផ្សព្វផ្សាយ)")
# ... "ប្តូរមកចូលជាសមាជិករបស់ខ្លួន" (switched to become its members)
KHMER_ITS_OWN = re.compile(
    # ... "ចូលជាសមាជិកគណបក្សរបស់ខ្លួន" (joined as members of its own party)
    r"^\s*(?:ចូល\s*)?(?:(?:ជា|ធ្វើជា)\s*សមាជិក(?:ភាព)?\s*)?(?:គណបក្ស\s*(?=របស់))?(?:របស់)?"
    # ... "ចូលជាសមាជិកបក្ស" (joined as members of the party), after a party that says so
    r"(?:ខ្លួន|គណបក្សនេះ|(?:គណ)?បក្ស(?=\s|[។,]|$))"
)

# "ដែលបានចូលរួមជាមួយ..." (who joined ...): a Khmer relative clause, telling who someone is.
# ... "ដែលធ្លាប់បានចូល" (who had once joined); "ក្រោយ(ពី)ចូល" (after joining), a clause of
# what came before the act
KHMER_RELATIVE_BEFORE = re.compile(
    r"(?:(?<!ដ)ដែល\s*(?:ធ្លាប់\s*)?(?:បាន|ធ្លាប់|ទើបតែ|ទើបនឹង|ទើប)?|ក្រោយ\s*(?:ពី\s*)?(?:បាន)?)\s*$"
)
# "កាលពីខែមីនា ឆ្នាំ២០២១" (back in March 2021), "តាំងពីឆ្នាំ២០២១" (since 2021): a move dated by
# its year, long past.
# ... "នៅឆ្នាំ២០១៧" (in 2017), unless a "ដែល" (who) clause before it tells of someone's past:
# "ពលរដ្ឋ ដែលធ្លាប់ចូល CPP ... នៅឆ្នាំ២០១៧ បានចាកចេញ..." (people who joined the CPP in 2017 have
# left it)
KHMER_PAST_YEAR = re.compile(
    # ... "កាលពីដើមឆ្នាំ២០២២" (at the start of 2022), "ចុងឆ្នាំ" (the end of)
    # ... "រហូតដល់ឆ្នាំ២០១៨ ដែលលោកបានដឹកនាំ ... ចូលរួម" (until 2018, when he led ... to join)
    r"(?:(?:កាល|តាំង)ពី|រហូត(?:ដល់)?|^(?:(?!ដែល).)*?នៅ)\s*(?:(?:ថ្ងៃ\S*\s*)?ខែ\S+\s*|ដើម|ចុង|ពាក់កណ្តាល)?"
    r"ឆ្នាំ\s*([12១២][0-9០-៩]{3})"
)

# A Khmer count of many events rather than one: "ចាប់តាំងពី" (since), "គិតចាប់ពីដើមឆ្នាំ មកដល់
# ពេលនេះ" (from the start of the year up to now), "ចាប់ពីខែមករា ដល់បច្ចុប្បន្ន" (from January to
# the present), "គិតត្រឹមខែឧសភា" (as of May), "ក្នុងរយៈពេល ៦ ខែកន្លងមក" (in the past six
# months), "៦ខែដើមឆ្នាំនេះ" (the first six months of this year), "៣ខែចុងក្រោយនេះ" (these
# last three months), "ក្នុងឆមាសទី១" (in the first half-year),
# "ក្នុងឆ្នាំ២០២៣" / "ក្នុងឆ្នាំនេះ" (in 2023, this year); the pattern extract's English running
# totals end with.
KHMER_RUNNING_TOTAL = (
    # ("សរុបទាំងអស់ ២០៥ នាក់" after two counts: their sum, that one event's)
    r"ចាប់តាំងពី|តាំងពី(?:ខែ|ដើម)|សរុបទាំងអស់(?![\s\d០-៩,.]*(?:នាក់|រូប)\s*[។៕]?\s*$)|ចាប់ពីដើម|ខែ\s*ដើមឆ្នាំ|ចាប់ពីខែ|មក(?:ដល់|ទល់)(?:ពេល|ថ្ងៃ)នេះ|គិតត្រឹម|គិតមកដល់|"
    r"(?:មក)?(?:ដល់|ទល់)(?:បច្ចុប្បន្ន|ពេលបច្ចុប្បន្ន)|"
    # ... "គិតចាប់ពីក្រោយការបោះឆ្នោត" (counting from after the election), "ពេញមួយឆ្នាំ២០២២"
    # (throughout 2022)
    r"គិត(?:ចាប់)?ពី|ពេញ(?:មួយ)?ឆ្នាំ|"
    # (not "ក្នុងរយៈពេលប៉ុន្មានថ្ងៃចុងក្រោយនេះ", in the last few days: one week's news)
    # ... "ក្នុងរយៈពេលប៉ុន្មានខែបន្ទាប់" (in the months that followed): a span after some event
    # ... "ក្នុងរយៈពេល ៣សប្តាហ៍ដំបូងនៃឆ្នាំ២០២៣" (in the first three weeks of 2023)
    r"(?:សប្[តដ]ាហ៍|ខែ|ឆ្នាំ)\s*(?:កន្លង(?:មក|ទៅ)|ចុងក្រោយ|បន្ទាប់|ដំបូង)|ឆមាស|ត្រីមាស|"
    r"ក្នុង(?:ឆ្នាំ|ខែ)\s*(?:[12១២][0-9០-៩]{3}|នេះ)"
)


# Words by which one asks or expects others to act ("urged", "called on", "invited", ...).
WANTING_OTHERS = (
    # ... and a speaker's own "We invite all Cambodians ... to join"
    r"\b(?:expect(?:s|ed)?|urg(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|"
    r"call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?(?:\s+to)?)\b"
)
# ... further back: 'expected "at least 1,000" Candlelight members in the province to cross
# over', 'invited everyone, "including our brothers in the Candlelight Party," to join': what one
# wants of others, the infinitive its object (not "urged calm after 300 had joined")
_WANTED_OF_OTHERS = re.compile(
    WANTING_OTHERS
    + r"(?:(?!\b(?:said|says|told|had|has|have|were|was|after)\b)[^.;:!?]){0,120}"
    # ... 'called on former supporters ... to "come and join the CPP"'
    r"\bto\s+(?:(?:come|go|return)\s+(?:back\s+)?(?:and\s+)?)?$"
    # ... "អំពាវនាវដល់ប្រជាពលរដ្ឋគ្រប់និន្នាការ ... ឲ្យមកចូលរួម" (appealed to people of every
    # leaning ... to come and join)
    # ... "អំពាវនាវជាសាធារណៈ ឱ្យសមាជិកគណបក្សX ចូលរួម" (appealed publicly for party X's members
    # to join): whom it asks between
    r"|(?:អំពាវនាវ|អញ្ជើញ|លើកទឹកចិត្ត|ជំរុញ)[^។]{0,120}?(?:ឱ្យ|ឲ្យ|អោយ)[^។]{0,60}$",
    re.I,
)

# After a verb: a time still to come ('asked to join "after the rice harvest"', "to join next
# month"): the move not made yet
_LATER = re.compile(
    r"^[^.;,]{0,40}?\b(?:next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|"
    r"in\s+the\s+coming\s+(?:days|weeks|months)|after\s+the\s+(?:rice\s+)?harvest)\b",
    re.I,
)


@dataclass(frozen=True)
class Verb:
    """A word of joining or leaving, where it stands in the sentence."""

    kind: Literal["join", "leave"]
    start: int
    end: int


def claim_verbs(sentence: str, names: Sequence[tuple[int, int]] = ()) -> list[Verb]:
    """The acts of joining or leaving a sentence reports, leaving out those it plans, wishes,
    predicts or denies. ``names``: spans of party names, read as no words of their own (the
    "Will" of "Khmer Will Party" is no plan).

    >>> claim_verbs("20 Khmer Will Party members joined", [(3, 19)])[0].kind
    'join'
    """
    for start, end in names:  # "xxx": a party's name, for the patterns that look for one
        sentence = sentence[:start] + "x" * (end - start) + sentence[end:]
    out = []
    for m in _VERB.finditer(sentence):
        before = re.sub(r"[\"“”«»]", "", sentence[: m.start()])  # 'he "intends to apply" to join
        if (
            _INTENTION.search(before[-60:])
            or (
                m.group()[:1].isupper()
                and _HEADLINE_FUTURE.match(before)
                and _TIME_TO_COME.search(sentence, m.end(), m.end() + 80)
            )
            # ... "CPP to receive 200 Candlelight members next week": a party, then "to"
            or re.match(r"\W*(?:the\s+)?x{3,}\s+to\s+$", before)
            or _NEGATION.search(before[-40:])
            # (what is quoted between the wish and its infinitive is the wisher's aside:
            # 'invited all Candlelight members "who now have no party" to join')
            or _WANTED_OF_OTHERS.search(
                re.sub(r"[\"“”«»]", "", QUOTED.sub(" ", sentence[: m.start()]))[-160:]
            )
            or _LATER.match(re.sub(r"[\"“”«»]", "", sentence[m.end() : m.end() + 60]))
        ):
            continue
        if _KHMER_NOUN_BEFORE.search(before) and _KHMER_LETTER.match(m.group()):
            continue  # "ការចូលរួមជាមួយ..." (joining ...), a noun: the idea of it, no one's act
        reason = _KHMER_BECAUSE.search(sentence[m.end() : m.end() + 80])
        if reason and _KHMER_SAID_SELF.search(before):
            continue  # "បានប្រាប់ថា ខ្លួនសម្រេចចិត្តចាកចេញ... ព្រោះ" (said he left because): why
        if _KHMER_ON_BEHALF_OF.search(before):
            continue  # "តំណាងឱ្យសមាជិកដែលទើបចូលរួម" (for the members who just joined): who speaks
        out.append(Verb("join" if m.group("join") else "leave", m.start(), m.end()))
    return out


def has_verb_words(sentence: str) -> bool:
    """Whether a word of joining or leaving stands in the sentence, acted or not.

    >>> has_verb_words("officials offered him a post if he crossed over to the CPP")
    True
    """
    return _VERB.search(sentence) is not None


def when_asides(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence tells, beside its act, another event or the dispute of its figure: no
    party named there moved.

    >>> t = "9 joined the party, a figure Candlelight disputed"
    >>> [t[a:b] for a, b in when_asides(t)]
    [', a figure Candlelight disputed']
    >>> t = "A week after the CLP was barred, the CPP welcomed 90 people"
    >>> [t[a:b] for a, b in when_asides(t)]
    ['A week after the CLP was barred,']
    """
    spans = [
        m.span()
        for m in _WHEN_ASIDE.finditer(sentence)
        # not ", after a party page said 38 had joined the CPP": the report the sentence is about
        if not _TELLS_A_MOVE.search(m.group())
    ]
    lead = _WHEN_LEAD.match(sentence)
    if lead and not claim_verbs(lead.group()):
        # "Two weeks after the NEC barred the CLP from the election, the CPP welcomed ...";
        # not "After leaving the CLP, 30 joined the CPP": the party they left
        spans.insert(0, lead.span(1))
    return spans


def retells_a_report(sentence: str) -> bool:
    """Whether a sentence retells a count someone reported: disputed, or told as a post's.

    >>> retells_a_report("The CLP rejected a news site's report that 120 of its members joined")
    True
    >>> retells_a_report("A page's post claiming that 45 activists had defected used old photos")
    True
    >>> retells_a_report("The CLP denied reports that its district chief had defected")
    False
    """
    return bool(
        _DISPUTED_REPORT.search(sentence)
        or _CLAIMING_THAT.search(sentence)
        or _PAGES_REPORTING.search(sentence)
    )


# ", a claim the opposition rejected at the time": a report of an earlier time, and its answer
DISPUTED_THEN = re.compile(
    r",\s*(?:a|an)\s+(?:claim|figure|number|report|announcement)\b[^.;]{0,80}?\bat\s+the\s+time\b",
    re.I,
)
_FIGURE_DISPUTED = re.compile(
    r"\b(?:exaggerat|inflat|overstat)\w*\s+(?:the\s+)?(?:numbers?|figures?|counts?)\s+of\b", re.I
)
_FALSE_CHARGE = re.compile(
    r"\b(?:charges?|accusations?|allegations?|cases?|evidence|documents?)\b[^.;]{0,60}?"
    r"\b(?:was|were|is|are)\s+(?:\w+\s+)?(?:fake|false|fabricated|untrue|baseless)\b",
    re.I,
)
_AFTER_AN_OFFICE = re.compile(
    r"\b(?:after|since|following|before|when)\s+(?:the\s+)?(?:NEC|National\s+Election\s+Committee|"
    r"Election\s+Committee|(?:Interior\s+)?Ministry|Constitutional\s+Council)\b[^.;]*",
    re.I,
)


def not_a_claim(sentence: str) -> str | None:
    """Why a sentence is about something other than people moving between parties, if it is.

    >>> not_a_claim("300 supporters protested outside the NEC"), not_a_claim("9 joined the CPP")
    ('a protest', None)
    >>> not_a_claim("9 joined the CPP, a day after the NEC rejected the CLP's registration") is None
    True
    """
    if _FIGURE_DISPUTED.search(sentence) and not re.search(r"[\d០-៩]", sentence):
        # "The GDP says the ruling party has exaggerated the number of its members who switched
        # sides": a dispute over a figure the text tells elsewhere, no act of its own (not one
        # that tells the figure too: "..., after a page said 38 of them had joined")
        return "a dispute over a figure told elsewhere"
    # ... and "ដែលធ្លាប់ចូលរួមរៀបចំបាតុកម្ម..." (who once helped organise protests): his past;
    # ... and "..., saying they had lost faith after the NEC rejected its registration": when,
    # told by what an office did
    sentence = _KHMER_PAST_ASIDE.sub("", _WHEN_ASIDE.sub("", sentence))
    sentence = _AFTER_AN_OFFICE.sub(" ", sentence)
    # ... "after his son was arrested on a drug charge that the family says was fabricated":
    # another thing called false
    sentence = _FALSE_CHARGE.sub(" ", sentence)
    lead = _WHEN_LEAD.match(sentence)
    if lead:
        # "Days after the NEC rejected the CLP's registration, 35 of its activists joined":
        # when, told by another event, as the aside after the act is
        sentence = sentence[: lead.start(1)] + sentence[lead.end(1) :]
    for pattern, reason in _OTHER_THINGS:
        if reason == "a denial" and _DISPUTED_REPORT.search(sentence):
            continue  # a count reported as made, which someone disputes: the claim stands
        if pattern.search(sentence):
            return reason
    if sentence.rstrip().endswith("?"):
        return "a question"
    if _SUPPOSE.match(sentence):
        return "a supposition"  # "Imagine if, tomorrow, a thousand ... joined the opposition"
    return None
