"""Telegram's flood limits kept on our side, through PTB's public rate-limiter interface.

>>> import asyncio
>>> async def send(text: str) -> dict[str, str]:
...     return {"text": text}
>>> limiter = FloodLimiter()
>>> asyncio.run(limiter.process_request(send, ("hi",), {}, "sendMessage", {"chat_id": 42}, None))
{'text': 'hi'}

Telegram answers 429 ("retry after N seconds") to a bot that sends more than 30 messages a
second in all, or 20 a minute to one group, and a 429 holds up every chat: :class:`FloodLimiter`
keeps both limits with a :class:`Window` each, and after a 429 all requests wait out Telegram's
pause before trying again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger("desk.ratelimit")
Result = bool | dict[str, Any] | list[dict[str, Any]]
GROUPS_KEPT = 512  # past this many groups' windows, those of quiet groups are dropped


class Window:
    """At most ``limit`` requests counted in any ``period`` by the server, however long each
    one spends on the way there.

    A request holds one of ``limit`` places from before it starts until ``period`` after its
    answer arrives. The server counts a request between those two moments, so ``limit + 1``
    requests counted within one ``period`` would have held ``limit + 1`` places at once.
    """

    def __init__(self, limit: int, period: float) -> None:
        self.period = period
        self.held = 0
        self._places = asyncio.Semaphore(limit)

    @contextlib.asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        await self._places.acquire()
        self.held += 1
        try:
            yield
        finally:
            asyncio.get_running_loop().call_later(self.period, self._release)

    def _release(self) -> None:
        self.held -= 1
        self._places.release()


class FloodLimiter(BaseRateLimiter[int]):
    """The bot's rate limiter (``handlers.app``): see the module doc.

    A request to a group or channel takes a place in the group's window first, then every
    request with a chat takes one in the overall window, then waits out any 429 pause: requests
    held up by a pause keep their places, so the pause ends with at most a window's worth of
    them, never a burst that earns the next 429. ``max_retries`` (or a call's
    ``rate_limit_args``) is how often a request refused with 429 is sent again; then the
    :class:`~telegram.error.RetryAfter` reaches the caller.
    """

    def __init__(
        self,
        per_second: int = FloodLimit.MESSAGES_PER_SECOND,
        per_group_per_minute: int = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        max_retries: int = 0,
    ) -> None:
        self._overall = Window(per_second, 1.0) if per_second else None
        self._per_group = per_group_per_minute
        self._groups: dict[int | str, Window] = {}
        self._max_retries = max_retries
        self._resume_at = 0.0  # event-loop time when the last 429's pause ends

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        chat_id = data.get("chat_id")
        if endpoint in NOT_MESSAGES:
            chat_id = None  # no place in a group's or the overall window: no message is sent
        for attempt in range(retries + 1):
            try:
                return await self._send(chat_id, callback, args, kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                delay = exc.retry_after
                seconds = delay.total_seconds() if isinstance(delay, timedelta) else delay
                resume = asyncio.get_running_loop().time() + seconds
                self._resume_at = max(self._resume_at, resume)  # for every request
                log.info("%s refused with 429: retrying in %.1f s", endpoint, seconds)
        raise AssertionError("unreachable")

    async def _send(
        self,
        chat_id: object,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> Result:
        group = self._group_window(chat_id)
        overall = self._overall if chat_id is not None else None
        async with (
            group.place() if group else contextlib.nullcontext(),
            overall.place() if overall else contextlib.nullcontext(),
        ):
            loop = asyncio.get_running_loop()
            while (left := self._resume_at - loop.time()) > 0:
                await asyncio.sleep(left)
            return await callback(*args, **kwargs)

    def _group_window(self, chat_id: object) -> Window | None:
        group = group_of(chat_id)
        if group is None or not self._per_group:
            return None
        if group not in self._groups and len(self._groups) >= GROUPS_KEPT:
            self._groups = {key: w for key, w in self._groups.items() if w.held}
        if group not in self._groups:
            self._groups[group] = Window(self._per_group, 60.0)
        return self._groups[group]


# Requests with a chat that send no message: Telegram's message limits do not count them, and a
# chart's "uploading photo" must not take a place one of the group's answers needs.
NOT_MESSAGES = frozenset({"sendChatAction"})


def group_of(chat_id: object) -> int | str | None:
    """The key of a group or channel (a negative id or an @username), else None.

    >>> group_of(-1001), group_of("@newsroom"), group_of("-1001"), group_of(42), group_of(None)
    (-1001, '@newsroom', -1001, None, None)
    """
    if isinstance(chat_id, str):
        try:
            chat_id = int(chat_id)
        except ValueError:
            return chat_id
    return chat_id if isinstance(chat_id, int) and chat_id < 0 else None
