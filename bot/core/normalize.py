"""Search keys for romanized-Khmer (and Khmer-script) person and party names.

>>> normalize_name("H.E. Sar  Kheng")
'sar kheng'
>>> compact_key("Pey Pey-Ly")
'peypeyly'
>>> sorted_tokens_key("Sokha Kem")
'kem sokha'
>>> sounds_key("Sok Eisan") == sounds_key("Sok Eysan") == "sok esan"
True

The same functions build the keys stored with every alias and the key of every query,
so the only contract that matters is that they are deterministic and that spelling noise
which carries no meaning (case, accents, apostrophe style, punctuation, spacing, courtesy
titles) maps to the same key.

`sounds_key` goes one step further, for the matcher: it folds the ways the English-language
press romanizes the same Khmer sounds (ey/ei/ay, ea/ia/ie, ou/u/o, oeu/eu, chh/ch, kh/k,
th/t, a silent final h or r, doubled letters) into one spelling. It is written here rather
than taken from a library because the phonetic codes libraries offer (Soundex, Metaphone,
NYSIIS, as in jellyfish) encode English spelling: they drop the vowels after the first
letter or make them all one, and vowels are where romanized Khmer names differ (Soundex
gives "Kem Sokha" and "Kim Sakha" the same code), while none knows that "oeu", "eu" and "oe"
spell one Khmer vowel or that a final "r" is silent.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.khmer import fold_lookalikes

__all__ = [
    "HONORIFICS",
    "VOWEL_SOUNDS",
    "compact_key",
    "normalize_name",
    "sorted_tokens_key",
    "sounds_key",
    "sounds_word",
]

# Courtesy and royal-conferred honorifics stripped from the *front* of a name, in
# normalized form (lowercase, "H.E." -> "h e"). Press copy adds them inconsistently
# ("Samdech Hun Sen", "H.E. Hun Sen", "Hun Sen"), and they are shared by many people,
# so they would only add noise to matching. Job titles (Prime Minister, Minister,
# Governor, President) are deliberately absent: they are not part of how a person is
# named and they change over time. They are compared without spaces, so "Lok Chum Teav",
# "Ok-nha" and "H. E." count as the listed forms; longer phrases win over their prefixes,
# and stripping repeats ("H.E. Dr. X" -> "x") but never empties a name.
HONORIFICS: tuple[str, ...] = (
    # Royal-conferred "Samdech" titles, with the spellings seen in English-language press.
    "samdech akka moha sena padei techo",
    "samdech aka moha sena padei techo",
    "samdech akka moha sena padey techo",
    "samdech techo",
    "samdech moha bovor thipadei",
    "samdech thipadei",
    "samdech akka moha ponhea chakrei",
    "samdech vibol sena pheakdei",
    "samdech pichey sena",
    "samdech krolahom",
    "samdech kralahom",
    "samdech krom preah",
    "samdech",
    "samdach",
    # Forms of address.
    "his excellency",
    "her excellency",
    "excellency",
    "h e",
    "he",
    "neak oknha",
    "neak okhna",
    "oknha",
    "okhna",
    "oknya",
    "lok chumteav",
    "lok chumtiev",
    "chumteav",
    "lok srey",
    "prince",
    "princess",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "madam",
    "mme",
    # Khmer-script equivalents (only stripped when written as a separate word).
    # Samdech Techo, Samdech: also as typed with COENG DA (សម្ដេច), which the keys fold into this.
    "សម្តេចតេជោ",
    "សម្តេច",
    "ឯកឧត្តម",  # His Excellency
    "លោកជំទាវ",  # Lok Chumteav
    "អ្នកឧកញ៉ា",  # Neak Oknha
    "ឧកញ៉ា",  # Oknha
    "លោកស្រី",  # Mrs
    "លោក",  # Mr
    "បណ្ឌិត",  # Dr
    "ព្រះអង្គម្ចាស់",  # Prince
)

# Apostrophe look-alikes are deleted (not spaced) so "People’s" == "People's" ==
# "Peoples". They go before NFKC because NFKC turns U+00B4 into space + combining mark.
_APOSTROPHES = "'`\u2018\u2019\u201b\u02bc\u02bb\u00b4\u2032\uff07"
_DROP_APOSTROPHES = {ord(ch): None for ch in _APOSTROPHES}

# Punctuation that separates words; everything else in categories P*/S* is deleted.
_SEPARATOR_CHARS = frozenset(".,/\\:;&+|·•…\u17d4\u17d5")  # ។ ៕ end Khmer clauses
_SEPARATOR_CATEGORIES = frozenset({"Pd", "Ps", "Pe", "Pc", "Zs", "Zl", "Zp", "Cc"})

# Latin letters that NFKD does not decompose but readers treat as accented ASCII.
_LATIN_EXTRAS = str.maketrans(
    {"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

# Invisible characters that Khmer typists insert inconsistently. ZERO WIDTH SPACE marks
# a word break, so it becomes a space (compact keys then ignore it); the deprecated
# inherent-vowel signs U+17B4/U+17B5 are invisible and Unicode advises against them.
_ZWSP = "\u200b"
_INVISIBLE_KHMER = frozenset("\u17b4\u17b5")


def _is_latin(ch: str) -> bool:
    """Whether combining marks on *ch* are accents to drop (Latin) or letters to keep.

    >>> _is_latin("e"), _is_latin("ក")
    (True, False)
    """
    code = ord(ch)
    return code < 0x0370 or 0x1E00 <= code < 0x1F00


def _fold(text: str) -> str:
    """Case/accent/punctuation folding without honorific stripping.

    >>> _fold("Cambodia  Indigenous People’s-Party")
    'cambodia indigenous peoples party'
    >>> _fold("\U0001f56f\ufe0f")  # a candle emoji and its variation selector: nothing left
    ''
    >>> _fold("សម្ដេច") == _fold("សម្តេច")
    True
    """
    # Khmer's two look-alike subscripts (្ដ, ្ត) are one letter for matching (bot.core.khmer).
    text = fold_lookalikes(unicodedata.normalize("NFKC", text.translate(_DROP_APOSTROPHES)))
    text = text.casefold()
    out: list[str] = []
    keeps_marks = False  # whether the last base character kept was a non-Latin letter or digit
    for ch in unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRAS)):
        cat = unicodedata.category(ch)
        if cat[0] == "M":
            # Latin accents go; Khmer vowel signs, COENG etc. are letters and stay. A mark on a
            # symbol (an emoji's variation selector) goes with the symbol.
            if keeps_marks and ch not in _INVISIBLE_KHMER:
                out.append(ch)
            continue
        keeps_marks = False
        if ch in _SEPARATOR_CHARS or cat in _SEPARATOR_CATEGORIES or ch == _ZWSP:
            out.append(" ")
        elif cat[0] in "PSC":
            continue
        else:
            out.append(ch)
            keeps_marks = not _is_latin(ch)
    # NFC recomposes marks kept on non-Latin letters, so keys are in canonical form.
    return " ".join(unicodedata.normalize("NFC", "".join(out)).split())


# Compact forms ("lokchumteav"), and the most words any of them spans when spaced out
# letter by letter ("h e" is two words).
_HONORIFIC_COMPACTS = frozenset(h.replace(" ", "") for h in HONORIFICS)
_HONORIFIC_MAX_WORDS = max(len(h.replace(" ", "")) for h in HONORIFICS)


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading honorifics, however spaced, keeping at least one token.

    >>> _strip_honorifics(["samdech", "techo", "hun", "sen"])
    ['hun', 'sen']
    >>> _strip_honorifics(["lok", "chum", "teav", "men", "sam", "an"])
    ['men', 'sam', 'an']
    >>> _strip_honorifics(["samdech"])
    ['samdech']
    """
    while len(tokens) > 1:
        joined = ""
        longest = 0
        for size in range(1, min(len(tokens) - 1, _HONORIFIC_MAX_WORDS) + 1):
            joined += tokens[size - 1]
            if joined in _HONORIFIC_COMPACTS:
                longest = size
        if not longest:
            break
        tokens = tokens[longest:]
    return tokens


