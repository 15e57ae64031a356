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
