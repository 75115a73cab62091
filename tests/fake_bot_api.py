"""A fake Telegram Bot API server that PTB talks to over real HTTP on 127.0.0.1.

    import asyncio, telegram
    from tests.fake_bot_api import FakeBotAPI

    async def main() -> None:
        async with FakeBotAPI() as fake:
            fake.add_private_chat(42, first_name="Sokha")
            async with telegram.Bot(fake.token, base_url=fake.base_url) as bot:
                await bot.send_message(42, "<b>Hun Sen</b> &amp; co", parse_mode="HTML")
            assert fake.sent_texts(42) == ["Hun Sen & co"]

    asyncio.run(main())

From sync code, or to serve a `desk run` subprocess (give it ``fake.url``; PTB wants
``base_url=f"{url}/bot"`` and ``base_file_url=f"{url}/file/bot"``)::

    fake = FakeBotAPI()
    url = fake.start_in_thread()          # "http://127.0.0.1:<port>"; or `with FakeBotAPI():`
    fake.add_private_chat(42)
    fake.push_message(42, 42, "/start")   # any thread
    (call,) = fake.wait_for_sync("sendMessage", timeout=10)
    fake.stop()

It serves the methods the bot and its tests use, and refuses what Telegram refuses there:
malformed HTML (after tdlib's parser, with its error texts), texts over 4,096 and captions over
1,024 UTF-16 units, empty texts, bad inline buttons, unknown chats, a blocked bot, a migrated
group, edits that change nothing, a message_thread_id outside a forum's existing topics, a
reply to a message the chat does not have, menus and descriptions over Telegram's limits, an
unknown chat action. Forum topics (:meth:`FakeBotAPI.add_topic`), channel posts
(:meth:`FakeBotAPI.push_channel_post`) and a group's upgrade to a supergroup
(:meth:`FakeBotAPI.push_migration`) arrive as Telegram delivers them. Responses mimic Telegram's (``ok``/``error_code``/
``description``/``parameters``, status codes, 502 as nginx HTML), so PTB raises the same
exceptions as in production; :meth:`FakeBotAPI.inject` adds faults (429, 5xx, 403, migration,
slow answers, timeouts, connections dropped before or after the message is stored), on every
call or a share of them, :meth:`FakeBotAPI.refuse_connections` makes the server unreachable for
a while, and :meth:`FakeBotAPI.enforce_flood_limits` adds the broadcast limits. The HTML check is stricter than Telegram in one way: a bare ``&`` or an
unknown ``&name;`` is refused (Telegram shows it verbatim), which is the escaping bug tests
should catch.

Entities must nest as Telegram keeps them (after tdlib's ``are_entities_valid``): no quotation
inside a quotation or inside a link or code, nothing inside code; Telegram silently drops such
an entity, the fake refuses it (the quotation the reader should have seen would be lost).
Inline buttons are checked field by field (callback_data ≤ 64 bytes, copy_text 1–256
characters, switch_inline_query_chosen_chat's shape, no inline-mode button in a channel) and
must have exactly one action (the Bot API takes the first one and ignores the rest: the fake
refuses); inline answers are checked as Telegram checks them (results, their messages and
buttons, the start button's parameter). Where Telegram gives no text of its own for a
refusal, the fake's says so.

Forwarded messages (:meth:`FakeBotAPI.push_forward`, with a ``forward_origin`` from
:func:`channel_origin`, :func:`user_origin` or :func:`hidden_user_origin`) and replies
(:meth:`FakeBotAPI.push_reply`) arrive as Telegram delivers them; a ForceReply markup and
``editMessageReplyMarkup`` are checked as Telegram checks them.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import random
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

JSON = dict[str, Any]
DEFAULT_TOKEN = "123456:TEST-TOKEN"
FaultKind = Literal["429", "500", "502", "timeout", "slow", "403", "drop", "drop-after", "migrate"]

MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are"
    " exactly the same as a previous content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_TOKEN_RE = re.compile(r"\d+:[\w-]+")
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
_BOT_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
_INT_RE = re.compile(r"-?\d+")
# Form values arrive as strings; these keys must stay strings even when they look like ints.
_TEXT_KEYS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "inline_query_id", "url",
    "secret_token", "next_offset", "file_id", "photo", "document", "description",
    "short_description", "action", "language_code",
})  # fmt: skip
_SEND_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})  # fmt: skip
THREAD_NOT_FOUND = "Bad Request: message thread not found"
REPLY_NOT_FOUND = "Bad Request: message to be replied not found"
# BotCommandScope types, and which name a chat (and a user) they apply to.
_SCOPE_TYPES = {
    "default": (), "all_private_chats": (), "all_group_chats": (),
    "all_chat_administrators": (), "chat": ("chat_id",),
    "chat_administrators": ("chat_id",), "chat_member": ("chat_id", "user_id"),
}  # fmt: skip
DESCRIPTION_LIMIT, SHORT_DESCRIPTION_LIMIT = 512, 120
_GROUP_TYPES = frozenset({"group", "supergroup", "channel"})
_BUTTON_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# HTML parse mode, after tdlib's td/telegram/MessageEntity.cpp (parse_html)


class HTMLParseError(ValueError):
    """The text is refused by Telegram's HTML parser; str(e) is tdlib's message."""


_ENTITY_TYPE = {
    "a": "text_link",
    **dict.fromkeys(("b", "strong"), "bold"),
    **dict.fromkeys(("i", "em"), "italic"),
    **dict.fromkeys(("u", "ins"), "underline"),
    **dict.fromkeys(("s", "strike", "del"), "strikethrough"),
    **dict.fromkeys(("span", "tg-spoiler"), "spoiler"),
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
# tdlib's MessageEntity::get_type_priority for the entities HTML makes.
_PRIORITY = {
    "blockquote": 0, "expandable_blockquote": 0, "pre": 11, "code": 20, "text_link": 49,
    "bold": 90, "italic": 91, "underline": 92, "strikethrough": 93, "spoiler": 94,
}  # fmt: skip
_NAMED_ENTITIES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SPACE = frozenset(b" \t\r\n\v\0")
_ENTITY_NAME = re.compile(rb"[A-Za-z]*")
_DEC_DIGITS = re.compile(rb"[0-9]+")
_HEX_DIGITS = re.compile(rb"[0-9a-fA-F]+")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _decode_entity(src: bytes, pos: int) -> tuple[str, int] | None:
    """Decode ``&...;`` at ``pos`` into (character, end position), or None if not an entity."""
    end = pos + 1
    if src[end : end + 1] == b"#":
        hexa = src[end + 1 : end + 2] in (b"x", b"X")
        end += 2 if hexa else 1
        digits = (_HEX_DIGITS if hexa else _DEC_DIGITS).match(src, end, end + 9)
        code = int(digits.group(), 16 if hexa else 10) if digits else 0
        end = digits.end() if digits else end
        if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        name = _ENTITY_NAME.match(src, end)
        if name is None or name.group() not in _NAMED_ENTITIES:
            return None
        end = name.end()
        char = _NAMED_ENTITIES[name.group()]
    # tdlib also accepts "&lt" without the semicolon; we want it spelled out.
    return (char, end + 1) if src[end : end + 1] == b";" else None


def _bad_ampersand(i: int) -> HTMLParseError:
    return HTMLParseError(
        f'Character "&" at byte offset {i} is not a valid HTML entity; escape it as "&amp;"'
    )


def parse_html(text: str) -> tuple[str, list[JSON]]:
    """Parse Telegram HTML into (plain text, MessageEntity dicts) or raise HTMLParseError."""
    src = text.encode("utf-8")
    n = len(src)

    def at(k: int) -> int:  # tdlib relies on the terminating NUL; emulate it
        return src[k] if k < n else 0

    out = bytearray()
    offset = 0  # UTF-16 offset into the parsed text
    stack: list[tuple[str, str, int]] = []  # tag, argument, entity offset
    entities: list[JSON] = []
    i = 0
    while i < n:
        c = src[i]
        if c == ord("&"):
            decoded = _decode_entity(src, i)
            if decoded is None:
                raise _bad_ampersand(i)
            out += decoded[0].encode()
            offset += utf16_len(decoded[0])
            i = decoded[1]
            continue
        if c != ord("<"):
            out.append(c)
            if c & 0xC0 != 0x80:
                offset += 2 if c >= 0xF0 else 1
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != ord("/"):
            while at(i) not in _SPACE and at(i) != ord(">"):
                i += 1
            if at(i) == 0:
                raise HTMLParseError(f"Unclosed start tag at byte offset {begin}")
            tag = src[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _ENTITY_TYPE:
                raise HTMLParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument, i = _parse_attributes(src, i, tag, begin, at)
            if tag == "span" and argument != "spoiler":
                raise HTMLParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            if tag == "a" and not argument:
                raise HTMLParseError(f'Tag "a" must have attribute "href" at byte offset {begin}')
            stack.append((tag, argument, offset))
            i += 1
            continue

        if not stack:
            raise HTMLParseError(f"Unexpected end tag at byte offset {begin}")
        while at(i) not in _SPACE and at(i) != ord(">"):
            i += 1
        end_tag = src[begin + 2 : i].decode("utf-8", "replace")
        while at(i) in _SPACE and at(i) != 0:
            i += 1
        if at(i) != ord(">"):
            raise HTMLParseError(f"Unclosed end tag at byte offset {begin}")
        tag, argument, start = stack.pop()
        if end_tag and end_tag != tag:
            raise HTMLParseError(
                f'Unmatched end tag at byte offset {begin}, expected "</{tag}>",'
                f' found "</{end_tag}>"'
            )
        if offset > start:
            entity: JSON = {"type": _ENTITY_TYPE[tag], "offset": start, "length": offset - start}
            if tag == "a":
                entity["url"] = argument
            elif tag == "blockquote" and argument:
                entity["type"] = "expandable_blockquote"
            entities.append(entity)
        i += 1

    if stack:
        raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    # tdlib's order: at one span, the entity of lower priority is the outer one.
    entities.sort(key=lambda e: (e["offset"], -e["length"], _PRIORITY.get(e["type"], 50)))
    return out.decode("utf-8", "replace"), entities


def _parse_attributes(
    src: bytes, i: int, tag: str, begin: int, at: Callable[[int], int]
) -> tuple[str, int]:
    """Read attributes up to the closing '>' (returned position); keep the meaningful one."""
    argument = ""
    while at(i) != ord(">"):
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) == ord(">"):
            break
        name_begin = i
        while at(i) not in _SPACE and at(i) not in (ord("="), ord(">")):
            i += 1
        name = src[name_begin:i]
        if not name:
            raise HTMLParseError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) != ord("="):
            if tag == "blockquote" and name == b"expandable":
                argument = "1"
                continue
            raise HTMLParseError(
                "Expected equal sign in declaration of an attribute of the tag"
                f' "{tag}" at byte offset {begin}'
            )
        i += 1
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) == 0:
            raise HTMLParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if at(i) not in (ord("'"), ord('"')):
            token_begin = i
            while bytes([at(i)]).isalnum() or at(i) in b".-":  # ASCII only, like tdlib
                i += 1
            value = src[token_begin:i].decode().lower()
            if at(i) not in _SPACE and at(i) != ord(">"):
                raise HTMLParseError(f"Unexpected end of name token at byte offset {token_begin}")
        else:
            quote = at(i)
            i += 1
            raw = bytearray()
            while at(i) != quote and at(i) != 0:
                if at(i) == ord("&"):
                    decoded = _decode_entity(src, i)
                    if decoded is None:
                        raise _bad_ampersand(i)
                    raw += decoded[0].encode()
                    i = decoded[1]
                    continue
                raw.append(at(i))
                i += 1
            if at(i) == quote:
                i += 1
            if at(i) == 0:
                raise HTMLParseError(f"Unclosed start tag at byte offset {begin}")
            value = raw.decode("utf-8", "replace")
        if tag == "a" and name == b"href":
            argument = value
        elif tag == "span" and name == b"class" and value.startswith("tg-"):
            argument = value[len("tg-") :]
        elif tag == "blockquote" and name == b"expandable":
            argument = "1"
    return argument, i


def _trim(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Strip surrounding whitespace like Telegram does, keeping entities aligned."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    kept = []
    for e in entities:
        start, end = max(e["offset"] - lead, 0), min(e["offset"] + e["length"] - lead, total)
        if end > start:
            kept.append({**e, "offset": start, "length": end - start})
    return stripped, kept


# --------------------------------------------------------------------------------------------
# Records


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Call:
    """One HTTP request. ``at`` is time.monotonic() on arrival; status 0 = connection dropped;
    ``fault`` the injected fault it met, if any."""

    method: str
    params: JSON
    token: str
    at: float
    response_status: int
    response: JSON | None = None
    fault: FaultKind | None = None

    @property
    def ok(self) -> bool:
        return self.response_status == 200

    @property
    def delivered(self) -> bool:
        """Whether the fake acted on it (stored the message), whatever the client heard."""
        return self.ok or self.fault == "drop-after"


@dataclass(frozen=True)
class Sent:
    """A message a bot sent successfully; ``text`` is what users see (text or caption)."""

    method: str
    token: str
    chat_id: int
    message_id: int
    params: JSON
    message: JSON

    @property
    def text(self) -> str | None:
        return self.message.get("text", self.message.get("caption"))


@dataclass
class Fault:
    method: str  # canonical method name or "*"
    kind: FaultKind
    remaining: int | None  # None = until clear_faults()
    chat_id: int | str | None
    retry_after: int
    delay: float
    rate: float = 1.0  # the share of matching calls it fails
    chats: frozenset[int | str] | None = None  # only calls to these chats
    at_most: int | None = None  # not once a message has met this many faults (any)


@dataclass
class FloodStats:
    global_violations: int = 0
    chat_violations: Counter[int] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.global_violations + sum(self.chat_violations.values())


@dataclass
class _Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    members: set[int] = field(default_factory=set)
    admins: list[int] = field(default_factory=list)
    migrated_to: int | None = None
    next_message_id: int = 1
    is_forum: bool = False
    topics: dict[int, str] = field(default_factory=dict)  # message_thread_id -> name

    def to_json(self) -> JSON:
        keys = ("title", "username", "first_name")
        return (
            {"id": self.id, "type": self.type}
            | {k: getattr(self, k) for k in keys if getattr(self, k) is not None}
            | ({"is_forum": True} if self.is_forum else {})
        )


@dataclass
class _StoredFile:
    file_id: str
    unique_id: str
    path: str
    upload: UploadedFile


@dataclass
class _Bot:
    token: str
    user: JSON
    updates: deque[JSON] = field(default_factory=deque)
    next_update_id: int = 100_001
    new_update: asyncio.Event = field(default_factory=asyncio.Event)
    poll_generation: int = 0
    webhook: JSON = field(default_factory=dict)  # url, secret_token, max_connections, ...
    commands: dict[str, list[JSON]] = field(default_factory=dict)  # by scope (and language)
    # ("long" | "short", language_code or "") → the description set
    descriptions: dict[tuple[str, str], str] = field(default_factory=dict)
    chat_actions: list[JSON] = field(default_factory=list)  # sendChatAction's parameters
    open_queries: set[str] = field(default_factory=set)  # callback + inline query ids
    removed_from: set[int] = field(default_factory=set)  # blocked by user / kicked from group

    @property
    def id(self) -> int:
        return int(self.user["id"])

    @property
    def sender(self) -> JSON:
        """The bot as it appears in messages (the capability flags are getMe-only)."""
        return {k: self.user[k] for k in ("id", "is_bot", "first_name", "username")}


class _FloodGate:
    """Sliding-window limits; like Telegram, a 429 bans the scope until retry_after passes."""

    def __init__(self, global_per_second: int, per_group_per_minute: int) -> None:
        self.rules = {"global": (1.0, global_per_second), "group": (60.0, per_group_per_minute)}
        self.windows: defaultdict[tuple[str, str, int], deque[float]] = defaultdict(deque)
        self.banned_until: dict[tuple[str, str, int], float] = {}
        self.stats = FloodStats()

    def admit(self, token: str, chat: _Chat | None, now: float) -> int | None:
        """Record a send and return None, or return retry_after seconds."""
        scopes = [(("global", token, 0), *self.rules["global"])]
        if chat is not None and chat.type in _GROUP_TYPES:
            scopes.append((("group", token, chat.id), *self.rules["group"]))
        retry_after = 0
        for key, window, limit in scopes:
            stamps = self.windows[key]
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            wait = self.banned_until.get(key, 0.0) - now
            if len(stamps) >= limit:
                wait = max(wait, stamps[0] + window - now)
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                self.banned_until[key] = max(self.banned_until.get(key, 0.0), now + seconds)
                retry_after = max(retry_after, seconds)
                if key[0] == "global":
                    self.stats.global_violations += 1
                else:
                    self.stats.chat_violations[key[2]] += 1
        if retry_after:
            return retry_after
        for key, _, _ in scopes:
            self.windows[key].append(now)
        return None


class _Matcher:
    """Incremental scan of one method's calls, so waiting for call #10000 stays O(n)."""

    def __init__(self, predicate: Callable[[Call], bool] | None) -> None:
        self.predicate, self.cursor = predicate, 0
        self.matched: list[Call] = []

    def update(self, calls: list[Call]) -> int:
        new = calls[self.cursor :]
        self.cursor += len(new)
        self.matched += [c for c in new if self.predicate is None or self.predicate(c)]
        return len(self.matched)


