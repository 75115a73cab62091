"""The rate limiter's own rules, without Telegram: a group waits for its own window, and a
429's pause holds every request. Against the fake Bot API: tests/test_digest_fanout.py."""

from __future__ import annotations

import asyncio
import doctest
from datetime import timedelta

import pytest
from telegram.error import RetryAfter

import handlers.ratelimit
from handlers.ratelimit import FloodLimiter

GROUP, OTHER_GROUP, USER = -1001, -1002, 42


def request(
    limiter: FloodLimiter, chat_id: int, sent: list[tuple[int, float]]
) -> asyncio.Future[object]:
    async def send() -> bool:
        sent.append((chat_id, asyncio.get_running_loop().time()))
        return True

    data = {"chat_id": chat_id}
    return asyncio.ensure_future(limiter.process_request(send, (), {}, "sendMessage", data, None))


async def test_a_busy_group_waits_for_its_own_window_and_holds_up_no_one_else() -> None:
    limiter = FloodLimiter(per_group_per_minute=2)
    sent: list[tuple[int, float]] = []
    group = [request(limiter, GROUP, sent) for _ in range(3)]
    others = [request(limiter, chat, sent) for chat in (OTHER_GROUP, USER)]
    await asyncio.gather(*group[:2], *others)
    await asyncio.sleep(0.2)
    # The third message to GROUP waits until a minute after the first two were answered.
    assert sorted(chat for chat, _ in sent) == sorted([GROUP, GROUP, OTHER_GROUP, USER])
    assert not group[2].done()
    group[2].cancel()


async def test_a_429_holds_every_request_and_the_refused_one_is_sent_again() -> None:
    limiter = FloodLimiter(max_retries=1)
    loop = asyncio.get_running_loop()
    sent: list[tuple[int, float]] = []
    refused_at: list[float] = []

    async def refused_once() -> bool:
        if not refused_at:
            refused_at.append(loop.time())
            raise RetryAfter(timedelta(seconds=1))
        sent.append((USER, loop.time()))
        return True

    first = asyncio.ensure_future(
        limiter.process_request(refused_once, (), {}, "sendMessage", {"chat_id": USER}, None)
    )
    while not refused_at:
        await asyncio.sleep(0)
    await asyncio.gather(first, request(limiter, GROUP, sent))
    assert sorted(chat for chat, _ in sent) == [GROUP, USER]
    assert all(at >= refused_at[0] + 1 for _, at in sent)  # neither went during the pause

    async def always_refused() -> bool:
        raise RetryAfter(timedelta(seconds=1))

    with pytest.raises(RetryAfter):  # past the retries allowed, the 429 reaches the caller
        await limiter.process_request(always_refused, (), {}, "sendMessage", {"chat_id": USER}, 0)


def test_doctests() -> None:
    assert doctest.testmod(handlers.ratelimit).failed == 0
