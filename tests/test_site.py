"""The intranet site: what `dlo site build` publishes, in which languages, with which
links, and what it never publishes (drafts)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import organisation_today
from site_support import (
    SEED,
    UNIT,
    add_unit,
    approve_seed,
    approve_unit,
    broken_links,
    build,
    edition_3_left_then_swept,
    ok,
    page,
    parse,
    remove_a_clause,
    replace,
    revise_unit,
    seed_and_unit_revised,
    site_files,
    source,
    unit_edition_3,
    visible_text,
)

DRAFT_MARK = "ЖОБАДАҒЫ-ӨЗГЕРІС"  # text that exists only in a draft


def _publish(dlo, project):
    seed_and_unit_revised(dlo, project)
    draft = project / "regulations" / "draft-only"
    draft.mkdir()
    text = (project / "regulations" / UNIT / "regulation.yaml").read_text(encoding="utf-8")
    text = text.replace("id: dlo-unit", "id: draft-only").replace(
        "П ҮББИ 02-2024", "П ЖОБА 99-2099"
    )
    text = text.replace("edition: 2", "edition: 1")
    (draft / "regulation.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def published(prepared_copy):
    """The seed (kk only) in force as edition 1, the bilingual fixture in force as edition 2
    (edition 1 superseded), a third regulation that is only a draft (prepared once, copied)."""
    return prepared_copy("site-published", _publish)


@pytest.fixture
def seed_approved(prepared_copy):
    """The seed approved through the workflow (``approve_seed``), prepared once, copied."""
    return prepared_copy("site-seed-approved", approve_seed)


def test_index_lists_regulations_in_force_grouped_with_their_metadata(published, dlo):
    out = build(dlo, published).out
    assert "2 regulations in force published to public/" in out
    index = page(published, "index.html")
    assert '<html lang="kk"' in index
    assert "<title>Нормативтік құжаттар</title>" in index  # the site's name once, not twice
    regulation = page(published, "kk/dlo-head/index.html")
    assert re.search(r"<title>[^<]+ — Нормативтік құжаттар</title>", regulation)
    text = visible_text(index)
    # grouped by unit, then position (unit regulations first)
    unit = text.index("Қашықтықтан оқыту бөлімі")
    assert (
        unit
        < text.index("Бөлімше туралы ережелер")
        < text.index("Қашықтықтан оқыту бөлімінің бастығы")
    )
    row = re.search(r'<tr id="reg-dlo-head">(.*?)</tr>', index, re.S).group(1)
    assert "ЛН ҮББИ 01-2024" in row and "1-басылым" in row
    assert (
        "03.06.2024 ж. № 45-НҚ" in row and "10.06.2027" in row
    )  # order; review due 3 years after 10.06.2024
    row = re.search(r'<tr id="reg-dlo-unit">(.*?)</tr>', index, re.S).group(1)
    assert "2-басылым" in row and "20.01.2025 ж. № 77-НҚ" in row and "20.01.2028" in row
    assert 'href="kk/dlo-head/index.html"' in index
    ru = page(published, "ru/index.html")
    assert '<html lang="ru"' in ru
    assert (
        "Отдел дистанционного обучения" in ru
        and "Положение об отделе дистанционного обучения" in ru
    )
    # the seed has no Russian text: its title is shown in Kazakh, marked as such
    assert 'lang="kk">Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы</a>' in ru
    assert "№ 45-НҚ от 03.06.2024" in ru


def test_the_summary_is_headed_in_the_interface_language(published, dlo):
    """The build's summary line is headed by the word of the interface's language: it began with
    the English "site:" in Kazakh and Russian."""
    for lang in ("kk", "ru"):
        out = dlo("--lang-ui", lang, "site", "build", "--no-pdf", cwd=published).out
        assert out.startswith("сайт: "), (lang, out)
        assert "site:" not in out, (lang, out)


def test_a_draft_never_appears(published, dlo):
    # an open revision of the fixture, with a text that is only in the draft
    ok(dlo, published, "revise", UNIT, "--by", "vp-academic", "--reason", "Жоба")
    replace(
        published,
        UNIT,
        "Бөлім бастығы институт директорына",
        f"{DRAFT_MARK} бастығы институт директорына",
    )
    ok(dlo, published, "submit", UNIT)
    ok(dlo, published, "agree", UNIT, "--as", "vp-academic")
    build(dlo, published)
    public = published / "public"
    for path in site_files(public):
        data = path.read_bytes()
        assert DRAFT_MARK.encode() not in data, path
        assert "П ЖОБА 99-2099".encode() not in data, path
        assert b"draft-only" not in data, path
    assert not (public / "kk" / "draft-only").exists()
    unit = page(published, f"kk/{UNIT}/index.html")
    assert "2-басылым" in unit and "3-басылым" not in unit  # the edition in force, not the draft's
    assert "Бөлім бастығы институт директорына" in unit


def test_regulation_page_text_anchors_metadata_and_working_copy_notice(published, dlo):
    build(dlo, published)
    html = page(published, f"kk/{SEED}/index.html")
    links = parse(published / "public" / "kk" / SEED / "index.html")
    assert links.html_lang == "kk"
    assert {
        "clause-1",
        "clause-11",
        "clause-21",
        "clause-10-2",
        "chapter-5",
        "chapter-5-paragraph-2",
    } <= links.ids
    clause = re.search(r'<p class="clause" id="clause-11"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "11." in clause and "Қашықтықтан оқыту бөлімінің бастығы құқылы:" in clause
    notice = re.search(r'<div class="working-copy"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert (
        "Жұмыс данасы" in notice
        and "1-басылым" in notice
        and "03.06.2024" in notice
        and "45-НҚ" in notice
    )
    text = visible_text(html)
    for fact in (
        "Лауазымдық нұсқаулық",
        "ЛН ҮББИ 01-2024",
        "Қашықтықтан оқыту бөлімі",
        "10.06.2024",
        "10.06.2027",
        "Басқарма Төрағасы – Ректор",
    ):
        assert fact in text, fact
    # the title names the kind ("… лауазымдық нұсқаулығы"): the kind is not set above it, but on
    # the Russian page, in the page's language, over the Kazakh title
    assert '<p class="kind">' not in html
    ru = page(published, f"ru/{SEED}/index.html")
    assert '<p class="kind">Должностная инструкция</p>' in ru
    assert 'href="../../files/dlo-head-1.kk.docx"' in html
    assert ".pdf" not in html  # built with --no-pdf
    docx = published / "public" / "files" / "dlo-head-1.kk.docx"
    assert docx.read_bytes()[:2] == b"PK"
    # the history of editions, from the journal
    history = re.search(r'<section class="history".*?</section>', html, re.S).group(0)
    assert "45-НҚ" in history and "толық мәтін" in history and "күшінде" in history


def test_the_pages_keep_words_together_with_no_break_spaces(published, dlo):
    """What the site composes around a text — the working copy notice, the facts beside it, the
    history and reviews, the index's rows — ties "№" to its number, a date to its "ж.", a dash
    to the word before it and initials to the surname, as the forms do: a browser broke "№" /
    "45-НҚ" at a line's end. The regulation's text is the approved one, its spaces as typed."""
    nb = "\u00a0"
    ok(dlo, published, "review", UNIT, "--by", "hr-head", "--result", "OK", "--date", "2025-09-01")
    build(dlo, published)
    order = f"03.06.2024{nb}ж. №{nb}45-НҚ"
    html = source(published, f"kk/{SEED}/index.html")
    notice = re.search(r'<div class="working-copy"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert f"{order} бұйрықпен бекітілген" in notice
    meta = dict(re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", html))
    assert meta["Бекіткен бұйрық"] == order
    assert meta["Бекіткен"] == f"Басқарма Төрағасы{nb}– Ректор"
    history = re.search(r'<section class="history".*?</section>', html, re.S).group(0)
    assert re.search(rf"<td[^>]*>{order}</td>", history)
    # the text as approved: its spaces as typed
    assert "ҚР – Қазақстан Республикасы;" in _article(html)
    unit = source(published, f"ru/{UNIT}/index.html")
    assert f"Г.{nb}М.{nb}Жумабаева" in unit  # the reviewer
    assert f"Утверждено приказом №{nb}77-НҚ от 20.01.2025" in unit
    row = re.search(r'<tr id="reg-dlo-head">(.*?)</tr>', source(published, "index.html"), re.S)
    assert f">{order}</td>" in row.group(1)
    row = re.search(r'<tr id="reg-dlo-head">(.*?)</tr>', source(published, "ru/index.html"), re.S)
    assert f">№{nb}45-НҚ от 03.06.2024</td>" in row.group(1)


def test_the_history_marks_the_clauses_removed(project, dlo):
    """Edition 2 removes clause 2 and rewords clause 4 (3 now), its own clause 2 unchanged: the
    history lists the removed number as removed, as the change registration sheet does."""
    add_unit(project)
    remove_a_clause(dlo, project)
    build(dlo, project)
    for lang, listed in {
        "kk": "3, 2 (алынып тасталды; алдыңғы басылымдағы нөмірі)",
        "ru": "3, 2 (исключен; № прежнего издания)",
    }.items():
        html = page(project, f"{lang}/{UNIT}/index.html")
        history = re.search(r'<section class="history".*?</section>', html, re.S).group(0)
        assert re.search(rf'<td data-label="[^"]+">{re.escape(listed)}</td>', history), history


def test_the_history_names_a_first_edition_s_changes_as_the_sheet_does():
    """A first edition changed the whole text: the site's history of editions says it in the
    words of the change registration sheet of the same edition (the Russian page said "весь
    текст" beside the sheet's "полный текст")."""
    from dlo_docs.labels import labels

    for lang in ("kk", "ru"):
        words = labels(lang)
        assert words["site"]["whole_text"] == words["form"]["whole_text"], lang


def test_languages_switch_and_lang_attributes(published, dlo):
    build(dlo, published)
    public = published / "public"
    pairs = [
        ("index.html", "ru/index.html"),
        ("search.html", "ru/search.html"),
        (f"kk/{SEED}/index.html", f"ru/{SEED}/index.html"),
        (f"kk/{UNIT}/index.html", f"ru/{UNIT}/index.html"),
        (f"kk/{UNIT}/compare-1-2.html", f"ru/{UNIT}/compare-1-2.html"),
    ]
    for kk, ru in pairs:
        for here, there, lang in ((kk, ru, "kk"), (ru, kk, "ru")):
            html = page(published, here)
            assert parse(public / here).html_lang == lang, here
            switch = re.search(r'<a id="lang-switch"[^>]*href="([^"]+)"', html).group(1)
            assert (public / here).parent.joinpath(switch).resolve() == (
                public / there
            ).resolve(), (here, switch)
    # the bilingual regulation in Russian: Russian text, no notice
    ru = page(published, f"ru/{UNIT}/index.html")
    assert '<article class="text" lang="ru"' in ru
    assert "Начальник отдела ежеквартально отчитывается" in ru
    assert 'class="notice"' not in ru
    assert (
        'href="../../files/dlo-unit-2.ru.docx"' in ru
        and 'href="../../files/dlo-unit-2.kk.docx"' in ru
    )
    # the seed in the Russian interface: the Kazakh text, marked kk, with a notice in Russian
    ru = page(published, f"ru/{SEED}/index.html")
    assert '<article class="text" lang="kk"' in ru
    assert re.search(r'<p class="notice" lang="ru">[^<]*только на казахском', ru)
    assert "Рабочий экземпляр" in ru and "Утверждено приказом № 45-НҚ от 03.06.2024" in ru
    assert (
        "Начальник отдела дистанционного обучения" in ru
    )  # the position, from the registry, in Russian


def test_comparison_between_consecutive_editions(published, dlo):
    build(dlo, published)
    unit = page(published, f"kk/{UNIT}/index.html")
    assert 'href="compare-1-2.html"' in unit or 'href="../../kk/dlo-unit/compare-1-2.html"' in unit
    history = re.search(r'<section class="history".*?</section>', unit, re.S).group(0)
    assert "Порталдың атауы нақтыланды" in history and "12-НҚ" in history and "77-НҚ" in history
    assert "ауыстырылған" in history  # edition 1 superseded
    compare = page(published, f"kk/{UNIT}/compare-1-2.html")
    assert '<section class="dlo-diff"' in compare
    assert "<ins>" in compare and "Moodle" in compare
    assert "<style>" not in compare  # the diff page's inline style is not carried over
    # the changed item links to its anchor in the edition in force
    assert re.search(r'href="index.html#clause-3-3"', compare)
    ru = page(published, f"ru/{UNIT}/compare-1-2.html")
    assert "Сравнение" in ru or "Сравнительная таблица" in ru


def test_no_internal_link_is_broken(published, dlo):
    build(dlo, published)
    public = published / "public"
    assert broken_links(public) == []
    pages = list(public.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        links = parse(path)
        # one script, the static one, and no inline script
        assert [s.get("src", "").rsplit("/", 1)[-1] for s in links.scripts] == ["search.js"], path
        # an icon of the site's own (else every page view asks the server for /favicon.ico)
        icons = [url for tag, url in links.links if tag == "link" and url.endswith("favicon.svg")]
        assert len(icons) == 1, path
        html = path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "script-src &#39;self&#39;" in html
        assert " style=" not in html and "<style" not in html, path
        assert "http://" not in html and "https://" not in html, path


def test_search_index_holds_every_clause_with_its_anchor(published, dlo):
    build(dlo, published)
    public = published / "public"
    kk = json.loads((public / "search-index.kk.json").read_text(encoding="utf-8"))
    ru = json.loads((public / "search-index.ru.json").read_text(encoding="utf-8"))
    assert {r["id"] for r in kk["regs"]} == {SEED, UNIT}
    seed = next(i for i, r in enumerate(kk["regs"]) if r["id"] == SEED)
    assert kk["regs"][seed]["url"] == f"kk/{SEED}/index.html" and kk["regs"][seed]["lang"] == "kk"
    hits = {(h[1], h[2]): h[3] for h in kk["hits"] if h[0] == seed}
    assert hits[("11.", "clause-11")] == "Қашықтықтан оқыту бөлімінің бастығы құқылы:"
    assert hits[("10. 1)", "clause-10-1")].startswith("қашықтықтан оқытуды қолдана отырып")
    # every anchor of the index exists on its page
    for index in (kk, ru):
        for reg_no, _, anchor, _ in index["hits"]:
            reg = index["regs"][reg_no]
            assert anchor in parse(public / reg["url"]).ids
    # the Russian index: the bilingual regulation in Russian, the seed in Kazakh
    langs = {r["id"]: r["lang"] for r in ru["regs"]}
    assert langs == {SEED: "kk", UNIT: "ru"}
    assert any("ежеквартально" in h[3] for h in ru["hits"])


def test_clause_with_script_and_html_is_shown_as_text(project, dlo):
    add_unit(project)
    evil = '<script>alert("x")</script> <b>жуан</b> & <img src=x onerror=alert(1)> "тырнақша"'
    replace(
        project,
        UNIT,
        "Бөлім бастығы институт директорына тоқсан сайын есеп береді.",
        json.dumps(evil, ensure_ascii=False),
    )  # a JSON string is a YAML double-quoted scalar
    approve_unit(dlo, project)
    revise_unit(
        dlo,
        project,
        "<script>причина</script>",
        "методическая помощь",
        "<i>методическая</i> помощь",
    )
    build(dlo, project)
    public = project / "public"
    html = page(project, f"kk/{UNIT}/index.html")
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &lt;b&gt;жуан&lt;/b&gt; &amp; &lt;img src=x"
        in html
    )
    assert "<b>" not in html and "<img" not in html and "onerror=alert(1)>" not in html
    assert (
        visible_text(re.search(r'<p class="clause" id="clause-4".*?</p>', html, re.S).group(0))
        .strip()
        .endswith(
            '<script>alert("x")</script> <b>жуан</b> & <img src=x onerror=alert(1)> "тырнақша"'
        )
    )
    for path in public.rglob("*.html"):
        body = path.read_text(encoding="utf-8")
        assert "<script>" not in body and "<i>" not in body and "<b>" not in body, path
        assert len(parse(path).scripts) == 1
    compare = page(project, f"ru/{UNIT}/compare-1-2.html")
    assert "&lt;i&gt;" in compare
    history = page(project, f"ru/{UNIT}/index.html")
    assert "&lt;script&gt;причина&lt;/script&gt;" in history
    # the search index is data (JSON); the script shows it with textContent
    data = json.loads((public / "search-index.kk.json").read_text(encoding="utf-8"))
    assert any(h[3] == evil for h in data["hits"])


def test_incremental_build_renders_only_what_changed(published, dlo):
    first = build(dlo, published).out
    assert "2 rendered" in first
    public = published / "public"
    seed_docx = public / "files" / "dlo-head-1.kk.docx"
    seed_page = public / "kk" / SEED / "index.html"
    stamps = {p: p.stat().st_mtime_ns for p in site_files(public)}
    manifest = public / ".dlo-site" / "manifest.json"
    before = manifest.stat()
    # nothing changed: nothing rendered, nothing written, not even the manifest
    again = build(dlo, published).out
    assert "0 rendered, 2 unchanged; 0 file(s) written" in again
    assert {p: p.stat().st_mtime_ns for p in site_files(public)} == stamps
    after = manifest.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    # editing the working draft changes nothing on the site
    replace(published, SEED, "құқылы:", "құқылы (жоба):")
    assert "0 rendered" in build(dlo, published).out
    # a periodic review of the fixture: only the fixture is rendered again
    ok(
        dlo,
        published,
        "review",
        UNIT,
        "--by",
        "vp-academic",
        "--result",
        "Өзекті",
        "--date",
        "2025-09-01",
    )
    out = build(dlo, published).out
    assert "1 rendered, 1 unchanged" in out
    assert seed_docx.stat().st_mtime_ns == stamps[seed_docx]
    assert seed_page.stat().st_mtime_ns == stamps[seed_page]
    assert "01.09.2028" in page(published, "index.html")  # the next review, 3 years after this one
    assert "Өзекті" in page(published, f"kk/{UNIT}/index.html")


@pytest.mark.parametrize(
    ("rel", "plain"),
    [
        ("index.html", True),
        ("kk/dlo-head/index.html", True),
        (".dlo-site/cache/dlo-head.json", True),  # the build's own folder: its cache entries
        (".dlo-site/manifest.json", False),  # not its manifest nor its lock
        (".dlo-site/build.lock", False),
        (".dlo-site/cache/a/b.json", False),
        (".dlo-site/cache/.x", False),
        ("/etc/passwd", False),
        ("a//b", False),
        ("a/", False),
        (".x", False),
        ("kk/.dlo-site/x", False),
        ("a/..", False),
        ("../a", False),
        ("./a", False),
        ("a\\b", False),
        ("a\0b", False),
        ("", False),
        (None, False),
    ],
)
def test_the_manifest_names_only_paths_the_build_writes(rel, plain):
    from dlo_docs.site.manifest import plain_path

    assert plain_path(rel) is plain


def test_a_manifest_naming_the_build_s_own_files_is_not_followed(published, dlo):
    """A manifest listing the build's lock (or its manifest) as an output had the next build
    remove it as stale, the lock while it held it: two builds at once were no longer kept
    apart. Such a manifest is not the build's: it is ignored, and the site built again."""
    build(dlo, published)
    public = published / "public"
    manifest_path = public / ".dlo-site" / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["outputs"][".dlo-site/build.lock"] = {"key": None}
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    assert (public / ".dlo-site" / "build.lock").is_file()
    out = build(dlo, published).out
    assert (public / ".dlo-site" / "build.lock").is_file(), out
    assert "0 removed" in out and not broken_links(public)


def test_withdrawn_regulation_disappears(published, dlo):
    build(dlo, published)
    public = published / "public"
    assert (public / "kk" / UNIT / "compare-1-2.html").is_file()
    ok(dlo, published, "withdraw", UNIT, "--order", "301-НҚ", "--date", "2026-01-20")
    out = build(dlo, published).out
    assert "1 regulation in force" in out
    assert not (public / "kk" / UNIT).exists() and not (public / "ru" / UNIT).exists()
    assert not list((public / "files").glob(f"{UNIT}-*"))
    assert UNIT not in page(published, "index.html")
    assert UNIT not in (public / "search-index.kk.json").read_text(encoding="utf-8")
    assert broken_links(public) == []


def test_a_build_stopped_removing_a_withdrawn_regulation_leaves_no_link_to_a_removed_download(
    published, dlo, monkeypatch
):
    """A build stopped (Ctrl-C, a kill) as it removed a withdrawn regulation's files: its pages,
    still served at their addresses (a bookmark) until the next build, linked to its DOCX
    already removed, as the downloads went first (files/ sorts before kk/ and ru/). Its pages
    go first now: what is left of it links to no download that is gone; the next build removes
    the rest."""
    build(dlo, published)
    public = published / "public"
    ok(dlo, published, "withdraw", UNIT, "--order", "301-НҚ", "--date", "2026-01-20")
    real, removed = Path.unlink, []

    def unlink(self, *args, **kwargs):
        if public in self.parents and ".dlo-site" not in self.parts:
            if removed:  # the second removal: stopped, the first one done
                raise KeyboardInterrupt
            removed.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert dlo("site", "build", "--no-pdf", cwd=published).code == 130
    monkeypatch.undo()
    assert removed and UNIT in str(removed[0])
    downloads = [link for link in broken_links(public) if "files/" in link]
    assert downloads == [], downloads
    build(dlo, published)
    assert not (public / "kk" / UNIT).exists() and broken_links(public) == []


@pytest.mark.parametrize("damage", ["truncated", "other format", "planted entry"])
def test_a_withdrawn_regulation_leaves_the_site_built_over_a_manifest_not_taken(
    published, dlo, damage
):
    """A manifest the build does not take (damaged, of another format, not the build's) has
    the site built again from scratch; the files of the build before, which it listed, were
    then listed nowhere: a regulation withdrawn meanwhile kept its pages and downloads on the
    site for good, every later build leaving them. The build now takes the files in the site's
    own folders (kk/, ru/, files/, static/) as the previous build's, as an empty folder's
    build would leave none of them; a file of the admin's beside them (robots.txt) stays."""
    build(dlo, published)
    public = published / "public"
    (public / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    ok(dlo, published, "withdraw", UNIT, "--order", "301-НҚ", "--date", "2026-01-20")
    manifest_path = public / ".dlo-site" / "manifest.json"
    text = manifest_path.read_text("utf-8")
    if damage == "truncated":
        text = text[: len(text) // 2]
    elif damage == "other format":
        text = text.replace('"format": 1', '"format": 99')
    else:
        data = json.loads(text)
        data["outputs"]["../outside.html"] = {"key": None}
        text = json.dumps(data)
    manifest_path.write_text(text, "utf-8")
    out = build(dlo, published).out
    assert "1 regulation in force" in out
    assert not (public / "kk" / UNIT).exists() and not (public / "ru" / UNIT).exists()
    assert not list((public / "files").glob(f"{UNIT}-*"))
    assert (public / "robots.txt").is_file()
    assert broken_links(public) == []
    assert "0 removed" in build(dlo, published).out  # and the next build finds nothing left


def test_a_file_no_build_could_have_written_stays_over_a_manifest_not_taken(
    published, dlo, tmp_path
):
    """Over a manifest not taken, the files in the site's own folders stand for the previous
    build's; not a file with another name (a hard link to an archive's copy: a build renames its
    files into place) nor, where the build runs as root, another user's (an editor's upload):
    the build before could not have written them, as a taken manifest's check says of a file."""
    build(dlo, published)
    public = published / "public"
    archive = tmp_path / "archive.pdf"
    archive.write_bytes(b"%PDF-1.7 archived")
    os.link(archive, public / "files" / "archive.pdf")
    upload = public / "files" / "upload.pdf"
    upload.write_bytes(b"%PDF-1.7 uploaded")
    other = hasattr(os, "geteuid") and os.geteuid() == 0
    if other:
        os.chown(upload, 4321, 4321)
    manifest_path = public / ".dlo-site" / "manifest.json"
    manifest_path.write_text(manifest_path.read_text("utf-8")[:40], "utf-8")
    build(dlo, published)
    assert (public / "files" / "archive.pdf").is_file()
    assert upload.is_file() is other


def test_nothing_in_force_gives_an_empty_site(project, dlo):
    out = build(dlo, project).out
    assert "0 regulations in force" in out and "no regulation has an edition in force" in out
    assert "Күшіндегі құжаттар жоқ." in page(project, "index.html")
    assert "Действующих документов нет." in page(project, "ru/index.html")
    assert not (project / "public" / "kk").exists()
    assert broken_links(project / "public") == []


def test_a_site_whose_every_regulation_is_withdrawn_says_none_is_in_force(in_force, dlo):
    """Every regulation withdrawn, the register said its documents were "not yet published", as
    on the day the site was first set up."""
    build(dlo, in_force)
    ok(dlo, in_force, "withdraw", SEED, "--order", "301-НҚ", "--date", "2025-01-20")
    build(dlo, in_force)
    index = page(in_force, "index.html")
    assert "Күшіндегі құжаттар жоқ." in index and "жарияланбаған" not in index
    assert "еще не опубликованы" not in page(in_force, "ru/index.html")


def test_build_into_another_folder_and_refusals(published, dlo, tmp_path):
    target = tmp_path / "www" / "regulations"
    build(dlo, published, "--out", str(target))
    assert (target / "kk" / SEED / "index.html").is_file()
    # a folder with other things in it is not overwritten
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", "--out", str(other), cwd=published)
    assert result.code == 2 and "was not built by `dlo site build`" in result.err
    assert sorted(p.name for p in other.iterdir()) == ["keep.txt"]
    result = dlo("site", "build", "--no-pdf", "--out", str(published), cwd=published)
    assert result.code == 2 and "would overwrite the project's own files" in result.err
    # files of others in a built folder are left alone
    (target / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    build(dlo, published, "--out", str(target))
    assert (target / "robots.txt").is_file()


def test_frozen_edition_edited_after_approval_is_not_published(published, dlo):
    build(dlo, published)
    before = page(published, f"kk/{SEED}/index.html")
    frozen = published / "regulations" / SEED / "editions" / "1.yaml"
    frozen.write_text(
        frozen.read_text(encoding="utf-8").replace("құқылы:", "құқылы ӨЗГЕРТІЛДІ:"),
        encoding="utf-8",
    )
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 1
    assert "error DLO810" in result.err and "regulations/dlo-head/editions/1.yaml:1:1" in result.err
    assert "Traceback" not in result.err
    assert page(published, f"kk/{SEED}/index.html") == before  # the site is left as it was


def test_the_working_draft_is_not_read(published, dlo):
    """The site is built from the journal and the frozen editions: a draft with errors neither
    blocks publishing nor changes a byte of the site, nor is it warned about (``dlo check``
    reports it)."""
    build(dlo, published, "--out", "public-before")
    draft = published / "regulations" / SEED / "regulation.yaml"
    draft.write_text("chapters: [unclosed\n", encoding="utf-8")
    result = build(dlo, published, "--out", "public-2")
    assert "warning" not in result.err and "DLO" not in result.err
    assert "Қашықтықтан" in page(published, f"kk/{SEED}/index.html", out="public-2")
    for lang in ("kk", "ru"):
        rel = f"{lang}/{SEED}/index.html"
        assert page(published, rel, out="public-2") == page(published, rel, out="public-before")


def test_a_review_is_shown_in_the_page_s_language_as_the_journal_captured_it(published, dlo):
    """The reviewer's position and name on the ru page are the Russian ones the review event
    captured (the kk page's the Kazakh): a ru page printed the main language's spelling."""
    review = ("review", UNIT, "--by", "hr-head", "--result", "OK", "--date", "2025-09-01")
    ok(dlo, published, *review)
    build(dlo, published)
    for lang, reviewer in [
        ("ru", "Начальник отдела управления персоналом, Г. М. Жумабаева"),
        ("kk", "Персоналды басқару бөлімінің бастығы, Г. М. Жұмабаева"),
    ]:
        html = page(published, f"{lang}/{UNIT}/index.html")
        assert re.search(rf'<td data-label="[^"]+" lang="{lang}">{reviewer}</td>', html), html


def test_the_published_records_do_not_depend_on_the_working_draft(published, dlo):
    """The title page and sheets of the edition in force come from the journal and the frozen
    editions: the same review line whether the working text validates or not."""
    from dlo_docs import workflow
    from dlo_docs.project import Project

    review = ("review", UNIT, "--by", "vp-academic", "--result", "Өзекті", "--date", "2025-09-01")
    ok(dlo, published, *review)
    [reviewed] = workflow.records(Project(published), UNIT).reviews
    reviewer = reviewed.reviewer["ru"]
    assert "," in reviewer  # "position, name": the line the forms print
    build(dlo, published)
    assert reviewer in page(published, f"ru/{UNIT}/index.html")
    (published / "regulations" / UNIT / "regulation.yaml").write_text(
        "chapters: [unclosed\n", encoding="utf-8"
    )
    build(dlo, published, "--out", "public-2")  # a whole new build
    assert reviewer in page(published, f"ru/{UNIT}/index.html", out="public-2")


def test_without_libreoffice_the_site_is_built_without_pdf(published, dlo, monkeypatch):
    monkeypatch.setenv("DLO_SOFFICE", "/nonexistent/soffice")
    result = ok(dlo, published, "site", "build")
    assert "warning DLO801" in result.err and "no PDF" in result.out
    assert ".pdf" not in page(published, f"kk/{SEED}/index.html")


def test_help_names_every_site_command(dlo, project):
    for args in (("site", "--help"), ("site", "build", "--help"), ("site", "serve", "--help")):
        result = dlo(*args, cwd=project)
        assert result.code == 0 and "Usage:" in result.out
    assert "--out" in dlo("site", "build", "--help", cwd=project).out
    assert "--port" in dlo("site", "serve", "--help", cwd=project).out


@pytest.mark.slow  # LibreOffice
def test_pdf_downloads_made_once(seed_approved, dlo, monkeypatch):
    project = seed_approved
    from dlo_docs.render import pdf as pdf_render

    if not pdf_render.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    result = ok(dlo, project, "site", "build")
    assert "no PDF" not in result.out
    pdf = project / "public" / "files" / "dlo-head-1.kk.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    html = page(project, f"kk/{SEED}/index.html")
    assert 'href="../../files/dlo-head-1.kk.pdf"' in html

    # unchanged: LibreOffice is not run again
    def no_conversion(*args, **kwargs):
        raise AssertionError("LibreOffice run for an unchanged regulation")

    monkeypatch.setattr(pdf_render, "convert", no_conversion)
    monkeypatch.setattr(pdf_render, "convert_many", no_conversion)
    assert "0 rendered" in ok(dlo, project, "site", "build").out
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_a_failed_pdf_conversion_costs_the_pdf_only(seed_approved, dlo, monkeypatch):
    project = seed_approved
    from dlo_docs.render import pdf as pdf_render
    from dlo_docs.render import soffice

    def broken(paths, *args, **kwargs):  # every batch timed out, and every retry
        return pdf_render.Converted(
            failed={Path(p).stem: ("DLO302", "LibreOffice timed out") for p in paths}
        )

    monkeypatch.setattr(soffice, "available", lambda: True)
    monkeypatch.setattr(pdf_render, "convert_many", broken)
    result = ok(dlo, project, "site", "build")
    assert "warning DLO802" in result.err and "LibreOffice timed out" in result.err
    html = page(project, f"kk/{SEED}/index.html")
    assert ".pdf" not in html and "dlo-head-1.kk.docx" in html
    # the regulation is tried again by the next build
    assert "1 rendered" in ok(dlo, project, "site", "build").out


def test_a_page_shows_the_size_of_each_pdf_made_after_it_was_rendered(published, monkeypatch):
    """A regulation's pages are rendered before its PDFs are made: the size each shows is the
    size of the PDF written, and a PDF not made is not linked (the page is as it would be
    without it), whichever of a regulation's PDFs fails."""
    from dlo_docs import site
    from dlo_docs.project import Project
    from dlo_docs.render import pdf as pdf_render
    from dlo_docs.render import soffice

    sizes = {f"{UNIT}-2.kk": 10 * 1024, f"{UNIT}-2.ru": 3 * 1024 + 700}

    def converting(paths, outdir, *args, **kwargs):  # the unit's Russian PDF is not made
        made, failed = {}, {}
        for path in map(Path, paths):
            if path.stem == f"{UNIT}-2.ru":
                failed[path.stem] = ("DLO301", "LibreOffice made no PDF of it")
                continue
            target = Path(outdir) / f"{path.stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"%PDF-" + b"x" * (sizes.get(path.stem, 5000) - 5))
            made[path.stem] = target
        return pdf_render.Converted(made=made, failed=failed)

    monkeypatch.setattr(soffice, "available", lambda: True)
    monkeypatch.setattr(pdf_render, "convert_many", converting)
    report = site.build(Project(published), published / "public")
    assert [p.code for p in report.problems if p.code == "DLO802"] == ["DLO802"]
    public = published / "public"
    for lang in ("kk", "ru"):
        seed = (public / lang / SEED / "index.html").read_text("utf-8")
        # the size in the page's words: КБ on the Kazakh and the Russian page alike, kept on
        # the number's line (a no-break space)
        assert "files/dlo-head-1.kk.pdf" in seed and ", 5\u00a0КБ</span>" in seed
        unit = (public / lang / UNIT / "index.html").read_text("utf-8")
        # its Russian PDF failed: not linked (made again by the next build); the Kazakh one is
        assert f"files/{UNIT}-2.ru.pdf" not in unit and f"files/{UNIT}-2.ru.docx" in unit
        assert re.search(rf'files/{UNIT}-2\.kk\.pdf".*?, 10\u00a0КБ</span>', unit, re.S)
        assert " KB<" not in seed + unit
        assert "dlo-size-" not in seed + unit
    assert (public / "files" / f"{UNIT}-2.kk.pdf").stat().st_size == 10 * 1024
    assert not broken_links(public)
    # the unit is built again by the next build (its Russian PDF tried again), the seed is not
    assert site.build(Project(published), public).rebuilt == [UNIT]


class _Converter:
    """A stand-in for LibreOffice: makes a small PDF of each DOCX but those whose name starts
    with one of ``failing``; ``then`` is called once a batch is done (while the build waits)."""

    def __init__(self, failing: tuple[str, ...] = (), then=None) -> None:
        self.failing, self.then = failing, then

    def __call__(self, paths, outdir, *args, **kwargs):
        from dlo_docs.render import pdf as pdf_render

        made, failed = {}, {}
        for path in map(Path, paths):
            if path.stem.startswith(self.failing):
                failed[path.stem] = ("DLO301", "LibreOffice made no PDF of it")
                continue
            target = Path(outdir) / f"{path.stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"%PDF-1.7 stand-in")
            made[path.stem] = target
        if self.then is not None:
            self.then()
        return pdf_render.Converted(made=made, failed=failed)


def _with_pdfs(monkeypatch, converter: _Converter) -> None:
    from dlo_docs.render import pdf as pdf_render
    from dlo_docs.render import soffice

    monkeypatch.setattr(soffice, "available", lambda: True)
    monkeypatch.setattr(pdf_render, "convert_many", converter)


def test_each_page_is_rendered_once_when_its_pdfs_are_made(published, monkeypatch):
    """A page is rendered before its PDFs are made, and only once: not again (nor a spare
    without its PDFs) unless a PDF fails."""
    from dlo_docs import site
    from dlo_docs.project import Project
    from dlo_docs.site import pages

    rendered = []
    regulation = pages.Pages.regulation

    def counting(self, pub, lang, *args, **kwargs):
        rendered.append((pub.id, lang))
        return regulation(self, pub, lang, *args, **kwargs)

    monkeypatch.setattr(pages.Pages, "regulation", counting)
    _with_pdfs(monkeypatch, _Converter())
    report = site.build(Project(published), published / "public")
    assert not report.problems and sorted(report.rebuilt) == [SEED, UNIT]
    assert sorted(rendered) == [(SEED, "kk"), (SEED, "ru"), (UNIT, "kk"), (UNIT, "ru")]
    assert f"files/{UNIT}-2.ru.pdf" in page(published, f"kk/{UNIT}/index.html")

    _with_pdfs(monkeypatch, _Converter(failing=(UNIT,)))
    rendered.clear()
    (published / "public" / "files" / f"{UNIT}-2.kk.pdf").unlink()  # to be made again
    report = site.build(Project(published), published / "public")
    # its pages rendered twice: with its PDFs, then without the one that failed
    assert sorted(rendered) == [(UNIT, "kk"), (UNIT, "kk"), (UNIT, "ru"), (UNIT, "ru")]
    unit = page(published, f"kk/{UNIT}/index.html")
    assert f"files/{UNIT}-2.kk.pdf" not in unit and f"files/{UNIT}-2.ru.pdf" in unit
    assert not broken_links(published / "public")


def test_a_regulation_damaged_while_its_pdf_failed_is_not_published_from_it(published, monkeypatch):
    """A regulation whose PDF failed is read again for its pages without it: its journal
    damaged meanwhile, it is reported and not published (no page, no index entry, no broken
    link), and the next build publishes it once repaired."""
    from dlo_docs import site
    from dlo_docs.project import Project

    journal = published / "regulations" / UNIT / "journal.yaml"
    good = journal.read_bytes()
    _with_pdfs(
        monkeypatch,
        _Converter(failing=(UNIT,), then=lambda: journal.write_bytes(b"- event: [unclosed\n")),
    )
    report = site.build(Project(published), published / "public")
    public = published / "public"
    assert report.failed == [UNIT] and report.published == [SEED] and report.rebuilt == [SEED]
    assert any(p.severity == "error" and "journal.yaml" in str(p.location) for p in report.problems)
    assert f'"kk/{UNIT}/index.html"' not in page(published, "index.html")
    # nothing of it left: its DOCX, PDFs and comparisons were written before it failed
    assert [p.name for p in site_files(public) if UNIT in str(p)] == []
    manifest = json.loads((public / ".dlo-site" / "manifest.json").read_text("utf-8"))
    assert [rel for rel in manifest["outputs"] if UNIT in rel] == []
    assert not broken_links(public)

    journal.write_bytes(good)
    _with_pdfs(monkeypatch, _Converter())
    report = site.build(Project(published), public)
    assert report.rebuilt == [UNIT] and not report.problems
    assert f"files/{UNIT}-2.kk.pdf" in page(published, f"ru/{UNIT}/index.html")
    assert not broken_links(public)


def _empty_folders(root: Path) -> list[str]:
    return [
        str(d.relative_to(root)) for d in root.rglob("*") if d.is_dir() and not any(d.iterdir())
    ]


def _moved_away(published: Path):
    def move() -> None:
        (published / "regulations" / UNIT).rename(published / f"{UNIT}.away")

    return move


def _template_broken(published: Path):
    def breaking() -> None:
        page = published / "templates" / "html" / "site" / "regulation.html.j2"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("{% if %}\n", encoding="utf-8")

    return breaking


@pytest.mark.parametrize(
    ("edit", "code"),
    [(_moved_away, "DLO000"), (_template_broken, "DLO304")],
    ids=["folder-moved-away", "page-template-broken"],
)
def test_what_fails_in_reading_a_regulation_again_costs_that_regulation_only(
    published, monkeypatch, edit, code
):
    """Its folder moved away, or the page's template broken, while its PDF was being made (and
    failed): the build goes on, the other regulation is published, nothing of it is left."""
    from dlo_docs import site
    from dlo_docs.project import Project

    public = published / "public"
    _with_pdfs(monkeypatch, _Converter(failing=(f"{UNIT}-2.ru",), then=edit(published)))
    report = site.build(Project(published), public)
    assert report.failed == [UNIT] and report.published == [SEED] and not report.removed
    assert [p.code for p in report.problems if p.severity == "error"] == [code]
    assert [p.name for p in site_files(public) if UNIT in str(p)] == []
    assert not broken_links(public) and not _empty_folders(public)


def test_a_regulation_read_again_is_listed_as_its_page_shows_it(published, monkeypatch):
    """A review recorded while its PDF was made (and failed): its page, read again, shows it,
    and so does the index (its summary read again with it), not the summary of before."""
    from dlo_docs import site, workflow
    from dlo_docs.project import Project

    def reviewed() -> None:
        workflow.review(
            Project(published), UNIT, "vp-academic", "Өзекті", date=dt.date(2026, 11, 30)
        )

    public = published / "public"
    _with_pdfs(monkeypatch, _Converter(failing=(f"{UNIT}-2.ru",), then=reviewed))
    report = site.build(Project(published), public)
    assert not report.failed and not [p for p in report.problems if p.code != "DLO802"]
    assert "30.11.2029" in page(published, f"kk/{UNIT}/index.html")
    assert "30.11.2029" in page(published, "index.html")  # the next review due
    cache = json.loads((public / ".dlo-site" / "cache" / f"{UNIT}.json").read_text("utf-8"))
    assert cache["summary"]["review_due"] == "2029-11-30"  # what the next build lists


def test_a_regulation_no_longer_in_force_when_its_pdf_failed_keeps_its_previous_pages(
    published, monkeypatch
):
    """Read again for its pages without a failed PDF, a regulation is no longer as it was
    rendered (here: no edition in force): DLO807, and the pages of the previous build stay."""
    from dlo_docs import site
    from dlo_docs.project import Project
    from dlo_docs.site import collect

    public = published / "public"
    site.build(Project(published), public, pdf=False)
    before = {lang: page(published, f"{lang}/{UNIT}/index.html") for lang in ("kk", "ru")}
    read = []
    collect_for_real = collect.collect

    def withdrawn_when_read_again(project, reg_id, registry):
        read.append(reg_id)
        if read.count(reg_id) > 1 and reg_id == UNIT:
            return None
        return collect_for_real(project, reg_id, registry)

    monkeypatch.setattr(collect, "collect", withdrawn_when_read_again)
    _with_pdfs(monkeypatch, _Converter(failing=(f"{UNIT}-2.kk",)))
    report = site.build(Project(published), public)  # with PDFs: everything rendered again
    assert read.count(UNIT) == 2 and read.count(SEED) == 1
    assert report.failed == [UNIT] and sorted(report.published) == [SEED, UNIT]
    [changed] = [p for p in report.problems if p.code == "DLO807"]
    assert UNIT in changed.message and changed.severity == "warning"
    assert {lang: page(published, f"{lang}/{UNIT}/index.html") for lang in ("kk", "ru")} == before
    assert f'"kk/{UNIT}/index.html"' in page(published, "index.html")
    assert "files/dlo-head-1.kk.pdf" in page(published, f"kk/{SEED}/index.html")
    assert not broken_links(public)


def test_published_files_are_readable_by_the_web_server(published, dlo):
    import os
    import stat

    old = os.umask(0o022)
    try:
        build(dlo, published)
    finally:
        os.umask(old)
    public = published / "public"
    for path in site_files(public):
        assert path.stat().st_mode & 0o777 == 0o644, path  # not the temporary file's 0600
    assert stat.S_IMODE((public / ".dlo-site" / "manifest.json").stat().st_mode) == 0o600


def test_published_files_are_readable_by_the_web_server_whatever_the_umask(published, dlo):
    """An admin's umask of 077 (or 027) must not make the site unreadable to the web server,
    which runs as another user: published files and the folders the build makes are readable
    (and the folders searchable) by everyone; the build's own .dlo-site/ files stay private."""
    import os
    import stat

    from dlo_docs import fsio

    out = published / "site" / "regulations"  # neither folder exists yet: the build makes both
    for mask in (0o077, 0o027):
        old = os.umask(mask)
        fsio.umask.cache_clear()
        try:
            build(dlo, published, "--out", str(out))
        finally:
            os.umask(old)
            fsio.umask.cache_clear()
        folders = [out, *(p for p in out.rglob("*") if p.is_dir() and ".dlo-site" not in p.parts)]
        for folder in folders:
            assert stat.S_IMODE(folder.stat().st_mode) & 0o555 == 0o555, (oct(mask), folder)
        for path in site_files(out):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, (oct(mask), path)
        assert stat.S_IMODE((out / ".dlo-site" / "manifest.json").stat().st_mode) == 0o600
        shutil.rmtree(out.parent)


def test_the_web_server_example_restricts_to_internal_ranges_with_the_same_policy():
    from pathlib import Path

    from dlo_docs.site import views

    repo = Path(__file__).resolve().parent.parent
    conf = (repo / "docs" / "nginx-site.conf").read_text(encoding="utf-8")
    for net in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8"):
        assert f"allow {net};" in conf
    assert "deny all;" in conf
    assert (
        f"add_header Content-Security-Policy \"{views.CSP}; frame-ancestors 'none'\" always;"
        in conf
    )
    assert 'add_header X-Content-Type-Options "nosniff" always;' in conf
    assert "disable_symlinks on from=$document_root;" in conf  # run: test_site_nginx.py
    # a copy of the site deletes what the build no longer publishes (a withdrawn regulation)
    assert "rsync -a --delete public/ /var/www/regulations/" in conf
    readme = (repo / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "### site" in readme and "dlo site build" in readme and "dlo site serve" in readme
    assert views.CSP.replace("; ", ";").replace(" ", "") in readme.replace("\n", "").replace(
        " ", ""
    )


def test_an_interrupted_first_build_can_be_run_again(published, dlo, monkeypatch):
    import importlib

    site_build = importlib.import_module(
        "dlo_docs.site.build"
    )  # the module (dlo_docs.site.build is the function)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(site_build._Site, "comparisons", crash)
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code != 0
    assert (published / "public" / "files").is_dir()  # it had begun
    monkeypatch.undo()
    build(dlo, published)
    assert broken_links(published / "public") == []


def test_templates_without_the_site_take_the_bundled_ones(project, dlo):
    """A project's templates/ holds only the files it changes: without the site's pages and
    style sheet, the bundled ones build the site."""
    import shutil

    shutil.rmtree(project / "templates" / "html" / "site")
    shutil.rmtree(project / "templates" / "site")
    approve_seed(dlo, project)
    result = dlo("site", "build", "--no-pdf", cwd=project)
    assert result.code == 0, result.err
    bundled = Path(__file__).resolve().parent.parent / "templates" / "site" / "static" / "site.css"
    assert (project / "public" / "static" / "site.css").read_bytes() == bundled.read_bytes()
    assert (project / "public" / "index.html").is_file()


def test_an_edition_missing_texts_in_a_language_is_published_in_its_first(
    project, dlo, monkeypatch
):
    add_unit(project)
    replace(
        project,
        UNIT,
        "\n        ru: Начальник отдела ежеквартально отчитывается перед директором института.",
        "",
    )
    # dlo now refuses to submit or approve a text with check errors; an edition like this one
    # comes from a journal written before that (or approved on paper): approve it as then
    with monkeypatch.context() as patched:
        patched.setattr("dlo_docs.workflow.guards.valid", lambda ctx, verb: None)
        approve_unit(dlo, project)
    result = build(dlo, project)
    assert "warning DLO805" in result.err and "published in kk only" in result.err
    ru = page(project, f"ru/{UNIT}/index.html")
    assert '<article class="text" lang="kk"' in ru and "только на казахском" in ru
    assert not (project / "public" / "files" / f"{UNIT}-1.ru.docx").exists()


def test_search_hits_number_a_sub_clause_once(project):
    """An item is found under its clause's number and its own ("10. 3)"); a sub-clause's number
    names its clause already: "10.3.", not "10. 10.3."."""
    from dlo_docs import context
    from dlo_docs.project import Project
    from dlo_docs.site.search import entries

    def numbers() -> dict[str, str]:
        loaded = Project(project).load(["dlo-head"])
        rd = context.build(loaded.documents["dlo-head"], loaded.registry)
        return {anchor: number for number, anchor, _ in entries(rd)}

    assert (numbers()["clause-10"], numbers()["clause-10-3"]) == ("10.", "10. 3)")
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    - id: duties\n", "    - id: duties\n      items_style: subclauses\n", 1),
        encoding="utf-8",
    )
    assert (numbers()["clause-10"], numbers()["clause-10-3"]) == ("10.", "10.3.")


def test_an_edit_in_a_linked_template_folder_is_seen(project, dlo):
    """templates/html linked to a folder of the project: the pages read what the link holds, so
    an edit there is a change ("nothing changed" would leave the site stale)."""
    import shutil

    shared = project / "shared-html"
    shutil.move(project / "templates" / "html", shared)
    (project / "templates" / "html").symlink_to(shared, target_is_directory=True)
    approve_seed(dlo, project)
    assert dlo("site", "build", "--no-pdf", cwd=project).code == 0
    base = shared / "site" / "base.html.j2"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- БӨЛІНГЕН -->\n", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", cwd=project)
    assert result.code == 0 and "1 rendered" in result.out, result.out
    assert "БӨЛІНГЕН" in (project / "public" / "index.html").read_text(encoding="utf-8")


def test_a_regulation_no_longer_in_force_whose_previous_cache_is_damaged_leaves_the_site(
    published, monkeypatch
):
    """As above, but the previous build's cache of it damaged meanwhile (its size and time
    kept): its previous pages cannot be listed, so they go with it; nothing links to what is
    gone, no folder is left empty."""
    import os

    from dlo_docs import site
    from dlo_docs.project import Project
    from dlo_docs.site import collect

    public = published / "public"
    site.build(Project(published), public, pdf=False)
    cache = public / ".dlo-site" / "cache" / f"{UNIT}.json"
    collect_for_real, read = collect.collect, []

    def withdrawn_when_read_again(project, reg_id, registry):
        read.append(reg_id)
        if read.count(reg_id) > 1 and reg_id == UNIT:
            return None
        return collect_for_real(project, reg_id, registry)

    def damaged() -> None:  # as it was until the group is finished: then damaged
        info = cache.stat()
        cache.write_bytes(b"X" * info.st_size)
        os.utime(cache, ns=(info.st_atime_ns, info.st_mtime_ns))

    monkeypatch.setattr(collect, "collect", withdrawn_when_read_again)
    _with_pdfs(monkeypatch, _Converter(failing=(f"{UNIT}-2.kk",), then=damaged))
    report = site.build(Project(published), public)
    assert report.failed == [UNIT] and report.published == [SEED]
    assert [p.code for p in report.problems if p.code != "DLO802"] == ["DLO807"]
    assert [p.name for p in site_files(public) if UNIT in str(p)] == []
    assert f'"kk/{UNIT}/index.html"' not in page(published, "index.html")
    assert not broken_links(public) and not _empty_folders(public)


def _article(html: str) -> str:
    """The text a page shows, without the notice that it is not in the page's language."""
    text = re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)
    return re.sub(r'<p class="notice".*?</p>\n', "", text)


def test_a_text_in_one_language_is_printed_once_for_the_pages_of_both(published, monkeypatch):
    """The seed (kk only) shows the same text on its kk and ru pages: made once; the bilingual
    regulation's two texts once each. A project's own page that loops over the blocks itself
    (as the bundled one did) still shows the text."""
    from dlo_docs import site
    from dlo_docs.project import Project
    from dlo_docs.render import html as html_render

    made = []
    render = html_render.render_template

    def counting(name, *args, **values):
        if name == "site/text.html.j2":
            made.append(values["doc"].code)
        return render(name, *args, **values)

    monkeypatch.setattr(html_render, "render_template", counting)
    report = site.build(Project(published), published / "public", pdf=False)
    assert not report.problems and sorted(report.rebuilt) == [SEED, UNIT]
    assert sorted(made) == sorted(["ЛН ҮББИ 01-2024", "П ҮББИ 02-2024", "П ҮББИ 02-2024"]), made
    seed_kk, seed_ru = (page(published, f"{lang}/{SEED}/index.html") for lang in ("kk", "ru"))
    assert _article(seed_kk) == _article(seed_ru) and 'id="clause-11"' in _article(seed_kk)
    assert _article(page(published, f"kk/{UNIT}/index.html")) != _article(
        page(published, f"ru/{UNIT}/index.html")
    )

    own = published / "templates" / "html" / "site" / "regulation.html.j2"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(
        '{% extends "site/base.html.j2" %}{% block main %}<article>'
        '{% for b in doc.blocks %}<p id="{{ b.anchor }}">{{ b.text }}</p>{% endfor %}'
        "</article>{% endblock %}\n",
        encoding="utf-8",
    )
    report = site.build(Project(published), published / "public", pdf=False)
    assert not report.problems
    assert 'id="clause-11"' in _article(page(published, f"ru/{SEED}/index.html"))


def test_an_own_page_printing_a_download_s_size_prints_its_unit_too(published):
    """A project's own copy of site/regulation.html.j2, made from the bundled page while a
    download's size was "12 KB", prints ``{{ f.size }}``: it still says the unit, in the page's
    words and on the number's line, not a bare "12"."""
    from dlo_docs import site
    from dlo_docs.project import Project

    own = published / "templates" / "html" / "site" / "regulation.html.j2"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(
        '{% extends "site/base.html.j2" %}{% block main %}<ul>{% for f in files %}'
        "<li>{{ f.label }}, {{ f.size }}</li>{% endfor %}</ul>{% endblock %}\n",
        encoding="utf-8",
    )
    report = site.build(Project(published), published / "public", pdf=False)
    assert not report.problems
    for lang in ("kk", "ru"):
        assert re.search(
            r"<li>Word \(DOCX\), \d+\u00a0КБ</li>", source(published, f"{lang}/{SEED}/index.html")
        )


def test_an_effective_date_arrives_on_the_organisations_day_not_the_computers(
    tmp_path, monkeypatch
):
    """A site build builds a regulation again on the day an approved edition comes into force:
    that day is the journal's zone's, as the journal's replay takes it. With the computer's
    clock a day behind, the edition was in force (status, pages) but its pages were kept as
    built the day before until the computer's clock reached the date."""
    import time

    from dlo_docs.site import stamps

    monkeypatch.delenv("DLO_TODAY", raising=False)
    monkeypatch.setenv("TZ", "Etc/GMT+12")
    time.tzset()
    try:
        org_today = dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date().isoformat()
        root = tmp_path / "proj"
        journal = root / "regulations" / "x" / "journal.yaml"
        journal.parent.mkdir(parents=True)
        journal.write_text(
            f"  - seq: 1\n    time: '{org_today}T09:00:00+14:00'\n    event: approved\n"
            f"    order:\n      number: '1'\n      date: '{org_today}'\n"
            f"      effective: '{org_today}'\n",
            encoding="utf-8",
        )
        _, dates = stamps.facts([journal], root)
        assert stamps.known_dates(dates) == dates
        assert stamps.passed(dates) == [org_today.encode()]
        assert stamps.known_dates([org_today]) is None  # kept by an older build: found again
    finally:
        monkeypatch.undo()
        time.tzset()


def test_files_an_interrupted_build_wrote_are_removed_by_the_next_one(published, dlo, monkeypatch):
    """An interrupted build wrote edition 3's DOCX before its manifest recorded it; edition 4
    is approved before the next build: that build removes edition 3's file (it stood in the
    site, superseded and unlinked, for good)."""
    import importlib

    site_build = importlib.import_module("dlo_docs.site.build")
    build(dlo, published)
    unit_edition_3(dlo, published)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(site_build._Site, "comparisons", interrupted)
    assert dlo("site", "build", "--no-pdf", cwd=published).code == 130
    monkeypatch.undo()
    out = edition_3_left_then_swept(dlo, published)
    assert f"files/{UNIT}-3" not in "".join(
        p.read_text("utf-8") for p in site_files(published / "public") if p.suffix == ".html"
    )
    assert "4 removed" in out  # edition 2's DOCX and the interrupted build's edition 3
    assert broken_links(published / "public") == []


def test_a_full_disk_is_said_as_such_naming_the_file_and_no_site_is_claimed(
    published, dlo, monkeypatch
):
    """The disk the site is built on fills up while a DOCX is written: the error names that file
    and says to free space (exit 1), not an internal error to report, and no summary says the
    regulations were published; the next build, with space, completes the site."""
    import errno

    from dlo_docs.site import writer

    real = writer.atomic_write

    def full(path, data, *args, **kwargs):
        def chunks():
            yield b"PK"
            raise OSError(errno.ENOSPC, "No space left on device")

        return real(path, chunks() if path.parent.name == "files" else data, *args, **kwargs)

    monkeypatch.setattr(writer, "atomic_write", full)
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 1, result.err
    # named as typed from the project's folder, where the command ran
    assert re.search(r"dlo: error: public/files/[\w.-]+\.docx: No space left on device", result.err)
    assert "free space on that disk" in result.err
    assert "internal error" not in result.err and "published" not in result.out
    assert not (published / "public" / "index.html").exists()
    monkeypatch.undo()
    build(dlo, published)
    assert broken_links(published / "public") == []


@pytest.mark.parametrize(
    ("errno_", "reason", "said", "not_said"),
    [
        # another user's site folder (the lock cannot be made): whose folder to build as
        (13, "Permission denied", "run the command as a user who may write there", "read-only"),
        # a disk mounted read-only (EROFS): no user and no permission can write there, so the
        # hint to run as the folder's owner or change its permissions misled
        (30, "Read-only file system", "mounted read-only", "permissions"),
    ],
)
def test_a_site_folder_that_cannot_be_written_is_said_as_such(
    published, dlo, monkeypatch, errno_, reason, said, not_said
):
    """The error names the file and says why and what to do, not an internal error to report."""
    import os

    real = os.open

    def refused(path, *args, **kwargs):
        if str(path).endswith("build.lock"):
            raise OSError(errno_, reason, str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 1, result.err
    assert f"build.lock: {reason}: the command stopped, unfinished" in result.err
    assert said in result.err and not_said not in result.err
    assert "internal error" not in result.err
    assert errno_ != 30 or "--out" in result.err


def test_a_folder_of_the_site_replaced_by_a_link_is_not_taken_as_intact(published, dlo, tmp_path):
    """files/ moved to another disk and linked from the site: the web server follows no link
    (disable_symlinks: every download 404), so the build does not call its files unchanged and
    published; it refuses to write through the link, as when it has a file to write there."""
    build(dlo, published)
    files = published / "public" / "files"
    elsewhere = tmp_path / "elsewhere"
    shutil.move(files, elsewhere)
    files.symlink_to(elsewhere)
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 2, result.out
    assert "files is a symbolic link: dlo does not write through links" in result.err
    assert "published" not in result.out


@pytest.mark.parametrize("where", ["a folder at a page", "a file at a folder", "a file at cache"])
def test_a_folder_at_a_file_of_the_site_or_a_file_at_a_folder_is_said_as_such(
    published, dlo, where
):
    """A folder made where a page of the site goes (kk/<id>/index.html/), or a file where one of
    its folders goes (kk/<id>), stopped the build with "dlo: internal error: IsADirectoryError"
    (NotADirectoryError) and "report it". Nothing of dlo is wrong: the build says which path is
    in the way and what to do, and deletes nothing of what is there."""
    build(dlo, published)
    public = published / "public"
    page_path = public / "kk" / UNIT / "index.html"
    if where == "a folder at a page":
        page_path.unlink()
        page_path.mkdir()
        (page_path / "notes.txt").write_text("mine\n", encoding="utf-8")
        in_way, kept = page_path, page_path / "notes.txt"
    elif where == "a file at a folder":
        shutil.rmtree(public / "kk" / UNIT)
        (public / "kk" / UNIT).write_text("mine\n", encoding="utf-8")
        in_way = kept = public / "kk" / UNIT
    else:  # the build's own folder of search entries
        in_way = kept = public / ".dlo-site" / "cache"
        shutil.rmtree(in_way)
        in_way.write_text("mine\n", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 2, result.err
    assert "internal error" not in result.err
    assert str(in_way) in result.err and "move it out of the site folder" in result.err
    assert kept.read_text(encoding="utf-8") == "mine\n"


def test_a_folder_at_the_build_s_lock_is_said_as_such(published, dlo):
    """A folder at .dlo-site/build.lock stopped the build with 'dlo: internal error:
    IsADirectoryError ... report it'; it is said, and left as it is."""
    build(dlo, published)
    lock = published / "public" / ".dlo-site" / "build.lock"
    lock.unlink()
    lock.mkdir()
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 2 and "internal error" not in result.err, result.err
    assert f"{lock} is a folder where dlo's lock file goes" in result.err
    assert lock.is_dir()


def test_a_build_while_another_holds_the_site_says_so(published, dlo, monkeypatch):
    """Another build of the same folder runs longer than the wait (a cron build and one by
    hand, a large site): the second says another build holds the site, not an internal error."""
    from dlo_docs import fsio

    build(dlo, published)
    monkeypatch.setattr(fsio, "_try_lock", lambda fd: False)  # held by another process
    monkeypatch.setattr(fsio.time, "sleep", lambda seconds: None)
    clock = iter(range(0, 10_000, 10))
    monkeypatch.setattr(fsio.time, "monotonic", lambda: next(clock))
    result = dlo("site", "build", "--no-pdf", cwd=published)
    assert result.code == 2, result.err
    assert "is being built by another `dlo site build` that is still running" in result.err
    assert "internal error" not in result.err and "published" not in result.out


def test_the_index_has_one_table_a_unit_and_leads_to_each_unit(tmp_path):
    """A thousand regulations made an index 177,000 px tall: each position a heading and a
    table of its own, repeating the seven column headings for its one row, and nothing to reach a
    unit but scrolling. Now each unit is one table whose positions head row groups, and a list
    of the units (with how many each has) leads to them when there are several."""
    from dlo_docs import api
    from dlo_docs import labels as labels_mod
    from dlo_docs.project import Project
    from dlo_docs.site.pages import Pages

    project = Project(Path(__file__).resolve().parent.parent)
    labels = {lang: labels_mod.labels(lang, project.templates) for lang in ("kk", "ru")}
    registry = api.load_registry(project)
    pages = Pages(labels, project.templates, tmp_path, lambda: registry)

    def summary(reg_id: str, unit: str, position: str | None) -> dict:
        order = {"number": "1-НҚ", "date": "2026-01-10", "effective": "2026-01-10"}
        return {
            "id": reg_id, "kind": "job_instruction" if position else "unit_regulation",
            "code": f"ЛН {reg_id}", "unit": unit, "position": position, "main_lang": "kk",
            "langs": ["kk"], "titles": {"kk": f"Құжат {reg_id}"}, "edition": 1, "order": order,
            "review_due": "2029-01-10", "acknowledged": 0, "readers": 1,
        }  # fmt: skip

    summaries = [
        summary("a", "dlo", "dlo-head"),
        summary("b", "dlo", None),
        summary("c", "hr", "hr-head"),
    ]
    index = pages.index("kk", summaries)
    units = re.findall(r'<section class="unit" id="([^"]+)">(.*?)</section>', index, re.S)
    assert [anchor for anchor, _ in units] == ["unit-dlo", "unit-hr"]
    dlo_unit = units[0][1]
    assert dlo_unit.count("<table") == 1 and dlo_unit.count("<thead>") == 1
    groups = re.findall(
        r'<tr class="group"><th colspan="7" scope="rowgroup"[^>]*>([^<]+)</th>', dlo_unit
    )
    assert groups == [
        labels["kk"]["site"]["unit_regulations"],
        "Қашықтықтан оқыту бөлімінің бастығы",
    ]
    nav = re.search(r'<nav class="units"[^>]*>(.*?)</nav>', index, re.S).group(1)
    assert re.findall(r'href="#(unit-[a-z]+)"', nav) == ["unit-dlo", "unit-hr"]
    # the count is shown as a number and read as what it counts: "Бөлім 2" was a screen reader's
    assert '<span class="n" aria-hidden="true">2</span><span class="sr"> құжаттар: 2</span>' in nav
    assert '<span class="n" aria-hidden="true">1</span><span class="sr"> құжаттар: 1</span>' in nav
    ru = re.search(r'<nav class="units"[^>]*>(.*?)</nav>', pages.index("ru", summaries), re.S)
    assert '<span class="sr"> документов: 2</span>' in ru.group(1)
    alone = pages.index("kk", summaries[:2])
    assert '<nav class="units"' not in alone  # one unit: nothing to choose


def test_the_site_has_a_page_for_a_missing_address(published, dlo):
    """A bookmark to a withdrawn regulation got the web server's bare page: the site has its
    own, 404.html, in both languages (the Kazakh interface, the Russian part marked so), leading
    to each index, in the site's style; its links start at "/", as it is served at any address.
    A build with nothing changed keeps it."""
    build(dlo, published)
    html = source(published, "404.html")
    assert '<html lang="kk"' in html and "<h1>Бет табылмады</h1>" in html
    assert '<section class="not-found" lang="ru">' in html and "Страница не найдена" in html
    for link in ("/index.html", "/ru/index.html", "/static/site.css", "/static/search.js"):
        assert f'="{link}"' in html, link
    assert "<title>Бет табылмады / Страница не найдена — " in html
    again = build(dlo, published)
    assert "0 file(s) written" in again.out and (published / "public" / "404.html").is_file()


def test_a_reason_worded_for_the_page_s_language_is_marked_so(published, dlo):
    """The history's reason for a revision is free text of an unknown language (lang=""), but a
    reason worded for the page's language (`--reason-ru`) is in that language: it was marked
    unknown too, so a screen reader read the Russian words with another voice (an accessibility
    review)."""
    from site_support import UNIT_APPROVERS, approve

    reason = ("--reason", "Атауы нақтыланды", "--reason-ru", "Уточнено название")
    ok(dlo, published, "revise", UNIT, "--by", "dlo-head", *reason)
    replace(published, UNIT, "Moodle жүйесінің", "Moodle платформасының")
    approve(dlo, published, UNIT, UNIT_APPROVERS, "90-НҚ", organisation_today().isoformat())
    build(dlo, published)
    cells = {
        lang: re.findall(
            r'<td data-label="[^"]*" lang="(\w*)">([^<]*)</td>',
            page(published, f"{lang}/{UNIT}/index.html"),
        )
        for lang in ("kk", "ru")
    }
    assert ("ru", "Уточнено название") in cells["ru"], cells["ru"]
    assert ("", "Атауы нақтыланды") in cells["kk"], cells["kk"]  # as typed: not recorded which
    assert ("", "Порталдың атауы нақтыланды") in cells["ru"], cells["ru"]
