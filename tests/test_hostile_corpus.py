"""A corpus of malformed project files, made from the seed: every value line of the regulation
and of the registry spoiled in each of the ways below. Each case must be refused with its code at
its exact line and column, and nothing may be written.

Kinds of damage (at the value of a ``key: value`` line): an anchor, an alias, an explicit tag,
nesting beyond the limit, a number too long, a date that is not one, a byte that is not UTF-8.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dlo_docs import load
from tests.conftest import REPO, bundled_regulations
from tests.hostile_support import snapshot

SEED = REPO / "regulations"
FILES = {
    "regulations/dlo-head/regulation.yaml": (SEED / "dlo-head" / "regulation.yaml"),
    "regulations/registry.yaml": (SEED / "registry.yaml"),
}
# a block-mapping line with a plain one-line scalar value (not a flow collection, not a block
# scalar, not a quoted string)
_LINE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[a-z_]+): (?P<value>[^\s'\"\[{>|&*!#][^#]*)$")


def _value_lines(text: str) -> list[tuple[int, re.Match]]:
    return [(n, m) for n, line in enumerate(text.splitlines(), 1) if (m := _LINE.match(line))]


def _damage(line: str, m: re.Match, kind: str) -> tuple[str | bytes, int, str]:
    """The damaged line, the column where the damage is reported, and the code."""
    at = m.start("value") + 1
    head = line[: m.start("value")]
    value = m["value"]
    if kind == "anchor":
        return f"{head}&spoil {value}", at, "DLO006"
    if kind == "alias":
        return f"{head}*spoil", at, "DLO006"
    if kind == "tag":
        return f"{head}!!python/object:os.system {value}", at, "DLO004"
    if kind == "deep":
        return head + "[" * 70 + "]" * 70, at, "DLO007"
    if kind == "number":
        return head + "7" * 60, at, "DLO008"
    if kind == "date":
        return head + "2026-02-30", at, "DLO013"
    if kind == "bytes":
        return (head.encode() + b"\xff" + value.encode()), at, "DLO002"
    raise AssertionError(kind)


KINDS = ("anchor", "alias", "tag", "deep", "number", "date", "bytes")


def _cases() -> list:
    cases = []
    for rel, path in FILES.items():
        text = path.read_text(encoding="utf-8")
        lines = _value_lines(text)
        # an even spread over the file, so every part of both schemas is hit
        step = max(1, len(lines) // 12)
        for n, _m in lines[::step]:
            for kind in KINDS:
                cases.append(pytest.param(rel, n, kind, id=f"{Path(rel).stem}-{n}-{kind}"))
    return cases


CASES = _cases()


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 150


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "proj"
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=bundled_regulations("editions", "journal.yaml"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    return root


@pytest.mark.parametrize("rel, line_no, kind", CASES)
def test_a_damaged_value_is_refused_at_its_position(root, rel, line_no, kind):
    path = root / rel
    original = FILES[rel].read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    line = lines[line_no - 1].rstrip("\n")
    m = _LINE.match(line)
    damaged, col, code = _damage(line, m, kind)
    before_lines = [x.encode() for x in lines]
    before_lines[line_no - 1] = (
        damaged if isinstance(damaged, bytes) else damaged.encode()
    ) + b"\n"
    path.write_bytes(b"".join(before_lines))
    before = snapshot(root / "regulations")
    try:
        source, problems = load.read(path, rel)
        assert source is None
        found = [(p.location.path, p.location.line, p.location.col, p.code) for p in problems]
        assert snapshot(root / "regulations") == before
    finally:
        path.write_bytes(original)
    if kind == "deep":
        # reported at the bracket that opens the level over the limit: which one depends on how
        # deep the line already is (a few levels), so: one of the first 64, on this line
        [(f, ln, c, code_found)] = [x for x in found if x[3] == "DLO007"]
        assert (f, ln, code_found) == (rel, line_no, code)
        assert col + 64 - 12 <= c < col + 64 and damaged[c - 1] == "["
    else:
        assert (rel, line_no, col, code) in found, found
