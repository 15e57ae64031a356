"""What Jinja's Python code of a page says and is (no Jinja here): the page's line a line of
the code was written from, and the code as if compiled from another file."""

from __future__ import annotations

import re
from types import CodeType


def renamed(code: CodeType, filename: str) -> CodeType:
    """``code`` (and the functions it defines) as if compiled from ``filename``."""
    consts = tuple(renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


_DEBUG_INFO = re.compile(r"^debug_info = '([0-9=&]*)'$", re.MULTILINE)


def page_line(source: str, python_line: int | None) -> int:
    """The line of the page that Jinja's Python ``source`` was written from at ``python_line``
    (its ``debug_info``: page line = code line, ...); 0, no line, when that is not known."""
    found = _DEBUG_INFO.search(source)
    if python_line is None or found is None or not found.group(1):
        return 0
    pairs = (map(int, pair.split("=")) for pair in found.group(1).split("&"))
    before = [(code, page) for page, code in pairs if code <= python_line]
    return max(before)[1] if before else 0
