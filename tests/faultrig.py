"""The fault table of issue 21: replies to commands and weekly summaries sent while the fake Bot
API fails a share of the bot's sendMessage calls in one of the ways Telegram can, counted per
fault (tests/test_fault_table.py asserts on it, bench/faults.py records it).

    outcomes = await run_table(desk, SMALL, timing=SCALED)

Each row of :func:`rows` has chats of its own: some send commands (five each, all different),
others are subscribed to the weekly summary, and the fake fails the sends to those chats only, as
the row says. Every row but the refused one runs at once, in one run of the real Application
(:func:`tests.botrig.running_bot`: the production rate limiter and send path, polling the fake
over HTTP) while ``send_due_digests`` sends the summaries through the same bot; then the
refused row runs alone, as a refused connection refuses every request. What happened to each
message is read from the fake's record of every call: which fault each try met, and whether
the fake acted on it (stored the message) whatever the bot heard.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from bot.commands import answer_text
from bot.core.render import html_messages
from bot.delivery.weekly import utc
from bot.desk import Desk
from bot.storage.models import Subscription
from handlers.delivery import DigestRun, send_due_digests
from handlers.errors import SORRY
from tests.botrig import BOT_USERNAME, running_bot
from tests.digestrig import GRACE, MONDAY_0905
from tests.fake_bot_api import Call, FakeBotAPI, FaultKind

# Commands whose answers are one message each, all different.
COMMANDS = (
    "/who Kung Raiya", "/total Candlelight June", "/total CLP", "/help", "/on 29/06/2023",
    "/parties", "/summary 26/06/2023", "/sources", "/total 2023", "/about",
)  # fmt: skip
# Faults after which the bot cannot know whether Telegram acted (it sent the request and got no
# answer): the ones the send policy's per-kind choice is about. "timeout" rows answer later
# than the bot waits.
UNSURE: frozenset[FaultKind] = frozenset({"drop", "drop-after", "timeout"})
NOT_DONE: frozenset[FaultKind] = frozenset({"429", "500", "502"})
# The send policy's line for a try that never left (handlers/sending.py).
NEVER_LEFT = re.compile(r" to chat (-?\d+) not sent: the request never left")
SUMMARY_MINUTE = 9 * 60 + 5  # Mondays 09:05: due at MONDAY_0905, not at the desk's 09:00


@dataclass(frozen=True)
class Timing:
    """How long the bot waits for an answer (DESK_SEND_TIMEOUT), and the fake's delays."""

    send_timeout: float
    slow: float  # a slow answer the bot waits for (the 7 s)
    late: float  # an answer later than the bot waits


REAL = Timing(send_timeout=20.0, slow=7.0, late=25.0)
SCALED = Timing(send_timeout=2.0, slow=0.7, late=2.5)  # a tenth: the same order of events


@dataclass(frozen=True)
class Scale:
    command_chats: int  # per row, five commands each
    summary_chats: int  # per row


SMALL = Scale(command_chats=12, summary_chats=25)  # 9 rows: 540 commands, 225 summaries
FULL = Scale(command_chats=100, summary_chats=200)  # the 500 commands a row, and 200


@dataclass(frozen=True)
class Row:
    name: str
    faults: tuple[tuple[FaultKind, float, float], ...]  # kind, delay, share of sends
    at_most: int | None  # faults one message meets at most (tests/fake_bot_api.py: inject)
    refuse: bool = False  # the fake refuses connections 0.1 s at a time, a quarter of the time


def rows(timing: Timing, at_most: int | None = 3) -> tuple[Row, ...]:
    """The table; ``at_most`` caps the faults one message meets (None: no cap, as the issue
    measured), and unsure faults meet a message once (twice in the mix)."""
    once = None if at_most is None else 1
    slow, late = timing.slow, timing.late
    mix: tuple[tuple[FaultKind, float], ...] = (
        ("429", 0.0), ("500", 0.0), ("502", 0.0), ("drop", 0.0), ("drop-after", 0.0),
        ("slow", slow), ("drop", slow), ("timeout", late),
    )  # fmt: skip
    share = 1 - 0.8 ** (1 / len(mix))  # 20% of sends meet one of them
    return (
        Row("500 Internal Server Error (20%)", (("500", 0.0, 0.2),), at_most),
        Row("502 Bad Gateway with nginx's HTML page (20%)", (("502", 0.0, 0.2),), at_most),
        Row("connection refused: the request never left (25% of the time)", (), None, True),
        Row("connection reset after the request was sent, not delivered (20%)",
            (("drop", 0.0, 0.2),), once),
        Row("connection reset after Telegram took it: delivered (20%)",
            (("drop-after", 0.0, 0.2),), once),
        Row(f"slow answer ({slow:g} s), delivered (10%)", (("slow", slow, 0.1),), once),
        Row(f"{slow:g} s, then dropped, not delivered (10%)", (("drop", slow, 0.1),), once),
        Row(f"answer after {late:g} s (past the bot's wait), delivered (10%)",
            (("timeout", late, 0.1),), once),
        Row("a mix of all of these and 429 (20%)", tuple((k, d, share) for k, d in mix),
            None if at_most is None else 2),
    )  # fmt: skip


