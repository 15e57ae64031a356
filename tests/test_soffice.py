"""Finding LibreOffice: ``dlo --soffice PATH``, ``DLO_SOFFICE``, PATH, the installers' places."""

from __future__ import annotations

import os
import stat

import pytest

from dlo_docs.render import soffice as finder


def fake_soffice(folder, log, record="used"):
    """A stand-in that appends ``record`` (shell words, expanded) to ``log`` and makes a PDF of
    each DOCX it is given."""
    script = folder / "my-soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'echo {record} >> "{log}"\n'
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
    assert (project / "build" / "dlo-head.kk.draft.pdf").read_bytes() == b"pdf\n"
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


def test_libreoffice_runs_with_jemalloc_where_it_is_installed(monkeypatch, tmp_path):
    """Its own home, and jemalloc preloaded ahead of what LD_PRELOAD already holds, once;
    ``DLO_PDF_JEMALLOC=0`` leaves the allocator alone."""
    lib = tmp_path / "libjemalloc.so.2"
    monkeypatch.setattr(finder, "_jemalloc", lambda: str(lib))
    monkeypatch.setenv("HOME", "/home/someone")
    monkeypatch.delenv("DLO_PDF_JEMALLOC", raising=False)
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    env = finder.environment("/tmp/profile")
    assert env["HOME"] == "/tmp/profile" and env["LD_PRELOAD"] == str(lib)
    assert os.environ["HOME"] == "/home/someone"  # this process's own is left alone
    monkeypatch.setenv("LD_PRELOAD", "libother.so")
    assert finder.environment("/p")["LD_PRELOAD"] == f"{lib} libother.so"
    monkeypatch.setenv("LD_PRELOAD", f"libother.so {lib}")
    assert finder.environment("/p")["LD_PRELOAD"] == f"libother.so {lib}"  # not twice
    monkeypatch.setenv("LD_PRELOAD", f"libother.so:{lib}")  # ld.so's other separator
    assert finder.environment("/p")["LD_PRELOAD"] == f"libother.so:{lib}"
    monkeypatch.setenv("LD_PRELOAD", "/opt/je/lib/libjemalloc.so.2")  # the user's own build
    assert finder.environment("/p")["LD_PRELOAD"] == "/opt/je/lib/libjemalloc.so.2"
    monkeypatch.setenv("LD_PRELOAD", f"libother.so:{lib}")
    for off in ("0", " 0 ", "off", "No", "FALSE"):
        monkeypatch.setenv("DLO_PDF_JEMALLOC", off)
        assert finder.environment("/p")["LD_PRELOAD"] == f"libother.so:{lib}"  # as it was
    monkeypatch.setenv("DLO_PDF_JEMALLOC", "1")
    monkeypatch.setenv("LD_PRELOAD", "libother.so")
    assert finder.environment("/p")["LD_PRELOAD"] == f"{lib} libother.so"
    monkeypatch.setenv("DLO_PDF_JEMALLOC", "0")
    monkeypatch.delenv("LD_PRELOAD")
    assert "LD_PRELOAD" not in finder.environment("/p")
    monkeypatch.delenv("DLO_PDF_JEMALLOC")
    monkeypatch.setattr(finder, "_jemalloc", lambda: None)  # not installed: nothing preloaded
    assert "LD_PRELOAD" not in finder.environment("/p")


def test_jemalloc_is_found_where_the_distributions_put_it(monkeypatch, tmp_path):
    import sys

    finder._jemalloc.cache_clear()
    try:
        found = finder._jemalloc()
        if found is not None:
            assert os.path.isfile(found) and found.endswith("/libjemalloc.so.2")
        monkeypatch.setattr(sys, "platform", "win32")
        finder._jemalloc.cache_clear()
        assert finder._jemalloc() is None  # only Linux has LD_PRELOAD
    finally:
        finder._jemalloc.cache_clear()


def test_a_conversion_gets_the_environment(monkeypatch, tmp_path):
    """What LibreOffice is started with is ``environment``'s: jemalloc preloaded."""
    from dlo_docs.render import pdf as pdf_render

    log = tmp_path / "preload"
    script = fake_soffice(tmp_path, log, record='"$LD_PRELOAD"')
    lib = tmp_path / "libjemalloc.so.2"
    lib.write_bytes(b"")  # not a library: ld.so says it cannot preload it, and goes on
    monkeypatch.setattr(finder, "_jemalloc", lambda: str(lib))
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    monkeypatch.delenv("DLO_PDF_JEMALLOC", raising=False)
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    assert pdf_render.convert({"one.kk": b"docx"}) == {"one.kk": b"pdf\n"}
    assert log.read_text().strip() == str(lib)


