"""Label sets: the fixed words of every output, per language, from ``templates/labels/<lang>.yaml``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import lazy, load, snapshots
from .errors import DloError, Problem, UsageError, relpath
from .i18n import Msg

# a project's own label set is checked against the bundled one: only then (~15 ms to import and
# compile what reads a label's dates and numbers)
label_check = lazy.module("dlo_docs.label_check")
_PACKAGE = Path(__file__).resolve().parent
# the templates shipped with the code: inside the package when installed from a wheel, the
# top-level templates/ of the source tree otherwise
BUNDLED = (
    _PACKAGE / "templates" if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent / "templates"
)


def template_dirs(project_templates: Path | None) -> tuple[Path, ...]:
    """Where a template file is looked for, in order: the project's own ``templates/`` (any
    file it holds: a page, the site's style sheet), then the bundled templates, so a project
    keeps only the files it changes."""
    if project_templates is not None and project_templates.is_dir():
        if project_templates.resolve() != BUNDLED.resolve():
            return (project_templates, BUNDLED)
    return (BUNDLED,)


def template_file(project_templates: Path | None, name: str) -> Path:
    """The file ``name`` (``html/regulation.html.j2``, ``site/static/site.css``) of the
    project's templates, else the bundled one."""
    dirs = template_dirs(project_templates)
    return next((d / name for d in dirs if (d / name).is_file()), dirs[-1] / name)


_PARSED: dict[bytes, dict[str, Any]] = {}  # label sets read in this process, by their bytes
_KEPT = 16
_READING = "label set"  # what ``snapshots`` keeps of a label set's file
# a project's label sets checked and completed, by their bytes and the bundled set's
_COMPLETED: dict[tuple[bytes, bytes], dict[str, Any]] = {}


def _load(path: Path, kept: bool, root: Path) -> tuple[bytes, Any]:
    """The label set in ``path``, parsed once per content: a file edited since is read anew,
    and the same set in another project's templates (a copy) is not parsed again; what it read
    as is read from and kept in the user's cache (``snapshots``) with ``kept`` (a render), so
    the next render does not parse it. A symbolic link is followed only inside ``root``."""
    shown = path.as_posix() if root == BUNDLED else relpath(path, root)  # as a project's files
    raw, problems = load.read_raw(path, shown, root=root)
    if raw is None:
        raise DloError(problems)
    if raw not in _PARSED:
        words = snapshots.plain(_READING, raw) if kept else None
        if words is None:
            source, problems = load.parse(raw, shown)
            if source is None or problems:
                raise DloError(problems)
            words = load.plain(source.data)
            if kept:
                snapshots.keep_plain(_READING, raw, words)
        if len(_PARSED) >= _KEPT:
            del _PARSED[next(iter(_PARSED))]  # the least recently used
    else:
        words = _PARSED.pop(raw)  # used now: moved to the end, kept longest
    _PARSED[raw] = words
    return raw, words


def labels(lang: str, project_templates: Path | None = None, kept: bool = False) -> dict[str, Any]:
    """The label set of ``lang``: the project's own (checked against the bundled one of the
    language and completed from it: ``label_check``), else the bundled one. Raises DloError for
    a set that cannot be read or has the wrong shape, UsageError when there is none."""
    bundled = BUNDLED / "labels" / f"{lang}.yaml"
    own = project_templates / "labels" / f"{lang}.yaml" if project_templates else None
    if own is None or not os.path.lexists(own):
        if not bundled.is_file():
            raise UsageError(
                Msg("no label set for language {lang}", lang=repr(lang)),
                Msg("add {path}", path=own or bundled),
            )
        return _load(bundled, kept, BUNDLED)[1]
    raw, words = _load(own, kept, own.parents[2])
    if not bundled.is_file():
        return words
    reference_raw, reference = _load(bundled, kept, BUNDLED)
    if raw == reference_raw:
        return reference
    if (raw, reference_raw) not in _COMPLETED:
        found = label_check.problems(words, reference, lambda: _source(raw, own), lang)
        if found:
            raise DloError(found)
        if len(_COMPLETED) >= _KEPT:
            del _COMPLETED[next(iter(_COMPLETED))]  # the oldest
        _COMPLETED[raw, reference_raw] = label_check.completed(words, reference)
    return _COMPLETED[raw, reference_raw]


def problems(project_templates: Path | None, langs: Iterable[str]) -> list[Problem]:
    """What is wrong with the project's own label sets of ``langs`` (``dlo check``): each
    problem that would stop an output, at its place."""
    found: list[Problem] = []
    for lang in langs:
        try:
            labels(lang, project_templates)
        except DloError as exc:
            found.extend(exc.problems)
    return found


def _source(raw: bytes, path: Path) -> load.Source:
    source, problems = load.parse(raw, relpath(path, path.parents[2]))
    if source is None:
        raise DloError(problems)
    return source


def signed(words: dict[str, Any], note: Any) -> str:
    """A signed event's note as the forms print it (``signature.signed``): signer, certificate
    serial, signing time. ``note`` is a ``records.SignatureNote``; empty when it is None."""
    if note is None:
        return ""
    when = f"{note.time:%d.%m.%Y %H:%M}" if note.time is not None else ""
    return words["signature"]["signed"].format(signer=note.signer, serial=note.serial, time=when)


def inner_quotes(title: str) -> str:
    """A title a label sets inside «…» ("{kind} «{title}»"), its own «…» made „…“, as Kazakh and
    Russian typography nest quotes: «„Жамбыл …“ мекемесі туралы ереже», not ««Жамбыл …» …»."""
    return title.replace("«", "„").replace("»", "“")


def inside_phrase(label: str, before: str) -> str:
    """A label's text (``edition_n``: "Издание 1", a line of its own on the title page) as the
    text ``before`` it continues a phrase with it: after a comma, a semicolon, an opening
    bracket or a word, its first letter in lower case ("…, ДП 01-2024, издание 1"); at the
    start, after a full stop or a separator ("· Издание 1"), and when its first word is written
    in capitals (an abbreviation), as it is. Kazakh "1-басылым" is the same either way."""
    last = before.rstrip()[-1:]
    continues = last in (",", ";", "(") or last.isalnum()
    text = label.lstrip()
    first = text.split(maxsplit=1)[0] if text else ""
    if not continues or not first[:1].isupper() or first[1:2].isupper():
        return label
    return label[: len(label) - len(text)] + text[0].lower() + text[1:]
