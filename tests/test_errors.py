"""One error tree (bot/errors.py): drawn in its docstring, raised where the failures are, caught
by the ``desk`` command (one line, a documented exit status) and by the Telegram error handler."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

import bot.errors
from bot.cli import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_UNEXPECTED, _report
from bot.desk import Desk
from bot.errors import (
    DeskError,
    FileAccessError,
    InputError,
    PeriodError,
    Problem,
    ScheduleError,
    SettingsError,
    StorageError,
    explained,
)
from bot.settings import load_settings
from handlers.errors import SORRY
from tests.botrig import USER, running_bot
from tests.conftest import REPO
from tests.fake_bot_api import Call

# -------------------------------------------------------------------------------- the tree --


def drawn_tree() -> list[tuple[int, str, int | None]]:
    """(depth, class name, exit status written on its lines) for each class the docstring draws."""
    doc = bot.errors.__doc__ or ""
    block = doc.split("::\n\n", 1)[1].split("\n\n", 1)[0]  # the indented block after "::"
    drawn: list[tuple[int, str, int | None]] = []
    for line in block.splitlines():
        found = re.match(r"\s*((?:[│ ]   )*)(?:[├└]── )?([A-Z]\w+Error)\b", line)
        if found:
            depth = len(found[1]) // 4 + (1 if "──" in line else 0)
            drawn.append((depth, found[2], None))
        status = re.search(r"exit (\d+)\s*$", line)
        if status:
            depth, name, _ = drawn[-1]
            drawn[-1] = (depth, name, int(status[1]))
    return drawn


def real_tree(cls: type[DeskError] = DeskError, depth: int = 0) -> list[tuple[int, str]]:
    found = [(depth, cls.__name__)]
    for sub in cls.__subclasses__():
        if sub.__module__ == "bot.errors" and not sub.__name__.startswith("_"):
            found += real_tree(sub, depth + 1)
    return found


def test_the_docstring_draws_the_real_tree_with_each_exit_status() -> None:
    drawn = drawn_tree()
    assert [(depth, name) for depth, name, _ in drawn] == real_tree()
    for _, name, status in drawn:
        cls = getattr(bot.errors, name)
        if status is not None:  # a class drawn without one has its parent's
            assert cls.exit_code == status, name
    assert {name for _, name, _ in drawn} >= {
        "InputError",
        "PeriodError",
        "ScheduleError",
        "SettingsError",
        "StorageError",
    }


def test_the_five_old_roots_are_one_tree_and_keep_what_they_carry() -> None:
    for cls in (InputError, PeriodError, ScheduleError, SettingsError, StorageError):
        assert issubclass(cls, DeskError)
    # Words typed in stay ValueErrors: parsers that read several kinds of text catch them so.
    assert issubclass(PeriodError, ValueError) and issubclass(ScheduleError, ValueError)
    problem = Problem("data/x.txt", 3, "unknown party 'X'")
    assert InputError([problem]).problems == [problem]
    assert str(FileAccessError("b.json", "read", "Permission denied")) == (
        "cannot read b.json: Permission denied"
    )


def test_the_modules_raise_them_and_still_export_their_own() -> None:
    from bot.core.periods import parse_day
    from bot.delivery.weekly import parse_schedule

    with pytest.raises(DeskError) as period:
        parse_day("31/06/2023", default_year=2023)
    assert type(period.value) is PeriodError
    with pytest.raises(DeskError) as schedule:
        parse_schedule("25:00", default_timezone="UTC")
    assert type(schedule.value) is ScheduleError
    with pytest.raises(DeskError) as settings:
        load_settings({"DESK_TIMEZONE": "Mars/Olympus"}, env_file=None)
    assert type(settings.value) is SettingsError and "DESK_TIMEZONE" in str(settings.value)
    for module, name in [
        ("bot.core.periods", "PeriodError"),
        ("bot.delivery.weekly", "ScheduleError"),
        ("bot.settings", "SettingsError"),
    ]:
        assert getattr(importlib.import_module(module), name) is getattr(bot.errors, name)


def test_backup_of_a_database_without_schema_is_a_storage_error(tmp_path: Path) -> None:
    from bot.ingest.backup import backup
    from bot.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    out = io.StringIO()
    with pytest.raises(StorageError, match="never set up"):
        backup(engine, out)
    assert out.getvalue() == ""  # refused before a byte was written
    engine.dispose()


def test_outside_failures_the_desk_can_put_in_words(tmp_path: Path) -> None:
    from bot.storage.engine import make_engine

    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()  # a database "file" that is a folder: SQLite cannot open it
    engine = make_engine(f"sqlite:///{folder}")
    with pytest.raises(OperationalError) as caught:
        engine.connect()
    engine.dispose()
    error = explained(caught.value)
    assert isinstance(error, StorageError) and error.exit_code == 2
    assert str(error) == (
        "cannot use the database (unable to open database file); check DESK_DATABASE_URL"
    )
    assert explained(RuntimeError("a bug")) is None


# --------------------------------------------------------------------------- the CLI -------


def run_desk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "TELEGRAM_BOT_TOKEN"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_database_that_does_not_answer_is_one_line_exit_2() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    result = run_desk("ask", "/total", DESK_DATABASE_URL="postgresql://desk@127.0.0.1:1/desk")
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("desk: cannot use the database (")
    assert line.endswith("); check DESK_DATABASE_URL")


def test_health_never_exits_2_which_docker_reserves(tmp_path: Path) -> None:
    result = run_desk(
        "health", DESK_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", DESK_TIMEZONE="Mars/Olympus"
    )
    assert result.returncode == 1
    assert "DESK_TIMEZONE: unknown timezone" in result.stderr
    assert "Traceback" not in result.stderr


def test_digests_without_a_token_say_so_and_set_nothing_up(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    result = run_desk("digests", "run", DESK_DATABASE_URL=f"sqlite:///{db}")
    assert result.returncode == 2
    assert result.stderr == (
        "desk: TELEGRAM_BOT_TOKEN is not set; digests need the bot to send them.\n"
    )
    assert not db.exists()


def test_the_readme_documents_every_exit_status() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit status", 1)[1].split("\n#", 1)[0]
    documented = {int(n) for n in re.findall(r"^\| (\d+) \|", table, re.M)}
    used = {cls.exit_code for cls in walk(DeskError)}
    used |= {EXIT_UNEXPECTED, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE}
    assert documented == {0} | used


def walk(cls: type[DeskError]) -> list[type[DeskError]]:
    return [cls] + [c for sub in cls.__subclasses__() for c in walk(sub)]


def report(error: Exception, token: str | None = None) -> tuple[int, str]:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token or ""}, env_file=None)
    with contextlib.redirect_stderr(io.StringIO()) as said:
        status = _report(error, settings)
    return status, said.getvalue()


@pytest.mark.parametrize(
    ("error", "status", "said"),
    [
        (PeriodError("31/06/2023 is not a date."), 1, "desk: 31/06/2023 is not a date.\n"),
        (
            InputError([Problem("a.txt", 2, "unknown party 'X'")]),
            1,
            "desk: nothing was changed; the input has problems:\n  a.txt:2: unknown party 'X'\n",
        ),
        (
            FileAccessError("b.json", "read", "Is a directory"),
            1,
            "desk: cannot read b.json: Is a directory\n",
        ),
        (SettingsError("bad configuration:\n  X: y"), 2, "desk: bad configuration:\n  X: y\n"),
        (StorageError("no database at /x"), 2, "desk: no database at /x\n"),
    ],
)
def test_every_desk_error_is_its_words_and_its_status(
    error: Exception, status: int, said: str
) -> None:
    assert report(error) == (status, said)


def test_anything_else_is_one_line_naming_a_bug_without_the_token() -> None:
    token = "123456:SECRET-token"
    status, said = report(RuntimeError(f"The token `{token}` was rejected by the server."), token)
    assert status == EXIT_UNEXPECTED
    assert said == (
        "desk: unexpected error (RuntimeError: The token `<secret>` was rejected by the "
        "server.). This is a bug; please report it (DESK_LOG_LEVEL=DEBUG shows the details).\n"
    )


# ----------------------------------------------------------------- the Telegram error handler --

FAILURES: dict[str, Exception] = {
    "period": PeriodError("31/06/2023 is not a date: June 2023 has 30 days."),
    "input": InputError([Problem("upload.txt", 2, "unknown party 'Candlelite Party'")]),
    "storage": StorageError("cannot use the database (connection refused at db.internal:5432)"),
    "bug": RuntimeError("internal detail that no chat should see"),
}


def said(text: str) -> Callable[[Call], bool]:
    return lambda call: call.ok and call.params["text"] == text


async def test_the_error_handler_sends_words_a_chat_can_use(desk: Desk) -> None:
    async def fail(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        raise FAILURES[update.effective_message.text.removeprefix("!fail ")]

    expected = {
        "period": "31/06/2023 is not a date: June 2023 has 30 days.",
        "input": "Nothing was changed; the input has problems:\n"
        "upload.txt:2: unknown party 'Candlelite Party'",
        "storage": "Sorry, the desk's database is not answering right now. Please try again later.",
        "bug": SORRY,
    }
    async with running_bot(desk) as rig:
        # A handler of the test's own, in front of the real ones: the real error handler.
        rig.app.add_handler(MessageHandler(filters.Regex(r"^!fail "), fail), group=-100)
        for name, text in expected.items():
            rig.fake.push_message(USER, USER, f"!fail {name}")
            await rig.fake.wait_for("sendMessage", predicate=said(text))
    sent = " ".join(c.params["text"] for c in rig.calls("sendMessage", USER))
    assert "db.internal" not in sent and "internal detail" not in sent
    assert rig.rejected() == []
