"""Helpers for the hostile-input tests: planting bad files in a project copy and checking that
nothing was written."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

REGULATION = Path("regulations/dlo-head/regulation.yaml")
POSITION = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+):(?P<col>\d+): error (?P<code>DLO\d+)")


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` (not following symlinks) with a digest of its bytes; the empty
    lock files a command holds while it works are not counted."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.name.endswith(".lock") and not path.is_symlink() and path.stat().st_size == 0:
            continue
        if path.is_symlink():
            found[path.relative_to(root).as_posix()] = "-> " + str(path.readlink())
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[path.relative_to(root).as_posix()] = digest
    return found


def positioned(output: str) -> list[tuple[str, int, int, str]]:
    """(file, line, column, code) of every error line ``file:line:col: error CODE`` in output."""
    return [
        (m["file"], int(m["line"]), int(m["col"]), m["code"])
        for m in map(POSITION.match, output.splitlines())
        if m
    ]


def deep_items(text: str, depth: int) -> str:
    """The seed regulation with a clause whose items are nested ``depth`` levels deep, put first
    in the first chapter (valid per the schema)."""
    lines = ["  - id: deep", "    text: Терең тармақ", "    items:"]
    indent = "    "
    for i in range(depth):
        lines += [f"{indent}- id: deep-{i}", f"{indent}  text: Тармақша {i}", f"{indent}  items:"]
        indent += "    "
    lines.pop()
    marker = "clauses:\n  - id: purpose"
    assert marker in text
    return text.replace(marker, "clauses:\n" + "\n".join(lines) + "\n  - id: purpose", 1)


def nesting_line(text: str, depth: int) -> int:
    """The 1-based line of item ``deep-{depth}`` in ``deep_items`` output."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if f"id: deep-{depth}" in line)
