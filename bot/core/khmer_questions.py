"""Plain Khmer questions, rewritten as the English questions the rules of
:mod:`bot.commands.questions` read.

>>> english_question("គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់ ខែមិថុនា?")
'how many គណបក្សភ្លើងទៀន defections June'
>>> english_question("ហ៊ុន សែន ជានរណា?")
'who is ហ៊ុន សែន'
>>> english_question("តើមានអ្វីកើតឡើងនៅថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣?")
'what happened on 29 June 2023'
>>> english_question("អាកាសធាតុយ៉ាងម៉េច?", known=lambda name, kind: False) is None  # weather
True

Khmer is written without spaces between words, so the question is first cut into words by
khmercut (a maintained CRF word segmenter whose model ships inside the PyPI package: it runs
offline, and is imported on the first Khmer question only, so English questions and
``desk ask`` start-up never load it). Periods are found and rewritten first
(:mod:`bot.core.khmer_periods`); then each word, or run of up to five words, that is a question
word (ប៉ុន្មាន "how many", នរណា "who", ជានរណា "who is", កើតឡើង "happened", និយាយ "said",
ច្រើនជាងគេ "most", ប្រៀបធៀប "compare", …) is tagged, and the words between tags are names
(a party's or a person's, checked later against the data). Which English question it becomes
follows from the tags. Anything with no tag that says what is asked is None: the caller then
says it did not understand, rather than guess.

``known`` (optional) says whether a name is a party's or a person's in the data: it decides
between "was X arrested" (a person's card) and "who was arrested from X" (a party's people), and
lets "គណបក្ស X" ("the X party") fall back to X when only X is an alias.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from bot.core.khmer import fold_khmer, fold_lookalikes
from bot.core.khmer_periods import english_period, khmer_months

__all__ = ["Known", "NameKind", "english_question", "segment"]

NameKind = Literal["party", "person"]
# Whether a name (as typed) is one party's, or a person's, in the data.
Known = Callable[[str, NameKind], bool]

# Words (after fold_khmer: the subscript ្ត) by what they ask. A phrase is matched against a run
# of up to five segmented words joined together, longest first, so "ជា"+"នរណា" is "who is".
_WORDS: dict[str, str] = {}


def _tag(tag: str, words: str) -> None:
    for word in words.split():
        _WORDS[fold_lookalikes(word)] = tag


_tag(
    "drop",
    """តើ មាន បាន ត្រូវ ត្រូវបាន ហើយ ទេ ឬទេ ដែរឬទេ ដែរ ឬ ឬអត់ អត់ សូម ជួយ ប្រាប់ ខ្ញុំ
    ចង់ ដឹង ឱ្យ អោយ ផង នោះ នេះ ដែល របស់ នៃ គឺ គឺជា ពួក ទាំងអស់ ខ្លះ ហ្នឹង បាទ ចាស
    ក្នុង នៅ ពី មកពី ចេញពី ចេញ ទៅ ទៅកាន់ កាល មុននេះ ធ្លាប់ នៅតែ ឥឡូវ ឥឡូវនេះ អស់ លោក
    យ៉ាងដូចម្តេច ដូចម្តេច ម្តង ទៀត ផ្សេង ការ ដោយ ពេល ទាំង ទិន្នន័យ ក្នុងទិន្នន័យ
    ដល់ ជា ឱ្យដឹង បង្ហាញ សុំ ផ្តល់ ផ្ញើ បញ្ជី រាយ រាយឈ្មោះ ណា ប្រចាំ មក
    នៅក្នុង ក្នុងនោះ គិតត្រឹម ក្រៅប្រទេស បរទេស ទៅក្រៅប្រទេស ថា ម៉េច យ៉ាងម៉េច""",
)
_tag("how_many", "ប៉ុន្មាន ចំនួន សរុប តួលេខ ចំនួនសរុប")
_tag(
    "people",
    """នាក់ រូប មនុស្ស អ្នក សមាជិក មន្ត្រី សកម្មជន បុគ្គល ពលរដ្ឋ អ្នកគាំទ្រ គាំទ្រ
    បុគ្គលិក ថ្នាក់ដឹកនាំ""",
)
_tag(
    "defect",
    """ចុះចូល ចូល ចូលរួម ប្តូរ ផ្លាស់ប្តូរ ចាកចេញ ក្បត់ បោះបង់ បាត់បង់ រត់ចូល រត់ចោល
    ប្តូរគណបក្ស ការចុះចូល អ្នកចុះចូល ដាក់ពាក្យ""",
)
_tag("who", "នរណា អ្នកណា ជននណា នរណាខ្លះ អ្នកណាខ្លះ បុគ្គលណា ជននរណា")
_tag(
    "who_is",
    """ជានរណា គឺជានរណា ជាអ្នកណា គឺជាអ្នកណា អំពី ព័ត៌មានអំពី ប្រវត្តិ ប្រវត្តិរូប
    ស្វែងរក ស្ថានភាព""",
)
_tag("what", "អ្វី អ្វីខ្លះ")
_tag("happened", "កើតឡើង កើត ព្រឹត្តិការណ៍ ព័ត៌មាន រាយការណ៍ ប្រកាស")
_tag("said", "និយាយ ថ្លែង ថ្លែងការណ៍ សម្តី ប្រតិកម្ម ឆ្លើយតប អត្ថាធិប្បាយ លើកឡើង")
_tag(
    "top",
    """ច្រើនជាងគេ ច្រើនបំផុត កំពូល ធំជាងគេ ធំបំផុត ចំណាត់ថ្នាក់ តម្រៀប ច្រើនជាងគេបំផុត
    ខ្លាំងជាងគេ""",
)
_tag("fewest", "តិចជាងគេ តិចបំផុត")
_tag("days", "ថ្ងៃ ថ្ងៃណា")
_tag("weeks", "សប្តាហ៍ សប្តាហ៍ណា")
_tag("months", "ខែ ខែណា")
_tag("claims", "ការអះអាង អះអាង របាយការណ៍ ករណី ការប្រកាស")
_tag("which_party", "គណបក្សណា គណបក្សណាខ្លះ")
_tag("parties", "បញ្ជីគណបក្ស គណបក្សទាំងអស់")
_tag("chart", "ក្រាហ្វ ក្រាហ្វិក គំនូសតាង គំនូសបំព្រួញ ដ្យាក្រាម គូរ")
_tag("export", "ទាញយក នាំចេញ ឯកសារ ជួរដេក ទិន្នន័យដើម")
_tag("summary", "សង្ខេប សេចក្តីសង្ខេប")
_tag("compare", "ប្រៀបធៀប ធៀប ធៀបនឹង ប្រៀបធៀបនឹង ប្រៀបធៀបជាមួយ ភាពខុសគ្នា ខុសគ្នា")
_tag("and", "និង ជាមួយ នឹង ទល់នឹង")
_tag("sources", "ប្រភព ប្រភពណា")
_tag("about", "ផ្ទៀងផ្ទាត់ ពិតទេ ពិតឬទេ ពិត អាចជឿ ជឿជាក់ ត្រឹមត្រូវ ទុកចិត្ត")
_tag("help", "ជំនួយ ពាក្យបញ្ជា")
_tag("fled", "ភៀសខ្លួន រត់ចោលស្រុក រត់គេច និរទេសខ្លួន រត់ភៀសខ្លួន រត់")
_tag("arrested", "ចាប់ខ្លួន ឃាត់ខ្លួន ចាប់")
_tag("jailed", "ជាប់គុក ដាក់គុក ពន្ធនាគារ គុក")
_tag("convicted", "កាត់ទោស ផ្តន្ទាទោស")
_tag("released", "ដោះលែង")
_tag("resigned", "លាលែង លាលែងពីតំណែង លាឈប់")
_tag("appointed", "តែងតាំង")
_tag("trial", "កាត់ក្តី ជំនុំជម្រះ ចោទប្រកាន់")
_tag("spokesperson", "អ្នកនាំពាក្យ")
_tag("leader", "មេដឹកនាំ ប្រធាន ដឹកនាំ")
_tag("named", "បញ្ចេញឈ្មោះ ឈ្មោះ ដាក់ឈ្មោះ")
_RUN = 5  # the most segmented words one phrase spans
_PARTY_WORDS = frozenset({"គណបក្ស", "បក្ស", "គណបក្សនយោបាយ"})
# /people's lists and the English words that ask for each.
_PEOPLE = {
    "fled": "fled", "arrested": "was arrested", "jailed": "was jailed",
    "convicted": "was convicted", "released": "was released", "resigned": "resigned",
    "appointed": "was appointed", "trial": "was on trial",
}  # fmt: skip
# "defected to the CPP" says nothing (every claim is one): the ruling party after ចូល/ទៅ is
# not the party asked about.
_TO_CPP = re.compile(
    fold_lookalikes(
        r"(ចុះ\s*ចូល|ចូល(?:\s*រួម)?|ទៅ(?:\s*កាន់)?|មក)\s*(?:ជាមួយ\s*|ក្នុង\s*)?"
        r"(?:(?:គណ\s*)?បក្ស\s*ប្រជាជន(?:\s*កម្ពុជា)?|(?:គណ\s*)?បក្ស\s*កាន់\s*អំណាច|CPP|"
        r"ប្រជាជន\s*កម្ពុជា)"
    ),
    re.IGNORECASE,
)
_NO_PARTY = re.compile(r"(?:មិន|គ្មាន|ពុំ)\s*(?:បាន\s*)?(?:បញ្ជាក់|ដាក់|មាន)?\s*(?:ឈ្មោះ\s*)?គណបក្ស")
_PUNCTUATION = re.compile(r"[?!។៕៖,;:\"“”«»()]+")
_SCRIPT_RUNS = re.compile(r"[\u1780-\u17ff]+|[^\s\u1780-\u17ff]+")


@cache
def _segmenter() -> Callable[[str], list[str]]:
    from khmercut import tokenize  # a CRF model: loaded on the first Khmer question only

    def cut(text: str) -> list[str]:
        return [str(w) for w in tokenize(text)]

    return cut


def segment(text: str) -> list[str]:
    """The words of Khmer ``text`` (spaces dropped), as khmercut cuts them.

    >>> segment("តើមាននរណាខ្លះបានរត់ចោលស្រុក")
    ['តើ', 'មាន', 'នរណា', 'ខ្លះ', 'បាន', 'រត់', 'ចោល', 'ស្រុក']
    """
    return [w for w in _segmenter()(text) if w.strip()]


@dataclass
class _Read:
    """A question as tags, periods (English) and names (as typed), in order."""

    tags: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # outside periods: "top 5"
    # Whether the last name may go on: a tag or period between two names keeps them apart.
    _open: bool = False

    def add_name(self, piece: str) -> None:
        if self._open:
            self.names[-1] += piece
        else:
            self.names.append(piece)
            self._open = True

    def close(self) -> None:
        self._open = False

    def has(self, *tags: str) -> bool:
        return any(t in self.tags for t in tags)


def _period_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _period_pattern().finditer(text)]


@cache
def _period_pattern() -> re.Pattern[str]:
    month_names = sorted(khmer_months(), key=len, reverse=True)
    month = "(?:" + "|".join(map(re.escape, month_names)) + ")[ៈះ]?"
    # កញ្ញា (September) is also "Miss": bare, only before a year.
    bare = "(?:" + "|".join(map(re.escape, (m for m in month_names if m != "កញ្ញា"))) + ")[ៈះ]?"
    times = r"(?:ចុងក្រោយ(?:នេះ)?|កន្លង(?:ទៅ|មក)|មុន)"
    strong = (
        rf"ថ្ងៃ\s*ទី\s*\d{{1,2}}|ខែ\s*(?:{month}|\d{{1,2}}(?!\d)|{times}|នេះ)|"
        rf"{month}\s*\d{{4}}|(?<![\u1780-\u17dd]){bare}(?![\u1780-\u17dd])|"
        rf"ឆ្នាំ\s*(?:\d{{4}}|នេះ|{times})|ត្រីមាស\s*(?:ទី\s*[1-4]|{times})|ឆមាស\s*ទី\s*[12]|"
        rf"សប្តាហ៍\s*(?:ទី\s*\d{{1,2}}|នេះ|{times})|\d{{1,3}}\s*(?:ថ្ងៃ|សប្តាហ៍|ខែ)\s*{times}|"
        r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}(?:-\d{2})?|(?<!\d)(?:19|20)\d{2}(?!\d)|"
        r"\d{1,2}(?=\s*(?:-|–|ដល់|និង)\s*(?:ថ្ងៃ\s*ទី\s*)?\d)|"
        rf"\d{{1,2}}(?=\s*(?:ខែ|{month}))|Q[1-4]|H[12]"
    )
    link = (
        r"(?:ចាប់\s*(?:តាំង\s*)?ពី|តាំង\s*ពី|បន្ទាប់\s*ពី|ក្រោយ\s*ពី|រហូត\s*(?:មក\s*)?ដល់|"
        r"ចន្លោះ|រវាង|ពី|ដល់|និង|ក្នុង(?:អំឡុង)?|អំឡុង|នៅ|មុន|សម្រាប់|ដើម|ចុង|-|–)"
    )
    return re.compile(rf"(?:{link}\s*)*(?:{strong})(?:\s*(?:{link}\s*)*(?:{strong}))*")


def _read(text: str) -> _Read:
    q = _PUNCTUATION.sub(" ", fold_khmer(text))
    q = _TO_CPP.sub(r" \1 ", q)
    read = _Read()
    if _NO_PARTY.search(q):
        q = _NO_PARTY.sub(" ", q)
        read.names.append("Unnamed Parties")
    at = 0
    for start, end in [*_period_spans(q), (len(q), len(q))]:
        _words_of(q[at:start], read)
        if end > start:
            english = english_period(q[start:end])
            if english:
                read.periods.append(english)
                read.close()
        at = end
    return read


def _words_of(text: str, read: _Read) -> None:
    for run in _SCRIPT_RUNS.finditer(text):
        piece = run[0]
        if piece.isascii() and piece.isdigit():  # Khmer digits are ASCII by now
            read.numbers.append(int(piece))
            read.close()
            continue
        if not re.match(r"[\u1780-\u17ff]", piece):
            read.add_name((" " if read._open else "") + piece)
            continue
        words = segment(piece)
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _RUN), i, -1):
                tag = _WORDS.get("".join(words[i:j]))
                if tag is not None:
                    if tag != "drop":
                        read.tags.append(tag)
                    read.close()
                    i = j
                    break
            else:
                read.add_name(words[i])
                i += 1
        # A space the user typed between two words of a name ("ហ៊ុន សែន") is kept.
        if read._open:
            read.names[-1] += " "
    read.close()


def _name(read: _Read, known: Known | None, *kinds: NameKind) -> str | None:
    """The question's one name, as a spelling the data has for a party or person of ``kinds``."""
    return _checked(read.names[0], known, *kinds) if len(read.names) == 1 else None


