#!/usr/bin/env bash
# Defection Desk test runner -- the one command for developers and CI:
#
#     bash tests/run.sh [pytest args...]        e.g.  bash tests/run.sh -k matcher
#
# 1. creates .venv (if absent) and installs the project with its dev extra;
# 2. starts a throwaway PostgreSQL server on 127.0.0.1 (data dir in a fresh
#    temp dir, trust auth, database desk_test) and exports
#    DESK_TEST_POSTGRES_URL; the server and temp dir are removed on exit;
# 3. runs ruff, mypy (strict) on bot, handlers and tests, the catalog check, then pytest (in
#    DESK_TEST_WORKERS processes); stops at the first failure.
#
# Knobs (environment variables):
#   CI=true                  PostgreSQL is mandatory: fail if it can't be started.
#                            Otherwise a missing PostgreSQL only warns, and the
#                            PostgreSQL cases are skipped (SQLite only).
#   DESK_PG_BIN=DIR          use the server binaries (initdb, pg_ctl, postgres) in DIR.
#   DESK_TEST_POSTGRES_URL   already set: use that database, start no server.
#   DESK_NO_POSTGRES=1       don't start PostgreSQL (refused when CI=true).
#   DESK_SKIP_LINT=1         skip ruff and mypy (refused when CI=true).
#   DESK_TEST_WORKERS=N      pytest processes (pytest-xdist's -n; default 2, as CI has two
#                            cores; 0 runs the suite in this one process).
#   DESK_PIP_FORCE=1         re-run pip install even if pyproject.toml is unchanged.
#   PYTHON=python3.11        interpreter used to create .venv.
#
# As root (CI), a missing PostgreSQL is installed with apt-get, and the server
# runs as the unprivileged system user "desktest" (initdb refuses root).
# Likewise a missing systemd-analyze (package systemd), for the checks of the
# systemd units in deploy/ (tests/test_deploy.py; they skip without it, except under CI=true).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

IS_CI=0
case "${CI:-}" in true | True | TRUE | 1 | yes) IS_CI=1 ;; esac
IS_ROOT=0
[[ "$(id -u)" == 0 ]] && IS_ROOT=1

PG_USER_NAME=desktest # OS user (when root) and PostgreSQL superuser name
PG_DB_NAME=desk_test

# ---------------------------------------------------------------- helpers --

now() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        printf '%s\n' "${EPOCHREALTIME/,/.}"
    else
        date +%s
    fi
}
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

T_START="$(now)"
PHASE=""
PHASE_T0=""
SUMMARY=()
WARNINGS=()

