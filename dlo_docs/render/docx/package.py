"""The styled base package and its slots: a zip-level templating engine.

Opening and saving a package with python-docx costs ~10 ms (importing it ~50 ms), so python-docx
is used once (``prepare``) to make the styled, empty base package, which keeps *slots*:
placeholder paragraphs in the body, headers and footers, and placeholder texts in the core
properties and the language. A render fills the slots in one pass over the base's parts and zips
them. The default template's unused style definitions, latent styles, Word 2010
``stylesWithEffects`` part and thumbnail are dropped from the base.

The base is kept in memory per reference document, and on disk in the persistent cache
(``stored``), so that a command whose base is cached does not import python-docx at all; the
built-in one (no reference document) is also shipped with the package (``stored.builtin``)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ... import inputs
from ...errors import DloError, Location, error
from ...i18n import Msg
from ...labels import BUNDLED
from .. import stamp
from . import stored
from .ooxml import clean

REFERENCE = "reference.docx"


@dataclass(frozen=True)
class Base:
    entries: tuple[tuple[str, bytes], ...]  # its parts (name, content), slots included
    ids: dict[str, str]  # role -> style id
    usable_mm: float  # width between the margins

    @cached_property
    def data(self) -> bytes:
        """The styled, empty package (a DOCX that opens as it is): every slot emptied."""
        return fill(self.entries, {n: "" for n in PARAGRAPH_SLOTS}, {n: "" for n in TEXT_SLOTS})

    def lost_slot(self) -> str | None:
        """A paragraph slot the parts do not hold exactly once, or None when all are there."""
        found = b"".join(content for _, content in self.entries)
        for name in PARAGRAPH_SLOTS:
            if found.count(slot_paragraph(name).encode()) != 1:
                return name
        return None


# Slots: placeholders the base package carries where a render puts its content. A paragraph
# slot is replaced by paragraphs; a text slot by escaped text.
SLOT = "DLO-SLOT-{}"
PARAGRAPH_SLOTS = ("body", "header", "footer", "first_header", "first_footer")
TEXT_SLOTS = ("title", "subject", "creator", "keywords", "language", "langtag")
_SLOT_RE = re.compile(rb"<w:p><w:r><w:t>DLO-SLOT-([a-z_]+)</w:t></w:r></w:p>|DLO-SLOT-([a-z_]+)")


def slot_paragraph(name: str) -> str:
    """The placeholder paragraph of slot ``name``."""
    return f"<w:p><w:r><w:t>{SLOT.format(name)}</w:t></w:r></w:p>"


def fill(
    entries: tuple[tuple[str, bytes], ...],
    paragraphs: dict[str, str],
    texts: dict[str, str],
    title_page: bool = True,
    when: dt.datetime = stamp.EARLIEST,
) -> bytes:
    """The package with every slot filled, in one pass (so no filled-in text is read as a slot):
    paragraph slots with OOXML, text slots with escaped text. Every member is dated ``when``, so
    the same document is always the same bytes. Deflated at level 1: a regulation's DOCX takes
    ~2.3 ms to pack instead of ~3.2 at level 6, for 26 KB instead of 22."""
    values = {name.encode(): xml.encode() for name, xml in paragraphs.items()}
    values.update({name.encode(): clean(text).encode() for name, text in texts.items()})

    def value(match: re.Match) -> bytes:
        return values[match.group(1) or match.group(2)]

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in entries:
            if b"DLO-SLOT-" in content:
                content = _SLOT_RE.sub(value, content)
                if not title_page and name == "word/document.xml":
                    content = content.replace(b"<w:titlePg/>", b"")
            content = stamp.dated(name, content, when)
            # the level given here: a ZipInfo carries its own, not the ZipFile's
            z.writestr(stamp.zip_info(name, when), content, compresslevel=1)
    return out.getvalue()


NARROWEST = 50  # mm of text width a reference document's page must leave (the sheets' tables)


def too_narrow(reference: Path | None, width: float) -> DloError:
    """The reference document's page leaves too little room for the text (margins wider than
    the page give the tables negative widths)."""
    return DloError(
        [
            error(
                Location(reference.as_posix() if reference else REFERENCE),
                "DLO303",
                Msg(
                    "the reference document's page leaves {width:.0f} mm for the text; at least {least} mm are needed",
                    width=width,
                    least=NARROWEST,
                ),
                Msg("enlarge its page, or narrow its margins and its header and footer distances"),
            )
        ]
    )


def misfit_style(reference: Path | None, name: str, table: bool) -> DloError:
    """One of dlo's styles in the reference document is of another type than dlo writes with it
    (a character style "DLO Clause" would leave every clause unstyled)."""
    message = (
        Msg("the reference document's style {name} is not a table style", name=repr(name))
        if table
        else Msg("the reference document's style {name} is not a paragraph style", name=repr(name))
    )
    return _style_error(reference, message)


def shared_style_id(reference: Path | None, name: str, other: str, sid: str) -> DloError:
    """A style of the reference document has the id of one of dlo's styles under another name
    (dlo's style renamed): dlo's style added under its name would make two styles of one id."""
    return _style_error(
        reference,
        Msg(
            "the reference document's style {other} has the id {sid} of dlo's style {name}",
            other=repr(other),
            sid=sid,
            name=repr(name),
        ),
    )


def _style_error(reference: Path | None, message: str) -> DloError:
    return DloError(
        [
            error(
                Location(reference.as_posix() if reference else REFERENCE),
                "DLO303",
                message,
                Msg(
                    "give dlo's styles back their names and types (Modify Style, not a new one), "
                    "or start again from dlo reference-docx"
                ),
            )
        ]
    )


def _reason(exc: BaseException) -> str:
    """What python-docx says of a file it cannot open, without the in-memory buffer it names
    ("file '<_io.BytesIO object at 0x…>' is not a Word file, …")."""
    return re.sub(r"^file '<_io\.BytesIO object at 0x[0-9a-fA-F]+>' ", "", str(exc))


def unreadable(reference: Path | None, exc: BaseException) -> DloError:
    """The reference document cannot be read (not a DOCX, a broken one, not a regular file)."""
    return DloError(
        [
            error(
                Location(reference.as_posix() if reference else REFERENCE),
                "DLO303",
                Msg("the reference document cannot be read: {error}", error=_reason(exc)),
                Msg("save it from Word or LibreOffice as .docx, or remove it"),
            )
        ]
    )


@lru_cache(maxsize=8)
def _base_cached(reference: str | None, stamp: tuple[int, int]) -> Base:
    path = Path(reference) if reference else None
    source = None
    if path is not None:
        try:
            source = inputs.read_bytes(path, limit=inputs.MAX_IMPORT_BYTES)
        except (OSError, inputs.InputRefused) as exc:
            raise unreadable(path, getattr(exc, "reason", exc)) from None
    key = stored.key(source)
    found = stored.load(key)
    made = Base(*found) if found is not None else None
    if made is None and source is None and (shipped := stored.builtin()) is not None:
        made = Base(*shipped)  # the built-in base shipped with the package
        if made.lost_slot() is None:
            stored.store(key, made.entries, made.ids, made.usable_mm)
    if made is None or made.lost_slot() is not None:  # not cached, or not to be trusted
        from .prepare import prepare  # python-docx, only when the base is not cached

        made = prepare(source, path)
        stored.store(key, made.entries, made.ids, made.usable_mm)
    return made


def reference_document(project_templates: Path | None) -> Path | None:
    """The organisation's reference document: ``templates/reference.docx`` of the project, else
    of the bundled templates; None when there is none (the built-in styles are used)."""
    for folder in (project_templates, BUNDLED):
        if folder is not None and (folder / REFERENCE).is_file():
            return folder / REFERENCE
    return None


def base(project_templates: Path | None) -> Base:
    """The base package for a project (its reference document's styles, or the built-in ones),
    prepared once per reference document and its modification time, and read from the
    persistent cache when it was prepared before."""
    reference = reference_document(project_templates)
    if reference is None:
        return _base_cached(None, (0, 0))
    stat = reference.stat()
    return _base_cached(str(reference.resolve()), (stat.st_mtime_ns, stat.st_size))


def default_reference() -> bytes:
    """The built-in styled base as a DOCX: edit its styles in Word, save it as
    ``templates/reference.docx``."""
    return _base_cached(None, (0, 0)).data


def new_document():
    """A python-docx Document with the page set-up and every named style, and no content (for
    other DOCX writers, such as the comparison of editions)."""
    from docx import Document

    return Document(io.BytesIO(base(None).data))


LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
_RUNNING = "header footer first_page_header first_page_footer even_page_header even_page_footer"


def plain_pages(doc) -> None:
    """No running header or footer in ``new_document()`` (the base's are the official
    document's, empty), and no title page of its own."""
    for section in doc.sections:
        for part in _RUNNING.split():
            getattr(section, part).is_linked_to_previous = True
        section.different_first_page_header_footer = False


def set_language(doc, lang: str) -> None:
    """The language of ``new_document()``'s text (its document defaults), which Word checks
    its spelling in: the base leaves it empty."""
    from docx.oxml.ns import qn

    tag = LANG_TAGS.get(lang, lang)
    for element in doc.styles.element.iterfind(f"{qn('w:docDefaults')}//{qn('w:lang')}"):
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            element.set(qn(attr), tag)
