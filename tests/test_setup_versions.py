"""A clean clone installs the versions the suite last passed with: ``tools/setup.sh`` gives pip
``tools/constraints.txt``, which pins every distribution the project depends on (its own
dependencies, the test and dev extras, and theirs), so a release made since cannot change what
CI runs (cryptography 51, released between two runs, made the signing tests fail to load)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from conftest import REPO

CONSTRAINTS = REPO / "tools" / "constraints.txt"


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised (PEP 503)."""
    found = re.match(r"\s*([A-Za-z0-9._-]+)", requirement)
    assert found, requirement
    return re.sub(r"[-_.]+", "-", found.group(1)).lower()


def _pinned() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned to one version: {line}"
            pins[_name(name)] = version.strip()
    return pins


def _declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    return {_name(r) for r in wanted}


def test_every_dependency_is_pinned():
    missing = _declared() - set(_pinned())
    assert not missing, f"add to tools/constraints.txt: {sorted(missing)}"


def test_every_dependency_of_a_dependency_is_pinned():
    """What the project's dependencies need in turn is pinned too (a transitive release broke
    nothing less than a direct one would)."""
    pins, seen, todo = _pinned(), set(), sorted(_declared())
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # not installed here (a platform's own): nothing to follow
        todo += [_name(r) for r in requires if "extra ==" not in r]
    installed = {n for n in seen if _installed(n)}
    assert installed - set(pins) == set(), "add to tools/constraints.txt"


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def test_setup_installs_with_the_constraints():
    script = (REPO / "tools" / "setup.sh").read_text(encoding="utf-8")
    installs = [line for line in script.splitlines() if "pip install" in line]
    assert installs and all("-c tools/constraints.txt" in line for line in installs), installs
    # and a change of the pins installs again, as one of pyproject.toml does
    assert 'open("tools/constraints.txt", "rb")' in script
