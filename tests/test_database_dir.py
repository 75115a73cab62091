"""Where an SQLite database may be created: the default file's folder under the user's data
directory is made on first use; a URL someone wrote must name a folder that already exists."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from bot.settings import SettingsError
from bot.storage.engine import make_engine
from tests.conftest import REPO


def desk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DESK_DATABASE_URL", "XDG_DATA_HOME", "TELEGRAM_BOT_TOKEN")
    }
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=REPO,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_missing_folder_in_an_explicit_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        make_engine(f"sqlite:///{tmp_path}/missing/sub/desk.sqlite3")
    assert f"{tmp_path}/missing/sub" in str(caught.value) and "does not exist" in str(caught.value)
    assert not (tmp_path / "missing").exists()


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    with pytest.raises(SettingsError, match="not a folder"):
        make_engine(f"sqlite:///{tmp_path}/plain/desk.sqlite3")


def test_desk_creates_no_folder_for_an_explicit_url() -> None:
    top = Path(f"/nonexistent-{uuid.uuid4().hex[:8]}")
    result = desk("ask", "/total", env={"DESK_DATABASE_URL": f"sqlite:///{top}/dir/x.sqlite3"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("desk: ") and "Traceback" not in result.stderr
    assert f"{top}/dir" in result.stderr
    assert not top.exists()


def test_the_default_database_folder_is_made_under_xdg_data_home(tmp_path: Path) -> None:
    data_home = tmp_path / "xdg"
    result = desk("ask", "/total", env={"XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "6,476 in 110 reports" in result.stdout
    folder = data_home / "defection-desk"
    assert (folder / "desk.sqlite3").is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # chat ids live there


def test_the_default_database_folder_is_made_under_home(tmp_path: Path) -> None:
    result = desk("ask", "/total", env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".local" / "share" / "defection-desk" / "desk.sqlite3").is_file()


def test_a_default_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    result = desk(
        "ask", "/total", env={"XDG_DATA_HOME": str(blocked / "data"), "HOME": str(tmp_path)}
    )
    assert result.returncode == 2 and result.stderr.startswith("desk: "), result.stderr
    assert "cannot create the database folder" in result.stderr and "Traceback" not in result.stderr
