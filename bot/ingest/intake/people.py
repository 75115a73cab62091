"""People named in a sentence ("Mr. Chhim Sopheak", "Oknha Meas Sovann", "Kung Raiya",
"លោក សុខ វណ្ណៈ") and who a text says makes a claim ("according to X", "X said").

>>> people_named("Mr. Chhim Sopheak and Sar Longdeth joined; Kung Raiya said so")
['Mr. Chhim Sopheak', 'Sar Longdeth', 'Kung Raiya']
>>> people_named("លោក សុខ វណ្ណៈ អតីតមន្ត្រីគណបក្ស បានចូលរួម")
['លោក សុខ វណ្ណៈ']
>>> claimant_in("The defections were announced, according to spokesman Sok Eysan.")
'Sok Eysan'
>>> claimant_in("Ouk Rathana said the party had expelled him.")
'Ouk Rathana'

Romanized Khmer names carry no sign of being names but their capitals, so a name is either
titled (Mr., Ms., Oknha, H.E., ...) or starts with a common Khmer family name: the short list
below is hand-kept because no maintained library lists Khmer family names in the romanizations
the English-language press uses.
"""

from __future__ import annotations

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
    "Khun", "Kuy", "Leng", "Mean", "Nhek", "Noun", "Ok", "Pang", "Phal", "Pov", "Rin", "Sorn",
    "Srey", "Svay", "Tea", "Teng", "Thun", "Tith", "Vorn", "Yos", "Chhay", "Chheng", "Chhoeun",
    "Sous", "Say", "Bun", "Bou", "Chey",
)  # fmt: skip
_NAME_WORD = r"[A-Z][a-z'-]+"
_TITLED = re.compile(rf"\b(?:{_TITLES})\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
_PLAIN = re.compile(rf"\b(?:{'|'.join(_SURNAMES)})\s+{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,2}}")
_KHMER_TITLED = re.compile(r"(?:លោកស្រី|លោក|អ្នកស្រី|កញ្ញា|ឧកញ៉ា)\s+([^\s។,]+)(?:\s+([^\s។,]+))?")
_KHMER_STOP = ("អតីត", "បាន", "ជា", "និង", "ដែល", "មន្ត្រី", "សមាជិក", "អភិបាល", "ប្រធាន", "គណបក្ស")
# Words that end a name when written with a capital (a month, a party word, a place noun).
_NOT_NAME_WORDS = {
    "Party", "Province", "District", "Commune", "Village", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The",
}  # fmt: skip

_SOMEONE = rf"((?:{_TITLES})?\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
_ATTRIBUTED = (
    re.compile(rf"\baccording to (?:\w+\s+){{0,4}}?{_SOMEONE}"),
    re.compile(rf"{_SOMEONE},?\s+(?:said|says|told|claimed|announced|stated)\b"),
    re.compile(rf"\b(?:said|says|claimed|announced)\s+{_SOMEONE}"),
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
    written again without its title is not listed twice."""
    spans: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_TITLED, _PLAIN):
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = _trim(m.group())
            if len(name.split()) < 2:
                continue
            taken.append(m.span())
            spans.append((m.start(), name))
    for m in _KHMER_TITLED.finditer(sentence):
        words = [w for w in m.groups() if w]
        kept: list[str] = []
        for word in words:
            if word.startswith(_KHMER_STOP):
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


def claimant_in(sentence: str) -> str | None:
    """The person a sentence attributes its claim to, if it names one."""
    for pattern in _ATTRIBUTED:
        m = pattern.search(sentence)
        if m:
            name = _trim(m.group(1).strip())
            if len(name.split()) >= 2 and not name.endswith("Party"):
                return name
    return None
