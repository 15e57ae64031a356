"""Files a user hands to a command: a translation table (``translate --from``), an acquaintance
list (``acknowledge --csv``), a PDF (``verify-pdf``). A FIFO, a device, a zip bomb, malformed or
too deep XML, a CSV cell over the csv module's limit: each is a refusal naming the file, never a
hang, an unbounded read or an internal error, and nothing is written. An acquaintance list is
recorded whole or not at all, even when the command stops half-way. What the register exports
to a spreadsheet never becomes a formula."""

from __future__ import annotations

import codecs
import io
import os
import resource
import shutil
import signal
import sys
import weakref
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest

from dlo_docs.render import page_bounds
from dlo_docs.workflow import facts
from tests.conftest import REPO
from tests.hostile_support import REGULATION, positioned, snapshot

FOLDER = REGULATION.parent
unix_only = pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or /dev/zero")


@pytest.fixture
def deadline() -> Iterator[None]:
    """A hang fails the test after 20 s, an unbounded read at 4 GiB of address space."""

    def expired(signum, frame):
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, expired)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, hard))
    signal.alarm(20)
    yield
    signal.alarm(0)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def in_force(project, monkeypatch) -> Path:
    """The bundled journal and frozen edition (edition 1 in force since 2026-11-26)."""
    shutil.copytree(REPO / FOLDER / "editions", project / FOLDER / "editions")
    shutil.copy(REPO / FOLDER / "journal.yaml", project / FOLDER / "journal.yaml")
    monkeypatch.setenv("DLO_TODAY", "2026-12-01")
    monkeypatch.setenv("DLO_CLERK", "docs-head")
    return project


def _hostile(kind: str, tmp_path: Path, name: str) -> Path:
    if kind == "device":
        return Path("/dev/zero")
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _no_crash(result) -> None:
    assert result.code in (1, 2), (result.code, result.out, result.err)
    assert "internal error" not in result.err and "Traceback" not in result.err


# -- translate --from ------------------------------------------------------------------------


def _table(project: Path, dlo) -> bytes:
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", "build/t.docx", cwd=project)
    assert result.code == 0, result.err
    return (project / "build" / "t.docx").read_bytes()


def _repacked(raw: bytes, part: str, change) -> bytes:
    """The package with ``part`` changed by ``change``, which gives its new bytes, or pieces of
    them (written one after the other, so that a huge part is never whole in memory)."""
    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != part:
                target.writestr(info.filename, data)
                continue
            changed = change(data)
            if isinstance(changed, bytes):
                target.writestr(info.filename, changed)
                continue
            with target.open(info.filename, "w", force_zip64=True) as stream:
                for piece in changed:
                    stream.write(piece)
    return out.getvalue()


