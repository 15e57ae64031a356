"""``dlo import`` of crafted DOCX packages: each is refused, or read, at a bounded cost, with an
error naming the file and never a traceback; nothing is written when it is refused.

(A DTD anywhere, an entity bomb, an honest zip bomb and too many paragraphs: test_hostile_files.)
"""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from dlo_docs.importer import package, revisions, wordml
from tests.hostile_support import snapshot

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
BODY = (
    "<w:p><w:r><w:t>1 тарау. Жалпы ережелер</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>1. Бөлім университеттің құрылымдық бөлімшесі болып табылады.</w:t></w:r></w:p>"
)


def _document(body: str) -> bytes:
    return f"<w:document {W_NS} {R_NS}><w:body>{body}</w:body></w:document>".encode()


def _docx(
    document: bytes, method: int = zipfile.ZIP_DEFLATED, parts: dict[str, bytes] | None = None
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _understated(raw: bytes, part: str, size: int) -> bytes:
    """``raw`` with the unpacked size of ``part`` given as ``size`` in its local and central
    headers (its CRC left as it is)."""
    data = bytearray(raw)
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(part)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == part.encode():
            struct.pack_into("<I", data, at + 24, size)
        at += 4
    return bytes(data)


def _refused(project: Path, dlo, source: Path, *words: str) -> str:
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported", "--position", "dlo-head")
    assert result.code == 1, (result.code, result.out, result.err)
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    assert result.err.startswith(f"{source}:"), result.err
    assert " error DLO520: " in result.err.splitlines()[0], result.err
    for word in words:
        assert word in result.err, result.err
    assert snapshot(project) == before
    return result.err


def test_a_part_whose_header_understates_its_size_is_never_inflated_whole(
    project, dlo, tmp_path, monkeypatch
):
    """A 100 KB package whose document.xml says it unpacks to 5 KB but holds 100 MB: zipfile stops
    at the size the header gives, and the CRC then fails, but a part read whole was inflated
    whole first (gigabytes of memory for a few megabytes of file). It is read a chunk at a time:
    no single inflation gives more than a chunk."""
    paragraph = "<w:p><w:r><w:t>1. Бөлім жұмыс істейді.</w:t></w:r></w:p>"
    document = _document(BODY + paragraph * (100_000_000 // len(paragraph.encode())))
    source = tmp_path / "understated.docx"
    source.write_bytes(_understated(_docx(document), "word/document.xml", 5000))
    inflated: list[int] = []
    real = zipfile._get_decompressor  # type: ignore[attr-defined]

    class Probe:
        def __init__(self, inner) -> None:
            self.inner = inner

        def decompress(self, data, max_length=0):
            out = self.inner.decompress(data, max_length)
            inflated.append(len(out))
            return out

        def __getattr__(self, name):
            return getattr(self.inner, name)

    monkeypatch.setattr(zipfile, "_get_decompressor", lambda kind: Probe(real(kind)))
    _refused(project, dlo, source, "word/document.xml", "damaged")
    assert inflated and max(inflated) <= 2 * package.CHUNK, max(inflated)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a_part_compressed_as_word_never_does_is_refused(project, dlo, tmp_path, method):
    """zipfile inflates a bzip2 or LZMA part a read at a time with no bound on what the read
    gives (a 300 KB bzip2 part of a header understating it took 2 GB): Word writes deflate."""
    source = tmp_path / "bzip2.docx"
    source.write_bytes(_docx(_document(BODY), method))
    _refused(project, dlo, source, "word/document.xml is compressed by a method Word never uses")


def test_a_part_of_millions_of_elements_is_refused_before_its_tree_is_built(project, dlo, tmp_path):
    """64 MB of ``<w:r/>`` in one paragraph is ten million elements, under the paragraph limit:
    a 150 KB file took two minutes and 720 MB. The parts of a package may build MAX_ELEMENTS
    elements in all."""
    runs = "<w:r/>" * (package.MAX_ELEMENTS + 10)
    source = tmp_path / "runs.docx"
    source.write_bytes(_docx(_document(BODY + f"<w:p>{runs}</w:p>")))
    _refused(project, dlo, source, "word/document.xml has more than 2000000 XML elements")


def test_the_elements_are_counted_over_all_the_parts(project, dlo, tmp_path):
    half = package.MAX_ELEMENTS // 2 + 10
    styles = f"<w:styles {W_NS}>{'<w:style/>' * half}</w:styles>".encode()
    numbering = f"<w:numbering {W_NS}>{'<w:num/>' * half}</w:numbering>".encode()
    source = tmp_path / "parts.docx"
    source.write_bytes(
        _docx(_document(BODY), parts={"word/styles.xml": styles, "word/numbering.xml": numbering})
    )
    _refused(project, dlo, source, "word/numbering.xml has more than")


def test_elements_nested_thousands_deep_are_refused_not_a_recursion_error(project, dlo, tmp_path):
    deep = "<w:smartTag>" * 5000 + "<w:r><w:t>x</w:t></w:r>" + "</w:smartTag>" * 5000
    source = tmp_path / "deep.docx"
    source.write_bytes(_docx(_document(BODY + f"<w:p>{deep}</w:p>")))
    _refused(project, dlo, source, "nested more than 200 deep")


def _timed(document: bytes) -> float:
    paragraph = next(wordml.ET.fromstring(document).iter(wordml.W + "p"))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        wordml._pieces(paragraph)
        best = min(best, time.perf_counter() - start)
    return best


def test_a_paragraphs_text_is_gathered_in_a_time_growing_with_its_runs():
    """Appending each run's text to a string copied the string at every run: a paragraph of
    a million runs took minutes. Ten times the runs now take about ten times as long."""
    run = "<w:r><w:t>сөз </w:t></w:r>"
    small, large = (_document(f"<w:p>{run * n}</w:p>") for n in (30_000, 300_000))
    assert wordml._pieces(next(wordml.ET.fromstring(small).iter(wordml.W + "p"))) == [
        "сөз " * 30_000
    ]
    assert _timed(large) < 30 * _timed(small)


def _numbering(lvl: str, start: str, fmt: str, text: str = "%1.") -> bytes:
    return (
        f"<w:numbering {W_NS}><w:abstractNum w:abstractNumId='1'><w:lvl {lvl}>"
        f"<w:start w:val='{start}'/><w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/>"
        "</w:lvl></w:abstractNum><w:num w:numId='1'><w:abstractNumId w:val='1'/>"
        f"<w:lvlOverride w:ilvl='{'9' * 5000}'><w:startOverride w:val='{'9' * 5000}'/>"
        "</w:lvlOverride></w:num></w:numbering>"
    ).encode()


@pytest.mark.parametrize(
    ("lvl", "start", "fmt", "text"),
    [
        ("w:ilvl='x'", "1", "decimal", "%1."),
        ("w:ilvl='0'", "9" * 5000, "decimal", "%1."),
        ("w:ilvl='²'", "²", "decimal", "%1."),
        ("w:ilvl='0'", str(10**9), "upperRoman", "%1."),
        ("w:ilvl='0'", str(10**9), "lowerLetter", "%1."),
        ("w:ilvl='0'", "1", "decimal", "%1." + "Я" * 1_000_000),
        ("w:ilvl='0'", "32767", "russianLower", "%1" * 127),
    ],
    ids=[
        "ilvl-not-a-number",
        "start-5000-digits",
        "superscript-digit",
        "roman",
        "letters",
        "text",
        "placeholder-repeated",
    ],
)
def test_list_numbering_word_never_writes_is_read_at_a_bounded_cost(
    project, dlo, tmp_path, lvl, start, fmt, text
):
    """A list level numbered ``x`` or of a 5000-digit start stopped the import with an internal
    error (int()); a start of 10**9 in Roman numerals or letters, or a level's text of a million
    characters, spelt a label that long for every numbered paragraph (the import hung). Levels,
    starts and texts outside what Word writes (levels 0-8, starts up to 32767, texts up to 255
    characters) are not read: the paragraphs keep their text. Within those bounds, a text of
    ``%1`` 127 times over a start of 32767 in letters spelt a label of 150,000 characters for every
    numbered paragraph (gigabytes from 20,000 of them, a 10 KB file): a label longer than 255
    characters is not read either."""
    items = "".join(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>"
        f"<w:r><w:t>Бөлім {i}-міндетті орындайды.</w:t></w:r></w:p>"
        for i in range(500)
    )
    source = tmp_path / "numbering.docx"
    numbering = _numbering(lvl, start, fmt, text)
    source.write_bytes(_docx(_document(BODY + items), parts={"word/numbering.xml": numbering}))
    started = time.monotonic()
    result = dlo("--root", project, "import", source, "--id", "imported", "--position", "dlo-head")
    assert time.monotonic() - started < 30
    assert result.code == 0, result.err
    written = (project / "regulations" / "imported" / "regulation.yaml").read_text("utf-8")
    assert "Бөлім 499-міндетті орындайды." in written
    assert not re.search(r"(\w)\1{50}", written)  # no label spelt from a crafted number or text


def test_an_external_relationship_is_never_followed(project, dlo, tmp_path):
    """A sub-document and a template linked to a file and a URL outside the package: the
    importer reads no relationship, so the text is the body's alone."""
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/subDocument" Target="file:///etc/passwd" TargetMode="External"/>'
        b'<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://127.0.0.1:9/x.dotm" '
        b'TargetMode="External"/></Relationships>'
    )
    document = _document(BODY + '<w:p><w:subDoc r:id="rId9"/></w:p>')
    source = tmp_path / "linked.docx"
    source.write_bytes(_docx(document, parts={"word/_rels/document.xml.rels": rels}))
    result = dlo("--root", project, "import", source, "--id", "imported", "--position", "dlo-head")
    assert result.code == 0, result.err
    written = (project / "regulations" / "imported" / "regulation.yaml").read_text("utf-8")
    assert "root:" not in written and "passwd" not in written and "127.0.0.1" not in written
    assert written.count("text:") == 1


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_paragraph_longer_than_a_clause_may_be_is_refused_at_its_line(
    project, dlo, tmp_path, suffix
):
    """A 20 MB text of one line (under the 64 MB a source may have) was recognised for 80 s and
    1.4 GB, and only the YAML written was refused (DLO008): a line longer than a value of
    regulation.yaml may be is refused as it is read, at its line (its paragraph in a DOCX)."""
    words = "сөз " * 30_000
    source = tmp_path / f"long.{suffix}"
    if suffix == "txt":
        source.write_text(f"1 тарау. Жалпы ережелер\n1. Бөлім.\n2. {words}\n", encoding="utf-8")
    else:
        source.write_bytes(_docx(_document(BODY + f"<w:p><w:r><w:t>2. {words}</w:t></w:r></w:p>")))
    err = _refused(project, dlo, source, "a paragraph of 120002 characters, more than the 100000")
    assert err.startswith(f"{source}:3:1: error DLO520: "), err


def test_a_table_nested_in_tables_is_read_once_not_once_per_table_around_it():
    """A table row read the paragraphs of the tables nested in its cells, and each nested row
    was read again as a line of its own: a text in a table 60 deep was read 60 times (a 26 KB
    DOCX holding 10 million characters there took 3 minutes and 1.2 GB to be refused). Each
    paragraph is now read once, by the row of the table it stands in."""
    inner = "<w:p><w:r><w:t>Ішкі кестенің мәтіні</w:t></w:r></w:p>"
    nested = inner
    for _ in range(60):
        nested = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ұяшық</w:t></w:r></w:p>{nested}</w:tc></w:tr></w:tbl>"
    read = wordml.read_docx(_docx(_document(BODY + nested)), "nested.docx")
    texts = [line.text for line in read.lines]
    assert sum(text.count("Ішкі кестенің мәтіні") for text in texts) == 1, texts
    assert sum(text.count("ұяшық") for text in texts) == 60


@pytest.mark.parametrize("encoding", ["x-mac-cyrillic", "utf-32", "rot13", "idna", "punycode"])
@pytest.mark.parametrize("part", ["word/document.xml", "word/numbering.xml"])
def test_a_part_declaring_an_encoding_the_parser_cannot_read_is_refused(
    project, dlo, tmp_path, encoding, part
):
    """The XML declaration names the encoding expat reads a part in: one Python does not know,
    a multi-byte one expat cannot take, a codec that is no text encoding, each ended the import
    in an internal error (LookupError, ValueError, UnicodeError)."""
    declared = f'<?xml version="1.0" encoding="{encoding}"?>'.encode()
    numbering = f"<w:numbering {W_NS}/>".encode()
    parts = {"word/document.xml": _document(BODY), "word/numbering.xml": numbering}
    parts[part] = declared + parts[part]
    source = tmp_path / "encoding.docx"
    source.write_bytes(
        _docx(parts["word/document.xml"], parts={"word/numbering.xml": parts["word/numbering.xml"]})
    )
    _refused(project, dlo, source, f"{part} is not well-formed XML")


def _best(read, *args) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read(*args)
        best = min(best, time.perf_counter() - start)
    return best


def _inserted(n: int) -> ET.Element:
    change = '<w:ins w:id="1" w:author="Аудармашы"><w:r><w:t>сөз </w:t></w:r></w:ins>'
    return wordml.ET.fromstring(_document(f"<w:p>{change * n}</w:p>"))


def test_tracked_changes_are_named_in_a_time_growing_with_them():
    """Each change was named with its paragraph's text, read again for every change: 20,000
    insertions in one paragraph (a 100 KB file) took 36 s to be refused, 200,000 an hour. The
    first twelve are named, the others counted."""
    small, large = _inserted(2_000), _inserted(20_000)
    found = revisions.revisions(large, None)
    assert len(found) == 20_000
    named = 'tracked change: inserted "сөз" by Аудармашы in the paragraph "сөз сөз сөз'
    assert found[0].startswith(named) and found[revisions.NAMED - 1].startswith(named)
    assert found[revisions.NAMED :] == [revisions.UNNAMED] * (20_000 - revisions.NAMED)
    assert _best(revisions.revisions, large, None) < 30 * _best(revisions.revisions, small, None)


def _nested(depth: int) -> ET.Element:
    paragraph = "<w:r><w:t>сөз </w:t></w:r>" * 20_000
    for _ in range(depth):
        paragraph = f'<w:ins w:id="1" w:author="a">{paragraph}</w:ins>'
    return next(wordml.ET.fromstring(_document(f"<w:p>{paragraph}</w:p>")).iter(wordml.W + "p"))


def test_runs_nested_deep_in_insertions_are_read_in_a_time_growing_with_the_runs():
    """Each run passed through a generator for each element around it: 400,000 runs in 150
    nested insertions took 20 s to be told bold or not."""
    flat, deep = _nested(0), _nested(150)
    assert len(list(wordml._runs(deep))) == 20_000
    assert (
        _best(lambda p: list(wordml._runs(p)), deep)
        < 5 * _best(lambda p: list(wordml._runs(p)), flat) + 0.05
    )
