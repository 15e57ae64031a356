"""The title page's approval block follows the form of approval: by order "БЕКІТІЛДІ /
УТВЕРЖДЕНО" with the approving official and the order's date and number; by signature
"БЕКІТЕМІН / УТВЕРЖДАЮ" with position, signature line, name and date. Never both."""

from __future__ import annotations

import html as html_lib
import re
import shutil
from pathlib import Path

from conftest import REPO
from site_support import UNIT, UNIT_APPROVERS, add_unit, approve, ok, reg_file
from test_forms import all_text, draft, paragraphs, parts

from dlo_docs import labels


def title_block(root: Path, name: str) -> list[str]:
    """The lines between the organisation and the document's kind on the title page (or its
    title, set in the kind's place where it names the kind)."""
    body = paragraphs(parts((root / "build" / name).read_bytes())["word/document.xml"])
    end = next(i for i, (style, _) in enumerate(body) if style in TITLE_STYLES)
    return [t for _, t in body[1:end]]


TITLE_STYLES = ("DLODocumentKind", "DLODocumentName")  # style ids of the kind, the title alone
NB = "\u00a0"  # the forms' no-break space (render/nobreak.py), read as a space


def by_signature(root: Path) -> None:
    path = reg_file(root, UNIT)
    text = path.read_text(encoding="utf-8")
    assert text.count("approval:\n  by: rector\n") == 1
    path.write_text(
        text.replace("approval:\n  by: rector\n", "approval:\n  by: rector\n  form: signature\n"),
        encoding="utf-8",
    )


def test_both_forms_are_labels_in_each_language():
    for lang, (order, signature) in {
        "kk": ("БЕКІТІЛДІ", "БЕКІТЕМІН"),
        "ru": ("УТВЕРЖДЕНО", "УТВЕРЖДАЮ"),
    }.items():
        form = labels.labels(lang)["form"]
        assert form["approved"] == order and form["approve"] == signature


def before_capture(root: Path) -> None:
    """The bundled journal as it was recorded before approvals captured the approving
    official's title in the genitive (and the submission its form and the unit)."""
    old = REPO / "tests" / "fixtures" / "journal-v2"
    folder = root / "regulations" / "dlo-head"
    shutil.copy(old / "journal.yaml", folder / "journal.yaml")
    shutil.copy(old / "editions" / "1.yaml", folder / "editions" / "1.yaml")


def test_approved_by_order(bundled, dlo):
    """The bundled edition's block: the rector's title in the genitive as the approval
    captured it, the order's date and number."""
    ok(dlo, bundled, "render", "dlo-head", "--format", "docx")
    assert title_block(bundled, "dlo-head.kk.docx") == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректордың",
        "26.11.2026 ж. № 0000-ҮЛГІ бұйрығымен",
    ]
    assert "БЕКІТЕМІН" not in all_text((bundled / "build" / "dlo-head.kk.docx").read_bytes())


def test_approved_before_the_genitive_was_captured(bundled, dlo):
    """An edition approved before the registry could give the rector's title in the
    genitive: its block stays as it was then, the position on a line of its own."""
    before_capture(bundled)
    ok(dlo, bundled, "render", "dlo-head", "--format", "docx")
    assert title_block(bundled, "dlo-head.kk.docx") == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректор",
        "26.11.2026 ж. № 0000-ҮЛГІ бұйрығымен",
    ]
    assert "БЕКІТЕМІН" not in all_text((bundled / "build" / "dlo-head.kk.docx").read_bytes())


