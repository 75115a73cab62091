"""Route a command line to its answer function: the one entry point for bot and console.

>>> from bot.desk import Desk
>>> from bot.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> split_command("/who@DefectionDeskBot Kung Raiya")
('who', 'Kung Raiya')
>>> answer_text(desk, "/frobnicate").ok
False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answer import Answer, fail
from bot.answers.catalog import (
    answer_about,
    answer_help,
    answer_parties,
    answer_sources,
    answer_start,
)
from bot.answers.on import answer_on
from bot.answers.summary import answer_summary
from bot.answers.total import answer_total
from bot.answers.who import answer_who
from bot.desk import Desk

MAX_ARGUMENT = 500
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)

ANSWERS: dict[str, Callable[[Desk, str], Answer]] = {
    "who": answer_who,
    "total": answer_total,
    "on": answer_on,
    "summary": answer_summary,
    "parties": lambda desk, _args: answer_parties(desk),
    "sources": lambda desk, _args: answer_sources(desk),
    "about": lambda desk, _args: answer_about(desk),
    "help": lambda desk, _args: answer_help(desk),
    "start": lambda desk, _args: answer_start(desk),
}


def split_command(text: str) -> tuple[str, str] | None:
    """``/cmd@Bot args`` → ("cmd", "args"); None when the text is not a command."""
    m = _COMMAND.match(text.strip())
    if not m:
        return None
    return m[1].lower(), " ".join((m[2] or "").split())


def answer_text(desk: Desk, text: str) -> Answer:
    """Answer one line as the bot would."""
    parsed = split_command(text)
    if parsed is None:
        return fail(
            "help",
            "Send a command, for example /who Kung Raiya or /total Candlelight "
            "June. /help lists them all.",
        )
    command, args = parsed
    if command not in ANSWERS:
        return fail("help", f"I don't know /{command}. /help lists the commands.")
    if len(args) > MAX_ARGUMENT:
        return fail(
            command,
            f"That is too long for /{command} ({len(args):,} characters; at most {MAX_ARGUMENT}).",
        )
    return ANSWERS[command](desk, args)
