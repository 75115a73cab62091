"""Peak memory (RSS) of the running bot with 100k claim rows and 20k people.

    .venv/bin/python -m bench.rss            # SQLite, then PostgreSQL; about 5 minutes
    .venv/bin/python -m bench.rss --quick    # fewer questions
    .venv/bin/python -m bench.rss --no-postgres

Starts ``desk run`` as a subprocess (the real command, token and API URL from the environment)
against the fake Bot API in this process, over the cached database of bench/datasets.py (in
SQLite, and in bench/pg.py's PostgreSQL), then
asks every kind of question, including the heaviest ones (a person card, every /total form,
/on over a whole year, /summary of a busy week, /parties, /sources, inline queries), while
sampling the process's RSS every 50 ms. The peak is the kernel's high-water mark (VmHWM), so
nothing between samples is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")


from bench.common import (
    REPO,
    command_line,
    environment_block,
    loadavg,
    log,
    out_dir,
    table,
    update_section,
    verdict,
)
from bench.datasets import e2e_dataset
from bench.e2e import total_queries, who_queries
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

GOAL_MB = 150
CHAT = 31_000


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def rss_and_peak(pid: int) -> tuple[int, int]:
    return status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM")


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.samples.append((time.monotonic(), status_kb(self.pid, "VmRSS")))
            except (OSError, ValueError):
                return
            time.sleep(0.05)


def questions(people: list[list[str]], count: int) -> list[tuple[str, str]]:
    """(phase, text): the heavy ones once each, then a mix."""
    heavy = [
        "/on 01/01/2022 - 31/12/2022", "/on 2023", "/summary 26/06/2023", "/summary 2019-W10",
        "/total", "/total CLP", "/total Candlelight 2019", "/total Unnamed Parties",
        "/parties", "/sources", "/about", "/who Sok", "/who Chan", "/who zzzzqqq",
    ]  # fmt: skip
    pairs = zip(who_queries(people, count), total_queries(count), strict=True)
    mixed = [q for pair in pairs for q in pair]
    rng = random.Random(5)
    mixed += [f"/on {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(10, 23)}"
              for _ in range(count // 2)]  # fmt: skip
    return [("heavy", q) for q in heavy] + [("mixed", q) for q in mixed]


@dataclass
class Measured:
    database: str
    marks: list[tuple[str, int, int]]  # (moment, RSS kB, peak so far kB)
    peak_kb: int
    samples: int
    sampled_peak_kb: int
    answered: int
    errors: list[str]


def measure(database: str, db_url: str, people: list[list[str]], count: int) -> Measured:
    fake = FakeBotAPI(bot_username="DefectionDeskBot")
    url = fake.start_in_thread()
    fake.add_private_chat(CHAT, first_name="Reporter")
    env = dict(
        os.environ,
        TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN,
        TELEGRAM_API_URL=url,
        DESK_DATABASE_URL=db_url,
        DESK_LOG_LEVEL="WARNING",
    )
    log_path = out_dir() / f"rss-desk-run-{database}.log"
    desk_cmd = Path(sys.executable).parent / "desk"
    with log_path.open("w") as log_file:
        proc = subprocess.Popen(
            [str(desk_cmd), "run"], cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    sampler = Sampler(proc.pid)
    sampler.start()
    marks: list[tuple[str, int, int]] = []
    answered = 0
    try:
        fake.wait_for_sync("getUpdates", timeout=120)
        marks.append(("started, polling", *rss_and_peak(proc.pid)))
        for phase, text in questions(people, count):
            before = len(fake.sent_messages(CHAT))
            fake.push_message(CHAT, CHAT, text)
            fake.wait_for_sync(
                "sendMessage",
                count=before + 1,
                timeout=300,
                predicate=lambda c: c.ok and c.params.get("chat_id") == CHAT,
            )
            time.sleep(0.05)  # let any further parts of the answer go out
            answered += 1
            if phase == "heavy" and text == "/who zzzzqqq":
                marks.append(("after the heavy questions", *rss_and_peak(proc.pid)))
        marks.append((f"after {answered} questions", *rss_and_peak(proc.pid)))
        for n in range(20):
            fake.push_inline_query(CHAT, ["kung", "sok", "chan d", "x"][n % 4])
        fake.wait_for_sync("answerInlineQuery", count=20, timeout=120)
        marks.append(("after 20 inline queries at once", *rss_and_peak(proc.pid)))
        peak_kb = status_kb(proc.pid, "VmHWM")
    finally:
        sampler.stop.set()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        fake.stop()
    errors = [
        line for line in log_path.read_text(errors="replace").splitlines()
        if " ERROR " in line or "Traceback" in line
    ]  # fmt: skip
    sampled = max(kb for _, kb in sampler.samples)
    return Measured(database, marks, peak_kb, len(sampler.samples), sampled, answered, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    count = 30 if args.quick else 150
    load0 = loadavg()
    dataset = e2e_dataset("100k")
    runs = [measure("SQLite", dataset.url, dataset.people, count)]
    pg = ""
    if not args.no_postgres:
        from bench.pg import dataset_url, server, server_version

        with server(keep=True) as base:
            pg = f"; PostgreSQL {server_version(base)} (bench/out/pg)"
            runs.append(measure("PostgreSQL", dataset_url(base, dataset), dataset.people, count))
    rows = [
        [run.database, what, f"{kb / 1024:.0f}", f"{hwm / 1024:.0f}"]
        for run in runs
        for what, kb, hwm in run.marks
    ]
    rows += [[r.database, "**peak (VmHWM)**", "", f"**{r.peak_kb / 1024:.0f}**"] for r in runs]
    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            "- Allocator: glibc's defaults; MALLOC_* in the environment: "
            + (
                ", ".join(f"{k}={v}" for k, v in os.environ.items() if k.startswith("MALLOC_"))
                or "none"
            ),
            f"- Data: {dataset.claims:,} claim rows, {dataset.people_count:,} people "
            f"(~{sum(len(a) for a in dataset.people) // 1000}k aliases); SQLite "
            f"({dataset.database.stat().st_size / 2**20:.0f} MB file){pg}; `desk run` polling "
            "the fake Bot API",
            "",
            table(["database", "moment", "RSS MB", "peak so far MB"], rows),
            "",
            *(
                f"{run.database}: highest of {run.samples} samples (every 50 ms) "
                f"{run.sampled_peak_kb / 1024:.0f} MB; {run.answered} questions answered; "
                f"{len(run.errors)} error lines in the bot's log."
                for run in runs
            ),
            "",
            "Goals:",
            "",
            *(
                f"- {run.database}: peak RSS <= {GOAL_MB} MB: {run.peak_kb / 1024:.0f} MB — "
                f"{verdict(run.peak_kb / 1024 <= GOAL_MB)}"
                for run in runs
            ),
        ]
    )
    update_section("rss", "Memory of the running bot (bench/rss.py)", body)
    print(body)
    for run in runs:
        for line in run.errors[:10]:
            print(line, file=sys.stderr)
    log(f"done (load {loadavg()})")


if __name__ == "__main__":
    main()
