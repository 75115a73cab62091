"""Secrets never printed, and Telegram failing at start is one clear line, never a traceback.

Every `desk` command runs as a real process against a stand-in Bot API (tests/fake_bot_api.py)
that does not know the token (getMe → 401 Unauthorized, or 404 for a token it cannot even
read), against an address where nothing listens, and with TELEGRAM_API_URL values that are no
URL at all. Whatever a command prints, on standard output or error, holds neither the token
(nor its secret half, nor the webhook secret) nor a traceback; a command that cannot do its
job says so on one ``desk: ...`` line with the status the README gives.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_bot_api import FakeBotAPI

REJECTED = "987654:SECRET-never-printed_0123456789"  # a token the stand-in does not know
UNREADABLE = "987654:SECRET.not.even.read"  # one it answers with 404 Not Found
WEBHOOK_SECRET = "hook-secret-never-printed"
MALFORMED = ("api.telegram.org", "http://[::1", "ftp://api.telegram.org", "http://127.0.0.1:99999")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    fake = FakeBotAPI()
    url = fake.start_in_thread()
    yield url
    fake.stop()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("secrets")


def desk(folder: Path, *args: str, token: str, api_url: str, stdin: str = "") -> tuple[int, str]:
    """Run `desk ARGS`; its exit status and everything it printed (stdout, then stderr)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "TELEGRAM_"))}
    env |= {
        "DESK_DATABASE_URL": f"sqlite:///{folder / 'desk.sqlite3'}",
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_API_URL": api_url,
        "DESK_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "DESK_LOG_LEVEL": "INFO",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    result = subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=folder,  # no stray .env file
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def assert_nothing_leaks(output: str, token: str) -> None:
    secret_half = token.split(":", 1)[1]
    assert secret_half not in output and WEBHOOK_SECRET not in output, output
    assert "Traceback" not in output and 'File "' not in output, output


def assert_one_line_failure(
    status: int, output: str, *fragments: str, expected: int = 2
) -> None:
    assert status == expected, output
    failure = [line for line in output.splitlines() if line.startswith("desk: ")]
    assert len(failure) == 1, output
    said = output[output.index(failure[0]) :]  # the line, and a bad setting's lines below it
    for fragment in fragments:
        assert fragment in said, output


def every_command(folder: Path) -> list[tuple[list[str], str]]:
    """(arguments, standard input) of every `desk` command that works without Telegram."""
    saved = str(folder / "backup.json")
    return [
        (["migrate"], ""),
        (["load"], ""),
        (["ask", "/who Kung Raiya"], ""),
        (["chat"], "/total CNRP\n"),
        (["check"], ""),
        (["health"], ""),
        (["export", "-o", str(folder / "claims.csv")], ""),
        (["chart", "-o", str(folder / "chart.png")], ""),
        (["backup", saved], ""),
        (["restore", saved], ""),
    ]


def telegram_commands() -> list[list[str]]:
    hook = ["--webhook", "https://example.test/hook", "--listen", "127.0.0.1"]
    return [["run"], ["run", *hook, "--port", str(free_port())], ["digests", "run"]]


def test_a_rejected_token_is_never_printed(api: str, folder: Path) -> None:
    for args, stdin in every_command(folder):
        status, output = desk(folder, *args, token=REJECTED, api_url=api, stdin=stdin)
        assert status == 0, (args, output)
        assert_nothing_leaks(output, REJECTED)
    for args in telegram_commands():
        for token in (REJECTED, UNREADABLE):
            status, output = desk(folder, *args, token=token, api_url=api)
            assert_nothing_leaks(output, token)
            assert_one_line_failure(status, output, "Telegram rejected", "TELEGRAM_BOT_TOKEN")


def test_an_unreachable_api_is_one_line(folder: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    for args in telegram_commands():
        status, output = desk(folder, *args, token=REJECTED, api_url=nowhere)
        assert_nothing_leaks(output, REJECTED)
        assert_one_line_failure(status, output, "cannot reach Telegram", nowhere)


def test_a_malformed_api_url_is_a_bad_setting(folder: Path) -> None:
    runs = [(args, MALFORMED[0]) for args, _stdin in every_command(folder)]
    runs += [(args, url) for url in MALFORMED for args in telegram_commands()]
    for args, url in runs:
        status, output = desk(folder, *args, token=REJECTED, api_url=url)
        assert_nothing_leaks(output, REJECTED)
        # `desk health` exits only 0 or 1 (README): Docker reserves 2.
        unhealthy = 1 if args == ["health"] else 2
        assert_one_line_failure(status, output, "TELEGRAM_API_URL", expected=unhealthy)
        assert "is not a URL" in output or "not a port" in output, output


def test_the_log_filter_redacts_exceptions_and_shortens_network_failures() -> None:
    from telegram.error import InvalidToken, NetworkError

    from handlers.app import RedactSecrets

    shown: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            shown.append(self.format(record))

    handler = Keep()
    handler.addFilter(RedactSecrets([REJECTED, WEBHOOK_SECRET], brief=True))
    log = logging.getLogger("test_secrets.redact")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise InvalidToken(f"The token `{REJECTED}` was rejected by the server.")
        except InvalidToken:
            log.exception("Invalid token. Aborting retry loop.")
        try:
            raise KeyError(f"bot{REJECTED}/getMe with {WEBHOOK_SECRET}")
        except KeyError:
            log.exception("a bug while handling %s", f"https://x/bot{REJECTED}/getMe")
        try:
            raise NetworkError("httpx.ConnectError: All connection attempts failed")
        except NetworkError:
            log.exception("polling failed")
    finally:
        log.removeHandler(handler)
    invalid, bug, network = shown
    for text in shown:
        assert REJECTED.split(":")[1] not in text and WEBHOOK_SECRET not in text, text
    assert "Traceback" not in invalid and "InvalidToken: The token" in invalid
    assert "Traceback" in bug and "KeyError" in bug  # a bug keeps its (redacted) traceback
    assert network.count("\n") == 0 and "All connection attempts failed" in network
