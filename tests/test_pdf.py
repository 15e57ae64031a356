"""PDF/A-2b through LibreOffice: what the PDF says, how LibreOffice is run, and what happens when
it is missing, fails or hangs."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import pypdf
import pytest
from conftest import REPO, bundled_regulations
from test_forms import add_bilingual

from dlo_docs import context
from dlo_docs.errors import DloError, UsageError
from dlo_docs.project import Project
from dlo_docs.render import lo_profile
from dlo_docs.render import pdf as pdf_render
from dlo_docs.sheets import page_count

needs_soffice = pytest.mark.skipif(
    not pdf_render.available(), reason="LibreOffice (soffice) is not installed"
)
KAZAKH = "әғқңөұүһі"
# every render here is of a draft (the copies have no journal): its outputs are
# <id>.<lang>.draft.<ext>, its sheets <id>.<lang>.draft.<kind>.<ext>
HEAD_KK, UNIT_KK, UNIT_RU = "dlo-head.kk.draft", "dlo-unit.kk.draft", "dlo-unit.ru.draft"


def normalise(text: str) -> str:
    return " ".join(text.split())


def body_text(reader: pypdf.PdfReader, running: list[str], page_re: str) -> str:
    """The text of every page without its running header and footer, pages joined, so that a
    clause broken over two pages reads as one."""
    pages = []
    for page in reader.pages:
        text = normalise(page.extract_text())
        for line in running:  # the header opens the page (the same words may recur in the text)
            text = text.removeprefix(normalise(line)).strip()
        pages.append(re.sub(f"{page_re}$", " ", text))
    return normalise(" ".join(pages))


def fonts_of(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the pages use (descendants of composite fonts included) -> is it embedded?"""
    found: dict[str, bool] = {}

    def visit(font) -> None:
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", []) or []:
            visit(descendant)
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            descriptor = descriptor.get_object()
            found[str(font["/BaseFont"])] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
        elif font.get("/Subtype") != "/Type0":
            found[str(font.get("/BaseFont"))] = False  # a standard 14 font: never embedded

    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            visit(font)
        for xobject in (resources.get("/XObject") or {}).values():
            for font in (
                (xobject.get_object().get("/Resources") or {}).get("/Font") or {}
            ).values():
                visit(font)
    return found


