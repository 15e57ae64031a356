"""LibreOffice's private user profile for one run (``-env:UserInstallation``), a folder of its own
in the temporary folder: a LibreOffice open on the desktop neither blocks the run nor is
disturbed by it, and nothing of the run's is left behind.

- ``make() -> (folder, held)``: the profile folder made, with Ctrl-C and SIGTERM held
  (``interrupts``) until the caller, first thing in the ``try`` whose ``finally`` removes the
  folder, releases ``held``: an interrupt between the folder being made and that ``try`` would
  have left it behind (a stress run of random SIGTERMs found one). Profiles that runs of this
  host left when their process was killed (SIGKILL, a power cut) are removed first.
- ``seed(folder)``: the one setting that spares the run LibreOffice's start-up self-test
  (``PROFILE``) written into it.
- ``remove(folder)``: the folder removed whole, Ctrl-C and SIGTERM held meanwhile: one that
  comes then is raised once it is gone, not in the middle (which left it half removed).

A profile is named ``dlo-lo-profile-<host>-<pid>-…`` (``fsio.staging``), so that a later run can
tell whether the process that made it still runs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .. import fsio, interrupts

KIND = "lo-profile"
# A fresh profile (headless LibreOffice never marks it with its version) is taken for an upgrade
# at every start, and 7.2 and later then run a graphics self-test: ~0.75 s of CPU and ~70 MB a
# run. The version last run is set ahead of any release: no test, the same PDF bytes
PROFILE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
    '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" '
    'oor:op="fuse"><value>999.9</value></prop></item>\n'
    "</oor:items>\n"
)


def make() -> tuple[Path, interrupts.Held]:
    """A new profile folder, and the hold on interrupts the caller releases inside its ``try``."""
    sweep()
    held = interrupts.hold()
    try:
        folder = Path(tempfile.mkdtemp(prefix=fsio.staging(KIND, hidden=False)))
    except BaseException:
        held.release()
        raise
    return folder, held


def seed(folder: Path) -> None:
    """``PROFILE`` written into the profile ``folder``."""
    (folder / "user").mkdir()
    (folder / "user" / "registrymodifications.xcu").write_text(PROFILE, "utf-8")


def remove(folder: Path) -> None:
    """The profile ``folder`` removed whole; an interrupt meanwhile is raised once it is gone."""
    with interrupts.holding():
        shutil.rmtree(folder, ignore_errors=True)


def sweep() -> list[Path]:
    """The profiles in the temporary folder that runs of this host left, their process ended."""
    return fsio.sweep_staging(Path(tempfile.gettempdir()), KIND, hidden=False)