def normalize_name(text: str) -> str:
    """The search key: folded, punctuation-free, single-spaced, without honorifics.

    >>> normalize_name("Samdech Akka Moha Sena Padei Techo  HUN Sén")
    'hun sen'
    >>> normalize_name("Cambodian Indigenous People’s Democracy Party")
    'cambodian indigenous peoples democracy party'
    >>> normalize_name("ឯកឧត្តម ហ៊ុន ម៉ាណែត")
    'ហ៊ុន ម៉ាណែត'
    """
    return " ".join(_strip_honorifics(_fold(text).split()))


def compact_key(text: str) -> str:
    """normalize_name without spaces, so "Sar Longdeth" meets "Sarlong Deth".

    >>> compact_key("Sar Long-Deth")
    'sarlongdeth'
    """
    return normalize_name(text).replace(" ", "")


def sorted_tokens_key(text: str) -> str:
    """Normalized tokens sorted and space-joined; ratio() on these is token_sort_ratio.

    >>> sorted_tokens_key("Raiya, Kung")
    'kung raiya'
    """
    return " ".join(sorted(normalize_name(text).split()))


# One unit of a romanized word: a vowel run (y is a vowel unless a vowel follows it) with the
# h or r that only lengthens it ("Sokhah", "Sinorn", "Kimsour": not before a vowel); a final
# h after a consonant ("Sengh"), which is silent; a consonant digraph; or one letter.
_UNITS = re.compile(
    r"((?:[aeiou]|y(?![aeiou]))+)(?:[hr](?![aeiouy]))?"
    r"|(?<=.)h$"
    r"|(chh|ch|kh|ph|th|dh|bh|ng|nh|ny(?=[aeiou])|.)"
)
# Consonants spelled more than one way for one Khmer sound; the rest stand for themselves.
_CONSONANTS = {
    "chh": "c", "ch": "c", "j": "c", "kh": "k", "c": "k", "q": "k", "g": "k",
    "ph": "p", "th": "t", "dh": "d", "bh": "b", "w": "v", "z": "s", "nh": "ny", "ny": "ny",
}  # fmt: skip
# Vowel runs by the Khmer vowel they romanize, one letter each (a different vowel is one
# substitution, however it is spelled): capitals for the vowels no single letter spells.
# Runs not listed are read letter by letter.
_VOWELS = {
    "a": "a",
    **dict.fromkeys(("e", "ei", "ey", "ai", "ay", "ae", "aey", "aei", "eay"), "e"),
    **dict.fromkeys(("i", "y", "iy", "yi", "ee"), "i"),
    **dict.fromkeys(("o", "u", "ou", "uo", "ua", "oa", "au", "ao", "oua", "uoa"), "o"),
    **dict.fromkeys(("ea", "ia", "ie", "iea", "eia", "eah"), "A"),
    **dict.fromkeys(("oe", "eu", "oeu", "eou", "aeu", "eo", "ue", "oeo"), "O"),
    **dict.fromkeys(("oi", "oy", "ui", "uy", "ouy", "uoy"), "U"),
}
VOWEL_SOUNDS = frozenset(_VOWELS.values())
_VOWEL_LETTERS = str.maketrans("yu", "io")
_DOUBLED = re.compile(r"(.)\1+")
_DOUBLED_LETTERS = re.compile(r"([a-df-z])\1+")


