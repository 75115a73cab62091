"""People named in a sentence ("Mr. Chhim Sopheak", "Oknha Meas Sovann", "Kung Raiya",
"លោក សុខ វណ្ណៈ") and who a text says makes a claim ("according to X", "X said").

>>> people_named("Mr. Chhim Sopheak and Sar Longdeth joined; Kung Raiya said so")
['Mr. Chhim Sopheak', 'Sar Longdeth', 'Kung Raiya']
>>> people_named("Opposition figure Hok Visal quit; organiser Vy Rithy too")
['Hok Visal', 'Vy Rithy']
>>> people_named("លោក សុខ វណ្ណៈ អតីតមន្ត្រីគណបក្ស បានចូលរួម")
['លោក សុខ វណ្ណៈ']
>>> claimant_in("The defections were announced, according to spokesman Sok Eysan.")
'Sok Eysan'
>>> claimant_in("Ouk Rathana said the party had expelled him.")
'Ouk Rathana'
>>> claimant_in("Nine joined the CPP, according to the provincial governor.")
'the provincial governor'
>>> claimant_in("- 4 July: 120 members joined the CPP (Fresh Mekong).")
'Fresh Mekong'
>>> claimant_in("2) 29 Feb: a councillor switched to the CPP, per Fresh Mekong.")
'Fresh Mekong'
>>> claimant_in("បើតាមលោក ស៊ាង ចន្ថា សមាជិក ៥០ នាក់ បានចូលរួម។")
'លោក ស៊ាង ចន្ថា'

Romanized Khmer names carry no sign of being names but their capitals, so a name is either
titled (Mr., Ms., Oknha, H.E., ...) or starts with a common Khmer family name: the short list
below is hand-kept because no maintained library lists Khmer family names in the romanizations
the English-language press uses.
"""

from __future__ import annotations

import itertools
import re

