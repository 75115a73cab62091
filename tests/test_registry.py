"""The command registry drives every list: the README's table, the Telegram handlers and menus,
/help; and what the console decides (chat commands say why not, the operator may change data)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from telegram.ext import CommandHandler

from bot.commands import answer_text
from bot.commands.registry import (
    BY_NAME,
    COMMANDS,
    CONSOLE_ID,
    TELEGRAM,
    Chat,
    Command,
    console_chat,
    help_lines,
    menu,
    readme_table,
)
from bot.core.render import to_plain
from bot.desk import Desk
from bot.storage.models import Change, Claim, Subscription, Watch
from handlers.app import build_application
from handlers.menus import commands
from tests.botrig import settings_for
from tests.conftest import REPO, make_database

CHAT_COMMANDS = ["subscribe", "unsubscribe", "subscription", "watch", "watches", "unwatch"]


def readme_commands_table() -> str:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| command | answers |"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return "\n".join(lines[start:end])


def test_the_readme_table_is_the_registry() -> None:
    assert readme_commands_table() == readme_table(), (
        "README.md's command table differs from the registry; paste this instead:\n"
        + readme_table()
    )


def test_the_readme_table_names_every_command_once() -> None:
    named = re.findall(r"^\| `/(\w+)", readme_commands_table(), re.MULTILINE)
    assert named == [c.name for c in COMMANDS]


def test_every_command_exists_in_the_registry_once() -> None:
    assert len(BY_NAME) == len(COMMANDS)
    assert set(BY_NAME) >= {
        "who", "total", "on", "summary", "chart", "export", "parties", "sources", "about",
        "help", "start", "subscribe", "unsubscribe", "subscription", "watch", "watches",
        "unwatch", "add", "undo", "changes",
    }  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    desk = Desk.open(f"sqlite:///{tmp_path_factory.mktemp('registry') / 'desk.sqlite3'}")
    yield desk
    desk.engine.dispose()


def test_the_bot_has_one_command_handler_per_registry_command_and_no_other(seeded: Desk) -> None:
    app = build_application(seeded, settings_for("http://127.0.0.1:9"))
    handled = [
        name
        for handler in app.handlers[0]
        if isinstance(handler, CommandHandler)
        for name in sorted(handler.commands)
    ]
    assert handled == [c.name for c in COMMANDS]


def test_menus_are_the_registry_commands_offered_there() -> None:
    for scope in ("private", "group"):
        assert [(c.command, c.description) for c in commands(scope)] == menu(scope)
        assert [name for name, _ in menu(scope)] == [c.name for c in COMMANDS if scope in c.menu]
    # /start has Telegram's own button; the admins' commands are not for everyone's menu.
    assert {"start", "add", "undo", "changes"}.isdisjoint(name for name, _ in menu("private"))


def test_help_lists_every_menu_command_and_no_other(seeded: Desk) -> None:
    lines = to_plain(answer_text(seeded, "/help")).splitlines()
    listed = [line for line in lines if line.startswith("/")]
    assert listed == [f"{usage} — {what}" for usage, what in help_lines()]
    assert [usage for usage, _ in help_lines()] == [
        c.usage for c in COMMANDS if c.menu - {"desk admins"}
    ]
    start = to_plain(answer_text(seeded, "/start"))
    assert start.endswith(to_plain(answer_text(seeded, "/help")))


def test_a_record_that_contradicts_itself_is_refused() -> None:
    answer = BY_NAME["who"].answer
    with pytest.raises(ValueError, match="a file to send"):
        Command("pic", "/pic", "a picture", answer, sends="photo")
    with pytest.raises(ValueError, match="a refusal"):
        Command("lock", "/lock", "admins only", answer, who="desk admins")
    with pytest.raises(ValueError, match="elsewhere"):
        Command("here", "/here", "chats only", answer, where=TELEGRAM)
    with pytest.raises(ValueError, match="usage that starts with its name"):
        Command("who2", "/who NAME", "a person", answer)
    with pytest.raises(ValueError, match="a name Telegram takes"):
        Command("Who-Is", "/Who-Is", "a person", answer)
    with pytest.raises(ValueError, match="help line"):
        Command("long", "/long", "x" * 257, answer)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    for url in make_database(request.param, tmp_path):
        desk = Desk.open(url)
        yield desk
        desk.engine.dispose()


@pytest.mark.parametrize("name", CHAT_COMMANDS)
def test_chat_commands_say_in_the_console_why_not_and_change_nothing(
    fresh: Desk, name: str
) -> None:
    command = BY_NAME[name]
    assert "console" not in command.where
    answer = answer_text(fresh, f"{command.usage.split()[0]} Candlelight")
    assert not answer.ok
    assert to_plain(answer) == command.elsewhere
    assert "Telegram chat" in command.elsewhere and "console" in command.elsewhere
    with fresh.session() as s:
        assert s.scalar(select(func.count()).select_from(Subscription)) == 0
        assert s.scalar(select(func.count()).select_from(Watch)) == 0


def test_the_console_operator_may_add_and_undo(fresh: Desk) -> None:
    with fresh.session() as s:
        before = s.scalar(select(func.count()).select_from(Claim))
    added = answer_text(fresh, "/add 01/07/2023 12 Funcinpec")
    assert added.ok, to_plain(added)
    with fresh.session() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == (before or 0) + 1
        change = s.scalars(select(Change).order_by(Change.id.desc())).first()
    assert change is not None
    assert (change.actor_id, change.actor) == (CONSOLE_ID, console_chat().user)
    assert change.actor.startswith("console")
    assert f"· {change.actor} · add" in to_plain(answer_text(fresh, "/changes"))
    # A Telegram admin's /undo does not take back the console's change, and the reverse.
    someone = Chat(77, "private", 77, "@editor (77)")
    assert not answer_text(fresh, "/undo", someone).ok
    assert answer_text(fresh, "/undo").ok
    with fresh.session() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == before