def _setup_run(tmp_path, path: str, *args: str, env: dict[str, str] | None = None) -> str:
    """tools/setup.sh run on a copy of the project whose .venv is this one, installed (pip is
    not run), on ``path`` with an apt-get stand-in first that logs what it is asked: what it
    asked for (apt-get's log as root, else the "please install" line). Its policy-rc.d is one
    in ``tmp_path``."""
    import hashlib
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    copy, fake_bin = tmp_path / "project", tmp_path / "bin"
    (copy / "tools").mkdir(parents=True)
    shutil.copy(root / "tools" / "setup.sh", copy / "tools" / "setup.sh")
    shutil.copy(root / "pyproject.toml", copy / "pyproject.toml")
    shutil.copy(root / "tools" / "constraints.txt", copy / "tools" / "constraints.txt")
    (copy / ".venv" / "bin").mkdir(parents=True)
    python = copy / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    pins = (root / "tools" / "constraints.txt").read_bytes()
    wanted = hashlib.sha256((root / "pyproject.toml").read_bytes() + pins).hexdigest()
    (copy / ".venv" / ".dlo-installed-from").write_text(wanted + " all\n", encoding="utf-8")
    fake_bin.mkdir()
    log = tmp_path / "apt-get.log"
    held = '[ -x "${DLO_POLICY_RC_D:-/usr/sbin/policy-rc.d}" ] && echo policy-rc.d held'
    (fake_bin / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> "{log}"\n{held} >> "{log}"\nexit 0\n', encoding="utf-8"
    )
    (fake_bin / "apt-get").chmod(0o755)
    done = subprocess.run(
        [shutil.which("bash") or "/bin/bash", str(copy / "tools" / "setup.sh"), *args],
        env={
            **os.environ,
            "PATH": f"{fake_bin}{os.pathsep}{path}",
            "DLO_POLICY_RC_D": str(tmp_path / "policy-rc.d"),  # never the machine's own
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return (log.read_text() if log.exists() else "") + done.stderr


def test_setup_installs_jemalloc_only_where_dlo_does_not_find_it(tmp_path):
    """tools/setup.sh asks for libjemalloc2 exactly when ``soffice._jemalloc`` finds none (it
    asked on every run where one of the places it listed was missing: an apt-get update each
    ./test.sh, or "please install" for what was installed). Run on a copy, apt-get a stand-in."""
    asked = _setup_run(tmp_path, os.environ["PATH"])
    finder._jemalloc.cache_clear()
    try:
        assert ("libjemalloc2" in asked) == (finder._jemalloc() is None), asked
    finally:
        finder._jemalloc.cache_clear()


@pytest.mark.parametrize(
    "args, asked, not_asked",
    [
        (["--run"], {"libreoffice-writer-nogui", "fonts-liberation2"}, {"chromium", "pandoc"}),
        ([], {"libreoffice-writer-nogui", "chromium", "pandoc", "libnss3-tools"}, set()),
    ],
    ids=["build", "tests"],
)
def test_setup_for_running_installs_no_tool_of_the_tests(tmp_path, args, asked, not_asked):
    """./build.sh (``setup.sh --run``) installs what running dlo needs, not Chromium, pandoc,
    certutil or poppler, which only the tests and benchmarks use (an IT admin building the site
    as root got them all); ./test.sh installs everything. Run on a PATH where none of them is:
    only what the script itself runs."""
    said = _setup_run(tmp_path, _tools_only(tmp_path), *args)
    named = set(said.replace(")", " ").split())
    assert asked <= named and not (not_asked & named), said


def _tools_only(tmp_path) -> str:
    """A PATH holding only what tools/setup.sh itself runs."""
    import shutil

    path = tmp_path / "tools-only"
    path.mkdir()
    for tool in ("dirname", "cat", "grep", "id", "python3", "chmod", "rm"):
        found = shutil.which(tool)
        assert found, tool
        (path / tool).symlink_to(found)
    return str(path)


@pytest.mark.parametrize("ci", ["true", ""], ids=["CI", "developer"])
def test_setup_installs_nginx_in_ci_only(tmp_path, ci):
    """.ci/run's set-up installs nginx, whose test runs the web server example (it was skipped
    in CI, nginx missing); a developer's ./test.sh does not put a web server on their machine."""
    import shutil

    said = _setup_run(tmp_path, _tools_only(tmp_path), env={"CI": ci})
    found = shutil.which("nginx", path="/usr/sbin:/usr/local/sbin:/usr/bin")
    assert ("nginx-light" in said.split()) == bool(ci and found is None), said


@pytest.mark.skipif(os.geteuid() != 0, reason="apt-get is only run as root")
@pytest.mark.parametrize("own", [False, True], ids=["none", "the machine's own"])
def test_setup_starts_no_service_while_installing(tmp_path, own):
    """Installing nginx starts a web server on port 80 (or fails where one runs) unless Debian's
    policy-rc.d holds services back: set-up writes one for apt-get's run where the machine has
    none, and removes it after; a machine's own is left as it was."""
    policy = tmp_path / "policy-rc.d"
    if own:
        policy.write_text("#!/bin/sh\nexit 101 # ours\n", encoding="utf-8")
        policy.chmod(0o755)
    said = _setup_run(tmp_path, _tools_only(tmp_path), env={"DLO_POLICY_RC_D": str(policy)})
    assert "install" in said and "policy-rc.d held" in said, said
    assert policy.exists() == own
    if own:
        assert "# ours" in policy.read_text(encoding="utf-8")
