"""Every ``desk`` subcommand on an empty database does what the README's table says it does.

The README's "The `desk` command" table has a column "on an empty database"; each of its claims
is one of the phrases below, and each phrase has a check. Every subcommand the parser knows is
run in a real process against a database that was never set up (a new SQLite file, or an empty
PostgreSQL schema), and the database and files it leaves are looked at afterwards.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import delete, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bot.cli import _parser
from bot.ingest.backup import backup
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import HEAD, current_revision, upgrade
from bot.storage.models import Claim
from tests.conftest import REPO
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

BUNDLED_CLAIMS = 110


def readme_claims() -> dict[str, str]:
    """Subcommand ("ask", "digests run", ...) -> its "on an empty database" cell."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The `desk` command", 1)[1].split("\n## ", 1)[0]
    claims: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `desk "):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        assert len(cells) == 3, line
        words = cells[0].strip("`").split()[1:]
        name = " ".join(words[:2]) if words[0] == "digests" else words[0]
        claims[name] = cells[2]
    return claims


def subcommands() -> set[str]:
    """What ``desk --help`` offers, with digests' one action."""
    parser = _parser()
    (sub,) = [a for a in parser._actions if a.dest == "cmd"]
    assert isinstance(sub.choices, dict)
    return {"digests run" if name == "digests" else name for name in sub.choices}


@dataclass
class Case:
    """How to run one subcommand in a test: its arguments, its input, what else it needs."""

    args: Callable[[Path], list[str]]
    stdin: str | None = None
    token: bool = False  # needs a Bot API (the fake) and a token
    outputs: Callable[[Path], list[Path]] = field(default=lambda tmp: [])  # files it writes


CASES: dict[str, Case] = {
    "run": Case(lambda tmp: ["run"], stdin="/total\n"),  # no token: the console
    "chat": Case(lambda tmp: ["chat"], stdin="/total\n"),
    "ask": Case(lambda tmp: ["ask", "/total"]),
    "load": Case(lambda tmp: ["load"]),
    "digests run": Case(lambda tmp: ["digests", "run"], token=True),
    "chart": Case(
        lambda tmp: ["chart", "-o", str(tmp / "chart.png")], outputs=lambda tmp: [tmp / "chart.png"]
    ),
    "check": Case(lambda tmp: ["check"]),
    "migrate": Case(lambda tmp: ["migrate"]),
    "health": Case(lambda tmp: ["health"]),
    "export": Case(
        lambda tmp: ["export", "-o", str(tmp / "claims.csv")],
        outputs=lambda tmp: [tmp / "claims.csv"],
    ),
    "backup": Case(lambda tmp: ["backup", str(tmp / "backup.json")]),
    "restore": Case(lambda tmp: ["restore", str(tmp / "saved.json")]),
    "intake": Case(lambda tmp: ["intake", "-", "--json"], stdin="Nine CLP members joined the CPP."),
}


def test_the_readme_has_a_claim_for_every_subcommand_and_the_test_a_case() -> None:
    assert set(readme_claims()) == subcommands() == set(CASES)


@dataclass
class After:
    """What one run left behind."""

    status: int
    stdout: str
    stderr: str
    revision: str | None
    claims: int
    tables: int
    file_exists: bool  # SQLite: the database file; PostgreSQL: always True
    written: list[Path]


def saved_backup(tmp: Path) -> int:
    """A backup whose claims differ from the bundled data's (those under 100 left out)."""
    engine = make_engine(f"sqlite:///{tmp / 'source.sqlite3'}")
    upgrade(engine)
    load_paths(engine)
    with Session(engine) as s, s.begin():
        s.execute(delete(Claim).where(Claim.number < 100))
        kept = s.scalar(select(func.count(Claim.id))) or 0
    with (tmp / "saved.json").open("w", encoding="utf-8") as out:
        backup(engine, out)
    engine.dispose()
    (tmp / "source.sqlite3").unlink()
    return kept


def run(name: str, url: str, tmp: Path) -> After:
    case = CASES[name]
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["DESK_DATABASE_URL"] = url
    with FakeBotAPI() if case.token else contextlib.nullcontext() as fake:
        if fake is not None:
            env.update(TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN, TELEGRAM_API_URL=fake.url)
        result = subprocess.run(
            [sys.executable, "-m", "handlers.entry", *case.args(tmp)],
            cwd=REPO,
            env=env,
            input=case.stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
    database = make_url(url).database
    file_exists = make_url(url).get_backend_name() != "sqlite" or Path(database or "").exists()
    revision, claims, tables = None, 0, 0
    if file_exists:
        engine = make_engine(url)
        with engine.connect() as conn:
            tables = len(inspect(conn).get_table_names())
        revision = current_revision(engine)
        if revision is not None:
            with Session(engine) as s:
                claims = s.scalar(select(func.count(Claim.id))) or 0
        engine.dispose()
    written = [p for p in case.outputs(tmp) if p.exists()]
    return After(
        result.returncode,
        result.stdout,
        result.stderr,
        revision,
        claims,
        tables,
        file_exists,
        written,
    )


def expected_status(claim: str) -> int:
    found = re.search(r"\(exit (\d+)\)", claim.split(" (without", 1)[0])
    return int(found[1]) if found else 0


def check(name: str, claim: str, after: After, tmp: Path, kept: int) -> None:
    """The README's claim for ``name`` holds for what the run left behind."""
    said = f"{name}: README says {claim!r}; got {after}"
    assert after.status == expected_status(claim), said
    assert "Traceback" not in after.stderr, said
    if claim.startswith("sets it up and loads the bundled data") or claim.startswith(
        "sets it up and loads the files named (default: the bundled data)"
    ):
        assert (after.revision, after.claims) == (HEAD, BUNDLED_CLAIMS), said
        assert after.written == CASES[name].outputs(tmp), said  # and wrote what it should
    elif claim.startswith("creates the schema only"):
        assert (after.revision, after.claims) == (HEAD, 0), said
    elif claim.startswith("creates nothing"):
        assert not after.file_exists or after.tables == 0, said
        assert not [p.name for p in tmp.iterdir() if p.name != "saved.json"], said
        if claim.startswith("creates nothing; reports it"):
            assert after.stdout.startswith("unhealthy: "), said
        elif claim.startswith("creates nothing; refuses"):
            assert "nothing to back up" in after.stderr, said
        else:
            raise AssertionError(f"no check for {said}")
    elif claim.startswith("sets it up and restores the file (no bundled data)"):
        assert (after.revision, after.claims) == (HEAD, kept), said
        assert kept not in (0, BUNDLED_CLAIMS)
    else:
        raise AssertionError(f"no check for {said}")


@pytest.fixture
def empty(db_url: str, tmp_path: Path) -> Iterator[tuple[str, Path, int]]:
    """A database that was never set up, a folder for files, and the claims in saved.json."""
    files = tmp_path / "files"
    files.mkdir()
    kept = saved_backup(files)
    url = db_url
    if make_url(db_url).get_backend_name() == "sqlite":
        url = f"sqlite:///{files.parent / 'db' / 'desk.sqlite3'}"  # outside the files folder
        (files.parent / "db").mkdir()
    yield url, files, kept


@pytest.mark.parametrize("name", sorted(CASES))
def test_on_an_empty_database(name: str, empty: tuple[str, Path, int]) -> None:
    url, files, kept = empty
    claim = readme_claims()[name]
    check(name, claim, run(name, url, files), files, kept)