def _padded(data: bytes, before: bytes, size: int) -> Iterator[bytes]:
    """``data`` with ``size`` spaces before ``before``, in pieces of a megabyte at most."""
    head, tail = data.split(before, 1)
    yield head
    chunk = b" " * min(size, 1 << 20)
    for _ in range(size // len(chunk)):
        yield chunk
    yield b" " * (size % len(chunk))
    yield before + tail


def _filled(data: bytes, before: bytes, element: bytes, count: int) -> Iterator[bytes]:
    """``data`` with ``count`` copies of ``element`` before ``before``, in pieces."""
    head, tail = data.split(before, 1)
    yield head
    for _ in range(count // 100_000):
        yield element * 100_000
    yield element * (count % 100_000)
    yield before + tail


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a0 "aaaaaaaaaa">'
    + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]><d>&a9;</d>"
)
TABLE_DAMAGE = {
    "truncated XML": lambda d: d[: len(d) // 2],
    "too deep": lambda d: d.replace(
        b"</w:body>", b"<w:p>" * 3000 + b"</w:p>" * 3000 + b"</w:body>"
    ),
    "entity bomb": lambda d: LAUGHS,
    "zip bomb": lambda d: _padded(d, b"</w:body>", 300_000_000),
    # under the size a package may unpack to, but ten million elements: python-docx built them
    # all (a 120 KB file took 1.4 GB; 256 MB of them would take 6 GB)
    "millions of elements": lambda d: _filled(d, b"</w:body>", b"<w:p/>", 10_500_000),
}


@pytest.mark.parametrize("damage", list(TABLE_DAMAGE))
def test_a_damaged_translation_table_is_refused(project, dlo, deadline, damage):
    raw = _repacked(_table(project, dlo), "word/document.xml", TABLE_DAMAGE[damage])
    (project / "build" / "t.docx").write_bytes(raw)
    before = snapshot(project)
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    _no_crash(result)
    assert "DLO704" in result.err, result.err
    assert snapshot(project) == before


PACKAGE_DAMAGE = {  # what a fuzzer found python-docx stumbling on, each an internal error before
    "relationship without a target": (
        "word/_rels/document.xml.rels",
        lambda d: d.replace(b'Target="styles.xml"', b'Targ="styles.xml"'),
    ),
    "override without a part name": (
        "[Content_Types].xml",
        lambda d: d.replace(
            b'<Override PartName="/word/document.xml"', b'<Override Part="/word/document.xml"'
        ),
    ),
    "relationships not a list": (
        "word/_rels/document.xml.rels",
        lambda d: d.replace(b"<Relationships ", b"<Relations ").replace(
            b"</Relationships>", b"</Relations>"
        ),
    ),
}


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a_translation_table_compressed_as_word_never_does_is_refused(project, dlo, method):
    """zipfile inflates a bzip2 or LZMA part with no bound on what one read gives (a header
    understating the part's size bounds nothing then): Word writes deflate."""
    source, out = zipfile.ZipFile(io.BytesIO(_table(project, dlo))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            kind = method if info.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, source.read(info), compress_type=kind)
    (project / "build" / "t.docx").write_bytes(out.getvalue())
    before = snapshot(project)
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    _no_crash(result)
    assert "DLO704" in result.err and "word/document.xml is compressed by a method" in result.err
    assert snapshot(project) == before


@pytest.mark.parametrize("damage", list(PACKAGE_DAMAGE))
def test_a_damaged_package_is_refused(project, dlo, damage):
    part, change = PACKAGE_DAMAGE[damage]
    raw = _table(project, dlo)
    damaged = _repacked(raw, part, change)
    assert damaged != raw
    (project / "build" / "t.docx").write_bytes(damaged)
    before = snapshot(project)
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    _no_crash(result)
    assert "DLO704" in result.err, result.err
    assert snapshot(project) == before


@unix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_translate_reads_only_a_bounded_regular_file(project, dlo, tmp_path, deadline, kind):
    given = _hostile(kind, tmp_path, "t.docx")
    before = snapshot(project)
    result = dlo("translate", "dlo-head", "--from", given, cwd=project)
    _no_crash(result)
    assert "DLO704" in result.err and "not a regular file" in result.err, result.err
    assert snapshot(project) == before


# -- acknowledge --csv -----------------------------------------------------------------------


@unix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_an_acquaintance_list_is_a_bounded_regular_file(in_force, dlo, tmp_path, deadline, kind):
    given = _hostile(kind, tmp_path, "list.csv")
    before = snapshot(in_force)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    _no_crash(result)
    assert "DLO641" in result.out + result.err and "not a regular file" in result.err
    assert snapshot(in_force) == before


@pytest.mark.parametrize(
    "row, line",
    [
        ('"' + "a" * 200_000 + '",Маман,2026-11-30\n', 2),  # over the csv module's field limit
        ("Иван\x00ов,Маман,2026-11-30\n", 2),  # a NUL
        ("Иванов,Маман,2026-11-30\nИва\u202eнов,Маман,2026-11-30\n", 3),  # a bidi override
        ("Ива\x1b[2Jнов,Маман,2026-11-30\n", 2),  # a terminal escape
    ],
    ids=["huge-cell", "nul", "bidi", "escape"],
)
def test_a_bad_cell_is_refused_at_its_line(in_force, dlo, row, line):
    given = in_force / "list.csv"
    given.write_text("name,position,date\n" + row, encoding="utf-8")
    before = snapshot(in_force)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    _no_crash(result)
    assert [(p[1], p[3]) for p in positioned(result.out + result.err)] == [(line, "DLO641")]
    assert snapshot(in_force) == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_list_saved_as_unicode_text_is_read(in_force, dlo, encoding):
    """Excel's "Unicode Text" (UTF-16 with its BOM, tab-separated) keeps the Kazakh letters that
    Windows-1251 has not; it was refused as a list whose header names no column."""
    given = in_force / "list.txt"
    text = "Т.А.Ә.\tЛауазымы\tКүні\r\nӘлиева Ғ. Қ.\tМаман\t30.11.2026\r\n"
    data = text.encode(encoding)
    given.write_bytes(data if encoding == "utf-16" else codecs.BOM_UTF16_BE + data)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    assert result.code == 0, result.err
    journal = (in_force / FOLDER / "journal.yaml").read_text(encoding="utf-8")
    assert "name: Әлиева Ғ. Қ." in journal and "date: '2026-11-30'" in journal


def test_a_utf8_list_with_a_broken_byte_is_refused_there_not_read_as_windows_1251(in_force, dlo):
    """One byte no UTF-8 text holds made the whole list read as Windows-1251: every name and
    position went into the journal, for good, as mojibake ('Иванов' as 'Р˜РІР°РЅРѕРІ')."""
    given = in_force / "list.csv"
    rows = "name,position,date\nИванов И. И.,Маман,2026-11-30\nПетров П. П.,Маман,2026-11-30\n"
    given.write_bytes(rows.encode().replace("Петров".encode(), "Пе".encode() + b"\xd1", 1))
    before = snapshot(in_force)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    _no_crash(result)
    assert positioned(result.out + result.err) == [(str(given), 3, 3, "DLO641")], result.err
    assert "0xd1" in result.err and "Р˜" not in result.out + result.err
    assert snapshot(in_force) == before


def test_a_list_of_more_rows_than_a_journal_holds_is_refused_at_once(in_force, dlo, deadline):
    """30,000 rows (a 900 KB file) took four minutes and 1 GB, to be refused then as a journal
    that would not read back, 'a bug of dlo'; now the row past the limit is refused as it is
    read."""
    given = in_force / "list.csv"
    rows = "".join(f"Person {i},Маман,2026-11-30\n" for i in range(30_000))
    given.write_text("name,position,date\n" + rows, encoding="utf-8")
    before = snapshot(in_force)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    _no_crash(result)
    assert positioned(result.err) == [(str(given), 10_002, 1, "DLO641")], result.err
    assert "more than 10000 rows" in result.err
    assert snapshot(in_force) == before


def test_the_empty_rows_a_sheet_saves_below_its_list_are_not_counted(in_force, dlo):
    """A sheet whose cells below the list were once formatted saves them as rows of separators
    (',,'): one reader and 10,000 such rows were refused as 'more than 10000 rows', though empty
    rows are skipped and recorded as no one."""
    given = in_force / "list.csv"
    given.write_text(
        "name,position,date\nPerson 1,Маман,2026-11-30\n" + ",,\n" * 10_000, encoding="utf-8"
    )
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    assert result.code == 0, result.err
    assert "Person 1" in (in_force / "regulations" / "dlo-head" / "journal.yaml").read_text("utf-8")


def test_a_batch_stopped_half_way_records_nobody(in_force, dlo, monkeypatch):
    given = in_force / "list.csv"
    rows = "".join(f"Person {i},Маман,2026-11-30\n" for i in range(5))
    given.write_text("name,position,date\n" + rows, encoding="utf-8")
    capture, calls = facts.capture, []

    def fails_on_the_third(*args, **kwargs):  # the command stopped (Ctrl-C, a full disk)
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("stopped half-way")
        return capture(*args, **kwargs)

    monkeypatch.setattr(facts, "capture", fails_on_the_third)
    journal = (in_force / FOLDER / "journal.yaml").read_bytes()
    dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    assert (in_force / FOLDER / "journal.yaml").read_bytes() == journal
    monkeypatch.setattr(facts, "capture", capture)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    assert result.code == 0, result.err
    assert (in_force / FOLDER / "journal.yaml").read_text(encoding="utf-8").count(
        "event: acknowledged"
    ) == 5


# -- verify-pdf ------------------------------------------------------------------------------


@unix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_verify_pdf_reads_only_a_bounded_regular_file(project, dlo, tmp_path, deadline, kind):
    given = _hostile(kind, tmp_path, "signed.pdf")
    result = dlo("--root", project, "verify-pdf", given)
    _no_crash(result)
    assert "not a regular file" in result.err, result.err


# -- the register in a spreadsheet -----------------------------------------------------------

FORMULA = '=HYPERLINK("http://example.invalid/x","click")'


def test_the_register_exports_no_formula(project, dlo):
    path = project / REGULATION
    text = path.read_text(encoding="utf-8")
    code = next(line for line in text.splitlines() if line.startswith("code:"))
    path.write_text(text.replace(code, "code: '" + FORMULA + "'", 1), encoding="utf-8")
    result = dlo("--root", project, "list", "--format", "csv")
    assert result.code == 0, result.err
    assert "'=HYPERLINK" in result.out and ',"=HYPERLINK' not in result.out
    result = dlo("--root", project, "list", "--format", "xlsx", "--out", project / "r.xlsx")
    assert result.code == 0, result.err
    cells = [
        c for row in openpyxl.load_workbook(project / "r.xlsx").active.iter_rows() for c in row
    ]
    assert FORMULA in [c.value for c in cells]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    with zipfile.ZipFile(project / "r.xlsx") as book:
        assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(
    "typed", ["\uff1d1+1", "\ufe661+1", "\uff0bA1", "\uff0dA1", "\uff20SUM(A1)"]
)
def test_a_full_width_formula_sign_is_made_inert_too(typed):
    """A spreadsheet in an East Asian locale reads a full-width "＝" (or "＋", "－", "＠", the
    small "﹦") as the formula's sign: a cell starting with one was exported as it was."""
    from dlo_docs.register.output import inert

    assert inert(typed) == "'" + typed
    assert inert("Ә" + typed) == "Ә" + typed  # only a cell's first character starts a formula


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--out", "afile/r.csv"],  # FileExistsError, making the folder
        ["render", "dlo-head", "--format", "html", "--out", "afile/out"],  # NotADirectoryError
        ["sheet", "acquaintance", "dlo-head", "--out", "afile/s.docx"],
        ["translate", "dlo-head", "--to", "ru", "--out", "afile/t.docx"],
        ["list", "--out", "a" * 300 + ".csv"],  # a name too long for the file system
    ],
    ids=["list", "render", "sheet", "translate", "long-name"],
)
def test_an_out_path_through_a_file_is_an_error_naming_it(project, dlo, args):
    """An ``--out`` whose folder is a file (or whose name the file system refuses) ended each
    command in an internal error to report (FileExistsError, NotADirectoryError, OSError)."""
    (project / "afile").write_text("a file, not a folder\n", encoding="utf-8")
    before = snapshot(project)
    result = dlo("--root", project, *args, cwd=project)
    assert result.code == 1, (result.code, result.out, result.err)
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    assert result.err.startswith("dlo: error: ") and "the command stopped" in result.err
    assert snapshot(project) == before


