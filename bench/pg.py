"""A PostgreSQL database for the benchmarks: ``DESK_TEST_POSTGRES_URL`` when set, otherwise a
throwaway server started the way tests/run.sh starts one (initdb in a temp dir, trust auth on
127.0.0.1, durability off; as the unprivileged user ``desktest`` when running as root), stopped
and removed afterwards. Each use gets a fresh schema (``search_path``), as the tests do.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from bench.common import log

PG_USER = "desktest"


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    candidates = [Path(found).resolve().parent] if found else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for d in candidates:
        if all((d / exe).exists() for exe in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_pg(cmd: list[str], home: str) -> list[str]:
    if os.getuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", "env", f"HOME={home}", *cmd]


@contextlib.contextmanager
def server() -> Iterator[str]:
    """A base URL (postgresql+psycopg://...) of a running server."""
    url = os.environ.get("DESK_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    pg_bin = _pg_bin()
    if pg_bin is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found")
    if os.getuid() == 0:
        subprocess.run(["id", "-u", PG_USER], check=True, capture_output=True)
    tmp = tempfile.mkdtemp(prefix="desk-bench-pg.")
    if os.getuid() == 0:
        shutil.chown(tmp, PG_USER)
    data = f"{tmp}/data"
    started = False
    try:
        subprocess.run(
            _as_pg(
                [
                    f"{pg_bin}/initdb", "-D", data, "-U", PG_USER, "--auth=trust",
                    "--encoding=UTF8", "--locale=C", "--no-sync",
                ],
                tmp,
            ),
            check=True, capture_output=True, cwd=tmp,
        )  # fmt: skip
        with open(f"{data}/postgresql.conf", "a") as conf:
            conf.write(
                "\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{tmp}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        port = _free_port()
        subprocess.run(
            _as_pg(
                [f"{pg_bin}/pg_ctl", "-D", data, "-l", f"{tmp}/server.log", "-o", f"-p {port}",
                 "-w", "-t", "60", "-s", "start"],
                tmp,
            ),
            check=True, capture_output=True, cwd=tmp,
        )  # fmt: skip
        started = True
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute('CREATE DATABASE "desk_bench"')
        log(f"started a throwaway PostgreSQL on port {port} ({tmp})")
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/desk_bench"
    finally:
        if started:
            subprocess.run(
                _as_pg([f"{pg_bin}/pg_ctl", "-D", data, "-m", "fast", "-w", "-s", "stop"], tmp),
                capture_output=True,
                cwd=tmp,
            )
            time.sleep(0.2)
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def fresh_schema(base: str) -> Iterator[str]:
    """A URL whose search_path is a new, empty schema (dropped afterwards)."""
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
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


def server_version(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar())
    finally:
        engine.dispose()
