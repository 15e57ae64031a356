"""Finding LibreOffice: ``dlo --soffice PATH``, ``DLO_SOFFICE``, PATH, the installers' places."""

from __future__ import annotations

import os
import stat

from dlo_docs.render import soffice as finder


def fake_soffice(folder, log):
    script = folder / "my-soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'echo used >> "{log}"\n'
        'out=""; prev=""\n'
        'for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n'
        'for a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx); '
        'echo pdf > "$out/$b.pdf";; esac; done\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_the_option_wins_over_the_environment(project, dlo, monkeypatch, tmp_path):
    log = tmp_path / "log"
    script = fake_soffice(tmp_path, log)
    monkeypatch.setenv("DLO_SOFFICE", str(tmp_path / "elsewhere"))
    result = dlo("--soffice", str(script), "render", "dlo-head", "--format", "pdf", cwd=project)
    assert result.code == 0, result.err
    assert log.read_text() == "used\n"
    assert (project / "build" / "dlo-head.kk.pdf").read_bytes() == b"pdf\n"
    # the next run in this process searches again
    monkeypatch.delenv("DLO_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(finder, "_installed", lambda: [])
    again = dlo("render", "dlo-head", "--format", "pdf", cwd=project)
    assert again.code == 2 and "is not installed" in again.err


def test_a_wrong_path_is_named(project, dlo, tmp_path):
    result = dlo(
        "--soffice",
        str(tmp_path / "nope.exe"),
        "render",
        "dlo-head",
        "--format",
        "pdf",
        cwd=project,
    )
    assert result.code == 2
    assert f"no LibreOffice at {tmp_path / 'nope.exe'}" in result.err
    assert not (project / "build").exists()


def test_windows_install_folders(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "PF"))
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    monkeypatch.delenv("ProgramW6432", raising=False)
    places = finder._installed()
    assert places == [os.path.join(str(tmp_path / "PF"), "LibreOffice", "program", "soffice.exe")]
