"""Every kind of DOCX dlo writes is one Microsoft Word opens as it is: its elements in the order
of the WordprocessingML schema, its references, content types, ids, revision marks and document
properties as Word requires them (``ooxml_support.problems``; LibreOffice, which the other tests
open the files in, reads a package Word reports as unreadable content).

One project state makes them all, once: a Kazakh and Russian regulation in force as edition 1,
with a revision open whose draft changes it (``diff_revision.revise``), so that the comparison
table and the tracked changes have rows; each kind of output is written once, in one language or
the other."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import on_day
from diff_revision import checked_bilingual, revise
from docx import Document
from lxml import etree
from ooxml_support import DATE_TIME, EP, problems

from dlo_docs import load

APPROVERS = ("vp-academic", "legal-head", "hr-head", "docs-head")
SHEETS = {"agreement": "kk", "acquaintance": "ru", "changes": "kk", "review": "ru"}


def _in_both_languages(node: Any) -> None:
    """The texts the scripted revision wrote in Kazakh alone given a Russian one too."""
    if isinstance(node, dict):
        for key in ("text", "title", "note"):
            if isinstance(node.get(key), str):
                node[key] = {"kk": node[key], "ru": f"(ru) {node[key]}"}
        for value in node.values():
            _in_both_languages(value)
    elif isinstance(node, list):
        for value in node:
            _in_both_languages(value)


def _run(dlo, project: Path, day: str, *args: str) -> None:
    with on_day(day):
        result = dlo(*args, cwd=project)
    assert result.code == 0, (args, result.err)


def _revision_open(dlo, project: Path) -> None:
    """Edition 1 in force (submitted, agreed, approved on 2 May 2024), its revision opened on
    1 June by the head of HR and its draft changed."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(load.dumps(checked_bilingual()), encoding="utf-8")
    for args in (
        ["submit", "dlo-head"],
        *(["agree", "dlo-head", "--as", role] for role in APPROVERS),
        ["approve", "dlo-head", "--order", "15-н", "--date", "2024-05-02"],
    ):
        _run(dlo, project, "2024-05-02", *args)
    reasons = ["--reason", "Жоспарлы қайта қарау", "--reason-ru", "Плановый пересмотр"]
    _run(dlo, project, "2024-06-01", "revise", "dlo-head", "--by", "hr-head", *reasons)
    source, _ = load.read(path, "regulation.yaml")
    assert source is not None
    draft = revise(load.plain(source.data))
    draft["edition"] = load.plain(source.data)["edition"]
    _in_both_languages(draft)
    path.write_text(load.dumps(draft), encoding="utf-8")


def _outputs(dlo, project: Path) -> None:
    """Every kind of DOCX, into ``out/``: the translation table of the seed (Kazakh only, every
    row to translate), then, on the revision, the edition in force and the draft (with its
    comparison table), each sheet, the comparison table and the tracked changes of ``dlo diff``,
    and the reference document."""
    out = project / "out"
    translate = ["translate", "dlo-head", "--to", "ru", "--out", str(out / "translation.docx")]
    _run(dlo, project, "2024-04-01", *translate)
    _revision_open(dlo, project)
    day = "2024-06-01"
    _run(dlo, project, day, "render", "--format", "docx", "--out", str(out / "in-force"))
    _run(dlo, project, day, "render", "--draft", "--format", "docx", "--out", str(out / "draft"))
    for kind, lang in SHEETS.items():
        _run(dlo, project, day, "sheet", kind, "dlo-head", "--lang", lang, "--out", str(out))
    _run(dlo, project, day, "sheet", "transfer", "dlo-head", "--draft", "--out", str(out))
    for kind, lang in (("table", "ru"), ("redline", "kk"), ("redline", "ru")):
        target = str(out / f"diff.{kind}.{lang}.docx")
        _run(
            dlo, project, day, "diff", "dlo-head", "--format", kind, "--lang", lang, "--out", target
        )
    _run(dlo, project, day, "reference-docx", "--out", str(out / "reference.docx"))


@pytest.fixture(scope="module")
def outputs(prepared) -> dict[str, bytes]:
    out = prepared("word-outputs", _outputs) / "out"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.docx"))}


