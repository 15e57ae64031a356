"""Bad input gets a clear error and nothing is written; nothing is overwritten without --force."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEED
from docx import Document
from test_import_support import files

from dlo_docs.chars import CONTROL, FORMAT

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _empty_docx() -> bytes:
    doc = Document()
    for p in list(doc.element.body.iterchildren()):
        if p.tag.endswith("}p"):
            doc.element.body.remove(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _garbage(n: int = 4096) -> bytes:
    return random.Random(5).randbytes(n)


def _encrypted() -> bytes:
    """The shape of a password-protected DOCX: an OLE compound file whose directory names the
    EncryptionInfo and EncryptedPackage streams (UTF-16LE)."""
    directory = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\0") + "EncryptedPackage".encode(
        "utf-16-le"
    )
    return OLE + b"\0" * 504 + directory + _garbage(2048)


CASES = [
    ("not-a-docx.docx", b"This is plain text with a .docx name.\n", "DLO520", "not a DOCX"),
    ("zip.docx", _zip({"readme.txt": b"hello"}), "DLO520", "not a Word document"),
    (  # LibreOffice's own format (Save As .odt, or an .odt renamed): it was "a ZIP archive"
        "saved-as.odt",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        "DLO520",
        "an OpenDocument text (.odt), not a .docx",
    ),
    (
        "broken-xml.docx",
        _zip({"word/document.xml": b"<w:document><w:body>"}),
        "DLO520",
        "not well-formed",
    ),
    (
        "legacy.doc",
        OLE + b"\0" * 504 + _garbage(1024).replace(b"E\0n", b"x\0x"),
        "DLO520",
        "legacy Word 97",
    ),
    ("locked.docx", _encrypted(), "DLO521", "password-protected"),
    ("empty.docx", b"", "DLO522", "empty"),
    ("no-text.docx", _empty_docx(), "DLO522", "holds no text"),
    ("garbage.docx", _garbage(), "DLO520", "not a DOCX"),
    ("empty.txt", b"", "DLO522", "empty"),
    ("blank.txt", b"\xef\xbb\xbf \r\n\r\n\t \n", "DLO522", "empty"),
    ("garbage.txt", _garbage(), "DLO523", "not text"),
    ("garbage-no-nul.txt", bytes(b if b else 1 for b in _garbage()), "DLO523", "not text"),
    ("controls.txt", bytes(range(1, 32)) * 20 + "1 тарау. Мәтін\n".encode(), "DLO523", "not text"),
    ("utf16-broken.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "DLO523", "UTF-16"),
    (
        "no-structure.txt",
        "Сәлем, әлем!\nБұл жай мәтін.\n".encode(),
        "DLO524",
        "no chapter or numbered clause",
    ),
]


@pytest.mark.parametrize("name,data,code,words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_nothing_is_written(
    project, dlo, tmp_path, name, data, code, words
):
    path = tmp_path / name
    path.write_bytes(data)
    before = files(project)
    result = dlo("import", path, "--id", "bad", "--update-registry", cwd=project)
    assert result.code == 1, (result.out, result.err)
    assert f"error {code}:" in result.err and words in result.err
    assert name in result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert result.out == ""
    assert files(project) == before


def test_missing_file(project, dlo, tmp_path):
    result = dlo("import", tmp_path / "nowhere.docx", cwd=project)
    assert result.code == 1 and "DLO520" in result.err and "does not exist" in result.err


def test_a_folder_is_not_a_file(project, dlo, tmp_path):
    result = dlo("import", tmp_path, cwd=project)
    assert result.code == 1 and "DLO520" in result.err


def test_existing_regulation_is_not_overwritten_without_force(project, dlo):
    target = project / "regulations" / "dlo-head" / "regulation.yaml"
    before = target.read_bytes()
    result = dlo("import", SEED, "--id", "dlo-head", cwd=project)
    assert result.code == 2
    assert "regulations/dlo-head/regulation.yaml exists; nothing was written" in result.err
    assert "--force" in result.err
    assert target.read_bytes() == before
    args = ("--id", "dlo-head", "--code", "ЛН ҮББИ 01-2024", "--force")
    result = dlo("import", SEED, *args, cwd=project)
    assert result.code == 0, result.err
    assert "wrote regulations/dlo-head/regulation.yaml" in result.out
    assert target.read_bytes() != before
    assert dlo("check", "regulations/dlo-head", cwd=project).code == 0


def test_invalid_id_and_unknown_position_are_usage_errors(project, dlo):
    before = files(project)
    result = dlo("import", SEED, "--id", "../escape", cwd=project)
    assert result.code == 2 and "not a valid regulation id" in result.err
    result = dlo("import", SEED, "--id", "x", "--position", "nobody", cwd=project)
    assert result.code == 2 and "unknown position 'nobody'" in result.err
    assert files(project) == before


def test_cp1251_text_is_read(project, dlo, tmp_path):
    text = (
        "Глава 1. Общие положения\r\n1. Начальник отдела дистанционного обучения подчиняется "
        "директору института.\r\n2. Начальник отдела дистанционного обучения назначается приказом.\r\n"
    )
    (tmp_path / "win.txt").write_bytes(text.encode("cp1251"))
    result = dlo(
        "import", tmp_path / "win.txt", "--id", "win", "--position", "dlo-head", cwd=project
    )
    assert result.code == 0, result.err
    yaml = (project / "regulations" / "win" / "regulation.yaml").read_text(encoding="utf-8")
    assert "Общие положения" in yaml and "languages: [ru]" in yaml


def test_a_utf8_text_with_a_stray_byte_is_refused_at_the_byte_not_read_as_a_code_page(
    project, dlo, tmp_path
):
    """A UTF-8 .txt with one stray byte (a Latin-1 "é") was read in a Windows code page, where
    each Cyrillic letter of UTF-8 is two others ("Управление" read "РЈРїСЂР°РІР»РµРЅРёРµ"): the
    regulation was written in that reading, every text lost. It is refused at the byte."""
    text = (
        "Глава 1. Общие положения\r\n1. Начальник отдела дистанционного обучения подчиняется "
        "директору института.\r\n2. Начальник отдела назначается приказом.\r\n"
    )
    raw = text.encode().replace("приказом".encode(), "приказом caf".encode() + b"\xe9")
    (tmp_path / "stray.txt").write_bytes(raw)
    result = dlo(
        "import", tmp_path / "stray.txt", "--id", "stray", "--position", "dlo-head", cwd=project
    )
    assert result.code == 1 and "stray.txt:3:" in result.err, result.err
    assert "DLO523" in result.err and "UTF-8 but for a stray byte (0xe9)" in result.err
    assert not (project / "regulations" / "stray").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a file name of any bytes is POSIX's")
@pytest.mark.parametrize(
    "name",
    [
        b"seed\rposition: rector\r.txt",  # a carriage return ends a YAML comment's line
        "seed\u2028id: evil.txt".encode(),  # as a line separator does
        b"seed\x85x.txt",  # a byte no UTF-8 name holds (a name made on another system)
        "seed\u202egnp.txt".encode(),  # a direction override, which reverses what follows it
    ],
    ids=["carriage-return", "line-separator", "not-utf-8", "bidi-override"],
)
def test_a_source_named_with_a_line_break_or_a_stray_byte_is_imported(project, dlo, tmp_path, name):
    """The source's file name is quoted in the regulation's opening comment: a carriage return in
    it ended the comment, and the name's rest was read as the file's keys ("unknown key '.txt.
    Numbers are computed'", nothing written); a name not in UTF-8 (\\x85) was an internal error.
    Run as a program, whose standard error shows such a byte escaped (a test's capture refuses
    it)."""
    path = os.path.join(os.fsencode(tmp_path), name)
    with open(path, "wb") as handle:
        handle.write(SEED.read_bytes())
    args = ("--id", "named", "--position", "dlo-head", "--code", "ЛН ҮББИ 01-2024")
    env = {**os.environ, "DLO_UI_LANG": "en"}
    command = [Path(sys.executable).parent / "dlo", "import", path, *args]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    written = project / "regulations" / "named" / "regulation.yaml"
    text = written.read_text(encoding="utf-8")
    comment = text[: text.index("\nid: named\n")]
    assert all(line.startswith("#") for line in comment.splitlines()), comment
    assert re.search(f"{CONTROL}|{FORMAT}", comment) is None, comment
    assert dlo("check", "regulations/named", cwd=project).code == 0