def test_approved_by_order_in_russian(bundled, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-03-01")
    add_unit(bundled)
    ok(dlo, bundled, "submit", UNIT)
    for role in UNIT_APPROVERS:
        ok(dlo, bundled, "agree", UNIT, "--as", role)
    ok(dlo, bundled, "approve", UNIT, "--order", "12-НҚ", "--date", "2024-03-01")
    ok(dlo, bundled, "render", UNIT, "--format", "docx")
    assert title_block(bundled, f"{UNIT}.ru.docx") == [
        "УТВЕРЖДЕНО",
        "приказом Председателя Правления – Ректора",
        "от 01.03.2024 № 12-НҚ",
    ]
    assert "УТВЕРЖДАЮ" not in all_text((bundled / "build" / f"{UNIT}.ru.docx").read_bytes())


def test_draft_by_signature_has_blank_signature_and_date(bundled, dlo):
    add_unit(bundled)
    by_signature(bundled)
    ok(dlo, bundled, "render", UNIT, "--format", "docx")
    assert title_block(bundled, draft(UNIT, "kk")) == [
        "БЕКІТЕМІН",
        "Басқарма Төрағасы – Ректор",
        "____________ Д. Е. Ахметов",
        "«___» ____________ 20___ ж.",
    ]
    assert title_block(bundled, draft(UNIT, "ru")) == [
        "УТВЕРЖДАЮ",
        "Председатель Правления – Ректор",
        "____________ Д. Е. Ахметов",
        "«___» ____________ 20___ г.",
    ]
    text = all_text((bundled / "build" / draft(UNIT, "ru")).read_bytes())
    assert "УТВЕРЖДЕНО" not in text and "приказом" not in text


def test_approved_by_signature_prints_the_date_of_approval(bundled):
    """An edition approved by the official's signature: БЕКІТЕМІН, position, signature line with
    the name, and the date it was signed (no order)."""
    import datetime as dt

    from dlo_docs import context
    from dlo_docs.project import Project
    from dlo_docs.records import Order, Records
    from dlo_docs.render import docx as docx_render

    add_unit(bundled)
    by_signature(bundled)
    project = Project(bundled)
    loaded = project.load([UNIT])
    records = Records(state="in_force", edition=2, order=Order("", dt.date(2024, 3, 1)))
    for lang, expected in {
        "kk": [
            "БЕКІТЕМІН",
            "Басқарма Төрағасы – Ректор",
            "____________ Д. Е. Ахметов",
            "01.03.2024 ж.",
        ],
        "ru": [
            "УТВЕРЖДАЮ",
            "Председатель Правления – Ректор",
            "____________ Д. Е. Ахметов",
            "01.03.2024",
        ],
    }.items():
        rd = context.build(
            loaded.documents[UNIT], loaded.registry, lang, project.templates, records
        )
        data = docx_render.render(rd, project.templates)
        texts = [t for _, t in paragraphs(parts(data)["word/document.xml"])]
        assert texts[1:5] == expected
        assert not {"БЕКІТІЛДІ", "УТВЕРЖДЕНО"} & set(texts)


# -- the approving official named in the genitive ---------------------------------------------

GENITIVE = """  title_genitive:
    kk: Басқарма Төрағасы – Ректордың
    ru: Председателя Правления – Ректора
"""


def registry_edit(root: Path, old: str, new: str) -> None:
    path = root / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def approve_unit(root: Path, dlo) -> None:
    add_unit(root)
    ok(dlo, root, "submit", UNIT)
    for role in UNIT_APPROVERS:
        ok(dlo, root, "agree", UNIT, "--as", role)
    ok(dlo, root, "approve", UNIT, "--order", "12-НҚ", "--date", "2024-03-01")


def test_without_the_genitive_the_block_names_the_position_apart(bundled, dlo):
    """A registry that gives no title in the genitive: the position on a line of its own."""
    registry_edit(bundled, GENITIVE, "")
    add_unit(bundled)
    ok(dlo, bundled, "render", UNIT, "--format", "docx", "--format", "html")
    assert title_block(bundled, draft(UNIT, "kk")) == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректор",
        "20___ ж. «___» ____________",
        "№ ______ бұйрығымен",
    ]
    assert title_block(bundled, draft(UNIT, "ru")) == [
        "УТВЕРЖДЕНО",
        "Председатель Правления – Ректор",
        "приказом от «___» ____________ 20___ г.",
        "№ ______",
    ]
    page = bundled / "build" / draft(UNIT, "ru", "html")
    html = page.read_text(encoding="utf-8").replace(NB, " ")
    assert "Председатель Правления – Ректор" in html and "Председателя" not in html


def test_the_genitive_in_one_language_only(bundled, dlo):
    registry_edit(bundled, "    kk: Басқарма Төрағасы – Ректордың\n", "")
    add_unit(bundled)
    ok(dlo, bundled, "render", UNIT, "--format", "docx", "--format", "html")
    assert title_block(bundled, draft(UNIT, "kk"))[:2] == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректор",
    ]
    assert title_block(bundled, draft(UNIT, "ru")) == [
        "УТВЕРЖДЕНО",
        "приказом Председателя Правления – Ректора",
        "от «___» ____________ 20___ г.",
        "№ ______",
    ]
    page = bundled / "build" / draft(UNIT, "ru", "html")
    html = page.read_text(encoding="utf-8").replace(NB, " ")
    assert "приказом Председателя Правления – Ректора" in html


def test_the_genitive_is_captured_at_approval(bundled, dlo, monkeypatch):
    """The approval records the genitive as the registry gave it; a later edit of the
    registry does not rewrite the approved edition's title page."""
    monkeypatch.setenv("DLO_TODAY", "2024-03-01")
    approve_unit(bundled, dlo)
    journal = (bundled / "regulations" / UNIT / "journal.yaml").read_text(encoding="utf-8")
    approval = journal[journal.rindex("event: approved") :]
    assert "title_genitive:" in approval and "Председателя Правления – Ректора" in approval
    registry_edit(bundled, "ru: Председателя Правления – Ректора", "ru: Ректора университета")
    ok(dlo, bundled, "render", UNIT, "--format", "docx")
    assert title_block(bundled, f"{UNIT}.ru.docx")[1] == "приказом Председателя Правления – Ректора"
    assert "Ректора университета" not in all_text(
        (bundled / "build" / f"{UNIT}.ru.docx").read_bytes()
    )


