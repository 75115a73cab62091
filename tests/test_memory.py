"""bot/memory.py: the malloc settings take effect where glibc is the C library."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from bot.memory import release_free_memory, tune_malloc

GLIBC = platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_settings_are_accepted_by_glibc() -> None:
    assert tune_malloc() is True


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_freed_memory_goes_back_to_the_system() -> None:
    # In a fresh process, so this test's own heap doesn't decide the outcome.
    code = """
import sys
from bot.memory import release_free_memory, tune_malloc

def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))

tune_malloc()
blocks = [bytes(600) + bytes([i % 256]) for i in range(160_000)]  # ~100 MB, via malloc
keep = blocks[::1000]
peak = rss_kb()
del blocks
release_free_memory()
sys.exit(0 if rss_kb() < peak - 50_000 else 1)
"""
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_release_is_safe_anywhere() -> None:
    assert release_free_memory() in (True, False)
