"""End to end over HTTP: the desk bot vs an echo bot (the floor), both polling the fake Bot API,
with 1M claims and 100k people in the database.

    .venv/bin/python -m bench.e2e              # latency, then throughput (about 10 minutes)
    .venv/bin/python -m bench.e2e --quick      # fewer queries and updates

The fake Bot API (tests/fake_bot_api.py) runs in this process; each bot is its own process
(bench/botproc.py: the desk bot exactly as ``desk run`` builds it, and an echo bot on the same
python-telegram-bot stack), so the fake, the bot and this driver do not share an interpreter.
Both bots run at once against the same fake (two tokens) and are asked alternately, so load
from elsewhere on the machine hits both alike.

- **Latency**: one question at a time (each after 50 ms of quiet, so neither bot is still
  busy with its previous reply), from the moment the update is queued at the fake to the
  moment the answer's last message reaches it. /who and /total each get their own query mix;
  the echo bot gets the same texts. Replies are checked against ``answer_text`` on the same
  database (same text, same number of messages). A third bot replays the desk's replies,
  computed beforehand, which splits the gap to the echo bot into payload and answering.
- **Throughput**: many private chats send at once (updates queued together); updates answered
  per second until the last answer arrives. As shipped, the rate limiter caps every bot at 30
  messages/s (Telegram's broadcast limit), so this is measured twice: as shipped, and with the
  cap lifted in both bots (``--unlimited``) to see what the process itself sustains. Lifted,
  each bot is CPU-bound and its rate swings from run to run with how many connections its
  HTTP pool holds (httpcore's pool bookkeeping grows with their square), so that phase takes
  several rounds, bots alternating, and reports the median rate and each bot's CPU time per
  update.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

from bench.common import (
    REPO,
    command_line,
    environment_block,
    loadavg,
    log,
    median,
    ms,
    out_dir,
    percentile,
    table,
    update_section,
    verdict,
)
from bench.datasets import Dataset, e2e_dataset
from bench.synth import misspell
from tests.fake_bot_api import DEFAULT_TOKEN, Call, FakeBotAPI, parse_html

ECHO_TOKEN = "654321:ECHO-TOKEN"
REPLAY_TOKEN = "765432:REPLAY-TOKEN"
DESK_CHAT = 10_000
ECHO_CHAT = 20_000
REPLAY_CHAT = 30_000
THROUGHPUT_CHATS = 200
SETTLE = 0.05  # s of quiet before each latency question

PARTY_WORDS = (
    "Candlelight", "Candlelight Party", "CLP", "CNRP", "Cambodia National Rescue Party",
    "Rescue Party", "Funcinpec", "FUNCINPEC", "KNUP", "GDP", "Grassroots Democracy Party",
    "Cambodian Youth Party", "Khmer Win Party", "Unnamed Parties", "League for Democracy",
    "Candlelite", "Cambodia Nation Love Party", "",
)  # fmt: skip
PERIODS = (
    "", "June", "June 2023", "2023", "2019", "Q2 2021", "May-June 2022", "2015-03",
    "01/06/2023 - 15/06/2023", "March 2018", "2012", "Q4 2016", "jan 2020",
)  # fmt: skip


def who_queries(people: list[list[str]], count: int, seed: int = 21) -> list[str]:
    """A third canonical names, a third other spellings, a third misspelled."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        aliases = people[rng.randrange(len(people))]
        if i % 3 == 0:
            name = aliases[0]
        elif i % 3 == 1:
            name = rng.choice(aliases)
        else:
            name = misspell(rng.choice(aliases), rng)
        out.append(f"/who {name}")
    return out


def total_queries(count: int, seed: int = 22) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(["/total", *(w for w in (rng.choice(PARTY_WORDS), rng.choice(PERIODS)) if w)])
        for _ in range(count)
    ]


