"""Finding LibreOffice (``soffice``), which makes the PDFs: ``dlo --soffice PATH`` for the
process (``use_soffice``), else ``DLO_SOFFICE``, else ``soffice`` or ``libreoffice`` on ``PATH``,
else where the installers put it (Windows, macOS).

- ``soffice() -> str``: its path; raises ``SofficeMissing`` (a ``UsageError``) saying what to
  install, or that the path given names no program;
- ``available() -> bool``: is LibreOffice installed?
- ``version_files(exe) -> dict``: the installation's version files beside the program
  (``versionrc``, ``version.ini`` on Windows), each a small regular file;
- ``build_id(exe) -> str | None``: the build id they give (``buildid=``), or None;
- ``environment(home) -> dict``: the environment a LibreOffice run gets: this one, with ``HOME``
  set to ``home``, ``TMPDIR`` to a folder in it (so a run stopped leaves no temporary file
  outside it) and, on Linux where it is installed (package libjemalloc2), the jemalloc
  allocator preloaded (``DLO_PDF_JEMALLOC=0``, ``no``, ``off`` or ``false`` turns that off). LibreOffice 7.4 spends about a
  fifth of a conversion in glibc's malloc and free; with jemalloc a document takes ~22 % less CPU
  (3.22 against 4.15 s for 40 regulations, ~3 MB more a run) and the PDF is the same bytes.
- ``OPTIONS``: the options a conversion run is started with; ``for_files(options, files)``: those
  for a run over ``files`` (the DOCX import filter only when every one is a DOCX).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

from .. import inputs
from ..errors import UsageError
from ..i18n import Msg

INSTALL = "apt-get install libreoffice-writer-nogui fonts-liberation2"

# No window, splash, start centre, restore or lock check; and two options that spare LibreOffice
# work without a change to the PDF (the same bytes either way, a test converts both):
# - the DOCX read as "Office Open XML Text", not left to type detection, which names it "MS Word
#   2007 XML", a Word document to LibreOffice: Writer then tries to set up a VBA event processor
#   some 23 times a document (the DOCX has no macros: each try builds the document's Basic
#   manager and throws), ~9 M of a document's ~480 M instructions (callgrind, LibreOffice
#   7.4.7); the same reader (writerfilter) either way;
# - no backup of the profile as LibreOffice ends (SecureUserConfig; the profile is thrown away
#   after the run): ~32 M instructions a run.
OPTIONS = (
    "--headless",
    "--invisible",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    "--infilter=Office Open XML Text",
    "-env:SecureUserConfig=false",
)


def for_files(options: Sequence[str], files: Sequence[Path]) -> list[str]:
    """``options`` for a run converting ``files``: the DOCX import filter only when each is a
    DOCX; an ODT, RTF or Word 97 document is left to LibreOffice's type detection."""
    if all(path.suffix.lower() == ".docx" for path in files):
        return list(options)
    return [option for option in options if not option.startswith("--infilter=")]


class SofficeMissing(UsageError):
    """LibreOffice is not installed: PDF cannot be made here."""


_CHOSEN: str | None = None  # set by ``use_soffice`` (the command line's --soffice PATH)


def use_soffice(path: str | None) -> None:
    """Use the LibreOffice at ``path`` (an executable file) for this process."""
    global _CHOSEN
    _CHOSEN = path


def _installed() -> list[str]:
    """Where the LibreOffice installers put soffice when it is not on PATH (Windows, macOS)."""
    if os.name == "nt":
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        return [os.path.join(r, "LibreOffice", "program", "soffice.exe") for r in roots if r]
    return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]


def soffice() -> str:
    """The LibreOffice executable: ``--soffice PATH`` (``use_soffice``), else ``DLO_SOFFICE``,
    else ``soffice``/``libreoffice`` on ``PATH``, else the installers' usual places."""
    chosen = _CHOSEN or os.environ.get("DLO_SOFFICE")
    candidates = [chosen] if chosen else ["soffice", "libreoffice", *_installed()]
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    if chosen:
        raise SofficeMissing(
            Msg("no LibreOffice at {chosen} (from --soffice or DLO_SOFFICE)", chosen=chosen),
            Msg(
                "give the full path of soffice (Windows: C:\\Program Files\\LibreOffice\\program\\soffice.exe), or install it: {command}",
                command=INSTALL,
            ),
        )
    raise SofficeMissing(
        Msg("LibreOffice (soffice) is not installed, so PDF cannot be made"),
        Msg(
            "install it and the fonts: {command} (or run tools/setup.sh as root; elsewhere give --soffice PATH)",
            command=INSTALL,
        ),
    )


@functools.cache
def _jemalloc() -> str | None:
    """jemalloc's library where the Linux distributions install it, or None."""
    if not sys.platform.startswith("linux"):
        return None
    arch = sysconfig.get_config_var("MULTIARCH") or ""
    dirs = [f"/usr/lib/{arch}" if arch else "", "/usr/lib64", "/usr/lib"]
    found = (os.path.join(d, "libjemalloc.so.2") for d in dirs if d)
    return next((path for path in found if os.path.isfile(path)), None)


_BUILD_ID = re.compile(r"^buildid=([ -~]{1,100})$", re.MULTILINE)
# beside the program: Linux's versionrc, Windows's version.ini, macOS's (in Contents/Resources)
VERSION_FILES = ("versionrc", "version.ini", "../Resources/versionrc")
VERSION_MAX = 64 * 1024  # a version file is a few hundred bytes


def version_files(exe: str) -> dict[str, bytes]:
    """The installation's version files (``VERSION_FILES``) beside the program ``exe`` (followed
    through its links), by name: each a regular file of at most ``VERSION_MAX`` bytes; one
    that is not (a named pipe, a device, a huge file) is left out, never waited on or read."""
    program = os.path.dirname(os.path.realpath(exe))
    found = {}
    for name in VERSION_FILES:
        with contextlib.suppress(OSError, inputs.InputRefused):
            found[name] = inputs.read_bytes(os.path.join(program, name), limit=VERSION_MAX)
    return found


@functools.cache
def build_id(exe: str) -> str | None:
    """The ``buildid`` LibreOffice writes into a new profile, as its version file says
    (``version_files``); None when none says."""
    for data in version_files(exe).values():
        found = _BUILD_ID.search(data.decode("utf-8", "replace").replace("\r", ""))
        if found:
            return found.group(1).strip() or None
    return None


def environment(home: str) -> dict[str, str]:
    """The environment of a LibreOffice run whose home (and nothing of the user's) is ``home``,
    its temporary files (``$TMPDIR``) in ``home/tmp``, made here: LibreOffice removes its
    ``lu*.tmp`` only when it ends by itself, and a run stopped (Ctrl-C, a timeout) left them in
    the system's temporary folder; inside ``home`` they go with it."""
    tmp = os.path.join(home, "tmp")
    os.makedirs(tmp, exist_ok=True)
    env = dict(os.environ, HOME=home, TMPDIR=tmp)
    off = env.get("DLO_PDF_JEMALLOC", "").strip().lower() in ("0", "no", "off", "false")
    lib = None if off else _jemalloc()
    preload = env.get("LD_PRELOAD", "")
    named = [os.path.basename(p) for p in re.split(r"[:\s]+", preload)]  # ld.so's separators
    if lib and not any(name.startswith("libjemalloc") for name in named):  # the user's own wins
        env["LD_PRELOAD"] = f"{lib} {preload}".strip()
    return env


def available() -> bool:
    try:
        soffice()
    except SofficeMissing:
        return False
    return True
