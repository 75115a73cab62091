"""A PostgreSQL database for the benchmarks: ``DESK_TEST_POSTGRES_URL`` when set, otherwise a
server started the way tests/run.sh starts one (initdb, trust auth on 127.0.0.1, durability off;
as the unprivileged user ``desktest`` when running as root) and stopped afterwards.

``server()`` is a throwaway one (a temp dir, removed afterwards); ``server(keep=True)`` keeps its
cluster in bench/out/pg between runs, so the big datasets (:func:`dataset_url`) are loaded once.
Either way no server outlives the benchmark. ``fresh_schema`` gives each use an empty schema
(``search_path``), as the tests do.
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

from bench.common import log, out_dir
from bench.datasets import Dataset

PG_USER = "desktest"
_EXISTS = "select 1 from pg_database where datname = %s"


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
def server(*, keep: bool = False) -> Iterator[str]:
    """A base URL (postgresql+psycopg://...) of a running server; ``keep``: its cluster stays in
    bench/out/pg (the server itself is stopped afterwards all the same)."""
    url = os.environ.get("DESK_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    pg_bin = _pg_bin()
    if pg_bin is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found")
    if os.getuid() == 0:
        subprocess.run(["id", "-u", PG_USER], check=True, capture_output=True)
    if keep:
        tmp = str(out_dir() / "pg")
        Path(tmp).mkdir(exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="desk-bench-pg.")
    if os.getuid() == 0:
        shutil.chown(tmp, PG_USER)
    data = f"{tmp}/data"
    started = False
    try:
        if not Path(data, "PG_VERSION").exists():
            _initdb(pg_bin, data, tmp)
        port = _free_port()
        subprocess.run(
            _as_pg(
                [f"{pg_bin}/pg_ctl", "-D", data, "-l", f"{tmp}/server.log", "-o",
                 f"-p {port} -k {tmp}", "-w", "-t", "60", "-s", "start"],
                tmp,
            ),
            check=True, capture_output=True, cwd=tmp,
        )  # fmt: skip
        started = True
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            if not conn.execute(_EXISTS, ("desk_bench",)).fetchone():
                conn.execute('CREATE DATABASE "desk_bench"')
        log(f"started PostgreSQL on port {port} ({tmp})")
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/desk_bench"
    finally:
        if started:
            subprocess.run(
                _as_pg([f"{pg_bin}/pg_ctl", "-D", data, "-m", "fast", "-w", "-s", "stop"], tmp),
                capture_output=True,
                cwd=tmp,
            )
            time.sleep(0.2)
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def _initdb(pg_bin: Path, data: str, tmp: str) -> None:
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
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        )


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


def dataset_url(base: str, dataset: Dataset) -> str:
    """A database of the server at ``base`` holding ``dataset``, loaded by ``load_paths`` (as
    ``desk load`` does) unless a database of the same fingerprint is there already."""
    import psycopg
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from bot.desk import Desk
    from bot.ingest.loader import load_paths

    name = f"desk_{dataset.name.replace('-', '_')}_{dataset.fingerprint}"
    url = make_url(base)
    admin = {"host": url.host, "port": url.port, "user": url.username, "dbname": "postgres"}
    with psycopg.connect(**admin, autocommit=True) as conn:  # type: ignore[arg-type]
        found = conn.execute(_EXISTS, (name,)).fetchone()
        if found:
            log(f"reusing PostgreSQL database {name}")
            return url.set(database=name).render_as_string(hide_password=False)
        conn.execute(f'CREATE DATABASE "{name}_loading"')
    target = url.set(database=f"{name}_loading").render_as_string(hide_password=False)
    desk = Desk.open(target, load_if_empty=False)
    log(f"loading {dataset.name} into PostgreSQL with load_paths")
    started = time.perf_counter()
    load_paths(desk.engine, [dataset.folder])
    with desk.engine.connect() as db:
        db.execute(text("analyze"))
        db.commit()
    desk.engine.dispose()
    log(f"loaded in {time.perf_counter() - started:.0f} s")
    with psycopg.connect(**admin, autocommit=True) as conn:  # type: ignore[arg-type]
        conn.execute(f'ALTER DATABASE "{name}_loading" RENAME TO "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)
