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

Pruning. Keys are bucketed by how many letters of each class in `_LETTER_CLASSES`
they contain. `ratio` is 100 * (1 - indel / (len1 + len2)), and the indel distance
is at least the L1 distance between two strings' class counts (matched letters are
equal, hence in the same class), so a whole bucket is skipped when that bound cannot
reach the cutoff. On romanized names that leaves a small fraction of the keys to
score, which is what lets one query over 1M aliases beat a bare `process.extract`.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.normalize import normalize_name

__all__ = ["WORD_SCORE", "AliasEntry", "Candidate", "NameIndex", "looks_like_acronym"]

How = Literal["exact", "acronym", "word", "fuzzy"]
Key = str | bytes

# A bare surname or party word is a real lead but weaker than a near-complete name;
# 90 ranks it above borderline fuzzy hits (88-90) and below confident ones.
WORD_SCORE = 90.0
# Shorter words ("Ly", "Ou") are shared by too many people to be a useful lead.
_MIN_WORD = 3
# Rows (query token orders) cost ~linearly in scan time: all orders up to three
# tokens, rotations (surname moved to the end, as in Western copy) up to six.
_MAX_PERMUTED_TOKENS = 3
_MAX_ROTATED_TOKENS = 6
# cdist parallelises over query rows only; on the 2-core target extra workers made a
# 6-row scan ~2x slower, and thread start-up would dominate small batches anyway.
_WORKERS = 1
_EPS = 1e-6
# Keys per rapidfuzz call: amortises its fixed per-call cost over small buckets while
# still letting the threshold rise (and prune) between calls in suggest().
_BATCH = 1024
# Bucketing classes (see "Pruning" above); letters not listed form a fourth class.
# Chosen to split the letters of romanized Khmer names into similar-sized groups:
# more, finer classes prune more keys but multiply buckets and per-call overhead.
_LETTER_CLASSES = ("aei", "ouy", "hng")
_CLASS_MARKS = bytes(range(1, len(_LETTER_CLASSES) + 1))
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


def _stored(compact: str) -> Key:
    """The form a key is kept in: bytes when ASCII (16 bytes less per key than str).

    rapidfuzz compares bytes and str by code point, so scores are unchanged.

    >>> _stored("hunsen"), _stored("ហ៊ុនសែន") == "ហ៊ុនសែន"
    (b'hunsen', True)
    """
    return compact.encode() if compact.isascii() else compact