def desk_replies(dataset: Dataset, texts: list[str]) -> dict[str, dict[str, list[Any]]]:
    """What the desk sends for each text (HTML messages, buttons), from answer_text directly."""
    from bot.commands import answer_text
    from bot.core.render import html_messages
    from bot.storage.desk import Desk

    desk = Desk.open(dataset.url, load_if_empty=False)
    out: dict[str, dict[str, list[Any]]] = {}
    for text in dict.fromkeys(texts):
        answer = answer_text(desk, text)
        out[text] = {
            "messages": html_messages(answer),
            "buttons": [[b.label, b.command] for b in answer.buttons],
        }
    desk.engine.dispose()
    return out


def visible(replies: dict[str, dict[str, list[Any]]]) -> dict[str, list[str]]:
    """The text of each message as a reader sees it: what the answers are checked against."""
    return {t: [parse_html(m)[0].strip() for m in r["messages"]] for t, r in replies.items()}


class BotProcess:
    def __init__(self, which: str, url: str, token: str, data: str | None, unlimited: bool):
        self.log_path = out_dir() / f"e2e-{which}{'-unlimited' if unlimited else ''}.log"
        cmd = [sys.executable, "-m", "bench.botproc", which, url]
        if data is not None:
            cmd.append(data)
        cmd += ["--token", token] + (["--unlimited"] if unlimited else [])
        self.log = self.log_path.open("w")
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the bot process so far (None where /proc is missing)."""
        try:
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def errors(self) -> list[str]:
        lines = self.log_path.read_text(errors="replace").splitlines()
        return [line for line in lines if " ERROR " in line or "Traceback" in line]


@dataclass
class Side:
    """One bot as seen from the fake: its token, a chat to ask in, and the answers it gave."""

    name: str
    token: str
    chat: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    by_text: list[tuple[str, float]] = field(default_factory=list)  # (text, seconds), in order
    wrong: list[str] = field(default_factory=list)


def _bot_id(token: str) -> int:
    return int(token.split(":")[0])


def _ok_to(chat: int, token: str):  # type: ignore[no-untyped-def]
    return lambda c: c.ok and c.token == token and c.params.get("chat_id") == chat


def ask(fake: FakeBotAPI, side: Side, text: str, parts: int, timeout: float = 120) -> list[Call]:
    """Send ``text`` in the side's chat and wait for ``parts`` answers; returns their calls."""
    before = len(fake.sent_messages(side.chat))
    started = time.monotonic()
    fake.push_message(side.chat, side.chat, text, token=side.token)
    predicate = _ok_to(side.chat, side.token)
    calls = fake.wait_for_sync("sendMessage", before + parts, timeout, predicate)[before:]
    side.latencies.setdefault(text.split()[0], []).append(calls[-1].at - started)
    side.by_text.append((text, calls[-1].at - started))
    return calls


def measure_latency(
    fake: FakeBotAPI,
    desk: Side,
    echo: Side,
    replay: Side,
    texts: list[str],
    want: dict[str, list[str]],
) -> None:
    for i, text in enumerate(texts):
        order = [(desk, len(want[text])), (echo, 1), (replay, len(want[text]))]
        order = order[i % 3 :] + order[: i % 3]  # each bot goes first, second, third in turn
        for side, parts in order:
            # One question at a time: asked the moment the previous reply reached the fake, a
            # bot (and the fake) were still busy with that reply, and the next question paid
            # for it: as the order swaps every other text and the texts alternate /who and
            # /total, that fell on every /who of the desk and on no /total.
            time.sleep(SETTLE)
            ask(fake, side, text, parts)
            if side is not echo:
                got = [s.text for s in fake.sent_messages(side.chat)[-parts:]]
                if got != want[text]:
                    side.wrong.append(text)


@dataclass(frozen=True)
class Rate:
    updates_per_second: float
    cpu_per_update: float | None  # seconds of the bot process's CPU time


