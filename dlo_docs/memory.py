"""The process's memory allocator, set for a command that works in several threads.

- ``one_arena()``: glibc's malloc keeps one arena (pool of memory) for every thread instead of
  one per thread that allocates at the same time as another (up to eight per core). The site's
  build waits for LibreOffice in threads that read and rewrite each PDF: their own arenas kept
  ~7 MB more of the process's memory than one shared arena does, for no speed (the threads
  allocate under Python's global lock, one at a time anyway). Elsewhere (not glibc) nothing is
  done.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys

_M_ARENA_MAX = -8  # mallopt's parameter number (glibc malloc.h)


def one_arena() -> bool:
    """One malloc arena for the whole process, from now on (glibc only). True when set."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(_M_ARENA_MAX, 1))
    return False
