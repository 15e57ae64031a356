"""A regulation.yaml a command writes from a file it is given is never longer than every command
reads of a file (``inputs.MAX_YAML_BYTES``, 16 MiB): long texts in a DOCX imported, or put
beside the text by ``import --onto``, wrote a file every command then refused (DLO009) until it
was restored by hand. The bound is made small here, the texts short.

(``translate --from``: test_translate_hostile.)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.hostile_support import snapshot
from tests.test_hostile_files import _no_crash


def _in_russian(project: Path, dlo) -> Path:
    """The regulation's Kazakh DOCX as rendered, its properties saying it is in Russian: what
    ``import --onto`` puts beside the Kazakh text, element by element."""
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    rendered = project / "build" / "dlo-head.kk.draft.docx"
    source, out = zipfile.ZipFile(rendered), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = data.replace(
                    b"<dc:language>kk</dc:language>", b"<dc:language>ru</dc:language>"
                )
            target.writestr(info.filename, data)
    given = project / "build" / "ru.docx"
    given.write_bytes(out.getvalue())
    rendered.unlink()
    return given


def test_a_docx_put_beside_the_text_is_not_written_past_what_dlo_reads(project, dlo, monkeypatch):
    _in_russian(project, dlo)
    regulation = project / "regulations" / "dlo-head" / "regulation.yaml"
    monkeypatch.setattr("dlo_docs.inputs.MAX_YAML_BYTES", regulation.stat().st_size + 1_000)
    before = snapshot(project)
    result = dlo("import", "build/ru.docx", "--onto", "dlo-head", cwd=project)
    _no_crash(result)
    assert "build/ru.docx: error DLO527: the regulation written from it would be " in result.err, (
        result.err
    )
    assert snapshot(project) == before


def test_an_imported_text_is_not_written_past_what_dlo_reads(project, dlo, monkeypatch):
    given = project / "build" / "new.txt"
    given.parent.mkdir(exist_ok=True)
    clauses = "".join(f"{n}. Бөлім міндеттерін орындайды, тармақ {n}.\n" for n in range(1, 600))
    given.write_text("1 тарау. Жалпы ережелер\n" + clauses, encoding="utf-8")
    monkeypatch.setattr("dlo_docs.inputs.MAX_YAML_BYTES", 30_000)
    before = snapshot(project)
    result = dlo(
        "import", "build/new.txt", "--id", "imported", "--position", "dlo-head", cwd=project
    )
    _no_crash(result)
    assert "build/new.txt: error DLO527: the regulation written from it would be " in result.err
    assert "more than the 30000 dlo reads of a file; nothing was written" in result.err
    assert snapshot(project) == before
