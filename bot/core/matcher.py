"""In-memory name index: exact, acronym, sounds-alike, whole-word and fuzzy lookup of aliases.

>>> names = ["Sok Eysan", "Kung Raiya", "CPP"]
>>> index = NameIndex(AliasEntry(n, name) for n, name in enumerate(names, 1))
>>> [(c.target, c.how) for c in index.resolve("Sok Eisan")]
[(1, 'fuzzy')]
>>> [(c.target, c.how) for c in index.resolve("kung raya")]
[(2, 'fuzzy')]
>>> [(c.target, c.how) for c in index.resolve("c.p.p.")], index.resolve("CPPP")
([(3, 'acronym')], [])
>>> [(c.target, c.how) for c in index.resolve("Raiya")], index.suggest("🕯️")
([(2, 'word')], [])

How a query is matched, strongest evidence first:

1. **exact**: its compact key (normalized, spaces removed: :mod:`bot.core.normalize`) equals an
   alias's; **acronym**: it equals an acronym's (CPP, C.N.R.P.), which match no other way.
2. **sounds alike**: the same, compared as the names sound
   (:func:`bot.core.normalize.sounds_word`: ey/ei/ay, ou/u/o, chh/ch, doubled letters...
   folded), in any word order: score `SOUNDS_ALIKE`.
3. Otherwise candidates come from the aliases sharing the query's words, then from
   rapidfuzz's ``process.extract`` (``fuzz.ratio``) over every alias's compact sounds key,
   as typed and with the first word last; each is scored word by word (:class:`_Scorer`): a
   word by the better of its plain and its sounds-alike ``fuzz.ratio``, a name by its weakest
   word. A slip in a long word ("Kimsour Phirth") still answers; a changed consonant in a
   short word does not ("Hun Many" for "Hun Manet", "Sem Hal" for "Sem Hak": as often another
   name as a typo), and is left to :meth:`NameIndex.suggest`. A query giving some of an
   alias's words ("Raiya", "Saing Koma") is a **word** match.

:meth:`NameIndex.resolve` keeps what scores at least `CUTOFF`: what the bot may answer with;
:meth:`NameIndex.suggest` the closest names whatever they score ("did you mean").

Finding candidates is the library's plain scan over a list; bench/RESULTS.md shows it inside
the /who envelope at 50k and 250k aliases, so there is no pruning structure of our own. The
scoring is our own because no library scorer knows which differences make another name:
``fuzz.WRatio`` and ``token_sort_ratio`` score "Hun Seng" against "Hun Sen" (93) above "Sok
Eisan" against "Sok Eysan" (89); bench/RESULTS.md compares them on the labelled pairs of
tests/data/name_pairs.tsv.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from bot.core.normalize import VOWEL_SOUNDS, normalize_name, sounds_word

__all__ = [
    "CUTOFF",
    "SOUNDS_ALIKE",
    "WORD_SCORE",
    "AliasEntry",
    "Candidate",
    "NameIndex",
    "looks_like_acronym",
]

How = Literal["exact", "acronym", "word", "fuzzy"]

# What resolve() keeps: a name the bot may answer with rather than offer as a suggestion.
CUTOFF = 88.0
# A bare surname or party word is a real lead but weaker than a near-complete name;
# 90 ranks it above borderline fuzzy hits (88-90) and below confident ones.
WORD_SCORE = 90.0
# A query spelled like an alias once both are folded by sound: below an exact match, above
# any merely close spelling.
SOUNDS_ALIKE = 96.0
# A whole word that sounds like the alias's word, spelled otherwise ("Eisan" / "Eysan").
_WORD_ALIKE = 97.0
# Respellings change a name's vowels; in a word this short, changed consonants (as the
# words sound) are as often another name ("Sokha" / "Sokhom", "Sen" / "Seng") as a typo, and
# score at most _OTHER_CONSONANTS: below the cutoff, so a suggestion rather than an answer.
_SHORT_WORD = 5
_OTHER_CONSONANTS = 85.0
# Shorter words ("Ly", "Ou") are shared by too many people to be a useful lead.
_MIN_WORD = 3
# Compared without word boundaries (the words of query and alias do not pair up: "Sarlong
# Deth" / "Sar Longdeth"), a name scores this share of its ratio: a spacing variant with a
# typo is a suggestion, not an answer.
_UNPAIRED = 0.9
# How much of a name's score is its mean word (by the alias word's length) rather than its
# weakest: enough to rank names with the same weakest word.
_MEAN_SHARE = 0.2
# Aliases a scan hands to the scorer; the aliases sharing a word are capped alike.
_POOL = 40
# A one-word query also looks among the aliases holding a word this close to it.
_CLOSE_WORD = 70.0
# Word orders tried: every order up to three words, rotations (surname last, as in Western
# copy) up to six; the rest of a longer query is one unit.
_MAX_PERMUTED = 3
_MAX_WORDS = 6
# Longer text is not a name; only its start is read (and every scan row stays short).
_MAX_QUERY = 120


class AliasEntry(NamedTuple):
    """One alias row; its search key is computed when the caller did not store it.

    >>> AliasEntry(7, "Sam Rainsy", key="sam rainsy").target
    7
    """

    target: int
    alias: str
    key: str | None = None
    acronym: bool = False
    canonical: bool = False  # the target's own name (see NameIndex.name_of)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A target that a query may refer to, with the alias that matched.

    >>> Candidate(1, "Hun Sen", 100.0, "exact").how
    'exact'
    """

    target: int
    alias: str
    score: float
    how: How


