"""The fake Bot API must make real PTB behave exactly as against api.telegram.org."""

from __future__ import annotations

import os

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # before httpx reads proxy settings

import asyncio
import datetime as dtm
import html
import threading
import time
import warnings
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import Application, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI, HTMLParseError, parse_html

# PTB 22 warns when reading RetryAfter.retry_after as an int; irrelevant to these tests.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")

USER = 1001
GROUP = -4242


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_private_chat(USER, first_name="Sokha", username="sokha")
        server.add_group(GROUP, "Newsroom", admins=[USER], members=[2002])
        yield server


def make_bot(fake: FakeBotAPI, token: str = DEFAULT_TOKEN, read_timeout: float = 5.0) -> Bot:
    return Bot(
        token,
        base_url=fake.base_url,
        base_file_url=fake.base_file_url,
        request=HTTPXRequest(read_timeout=read_timeout, connect_timeout=2.0),
    )


@pytest.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with make_bot(fake) as client:
        yield client


def seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 deprecates the int form; either is fine here
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def polling_started(fake: FakeBotAPI, polls: int = 1) -> None:
    """Wait until the server has seen `polls` getUpdates requests begin (they log on return)."""
    while fake._bot(None).poll_generation < polls:
        await asyncio.sleep(0.01)


# ---- basics ----------------------------------------------------------------------------------


async def test_get_me_describes_the_bot(bot: Bot, fake: FakeBotAPI) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "DefectionDeskBot", True)
    assert me.can_join_groups and me.supports_inline_queries
    assert fake.calls_to("getMe")[0].token == DEFAULT_TOKEN


async def test_unknown_token_is_unauthorized(fake: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        async with make_bot(fake, token="999:NOPE"):
            pass
    assert fake.calls[-1].response_status == 401


async def test_second_bot_token(fake: FakeBotAPI) -> None:
    fake.add_bot("777:OTHER", username="OtherBot")
    async with make_bot(fake, token="777:OTHER") as other:
        assert other.username == "OtherBot"


async def test_unknown_method_is_404(bot: Bot) -> None:
    with pytest.raises(EndPointNotFound):  # what PTB makes of Telegram's 404 for a bad method
        await bot.do_api_request("frobnicate")


# ---- HTML and text validation ----------------------------------------------------------------


async def test_valid_html_is_parsed_into_entities(bot: Bot, fake: FakeBotAPI) -> None:
    message = await bot.send_message(
        USER, '<b>Claim</b>: <a href="https://x.org/?a=1&amp;b=2">source</a>', parse_mode="HTML"
    )
    assert message.text == "Claim: source"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bold", 0, 5),
        ("text_link", 7, 6),
    ]
    assert message.entities[1].url == "https://x.org/?a=1&b=2"
    assert message.from_user is not None and message.from_user.id == 123456
    sent = fake.sent_messages(USER)
    assert [s.text for s in sent] == ["Claim: source"]
    assert sent[0].params["text"].startswith("<b>Claim</b>")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "Tom & Jerry",
            'Character "&" at byte offset 4 is not a valid HTML entity; escape it as "&amp;"',
        ),
        (
            "&nbsp;",
            'Character "&" at byte offset 0 is not a valid HTML entity; escape it as "&amp;"',
        ),
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("done</b>", "Unexpected end tag at byte offset 4"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<a>x</a>", 'Tag "a" must have attribute "href" at byte offset 0'),
        ('x<span class="x">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 1'),
        ("<b", "Unclosed start tag at byte offset 0"),
    ],
)
async def test_bad_html_is_refused(bot: Bot, fake: FakeBotAPI, text: str, error: str) -> None:
    with pytest.raises(BadRequest, match=r"^Can't parse entities") as caught:
        await bot.send_message(USER, text, parse_mode="HTML")
    body = fake.calls_to("sendMessage")[-1].response
    assert body is not None and body["description"] == f"Bad Request: can't parse entities: {error}"
    assert caught.value.message.lower().endswith(error.lower())
    assert fake.sent_messages() == []


async def test_escaped_names_are_accepted(bot: Bot) -> None:
    name = 'Sam <Rainsy> & "Kem" Sokha'
    message = await bot.send_message(
        USER, f"<b>{html.escape(name)}</b> &#x1F1F0;&#8212;", parse_mode="HTML"
    )
    assert message.text == f"{name} 🇰—"


