"""The documentation's cross-references resolve: every link of README.md and docs/*.md to a file
of the repository names one that exists, and its anchor a heading there (GitHub's anchors:
lower case, punctuation removed, spaces to hyphens); every `see "Part"` names a heading or a
bold lead-in (`**Part**.`) of the same file, or of the file it names (`see "Part" in docs/x.md`).
README's reference moved to docs/cli.md, and a reference to a part left behind pointed nowhere."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
BOLD = re.compile(r"\*\*([^*]+)\*\*")
SEE = re.compile(r'\bsee "([^"]+)"(?: in ([\w./-]+\.md))?')


def _prose(path: Path) -> str:
    """The file's text outside its fenced blocks and inline code."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def _slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    """GitHub's anchors of the headings of ``path`` (a repeated heading gets "-1", "-2" …)."""
    anchors: set[str] = set()
    for heading in HEADING.findall(_prose(path)):
        slug, n = _slug(heading), 0
        while (anchor := slug if not n else f"{slug}-{n}") in anchors:
            n += 1
        anchors.add(anchor)
    return anchors


def _parts(path: Path) -> set[str]:
    """What `see "…"` may name in ``path``: its headings and bold lead-ins, as words."""
    prose = _prose(path)
    return {_slug(name) for name in [*HEADING.findall(prose), *BOLD.findall(prose)]}


def test_every_link_resolves():
    broken = []
    for path in FILES:
        for target in LINK.findall(_prose(path)):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            dest = (path.parent / file).resolve() if file else path
            if not dest.exists():
                broken.append(f"{path.name}: {target} (no such file)")
            elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
                broken.append(f"{path.name}: {target} (no such heading)")
    assert not broken, broken


def test_every_part_named_in_quotes_is_there():
    missing = []
    for path in FILES:
        for name, where in SEE.findall(_prose(path)):
            dest = REPO / where if where else path
            if _slug(name) not in _parts(dest):
                missing.append(f'{path.name}: see "{name}"' + (f" in {where}" if where else ""))
    assert not missing, missing