EXPECTED = [
    "diff.redline.kk.docx",
    "diff.redline.ru.docx",
    "diff.table.ru.docx",
    "dlo-head.kk.agreement.docx",
    "dlo-head.kk.changes.docx",
    "dlo-head.kk.draft.transfer.docx",
    "dlo-head.ru.acquaintance.docx",
    "dlo-head.ru.review.docx",
    "draft/dlo-head.kk.draft.comparison.docx",
    "draft/dlo-head.kk.draft.docx",
    "draft/dlo-head.ru.draft.comparison.docx",
    "draft/dlo-head.ru.draft.docx",
    "in-force/dlo-head.kk.docx",
    "in-force/dlo-head.ru.docx",
    "reference.docx",
    "translation.docx",
]


def test_every_kind_of_docx_is_written(outputs):
    """The state makes each kind the test below checks, in both languages where the document
    has them."""
    assert sorted(outputs) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_word_reads_the_docx_as_it_is(outputs, name):
    assert problems(outputs[name]) == []


def test_the_tracked_changes_carry_their_author_and_date(outputs):
    """Word shows each revision by its author and time: every w:ins and w:del has both (the
    ``problems`` above check their form), and the redline has revisions at all."""
    with zipfile.ZipFile(io.BytesIO(outputs["diff.redline.ru.docx"])) as package:
        body = package.read("word/document.xml").decode("utf-8")
    marks = re.findall(r'<w:(?:ins|del) w:id="\d+" w:author="([^"]+)" w:date="([^"]+)"', body)
    assert len(marks) > 5 and len(marks) == len(re.findall(r"<w:(?:ins|del) ", body))
    assert all(DATE_TIME.fullmatch(date) for _, date in marks)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _core(data: bytes) -> dict[str, str]:
    """The core properties (File > Info > Properties), by local name."""
    root = etree.fromstring(_parts(data)["docProps/core.xml"])
    return {etree.QName(child).localname: child.text or "" for child in root}


@pytest.mark.parametrize("name", EXPECTED)
def test_the_docx_says_dlo_wrote_it_not_python_docx_s_template(outputs, name):
    """What python-docx's default template said of every DOCX, Word showing it: the extended
    properties named "Microsoft Macintosh Word" 14.0 as the application; the settings marked
    the spelling and grammar checked and clean (``w:proofState``), so Word checked neither; the
    translation table also carried the template's thumbnail (a picture of another document),
    Word 2010's ``stylesWithEffects``, creator "python-docx" and 2013-12-23 dates. The
    application is dlo_docs (no AppVersion: the schema's is an Office version, XX.YYYY), no
    proofing state is claimed, no part or property of the template's is left."""
    parts = _parts(outputs[name])
    assert [n for n in parts if "thumbnail" in n or "stylesWithEffects" in n] == []
    app = etree.fromstring(parts["docProps/app.xml"])
    assert app.findtext(f"{{{EP}}}Application") == "dlo_docs"
    assert app.find(f"{{{EP}}}AppVersion") is None
    assert b"Microsoft" not in parts["docProps/app.xml"]
    assert b"proofState" not in parts["word/settings.xml"]
    core = _core(outputs[name])
    assert core["creator"] != "python-docx" and core["lastModifiedBy"] == "dlo_docs"
    assert not core["created"].startswith("2013") and core["created"] == core["modified"]


@pytest.mark.parametrize("name", [n for n in EXPECTED if n != "reference.docx"])
def test_word_checks_the_spelling_in_the_document_s_language(outputs, name):
    """No proofing state claimed, Word checks the text in the language of the document
    defaults: the comparison table and the tracked changes left it empty (the translation table
    said en-US); each names its own (the translation table its target language)."""
    styles = _parts(outputs[name])["word/styles.xml"].decode("utf-8")
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles)
    assert defaults is not None
    russian = ".ru." in name or name == "translation.docx"
    tag = "ru-RU" if russian else "kk-KZ"
    assert f'<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>' in defaults.group(0)