def measure_throughput(
    fake: FakeBotAPI,
    side: Side,
    texts: list[str],
    parts: dict[str, int],
    chats: list[int],
    process: BotProcess,
) -> Rate:
    """Queue every text at once (round-robin over chats); updates answered per second, and
    the bot's CPU time per update."""
    cpu_before = process.cpu_seconds()
    predicate = lambda c: c.ok and c.token == side.token  # noqa: E731
    before = len(fake.wait_for_sync("sendMessage", count=0, predicate=predicate))
    total = sum(parts[t] for t in texts)
    started = time.monotonic()
    for i, text in enumerate(texts):
        chat = chats[i % len(chats)]
        fake.push_message(chat, chat, text, token=side.token)
    # Even 5 updates/s (a tenth of the slowest rate seen) finishes well within this: a bot that
    # dropped a reply (a request it gave up on) stops the run in minutes, not in an hour.
    timeout = 60 + len(texts) / 5
    try:
        calls = fake.wait_for_sync(
            "sendMessage", count=before + total, timeout=timeout, predicate=predicate
        )
    except TimeoutError as exc:
        raise SystemExit(
            f"the {side.name} bot did not answer all {len(texts)} updates within {timeout:.0f} s"
            f" (see its log in bench/out/): {exc}"
        ) from exc
    cpu_after = process.cpu_seconds()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Rate(
        len(texts) / (calls[before + total - 1].at - started),
        None if cpu is None else cpu / len(texts),
    )


@dataclass
class Run:
    # bot ("desk", "echo", "replay") → command → seconds
    latency: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    # rate limiter mode → bot → one Rate a round
    throughput: dict[str, dict[str, list[Rate]]] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rejected: int = 0
    texts: dict[str, tuple[int, int]] = field(default_factory=dict)  # command → (all, distinct)


def run(args: argparse.Namespace) -> tuple[Run, Dataset]:
    dataset = e2e_dataset()
    who = who_queries(dataset.people, args.queries)
    total = total_queries(args.queries)
    mixed = [t for pair in zip(who, total, strict=True) for t in pair]
    result = Run(texts={"/who": (len(who), len(set(who))), "/total": (len(total), len(set(total)))})
    warm = who_queries(dataset.people, 10, seed=99) + total_queries(10, seed=99)
    log(f"computing expected answers for {len(set(mixed + warm))} texts")
    replies = desk_replies(dataset, mixed + warm)
    want = visible(replies)
    replies_path = out_dir() / "e2e-replies.json"
    replies_path.write_text(json.dumps(replies))
    echo_chats = [ECHO_CHAT + 1 + i for i in range(THROUGHPUT_CHATS)]
    desk_chats = [DESK_CHAT + 1 + i for i in range(THROUGHPUT_CHATS)]
    for unlimited in (False, True):
        mode = "limiter lifted" if unlimited else "as shipped"
        fake = FakeBotAPI(bot_username="DefectionDeskBot")
        fake.add_bot(ECHO_TOKEN, "EchoBot", first_name="Echo")
        fake.add_bot(REPLAY_TOKEN, "ReplayBot", first_name="Replay")
        url = fake.start_in_thread()
        for chat in [DESK_CHAT, ECHO_CHAT, REPLAY_CHAT, *echo_chats, *desk_chats]:
            fake.add_private_chat(chat, first_name=f"Reporter {chat}")
        desk_process = BotProcess("desk", url, DEFAULT_TOKEN, dataset.url, unlimited)
        echo_process = BotProcess("echo", url, ECHO_TOKEN, None, unlimited)
        bots = [desk_process, echo_process]
        if not unlimited:  # the replay bot is a latency floor only
            bots.append(BotProcess("replay", url, REPLAY_TOKEN, str(replies_path), unlimited))
        desk = Side("desk", DEFAULT_TOKEN, DESK_CHAT)
        echo = Side("echo", ECHO_TOKEN, ECHO_CHAT)
        replay = Side("replay", REPLAY_TOKEN, REPLAY_CHAT)
        try:
            log(f"[{mode}] warming up (the desk builds its name indexes on first use)")
            for text in warm:
                ask(fake, desk, text, len(want[text]), timeout=300)
                ask(fake, echo, text, 1)
                if not unlimited:
                    ask(fake, replay, text, len(want[text]), timeout=120)
            for side in (desk, echo, replay):
                side.latencies.clear()
                side.by_text.clear()
            if not unlimited:
                log(f"latency: {len(mixed)} texts on each bot (load {loadavg()})")
                measure_latency(fake, desk, echo, replay, mixed, want)
                result.latency = {
                    "desk": desk.latencies,
                    "echo": echo.latencies,
                    "replay": replay.latencies,
                }
                result.wrong = desk.wrong + [f"replay: {t}" for t in replay.wrong]
                # Per question, for finding what sets a percentile (not part of the report).
                (out_dir() / "e2e-latencies.json").write_text(
                    json.dumps({s.name: s.by_text for s in (desk, echo, replay)})
                )
            updates = args.updates if unlimited else args.shipped_updates
            texts = [mixed[i % len(mixed)] for i in range(updates)]
            parts = {t: len(want[t]) for t in texts}
            echo_parts = dict.fromkeys(texts, 1)
            rounds = args.rounds if unlimited else 1
            log(
                f"[{mode}] throughput: {updates} updates over {THROUGHPUT_CHATS} chats"
                f", {rounds} round(s)"
            )
            order = [
                ("desk", desk, parts, desk_chats, desk_process),
                ("echo", echo, echo_parts, echo_chats, echo_process),
            ]
            rates: dict[str, list[Rate]] = {"desk": [], "echo": []}
            for round_ in range(rounds):
                for name, side, p, chats, process in order[:: 1 if round_ % 2 == 0 else -1]:
                    rate = measure_throughput(fake, side, texts, p, chats, process)
                    rates[name].append(rate)
                    log(
                        f"  {name}: {rate.updates_per_second:.1f} updates/s, "
                        f"{cpu_ms(rate.cpu_per_update)} ms CPU an update (load {loadavg()})"
                    )
            result.throughput[mode] = rates
        finally:
            for process in bots:
                process.stop()
                result.errors += [f"{process.log_path.name}: {e}" for e in process.errors()]
            result.rejected += sum(1 for c in fake.calls if c.method == "sendMessage" and not c.ok)
            fake.stop()
    return result, dataset


