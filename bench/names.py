"""Name resolution at 1k-1M aliases: NameIndex.resolve vs a bare rapidfuzz scan (the floor),
difflib.get_close_matches and SQL LIKE on SQLite; latency (median, p95) and recall.

    .venv/bin/python -m bench.names            # 1k, 10k, 100k, 1M aliases (about 10 minutes)
    .venv/bin/python -m bench.names --quick    # 1k, 10k, 100k

Every method answers the same misspelled queries (bench/synth.py), one query at a time and
interleaved (query 1 on every method, then query 2, ...), so a noisy neighbour slows all methods
alike. Every method normalizes the query with bot.core.normalize (honorifics, case, accents) and
compares with the same scorer (rapidfuzz ``fuzz.ratio`` on compact keys, cutoff 88):

- **NameIndex**: ``NameIndex.resolve(query)`` (limit 5), as the bot calls it.
- **floor**: ``process.extract(compact_key(query), keys, scorer=fuzz.ratio, score_cutoff=88,
  limit=5)`` over the prepared list of compact keys: no index, no word-order handling.
- **difflib**: ``get_close_matches(compact_key(query), keys, n=5, cutoff=0.88)``.
- **SQL LIKE**: SQLite, ``search_key LIKE '%token%'`` for every query token (AND), LIMIT 5.

Recall@5: the person meant is among the (up to) five answers; recall@1: it is the first.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bench.common import (
    command_line,
    environment_block,
    loadavg,
    log,
    median,
    ms,
    percentile,
    table,
    update_section,
    verdict,
)
from bench.synth import Query, alias_entries, queries
from bot.core.matcher import AliasEntry, NameIndex
from bot.core.normalize import compact_key, normalize_name

SIZES = (1_000, 10_000, 100_000, 1_000_000)
CUTOFF = 88.0
LIMIT = 5
# Queries per size for the fast methods, and for difflib (which scans in pure Python).
QUERIES = {1_000: 500, 10_000: 500, 100_000: 300, 1_000_000: 200}
DIFFLIB_QUERIES = {1_000: 200, 10_000: 100, 100_000: 20, 1_000_000: 0}
LIKE_QUERIES = {1_000: 300, 10_000: 300, 100_000: 100, 1_000_000: 30}

Method = Callable[[str], list[int]]


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    hits1: int = 0
    hits5: int = 0

    def add(self, seconds: float, found: list[int], target: int) -> None:
        self.times.append(seconds)
        self.hits1 += bool(found) and found[0] == target
        self.hits5 += target in found[:LIMIT]

    @property
    def n(self) -> int:
        return len(self.times)

    def recall(self, at: int) -> float:
        return (self.hits1 if at == 1 else self.hits5) / self.n if self.n else float("nan")


def _distinct(targets: list[int]) -> list[int]:
    return list(dict.fromkeys(targets))[:LIMIT]


def build_methods(entries: list[tuple[int, str]]) -> tuple[dict[str, Method], dict[str, float]]:
    """The four methods over the same aliases, and how long each took to prepare."""
    built: dict[str, float] = {}
    started = time.perf_counter()
    index = NameIndex(AliasEntry(target, alias) for target, alias in entries)
    index.fuzzy()  # built on first use otherwise; the bot builds it at start
    built["NameIndex"] = time.perf_counter() - started

    started = time.perf_counter()
    keys = [compact_key(alias) for _, alias in entries]
    targets = [target for target, _ in entries]
    by_key = dict(zip(keys, targets, strict=True))
    built["floor"] = built["difflib"] = time.perf_counter() - started

    started = time.perf_counter()
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE aliases (id INTEGER PRIMARY KEY, target INT, search_key TEXT)")
    db.executemany(
        "INSERT INTO aliases (target, search_key) VALUES (?, ?)",
        ((target, normalize_name(alias)) for target, alias in entries),
    )
    db.execute("CREATE INDEX ix_key ON aliases (search_key)")
    db.commit()
    built["SQL LIKE"] = time.perf_counter() - started

    def ours(text: str) -> list[int]:
        return [c.target for c in index.resolve(text, limit=LIMIT, cutoff=CUTOFF)]

    def floor(text: str) -> list[int]:
        hits = process.extract(
            compact_key(text), keys, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=LIMIT
        )
        return _distinct([targets[i] for _, _, i in hits])

    def close(text: str) -> list[int]:
        found = difflib.get_close_matches(compact_key(text), keys, n=LIMIT, cutoff=CUTOFF / 100)
        return _distinct([by_key[k] for k in found])

    def like(text: str) -> list[int]:
        tokens = normalize_name(text).split() or [""]
        where = " AND ".join("search_key LIKE ?" for _ in tokens)
        rows = db.execute(
            f"SELECT target FROM aliases WHERE {where} LIMIT {LIMIT}",
            [f"%{t}%" for t in tokens],
        ).fetchall()
        return _distinct([row[0] for row in rows])

    return {"NameIndex": ours, "floor": floor, "difflib": close, "SQL LIKE": like}, built


def run_size(size: int, n_queries: int | None) -> tuple[dict[str, Result], dict[str, float]]:
    log(f"{size:,} aliases: generating")
    entries = alias_entries(size)
    count = n_queries or QUERIES[size]
    qs: list[Query] = queries(entries, count)
    methods, built = build_methods(entries)
    wanted = {
        "NameIndex": count,
        "floor": count,
        "difflib": min(count, DIFFLIB_QUERIES[size]),
        "SQL LIKE": min(count, LIKE_QUERIES[size]),
    }
    results = {name: Result() for name in methods}
    for q in qs[:5]:  # warm-up: first-call costs (imports, caches) are not latency
        for name, fn in methods.items():
            if wanted[name]:
                fn(q.text)
    log(f"{size:,} aliases: {count} queries (load {loadavg()})")
    gc.collect()
    gc.disable()  # a collection pause would land on whichever method runs then
    try:
        for i, q in enumerate(qs):
            order = list(methods.items())
            random.Random(i).shuffle(order)
            for name, fn in order:
                if i >= wanted[name]:
                    continue
                started = time.perf_counter()
                found = fn(q.text)
                results[name].add(time.perf_counter() - started, found, q.target)
            if i % 50 == 49:
                gc.collect()
    finally:
        gc.enable()
    return results, built


def report(
    all_results: dict[int, dict[str, Result]], builds: dict[int, dict[str, float]], load0: str
) -> str:
    rows = []
    for size, results in all_results.items():
        floor_med = median(results["floor"].times)
        for name, r in results.items():
            if not r.n:
                rows.append(
                    [f"{size:,}", name, "skipped", "", "", "", "", "", ms(builds[size][name])]
                )
                continue
            rows.append(
                [
                    f"{size:,}",
                    name,
                    r.n,
                    ms(median(r.times)),
                    ms(percentile(r.times, 95)),
                    f"{median(r.times) / floor_med:.2f}x",
                    f"{r.recall(1):.0%}",
                    f"{r.recall(5):.0%}",
                    ms(builds[size][name]),
                ]
            )
    body = [
        environment_block(load0, loadavg(), command_line()),
        "",
        table(
            [
                "aliases",
                "method",
                "queries",
                "median ms",
                "p95 ms",
                "vs floor (median)",
                "recall@1",
                "recall@5",
                "build ms",
            ],
            rows,
        ),
        "",
        _goals(all_results),
        "",
        "Methods: NameIndex = `NameIndex.resolve` as the bot calls it; floor = bare "
        "`process.extract` (same scorer `fuzz.ratio` on compact keys, cutoff 88) over a "
        "prepared key list; difflib = `get_close_matches(n=5, cutoff=0.88)` on the same keys; "
        "SQL LIKE = SQLite `search_key LIKE '%token%'` per token. Queries are misspelled "
        "(typos, other romanizations, word order, honorifics, case) and never equal a stored "
        "alias; recall@k = the person meant is among the first k answers. Build = time to "
        "prepare the method's structure from (person, alias) rows.",
    ]
    return "\n".join(body)


def _goals(all_results: dict[int, dict[str, Result]]) -> str:
    lines = ["Goals:", ""]
    r100 = all_results.get(100_000)
    if r100:
        ratio = median(r100["NameIndex"].times) / median(r100["floor"].times)
        lines.append(
            f"- 100k aliases, NameIndex <= 1.2x the floor: {ratio:.2f}x median, "
            f"{percentile(r100['NameIndex'].times, 95) / percentile(r100['floor'].times, 95):.2f}x"
            f" p95 — {verdict(ratio <= 1.2)}"
        )
    for size, results in all_results.items():
        if results["difflib"].n:
            speedup = median(results["difflib"].times) / median(results["NameIndex"].times)
            lines.append(
                f"- {size:,} aliases, >= 40x faster than difflib: {speedup:,.0f}x (median) — "
                f"{verdict(speedup >= 40)}"
            )
    r1m = all_results.get(1_000_000)
    if r1m:
        med, p95 = median(r1m["NameIndex"].times), percentile(r1m["NameIndex"].times, 95)
        lines.append(
            f"- 1M aliases, <= 150 ms: median {ms(med)} ms, p95 {ms(p95)} ms — "
            f"{verdict(p95 <= 0.150)} (judged on p95)"
        )
        if r100 and r100["difflib"].n and not r1m["difflib"].n:
            estimate = median(r100["difflib"].times) * 10
            lines.append(
                f"- difflib at 1M was skipped (pure-Python scan); extrapolated linearly from "
                f"100k: ~{ms(estimate)} ms a query, ~{estimate / med:,.0f}x NameIndex."
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1k, 10k and 100k aliases only")
    parser.add_argument("--sizes", type=int, nargs="*", help="alias counts to run")
    parser.add_argument("--queries", type=int, help="queries per size (default: by size)")
    args = parser.parse_args()
    sizes = args.sizes or (SIZES[:3] if args.quick else SIZES)
    for size in sizes:
        QUERIES.setdefault(size, 200)
        DIFFLIB_QUERIES.setdefault(size, 0 if size > 100_000 else 50)
        LIKE_QUERIES.setdefault(size, 50)
    load0 = loadavg()
    all_results: dict[int, dict[str, Result]] = {}
    builds: dict[int, dict[str, float]] = {}
    for size in sizes:
        all_results[size], builds[size] = run_size(size, args.queries)
        for name, r in all_results[size].items():
            if r.n:
                log(
                    f"  {name:10} median {ms(median(r.times))} ms  p95 "
                    f"{ms(percentile(r.times, 95))} ms  recall@5 {r.recall(5):.0%}"
                )
        gc.collect()
    text = report(all_results, builds, load0)
    update_section("names", "Name resolution (bench/names.py)", text)
    print(text)


if __name__ == "__main__":
    main()
