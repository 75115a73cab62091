"""The operator side in deploy/: compose file, systemd units, container start-up, Dockerfile.

Docker itself cannot run here (no engine), so the image is checked by reading the Dockerfile,
and the container's start-up is checked by running its entrypoint with the real ``desk``
against a real PostgreSQL and the fake Telegram Bot API.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

from bot.settings import Settings, load_settings, setting_variables
from tests.conftest import REPO, make_database
from tests.fake_bot_api import FakeBotAPI

DEPLOY = REPO / "deploy"
VENV_BIN = Path(sys.executable).parent
IN_CI = os.environ.get("CI") == "true"
# The Compose Specification's JSON schema, vendored from the docker-compose 1.29.2 wheel on
# PyPI (compose/config/compose_spec.json; Apache-2.0): see tests/data/compose_spec.NOTICE.md.
COMPOSE_SCHEMA = REPO / "tests" / "data" / "compose_spec.json"


def skip_or_fail(reason: str) -> NoReturn:
    """Locally a missing tool skips; under CI=true every deploy check must really run."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment minus any desk settings of the developer's shell."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "TELEGRAM_"))}
    env.setdefault("NO_PROXY", "127.0.0.1,localhost")
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


# --------------------------------------------------------------------------------- compose --


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def compose_errors(document: dict[str, Any]) -> list[str]:
    from jsonschema import Draft201909Validator

    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    # The file names draft 2019-09 by a URI jsonschema does not recognise: choose it explicitly.
    Draft201909Validator.check_schema(schema)
    validator = Draft201909Validator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_compose_file_follows_the_compose_specification() -> None:
    assert compose_errors(compose()) == []


def test_compose_schema_check_is_not_vacuous() -> None:
    broken = compose()
    broken["services"]["bot"]["depends_on"]["postgres"]["condition"] = "healthy"
    broken["services"]["bot"]["restrat"] = "always"
    errors = compose_errors(broken)
    assert any("depends_on" in e for e in errors), errors
    assert any("restrat" in e for e in errors), errors


def test_compose_wires_bot_to_a_healthy_postgres() -> None:
    services = compose()["services"]
    bot, pg = services["bot"], services["postgres"]
    assert pg["image"] == "postgres:16"
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    volume = pg["volumes"][0].split(":")[0]
    assert volume in compose()["volumes"], "the database lives in a named volume"
    assert bot["env_file"] == ".env"
    assert "postgres:5432" in bot["environment"]["DESK_DATABASE_URL"]
    build = bot["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    # The password is interpolated from deploy/.env, and required rather than defaulted.
    assert "${POSTGRES_PASSWORD:?" in pg["environment"]["POSTGRES_PASSWORD"]
    assert "POSTGRES_PASSWORD" in env_example()


def test_the_env_file_with_secrets_is_never_committed() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        skip_or_fail("git or the repository's .git is not available")

    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO).returncode == 0

    assert ignored("deploy/.env")
    assert not ignored("deploy/.env.example")


# ------------------------------------------------------------------------------ .env.example --


def env_example() -> dict[str, str]:
    """KEY -> value of every ``KEY=value`` or ``#KEY=value`` line of deploy/.env.example."""
    found: dict[str, str] = {}
    for line in (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"#?([A-Z][A-Z0-9_]*)=(.*)", line)
        if match:
            found[match[1]] = match[2]
    return found


def test_env_example_lists_every_setting_with_its_default() -> None:
    example = env_example()
    variables = setting_variables()
    assert set(example) == set(variables) | {"POSTGRES_PASSWORD"}
    defaults = Settings()
    for variable, value in example.items():
        if variable in ("POSTGRES_PASSWORD", "TELEGRAM_BOT_TOKEN", "DESK_DATABASE_URL"):
            continue  # a placeholder to replace, or a default that depends on $XDG_DATA_HOME
        default = getattr(defaults, variables[variable])
        if value == "" and not default:
            continue  # unset means the empty default
        parsed = getattr(load_settings({variable: value}, env_file=None), variables[variable])
        assert parsed == default, (
            f"{variable}={value} in .env.example, but the default is {default!r}"
        )
    assert example["DESK_DATABASE_URL"].endswith("defection-desk/desk.sqlite3")


def test_env_example_has_one_comment_per_setting() -> None:
    lines = (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"#?[A-Z][A-Z0-9_]*=.*", line):
            before = lines[i - 1]
            assert before.startswith("# ") and len(before) > 10, f"no comment above {line!r}"


# ---------------------------------------------------------------------------------- systemd --

UNITS = ("desk.service", "desk-digests.service", "desk-digests.timer")