async def test_without_parse_mode_html_is_plain_text(bot: Bot) -> None:
    message = await bot.send_message(USER, "1 < 2 & <b>")
    assert message.text == "1 < 2 & <b>"


async def test_length_is_counted_after_entities_in_utf16(bot: Bot) -> None:
    assert await bot.send_message(USER, "&amp;" * 4096, parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER, "&amp;" * 4097, parse_mode="HTML")
    assert await bot.send_message(USER, "😀" * 2048)  # 4096 UTF-16 code units
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER, "😀" * 2048 + "a")


async def test_empty_text_and_long_caption(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(USER, " <b> </b>\n", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(USER, b"x", filename="a.txt", caption="c" * 1025)


def test_parse_html_entities_and_offsets() -> None:
    text, entities = parse_html(
        '😀<b>x</b><blockquote expandable>q</blockquote><span class="tg-spoiler">s</span>'
        "<a href='https://x.org/?a=1&amp;b=2'>l</a>"
    )
    assert text == "😀xqsl"
    assert entities == [
        {"type": "bold", "offset": 2, "length": 1},
        {"type": "expandable_blockquote", "offset": 3, "length": 1},
        {"type": "spoiler", "offset": 4, "length": 1},
        {"type": "text_link", "offset": 5, "length": 1, "url": "https://x.org/?a=1&b=2"},
    ]
    with pytest.raises(HTMLParseError):
        parse_html("&lt")  # Telegram shows it as "<"; we want the semicolon


# ---- chats, keyboards, edits -----------------------------------------------------------------


async def test_unknown_chat(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(31337, "hi")


async def test_callback_data_is_limited_to_64_bytes(bot: Bot) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="é" * 32)]])
    message = await bot.send_message(USER, "pick", reply_markup=ok)
    assert message.reply_markup == ok
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("no", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(USER, "pick", reply_markup=too_long)


async def test_edit_message_text(bot: Bot, fake: FakeBotAPI) -> None:
    message = await bot.send_message(GROUP, "draft")
    edited = await bot.edit_message_text("final", GROUP, message.message_id)
    assert isinstance(edited, type(message)) and edited.text == "final"
    assert (fake.message(GROUP, message.message_id) or {}).get("text") == "final"
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("final", GROUP, message.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", GROUP, 999)


async def test_message_ids_increase_per_chat(bot: Bot) -> None:
    ids = [(await bot.send_message(c, "m")).message_id for c in (USER, USER, GROUP)]
    assert ids == [1, 2, 1]


async def test_chat_members(bot: Bot, fake: FakeBotAPI) -> None:
    assert (await bot.get_chat_member(GROUP, USER)).status == "administrator"
    assert (await bot.get_chat_member(GROUP, 2002)).status == "member"
    fake.add_user(3003, "Outsider")
    assert (await bot.get_chat_member(GROUP, 3003)).status == "left"
    with pytest.raises(BadRequest, match="User not found"):
        await bot.get_chat_member(GROUP, 4004)


async def test_commands_are_kept_per_scope(bot: Bot, fake: FakeBotAPI) -> None:
    await bot.set_my_commands([("ask", "Ask about a defection"), ("help", "How to use")])
    await bot.set_my_commands([("help", "How to use")], scope=BotCommandScopeAllGroupChats())
    assert [c["command"] for c in fake.commands()] == ["ask", "help"]
    assert [c["command"] for c in fake.commands(scope={"type": "all_group_chats"})] == ["help"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Ask-Now", "bad")])


async def test_send_document_multipart_is_recorded(bot: Bot, fake: FakeBotAPI) -> None:
    payload = bytes(range(256)) * 10
    message = await bot.send_document(
        GROUP, payload, filename="digest.csv", caption="<i>weekly</i>", parse_mode="HTML"
    )
    assert message.document is not None and message.document.file_name == "digest.csv"
    assert message.caption == "weekly"
    upload = fake.calls_to("sendDocument")[0].params["document"]
    assert (upload.filename, upload.size, upload.data) == ("digest.csv", 2560, payload)
    file = await bot.get_file(message.document.file_id)
    assert bytes(await file.download_as_bytearray()) == payload
    photo = await bot.send_photo(USER, b"\x89PNG fake", caption="chart")
    assert photo.photo and fake.sent_messages(USER)[-1].text == "chart"


# ---- faults ----------------------------------------------------------------------------------


async def test_429_raises_retry_after(bot: Bot, fake: FakeBotAPI) -> None:
    fake.inject("sendMessage", "429", retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "hi")
    assert seconds(caught.value) == 3
    assert (await bot.send_message(USER, "hi")).text == "hi"  # consumed


async def test_403_blocked_and_kicked(bot: Bot, fake: FakeBotAPI) -> None:
    fake.inject("sendMessage", "403", chat_id=USER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER, "hi")
    fake.set_blocked(GROUP)
    with pytest.raises(Forbidden, match="bot was kicked from the group chat"):
        await bot.send_message(GROUP, "hi")


async def test_migrate_raises_chat_migrated(bot: Bot, fake: FakeBotAPI) -> None:
    fake.inject("sendMessage", "migrate", chat_id=GROUP)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(GROUP, "hi")
    new_id = caught.value.new_chat_id
    assert new_id == -1004242
    assert (await bot.send_message(new_id, "hi")).chat.type == "supergroup"
    with pytest.raises(ChatMigrated):  # the old group stays dead, as on Telegram
        await bot.send_message(GROUP, "again")


@pytest.mark.parametrize("kind", ["500", "502", "drop"])
async def test_server_errors_raise_network_error(bot: Bot, fake: FakeBotAPI, kind: Any) -> None:
    fake.inject("sendMessage", kind)
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(USER, "hi")
    assert not isinstance(caught.value, BadRequest | TimedOut)


async def test_slow_and_timeout(fake: FakeBotAPI) -> None:
    async with make_bot(fake, read_timeout=0.3) as bot:
        fake.inject("sendMessage", "slow", delay=0.1)
        assert await bot.send_message(USER, "slow")
        fake.inject("sendMessage", "timeout", delay=0.5)
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "late")
    # Like real Telegram the message still went out: retrying blindly would duplicate it.
    await fake.wait_for("sendMessage", count=2, predicate=lambda c: c.ok, timeout=2)
    assert fake.sent_texts(USER) == ["slow", "late"]


async def test_drop_after_sends_the_message_and_no_answer(bot: Bot, fake: FakeBotAPI) -> None:
    fake.inject("sendMessage", "drop-after")
    with pytest.raises(NetworkError):
        await bot.send_message(USER, "taken")
    (call,) = fake.calls_to("sendMessage")
    assert (call.response_status, call.fault, call.delivered) == (0, "drop-after", True)
    assert fake.sent_texts(USER) == ["taken"]


async def faults_met(bot: Bot, fake: FakeBotAPI) -> list[bool]:
    """Send 40 messages, each again until it goes (three tries); which tries failed."""
    fake.inject("sendMessage", "500", times=None, rate=0.5, chats=[USER], at_most=2)
    met = []
    for i in range(40):
        for _ in range(3):
            try:
                await bot.send_message(USER, f"m{i}")
                met.append(False)
                break
            except NetworkError:
                met.append(True)
    return met


async def test_a_share_of_calls_the_same_in_every_run_at_most_n_per_message(
    bot: Bot, fake: FakeBotAPI
) -> None:
    first = await faults_met(bot, fake)
    await bot.send_message(GROUP, "other chats are spared")
    async with FakeBotAPI() as other:
        other.add_private_chat(USER)
        async with make_bot(other) as other_bot:
            again = await faults_met(other_bot, other)
    assert first == again and 10 < first.count(True) < 40  # same seed, same messages
    assert len(fake.sent_texts(USER)) == 40  # each within its three tries: at most 2 faults


async def test_refused_connections_never_reach_the_server(fake: FakeBotAPI) -> None:
    async with make_bot(fake) as bot:
        fake.keep_alive = False
        await bot.send_message(USER, "before")
        fake.refuse_connections(0.3)
        await asyncio.sleep(0.05)
        with pytest.raises(NetworkError, match="ConnectError"):
            await bot.send_message(USER, "during")
        await asyncio.sleep(0.4)
        await bot.send_message(USER, "after")
    assert fake.sent_texts(USER) == ["before", "after"] and fake.refusals == 1
    assert len(fake.calls_to("sendMessage")) == 2


async def test_flood_limits(bot: Bot, fake: FakeBotAPI) -> None:
    stats = fake.enforce_flood_limits(global_per_second=30, per_group_per_minute=3)
    for _ in range(3):
        await bot.send_message(GROUP, "x")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(GROUP, "x")
    assert 1 <= seconds(caught.value) <= 60
    assert stats.chat_violations[GROUP] == 1 and stats.total == 1
    assert await bot.send_message(USER, "private chats are not limited per minute")


# ---- updates ---------------------------------------------------------------------------------


async def test_long_poll_returns_pushed_update(bot: Bot, fake: FakeBotAPI) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=7))
    await polling_started(fake)
    started = time.monotonic()
    fake.push_message(GROUP, USER, "/ask@DefectionDeskBot Kem Sokha")
    (update,) = await poll
    assert time.monotonic() - started < 1
    assert update.message is not None and update.message.chat.id == GROUP
    assert update.message.parse_entities(["bot_command"]) == {
        update.message.entities[0]: "/ask@DefectionDeskBot"
    }
    assert await bot.get_updates(offset=update.update_id + 1) == ()  # confirmed