def _checked(name: str, known: Known | None, *kinds: NameKind) -> str | None:
    if known is None:
        return name
    for kind in kinds:
        for candidate in _spellings(name, kind):
            if known(candidate, kind):
                return candidate
    return None


_LEADS: dict[NameKind, tuple[str, ...]] = {
    "party": ("គណបក្ស", "បក្ស"),
    "person": ("លោកស្រី", "លោកជំទាវ", "លោក", "អ្នកស្រី", "កញ្ញា"),
}


def _spellings(name: str, kind: NameKind) -> Iterable[str]:
    """The name, then without "party" (គណបក្ស) or a courtesy title (លោក …) before it.

    >>> list(_spellings("គណបក្សភ្លើងទៀន", "party"))
    ['គណបក្សភ្លើងទៀន', 'ភ្លើងទៀន']
    """
    yield name
    for lead in _LEADS[kind]:
        if name.startswith(lead) and name[len(lead) :].strip():
            yield name[len(lead) :].strip()


def english_question(text: str, known: Known | None = None) -> str | None:
    """The English question a Khmer one asks, for :func:`bot.commands.questions.understand`;
    None when it is not one of the shapes below.

    >>> english_question("តើមាននរណាខ្លះបានរត់ចោលស្រុក?")
    'who fled'
    >>> english_question("ប្រៀបធៀបខែឧសភា និងខែមិថុនា")
    'compare May and June'
    >>> english_question("គណបក្សណាបាត់បង់សមាជិកច្រើនជាងគេក្នុងខែឧសភា?")
    'top parties May'
    """
    read = _read(text)
    read.names = [" ".join(n.split()) for n in read.names if n.strip()]
    # គណបក្ស ("party") alone names no party: "គណបក្សកំពូល" is "the top parties".
    if any(n in _PARTY_WORDS for n in read.names):
        read.names = [n for n in read.names if n not in _PARTY_WORDS]
        read.tags.append("parties_word")
    names = read.names
    when = " ".join(read.periods)
    if len(read.numbers) > (1 if read.has("top") else 0):
        return None  # a number that is no period nor a count of a ranking: not guessed at
    for reader in _READERS:
        asked = reader(read, names, when, known)
        if asked is not None:
            return " ".join(asked.split())
    return None


