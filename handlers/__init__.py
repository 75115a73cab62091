"""Telegram handlers: thin adapters from an update to one answer function and back.

Each module serves one command family; :mod:`handlers.app` registers them all.
"""

import os

# python-telegram-bot 22.2+ returns durations (RetryAfter.retry_after, ...) as timedelta when
# asked, as its next major version will by default; otherwise each read warns. Code here
# takes either.
os.environ.setdefault("PTB_TIMEDELTA", "true")