def _signature(compact: str) -> tuple[int, ...]:
    """Letter counts per class of `_LETTER_CLASSES`, then the count of other letters.

    >>> _signature("kungraiya")
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


def _raised(threshold: float, best: dict[int, tuple[float, int, How]], limit: int) -> float:
    """The score a new target must reach to enter the top `limit`.

    >>> _raised(88.0, {1: (95.0, 0, "fuzzy"), 2: (91.0, 1, "fuzzy")}, 2)
    91.0
    """
    if len(best) < limit:
        return threshold
    return max(threshold, sorted((value[0] for value in best.values()), reverse=True)[limit - 1])


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
            if entry.acronym or looks_like_acronym(alias):
                acronyms.setdefault(compact, []).append(alias_id)
                continue
            signature = _signature(compact)
            bucket = buckets.get(signature)
            if bucket is None:
                buckets[signature] = bucket = ([], array("I"))
            bucket[0].append(_stored(compact))
            bucket[1].append(alias_id)
            for word in set(key.split()):
                if len(word) >= _MIN_WORD:
                    word_hashes.append(hash(word))
                    word_aliases.append(alias_id)

        self._targets: npt.NDArray[np.int64] = np.frombuffer(targets, dtype=np.int64)
        self._ends = ends
        self._blob = blob  # not copied to bytes: that would briefly double it
        self._acronyms = acronyms
        # Bounds how many hits must be kept to be sure of `limit` distinct targets.
        counts = np.unique(self._targets, return_counts=True)[1]
        self._max_aliases_per_target = int(counts.max()) if len(counts) else 1
        signatures = list(buckets)
        self._bucket_of = {signature: n for n, signature in enumerate(signatures)}
        self._bucket_keys = [buckets[signature][0] for signature in signatures]
        self._bucket_ids = [np.array(buckets.pop(sig)[1], dtype=np.uint32) for sig in signatures]
        self._bucket_counts = np.array(signatures, dtype=np.int32).reshape(
            -1, len(_CLASS_MARKS) + 1
        )
        self._bucket_lengths = self._bucket_counts.sum(axis=1)
        hashes = np.frombuffer(word_hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")  # stable: alias ids stay ascending
        self._word_hashes, self._word_starts = np.unique(hashes[order], return_index=True)
        self._postings = np.frombuffer(word_aliases, dtype=np.uint32)[order]

    def __len__(self) -> int:
        return len(self._ends)

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
        best: dict[int, tuple[float, int, How]] = {}
        if len(tokens) == 1 and len(compact) >= _MIN_WORD and cutoff <= WORD_SCORE:
            for target, alias_id in self._word_hits(compact, limit):
                best[target] = (WORD_SCORE, alias_id, "word")
        self._scan(_token_orders(tokens), cutoff, limit, best)
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
        best: dict[int, tuple[float, int, How]] = {}
        self._scan(_token_orders(key.split()), 0.0, limit, best)
        if self._acronyms:
            # Few acronyms exist, so scoring them all is cheap; they never enter resolve().
            acronym_keys = list(self._acronyms)
            for acronym, score, _ in process.extract(
                compact, acronym_keys, scorer=fuzz.ratio, limit=limit
            ):
                for alias_id in self._acronyms[acronym]:
                    self._offer(best, int(self._targets[alias_id]), float(score), alias_id)
        return self._ranked(best, limit)

    def _exact(self, compact: str, limit: int) -> list[Candidate]:
        """Aliases whose compact key equals the query's, one per target."""
        hits: list[tuple[int, How]] = [(i, "acronym") for i in self._acronyms.get(compact, ())]
        bucket = self._bucket_of.get(_signature(compact))
        if bucket is not None:
            keys, ids = self._bucket_keys[bucket], self._bucket_ids[bucket]
            stored = _stored(compact)
            pos = -1
            try:
                while True:  # list.index: a C-speed scan of one small bucket
                    pos = keys.index(stored, pos + 1)
                    hits.append((int(ids[pos]), "exact"))
            except ValueError:
                pass
        hits.sort()
        out: dict[int, Candidate] = {}
        for alias_id, how in hits:
            target = int(self._targets[alias_id])
            if target not in out:
                out[target] = Candidate(target, self._alias(alias_id), 100.0, how)
        return list(out.values())[:limit]

    def _word_hits(self, word: str, limit: int) -> list[tuple[int, int]]:
        """(target, alias id) for aliases containing *word*, first `limit` targets."""
        # Keyed by hash(word) (the index lives and dies in one process, so the hash seed
        # is fixed); a 64-bit collision across a few 100k words is not a practical risk.
        pos = int(np.searchsorted(self._word_hashes, hash(word)))
        if pos == len(self._word_hashes) or self._word_hashes[pos] != hash(word):
            return []
        end = self._word_starts[pos + 1] if pos + 1 < len(self._word_starts) else None
        alias_ids = self._postings[self._word_starts[pos] : end]
        targets, first = np.unique(self._targets[alias_ids], return_index=True)
        order = np.argsort(first, kind="stable")[:limit]
        return [(int(targets[i]), int(alias_ids[first[i]])) for i in order]

    def _scan(
        self, rows: list[str], cutoff: float, limit: int, best: dict[int, tuple[float, int, How]]
    ) -> None:
        """Fuzzy-score buckets, most promising first, into *best*.

        Buckets whose bound cannot reach the cutoff, or cannot beat the current
        `limit`-th best target, are skipped; that pruning is what keeps suggest() (no
        cutoff) close to resolve() in cost. Small buckets are scored in batches, since
        each rapidfuzz call has a fixed cost that thousands of tiny buckets would add up.
        """
        if not self._bucket_keys:
            return
        query = np.array(_signature(rows[0]), dtype=np.int32)
        distance = np.abs(self._bucket_counts - query).sum(axis=1)
        bounds = 100.0 * (1.0 - distance / (len(rows[0]) + self._bucket_lengths))
        reachable = np.flatnonzero(bounds + _EPS >= cutoff)
        order = reachable[np.argsort(-bounds[reachable], kind="stable")]
        threshold = _raised(cutoff, best, limit)  # word hits may already fill `limit`
        keys: list[Key] = []
        ids: list[npt.NDArray[np.uint32]] = []
        for bucket, bound in zip(order.tolist(), bounds[order].tolist(), strict=True):
            if bound + _EPS < threshold or (len(best) >= limit and bound <= threshold):
                break
            keys += self._bucket_keys[bucket]
            ids.append(self._bucket_ids[bucket])
            if len(keys) >= _BATCH:
                threshold = self._score(rows, keys, ids, threshold, limit, best)
                keys, ids = [], []
        if keys:
            self._score(rows, keys, ids, threshold, limit, best)

    def _score(
        self,
        rows: list[str],
        keys: list[Key],
        ids: list[npt.NDArray[np.uint32]],
        threshold: float,
        limit: int,
        best: dict[int, tuple[float, int, How]],
    ) -> float:
        """Score one batch of keys into *best*; return the raised threshold."""
        matrix = process.cdist(
            rows,
            keys,
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            dtype=np.float32,
            workers=_WORKERS,
        )
        scores = matrix.max(axis=0) if len(rows) > 1 else matrix[0]
        # Below-cutoff scores come back as 0, which `>= threshold` drops unless
        # threshold is 0 (suggest), where every alias is a candidate.
        hits = np.flatnonzero(scores >= threshold)
        if not len(hits):
            return threshold
        keep = limit * self._max_aliases_per_target  # enough hits for `limit` targets
        if len(hits) > keep:
            hits = hits[np.argpartition(scores[hits], -keep)[-keep:]]
        alias_ids = (ids[0] if len(ids) == 1 else np.concatenate(ids))[hits]
        for alias_id, target, score in zip(
            alias_ids.tolist(),
            self._targets[alias_ids].tolist(),
            scores[hits].tolist(),
            strict=True,
        ):
            self._offer(best, target, score, alias_id)
        return _raised(threshold, best, limit)

    @staticmethod
    def _offer(
        best: dict[int, tuple[float, int, How]], target: int, score: float, alias_id: int
    ) -> None:
        """Keep the higher score per target; earlier alias wins ties (stable output)."""
        score = round(score, 2)
        current = best.get(target)
        if current is None or (score, -alias_id) > (current[0], -current[1]):
            best[target] = (score, alias_id, "fuzzy")

    def _ranked(self, best: dict[int, tuple[float, int, How]], limit: int) -> list[Candidate]:
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1]))[:limit]
        return [
            Candidate(target, self._alias(alias_id), score, how)
            for target, (score, alias_id, how) in ranked
        ]

    def _alias(self, alias_id: int) -> str:
        start = self._ends[alias_id - 1] if alias_id else 0
        return self._blob[start : self._ends[alias_id]].decode()