Reader = Callable[[_Read, list[str], str, Known | None], str | None]


def _catalog(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if read.has("help") and not names:
        return "help"
    if read.has("sources") and not names:
        return "where does the data come from"
    if read.has("about") and not names:
        return "is this data verified?"
    asks = read.has("parties", "which_party") or (read.has("parties_word") and read.has("what"))
    if asks and not names and not when and not read.has("top", "fewest", "how_many", "defect"):
        return "which parties are in the data"
    return None


def _compare(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("compare") and not (read.has("and") and len(names) + len(read.periods) >= 2
                                        and read.has("how_many")):  # fmt: skip
        return None
    sides = [_checked(n, known, "party") for n in names]
    if None in sides or len(sides) > 2:
        return None
    parties = [s for s in sides if s]
    if len(parties) == 2:
        return f"compare {parties[0]} and {parties[1]} {when}"
    if len(parties) == 1 and len(read.periods) >= 1:
        periods = " ".join(read.periods).replace(" and ", " with ")
        if " with " not in periods:
            return None
        first, second = periods.split(" with ", 1)
        return f"compare {parties[0]} in {first} with {second}"
    if not parties and when:
        return f"compare {when}"
    return None


def _said(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("said"):
        return None
    if read.has("spokesperson") and names:
        party = _checked(names[0], known, "party")
        return f"what did the {party} spokesperson say" if party else None
    name = _name(read, known, "person", "party")
    if name is None:
        return None
    return f"what did {name} say" + (f" in {when}" if when else "")


def _summary(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("summary") or names:
        return None
    return f"weekly summary for {when}" if when else "summary"


def _file(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("chart", "export"):
        return None
    party = _name(read, known, "party") if names else ""
    if party is None or len(names) > 1:
        return None
    if read.has("chart"):
        return f"chart of {party or 'defections'} in {when}" if when else f"chart of {party}"
    return f"export the {party} rows for {when}" if when else f"export the {party} rows"


def _top(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("top", "fewest"):
        return None
    party = _name(read, known, "party") if names else ""
    if party is None or len(names) > 1:
        return None
    kind = next((k for k in ("days", "weeks", "months", "claims") if read.has(k)), "parties")
    if read.has("fewest"):
        return (
            None if kind != "parties" or party else f"which party had the fewest defections {when}"
        )
    if party and kind == "parties":
        kind = "claims"
    count = f"{read.numbers[0]} " if read.numbers else ""
    if kind == "parties":
        return f"top {count}parties {when}"
    return f"top {count}{kind} {party} {when}"


_PEOPLE_TAGS = ("spokesperson", "leader", "named", *_PEOPLE)


def _people(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("who", "people", *_PEOPLE_TAGS):
        return None
    person = _name(read, known, "person") if names and known is not None else None
    if person is not None:  # "was Kem Sokha arrested?", "did X flee?": their card says
        return f"who is {person}" if read.has(*_PEOPLE) else None
    party = _name(read, known, "party") if names else ""
    if party is None or len(names) > 1:
        return None
    of = f" of the {party}" if party else ""
    if read.has("spokesperson"):
        return f"who is the {party} spokesperson" if party else "who are the spokespeople"
    if read.has("leader") and read.has("who"):
        return f"who are the leaders{of}" if party else None
    if read.has("named") and read.has("who", "people"):
        return f"who was named in claims {when}"
    whose = (f" from {party}" if party else "") + (f" {when}" if when else "")
    for tag, words in _PEOPLE.items():
        if read.has(tag):
            return f"who {words}{whose}"
    if read.has("who") and read.has("defect") and not read.has("how_many"):
        return f"who defected{whose}"
    if read.has("who") and read.has("people") and party and not when:
        return f"people{of}"
    return None


def _on(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not when or names or not read.has("happened", "what"):
        return None
    return f"what happened on {when}"


def _total(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("how_many") and not (read.has("defect") and (names or when)):
        return None
    if len(names) > 1:
        return None
    party = _name(read, known, "party") if names else ""
    if party is None:
        return None
    return f"how many {party} defections {when}"


def _who(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if not read.has("who_is", "who") or len(names) != 1:
        return None
    name = _name(read, known, "person")
    if name is None:
        return None
    return f"who was {name} as of {when}" if when else f"who is {name}"


def _bare(read: _Read, names: list[str], when: str, known: Known | None) -> str | None:
    if read.tags or len(names) != 1:
        return None
    name = _name(read, known, "person", "party")
    return f"{name} {when}" if name else None


_READERS: tuple[Reader, ...] = (
    _catalog, _compare, _said, _summary, _file, _top, _people, _on, _total, _who, _bare,
)  # fmt: skip
