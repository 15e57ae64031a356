"""Finding LibreOffice (``soffice``), which makes the PDFs: ``dlo --soffice PATH`` for the
process (``use_soffice``), else ``DLO_SOFFICE``, else ``soffice`` or ``libreoffice`` on ``PATH``,
else where the installers put it (Windows, macOS).

- ``soffice() -> str``: its path; raises ``SofficeMissing`` (a ``UsageError``) saying what to
  install, or that the path given names no program;
- ``available() -> bool``: is LibreOffice installed?
"""

from __future__ import annotations

import os
import shutil

from ..errors import UsageError
from ..i18n import Msg

INSTALL = "apt-get install libreoffice-writer-nogui fonts-liberation2"


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


def available() -> bool:
    try:
        soffice()
    except SofficeMissing:
        return False
    return True
