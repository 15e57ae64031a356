"""Helpers shared by the import tests (no tests here)."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from dlo_docs.model import Regulation, text_in
from dlo_docs.project import Loaded, Project

IMPORT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
METADATA = ("kind", "organisation", "unit", "position", "languages")


def shape(model: Regulation, *, refs: bool = True, states: bool = True) -> list:
    """The structure and texts of a regulation, without ids and source numbers."""
    lang = model.main_lang

    def items(entries) -> list:
        return [
            (text_in(i.text, lang, lang), i.ref if refs else None, items(i.items)) for i in entries
        ]

    def clauses(entries) -> list:
        return [
            (text_in(c.text, lang, lang), c.states if states else None, items(c.items))
            for c in entries
        ]

    return [
        (
            text_in(ch.title, lang, lang),
            clauses(ch.clauses),
            [(text_in(p.title, lang, lang), clauses(p.clauses)) for p in ch.paragraphs],
        )
        for ch in model.chapters
    ]


def facts(model: Regulation) -> dict:
    return {
        **{key: getattr(model, key) for key in METADATA},
        "approvers": model.agreement.approvers,
        "approval": model.approval.by,
        "change_initiators": model.change_initiators,
        "instructions_from": model.instructions_from,
    }


def load_model(root: Path, reg_id: str) -> Regulation:
    project = Project(root)
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(project.regulation_path(reg_id), loaded)
    assert document is not None, loaded.problems
    assert not loaded.errors, loaded.errors
    return document.model


def source_numbers(model: Regulation) -> list[str | None]:
    from dlo_docs.numbering import walk

    return [n.element.source_number for n in walk(model) if n.kind == "clause"]


def files(root: Path) -> dict[str, bytes]:
    """Every file under root/regulations with its bytes (to prove nothing was written)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "regulations").rglob("*"))
        if p.is_file()
    }


def soffice_to_docx(source: Path, outdir: Path) -> Path:
    """Convert a UTF-8 .txt to .docx with LibreOffice, in a private profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = Path("/tmp") / f"dlo-import-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=Text (encoded):UTF8,LF,,,",
                "--convert-to",
                "docx",
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (source.stem + ".docx")
    assert out.is_file(), f"LibreOffice wrote no {out.name}"
    return out
