"""In-memory name index: exact, acronym, whole-word and fuzzy lookup of aliases.

>>> index = NameIndex([AliasEntry(1, "Kung Raiya"), AliasEntry(2, "CPP"), AliasEntry(3, "CLP")])
>>> [(c.target, c.alias, c.how) for c in index.resolve("kung raya")]
[(1, 'Kung Raiya', 'fuzzy')]
>>> [(c.target, c.how) for c in index.resolve("c.p.p.")], index.resolve("CPPP")
([(2, 'acronym')], [])
>>> [(c.target, c.how) for c in index.resolve("Raiya")]
[(1, 'word')]

Scoring. A query is split into tokens; every token order considered (see
`_token_orders`) is joined without spaces and compared with rapidfuzz's `ratio`
against each alias's compact key (normalized, spaces removed); the alias's score is
the best over those orders. That single comparison covers both spacing variants
("Sarlong Det" / "Sar Longdeth") and word-order variants ("Sokha Kem" / "Kem
Sokha"), so the index keeps one key string per alias instead of a compact list plus
a sorted-token list: half the memory and half the scan of
max(token_sort_ratio, compact ratio), and it is at least as high as that formula's
compact half.

Pruning. `ratio` is 100 * (1 - indel / (len1 + len2)), so a cutoff allows each key
length at most some indel distance. The distance is at least the difference in length, and
at least the distance between two strings' letter counts, which a 64-bit code of each key
bounds from below (:mod:`bot.core.fuzzy`): keys are kept by length, so the lengths out of reach
are never looked at, and one XOR and popcount per key rules out most of the rest. On
romanized names that leaves a small fraction of the keys to score, which is what lets one
query over 1M aliases beat a bare `process.extract` many times over (bench/RESULTS.md).

Keys are also bucketed by how many letters of each class in `_LETTER_CLASSES` they
contain, which keeps an exact lookup in a large index to a binary search in one bucket.

Exact and acronym lookups need only the plain arrays built here; the numpy arrays and
rapidfuzz scans of the fuzzy half (:mod:`bot.core.fuzzy`) are built on the first query that needs
them, or by :meth:`NameIndex.fuzzy` (the bot calls it while warming up).
"""

from __future__ import annotations

import itertools
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

from bot.core.normalize import normalize_name

__all__ = ["WORD_SCORE", "AliasEntry", "Candidate", "NameIndex", "looks_like_acronym"]

How = Literal["exact", "acronym", "word", "fuzzy"]
Key = str | bytes
# Best candidate so far per target: (score, alias id, how it matched).
Best = dict[int, tuple[float, int, How]]

# A bare surname or party word is a real lead but weaker than a near-complete name;
# 90 ranks it above borderline fuzzy hits (88-90) and below confident ones.
WORD_SCORE = 90.0
# Shorter words ("Ly", "Ou") are shared by too many people to be a useful lead.
_MIN_WORD = 3
# Up to this many aliases, fuzzy lookups score every key with plain rapidfuzz calls: at a
# few hundred keys that is as fast as the bucketed scan, and numpy (~0.15 s to import) is
# never needed, which is most of a one-shot `desk ask` for a misspelled name on the seed data.
SMALL_INDEX = 500
EXACT_MAP = 20_000
# Rows (query token orders) cost ~linearly in scan time: all orders up to three
# tokens, rotations (surname moved to the end, as in Western copy) up to six.
_MAX_PERMUTED_TOKENS = 3
_MAX_ROTATED_TOKENS = 6
# Half the unit scores are rounded to by offer() (two places).
_HALF_UNIT = 0.005
# Bucketing classes (see "Pruning" above); letters not listed form a fourth class.
# Chosen to split the letters of romanized Khmer names into similar-sized groups:
# more, finer classes prune more keys but multiply buckets and per-call overhead.
_LETTER_CLASSES = ("aei", "ouy", "hng")
CLASS_COUNT = len(_LETTER_CLASSES)
_CLASS_MARKS = bytes(range(1, CLASS_COUNT + 1))
_CLASS_LETTERS = "".join(_LETTER_CLASSES)
_CLASS_OF_LETTER = bytes(
    mark for letters, mark in zip(_LETTER_CLASSES, _CLASS_MARKS, strict=True) for _ in letters
)
_MARK_BYTES = bytes.maketrans(_CLASS_LETTERS.encode(), _CLASS_OF_LETTER)
_MARK_CHARS = str.maketrans(_CLASS_LETTERS, _CLASS_OF_LETTER.decode())


