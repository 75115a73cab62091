"""The fuzzy half of a large :class:`bot.core.matcher.NameIndex`: rapidfuzz scans over numpy arrays
of keys sorted by length, pruned by letter codes.

>>> from bot.core.matcher import AliasEntry, NameIndex
>>> names = [AliasEntry(n, f"Sok {chr(97 + n % 26)}ara {n}") for n in range(600)]
>>> index = NameIndex([AliasEntry(1000, "Kung Raiya"), *names])
>>> type(index.fuzzy()).__name__, [c.alias for c in index.resolve("kung raya")]
('FuzzyIndex', ['Kung Raiya'])

Kept apart from the exact lookups so that answering an exact name, or a question that names
no one, never imports numpy or rapidfuzz (~0.2 s of a one-shot ``desk ask``); indexes of up
to ``bot.core.matcher.SMALL_INDEX`` aliases use :mod:`bot.core.fuzzy_small` instead. The scoring is
described in bot.core.matcher's docstring.

Letter codes. The indel distance between two strings is at least the L1 distance between
their counts of each letter (26 letters, everything else as one more class), and the number
of differing bits between two thermometer codes of those counts, capped at 2 (at 3 for the
commonest letters), is at most that. So one XOR and a popcount per key, 64 bits, skip keys
whose letters alone rule them out: at 250k aliases a "did you mean" (no cutoff) scores a few
hundred keys (p90 ~1,700), and a misspelled name at the cutoff a few dozen.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.core.matcher import Best, Key, offer, raised, stored

__all__ = ["FuzzyIndex"]

# cdist parallelises over query rows only; on the 2-core target extra workers made a
# 6-row scan ~2x slower, and thread start-up would dominate small batches anyway.
_WORKERS = 1
_EPS = 1e-6
# Up to this many keys left by the letter codes are scored in one call; beyond it the first
# batch (see _score_tier()), which amortises rapidfuzz's fixed per-call cost while still letting
# the threshold rise (and prune) between calls.
_ONE_CALL = 256
# Up to this many keys, resolve checks the letter codes of all of them at once (a few numpy
# calls, with the allowance of each key kept per query length and cutoff).
_FLAT_KEYS = 20_000
# Up to this many (row, key) pairs are scored with plain rapidfuzz calls (see _score_places()).
_FEW_PAIRS = 64
# (query length, threshold) pairs whose per-key allowances _score_flat keeps (a byte a key).
_ALLOWED_KEPT = 64
# A "did you mean" (no cutoff) scores keys tier by tier: those whose bound reaches the first
# tier, then those that reach the next, until `limit` targets score at least the tier just
# scored (nothing unscored can beat them). The closest names to a misspelling that matched no
# one mostly score 70-88 (bench/e2e.py's): one tier for most, two for the rest. Each tier
# costs a pass over the codes and a rapidfuzz call, which (cold, between questions) cost more
# than the extra keys a wide tier scores: tiers (84, 80, 76, ...) were ~0.4 ms slower.
_SUGGEST_TIERS = (76.0, 66.0, 50.0, 0.0)
# Letter codes (see the module docstring): bit i is "letter i at least once", bit 27 + i "at
# least twice" (i = 26: any other character), bits 54-63 "at least three times" for these,
# the letters most often repeated in romanized Khmer names.
_THRICE = b"anhitsmeok"
_CLASS_OF_BYTE = np.full(256, 26, dtype=np.int64)
_CLASS_OF_BYTE[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)] = np.arange(26)
_THRICE_CLASSES = _CLASS_OF_BYTE[np.frombuffer(_THRICE, dtype=np.uint8)]
_CODE_CHUNK = 32_768  # keys per pass: the count matrix is 27 int64s a key
_XOR_CHUNK = 16_384  # keys per pass when comparing codes: 128 KiB of XORs at a time


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


@lru_cache(maxsize=1024)  # a scan raises the threshold batch by batch
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


class _Reach(NamedTuple):
    """Which key lengths a (query length, threshold) reaches, and how far each may differ."""

    first: int  # shortest key length within reach (first > last: none)
    last: int
    most: tuple[int, ...]  # per key length, the most letter-code distance allowed (<= 64)

    def scored(self, length: int) -> int:
        """The most distance of a key of this length that reaches the threshold (-1: none)."""
        return self.most[length] if self.first <= length <= self.last else -1


@lru_cache(maxsize=1024)  # a few query lengths and thresholds recur: most questions reuse one
def _reach(query_length: int, threshold: float, max_length: int) -> _Reach:
    """The lengths within reach of the threshold (the length difference is at least the indel
    distance) and their allowed distances, capped at 64: codes differ in at most 64 bits.

    >>> r = _reach(10, 88.0, 12); (r.first, r.last, r.most[8:])
    (8, 12, (2, 2, 2, 2, 2))
    """
    most = [min(n, 64) for n in _allowed_distances(query_length, threshold, max_length).tolist()]
    # The lengths allowed are a run: the allowance grows more slowly than the difference.
    within = [n for n, allowed in enumerate(most) if allowed >= abs(n - query_length)]
    first, last = (within[0], within[-1]) if within else (1, 0)
    return _Reach(first, last, tuple(most))


# Per byte, the bit of its letter class; and per class counted three times, its bit.
_BIT_OF = [1 << int(cls) for cls in _CLASS_OF_BYTE]
_THRICE_BITS = [(1 << int(cls), 1 << (54 + n)) for n, cls in enumerate(_THRICE_CLASSES)]


def letter_code(key: Key) -> np.uint64:
    """One key's letter code, as :func:`letter_codes` makes it (without numpy's per-call cost:
    every fuzzy query computes one).

    >>> bool(letter_code(b"kungraiya") == letter_codes([b"kungraiya"])[0])
    True
    """
    raw = key if isinstance(key, bytes) else key.encode("ascii", "replace")
    # Classes seen once, twice and three times so far, as bit masks: no counting dict.
    once = twice = thrice = 0
    for byte in raw:
        bit = _BIT_OF[byte]
        if not once & bit:
            once |= bit
        elif not twice & bit:
            twice |= bit
        else:
            thrice |= bit
    code = once | twice << 27
    if thrice:
        for bit, thrice_bit in _THRICE_BITS:
            if thrice & bit:
                code |= thrice_bit
    return np.uint64(code)


class FuzzyIndex:
    """Keys by length, their letter codes, alias targets and the whole-word postings.

    Built from :class:`bot.core.matcher.NameIndex`'s plain arrays; the bucket key lists and id
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
        # Every key, its alias id and letter code, shortest keys first, so that the keys of
        # one length are a slice. All keys of a bucket have one length (the sum of its counts).
        signatures = sorted(buckets, key=sum)
        self._keys = list(chain.from_iterable(buckets[sig][0] for sig in signatures))
        self._ids = np.fromiter(
            chain.from_iterable(buckets[sig][1] for sig in signatures),
            dtype=np.uint32,
            count=len(self._keys),
        )
        self._codes = letter_codes(self._keys)
        # The same ids and targets read one at a time from Python: no numpy call per read.
        self._id_at = self._ids.data
        self._target_at = targets
        self._lengths = np.repeat(
            np.array([sum(sig) for sig in signatures], dtype=np.int32),
            [len(buckets[sig][0]) for sig in signatures],
        )
        self._max_length = int(self._lengths[-1]) if len(self._lengths) else 0
        # Where the keys of each length start; the last entry is the number of keys.
        self._length_starts: list[int] = np.searchsorted(
            self._lengths, np.arange(self._max_length + 2)
        ).tolist()
        # Per key, the most letter-code distance a (query length, threshold) allows.
        self._allowed: dict[tuple[int, float], npt.NDArray[np.uint8]] = {}
        # (letter code, first key, end, each key's distance) of the last _code_distances().
        self._known_distances: tuple[np.uint64, int, int, npt.NDArray[np.uint8]] | None = None
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
        """Fuzzy-score every key that can reach the cutoff (and the `limit`-th best score
        found so far) into *best*. Exact, ties included.

        Only keys whose length and letter code allow the threshold are scored. Up to
        _FLAT_KEYS keys every code is checked at once; above that only the codes of the
        lengths the threshold allows (a slice). With no cutoff (a "did you mean") the keys
        are taken in tiers of falling bounds (_SUGGEST_TIERS) until the best `limit` are
        certain.
        """
        if not self._keys:
            return
        letters = letter_code(stored(rows[0]))  # every row has the same letters
        threshold = raised(cutoff, best, limit)  # word hits may already fill `limit`
        if cutoff > 0 and len(self._keys) <= _FLAT_KEYS:
            self._score_flat(rows, letters, threshold, limit, best)
            return
        tiers = (cutoff,) if cutoff > 0 else _SUGGEST_TIERS
        above: float | None = None  # the tier scored before: keys it reached are done
        for tier in tiers:
            tier = max(tier, threshold)
            threshold = self._score_tier(rows, letters, tier, above, threshold, limit, best)
            if threshold >= tier:  # every key not scored yet scores below the tier
                return
            above = tier

    def _score_tier(
        self,
        rows: Sequence[str],
        letters: np.uint64,
        tier: float,
        above: float | None,
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score the keys whose bound reaches *tier* but not *above* (None: every key that
        reaches the tier), best bound first in growing batches while the threshold rises;
        return the threshold raised."""
        query_length = len(rows[0])
        reach = _reach(query_length, tier, self._max_length)
        start = self._length_starts[reach.first]
        stop = self._length_starts[reach.last + 1]
        differ = self._code_distances(letters, start, stop)
        covered = None if above is None else _reach(query_length, above, self._max_length)
        places = self._allowed_by_codes(differ, start, reach, covered)
        if len(places) <= _ONE_CALL:
            return self._score_places(rows, places, threshold, limit, best)
        # Best bound first; the share of its length a key must be within falls as the
        # threshold rises, and all keys from `end` on are then out of reach.
        shares = self._shares(differ[places - start], places, query_length)
        order = np.argsort(shares, kind="stable")
        places, shares = places[order], shares[order]
        done, size = 0, _ONE_CALL
        while done < len(places):
            # 100 * (1 - share) >= threshold, as _allowed_distances() has it.
            end = int(np.searchsorted(shares, (100.0 + _EPS - threshold) / 100.0, side="right"))
            if done >= end:
                break
            batch = places[done : min(done + size, end)]
            threshold = self._score_places(rows, batch, threshold, limit, best)
            done, size = done + len(batch), 2 * size
        return threshold

    def _code_distances(self, letters: np.uint64, start: int, stop: int) -> npt.NDArray[np.uint8]:
        """How many bits the letter code of each key from *start* to *stop* differs in.

        The last ones worked out are kept: a "did you mean" follows the resolve of a name
        that matched no one, and needs all the keys that resolve's lengths covered and more.
        """
        known = self._known_distances  # one read: another thread may replace it meanwhile
        if known is not None and known[0] == letters:
            _, first, last, differ = known
            if first <= start and stop <= last:
                return differ[start - first : stop - first]
            if start <= first and last <= stop:
                differ = np.concatenate(
                    [
                        self._count_differences(letters, start, first),
                        differ,
                        self._count_differences(letters, last, stop),
                    ]
                )
                self._known_distances = (letters, start, stop, differ)
                return differ
        differ = self._count_differences(letters, start, stop)
        self._known_distances = (letters, start, stop, differ)
        return differ

    def _count_differences(
        self, letters: np.uint64, start: int, stop: int
    ) -> npt.NDArray[np.uint8]:
        """XOR and popcount of the codes from *start* to *stop* against *letters*."""
        differ = np.empty(stop - start, dtype=np.uint8)
        # In slices that stay in the CPU cache: a third faster than one pass over all keys.
        chunk = np.empty(min(_XOR_CHUNK, stop - start), dtype=np.uint64)
        for first in range(start, stop, _XOR_CHUNK):
            last = min(first + _XOR_CHUNK, stop)
            xor = np.bitwise_xor(self._codes[first:last], letters, out=chunk[: last - first])
            np.bitwise_count(xor, out=differ[first - start : last - start])
        return differ

    def _allowed_by_codes(
        self,
        differ: npt.NDArray[np.uint8],
        start: int,
        reach: _Reach,
        done: _Reach | None = None,
    ) -> npt.NDArray[np.intp]:
        """Places of the keys whose length and letter-code distance (*differ*, for the keys
        from *start* on) are within *reach* but not *done* (what an earlier scan covered):
        one comparison per run of lengths with the same allowances."""
        stop = start + len(differ)  # keys outside the slice *differ* covers are not checked
        parts = []
        length = reach.first
        while length <= reach.last:
            low = -1 if done is None else done.scored(length)
            most = reach.most[length]
            end = length + 1
            while end <= reach.last and reach.most[end] == most:
                if done is not None and done.scored(end) != low:
                    break
                end += 1
            begin = max(self._length_starts[length], start)
            high = min(self._length_starts[end], stop)
            if high > begin and most > low:
                part = differ[begin - start : high - start]
                if low >= 0:
                    # low < d <= most in one comparison: d - (low + 1) wraps round (uint8) for
                    # every d <= low, to above most - (low + 1).
                    part = part - np.uint8(low + 1)
                    most -= low + 1
                parts.append((part <= most).nonzero()[0] + begin)
            length = end
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.intp)

    def _shares(
        self, differ: npt.NDArray[np.uint8], places: npt.NDArray[np.intp], query_length: int
    ) -> npt.NDArray[np.float64]:
        """Each key's least distance from the query (its letter-code distance *differ*, and at
        least the length difference) as a share of the two lengths: 100 * (1 - share) bounds
        its score."""
        lengths = self._lengths[places]
        distance = np.maximum(differ, np.abs(lengths - query_length))
        shares: npt.NDArray[np.float64] = distance / (query_length + lengths)
        return shares

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

    def _score_places(
        self,
        rows: Sequence[str],
        places: npt.NDArray[np.intp],
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score the keys at these places in the flat arrays into *best*; return the threshold
        raised."""
        if not len(places):
            return threshold
        at = places.tolist()
        keys = list(map(self._keys.__getitem__, at))
        if len(keys) * len(rows) > _FEW_PAIRS:
            return self._score_matrix(rows, keys, self._ids[places], threshold, limit, best)
        # What letter codes usually leave of a resolve: plain rapidfuzz calls, and ids read
        # through memoryviews, cost less than building and reading a score matrix (on a 1k
        # index, a resolve is a few dozen µs). Scores equal the matrix's (rounded to two places
        # by offer(), float32 or not); every hit is offered, which can only add targets below
        # the `limit` best.
        ids, targets = self._id_at, self._target_at
        for key, place in zip(keys, at, strict=True):
            score = max([fuzz.ratio(row, key, score_cutoff=threshold) for row in rows])
            if score >= threshold:  # below the cutoff is 0: a hit only when threshold is 0
                alias_id = ids[place]
                offer(best, targets[alias_id], score, alias_id)
        return raised(threshold, best, limit)

    def _score_matrix(
        self,
        rows: Sequence[str],
        keys: list[Key],
        ids: npt.NDArray[np.uint32],
        threshold: float,
        limit: int,
        best: Best,
    ) -> float:
        """Score one batch of keys into *best* through a score matrix; return the raised
        threshold."""
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