class Rendered(NamedTuple):
    root: Path  # the project, its outputs in build/
    outputs: list  # what ``api.render`` reported
    runs: list[list[str]]  # the documents of each LibreOffice run
    left: list[bytes]  # command lines of processes of the run still there when it returned
    temporary: list[Path]  # what the run left in its temporary folder


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The seed and the bilingual fixture (kk + ru) rendered to DOCX and PDF by `dlo render`,
    counting the LibreOffice runs, then looking for processes and temporary files the run left
    (its temporary folders in a folder of its own, so other LibreOffice runs on the machine do
    not count)."""
    if not pdf_render.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    root = tmp_path_factory.mktemp("pdf") / "proj"
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=bundled_regulations("editions", "journal.yaml"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    add_bilingual(root)
    runs = []
    original = pdf_render._run

    def counting(files, outdir, timeout, *stop):
        runs.append([Path(f).name for f in files])
        return original(files, outdir, timeout, *stop)

    from dlo_docs import api

    mine = tmp_path_factory.mktemp("tmp")
    mp = pytest.MonkeyPatch()
    mp.setattr(pdf_render, "_run", counting)
    mp.setattr(tempfile, "tempdir", str(mine))
    mp.setenv("DLO_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))  # none converted before
    try:
        outputs = api.render(Project(root), [], ["docx", "pdf"]).outputs
    finally:
        mp.undo()
    return Rendered(root, outputs, runs, _processes_of(mine), list(mine.iterdir()))


def _processes_of(folder: Path) -> list[bytes]:
    """The command lines of the running processes that name ``folder``."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if str(folder).encode() in cmdline:
                found.append(cmdline)
    return found


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_many_documents_convert_in_one_libreoffice_run(rendered):
    root, outputs, runs = rendered.root, rendered.outputs, rendered.runs
    assert sorted(runs[0]) == [f"{HEAD_KK}.docx", f"{UNIT_KK}.docx", f"{UNIT_RU}.docx"]
    assert len(runs) == 1
    assert sorted(o.path.name for o in outputs if o.format == "pdf") == [
        f"{HEAD_KK}.pdf",
        f"{UNIT_KK}.pdf",
        f"{UNIT_RU}.pdf",
    ]
    assert not [
        p for p in (root / "build").iterdir() if p.name.startswith(".")
    ]  # no temporary left


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_seed_pdf_has_every_clause_and_every_sheet_heading(rendered):
    root = rendered.root
    project = Project(root)
    loaded = project.load(["dlo-head"])
    rd = context.build(loaded.documents["dlo-head"], loaded.registry, "kk", project.templates)
    reader = pypdf.PdfReader(root / "build" / f"{HEAD_KK}.pdf")
    header = [
        "ЖОБА",  # a draft (the copy has no journal): the mark heads every page
        rd.organisation,
        rd.labels["form"]["header"].format(
            kind=rd.kind_label, code=rd.code, edition=rd.labels["edition_n"].format(n=rd.edition)
        ),
    ]
    text = body_text(reader, header, r"Бет \d+ / \d+")
    missing = [b.line for b in rd.blocks if normalise(b.line) not in text]
    assert missing == []
    assert rd.clause_count == 21
    for key in ("agreement", "acquaintance", "changes", "review"):
        assert rd.labels["sheet"][key]["title"].upper() in text  # headings are set in capitals
    # the title page
    first = normalise(reader.pages[0].extract_text())
    for expected in (
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректор",
        "бастығының лауазымдық нұсқаулығы",  # the title, which names the kind
        "Коды: ЛН ҮББИ 01-2024",
        "1-басылым",
        "Қостанай",
    ):
        assert expected in first
    assert "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ" not in first  # (so the kind is not printed above it)
    assert "Бет" not in first  # no running header or footer on the title page
    assert set("әғқңөұүі") <= set(text.lower())  # (the seed has no һ; the bilingual fixture has)


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize(("name", "lang"), [(f"{HEAD_KK}.pdf", "kk"), (f"{UNIT_RU}.pdf", "ru")])
def test_no_word_of_a_sheets_column_heading_is_broken(rendered, name, lang):
    """Each column heading of the four sheets fits its column word by word, on the sheet's own
    page ("Дата ознакомления" was set "ознакомлени" / "я" in the acquaintance sheet's date
    column)."""
    from dlo_docs.labels import labels

    reader = pypdf.PdfReader(rendered.root / "build" / name)
    pages = [normalise(page.extract_text()) for page in reader.pages]
    broken = {}
    for key in ("agreement", "acquaintance", "changes", "review"):
        sheet = labels(lang)["sheet"][key]
        [page] = [p for p in pages if sheet["title"].upper() in p]
        words = {w for heading in sheet["columns"] for w in re.findall(r"\w{2,}", heading)}
        broken[key] = sorted(w for w in words if w not in page)
    assert broken == {key: [] for key in broken}


