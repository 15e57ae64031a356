"""A DOCX package opened safely: a ZIP archive of bounded parts whose XML declares no DTD (no
entity is ever expanded). The standard library only."""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from xml.etree import ElementTree as ET

from ..i18n import Msg
from .source import EMPTY, ENCRYPTED, MAX_PARAGRAPHS, NOT_READABLE, fail, too_long
from .wordstyles import W

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PART = 64 * 1024 * 1024  # refuse parts that unpack larger than this (zip bombs)
CHUNK = 1024 * 1024  # bytes of a part unpacked, and fed to the parser, at a time
PARAGRAPH = W + "p"
# the elements of all the parts read, together: a tree costs some 90 bytes an element, and 64 MB
# of "<w:r/>" would be ten million of them; Word writes a few dozen a paragraph, and a regulation
# of the most paragraphs read (MAX_PARAGRAPHS) needs far fewer than this
MAX_ELEMENTS = 100 * MAX_PARAGRAPHS
# how deep elements nest: Word's body, tables in tables and content controls stay far below it;
# the reader walks a paragraph's runs recursively
MAX_DEPTH = 200
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


def _opendocument(archive: zipfile.ZipFile) -> bool:
    """The package is an OpenDocument file (LibreOffice's .odt): its first entry, ``mimetype``,
    names the format (read only when it is as short as such a name)."""
    try:
        info = archive.getinfo("mimetype")
        return info.file_size <= 100 and archive.read(info).startswith(
            b"application/vnd.oasis.opendocument"
        )
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError):
        return False


def open_package(raw: bytes, path: str) -> zipfile.ZipFile:
    """The DOCX as a ZIP archive; a file that is not one (or is a legacy .doc, encrypted, empty)
    is refused."""
    if not raw.strip(b"\x00 \t\r\n"):
        raise fail(
            path, EMPTY, Msg("the file is empty"), Msg("save the document again in Word as .docx")
        )
    if raw.startswith(OLE_MAGIC):
        if (
            "EncryptionInfo".encode("utf-16-le") in raw
            or "EncryptedPackage".encode("utf-16-le") in raw
        ):
            raise fail(
                path,
                ENCRYPTED,
                Msg("the document is password-protected"),
                Msg("remove the password in Word (File → Info → Protect Document) and save again"),
            )
        raise fail(
            path,
            NOT_READABLE,
            Msg("this is a legacy Word 97–2003 .doc, not a .docx"),
            Msg("open it in Word or LibreOffice and save it as .docx"),
        )
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise fail(
            path,
            NOT_READABLE,
            Msg("the file is not a DOCX (not a ZIP package)"),
            Msg("save the document in Word as .docx, or import its text as .txt"),
        ) from None
    if "word/document.xml" not in names:
        if _opendocument(archive):
            why = Msg("this is an OpenDocument text (.odt), not a .docx")
            hint = Msg("open it in LibreOffice or Word and save it as Word 2007–365 (.docx)")
            raise fail(path, NOT_READABLE, why, hint)
        raise fail(
            path,
            NOT_READABLE,
            Msg("the file is a ZIP archive but not a Word document (no word/document.xml)"),
            Msg("save the document in Word as .docx"),
        )
    if any(info.flag_bits & 0x1 for info in archive.infolist()):
        why, hint = Msg("the package is encrypted"), Msg("save it again without a password")
        raise fail(path, ENCRYPTED, why, hint)
    return archive


class _DoctypeRefused(Exception):
    pass


class _TooLong(Exception):
    pass


class _TooComplex(Exception):
    pass


class Budget:
    """The elements the parts of one package may still build (``MAX_ELEMENTS`` in all)."""

    def __init__(self, elements: int = MAX_ELEMENTS) -> None:
        self.left = elements


class _Bounded(ET.TreeBuilder):
    """The tree builder that stops the parser at a document type declaration, before any entity
    of it is declared, let alone expanded (entity bombs, external entities); at the element past
    the package's ``budget`` or nested deeper than ``MAX_DEPTH``; and (``most``) at the paragraph
    (``w:p``, wherever it stands) past ``most``: a part is refused having built a part of its
    tree only."""

    def __init__(self, budget: Budget, most: int | None) -> None:
        super().__init__()
        self.budget, self.paragraphs, self.depth = budget, most, 0

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeRefused(name)

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.budget.left -= 1
        self.depth += 1
        if self.budget.left < 0 or self.depth > MAX_DEPTH:
            raise _TooComplex
        if tag == PARAGRAPH and self.paragraphs is not None:
            self.paragraphs -= 1
            if self.paragraphs < 0:
                raise _TooLong
        return super().start(tag, attrs)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


