"""The site's first build holds two groups of regulations at a time, not the whole corpus (one
whose PDFs are being made while the next is loaded and rendered): a group is written before the
group after the next is loaded, and the folder it builds is the same byte for byte whatever the
size of the groups."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest
from site_support import SEED, UNIT, UNIT_APPROVERS, approve
from test_site import _publish

from dlo_docs.project import Project
from dlo_docs.site.writer import Writer

# the module, not the function ``dlo_docs.site.build`` the package exports under that name
publishing = importlib.import_module("dlo_docs.site.publish")
collecting_module = importlib.import_module("dlo_docs.site.collect")


@pytest.fixture
def published(prepared_copy):
    """The seed and the bilingual fixture in force (the second at edition 2), and a draft."""
    return prepared_copy("site-published", _publish)


def _build(project: Path, out: str) -> list[str]:
    from dlo_docs import site

    report = site.build(Project(project), project / out, pdf=False)
    assert not report.errors
    return report.published


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; the manifest's without the times it recorded of the files written
    (when each was written: the build's private memory, not what it publishes)."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    manifest = json.loads(files[".dlo-site/manifest.json"])
    for entry in manifest["outputs"].values():
        assert isinstance(entry.pop("mtime"), int)
    files[".dlo-site/manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def _publish_three(dlo, project):
    """As ``published``, and the draft approved too: three regulations in force."""
    _publish(dlo, project)
    approve(dlo, project, "draft-only", UNIT_APPROVERS, "13-НҚ", "2024-03-04")


@pytest.fixture
def three(prepared_copy):
    return prepared_copy("site-published-three", _publish_three)


def test_a_group_is_written_before_the_group_after_the_next_is_loaded(three, monkeypatch):
    """Memory is bounded by two groups: one whose PDFs LibreOffice makes while the next is
    loaded and rendered; its pages are written before a third group is loaded."""
    events: list[str] = []
    collect, put = collecting_module.collect, Writer.put

    def collecting(project, reg_id, registry):
        events.append(f"load {reg_id}")
        return collect(project, reg_id, registry)

    def writing(self, rel, data, key=None):
        if rel.endswith("/index.html") and rel.startswith("kk/"):
            events.append(f"page {rel.split('/')[1]}")
        return put(self, rel, data, key)

    monkeypatch.setattr(collecting_module, "collect", collecting)
    monkeypatch.setattr(Writer, "put", writing)
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    ids = ["dlo-head", "dlo-unit", "draft-only"]
    assert _build(three, "public") == ids
    a, b, c = ids
    assert events == [f"load {a}", f"load {b}", f"page {a}", f"load {c}", f"page {b}", f"page {c}"]


def test_the_site_is_the_same_whatever_the_groups(published, monkeypatch):
    _build(published, "whole")
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    _build(published, "one-by-one")
    whole, one = _files(published / "whole"), _files(published / "one-by-one")
    assert len(whole) > 10
    assert whole == one


def test_the_indexes_made_again_from_the_caches_are_the_same(published):
    _build(published, "public")
    before = _files(published / "public")
    for name in ("search-index.kk.json", "search-index.ru.json", "index.html"):
        (published / "public" / name).unlink()
    _build(published, "public")  # nothing changed: the indexes from the cached entries
    assert _files(published / "public") == before


def test_the_search_index_is_streamed_to_the_bytes_of_one_json_document(published, monkeypatch):
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    _build(published, "public")
    for lang in ("kk", "ru"):
        raw = (published / "public" / f"search-index.{lang}.json").read_bytes()
        data = json.loads(raw)
        assert data["lang"] == lang and len(data["regs"]) == 2 and len(data["hits"]) > 10
        assert {hit[0] for hit in data["hits"]} == {0, 1}
        assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_groups_start_small_and_double_until_full(monkeypatch):
    """LibreOffice starts on a small first group; each next group is twice the one before
    (rendered while the one before is converted), up to a full group."""
    monkeypatch.setattr(publishing, "group_size", lambda: 160)
    sizes = [publishing.group_limit(k) for k in range(7)]
    assert sizes == [20, 40, 80, 160, 160, 160, 160]
    assert publishing.group_limit(10**6) == 160  # no overflow however many groups
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    assert [publishing.group_limit(k) for k in range(3)] == [1, 1, 1]


def test_a_regulation_without_hits_leaves_the_index_one_json_document():
    """Regulations without a clause (first, between others, last) add no hit and no comma."""
    from dlo_docs.site import search

    summaries = [
        {"id": f"r{i}", "code": f"C-{i}", "langs": ["kk"], "main_lang": "kk", "titles": {"kk": "Т"}}
        for i in range(5)
    ]
    hits = {"r1": [["1.", "p-1", 'мәтін "1"']], "r3": [["2.", "p-2", "a"], ["2. 1)", "p-3", "b"]]}
    raw = b"".join(search.index("kk", summaries, lambda s, lang: hits.get(s["id"], [])))
    data = json.loads(raw)
    assert data["hits"] == [
        [1, "1.", "p-1", 'мәтін "1"'],
        [3, "2.", "p-2", "a"],
        [3, "2. 1)", "p-3", "b"],
    ]
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    none = b"".join(search.index("kk", summaries, lambda s, lang: []))
    assert json.loads(none)["hits"] == [] and none.endswith(b',"hits":[]}')


def test_a_cache_damaged_while_the_indexes_are_written_is_built_again(published, monkeypatch):
    from dlo_docs import site

    entries = publishing.Publishing._entries

    def damaging(self, summary, text_lang):
        if summary["id"] == UNIT:  # someone writes into the build's cache meanwhile
            (self.out / self.caches[UNIT]).write_bytes(b"{not json")
        return entries(self, summary, text_lang)

    monkeypatch.setattr(publishing.Publishing, "_entries", damaging)
    report = site.build(Project(published), published / "public", pdf=False)
    assert not report.errors
    warned = [p for p in report.problems if p.code == "DLO806"]
    assert len(warned) == 1 and UNIT in warned[0].message  # said, once for both languages
    assert warned[0].location.path == f".dlo-site/cache/{UNIT}.json"
    kk = json.loads((published / "public" / "search-index.kk.json").read_bytes())
    assert {hit[0] for hit in kk["hits"]} == {0}  # the unit's entries are not in this one
    monkeypatch.setattr(publishing.Publishing, "_entries", entries)
    again = site.build(Project(published), published / "public", pdf=False)
    assert again.rebuilt == [UNIT]
    assert not [p for p in again.problems if p.code == "DLO806"]
    kk = json.loads((published / "public" / "search-index.kk.json").read_bytes())
    assert {hit[0] for hit in kk["hits"]} == {0, 1}


def _fake_pdfs(monkeypatch, made: list[Path]):
    """LibreOffice replaced by a converter that writes a large PDF of each DOCX."""
    from dlo_docs.render import pdf as pdf_render
    from dlo_docs.render import soffice

    def convert_many(files, outdir, jobs=1, stop=None, slots=None):
        outdir.mkdir(parents=True, exist_ok=True)
        result = pdf_render.Converted()
        for source in files:
            pdf = outdir / f"{source.stem}.pdf"
            body = source.name.encode() * ((3 << 20) // len(source.name) + 1)  # > 3 MiB: chunks
            pdf.write_bytes(b"%PDF-1.7\n" + body)
            result.made[source.stem] = pdf
            made.append(pdf)
        return result

    monkeypatch.setattr(soffice, "available", lambda: True)
    monkeypatch.setattr(pdf_render, "convert_many", convert_many)


def test_pdfs_are_copied_into_the_site_by_file_never_held_as_bytes(published, monkeypatch):
    made: list[Path] = []
    _fake_pdfs(monkeypatch, made)
    put = Writer.put

    def putting(self, rel, data, key=None):
        assert not rel.endswith(".pdf"), "a PDF held in memory to be written"
        return put(self, rel, data, key)

    monkeypatch.setattr(Writer, "put", putting)
    from dlo_docs import site

    report = site.build(Project(published), published / "public", pdf=True)
    assert not report.errors and len(made) == 3  # the seed in kk, the fixture in kk and ru
    pdfs = sorted((published / "public" / "files").glob("*.pdf"))
    assert [p.name for p in pdfs] == sorted(p.name for p in made)
    for pdf in pdfs:
        assert pdf.stat().st_nlink == 1 and pdf.stat().st_size > 3 << 20  # a copy of its own
        assert pdf.read_bytes().startswith(b"%PDF-1.7\n" + pdf.stem.encode())
    assert not made[0].exists()  # LibreOffice's output folder is gone


def test_a_pdf_rewritten_only_where_its_bytes_differ_and_never_through_a_link(
    published, tmp_path, monkeypatch
):
    from dlo_docs.site.manifest import Manifest, digest
    from dlo_docs.site.writer import Report

    out = published / "public"
    out.mkdir()
    w = Writer(out, Manifest(out), Report(out))
    source = tmp_path / "made.pdf"
    source.write_bytes(b"%PDF" + b"x" * (3 << 20))
    w.put_file("files/a.pdf", source)
    assert w.report.written == ["files/a.pdf"]
    assert w.manifest.outputs["files/a.pdf"]["key"] == digest(source.read_bytes())
    w.put_file("files/a.pdf", source)  # the same bytes: left alone
    assert w.report.written == ["files/a.pdf"] and w.report.unchanged == 1
    source.write_bytes(b"%PDF" + b"x" * ((3 << 20) - 1) + b"y")  # the last chunk differs
    w.put_file("files/a.pdf", source)
    assert (out / "files" / "a.pdf").read_bytes() == source.read_bytes()
    victim = tmp_path / "victim"
    victim.write_bytes(b"not the site's")
    (out / "files" / "a.pdf").unlink()
    (out / "files" / "a.pdf").symlink_to(victim)
    w.put_file("files/a.pdf", source)
    assert victim.read_bytes() == b"not the site's"
    assert not (out / "files" / "a.pdf").is_symlink()
    assert (out / "files" / "a.pdf").read_bytes() == source.read_bytes()


def test_what_was_parsed_of_a_regulation_is_dropped_once_it_is_collected(published, monkeypatch):
    from dlo_docs import project as project_module
    from dlo_docs import site

    held: list[tuple[str, list[str], int]] = []
    collect = collecting_module.collect

    def collecting(project, reg_id, registry):
        parsed = [key[1] for key in project_module.PARSED._entries if isinstance(key[1], str)]
        held.append((reg_id, parsed, len(project.cache._entries)))
        return collect(project, reg_id, registry)

    monkeypatch.setattr(collecting_module, "collect", collecting)
    project = Project(published)  # one group: both regulations are rendered together
    assert site.build(project, published / "public", pdf=False).published == [SEED, UNIT]
    (_, _, _), (second, parsed, _) = held
    assert second == UNIT and parsed and not [p for p in parsed if f"/{SEED}/" in p]
    folders = [key[1] for key in project.cache._entries if isinstance(key[1], Path)]
    assert folders  # the registry stays
    for reg_id in (SEED, UNIT):
        assert not [f for f in folders if project.regulations / reg_id in f.parents]
    # dropped, not lost: the next build reads them again and finds nothing changed
    assert site.build(project, published / "public", pdf=False).rebuilt == []


def test_a_group_waiting_for_its_pdfs_holds_no_regulation(published, monkeypatch):
    """A group waits for its PDFs while the next is rendered: each of its regulations was
    rendered when collected and dropped; the group holds its pages and cache file, compressed in
    a private file (``held``), not the regulation (its models, texts and parses) nor the pages
    themselves. At most the regulation being queued is alive when a group starts; the file is
    closed once the group is finished, and leaves nothing in the site."""
    import gc

    from dlo_docs import site
    from dlo_docs.site.collect import Published
    from dlo_docs.site.held import Ref

    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    monkeypatch.setattr(publishing, "first_group_size", lambda: 1)
    alive: list[int] = []
    pages: dict[str, str] = {}
    files = []
    start = publishing.Publishing._start_group

    def starting(self, ready):
        gc.collect()
        alive.append(sum(isinstance(o, Published) for o in gc.get_objects()))
        for r in ready:
            assert all(type(v) is Ref for v in [*r.pages.values(), r.cache])
            pages[r.id] = self.held.get(r.pages[f"kk/{r.id}/index.html"]).decode("utf-8")
        files.append(self.held._file)
        return start(self, ready)

    monkeypatch.setattr(publishing.Publishing, "_start_group", starting)
    assert site.build(Project(published), published / "public", pdf=False).published
    assert alive and max(alive) <= 1
    assert set(pages) == {SEED, UNIT} and len(files) == 2 and all(f.closed for f in files)
    for reg_id, page in pages.items():
        assert page == (published / "public" / "kk" / reg_id / "index.html").read_text("utf-8")
    assert not [p for p in (published / "public").rglob("*") if "held" in p.name]


def test_held_texts_read_back_as_written(tmp_path):
    from dlo_docs.site.held import Held

    held = Held(tmp_path)
    texts = ["", "ә" * 100_000, "<p>бет</p>", "x"]
    refs = [held.put(t) for t in texts]
    assert [held.get(r).decode("utf-8") for r in reversed(refs)] == texts[::-1]
    assert refs[1].size < 10_000  # compressed
    if os.name == "posix":  # unnamed (elsewhere deleted when closed): nothing left behind
        assert list(tmp_path.iterdir()) == []
    held.close()


def test_the_sites_files_are_made_durable_at_once_before_the_manifest_records_them(
    published, monkeypatch
):
    """The site's files are written atomically without an fsync each; one sync makes them all
    durable before the manifest that records them is saved (what a crash leaves before it is a
    previous manifest whose sizes and times these files do not match: written again)."""
    import os

    from dlo_docs import fsio, site
    from dlo_docs.site.manifest import Manifest

    events: list[str] = []
    fsyncs: list[int] = []
    real_fsync, real_save = os.fsync, Manifest.save
    monkeypatch.setattr(fsio, "SETTLES", True)
    monkeypatch.setattr(fsio.os, "sync", lambda: events.append("sync"))
    monkeypatch.setattr(fsio.os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd))[1])

    def save(self):
        events.append("save")
        real_save(self)

    monkeypatch.setattr(Manifest, "save", save)
    report = site.build(Project(published), published / "public", pdf=False)
    assert len(report.written) > 10
    assert events[-2:] == ["sync", "save"] and events.count("sync") == 1
    # the manifest's own (file and folder), and the folder of the mark made before the first
    # file written at a path no manifest listed (a build killed after is known by it)
    assert len(fsyncs) <= 2 * events.count("save") + 1
    events.clear()
    assert site.build(Project(published), published / "public", pdf=False).written == []
    assert events == ["save"]  # nothing written: nothing to sync


def test_registry_names_made_once_a_language_not_once_a_page(three, monkeypatch):
    """A regulation's page shows its unit's and positions' names from the registry: the table of
    them is made once a language for the whole build, not again for each page (a corpus of 1,000
    regulations and positions made 2,000 tables of 1,000 names)."""
    views = importlib.import_module("dlo_docs.site.views")
    made = []
    real = views.names
    monkeypatch.setattr(
        views, "names", lambda registry, lang: made.append(lang) or real(registry, lang)
    )
    published = _build(three, "public")
    assert len(published) == 3
    assert sorted(made) == ["kk", "kk", "ru", "ru"]  # the pages' tables, then the indexes'
    page = (three / "public" / "kk").rglob("*.html")
    assert any("Қашықтықтан оқыту бөлімі" in p.read_text(encoding="utf-8") for p in page)


def test_what_a_group_holds_on_a_full_disk_names_its_folder_and_is_closed_quietly(tmp_path):
    """The held file (unnamed) cannot be written: the error names its folder; closing it then
    (the build abandoned) raises nothing that would hide the error that stopped the build."""
    import errno

    from dlo_docs.site.held import Held

    class Full:
        def seek(self, *args):
            raise OSError(errno.ENOSPC, "No space left on device")

        write = close = seek

    held = Held(tmp_path)
    held._file.close()
    held._file = Full()
    with pytest.raises(OSError) as raised:
        held.put("text")
    assert raised.value.filename == str(tmp_path)
    held.close()