# -- the project's own templates, and ids --------------------------------------------------

TEMPLATE = Path("templates/html/regulation.html.j2")


@pytest.mark.parametrize(
    "damage, line",
    [("syntax", -1), ("unknown name", -1)],
    ids=["syntax", "undefined"],
)
def test_a_broken_project_template_is_an_error_at_its_line(project, dlo, damage, line):
    path = project / TEMPLATE
    text = path.read_text(encoding="utf-8")
    if damage == "syntax":
        path.write_text(text + "{% if %}\n", encoding="utf-8")
        line = len(text.splitlines()) + 1
    else:  # on the page's second line of HTML (its first lines are a comment)
        lines = text.splitlines(keepends=True)
        at = next(n for n, each in enumerate(lines) if each.startswith("<!DOCTYPE")) + 1
        lines[at] = "{{ no_such_value }}" + lines[at]
        path.write_text("".join(lines), encoding="utf-8")
        line = at + 1
    result = dlo(
        "--root", project, "render", "--format", "html", "--draft", "--out", project / "out"
    )
    _no_crash(result)
    assert f"{TEMPLATE.as_posix()}{f':{line}:1' if line else ''}: error DLO304" in result.err
    assert not (project / "out").exists()


def test_a_project_template_removed_is_the_bundled_one(project, dlo):
    (project / TEMPLATE).unlink()
    result = dlo(
        "--root", project, "render", "--format", "html", "--draft", "--out", project / "out"
    )
    assert result.code == 0, result.err
    assert "Қашықтықтан оқыту" in (project / "out" / "dlo-head.kk.draft.html").read_text("utf-8")


@pytest.mark.parametrize(
    "command", [["new", "--kind", "job_instruction", "--position", "hr-head"], ["status"]]
)
def test_an_id_too_long_for_a_file_name_is_refused(project, dlo, command):
    long_id = "a" * 300
    args = [command[0], long_id, *command[1:]]
    before = snapshot(project)
    result = dlo("--root", project, *args)
    _no_crash(result)
    assert "not a valid regulation id" in result.err and "at most 80" in result.err
    assert snapshot(project) == before


# -- import: a DTD anywhere, a corrupt deflate stream ------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BOMB_BODY = (
    f"<w:document {W_NS}><w:body><w:p><w:r><w:t>1. &a9;</w:t></w:r></w:p></w:body></w:document>"
)


def _docx(document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
    return out.getvalue()


def _corrupt_stream(raw: bytes, part: str) -> bytes:
    """``raw`` with the deflate stream of ``part`` starting with an invalid block type."""
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(part)
    header = raw[info.header_offset : info.header_offset + 30]
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little")
    start += int.from_bytes(header[28:30], "little")
    return raw[:start] + b"\xff" * 8 + raw[start + 8 :]


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!--'
        + b" " * 5000
        + b"-->"
        + LAUGHS[21:].replace(b"<d>&a9;</d>", BOMB_BODY.encode()),
        (
            '<?xml version="1.0" encoding="UTF-16"?>'
            + LAUGHS[21:].decode().replace("<d>&a9;</d>", BOMB_BODY)
        ).encode("utf-16"),
    ],
    ids=["after-5000-bytes", "utf-16"],
)
def test_import_refuses_a_dtd_wherever_it_stands(project, dlo, tmp_path, document):
    source = tmp_path / "bomb.docx"
    source.write_bytes(_docx(document))
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported")
    _no_crash(result)
    assert "DLO520" in result.err and "declares a DTD" in result.err, result.err
    assert snapshot(project) == before


