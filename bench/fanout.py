"""Weekly-digest fan-out to N subscribed chats against a fake Bot API that enforces Telegram's
broadcast limit (30 messages/s, answering 429 above it): total time vs the ideal N/30 s, and
duplicates.

    .venv/bin/python -m bench.fanout            # 10,000 chats (about 6 minutes)
    .venv/bin/python -m bench.fanout --quick    # 2,000 chats
    .venv/bin/python -m bench.fanout --chats 500

The sender is a real ``desk digests run --as-of 2023-07-03T09:05+07:00`` process (the
Application's bot and rate limiter, ``handlers.delivery.send_due_digests``, as the minute ticker
also calls it) over SQLite with the bundled data; the fake runs on its own thread in this
process. Every chat should get the weekly
summary exactly once: a chat with more messages than the summary has parts is a duplicate.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter
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
DESK = Path(sys.executable).with_name("desk")  # the console script, as cron or a timer runs it


def fan_out(chats: int) -> dict[str, object]:
    from bot.commands.subscriptions import digest_answer
    from bot.core.render import html_messages
    from bot.delivery.weekly import due_digests
    from bot.storage.desk import Desk
    from tests.digestrig import GRACE, MONDAY_0905, subscribe
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    path = out_dir() / "fanout.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    desk = Desk.open(f"sqlite:///{path}", clock=lambda: MONDAY_0905)
    ids = list(range(FIRST_CHAT, FIRST_CHAT + chats))
    subscribe(desk, ids)
    with desk.session() as s:
        sample = due_digests(s, MONDAY_0905, GRACE)[0]
    parts = len(html_messages(digest_answer(desk, sample)))
    desk.engine.dispose()
    # The fake serves from a thread of this otherwise idle process, and the sender is a real
    # `desk digests run`: sharing one event loop (as this benchmark first did) let the
    # sender's work delay the fake's clock, which then saw bunched arrivals and answered 429.
    fake = FakeBotAPI()
    fake.start_in_thread()
    try:
        for chat in ids:
            fake.add_private_chat(chat, first_name=f"Desk {chat}")
        stats = fake.enforce_flood_limits(global_per_second=RATE)
        env = {
            **os.environ,
            "DESK_DATABASE_URL": f"sqlite:///{path}",
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_API_URL": fake.url,
        }
        log(f"sending {chats:,} digests of {parts} message(s) (load {loadavg()})")
        run = subprocess.run(
            [str(DESK), "digests", "run", "--as-of", MONDAY_0905.isoformat()],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            log(f"desk digests run exited {run.returncode}: {run.stderr[-2000:]}")
        # From the sender's first request (getMe, before it lists what is due and builds the
        # text) to the last summary the fake accepted: both on the fake's clock.
        started = min(c.at for c in fake.calls_to("getMe"))
        sends = [c for c in fake.calls_to("sendMessage") if c.ok]
        elapsed = (sends[-1].at if sends else started) - started
        refused = [c.response_status for c in fake.calls_to("sendMessage") if not c.ok]
        per_chat = Counter(s.chat_id for s in fake.sent_messages())
    finally:
        fake.stop()
    messages = sum(per_chat.values())
    return {
        "chats": chats,
        "parts": parts,
        "messages": messages,
        "elapsed": elapsed,
        "ideal": chats * parts / RATE,
        "duplicates": sum(1 for chat in ids if per_chat[chat] > parts),
        "missing": sum(1 for chat in ids if per_chat[chat] < parts),
        "refused": Counter(refused),
        "violations": stats.total,
        "run": (run.stdout.splitlines() or ["(no report)"])[0].rstrip("."),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2,000 chats")
    parser.add_argument("--chats", type=int)
    args = parser.parse_args()
    chats = args.chats or (2_000 if args.quick else 10_000)
    load0 = loadavg()
    r = fan_out(chats)
    ratio = float(r["elapsed"]) / float(r["ideal"])  # type: ignore[arg-type]
    log(f"{r}")
    refused: Counter[int] = r["refused"]  # type: ignore[assignment]
    row = [
        f"{r['chats']:,}", f"{r['messages']:,}", f"{r['elapsed']:.1f}", f"{r['ideal']:.1f}",
        f"{ratio:.3f}x", r["duplicates"], r["missing"], refused.get(429, 0),
        sum(v for k, v in refused.items() if k != 429),
    ]  # fmt: skip
    header = [
        "chats", "messages", "time s", "ideal (messages/30) s", "time / ideal", "duplicates",
        "missing", "429s from the fake", "other refusals",
    ]  # fmt: skip
    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            "",
            table(header, [row]),
            "",
            f"Sender's report: {r['run']}.",
            "",
            "Goals:",
            "",
            f"- time <= 1.05x messages/30 s: {ratio:.3f}x — {verdict(ratio <= 1.05)}",
            f"- 0 duplicates: {r['duplicates']} — {verdict(r['duplicates'] == 0)}"
            f" ({r['missing']} chats without their summary)",
        ]
    )
    update_section(f"fanout-{chats}", f"Digest fan-out to {chats:,} chats (bench/fanout.py)", body)
    print(body)


if __name__ == "__main__":
    main()
