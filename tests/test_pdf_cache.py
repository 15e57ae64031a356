"""The PDF cache: a DOCX converted once is not converted again (by ``dlo render`` and then
``dlo site build``, or by a second run), a damaged or planted entry is never published, the
outputs are the same bytes with and without it, and it lives in the user's cache folder only.

A stand-in soffice makes a "PDF" from the DOCX's bytes alone (as LibreOffice does) and logs
each run, so the runs can be counted without LibreOffice."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from site_support import approve_seed

from dlo_docs import usercache
from dlo_docs.render import pdf as pdf_render
from dlo_docs.render import pdf_cache, pdf_input

# each DOCX to "%PDF-1.7" and the SHA-256 of its bytes; each run logs how many it was given
SOFFICE = """#!/bin/sh
out=""; prev=""; n=0
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) n=$((n+1));; esac; done
echo "$n" >> {log}
for a in "$@"; do
  case "$a" in
    *.docx) b=$(basename "$a" .docx)
      printf '%%PDF-1.7 %s\\n' "$(sha256sum "$a" | cut -c1-64)" > "$out/$b.pdf";;
  esac
done
"""


ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root"
)


@pytest.fixture
def runs(tmp_path, monkeypatch) -> Path:
    """The log of the stand-in soffice's runs (one line per run: documents given)."""
    log = tmp_path / "runs"
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir()
    script.write_text(SOFFICE.format(log=log), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    return log


def converted(log: Path) -> list[int]:
    return [int(n) for n in log.read_text().split()] if log.exists() else []


def entries() -> list[Path]:
    return sorted(usercache.folder("pdf").glob("*/*.pdf"))


def docx_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"doc-{i}.docx"
        path.write_bytes(f"docx {i}".encode())
        files.append(path)
    return files


@pytest.fixture
def approved(prepared_copy):
    return prepared_copy("site-seed-approved", approve_seed)


def test_render_then_site_build_converts_each_document_once(approved, dlo, runs):
    """The site's first build takes the PDFs ``dlo render`` made: the same DOCX bytes."""
    assert dlo("render", "--format", "pdf", cwd=approved).code == 0
    assert converted(runs) == [1]
    result = dlo("site", "build", cwd=approved)
    assert result.code == 0, result.err
    assert converted(runs) == [1], "the site converted again what render had made"
    built = (approved / "build" / "dlo-head.kk.pdf").read_bytes()
    assert (approved / "public" / "files" / "dlo-head-1.kk.pdf").read_bytes() == built
    docx = (approved / "public" / "files" / "dlo-head-1.kk.docx").read_bytes()
    given = pdf_input.for_libreoffice(docx)  # what LibreOffice reads of it (the same PDF)
    assert given is not None
    assert built == b"%PDF-1.7 " + hashlib.sha256(given).hexdigest().encode() + b"\n"
    # a second render, into another folder: nothing converted either
    assert dlo("render", "--format", "pdf", "--out", "again", cwd=approved).code == 0
    assert converted(runs) == [1]
    assert (approved / "again" / "dlo-head.kk.pdf").read_bytes() == built


def test_the_site_offers_the_same_docx_and_pdf_bytes_as_dlo_render(prepared_copy, dlo, runs):
    """Every edition in force, in each of its languages (a superseded edition, a draft beside):
    the site's DOCX is ``dlo render``'s, so its PDF is found in the cache, not made again."""
    from test_site import _publish

    project = prepared_copy("site-published", _publish)
    assert dlo("render", "--format", "docx", "--format", "pdf", cwd=project).code == 0
    made = converted(runs)
    result = dlo("site", "build", cwd=project)
    assert result.code == 0, result.err
    assert converted(runs) == made, "the site converted again what render had made"
    files = sorted((project / "public" / "files").glob("*.docx"))
    names = [re.sub(r"-\d+\.", ".", f.name) for f in files]
    assert names == ["dlo-head.kk.docx", "dlo-unit.kk.docx", "dlo-unit.ru.docx"]
    for site_docx, name in zip(files, names, strict=True):
        assert site_docx.read_bytes() == (project / "build" / name).read_bytes(), name
        site_pdf = site_docx.with_suffix(".pdf").read_bytes()
        assert site_pdf == (project / "build" / name).with_suffix(".pdf").read_bytes(), name


def test_the_cache_is_the_users_and_never_the_projects(approved, dlo, runs, monkeypatch, tmp_path):
    monkeypatch.delenv("DLO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert usercache.folder("pdf") == tmp_path / "xdg" / "dlo_docs" / "pdf"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert usercache.root() == tmp_path / "home" / ".cache" / "dlo_docs"
    assert dlo("render", "--format", "pdf", cwd=approved).code == 0
    assert len(list((tmp_path / "home" / ".cache" / "dlo_docs" / "pdf").glob("*/*.pdf"))) == 1
    assert not [p for p in approved.rglob("*") if "cache" in p.name.lower()]


@pytest.mark.parametrize("where", ["templates/cache", "public", "build", "a link to public"])
def test_a_cache_folder_inside_a_project_is_not_used(
    approved, dlo, runs, monkeypatch, tmp_path, where
):
    """DLO_CACHE_DIR pointing into a project (where a drafter could commit entries, or the site
    publishes), also through a link from outside it: no cache."""
    folder = approved / where
    if where == "a link to public":
        (approved / "public").mkdir(exist_ok=True)
        folder = tmp_path / "link"
        folder.symlink_to(approved / "public")
    monkeypatch.setenv("DLO_CACHE_DIR", str(folder))
    before = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    for out in ("a", "b"):
        assert dlo("render", "--format", "pdf", "--out", out, cwd=approved).code == 0
    assert converted(runs) == [1, 1]
    assert (sorted(p.name for p in folder.iterdir()) if folder.exists() else []) == before


@pytest.mark.parametrize(
    "damage",
    [
        "truncated",
        "flipped",
        "not a pdf",
        "empty",
        "planted",
        "a link",
        "a folder",
        "planted writable by others",
        pytest.param("planted by another user", marks=ROOT_ONLY),
    ],
)
def test_a_damaged_or_planted_entry_is_not_published(approved, dlo, runs, damage, tmp_path):
    assert dlo("render", "--format", "pdf", cwd=approved).code == 0
    good = (approved / "build" / "dlo-head.kk.pdf").read_bytes()
    [entry] = entries()
    data = entry.read_bytes()
    forged = b"%PDF-1.7 forged over the approved edition\n"
    if damage == "truncated":
        entry.write_bytes(data[:-5])
    elif damage == "flipped":
        entry.write_bytes(data[:-3] + b"X" + data[-2:])
    elif damage == "not a pdf":
        body = b"<html>not a pdf</html>"
        entry.write_bytes(pdf_cache.seal_head(entry.stem, body) + b"\n" + body)
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "planted":  # a forged PDF under a made-up digest
        entry.write_bytes(pdf_cache.MAGIC + b"0" * 64 + b"\n" + forged)
    elif damage.startswith("planted "):  # a perfect entry, but not the user's own
        entry.write_bytes(pdf_cache.seal_head(entry.stem, forged) + b"\n" + forged)
        if damage.endswith("others"):
            entry.chmod(0o666)
        else:
            os.chown(entry, 65534, -1)
    elif damage == "a link":
        other = tmp_path / "elsewhere.pdf"
        other.write_bytes(data)
        entry.unlink()
        entry.symlink_to(other)
    else:
        entry.unlink()
        entry.mkdir()
    result = dlo("site", "build", cwd=approved)
    assert result.code == 0, result.err
    assert converted(runs) == [1, 1], "the damaged entry was taken for a PDF"
    assert (approved / "public" / "files" / "dlo-head-1.kk.pdf").read_bytes() == good


def test_outputs_are_the_same_bytes_with_and_without_the_cache(approved, dlo, runs):
    assert dlo("--no-cache", "render", "--format", "pdf", "--out", "plain", cwd=approved).code == 0
    assert not usercache.folder("pdf").exists(), "--no-cache wrote to the cache"
    assert dlo("render", "--format", "pdf", "--out", "cold", cwd=approved).code == 0
    assert dlo("render", "--format", "pdf", "--out", "warm", cwd=approved).code == 0
    assert converted(runs) == [1, 1]  # the warm run converted nothing
    plain = (approved / "plain" / "dlo-head.kk.pdf").read_bytes()
    mode = (approved / "plain" / "dlo-head.kk.pdf").stat().st_mode
    for out in ("cold", "warm"):
        assert (approved / out / "dlo-head.kk.pdf").read_bytes() == plain
        assert (approved / out / "dlo-head.kk.pdf").stat().st_mode == mode  # readable alike
    # --no-cache neither reads it: the run converts again
    assert dlo("--no-cache", "render", "--format", "pdf", "--out", "p2", cwd=approved).code == 0
    assert converted(runs) == [1, 1, 1]


def test_no_cache_from_the_environment(runs, tmp_path, monkeypatch):
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    files = docx_files(tmp_path / "docx", 3)
    pdf_render.convert_many(files, tmp_path / "a")
    pdf_render.convert_many(files, tmp_path / "b")
    assert converted(runs) == [3, 3] and not entries()
    monkeypatch.setenv("DLO_NO_CACHE", "0")  # "0" or "": caches on
    monkeypatch.setenv("DLO_CACHE_DIR", "off")  # but not here
    pdf_render.convert_many(files, tmp_path / "off")
    assert converted(runs) == [3, 3, 3] and not entries()
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "cache"))
    pdf_render.convert_many(files, tmp_path / "c")
    pdf_render.convert_many(files, tmp_path / "d")
    assert converted(runs) == [3, 3, 3, 3] and len(entries()) == 3


