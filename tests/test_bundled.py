"""The bundled project as a newcomer gets it: valid, its journal intact, the seed in force."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import REPO
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