def test_import_refuses_a_corrupt_deflate_stream(project, dlo, tmp_path):
    body = f"<w:document {W_NS}><w:body><w:p><w:r><w:t>1 тарау. Жалпы</w:t></w:r></w:p></w:body></w:document>"
    source = tmp_path / "corrupt.docx"
    source.write_bytes(_corrupt_stream(_docx(body.encode()), "word/document.xml"))
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported")
    _no_crash(result)
    assert "DLO520" in result.err, result.err
    assert snapshot(project) == before


def test_import_refuses_a_docx_of_too_many_paragraphs_before_reading_it_all(
    project, dlo, tmp_path, monkeypatch
):
    """A small DOCX that unpacks to a long document.xml is refused once its paragraphs pass the
    limit, not after its whole tree is built (a 170 KB file of 1.6 M paragraphs took a minute
    and over 1 GB): the parser is fed a part of it only."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{i}. Тармақ.</w:t></w:r></w:p>" for i in range(80_000))
    document = f"<w:document {W_NS}><w:body>{paragraphs}</w:body></w:document>".encode()
    source = tmp_path / "long.docx"
    source.write_bytes(_docx(document))
    fed = []

    class Counted(ET.XMLParser):
        def feed(self, data) -> None:
            fed.append(len(data))
            super().feed(data)

    monkeypatch.setattr(ET, "XMLParser", Counted)
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported", "--position", "dlo-head")
    _no_crash(result)
    assert "DLO520" in result.err and "80000 paragraphs, more than the 20000" in result.err
    assert 0 < sum(fed) < len(document) / 2, (sum(fed), len(document))
    assert snapshot(project) == before


def test_import_refuses_a_document_of_more_paragraphs_than_a_regulation_has(project, dlo, tmp_path):
    source = tmp_path / "long.txt"
    lines = ["1 тарау. Жалпы ережелер"] + [f"{i}. Тармақ {i}." for i in range(1, 20_001)]
    source.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported", "--position", "dlo-head")
    _no_crash(result)
    assert "DLO520" in result.err and "20001 paragraphs" in result.err, result.err
    assert snapshot(project) == before


@unix_only
def test_a_registry_that_is_a_fifo_is_named_as_one_not_as_missing(project, dlo, deadline):
    registry = project / "regulations" / "registry.yaml"
    registry.unlink()
    os.mkfifo(registry)
    result = dlo("--root", project, "check")
    _no_crash(result)
    assert ("regulations/registry.yaml", 1, 1, "DLO009") in positioned(result.out + result.err)
    assert "the registry is missing" not in result.out + result.err


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ('{% extends "regulation.html.j2" %}\n', "RecursionError"),
        ("{{ 1/0 }}\n", "ZeroDivisionError"),
        ('{{ "a" + 1 }}\n', "TypeError"),
    ],
    ids=["extends itself", "division", "type"],
)
def test_a_project_page_failing_as_it_runs_is_an_error_at_it(project, dlo, page, words):
    (project / TEMPLATE).write_text(page, encoding="utf-8")
    result = dlo(
        "--root", project, "render", "--format", "html", "--draft", "--out", project / "out"
    )
    _no_crash(result)
    assert f"{TEMPLATE.as_posix()}:1:1: error DLO304" in result.err and words in result.err
    assert 'extends "bundled/regulation.html.j2"' in result.err  # the way to extend it
    assert not (project / "out").exists()


def test_a_project_page_includes_the_bundled_one(project, dlo):
    (project / TEMPLATE).write_text(
        '<!-- ӨЗ БЕТІ -->{% include "bundled/regulation.html.j2" %}\n', encoding="utf-8"
    )
    result = dlo(
        "--root", project, "render", "--format", "html", "--draft", "--out", project / "out"
    )
    assert result.code == 0, result.err
    page = (project / "out" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert "ӨЗ БЕТІ" in page and "Қашықтықтан оқыту" in page


@pytest.mark.parametrize(
    "linked", [TEMPLATE, Path("templates/site/static/site.css")], ids=["page", "style sheet"]
)
def test_a_template_linked_out_of_the_project_is_refused(in_force, dlo, tmp_path, linked):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET\n", encoding="utf-8")
    (in_force / linked).unlink()
    (in_force / linked).symlink_to(secret)
    commands = [
        ("render", "dlo-head", "--format", "html", "--out", "out")
        if linked == TEMPLATE
        else ("site", "build", "--no-pdf")
    ]
    for args in commands:
        result = dlo(*args, cwd=in_force)
        assert result.code == 1 and "DLO009" in result.err, (args, result.err)
        assert "outside the project" in result.err
    written = [p for folder in ("public", "out") for p in (in_force / folder).rglob("*")]
    assert not any(p.is_file() and b"SECRET" in p.read_bytes() for p in written)


def test_control_characters_never_reach_a_page(project, dlo):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  title: Қолдану саласы\n") == 1
    path.write_text(
        text.replace("  title: Қолдану саласы\n", '  title: "Қолдану\\x01 саласы"\n'), "utf-8"
    )
    result = dlo(
        "--root", project, "render", "--format", "html", "--draft", "--out", project / "out"
    )
    assert result.code == 0, result.err
    page = (project / "out" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert "\x01" not in page and "Қолдану саласы" in page


def _rendered(root: Path, dlo, page: str) -> str:
    """``page`` as the project's regulation page, rendered as HTML without error: its text."""
    (root / TEMPLATE).write_text(page, encoding="utf-8")
    result = dlo("render", "dlo-head", "--format", "html", "--out", root / "out", cwd=root)
    assert result.code == 0, result.err
    return (root / "out" / "dlo-head.kk.html").read_text(encoding="utf-8")


def _page_refused(root: Path, dlo, page: str, *render: str):
    """``page`` as the project's regulation page, rendered as HTML: refused (DLO304) at it,
    nothing written, never an internal error; the command's result."""
    (root / TEMPLATE).write_text(page, encoding="utf-8")
    result = dlo("--root", root, "render", *render, "--format", "html", "--out", root / "out")
    _no_crash(result)
    assert "error DLO304" in result.err, result.err
    assert not (root / "out").exists()
    return result


