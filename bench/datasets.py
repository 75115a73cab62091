"""The synthetic databases the benchmarks share, built once and cached in bench/out/.

    .venv/bin/python -m bench.datasets          # build (or reuse) both sizes

Two sizes (bench/synth.py): the envelope's 100k claim rows with 20k people (~50k aliases), and
1M claim rows with 100k people (~250k aliases). Each is loaded with
``bot.ingest.loader.load_paths`` exactly as ``desk load`` does, into SQLite here and, for
PostgreSQL, into a database of bench/pg.py's kept cluster. A database is rebuilt when the
generator's parameters or bench/synth.py change; a newer schema is applied by migrations when a
Desk opens it.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import log, out_dir
from bench.synth import write_dataset

SIZES = {"100k": (100_000, 20_000), "1m": (1_000_000, 100_000)}  # name: (claims, people)


@dataclass(frozen=True)
class Dataset:
    name: str
    fingerprint: str  # of the generator and sizes: a cached copy elsewhere is stale without it
    claims: int
    people_count: int
    folder: Path  # the data files
    database: Path  # the loaded SQLite file
    people: list[list[str]]  # aliases per person (canonical name first)
    load_seconds: float | None  # None when reused from the cache

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"


def _fingerprint(claims: int, people: int) -> str:
    synth = (Path(__file__).parent / "synth.py").read_bytes()
    return hashlib.sha256(synth + f"{claims}:{people}".encode()).hexdigest()[:16]


def e2e_dataset(size: str = "100k") -> Dataset:
    """The cached SQLite database of one of SIZES (building it when missing or stale)."""
    from bench.synth import person_names

    claims, people = SIZES[size]
    name = f"e2e-{size}"
    out = out_dir()
    folder, database = out / f"{name}-data", out / f"{name}.sqlite3"
    stamp = out / f"{name}.stamp.json"
    want = _fingerprint(claims, people)
    if database.exists() and stamp.exists() and json.loads(stamp.read_text())["fp"] == want:
        log(f"reusing {database} ({claims:,} claims, {people:,} people)")
        names = person_names(people, seed=7)
        return Dataset(name, want, claims, people, folder, database, names, None)
    for stale in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), stamp):
        stale.unlink(missing_ok=True)
    log(f"generating {claims:,} claims and {people:,} people into {folder}")
    _, names = write_dataset(folder, claims=claims, people=people, seed=7)
    from bot.desk import Desk
    from bot.ingest.loader import load_paths

    desk = Desk.open(f"sqlite:///{database}", load_if_empty=False)
    log("loading with bot.ingest.loader.load_paths (as `desk load` does)")
    started = time.perf_counter()
    report = load_paths(desk.engine, [folder])
    seconds = time.perf_counter() - started
    desk.engine.dispose()
    log(f"loaded in {seconds:.0f} s: {report.summary()}")
    stamp.write_text(json.dumps({"fp": want, "load_seconds": seconds}))
    return Dataset(name, want, claims, people, folder, database, names, seconds)


if __name__ == "__main__":
    for size in SIZES:
        e2e_dataset(size)
