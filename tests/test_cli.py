"""The ``desk`` command as a journalist or operator runs it: real processes, real SQLite files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage.migrate import HEAD
from tests.conftest import REPO


def desk(
    *args: str, db: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{db}", **env}
    environment.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=REPO,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "desk.sqlite3"
    result = desk("load", db=path)
    assert result.returncode == 0, result.stderr
    assert "claims +110 added" in result.stdout
    return path


def test_ask_prints_the_answer_and_exits_0(db: Path) -> None:
    result = desk("ask", "/who Kung Raiya", db=db)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Kung Raiya"
    assert "<b>" not in result.stdout


def test_ask_exits_1_on_unanswerable_without_traceback(db: Path) -> None:
    for question in ("/on 31/06/2023", "/who Nobody Anywhere", "/total Zzyzx"):
        result = desk("ask", question, db=db)
        assert result.returncode == 1, question
        assert "Traceback" not in result.stderr + result.stdout


def test_ask_on_an_empty_database_loads_bundled_data_first(tmp_path: Path) -> None:
    result = desk("ask", "/total", db=tmp_path / "fresh.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "6,476 in 110 reports" in result.stdout


def test_reload_reports_nothing_changed(db: Path) -> None:
    result = desk("load", db=db)
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing changed (110 claims in the database).")


def test_load_error_names_file_and_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# source: pgm-claims-2023h1\n01/07/2023 3 Candlelite Party\n")
    result = desk("load", str(bad), db=db)
    assert result.returncode == 1
    assert f"{bad}:2: unknown party 'Candlelite Party'" in result.stderr
    assert "nothing was changed" in result.stderr


def test_check_prints_the_quality_report(db: Path) -> None:
    result = desk("check", db=db)
    assert result.returncode == 0
    assert "110 rows, 6,476 defectors claimed" in result.stdout
    assert "states 6,473" in result.stdout


def test_chat_reads_questions_and_runs_numbered_choices(db: Path) -> None:
    result = desk("chat", db=db, stdin="/who Bunthorn\n1\nquit\n")
    assert result.returncode == 0
    assert "matches more than one person" in result.stdout
    assert "→ /who " in result.stdout


def test_run_without_token_explains_and_offers_the_console(db: Path) -> None:
    result = desk("run", db=db, stdin="/total CNRP\n")
    assert result.returncode == 0
    assert "@BotFather" in result.stderr
    assert "380 claimed defectors" in result.stdout


def test_bad_settings_are_one_clear_line(tmp_path: Path) -> None:
    result = desk("ask", "/help", db=tmp_path / "x.sqlite3", DESK_TIMEZONE="Mars/Olympus")
    assert result.returncode == 2
    assert "DESK_TIMEZONE: unknown timezone 'Mars/Olympus'" in result.stderr
    assert "Traceback" not in result.stderr


def test_migrate_reports_revision(tmp_path: Path) -> None:
    result = desk("migrate", db=tmp_path / "m.sqlite3")
    assert result.returncode == 0 and f"Schema at revision {HEAD}" in result.stdout