_TITLES = (
    r"Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Oknha|Okhna|H\.\s?E\.|His Excellency|Her Excellency|"
    r"Excellency|Lok Chumteav|Samdech|Senator|Governor|Deputy Governor"
)
_SURNAMES = (
    "Sar", "Kung", "Chea", "Hun", "Sam", "Kem", "Mao", "Sok", "Chhun", "Meas", "Heng", "Keo",
    "Ouk", "Pen", "Prak", "Seng", "Tep", "Ung", "Yim", "Yin", "Long", "Ly", "Nhem", "Pich", "Ros",
    "Sin", "Som", "Thach", "Touch", "Vong", "Chan", "Chhim", "Eng", "Hem", "Khieu", "Lim", "Mam",
    "Men", "Nuon", "Ouch", "Phan", "Pheng", "Sun", "Suon", "Sy", "Tan", "Thong", "Ven", "You",
    "Yun", "Em", "Hang", "Hor", "Im", "Kang", "Kong", "Koy", "Lay", "Lun", "Mu", "Nhim", "Nov",
    "Ny", "Pal", "Peou", "Prum", "Rith", "Sao", "Sim", "Sou", "Tim", "Toch", "Um", "Uch", "Var",
    "Vann", "Yem", "Yoeurng", "Kim", "Chum", "Chim", "Dith", "Hing", "Huot", "Khem", "Kheng",
    "Khun", "Kuy", "Leng", "Nhek", "Noun", "Ok", "Pang", "Phal", "Pov", "Rin", "Sorn",
    "Srey", "Tea", "Teng", "Thun", "Tith", "Vorn", "Yos", "Chhay", "Chheng", "Chhoeun",
    "Sous", "Say", "Bun", "Bou", "Chey", "Mok", "Ou", "Lor", "Moeun", "Hak", "Khim", "Nget", "Ek",
    "Mom",
)  # fmt: skip
_NAME_WORD = r"[A-Z][a-z'-]+"
# ... titles one after another: "H.E. Dr. Chhun Vuthy"
_TITLED = re.compile(
    rf"\b(?:{_TITLES})(?:\s+(?:{_TITLES}))*\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
)
# A name any romanization may spell, known by the role just before it ("Sam Rainsy Party
# veteran Moeun Sophal", "opposition activist Lor Vannarith").
_ROLE_WORDS = (
    r"activist|official|councill?or|chief|leader|member|veteran|lawmaker|candidate|"
    r"secretary|president|spokes(?:man|woman|person)|deputy|governor|adviser|advisor|analyst|"
    r"supporter|MP|senator|figure|organi[sz]er|founder|businessman|businesswoman|aide|assistant|"
    r"coordinator|chairman|chairwoman|director|executive|head|representative|treasurer"
)
_ROLE_NAMED = re.compile(
    # ... "Councillor Dara Vuthy was received": the role may open the sentence, capitalised
    # (not in a headline's "Member Quits Ruling CPP")
    rf"(?:\b(?:{_ROLE_WORDS})|^\W*(?i:{_ROLE_WORDS}))"
    r",?\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})\b"
)
# ... and the role just after it, a text's lede: "Svay Kimly, deputy chief of the CLP's
# Kratie committee, resigned" (a name whose surname is no list's)
_NAMED_ROLE = re.compile(
    # (after a dateline: "KEP --", "TBONG KHMUM, Nov 20 --")
    r"^(?:[A-Z][A-Z ]+(?:,\s*[\w .]{1,20}?)?\s*(?:--|[–—:])\s*)?"
    # (and after its day: "On April 6, Kheang Sopheap, the CYP's coordinator, ...")
    r"(?:On\s+(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day),\s+)?"
    # not "In Koh Sotin, councillor X": a place after a preposition
    r"(?!(?:In|On|At|From|For|After|Before|By|With|The|A|An|Also|But|And|Since|During|Under|"
    r"Last|This|Meanwhile|Elsewhere|Separately|Earlier|Later|Today|Yesterday)\b)"
    r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}),\s+"
    r"(?:(?:a\s+|an\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:activist|official|councill?or|chief|leader|"
    r"member|lawmaker|candidate|secretary|president|spokes(?:man|woman|person)|deputy|governor|"
    r"adviser|advisor|organi[sz]er|founder|coordinator|head|chairman|chairwoman|director|"
    r"representative)\b"
    # ... "Srun Pheakdey, who led the party's chapter in Kep, joined"
    # ... "Svay Ratanak, who had coordinated the GDP's work in Battambang, ..."
    r"|who\s+(?:had\s+)?(?:led|headed|chaired|ran|served|coordinated|organi[sz]ed|managed|"
    r"directed|represented)\b)"
)
# ... and in commas after a role with its place: "FUNCINPEC's deputy chairman for Santuk
# district, Yoeun Sophal, joined"
_ROLE_OF_PLACE_NAMED = re.compile(
    rf"\b(?:{_ROLE_WORDS})\s+(?:for|of|in)\s+(?:[\w'-]+\s+){{0,4}}?[\w'-]+,\s+"
    r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}),"
)
_PLAIN = re.compile(rf"\b(?:{'|'.join(_SURNAMES)})\s+{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,2}}")
# A name's words are Khmer letters (no digits, emojis or signs); "កញ្ញា" after "ខែ" is the
# month of September, not the title "Miss".
_KHMER_WORD = r"[\u1780-\u17d3\u17dd]+"
_KHMER_TITLED = re.compile(
    # ... and "មេធាវី" (lawyer), which the press writes before a name as a title
    r"(?<!ខែ)(?<!ខែ )(?:ឯកឧត្តម(?:\s*លោក(?:ស្រី)?)?|លោកស្រី|លោកជំទាវ|លោក|អ្នកស្រី|កញ្ញា|ឧកញ៉ា|"
    r"^មេធាវី|(?<=\s)មេធាវី)"
    rf"\s+({_KHMER_WORD})(?:\s+({_KHMER_WORD}))?"
)
_KHMER_STOP = (
    "អតីត", "បាន", "ជា", "និង", "ដែល", "មន្ត្រី", "សមាជិក", "អភិបាល", "ប្រធាន", "គណបក្ស", "អាយុ",
    "មាន",
)  # fmt: skip
# The words that follow a title standing alone for someone named before ("ឯកឧត្តម ក៏បាន...");
# not "ជា" (is), which is also the family name Chea.
_KHMER_NOT_A_NAME = ("បាន", "ក៏", "នឹង", "មិន", "ថា", "ដែរ", "ផង", "ទាំង", "តែង", "នៅ", "និង")
_KHMER_OFFICES = (
    "អភិបាល", "ប្រធាន", "អនុប្រធាន", "មេឃុំ", "ចៅសង្កាត់", "មេភូមិ", "រដ្ឋមន្ត្រី", "រដ្ឋលេខាធិការ",
    "អគ្គលេខាធិការ", "លេខាធិការ", "មន្ត្រី", "សមាជិក",
)  # fmt: skip
# Words that end a name when written with a capital (a month, a party word, a place noun).
_NOT_NAME_WORDS = {
    "Party", "Province", "District", "Commune", "Village", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The",
    # an outlet's name: "Koh Pich Daily", "Mekong Post"
    "Daily", "News", "Post", "Times", "Wire", "Radio", "Online", "Journal", "Herald", "Today",
}  # fmt: skip

