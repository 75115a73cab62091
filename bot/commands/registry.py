"""Every command, once: its name, usage, help line, answer, what it sends, who may use it and
where it works. The Telegram handlers, the console, ``desk ask``, the Telegram command menu,
/help and the README's command table are all built from :data:`COMMANDS`.

>>> BY_NAME["total"].usage
'/total [PARTY] [PERIOD]'
>>> [c.name for c in COMMANDS if c.who == "desk admins"][:3]
['add', 'undo', 'intake_add']
>>> [c.name for c in COMMANDS if "console" not in c.where][:3]
['subscribe', 'unsubscribe', 'subscription']
>>> help_lines()[0]
('/who NAME', 'a person: roles, dated events, claims naming them (/who Kung Raiya)')

A new command is one answer module in ``bot/commands/``, one :class:`Command` below, and its
tests; :func:`readme_table` gives the README's table with it (tests/test_registry.py prints the
table to paste when the README's differs).

Answer modules that import the ORM, matplotlib or the CSV writer are imported when their
command runs, not here: ``desk ask`` imports this module for every question.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.commands.catalog import (
    answer_about,
    answer_help,
    answer_parties,
    answer_sources,
    answer_start,
)
from bot.commands.compare import answer_compare
from bot.commands.deep_links import command_line
from bot.commands.on import answer_on
from bot.commands.people import answer_people
from bot.commands.said import answer_said
from bot.commands.summary import answer_summary
from bot.commands.top import answer_top
from bot.commands.total import answer_total
from bot.commands.who import answer_who
from bot.core.answer import Answer
from bot.core.i18n import N_, _
from bot.desk import Desk

Sends = Literal["text", "photo", "document"]
Who = Literal["anyone", "group admins", "desk admins"]
Place = Literal["private", "group", "console"]
# The Telegram command menus: private chats, groups, a group's administrators, and the private
# chats of the desk's admins. An administrator's menu adds to the group's, a desk admin's to the
# private chats' (Telegram shows a user the narrowest scope that has a menu, not a merge).
MenuScope = Literal["private", "group", "group admins", "desk admins"]
MENU_SCOPES: tuple[MenuScope, ...] = ("private", "group", "group admins", "desk admins")
_WIDER: dict[MenuScope, tuple[MenuScope, ...]] = {
    "group admins": ("group",),
    "desk admins": ("private",),
}

EVERYWHERE: frozenset[Place] = frozenset({"private", "group", "console"})
TELEGRAM: frozenset[Place] = frozenset({"private", "group"})
PRIVATE: frozenset[Place] = frozenset({"private", "console"})
BOTH_MENUS: frozenset[MenuScope] = frozenset({"private", "group"})
# What changes a group's settings: offered to its administrators, not to every member.
ADMIN_MENUS: frozenset[MenuScope] = frozenset({"private", "group admins"})
DESK_MENU: frozenset[MenuScope] = frozenset({"desk admins"})
NO_MENU: frozenset[MenuScope] = frozenset()
# Telegram never gives a chat the id 0: the console's chat (and the change log's actor id for
# changes made at the console) can never be mistaken for a real chat.
CONSOLE_ID = 0


@dataclass(frozen=True)
class Chat:
    """Where a line was typed and by whom: a Telegram chat, or the console.

    >>> Chat(-100, "supergroup", 7, "@editor (7)").place
    'group'
    """

    id: int
    type: str  # Telegram's chat type (private, group, supergroup, channel), or "console"
    user_id: int | None
    user: str  # who typed it, as the change log names them
    # Telegram's language_code of the user (the first guess at the chat's language, see
    # bot.commands.language), or the console's language (--lang, DESK_LANGUAGE).
    language_code: str | None = None
    thread_id: int | None = None  # the forum topic it was typed in (message_thread_id)

    @property
    def place(self) -> Place:
        if self.type == "console":
            return "console"
        return "private" if self.type == "private" else "group"


def console_chat(language_code: str | None = None) -> Chat:
    """The console's chat: its operator owns the database, so may use every command there;
    answered in ``language_code`` (default: English)."""
    try:
        who = f"console ({getpass.getuser()})"
    except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
        who = "console"
    return Chat(CONSOLE_ID, "console", CONSOLE_ID, who, language_code)


@dataclass(frozen=True)
class Attachment:
    """A picture or file a command sends in Telegram, with its caption."""

    data: bytes
    filename: str
    caption: Answer


# What a command's answer gets: the desk, the words after the command, and the chat.
AnswerFn = Callable[[Desk, str, Chat], Answer]
FileFn = Callable[[Desk, str], Attachment | Answer]


@dataclass(frozen=True)
class Command:
    """One command. ``answer`` gives the text (the console's reply, and Telegram's when
    ``sends`` is "text"); ``file`` gives the picture or document Telegram gets instead.

    ``who``: "group admins" may change a group's settings (anyone may in a private chat);
    "desk admins" are the ids in DESK_ADMIN_IDS, and the console's operator. ``refusal`` is what
    anyone else is told. ``where`` lists the places it works; ``elsewhere`` is what the others
    are told. ``menu``: the Telegram menus that offer it (:data:`MenuScope`); /help lists
    every command in a menu but the desk's admins'. ``changes_data``: it changes what the desk
    stores (claims, a chat's summary or watches), so an edit of its message is not run again
    (see :data:`EDITED_CHANGE`).
    """

    name: str
    usage: str
    help: str
    answer: AnswerFn
    sends: Sends = "text"
    file: FileFn | None = None
    who: Who = "anyone"
    refusal: str = ""
    where: frozenset[Place] = EVERYWHERE
    elsewhere: str = ""
    menu: frozenset[MenuScope] = BOTH_MENUS
    changes_data: bool = False

    def __post_init__(self) -> None:
        problems = [
            problem
            for problem, wrong in (
                (
                    "a file to send exactly when it sends a photo or document",
                    (self.file is None) != (self.sends == "text"),
                ),
                (
                    "a refusal exactly when not anyone may use it",
                    bool(self.refusal) != (self.who != "anyone"),
                ),
                (
                    "who: group admins or desk admins, as it changes data",
                    self.changes_data and self.who == "anyone",
                ),
                (
                    "an `elsewhere` text exactly when it does not work everywhere",
                    bool(self.elsewhere) != (self.where != EVERYWHERE),
                ),
                ("a usage that starts with its name", self.usage.split()[0] != f"/{self.name}"),
                (
                    "a name Telegram takes (a-z, 0-9, _; at most 32)",
                    not re.fullmatch(r"[a-z0-9_]{1,32}", self.name),
                ),
                (
                    "a help line of 1-256 characters (the menu's limit)",
                    not 0 < len(self.help) <= 256,
                ),
            )
            if wrong
        ]
        if problems:
            raise ValueError(f"/{self.name} needs " + "; ".join(problems))


# ------------------------------------------------------------------------- adapters --
# Each answer function takes what it needs; these give them the (desk, args, chat) shape.


def _args(fn: Callable[[Desk, str], Answer]) -> AnswerFn:
    def answer(desk: Desk, args: str, _chat: Chat) -> Answer:
        return fn(desk, args)

    return answer


def _parties(desk: Desk, _args: str, _chat: Chat) -> Answer:
    return answer_parties(desk)


def _sources(desk: Desk, _args: str, _chat: Chat) -> Answer:
    return answer_sources(desk)


def _about(desk: Desk, _args: str, _chat: Chat) -> Answer:
    return answer_about(desk)


def _help(_desk: Desk, _args: str, _chat: Chat) -> Answer:
    return answer_help(help_lines())


def _start(desk: Desk, args: str, chat: Chat) -> Answer:
    """The greeting; with a deep link's parameter (``/start who_kung-raiya``), its answer."""
    line = command_line(args) if args else None
    if line is None:  # none, or not one of ours: the greeting
        return answer_start(help_lines())
    name, _, rest = line.removeprefix("/").partition(" ")
    return BY_NAME[name].answer(desk, rest, chat)


def _chart_text(desk: Desk, args: str, _chat: Chat) -> Answer:
    from bot.commands.chart import answer_chart

    return answer_chart(desk, args)


def _chart_file(desk: Desk, args: str) -> Attachment | Answer:
    from bot.commands.chart import make_chart

    chart = make_chart(desk, args)
    if isinstance(chart, Answer):
        return chart
    return Attachment(chart.png, chart.filename, chart.caption)


def _export_text(desk: Desk, args: str, _chat: Chat) -> Answer:
    from bot.commands.export import answer_export

    return answer_export(desk, args)


def _export_file(desk: Desk, args: str) -> Attachment | Answer:
    from bot.commands.export import export_rows

    rows = export_rows(desk, args)
    if isinstance(rows, Answer):
        return rows
    return Attachment(rows.data, rows.filename, rows.caption)


def _subscribe(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.commands.subscriptions import answer_subscribe

    return answer_subscribe(desk, chat.id, chat.type, chat.user_id, args, chat.thread_id)


def _unsubscribe(desk: Desk, _args: str, chat: Chat) -> Answer:
    from bot.commands.subscriptions import answer_unsubscribe

    return answer_unsubscribe(desk, chat.id)


def _subscription(desk: Desk, _args: str, chat: Chat) -> Answer:
    from bot.commands.subscriptions import answer_subscription

    return answer_subscription(desk, chat.id)


def _language(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.commands.language import answer_language

    return answer_language(desk, chat, args)


def _watch(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.delivery.watchlists import answer_watch

    return answer_watch(desk, chat.id, chat.type, chat.user_id, args, chat.thread_id)


def _watches(desk: Desk, _args: str, chat: Chat) -> Answer:
    from bot.delivery.watchlists import answer_watches

    return answer_watches(desk, chat.id)


def _unwatch(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.delivery.watchlists import answer_unwatch

    return answer_unwatch(desk, chat.id, args)


def _add(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.commands.curation import add_claim

    return add_claim(desk, _actor_id(chat), chat.user, args)


def _undo(desk: Desk, _args: str, chat: Chat) -> Answer:
    from bot.commands.curation import undo_last

    return undo_last(desk, _actor_id(chat), chat.user)


def _changes(desk: Desk, _args: str, _chat: Chat) -> Answer:
    from bot.commands.curation import recent_changes

    return recent_changes(desk)


def _proposal(name: str, args: str) -> tuple[int, str] | Answer:
    """The proposal id an intake button's command starts with, and the rest."""
    from bot.core.answer import fail

    first, _sep, rest = args.partition(" ")
    if not first.isdigit() or len(first) > 12:
        return fail(
            "intake", _("Send /{name} with a proposal's number, e.g. /{name} 12.").format(name=name)
        )
    return int(first), rest


def _intake_add(desk: Desk, args: str, chat: Chat) -> Answer:
    from bot.commands.intake import add_proposal

    found = _proposal("intake_add", args)
    if isinstance(found, Answer):
        return found
    return add_proposal(desk, found[0], _actor_id(chat), chat.user)


def _intake_edit(desk: Desk, args: str, _chat: Chat) -> Answer:
    from bot.commands.intake import edit_proposal

    found = _proposal("intake_edit", args)
    return found if isinstance(found, Answer) else edit_proposal(desk, *found)


def _intake_skip(desk: Desk, args: str, _chat: Chat) -> Answer:
    from bot.commands.intake import skip_proposal

    found = _proposal("intake_skip", args)
    return found if isinstance(found, Answer) else skip_proposal(desk, found[0])


def _lookup(desk: Desk, args: str, _chat: Chat) -> Answer:
    from bot.commands.intake import look_up

    return look_up(desk, args)


def _actor_id(chat: Chat) -> int:
    assert chat.user_id is not None, "who: desk admins lets only a known user in"
    return chat.user_id


# ------------------------------------------------------------------------- commands --

GROUP_SUMMARY = N_(
    "Sorry, only this group's administrators can change its weekly summary. "
    "/subscription shows what is set."
)
GROUP_WATCHES = N_(
    "Sorry, only this group's administrators can change what it watches. /watches lists it."
)
DESK_ADMINS = N_("Sorry, only the desk's admins can change the data.")
# The change log names the desk's admins with their Telegram ids: for them, and not before a
# group's members.
CHANGE_LOG_ADMINS = N_("Sorry, only the desk's admins can see the change log.")
CHANGE_LOG_PRIVATE = N_(
    "The change log names the desk's admins: an admin can see it with /changes in a private "
    "chat with the bot."
)
# Telegram sends an edited message again. A change ran when its message was first sent, so
# running the edit would repeat it (an /add edited from 5 to 6 would leave both rows); applying
# it as a correction would need each message tied to the change it made, and a /subscribe or
# /watch edit would quietly change a chat's settings. A new command is as quick, and says what
# it does.
EDITED_CHANGE = N_(
    "Edited messages are not run again for /{name}, which changes data: the message was "
    "handled when it was first sent. To change something, send a new command (/undo reverts "
    "your last /add or upload; /subscription and /watches show what this chat has)."
)
NO_SUMMARY_HERE = N_(
    "Weekly summaries are set for a Telegram chat and sent there: use /subscribe, "
    "/unsubscribe and /subscription in the chat with the bot. The console is not a chat the "
    "bot can send to, so it has no summary."
)
NO_WATCHES_HERE = N_(
    "Watchlists belong to a Telegram chat and their alerts are sent there: use /watch, "
    "/watches and /unwatch in the chat with the bot. The console is not a chat the bot can "
    "send to, so it watches nothing."
)

GROUP_LANGUAGE = N_(
    "Sorry, only this group's administrators can change the language it is answered in."
)
NO_LANGUAGE_HERE = N_(
    "The console's language is set when it starts: desk ask --lang km, desk chat --lang km, "
    "or DESK_LANGUAGE=km."
)

COMMANDS: tuple[Command, ...] = (
    Command(
        "who",
        "/who NAME",
        N_("a person: roles, dated events, claims naming them (/who Kung Raiya)"),
        _args(answer_who),
    ),
    Command(
        "total",
        "/total [PARTY] [PERIOD]",
        N_("claimed defectors (/total Candlelight June, /total CNRP 2023)"),
        _args(answer_total),
    ),
    Command(
        "top",
        "/top [WHAT] [PARTY] [PERIOD]",
        N_(
            "rankings: parties by claimed defectors, largest claims, busiest days, weeks, months "
            "(/top May, /top claims June, /top weeks Candlelight)"
        ),
        _args(answer_top),
    ),
    Command(
        "compare",
        "/compare A vs B",
        N_(
            "two parties or two periods side by side (/compare CLP vs FUNCINPEC May, "
            "/compare May vs June)"
        ),
        _args(answer_compare),
    ),
    Command(
        "people",
        "/people WHAT [PARTY] [PERIOD]",
        N_(
            "people by what happened to them or what they are: fled, arrested, jailed, resigned, "
            "defected, named, spokesperson, leader (/people fled, /people named May)"
        ),
        _args(answer_people),
    ),
    Command(
        "said",
        "/said NAME|PARTY",
        N_("what someone said, in our words, dated and cited (/said Sok Eysan, /said CPP)"),
        _args(answer_said),
    ),
    Command(
        "on",
        "/on DATE",
        N_("claims reported on a day or range (/on 29/06/2023, /on 26-30 June 2023)"),
        _args(answer_on),
    ),
    Command(
        "summary",
        "/summary [WEEK]",
        N_("a week's claims by party (/summary 26/06/2023, /summary 2023-W26)"),
        _args(answer_summary),
    ),
    Command(
        "chart",
        "/chart [PARTY] [PERIOD]",
        N_("claimed defectors per week, as a picture (/chart Candlelight)"),
        _chart_text,
        sends="photo",
        file=_chart_file,
    ),
    Command(
        "export",
        "/export [PARTY] [PERIOD]",
        N_("the rows behind a figure as a CSV file (/export CNRP June)"),
        _export_text,
        sends="document",
        file=_export_file,
    ),
    Command("parties", "/parties", N_("every party with its claimed totals"), _parties),
    Command(
        "subscribe",
        "/subscribe [DAY] [HH:MM] [TZ]",
        N_("weekly summary in this chat (default Monday 09:00)"),
        _subscribe,
        who="group admins",
        refusal=GROUP_SUMMARY,
        where=TELEGRAM,
        elsewhere=NO_SUMMARY_HERE,
        menu=ADMIN_MENUS,
        changes_data=True,
    ),
    Command(
        "unsubscribe",
        "/unsubscribe",
        N_("stop the weekly summary"),
        _unsubscribe,
        who="group admins",
        refusal=GROUP_SUMMARY,
        where=TELEGRAM,
        elsewhere=NO_SUMMARY_HERE,
        menu=ADMIN_MENUS,
        changes_data=True,
    ),
    Command(
        "subscription",
        "/subscription",
        N_("what is set and when the next summary is due"),
        _subscription,
        where=TELEGRAM,
        elsewhere=NO_SUMMARY_HERE,
    ),
    Command(
        "watch",
        "/watch NAME|PARTY",
        N_("a message here whenever records naming them are added or corrected"),
        _watch,
        who="group admins",
        refusal=GROUP_WATCHES,
        where=TELEGRAM,
        elsewhere=NO_WATCHES_HERE,
        menu=ADMIN_MENUS,
        changes_data=True,
    ),
    Command(
        "watches",
        "/watches",
        N_("what this chat watches"),
        _watches,
        where=TELEGRAM,
        elsewhere=NO_WATCHES_HERE,
    ),
    Command(
        "unwatch",
        "/unwatch NAME|PARTY",
        N_("stop watching"),
        _unwatch,
        who="group admins",
        refusal=GROUP_WATCHES,
        where=TELEGRAM,
        elsewhere=NO_WATCHES_HERE,
        menu=ADMIN_MENUS,
        changes_data=True,
    ),
    Command(
        "language",
        "/language [en|km]",
        N_("answer in English or Khmer (ភាសាខ្មែរ) in this chat"),
        _language,
        who="group admins",
        refusal=GROUP_LANGUAGE,
        where=TELEGRAM,
        elsewhere=NO_LANGUAGE_HERE,
        changes_data=True,
    ),
    Command("sources", "/sources", N_("where the data comes from"), _sources),
    Command(
        "about", "/about", N_("what the data is and is not: read before quoting a figure"), _about
    ),
    Command("help", "/help", N_("this list"), _help),
    # Also what a forwarded post or pasted text gets from anyone who is not a desk admin.
    Command(
        "lookup",
        "/lookup TEXT",
        N_("what the record holds about the people and parties a text names (read-only)"),
        _lookup,
        menu=NO_MENU,
    ),
    # Not in the menus: Telegram shows a Start button, and /help says the same.
    Command("start", "/start", N_("a greeting and the command list"), _start, menu=NO_MENU),
    # The desk's admins' commands: in their own menu; /help mentions them in a closing line.
    Command(
        "add",
        "/add DD/MM/YYYY NUMBER PARTY [(including ...)]",
        N_("add one claim, read like a row of the claims table (/add 01/07/2023 12 Funcinpec)"),
        _add,
        who="desk admins",
        refusal=DESK_ADMINS,
        menu=DESK_MENU,
        changes_data=True,
    ),
    Command(
        "undo",
        "/undo",
        N_("revert your last /add, table upload or intake Add"),
        _undo,
        who="desk admins",
        refusal=DESK_ADMINS,
        menu=DESK_MENU,
        changes_data=True,
    ),
    # An intake review's buttons (bot.commands.intake): Add, Edit, Skip a proposed claim.
    Command(
        "intake_add",
        "/intake_add ID",
        N_("add a proposed claim from a reviewed report (the review's Add button)"),
        _intake_add,
        who="desk admins",
        refusal=DESK_ADMINS,
        menu=NO_MENU,
        changes_data=True,
    ),
    Command(
        "intake_edit",
        "/intake_edit ID [FIELD VALUE]",
        N_("change a field of a proposed claim before adding it (/intake_edit 12 number 700)"),
        _intake_edit,
        who="desk admins",
        refusal=DESK_ADMINS,
        menu=NO_MENU,
        changes_data=True,
    ),
    Command(
        "intake_skip",
        "/intake_skip ID",
        N_("skip a proposed claim: nothing is added"),
        _intake_skip,
        who="desk admins",
        refusal=DESK_ADMINS,
        menu=NO_MENU,
        changes_data=True,
    ),
    Command(
        "changes",
        "/changes",
        N_("the change log: who changed what, when"),
        _changes,
        who="desk admins",
        refusal=CHANGE_LOG_ADMINS,
        where=PRIVATE,
        elsewhere=CHANGE_LOG_PRIVATE,
        menu=DESK_MENU,
    ),
)
BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
assert len(BY_NAME) == len(COMMANDS), "two commands share a name"


def help_lines() -> list[tuple[str, str]]:
    """(usage, help line) of every command a Telegram menu offers, in the registry's order
    (the desk's admins' own commands apart: /help names them in a closing line)."""
    return [(c.usage, c.help) for c in COMMANDS if c.menu - DESK_MENU]


def menu(scope: MenuScope) -> list[tuple[str, str]]:
    """(name, description) for one Telegram command menu, in the registry's order and the
    current language (bot.core.i18n); an administrators' menu holds the wider one's commands
    too.

    >>> [name for name, _ in menu("desk admins")][-3:]
    ['add', 'undo', 'changes']
    >>> "subscribe" in dict(menu("group")), "subscribe" in dict(menu("group admins"))
    (False, True)
    """
    scopes = {scope, *_WIDER.get(scope, ())}
    return [(c.name, _(c.help)) for c in COMMANDS if scopes & c.menu]


_SENDS = {"text": "text", "photo": "a picture (PNG)", "document": "a CSV file"}
_WHO = {
    "anyone": "anyone",
    "group admins": "anyone; in a group, only its administrators",
    "desk admins": "the desk's admins (`DESK_ADMIN_IDS`) and the console's operator",
}


def _where(c: Command) -> str:
    if c.where == EVERYWHERE:
        return "Telegram, console"
    if c.where == PRIVATE:
        return "Telegram (private chats), console"
    return "Telegram" if c.where == TELEGRAM else ", ".join(sorted(c.where))


def readme_table() -> str:
    """The README's command table (tests/test_registry.py holds the README to it)."""
    rows = [
        "| command | answers | sends (in Telegram) | who may use it | works in |",
        "|---|---|---|---|---|",
    ]
    for c in COMMANDS:
        usage = c.usage.replace("|", "\\|")
        rows.append(f"| `{usage}` | {c.help} | {_SENDS[c.sends]} | {_WHO[c.who]} | {_where(c)} |")
    return "\n".join(rows)