@dataclass
class Fate:
    """One message: every try the bot made, in order."""

    tries: list[Call] = field(default_factory=list)

    @property
    def copies(self) -> int:
        return sum(c.delivered for c in self.tries)

    @property
    def unsure(self) -> int:
        return sum(c.fault in UNSURE for c in self.tries)

    @property
    def unsure_undelivered(self) -> int:
        return sum(c.fault in UNSURE and not c.delivered for c in self.tries)

    @property
    def unsure_delivered(self) -> int:
        return sum(c.fault in UNSURE and c.delivered for c in self.tries)


@dataclass
class Outcome:
    """A row's count of what the fake did and what the chats got."""

    row: Row
    replies: dict[tuple[int, str], Fate]
    summaries: dict[tuple[int, str], Fate]
    apologies: int
    # The refused row's faults never reach the fake: the bot's log counts them, per chat.
    refused: Counter[int] = field(default_factory=Counter)

    def injected(self, fates: dict[tuple[int, str], Fate]) -> int:
        if self.row.refuse:
            return sum(self.refused[chat] for chat in {chat for chat, _ in fates})
        return sum(c.fault is not None for f in fates.values() for c in f.tries)

    @staticmethod
    def lost(fates: dict[tuple[int, str], Fate]) -> int:
        return sum(f.copies == 0 for f in fates.values())

    @staticmethod
    def extra(fates: dict[tuple[int, str], Fate]) -> int:
        return sum(max(f.copies - 1, 0) for f in fates.values())


def chats_of(index: int, scale: Scale) -> tuple[list[int], list[int]]:
    base = 5_000_000 + index * 10_000
    return (
        list(range(base, base + scale.command_chats)),
        list(range(base + 5_000, base + 5_000 + scale.summary_chats)),
    )


def asked(chat: int) -> list[str]:
    """The five commands a chat sends: different ones, a different five from chat to chat."""
    start = chat % len(COMMANDS)
    return [COMMANDS[(start + i * 3) % len(COMMANDS)] for i in range(5)]


def reply_html(desk: Desk) -> dict[str, str]:
    replies = {text: html_messages(answer_text(desk, text)) for text in COMMANDS}
    assert all(len(parts) == 1 for parts in replies.values()), "one message per answer"
    assert len({parts[0] for parts in replies.values()}) == len(COMMANDS)
    return {text: parts[0] for text, parts in replies.items()}


def subscribe(desk: Desk, chats: list[int]) -> None:
    created = utc(MONDAY_0905 - timedelta(days=10))
    with desk.session() as s, s.begin():
        for chat in chats:
            s.add(Subscription(chat_id=chat, chat_type="private", weekday=0,
                               minute_of_day=SUMMARY_MINUTE, timezone="Asia/Phnom_Penh",
                               active=True, created_at=created, updated_at=created))  # fmt: skip


class Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def collecting_logs() -> Iterator[Collected]:
    """The desk's log records meanwhile (the send policy's lines count what it did)."""
    handler, logger = Collected(), logging.getLogger("desk")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


@contextlib.contextmanager
def send_timeout(seconds: float) -> Iterator[None]:
    """DESK_SEND_TIMEOUT for the bots built meanwhile (tests.botrig reads the environment)."""
    old = os.environ.get("DESK_SEND_TIMEOUT")
    os.environ["DESK_SEND_TIMEOUT"] = str(seconds)
    try:
        yield
    finally:
        if old is None:
            del os.environ["DESK_SEND_TIMEOUT"]
        else:
            os.environ["DESK_SEND_TIMEOUT"] = old


@dataclass
class Table:
    outcomes: list[Outcome]
    # send_due_digests' report for each run: all rows but one, then the refused row's (and,
    # if it left summaries unsent, the next minute's)
    runs: list[DigestRun]
    logs: list[logging.LogRecord]


async def run_table(desk: Desk, scale: Scale, timing: Timing, *, at_most: int | None = 3) -> Table:
    """Every row of :func:`rows`: those of faults in the answers at once, then the refused one."""
    table = rows(timing, at_most)
    replies = reply_html(desk)
    # The fake serves from its own thread and event loop, as Telegram would: in the bot's
    # loop, its work on hundreds of requests at once would delay the bot's own.
    fake = FakeBotAPI(bot_username=BOT_USERNAME)
    fake.start_in_thread()
    outcomes: dict[int, Outcome] = {}
    runs: list[DigestRun] = []
    try:
        with collecting_logs() as logs, send_timeout(timing.send_timeout):
            together = [i for i, row in enumerate(table) if not row.refuse]
            alone = [i for i, row in enumerate(table) if row.refuse]
            for indexes in (together, *([i] for i in alone)):
                found, made = await _run(desk, fake, table, indexes, scale, replies, logs)
                outcomes.update(found)
                runs.extend(made)
    finally:
        fake.stop()
    return Table([outcomes[i] for i in range(len(table))], runs, logs.records)