@pytest.mark.parametrize(
    "page",
    [
        '{{ cycler.__init__.__globals__.os.popen("echo PWNED").read() }}\n',
        '{{ joiner.__init__.__globals__.__builtins__.open("/etc/hostname").read() }}\n',
        "{{ self._TemplateReference__context }}\n",
    ],
    ids=["popen", "open", "context"],
)
def test_a_project_page_reaches_no_python_internals(project, dlo, page):
    """The pages run sandboxed: a project's page cannot run a program or read a file."""
    result = _page_refused(project, dlo, page, "--draft")
    assert "PWNED" not in result.err + result.out


@pytest.mark.parametrize(
    "page",
    [
        "{{ 'abcdef'|truncate(1) }}\n",
        "{{ 'abcdef'|truncate(5, leeway=-1) }}\n",
        "{{ doc.records.order.date.fromtimestamp(1e17) }}\n",
        "{% set x = 1e400 %}{{ x }}\n",
    ],
    ids=["truncate", "leeway", "fromtimestamp", "inf"],
)
def test_a_project_page_failing_in_a_filter_or_a_method_is_named(in_force, dlo, page):
    """Jinja asserts on a filter's arguments, and a date's methods fail with the system's
    errors: either, from a project's page, is DLO304 at that page, not an internal error."""
    _page_refused(in_force, dlo, page, "dlo-head")


@pytest.mark.parametrize(
    "page",
    [
        "x\n{{ 10**4300 }}\n",
        "x\n{{ 1" + "0" * 5000 + " }}\n",
        "x\n{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n",
        "x\n{{ 10**(10**10) }}\n",
        "x\n{{ (-7)**(10**6) }}\n",
        "x\n{{ 'x' * 10**9 }}\n",
        "x\n{{ [0] * 10**7 }}\n",
        "x\n{{ [[[[0] * 100] * 100] * 100] * 100 }}\n",
        "x\n{{ ['x' * 10**6] * 2 }}\n",
        "x\n{{ 'x'|center(1000000000) }}\n",
        "x\n{{ 'x'.center(10**9) }}{{ 'x'.zfill(10**9) }}\n",
        "x\n{{ '%0999999999d' % 1 }}\n",
        "x\n{{ '%*d' % (10**9, 1) }}\n",
        "x\n{{ '%0999999999d'|format(1) }}\n",
        "x\n{{ '{:1000000000}'.format(1) }}\n",
        "x\n{{ ('a' ~ '\\n' ~ 'b')|indent(10**9) }}\n",
        "x\n{{ ('\\t' * 1000).expandtabs(100000) }}\n",
        "x\n{{ ('x' * 10**6).replace('x', 'yy') }}\n",
        "x\n{{ ('x' * 10**6)|replace('', 'yy') }}\n",
        "x\n{{ ('-' * 10**6).join(['a', 'b', 'c']) }}\n",
        "x\n{{ ['x' * 10**6, 'y']|join }}\n",
        "x\n{{ '{0:{1}}'.format(1, 10**9) }}\n",
        "x\n{{ '{a:{b}}'.format_map({'a': 1, 'b': 10**9}) }}\n",
        "x\n{{ '%*d' % (-10**9, 1) }}{{ '%*d'|format(-10**9, 1) }}\n",
        "x\n{{ ('x'|safe).center(10**9) }}\n",
        "x\n{{ ('{:1000000000}'|safe).format(1) }}\n",
        "x\n{{ 'x'.encode().center(10**9) }}\n",
        "x\n{{ (1).to_bytes(3 * 10**9, 'big')|length }}\n",
        "x\n{{ range(100000)|join('-' * 10**4) }}\n",
        "x\n{{ ('-' * 10**4).join('a' * 10**5) }}\n",
        "x\n{{ ('x' * 10**4).translate({120: 'y' * 10**5}) }}\n",
        "x\n{{ ('x ' * 10**4)|wordwrap(1, wrapstring='-' * 10**5) }}\n",
        "x\n{{ [[[[1]]]]|tojson(indent=10**8) }}\n",
        "x\n{{ [0]|batch(2 * 10**8, 'x')|list|length }}{{ [0]|slice(10**7)|list|length }}\n",
        "x\n{{ lipsum(10**7, false)|length }}\n",
        "{% set a = [0] * 10**6 %}\n{{ [a, a]|sum(start=[])|length }}\n",
        "{% set a = 'x' * 10**6 %}\n{% set a = a ~ a %}\n",
        "{% set a = 'x' * 10**6 %}\n{% set a = a + a %}\n",
        "{% set a = [0] * 10**5 %}\n{% set b = [a, a, a, a, a, a, a, a, a, a] %}\n",
        "{% set a = [0] * 10**5 %}\n{{ dict(x=a, y=a, z=a, t=a, u=a, v=a, w=a, q=a, r=a, s=a) }}\n",
        "{% set ns = namespace(x=[0] * 1000) %}{% for i in range(30) %}\n"
        "{% set ns.x = (ns.x, ns.x) %}{% endfor %}\n",
        "x\n{{ [1]|slice(50000000)|list|length }}\n",
        "x\n{{ '{0:{1}{2}}'.format('x', 9999, 999) }}{{ '{0:{1}}'.format('x', '9999999') }}\n",
        "x\n{{ '{0:{1[n]}}'.format('x', {'n': 9999999}) }}\n",
        "x\n{{ ('{0:>999999}' * 300).format(1)|length }}\n",
        "x\n{{ (('%999999d' * 300) % ((1,) * 300))|length }}\n",
        "x\n{{ ('x' * 100000).translate(['y' * 3000] * 121)|length }}\n",
        "{% set a = 1 %}" + "{% set a = [a] %}" * 180 + "\n{{ a|tojson(indent=5000)|length }}\n",
        "{% set x = 2 ** 65000 %}\n{{ x * x > 0 }}\n",
        "x\n{{ lipsum(20, false, 200000, 1000000.0)|length }}\n",
        "{% set s = 'x' * 999999 %}{% set b = [s] + [s] %}\n{{ (b ~ '')|length }}\n",
        "x\n{{ '{:{}}'.format('a', 10**9)|length }}{{ '{:.{}f}'.format(1.5, 10**7) }}\n",
        "x\n{{ '{0.a:{1}}'.format({'a': 'x'}, 10**8) }}{{ '{0:{1.w}}'.format('x', {'w': 10**8}) }}\n",
        "{% set big = 'x' * 400000 %}{% set f = '%(a)s' * 100000 %}\n{{ (f % {'a': big})|length }}\n",
        "{% set ns = namespace(a='x' * 999999) %}\n{{ ([ns] * 1000)|join('', attribute='a') }}\n",
        "{% set ns = namespace(a='x' * 999999) %}\n{{ ([ns] * 1000)|sum(attribute='a', start='') }}\n",
    ],
    ids=[
        "digits",
        "literal",
        "nested",
        "power",
        "negative-power",
        "text-repeated",
        "list-repeated",
        "list-of-lists-repeated",
        "list-of-texts-repeated",
        "center-filter",
        "padding-methods",
        "printf-width",
        "printf-star",
        "format-filter",
        "format-method",
        "indent",
        "expandtabs",
        "replace-method",
        "replace-filter",
        "join-method",
        "join-filter",
        "format-nested-width",
        "format-map-nested-width",
        "printf-negative-star",
        "markup-method",
        "markup-format",
        "bytes-method",
        "to-bytes",
        "join-of-a-range",
        "join-of-a-text",
        "translate",
        "wordwrap",
        "tojson-indent",
        "batch-and-slice",
        "lipsum",
        "sum-of-lists",
        "text-doubled-by-tilde",
        "text-doubled-by-plus",
        "shared-list-literal",
        "shared-dict-made-by-a-call",
        "shared-tuples-nested-in-a-loop",
        "slice",
        "format-width-made-of-fields",
        "format-width-looked-up",
        "format-many-fields",
        "printf-many-fields",
        "translate-by-a-list",
        "tojson-indent-by-depth",
        "product-of-integers",
        "lipsum-float-max",
        "list-joined-by-tilde",
        "format-width-of-an-automatic-field",
        "format-width-through-a-dict-s-attribute",
        "printf-key-printed-many-times",
        "join-of-attributes",
        "sum-of-attributes",
    ],
)
def test_a_project_page_computing_a_huge_number_is_named_at_its_line(in_force, dlo, page):
    """What fails as Jinja reads or compiles a page (a number Python cannot write or read, brackets
    nested too deep) is in no line of it (an internal error before); a power, repetition, padding,
    format width, replacement or join that would take minutes or the memory is refused as the
    page runs, never computed as it compiles: each is DLO304 at its line."""
    result = _page_refused(in_force, dlo, page, "dlo-head")
    assert f"{TEMPLATE}:2:1: error DLO304" in result.err, result.err


