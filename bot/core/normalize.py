"""Search keys for romanized-Khmer (and Khmer-script) person and party names.

>>> normalize_name("H.E. Sar  Kheng")
'sar kheng'
>>> compact_key("Pey Pey-Ly")
'peypeyly'
>>> sorted_tokens_key("Sokha Kem")
'kem sokha'

The same function builds the keys stored with every alias and the key of every
query, so the only contract that matters is that it is deterministic and that
spelling noise which carries no meaning (case, accents, apostrophe style,
punctuation, spacing, courtesy titles) maps to the same key.
"""

from __future__ import annotations

import unicodedata

__all__ = ["HONORIFICS", "compact_key", "normalize_name", "sorted_tokens_key"]

# Courtesy and royal-conferred honorifics stripped from the *front* of a name, in
# normalized form (lowercase, "H.E." -> "h e"). Press copy adds them inconsistently
# ("Samdech Hun Sen", "H.E. Hun Sen", "Hun Sen"), and they are shared by many people,
# so they would only add noise to matching. Job titles (Prime Minister, Minister,
# Governor, President) are deliberately absent: they are not part of how a person is
# named and they change over time. Longer phrases win over their prefixes regardless
# of order here, and stripping repeats ("H.E. Dr. X" -> "x") but never empties a name.
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
    "សម្តេចតេជោ",  # Samdech Techo
    "សម្ដេចតេជោ",  # same, written with COENG DA, which renders identically
    "សម្តេច",  # Samdech
    "សម្ដេច",
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
    """
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).split())
    text = unicodedata.normalize("NFKC", text.translate(_DROP_APOSTROPHES)).casefold()
    out: list[str] = []
    base = " "
    for ch in unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRAS)):
        cat = unicodedata.category(ch)
        if cat[0] == "M":
            # Latin accents go; Khmer vowel signs, COENG etc. are letters and stay.
            if not _is_latin(base) and ch not in _INVISIBLE_KHMER:
                out.append(ch)
            continue
        base = ch
        if ch in _SEPARATOR_CHARS or cat in _SEPARATOR_CATEGORIES or ch == _ZWSP:
            out.append(" ")
        elif cat[0] in "PSC":
            continue
        else:
            out.append(ch)
    # NFC recomposes marks kept on non-Latin letters, so keys are in canonical form.
    return " ".join(unicodedata.normalize("NFC", "".join(out)).split())


def _ascii_table() -> dict[int, str | None]:
    """The slow path's result per ASCII character, so both paths agree by construction.

    >>> _ascii_table()[ord("-")], _ascii_table()[ord("!")], _ascii_table()[ord("A")]
    (' ', None, 'a')
    """
    table: dict[int, str | None] = {}
    for code in range(128):
        ch = chr(code)
        if ch in _APOSTROPHES:
            table[code] = None
            continue
        cat = unicodedata.category(ch)
        if ch in _SEPARATOR_CHARS or cat in _SEPARATOR_CATEGORIES:
            table[code] = " "
        elif cat[0] in "PSC":
            table[code] = None
        else:
            table[code] = ch.lower()
    return table


_ASCII_TABLE = _ascii_table()
_HONORIFIC_TOKENS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(h.split()) for h in HONORIFICS), key=len, reverse=True)
)
_HONORIFIC_FIRST_WORDS = frozenset(h[0] for h in _HONORIFIC_TOKENS)


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading honorifics, keeping at least one token.

    >>> _strip_honorifics(["samdech", "techo", "hun", "sen"])
    ['hun', 'sen']
    >>> _strip_honorifics(["samdech"])
    ['samdech']
    """
    while tokens and tokens[0] in _HONORIFIC_FIRST_WORDS:
        for honorific in _HONORIFIC_TOKENS:
            size = len(honorific)
            if len(tokens) > size and tuple(tokens[:size]) == honorific:
                tokens = tokens[size:]
                break
        else:
            break
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