def looks_like_acronym(alias: str) -> bool:
    """Short all-caps single words ("CPP", "C.N.R.P.") are treated as acronyms.

    >>> looks_like_acronym("FUNCINPEC"), looks_like_acronym("C.N.R.P."), looks_like_acronym("Kem")
    (True, True, False)
    """
    if not alias.isupper():  # cheap exit for ordinary mixed-case names
        return False
    words = alias.split()
    if len(words) != 1:
        return False
    letters = words[0].replace(".", "").replace("&", "").replace("-", "")
    return 2 <= len(letters) <= 10 and letters.isascii() and letters.isalnum()


# The words of the aliases a scan hands to the scorer recur (family names above all).
_sounds_word = functools.lru_cache(maxsize=4096)(sounds_word)


class _Name(NamedTuple):
    """A name's words as written (normalized) and as they sound."""

    words: tuple[str, ...]
    sounds: tuple[str, ...]

    @classmethod
    def of(cls, key: str) -> _Name:
        """The words of a normalized key.

        >>> _Name.of("sok eisan").sounds
        ('sok', 'esan')
        """
        words = tuple(key.split())
        return cls(words, tuple(map(_sounds_word, words)))


def _orders(count: int) -> list[tuple[int, ...]]:
    """The word orders of a query tried against an alias, as index tuples.

    >>> _orders(2), _orders(4)[1]
    ([(0, 1), (1, 0)], (1, 2, 3, 0))
    """
    if count <= _MAX_PERMUTED:
        return list(itertools.permutations(range(count)))
    return [tuple(range(i, count)) + tuple(range(i)) for i in range(count)]


def _consonants(sound: str) -> str:
    """A word's consonants as it sounds: what a respelling keeps and another name changes.

    >>> _consonants("sokom"), _consonants("soka"), _consonants("reya")
    ('skm', 'sk', 'ry')
    """
    return "".join(ch for ch in sound if ch not in VOWEL_SOUNDS)


