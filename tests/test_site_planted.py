"""A file of the built site replaced or edited by someone else between two builds is not kept
as the build's own: the next build writes the approved bytes again. The incremental build keeps a
file only when it is still the regular file it wrote (its size and modification time as the
manifest recorded them, and owned by the user who builds), so a same-size forgery, a link to
elsewhere (whose target could change after any check) or another user's file is replaced."""

from __future__ import annotations

import os

import pytest
from test_pdf_cache import ROOT_ONLY, approved, runs  # noqa: F401 (fixtures)

PDF = "public/files/dlo-head-1.kk.pdf"
DOCX = "public/files/dlo-head-1.kk.docx"
PAGE = "public/kk/dlo-head/index.html"


def _forge(path, kind: str, tmp_path) -> None:
    data = path.read_bytes()
    forged = (b"FORGED" + data[6:]) if kind != "another user's" else data
    if kind == "edited in place, same size":
        with open(path, "r+b") as handle:
            handle.write(forged[:6])
    elif kind == "a link to elsewhere":
        outside = tmp_path / f"outside-{path.name}"
        outside.write_bytes(forged)
        path.unlink()
        path.symlink_to(outside)
    else:
        os.chown(path, 65534, -1)


@pytest.mark.parametrize(
    "kind",
    [
        "edited in place, same size",
        "a link to elsewhere",
        pytest.param("another user's", marks=ROOT_ONLY),
    ],
)
@pytest.mark.parametrize("rel", [PDF, DOCX, PAGE], ids=["pdf", "docx", "page"])
def test_a_planted_file_of_the_site_is_not_kept(approved, dlo, runs, tmp_path, kind, rel):  # noqa: F811
    assert dlo("site", "build", cwd=approved).code == 0
    path = approved / rel
    good = path.read_bytes()
    _forge(path, kind, tmp_path)
    result = dlo("site", "build", cwd=approved)
    assert result.code == 0, result.err
    assert not path.is_symlink() and path.read_bytes() == good
    if hasattr(os, "geteuid"):
        assert path.stat().st_uid == os.geteuid()
    again = dlo("site", "build", cwd=approved)  # and the next build keeps it, written by itself
    assert again.code == 0 and "0 file(s) written" in again.out + again.err, again.out + again.err
