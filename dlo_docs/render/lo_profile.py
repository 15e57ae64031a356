"""LibreOffice's private user profile for one run (``-env:UserInstallation``), a folder of its own
in the temporary folder: a LibreOffice open on the desktop neither blocks the run nor is
disturbed by it, and nothing of the run's is left behind.

- ``folder()``: a context whose profile folder is removed as it ends (``scratch.folder``: made
  and removed with Ctrl-C and SIGTERM held, so an interrupt never leaves it behind; named
  ``dlo-lo-profile-<host>-<pid>-…``, and the profiles that runs of this host left when their
  process was killed, SIGKILL or a power cut, removed first).
- ``seed(folder, build)``: what spares the run LibreOffice's start-up self-test (``PROFILE``)
  and, given the installation's build id (``soffice.build_id``), its restart (``user/extensions/
  buildid``) written into it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .. import scratch

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


def folder() -> contextlib.AbstractContextManager[Path]:
    """A new profile folder for the block, removed as it ends (``scratch.folder``)."""
    return scratch.folder(KIND)


def seed(folder: Path, build: str | None = None) -> None:
    """``PROFILE`` written into the profile ``folder``, and ``build`` (the installation's build
    id) as the one its extensions were last set up by: a profile without it is new to
    LibreOffice, which then sets its extensions up and starts itself again (``soffice.bin``
    twice a run: ~0.1 s of CPU, a quarter of converting one document). A wrong id only brings
    that restart back."""
    (folder / "user").mkdir()
    (folder / "user" / "registrymodifications.xcu").write_text(PROFILE, "utf-8")
    if build:
        (folder / "user" / "extensions").mkdir()
        (folder / "user" / "extensions" / "buildid").write_text(build, "utf-8")