_BLANK = "x\n\n\n\n"  # the expression on the page's fifth line


@pytest.mark.parametrize(
    "page, line",
    [
        (
            "x\n" + "".join(f"{{% for i{k} in [1] %}}\n" for k in range(21)) + "{% endfor %}" * 21,
            22,
        ),
        ("x\n" + "{% if true %}\n" * 100 + "{% endif %}" * 100, 100),
        ("x\n{% if false %}a" + "{% elif false %}b" * 3000 + "{% endif %}\n", None),
        (_BLANK + "{{ " + "+".join(["1"] * 20000) + " }}\n", 5),
        (_BLANK + "{{ 1" + "|abs" * 5000 + " }}\n", 5),
        (_BLANK + "{{ doc" + ".a" * 20000 + " }}\n", 5),
    ],
    ids=["for-nested", "if-nested", "elif-chain", "long-sum", "long-filters", "long-attributes"],
)
def test_a_project_page_python_cannot_compile_is_named_at_its_line(in_force, dlo, page, line):
    """Blocks nested deeper than Python allows, an ``elif`` chain or an expression longer than
    its recursion: an error at the page's line the code came from (at the page when Python does
    not say where), never an internal error."""
    result = _page_refused(in_force, dlo, page, "dlo-head")
    at = f"{TEMPLATE}:{line}:1" if line else f"{TEMPLATE}"
    assert f"{at}: error DLO304" in result.err, result.err


def test_a_refused_operation_is_said_in_the_interface_language(in_force, dlo):
    (in_force / TEMPLATE).write_text("x\n{{ '%*d' % (10**9, 1) }}\n", encoding="utf-8")
    result = dlo("--lang-ui", "ru", "render", "dlo-head", "--format", "html", cwd=in_force)
    assert f"{TEMPLATE}:2:1: ошибка DLO304" in result.err, result.err
    assert "ширина поля: получилось бы более 1\u00a0000\u00a0000" in result.err
    assert "would make" not in result.err


def test_a_refused_power_is_said_in_the_interface_language(in_force, dlo):
    (in_force / TEMPLATE).write_text("x\n{{ 3**50000 }}\n", encoding="utf-8")
    result = dlo("--lang-ui", "ru", "render", "dlo-head", "--format", "html", cwd=in_force)
    assert f"{TEMPLATE}:2:1: ошибка DLO304" in result.err, result.err
    assert "19\u00a0728" in result.err and "would make" not in result.err, result.err


def test_a_page_adding_rows_one_at_a_time_is_not_slowed_by_the_bounds(in_force, dlo, deadline):
    """A ``+`` of two lists counts their items, not what each holds (bounded where it was
    made): 5,000 rows added one at a time take a fraction of a second, not the minutes that
    counting the whole list at every step took (the deadline fails the test), and adding two
    lists each within the bound is no error (printing them would be)."""
    page = _rendered(
        in_force,
        dlo,
        "{% set ns = namespace(rows=[]) %}{% for i in range(5000) %}"
        "{% set ns.rows = ns.rows + [{'n': i, 'name': 'x' ~ i, 'tags': ['a', 'b']}] %}"
        "{% endfor %}{{ ns.rows|length }} {{ ns.rows[-1].name }}"
        "{% set a = [0] * 600000 %} {{ ([a] + [a])|length }}\n",
    )
    assert page == "5000 x4999 2\n"


def test_a_join_of_texts_over_the_bound_is_refused_before_it_is_made():
    """``a ~ b ~ …`` is measured from its parts: the join is never made (no hundreds of
    megabytes made and then refused)."""
    made = []
    part = "x" * 600_000
    with pytest.raises(OverflowError):
        page_bounds.joined(made.append, (part, part))
    assert made == []
    assert page_bounds.joined("".join, ("a", "b")) == "ab"


def test_a_page_s_own_arithmetic_still_works(in_force, dlo):
    page = _rendered(
        in_force,
        dlo,
        "{{ 2**10 }} {{ '-' * 3 }} {{ 3 * 4 }} {{ [1] * 2 }} {{ (-2)**3 }} {{ 2**-1 }}"
        " {{ 2**0.5 > 1 }} {{ 10**100 > 0 }} {{ 2**65000 > 2**64999 }}\n",
    )
    assert page == "1024 --- 12 [1, 1] -8 0.5 True True True\n"