def test_the_translation_table_is_made_on_dlo_s_own_base(outputs):
    """The translation table's properties are those of the regulation's DOCX (its title, code
    and organisation, dlo_docs as its last writer), dated as a draft's outputs are (the table is
    of the working text), its members too; the Kazakh cells it gives say they are Kazakh."""
    table = _core(outputs["translation.docx"])
    regulation = _core(outputs["in-force/dlo-head.kk.docx"])
    for prop in ("title", "subject", "creator", "lastModifiedBy"):
        assert table[prop] == regulation[prop] != "", prop
    draft = _core(outputs["draft/dlo-head.kk.draft.docx"])
    assert table["created"] == table["modified"] == draft["created"] == "1980-01-01T00:00:00Z"
    assert table["identifier"] == "dlo-translation:dlo-head:kk:ru"
    with zipfile.ZipFile(io.BytesIO(outputs["translation.docx"])) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        body = package.read("word/document.xml").decode("utf-8")
    assert body.count('<w:lang w:val="kk-KZ"/>') == body.count("<w:vanish/>") == 94


def test_a_sheet_s_table_look_agrees_with_its_flags(outputs):
    """The sheets' tables said ``w:val="0020"`` (a header row, banded rows and columns) beside
    ``w:noHBand="1" w:noVBand="1"``: Word 2007 reads the number, later Word the flags. The
    number is the flags' bits (``problems`` checks every table of every kind so)."""
    body = _parts(outputs["dlo-head.kk.agreement.docx"])["word/document.xml"].decode("utf-8")
    looks = set(re.findall(r"<w:tblLook [^>]*/>", body))
    assert looks == {
        '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    }


def _reference(tmp_path: Path, edit) -> Path:
    """python-docx's default document (a Word 2010 one) with ``edit`` applied to its styles part,
    as ``templates/reference.docx``."""
    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    target = tmp_path / "proj" / "templates" / "reference.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(target, "w") as package:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/styles.xml":
                content = edit(content.decode("utf-8")).encode("utf-8")
            package.writestr(info, content)
    return target


# the ids a Russian Word gives its built-in styles, whose names stay English
RUSSIAN_IDS = {"Normal": "a", "DefaultParagraphFont": "a0", "TableNormal": "a1", "NoList": "a2"}


def _russian_word(styles: str) -> str:
    for english, russian in RUSSIAN_IDS.items():
        styles = re.sub(
            f'(w:styleId|<w:(?:basedOn|next|link) w:val)="{english}"', rf'\1="{russian}"', styles
        )
    return styles


def _render_draft(dlo, project: Path) -> bytes:
    result = dlo("render", "dlo-head", "--draft", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    return (project / "build" / "dlo-head.kk.draft.docx").read_bytes()


def test_a_reference_from_a_russian_word_bases_the_table_style_on_its_normal_table(
    project, dlo, tmp_path
):
    """A Russian (or Kazakh) Word names "Normal Table" a1, not TableNormal: the DLO Table style
    dlo adds to its reference was based on a style the document did not have; it is based on
    the reference's own "Normal Table"."""
    _reference(tmp_path, _russian_word)
    data = _render_draft(dlo, project)
    assert problems(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    table = re.search(r'<w:style [^>]*w:styleId="DLOTable">.*?</w:style>', styles)
    assert table is not None and '<w:basedOn w:val="a1"/>' in table.group(0)


def test_a_reference_whose_defaults_set_no_language_gets_one_in_the_schemas_order(
    project, dlo, tmp_path
):
    """A reference's document defaults that set no language but end in Word 2010's ligatures
    (``w14:ligatures``, which Word writes after ``w:lang``): the language dlo sets was appended
    after them, out of the schema's order; it is put before them."""

    def no_language(styles: str) -> str:
        edited = re.sub(
            r"<w:lang [^>]*/>(</w:rPr></w:rPrDefault>)",
            r'<w14:ligatures w14:val="standardContextual"/>\1',
            styles,
            count=1,
        )
        assert edited != styles
        return edited

    _reference(tmp_path, no_language)
    data = _render_draft(dlo, project)
    assert problems(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles)
    assert defaults is not None
    assert re.search(r'<w:lang w:val="kk-KZ"[^>]*/><w14:ligatures ', defaults.group(0))