def report(result: Run, dataset: Dataset, load0: str) -> str:
    echo_all = [x for xs in result.latency["echo"].values() for x in xs]
    e50, e95 = median(echo_all), percentile(echo_all, 95)
    rows = [["echo (floor)", "same texts", len(echo_all), ms(e50), ms(e95), "1.00x", "1.00x"]]
    goals = []
    for command, times in sorted(result.latency["desk"].items(), reverse=True):
        p50, p95 = median(times), percentile(times, 95)
        rows.append(
            [
                "desk",
                command,
                len(times),
                ms(p50),
                ms(p95),
                f"{p50 / e50:.2f}x",
                f"{p95 / e95:.2f}x",
            ]
        )
        goals.append(
            f"- {command} latency <= 1.25x the echo floor: p50 {p50 / e50:.2f}x, "
            f"p95 {p95 / e95:.2f}x — {verdict(p50 / e50 <= 1.25 and p95 / e95 <= 1.25)}"
        )
    replayed = result.latency.get("replay", {})
    floor_rows = []
    for command, times in sorted(replayed.items(), reverse=True):
        desk_times = result.latency["desk"].get(command, [])
        if not times or not desk_times:
            continue
        r50, r95 = median(times), percentile(times, 95)
        floor_rows.append(
            [
                command,
                ms(r50),
                ms(r95),
                f"{r50 / e50:.2f}x",
                f"{median(desk_times) / r50:.2f}x",
                f"{percentile(desk_times, 95) / r95:.2f}x",
            ]
        )
    trows = []
    for mode, rates in result.throughput.items():
        desk_rate, echo_rate = (
            median([r.updates_per_second for r in rates[bot]]) for bot in ("desk", "echo")
        )
        ratio = desk_rate / echo_rate
        trows.append(
            [
                mode,
                len(rates["desk"]),
                f"{desk_rate:.1f}",
                f"{echo_rate:.1f}",
                f"{ratio:.2f}x",
                *(rounds_of(rates[bot]) for bot in ("desk", "echo")),
            ]
        )
        goals.append(
            f"- throughput >= 0.8x the echo bot ({mode}): {ratio:.2f}x — {verdict(ratio >= 0.8)}"
        )
    loaded = (
        f"loaded by `load_paths` in {dataset.load_seconds:.0f} s"
        if dataset.load_seconds
        else "reused from bench/out/"
    )
    body = [
        environment_block(load0, loadavg(), command_line()),
        f"- Data: 1,000,000 claim rows, 100,000 people (~250k aliases) in SQLite ({loaded})",
        "",
        "Latency, one question at a time (update queued at the fake → last answer message "
        "received by the fake):",
        "",
        table(["bot", "command", "n", "p50 ms", "p95 ms", "p50 vs floor", "p95 vs floor"], rows),
        "",
        "Texts: "
        + ", ".join(f"{c} {n} ({d} distinct)" for c, (n, d) in sorted(result.texts.items()))
        + ". A repeated text is answered in full again: the desk keeps no answers.",
        "",
        "Where the gap is: a third bot, on the same stack, replays the desk's own replies "
        "(the same HTML messages and buttons, computed before the run) without computing "
        "them. Replay vs echo is what the bigger reply costs (serialising, sending and the "
        "fake parsing it); desk vs replay is what answering costs:",
        "",
        table(
            [
                "command",
                "replay p50 ms",
                "replay p95 ms",
                "replay p50 vs echo",
                "desk p50 vs replay",
                "desk p95 vs replay",
            ],
            floor_rows,
        ),
        "",
        f"Throughput, {THROUGHPUT_CHATS} private chats sending at once (updates answered per s;"
        " with several rounds, the median, bots alternating; each round's rate / the bot's CPU"
        " ms per update):",
        "",
        table(
            [
                "rate limiter",
                "rounds",
                "desk",
                "echo (floor)",
                "desk / echo",
                "desk rounds (/s / CPU ms)",
                "echo rounds (/s / CPU ms)",
            ],
            trows,
        ),
        "",
        "Goals:",
        "",
        *goals,
        "",
        f"Checks: {len(result.wrong)} answers differed from `answer_text`"
        f"{' (' + ', '.join(result.wrong[:5]) + ')' if result.wrong else ''}; "
        f"{result.rejected} sendMessage calls refused by the fake; "
        f"{len(result.errors)} error lines in the bots' logs.",
    ]
    return "\n".join(body)


def cpu_ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.2f}"


def rounds_of(rates: list[Rate]) -> str:
    return ", ".join(f"{r.updates_per_second:.0f} / {cpu_ms(r.cpu_per_update)}" for r in rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--queries", type=int, help="texts per command for latency")
    parser.add_argument("--updates", type=int, help="updates for throughput (limiter lifted)")
    parser.add_argument("--shipped-updates", type=int, help="updates for throughput as shipped")
    parser.add_argument(
        "--rounds", type=int, help="throughput rounds with the limiter lifted (default 3)"
    )
    args = parser.parse_args()
    # 300 a command: the p95 is the 15th slowest, not the 8th (150 let one burst of noise
    # on the shared machine decide it).
    args.queries = args.queries or (40 if args.quick else 300)
    args.updates = args.updates or (400 if args.quick else 1500)
    args.shipped_updates = args.shipped_updates or (300 if args.quick else 900)
    args.rounds = args.rounds or (1 if args.quick else 3)
    load0 = loadavg()
    result, dataset = run(args)
    text = report(result, dataset, load0)
    update_section("e2e", "End to end over HTTP (bench/e2e.py)", text)
    print(text)
    for line in result.errors[:20]:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
