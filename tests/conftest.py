"""Shared fixtures: a real SQLite file and a real PostgreSQL server for every database test.

PostgreSQL comes from ``DESK_TEST_POSTGRES_URL`` (tests/run.sh starts a server and sets it).
Each test gets its own schema there, so tests never see each other's rows. Without the variable
the PostgreSQL cases are skipped locally, but fail under CI=true: CI must exercise both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

if TYPE_CHECKING:  # for annotations only: the fixtures import it when they run
    from bot.desk import Desk

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEED_TABLE = DATA / "claims" / "pgm-claims-2023h1.txt"
BACKENDS = ["sqlite", "postgresql"]


def _title(key: str) -> str:
    import yaml

    sources = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return str(next(s["title"] for s in sources if s["key"] == key))


# Titles are written only in data/sources.yaml: both are our bracketed descriptions.
ANALYSIS_TITLE = _title("pgm-claims-2023h1")
ANALYSIS_CITATION = f"Unattributed analysis, {ANALYSIS_TITLE}, c. July 2023"
CAMBOJA_CITATION = (
    f"Cambodian Journalists Alliance Association (CamboJA), {_title('camboja-2023-07-raiya')}, "
    "July 2023"
)


def _postgres_base() -> str:
    url = os.environ.get("DESK_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but DESK_TEST_POSTGRES_URL is not set: run tests via tests/run.sh")
        pytest.skip("PostgreSQL not configured (set DESK_TEST_POSTGRES_URL or use tests/run.sh)")
    return url


def make_database(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.sqlite3'}"
        return
    base = _postgres_base()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    yield from make_database(request.param, tmp_path)


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One database per kind loaded with the bundled data, shared by read-only tests."""
    from bot.desk import Desk

    for url in make_database(request.param, tmp_path_factory.mktemp(request.param)):
        Desk.open(url).engine.dispose()
        yield url


# Answers are computed as of this moment: the Monday after the last week with data.
FIXED_NOW = "2023-07-03T09:00:00+07:00"


@pytest.fixture(scope="session")
def desk(seeded_url: str) -> Iterator[Desk]:
    """A Desk over the seeded database (read-only use), with a fixed clock."""
    from datetime import datetime

    from bot.desk import Desk

    fixed = datetime.fromisoformat(FIXED_NOW)
    opened = Desk.open(seeded_url, clock=lambda: fixed)
    yield opened
    opened.engine.dispose()
