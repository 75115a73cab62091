"""Party names in a sentence, matched to the party list by name, acronym, alias or Khmer
spelling; a party the list does not know is kept with the text's own spelling.

>>> lex = Lexicon([PartyName("Candlelight Party", ("Candlelight", "គណបក្សភ្លើងទៀន"), ("CLP",)),
...                PartyName("Cambodian People's Party", (), ("CPP",))])
>>> [(m.name, m.known) for m in lex.mentions("Candlelight activists joined the ruling party")]
[('Candlelight Party', True), ("Cambodian People's Party", True)]
>>> [(m.name, m.known) for m in lex.mentions("20 members of the Khmer Will Party joined the CPP")]
[('Khmer Will Party', False), ("Cambodian People's Party", True)]
>>> [m.name for m in lex.mentions("Candlelight and Khmer Will Party members")]
['Candlelight Party', 'Khmer Will Party']
>>> [m.name for m in lex.mentions("សមាជិកគណបក្សភ្លើងទៀនជាង ៣០០ នាក់")]
['Candlelight Party']

An unknown Khmer party is read only where a party's name can stand. Khmer writes "គណបក្ស"
("party") before every party's name, but also wherever it means "the party": "the party's
district leaders", "while the party accuses", "members of various parties", "the party will
appoint". So the words after "គណបក្ស" are cut by khmercut (:func:`bot.core.khmer_questions.segment`)
and the name ends before the first word no party's name holds: a tense or modal word (បាន,
នឹង), a word that opens a clause (ថា, ដែល, និង), a preposition (នៅ, ពី, របស់), a
determiner (នេះ, នានា, ទាំង) or a level, place or body of the party's own organisation
(ថ្នាក់, ស្រុក, ខេត្ត, ក្រុមការងារ); nothing left, no name. And the name must stand where
the press puts one: after a word for the people of a party (សមាជិក, សកម្មជន, មន្ត្រី, អតីត,
...), after a word of moving (ជាមួយ, ចូល, ពី, មកគាំទ្រ), after "និង" or a comma in a list,
or opening its sentence set off by a space. After "ថា" (that) or "ខណៈ" (while) "គណបក្ស" opens
a clause as its subject, and the words after it are its verb (an open class no list holds).

>>> [m.name for m in lex.mentions("សមាជិកគណបក្សខ្មែរក្រោកឡើងបានចូលរួម")]
['គណបក្សខ្មែរក្រោកឡើង']
>>> lex.mentions("ថ្នាក់ដឹកនាំគណបក្សថ្នាក់ស្រុក") + lex.mentions("ខណៈគណបក្សចោទថាមានសម្ពាធ")
[]
>>> lex.mentions("ចំនួនសមាជិកគណបក្សសរុបក្នុងខេត្ត")  # the party's members in all
[]

``party_names`` reads the lexicon from the database (the parties and party_aliases tables).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bot.core.khmer_questions import segment
from bot.ingest.intake.report import PartyName
from bot.ingest.intake.sentences import clean_text, fold_khmer
from bot.storage.queries import Reader
from bot.storage.tables import parties, party_aliases

# How the press names the ruling party without its name (or by its short Khmer name,
# "the People's Party"); they resolve to the party whose acronym is CPP when the list has one.
# Headlines shorten "គណបក្ស" (party) to "បក្ស": "បក្សកាន់អំណាច" is the ruling party too.
_RULING_PARTY_FORMS = (
    "the ruling party", "ruling party", "ruling-party", "គណបក្សកាន់អំណាច", "គណបក្សប្រជាជន", "បក្សកាន់អំណាច",
    "Hun Manet's party", "Hun Sen's party", "the prime minister's party",
)  # fmt: skip
# The Khmer press's initials for two parties (not in data/parties.yaml): គ.ប.ប is the CPP
# (គណបក្សប្រជាជនកម្ពុជា; also written គ.ប.ក, its last word's initial), គ.ស.ជ the CNRP
# (គណបក្សសង្គ្រោះជាតិ); written with or without dots.
_A_THING_AFTER = re.compile(
    r"\s+(?:count|figure|claim|tally|media|page|site|outlet|newspaper|press|daily|narrative|"
    r"account|numbers?)\b",
    re.I,
)
_KHMER_INITIALS = {"CPP": ("គ.ប.ប", "គបប", "គ.ប.ក", "គបក"), "CNRP": ("គ.ស.ជ", "គសជ")}
_KHMER = re.compile(r"[\u1780-\u17ff]")
# An unknown party as English writes it ("the Khmer Will Party") and as Khmer writes it.
_ENGLISH_PARTY = re.compile(
    # (not "Weekly Party-Switching Log": "party-switching" is a word of its own)
    # (nor "Cambodia Party Switch Monitor": a longer name, of something else)
    r"\b((?:[A-Z][\w'-]*\s+)(?:(?:[A-Z][\w'-]*|for|of|and)\s+){0,5}Party)\b(?!-)"
    r"(?!\s+(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z]+)"
)
_KHMER_PARTY = re.compile(r"គណបក្ស[^\s។៕,()\"'៖:;.]+")
_NOT_A_NAME = {
    "the", "a", "an", "former", "ex", "opposition", "ruling", "new", "old", "provincial",
    "his", "her", "their", "its", "our", "this", "that", "each", "every", "another", "one",
    "district", "commune", "national", "local", "both", "in", "on", "from", "to", "of",
    "hundreds", "thousands", "dozens", "scores", "some", "many", "several", "members",
    # "Candlelight and Other Party Members": parties left unnamed
    "other", "various", "small", "smaller", "minor", "rival",
}  # fmt: skip
# Words of a headline in title case, never of a party's name ("Two Hundred and Forty Former
# Activists of Dissolved Party Return to CPP")
_HEADLINE_WORDS = {
    "members", "activists", "supporters", "officials", "councillors", "councilors", "families",
    "defectors", "former", "dissolved", "hundred", "thousand", "dozens", "hundreds",
}  # fmt: skip
# ... nor its verb before "Party": "Royalist Trio Quit FUNCINPEC to Form New Party"
_HEADLINE_VERBS = {
    "form", "forms", "forming", "create", "creates", "launch", "launches", "found", "founds",
    "start", "starts", "join", "joins", "quit", "quits", "leave", "leaves", "back", "backs",
}  # fmt: skip
# ... nor a possessive: "... in Kamchay Mear District Leave Their Party to Join the CPP"
_POSSESSIVES = {"their", "its", "his", "her", "our", "my", "your"}
_BRANCH_LEVELS = {"district", "provincial", "province", "commune", "municipal", "city", "capital"}
# "គណបក្ស" followed by one of these is "a single party", "this party", "the opposition party",
# "the old party", "the previous party", "their own party", "their original party"...
_KHMER_NOT_A_NAME = (
    "តែមួយ", "នេះ", "នោះ", "ដទៃ", "ផ្សេង", "ថ្មី", "របស់", "ណា", "ទាំង", "នយោបាយ", "ប្រឆាំង",
    "ចាស់", "មុន", "ពីមុន", "ខ្លួន", "ដើម",
    # "សមាជិកគណបក្សចូលរួមប្រមាណ ៩០០ នាក់" (about 900 party members attended): a verb after
    "ចូល", "បាន",
    # "លាលែងពីគណបក្សតាមរយៈលិខិតចំហ" (resigned from the party by an open letter): how, after
    "តាម", "ដោយ",
    # "គណបក្សជាច្រើន" (many parties)
    "ជាច្រើន",
    # "សកម្មជនគណបក្សម្នាក់" (a party activist): a counter
    "ម្នាក់", "មួយ", "រូប",
    # "គណបក្សតូចមួយ" (a small party), "គណបក្សធំ" (a big party), "គណបក្សយើង" (our party)
    "តូច", "ធំ", "យើង",
    # "ចាកចេញពីគណបក្សពិតមែន" (really left the party)
    "ពិត",
    # "ចូលជាសមាជិកគណបក្សដែរ" (joined the party too), "...គណបក្សវិញ" (the party again): particles
    "ដែរ", "វិញ", "ផង", "ទេ", "ឡើយ",
    # "គណបក្សគេ" (someone else's party), "គណបក្សពីរ" (two parties)
    "គេ", "ពីរ", "បី",
    # "ថ្នាក់ដឹកនាំគណបក្សគ្រប់លំដាប់ថ្នាក់" (the party's leaders at every level)
    "គ្រប់",
    # "លាលែងពីគណបក្សជាសមូហភាព" (resigned from the party collectively), "... ជាផ្លូវការ"
    # (officially), "... ជាស្ថាពរ" (for good): how, no name
    "ជាសមូហភាព", "ជាផ្លូវការ", "ជាស្ថាពរ", "ជាក្រុម",
    # "លាលែងពីគណបក្សព្រមៗគ្នា" (resigned from the party together), "... រួមគ្នា"
    "ព្រមគ្នា", "ព្រមៗគ្នា", "រួមគ្នា",
    # "គណបក្សរាជានិយម" (the royalist party): FUNCINPEC described, as "the ruling party" is
    "រាជានិយម",
    # "គណបក្សម្ខាងទៀត" (the other party, of two)
    "ម្ខាង",
)  # fmt: skip


def _words(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Words (as khmercut cuts them) that no party's name holds: a name ends before the first.
_KHMER_NAME_ENDS = _words(
    # tense, modal and negation words
    "បាន នឹង កំពុង ត្រូវ ត្រូវបាន មិន ពុំ ធ្លាប់ អាច គួរ ចង់ នៅតែ ក៏ ទើប ទៅហើយ "
    # words that open or join clauses
    "ថា ដែល និង ហើយ ឬ ព្រោះ ប៉ុន្តែ ខណៈ បើ ទោះ គឺ "
    # prepositions
    "នៅ នៅលើ នៅក្នុង ក្នុង ពី ជាមួយ ចំពោះ របស់ នៃ ដល់ លើ ទៅ មក ជូន ឱ្យ អោយ តាម ដោយ "
    # "គណបក្សកាលពីថ្ងៃពុធ" (the party on Wednesday): a time, no name
    # ... "នៅជាមួយគណបក្សអស់រយៈពេល ២៥ ឆ្នាំ" (with the party for 25 years): a span of time
    "កាលពី កាល ថ្ងៃ អស់ រយៈពេល "
    # determiners and quantifiers
    # ("សមាជិកគណបក្សសរុប", the party's members in all: a total, no name)
    "នេះ នោះ នានា ទាំង ទាំងអស់ ទៀត ណា ណាមួយ ខ្លះ ដទៃ ផ្សេង ផ្សេងៗ ៗ ច្រើន សរុប ទូទាំង "
    # a level, a place or a body of a party's organisation
    "ថ្នាក់ ស្រុក ខេត្ត ឃុំ សង្កាត់ ភូមិ ក្រុង ខណ្ឌ រាជធានី ប្រចាំ សាខា ក្រុមការងារ "
    "គណៈកម្មាធិការ ទីស្នាក់ការ "
    # a count's words: "គណបក្សX ប្រមាណ ៦០នាក់", "សកម្មជនគណបក្សX ម្នាក់"
    "ប្រមាណ ជាង ជិត ចំនួន ម្នាក់ មួយ រូប នាក់ "
    # "គណបក្សនៅក្នុងពិធីនេះ" (the party at this ceremony)
    "នៅក្នុង ពិធី "
    # "ប័ណ្ណសមាជិកគណបក្សរួចរាល់" (the party's cards already)
    "រួចរាល់ រួច រួចហើយ "
    # "សមាជិករបស់គណបក្សលោក" (the members of his party): a pronoun, no name
    "លោក លោកស្រី គាត់ គេ យើង ខ្ញុំ ខ្លួន ពួកគេ ពួកយើង នាង "
    # "គណបក្សដដែល" (the same party)
    "ដដែល "
    # "ចាកចេញពីគណបក្សមែន" (did leave the party, indeed): a word of saying so, no name
    "មែន ពិតមែន មែនទែន",
)
# What opens a sentence, a quotation or a list's line ("- គណបក្ស... ៥៣នាក់").
_OPENS = '។៕!?:៖"«(\n-–•'
# The word before a party's name (as khmercut cuts it): the people of a party, a word of
# moving or of belonging, a list's joiner.
_KHMER_NAME_AFTER = _words(
    "សមាជិក សមាជិកា សកម្មជន គាំទ្រ អ្នកគាំទ្រ មន្ត្រី ថ្នាក់ដឹកនាំ មេដឹកនាំ ប្រធាន អនុប្រធាន "
    "អតីត បេក្ខជន តំណាងរាស្ត្រ អ្នកនាំពាក្យ លេខាធិការ ស្ថាបនិក ជាមួយ ចូល ពី ចេញពី មកពី មក ទៅ កាន់ ទៅកាន់ "
    # ... and a list's next item after a count ("A ១២៧នាក់ គណបក្សB ៣៨នាក់")
    "ក្នុង នៃ របស់ និង ឬ , នាក់ រូប",
)

# "និងគណបក្សនយោបាយផ្សេងៗទៀត", "និងគណបក្សដទៃទៀត" (and other (political) parties) after a named
# party: the parties the record keeps as "Unnamed Parties" beside it, as English "and other
# parties" is.
# ... "គណបក្សតូចៗផ្សេងទៀត" (other small parties), "គណបក្សជាច្រើន" (many parties)
KHMER_OTHER_PARTIES = re.compile(
    r"(?:និង|ឬ|,)\s*(?:ពី\s*)?(?:អតីត)?(?:សមាជិក|សកម្មជន|អ្នកគាំទ្រ)?\s*"
    # ... "និងគណបក្សនយោបាយមួយចំនួនទៀត" (and some other political parties)
    r"គណបក្ស(?:នយោបាយ|ប្រឆាំង|តូចៗ|តូច)*\s*(?:ផ្សេង|ដទៃ|ជាច្រើន|មួយចំនួន)"
)


@dataclass(frozen=True)
class PartyMention:
    """A party named in a sentence: the canonical name when known, else the text's spelling."""

    name: str
    text: str
    start: int
    end: int
    known: bool