def test_an_approval_recorded_before_the_genitive_keeps_its_block(bundled, dlo, monkeypatch):
    """A journal whose approval captured the rector's title but no genitive (recorded before
    the registry could give one): its title page keeps the block it had, whatever the
    registry gives now; the draft of the next edition takes the registry's."""
    before_capture(bundled)
    journal = (bundled / "regulations" / "dlo-head" / "journal.yaml").read_text(encoding="utf-8")
    assert "title_genitive" not in journal
    registry_edit(bundled, "kk: Басқарма Төрағасы – Ректордың", "kk: Ректордың")
    ok(dlo, bundled, "render", "dlo-head", "--format", "docx")
    assert title_block(bundled, "dlo-head.kk.docx")[1] == "Басқарма Төрағасы – Ректор"
    monkeypatch.setenv("DLO_CLERK", "docs-head")
    ok(dlo, bundled, "revise", "dlo-head", "--by", "dlo-head", "--reason", "r")
    ok(dlo, bundled, "render", "dlo-head", "--format", "docx", "--draft")
    assert title_block(bundled, draft("dlo-head", "kk"))[1] == "Ректордың"


def test_an_approval_without_a_genitive_keeps_its_block_when_one_is_added(
    bundled, dlo, monkeypatch
):
    """Approved while the registry gave no genitive: adding one later does not rewrite the
    approved edition's title page."""
    monkeypatch.setenv("DLO_TODAY", "2024-03-01")
    registry_edit(bundled, GENITIVE, "")
    approve_unit(bundled, dlo)
    journal = (bundled / "regulations" / UNIT / "journal.yaml").read_text(encoding="utf-8")
    assert "title_genitive: {}" in journal[journal.rindex("event: approved") :]
    registry_edit(
        bundled,
        "    ru: Председатель Правления – Ректор\n",
        "    ru: Председатель Правления – Ректор\n" + GENITIVE,
    )
    ok(dlo, bundled, "render", UNIT, "--format", "docx")
    assert title_block(bundled, f"{UNIT}.ru.docx") == [
        "УТВЕРЖДЕНО",
        "Председатель Правления – Ректор",
        "приказом от 01.03.2024 № 12-НҚ",
    ]


def test_a_genitive_the_journal_holds_in_another_shape_is_not_used(bundled, dlo, monkeypatch):
    """A journal's facts are what the chain protects, not their shape: a genitive that is not
    a mapping of languages prints the block without it, never an internal error."""
    from dlo_docs.context import _genitive

    assert _genitive({"title_genitive": "oops"}, "ru") == ""
    assert _genitive({"title_genitive": {"ru": None}}, "ru") == ""
    assert _genitive({"title_genitive": {"ru": "Ректора"}}, "ru") == "Ректора"


# -- the heading agrees with the document's name (ГОСТ Р 7.0.97-2016 п. 5.23) ------------------


def as_job_instruction(root: Path) -> None:
    """The bilingual fixture as the job instruction of the head of the department."""
    path = reg_file(root, UNIT)
    text = path.read_text(encoding="utf-8")
    assert text.count("kind: unit_regulation\n") == 1 and text.count("unit: dlo\n") == 1
    text = text.replace("kind: unit_regulation\n", "kind: job_instruction\n")
    path.write_text(text.replace("unit: dlo\n", "unit: dlo\nposition: dlo-head\n"), "utf-8")


def html_block(root: Path, name: str) -> list[str]:
    """The lines of the HTML page's approval block, as they read (a no-break space as a space,
    a no-break hyphen as "-")."""
    html = (root / "build" / name).read_text(encoding="utf-8")
    html = html.replace("\u00a0", " ").replace("\u2011", "-")
    start = html.index('<div class="approval">')
    block = html[start : html.index("</div>", start)]
    return [html_lib.unescape(line) for line in re.findall(r"<p[^>]*>([^<]*)</p>", block)]


def test_the_heading_agrees_with_the_kind_of_document(bundled, dlo, tmp_path):
    """A Russian job instruction (должностная инструкция) approved by order is УТВЕРЖДЕНА, a
    unit regulation (положение) УТВЕРЖДЕНО, on the title page and on the HTML page, the
    draft's blank order too; Kazakh has one word for both."""
    for kind, ru in (("job_instruction", "УТВЕРЖДЕНА"), ("unit_regulation", "УТВЕРЖДЕНО")):
        root = shutil.copytree(bundled, tmp_path / kind)
        add_unit(root)
        if kind == "job_instruction":
            as_job_instruction(root)
        ok(dlo, root, "render", UNIT, "--format", "docx", "--format", "html", "--draft")
        assert title_block(root, draft(UNIT, "ru"))[0] == ru
        assert html_block(root, draft(UNIT, "ru", "html"))[0] == ru
        approve(dlo, root, UNIT, UNIT_APPROVERS, "12-НҚ", "2024-03-01")
        ok(dlo, root, "render", UNIT, "--format", "docx", "--format", "html")
        expected = [ru, "приказом Председателя Правления – Ректора", "от 01.03.2024 № 12-НҚ"]
        assert title_block(root, f"{UNIT}.ru.docx") == expected, kind
        assert html_block(root, f"{UNIT}.ru.html") == expected, kind
        assert title_block(root, f"{UNIT}.kk.docx")[0] == "БЕКІТІЛДІ"
        assert html_block(root, f"{UNIT}.kk.html")[0] == "БЕКІТІЛДІ"
