"""Webhook mode over real HTTP: `desk run --webhook` decides on a request from its headers.

A request without Telegram's secret header is refused before its body is read (eight at once,
20 MB each, leave the bot's memory where it was); a wrong secret gets 403, a body over the cap
413, a body that is not UTF-8 JSON of an update 400, and a good update is answered.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from handlers.webhook import MAX_BODY, SECRET_HEADER
from tests.botrig import BOT_USERNAME, GROUP, USER
from tests.fake_bot_api import FakeBotAPI
from tests.test_bot_run import DeskRun, environment, free_port, sent_to, wait_until_listening

SECRET = "hook-secret_0123456789"
PUBLIC_URL = "https://example.test/telegram/hook"
PATH = "/telegram/hook"
FLOOD = 20 * 2**20  # bytes in each unsigned POST
FLOODERS = 8


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeBotAPI]:
    api = FakeBotAPI(bot_username=BOT_USERNAME)
    api.start_in_thread()
    api.add_private_chat(USER, first_name="Sokha")
    api.add_group(GROUP, "Newsroom", members=[USER])
    yield api
    api.stop()


@pytest.fixture(scope="module")
def bot(fake: FakeBotAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, DeskRun]]:
    """`desk run --webhook` on a free port; its port and process."""
    folder = tmp_path_factory.mktemp("webhook")
    port = free_port()
    database = f"sqlite:///{folder / 'desk.sqlite3'}"
    args = ["--webhook", PUBLIC_URL, "--listen", "127.0.0.1", "--port", str(port)]
    run = DeskRun(args, environment(fake, database, DESK_WEBHOOK_SECRET=SECRET), folder)
    try:
        fake.wait_for_sync("setWebhook", timeout=60)
        wait_until_listening(port, run)
        yield port, run
    finally:
        assert run.stop() == 0, run.log()
    # Refusals are answers, not failures: nothing in the log looks like one.
    assert "Traceback" not in run.log() and " ERROR " not in run.log(), run.log()
    assert SECRET not in run.log() and PATH not in run.log()  # the path is a secret of sorts


def post(port: int, body: bytes, headers: dict[str, str], path: str = PATH) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", path, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def signed(content_type: str = "application/json") -> dict[str, str]:
    return {SECRET_HEADER: SECRET, "Content-Type": content_type}


def peak_rss_kb(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def flood(port: int, sent: list[int], statuses: list[int | None]) -> None:
    """POST FLOOD bytes without the secret, as fast as the server lets us; record how many
    bytes went out before the server closed the connection, and its status if it answered."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    chunk = b"x" * 65536
    total = 0
    try:
        sock.sendall(
            f"POST {PATH} HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
            f"Content-Length: {FLOOD}\r\n\r\n".encode()
        )
        while total < FLOOD:
            total += sock.send(chunk)
    except OSError:
        pass  # closed by the server: what we wanted
    sent.append(total)
    try:
        sock.settimeout(5)
        head = sock.recv(100)
        statuses.append(int(head.split()[1]) if head.startswith(b"HTTP/1.1 ") else None)
    except OSError:
        statuses.append(None)  # reset before we could read: refused all the same
    finally:
        sock.close()


def test_unsigned_floods_are_not_read(bot: tuple[int, DeskRun]) -> None:
    port, run = bot
    time.sleep(1)  # let the start-up's allocations settle into the peak
    before = peak_rss_kb(run.process.pid)
    sent: list[int] = []
    statuses: list[int | None] = []
    threads = [
        threading.Thread(target=flood, args=(port, sent, statuses)) for _ in range(FLOODERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    after = peak_rss_kb(run.process.pid)
    assert len(sent) == FLOODERS
    # The server closed each connection long before 20 MB: what went out sat in socket buffers.
    assert all(total < FLOOD for total in sent), sent
    assert set(statuses) <= {403, None}, statuses
    assert after - before < 8 * 1024, (before, after)  # kB: flat, not 8 x 20 MB
    print(f"peak RSS {before / 1024:.1f} MB -> {after / 1024:.1f} MB; bytes sent {sent}")


def test_refusals_and_an_answer(bot: tuple[int, DeskRun], fake: FakeBotAPI) -> None:
    port, _run = bot
    update = fake.push_message(USER, USER, "/who Kung Raiya")
    good = json.dumps(update).encode()
    assert post(port, good, {"Content-Type": "application/json"}) == 403
    assert post(port, good, {**signed(), SECRET_HEADER: "not-the-secret"}) == 403
    assert post(port, good, signed(), path="/elsewhere") == 404
    assert post(port, b"{", signed()) == 400
    assert post(port, b'{"update_id": 1, "message": "\xff\xfe"}', signed()) == 400
    assert post(port, b"[1, 2]", signed()) == 400
    assert post(port, b"[" * 100_000 + b"]" * 100_000, signed()) == 400
    assert post(port, b'{"no": "update_id"}', signed()) == 400
    assert over_the_cap(port, {"Content-Length": str(MAX_BODY + 1)}, []) == 413
    assert not fake.sent_messages(USER)
    assert post(port, good, signed()) == 200
    (card,) = sent_to(fake, USER, 1)
    assert card is not None and card.startswith("Kung Raiya")


def test_a_body_without_a_declared_length_is_capped(bot: tuple[int, DeskRun]) -> None:
    port, _run = bot
    chunk = b" " * 65536
    chunks = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * (MAX_BODY // len(chunk) + 1)
    assert over_the_cap(port, {"Transfer-Encoding": "chunked"}, chunks) == 413


def over_the_cap(port: int, headers: dict[str, str], body: list[bytes]) -> int:
    """POST with the secret and ``headers``, then ``body`` as it is (just over the cap, no
    end): the status the server answers with, read once everything was sent, so that the
    server's closing cannot race a request still being sent."""
    head = "".join(f"{k}: {v}\r\n" for k, v in {**signed(), **headers}.items())
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"POST {PATH} HTTP/1.1\r\nHost: bot\r\n{head}\r\n".encode())
        for part in body:
            sock.sendall(part)
        answer = sock.recv(100)
    return int(answer.split()[1])
