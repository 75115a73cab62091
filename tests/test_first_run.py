"""A first run cut short leaves a database the next ``desk`` command finishes setting up.

``desk ask`` on an empty database creates the schema and loads the bundled data. Here a real
``desk`` process is killed with SIGKILL at many points of that set-up: the set-up is measured
first (how many statements and commits it sends, counted by a SQLAlchemy event listener in the
child process), then one child per kill point is killed by that listener just before that
statement or commit runs. A plain ``desk ask`` on what each one left must answer correctly.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.desk import Desk
from bot.settings import SettingsError
from bot.storage.engine import make_engine
from bot.storage.migrate import HEAD, current_revision, upgrade
from bot.storage.models import Base
from tests.conftest import REPO, make_database

# Runs `desk` in a child that counts every statement and commit; with KILL_AT=n it kills
# itself (SIGKILL: no clean-up of any kind) just before the n-th; with COUNT_FILE it writes,
# at exit, how many there were and which of them were commits.
CHILD = r"""
import atexit, os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine

kill_at = int(os.environ.get("KILL_AT", "0"))
count_file = os.environ.get("COUNT_FILE")
seen = {"events": 0, "commits": []}

def step(kind):
    seen["events"] += 1
    if kind == "commit":
        seen["commits"].append(seen["events"])
    if seen["events"] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

event.listen(Engine, "before_cursor_execute", lambda *a: step("statement"))
event.listen(Engine, "commit", lambda *a: step("commit"))
if count_file:
    atexit.register(
        lambda: open(count_file, "w").write(" ".join(map(str, [seen["events"], *seen["commits"]])))
    )

from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""
QUESTION = "/total"
ANSWER = "6,476 in 110 reports"


def run_desk(url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DESK_DATABASE_URL": url, **env}
    environment.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


def kill_points(last: int, commits: list[int], count: int) -> list[int]:
    """``count`` points spread over the run (set-up, then a short answer), every commit among them."""
    spread = {1 + round(i * (last - 1) / (count - 1)) for i in range(count)}
    points = set(commits) | spread
    while len(points) > count:  # drop spread points nearest to another point
        removable = sorted(points - set(commits))
        points.discard(removable[len(removable) // 2])
    return sorted(points)


@contextlib.contextmanager
def fresh_database(backend: str, tmp_path: Path, name: str) -> Iterator[str]:
    folder = tmp_path / name
    folder.mkdir()
    yield from make_database(backend, folder)


@pytest.mark.parametrize(("backend", "kills"), [("sqlite", 20), ("postgresql", 8)])
def test_kill_9_during_first_run_leaves_a_database_desk_finishes(
    backend: str, kills: int, tmp_path: Path
) -> None:
    counts = tmp_path / "counts"
    with fresh_database(backend, tmp_path, "measure") as url:
        measured = run_desk(url, "ask", QUESTION, COUNT_FILE=str(counts))
    assert measured.returncode == 0 and ANSWER in measured.stdout, measured.stderr
    events, *commits = [int(n) for n in counts.read_text().split()]
    assert len(commits) >= 2  # the schema's transaction and the first load's
    points = kill_points(events, commits, kills)

    outcomes: dict[int, str] = {}
    for point in points:
        with fresh_database(backend, tmp_path, f"kill-{point}") as url:
            killed = run_desk(url, "ask", QUESTION, KILL_AT=str(point))
            assert killed.returncode == -9, (point, killed.stderr)
            after = run_desk(url, "ask", QUESTION)
            outcomes[point] = (
                "ok"
                if after.returncode == 0 and ANSWER in after.stdout
                else (after.stderr.strip().splitlines() or ["?"])[-1]
            )
    assert outcomes == {point: "ok" for point in points}


def test_a_failing_migration_leaves_no_half_made_schema(db_url: str) -> None:
    """A table in the way makes the last migration fail: the earlier ones are undone too."""
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE watches (id integer)"))
    with pytest.raises(Exception, match="watches"):
        upgrade(engine)
    assert set(inspect(engine).get_table_names()) == {"watches"}
    assert current_revision(engine) is None
    engine.dispose()


def half_made(url: str, *, with_data: bool) -> None:
    """What an interrupted first run of an earlier version left: Alembic's version table,
    empty, and some of the first migration's tables (each created in its own transaction)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL)"))
    made = [Base.metadata.tables[name] for name in ("meta", "people", "sources")]
    Base.metadata.create_all(engine, tables=made)
    if with_data:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('x', 'y')"))
    engine.dispose()


def test_a_half_made_schema_from_an_earlier_version_is_finished(db_url: str) -> None:
    half_made(db_url, with_data=False)
    desk = Desk.open(db_url)
    assert current_revision(desk.engine) == HEAD
    from bot.commands import answer_text
    from bot.core.render import to_plain

    assert ANSWER in to_plain(answer_text(desk, QUESTION))
    desk.engine.dispose()


def test_a_half_made_schema_holding_data_is_left_alone_with_a_clear_error(db_url: str) -> None:
    half_made(db_url, with_data=True)
    with pytest.raises(SettingsError, match="no schema revision"):
        Desk.open(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta")).scalar() == "y"
    engine.dispose()


def test_two_first_runs_at_once_both_answer(db_url: str) -> None:
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "handlers.entry", "ask", QUESTION],
            cwd=REPO,
            env={**os.environ, "DESK_DATABASE_URL": db_url},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for child in children:
        out, err = child.communicate(timeout=180)
        assert child.returncode == 0 and ANSWER in out, err
