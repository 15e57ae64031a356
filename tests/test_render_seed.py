"""The seed rendered from YAML says exactly what the seed says; only computed numbering differs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import SEED, SHARED_SEED, seed_lines
from docx import Document
from docx.shared import Pt

BODY_STYLES = {"Heading 1", "Heading 2", "DLO Clause", "DLO Item", "DLO Item 2"}
# the `project` fixture has no journal: the seed has no edition in force and renders as a draft
DRAFT = "dlo-head.kk.draft"


def expected_lines() -> list[str]:
    """The seed with its one numbering defect corrected: the second "10." becomes "11."."""
    lines = seed_lines()
    tens = [i for i, line in enumerate(lines) if line.startswith("10. ")]
    assert len(tens) == 2, "the seed repeats clause number 10 exactly once"
    lines[tens[1]] = "11." + lines[tens[1]][3:]
    return lines


def normalise(text: str) -> str:
    return " ".join(text.split())


def test_bundled_seed_copy_is_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_docx_body_is_the_seed(project, dlo):
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    doc = Document(str(project / "build" / f"{DRAFT}.docx"))
    body = [normalise(p.text) for p in doc.paragraphs if p.style.name in BODY_STYLES]
    assert body == expected_lines()


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.depth = 0
        self.in_main = False
        self.buffer: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif self.in_main and tag in ("h2", "h3", "p"):
            self.buffer = []

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif self.buffer is not None and tag in ("h2", "h3", "p"):
            self.lines.append(normalise("".join(self.buffer)))
            self.buffer = None

    def handle_data(self, data):
        if self.buffer is not None:
            self.buffer.append(data)


def test_html_text_is_the_seed(project, dlo):
    assert dlo("render", "--format", "html", cwd=project).code == 0
    html = (project / "build" / f"{DRAFT}.html").read_text(encoding="utf-8")
    parser = _MainText()
    parser.feed(html)
    assert parser.lines == expected_lines()
    assert '<html lang="kk">' in html
    assert 'id="clause-11"' in html and 'id="clause-21"' in html and 'id="clause-22"' not in html


def test_docx_form_page_setup_and_styles(project, dlo):
    assert dlo("render", "--format", "docx", cwd=project).code == 0
    doc = Document(str(project / "build" / f"{DRAFT}.docx"))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.left_margin, section.right_margin, section.top_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [30, 10, 20, 20]
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles.count("Heading 1") == 7 and styles.count("Heading 2") == 5
    assert styles.count("DLO Clause") == 21
    # chapters and paragraphs are outline levels 1 and 2, so Word's navigation pane lists them
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        outline = doc.styles[name].element.xpath("./w:pPr/w:outlineLvl/@w:val")
        assert outline == [level]
    assert doc.core_properties.language == "kk"


def test_render_defaults_every_format_into_build(project, dlo):
    result = dlo("render", cwd=project)
    assert result.code == 0, result.err
    assert sorted(p.name for p in (project / "build").iterdir()) == [
        f"{DRAFT}.docx",
        f"{DRAFT}.html",
    ]
    assert f"wrote build/{DRAFT}.docx" in result.out


def test_root_option_finds_the_project(project, dlo, tmp_path):
    result = dlo(
        "--root", project, "render", "--format", "html", "--out", project / "out", cwd=tmp_path
    )
    assert result.code == 0, result.err
    assert (project / "out" / f"{DRAFT}.html").is_file()


def test_clause_numbers_are_computed_not_stored(project, dlo):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    # move clause "category" (5) after "guidance" (7): numbers follow the order
    block = re.search(r"  - id: category\n(?:    .*\n)+", text)[0]
    text = text.replace(block, "")
    text = re.sub(r"(  - id: guidance\n(?:    .*\n)+)", lambda m: m[1] + block, text)
    path.write_text(text, encoding="utf-8")
    assert dlo("render", "--format", "html", cwd=project).code == 0
    html = (project / "build" / f"{DRAFT}.html").read_text(encoding="utf-8")
    assert re.search(r'id="clause-7" data-id="category"', html)
    assert re.search(r'id="clause-5" data-id="appointment"', html)
