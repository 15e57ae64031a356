"""Output formats of ``dlo check``, kept apart from detection (yamllint style). Not a rule.

- ``text``: ``file:line:col: severity CODE: message (hint: …)``, one a line, in the interface
  language (its severity word too, ``қате``, ``ошибка``; ``error`` in English);
- ``json``: ``{"problems": [...], "errors": n, "warnings": n}``, messages in English whatever
  the interface language (data for programs: it does not change with the reader's locale);
- ``github``: GitHub Actions workflow commands, so a CI run annotates the lines of a pull request:
  ``::warning file=…,line=…,col=…,title=DLO106::message`` (the command's word is English in every
  language: it is what GitHub reads).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from .. import i18n
from ..errors import Problem, severity_word

FORMATS = ("text", "json", "github")


def counts(problems: Iterable[Problem]) -> Counter:
    return Counter(p.severity for p in problems)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    loc = problem.location
    props = [f"file={_escape_property(loc.path)}"]
    if loc.line:
        props += [f"line={loc.line}", f"col={loc.col or 1}"]
    props.append(f"title={_escape_property(problem.code)}")
    return f"::{problem.severity} {','.join(props)}::{_escape_data(problem.text())}"


def render(problems: list[Problem], fmt: str) -> str:
    """The report in ``fmt``; empty when there is nothing to report in a line format."""
    if fmt == "json":
        c = counts(problems)
        return json.dumps(
            {
                "problems": [p.as_dict() for p in problems],
                "errors": c["error"],
                "warnings": c["warning"],
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "github":
        return "\n".join(github(p) for p in problems)
    return "\n".join(str(p) for p in problems)


def rule_table(rules) -> str:
    """``dlo check --list-rules``: code, default severity, name and description."""
    width = max(len(r.name) for r in rules)
    words = {r.severity: severity_word(r.severity) for r in rules}  # as check prints them
    room = max(len(w) for w in words.values())
    return "\n".join(
        f"{r.code}  {words[r.severity]:<{room}}  {r.name:<{width}}  {i18n.text(r.description)}"
        for r in rules
    )
