"""``desk chat``: an interactive console over the same answers the bot gives.

>>> import io
>>> from bot.desk import Desk
>>> out = io.StringIO()
>>> lines = "/who kung raya\\nwho is kung raya\\nquit\\n"
>>> chat(Desk.open("sqlite://"), io.StringIO(lines), out, prompt="")
>>> out.getvalue().count("Kung Raiya") > 1, "Showing /who kung raya" in out.getvalue()
(True, True)

Every line, slash or not, takes the bot's path (bot.commands.answer_text) in the console's chat
(bot.commands.registry.console_chat): its operator owns the database, so /add and /undo work
here; commands that act on a Telegram chat (/subscribe, /watch, ...) say why they do not.
Typing the number of an offered choice ("1") runs it, like pressing the button in Telegram.
"""

from __future__ import annotations

from typing import TextIO

from bot.commands import answer_text
from bot.commands.registry import console_chat
from bot.core.answer import Button
from bot.core.i18n import N_
from bot.core.render import to_plain
from bot.desk import Desk

GREETING = N_(
    "Defection Desk console — the same answers as the Telegram bot. "
    "Try /who Kung Raiya, /total Candlelight June, /on 29/06/2023, /help, or ask "
    "“how many CNRP defections in June?”. "
    "Ctrl-D or 'quit' leaves."
)


def chat(
    desk: Desk, stdin: TextIO, stdout: TextIO, *, prompt: str = "desk> ", language: str = "en"
) -> None:
    buttons: list[Button] = []
    here = console_chat(language)
    while True:
        if prompt:
            stdout.write(prompt)
            stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\n" if prompt else "")
            return
        text = line.strip()
        if not text:
            continue
        if text.lower() in ("quit", "exit", "q"):
            return
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            text = buttons[int(text) - 1].command
            stdout.write(f"→ {text}\n")
        answer = answer_text(desk, text, here)
        stdout.write(to_plain(answer) + "\n")
        buttons = answer.buttons
        for i, b in enumerate(buttons, start=1):
            stdout.write(f"  [{i}] {b.label}  ({b.command})\n")
        stdout.write("\n")