def _english_pattern(name: str) -> str:
    words = [_english_word(w) for w in clean_text(name).split()]
    return r"(?<![\w-])" + r"\s+".join(words) + r"(?!\w)"


def _english_word(word: str) -> str:
    bare = re.sub(r"['’]", "", word)
    if bare != word and bare.endswith("s"):
        # "People's", "Peoples'" and "Peoples": writers place the apostrophe either side,
        # and a translation may drop it with its s ("Cambodian People Party")
        return re.escape(bare[:-1]) + "(?:['’]?s['’]?)?"
    return re.escape(word)


_GLOSS = re.compile(r"\s*\(\s*")


class Lexicon:
    """The party list compiled for finding its names in text, longest names first."""

    def __init__(self, names: Sequence[PartyName]) -> None:
        forms: list[tuple[str, str, bool]] = []  # (form, canonical, case-sensitive)
        self.ruling = next((party.name for party in names if "CPP" in party.acronyms), None)
        for party in names:
            forms.append((party.name, party.name, False))
            forms += [(alias, party.name, False) for alias in party.aliases]
            forms += [(acronym, party.name, True) for acronym in party.acronyms]
            if "CPP" in party.acronyms:
                forms += [(form, party.name, False) for form in _RULING_PARTY_FORMS]
            if "FUNCINPEC" in party.acronyms:
                # "received royalist party cards": the press's name for FUNCINPEC
                forms += [("royalist party", party.name, False)]
            for acronym, initials in _KHMER_INITIALS.items():
                if acronym in party.acronyms:
                    forms += [(form, party.name, True) for form in initials]
        forms.sort(key=lambda f: -len(f[0]))
        # a known Khmer name's words, in any order ("គណបក្សរួបរួមជាតិខ្មែរ" for "គណបក្សខ្មែររួបរួម
        # ជាតិ"): the same party written with its words in another order
        self._khmer_words = {
            frozenset(segment(clean_text(form))): canonical
            for form, canonical, _ in forms
            if _KHMER.search(form) and form.startswith("គណបក្ស")
        }
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        for form, canonical, exact in forms:
            form = clean_text(form)
            if _KHMER.search(form):
                pattern = re.compile(re.escape(form))
            elif exact:
                # "CPP's" is the party, "CPP-aligned" a description of something else.
                # ... and "ex-CNRP": the party, once
                pattern = re.compile(
                    r"(?:(?<![\w-])|(?<=\b[Ee]x-))" + re.escape(form) + r"(?![a-z]|-\w)"
                )
            else:
                pattern = re.compile(_english_pattern(form), re.I)
            self._patterns.append((pattern, canonical))

    def mentions(self, sentence: str) -> list[PartyMention]:
        """Every party named in the sentence, in order; known names first take their place,
        then unknown "... Party" / "គណបក្ស..." names in what is left.

        >>> lex = Lexicon([PartyName("FUNCINPEC", ("Funcinpec",), ("FUNCINPEC",))])
        >>> [(m.name, m.text, m.known) for m in lex.mentions("Funcinpec and the Sam Rainsy Party")]
        [('FUNCINPEC', 'Funcinpec', True), ('Sam Rainsy Party', 'Sam Rainsy Party', False)]
        """
        found: list[PartyMention] = []
        sentence = fold_khmer(sentence)

        def free(start: int, end: int) -> bool:
            return all(end <= m.start or m.end <= start for m in found)

        for pattern, canonical in self._patterns:
            for m in pattern.finditer(sentence):
                if m.group().lower() == "ruling-party" and _A_THING_AFTER.match(
                    sentence[m.end() :]
                ):
                    continue  # "a ruling-party count is disputed": the party's figure, no move
                if free(*m.span()):
                    found.append(PartyMention(canonical, m.group(), *m.span(), known=True))
        for m in _ENGLISH_PARTY.finditer(sentence):
            words = m.group(1).split()
            while words and words[0].lower() in _NOT_A_NAME:
                words = words[1:]
            if len(words) < 2 or words[-2].lower() in _BRANCH_LEVELS:
                continue  # "the Memot District Party Committee": a party's branch, no name
            if any(w.lower() in _HEADLINE_WORDS for w in words) or any(
                w.lower() in _HEADLINE_VERBS or w.lower() in _POSSESSIVES for w in words[:-1]
            ):
                continue  # "Forty Former Activists of Dissolved Party Return ...": a headline
            start = m.end(1) - len(" ".join(words))
            known = [k for k in found if start <= k.start < m.end(1)]
            if known:
                # "Candlelight and Khmer Will Party members": the known name, then another
                gap = re.match(r"[\s,]*(?:(?:and|or|the)\s+)*", sentence[known[-1].end : m.end(1)])
                start = known[-1].end + (gap.end() if gap else 0)
                second = sentence[start : m.end(1)].split()
                if len(second) < 2 or second[0].lower() in _NOT_A_NAME:
                    continue  # (nor "Candlelight and Other Party Members": no second name)
            spelled = sentence[start : m.end(1)]
            if free(start, m.end(1)):
                found.append(PartyMention(spelled, spelled, start, m.end(1), known=False))
        for m in _KHMER_PARTY.finditer(sentence):
            rest = m.group()[len("គណបក្ស") :]
            if len(rest) < 3 or rest.startswith(_KHMER_NOT_A_NAME) or not free(*m.span()):
                continue
            name = _khmer_name(sentence, m.start(), m.end())
            if name is None and any(
                k.known and re.fullmatch(r"[\s,]*", sentence[k.end : m.start()]) for k in found
            ):
                # "គណបក្សA គណបក្សB និងគណបក្សC" (party A, party B and party C): a list's middle name
                name = _khmer_name(sentence, m.start(), m.end(), listed=True)
                if name is None or not _LIST_GOES_ON.match(sentence, m.start() + len(name)):
                    continue
            if name is not None and free(m.start(), m.start() + len(name)):
                known_as = self._khmer_words.get(frozenset(segment(name)))
                end = m.start() + len(name)
                found.append(PartyMention(known_as or name, name, m.start(), end, bool(known_as)))
        found.sort(key=lambda m: m.start)
        for i, gloss in enumerate(found[1:], 1):
            named = found[i - 1]
            glossed = _GLOSS.fullmatch(sentence[named.end : gloss.start])
            if named.known == gloss.known or not glossed:
                continue
            # "KNUP (គណបក្សឯកភាពជាតិខ្មែរ)": the party just named, glossed in another spelling;
            # ... and "គណបក្សសាមគ្គីជាតិខ្មែរ (KNUP)": a spelling the list lacks, glossed by one it has
            if named.known:
                found[i] = PartyMention(named.name, gloss.text, gloss.start, gloss.end, True)
            else:
                found[i - 1] = PartyMention(gloss.name, named.text, named.start, named.end, True)
        return found