def _word_score(query: str, query_sound: str, alias: str, alias_sound: str) -> float:
    """How well one word of the query stands for one word of the alias (0-100).

    >>> _word_score("eisan", "esan", "eysan", "esan"), _word_score("raya", "raya", "raiya", "reya")
    (97.0, 88.88888888888889)
    >>> _word_score("seng", "seng", "sen", "sen")  # another name, not a respelling
    85.0
    """
    from rapidfuzz.fuzz import ratio  # only fuzzy lookups need it (a `desk ask` may not)

    if query == alias:
        return 100.0
    if query_sound == alias_sound:
        return _WORD_ALIKE
    score = max(ratio(query, alias), ratio(query_sound, alias_sound))
    if (
        score > _OTHER_CONSONANTS
        and min(len(query), len(alias)) <= _SHORT_WORD
        and _consonants(query_sound) != _consonants(alias_sound)
    ):
        return _OTHER_CONSONANTS
    return score


def _name_score(scores: Sequence[float], weights: Sequence[int]) -> float:
    """A name is as good as its weakest word, the mean breaking near-ties.

    >>> round(_name_score([100.0, 89.0], [4, 5]), 2), round(_name_score([100.0, 85.7], [3, 4]), 2)
    (89.98, 86.93)
    """
    mean = sum(s * w for s, w in zip(scores, weights, strict=True)) / sum(weights)
    return (1 - _MEAN_SHARE) * min(scores) + _MEAN_SHARE * mean


class _Scorer:
    """Scores one query against aliases (see the module docstring).

    >>> score = _Scorer(_Name.of("sokha kem"))
    >>> score(_Name.of("kem sokha")), _Scorer(_Name.of("sokha"))(_Name.of("kem sokha"))
    ((100.0, 'fuzzy'), (90.0, 'word'))
    >>> _Scorer(_Name.of("kem monovithya"))(_Name.of("kem sokha"))[0] < 88
    True
    """

    def __init__(self, query: _Name) -> None:
        self.query = query
        self.compact = "".join(query.words)
        self.sounds = "".join(query.sounds)
        self.orders = _orders(len(query.words))

    def word(self, position: int, alias: _Name, at: int) -> float:
        """The query's word at `position` against the alias's word at `at`."""
        query = self.query
        return _word_score(
            query.words[position], query.sounds[position], alias.words[at], alias.sounds[at]
        )

    def __call__(self, alias: _Name) -> tuple[float, How]:
        from rapidfuzz.fuzz import ratio

        best = 0.0
        how: How = "fuzzy"
        count = len(self.query.words)
        weights = [len(word) for word in alias.words]
        if count == len(alias.words):
            for order in self.orders:
                scores = [self.word(q, alias, a) for a, q in enumerate(order)]
                best = max(best, _name_score(scores, weights))
        elif count < len(alias.words) and (count > 1 or len(self.compact) >= _MIN_WORD):
            # Some of the alias's words: each query word takes its best alias word, once.
            for chosen in itertools.permutations(range(len(alias.words)), count):
                scores = [self.word(q, alias, a) for q, a in enumerate(chosen)]
                part = _name_score(scores, [weights[a] for a in chosen])
                score = WORD_SCORE if min(scores) >= _WORD_ALIKE else WORD_SCORE * part / 100
                if score > best:
                    best, how = score, "word"
        if best < _UNPAIRED * 100:
            unpaired = _UNPAIRED * max(
                ratio(self.compact, "".join(alias.words)),
                ratio(self.sounds, "".join(alias.sounds)),
            )
            if unpaired > best:
                best, how = unpaired, "fuzzy"
        return best, how


def _together(keys: Iterable[str]) -> list[str]:
    """Fresh copies of ``keys``, made one after another so that they lie together in memory.

    A scan reads every key. Read from objects scattered over the heap while the CPU caches are
    cold, as they are between questions, the scans made /who's p95 a third slower again
    (bench/RESULTS.md, the /who p95 line).
    """
    return [key.encode().decode() for key in keys]