def part(
    archive: zipfile.ZipFile,
    name: str,
    path: str,
    paragraphs: int | None = None,
    budget: Budget | None = None,
) -> ET.Element | None:
    """The part ``name`` parsed, None when there is none; one over ``MAX_PART`` unpacked, damaged,
    declaring a DTD, of more elements than the package's ``budget`` (or ``MAX_ELEMENTS``) leaves
    or nested deeper than ``MAX_DEPTH``, or (``paragraphs``) of more paragraphs than that, is
    refused. It is fed to the parser a ``CHUNK`` at a time, so a refusal comes as soon as the
    parser sees why."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    data = _unpacked(archive, info, path)
    parser = ET.XMLParser(target=_Bounded(budget or Budget(), paragraphs))
    view = memoryview(data)
    try:
        for at in range(0, len(view), CHUNK):
            parser.feed(view[at : at + CHUNK])
        return parser.close()
    except _TooLong:  # as Word writes a paragraph: the whole count, for the message
        found = sum(data.count(b"<w:p" + end) for end in (b">", b" ", b"/>"))
        raise too_long(path, max(found, MAX_PARAGRAPHS + 1)) from None
    except _TooComplex:
        raise fail(
            path,
            NOT_READABLE,
            Msg(
                "{name} has more than {limit} XML elements or elements nested more than {depth} "
                "deep, more than a regulation could have",
                name=name,
                limit=MAX_ELEMENTS,
                depth=MAX_DEPTH,
            ),
            Msg("split it, or check that it is the file you meant"),
        ) from None
    except _DoctypeRefused:  # wherever it stands, in whatever encoding: no entity is expanded
        raise fail(
            path,
            NOT_READABLE,
            Msg("{name} declares a DTD, which a Word document never does", name=name),
        ) from None
    except (ET.ParseError, LookupError, ValueError) as exc:  # ValueError, LookupError: an
        # encoding its declaration names that expat cannot read (UTF-32, rot13, none at all)
        raise fail(
            path,
            NOT_READABLE,
            Msg("the DOCX is damaged: {name} is not well-formed XML ({exc})", name=name, exc=exc),
            Msg("open it in Word and save it again"),
        ) from None


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bytes:
    """The bytes of the part ``info``, refused when it unpacks larger than ``MAX_PART`` or is
    damaged."""
    name = info.filename
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise fail(  # bzip2 or LZMA: unpacked with no bound on what one read gives
            path,
            NOT_READABLE,
            Msg("{name} is compressed by a method Word never uses", name=name),
            Msg("open it in Word and save it again"),
        )
    if info.file_size > MAX_PART:
        raise fail(
            path,
            NOT_READABLE,
            Msg(
                "{name} unpacks to {file_size} bytes, more than this importer reads",
                name=name,
                file_size=info.file_size,
            ),
        )
    try:  # a CHUNK at a time: the whole read at once inflates a part whose header understates
        # its size (and fails its CRC only after) in full, gigabytes from a few megabytes
        chunks = []
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                chunks.append(chunk)
        return b"".join(chunks)
    except (
        zipfile.BadZipFile,
        OSError,
        RuntimeError,
        EOFError,
        ValueError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise fail(
            path,
            NOT_READABLE,
            Msg("the DOCX is damaged: cannot unpack {name} ({exc})", name=name, exc=exc),
            Msg("open it in Word and save it again"),
        ) from None


def core_properties(archive: zipfile.ZipFile, path: str, budget: Budget) -> dict[str, str]:
    """The core properties dlo reads back from its own DOCX: title, subject (the code),
    keywords (the regulation's id) and language."""
    root = part(archive, "docProps/core.xml", path, budget=budget)
    if root is None:
        return {}
    found = {}
    for key, tag in (
        ("title", DC + "title"),
        ("subject", DC + "subject"),
        ("keywords", CP + "keywords"),
        ("language", DC + "language"),
    ):
        el = root.find(tag)
        if el is not None and el.text and el.text.strip():
            found[key] = el.text.strip()
    return found