_SOMEONE = rf"((?:{_TITLES})?\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
# Who, by role rather than name: "according to the provincial governor", "state radio said".
_ROLE = (
    r"(?:spokes(?:man|woman|person)|governor|official|officials|chief|chairman|secretary|"
    r"committee|department|office|branch|outlet|website|site|page|channel|television|radio|"
    r"media|ministry|minister)"
)
_SOMEBODY = rf"((?:the|a|an|state|government)\s+(?:[\w'-]+\s+){{0,4}}?{_ROLE})"
# A bulletin's item names its source at the end: "(Fresh Mekong)", "source: state radio".
_CITED = re.compile(
    r"\((?:reported by |source: ?|via )?([^()]{3,60})\)\s*\.?$"
    r"|(?:\bsource:|,\s*(?:per|via))\s*([^;.]{3,60})\.?$"
)
_ATTRIBUTED = (
    re.compile(rf"\baccording to (?:[\w,]+\s+){{0,5}}?{_SOMEONE}"),
    re.compile(rf"{_SOMEONE},?\s+(?:said|says|told|claimed|announced|stated)\b"),
    re.compile(rf"\b(?:said|says|claimed|announced)\s+{_SOMEONE}"),
)


# A capitalized pair before one of these is a place ("Svay Rieng province"); before "Party"
# it is a party's name ("Sam Rainsy Party activist Kong Korm" names one person).
_PLACE_AFTER = re.compile(
    r"^\s+(?:and\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+)?(?:provinces?|districts?|communes?|"
    r"villages?|city|cities|towns?|municipalit(?:y|ies))\b",
    re.I,
)
_PARTY_AFTER = re.compile(r"^\s*(?:[A-Z][\w'-]*\s+){0,3}Party\b|^\s+party\b")

# Who presides, receives or welcomes, named after the words that say so ("ក្រោមអធិបតីភាព" under
# the chairing of, "ក្រោមការទទួលស្វាគមន៍ពី" welcomed by, "ដោយមានការចូលរួមពី" attended by):
# the host, not someone who moved; honorifics may stand between. "(និង)មានការចូលរួមពី" (and
# with the participation of) names guests beside the host: who looked on. A name right after
# the passive "ត្រូវបាន" is who did the welcoming.
KHMER_HOST_BEFORE = re.compile(
    r"(?:ក្រោម(?:ការ)?(?:អធិបតីភាព|ទទួលស្វាគមន៍|ស្វាគមន៍|ដឹកនាំ|វត្តមាន|ចូលរួម|សហការ)|"
    r"(?:ទទួលស្វាគមន៍|ស្វាគមន៍|ទទួល|ដឹកនាំ|រៀបចំ|ធ្វើជាអធិបតី)ដោយ|(?:ដោយ|និង)?មានការ(?:ចូលរួម|អញ្ជើញ|ទទួលស្វាគមន៍|ស្វាគមន៍)|"
    # "ត្រូវបាន ឯកឧត្តម X ទទួលស្វាគមន៍" (were welcomed by H.E. X): the passive's doer; "ពីដៃ
    # ឯកឧត្តម X" (from the hands of H.E. X): who handed over the cards
    r"ត្រូវបាន|ពី\s*ដៃ)"
    r"\s*(?:ពី|របស់|ដោយ)?\s*(?:(?:ឯកឧត្តម|លោកជំទាវ|សម្តេច|ឧកញ៉ា|បណ្ឌិត|អ្នកឧកញ៉ា)\s*)*$"
)