def test_only_the_documents_not_kept_are_converted(runs, tmp_path):
    files = docx_files(tmp_path / "docx", 5)
    pdf_render.convert_many(files[:2], tmp_path / "a")
    done: list[int] = []
    result = pdf_render.convert_many(files, tmp_path / "b", batch=2, done=done.append)
    assert converted(runs) == [2, 2, 1]  # the 3 not kept, in batches of 2
    assert list(result.made) == [f.stem for f in files] and not result.failed
    assert sorted(done) == [1, 2, 2]
    for f in files:
        assert (tmp_path / "b" / f"{f.stem}.pdf").read_bytes().startswith(b"%PDF-1.7 ")


def test_another_libreoffice_or_filter_makes_other_keys(runs, tmp_path, monkeypatch):
    files = docx_files(tmp_path / "docx", 1)
    pdf_render.convert_many(files, tmp_path / "a")
    script = Path(os.environ["DLO_SOFFICE"])
    script.write_text(script.read_text() + "# upgraded\n")  # another program: a new key
    pdf_render.convert_many(files, tmp_path / "b")
    assert converted(runs) == [1, 1] and len(entries()) == 2
    original = pdf_render.FILTER
    monkeypatch.setattr(pdf_render, "FILTER", original.replace('"2"', '"3"'))
    pdf_render.convert_many(files, tmp_path / "c")
    assert converted(runs) == [1, 1, 1] and len(entries()) == 3
    monkeypatch.setattr(pdf_render, "FILTER", original)
    # LibreOffice started with other options (another import filter, say): a new key
    options = pdf_render.OPTIONS
    other = tuple(o.replace("Office Open XML Text", "Rich Text Format") for o in options)
    monkeypatch.setattr(pdf_render, "OPTIONS", other)
    pdf_render.convert_many(files, tmp_path / "c2")
    assert converted(runs) == [1, 1, 1, 1] and len(entries()) == 4
    monkeypatch.setattr(pdf_render, "OPTIONS", options)
    # the version file beside the program (LibreOffice's program/versionrc): read once per
    # process, as long as the program is the same
    (script.parent / "versionrc").write_text("[Version]\nbuildid=40(Build:2)\n")
    monkeypatch.setattr(pdf_cache, "_INSTALLATIONS", {})  # another process
    pdf_render.convert_many(files, tmp_path / "d")
    pdf_render.convert_many(files, tmp_path / "e")
    assert converted(runs) == [1, 1, 1, 1, 1] and len(entries()) == 5