class NameIndex:
    """Resolve free-text names to alias targets; see the module docstring.

    >>> NameIndex([AliasEntry(1, "Hun Sen")]).resolve("Samdech Techo HUN SEN")[0].how
    'exact'
    """

    def __init__(self, entries: Iterable[AliasEntry]) -> None:
        self._targets: list[int] = []  # by alias id
        self._aliases: list[str] = []
        self._keys: list[str] = []  # words separated by spaces
        self._acronyms: dict[str, list[int]] = {}  # compact key -> alias ids
        # The compact sounds key of every other alias -> the ids of the aliases spelled so.
        self._alike: dict[str, list[int]] = {}
        self._words: dict[str, list[int]] = {}  # word (as it sounds) -> alias ids
        self._names: dict[int, str] = {}  # target -> its first alias marked canonical
        for entry in entries:
            key = entry.key if entry.key is not None else normalize_name(entry.alias)
            compact = key.replace(" ", "")
            if not compact:
                continue
            alias_id = len(self._targets)
            self._targets.append(entry.target)
            self._aliases.append(entry.alias)
            self._keys.append(key)
            if entry.canonical:
                self._names.setdefault(entry.target, entry.alias)
            if entry.acronym or looks_like_acronym(entry.alias):
                self._acronyms.setdefault(compact, []).append(alias_id)
                continue
            self._alike.setdefault(sounds_word(compact), []).append(alias_id)
            for word in key.split():
                if len(word) >= _MIN_WORD:
                    ids = self._words.setdefault(_sounds_word(word), [])
                    if not ids or ids[-1] != alias_id:
                        ids.append(alias_id)
        self._scanned = _together(sorted(self._alike))  # each sounds key once, for the scans
        self._vocabulary = _together(self._words)
        self._last: tuple[str, dict[int, tuple[float, How]]] | None = None  # _candidates()

    def __len__(self) -> int:
        return len(self._targets)

    def name_of(self, target: int) -> str | None:
        """The target's own name: its first alias entry marked canonical, if any.

        >>> index = NameIndex([AliasEntry(1, "Sen"), AliasEntry(1, "Hun Sen", canonical=True)])
        >>> index.name_of(1), index.name_of(2)
        ('Hun Sen', None)
        """
        return self._names.get(target)

    def resolve(self, query: str, *, limit: int = 5, cutoff: float = CUTOFF) -> list[Candidate]:
        """Best candidate per target scoring at least `cutoff`, best first; an exact (or else
        a sounds-alike) match returns only those hits.

        >>> index = NameIndex([AliasEntry(1, "Hun Manet"), AliasEntry(2, "Hun Many")])
        >>> [c.target for c in index.resolve("Hun Maneth")], index.resolve("Hun Mani")[0].score
        ([1], 96.0)
        >>> [(c.target, c.how) for c in index.resolve("hun")]
        [(1, 'word'), (2, 'word')]
        """
        return self._lookup(query, limit, cutoff)

    def suggest(self, query: str, *, limit: int = 3) -> list[Candidate]:
        """Closest aliases with no cutoff, for "did you mean"; acronyms included.

        Empty only when the index is empty or the query has no letters or digits.

        >>> index = NameIndex([AliasEntry(1, "Kem Sokha"), AliasEntry(2, "CNRP")])
        >>> [c.alias for c in index.suggest("Kim Sukha", limit=1)]
        ['Kem Sokha']
        >>> [c.alias for c in index.suggest("CNPR", limit=1)]
        ['CNRP']
        """
        return self._lookup(query, limit, None)

    def _lookup(self, query: str, limit: int, cutoff: float | None) -> list[Candidate]:
        key = normalize_name(query[: 2 * _MAX_QUERY])[:_MAX_QUERY]
        compact = key.replace(" ", "")
        if limit <= 0 or not any(ch.isalnum() for ch in compact):
            return []
        name = _Name.of(key)
        if len(name.words) > _MAX_WORDS:  # the tail of a long query is one word
            words = (*name.words[: _MAX_WORDS - 1], "".join(name.words[_MAX_WORDS - 1 :]))
            name = _Name.of(" ".join(words))
        orders = ["".join(name.words[i] for i in order) for order in _orders(len(name.words))]
        rows = [sounds_word(words) for words in orders]
        alike = self._alike.get(rows[0], [])
        hits: list[tuple[int, How]] = [(i, "acronym") for i in self._acronyms.get(compact, ())]
        hits += [(i, "exact") for i in alike if self._keys[i].replace(" ", "") == compact]
        if hits:
            return self._ranked([(100.0, i, how) for i, how in sorted(hits)], limit)
        if cutoff is None or cutoff <= SOUNDS_ALIKE:
            # Spelled alike in some word order; spelled the same in another order scores 100.
            for joined, row in zip(orders, rows, strict=True):
                sounding: list[tuple[float, int, How]] = [
                    (
                        100.0 if self._keys[i].replace(" ", "") == joined else SOUNDS_ALIKE,
                        i,
                        "fuzzy",
                    )
                    for i in self._alike.get(row, [])
                ]
                if sounding:
                    return self._ranked(sounding, limit)
        found = [
            (score, i, how)
            for i, (score, how) in self._candidates(key, name, rows[0]).items()
            if cutoff is None or score >= cutoff
        ]
        if cutoff is None and self._acronyms:
            from rapidfuzz import fuzz, process

            for acronym, score, _ in process.extract(
                compact, list(self._acronyms), scorer=fuzz.ratio, limit=limit
            ):
                found += [(score, i, "fuzzy") for i in self._acronyms[acronym]]
        return self._ranked(found, limit)

    def _candidates(self, key: str, name: _Name, row: str) -> dict[int, tuple[float, How]]:
        """Aliases worth scoring, with their scores: those sharing the query's words, and the
        closest by a scan of the name as typed (``row``) and with its first word last (given
        names first, as Western copy writes them); other orders are found only when they
        sound alike or share words.

        Kept for the last query: a /who that matches no one asks suggest() the same name.
        """
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        western = sounds_word("".join(name.words[1:] + name.words[:1]))
        found = self._sharing(name)
        for scanned in dict.fromkeys((row, western)):
            found += self._scan(scanned)
        score = _Scorer(name)
        scored = {i: score(_Name.of(self._keys[i])) for i in dict.fromkeys(found)}
        self._last = (key, scored)
        return scored

    def _scan(self, row: str) -> list[int]:
        """The aliases closest to one compact sounds key, by rapidfuzz's ``process.extract``
        over every key (aliases spelled alike share one)."""
        from rapidfuzz import fuzz, process

        found = process.extract(row, self._scanned, scorer=fuzz.ratio, limit=_POOL)
        return [i for key, _, _ in found for i in self._alike[key]]

    def _sharing(self, name: _Name) -> list[int]:
        """Aliases holding every word of the query as it sounds (for one word, a word close to
        it): what a scan of whole names misses when the query gives only part of the name."""
        if len(name.sounds) > 1:
            sets = [self._words.get(sound, []) for sound in name.sounds]
            if not all(sets):
                return []
            shortest = min(sets, key=lambda ids: len(ids))
            return sorted(set(shortest).intersection(*sets))[:_POOL]
        from rapidfuzz import fuzz, process

        close = process.extract(
            name.sounds[0], self._vocabulary, scorer=fuzz.ratio, limit=5, score_cutoff=_CLOSE_WORD
        )
        return sorted({i for word, _, _ in close for i in self._words[word][:_POOL]})

    def _ranked(self, found: Iterable[tuple[float, int, How]], limit: int) -> list[Candidate]:
        """The best alias per target (ties to the earlier alias), best targets first."""
        best: dict[int, tuple[float, int, How]] = {}
        for score, alias_id, how in found:
            target = self._targets[alias_id]
            held = best.get(target)
            score = round(score, 2)
            if held is None or (score, -alias_id) > (held[0], -held[1]):
                best[target] = (score, alias_id, how)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1]))[:limit]
        return [
            Candidate(target, self._aliases[alias_id], score, how)
            for target, (score, alias_id, how) in ranked
        ]