# ... and named before what a host does ("X បានស្វាគមន៍" welcomed, "បានទទួលសមាជិក" received
# members, "បានមានប្រសាសន៍ថា" said, "បានឧបត្ថម្ភ" handed gifts), perhaps "អញ្ជើញ" (the
# honorific "came to") first, his roles perhaps between ("អភិបាលរងស្រុក និងជាអនុប្រធាន..."); not
# before "said that he ...", the words of someone telling his own move, nor "received a card".
KHMER_HOST_AFTER = re.compile(
    r"^(?:\s+[^\s។]+){0,3}?\s+បាន(?:អញ្ជើញ\s*)?(?:ស្វាគមន៍|ទទួល\s*(?:ស្វាគមន៍|សមាជិក|សកម្មជន|"
    # not "បានប្រគល់លិខិតលាចេញ" (handed in resignation letters): who left; nor "បានប្រគល់ប័ណ្ណ
    # សមាជិកគណបក្សX ហើយចូល..." (handed back his party X card and joined ...): who moved
    r"អ្នកគាំទ្រ|បងប្អូន)|អំពាវនាវ|(?:ធ្វើ)?ជាអធិបតី|"
    r"ប្រគល់(?!\s*(?:លិខិត|ពាក្យ))(?![^។]{0,60}?ហើយ\s*(?:បាន)?\s*(?:ចូល|ប្[តដ]ូរ))|ចែក|ឧបត្ថម្ភ|"
    # ... "បានទទួលស្គាល់ថា" (acknowledged that), "បានបញ្ជាក់ថា" (confirmed that)
    # ... nor "បានបញ្ជាក់ប្រាប់វិទ្យុយើងថា លោកពិតជាបានចុះឈ្មោះ" (confirmed to our radio that
    # he did sign up)
    r"កោតសរសើរ|អរគុណ|(?:ថ្លែង|មានប្រសាសន៍|លើកឡើង|ទទួលស្គាល់|បញ្ជាក់|និយាយ)(?:ថា)?"
    r"(?!(?:\s*ប្រាប់[^។]{0,30}?ថា)?\s*(?:លោក|ខ្លួន|គាត់|នាង|ខ្ញុំ)))"
)

# What stands between two names of a list: more names ("Mao Sreyroth, Ngin Vuthy and ...").
_LISTED_NAME = r"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}"
_LISTED_BETWEEN = re.compile(rf"(?:,\s+{_LISTED_NAME})+(?:,?\s+and\s+|,\s+)")
_NAME_IN_LIST = re.compile(rf",\s+({_LISTED_NAME})")
# ... and the list's last name, after "and" and before what they did: "officials Tim Sokunthea
# and Ret Bora resigned"
_LAST_LISTED = re.compile(
    # (not a place: "Sok Dara and Phnom Penh, ...")
    r"\s+and\s+(?!(?:Phnom|Kampong|Prey|Svay|Siem|Banteay|Stung|Koh|Preah|Oddar|Tbong|Krong|Khan)\b)"
    r"([A-Z][a-z'-]+\s+(?!Party\b)[A-Z][a-z'-]+)"
    r"(?=\s+(?:[a-z]+ed|quit|left|joined|were|have|had|who|both|also)\b|[,;:]|\.\s|\.?$)"
)


def _trim(name: str) -> str:
    words = name.split()
    for i, word in enumerate(words):
        if i and word in _NOT_NAME_WORDS:
            words = words[:i]
            break
    return " ".join(words)