def test_the_cache_keeps_within_its_limit_the_least_recently_used_go_first(tmp_path):
    cache = pdf_cache.Cache(tmp_path / "c", "recipe", limit=3 * 1200)
    docs = [f"docx {i}".encode() for i in range(5)]
    for i, docx in enumerate(docs):
        cache.put(docx, b"%PDF-" + bytes([65 + i]) * 1000)
        os.utime(cache.path(docx), (1000 + i, 1000 + i))  # put in this order
    assert cache.get(docs[0]) is not None  # used: now the most recent
    cache.trim()
    assert cache.added == 5
    kept = [i for i, docx in enumerate(docs) if cache.path(docx).exists()]
    assert kept == [0, 3, 4]
    assert cache.get(docs[1]) is None


def test_an_unwritable_cache_costs_nothing_but_the_cache(runs, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("DLO_CACHE_DIR", str(blocked))
    files = docx_files(tmp_path / "docx", 2)
    result = pdf_render.convert_many(files, tmp_path / "a")
    assert list(result.made) == ["doc-0", "doc-1"] and not result.failed


def test_a_hostile_cache_entry_through_the_library(tmp_path):
    cache = pdf_cache.Cache(tmp_path / "c", "recipe", limit=10**9)
    docx = b"docx"
    cache.put(docx, b"not a pdf")  # nothing but a PDF is kept
    assert not cache.path(docx).exists()
    cache.put(docx, b"%PDF-1.7 real\n")
    assert cache.get(docx) == b"%PDF-1.7 real\n"
    entry = cache.path(docx)
    entry.write_bytes(entry.read_bytes().replace(b"real", b"fake"))
    assert cache.get(docx) is None
    entry.write_bytes(b"\x00" * 10)
    assert cache.get(docx) is None
    shutil.rmtree(entry.parent)
    assert cache.get(docx) is None


@pytest.mark.slow  # LibreOffice
def test_with_libreoffice_the_cached_pdf_is_the_pdf_made_without_it(approved, dlo, monkeypatch):
    monkeypatch.delenv("DLO_SOFFICE", raising=False)
    if not pdf_render.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    runs: list[int] = []
    original = pdf_render._run

    def counting(files, outdir, timeout, *stop):
        runs.append(len(files))
        return original(files, outdir, timeout, *stop)

    monkeypatch.setattr(pdf_render, "_run", counting)
    assert dlo("--no-cache", "render", "--format", "pdf", "--out", "plain", cwd=approved).code == 0
    assert dlo("render", "--format", "pdf", "--out", "cold", cwd=approved).code == 0
    assert dlo("site", "build", cwd=approved).code == 0
    assert runs == [1, 1], "the site converted again what render had made"
    plain = (approved / "plain" / "dlo-head.kk.pdf").read_bytes()
    assert plain.startswith(b"%PDF-")
    assert (approved / "cold" / "dlo-head.kk.pdf").read_bytes() == plain
    assert (approved / "public" / "files" / "dlo-head-1.kk.pdf").read_bytes() == plain


def test_an_interrupted_run_keeps_the_batches_it_finished(runs, tmp_path):
    files = docx_files(tmp_path / "docx", 4)

    def interrupt(n: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C as the first batch ends

    with pytest.raises(KeyboardInterrupt):
        pdf_render.convert_many(files, tmp_path / "a", batch=2, done=interrupt)
    assert converted(runs) == [2] and len(entries()) == 2
    result = pdf_render.convert_many(files, tmp_path / "b", batch=2)
    assert converted(runs) == [2, 2] and list(result.made) == [f.stem for f in files]