class AliasEntry(NamedTuple):
    """One alias row; keys are computed when the caller did not store them.

    >>> AliasEntry(7, "Sam Rainsy", key="sam rainsy").target
    7

    `sorted_key` is accepted so stored rows can be passed through unchanged, but the
    index does not need it (word order is handled on the query side). A NamedTuple
    rather than a frozen dataclass because loading builds one per alias row, and it
    is several times cheaper to construct.
    """

    target: int
    alias: str
    key: str | None = None
    compact: str | None = None
    sorted_key: str | None = None
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


def _token_orders(tokens: Sequence[str]) -> list[str]:
    """Compact query strings to compare, one per token order considered.

    >>> _token_orders(["sokha", "kem"])
    ['sokhakem', 'kemsokha']
    """
    if len(tokens) <= _MAX_PERMUTED_TOKENS:
        orders: Iterable[Sequence[str]] = itertools.permutations(tokens)
    elif len(tokens) <= _MAX_ROTATED_TOKENS:
        orders = (list(tokens[i:]) + list(tokens[:i]) for i in range(len(tokens)))
    else:
        orders = [tokens]
    return list(dict.fromkeys("".join(order) for order in orders))


def stored(compact: str) -> Key:
    """The form a key is kept in: bytes when ASCII (16 bytes less per key than str).

    rapidfuzz compares bytes and str by code point, so scores are unchanged.

    >>> stored("hunsen"), stored("ហ៊ុនសែន") == "ហ៊ុនសែន"
    (b'hunsen', True)
    """
    return compact.encode() if compact.isascii() else compact


def _ordered(key: Key) -> tuple[bool, Key]:
    """A sort key for stored keys: ASCII ones (bytes) first, as bytes and str do not compare."""
    return (isinstance(key, str), key)


def signature(compact: str) -> tuple[int, ...]:
    """Letter counts per class of `_LETTER_CLASSES`, then the count of other letters.

    >>> signature("kungraiya")
    (3, 2, 2, 2)
    """
    # Keys are nearly always ASCII, where bytes.translate (a table lookup) is several
    # times faster than str.translate; this runs once per alias at load.
    if compact.isascii():
        marked = compact.encode().translate(_MARK_BYTES)
    else:
        marked = compact.translate(_MARK_CHARS).encode()
    counts = tuple(map(marked.count, _CLASS_MARKS))
    return (*counts, len(compact) - sum(counts))


def offer(best: Best, target: int, score: float, alias_id: int) -> None:
    """Keep the higher score per target; earlier alias wins ties (stable output).

    >>> best = {}; offer(best, 7, 90.004, 3); offer(best, 7, 90.0, 1); best
    {7: (90.0, 1, 'fuzzy')}
    """
    score = round(score, 2)
    current = best.get(target)
    if current is None or (score, -alias_id) > (current[0], -current[1]):
        best[target] = (score, alias_id, "fuzzy")


def raised(threshold: float, best: Best, limit: int) -> float:
    """The score a new target must reach to enter the top `limit`, ties included.

    >>> raised(88.0, {1: (95.0, 0, "fuzzy"), 2: (91.0, 1, "fuzzy")}, 2)
    90.995
    """
    if len(best) < limit:
        return threshold
    last = sorted((value[0] for value in best.values()), reverse=True)[limit - 1]
    # Kept scores are rounded to two places: a raw score down to half a unit below ties the
    # last place, and must be seen for the tie to go to the earlier alias whatever the order.
    return max(threshold, last - _HALF_UNIT)


class FuzzyLookup(Protocol):
    """The fuzzy half of a NameIndex: bot.core.fuzzy (numpy) or bot.core.fuzzy_small (a few hundred
    aliases, plain rapidfuzz calls)."""

    def word_hits(self, word: str, limit: int) -> list[tuple[int, int]]:
        """(target, alias id) of aliases containing *word*, first `limit` targets by alias id."""
        ...

    def scan(self, rows: Sequence[str], cutoff: float, limit: int, best: Best) -> None:
        """Offer every alias scoring at least the cutoff against any row into *best*."""
        ...


