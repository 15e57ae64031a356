"""What a regulation's publication depends on, and how a build tells that it changed: the
journal and frozen editions (never the working draft), their file stamps, the hash of their bytes,
the effective dates that have arrived, and the certificates its signatures are checked with."""

from __future__ import annotations

import os
import re
import stat as kinds
from pathlib import Path

from .. import inputs, load, workflow
from ..errors import DloError, Problem
from ..project import Loaded, Project
from .manifest import digest


def inputs_of(project: Project, reg_id: str) -> list[Path] | None:
    """The files a regulation's publication depends on: its journal and its frozen editions
    (never the working draft). None: neither a journal nor a frozen edition, so nothing of it
    can be in force."""
    journal = workflow.journal_path(project, reg_id)
    folder = workflow.edition_folder(project, reg_id)
    try:
        names = os.listdir(folder)
    except OSError:  # none (or not a folder, or not readable: as none)
        names = []
    editions = sorted(folder / n for n in names if os.path.normcase(n).endswith(".yaml"))
    if not editions and not (journal.exists() or journal.is_symlink()):
        return None
    return [journal, *editions]


def stamp(files: list[Path]) -> list[list]:
    """What the file system says of ``files`` (name, inode, size, modified and changed times):
    a file rewritten or replaced changes its stamp, so an unchanged stamp stands for unchanged
    bytes and they need not be read again."""
    stamps = []
    for path in files:
        st = path.stat()
        stamps.append([path.name, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return stamps


def plain_stamp(files: list[Path], root: Path) -> list[list] | None:
    """The stamp of ``files`` (as ``stamp``) when each is a regular file of at most
    ``inputs.MAX_YAML_BYTES`` reached from ``root`` (resolved) through no symbolic link, told by
    ``lstat`` alone (each folder once a call): such files are what ``unreadable`` finds nothing
    wrong with, so nothing needs to be opened or resolved. None when one is anything else (a
    link, even one inside the project, a FIFO, a device, too large, missing): ``unreadable`` then
    says what."""
    top = str(root) + os.sep
    folders: set[str] = set()
    stamps = []
    try:
        for path in files:
            name = str(path)
            if not name.startswith(top):
                return None
            parts = name[len(top) :].split(os.sep)
            for i in range(1, len(parts)):
                folder = top + os.sep.join(parts[:i])
                if folder not in folders:
                    if not kinds.S_ISDIR(os.lstat(folder).st_mode):
                        return None
                    folders.add(folder)
            st = os.lstat(name)
            if not kinds.S_ISREG(st.st_mode) or st.st_size > inputs.MAX_YAML_BYTES:
                return None
            stamps.append([path.name, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    except OSError:
        return None
    return stamps


def _read(path: Path, root: Path) -> bytes:
    return inputs.read_bytes(path, limit=inputs.MAX_YAML_BYTES, root=root)


def facts(files: list[Path], root: Path) -> tuple[str, list[str]]:
    """The hash of the bytes of a regulation's input files, and every effective date its journal
    names (``passed`` tells those that have arrived), each file read once; the dates are led by
    the time zone of the journal's last event (``+05:00``, "" without one): the day an edition
    comes into force is that zone's, as the journal's replay takes it (``workflow.replay``)."""
    journal = _read(files[0], root)
    parts = [journal]
    for path in files[1:]:
        parts += [path.name.encode(), _read(path, root)]
    zones = _ZONE.findall(journal)
    zone = zones[-1].decode() if zones else ""
    return digest(*parts), [zone, *(d.decode() for d in _EFFECTIVE.findall(journal))]


def known_dates(dates: object) -> list[str] | None:
    """The zone and effective dates a manifest entry kept (as ``facts`` found them), or None when
    it kept none, or something else: they are found again."""
    if (
        isinstance(dates, list)
        and dates
        and isinstance(dates[0], str)
        and _ZONE_TEXT.match(dates[0])
        and all(isinstance(d, str) and _DATE.match(d) for d in dates[1:])
    ):
        return dates
    return None


def passed(dates: list[str]) -> list[bytes]:
    """The effective dates of a journal (``facts``: its zone first) that have arrived in the
    journal's zone: an approved edition comes into force on its effective date, so the day one
    passes the regulation is built again."""
    zone, *effective = dates
    today = workflow.today(zone or None).isoformat()
    return [d.encode() for d in effective if d <= today]


_EFFECTIVE = re.compile(rb"effective: '?(\d{4}-\d{2}-\d{2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# the zone of an event's recording time ("time: '2026-11-26T10:15:00+05:00'")
_ZONE = re.compile(rb"\btime: '?\d{4}-\d{2}-\d{2}T[\d:.]+([+-]\d{2}:\d{2})")
_ZONE_TEXT = re.compile(r"(?:[+-]\d{2}:\d{2})?\Z")


def certificates(project: Project) -> str:
    """The hash of the certificate files the registry names (the trusted CAs, the holders'):
    whether a journal's signatures verify depends on them, so a replaced file builds every
    regulation again (and its signatures are checked again). Unreadable ones count as such."""
    loaded = Loaded()
    project.load_registry(loaded)
    registry = loaded.registry
    if registry is None:  # the registry's bytes are in the key already
        return ""
    names = [*registry.signatures.trust]
    names += [str(c.file) for position in registry.positions for c in position.certificates]
    parts: list[object] = []
    for name in names:
        try:
            parts.append([name, _read(project.root / name, project.root)])
        except (OSError, inputs.InputRefused):
            parts.append([name, None])
    return digest(*parts)


def unreadable(project: Project, reg_id: str, files: list[Path]) -> list[Problem]:
    """Why the site cannot tell what of ``reg_id`` is in force (none: it can): its journal or a
    frozen edition is not a regular file of bounded size inside the project (a FIFO, a device, a
    link out of it), or frozen editions are there without the journal that approved them. Such a
    regulation is reported and neither published nor unpublished this time; nothing is read."""
    problems = [
        problem
        for path in files
        if path.exists() or path.is_symlink()
        for problem in load.check_raw(path, project.display(path), root=project.root)
    ]
    if problems or files[0].exists() or files[0].is_symlink():
        return problems
    try:  # frozen editions, no journal: each is an edition the journal does not know
        return [p for p in workflow.verify(project, [reg_id])[reg_id] if p.severity == "error"]
    except DloError as exc:
        return exc.problems
