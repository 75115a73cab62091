"""Failures reach the desk's admins, over the fake Bot API: the traceback, never a secret, at most
one report per kind of failure per DESK_ERROR_REPORT_MINUTES, within Telegram's 4,096
characters.

The failure is a real one: the database loses the table /total reads while the bot runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from telegram import Bot

from bot.desk import Desk
from handlers.errors import MESSAGE_LIMIT, report
from tests.botrig import USER, Rig, open_desk, running_bot
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI, parse_html, utf16_len

DESK_ADMIN = 2002
ABSENT_ADMIN = 2003  # never started the bot: its report is refused, the others go
STORAGE_WORDS = "the desk's database is not answering"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def admin_chat(fake: FakeBotAPI) -> None:
    fake.add_private_chat(DESK_ADMIN, first_name="Editor")


def break_totals(desk: Desk) -> None:
    with desk.engine.begin() as conn:
        conn.execute(text("drop table day_totals"))


async def ask(rig: Rig, line: str) -> str:
    (said,) = await rig.say(USER, line)
    return said.text or ""


async def test_a_failure_is_reported_to_the_admins_once_per_kind(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", f"{DESK_ADMIN},{ABSENT_ADMIN}")
    async with running_bot(desk, setup=admin_chat) as rig:
        break_totals(desk)
        assert STORAGE_WORDS in await ask(rig, "/total CNRP")
        (reported,) = await rig.sent(DESK_ADMIN, 1)
        assert STORAGE_WORDS in await ask(rig, "/total Candlelight")  # the same kind
        assert "not one" not in await ask(rig, "/who Kung Raiya")  # the bot goes on
    admin = rig.fake.sent_texts(DESK_ADMIN)
    assert len(admin) == 1  # the second failure of that kind waits for the window to pass
    said = admin[0] or ""
    assert said.startswith("OperationalError while handling /total CNRP in chat 1001 (private)")
    assert "OperationalError" in said and "no such table: day_totals" in said
    assert "Traceback" in said or said.split("\n")[1].startswith("…")
    assert DEFAULT_TOKEN not in said and DEFAULT_TOKEN.split(":")[1] not in said
    assert reported.params["parse_mode"] == "HTML"
    refused = [c for c in rig.calls("sendMessage", ABSENT_ADMIN)]
    assert refused and not any(c.ok for c in refused)


async def test_no_reports_when_the_window_is_zero(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(DESK_ADMIN))
    monkeypatch.setenv("DESK_ERROR_REPORT_MINUTES", "0")
    async with running_bot(desk, setup=admin_chat) as rig:
        break_totals(desk)
        assert STORAGE_WORDS in await ask(rig, "/total CNRP")
    assert rig.fake.sent_messages(DESK_ADMIN) == []


def fail(secret: str) -> None:
    rows = "".join(f"row {i}: {secret} & <detail>\n" for i in range(300))
    raise RuntimeError(f"{rows}POST https://api.telegram.org/bot{secret}/sendMessage & <failed>")


async def test_a_long_traceback_is_cut_from_the_top_and_never_shows_a_secret() -> None:
    token = "987654321:AAHcY7_secret-part-of-a-real-looking-token"
    try:
        fail(token)
    except RuntimeError as exc:
        error = exc
    secrets = [token, token.split(":")[1], "hook-secret_0123456789"]
    said = report(error, None, secrets)
    plain, entities = parse_html(said)
    assert len(said) <= MESSAGE_LIMIT and utf16_len(plain) <= MESSAGE_LIMIT
    assert plain.startswith("RuntimeError while handling a scheduled job\n…\nrow ")
    assert plain.rstrip().endswith(
        "\nPOST https://api.telegram.org/bot<secret>/sendMessage & <failed>"
    )
    assert not any(secret in plain for secret in secrets)
    assert [e["type"] for e in entities] == ["bold", "pre"]
    # A token the settings do not hold (another bot's) is masked too.
    other = report(RuntimeError("123456789:" + "x" * 35), None, [])
    assert "123456789:" not in html.unescape(other)
    # And Telegram takes it as it is.
    async with FakeBotAPI() as fake:
        fake.add_private_chat(DESK_ADMIN)
        async with Bot(fake.token, base_url=fake.base_url) as bot:
            await bot.send_message(DESK_ADMIN, said, parse_mode="HTML")