# --------------------------------------------------------------------------------------------
# The server


class FakeBotAPI:
    """Fake api.telegram.org; see the module docstring. All ids are plain ints."""

    def __init__(
        self, token: str = DEFAULT_TOKEN, bot_username: str = "DefectionDeskBot", seed: int = 0
    ) -> None:
        self.token = token
        # False: every answer closes its connection, so each request needs a new one (and
        # meets refuse_connections); as Telegram does, keep-alive is on by default.
        self.keep_alive = True
        self.calls: list[Call] = []
        self._calls_by_method: defaultdict[str, list[Call]] = defaultdict(list)
        self._sent: list[Sent] = []
        self._sent_by_chat: defaultdict[int, list[Sent]] = defaultdict(list)
        self._bots: dict[str, _Bot] = {}
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, JSON] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._files: dict[str, _StoredFile] = {}
        self._faults: list[Fault] = []
        self._faults_met: Counter[tuple[str, Any, Any]] = Counter()
        self._tries: Counter[tuple[str, Any, Any]] = Counter()
        self._seed = seed
        self._flood: _FloodGate | None = None
        self._ids = itertools.count(1)
        self._lock = threading.RLock()  # state; push_* may come from another thread
        self._cond = threading.Condition()  # guards `calls` for wait_for_sync
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.Server | None = None
        self._listening: socket.socket | None = None
        self.refusals = 0  # refuse_connections() windows begun
        self._closing: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None
        self._handlers = {name.lower(): (name, fn) for name, fn in self._method_table().items()}
        self.add_bot(token, bot_username, first_name="Defection Desk")

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("FakeBotAPI is not running")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """For telegram.Bot(base_url=...) / ApplicationBuilder().base_url(...)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def start(self) -> str:
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self._closing = asyncio.Event()
        app = web.Application(client_max_size=60 * 2**20)  # Telegram accepts 50 MB uploads
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await self._listen(0)
        return self.url

    async def _listen(self, port: int) -> None:
        assert self._runner is not None and self._loop is not None
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        self._port = sock.getsockname()[1]
        # Telegram does not refuse connections; the default queue (128) did, as connect timeouts,
        # when 200 chats were answered at once with the rate limiter lifted (bench/e2e.py).
        server = self._runner.server
        assert server is not None
        self._listener = await self._loop.create_server(server, sock=sock, backlog=1024)
        self._listening = sock

    def refuse_connections(self, seconds: float) -> None:
        """Be unreachable for ``seconds`` (any thread): the port refuses new connections, so a
        client's request never leaves it; connections already open go on being served.

        Connections the system accepted a moment before are served first rather than reset
        (the client may have sent its request on them).
        """
        self._call_in_loop(self._refuse, seconds)

    def _refuse(self, seconds: float) -> None:
        assert self._loop is not None and self._runner is not None
        server = self._runner.server
        assert server is not None
        sock, listener = self._listening, self._listener
        if sock is None or listener is None:
            return  # already refusing: the window in progress ends it
        self.refusals += 1
        # What the system accepted already is served, not reset: taken off the queue first,
        # then the socket closed at once (from then on connections are refused).
        accepted: list[socket.socket] = []
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while True:
                accepted.append(sock.accept()[0])
        listener.close()
        self._listener = self._listening = None
        for conn in accepted:
            conn.setblocking(False)
            self._loop.create_task(self._loop.connect_accepted_socket(server, conn))

        async def reopen() -> None:
            if self._closing is not None and not self._closing.is_set():
                assert self._port is not None
                await self._listen(self._port)

        self._loop.call_later(seconds, lambda: self._loop and self._loop.create_task(reopen()))

    async def aclose(self) -> None:
        if self._closing is not None:
            self._closing.set()  # ends long polls and injected delays at once
        for bot in self._bots.values():
            self._notify(bot)
        if self._listener is not None:
            self._listener.close()
            self._listener = self._listening = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def start_in_thread(self) -> str:
        """Serve from a daemon thread with its own event loop; returns the URL."""
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.start())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.aclose())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-bot-api", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise failure[0]
        return self.url

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._thread = None

    def __enter__(self) -> FakeBotAPI:
        self.start_in_thread()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- registry ----------------------------------------------------------------------------

    def add_bot(
        self, token: str, username: str | None = None, first_name: str = "Test Bot"
    ) -> JSON:
        """Register another bot token; returns its User object (id = token prefix)."""
        if not _TOKEN_RE.fullmatch(token):
            raise ValueError(f"malformed token {token!r}")
        bot_id = int(token.split(":")[0])
        user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username or f"Bot{bot_id}Bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        with self._lock:
            self._bots[token] = _Bot(token, user)
        return user

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}"}
        if username is not None:
            user["username"] = username
        if language_code is not None:  # the language of the user's Telegram app
            user["language_code"] = language_code
        with self._lock:
            self._users[user_id] = user
        return user

    def add_private_chat(
        self,
        user_id: int,
        first_name: str = "User",
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Register a user who has started the bot; returns the Chat object."""
        user = self.add_user(user_id, first_name, username, language_code)
        chat = _Chat(
            user_id, "private", username=username, first_name=user["first_name"], members={user_id}
        )
        with self._lock:
            self._chats[user_id] = chat
        return chat.to_json()

    def add_group(
        self,
        chat_id: int,
        title: str,
        admins: Iterable[int] = (),
        members: Iterable[int] = (),
        type: Literal["group", "supergroup", "channel"] = "group",
        *,
        forum: bool = False,
    ) -> JSON:
        """Register a group the bots are in, with its admins and other members (user ids);
        ``forum``: a supergroup with topics (:meth:`add_topic`)."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        if forum and type != "supergroup":
            raise ValueError("only a supergroup can be a forum")
        admins = list(admins)
        member_ids = {*members, *admins}
        for user_id in member_ids - self._users.keys():
            self.add_user(user_id)
        chat = _Chat(
            chat_id, type, title=title, members=member_ids, admins=admins, is_forum=forum
        )
        with self._lock:
            self._chats[chat_id] = chat
        return chat.to_json()

    def add_topic(self, chat_id: int, name: str, user_id: int | None = None) -> int:
        """Open a forum topic, as Telegram does with a forum_topic_created service message
        (not delivered as an update here); returns its message_thread_id."""
        with self._lock:
            chat = self._chats[chat_id]
            if not chat.is_forum:
                raise ValueError(f"chat {chat_id} is no forum")
            sender = self._user(user_id or next(iter(chat.admins or chat.members), 1))
            created = {"forum_topic_created": {"name": name, "icon_color": 7322096}}
            message = self._store_message(chat, sender, created)
            thread_id = int(message["message_id"])
            message |= {"message_thread_id": thread_id, "is_topic_message": True}
            chat.topics[thread_id] = name
            return thread_id

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """The topic is deleted: sending to it is refused from now on."""
        with self._lock:
            self._chats[chat_id].topics.pop(thread_id, None)

    def migrate_group(self, chat_id: int) -> int:
        """Upgrade a group to a supergroup like Telegram does; returns the new chat id."""
        with self._lock:
            old = self._chats.get(chat_id)
            if old is not None and old.migrated_to:
                return old.migrated_to
            new_id = int(f"-100{abs(chat_id)}")
            if old is not None:
                old.migrated_to = new_id
                self._chats[new_id] = _Chat(
                    new_id,
                    "supergroup",
                    title=old.title,
                    members=set(old.members),
                    admins=list(old.admins),
                )
            return new_id

    def push_migration(self, chat_id: int, user_id: int, *, token: str | None = None) -> int:
        """The group is upgraded to a supergroup: Telegram tells the bot with a service message
        in the old group (``migrate_to_chat_id``) and one in the new supergroup
        (``migrate_from_chat_id``). Returns the new chat id."""
        new_id = self.migrate_group(chat_id)
        with self._lock:
            old, new = self._chats[chat_id], self._chats[new_id]
            sender = self._user(user_id)
            to = self._store_message(old, sender, {"migrate_to_chat_id": new_id})
            came = {"migrate_from_chat_id": chat_id, "sender_chat": new.to_json()}
            from_ = self._store_message(new, sender, came)
        self.push_update({"message": to}, token)
        self.push_update({"message": from_}, token)
        return new_id

    def set_blocked(self, chat_id: int, blocked: bool = True, token: str | None = None) -> None:
        """Bot blocked by the user (private) or kicked (group): sends get 403."""
        with self._lock:
            removed = self._bot(token).removed_from
            if blocked:
                removed.add(chat_id)
            else:
                removed.discard(chat_id)

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """Current state of a stored message (after edits), or None if unknown."""
        return self._messages.get((chat_id, message_id))

    def webhook(self, token: str | None = None) -> JSON:
        """What the bot registered with setWebhook: url, secret_token, ... ({} when none)."""
        return dict(self._bot(token).webhook)

    def commands(
        self, token: str | None = None, scope: JSON | None = None, language_code: str = ""
    ) -> list[JSON]:
        """The command menu the bot set for ``scope`` (default: the default scope) and
        ``language_code`` (default: none, the menu for every language without its own)."""
        return list(self._bot(token).commands.get(_scope_key(scope, language_code), []))

    def description(
        self, token: str | None = None, language_code: str = "", *, short: bool = False
    ) -> str | None:
        """The bot's description (``short``: short description) set for ``language_code``
        (default: none, the one for every language without its own)."""
        return self._bot(token).descriptions.get(("short" if short else "long", language_code))

    def chat_actions(self, token: str | None = None) -> list[JSON]:
        """sendChatAction's accepted calls: chat_id, action, message_thread_id."""
        return list(self._bot(token).chat_actions)

    # ---- inspection --------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return list(self._calls_by_method.get(self._canonical(method), []))

    def sent_messages(self, chat_id: int | None = None) -> list[Sent]:
        with self._lock:
            return list(self._sent if chat_id is None else self._sent_by_chat.get(chat_id, []))

    def sent_texts(self, chat_id: int | None = None) -> list[str | None]:
        return [s.text for s in self.sent_messages(chat_id)]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until `count` calls to `method` (matching `predicate`) were answered.

        Counts failed calls too; pass ``predicate=lambda c: c.ok`` for successes only.
        Polls, so it works whichever loop or thread the server runs on.
        """
        method, matcher = self._canonical(method), _Matcher(predicate)
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                if matcher.update(self._calls_by_method[method]) >= count:
                    return list(matcher.matched)
            if time.monotonic() >= deadline:
                raise TimeoutError(self._wait_failure(method, count, timeout, matcher))
            await asyncio.sleep(0.005)

    def wait_for_sync(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Blocking wait_for for threads other than the server's (use with start_in_thread)."""
        if threading.get_ident() == self._loop_thread:
            raise RuntimeError("wait_for_sync would block the fake's event loop; use wait_for")
        method, matcher = self._canonical(method), _Matcher(predicate)
        with self._cond:
            if not self._cond.wait_for(
                lambda: matcher.update(self._calls_by_method[method]) >= count, timeout
            ):
                raise TimeoutError(self._wait_failure(method, count, timeout, matcher))
            return list(matcher.matched)

    def _wait_failure(self, method: str, count: int, timeout: float, matcher: _Matcher) -> str:
        calls = self._calls_by_method[method]
        recent = [(c.response_status, c.params) for c in calls[-3:]]
        return (
            f"waited {timeout}s for {count} {method} call(s), matched {len(matcher.matched)}"
            f" of {len(calls)}; last: {recent}"
        )

    # ---- faults and limits -------------------------------------------------------------------

    def inject(
        self,
        method: str,
        kind: FaultKind,
        times: int | None = 1,
        chat_id: int | str | None = None,
        retry_after: int = 1,
        delay: float = 0.0,
        *,
        rate: float = 1.0,
        chats: Iterable[int | str] | None = None,
        at_most: int | None = None,
    ) -> Fault:
        """Make the next `times` calls to `method` ("*" = any) fail; None = until cleared.

        "slow" and "timeout" wait `delay` seconds and then answer normally, so a client that
        timed out meanwhile has still sent its message, as with real Telegram ("timeout"
        defaults to 10 s). "drop" closes the connection without acting on the request,
        "drop-after" acts on it (a message is sent) and then closes the connection before
        the answer. Any kind may be combined with a delay, e.g. drop after 2 s.

        ``rate`` fails only that share of the matching calls (drawn from the fake's seed, the
        message and how often it was tried: the same in every run), ``chats`` limits the fault to calls for those chats, and ``at_most``
        spares a message (the same method, chat and text) that has met that many faults of
        any injection already: a fault is then never more than ``at_most`` in a row for one
        message, however often the bot sends it again.
        """
        if method != "*" and method.lower() not in self._handlers:
            raise ValueError(f"unknown Bot API method {method!r}")
        if kind == "timeout" and not delay:
            delay = 10.0
        fault = Fault(
            self._canonical(method),
            kind,
            times,
            chat_id,
            retry_after,
            delay,
            rate,
            frozenset(chats) if chats is not None else None,
            at_most,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def enforce_flood_limits(
        self, global_per_second: int = 30, per_group_per_minute: int = 20
    ) -> FloodStats:
        """Answer 429 above Telegram's broadcast limits; returns the live violation counters."""
        with self._lock:
            self._flood = _FloodGate(global_per_second, per_group_per_minute)
            return self._flood.stats

    def _take_fault(self, method: str, params: JSON) -> Fault | None:
        message = (method, params.get("chat_id"), params.get("text", params.get("caption")))
        with self._lock:
            met = self._faults_met[message]
            tries = self._tries[message]
            self._tries[message] += 1
            for index, fault in enumerate(self._faults):
                if fault.method not in ("*", method):
                    continue
                if fault.chat_id is not None and params.get("chat_id") != fault.chat_id:
                    continue
                if fault.chats is not None and params.get("chat_id") not in fault.chats:
                    continue
                if fault.at_most is not None and met >= fault.at_most:
                    continue
                if fault.rate < 1.0 and self._draw(index, message, tries) >= fault.rate:
                    continue
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                self._faults_met[message] += 1
                return fault
        return None

    def _draw(self, index: int, message: tuple[str, Any, Any], tries: int) -> float:
        """The same number for the same fault, message and try, whatever order calls come in:
        a run that sends the same messages meets the same faults."""
        return random.Random(f"{self._seed}:{index}:{message!r}:{tries}").random()

    # ---- feeding updates ---------------------------------------------------------------------

    def push_update(self, update: JSON, token: str | None = None) -> JSON:
        """Queue a raw update for getUpdates; assigns update_id when missing."""
        bot = self._bot(token)
        with self._lock:
            if "update_id" in update:
                bot.next_update_id = max(bot.next_update_id, int(update["update_id"]) + 1)
            else:
                update = {"update_id": bot.next_update_id, **update}
                bot.next_update_id += 1
            bot.updates.append(update)
        self._call_in_loop(self._notify, bot)
        return update

    def push_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        entities: list[JSON] | None = None,
        token: str | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        """A user writes `text` (in the forum topic ``thread_id``); a leading /command gets its
        bot_command entity unless ``entities`` are given."""
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None:
                if chat_id != user_id:
                    raise ValueError(f"unknown chat {chat_id}; add_group() it first")
                known = self._users.get(user_id, {})
                self.add_private_chat(
                    user_id, known.get("first_name", "User"), known.get("username")
                )
                chat = self._chats[chat_id]
            chat.members.add(user_id)
            command = _COMMAND_RE.match(text)
            if entities is None and command:
                entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(command[0])}]
            topic: JSON = {}
            if thread_id is not None:
                if thread_id not in chat.topics:
                    raise ValueError(f"chat {chat_id} has no topic {thread_id}")
                topic = {"message_thread_id": thread_id, "is_topic_message": True}
            message = self._store_message(
                chat, self._user(user_id), {"text": text, **topic}, entities
            )
        return self.push_update({"message": message}, token)

    def push_channel_post(
        self, chat_id: int, text: str, *, signature: str | None = None, token: str | None = None
    ) -> JSON:
        """A post in the channel ``chat_id``: as Telegram sends it, from the channel itself
        (``sender_chat``, no ``from``), signed when the channel shows authors."""
        with self._lock:
            chat = self._chats[chat_id]
            if chat.type != "channel":
                raise ValueError(f"chat {chat_id} is no channel")
            command = _COMMAND_RE.match(text)
            entities = (
                [{"type": "bot_command", "offset": 0, "length": utf16_len(command[0])}]
                if command
                else None
            )
            content: JSON = {"text": text, "sender_chat": chat.to_json()}
            if signature is not None:
                content["author_signature"] = signature
            message = self._store_message(chat, None, content, entities)
        return self.push_update({"channel_post": message}, token)

    def push_document(
        self, chat_id: int, user_id: int, filename: str, data: bytes, *, token: str | None = None
    ) -> JSON:
        """A user sends a file (e.g. a claims table); the bot can getFile and download it."""
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None:
                raise ValueError(f"unknown chat {chat_id}; add it first")
            stored = self._store_file(UploadedFile(filename, "text/plain", data), "document")
            document = {
                "file_id": stored.file_id,
                "file_unique_id": stored.unique_id,
                "file_name": filename,
                "mime_type": "text/plain",
                "file_size": len(data),
            }
            message = self._store_message(chat, self._user(user_id), {"document": document})
        return self.push_update({"message": message}, token)

    def push_callback_query(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        data: str,
        *,
        token: str | None = None,
        expired: bool = False,
    ) -> JSON:
        """A user presses an inline button under message `message_id`; ``expired``: longer
        ago than Telegram waits for the answer (the bot was down), so answering it is refused
        as "query is too old"."""
        with self._lock:
            query_id = str(next(self._ids) * 7919 + 4_000_000_000_000)
            if not expired:
                self._bot(token).open_queries.add(query_id)
            message = self._messages.get((chat_id, message_id)) or {
                # Telegram no longer has the message: an InaccessibleMessage.
                "chat": self._chat_json(chat_id),
                "message_id": message_id,
                "date": 0,
            }
            query = {
                "id": query_id,
                "from": self._user(user_id),
                "message": message,
                "chat_instance": str(abs(hash((chat_id, "instance")))),
                "data": data,
            }
        return self.push_update({"callback_query": query}, token)

    def push_inline_query(
        self, user_id: int, query: str, *, chat_type: str = "private", token: str | None = None
    ) -> JSON:
        with self._lock:
            query_id = str(next(self._ids) * 7919 + 5_000_000_000_000)
            self._bot(token).open_queries.add(query_id)
            inline = {
                "id": query_id,
                "from": self._user(user_id),
                "query": query,
                "offset": "",
                "chat_type": chat_type,
            }
        return self.push_update({"inline_query": inline}, token)

    def push_forward(
        self,
        chat_id: int,
        user_id: int,
        origin: JSON,
        text: str | None = None,
        *,
        caption: str | None = None,
        token: str | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        """A user forwards a message into ``chat_id`` (into the forum topic ``thread_id``):
        ``origin`` is its MessageOrigin (:func:`channel_origin`, :func:`user_origin`,
        :func:`hidden_user_origin`), the forwarded content a text, or a photo with an optional
        ``caption``."""
        kind = origin.get("type")
        required = _ORIGIN_FIELDS.get(str(kind))
        if required is None or not required <= origin.keys():
            raise ValueError(f"not a MessageOrigin Telegram sends: {origin!r}")
        content: JSON = {"forward_origin": origin}
        if text is not None:
            _check_user_text(text, 4096)
            content["text"] = text
        else:  # a photo, as Telegram describes one, with its caption if any
            photo = {"file_id": f"AgACAgIAAxkBAAF{next(self._ids):08d}", "width": 1280}
            content["photo"] = [photo | {"file_unique_id": "AQADfwd", "height": 720}]
            if caption is not None:
                _check_user_text(caption, 1024)
                content["caption"] = caption
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None:
                raise ValueError(f"unknown chat {chat_id}; add it first")
            if thread_id is not None:
                if thread_id not in chat.topics:
                    raise ValueError(f"chat {chat_id} has no topic {thread_id}")
                content |= {"message_thread_id": thread_id, "is_topic_message": True}
            chat.members.add(user_id)
            message = self._store_message(chat, self._user(user_id), content)
        return self.push_update({"message": message}, token)

    def push_reply(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        reply_to_message_id: int,
        *,
        token: str | None = None,
    ) -> JSON:
        """A user answers the message ``reply_to_message_id`` of the chat (a ForceReply
        prompt, say) with ``text``; Telegram includes the message replied to, one level deep,
        marks the @mentions in the text as it does, and puts the reply in the replied
        message's forum topic."""
        _check_user_text(text, 4096)
        entities = [
            {"type": "mention", "offset": utf16_len(text[: m.start()]), "length": len(m[0])}
            for m in _MENTION_RE.finditer(text)
        ]
        with self._lock:
            chat = self._chats.get(chat_id)
            replied = self._messages.get((chat_id, reply_to_message_id))
            if chat is None or replied is None:
                raise ValueError(f"chat {chat_id} has no message {reply_to_message_id}")
            chat.members.add(user_id)
            replied = {k: v for k, v in replied.items() if k != "reply_to_message"}
            content: JSON = {"text": text, "reply_to_message": replied}
            if replied.get("is_topic_message"):
                thread = replied["message_thread_id"]
                content |= {"message_thread_id": thread, "is_topic_message": True}
            message = self._store_message(chat, self._user(user_id), content, entities)
        return self.push_update({"message": message}, token)

    def push_my_chat_member(
        self, chat_id: int, user_id: int, new_status: str, *, token: str | None = None
    ) -> JSON:
        """The bot's own membership changes (user blocks it, it is added/kicked from a group)."""
        bot = self._bot(token)
        with self._lock:
            gone = new_status in ("kicked", "left")
            (bot.removed_from.add if gone else bot.removed_from.discard)(chat_id)
            change = {
                "chat": self._chat_json(chat_id),
                "from": self._user(user_id),
                "date": int(time.time()),
                "old_chat_member": _member_json(bot.sender, "member" if gone else "left"),
                "new_chat_member": _member_json(bot.sender, new_status),
            }
        return self.push_update({"my_chat_member": change}, token)

    def deliver_webhook_sync(self, url: str, update: JSON, secret_token: str | None = None) -> int:
        """POST an update to the bot's webhook like Telegram; returns the HTTP status."""
        headers = {"Content-Type": "application/json"}
        if secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    # ---- HTTP --------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        token, raw_method = request.match_info["token"], request.match_info["method"]
        method = self._canonical(raw_method)
        status, body, params = 200, None, {}
        kind: FaultKind | None = None
        try:
            params = await _read_params(request)
            bot = self._bots.get(token)
            if not _TOKEN_RE.fullmatch(token) or (bot and raw_method.lower() not in self._handlers):
                raise ApiError(404, "Not Found")
            if bot is None:
                raise ApiError(401, "Unauthorized")
            fault = self._take_fault(method, params)
            kind = fault.kind if fault else None
            if fault and fault.delay and not await self._sleep(fault.delay):
                fault, kind = _DROP, "drop"  # server shutting down mid-delay
            if fault and kind == "drop":
                return self._drop(request, Call(method, params, token, arrived, 0, fault=kind))
            if fault and kind == "502":
                self._record(Call(method, params, token, arrived, 502, fault=kind))
                return self._answer(
                    request,
                    web.Response(status=502, text=BAD_GATEWAY_HTML, content_type="text/html"),
                )
            if fault and kind not in ("slow", "timeout", "drop-after"):
                raise self._fault_error(fault, params)
            self._check_flood(bot, method, params, arrived)
            if method == "getUpdates":
                result = await self._get_updates(bot, params)
            else:
                with self._lock:
                    result = self._handlers[raw_method.lower()][1](bot, params)
            body = {"ok": True, "result": result}
            if kind == "drop-after":  # acted on, and the answer never leaves
                call = Call(method, params, token, arrived, 0, body, fault=kind)
                return self._drop(request, call)
        except ApiError as exc:
            status = exc.status
            body = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
        self._record(Call(method, params, token, arrived, status, body, fault=kind))
        return self._answer(request, web.json_response(body, status=status, dumps=_dumps))

    def _drop(self, request: web.Request, call: Call) -> web.StreamResponse:
        self._record(call)
        if request.transport is not None:
            request.transport.abort()
        return web.Response()

    def _answer(self, request: web.Request, response: web.Response) -> web.Response:
        if not self.keep_alive:
            response.force_close()
        return response

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] not in self._bots:
            return _error_response(401, "Unauthorized")
        for stored in self._files.values():  # rare in tests; a linear scan is fine
            if stored.path == request.match_info["path"]:
                upload = stored.upload
                return web.Response(body=upload.data, content_type=upload.content_type)
        return _error_response(404, "Not Found")

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._calls_by_method[call.method].append(call)
            self._cond.notify_all()

    async def _sleep(self, delay: float) -> bool:
        """Sleep unless the server is closing; False when interrupted."""
        assert self._closing is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), delay)
            return False
        return True

    def _fault_error(self, fault: Fault, params: JSON) -> ApiError:
        chat_id = params.get("chat_id")
        if fault.kind == "429":
            return ApiError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        if fault.kind == "403":
            chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
            return ApiError(403, _forbidden(chat.type if chat else "private"))
        if fault.kind == "migrate":
            new_id = self.migrate_group(chat_id) if isinstance(chat_id, int) else -1001
            return ApiError(400, MIGRATED, {"migrate_to_chat_id": new_id})
        return ApiError(500, "Internal Server Error")

    def _check_flood(self, bot: _Bot, method: str, params: JSON, now: float) -> None:
        if self._flood is None or method not in _SEND_METHODS:
            return
        with self._lock:
            chat_id = params.get("chat_id")
            chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
            retry_after = self._flood.admit(bot.token, chat, now)
        if retry_after:
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )

    def _call_in_loop(self, fn: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if threading.get_ident() == self._loop_thread:
            fn(*args)
        else:
            with contextlib.suppress(RuntimeError):  # loop closed meanwhile
                loop.call_soon_threadsafe(fn, *args)

    @staticmethod
    def _notify(bot: _Bot) -> None:
        # Swap in a fresh event so each waiter sees exactly the wake-ups after it looked.
        event, bot.new_update = bot.new_update, asyncio.Event()
        event.set()

    # ---- helpers -----------------------------------------------------------------------------

    def _canonical(self, method: str) -> str:
        found = self._handlers.get(method.lower())
        return found[0] if found else method

    def _bot(self, token: str | None) -> _Bot:
        return self._bots[token or self.token]

    def _user(self, user_id: int) -> JSON:
        return self._users.get(user_id) or self.add_user(user_id)

    def _chat_json(self, chat_id: int) -> JSON:
        chat = self._chats.get(chat_id)
        if chat is None:
            raise ValueError(f"unknown chat {chat_id}")
        return chat.to_json()

    def _target_chat(self, bot: _Bot, params: JSON) -> _Chat:
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.migrated_to:
            raise ApiError(400, MIGRATED, {"migrate_to_chat_id": chat.migrated_to})
        if chat.id in bot.removed_from:
            raise ApiError(403, _forbidden(chat.type))
        return chat

    def _formatted(
        self, params: JSON, key: str, *, limit: int, too_long: str, empty: str | None
    ) -> tuple[str, list[JSON]]:
        """Validate text/caption like Telegram; returns (text, entities)."""
        raw = params.get(key)
        text = "" if raw is None else str(raw)
        mode = str(params.get("parse_mode") or "").lower()
        if mode == "html":
            try:
                text, entities = parse_html(text)
            except HTMLParseError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        elif mode == "":
            entities = []
        else:
            raise ApiError(400, "Bad Request: unsupported parse_mode")
        check_nesting(entities)
        text, entities = _trim(text, entities)
        if empty and not text:
            raise ApiError(400, f"Bad Request: {empty}")
        if utf16_len(text) > limit:
            raise ApiError(400, f"Bad Request: {too_long}")
        return text, entities

    def _store_message(
        self,
        chat: _Chat,
        sender: JSON | None,
        content: JSON,
        entities: list[JSON] | None = None,
        reply_markup: JSON | None = None,
    ) -> JSON:
        message: JSON = {
            "message_id": chat.next_message_id,
            **({"from": sender} if sender is not None else {}),
            "chat": chat.to_json(),
            "date": int(time.time()),
            **content,
        }
        chat.next_message_id += 1
        if entities:
            message["caption_entities" if "caption" in content else "entities"] = entities
        if reply_markup and "inline_keyboard" in reply_markup:
            message["reply_markup"] = reply_markup  # Telegram echoes only inline keyboards
        self._messages[(chat.id, message["message_id"])] = message
        return message

    def _send(
        self, bot: _Bot, method: str, params: JSON, chat: _Chat, content: JSON, entities: list[JSON]
    ) -> JSON:
        markup = _check_markup(params.get("reply_markup"), chat.type)
        content = content | self._placement(chat, params)
        message = self._store_message(chat, bot.sender, content, entities, markup)
        sent = Sent(method, bot.token, chat.id, message["message_id"], params, message)
        self._sent.append(sent)
        self._sent_by_chat[chat.id].append(sent)
        return message

    def _topic_of(self, chat: _Chat, params: JSON) -> int | None:
        """The forum topic a message goes to; Telegram refuses a thread id anywhere else."""
        thread = params.get("message_thread_id")
        if thread in (None, ""):
            return None
        if not chat.is_forum or _int(thread, 0) not in chat.topics:
            raise ApiError(400, THREAD_NOT_FOUND)
        return _int(thread, 0)

    def _placement(self, chat: _Chat, params: JSON) -> JSON:
        """Where a new message goes: its topic, and the message it replies to (which must be
        in the chat, unless allow_sending_without_reply). A reply in a forum lands in the
        topic of the message it answers, as on Telegram."""
        thread = self._topic_of(chat, params)
        reply = params.get("reply_parameters")
        if isinstance(reply, str):
            reply = json.loads(reply)
        if reply is None and params.get("reply_to_message_id") not in (None, ""):
            reply = {"message_id": params["reply_to_message_id"]}
        placed: JSON = {}
        if isinstance(reply, dict):
            replied_chat = reply.get("chat_id", chat.id)
            replied = self._messages.get((_int(replied_chat, 0), _int(reply.get("message_id"), 0)))
            if replied is None and not (
                reply.get("allow_sending_without_reply")
                or params.get("allow_sending_without_reply")
            ):
                raise ApiError(400, REPLY_NOT_FOUND)
            if replied is not None:
                placed["reply_to_message"] = replied
                if thread is None and replied.get("is_topic_message"):
                    thread = int(replied["message_thread_id"])
        if thread is not None:
            placed |= {"message_thread_id": thread, "is_topic_message": True}
        return placed

    # ---- Bot API methods (called with self._lock held) ---------------------------------------

    def _method_table(self) -> dict[str, Callable[[_Bot, JSON], Any]]:
        return {
            "getMe": lambda bot, _p: bot.user,
            "getUpdates": lambda _b, _p: [],  # served by _get_updates (async)
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "sendPhoto": lambda b, p: self._send_file(b, p, "photo"),
            "sendDocument": lambda b, p: self._send_file(b, p, "document"),
            "getFile": self._get_file,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "setMyDescription": lambda b, p: self._set_description(b, p, "long"),
            "setMyShortDescription": lambda b, p: self._set_description(b, p, "short"),
            "sendChatAction": self._send_chat_action,
            "getChatMember": self._get_chat_member,
        }

    async def _get_updates(self, bot: _Bot, params: JSON) -> list[JSON]:
        assert self._loop is not None and self._closing is not None
        with self._lock:
            if bot.webhook.get("url"):
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is"
                    " active; use deleteWebhook to delete the webhook first",
                )
            offset = _int(params.get("offset"), 0)
            limit = min(max(_int(params.get("limit"), 100), 1), 100)
            timeout = max(float(params.get("timeout") or 0), 0.0)
            bot.poll_generation += 1
            generation = bot.poll_generation
        # A poll still open (say, of a bot process that was killed) ends with 409, as on
        # Telegram, rather than take updates meant for this one.
        self._notify(bot)
        deadline = self._loop.time() + timeout
        while True:
            with self._lock:
                if bot.poll_generation != generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make"
                        " sure that only one bot instance is running",
                    )
                while bot.updates and bot.updates[0]["update_id"] < offset:
                    bot.updates.popleft()
                batch = list(itertools.islice(bot.updates, limit))
                event = bot.new_update
            remaining = deadline - self._loop.time()
            if batch or remaining <= 0 or self._closing.is_set():
                return batch
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _set_webhook(self, bot: _Bot, p: JSON) -> bool:
        url = str(p.get("url") or "")
        if not url:
            return self._delete_webhook(bot, p)
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme != "https":
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        if parsed.port not in (None, 80, 88, 443, 8443):
            raise ApiError(
                400,
                "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443",
            )
        secret = p.get("secret_token")
        if secret is not None and not _SECRET_RE.fullmatch(str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if p.get("drop_pending_updates"):
            bot.updates.clear()
        bot.webhook = {"url": url, "secret_token": secret}
        return True

    def _delete_webhook(self, bot: _Bot, p: JSON) -> bool:
        bot.webhook = {}
        if p.get("drop_pending_updates"):
            bot.updates.clear()
        return True

    def _send_message(self, bot: _Bot, p: JSON) -> JSON:
        chat = self._target_chat(bot, p)
        text, entities = self._formatted(
            p, "text", limit=4096, too_long="message is too long", empty="message text is empty"
        )
        return self._send(bot, "sendMessage", p, chat, {"text": text}, entities)

    def _send_file(self, bot: _Bot, p: JSON, kind: Literal["photo", "document"]) -> JSON:
        chat = self._target_chat(bot, p)
        caption, entities = self._formatted(
            p, "caption", limit=1024, empty=None, too_long="message caption is too long"
        )
        upload = p.get(kind)
        if not isinstance(upload, UploadedFile) or not upload.size:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        stored = self._store_file(upload, kind)
        ids: JSON = {"file_id": stored.file_id, "file_unique_id": stored.unique_id}
        ids["file_size"] = upload.size
        if kind == "photo":
            media: Any = [ids | {"width": 1280, "height": 720}]
        else:
            media = ids | {"mime_type": upload.content_type, "file_name": upload.filename}
        content: JSON = {kind: media} | ({"caption": caption} if caption else {})
        method = "sendPhoto" if kind == "photo" else "sendDocument"
        return self._send(bot, method, p, chat, content, entities)

    def _store_file(self, upload: UploadedFile, kind: str) -> _StoredFile:
        n = next(self._ids)
        prefix = "AgACAgIAAxkBAAI" if kind == "photo" else "BQACAgIAAxkBAAI"
        stored = _StoredFile(f"{prefix}{n:08d}", f"AQAD{n:06d}", f"{kind}s/file_{n}", upload)
        self._files[stored.file_id] = stored
        return stored

    def _get_file(self, _bot: _Bot, p: JSON) -> JSON:
        stored = self._files.get(str(p.get("file_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": stored.upload.size,
            "file_path": stored.path,
        }

    def _edit_message_text(self, bot: _Bot, p: JSON) -> JSON:
        text, entities = self._formatted(
            p, "text", limit=4096, too_long="message is too long", empty="message text is empty"
        )
        chat = self._target_chat(bot, p)
        markup = _check_markup(p.get("reply_markup"), chat.type)
        old = self._messages.get((chat.id, _int(p.get("message_id"), 0)))
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if old["from"]["id"] != bot.id or "text" not in old:
            raise ApiError(400, "Bad Request: message can't be edited")
        new = {k: v for k, v in old.items() if k not in ("entities", "reply_markup")}
        new |= {"text": text, "edit_date": int(time.time())}
        if entities:
            new["entities"] = entities
        if markup and "inline_keyboard" in markup:
            new["reply_markup"] = markup

        def content(m: JSON) -> tuple[Any, ...]:
            return m.get("text"), m.get("entities"), m.get("reply_markup")

        if content(old) == content(new):
            raise ApiError(400, NOT_MODIFIED)
        self._messages[(chat.id, old["message_id"])] = new
        return new

    def _edit_message_reply_markup(self, bot: _Bot, p: JSON) -> JSON:
        """Only an inline keyboard, on a message the bot sent; an empty markup removes it."""
        markup = _check_markup(p.get("reply_markup"))
        if markup is not None and "inline_keyboard" not in markup:
            raise ApiError(400, "Bad Request: inline keyboard expected")
        chat = self._target_chat(bot, p)
        old = self._messages.get((chat.id, _int(p.get("message_id"), 0)))
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if old["from"]["id"] != bot.id:
            raise ApiError(400, "Bad Request: message can't be edited")
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        if markup and markup["inline_keyboard"]:
            new["reply_markup"] = markup
        if new.get("reply_markup") == old.get("reply_markup"):
            raise ApiError(400, NOT_MODIFIED)
        new["edit_date"] = int(time.time())
        self._messages[(chat.id, old["message_id"])] = new
        return new

    def _answer_callback_query(self, bot: _Bot, p: JSON) -> bool:
        query_id = str(p.get("callback_query_id"))
        if query_id not in bot.open_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        if len(str(p.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        bot.open_queries.discard(query_id)
        return True

    def _answer_inline_query(self, bot: _Bot, p: JSON) -> bool:
        query_id = str(p.get("inline_query_id"))
        if query_id not in bot.open_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        results = p.get("results")
        if not isinstance(results, list):
            raise ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            result_id = str(result.get("id", ""))
            if not result.get("type"):
                raise ApiError(400, "Bad Request: RESULT_TYPE_INVALID")
            if not 1 <= len(result_id.encode()) <= 64:
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            if result_id in seen:
                raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content") or {}
            if "message_text" in content:
                self._formatted(
                    content,
                    "message_text",
                    limit=4096,
                    empty="MESSAGE_EMPTY",
                    too_long="MESSAGE_TOO_LONG",
                )
            if result["type"] == "article" and not str(result.get("title") or ""):
                raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY (the fake's wording)")
            if "message_text" not in content and result["type"] == "article":
                raise ApiError(
                    400, "Bad Request: Sent message content must be explicitly specified"
                )
            _check_markup(result.get("reply_markup"))
        _check_results_button(p.get("button"))
        bot.open_queries.discard(query_id)
        return True

    def _set_my_commands(self, bot: _Bot, p: JSON) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            if not _BOT_COMMAND_RE.fullmatch(str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        scope = p.get("scope")
        if isinstance(scope, str):
            scope = json.loads(scope) if scope else None
        self._check_scope(bot, scope)
        bot.commands[_scope_key(scope, str(p.get("language_code") or ""))] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _check_scope(self, bot: _Bot, scope: Any) -> None:
        """A BotCommandScope as Telegram checks it: a known type; for a chat's scope, a chat
        the bot is in (a private chat only once its user started the bot); administrators'
        scopes only in groups; a member's, someone in the group."""
        if scope is None:
            return
        if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
            raise ApiError(400, "Bad Request: can't parse BotCommandScope JSON object")
        if "chat_id" not in _SCOPE_TYPES[scope["type"]]:
            return
        chat = self._target_chat(bot, scope)
        if scope["type"] != "chat" and chat.type not in ("group", "supergroup"):
            raise ApiError(400, "Bad Request: chat not found")
        if scope["type"] == "chat_member" and _int(scope.get("user_id"), 0) not in chat.members:
            raise ApiError(400, "Bad Request: user not found")

    def _set_description(self, bot: _Bot, p: JSON, kind: Literal["long", "short"]) -> bool:
        key = "description" if kind == "long" else "short_description"
        text = str(p.get(key) or "")
        limit = DESCRIPTION_LIMIT if kind == "long" else SHORT_DESCRIPTION_LIMIT
        if len(text) > limit:
            raise ApiError(400, f"Bad Request: {key.replace('_', ' ')} is too long")
        language = str(p.get("language_code") or "")
        if text:
            bot.descriptions[(kind, language)] = text
        else:  # an empty text removes it
            bot.descriptions.pop((kind, language), None)
        return True

    def _send_chat_action(self, bot: _Bot, p: JSON) -> bool:
        chat = self._target_chat(bot, p)
        action = str(p.get("action") or "")
        if action not in CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        thread = self._topic_of(chat, p)
        bot.chat_actions.append({"chat_id": chat.id, "action": action, "message_thread_id": thread})
        return True

    def _get_chat_member(self, bot: _Bot, p: JSON) -> JSON:
        chat = self._target_chat(bot, p)
        user_id = _int(p.get("user_id"), 0)
        if user_id == bot.id:
            return _member_json(bot.sender, "member")
        if user_id not in self._users:
            raise ApiError(400, "Bad Request: user not found")
        user = self._users[user_id]
        if user_id in chat.admins:
            return _member_json(user, "administrator")
        return _member_json(user, "member" if user_id in chat.members else "left")


_DROP = Fault("*", "drop", None, None, 0, 0.0)


# --------------------------------------------------------------------------------------------
# Request parsing and small helpers


async def _read_params(request: web.Request) -> JSON:
    """The parameters of a request: a query string or a form, as PTB sends them."""
    params: JSON = dict(request.query)
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = UploadedFile(value.filename, value.content_type, value.file.read())
            else:
                params[key] = value
    decoded = {key: _coerce(key, value) for key, value in params.items()}
    for key, value in decoded.items():  # files sent as attach://<part name>
        if isinstance(value, str) and value.startswith("attach://"):
            decoded[key] = decoded.get(value[len("attach://") :], value)
    return decoded


def _coerce(key: str, value: Any) -> Any:
    """Undo PTB's form encoding: non-string values arrive as JSON text."""
    if not isinstance(value, str) or key in _TEXT_KEYS:
        return value
    if value in ("true", "false"):
        return value == "true"
    if _INT_RE.fullmatch(value):
        return int(value)
    if value[:1] in ("{", "["):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _error_response(status: int, description: str) -> web.Response:
    body = {"ok": False, "error_code": status, "description": description}
    return web.json_response(body, status=status)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _scope_key(scope: Any, language_code: str = "") -> str:
    key = json.dumps(scope or {"type": "default"}, sort_keys=True)
    return f"{key}|{language_code}" if language_code else key


def _forbidden(chat_type: str) -> str:
    return {
        "private": "Forbidden: bot was blocked by the user",
        "group": "Forbidden: bot was kicked from the group chat",
        "supergroup": "Forbidden: bot was kicked from the supergroup chat",
    }.get(chat_type, "Forbidden: bot is not a member of the channel chat")


_ADMIN_RIGHTS = (
    "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
    "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
    "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
)  # fmt: skip


def _member_json(user: JSON, status: str) -> JSON:
    """A ChatMember; an administrator's rights are all False (PTB requires them present)."""
    member: JSON = {"status": status, "user": user}
    if status == "administrator":
        member |= dict.fromkeys(_ADMIN_RIGHTS, False)
    elif status == "kicked":
        member["until_date"] = 0
    return member


_QUOTES = frozenset({"blockquote", "expandable_blockquote"})
_CODE = frozenset({"code", "pre"})


def check_nesting(entities: list[JSON]) -> None:
    """Refuse entities Telegram would drop for their nesting (entities sorted by offset,
    longest first, as :func:`parse_html` returns them)."""
    stack: list[JSON] = []
    for entity in entities:
        while stack and entity["offset"] >= stack[-1]["offset"] + stack[-1]["length"]:
            stack.pop()
        outer = {e["type"] for e in stack}
        kind = entity["type"]
        problem = None
        if outer & _CODE:
            problem = f"an entity inside {sorted(outer & _CODE)[0]}"
        elif kind in _QUOTES and outer & _QUOTES:
            problem = "a blockquote inside a blockquote"
        elif kind in _QUOTES and "text_link" in outer:
            problem = "a blockquote inside a link"
        if problem:
            raise ApiError(
                400,
                f"Bad Request: can't parse entities: {problem} at offset {entity['offset']}"
                " (Telegram drops it; the fake refuses)",
            )
        stack.append(entity)


def _check_button(button: JSON, chat_type: str | None) -> None:
    """One inline keyboard button's action fields, as Telegram checks them."""
    actions = [action for action in _BUTTON_ACTIONS if action in button]
    bad = "Bad Request: can't parse inline keyboard button: "
    if not actions:
        raise ApiError(400, bad + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise ApiError(
            400,
            bad + f"InlineKeyboardButton must have exactly one optional field, not {actions}"
            " (the Bot API would use the first; the fake refuses)",
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= 64:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    if "url" in button and not str(button["url"]).startswith(("http://", "https://", "tg://")):
        raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")
    if "copy_text" in button:
        copied = button["copy_text"]
        text = copied.get("text") if isinstance(copied, dict) else None
        if not isinstance(text, str):
            raise ApiError(400, bad + 'Field "text" must be of type String')
        if not 1 <= utf16_len(text) <= 256:
            raise ApiError(
                400,
                "Bad Request: the text of copy_text must be 1-256 characters (the fake's wording)",
            )
    if "switch_inline_query_chosen_chat" in button:
        chosen = button["switch_inline_query_chosen_chat"]
        if not isinstance(chosen, dict):
            raise ApiError(
                400, bad + 'Field "switch_inline_query_chosen_chat" must be of type Object'
            )
        if not isinstance(chosen.get("query", ""), str):
            raise ApiError(400, bad + 'Field "query" must be of type String')
        allowed = (
            "allow_user_chats",
            "allow_bot_chats",
            "allow_group_chats",
            "allow_channel_chats",
        )
        if any(not isinstance(chosen.get(k, False), bool) for k in allowed):
            raise ApiError(400, bad + 'Field "allow_*_chats" must be of type Boolean')
        if not any(chosen.get(k) for k in allowed):
            raise ApiError(400, "Bad Request: At least one chat type must be allowed")
    inline_mode = ("switch_inline_query", "switch_inline_query_chosen_chat")
    if chat_type == "channel" and any(a in button for a in inline_mode):
        raise ApiError(
            400,
            "Bad Request: Can't use switch_inline_query button in a channel chat, because users"
            " will not be able to use the button without knowing bot's username",
        )


def _check_results_button(raw: Any) -> None:
    """answerInlineQuery's ``button`` (the button above the results), as Telegram checks it."""
    if raw is None or raw == "":
        return
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise ApiError(400, "Bad Request: InlineQueryResultsButton must be an Object with text")
    kinds = [k for k in ("start_parameter", "web_app") if k in raw]
    if len(kinds) != 1:
        raise ApiError(
            400, "Bad Request: InlineQueryResultsButton must have exactly one optional field"
        )
    parameter = raw.get("start_parameter")
    if parameter is not None:
        parameter = str(parameter)
        if not parameter:
            raise ApiError(400, "Bad Request: Can't use empty start_parameter")
        if len(parameter) > 64:
            raise ApiError(400, "Bad Request: Too long start_parameter specified")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", parameter):
            raise ApiError(400, "Bad Request: Unallowed characters in start_parameter are used")


def _check_markup(raw: Any, chat_type: str | None = None) -> JSON | None:
    """Validate reply_markup like Telegram; returns the parsed object."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    if "force_reply" in raw:
        _check_force_reply(raw)
        return raw
    rows = raw.get("inline_keyboard")
    if rows is None:
        return raw
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError(
            400,
            'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup'
            " should be an Array of Arrays",
        )
    for button in itertools.chain.from_iterable(rows):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise ApiError(
                400,
                'Bad Request: can\'t parse inline keyboard button: Field "text"'
                " must be of type String",
            )
        _check_button(button, chat_type)
    return raw


# --------------------------------------------------------------------------------------------
# Forwards, replies and ForceReply (intake: handlers/intake.py)

_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}(?!\w)")
# What each MessageOrigin type always carries.
_ORIGIN_FIELDS = {
    "user": {"date", "sender_user"},
    "hidden_user": {"date", "sender_user_name"},
    "chat": {"date", "sender_chat"},
    "channel": {"date", "chat", "message_id"},
}


def channel_origin(
    channel_id: int, title: str, message_id: int, date: int, username: str | None = None
) -> JSON:
    """A post forwarded from a channel (public when it has a ``username``)."""
    if not str(channel_id).startswith("-100"):
        raise ValueError("channel ids start with -100")
    chat: JSON = {"id": channel_id, "type": "channel", "title": title}
    if username is not None:
        chat["username"] = username
    return {"type": "channel", "chat": chat, "message_id": message_id, "date": date}


def user_origin(user_id: int, first_name: str, date: int, username: str | None = None) -> JSON:
    """A message forwarded from a user who lets forwards link to their account."""
    user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if username is not None:
        user["username"] = username
    return {"type": "user", "sender_user": user, "date": date}


def hidden_user_origin(name: str, date: int) -> JSON:
    """A message forwarded from a user who hides their account: only a name is left."""
    return {"type": "hidden_user", "sender_user_name": name, "date": date}


def _check_user_text(text: str, limit: int) -> None:
    """What a Telegram client lets a user send: some text, at most ``limit`` UTF-16 units."""
    if not text.strip() or utf16_len(text) > limit:
        raise ValueError(f"Telegram does not send a message of {utf16_len(text)} units")


def _check_force_reply(raw: JSON) -> None:
    if raw.get("force_reply") is not True:
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    placeholder = raw.get("input_field_placeholder")
    if placeholder is not None and not 1 <= len(str(placeholder)) <= 64:
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
