"""Route a command line to its answer function: the one entry point for bot and console.

>>> from bot.storage.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> split_command("/who@DefectionDeskBot Kung Raiya")
('who', 'Kung Raiya')
>>> print(to_plain(answer_text(desk, "/who@DefectionDeskBot kung raya")).splitlines()[0])
Kung Raiya
>>> answer_text(desk, "/frobnicate").ok
False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.commands.catalog import (
    answer_about,
    answer_help,
    answer_parties,
    answer_sources,
    answer_start,
)
from bot.commands.on import answer_on
from bot.commands.summary import answer_summary
from bot.commands.total import answer_total
from bot.commands.who import answer_who
from bot.core.answer import Answer, fail, italic
from bot.storage.desk import Desk

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
    "chart": lambda desk, args: _answer_chart(desk, args),
    "export": lambda desk, args: _answer_export(desk, args),
}
# Answers that Telegram gets as a file (handlers/files.py); elsewhere they answer in text.
FILE_COMMANDS = frozenset({"chart", "export"})
NOT_UNDERSTOOD = (
    "I didn't understand that, and I won't guess. Ask, for example, “how many Candlelight "
    "defections in June?”, “who is Kung Raiya”, “what happened on 26 June 2023”, or send a "
    "command: /help lists them."
)


def _answer_chart(desk: Desk, args: str) -> Answer:
    from bot.commands.chart import (
        answer_chart,  # late: bot.commands.chart imports this package's helpers
    )

    return answer_chart(desk, args)


def _answer_export(desk: Desk, args: str) -> Answer:
    from bot.commands.export import (
        answer_export,  # late: bot.commands.export imports this package's helpers
    )

    return answer_export(desk, args)


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
        return answer_question(desk, text)
    command, args = parsed
    if command not in ANSWERS:
        return fail("help", f"I don't know /{command}. /help lists the commands.")
    if len(args) > MAX_ARGUMENT:
        return fail(
            command,
            f"That is too long for /{command} ({len(args):,} characters; at most {MAX_ARGUMENT}).",
        )
    return ANSWERS[command](desk, args)


def interpret(desk: Desk, text: str) -> str | None:
    """The command a plain-language question asks for (bot.commands.questions), or None."""
    from bot.commands.questions import understand  # only for questions in words, not commands

    return understand(text, desk)


def answer_question(desk: Desk, text: str) -> Answer:
    """A question in words: the answer of the command it maps to, headed by that command, so
    the reader sees exactly what was looked up; a short help when it maps to none."""
    command = interpret(desk, text)
    if command is None:
        return fail("help", NOT_UNDERSTOOD)
    inner = answer_text(desk, command)
    answer = Answer(command=inner.command, ok=inner.ok, buttons=inner.buttons)
    answer.line(italic(f"Showing {command}"))
    answer.blank()
    answer.lines.extend(inner.lines)
    return answer
