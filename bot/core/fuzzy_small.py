"""The fuzzy half of a small :class:`bot.core.matcher.NameIndex`: plain rapidfuzz calls, no numpy.

>>> from bot.core.matcher import AliasEntry, NameIndex
>>> index = NameIndex([AliasEntry(1, "Kung Raiya"), AliasEntry(2, "Kem Sokha")])
>>> type(index.fuzzy()).__name__, [c.alias for c in index.resolve("kung raya")]
('SmallFuzzyIndex', ['Kung Raiya'])

Used up to ``bot.core.matcher.SMALL_INDEX`` aliases (the bundled data has a few hundred): every
key is scored, so there are no buckets to prune, and the results are those of
:class:`bot.core.fuzzy.FuzzyIndex` (a test compares the two on random indexes).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.core.matcher import Best, Key, offer, raised

__all__ = ["SmallFuzzyIndex"]


class SmallFuzzyIndex:
    """Every key in one list, and the whole-word index as a dict."""

    def __init__(
        self,
        targets: array[int],
        buckets: dict[tuple[int, ...], tuple[list[Key], array[int]]],
        word_hashes: array[int],
        word_aliases: array[int],
    ) -> None:
        self._targets = targets
        self._keys: list[Key] = []
        self._ids: list[int] = []
        for keys, ids in buckets.values():
            self._keys += keys
            self._ids += ids
        self._words: dict[int, list[int]] = {}
        for word_hash, alias_id in zip(word_hashes, word_aliases, strict=True):
            self._words.setdefault(word_hash, []).append(alias_id)

    def word_hits(self, word: str, limit: int) -> list[tuple[int, int]]:
        """(target, alias id) for aliases containing *word*, first `limit` targets."""
        hits: dict[int, int] = {}
        for alias_id in sorted(self._words.get(hash(word), ())):
            hits.setdefault(self._targets[alias_id], alias_id)
        return list(hits.items())[:limit]

    def scan(self, rows: Sequence[str], cutoff: float, limit: int, best: Best) -> None:
        threshold = raised(cutoff, best, limit)  # word hits may already fill `limit`
        scores: dict[int, float] = {}
        for row in rows:
            for _, score, pos in process.extract(
                row, self._keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
            ):
                if score > scores.get(pos, -1.0):
                    scores[pos] = score
        for pos, score in scores.items():
            alias_id = self._ids[pos]
            offer(best, self._targets[alias_id], score, alias_id)