class NameIndex:
    """Resolve free-text names to alias targets; see the module docstring.

    >>> NameIndex([AliasEntry(1, "Hun Sen")]).resolve("Samdech Techo HUN SEN")[0].how
    'exact'
    """

    def __init__(self, entries: Iterable[AliasEntry]) -> None:
        targets = array("q")
        ends = array("I")  # alias text end offsets; 4 GiB of alias text is out of reach
        blob = bytearray()
        acronyms: dict[str, list[int]] = {}
        buckets: dict[tuple[int, ...], tuple[list[Key], array[int]]] = {}
        # Whole-word index as parallel (hash(word), alias id) arrays, sorted at the end:
        # no per-word objects, which at 1M aliases saved ~40 MB of peak memory.
        word_hashes = array("q")
        word_aliases = array("I")
        named = array("q")  # targets that have a canonical alias, and its alias id
        names = array("I")
        # This loop runs once per alias (1M at the design size), so it avoids helper
        # calls and repeated attribute lookups where it can.
        for entry in entries:
            alias = entry.alias
            key = entry.key if entry.key is not None else normalize_name(alias)
            compact = entry.compact if entry.compact is not None else key.replace(" ", "")
            if not compact:
                continue
            alias_id = len(targets)
            targets.append(entry.target)
            blob += alias.encode()
            ends.append(len(blob))
            if entry.canonical:
                named.append(entry.target)
                names.append(alias_id)
            if entry.acronym or looks_like_acronym(alias):
                acronyms.setdefault(compact, []).append(alias_id)
                continue
            sig = signature(compact)
            bucket = buckets.get(sig)
            if bucket is None:
                buckets[sig] = bucket = ([], array("I"))
            bucket[0].append(stored(compact))
            bucket[1].append(alias_id)
            for word in set(key.split()):
                if len(word) >= _MIN_WORD:
                    word_hashes.append(hash(word))
                    word_aliases.append(alias_id)

        self._targets = targets
        self._ends = ends
        self._blob = blob  # not copied to bytes: that would briefly double it
        self._acronyms = acronyms
        self._buckets = buckets
        # Up to EXACT_MAP aliases, exact lookups are one dict probe instead of a signature and
        # a bucket scan: most of a small index's lookups (a 1k index answers in tens of µs).
        self._exact_ids: dict[Key, list[int]] | None = None
        if len(targets) <= EXACT_MAP:
            self._exact_ids = {}
            for keys, ids in buckets.values():
                for stored_key, alias_id in zip(keys, ids, strict=True):
                    self._exact_ids.setdefault(stored_key, []).append(alias_id)
        else:
            # Larger indexes keep each bucket sorted by key (a bucket of a common letter mix
            # holds thousands at 250k aliases), so an exact lookup is a binary search, not a
            # scan. Equal keys keep their order (ids ascending); nothing else depends on it.
            for sig, (keys, ids) in buckets.items():
                try:
                    order = sorted(range(len(keys)), key=keys.__getitem__)
                except TypeError:  # bytes and str keys (non-ASCII names) do not compare
                    order = sorted(range(len(keys)), key=lambda i: _ordered(keys[i]))
                buckets[sig] = ([keys[i] for i in order], array("I", [ids[i] for i in order]))
        self._words: tuple[array[int], array[int]] | None = (word_hashes, word_aliases)
        if any(a > b for a, b in itertools.pairwise(named)):  # rows need not come in target order
            order = sorted(range(len(named)), key=named.__getitem__)
            named = array("q", [named[i] for i in order])
            names = array("I", [names[i] for i in order])
        self._named = named
        self._names = names
        self._fuzzy: FuzzyLookup | None = None
        self._fuzzy_lock = threading.Lock()

    def fuzzy(self) -> FuzzyLookup:
        """The fuzzy half, built on first use: plain rapidfuzz calls for a few hundred
        aliases (the seed data: no numpy to import), bucketed numpy arrays above that.

        >>> NameIndex([AliasEntry(1, "Hun Sen")]).fuzzy().word_hits("sen", 5)
        [(1, 0)]
        """
        fuzzy = self._fuzzy
        if fuzzy is None:
            with self._fuzzy_lock:
                if self._fuzzy is None:
                    assert self._words is not None  # dropped only once _fuzzy is set
                    parts = (self._targets, self._buckets, *self._words)
                    if len(self) <= SMALL_INDEX:
                        from bot.core.fuzzy_small import SmallFuzzyIndex

                        self._fuzzy = SmallFuzzyIndex(*parts)
                    else:
                        from bot.core.fuzzy import FuzzyIndex

                        self._fuzzy = FuzzyIndex(*parts)
                    self._words = None  # the fuzzy half keeps what it needs of them
                fuzzy = self._fuzzy
        return fuzzy

    def __len__(self) -> int:
        return len(self._ends)

    def name_of(self, target: int) -> str | None:
        """The target's own name: its first alias entry marked canonical, if any.

        >>> index = NameIndex([AliasEntry(1, "Sen"), AliasEntry(1, "Hun Sen", canonical=True)])
        >>> index.name_of(1), index.name_of(2)
        ('Hun Sen', None)
        """
        pos = bisect_left(self._named, target)
        if pos == len(self._named) or self._named[pos] != target:
            return None
        return self._alias(self._names[pos])

    def resolve(self, query: str, *, limit: int = 5, cutoff: float = 88.0) -> list[Candidate]:
        """Best candidate per target, best first; an exact match returns only exact hits.

        >>> index = NameIndex([AliasEntry(1, "Hun Manet"), AliasEntry(2, "Hun Many")])
        >>> [c.target for c in index.resolve("Hun Manet")]
        [1]
        >>> [(c.target, c.how) for c in index.resolve("hun")]
        [(1, 'word'), (2, 'word')]
        """
        key = normalize_name(query)
        compact = key.replace(" ", "")
        if not compact or limit <= 0:
            return []
        exact = self._exact(compact, limit)
        if exact:
            return exact
        tokens = key.split()
        fuzzy = self.fuzzy()
        best: Best = {}
        if len(tokens) == 1 and len(compact) >= _MIN_WORD and cutoff <= WORD_SCORE:
            for target, alias_id in fuzzy.word_hits(compact, limit):
                best[target] = (WORD_SCORE, alias_id, "word")
        fuzzy.scan(_token_orders(tokens), cutoff, limit, best)
        return self._ranked(best, limit)

    def suggest(self, query: str, *, limit: int = 3) -> list[Candidate]:
        """Closest aliases with no cutoff, for "did you mean"; acronyms included.

        Empty only when the index is empty or the query has no letters or digits.

        >>> index = NameIndex([AliasEntry(1, "Kem Sokha"), AliasEntry(2, "CNRP")])
        >>> [c.alias for c in index.suggest("Kim Sukha", limit=1)]
        ['Kem Sokha']
        >>> [c.alias for c in index.suggest("CNPR", limit=1)]
        ['CNRP']
        """
        key = normalize_name(query)
        compact = key.replace(" ", "")
        if not compact or limit <= 0:
            return []
        exact = self._exact(compact, limit)
        if exact:
            return exact
        best: Best = {}
        fuzzy = self.fuzzy()
        fuzzy.scan(_token_orders(key.split()), 0.0, limit, best)
        if self._acronyms:  # few, and never in resolve()'s scan: score them all here
            from rapidfuzz import fuzz, process  # already loaded by the fuzzy half

            for acronym, score, _ in process.extract(
                compact, list(self._acronyms), scorer=fuzz.ratio, limit=limit
            ):
                for alias_id in self._acronyms[acronym]:
                    offer(best, self._targets[alias_id], float(score), alias_id)
        return self._ranked(best, limit)

    def _exact(self, compact: str, limit: int) -> list[Candidate]:
        """Aliases whose compact key equals the query's, one per target."""
        hits: list[tuple[int, How]] = [(i, "acronym") for i in self._acronyms.get(compact, ())]
        wanted = stored(compact)
        if self._exact_ids is not None:
            hits += [(alias_id, "exact") for alias_id in self._exact_ids.get(wanted, ())]
        else:
            bucket = self._buckets.get(signature(compact))
            if bucket is not None:
                keys, ids = bucket
                pos = bisect_left(keys, _ordered(wanted), key=_ordered)
                while pos < len(keys) and keys[pos] == wanted:
                    hits.append((ids[pos], "exact"))
                    pos += 1
        if not hits:
            return []
        hits.sort()
        out: dict[int, Candidate] = {}
        for alias_id, how in hits:
            target = int(self._targets[alias_id])
            if target not in out:
                out[target] = Candidate(target, self._alias(alias_id), 100.0, how)
        return list(out.values())[:limit]

    def _ranked(self, best: Best, limit: int) -> list[Candidate]:
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1]))[:limit]
        return [
            Candidate(target, self._alias(alias_id), score, how)
            for target, (score, alias_id, how) in ranked
        ]

    def _alias(self, alias_id: int) -> str:
        start = self._ends[alias_id - 1] if alias_id else 0
        return self._blob[start : self._ends[alias_id]].decode()