_LIST_GOES_ON = re.compile(r"\s*(?:,|និង|ឬ)\s*គណបក្ស")


def _khmer_name(sentence: str, start: int, end: int, listed: bool = False) -> str | None:
    """The unknown Khmer party named at ``sentence[start:end]`` ("គណបក្ស" and the words
    written with it), cut before the first word no name holds; None where no name stands
    (``listed``: it follows a known party's name in a list).

    >>> _khmer_name("សមាជិកគណបក្សខ្មែរក្រោកឡើងបានចូលរួម", 6, 35)
    'គណបក្សខ្មែរក្រោកឡើង'
    >>> _khmer_name("បានថ្លែងថា គណបក្សគោរពការសម្រេចចិត្ត", 11, 36) is None  # "the party respects"
    True
    """
    words = segment(sentence[start:end])
    if not words or words[0] != "គណបក្ស":
        return None
    kept = list(itertools.takewhile(lambda w: w not in _KHMER_NAME_ENDS, words[1:]))
    if not kept:
        return None
    lead = sentence[:start].rstrip()
    if not lead or lead[-1] in _OPENS:
        # opening its sentence: a name only when set off whole ("គណបក្សX បាន..."), not
        # "គណបក្សនឹងចាត់តាំង..." (the party will appoint)
        return "គណបក្ស" + "".join(kept) if len(kept) == len(words) - 1 else None
    previous = segment(lead.split()[-1])[-1:]
    if not listed and (not previous or previous[0] not in _KHMER_NAME_AFTER):
        return None
    return "គណបក្ស" + "".join(kept)


