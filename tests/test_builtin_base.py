"""The built-in styled DOCX base shipped with the package (``stored.builtin``): it is what
``prepare`` makes with this code and the python-docx installed, a render that takes it gives the
same bytes as one that prepares the base, and one made by other code, or damaged, is not used."""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path

import pytest

from dlo_docs import api
from dlo_docs.project import Project
from dlo_docs.render.docx import package, prepare, stored
from tests.conftest import tool


def test_the_shipped_base_is_what_this_code_makes():
    base_tool = tool("builtin_base")
    made = base_tool.made()
    assert stored.BUILTIN.read_bytes() == made, "run: python tools/builtin_base.py"
    assert base_tool.DIGEST.read_bytes() == base_tool.digest_module(made), (
        "run: python tools/builtin_base.py"
    )
    assert stored.builtin() is not None


@pytest.fixture
def render(project, tmp_path, monkeypatch):
    """A render of the seed's DOCX with an empty cache of its own (as a new process: no base
    remembered), counting the bases ``prepare`` makes."""
    made: list[bytes | None] = []
    real = prepare.prepare

    def counting(source, reference=None):
        made.append(source)
        return real(source, reference)

    monkeypatch.setattr(prepare, "prepare", counting)

    def run(name: str) -> tuple[bytes, int]:
        monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / f"cache-{name}"))
        package._base_cached.cache_clear()
        out = tmp_path / name
        result = api.render(Project(project), ["dlo-head"], ["docx"], out=out, draft=True)
        assert not result.problems, result.problems
        package._base_cached.cache_clear()
        return (out / "dlo-head.kk.draft.docx").read_bytes(), len(made)

    return run


def test_a_render_with_the_shipped_base_is_the_same_bytes_as_one_that_prepares_it(
    render, tmp_path, monkeypatch
):
    shipped, prepared = render("shipped")
    assert prepared == 0  # the shipped base was taken
    monkeypatch.setattr(stored, "BUILTIN", tmp_path / "missing.json")
    made, prepared = render("made")
    assert prepared == 1 and made == shipped


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data | {"key": "0" * 64},  # made by other code
        lambda data: data | {"parts": data["parts"][:1]},  # parts missing
        lambda data: data | {"ids": {"body": "<x>"}},  # a style id that is not one
        lambda data: data | {"parts": [["../../etc/passwd", "eA=="], *data["parts"][1:]]},
    ],
)
def test_a_shipped_base_of_other_code_or_damaged_is_not_used(render, tmp_path, monkeypatch, change):
    planted = tmp_path / "planted.json"
    data = json.loads(stored.BUILTIN.read_bytes())
    planted.write_text(json.dumps(change(data)), "utf-8")
    expected, _ = render("expected")
    monkeypatch.setattr(stored, "BUILTIN", planted)
    got, prepared = render("planted")
    assert prepared == 1 and got == expected


def _with_part(data: dict, name: str, change) -> dict:
    """``data`` with the content of its part ``name`` changed (base64 kept valid)."""
    parts = []
    for part, text in data["parts"]:
        content = base64.b64decode(text)
        parts.append(
            [part, base64.b64encode(change(content) if part == name else content).decode()]
        )
    return data | {"parts": parts}


def _docx_base_entries(cache: Path) -> dict[str, bytes]:
    folder = cache / stored.KIND
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


@pytest.mark.parametrize(
    "change",
    [
        # named by this very code, but its content is not what the code makes
        lambda data: _with_part(data, "word/styles.xml", lambda c: c[: len(c) // 2]),
        lambda data: _with_part(
            data,
            "word/styles.xml",
            lambda c: c.replace(
                b'w:styleId="DLOClause">', b'w:styleId="DLOClause"><w:rPr><w:vanish/></w:rPr>', 1
            ),
        ),
        lambda data: data | {"parts": [*data["parts"], ["word/vbaProject.bin", "TVo="]]},
    ],
)
def test_a_shipped_base_named_by_this_code_but_altered_is_not_used_nor_cached(
    render, tmp_path, monkeypatch, change
):
    """Its name is no proof of its content (anyone can compute it from the code): a damaged or
    altered file is a miss, and the user's cache keeps what the code makes, not it."""
    planted = tmp_path / "planted.json"
    data = json.loads(stored.BUILTIN.read_bytes())
    assert data["key"] == stored.builtin_key()
    planted.write_text(json.dumps(change(data)), "utf-8")
    expected, _ = render("expected")
    monkeypatch.setattr(stored, "BUILTIN", planted)
    got, prepared = render("planted")
    assert prepared == 1 and got == expected
    assert _docx_base_entries(tmp_path / "cache-planted") == _docx_base_entries(
        tmp_path / "cache-expected"
    )


def test_a_shipped_base_that_is_no_regular_file_or_too_large_is_not_read(tmp_path, monkeypatch):
    """A FIFO, or a file far larger than a base, in its place: a miss at once (never waiting
    for a writer, never reading it whole)."""
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    large = tmp_path / "large.json"
    with large.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: no disk used
    for planted in (fifo, large):
        monkeypatch.setattr(stored, "BUILTIN", planted)
        answer: list[object] = []
        worker = threading.Thread(
            target=lambda found=answer: found.append(stored.builtin()), daemon=True
        )
        worker.start()
        worker.join(10)
        if worker.is_alive():  # waiting on the FIFO: a writer set it free
            with open(fifo, "wb"):
                pass
            worker.join(10)
            pytest.fail(f"stored.builtin() waited on {planted.name}")
        assert answer == [None]


def test_a_shipped_base_without_a_slot_is_not_used(render, tmp_path, monkeypatch):
    """One whose parts read back but lost a slot (the body's) is made again."""
    data = json.loads(stored.BUILTIN.read_bytes())
    parts = []
    for name, text in data["parts"]:
        content = base64.b64decode(text)
        if name == "word/document.xml":
            content = content.replace(b"DLO-SLOT-body", b"DLO-SLOT-gone")
        parts.append([name, base64.b64encode(content).decode("ascii")])
    planted = tmp_path / "planted.json"
    planted.write_text(json.dumps(data | {"parts": parts}), "utf-8")
    expected, _ = render("expected")
    monkeypatch.setattr(stored, "BUILTIN", planted)
    got, prepared = render("planted")
    assert prepared == 1 and got == expected
