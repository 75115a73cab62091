"""What the bot does when a message to Telegram fails: one send policy for every kind of message.

>>> from telegram.error import TimedOut
>>> fate(ServerError(502, "Bad Gateway (502)")), fate(NotSent("refused")), fate(TimedOut())
('not done', 'never left', 'unsure')

Replies to commands, pictures and files, the edits a button makes, weekly summaries, watchlist
alerts and apologies all go out through :func:`send`, with the :class:`Policy` of their kind.
How a try failed decides what happens next: Telegram said it did not send the message, the
request never reached Telegram, or nobody can tell — the request went out and no answer came
back (the connection dropped, or the answer came later than the bot waits for it):

===================================  ===============  =============================================
What happened                        Delivered?       What the bot does
===================================  ===============  =============================================
429 Too Many Requests                no               the rate limiter waits Telegram's retry_after
                                                      and tries again, 5 times
                                                      (:mod:`handlers.ratelimit`); then as below
5xx, with Telegram's JSON or a       no               tries again after each pause of the kind's
proxy's HTML page                                     policy (``pauses``)
The request never left: no           no               the same
connection could be made, none
was free in the pool, or it broke
while the request was being written
A slow answer                        yes              waited for, up to DESK_SEND_TIMEOUT (20 s)
No answer after the request left     unknown          the kind's choice (below); logged either way
                                                      as "may have arrived"
Still failing after the last pause   no               reply, file, edit: the error handler
                                                      apologises (the message surely did not
                                                      arrive); summary, alert: left for the next
                                                      run; apology: given up
400 Bad Request, 403 Forbidden, a    refused          not sent again: a migrated group gets it at
group migrated to a supergroup                        its new id, a 403 ends a chat's
                                                      subscriptions and watches
===================================  ===============  =============================================

When nobody can tell, each kind chooses:

=================================  ===========================================================
Kind                               Sent again?
=================================  ===========================================================
reply to a command, picture, file  no, and no apology. The person who asked is there, sees
                                   whether it came and can ask again; a second copy in a group
                                   is noise for everyone in it
edit (a button's answer)           once: an edit made twice shows the same ("message is not
                                   modified" then means it was made)
weekly summary, watchlist alert    once: nobody asks for a summary that did not come. A chat
                                   may then get it twice, which is counted in the logs and in
                                   the run's report ("possibly twice") and noted on the
                                   delivery's record; if the second try gets no answer either,
                                   it is recorded as unconfirmed and never sent a third time
apology                            no
=================================  ===========================================================

:class:`TelegramRequest` (the bot's HTTP client, set in :mod:`handlers.app`) is what tells the
three apart: it raises :class:`ServerError` for a 5xx answer and :class:`NotSent` for a request
that never left; any other network failure is one whose fate is unknown.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Generic, Literal, TypeVar

import httpx
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import HTTPXRequest

log = logging.getLogger("desk.send")
T = TypeVar("T")
Fate = Literal["not done", "never left", "unsure"]
# httpx's failures before a request was whole on the wire: Telegram cannot have acted on it.
NEVER_LEFT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
)


class ServerError(NetworkError):
    """Telegram, or a proxy in front of it, answered 5xx: the request was not carried out."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class NotSent(NetworkError):
    """The request never left (see NEVER_LEFT): Telegram cannot have carried it out."""


class NotSentTimeout(NotSent, TimedOut):
    """No connection in time, or none free in the pool: a timeout before the request left."""


class TelegramRequest(HTTPXRequest):
    """PTB's HTTP client, raising :class:`ServerError` and :class:`NotSent` (see the module doc)
    where PTB raises a plain NetworkError or TimedOut, which the send policy cannot act on."""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            status, payload = await super().do_request(*args, **kwargs)
        except NetworkError as exc:
            # PTB raises its error from httpx's, which says how far the request got.
            if isinstance(exc.__cause__, NEVER_LEFT):
                unsent = NotSentTimeout if isinstance(exc, TimedOut) else NotSent
                raise unsent(exc.message) from exc.__cause__
            raise
        if status >= 500:
            raise ServerError(status, _description(status, payload))
        return status, payload