def party_names(session: Reader) -> list[PartyName]:
    """The parties (kind "party", not the table's "Unnamed Parties" or "Political Analyst"
    labels) with their aliases and acronyms, as the extractor's lexicon.

    >>> from sqlalchemy import create_engine
    >>> from bot.storage.tables import metadata
    >>> engine = create_engine("sqlite://")
    >>> metadata.create_all(engine)
    >>> with engine.begin() as conn:
    ...     _ = conn.execute(parties.insert(), [{"id": 1, "key": "cpp", "kind": "party",
    ...         "name": "Cambodian People's Party", "content_hash": "x"}])
    ...     _ = conn.execute(party_aliases.insert(), [{"party_id": 1, "alias": a,
    ...         "search_key": a, "compact_key": a, "sorted_key": a, "acronym": a == "CPP"}
    ...         for a in ("CPP", "គណបក្សប្រជាជនកម្ពុជា")])
    ...     party_names(conn)
    [PartyName(name="Cambodian People's Party", aliases=('គណបក្សប្រជាជនកម្ពុជា',), acronyms=('CPP',))]
    """
    rows = session.execute(
        select(parties.c.id, parties.c.name).where(parties.c.kind == "party").order_by(parties.c.id)
    ).all()
    aliases: dict[int, list[tuple[str, bool]]] = {}
    for party_id, alias, acronym in session.execute(
        select(party_aliases.c.party_id, party_aliases.c.alias, party_aliases.c.acronym).order_by(
            party_aliases.c.id
        )
    ):
        aliases.setdefault(party_id, []).append((alias, bool(acronym)))
    out = []
    for party_id, name in rows:
        own = aliases.get(party_id, [])
        out.append(
            PartyName(
                name=name,
                aliases=tuple(a for a, acronym in own if not acronym and a != name),
                acronyms=tuple(a for a, acronym in own if acronym),
            )
        )
    return out