phase() { # phase NAME DESCRIPTION...
    PHASE="$1"
    shift
    PHASE_T0="$(now)"
    printf '\n==> %s: %s\n' "$PHASE" "$*"
}
phase_ok() {
    local dt
    dt="$(since "$PHASE_T0")"
    printf '<== %s ok (%s)\n' "$PHASE" "$dt"
    SUMMARY+=("$PHASE $dt")
    PHASE=""
}
info() { printf '    %s\n' "$*"; }
warn() {
    printf '\n!!! WARNING: %s\n' "$*" >&2
    WARNINGS+=("$*")
}
die() {
    printf '\n!!! ERROR: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------- cleanup (EXIT trap) --

PG_TMP=""        # temp dir holding data dir, socket and logs
PG_BIN=""        # dir with initdb / pg_ctl / postgres
PG_RUN_AS=""     # OS user running the server ("" = ourselves)
PG_STARTED=0
POLICY_RC_CREATED=0

as_pg() { # run a PostgreSQL server command as the server's OS user
    local -a cmd=(env -u PGDATA -u PGPORT -u PGHOST -u PGHOSTADDR -u PGUSER
        -u PGDATABASE -u PGOPTIONS -u PGSERVICE -u PGSERVICEFILE -u PGPASSFILE)
    if [[ -z "$PG_RUN_AS" ]]; then
        "${cmd[@]}" "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$PG_RUN_AS" -- "${cmd[@]}" HOME="$PG_TMP" "$@"
    elif command -v setpriv >/dev/null 2>&1; then
        setpriv --reuid="$PG_RUN_AS" --regid="$PG_RUN_AS" --init-groups -- \
            "${cmd[@]}" HOME="$PG_TMP" "$@"
    else
        su -s /bin/sh "$PG_RUN_AS" -c "$(printf '%q ' "${cmd[@]}" HOME="$PG_TMP" "$@")"
    fi
}

stop_postgres() {
    [[ -n "$PG_TMP" ]] || return 0
    if [[ "$PG_STARTED" == 1 && -f "$PG_TMP/data/postmaster.pid" ]]; then
        local t0 pid
        t0="$(now)"
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 30 -s stop >/dev/null 2>&1; then
            as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 10 -s stop >/dev/null 2>&1 || true
        fi
        if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then # still there: kill our postmaster
            pid="$(head -n 1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)"
            [[ "$pid" =~ ^[0-9]+$ ]] && kill -9 "$pid" 2>/dev/null || true
            sleep 0.5
        fi
        printf '    PostgreSQL stopped (%s)\n' "$(since "$t0")"
    fi
    PG_STARTED=0
    rm -rf "$PG_TMP"
    PG_TMP=""
}

on_exit() {
    local rc=$?
    trap - EXIT
    set +e
    if [[ "$POLICY_RC_CREATED" == 1 ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    if [[ -n "$PG_TMP" ]]; then
        printf '\n==> cleanup\n'
        stop_postgres
    fi
    if [[ "$rc" != 0 && -n "$PHASE" ]]; then
        local hint=""
        [[ "$PHASE" == pytest && "$rc" == 5 ]] && hint=" -- pytest collected no tests"
        printf '\n<== %s FAILED (exit %s) after %s%s\n' "$PHASE" "$rc" "$(since "$PHASE_T0")" "$hint" >&2
    fi
    if ((${#SUMMARY[@]})); then
        printf '\n==> phases: %s\n' "$(printf '%s, ' "${SUMMARY[@]}" | sed 's/, $//')"
    fi
    local w
    for w in ${WARNINGS[@]+"${WARNINGS[@]}"}; do
        printf '!!! WARNING (repeated): %s\n' "$w" >&2
    done
    if [[ "$rc" == 0 ]]; then
        printf '==> tests/run.sh: all green in %s\n' "$(since "$T_START")"
    else
        printf '==> tests/run.sh: FAILED (exit %s) after %s\n' "$rc" "$(since "$T_START")" >&2
    fi
    exit "$rc"
}
# Long-running commands run as a waited-for child, so that a TERM (a CI
# timeout, say) runs the cleanup at once instead of after the command ends.
CHILD_PID=""
run_child() {
    (
        trap - INT QUIT
        exec "$@"
    ) <&0 &
    CHILD_PID=$!
    local rc=0
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    return "$rc"
}
on_signal() { # on_signal EXIT_CODE
    trap '' INT TERM HUP
    if [[ -n "$CHILD_PID" ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
        # Ctrl-C reached the child too: give it a moment to finish by itself.
        local _
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$CHILD_PID" 2>/dev/null || break
            [[ "$1" == 130 ]] || break
            sleep 0.5
        done
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    exit "$1"
}
trap on_exit EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# ------------------------------------------------------- 1. virtualenv ----

pick_python() {
    local c
    for c in "${PYTHON:-}" python3 python3.11 python3.12 python3.13; do
        if [[ -z "$c" ]] || ! command -v "$c" >/dev/null 2>&1; then continue; fi
        if "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    return 1
}

VENV="$ROOT/.venv"
VPY="$VENV/bin/python"

phase venv "virtualenv .venv and pip install -e '.[dev]'"
if ! [[ -x "$VPY" ]] || ! "$VPY" -m pip --version >/dev/null 2>&1; then
    PY="$(pick_python)" || die "no Python >= 3.11 found (set PYTHON=/path/to/python3.11)"
    info "creating .venv with $PY ($("$PY" --version 2>&1))"
    if ! "$PY" -m venv --clear "$VENV"; then
        # Debian's system python needs python3-venv for ensurepip.
        if [[ "$IS_ROOT" == 1 ]] && command -v apt-get >/dev/null 2>&1; then
            info "python -m venv failed; installing python3-venv with apt-get"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -q </dev/null
            apt-get install -y -q --no-install-recommends python3-venv </dev/null
            "$PY" -m venv --clear "$VENV"
        else
            die "'$PY -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)"
        fi
    fi
fi
"$VPY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die ".venv has Python < 3.11: remove it (rm -rf .venv) and re-run"
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"

# Skip the (network-touching) pip run when pyproject.toml hasn't changed since
# the last successful install; the install is editable, so code changes need none.
STAMP="$VENV/.desk-deps-installed"
want_stamp="$("$VPY" -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest(), sys.version.split()[0])')"
if [[ "${DESK_PIP_FORCE:-0}" != 1 && -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]] &&
    [[ -x "$VENV/bin/ruff" && -x "$VENV/bin/mypy" ]] &&
    "$VPY" -c 'import bot, handlers, pytest, psycopg' >/dev/null 2>&1; then
    info "dependencies up to date (pyproject.toml unchanged; DESK_PIP_FORCE=1 to reinstall)"
else
    rm -f "$STAMP"
    run_child "$VPY" -m pip install -q --disable-pip-version-check -e '.[dev]' </dev/null
    printf '%s\n' "$want_stamp" >"$STAMP"
fi
phase_ok

# Everything talks to the database on loopback: never through a proxy.
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"

# ------------------------------------------------------- 2. PostgreSQL ----

pg_bin_ok() { [[ -n "$1" && -x "$1/initdb" && -x "$1/pg_ctl" && -x "$1/postgres" ]]; }

find_pg_bin() { # sets PG_BIN; returns 1 if no server binaries are found
    PG_BIN=""
    if [[ -n "${DESK_PG_BIN:-}" ]]; then
        pg_bin_ok "$DESK_PG_BIN" || {
            warn "DESK_PG_BIN=$DESK_PG_BIN has no initdb/pg_ctl/postgres"
            return 1
        }
        PG_BIN="$(cd "$DESK_PG_BIN" && pwd)"
        return 0
    fi
    local exe p d
    for exe in pg_ctl initdb postgres; do # on PATH (following symlinks to the real dir)
        p="$(command -v "$exe" 2>/dev/null)" || continue
        for d in "$(dirname "$(readlink -f "$p" 2>/dev/null || printf '%s' "$p")")" "$(dirname "$p")"; do
            if pg_bin_ok "$d"; then
                PG_BIN="$d"
                return 0
            fi
        done
    done
    # Debian/Ubuntu (newest version first), RHEL/PGDG, source builds, Homebrew.
    local -a dirs=()
    local line
    while IFS= read -r line; do
        [[ -n "$line" ]] && dirs+=("$line")
    done < <(
        { ls -d /usr/lib/postgresql/*/bin /usr/pgsql-*/bin 2>/dev/null || true; } | sort -r -V 2>/dev/null
        printf '%s\n' /usr/local/pgsql/bin /opt/homebrew/opt/postgresql*/bin /usr/local/opt/postgresql*/bin
    )
    for d in ${dirs[@]+"${dirs[@]}"}; do
        if pg_bin_ok "$d"; then
            PG_BIN="$d"
            return 0
        fi
    done
    return 1
}

apt_install_postgres() {
    [[ "$IS_ROOT" == 1 ]] && command -v apt-get >/dev/null 2>&1 || return 1
    info "no PostgreSQL server binaries found: apt-get install postgresql"
    # Keep the package's own cluster from being started (we run our own server).
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d &&
            POLICY_RC_CREATED=1
    fi
    local rc=0
    {
        DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3 </dev/null &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                -o Acquire::Retries=3 postgresql </dev/null
    } || rc=$?
    if [[ "$POLICY_RC_CREATED" == 1 ]]; then
        rm -f /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=0
    fi
    return "$rc"
}

ensure_pg_os_user() {
    id -u "$PG_USER_NAME" >/dev/null 2>&1 && return 0
    info "creating system user $PG_USER_NAME"
    if command -v useradd >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin --comment "Defection Desk test PostgreSQL" \
            "$PG_USER_NAME" 2>/dev/null || true
    elif command -v adduser >/dev/null 2>&1; then
        adduser -S -D -H "$PG_USER_NAME" 2>/dev/null ||
            adduser --system --group --no-create-home "$PG_USER_NAME" 2>/dev/null || true
    fi
    id -u "$PG_USER_NAME" >/dev/null 2>&1 # concurrent runs may have raced us: fine
}

free_port() {
    "$VPY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

start_postgres() { # returns non-zero (never exits) when PostgreSQL can't be had
    if ! find_pg_bin; then
        [[ -z "${DESK_PG_BIN:-}" ]] || return 1 # an explicit choice: don't apt-get around it
        apt_install_postgres || return 1
        find_pg_bin || return 1
    fi
    local version
    version="$("$PG_BIN/postgres" --version 2>/dev/null)" || {
        warn "$PG_BIN/postgres does not run"
        return 1
    }
    if [[ "$IS_ROOT" == 1 ]]; then
        ensure_pg_os_user || {
            warn "could not create system user $PG_USER_NAME for the PostgreSQL server"
            return 1
        }
        PG_RUN_AS="$PG_USER_NAME"
    fi
    info "$version from $PG_BIN, running as ${PG_RUN_AS:-$(id -un)}"

    PG_TMP="$(mktemp -d /tmp/desk-pg.XXXXXX)" || return 1
    if [[ -n "$PG_RUN_AS" ]]; then
        chown "$PG_RUN_AS" "$PG_TMP" || return 1
    fi
    local locale=C
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi

    local t0
    t0="$(now)"
    if ! (cd "$PG_TMP" && as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U "$PG_USER_NAME" \
        --auth=trust --encoding=UTF8 --locale="$locale" --no-sync >"$PG_TMP/initdb.log" 2>&1); then
        cat "$PG_TMP/initdb.log" >&2
        warn "initdb failed"
        return 1
    fi
    info "initdb done ($(since "$t0"))"
    # Throwaway cluster: durability off for speed; sockets in our temp dir
    # (the distro default, e.g. /var/run/postgresql, isn't writable by us).
    cat >>"$PG_TMP/data/postgresql.conf" <<EOF

# --- added by tests/run.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF
    local attempt port
    t0="$(now)"
    for attempt in 1 2 3; do
        port="$(free_port)" || return 1
        if (cd "$PG_TMP" && as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" \
            -o "-p $port" -w -t 60 -s start >"$PG_TMP/pg_ctl.log" 2>&1); then
            PG_STARTED=1
            break
        fi
        if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then PG_STARTED=1; fi # half-started: stop on exit
        if [[ "$attempt" -lt 3 ]] && grep -qiE 'could not bind|address already in use' "$PG_TMP/server.log" 2>/dev/null; then
            info "port $port was taken, retrying"
            continue
        fi
        cat "$PG_TMP/pg_ctl.log" "$PG_TMP/server.log" >&2 2>/dev/null || true
        warn "pg_ctl start failed"
        return 1
    done
    [[ "$PG_STARTED" == 1 ]] || return 1
    info "server up on 127.0.0.1:$port ($(since "$t0"))"

    local base="postgresql+psycopg://$PG_USER_NAME@127.0.0.1:$port"
    if ! "$VPY" - "$port" "$PG_USER_NAME" "$PG_DB_NAME" <<'EOF'; then
import sys
import psycopg
port, user, db = sys.argv[1:]
with psycopg.connect(host="127.0.0.1", port=int(port), user=user, dbname="postgres",
                     autocommit=True, connect_timeout=10) as conn:
    conn.execute(f'CREATE DATABASE "{db}"')
EOF
        warn "could not create database $PG_DB_NAME"
        return 1
    fi
    export DESK_TEST_POSTGRES_URL="$base/$PG_DB_NAME"
    info "DESK_TEST_POSTGRES_URL=$DESK_TEST_POSTGRES_URL (data in $PG_TMP)"
}

phase postgres "PostgreSQL server for the PostgreSQL half of the suite"
if [[ -n "${DESK_TEST_POSTGRES_URL:-}" ]]; then
    info "DESK_TEST_POSTGRES_URL is already set: using it, starting no server"
elif [[ "${DESK_NO_POSTGRES:-0}" == 1 ]]; then
    [[ "$IS_CI" == 1 ]] && die "DESK_NO_POSTGRES=1 is not allowed with CI=true"
    warn "DESK_NO_POSTGRES=1: PostgreSQL tests will be skipped (SQLite only)"
elif start_postgres; then
    :
else
    stop_postgres
    if [[ "$IS_CI" == 1 ]]; then
        die "CI=true and no PostgreSQL server could be found or started (see above)"
    fi
    if [[ "$IS_ROOT" == 0 ]]; then
        warn "no usable PostgreSQL server (initdb/pg_ctl/postgres) found. Install it" \
            "(Debian/Ubuntu: sudo apt-get install postgresql), or point DESK_PG_BIN at its bin dir," \
            "or re-run as root. Continuing with SQLite only: PostgreSQL tests will be SKIPPED."
    else
        warn "PostgreSQL could not be started (see above). Continuing with SQLite only:" \
            "PostgreSQL tests will be SKIPPED."
    fi
fi
phase_ok

# tests/test_deploy.py runs `systemd-analyze verify` on deploy/*.service. Only the package is
# installed (nothing is started); the plain install is tried first, as the package lists are
# usually fresh from the PostgreSQL step, and `apt-get update` only if that fails.
if ! command -v systemd-analyze >/dev/null 2>&1 && [[ "$IS_ROOT" == 1 ]] &&
    command -v apt-get >/dev/null 2>&1; then
    phase systemd "apt-get install systemd (for systemd-analyze verify)"
    apt_systemd() {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            -o Acquire::Retries=3 systemd </dev/null >/dev/null
    }
    if ! apt_systemd 2>/dev/null; then
        { DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3 </dev/null >/dev/null &&
            apt_systemd; } ||
            warn "could not install systemd: the unit checks in tests/test_deploy.py will skip" \
                "(and fail under CI=true)"
    fi
    phase_ok
fi

# ---------------------------------------------------- 3. lint and tests ----

if [[ "${DESK_SKIP_LINT:-0}" == 1 ]]; then
    [[ "$IS_CI" == 1 ]] && die "DESK_SKIP_LINT=1 is not allowed with CI=true"
    warn "DESK_SKIP_LINT=1: ruff and mypy skipped"
else
    lint_dirs=()
    for d in bot handlers tests bench; do
        [[ -d "$d" ]] && lint_dirs+=("$d")
    done
    phase ruff "ruff check ${lint_dirs[*]}"
    run_child "$VENV/bin/ruff" check ${lint_dirs[@]+"${lint_dirs[@]}"}
    phase_ok

    phase imports "lint-imports: bot/ imports no Telegram, its layers, no import cycles (pyproject.toml)"
    run_child "$VENV/bin/lint-imports" --no-cache
    phase_ok

    phase mypy "mypy --strict bot handlers"
    run_child "$VENV/bin/mypy" --strict bot handlers
    phase_ok

    # The tests are typed too (pyproject's [tool.mypy] is strict for them as well): a fixture
    # whose annotation disagrees with what it yields fails here, and none may be silenced.
    phase mypy-tests "mypy tests, and no 'type: ignore' in tests/"
    if grep -rnE --include='*.py' 'type: *ignore' tests; then
        die "tests/ must be typed without 'type: ignore' (lines above)"
    fi
    run_child "$VENV/bin/mypy" tests
    phase_ok
fi

# A string added or changed in the code and not in a catalog, or left untranslated, fails here:
# `pybabel extract`, `update --check` and `compile` (bot/locale/catalog.sh; README, "Translations").
phase catalog "pybabel extract, update --check, compile: every language's catalog is complete"
PYBABEL="$VENV/bin/pybabel" PYTHON="$VPY" run_child bash bot/locale/catalog.sh check
phase_ok

# Each test keeps to its own database (a temp SQLite file, its own PostgreSQL schema), port and
# temp dir, so the suite can run in several processes at once; most tests wait on subprocesses
# and sockets, which leaves CI's two cores idle in a single process.
WORKERS="${DESK_TEST_WORKERS:-2}"
phase pytest "pytest -q -n $WORKERS $*"
run_child "$VPY" -m pytest -q -n "$WORKERS" "$@"
phase_ok
