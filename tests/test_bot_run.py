"""`desk run` itself, as a subprocess, against the fake Bot API: long polling and webhook mode.

These cost a few seconds each (a Python start-up and a data load), so they are few; the many
behavioural cases run in-process (tests/test_bot_commands.py and friends).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botrig import BOT_USERNAME, GROUP, USER, expected, open_desk
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

WEBHOOK_URL = "https://example.test/hook"
SECRET = "hook-secret_0123456789"


class DeskRun:
    """A running `python -m handlers.entry run ...`, logging to a file."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.log_path = cwd / "desk-run.log"
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "handlers.entry", "run", *args],
            env=env,
            cwd=cwd,  # no stray .env file
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM (PTB stops gracefully), then SIGKILL if that fails; returns the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()
        return self.process.returncode


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    api = FakeBotAPI(bot_username=BOT_USERNAME)
    api.start_in_thread()
    api.add_private_chat(USER, first_name="Sokha")
    api.add_group(GROUP, "Newsroom", members=[USER])
    yield api
    api.stop()


@pytest.fixture
def desk_run(tmp_path: Path, fake: FakeBotAPI) -> Iterator[tuple[list[DeskRun], str]]:
    """Starts `desk run` processes (append DeskRun(...) to the list); always stops them."""
    database = f"sqlite:///{tmp_path / 'desk.sqlite3'}"  # empty: `desk run` loads the data
    runs: list[DeskRun] = []
    yield runs, database
    for run in runs:
        run.stop()


def environment(fake: FakeBotAPI, database: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "TELEGRAM_", "CI"))}
    env |= {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.url,
        "DESK_DATABASE_URL": database,
        "DESK_LOG_LEVEL": "INFO",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        **extra,
    }
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_listening(port: int, run: DeskRun, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        assert run.process.poll() is None, f"desk run exited:\n{run.log()}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on {port}:\n{run.log()}") from None
            time.sleep(0.05)


def sent_to(fake: FakeBotAPI, chat: int, count: int) -> list[str | None]:
    fake.wait_for_sync(
        "sendMessage",
        count=count,
        timeout=30,
        predicate=lambda c: c.ok and c.params.get("chat_id") == chat,
    )
    return fake.sent_texts(chat)


def test_desk_run_polls_and_answers(
    fake: FakeBotAPI, desk_run: tuple[list[DeskRun], str], tmp_path: Path
) -> None:
    runs, database = desk_run
    run = DeskRun([], environment(fake, database), tmp_path)
    runs.append(run)
    fake.wait_for_sync("setMyCommands", count=2, timeout=60)
    private = fake.commands(scope={"type": "all_private_chats"})
    group = fake.commands(scope={"type": "all_group_chats"})
    assert group and all(command in private for command in group)  # a group's settings apart
    assert {"who", "total", "on", "summary", "help"} <= {c["command"] for c in private}

    fake.push_message(USER, USER, "/who Kung Raiya")
    fake.push_message(GROUP, USER, "/who@OtherBot Kung Raiya")  # not for us
    fake.push_message(GROUP, USER, f"/who@{BOT_USERNAME} Bunthorn")
    (card,) = sent_to(fake, USER, 1)
    sent_to(fake, GROUP, 1)
    (choices,) = fake.sent_messages(GROUP)
    fake.push_callback_query(GROUP, USER, choices.message_id, "/who Tum Bunthorn")
    (edit,) = fake.wait_for_sync("editMessageText", timeout=30)
    fake.wait_for_sync("answerCallbackQuery", timeout=30)
    assert run.stop() == 0, run.log()  # SIGTERM: a clean shutdown

    desk = open_desk(database)
    try:
        assert card == expected(desk, "/who Kung Raiya")[0]
        assert choices.text == expected(desk, "/who Bunthorn")[0]
        stored = fake.message(GROUP, choices.message_id)
        assert edit.ok and stored is not None
        assert [stored["text"]] == expected(desk, "/who Tum Bunthorn")
    finally:
        desk.engine.dispose()
    assert len(fake.sent_messages(GROUP)) == 1  # /who@OtherBot was left alone
    assert not [c for c in fake.calls if c.method != "getUpdates" and not c.ok]
    log = run.log()
    assert f"bot @{BOT_USERNAME} ready" in log
    assert DEFAULT_TOKEN not in log and DEFAULT_TOKEN.split(":")[1] not in log


def test_desk_run_webhook_checks_the_secret(
    fake: FakeBotAPI, desk_run: tuple[list[DeskRun], str], tmp_path: Path
) -> None:
    runs, database = desk_run
    port = free_port()
    args = ["--webhook", WEBHOOK_URL, "--listen", "127.0.0.1", "--port", str(port)]
    run = DeskRun(args, environment(fake, database, DESK_WEBHOOK_SECRET=SECRET), tmp_path)
    runs.append(run)
    fake.wait_for_sync("setWebhook", timeout=60)
    registered = fake.webhook()
    assert (registered["url"], registered["secret_token"]) == (WEBHOOK_URL, SECRET)
    wait_until_listening(port, run)
    hook = f"http://127.0.0.1:{port}/hook"

    answered = fake.push_message(USER, USER, "/who Kung Raiya")
    assert fake.deliver_webhook_sync(hook, answered, secret_token=SECRET) == 200
    (card,) = sent_to(fake, USER, 1)

    unsigned = fake.push_message(USER, USER, "/help")
    assert fake.deliver_webhook_sync(hook, unsigned) == 403
    forged = fake.push_message(USER, USER, "/parties")
    assert fake.deliver_webhook_sync(hook, forged, secret_token="not-the-secret") == 403

    last = fake.push_message(USER, USER, "/about")
    assert fake.deliver_webhook_sync(hook, last, secret_token=SECRET) == 200
    _, about = sent_to(fake, USER, 2)
    assert run.stop() == 0, run.log()

    desk = open_desk(database)
    try:
        assert card == expected(desk, "/who Kung Raiya")[0]
        assert about == expected(desk, "/about")[0]
    finally:
        desk.engine.dispose()
    assert fake.sent_texts(USER) == [card, about]  # nothing for the refused updates
    assert not fake.calls_to("getUpdates")
    log = run.log()
    assert DEFAULT_TOKEN not in log and SECRET not in log
