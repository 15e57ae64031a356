"""Helpers for the site tests (tests/test_site*.py): regulations approved through the workflow
CLI, the site built through `dlo site build`, and the built files read back."""

from __future__ import annotations

import contextlib
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import on_day

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site" / "regulation.yaml"
SEED = "dlo-head"
SEED_APPROVERS = ["vp-academic", "legal-head", "hr-head", "docs-head"]
UNIT = "dlo-unit"
UNIT_APPROVERS = ["vp-academic", "hr-head"]


@contextlib.contextmanager
def serving(folder: Path):
    """Serve ``folder`` with the site's own server on a free localhost port; yields the base URL."""
    from dlo_docs import site

    server = site.server(folder, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def ok(dlo, project: Path, *args: str):
    result = dlo(*args, cwd=project)
    assert result.code == 0, (
        f"dlo {' '.join(args)} failed ({result.code}):\n{result.out}\n{result.err}"
    )
    assert "Traceback" not in result.err
    return result


def reg_file(project: Path, reg_id: str) -> Path:
    return project / "regulations" / reg_id / "regulation.yaml"


def add_unit(project: Path, text: str | None = None) -> None:
    """The bilingual fixture regulation (kk + ru) as regulations/dlo-unit (a draft)."""
    path = reg_file(project, UNIT)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE, path)
    if text is not None:
        path.write_text(text, encoding="utf-8")


def replace(project: Path, reg_id: str, old: str, new: str) -> None:
    path = reg_file(project, reg_id)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def approve(
    dlo,
    project: Path,
    reg_id: str,
    approvers: list[str],
    order: str,
    date: str,
    effective: str | None = None,
    by: str | None = None,
) -> None:
    """submit → agree (each approver) → approve, through the CLI, all on the order's ``date``."""
    with on_day(date):
        ok(dlo, project, "submit", reg_id, *(["--by", by] if by else []))
        for role in approvers:
            ok(dlo, project, "agree", reg_id, "--as", role)
        ok(
            dlo,
            project,
            "approve",
            reg_id,
            "--order",
            order,
            "--date",
            date,
            *(["--effective", effective] if effective else []),
        )


def approve_seed(dlo, project: Path) -> None:
    approve(dlo, project, SEED, SEED_APPROVERS, "45-НҚ", "2024-06-03", "2024-06-10")


def approve_unit(dlo, project: Path) -> None:
    approve(dlo, project, UNIT, UNIT_APPROVERS, "12-НҚ", "2024-03-01")


def revise_unit(
    dlo,
    project: Path,
    reason: str,
    old: str,
    new: str,
    order: str = "77-НҚ",
    date: str = "2025-01-20",
) -> None:
    """Edition n+1 of the fixture: revise, change one text, agree, approve."""
    ok(dlo, project, "revise", UNIT, "--by", "dlo-head", "--reason", reason)
    replace(project, UNIT, old, new)
    approve(dlo, project, UNIT, UNIT_APPROVERS, order, date)


STATUS_CLAUSE = """\
  - id: status
    text:
      kk: Бөлім үздіксіз білім беру институтының құрылымдық бөлімшесі болып табылады.
      ru: Отдел является структурным подразделением института непрерывного образования.
"""


def seed_and_unit_revised(dlo, project: Path) -> None:
    """The seed (kk only) approved as edition 1, the bilingual fixture in force as edition 2
    (its portal's name made precise), edition 1 superseded."""
    add_unit(project)
    approve_seed(dlo, project)
    approve_unit(dlo, project)
    revise_unit(
        dlo,
        project,
        "Порталдың атауы нақтыланды",
        "қашықтықтан оқыту порталының үздіксіз жұмысын",
        "қашықтықтан оқыту порталы мен Moodle жүйесінің үздіксіз жұмысын",
    )


def remove_a_clause(dlo, project: Path) -> None:
    """The fixture in force as edition 1, then edition 2: clause 2 (``status``) removed, clause
    4 (``reporting``, 3 from now on) reworded; the clause numbered 2 in edition 2 (the task
    list, 3 before) is unchanged."""
    approve_unit(dlo, project)
    ok(dlo, project, "revise", UNIT, "--by", "dlo-head", "--reason", "clause 2 is obsolete")
    replace(project, UNIT, STATUS_CLAUSE, "")
    replace(project, UNIT, "тоқсан сайын есеп", "ай сайын есеп")
    replace(project, UNIT, "ежеквартально отчитывается", "ежемесячно отчитывается")
    approve(dlo, project, UNIT, UNIT_APPROVERS, "77-НҚ", "2025-01-20")


