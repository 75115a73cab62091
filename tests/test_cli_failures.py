"""Every way `desk` can fail for a reason outside the code says so in words, never a traceback:
files and folders it may not read or write, a database it cannot open, an address it cannot
listen on, a port or URL that is none, output closed early. Each status is the README's.

Permission cases lock files and folders with their mode bits. Root reads and writes anything
through two capabilities (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): run as root, the command
drops them first, so the mode bits hold for it as for anyone.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import EXIT_BROKEN_PIPE
from bot.errors import FileAccessError, explained
from tests.conftest import REPO

AS_ROOT = os.geteuid() == 0
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a loaded database in it."""
    path = Path(tmp_path_factory.mktemp("cli-failures"))
    result = run(path, "load", url=f"sqlite:///{path / 'desk.sqlite3'}")
    assert result.returncode == 0, result.stderr
    if AS_ROOT and run(path, "--help", url="sqlite://", restricted=True).returncode != 0:
        pytest.skip("root cannot drop its file capabilities here")
    return path


def without_file_capabilities() -> None:
    """In the child before it runs: root gives up reading and writing past mode bits."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run(
    cwd: Path,
    *args: str,
    url: str,
    restricted: bool = False,
    extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "TELEGRAM_"))}
    env |= {"DESK_DATABASE_URL": url, **(extra or {})}
    preexec: Callable[[], None] | None = (
        without_file_capabilities if restricted and AS_ROOT else None
    )
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


def locked(path: Path) -> Path:
    """``path`` made unreadable and unwritable by its mode."""
    os.chmod(path, 0o000)
    return path


def assert_said(result: subprocess.CompletedProcess[str], status: int, *fragments: str) -> None:
    said = result.stdout + result.stderr
    assert result.returncode == status, said
    assert "Traceback" not in said and 'File "' not in said, said
    lines = [line for line in result.stderr.splitlines() if line.startswith("desk: ")]
    assert len(lines) == 1, said
    for fragment in fragments:
        assert fragment in said, said


def test_files_and_folders_it_may_not_use(folder: Path) -> None:
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    secret_db = folder / "locked.sqlite3"
    secret_db.write_bytes(b"")
    locked(secret_db)
    closed = folder / "closed"
    closed.mkdir(exist_ok=True)
    os.chmod(closed, 0o500)  # no one may write in it
    table = folder / "table.txt"
    table.write_text("01/07/2023 5 Funcinpec\n")
    locked(table)
    cases: list[tuple[list[str], str, int, tuple[str, ...]]] = [
        (["ask", "/about"], f"sqlite:///{secret_db}", 2, ("cannot use the database",)),
        (["load", str(table)], url, 1, ("table.txt", "Permission denied")),
        (["backup", str(closed / "b.json")], url, 1, ("cannot write", "Permission denied")),
        (["export", "-o", str(closed / "c.csv")], url, 1, ("cannot write", "Permission denied")),
        (["chart", "-o", str(closed / "c.png")], url, 1, ("cannot write", "Permission denied")),
    ]
    for args, database, status, fragments in cases:
        assert_said(run(folder, *args, url=database, restricted=True), status, *fragments)


def test_an_env_file_it_may_not_read(folder: Path) -> None:
    env_file = folder / ".env"
    env_file.write_text("DESK_TIMEZONE=Asia/Phnom_Penh\n")
    locked(env_file)
    try:
        result = run(folder, "ask", "/about", url=f"sqlite:///{folder / 'desk.sqlite3'}", restricted=True)
    finally:
        env_file.unlink()
    assert_said(result, 1, "cannot use", ".env", "Permission denied")


def test_an_address_port_or_url_that_will_not_do(folder: Path) -> None:
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    token = {"TELEGRAM_BOT_TOKEN": "123456:TEST-TOKEN", "TELEGRAM_API_URL": "http://127.0.0.1:9"}
    hook = ["run", "--webhook", "https://bot.example.org/telegram/hook"]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert_said(
            run(folder, *hook, "--port", port, url=url, extra=token), 2, "cannot listen on", port
        )
    for args, fragment in [
        ([*hook, "--port", "99999"], "99999 is not a port number"),
        ([*hook, "--port", "0"], "0 is not a port number"),
        (["run", "--webhook", "bot.example.org/hook"], "is not a URL"),
    ]:
        result = run(folder, *args, url=url, extra=token)
        assert result.returncode == 2, result.stderr
        assert fragment in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_output_closed_early_is_quiet(folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "TELEGRAM_"))}
    env["DESK_DATABASE_URL"] = f"sqlite:///{folder / 'desk.sqlite3'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "handlers.entry", "export", "--format", "json"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # as `desk export | head -c 10` does
    error = process.stderr.read().decode()
    assert process.wait(60) == EXIT_BROKEN_PIPE, error
    assert error == "", error


def test_an_os_refusal_with_a_file_name_is_a_file_problem() -> None:
    error = explained(PermissionError(13, "Permission denied", "/etc/desk/.env"))
    assert isinstance(error, FileAccessError)
    assert str(error) == "cannot use /etc/desk/.env: Permission denied"
