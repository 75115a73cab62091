"""What every benchmark shares: the machine description, statistics, RESULTS.md sections.

>>> percentile([1.0, 2.0, 3.0, 4.0], 50)
2.5
>>> median([3.0, 1.0, 2.0])
2.0
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"  # gitignored: generated data, cached databases, logs
RESULTS = BENCH / "RESULTS.md"

RESULTS_HEADER = """# Benchmark results

Written by the benchmarks themselves (`bench/README.md` says how to run each); each section is
replaced when its benchmark runs again. Times are wall-clock on the machine described in the
section. Ratios are against the floor named in the section: a ratio's goal is in the table.
"""


def out_dir() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float) -> str:
    """Milliseconds, with sensible precision."""
    value = seconds * 1000
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def wait_for_quiet(max_load: float = 1.0, timeout: float = 0.0) -> None:
    """Wait (up to ``timeout`` s) until the 1-minute load average is at most ``max_load``."""
    deadline = time.monotonic() + timeout
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(5)


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _ram() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    return "unknown"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def machine() -> dict[str, str]:
    return {
        "host": socket.gethostname(),
        "cpu": _cpu_model(),
        "nproc": str(os.cpu_count()),
        "ram": _ram(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "libraries": ", ".join(
            f"{name} {_version(name)}"
            for name in (
                "python-telegram-bot",
                "SQLAlchemy",
                "rapidfuzz",
                "numpy",
                "psycopg",
                "aiohttp",
                "httpx",
            )
        ),
    }


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "bot", "handlers"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev}{' + uncommitted changes in bot/ or handlers/' if dirty else ''}"


def environment_block(load_before: str, load_after: str, command: str) -> str:
    m = machine()
    return "\n".join(
        [
            f"- Run: `{command}` on {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
            f" (code at {git_revision()})",
            f"- Machine: {m['cpu']}, {m['nproc']} CPUs, {m['ram']} RAM, {m['os']}",
            f"- Load average (1/5/15 min): {load_before} before, {load_after} after"
            " (2 cores shared with other work: above ~1 means the numbers are noisy)",
            f"- Python {m['python']}, SQLite {m['sqlite']}; {m['libraries']}",
        ]
    )


def update_section(name: str, title: str, body: str) -> None:
    """Replace (or append) the section ``name`` of RESULTS.md."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n## {title}\n\n{body.strip()}\n{end}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else RESULTS_HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def command_line() -> str:
    args = " ".join(sys.argv[1:])
    module = Path(sys.argv[0]).stem
    return f".venv/bin/python -m bench.{module}{(' ' + args) if args else ''}"


@contextlib.contextmanager
def timer() -> Iterator[list[float]]:
    """``with timer() as t: ...`` then ``t[0]`` is the elapsed seconds."""
    box: list[float] = []
    started = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - started)


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)