def unit(name: str) -> dict[str, list[str]]:
    """``Key`` -> values (keys may repeat) of a unit file, sections merged."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        skip_or_fail("systemd-analyze is not installed (tests/run.sh installs it when root)")
    # verify insists that ExecStart's program exists: point the units at this checkout's desk.
    desk = str(VENV_BIN / "desk")
    for name in UNITS:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("/opt/defection-desk/bin/desk", desk))
    result = subprocess.run(
        [analyze, "verify", *(f"./{name}" for name in UNITS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output
    # Unknown keys or misplaced options are only warnings, but warnings mean a mistake.
    assert not [line for line in output.splitlines() if any(n in line for n in UNITS)], output


def test_bot_service_is_hardened_and_restarts() -> None:
    service = unit("desk.service")
    assert service["ExecStart"] == ["/opt/defection-desk/bin/desk run"]
    assert service["Restart"] == ["on-failure"]
    assert service["User"] == ["desk"] and service["EnvironmentFile"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
    }.items():
        assert service[key] == [value], key


def test_digests_run_hourly_with_a_real_command() -> None:
    service, timer = unit("desk-digests.service"), unit("desk-digests.timer")
    assert service["Type"] == ["oneshot"]
    assert service["User"] == unit("desk.service")["User"]
    assert service["EnvironmentFile"] == unit("desk.service")["EnvironmentFile"]
    (command,) = service["ExecStart"]
    assert command.endswith(" digests run")
    assert timer["OnCalendar"] == ["hourly"] and timer["Persistent"] == ["true"]
    assert timer["Unit"] == ["desk-digests.service"]
    # The command the timer starts exists in this desk (it is another module's subcommand).
    args = shlex.split(command)[1:]
    result = subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args, "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------------------ reverse proxy --


def test_reverse_proxy_examples_forward_to_the_webhook_port() -> None:
    port, listen = Settings().webhook_port, Settings().webhook_listen
    for name in ("Caddyfile", "nginx.conf"):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        assert f"{listen}:{port}" in text, name
        assert "/telegram/" in text and "X-Telegram-Bot-Api-Secret-Token" in text, name
        assert "DESK_WEBHOOK_SECRET" in text, name


def test_reverse_proxy_examples_cap_the_body_at_the_bots_cap() -> None:
    from handlers.webhook import MAX_BODY

    units = {"": 1, "k": 2**10, "m": 2**20, "KiB": 2**10, "MiB": 2**20, "KB": 10**3, "MB": 10**6}
    patterns = {
        "Caddyfile": r"^\s*max_size\s+(\d+)(\w*)\s*$",
        "nginx.conf": r"^\s*client_max_body_size\s+(\d+)([km]?);",
    }
    for name, pattern in patterns.items():
        found = re.findall(pattern, (DEPLOY / name).read_text(encoding="utf-8"), re.MULTILINE)
        assert len(found) == 1, name
        ((number, unit),) = found
        assert 0 < int(number) * units[unit] <= MAX_BODY, name


# ------------------------------------------------------------------------------ container --


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    yield from make_database("postgresql", tmp_path)


@pytest.fixture
def fake_api() -> Iterator[FakeBotAPI]:
    fake = FakeBotAPI()
    fake.start_in_thread()
    fake.add_private_chat(42, first_name="Sokha")
    yield fake
    fake.stop()


def start_entrypoint(url: str, fake: FakeBotAPI, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    env = clean_env(DESK_DATABASE_URL=url, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_URL=fake.url)
    with log.open("wb") as out:  # a file, not a pipe: a chatty bot can never block on it
        return subprocess.Popen(
            ["/bin/sh", str(DEPLOY / "entrypoint.sh")],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen[bytes], log: Path) -> int:
    """SIGTERM, as `docker stop` sends; the bot must stop by itself within the grace period."""
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
        pytest.fail(f"desk run ignored SIGTERM:\n{log.read_text(errors='replace')}")


def serve_one_question(process: subprocess.Popen[bytes], fake: FakeBotAPI, log: Path) -> str:
    """Ask /total CNRP as a Telegram user would; returns the reply's text. The question is
    queued at once: the bot picks it up with its first getUpdates, as after a restart."""
    fake.push_message(42, 42, "/total CNRP")
    answered = len(fake.sent_texts(42)) + 1
    try:
        fake.wait_for_sync(
            "sendMessage",
            count=answered,
            timeout=90,
            predicate=lambda c: c.params.get("chat_id") == 42,
        )
    except TimeoutError:
        process.kill()
        pytest.fail(f"no reply from the bot:\n{log.read_text(errors='replace')}")
    reply = fake.sent_texts(42)[-1]
    assert reply is not None
    return reply


def test_entrypoint_migrates_loads_and_runs_the_bot(
    postgres_url: str, fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    for run, loaded in enumerate(("claims +110 added", "Nothing changed (110 claims")):
        # The second run is a restart (a new container on the same database).
        log = tmp_path / f"run{run}.log"
        process = start_entrypoint(postgres_url, fake_api, tmp_path, log)
        try:
            assert "380 claimed defectors" in serve_one_question(process, fake_api, log)
            # exec: the shell was replaced by `desk run`, which so gets the container's signals.
            cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
            assert b"run" in cmdline and not cmdline[0].endswith(b"sh"), cmdline
            assert stop(process, log) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
        output = log.read_text(errors="replace")
        assert "Schema at revision" in output
        assert loaded in output
        assert "Traceback" not in output


def test_entrypoint_runs_other_desk_commands_instead_of_the_bot(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    result = subprocess.run(
        ["/bin/sh", str(DEPLOY / "entrypoint.sh"), "ask", "/total CNRP"],
        cwd=tmp_path,
        env=clean_env(DESK_DATABASE_URL=f"sqlite:///{db}"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "380 claimed defectors" in result.stdout


def test_entrypoint_is_posix_sh() -> None:
    script = DEPLOY / "entrypoint.sh"
    assert script.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    for shell in ("dash", "sh"):
        path = shutil.which(shell)
        if path:
            result = subprocess.run([path, "-n", str(script)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr


# ------------------------------------------------------------------------------- health --


def desk(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "desk"), *args],
        cwd=REPO,
        env=clean_env(DESK_DATABASE_URL=url),
        capture_output=True,
        text=True,
        timeout=60,
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_health_exits_0_only_when_the_database_is_ready(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    result = desk("health", url=url)
    assert result.returncode == 1 and "no schema" in result.stdout
    assert desk("migrate", url=url).returncode == 0
    result = desk("health", url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: database answers")

    down = f"postgresql+psycopg://desk@127.0.0.1:{closed_port()}/desk"
    started = time.monotonic()
    result = desk("health", url=down)
    assert result.returncode == 1 and "does not answer" in result.stdout
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30


def test_health_on_postgresql(postgres_url: str) -> None:
    assert desk("migrate", url=postgres_url).returncode == 0
    result = desk("health", url=postgres_url)
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------------------ Dockerfile --


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in (DEPLOY / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        word, _, rest = (pending + line).partition(" ")
        instructions.append((word.upper(), rest.strip()))
        pending = ""
    return instructions


def final_stage() -> list[tuple[str, str]]:
    steps = dockerfile()
    last = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    return steps[last:]


def copy_args(args: str) -> tuple[dict[str, str], list[str], str]:
    """--flags, sources and destination of a COPY instruction (shell form)."""
    words = shlex.split(args)
    flags = dict(w[2:].split("=", 1) for w in words if w.startswith("--"))
    paths = [w for w in words if not w.startswith("--")]
    return flags, paths[:-1], paths[-1]


def test_dockerfile_runs_as_a_non_root_user_with_a_healthcheck() -> None:
    stage = final_stage()
    assert re.match(r"python:3\.11-slim", stage[0][1])
    users = [args for word, args in stage if word == "USER"]
    assert users, "the final stage needs a USER"
    assert users[-1].split(":")[0] not in ("root", "0")
    health = [args for word, args in stage if word == "HEALTHCHECK"]
    assert len(health) == 1 and "desk health" in health[0]
    entry = [args for word, args in stage if word == "ENTRYPOINT"]
    assert len(entry) == 1
    target = json.loads(entry[0])[0]  # exec form, so signals reach the process
    copies = [copy_args(args) for word, args in stage if word == "COPY"]
    sources = [src for _flags, srcs, dest in copies for src in srcs if dest.endswith(target)]
    assert sources == ["deploy/entrypoint.sh"]
    installs = [args for word, args in dockerfile() if word == "RUN" and "pip " in args]
    assert any("[postgres]" in args for args in installs), "the image needs the postgres extra"


def test_dockerfile_copies_only_files_that_exist_and_are_in_the_context() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    included = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    copied = []
    for word, args in dockerfile():
        if word != "COPY":
            continue
        flags, sources, _dest = copy_args(args)
        if "from" in flags:
            continue  # from another stage, not from the build context
        for source in sources:
            assert (REPO / source).exists(), f"COPY {source}: no such file in the repository"
            assert source.rstrip("/") in included, f"COPY {source}: excluded by .dockerignore"
            copied.append(source.rstrip("/"))
    # What the wheel is built from: the data must be there to be bundled as bot/bundled_data.
    assert {"pyproject.toml", "bot", "handlers", "data"} <= set(copied)


def test_a_non_editable_install_carries_the_bundled_data(tmp_path: Path) -> None:
    """What the image does: build the wheel, install it, and load the data from the install."""
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("defection_desk-*.whl")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    # PYTHONPATH puts the installed copy ahead of this checkout's editable install; the run is
    # outside the checkout, so a data/ folder beside the code would not be found by accident.
    env = clean_env(PYTHONPATH=str(site), DESK_DATABASE_URL=f"sqlite:///{tmp_path / 'd.sqlite3'}")
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import bot.ingest.bundled as b; print(b.__file__); print(b.bundled_data_dir())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    module, data = probe.stdout.split()
    assert module.startswith(str(site)) and data == str(site / "bot" / "bundled_data")
    load = subprocess.run(
        [sys.executable, "-m", "handlers.entry", "load"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert load.returncode == 0, load.stderr
    assert "claims +110 added" in load.stdout
