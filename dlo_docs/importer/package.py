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
CHUNK = 1024 * 1024  # bytes of a part fed to the parser at a time
PARAGRAPH = W + "p"


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


class _NoDoctype(ET.TreeBuilder):
    """The tree builder that stops the parser at a document type declaration, before any entity
    of it is declared, let alone expanded (entity bombs, external entities)."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeRefused(name)


class _TooLong(Exception):
    pass


class _Counted(_NoDoctype):
    """The tree builder that also stops the parser at the paragraph (``w:p``, wherever it
    stands) past ``most``: a long document is refused having built a part of its tree only."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.left = most

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        if tag == PARAGRAPH:
            self.left -= 1
            if self.left < 0:
                raise _TooLong
        return super().start(tag, attrs)


def part(
    archive: zipfile.ZipFile, name: str, path: str, paragraphs: int | None = None
) -> ET.Element | None:
    """The part ``name`` parsed, None when there is none; one over ``MAX_PART`` unpacked, damaged,
    declaring a DTD, or (``paragraphs``) of more paragraphs than that, is refused. It is fed to
    the parser a ``CHUNK`` at a time, so a refusal comes as soon as the parser sees why."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    data = _unpacked(archive, info, path)
    parser = ET.XMLParser(target=_NoDoctype() if paragraphs is None else _Counted(paragraphs))
    view = memoryview(data)
    try:
        for at in range(0, len(view), CHUNK):
            parser.feed(view[at : at + CHUNK])
        return parser.close()
    except _TooLong:  # as Word writes a paragraph: the whole count, for the message
        found = sum(data.count(b"<w:p" + end) for end in (b">", b" ", b"/>"))
        raise too_long(path, max(found, MAX_PARAGRAPHS + 1)) from None
    except _DoctypeRefused:  # wherever it stands, in whatever encoding: no entity is expanded
        raise fail(
            path,
            NOT_READABLE,
            Msg("{name} declares a DTD, which a Word document never does", name=name),
        ) from None
    except ET.ParseError as exc:
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
    try:
        return archive.read(info)
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