def build(dlo, project: Path, *args: str):
    return ok(dlo, project, "site", "build", "--no-pdf", *args)


def page(project: Path, rel: str, out: str = "public") -> str:
    """The page ``rel`` of the site as it reads: a no-break space (the forms' typography, which
    the pages keep: ``render/nobreak.py``) as a space. ``source`` gives it as written."""
    return source(project, rel, out).replace("\u00a0", " ")


def source(project: Path, rel: str, out: str = "public") -> str:
    return (project / out / rel).read_text(encoding="utf-8")


def site_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and ".dlo-site" not in p.parts)


class Links(HTMLParser):
    """Every href/src and id of one page, and the lang attribute of each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.html_lang: str | None = None
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "script":
            self.scripts.append(a)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src", "action"):
            if a.get(name) is not None:
                self.links.append((tag, a[name]))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(root: Path) -> list[str]:
    """Every internal link of every page that does not resolve to a file, or to an id in it."""
    broken = []
    root = root.resolve()
    pages = {p: parse(p) for p in root.rglob("*.html") if ".dlo-site" not in p.parts}
    for path, links in pages.items():
        for _tag, url in links.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                broken.append(f"{path.relative_to(root)}: external link {url}")
                continue
            # a link from "/" (404.html's, served at any address) starts at the site's root
            start = root if parts.path.startswith("/") else path.parent
            target = (start / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or root not in target.parents:
                broken.append(f"{path.relative_to(root)}: {url} -> missing {target}")
                continue
            if parts.fragment:
                ids = pages[target].ids if target in pages else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(root)}: {url} -> no id {parts.fragment!r}")
    return broken


def visible_text(html: str) -> str:
    """The page's text, tags removed and entities decoded (what a reader sees)."""
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def unit_edition_3(dlo, project: Path) -> None:
    """The unit's edition 3 approved (Moodle replaced by LMS), the site built at edition 2."""
    revise_unit(
        dlo,
        project,
        "Moodle алынды",
        "мен Moodle жүйесінің",
        "мен LMS жүйесінің",
        "78-НҚ",
        "2025-02-10",
    )


def edition_3_left_then_swept(dlo, project: Path) -> str:
    """After a build of the unit's edition 3 stopped before its manifest listed what it wrote:
    edition 3's DOCX are published; edition 4 approved, the next build leaves only edition 4's.
    That build's output."""
    files = project / "public" / "files"
    assert sorted(p.name for p in files.glob(f"{UNIT}-3.*")) == [
        f"{UNIT}-3.kk.docx",
        f"{UNIT}-3.ru.docx",
    ]
    revise_unit(
        dlo,
        project,
        "LMS нақтыланды",
        "мен LMS жүйесінің",
        "мен Platonus жүйесінің",
        "79-НҚ",
        "2025-03-10",
    )
    out = build(dlo, project).out
    assert sorted(p.name for p in files.glob(f"{UNIT}-*")) == [
        f"{UNIT}-4.kk.docx",
        f"{UNIT}-4.ru.docx",
    ]
    return out


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Node:
    """An element of a page as html.parser reads it: its tag, attributes and children (nodes
    and texts), for the tests that read a page as a screen reader does (``tree``)."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def all(self, tag: str | None = None) -> list[Node]:
        """Every element below this one (``tag``'s only), in document order."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    found.append(child)
                found.extend(child.all(tag))
        return found

    def text(self, shown_only: bool = False) -> str:
        """The text within, as a screen reader reads it (every text, the visually hidden
        ``.sr`` ones too), or with ``shown_only`` as the page shows it (without them)."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not (shown_only and "sr" in child.classes()):
                parts.append(child.text(shown_only))
        return "".join(parts)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        at = self.at
        while at is not None and at.tag != tag:
            at = at.parent
        if at is not None and at.parent is not None:
            self.at = at.parent

    def handle_data(self, data):
        self.at.children.append(data)


def tree(html: str) -> Node:
    """``html`` read into ``Node``s (html.parser: what is on the page, not what a copy says)."""
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return parser.root