def sounds_word(word: str) -> str:
    """One normalized word as it sounds: romanizations of one Khmer name fold to one key.

    >>> [sounds_word(w) for w in ("eysan", "eisan", "aysan")]
    ['esan', 'esan', 'esan']
    >>> [sounds_word(w) for w in ("khuong", "khoung", "sinorn", "thoeun", "longdeth", "sovann")]
    ['kong', 'kong', 'sinon', 'tOn', 'longdet', 'sovan']
    >>> sounds_word("phearith"), sounds_word("phirith"), sounds_word("ហ៊ុន")
    ('pArit', 'pirit', 'ហ៊ុន')

    Words that are not plain ASCII letters (Khmer script, digits) are returned unchanged.
    """
    if not (word.isascii() and word.isalpha()):
        return word
    out = []
    # A doubled letter spells the same sound ("Sarr", "Yangg"), except "ee", read as i.
    for vowels, letters in _UNITS.findall(_DOUBLED_LETTERS.sub(r"\1", word)):
        if vowels:
            sound = _VOWELS.get(vowels) or _VOWELS.get(_DOUBLED.sub(r"\1", vowels))
            out.append(sound or _DOUBLED.sub(r"\1", vowels.translate(_VOWEL_LETTERS)))
        elif letters:
            out.append(_CONSONANTS.get(letters, letters))
    return _DOUBLED.sub(r"\1", "".join(out))


def sounds_key(text: str) -> str:
    """normalize_name, then each word as it sounds (:func:`sounds_word`).

    >>> sounds_key("Samdech Hun Sen"), sounds_key("Sarlong Det"), sounds_key("Sar Longdeth")
    ('hon sen', 'salong det', 'sa longdet')
    """
    return " ".join(map(sounds_word, normalize_name(text).split()))
