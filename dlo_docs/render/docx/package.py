"""The styled base package and its slots: a zip-level templating engine.

Opening and saving a package with python-docx costs ~10 ms, so python-docx is used once per
process (per reference document) to prepare the styled, empty base package, which keeps *slots*:
placeholder paragraphs in the body, headers and footers, and placeholder texts in the core
properties and the language. A render fills the slots in one pass over the cached parts and zips
them. The default template's unused style definitions, latent styles, Word 2010
``stylesWithEffects`` part and thumbnail are dropped from the base."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from ...errors import DloError, Location, error
from ...i18n import Msg
from ...labels import BUNDLED
from .. import stamp
from .ooxml import clean
from .styles import STYLE, setup, trim_styles

REFERENCE = "reference.docx"


@dataclass(frozen=True)
class Base:
    data: bytes  # the styled, empty package (a DOCX that opens as it is)
    entries: tuple[tuple[zipfile.ZipInfo, bytes], ...]  # its parts, slots included
    ids: dict[str, str]  # role -> style id
    usable_mm: float  # width between the margins


# Slots: placeholders the base package carries where a render puts its content. A paragraph
# slot is replaced by paragraphs; a text slot by escaped text.
_SLOT = "DLO-SLOT-{}"
PARAGRAPH_SLOTS = ("body", "header", "footer", "first_header", "first_footer")
TEXT_SLOTS = ("title", "subject", "creator", "keywords", "language", "langtag")
_SLOT_RE = re.compile(rb"<w:p><w:r><w:t>DLO-SLOT-([a-z_]+)</w:t></w:r></w:p>|DLO-SLOT-([a-z_]+)")


def _slot_paragraph(name: str) -> str:
    return f"<w:p><w:r><w:t>{_SLOT.format(name)}</w:t></w:r></w:p>"


def _slot_element(name: str):
    return parse_xml(_slot_paragraph(name).replace("<w:p>", f"<w:p {nsdecls('w')}>", 1))


def fill(
    entries,
    paragraphs: dict[str, str],
    texts: dict[str, str],
    title_page: bool = True,
    when: dt.datetime = stamp.EARLIEST,
) -> bytes:
    """The package with every slot filled, in one pass (so no filled-in text is read as a slot):
    paragraph slots with OOXML, text slots with escaped text. Every member is dated ``when``, so
    the same document is always the same bytes."""
    values = {name.encode(): xml.encode() for name, xml in paragraphs.items()}
    values.update({name.encode(): clean(text).encode() for name, text in texts.items()})

    def value(match: re.Match) -> bytes:
        return values[match.group(1) or match.group(2)]

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for info, content in entries:
            if b"DLO-SLOT-" in content:
                content = _SLOT_RE.sub(value, content)
                if not title_page and info.filename == "word/document.xml":
                    content = content.replace(b"<w:titlePg/>", b"")
            z.writestr(stamp.zip_info(info.filename, when), content)
    return out.getvalue()


def _open(reference: Path | None):
    if reference is None:
        return Document()
    try:
        return Document(str(reference))
    except Exception as exc:  # not a DOCX, or a broken one
        raise DloError(
            [
                error(
                    Location(reference.as_posix()),
                    "DLO303",
                    Msg("the reference document cannot be read: {error}", error=exc),
                    Msg("save it from Word or LibreOffice as .docx, or remove it"),
                )
            ]
        ) from None


def _drop_extras(doc) -> None:
    """No thumbnail (a picture of some other document) and no Word 2010 copy of styles.xml
    (``stylesWithEffects``: 440 KB, unused); an empty body."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _docdefaults_rpr(doc):
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr


def _place_slots(doc) -> None:
    """Paragraph slots in the body, the headers and the footers; text slots in the language and
    the core properties."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    parts = {
        "header": section.header,
        "footer": section.footer,
        "first_header": section.first_page_header,
        "first_footer": section.first_page_footer,
    }
    for name, hf in parts.items():
        hf.is_linked_to_previous = False
        for child in list(hf._element):
            hf._element.remove(child)
        hf._element.append(_slot_element(name))
    doc.element.body.find(qn("w:sectPr")).addprevious(_slot_element("body"))
    rpr = _docdefaults_rpr(doc)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), _SLOT.format("langtag"))
    props = doc.core_properties
    props.title, props.subject, props.author = (
        _SLOT.format(n) for n in ("title", "subject", "creator")
    )
    props.keywords, props.language = _SLOT.format("keywords"), _SLOT.format("language")
    props.comments, props.last_modified_by = "", "dlo_docs"


def _prepare(reference: Path | None) -> Base:
    doc = _open(reference)
    _drop_extras(doc)
    setup(doc, keep_existing=reference is not None)
    if reference is None:
        trim_styles(doc)
    _place_slots(doc)
    section = doc.sections[-1]
    usable = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    ids = {key: doc.styles[name].style_id for key, name in STYLE.items()}
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        entries = tuple((info, z.read(info)) for info in z.infolist())
    found = b"".join(content for _, content in entries)
    for name in PARAGRAPH_SLOTS:
        if found.count(_slot_paragraph(name).encode()) != 1:
            raise RuntimeError(f"the base package lost its {name} slot")
    # the empty base itself, for new_document() and `dlo reference-docx`: no slots
    return Base(
        fill(entries, {n: "" for n in PARAGRAPH_SLOTS}, {n: "" for n in TEXT_SLOTS}),
        entries,
        ids,
        float(usable),
    )


@lru_cache(maxsize=8)
def _base_cached(reference: str | None, stamp: tuple[int, int]) -> Base:
    return _prepare(Path(reference) if reference else None)


def reference_document(project_templates: Path | None) -> Path | None:
    """The organisation's reference document: ``templates/reference.docx`` of the project, else
    of the bundled templates; None when there is none (the built-in styles are used)."""
    for folder in (project_templates, BUNDLED):
        if folder is not None and (folder / REFERENCE).is_file():
            return folder / REFERENCE
    return None


def base(project_templates: Path | None) -> Base:
    """The base package for a project (its reference document's styles, or the built-in ones),
    prepared once per reference document and its modification time."""
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
    return Document(io.BytesIO(base(None).data))
