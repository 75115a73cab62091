"""The one path from a line of text to its answer, for the console, ``desk ask`` and the bot.

>>> from bot.core.render import to_plain
>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> split_command("/who@DefectionDeskBot Kung Raiya")
('who', 'Kung Raiya')
>>> print(to_plain(answer_text(desk, "/who@DefectionDeskBot kung raya")).splitlines()[0])
Kung Raiya
>>> answer_text(desk, "/frobnicate").ok
False
>>> read(desk, "how many CNRP defections in June?").asked
'/total CNRP June 2023'

Any line, slash or not, is :func:`read` into a :class:`Route` (a command of
:mod:`bot.commands.registry` and its arguments, or a question in words read as one, or what
went wrong); :func:`not_here` says whether it works in this place; :func:`answer` (text) or
:func:`attachment` (Telegram's picture or file) runs it. Telegram adds only the checks it alone
can make (a group's administrators, the desk's admins) and the sending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.commands.common import khmer_names
from bot.commands.language import chat_language
from bot.commands.registry import BY_NAME, Attachment, Chat, Command, console_chat
from bot.core.answer import Answer, fail, italic, number
from bot.core.i18n import N_, _, in_language
from bot.desk import Desk

MAX_ARGUMENT = 500
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
NOT_UNDERSTOOD = N_(
    "I didn't understand that, and I won't guess. Ask, for example, “how many Candlelight "
    "defections in June?”, “who is Kung Raiya”, “what happened on 26 June 2023”, or send a "
    "command: /help lists them."
)


@dataclass(frozen=True)
class Route:
    """What a line asks for. ``command`` is None when ``problem`` says why nothing runs;
    ``asked`` is the command line a question in words was read as ("/total CNRP June 2023")."""

    command: Command | None
    args: str = ""
    asked: str | None = None
    problem: Answer | None = None


def split_command(text: str) -> tuple[str, str] | None:
    """``/cmd@Bot args`` → ("cmd", "args"); None when the text is not a command."""
    m = _COMMAND.match(text.strip())
    if not m:
        return None
    return m[1].lower(), " ".join((m[2] or "").split())


def parse(text: str) -> Route | None:
    """A command line's route, without reading any data; None when the text is no command.

    A ``@Bot`` suffix is dropped: in a private chat or the console the line can only be meant
    for us (in groups, Telegram's side ignores lines addressed to other bots).
    """
    parsed = split_command(text)
    if parsed is None:
        return None
    name, args = parsed
    command = BY_NAME.get(name)
    if command is None:
        return Route(
            None,
            args,
            problem=fail(
                "help", _("I don't know /{name}. /help lists the commands.").format(name=name)
            ),
        )
    if len(args) > MAX_ARGUMENT:
        return Route(
            command,
            args,
            problem=fail(
                name,
                _("That is too long for /{name} ({n} characters; at most {most}).").format(
                    name=name, n=number(len(args)), most=number(MAX_ARGUMENT)
                ),
            ),
        )
    return Route(command, args)


def interpret(desk: Desk, text: str) -> str | None:
    """The command a plain-language question asks for (bot.commands.questions), or None."""
    from bot.commands.questions import understand  # only for questions in words, not commands

    return understand(text, desk)


def read(desk: Desk, text: str) -> Route:
    """Any line's route: a command, or a question in words read as one."""
    route = parse(text)
    if route is not None:
        return route
    asked = interpret(desk, text)
    route = parse(asked) if asked is not None else None
    if route is None:
        return Route(None, problem=fail("help", _(NOT_UNDERSTOOD)))
    return Route(route.command, route.args, asked, route.problem)


def not_here(route: Route, chat: Chat) -> Answer | None:
    """Why the route's command does not run in this chat's place, or None when it may."""
    command = route.command
    if command is None or route.problem is not None or chat.place in command.where:
        return None
    return fail(command.name, _(command.elsewhere))


def answer(desk: Desk, route: Route, chat: Chat) -> Answer:
    """The route's answer as text. A question's answer is headed by the command it was read
    as, so the reader sees exactly what was looked up."""
    if route.problem is not None:
        return route.problem
    assert route.command is not None
    with khmer_names(desk):
        return _headed(route, route.command.answer(desk, route.args, chat))


def attachment(desk: Desk, route: Route, chat: Chat) -> Attachment | Answer:
    """The picture or file a route's command sends in Telegram, or the answer saying why not
    (the same text the console shows)."""
    command = route.command
    if route.problem is not None or command is None or command.file is None:
        return answer(desk, route, chat)
    with khmer_names(desk):
        result = command.file(desk, route.args)
    if isinstance(result, Answer):
        return _headed(route, result)
    if route.asked is not None:
        result.caption.lines.insert(0, (italic(_("Showing {asked}").format(asked=route.asked)),))
    return result


def _headed(route: Route, inner: Answer) -> Answer:
    if route.asked is None:
        return inner
    headed = Answer(
        command=inner.command,
        ok=inner.ok,
        buttons=inner.buttons,
        citations=inner.citations,
        share=inner.share,
    )
    headed.line(italic(_("Showing {asked}").format(asked=route.asked)))
    headed.blank()
    headed.lines.extend(inner.lines)
    return headed


def answer_text(desk: Desk, text: str, chat: Chat | None = None) -> Answer:
    """Answer one line, slash or not, as the console and ``desk ask`` do (by default in the
    console's chat, whose operator owns the database and so may use every command)."""
    chat = chat or console_chat()
    with in_language(chat_language(desk, chat)):
        route = read(desk, text)
        return not_here(route, chat) or answer(desk, route, chat)
