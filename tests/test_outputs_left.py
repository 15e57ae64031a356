"""What a render removes from its output folder beside what it wrote (outputs_left): a file it
cannot read as one of its outputs, however damaged, is left as it is, never a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dlo_docs.outputs_left import shown_by

CORE = b"<cp:keywords>dlo-head, text=4d4474fa097d</cp:keywords>" * 50


def _docx(method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as package:
        package.writestr("docProps/core.xml", CORE)
    return buf.getvalue()


def _damaged(data: bytes) -> bytes:
    """The one member's compressed stream begun with bytes no decompressor takes."""
    damaged = bytearray(data)
    start = damaged.find(b"core.xml") + len(b"core.xml")
    damaged[start : start + 16] = b"\xff" * 16
    return bytes(damaged)


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_a_docx_whose_properties_cannot_be_decompressed_names_no_text(tmp_path: Path, method):
    path = tmp_path / "dlo-head.kk.docx"
    path.write_bytes(_damaged(_docx(method)))
    assert shown_by(path) is None


def test_a_docx_listing_a_huge_number_of_members_is_not_opened(tmp_path: Path, monkeypatch):
    """zipfile reads a package's whole list of members: one of millions (a few hundred MB) would
    take seconds and GBs before its properties were read; its end record counts them first."""
    from dlo_docs import outputs_left

    path = tmp_path / "dlo-head.kk.docx"
    with zipfile.ZipFile(path, "w") as package:
        for i in range(outputs_left.MAX_MEMBERS + 1):
            package.writestr(f"word/media/{i}", b"")
        package.writestr("docProps/core.xml", CORE)
    opened = []
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: opened.append(a) or 1 / 0)
    assert shown_by(path) is None and not opened
    monkeypatch.undo()
    small = tmp_path / "dlo-head.kk.draft.docx"
    small.write_bytes(_docx(zipfile.ZIP_DEFLATED))
    assert shown_by(small) == b"dlo-head,text=4d4474fa097d"