def test_a_page_s_own_formats_paddings_and_joins_still_work(in_force, dlo):
    page = _rendered(
        in_force,
        dlo,
        "{{ 'x'|center(5) }}|{{ '%05d' % 42 }}|{{ '%s-%s' % ('a', 'b') }}|{{ '{:>4}'.format(7) }}"
        "|{{ 'ab'|replace('a', 'c') }}|{{ ','.join(['a', 'b']) }}|{{ [[0] * 2] * 2 }}"
        "|{{ '%(a)s' % {'a': 1} }}|{{ 7 % 3 }}|{{ '%d%%'|format(5) }}|{{ 'x'.rjust(3, '.') }}"
        "|{{ ['a', 'b']|join('+') }}|{{ ('a' ~ '\\n' ~ 'b')|indent(2) }}"
        "|{{ '{:>3}{}{x}'.format(1, 'a', x=[2]) }}|{{ ['a', 'b']|slice(2)|list|length }}"
        "|{{ lipsum(1, false, 1, max=2)|length > 0 }}|{{ 'ab'.translate(['x'] * 98) }}"
        "|{{ '{:{}}'.format('a', 3) }}|{{ '%(a)s-%(a)s' % {'a': 'x'} }}|{{ '{0.a}'.format({'a': 5}) }}"
        "|{{ [{'t': 'a'}, {'t': 'b'}]|join(',', attribute='t') }}"
        "|{{ [{'n': 1}, {'n': 2}]|sum(attribute='n') }}\n",
    )
    assert page == (
        "  x  |00042|a-b|   7|cb|a,b|[[0, 0], [0, 0]]|1|1|5%|..x|a+b|a\n  b|  1a[2]|2|True|xb"
        "|a  |x-x|5|a,b|3\n"
    )


def test_a_join_of_attributes_counts_the_attributes_not_the_items(in_force, dlo):
    page = _rendered(
        in_force,
        dlo,
        "{% set ns = namespace(rows=[]) %}{% for i in range(12) %}"
        "{% set ns.rows = ns.rows + [{'title': 'T' ~ i, 'body': 'x' * 100000}] %}{% endfor %}"
        "{{ ns.rows|join(',', attribute='title') }}\n",
    )
    assert page == ",".join(f"T{i}" for i in range(12)) + "\n"


