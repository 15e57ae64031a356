"""Problems as values, and the one exception that carries them.

A message and a hint are English text, usually an ``i18n.Msg`` (a constant marked ``N_`` will
do): they are translated when printed, never when made, so a problem is the same value in every
process and every language.

No I/O and no third-party imports here: every layer may depend on this module.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import i18n
from .chars import one_line, visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file. Lines and columns are 1-based; 0 means unknown."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where, how bad, which code, what is wrong and what to do."""

    location: Location
    severity: Severity = field(compare=False)
    code: str
    message: str
    hint: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        """The line a person reads, in the interface language, its severity word too (қате,
        ошибка): a clerk reads no English. In English, the default where editors and CI run
        (``DLO_UI_LANG=en``), it is ``file:line:col: error CODE: …`` as they parse it; the code
        stays as it is in every language, so it is searchable. Data for programs keeps the
        English word: ``--format json`` (``as_dict``) and ``--format github``."""
        line = f"{self.location}: {severity_word(self.severity)} {self.code}: {self.text()}"
        return one_line(visible(line))  # one problem a line, whatever a name holds

    def text(self) -> str:
        """The message and its hint, in the interface language (see ``i18n.Msg``), without a
        control character: a message quotes what a file holds (a registry's holder, a journal's
        text), and an escape sequence in it would retitle the terminal or hide the line."""
        message = i18n.text(self.message)
        if self.hint:
            message += " " + i18n._("(hint: {hint})").format(hint=i18n.text(self.hint))
        return visible(message)  # (a format character as its code, <U+202E>)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        loc = data.pop("location")
        return {"file": loc["path"], "line": loc["line"], "column": loc["col"], **data}


def severity_word(severity: str) -> str:
    """``error`` or ``warning`` as a problem's line says it, in the interface language."""
    if severity == "error":
        return i18n.pgettext("severity", "error")
    if severity == "warning":
        return i18n.pgettext("severity", "warning")
    return severity


def error(location: Location, code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(location, "error", code, message, hint)


def warning(location: Location, code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(location, "warning", code, message, hint)


# the system's reasons a user meets, in the interface's language (the C library says them in
# English whatever the language; on Windows, in the system's)
_REASONS = {
    errno.ENOENT: i18n.Msg("No such file or directory"),
    errno.EACCES: i18n.Msg("Permission denied"),
    errno.EPERM: i18n.Msg("Operation not permitted"),
    errno.EROFS: i18n.Msg("Read-only file system"),
    errno.ENOSPC: i18n.Msg("No space left on device"),
    getattr(errno, "EDQUOT", errno.ENOSPC): i18n.Msg("Disk quota exceeded"),
    errno.EFBIG: i18n.Msg("File too large"),
    errno.EIO: i18n.Msg("Input/output error"),
    errno.EISDIR: i18n.Msg("Is a directory"),
    errno.ENOTDIR: i18n.Msg("Not a directory"),
    errno.ENAMETOOLONG: i18n.Msg("File name too long"),
    errno.ELOOP: i18n.Msg("Too many levels of symbolic links"),
    errno.EEXIST: i18n.Msg("File exists"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused: a ``Msg`` translated where it is printed, for the reasons a user
    meets; the system's own words for the others."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def from_here(path: Path | str) -> str:
    """A path as the user typing commands reads it: relative to the working folder when inside
    it (``regulations/x/journal.yaml``), else whole."""
    try:
        here = Path.cwd()
    except OSError:  # the working folder was removed
        return Path(path).as_posix()
    return relpath(Path(path), here)


def relpath(path: Path, root: Path | None) -> str:
    """A path as the user should read it: relative to the project root when inside it."""
    path = Path(path)
    if root is not None:
        # as given first (a symlink is shown where it is, not where it points), then resolved
        # (only when needed: resolving asks the file system about every folder of the path)
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class DloError(Exception):
    """The root of every error this package raises on purpose. Carries problems."""

    def __init__(self, problems: Iterable[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [error(Location("dlo"), "DLO000", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(DloError):
    """The user asked for something impossible (unknown id, missing language...). ``line``: the
    line of the file it is about that shows why, when there is one (a source's title)."""

    def __init__(self, message: str, hint: str | None = None, line: int | None = None) -> None:
        super().__init__([error(Location("dlo"), "DLO000", message, hint)])
        self.message = message
        self.hint = hint
        self.line = line
