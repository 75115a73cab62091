"""The fuzzy half of a large :class:`bot.matcher.NameIndex`: bucketed rapidfuzz scans over
numpy arrays.

>>> from bot.matcher import AliasEntry, NameIndex
>>> names = [AliasEntry(n, f"Sok {chr(97 + n % 26)}ara {n}") for n in range(600)]
>>> index = NameIndex([AliasEntry(1000, "Kung Raiya"), *names])
>>> type(index.fuzzy()).__name__, [c.alias for c in index.resolve("kung raya")]
('FuzzyIndex', ['Kung Raiya'])

Kept apart from the exact lookups so that answering an exact name, or a question that names
no one, never imports numpy or rapidfuzz (~0.2 s of a one-shot ``desk ask``); indexes of up
to ``bot.matcher.SMALL_INDEX`` aliases use :mod:`bot.fuzzy_small` instead. The scoring and
the bucket pruning are described in bot.matcher's docstring.

Letter codes. Within the buckets a scan reaches, each key is checked once more before it is
scored, against a tighter bound: the indel distance is also at least the L1 distance between
two strings' counts of each letter (26 letters, everything else as one more class), and the
number of differing bits between two thermometer codes of those counts, capped at 2 (at 3
for the commonest letters), is at most that. So one XOR and a popcount per key, 64 bits, skip
keys whose letters alone rule them out: at 250k aliases, ~99% of what the buckets leave to a
"did you mean" (which has no cutoff, so the buckets prune little).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.matcher import CLASS_COUNT, Best, Key, offer, raised, signature, stored

__all__ = ["FuzzyIndex"]

# cdist parallelises over query rows only; on the 2-core target extra workers made a
# 6-row scan ~2x slower, and thread start-up would dominate small batches anyway.
_WORKERS = 1
_EPS = 1e-6
# Keys per rapidfuzz call: amortises its fixed per-call cost over small buckets while
# still letting the threshold rise (and prune) between calls in suggest().
_BATCH = 1024
# Up to this many keys left by the bounds, resolve scores them in one call (see scan()).
_ONE_CALL = 4 * _BATCH
# Up to this many keys, resolve checks the letter codes of all of them (a few numpy calls)
# instead of working out which buckets to read first.
_FLAT_KEYS = 20_000
# Up to this many (row, key) pairs are scored with plain rapidfuzz calls (see _score()).
_FEW_PAIRS = 64
# (query length, threshold) pairs whose per-key allowances _score_flat keeps (a byte a key).
_ALLOWED_KEPT = 64
# Keys per batch once letter codes prune (see scan()).
_CODED_BATCH = 16 * _BATCH
# Below this many keys a check of their letter codes costs more than scoring them.
_CODES_FROM = 256
# Letter codes (see the module docstring): bit i is "letter i at least once", bit 27 + i "at
# least twice" (i = 26: any other character), bits 54-63 "at least three times" for these,
# the letters most often repeated in romanized Khmer names.
_THRICE = b"anhitsmeok"
_CLASS_OF_BYTE = np.full(256, 26, dtype=np.int64)
_CLASS_OF_BYTE[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)] = np.arange(26)
_THRICE_CLASSES = _CLASS_OF_BYTE[np.frombuffer(_THRICE, dtype=np.uint8)]
_CODE_CHUNK = 32_768  # keys per pass: the count matrix is 27 int64s a key


def letter_codes(keys: Sequence[Key]) -> npt.NDArray[np.uint64]:
    """The 64-bit letter code of each key (see the module docstring).

    >>> a, b = letter_codes([b"sokha", b"sokhaa"])
    >>> int(a ^ b).bit_count()  # one more "a": at least one insertion apart
    1
    """
    codes = np.empty(len(keys), dtype=np.uint64)
    for start in range(0, len(keys), _CODE_CHUNK):
        # Non-ASCII characters become "?", one byte each: a class of their own, as they must.
        chunk = [
            k if isinstance(k, bytes) else k.encode("ascii", "replace")
            for k in keys[start : start + _CODE_CHUNK]
        ]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        chars = np.frombuffer(b"".join(chunk), dtype=np.uint8)
        owners = np.repeat(np.arange(len(chunk)), lengths)
        counts = np.bincount(
            owners * 27 + _CLASS_OF_BYTE[chars], minlength=len(chunk) * 27
        ).reshape(len(chunk), 27)
        bits = np.concatenate([counts >= 1, counts >= 2, counts[:, _THRICE_CLASSES] >= 3], axis=1)
        codes[start : start + len(chunk)] = (
            np.packbits(bits, axis=1, bitorder="little").view(np.uint64).ravel()
        )
    return codes


@lru_cache(maxsize=1024)  # suggest() raises the threshold batch by batch
def _allowed_distances(
    query_length: int, threshold: float, max_length: int
) -> npt.NDArray[np.int64]:
    """Most distance a key of each length (the index) may be from the query and still score
    the threshold: 100 * (1 - distance / (query length + key length)) >= threshold.

    >>> _allowed_distances(10, 88.0, 12).tolist()[8:]
    [2, 2, 2, 2, 2]
    """
    totals = query_length + np.arange(max_length + 1)
    allowed: npt.NDArray[np.int64] = np.floor(totals * ((100.0 + _EPS - threshold) / 100.0)).astype(
        np.int64
    )
    return allowed


_CLASS_OF = {byte: int(cls) for byte, cls in enumerate(_CLASS_OF_BYTE)}
_THRICE_BIT = {int(cls): 54 + n for n, cls in enumerate(_THRICE_CLASSES)}


def letter_code(key: Key) -> np.uint64:
    """One key's letter code, as :func:`letter_codes` makes it (without numpy's per-call cost:
    every fuzzy query computes one).

    >>> bool(letter_code(b"kungraiya") == letter_codes([b"kungraiya"])[0])
    True
    """
    raw = key if isinstance(key, bytes) else key.encode("ascii", "replace")
    counts: dict[int, int] = {}
    for byte in raw:
        cls = _CLASS_OF[byte]
        counts[cls] = counts.get(cls, 0) + 1
    code = 0
    for cls, count in counts.items():
        code |= 1 << cls
        if count >= 2:
            code |= 1 << (27 + cls)
            if count >= 3 and cls in _THRICE_BIT:
                code |= 1 << _THRICE_BIT[cls]
    return np.uint64(code)


class FuzzyIndex:
    """Bucket bounds, alias targets and the whole-word postings as numpy arrays.

    Built from :class:`bot.matcher.NameIndex`'s plain arrays; the bucket key lists and id
    arrays are shared with it, not copied.
    """

    def __init__(
        self,
        targets: array[int],
        buckets: dict[tuple[int, ...], tuple[list[Key], array[int]]],
        word_hashes: array[int],
        word_aliases: array[int],
    ) -> None:
        self.targets: npt.NDArray[np.int64] = np.frombuffer(targets, dtype=np.int64)
        # Bounds how many hits must be kept to be sure of `limit` distinct targets.
        counts = np.unique(self.targets, return_counts=True)[1]
        self._max_aliases_per_target = int(counts.max()) if len(counts) else 1
        signatures = list(buckets)
        # Every key, its alias id and letter code, bucket after bucket: a bucket is a slice.
        self._keys = list(chain.from_iterable(buckets[sig][0] for sig in signatures))
        self._ids = np.fromiter(
            chain.from_iterable(buckets[sig][1] for sig in signatures),
            dtype=np.uint32,
            count=len(self._keys),
        )
        self._codes = letter_codes(self._keys)
        self._bucket_counts = np.array(signatures, dtype=np.int32).reshape(-1, CLASS_COUNT + 1)
        self._bucket_lengths = self._bucket_counts.sum(axis=1)
        self._bucket_sizes = np.array([len(buckets[sig][0]) for sig in signatures], dtype=np.int64)
        self._bucket_starts = np.cumsum(self._bucket_sizes) - self._bucket_sizes
        self._lengths = np.repeat(self._bucket_lengths.astype(np.int32), self._bucket_sizes)
        self._max_length = int(self._lengths.max()) if len(self._lengths) else 0
        # Per key, the most letter-code distance a (query length, threshold) allows.
        self._allowed: dict[tuple[int, float], npt.NDArray[np.uint8]] = {}
        hashes = np.frombuffer(word_hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")  # stable: alias ids stay ascending
        self._word_hashes, self._word_starts = np.unique(hashes[order], return_index=True)
        self._postings = np.frombuffer(word_aliases, dtype=np.uint32)[order]

    def word_hits(self, word: str, limit: int) -> list[tuple[int, int]]:
        """(target, alias id) for aliases containing *word*, first `limit` targets."""
        # Keyed by hash(word) (the index lives and dies in one process, so the hash seed
        # is fixed); a 64-bit collision across a few 100k words is not a practical risk.
        pos = int(np.searchsorted(self._word_hashes, hash(word)))
        if pos == len(self._word_hashes) or self._word_hashes[pos] != hash(word):
            return []
        end = self._word_starts[pos + 1] if pos + 1 < len(self._word_starts) else None
        alias_ids = self._postings[self._word_starts[pos] : end]
        targets, first = np.unique(self.targets[alias_ids], return_index=True)
        order = np.argsort(first, kind="stable")[:limit]
        return [(int(targets[i]), int(alias_ids[first[i]])) for i in order]

    def scan(self, rows: Sequence[str], cutoff: float, limit: int, best: Best) -> None:
        """Fuzzy-score the keys whose bounds can reach the cutoff into *best*.

        With a cutoff (resolve) the bucket bounds often leave a few hundred keys, which are
        checked and scored at once. Otherwise (many keys left, or suggest with no cutoff) the
        `limit`-th best score found so far is what prunes, so buckets are taken most promising
        first, in batches, raising it as they go.
        """
        if not len(self._bucket_sizes):
            return
        letters = letter_code(stored(rows[0]))  # every row has the same letters
        if cutoff > 0 and len(self._keys) <= _FLAT_KEYS:
            self._score_flat(rows, letters, raised(cutoff, best, limit), limit, best)
            return
        query = np.array(signature(rows[0]), dtype=np.int32)
        distance = np.abs(self._bucket_counts - query).sum(axis=1)
        bounds = 100.0 * (1.0 - distance / (len(rows[0]) + self._bucket_lengths))
        threshold = raised(cutoff, best, limit)  # word hits may already fill `limit`
        reachable = (bounds + _EPS >= threshold).nonzero()[0]
        if cutoff > 0 and self._bucket_sizes[reachable].sum() <= _ONE_CALL:
            if len(reachable):
                self._score_buckets(rows, reachable, letters, threshold, limit, best)
            return
        order = reachable[np.argsort(-bounds[reachable], kind="stable")]
        falling = -bounds[order]  # ascending, for searchsorted
        ends = np.cumsum(self._bucket_sizes[order])
        first = 0
        while first < len(order):
            # Buckets from `stop` on cannot reach the threshold. Equal can only tie the last
            # place: skipping those buckets (many, as bounds and scores take the same values)
            # means a tie there may go to either alias.
            if len(best) >= limit:
                stop = int(np.searchsorted(falling, -threshold, side="left"))
            else:
                stop = int(np.searchsorted(falling, _EPS - threshold, side="right"))
            if first >= stop:
                break
            # Until `limit` targets are found nothing is pruned: a small batch raises the
            # threshold soon; after that the letter codes skip most keys, so batches grow.
            size = _BATCH if len(best) < limit else _CODED_BATCH
            done = int(ends[first - 1]) if first else 0
            last = min(int(np.searchsorted(ends, done + size, side="left")) + 1, stop)
            threshold = self._score_buckets(
                rows, order[first:last], letters, threshold, limit, best
            )
            first = last

    def _score_flat(
        self, rows: Sequence[str], letters: np.uint64, threshold: float, limit: int, best: Best
    ) -> float:
        """Check every key's letter code and length, score what is left."""
        key = (len(rows[0]), threshold)
        allowed = self._allowed.get(key)
        if allowed is None:  # once per query length and cutoff: most questions reuse one
            if len(self._allowed) >= _ALLOWED_KEPT:
                self._allowed.clear()
            by_length = _allowed_distances(len(rows[0]), threshold, self._max_length)
            # Capped at 64, the most bits two codes can differ in, to fit the codes' counts.
            allowed = np.minimum(by_length, 64).astype(np.uint8)[self._lengths]
            self._allowed[key] = allowed
        # nonzero()[0] rather than flatnonzero: a fifth of the time on a 1k index.
        places = (np.bitwise_count(self._codes ^ letters) <= allowed).nonzero()[0]
        return self._score_places(rows, places, threshold, limit, best)

    def _score_buckets(
        self,
        rows: Sequence[str],
        buckets: npt.NDArray[np.intp],
        letters: np.uint64,
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score these buckets' keys whose letter codes allow the threshold; return it raised."""
        sizes = self._bucket_sizes[buckets]
        # Each key's place in the flat arrays: its bucket's start plus its place in the bucket.
        offsets = np.cumsum(sizes) - sizes
        places = np.arange(int(offsets[-1] + sizes[-1])) + np.repeat(
            self._bucket_starts[buckets] - offsets, sizes
        )
        if threshold > 0 and len(places) >= _CODES_FROM:
            allowed = _allowed_distances(len(rows[0]), threshold, self._max_length)
            differ = np.bitwise_count(self._codes[places] ^ letters)
            places = places[differ <= allowed[self._lengths[places]]]
        return self._score_places(rows, places, threshold, limit, best)

    def _score_places(
        self,
        rows: Sequence[str],
        places: npt.NDArray[np.intp],
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score the keys at these places in the flat arrays; return the threshold raised."""
        if not len(places):
            return threshold
        keys = list(map(self._keys.__getitem__, places.tolist()))
        return self._score(rows, keys, self._ids[places], threshold, limit, best)

    def _score(
        self,
        rows: Sequence[str],
        keys: list[Key],
        ids: npt.NDArray[np.uint32],
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score one batch of keys into *best*; return the raised threshold."""
        if len(keys) * len(rows) <= _FEW_PAIRS:
            # What letter codes usually leave of a resolve: plain rapidfuzz calls cost less
            # than building and reading a score matrix. Scores equal the matrix's (rounded to
            # two places by offer(), float32 or not); every hit is offered, which can only add
            # targets below the `limit` best.
            for key, alias_id in zip(keys, ids.tolist(), strict=True):
                score = max([fuzz.ratio(row, key, score_cutoff=threshold) for row in rows])
                if score >= threshold:  # below the cutoff is 0: a hit only when threshold is 0
                    offer(best, int(self.targets[alias_id]), score, alias_id)
            return raised(threshold, best, limit)
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
        hits = (scores >= threshold).nonzero()[0]
        if not len(hits):
            return threshold
        keep = limit * self._max_aliases_per_target  # enough hits for `limit` targets
        if len(hits) > keep:
            # Everything tied with the keep-th best stays: ties go to the earlier alias.
            kth = np.partition(scores[hits], -keep)[-keep]
            hits = hits[scores[hits] >= kth]
        alias_ids = ids[hits]
        for alias_id, target, score in zip(
            alias_ids.tolist(),
            self.targets[alias_ids].tolist(),
            scores[hits].tolist(),
            strict=True,
        ):
            offer(best, target, score, alias_id)
        return raised(threshold, best, limit)