async def test_get_updates_times_out_empty_and_conflicts(bot: Bot, fake: FakeBotAPI) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.3)) == ()
    assert 0.25 < time.monotonic() - started < 2
    async with make_bot(fake) as second_instance:
        first = asyncio.create_task(second_instance.get_updates(timeout=5, read_timeout=7))
        await polling_started(fake, polls=2)
        assert await bot.get_updates() == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await first


async def test_callback_and_inline_queries(bot: Bot, fake: FakeBotAPI) -> None:
    sent = await bot.send_message(
        USER,
        "pick",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("more", callback_data="more:1")]]),
    )
    fake.push_callback_query(USER, USER, sent.message_id, "more:1")
    fake.push_inline_query(USER, "hun")
    callback, inline = await bot.get_updates()
    assert callback.callback_query is not None and callback.callback_query.data == "more:1"
    assert await callback.callback_query.answer("ok")
    with pytest.raises(BadRequest, match="Query is too old"):
        await callback.callback_query.answer("twice")
    assert inline.inline_query is not None and inline.inline_query.query == "hun"
    assert await inline.inline_query.answer([])


async def test_user_blocks_the_bot(bot: Bot, fake: FakeBotAPI) -> None:
    fake.push_my_chat_member(USER, USER, "kicked")
    (update,) = await bot.get_updates()
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(USER, "still there?")


