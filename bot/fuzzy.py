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
pruning are described in bot.matcher's docstring.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.matcher import CLASS_COUNT, Best, Key, offer, raised, signature

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
        self._bucket_keys = [buckets[sig][0] for sig in signatures]
        self._bucket_ids = [np.frombuffer(buckets[sig][1], dtype=np.uint32) for sig in signatures]
        self._bucket_counts = np.array(signatures, dtype=np.int32).reshape(-1, CLASS_COUNT + 1)
        self._bucket_lengths = self._bucket_counts.sum(axis=1)
        self._bucket_sizes = np.array([len(keys) for keys in self._bucket_keys], dtype=np.int64)
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
        """Fuzzy-score the buckets whose bound can reach the cutoff into *best*.

        With a cutoff (resolve) the bound often leaves a few hundred keys, which are scored in
        one rapidfuzz call: a loop over buckets cost more than the scoring at 1k aliases.
        Otherwise (many keys left, or suggest with no cutoff) the `limit`-th best score found
        so far is what prunes, so buckets are scored most promising first, in batches,
        raising it as they go.
        """
        if not self._bucket_keys:
            return
        query = np.array(signature(rows[0]), dtype=np.int32)
        distance = np.abs(self._bucket_counts - query).sum(axis=1)
        bounds = 100.0 * (1.0 - distance / (len(rows[0]) + self._bucket_lengths))
        threshold = raised(cutoff, best, limit)  # word hits may already fill `limit`
        reachable = np.flatnonzero(bounds + _EPS >= threshold)
        if cutoff > 0 and self._bucket_sizes[reachable].sum() <= _ONE_CALL:
            if len(reachable):
                buckets = reachable.tolist()
                keys = list(chain.from_iterable(map(self._bucket_keys.__getitem__, buckets)))
                ids = list(map(self._bucket_ids.__getitem__, buckets))
                self._score(rows, keys, ids, threshold, limit, best)
            return
        order = reachable[np.argsort(-bounds[reachable], kind="stable")]
        keys = []
        ids = []
        for bucket, bound in zip(order.tolist(), bounds[order].tolist(), strict=True):
            if bound + _EPS < threshold or (len(best) >= limit and bound <= threshold):
                # Equal can only tie the last place: skipping those buckets (many, as bounds
                # and scores take the same values) means a tie there may go to either alias.
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
        rows: Sequence[str],
        keys: list[Key],
        ids: list[npt.NDArray[np.uint32]],
        threshold: float,
        limit: int,
        best: Best,
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
            # Everything tied with the keep-th best stays: ties go to the earlier alias.
            kth = np.partition(scores[hits], -keep)[-keep]
            hits = hits[scores[hits] >= kth]
        alias_ids = (ids[0] if len(ids) == 1 else np.concatenate(ids))[hits]
        for alias_id, target, score in zip(
            alias_ids.tolist(),
            self.targets[alias_ids].tolist(),
            scores[hits].tolist(),
            strict=True,
        ):
            offer(best, target, score, alias_id)
        return raised(threshold, best, limit)
