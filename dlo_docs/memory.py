"""The process's memory allocator, set for a command that works in several threads.

- ``one_arena()``: glibc's malloc keeps one arena (pool of memory) for every thread instead of
  one per thread that allocates at the same time as another (up to eight per core). The site's
  build waits for LibreOffice in threads that read and rewrite each PDF: their own arenas kept
  ~7 MB more of the process's memory than one shared arena does, for no speed (the threads
  allocate under Python's global lock, one at a time anyway). Elsewhere (not glibc) nothing is
  done.
- ``trim()``: the free pages of the process's heap given back to the system (glibc's
  ``malloc_trim``). A long build frees much of what each step made, but among what it keeps
  (summaries, the manifest); the pages left free in between stay the process's until trimmed:
  the site's build of 1,000 regulations grew 59 -> 70 MB untrimmed, trimming after each group.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

_M_ARENA_MAX = -8  # mallopt's parameter number (glibc malloc.h)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def one_arena() -> bool:
    """One malloc arena for the whole process, from now on (glibc only). True when set."""
    libc = _libc()
    return bool(libc.mallopt(_M_ARENA_MAX, 1)) if libc is not None else False


def trim() -> bool:
    """The heap's free pages given back (glibc only). True when some were."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
