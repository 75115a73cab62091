"""Webhook mode: a small tornado server that decides on a request from its headers alone.

>>> verdict("/hook", "POST", {"Content-Length": "20971520"}, Hook("/hook", "s3cret"))
403
>>> verdict("/hook", "POST", {SECRET_HEADER: "s3cret", "Content-Length": "20971520"},
...         Hook("/hook", "s3cret"))
413
>>> verdict("/hook", "POST", {SECRET_HEADER: "s3cret", "Content-Length": "312"},
...         Hook("/hook", "s3cret")) is None
True

python-telegram-bot's own ``run_webhook`` reads a whole body before it looks at the secret
header, so anyone who finds the URL can make the bot hold as many large bodies as they send at
once. Here the request's path, method, secret-token header and declared length are checked as
soon as the headers arrive; a request that fails any of them is answered (404, 405, 403, 413)
and its connection closed with the body unread. A body is at most :data:`MAX_BODY` bytes, also
when it comes in chunks without a declared length. A body that is not UTF-8 JSON of an update
gets 400; a good update is put on the Application's update queue, as PTB's server does, and
answered 200 at once.

Telegram's updates are small: a message holds at most 4,096 characters of text (1,024 of a
caption) with their entities and the message it replies to, a few tens of kilobytes at the
very most. :data:`MAX_BODY` (1 MiB) is far above that and is also nginx's default
``client_max_body_size``; the proxy examples in ``deploy/`` cap bodies at the same size.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application, ExtBot
from tornado.httpserver import HTTPServer

from bot.errors import ServiceError

log = logging.getLogger("desk.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20  # 1 MiB: see the module docstring
BODY_TIMEOUT = 30.0  # seconds for a body to arrive once its headers have
IDLE_TIMEOUT = 75.0  # seconds a kept-alive connection may wait for its next request


@dataclass(frozen=True)
class Hook:
    """Where Telegram posts (the URL's path) and the secret it echoes in a header."""

    path: str
    secret: str


def verdict(path: str, method: str, headers: Mapping[str, str], hook: Hook) -> int | None:
    """The status a request gets from its headers alone; None when its body may be read."""
    if path != hook.path:
        return 404
    if method != "POST":
        return 405
    given = headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), hook.secret.encode()):
        return 403
    length = headers.get("Content-Length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        return 413
    return None


def read_update(body: bytes, bot: ExtBot[Any]) -> Update | None:
    """The update in a body; None when it is not UTF-8 JSON of an update."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        return None
    try:
        return Update.de_json(data, bot)
    except Exception:  # a shape no update has: the sender's mistake, not ours
        log.warning("webhook: a body that is no update (update_id %s)", data["update_id"])
        return None


@tornado.web.stream_request_body
class UpdateReceiver(tornado.web.RequestHandler):
    """Every request to the webhook's port comes here, whatever its path."""

    def initialize(self, hook: Hook, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self.hook, self.app = hook, app
        self.body = bytearray()
        self.refused = False

    async def prepare(self) -> None:
        request = self.request
        status = verdict(request.path, request.method or "", request.headers, self.hook)
        if status is not None:
            await self._refuse(status)

    async def data_received(self, chunk: bytes) -> None:
        if self.refused:
            return
        if len(self.body) + len(chunk) > MAX_BODY:  # chunks without a declared length
            self.body.clear()
            await self._refuse(413)
            return
        self.body += chunk

    async def post(self) -> None:
        if self.refused:  # too long, already answered
            return
        update = read_update(bytes(self.body), self.app.bot)
        if update is None:
            await self._refuse(400)
            return
        self.app.bot.insert_callback_data(update)
        await self.app.update_queue.put(update)
        self.set_status(200)
        await self.finish()

    async def _refuse(self, status: int) -> None:
        self.refused = True
        self.set_status(status)
        # Finished before its body is read, the connection is closed once this is sent:
        # tornado's way (and the only one) not to read the rest.
        await self.finish()


def _log_request(handler: tornado.web.RequestHandler) -> None:
    # Not tornado's access log: it writes the path, which is a secret of sorts (README), on
    # every update. A refusal is worth a line; an update is logged by its handler.
    status = handler.get_status()
    if status != 200:
        log.info("webhook: %s refused with %d", handler.request.method, status)


def webhook_server(hook: Hook, app: Application[Any, Any, Any, Any, Any, Any]) -> HTTPServer:
    routes = tornado.web.Application(
        [(r".*", UpdateReceiver, {"hook": hook, "app": app})], log_function=_log_request
    )
    return HTTPServer(
        routes,
        # tornado's own bound, past ours: a body over ours is refused with 413 by the handler.
        max_body_size=2 * MAX_BODY,
        body_timeout=BODY_TIMEOUT,
        idle_connection_timeout=IDLE_TIMEOUT,
    )


async def serve_webhook(
    app: Application[Any, Any, Any, Any, Any, Any],
    *,
    url: str,
    hook: Hook,
    listen: str,
    port: int,
) -> None:
    """Listen, register the webhook with Telegram, and handle updates until SIGTERM or SIGINT."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    server = webhook_server(hook, app)
    try:
        server.listen(port, address=listen)
    except OSError as exc:
        raise ServiceError(
            f"cannot listen on {listen}:{port} for the webhook: {exc.strerror or exc}; "
            "choose another --port/--listen (DESK_WEBHOOK_PORT, DESK_WEBHOOK_LISTEN)"
        ) from None
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            await app.bot.set_webhook(
                url, secret_token=hook.secret, allowed_updates=Update.ALL_TYPES
            )
            await app.start()
            log.info("webhook listening on %s:%d", listen, port)
            await stopping.wait()
            await app.stop()
    finally:
        server.stop()
        await server.close_all_connections()