def people_named(sentence: str) -> list[str]:
    """The people a sentence names, as it writes them (with their title), in order; a name
    written again without its title is not listed twice.

    >>> people_named("Oknha Meas Sovann joined. Meas Sovann thanked the Svay Rieng province")
    ['Oknha Meas Sovann']
    >>> people_named("Also on 5 July, Sam Rainsy Party activist Kong Korm defected")
    ['Kong Korm']
    >>> people_named("On Wednesday, Sam Rainsy Party veteran Moeun Sophal defected")
    ['Moeun Sophal']
    >>> people_named("87 Families of Former Candlelight Activists in Ou Reang Ov Join CPP")
    []
    """
    spans: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    # A headline In Title Case capitalises every word: only a name with a title is sure there.
    title_case = len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    for pattern in (_TITLED,) if title_case else (_TITLED, _PLAIN):
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = _trim(m.group())
            rest = sentence[m.start() + len(name) :]
            if len(name.split()) < 2 or _PLACE_AFTER.match(sentence[m.end() :]):
                continue
            if re.search(r"\b(?:in|at)\s+$", sentence[: m.start()]):
                continue  # "a commune councillor in Ou Chrov": a place
            if _PARTY_AFTER.match(rest) or _PARTY_AFTER.match(sentence[m.end() :]):
                continue
            taken.append(m.span())
            spans.append((m.start(), name))
    for m in (
        *_ROLE_NAMED.finditer(sentence),
        *_NAMED_ROLE.finditer(sentence),
        *_ROLE_OF_PLACE_NAMED.finditer(sentence),
    ):
        if title_case and m.re is _ROLE_NAMED and m.group().lstrip(" \"'“-")[:1].isupper():
            continue  # "Councillor Quits Party": a headline capitalises every word
        name = _trim(m.group(1))
        if len(name.split()) < 2 or any(a < m.end(1) and m.start(1) < b for a, b in taken):
            continue
        if _PLACE_AFTER.match(sentence[m.end(1) :]) or _PARTY_AFTER.match(sentence[m.end(1) :]):
            continue
        taken.append(m.span(1))
        spans.append((m.start(1), name))
    # "Mao Sreyroth, Ngin Vuthy and Pich Sarath": a name listed between two names is one too,
    # whatever its surname
    for (_, a), (b, _) in itertools.pairwise(sorted(taken)):
        between = _LISTED_BETWEEN.fullmatch(sentence[a:b])
        if between:
            for m in _NAME_IN_LIST.finditer(between.group()):
                spans.append((a + m.start(1), m.group(1)))
    for _, end in list(taken):
        last = _LAST_LISTED.match(sentence, end)
        if last and not any(a < last.end(1) and last.start(1) < b for a, b in taken):
            spans.append((last.start(1), last.group(1)))
    for m in _KHMER_TITLED.finditer(sentence):
        words = [w for w in m.groups() if w]
        if words[0].startswith(_KHMER_NOT_A_NAME) or words[0].startswith(_KHMER_OFFICES):
            # "ឯកឧត្តម បានថ្លែងថា" (His Excellency said), "ឯកឧត្តម អភិបាលរងខេត្ត" (H.E. the deputy
            # provincial governor): the title alone, or with an office, no name
            continue
        kept: list[str] = []
        for i, word in enumerate(words):
            if i and word.startswith(_KHMER_STOP):
                break
            kept.append(word)
        if kept:
            title = m.group().split()[0]
            spans.append((m.start(), " ".join([title, *kept])))
    out: list[str] = []
    for _, name in sorted(spans):
        bare = re.sub(rf"^(?:{_TITLES})\s+", "", name)
        if not any(o == name or o.endswith(bare) for o in out):
            out.append(name)
    return out


# Khmer: "according to" (បើតាម, តាមការបញ្ជាក់របស់) and "X said" (X បានថ្លែង/និយាយ/បញ្ជាក់).
_KHMER_SAYER = r"((?:លោកស្រី|លោក|អ្នកស្រី|ឧកញ៉ា)\s+[^\s។,]+(?:\s+[^\s។,]+)?)"
_KHMER_ATTRIBUTED = (
    re.compile(rf"(?:បើតាម|តាមការបញ្ជាក់របស់|យោងតាម)\s*{_KHMER_SAYER}"),
    re.compile(rf"{_KHMER_SAYER}\s*(?:បានថ្លែង|បាននិយាយ|បានបញ្ជាក់|បានប្រាប់|ថ្លែងថា)"),
)
_BY_ROLE = (
    re.compile(rf"\baccording to {_SOMEBODY}\b", re.I),
    re.compile(rf"{_SOMEBODY},?\s+(?:said|says|told|claimed|announced|reported|wrote)\b", re.I),
)


def claimant_in(sentence: str) -> str | None:
    """Who a sentence attributes its claim to, if it says: a person by name, else a role
    ("the provincial governor"), else the source a bulletin's item cites.

    >>> claimant_in("Nine joined the CPP, state radio reported."), claimant_in("Nine joined.")
    ('state radio', None)
    """
    for pattern in _ATTRIBUTED:
        m = pattern.search(sentence)
        if m:
            name = _trim(m.group(1).strip())
            if len(name.split()) >= 2 and not name.endswith("Party"):
                return name
    for pattern in (*_KHMER_ATTRIBUTED, *_BY_ROLE):
        m = pattern.search(sentence)
        if m:
            return m.group(1)
    m = _CITED.search(sentence.strip())
    if m and not re.fullmatch(r"[A-Z]{2,8}", (m.group(1) or m.group(2)).strip()):
        return (m.group(1) or m.group(2)).strip()  # "(CPP)" spells out a party, cites nobody
    return None
