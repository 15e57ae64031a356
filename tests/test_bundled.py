"""The bundled project as a newcomer gets it: valid, its journal intact, the seed in force."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import BUNDLED, REPO, bundled_regulations
from workflow_support import edition_path, ok

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _schema_target(path: Path) -> Path:
    match = SCHEMA_LINE.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path} does not start with the editor's schema line"
    return (path.parent / match[1]).resolve()


def test_bundled_project_verifies_and_has_the_seed_in_force(dlo):
    result = dlo("verify", cwd=REPO)
    assert result.code == 0, result.err
    status = json.loads(dlo("status", "dlo-head", "--format", "json", cwd=REPO).out)["regulations"][
        0
    ]
    assert status["state"] == "in_force" and status["edition_in_force"] == 1


def test_every_bundled_yaml_names_a_schema_that_exists():
    files = [
        REPO / "regulations" / "registry.yaml",
        *REPO.glob("regulations/*/regulation.yaml"),
        *REPO.glob("regulations/*/editions/*.yaml"),
    ]
    assert len(files) >= 3
    for path in files:
        assert _schema_target(path).is_file(), path


def test_a_frozen_edition_points_its_schema_line_one_folder_up(in_force, dlo):
    project = in_force  # the seed in force as edition 1 (prepared once)
    frozen = edition_path(project, 1)
    assert _schema_target(frozen) == (project / "schemas" / "regulation.schema.json").resolve()
    ok(dlo, project, "verify")


def test_the_tests_copy_only_the_bundled_regulations():
    """README's walk-through is done in the clone itself (`dlo new hr-head` writes
    regulations/hr-head/), and so may an import be: a test's project copies only what the
    repository ships, so that ./test.sh run afterwards does not count hr-head's outputs as the
    bundled project's (test_isolation, test_parallel failed so)."""
    ignore = bundled_regulations("journal.yaml")
    top = str(REPO / "regulations")
    names = ["registry.yaml", "dlo-head", "hr-head", "registry.yaml.lock", "notes.txt"]
    assert ignore(top, names) == {"hr-head", "registry.yaml.lock", "notes.txt"}
    inner = str(REPO / "regulations" / "dlo-head")
    assert ignore(inner, ["regulation.yaml", "journal.yaml", "hr-head"]) == {"journal.yaml"}
    listed = subprocess.run(
        ["git", "ls-files", "regulations"], cwd=REPO, capture_output=True, text=True
    )
    if listed.returncode == 0 and listed.stdout:  # a clone: BUNDLED is what git ships
        assert {line.split("/")[1] for line in listed.stdout.splitlines()} == BUNDLED