def _description(status: int, payload: bytes) -> str:
    """Telegram's own words for a 5xx, or the status's name (a proxy's page is HTML).

    >>> _description(502, b"<html>Bad Gateway</html>"), _description(500, b'{"description": "x"}')
    ('Bad Gateway (502)', 'x (500)')
    """
    try:
        said = json.loads(payload).get("description")
    except (ValueError, AttributeError):
        said = None
    try:
        name = HTTPStatus(status).phrase
    except ValueError:
        name = "Server error"
    return f"{said or name} ({status})"


def fate(exc: NetworkError) -> Fate:
    """What a failed try means for the message: see the module doc."""
    if isinstance(exc, ServerError):
        return "not done"
    if isinstance(exc, NotSent):
        return "never left"
    return "unsure"


@dataclass(frozen=True, slots=True)
class Policy:
    """How one kind of message is sent: see the module doc."""

    kind: str  # as the logs name it
    pauses: tuple[float, ...]  # seconds before each new try after a failure that sent nothing
    resend_unsure: bool  # send once more when nobody can tell whether a try arrived


REPLY = Policy("reply", (0.5, 1.0, 2.0, 4.0), resend_unsure=False)
FILE = Policy("file", (0.5, 1.0, 2.0, 4.0), resend_unsure=False)
EDIT = Policy("edit", (0.5, 1.0, 2.0, 4.0), resend_unsure=True)
# Nobody is waiting for these: longer pauses, then the next run (a minute later) tries again.
SUMMARY = Policy("summary", (1.0, 3.0, 9.0), resend_unsure=True)
ALERT = Policy("watchlist alert", (1.0, 3.0, 9.0), resend_unsure=True)
APOLOGY = Policy("apology", (0.5,), resend_unsure=False)


@dataclass(frozen=True, slots=True)
class Sent(Generic[T]):
    """What came of :func:`send`: Telegram's answer, unless the last try's fate is unknown."""

    answer: T | None
    unsure: int = 0  # tries that got no answer after they left: each may have arrived

    @property
    def confirmed(self) -> bool:
        return self.answer is not None


async def send(call: Callable[[], Awaitable[T]], policy: Policy, to: str) -> Sent[T]:
    """Make ``call`` (a Bot API request that sends a message ``to`` someone, as the logs name
    them) under ``policy``: raises when the message surely did not arrive and the policy
    sends no more; returns :class:`Sent` otherwise."""
    pauses = iter(policy.pauses)
    unsure = 0
    while True:
        try:
            return Sent(await call(), unsure)
        except BadRequest:  # a NetworkError too, but Telegram's final word
            raise
        except NetworkError as exc:
            what = fate(exc)
            pause = next(pauses, None)
            if what == "unsure":
                unsure += 1
                if not policy.resend_unsure or unsure > 1 or pause is None:
                    log.warning(
                        "%s to %s may have arrived: no answer after it was sent (%s);"
                        " not sent again",
                        policy.kind, to, _reason(exc),
                    )  # fmt: skip
                    return Sent(None, unsure)
                log.warning(
                    "%s to %s may have arrived: no answer after it was sent (%s);"
                    " sending it once more in %.1f s (possibly twice)",
                    policy.kind, to, _reason(exc), pause,
                )  # fmt: skip
            elif pause is None:
                raise
            else:
                said = "the request never left" if what == "never left" else "Telegram answered"
                log.warning(
                    "%s to %s not sent: %s %s; trying again in %.1f s",
                    policy.kind, to, said, _reason(exc), pause,
                )  # fmt: skip
            await asyncio.sleep(pause)


def _reason(exc: NetworkError) -> str:
    cause = exc.__cause__
    if isinstance(cause, httpx.HTTPError) and type(cause).__name__ not in exc.message:
        return f"{exc.message}: httpx.{type(cause).__name__}"
    return exc.message[:200]