def _grey(pdf: Path, page: int) -> tuple[int, int, bytes]:
    """Page ``page`` (1-based) at 150 dpi in shades of grey: width, height and one byte a
    pixel, row by row (pdftoppm's PGM)."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "150", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    magic, width, height, _, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), pixels


def _edges(pdf: Path, page: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The left and right ends of the running header's rule, and the left- and rightmost
    vertical lines below it (a table's outer borders), in pixels."""
    width, height, pixels = _grey(pdf, page)
    dark = [[pixels[y * width + x] < 128 for x in range(width)] for y in range(height)]
    rule = next(row for row in dark[: height // 8] if sum(row) > width // 2)
    ends = (rule.index(True), width - 1 - rule[::-1].index(True))
    tall = [x for x in range(width) if sum(row[x] for row in dark[height // 8 :]) > height // 5]
    return ends, (tall[0], tall[-1])


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_sheets_tables_stand_between_the_margins_as_the_text(rendered):
    """The sheets' tables stood 1.5 mm left of the text (their cells' left margin: the text
    in a cell, not the border, was at the margin): each sheet's table now begins and ends
    where the running header's rule does, within 0.35 mm (2 pixels at 150 dpi)."""
    from dlo_docs.labels import labels

    pdf = rendered.root / "build" / f"{HEAD_KK}.pdf"
    pages = [normalise(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]
    for key in ("agreement", "acquaintance", "changes", "review"):
        title = labels("kk")["sheet"][key]["title"].upper()
        page = next(n for n, text in enumerate(pages, 1) if title in text)
        (rule_left, rule_right), (left, right) = _edges(pdf, page)
        assert abs(left - rule_left) <= 2 and abs(right - rule_right) <= 2, (
            key,
            (rule_left, rule_right),
            (left, right),
        )


def _under_rule(pdf: Path, page: int) -> int:
    """Pixels (150 dpi) from the running header's rule down to the first ink under it."""
    width, height, pixels = _grey(pdf, page)
    ink = [sum(pixels[y * width + x] < 128 for x in range(width)) for y in range(height // 4)]
    y = next(y for y, n in enumerate(ink) if n > width // 2)  # the rule
    while ink[y]:
        y += 1
    return next(below for below in range(y, len(ink)) if ink[below]) - y


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize("name", [f"{HEAD_KK}.pdf", f"{UNIT_RU}.pdf"])
def test_a_drafts_text_starts_clear_of_the_running_headers_rule(rendered, name):
    """A draft's running header (ЖОБА over the organisation and the code line) is taller than
    the top margin, and the text of every page started right under its rule, the capitals of
    a sheet's heading or a clause 1 mm below it (the approved edition's: 4.5 mm). The header
    now ends 6 pt under its rule: every page after the title has 2.5 mm (15 pixels) clear."""
    pdf = rendered.root / "build" / name
    reader = pypdf.PdfReader(pdf)
    assert {"ЖОБА", "ПРОЕКТ"} & set(reader.pages[1].extract_text().split())  # a draft
    gaps = {page: _under_rule(pdf, page) for page in range(2, len(reader.pages) + 1)}
    assert {page: gap for page, gap in gaps.items() if gap < 15} == {}


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_every_kazakh_letter_is_set_in_the_document_font(rendered):
    root = rendered.root
    reader = pypdf.PdfReader(root / "build" / f"{UNIT_KK}.pdf")
    text = normalise(" ".join(p.extract_text() for p in reader.pages))
    assert (
        "ғимараттағы жиһаз бен техникалық құралдардың сақталуы және тиімді пайдаланылуы үшін"
        in text
    )
    assert set(KAZAKH) <= set(text.lower())
    # no fallback font stood in for a missing glyph: every font is the document font
    assert all(
        re.search(r"(TimesNewRoman|LiberationSerif)", f.replace(" ", "")) for f in fonts_of(reader)
    )


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_page_x_of_y_counts_the_pages(rendered):
    root = rendered.root
    reader = pypdf.PdfReader(root / "build" / f"{HEAD_KK}.pdf")
    pages = len(reader.pages)
    assert pages >= 6  # title page, the body over several pages, four sheets
    marks = [re.findall(r"Бет (\d+) / (\d+)", page.extract_text()) for page in reader.pages]
    assert marks[0] == []
    for number, found in enumerate(marks[1:], 2):
        assert found == [(str(number), str(pages))]
    assert page_count((root / "build" / f"{HEAD_KK}.pdf").read_bytes()) == pages
    ru = pypdf.PdfReader(root / "build" / f"{UNIT_RU}.pdf")
    last = ru.pages[-1].extract_text()
    assert f"Стр. {len(ru.pages)} из {len(ru.pages)}" in last


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize("name", [f"{HEAD_KK}.pdf", f"{UNIT_RU}.pdf"])
def test_pdf_declares_pdfa_2b_and_embeds_every_font(rendered, name):
    root = rendered.root
    reader = pypdf.PdfReader(root / "build" / name)
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert (str(xmp.pdfaid_part), str(xmp.pdfaid_conformance).upper()) == ("2", "B")
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts
    # Times New Roman, or its metric twin where it is not installed
    assert all(re.search(r"(TimesNewRoman|LiberationSerif)", f.replace(" ", "")) for f in fonts), (
        fonts
    )


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_russian_pdf_is_russian(rendered):
    root = rendered.root
    reader = pypdf.PdfReader(root / "build" / f"{UNIT_RU}.pdf")
    text = normalise(" ".join(p.extract_text() for p in reader.pages))
    assert "УТВЕРЖДЕНО" in text and "ЛИСТ СОГЛАСОВАНИЯ" in text
    assert not set(KAZAKH) & set(text.lower())


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_no_libreoffice_process_is_left(rendered):
    """The conversion leaves no process behind, nor its profile or working folders."""
    assert rendered.runs  # LibreOffice did run
    assert rendered.left == []
    assert rendered.temporary == []


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_standalone_sheet_as_pdf_and_the_transfer_act_counts_the_original_pages(
    project, dlo, monkeypatch, rendered
):
    converted = []  # (DOCX, PDF) of every document LibreOffice converted for the command
    real = pdf_render.convert

    def recording(documents, timeout=None):
        pdfs = real(documents, timeout)
        converted.extend((documents[name], pdfs[name]) for name in documents)
        return pdfs

    monkeypatch.setattr(pdf_render, "convert", recording)
    result = dlo(
        "sheet", "transfer", "dlo-head", "--format", "pdf", "--format", "docx", cwd=project
    )
    assert result.code == 0, result.err
    act = pypdf.PdfReader(project / "build" / f"{HEAD_KK}.transfer.pdf")
    assert len(act.pages) == 1
    text = normalise(act.pages[0].extract_text())
    assert "ҚАБЫЛДАУ-ТАПСЫРУ АКТІСІ" in text and "Бет 1 / 1" in text
    # the page count of the original, converted in the same command, is in the act: the
    # command converted the seed's draft, the DOCX the module's `dlo render` converted too
    original = (rendered.root / "build" / f"{HEAD_KK}.docx").read_bytes()
    pdfs = [pdf for docx, pdf in converted if docx == original]
    assert len(pdfs) == 1  # the original, converted once by LibreOffice
    pages = len(pypdf.PdfReader(rendered.root / "build" / f"{HEAD_KK}.pdf").pages)
    assert pages >= 6  # title page, the body over several pages, four sheets
    assert len(pypdf.PdfReader(io.BytesIO(pdfs[0])).pages) == pages
    from docx import Document

    table = Document(str(project / "build" / f"{HEAD_KK}.transfer.docx")).tables[0]
    assert table.rows[1].cells[4].text == str(pages)


# --- how LibreOffice is run (a stand-in soffice: no LibreOffice needed) ---------------------


def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_missing_libreoffice_says_what_to_install(project, dlo, monkeypatch, tmp_path):
    monkeypatch.setenv("DLO_SOFFICE", str(tmp_path / "no-such-soffice"))
    result = dlo("render", "dlo-head", "--format", "pdf", "--format", "docx", cwd=project)
    assert result.code == 2
    assert (
        "LibreOffice" in result.err
        and "apt-get install libreoffice-writer-nogui fonts-liberation2" in result.err
    )
    assert not (project / "build").exists()  # nothing written, not even the DOCX
    assert dlo("sheet", "agreement", "dlo-head", "--format", "pdf", cwd=project).code == 2
    with pytest.raises(UsageError):
        pdf_render.convert({"a": b"x"})
    assert not pdf_render.available()


def test_private_profile_and_arguments(monkeypatch, tmp_path):
    log = tmp_path / "args"
    script = fake_soffice(
        tmp_path,
        f"""
for a in "$@"; do echo "$a" >> {log}; done
echo "HOME=$HOME" >> {log}
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx); echo pdf > "$out/$b.pdf";; esac; done
""",
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    result = pdf_render.convert({"one.kk": b"docx-1", "two.kk": b"docx-2"})
    assert result == {"one.kk": b"pdf\n", "two.kk": b"pdf\n"}
    args = log.read_text().splitlines()
    assert "--headless" in args and "--norestore" in args
    assert "--infilter=Office Open XML Text" in args  # DOCX only: no type detection
    assert pdf_render.FILTER in args
    assert (
        pdf_render.FILTER
        == 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
    )
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file:///"))
    folder = Path(profile.split("file://", 1)[1])
    assert folder.name.startswith("dlo-lo-profile-") and not folder.exists()  # private and removed
    assert f"HOME={folder}" in args
    assert sum(a.endswith(".docx") for a in args) == 2  # one run for both


def test_a_hanging_libreoffice_is_stopped_with_its_children(monkeypatch, tmp_path):
    pids = tmp_path / "pids"
    script = fake_soffice(
        tmp_path,
        f"""
sleep 300 &
echo $! >> {pids}
echo $$ >> {pids}
wait
""",
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    with pytest.raises(DloError) as caught:
        pdf_render.convert({"doc": b"x"}, timeout=1)
    assert caught.value.problems[0].code == "DLO302"
    assert "DLO_PDF_TIMEOUT" in str(caught.value)
    for pid in map(int, pids.read_text().split()):
        deadline = time.monotonic() + 5
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), f"process {pid} was left running"


def test_a_libreoffice_run_stopped_leaves_no_temporary_file_of_its_own(monkeypatch, tmp_path):
    """LibreOffice keeps its temporary files in ``$TMPDIR`` (``lu*.tmp``) and removes them only
    when it ends by itself: stopped (Ctrl-C during a render or a site build, a timeout) it left
    them in the system's temporary folder, two a run. They are now made inside the run's own
    profile folder, which is removed however the run ends."""
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    script = fake_soffice(
        tmp_path,
        """
mkdir "${TMPDIR:-/tmp}/lu12345.tmp" && echo x > "${TMPDIR:-/tmp}/lu12345.tmp/lu1.tmp"
sleep 300 &
wait
""",
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    with pytest.raises(DloError) as caught:
        pdf_render.convert({"doc": b"x"}, timeout=1)
    assert caught.value.problems[0].code == "DLO302"
    assert list(system_tmp.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_failing_libreoffice_is_reported_and_nothing_is_written(
    project, dlo, monkeypatch, tmp_path
):
    monkeypatch.setenv(
        "DLO_SOFFICE",
        str(fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 0\n")),
    )
    result = dlo("render", "dlo-head", "--format", "pdf", "--format", "docx", cwd=project)
    assert result.code == 1
    assert (
        "DLO301" in result.err and f"{HEAD_KK}.pdf" in result.err and "Traceback" not in result.err
    )
    assert not (project / "build").exists() or not any((project / "build").iterdir())
    monkeypatch.setenv("DLO_SOFFICE", str(fake_soffice(tmp_path, "echo 'boom' >&2\nexit 5\n")))
    result = dlo("render", "dlo-head", "--format", "pdf", cwd=project)
    assert result.code == 1 and "exit 5" in result.err and "boom" in result.err


def test_a_pdf_not_made_is_reported_in_the_interface_language(project, dlo, monkeypatch, tmp_path):
    """The reason a PDF is missing and what to do are messages, not English text."""
    monkeypatch.setenv("DLO_SOFFICE", str(fake_soffice(tmp_path, "exit 0\n")))
    result = dlo("--lang-ui", "ru", "render", "dlo-head", "--format", "pdf", cwd=project)
    assert result.code == 1 and "DLO301" in result.err and f"{HEAD_KK}.pdf" in result.err
    assert "could not read" not in result.err and "open the DOCX" not in result.err
    assert "LibreOffice" in result.err and "DOCX" in result.err


def test_names_for_conversion_are_plain_file_names():
    with pytest.raises(UsageError):
        pdf_render.convert({"../evil": b"x"})
    with pytest.raises(UsageError):
        pdf_render.convert_files([Path("/tmp/a/x.docx"), Path("/tmp/b/x.docx")], "/tmp/out")


def test_timeout_setting(monkeypatch):
    monkeypatch.delenv("DLO_PDF_TIMEOUT", raising=False)
    assert pdf_render.default_timeout(20) == 160
    monkeypatch.setenv("DLO_PDF_TIMEOUT", "7")
    assert pdf_render.default_timeout(20) == 7
    monkeypatch.setenv("DLO_PDF_TIMEOUT", "nonsense")
    assert pdf_render.default_timeout(1) == 65


def test_render_pdf_alone_writes_only_the_pdfs(project, dlo, monkeypatch, tmp_path):
    add_bilingual(project)
    script = fake_soffice(
        tmp_path,
        """
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx); echo "%PDF $b" > "$out/$b.pdf";; esac; done
""",
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    result = dlo("render", "--format", "pdf", cwd=project)
    assert result.code == 0, result.err
    assert sorted(p.name for p in (project / "build").iterdir()) == [
        f"{HEAD_KK}.pdf",
        f"{UNIT_KK}.pdf",
        f"{UNIT_RU}.pdf",
    ]
    assert (project / "build" / f"{UNIT_RU}.pdf").read_text() == f"%PDF {UNIT_RU}\n"
    assert f"wrote build/{UNIT_RU}.pdf" in result.out


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize("seeded", [True, False])
def test_the_profile_spares_libreoffice_its_start_up_self_test(seeded, monkeypatch, tmp_path):
    """LibreOffice takes a fresh profile for an upgrade and runs its graphics self-test, which
    leaves its log in the profile; the profile a run is given says otherwise, so the test is not
    run (unseeded, for contrast, it is: the check below can tell)."""
    from dlo_docs.render import docx as docx_render

    real = pdf_render.soffice()
    listing = tmp_path / "profile"
    script = fake_soffice(
        tmp_path, f'"{real}" "$@"; code=$?\nls "$HOME/user" > {listing}\nexit $code\n'
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    if not seeded:
        monkeypatch.setattr(lo_profile, "PROFILE", lo_profile.PROFILE.replace("999.9", "0.0"))
    pdf = pdf_render.convert({"empty": docx_render.default_reference()})["empty"]
    xmp = pypdf.PdfReader(io.BytesIO(pdf)).xmp_metadata  # the same PDF/A-2b either way
    assert xmp is not None and (str(xmp.pdfaid_part), str(xmp.pdfaid_conformance)) == ("2", "B")
    left = listing.read_text().split()
    assert "registrymodifications.xcu" in left  # the profile was LibreOffice's
    assert ("GraphicsRenderTests.log" in left) is not seeded


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize("seeded", [True, False])
def test_the_profile_spares_libreoffice_its_restart(seeded, monkeypatch, tmp_path):
    """A profile new to LibreOffice makes it set up its extensions and start itself again, which
    it records in the profile (``OfficeRestartInProgress``); the profile a run is given names the
    installation's build id as the one that set them up, so LibreOffice starts once, and the
    PDF is the same bytes."""
    from dlo_docs.render import docx as docx_render
    from dlo_docs.render import soffice

    real = pdf_render.soffice()
    assert soffice.build_id(real)  # read beside the program (versionrc)
    settings = tmp_path / "settings"
    script = fake_soffice(
        tmp_path,
        f'"{real}" "$@"; code=$?\ncat "$HOME/user/registrymodifications.xcu" > {settings}\n'
        "exit $code\n",
    )
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    monkeypatch.setattr(
        pdf_render, "build_id", lambda exe: soffice.build_id(real) if seeded else None
    )
    pdf = pdf_render.convert({"empty": docx_render.default_reference()})["empty"]
    assert pdf.startswith(b"%PDF")
    assert ("OfficeRestartInProgress" in settings.read_text("utf-8")) is not seeded


def test_the_build_id_is_read_beside_the_program_through_its_links(tmp_path):
    """``soffice.build_id`` reads ``buildid=`` from ``versionrc`` (``version.ini`` on Windows, with
    its CRLF) in the folder of the program a link names; none there is None."""
    from dlo_docs.render import soffice

    program = tmp_path / "lo" / "program"
    program.mkdir(parents=True)
    (program / "soffice").write_text("#!/bin/sh\n")
    (program / "version.ini").write_bytes(
        b"[Version]\r\nAllLanguages=en-US\r\nbuildid=7(Build:3)\r\n"
    )
    link = tmp_path / "bin-soffice"
    link.symlink_to(program / "soffice")
    assert soffice.build_id(str(link)) == "7(Build:3)"
    (program / "versionrc").write_text("[Version]\nbuildid=40(Build:2)\n")
    assert soffice.build_id(str(program / "soffice")) == "40(Build:2)"
    (tmp_path / "elsewhere").mkdir()
    assert soffice.build_id(str(tmp_path / "elsewhere" / "soffice")) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes (POSIX)")
def test_a_version_file_that_is_a_pipe_or_huge_is_never_waited_on_or_read(tmp_path):
    """A named pipe beside the program where ``versionrc`` should be blocked the build id's read
    (and the PDF cache's) for ever; a huge one was read whole. Both are left out now."""
    import threading

    from dlo_docs.render import pdf_cache, soffice

    program = tmp_path / "program"
    program.mkdir()
    (program / "soffice").write_text("#!/bin/sh\n")
    os.mkfifo(program / "versionrc")
    (program / "version.ini").write_bytes(b"buildid=7(Build:3)\n" + b"x" * soffice.VERSION_MAX)
    exe = str(program / "soffice")
    found: dict = {}
    worker = threading.Thread(
        target=lambda: found.update(
            files=soffice.version_files(exe),
            build=soffice.build_id(exe),
            identity=pdf_cache._installation(exe),
        ),
        daemon=True,
    )
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "blocked on the named pipe"
    assert found["files"] == {} and found["build"] is None
    assert "versionrc" not in found["identity"]


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_table_style_written_out_makes_the_same_pdf(rendered, monkeypatch, tmp_path):
    """LibreOffice is given the DOCX with its table style written out on each table and what it
    does not use (parts, styles, bookmarks) left out (``pdf_input``): the PDF is the same bytes
    as from the DOCX itself."""
    from dlo_docs.render import pdf_input

    build = rendered.root / "build"
    for name in (HEAD_KK, UNIT_RU):
        assert pdf_input.for_libreoffice((build / f"{name}.docx").read_bytes()) is not None
    monkeypatch.setattr(pdf_input, "for_libreoffice", lambda docx: None)  # as it is
    made = pdf_render.convert_files(
        [build / f"{HEAD_KK}.docx", build / f"{UNIT_RU}.docx"], tmp_path
    )
    for pdf in made:
        assert pdf.read_bytes() == (build / pdf.name).read_bytes(), pdf.name


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_import_filter_and_no_profile_backup_make_the_same_pdf(rendered, monkeypatch, tmp_path):
    """LibreOffice is told the DOCX is "Office Open XML Text" (no VBA set-up for a Word
    document) and not to back its throw-away profile up: the PDFs are the same bytes as from
    a run without those options, type detection and all."""
    build = rendered.root / "build"
    assert "--infilter=Office Open XML Text" in pdf_render.OPTIONS
    assert "-env:SecureUserConfig=false" in pdf_render.OPTIONS
    plain = tuple(o for o in pdf_render.OPTIONS if not o.startswith(("--infilter", "-env:")))
    monkeypatch.setattr(pdf_render, "OPTIONS", plain)
    made = pdf_render.convert_files(
        [build / f"{HEAD_KK}.docx", build / f"{UNIT_RU}.docx"], tmp_path
    )
    for pdf in made:
        assert pdf.read_bytes() == (build / pdf.name).read_bytes(), pdf.name


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_jemalloc_makes_the_same_pdf(rendered, monkeypatch, tmp_path):
    """LibreOffice runs with jemalloc preloaded where it is installed (``soffice.environment``),
    ~22 % less CPU: the PDF is the same bytes as with the system's allocator."""
    from dlo_docs.render import soffice

    if soffice._jemalloc() is None:
        pytest.skip("jemalloc (libjemalloc2) is not installed")
    build = rendered.root / "build"
    assert "libjemalloc" in soffice.environment(str(tmp_path))["LD_PRELOAD"]
    monkeypatch.setenv("DLO_PDF_JEMALLOC", "0")  # the system's allocator
    assert "libjemalloc" not in soffice.environment(str(tmp_path)).get("LD_PRELOAD", "")
    made = pdf_render.convert_files(
        [build / f"{HEAD_KK}.docx", build / f"{UNIT_RU}.docx"], tmp_path
    )
    for pdf in made:
        assert pdf.read_bytes() == (build / pdf.name).read_bytes(), pdf.name


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_convert_files_reads_other_word_processor_files_too(tmp_path):
    """The DOCX import filter is given only to runs of DOCX: an RTF (any format LibreOffice
    reads) given to the library's ``convert_files`` is converted, not refused as no DOCX."""
    rtf = tmp_path / "memo.rtf"
    rtf.write_bytes(rb"{\rtf1\ansi Memo about the distance learning department}")
    (made,) = pdf_render.convert_files([rtf], tmp_path / "out")
    assert made == tmp_path / "out" / "memo.pdf"
    assert "distance learning" in pypdf.PdfReader(made).pages[0].extract_text()


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_document_libreoffice_cannot_read_is_named_by_its_path(tmp_path):
    """When LibreOffice makes no PDF, the message names the file given (which the user can
    open), not the PDF that was not made."""
    bad = tmp_path / "in" / "broken.kk.docx"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04 not a zip archive at all")
    with pytest.raises(DloError) as caught:
        pdf_render.convert_files([bad], tmp_path / "out")
    (problem,) = caught.value.problems
    assert problem.code == "DLO301"
    assert str(bad) in problem.message and "broken.kk.pdf" not in problem.message
    assert not (tmp_path / "out" / "broken.kk.pdf").exists()