def test_a_site_index_reading_its_first_group_builds(in_force, dlo):
    """An index page that reads what a register with regulations has (its first group, a
    division by the count) is an ordinary page: never rendered of no regulation."""
    own = in_force / "templates" / "html" / "site" / "index.html.j2"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(
        '{% extends "bundled/site/index.html.j2" %}{% block main %}'
        '<h1 class="first">{{ groups[0].unit }} {{ 100 // count }}</h1>{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    result = dlo("site", "build", "--no-pdf", "--out", in_force / "public", cwd=in_force)
    assert result.code == 0, result.err
    assert '<h1 class="first">' in (in_force / "public" / "index.html").read_text("utf-8")


def test_a_site_page_a_bundled_one_extends_failing_as_it_compiles_is_named(in_force, dlo):
    """The project's own base of the site's pages, compiled when a bundled page extends it."""
    base = in_force / "templates" / "html" / "site" / "base.html.j2"
    base.parent.mkdir(parents=True, exist_ok=True)
    base.write_text("<html>\n{{ 1" + "0" * 5000 + " }}\n</html>\n", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", cwd=in_force)
    _no_crash(result)
    assert "templates/html/site/base.html.j2:2:1: error DLO304" in result.err, result.err


def test_a_failing_site_page_s_hint_names_the_page_that_failed(in_force, dlo):
    """The project's base fails as the index, which extends it, runs: the hint says how the
    base (not the index) extends the bundled one."""
    base = in_force / "templates" / "html" / "site" / "base.html.j2"
    base.parent.mkdir(parents=True, exist_ok=True)
    base.write_text("<html>\n{{ page.nosuch }}\n</html>\n", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", cwd=in_force)
    assert "templates/html/site/base.html.j2:2:1: error DLO304" in result.err, result.err
    assert 'extends "bundled/site/base.html.j2"' in result.err, result.err


@pytest.mark.parametrize(
    "page",
    [
        "{{ '\\ud800' }}x\n",
        "{{ '%c'|format(55296) }}x\n",
        "{% filter replace('a', '%c' % 55296) %}a{% endfilter %}x\n",
    ],
)
def test_a_lone_surrogate_a_page_prints_is_dropped(in_force, dlo, page):
    """A lone surrogate is no character a page (or XML) can hold: dropped as control characters
    are, not an internal error when the page is written."""
    assert _rendered(in_force, dlo, page) == "x\n"


def test_a_filter_block_whose_filter_gives_no_text_is_printed_as_a_value_is(in_force, dlo):
    """``{% filter length %}…{% endfilter %}`` gives a number: printed (escaped) as ``{{ }}``
    prints one, not an internal error; markup the page wrote stays markup."""
    page = _rendered(
        in_force,
        dlo,
        "{% filter length %}abc{% endfilter %}|{% filter upper %}<b>{% endfilter %}"
        "|{% filter wordcount %}a b{% endfilter %}|{% filter list %}a<{% endfilter %}\n",
    )
    assert page == "3|<B>|2|[&#39;a&#39;, &#39;&lt;&#39;]"  # (a block's newline trimmed)


@pytest.mark.parametrize(
    "page",
    [
        "{{ doc.blocks.clear() }}{{ doc.blocks | length }}\n",
        "{% set x = doc.blocks.append(1) %}{{ doc.blocks | length }}\n",
        "{{ labels.clear() }}\n",
        '{{ dict.update(doc.sheets, {"agreement": false}) or "" }}\n',
        "{{ dict.clear(labels) or '' }}\n",
        "{{ dict.setdefault(labels, 'x', 1) }}\n",
        "{{ dict[0].update(doc.sheets, agreement=false) or '' }}\n",
        "{{ dict[0].clear(labels) or '' }}\n",
        "{{ (labels|attr('items')) and dict[0]|attr('pop') }}\n",
        "{{ dict[0].mro() }}\n",
    ],
    ids=[
        "list-clear",
        "list-append",
        "dict-clear",
        "type-update",
        "type-clear",
        "type-setdefault",
        "alias-update",
        "alias-clear",
        "alias-attr-pop",
        "alias-mro",
    ],
)
def test_a_project_page_changes_no_data_it_is_given(project, dlo, page):
    """The pages run in Jinja's immutable sandbox: a project's page cannot change the data it
    is given (emptying a regulation's blocks emptied the site's search index)."""
    assert "SecurityError" in _page_refused(project, dlo, page, "--draft").err


def test_the_sandbox_judges_each_attribute_as_jinja_does_whatever_was_asked_before():
    """The pages' sandbox keeps its verdict on an attribute per type and name: every verdict
    is Jinja's own, asked in an order where a name safe on one type comes before the same
    name unsafe on another (``clear`` of an object of the project's, then of a list)."""
    from collections import deque

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from dlo_docs.render import html

    class Box:
        def clear(self) -> None: ...

        def append(self, item) -> None: ...

    def function() -> None: ...

    objects = [Box(), [], {}, set(), deque(), "text", function, Box().clear, Box, (x for x in ())]
    names = ["clear", "append", "update", "pop", "add", "upper", "format", "mro"]
    names += ["__globals__", "__class__", "_private", "__code__", "gi_frame", "items", "keys"]
    sandbox, jinja = html.environment(), ImmutableSandboxedEnvironment()
    for _ in range(2):  # asked again: the kept verdict
        for name in names:
            for obj in objects:
                value = getattr(obj, name, None)
                expected = jinja.is_safe_attribute(obj, name, value)
                assert sandbox.is_safe_attribute(obj, name, value) is expected, (obj, name)
    assert not sandbox.is_safe_attribute([], "clear", [].clear)
    assert sandbox.is_safe_attribute(Box(), "clear", Box().clear)

    # a mutating method read from the type itself: refused, whatever was asked before
    assert sandbox.is_safe_attribute(Box, "clear", Box.clear)
    assert not sandbox.is_safe_attribute(dict, "clear", dict.clear)
    assert not sandbox.is_safe_attribute(list, "append", list.append)
    assert sandbox.is_safe_attribute(dict, "fromkeys", dict.fromkeys)

    # a proxy says it is of its referent's class: judged as that, whichever came first
    class Shelf(list):  # (a list itself cannot be referred to weakly)
        pass

    shelf, box = Shelf(), Box()
    for obj in (weakref.proxy(box), weakref.proxy(shelf), weakref.proxy(box)):
        assert sandbox.is_safe_attribute(obj, "clear", obj.clear) is (obj.__class__ is Box)


def test_the_sandbox_keeps_a_bounded_number_of_verdicts():
    """A page reading ever new names (``|attr`` of made-up texts) does not fill memory."""
    from dlo_docs.render import html

    sandbox = html.environment()
    for i in range(html._JUDGED_MAX + 100):
        assert sandbox.is_safe_attribute(object(), f"name{i}", None)
    assert sandbox.is_safe_attribute(object(), "x" * 100_000, None)
    assert len(sandbox._judged) <= html._JUDGED_MAX
    assert all(len(name) <= html._NAME_MAX for _, name in sandbox._judged)


def test_a_bundled_page_failing_is_dlos_own_error(tmp_path, monkeypatch):
    """A failure in a bundled page that no page of the project's took part in is dlo's (an
    internal error), never put on the project: a project of its own templates."""

    from dlo_docs import labels
    from dlo_docs.render import html

    bundled = tmp_path / "bundled"
    shutil.copytree(REPO / "templates", bundled)
    (bundled / "html" / "regulation.html.j2").write_text("{{ 1/0 }}\n", encoding="utf-8")
    monkeypatch.setattr(labels, "BUNDLED", bundled)
    own = tmp_path / "project" / "templates"
    (own / "html").mkdir(parents=True)
    with pytest.raises(ZeroDivisionError):
        html.render_template("regulation.html.j2", own, doc=None, labels={})


def test_a_page_edited_in_dlo_s_own_folder_is_an_error_at_its_line(tmp_path, monkeypatch):
    """Run from dlo's own folder (its templates are the bundled ones, as in a clone of its
    repository), a page edited there is that project's: an error at its line that says how
    to restore it, not an internal error asking for a report."""

    from dlo_docs import labels
    from dlo_docs.errors import DloError
    from dlo_docs.render import html

    bundled = tmp_path / "bundled"
    shutil.copytree(REPO / "templates", bundled)
    (bundled / "html" / "regulation.html.j2").write_text("x\n{{ 1/0 }}\n", encoding="utf-8")
    monkeypatch.setattr(labels, "BUNDLED", bundled)
    with pytest.raises(DloError) as caught:
        html.render_template("regulation.html.j2", bundled, doc=None, labels={})
    (found,) = caught.value.problems
    assert (found.code, found.location.line) == ("DLO304", 2)
    assert "git checkout" in str(found.hint)


def test_a_project_page_that_breaks_the_bundled_one_it_extends_is_named(in_force, dlo):
    """A project page extending a bundled page and setting what that page uses: the failure is
    raised past the project's page, but the project's page caused it: DLO304 at a project page."""
    page = in_force / "templates" / "html" / "site" / "regulation.html.j2"
    page.write_text(
        '{% extends "bundled/site/regulation.html.j2" %}{% set toc = 5 %}\n', encoding="utf-8"
    )
    result = dlo("site", "build", "--no-pdf", cwd=in_force)
    _no_crash(result)
    # at a page of the project's (its copy of the base page the bundled one extends, here)
    assert result.err.startswith("templates/html/site/") and "error DLO304" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--out", "loop/r.csv"),
        ("render", "dlo-head", "--format", "html", "--out", "loop/out"),
        ("site", "build", "--out", "loop"),
    ],
    ids=["list", "render", "site"],
)
def test_an_out_path_through_a_link_to_itself_is_an_error_naming_it(project, dlo, args):
    """A link that leads back to itself on an --out path ended the command in 'internal error:
    RuntimeError: Symlink loop from ...' (Path.resolve before Python 3.13)."""
    (project / "loop").symlink_to("loop")
    result = dlo("--root", project, *args, cwd=project)
    assert result.code == 1, (result.code, result.out, result.err)
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    assert result.err.startswith("dlo: error: loop")  # as typed, from where the command ran
    assert "leads back to itself" in result.err
