"""Weekly-digest fan-out to N subscribed chats against a fake Bot API that enforces Telegram's
broadcast limit (30 messages/s, answering 429 above it): total time vs the ideal N/30 s,
duplicates and chats left without their summary, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.fanout                    # 10,000 chats, SQLite then PostgreSQL
    .venv/bin/python -m bench.fanout --quick            # 2,000 chats
    .venv/bin/python -m bench.fanout --chats 500 --no-postgres
    .venv/bin/python -m bench.fanout --quick --no-postgres --limiter ptb

The sender is a real ``desk digests run --as-of 2023-07-03T09:05+07:00`` process (the
Application's bot and rate limiter, ``handlers.delivery.send_due_digests``, as the minute ticker
also calls it) over the bundled data; the fake runs on its own thread in this process. Every
chat should get the weekly summary exactly once: a chat with more messages than the summary has
parts is a duplicate, one with fewer is lost. ``--limiter ptb`` (``ptb-paced``) swaps the desk's
limiter for python-telegram-bot's own ``AIORateLimiter`` configured the same way (as a leaky
bucket of one, so that it never bursts): the comparison behind the choice of limiter. A run that
takes longer than four times the ideal is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

from bench.common import (
    command_line,
    environment_block,
    loadavg,
    log,
    out_dir,
    table,
    update_section,
    verdict,
)

FIRST_CHAT = 700_000
RATE = 30
GOAL = 1.05
DESK = Path(sys.executable).with_name("desk")  # the console script, as cron or a timer runs it
# `desk digests run` with python-telegram-bot's AIORateLimiter in place of the desk's own, built
# from the same arguments (messages a second, a group's a minute, retries after a 429).
PTB_LIMITERS = {
    "ptb": "AIORateLimiter(per_second, 1, per_group, 60, max_retries)",
    "ptb-paced": "AIORateLimiter(1, 1 / per_second, per_group, 60, max_retries)",
}
PTB_SENDER = """
import sys
import handlers.app
from telegram.ext import AIORateLimiter
from bot.cli import main
handlers.app.FloodLimiter = lambda per_second, per_group, max_retries: {limiter}
sys.exit(main())
"""


@dataclass
class Result:
    chats: int
    parts: int
    messages: int
    elapsed: float
    ideal: float
    duplicates: int
    lost: int
    refused: Counter[int]
    cpu: float  # the sender's, in seconds
    report: str


@contextlib.contextmanager
def sqlite() -> Iterator[str]:
    path = out_dir() / "fanout.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    yield f"sqlite:///{path}"


@contextlib.contextmanager
def postgresql() -> Iterator[str]:
    from bench.pg import fresh_schema, server

    with server() as base, fresh_schema(base) as url:
        yield url


def fan_out(chats: int, url: str, limiter: str) -> Result:
    from bot.commands.subscriptions import digest_answer
    from bot.core.render import html_messages
    from bot.delivery.weekly import due_digests
    from bot.desk import Desk
    from tests.digestrig import GRACE, MONDAY_0905, subscribe
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    desk = Desk.open(url, clock=lambda: MONDAY_0905)
    ids = list(range(FIRST_CHAT, FIRST_CHAT + chats))
    subscribe(desk, ids)
    with desk.session() as s:
        sample = due_digests(s, MONDAY_0905, GRACE)[0]
    parts = len(html_messages(digest_answer(desk, sample)))
    desk.engine.dispose()
    ideal = chats * parts / RATE
    # The fake serves from a thread of this otherwise idle process, and the sender is a real
    # `desk digests run`: in one event loop, the sender's work would delay the fake's clock.
    fake = FakeBotAPI()
    fake.start_in_thread()
    try:
        for chat in ids:
            fake.add_private_chat(chat, first_name=f"Desk {chat}")
        fake.enforce_flood_limits(global_per_second=RATE)
        env = {
            **os.environ,
            "DESK_DATABASE_URL": url,
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_API_URL": fake.url,
        }
        command = [str(DESK)]
        if limiter != "desk":
            code = PTB_SENDER.format(limiter=PTB_LIMITERS[limiter])
            command = [sys.executable, "-c", code]
        command += ["digests", "run", "--as-of", MONDAY_0905.isoformat()]
        log(f"sending {chats:,} digests of {parts} message(s), {limiter} limiter, load {loadavg()}")
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            run = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=4 * ideal + 60
            )
            report = (run.stdout.splitlines() or ["(no report)"])[0].rstrip(".")
            if run.returncode != 0:
                log(f"desk digests run exited {run.returncode}: {run.stderr[-2000:]}")
                report += f" (exit status {run.returncode})"
        except subprocess.TimeoutExpired:
            report = f"stopped after {4 * ideal + 60:.0f} s"
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        # From the sender's first request (getMe, before it lists what is due and builds the
        # text) to the last summary the fake accepted: both on the fake's clock.
        started = min(c.at for c in fake.calls_to("getMe"))
        sends = [c for c in fake.calls_to("sendMessage") if c.ok]
        elapsed = (sends[-1].at if sends else started) - started
        refused = [c.response_status for c in fake.calls_to("sendMessage") if not c.ok]
        per_chat = Counter(s.chat_id for s in fake.sent_messages())
    finally:
        fake.stop()
    return Result(
        chats=chats,
        parts=parts,
        messages=sum(per_chat.values()),
        elapsed=elapsed,
        ideal=ideal,
        duplicates=sum(1 for chat in ids if per_chat[chat] > parts),
        lost=sum(1 for chat in ids if per_chat[chat] < parts),
        refused=Counter(refused),
        cpu=(cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
        report=report,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2,000 chats")
    parser.add_argument("--chats", type=int)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--limiter", choices=("desk", *PTB_LIMITERS), default="desk")
    args = parser.parse_args()
    chats = args.chats or (2_000 if args.quick else 10_000)
    databases = {"SQLite": sqlite} | ({} if args.no_postgres else {"PostgreSQL": postgresql})
    load0 = loadavg()
    rows, goals, reports = [], [], []
    for name, database in databases.items():
        with database() as url:
            r = fan_out(chats, url, args.limiter)
        log(f"{name}: {r}")
        ratio = r.elapsed / r.ideal
        rows.append(
            [name, f"{r.chats:,}", f"{r.messages:,}", f"{r.elapsed:.1f}", f"{r.ideal:.1f}",
             f"{ratio:.3f}x", r.duplicates, r.lost, r.refused.get(429, 0),
             sum(v for k, v in r.refused.items() if k != 429), f"{r.cpu:.0f}"]
        )  # fmt: skip
        ok = ratio <= GOAL and r.duplicates == 0 and r.lost == 0
        goals.append(
            f"- {name}: time <= {GOAL}x messages/30 s, 0 duplicates, 0 lost: {ratio:.3f}x,"
            f" {r.duplicates} duplicates, {r.lost} lost — {verdict(ok)}"
        )
        reports.append(f"- {name}: {r.report}.")
    header = [
        "database", "chats", "messages", "time s", "ideal (messages/30) s", "time / ideal",
        "duplicates", "lost", "429s from the fake", "other refusals", "sender CPU s",
    ]  # fmt: skip
    limiter = {
        "desk": "the desk's (handlers/ratelimit.py)",
        "ptb": "python-telegram-bot's AIORateLimiter, 30 a second",
        "ptb-paced": "python-telegram-bot's AIORateLimiter, a leaky bucket of one at 30 a second",
    }[args.limiter]
    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            f"- Rate limiter: {limiter}",
            "",
            table(header, rows),
            "",
            "The sender's report:",
            "",
            *reports,
            "",
            "Goal (issue 19):",
            "",
            *goals,
        ]
    )
    name = f"fanout-{chats}" + ("" if args.limiter == "desk" else f"-{args.limiter}")
    title = f"Digest fan-out to {chats:,} chats (bench/fanout.py)"
    if args.limiter != "desk":
        title += f", {args.limiter} limiter"
    update_section(name, title, body)
    print(body)


if __name__ == "__main__":
    main()
