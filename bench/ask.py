"""`desk ask` on the seed data, start-up included: median at most 500 ms, in English and Khmer.

    .venv/bin/python -m bench.ask [--runs 10] [--no-postgres]

Runs the real console command (`desk`) in a fresh process per question (so imports, settings,
schema check and name-index build all count), against an SQLite file and a PostgreSQL schema
(bench/pg.py) loaded once beforehand, and writes the medians to bench/RESULTS.md. The floor is
`python -c pass` in the same venv. Each question is also asked with ``--lang km``: a Khmer answer
imports Babel (numbers, dates) and reads the compiled catalog, which an English one never does.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from bench.common import (
    OUT,
    command_line,
    environment_block,
    loadavg,
    median,
    ms,
    percentile,
    table,
    update_section,
    verdict,
)

QUESTIONS = (
    "/who Kung Raiya",
    "/who kung raya",
    "/total Candlelight June",
    "/on 29/06/2023",
    "/summary 2023-W26",
    "/parties",
    "/about",
    # Khmer input: Babel's month names and khmercut's segmentation are loaded for these only.
    "/total ភ្លើងទៀន ខែមិថុនា",
    "គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់ ខែមិថុនា?",
)
# "Well under a second": half of one, on this benchmark's machine.
GOAL_S = 0.5


def run_once(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=False, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    before = loadavg()
    rows: list[tuple[str, str, str, str]] = []
    worst: list[tuple[str, float]] = []
    with contextlib.ExitStack() as stack:
        urls = {"SQLite": f"sqlite:///{OUT / 'ask.sqlite3'}"}
        if not args.no_postgres:
            from bench.pg import fresh_schema, server

            urls["PostgreSQL"] = stack.enter_context(fresh_schema(stack.enter_context(server())))
        for database, url in urls.items():
            times = measure(url, args.runs, floors=database == "SQLite")
            rows += [(database, k, ms(median(t)), ms(percentile(t, 95))) for k, t in times.items()]
            worst.append((database, max(median(times[f"`{q}`"]) for q in QUESTIONS)))
            khmer = max(median(times[f"`{q}` --lang km"]) for q in QUESTIONS)
            worst.append((f"{database}, Khmer (`--lang km`)", khmer))
    body = "\n\n".join(
        [
            environment_block(before, loadavg(), command_line()),
            f"Each question in a fresh `desk ask` process, {args.runs} rounds (every question and "
            "floor once per round, in a shuffled order), seed data.",
            table(("database", "question", "median (ms)", "p95 (ms)"), rows),
            "Goals:\n\n"
            + "\n".join(
                f"- {database}: every median at most {ms(GOAL_S)} ms — "
                f"{verdict(slowest <= GOAL_S)} (slowest median {ms(slowest)} ms)"
                for database, slowest in worst
            ),
            "The floor rows show where the time goes: importing SQLAlchemy's engine is most of "
            "it, numpy and rapidfuzz are added only for a misspelled name, Babel only for a "
            "Khmer answer; the answer itself takes milliseconds.",
        ]
    )
    update_section("ask", "`desk ask` start-up and answer (bench/ask.py)", body)
    print(body)


def measure(url: str, runs: int, *, floors: bool) -> dict[str, list[float]]:
    env = {**os.environ, "DESK_DATABASE_URL": url}
    script = Path(sys.executable).with_name("desk")  # the console script users run
    desk = [str(script)] if script.exists() else [sys.executable, "-m", "handlers.entry"]
    subprocess.run([*desk, "load"], env=env, check=True, capture_output=True)
    everything = {f"`{q}`": [*desk, "ask", q] for q in QUESTIONS}
    everything |= {f"`{q}` --lang km": [*desk, "ask", "--lang", "km", q] for q in QUESTIONS}
    if floors:
        everything |= {
            "`python -c pass` (floor)": [sys.executable, "-c", "pass"],
            "`import sqlalchemy` (the engine every answer needs) alone": [
                sys.executable, "-c", "import sqlalchemy",
            ],
            "`import numpy, rapidfuzz` (fuzzy names only) alone": [
                sys.executable, "-c", "import numpy, rapidfuzz",
            ],
            "`import babel.numbers` (Khmer answers only) alone": [
                sys.executable, "-c", "import babel.numbers",
            ],
        }  # fmt: skip
    # Round-robin, in a shuffled order each round: on a shared machine the load drifts, and
    # running one question's runs back to back would hand that drift to one question.
    times: dict[str, list[float]] = {label: [] for label in everything}
    rng = random.Random(3)
    for _ in range(runs):
        labels = list(everything)
        rng.shuffle(labels)
        for label in labels:
            times[label].append(run_once(everything[label], env))
    return times


if __name__ == "__main__":
    main()
