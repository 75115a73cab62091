"""Time inside the bot: from the update received to the send call, for /who, /total and /on.

    .venv/bin/python -m bench.inbot                   # 100k and 1M claims, SQLite and PostgreSQL
    .venv/bin/python -m bench.inbot --sizes 100k --no-postgres --queries 100

The Application is the one ``desk run`` builds (:func:`handlers.app.build_application`: the same
handlers, rate limiter and post-init warm-up), answering in this process. Its Bot talks to a
recording stand-in for the Bot API (python-telegram-bot's request hook, ``BaseRequest``): a
question's time runs from handing the update to ``Application.process_update`` to the moment
the first ``sendMessage`` request reaches the stand-in, so it holds the handler, the answer
(database reads and name matching), rendering and python-telegram-bot's own work, but no
network. One question at a time, each after 50 ms of quiet; ten warm-up questions of each
command are not counted. Each answer's text is checked against ``answer_text``.

Data: bench/datasets.py (100k claim rows with 20k people, 1M with 100k), in SQLite and in
PostgreSQL (bench/pg.py's kept cluster).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

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
from bench.datasets import SIZES, Dataset, e2e_dataset
from bench.e2e import on_queries, total_queries, who_queries

GOALS_MS = {"100k": 25.0, "1m": 250.0}  # p95 of each command
SETTLE = 0.05
CHAT = 4242


class Recorder(BaseRequest):
    """The Bot API as far as the desk's Application needs it: records when each sendMessage
    arrives and what it says, and answers like Telegram would."""

    def __init__(self) -> None:
        self.sent: list[tuple[float, dict[str, Any]]] = []
        self.message_id = 0

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | None = None,
        write_timeout: float | None = None,
        connect_timeout: float | None = None,
        pool_timeout: float | None = None,
    ) -> tuple[int, bytes]:
        at = time.perf_counter()
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data is not None else {}
        result: Any = True
        if name == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "Desk", "username": "DeskBot"}
        elif name == "sendMessage":
            self.sent.append((at, dict(params)))
            self.message_id += 1
            result = {
                "message_id": self.message_id,
                "date": int(time.time()),
                "chat": {"id": params.get("chat_id"), "type": "private"},
                "text": params.get("text", ""),
            }
        return 200, json.dumps({"ok": True, "result": result}).encode()


def update_for(text: str, n: int) -> dict[str, Any]:
    command = text.split()[0]
    return {
        "update_id": n,
        "message": {
            "message_id": n,
            "date": int(time.time()),
            "chat": {"id": CHAT, "type": "private", "first_name": "Reporter"},
            "from": {"id": CHAT, "is_bot": False, "first_name": "Reporter"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        },
    }


@dataclass
class Measured:
    times: dict[str, list[float]] = field(default_factory=dict)  # command → seconds
    slowest: dict[str, tuple[float, str]] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)
    warm_up_s: float = 0.0


async def measure(url: str, texts: list[str], warm: list[str]) -> Measured:
    import handlers.app
    from bot.commands import answer_text
    from bot.core.render import html_messages
    from bot.desk import Desk
    from bot.settings import load_settings
    from tests.fake_bot_api import parse_html

    settings = load_settings({"TELEGRAM_BOT_TOKEN": "1:bench"}, env_file=None)
    desk = Desk.open(url, load_if_empty=False)
    recorder = Recorder()
    builder = handlers.app.ApplicationBuilder

    class Hooked(builder):  # type: ignore[valid-type,misc]
        def __init__(self) -> None:
            super().__init__()
            super().request(recorder).get_updates_request(Recorder())

        def request(self, request: BaseRequest) -> Hooked:
            return self  # the recorder stays: build_application sets the bot's own request

    handlers.app.ApplicationBuilder = Hooked  # type: ignore[misc]
    try:
        app = handlers.app.build_application(desk, settings)
    finally:
        handlers.app.ApplicationBuilder = builder  # type: ignore[misc]
    result = Measured()
    await app.initialize()
    started = time.perf_counter()
    assert app.post_init is not None
    await app.post_init(app)  # the warm-up `desk run` does before polling
    result.warm_up_s = time.perf_counter() - started
    try:
        for n, text in enumerate(warm + texts):
            await asyncio.sleep(SETTLE)
            before = len(recorder.sent)
            update = Update.de_json(update_for(text, n + 1), app.bot)
            began = time.perf_counter()
            await app.process_update(update)
            if len(recorder.sent) == before:
                result.wrong.append(f"{text} (nothing sent)")
                continue
            if n < len(warm):
                continue
            took = recorder.sent[before][0] - began
            command = text.split()[0]
            result.times.setdefault(command, []).append(took)
            if took > result.slowest.get(command, (0.0, ""))[0]:
                result.slowest[command] = (took, text)
            got = [parse_html(p["text"])[0].strip() for _, p in recorder.sent[before:]]
            want = [parse_html(m)[0].strip() for m in html_messages(answer_text(desk, text))]
            if got != want:
                result.wrong.append(text)
    finally:
        await app.shutdown()
        desk.engine.dispose()
    return result


def texts_for(dataset: Dataset, count: int, seed: int) -> list[str]:
    who = who_queries(dataset.people, count, seed=seed)
    total = total_queries(count, seed=seed + 1)
    on = on_queries(count, seed=seed + 2)
    return [t for triple in zip(who, total, on, strict=True) for t in triple]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--queries", type=int, default=200, help="texts per command")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    load0 = loadavg()
    runs: list[tuple[str, str, Dataset, Measured]] = []  # (size, database, dataset, result)
    datasets = {size: e2e_dataset(size) for size in args.sizes}

    def run(size: str, database: str, url: str) -> None:
        dataset = datasets[size]
        texts = texts_for(dataset, args.queries, seed=21)
        warm = texts_for(dataset, 10, seed=99)
        log(f"{size} on {database}: {len(texts)} questions (load {loadavg()})")
        runs.append((size, database, dataset, asyncio.run(measure(url, texts, warm))))

    for size in args.sizes:
        run(size, "SQLite", datasets[size].url)
    if not args.no_postgres:
        from bench.pg import dataset_url, server, server_version

        with server(keep=True) as base:
            pg = f"PostgreSQL {server_version(base)}"
            for size in args.sizes:
                run(size, "PostgreSQL", dataset_url(base, datasets[size]))
    rows, goals, slow = [], [], []
    for size, database, dataset, result in runs:
        for command, times in result.times.items():
            p95 = percentile(times, 95)
            rows.append(
                [f"{dataset.claims:,} / {dataset.people_count:,}", database, command, len(times),
                 ms(median(times)), ms(p95), ms(max(times))]
            )  # fmt: skip
            goal = GOALS_MS[size]
            goals.append(
                f"- {size} claims, {database}, {command}: p95 {ms(p95)} ms <= {goal:.0f} ms — "
                f"{verdict(p95 * 1000 <= goal)}"
            )
            took, text = result.slowest[command]
            slow.append(f"{size} {database} {command}: {ms(took)} ms `{text}`")
    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            "- Databases: SQLite (bench/out/e2e-*.sqlite3)"
            + ("" if args.no_postgres else f"; {pg} (bench/out/pg, fsync off)"),
            "",
            "Update handed to the Application → first sendMessage request, one question at a "
            "time; the texts: /who a third canonical names, a third other spellings, a third "
            "misspelled; /total and /on over parties and periods of every form (bench/e2e.py):",
            "",
            table(
                ["claims / people", "database", "command", "n", "p50 ms", "p95 ms", "max ms"],
                rows,
            ),
            "",
            "Warm-up at start (`desk run`'s post-init: the name indexes): "
            + ", ".join(
                f"{size} {database} {result.warm_up_s:.1f} s" for size, database, _, result in runs
            )
            + ". Slowest question of each: "
            + "; ".join(slow)
            + ".",
            "",
            "Goals:",
            "",
            *goals,
            "",
            f"Checks: {sum(len(r.wrong) for *_, r in runs)} answers differed from `answer_text`"
            + "".join(f" ({', '.join(r.wrong[:3])})" for *_, r in runs if r.wrong)
            + ".",
        ]
    )
    update_section("inbot", "Time inside the bot (bench/inbot.py)", body)
    print(body)


if __name__ == "__main__":
    main()
