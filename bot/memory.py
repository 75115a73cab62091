"""Keep the long-running bot's resident memory close to what it actually holds (glibc only).

>>> tune_malloc() in (True, False)  # False where the C library is not glibc
True
>>> release_free_memory() in (True, False)
True

Two habits of glibc's allocator make a Python bot look far bigger than its live data:
each thread that allocates gets an arena of its own (up to 8 per core), and freed memory is
kept for reuse instead of going back to the system. Answers run in worker threads and build
large transient arrays (name indexes, query results), so both show: bench/rss.py measured
the bot growing from ~130 MB after the heavy questions to ~230 MB after a few hundred more.
The environment variables MALLOC_ARENA_MAX / MALLOC_TRIM_THRESHOLD_ do the same, but only
when whoever starts the process remembers them; doing it here makes every start alike.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

# mallopt parameters, from glibc's malloc.h.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

ARENAS = 2  # one for the event loop, one shared by the answer threads
# Blocks above this come from mmap and go back to the system when freed. Setting it also
# turns off glibc's habit of raising the threshold after each large free, which is what
# lets big transient arrays end up on the heap and stay there.
MMAP_THRESHOLD = 256 * 1024
# Free memory above this at the top of the heap is returned to the system at once.
TRIM_THRESHOLD = 1024 * 1024


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):  # musl (Alpine) or no libc.so.6
        return None
    return libc


def tune_malloc() -> bool:
    """Fewer arenas, large blocks via mmap, prompt trimming; True when applied.

    Call it early, before the worker threads start: arenas already made are kept.
    """
    libc = _glibc()
    if libc is None:
        return False
    return all(
        libc.mallopt(param, value) == 1
        for param, value in (
            (_M_ARENA_MAX, ARENAS),
            (_M_MMAP_THRESHOLD, MMAP_THRESHOLD),
            (_M_TRIM_THRESHOLD, TRIM_THRESHOLD),
        )
    )


def release_free_memory() -> bool:
    """Hand free pages in every arena back to the system (after a big build); True if any."""
    libc = _glibc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