async def test_application_answers_a_command(fake: FakeBotAPI) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_html("<b>Welcome</b> &amp; hello")

    app = (
        Application.builder()
        .token(DEFAULT_TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        fake.push_message(USER, USER, "/start")
        (call,) = await fake.wait_for("sendMessage", timeout=5)
        await app.updater.stop()
        await app.stop()
    assert call.ok and fake.sent_texts(USER) == ["Welcome & hello"]
    assert fake.calls_to("deleteWebhook")


async def test_webhook_registration_and_delivery(bot: Bot, fake: FakeBotAPI) -> None:
    with pytest.raises(BadRequest, match=r"(?i)an https url must be provided"):
        await bot.set_webhook("http://desk.example.org/tg")
    await bot.set_webhook("https://desk.example.org/tg", secret_token="s3cret")
    assert fake.webhook() == {"url": "https://desk.example.org/tg", "secret_token": "s3cret"}
    with pytest.raises(Conflict):
        await bot.get_updates()

    received: list[tuple[str | None, Any]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response()

    app = web.Application()
    app.router.add_post("/tg", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        update = fake.push_message(USER, USER, "hello")
        url = f"http://127.0.0.1:{port}/tg"
        status = await asyncio.to_thread(fake.deliver_webhook_sync, url, update, "s3cret")
    finally:
        await runner.cleanup()
    assert status == 200 and received == [("s3cret", update)]


# ---- sync / threaded use ---------------------------------------------------------------------


def test_threaded_server_for_sync_code() -> None:
    """start_in_thread() serves callers in other threads/processes; push from plain sync code."""

    async def poll_and_reply(fake: FakeBotAPI) -> None:
        async with make_bot(fake) as bot:
            (update,) = await bot.get_updates(timeout=5, read_timeout=7)
            assert update.effective_chat is not None
            await bot.send_message(update.effective_chat.id, "pong")

    with FakeBotAPI() as fake:  # same as fake.start_in_thread() ... fake.stop()
        fake.add_private_chat(USER)
        client = threading.Thread(target=asyncio.run, args=(poll_and_reply(fake),))
        client.start()
        fake.wait_for_sync("getMe")
        fake.push_message(USER, USER, "ping")
        (call,) = fake.wait_for_sync("sendMessage", timeout=10)
        client.join(5)
        assert call.params["text"] == "pong" and call.ok
