"""`dlo schema`: the JSON Schemas validate the bundled files, reject what the loader rejects, are
committed up to date in schemas/, and the bundled YAML files point at them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from dlo_docs import load, schema

REPO = Path(__file__).resolve().parent.parent
BUNDLED = {
    "regulation.schema.json": sorted((REPO / "regulations").glob("*/regulation.yaml"))
    + sorted((REPO / "regulations").glob("*/editions/*.yaml")),
    "registry.schema.json": [REPO / "regulations" / "registry.yaml"],
}


def as_json(data):
    """YAML data as JSON would hold it: dates (YAML timestamps) become ISO strings."""
    if isinstance(data, dict):
        return {str(k): as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


def yaml_data(path: Path):
    source, problems = load.read(path, path.name)
    assert not problems, problems
    return as_json(load.plain(source.data))


def validator(name: str) -> jsonschema.protocols.Validator:
    data = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(data)
    cls.check_schema(data)
    return cls(data, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_the_schemas_validate_the_bundled_files(name):
    check = validator(name)
    assert BUNDLED[name]
    for path in BUNDLED[name]:
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in check.iter_errors(yaml_data(path))
        ]
        assert not errors, (path, errors)


@pytest.mark.parametrize(
    "name, first_line",
    [
        (
            "regulations/dlo-head/regulation.yaml",
            "# yaml-language-server: $schema=../../schemas/regulation.schema.json",
        ),
        (
            "regulations/registry.yaml",
            "# yaml-language-server: $schema=../schemas/registry.schema.json",
        ),
    ],
)
def test_bundled_files_name_their_schema(name, first_line):
    path = REPO / name
    assert path.read_text(encoding="utf-8").splitlines()[0] == first_line
    target = (path.parent / first_line.split("$schema=")[1]).resolve()
    assert target.is_file()


def test_committed_schemas_are_up_to_date(tmp_path, dlo):
    result = dlo("schema", "--out", str(tmp_path / "out"), cwd=REPO)
    assert result.code == 0, result.err
    assert result.out.count("wrote ") == 2
    for name in schema.SCHEMAS:
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == (
            REPO / "schemas" / name
        ).read_text(encoding="utf-8"), f"run `dlo schema` and commit schemas/{name}"


def test_default_out_is_schemas_in_the_project(project, dlo):
    result = dlo("schema", cwd=project)
    assert result.code == 0
    assert (
        json.loads((project / "schemas" / "regulation.schema.json").read_text("utf-8"))["$schema"]
        == schema.DIALECT
    )
    assert (project / "schemas" / "registry.schema.json").is_file()


def test_schema_cannot_write_is_a_message_not_a_traceback(tmp_path, dlo):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = dlo("schema", "--out", str(blocker / "sub"), cwd=tmp_path)
    assert result.code != 0 and "Traceback" not in result.err and "cannot write" in result.err


def _seed():
    return yaml_data(REPO / "regulations" / "dlo-head" / "regulation.yaml")


@pytest.mark.parametrize(
    "mutate, where",
    [
        (lambda d: d.update(colour="red"), ""),  # unknown key
        (lambda d: d.pop("code"), ""),  # missing field
        (lambda d: d.update(id="Clause One"), "id"),  # bad id
        (lambda d: d.update(languages=["en"]), "languages/0"),
        (lambda d: d["chapters"][0].update(title={"en": "One"}), "chapters/0/title"),
        (lambda d: d["chapters"][0]["clauses"][0].update(text=""), "chapters/0/clauses/0/text"),
        (
            lambda d: d["chapters"][0]["clauses"][0].update(states="nothing"),
            "chapters/0/clauses/0/states",
        ),
        (
            lambda d: d["chapters"][0]["clauses"][0].update(silence=[{"rule": "DLO106"}]),
            "chapters/0/clauses/0/silence/0",
        ),
        (lambda d: d.update(silence=[{"rule": "W1", "reason": "x"}]), "silence/0/rule"),
    ],
)
def test_the_regulation_schema_rejects_what_the_loader_rejects(mutate, where):
    data = _seed()
    mutate(data)
    errors = list(validator("regulation.schema.json").iter_errors(data))
    assert errors, "the schema accepted it"
    assert any("/".join(map(str, e.absolute_path)) == where for e in errors), [
        e.message for e in errors
    ]


def test_a_silence_with_reason_is_valid_in_both():
    data = _seed()
    data["chapters"][0]["clauses"][0]["silence"] = [{"rule": "DLO106", "reason": "kept as signed"}]
    assert not list(validator("regulation.schema.json").iter_errors(data))


def test_registry_schema_rejects_a_bad_date_and_an_unknown_language():
    data = yaml_data(REPO / "regulations" / "registry.yaml")
    data["normative_documents"][0]["date"] = "23.11.2015"
    data["units"][0]["name"]["en"] = "Rectorate"
    paths = {
        "/".join(map(str, e.absolute_path))
        for e in validator("registry.schema.json").iter_errors(data)
    }
    assert {"normative_documents/0/date", "units/0/name"} <= paths
