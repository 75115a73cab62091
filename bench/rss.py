"""Peak memory (RSS) of the running bot with 1M claims and 100k people.

    .venv/bin/python -m bench.rss            # about 5 minutes
    .venv/bin/python -m bench.rss --quick    # fewer questions

Starts ``desk run`` as a subprocess (the real command, token and API URL from the environment)
against the fake Bot API in this process, over the cached database of bench/datasets.py, then
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
from pathlib import Path

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

from bot.memory import ARENAS, MMAP_THRESHOLD, TRIM_THRESHOLD

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

GOAL_MB = 200
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 30 if args.quick else 150
    load0 = loadavg()
    dataset = e2e_dataset()
    fake = FakeBotAPI(bot_username="DefectionDeskBot")
    url = fake.start_in_thread()
    fake.add_private_chat(CHAT, first_name="Reporter")
    env = dict(
        os.environ,
        TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN,
        TELEGRAM_API_URL=url,
        DESK_DATABASE_URL=dataset.url,
        DESK_LOG_LEVEL="WARNING",
    )
    log_path = out_dir() / "rss-desk-run.log"
    desk_cmd = Path(sys.executable).parent / "desk"
    with log_path.open("w") as log_file:
        proc = subprocess.Popen(
            [str(desk_cmd), "run"], cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    sampler = Sampler(proc.pid)
    sampler.start()
    marks: list[tuple[str, int, int]] = []  # (moment, RSS kB, peak so far kB)
    answered = 0
    try:
        fake.wait_for_sync("getUpdates", timeout=120)
        marks.append(("started, polling", *rss_and_peak(proc.pid)))
        for phase, text in questions(dataset.people, count):
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
            if text == "/who Sok":
                marks.append(("after the first /who (people index built)",
                              *rss_and_peak(proc.pid)))  # fmt: skip
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
    sampled_peak = max(kb for _, kb in sampler.samples)
    errors = [
        line for line in log_path.read_text(errors="replace").splitlines()
        if " ERROR " in line or "Traceback" in line
    ]  # fmt: skip
    peak_mb = peak_kb / 1024
    rows = [[what, f"{kb / 1024:.0f}", f"{hwm / 1024:.0f}"] for what, kb, hwm in marks]
    rows.append(["**peak (VmHWM)**", "", f"**{peak_mb:.0f}**"])
    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            "- Allocator: `desk run` applies bot/memory.py's glibc settings itself "
            f"({ARENAS} arenas, mmap above {MMAP_THRESHOLD // 1024} KiB, trim above "
            f"{TRIM_THRESHOLD // 1024} KiB); MALLOC_* in the environment: "
            + (
                ", ".join(f"{k}={v}" for k, v in os.environ.items() if k.startswith("MALLOC_"))
                or "none"
            ),
            f"- Data: 1,000,000 claim rows, 100,000 people (~250k aliases), SQLite "
            f"({dataset.database.stat().st_size / 2**20:.0f} MB file); `desk run` polling the "
            "fake Bot API",
            "",
            table(["moment", "RSS MB", "peak so far MB"], rows),
            "",
            f"Highest of {len(sampler.samples)} samples (every 50 ms): {sampled_peak / 1024:.0f}"
            f" MB. {answered} questions answered; {len(errors)} error lines in the bot's log.",
            "",
            "Goals:",
            "",
            f"- peak RSS <= {GOAL_MB} MB: {peak_mb:.0f} MB — {verdict(peak_mb <= GOAL_MB)}",
        ]
    )
    update_section("rss", "Memory of the running bot (bench/rss.py)", body)
    print(body)
    for line in errors[:10]:
        print(line, file=sys.stderr)
    log(f"done (load {loadavg()})")


if __name__ == "__main__":
    main()