async def _run(
    desk: Desk,
    fake: FakeBotAPI,
    table: tuple[Row, ...],
    indexes: list[int],
    scale: Scale,
    replies: dict[str, str],
    logs: Collected,
) -> tuple[dict[int, Outcome], list[DigestRun]]:
    refuse = any(table[i].refuse for i in indexes)
    for i in indexes:
        commands, summaries = chats_of(i, scale)
        for chat in commands + summaries:
            fake.add_private_chat(chat, first_name=f"Reporter {chat}")
        subscribe(desk, summaries)
        for kind, delay, share in table[i].faults:
            fake.inject(
                "sendMessage", kind, times=None, delay=delay, rate=share,
                chats=commands + summaries, at_most=table[i].at_most,
            )  # fmt: skip
    logged = len(logs.records)
    fake.keep_alive = not refuse  # a new connection for every request: each can be refused
    async with running_bot(desk, fake) as rig:
        refusing = None
        if refuse:
            # Closed as the summaries and the commands start: every first try is refused.
            fake.refuse_connections(0.5)
            await asyncio.sleep(0.05)
            refusing = asyncio.create_task(_refusing(fake))
        try:
            pushing = asyncio.create_task(_push(fake, indexes, scale, spread=refuse))
            runs = [await send_due_digests(rig.app.bot, desk, MONDAY_0905, grace=GRACE)]
            await _fetched(fake, await pushing, timeout=120)
            if refusing is not None and runs[0].failed:
                # A summary whose every try was refused is left for the next run, a minute
                # later; the retries of a run go out together, so a few windows can meet them
                # all. By the next run the port is open again, as after a real outage.
                await _stop(refusing)
                refusing = None
                await asyncio.sleep(0.2)  # the window in progress ends
                later = MONDAY_0905 + timedelta(minutes=1)
                runs.append(await send_due_digests(rig.app.bot, desk, later, grace=GRACE))
            await rig.stop()  # waits for every update's handling, retries and apologies too
        finally:
            if refusing is not None:
                await _stop(refusing)
    fake.clear_faults()
    fake.keep_alive = True
    never_left = (NEVER_LEFT.search(r.getMessage()) for r in logs.records[logged:])
    refused = Counter(int(m[1]) for m in never_left if m)
    return {i: _outcome(fake, table[i], i, scale, replies, refused) for i in indexes}, runs


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _push(fake: FakeBotAPI, indexes: list[int], scale: Scale, *, spread: bool) -> int:
    """Every command of the rows' chats, the last update's id returned; ``spread``: a chat's
    five every 0.15 s, so that the replies go out over seconds rather than in the rate
    limiter's first bursts."""
    last = 0
    for i in indexes:
        for chat in chats_of(i, scale)[0]:
            for text in asked(chat):
                last = int(fake.push_message(chat, chat, text)["update_id"])
            if spread:
                await asyncio.sleep(0.15)
    return last


async def _refusing(fake: FakeBotAPI) -> None:
    """Refuse connections for 0.1 s at random moments, 0.4 s apart on average: the bot's
    sends come in bursts (the rate limiter's second), which a regular beat could miss."""
    rng = random.Random(21)
    await asyncio.sleep(0.5)
    while True:
        await asyncio.sleep(rng.uniform(0.0, 0.6))
        fake.refuse_connections(0.1)
        await asyncio.sleep(0.1)


async def _fetched(fake: FakeBotAPI, last: int, timeout: float) -> None:
    """Until the bot has fetched the update ``last`` (and so every one before it)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for call in fake.calls_to("getUpdates"):
            updates = (call.response or {}).get("result") or []
            if any(update["update_id"] >= last for update in updates):
                return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"the bot did not fetch update {last} in {timeout} s")


def _outcome(
    fake: FakeBotAPI,
    row: Row,
    index: int,
    scale: Scale,
    replies: dict[str, str],
    refused: Counter[int],
) -> Outcome:
    commands, summaries = chats_of(index, scale)
    calls: defaultdict[int, list[Call]] = defaultdict(list)
    for call in fake.calls_to("sendMessage"):
        chat = call.params.get("chat_id")
        if isinstance(chat, int):
            calls[chat].append(call)
    reply_fates: dict[tuple[int, str], Fate] = {}
    apologies = 0
    for chat in commands:
        mine = {replies[text]: Fate() for text in asked(chat)}
        for call in calls[chat]:
            text = str(call.params.get("text"))
            if text == SORRY:
                apologies += call.delivered
            elif text in mine:
                mine[text].tries.append(call)
        reply_fates.update({(chat, text): fate for text, fate in mine.items()})
    # A summary chat gets the summary's parts only: the same parts for every chat of the run.
    parts = {str(c.params.get("text")) for chat in summaries for c in calls[chat]}
    summary_fates = {(chat, part): Fate() for chat in summaries for part in parts}
    for chat in summaries:
        for call in calls[chat]:
            summary_fates[(chat, str(call.params.get("text")))].tries.append(call)
    return Outcome(row, reply_fates, summary_fates, apologies, refused if row.refuse else Counter())
