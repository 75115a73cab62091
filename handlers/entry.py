"""The ``desk`` console script: :mod:`bot.cli` with the Telegram side plugged in.

>>> import os
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {"DESK_DATABASE_URL": "sqlite://"}):
...     main(["ask", "/on 26/06/2023"])  # doctest: +ELLIPSIS
Claims reported on 26 June 2023: ...
0

``bot/`` imports nothing from Telegram, so the two subcommands that need it, ``desk run``
with a token and ``desk digests run``, reach this package through :class:`Telegram`, which
:func:`main` hands to :func:`bot.cli.main`. Telegram's modules load only when one of those two
runs, so ``desk ask`` starts as light as before.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot import cli

if TYPE_CHECKING:
    from bot.desk import Desk
    from bot.settings import Settings


class Telegram:
    """:class:`bot.cli.TelegramSide`: the bot itself, and one run of the weekly deliveries."""

    def run_bot(
        self,
        desk: Desk,
        settings: Settings,
        *,
        webhook_url: str | None,
        listen: str | None,
        port: int | None,
    ) -> int:
        from handlers.app import run_bot

        return run_bot(desk, settings, webhook_url=webhook_url, listen=listen, port=port)

    def send_due(self, desk: Desk, settings: Settings, as_of: datetime | None) -> int:
        """``desk digests run``: the summaries and watchlist alerts due now, then exit."""
        import asyncio

        from handlers.app import build_application, configure_logging, telegram_failures
        from handlers.delivery import send_due_digests
        from handlers.watches import send_watch_alerts

        configure_logging(settings)  # what was sent, retried or given up goes to the log

        async def run() -> int:
            app = build_application(desk, settings)
            async with app:  # initialises the bot and its rate limiter; no polling
                report = await send_due_digests(
                    app.bot,
                    desk,
                    as_of or desk.now(),
                    grace=timedelta(hours=settings.digest_grace_hours),
                )
                # Watchlist alerts go out on the same runs: what changed since each chat's last.
                alerts = await send_watch_alerts(app.bot, desk)
            print(report.summary())
            print(alerts.summary())
            return 0 if report.failed == 0 and alerts.failed == 0 else 1

        with telegram_failures(settings):
            return asyncio.run(run())


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, telegram=Telegram())


if __name__ == "__main__":
    sys.exit(main())
