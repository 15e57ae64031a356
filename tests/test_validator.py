"""The compiled validator (``dlo_docs.validator``): pydantic-core built from the models' schema
shipped with the package, without importing pydantic. It must read every file exactly as the
pydantic models do (the same objects, the same content hash), accept nothing they refuse, leave
every problem to pydantic (so the messages and positions are pydantic's), and not be used when it
was made for other models or another pydantic, or names a function it must not call."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlo_docs import api, lite, load, model, plain_scalars, validator
from dlo_docs.canonical import content_hash
from dlo_docs.project import Project
from tests.conftest import REPO, tool

CORPUS = REPO / ".." / "shared" / "corpus"
SHIPPED = validator.COMPILED


def _made_for_this_pydantic() -> bool:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    made_with = validator.made_with()
    return all(
        shipped[validator.MADE_WITH][k] == made_with[k] for k in ("pydantic", "pydantic_core")
    )


@pytest.fixture(scope="module", autouse=True)
def _a_form_for_this_pydantic(tmp_path_factory):
    """With another pydantic than the shipped form was made for (which is then not used: the
    first test), the tests compare pydantic with a form made for the pydantic installed."""
    if _made_for_this_pydantic():
        yield
        return
    path = tool("compile_validator").write(tmp_path_factory.mktemp("form") / "validator.json")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validator, "COMPILED", path)
        validator._compiled.cache_clear()
        yield
    validator._compiled.cache_clear()


def test_the_shipped_compiled_schema_is_what_the_models_make(monkeypatch):
    if not _made_for_this_pydantic():
        # another pydantic than the one it was made with: not used (pydantic validates)
        monkeypatch.setattr(validator, "COMPILED", SHIPPED)
        validator._compiled.cache_clear()
        assert not validator.available()
        validator._compiled.cache_clear()
        pytest.skip(
            "pydantic differs from the one the file was made with (tools/compile_validator.py)"
        )
    assert SHIPPED.read_text(encoding="utf-8") == tool("compile_validator").dumps(), (
        "run: python tools/compile_validator.py"
    )
    assert validator.available()


def _yaml_files() -> list[Path]:
    found = sorted((REPO / "regulations").rglob("*.yaml")) + sorted(
        (REPO / "tests" / "fixtures").rglob("*.yaml")
    )
    return [p for p in found if "journal" not in p.name]


def _both(name: str, data: Any) -> tuple[Any, Any]:
    """What pydantic and the compiled validator make of ``data`` (None: refused)."""
    try:
        theirs = getattr(model, name).model_validate(data)
    except ValueError:
        theirs = None
    return theirs, validator.validate(name, data)


def _same(name: str, theirs: Any, ours: Any) -> None:
    assert (theirs is None) == (ours is None), (theirs, ours)
    if theirs is None:
        return
    assert type(ours).__name__ == name and isinstance(ours, lite.Lite)
    assert lite.tagged(ours) == lite.tagged(theirs)
    # the fields in the models' order too, at every depth (dicts compare equal in any order)
    assert json.dumps(lite.tagged(ours)) == json.dumps(lite.tagged(theirs))
    assert ours.model_dump(mode="json") == theirs.model_dump(mode="json")
    if name == "Regulation":
        assert content_hash(ours) == content_hash(theirs)


def test_every_file_reads_as_the_models_read_it(tmp_path, dlo):
    """The bundled project, every fixture, and a real regulation imported from the corpus."""
    files = _yaml_files()
    source = CORPUS / "jambyl-uptad-ereje.kk.lo.docx"
    if source.is_file():
        root = tmp_path / "proj"
        (root / "regulations").mkdir(parents=True)
        (root / "regulations" / "registry.yaml").write_bytes(
            (REPO / "regulations" / "registry.yaml").read_bytes()
        )
        result = dlo("import", source, "--id", "corpus", "--update-registry", cwd=root)
        assert result.code == 0, result.err
        files += [
            root / "regulations" / "registry.yaml",
            root / "regulations" / "corpus" / "regulation.yaml",
        ]
    accepted = 0
    for path in files:
        parsed, _ = load.parse(path.read_bytes(), str(path))
        if parsed is None:
            continue
        for name in ("Registry", "Regulation"):
            theirs, ours = _both(name, parsed.data)
            _same(name, theirs, ours)
            accepted += theirs is not None
    assert accepted >= 10


# -- changed data: whatever the change, both accept it alike, or both refuse it ------------------

SEED = load.plain(
    load.parse((REPO / "regulations" / "dlo-head" / "regulation.yaml").read_bytes(), "r")[0].data
)  # type: ignore[union-attr]
REGISTRY = load.plain(
    load.parse((REPO / "regulations" / "registry.yaml").read_bytes(), "r")[0].data
)  # type: ignore[union-attr]
VALUES = [
    "",
    " ",
    "x",
    "kk",
    "ru",
    "en",
    0,
    1,
    -1,
    10_001,
    2.5,
    True,
    False,
    None,
    [],
    {},
    ["x"],
    {"kk": "x"},
    {"en": "x"},
    {"kk": ""},
    {"kk": 1},
    dt.date(2024, 1, 5),
    dt.date(1800, 1, 1),
    "2024-01-05",
    "2024-02-30",
    "+05:00",
    "+15:00",
    "+05:60",
    "../x",
    "/etc/passwd",
    "keys/a.pem",
    "DLO101",
    "DLO001",
    "dashed",
    "subclauses",
    "parallel",
    "signature",
    "chapter",
    "Bad Id",
    "a" * 81,
    "approvers",
    [{"id": "x", "text": "y"}],
    [{"rule": "DLO101"}],
]


def _paths(data: Any, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*at, i))
    return found


def _changed(data: Any, at: tuple, action: str, value: Any) -> Any:
    if not at:
        return value if action == "replace" else data
    head, rest = at[0], at[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    if rest:
        copy[head] = _changed(copy[head], rest, action, value)
    elif action == "delete":
        del copy[head]
    elif action == "replace":
        copy[head] = value
    elif action == "repeat" and isinstance(copy, list):
        copy.insert(head, copy[head])
    elif action == "add" and isinstance(copy[head], dict):
        copy[head] = {**copy[head], "unknown": value}
    return copy


@st.composite
def changed(draw, data: Any) -> Any:
    paths = _paths(data)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["delete", "replace", "replace", "repeat", "add"]))
        data = _changed(data, at, action, draw(st.sampled_from(VALUES)))
        paths = _paths(data)
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changed(SEED))
def test_a_changed_regulation_is_accepted_or_refused_as_pydantic_does(data):
    _same("Regulation", *_both("Regulation", data))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changed(REGISTRY))
def test_a_changed_registry_is_accepted_or_refused_as_pydantic_does(data):
    _same("Registry", *_both("Registry", data))


def test_a_refused_file_gets_the_problems_pydantic_reports():
    text = (REPO / "regulations" / "dlo-head" / "regulation.yaml").read_text(encoding="utf-8")
    broken = text.replace("kind: job_instruction", "kind: job_instructions", 1)
    assert broken != text
    parsed, _ = load.parse(broken.encode("utf-8"), "r.yaml")
    assert parsed is not None
    ours, problems = load.validate_as("Regulation", parsed, plain=True)
    assert ours is None and problems == load.validate(model.Regulation, parsed)[1]
    assert problems and all(p.location.path == "r.yaml" and p.location.line for p in problems)


# -- when it is not used ----------------------------------------------------------------------


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    """Point the validator at a copy of the shipped form, changed by ``change`` (its cache
    emptied before and after)."""

    def use(change) -> None:
        form = json.loads(validator.COMPILED.read_text(encoding="utf-8"))
        change(form)
        path = tmp_path / "validator.json"
        path.write_text(json.dumps(form), encoding="utf-8")
        monkeypatch.setattr(validator, "COMPILED", path)
        validator._compiled.cache_clear()

    yield use
    validator._compiled.cache_clear()


def _seed_data() -> Any:
    return load.parse((REPO / "regulations" / "dlo-head" / "regulation.yaml").read_bytes(), "r")[
        0
    ].data  # type: ignore[union-attr]


def test_a_form_made_for_other_models_or_another_pydantic_is_not_used(compiled):
    assert validator.validate("Regulation", _seed_data()) is not None
    for part in ("models", "pydantic", "pydantic_core"):
        compiled(lambda form, part=part: form[validator.MADE_WITH].update({part: "0" * 64}))
        assert not validator.available()
        assert validator.validate("Regulation", _seed_data()) is None
        parsed, _ = load.parse(
            (REPO / "regulations" / "dlo-head" / "regulation.yaml").read_bytes(), "r"
        )
        assert parsed is not None
        found, problems = load.validate_as("Regulation", parsed, plain=True)
        assert isinstance(found, model.Regulation) and not problems  # pydantic's, as before


def test_the_form_calls_only_the_models_own_checks(compiled):
    assert validator.function("dlo_docs.model_checks:text") is not None
    for name in (
        "os:system",
        "builtins:eval",
        "dlo_docs.fsio:atomic_write",  # a function, of a module it may not call
        "dlo_docs.model_checks:Msg",  # a name in the module, not its function
        "dlo_docs.model_checks:__builtins__",
        "dlo_docs.model_checks:text.__globals__",
    ):
        assert validator.function(name) is None, name

    def hostile(form: dict) -> None:
        text = json.dumps(form).replace("dlo_docs.model_checks:text", "os:system")
        form.clear()
        form.update(json.loads(text))

    compiled(hostile)
    assert not validator.available()
    assert validator.validate("Regulation", _seed_data()) is None


def test_a_damaged_form_is_not_used(compiled):
    compiled(lambda form: form["schemas"]["Regulation"].update({"type": "no-such-schema"}))
    assert not validator.available()


def _accept_anything(form: dict, name: str, inner: bool) -> None:
    """The schema of ``name`` (or of a model nested in it) made to accept any data as it is."""
    schema = form["schemas"][name]
    if inner:
        schema["definitions"][0].clear()
        schema["definitions"][0].update({"type": "any", "ref": "Silence"})
    else:
        schema.clear()
        schema["type"] = "any"


@pytest.mark.parametrize("inner", [False, True])
@pytest.mark.parametrize("name", ["Registry", "Regulation"])
def test_a_form_changed_by_hand_is_not_used(compiled, name, inner):
    """A schema edited in an installed form (its ``made_with`` left as it was) would accept
    data the models refuse, and hand the reader plain dicts where it expects the models'
    objects (dlo ended with an internal error): the form is not used, pydantic validates."""
    compiled(lambda form: _accept_anything(form, name, inner))
    assert not validator.available()
    parsed, _ = load.parse(
        (
            REPO
            / "regulations"
            / ("registry.yaml" if name == "Registry" else "dlo-head/regulation.yaml")
        ).read_bytes(),
        "r",
    )
    assert parsed is not None
    found, problems = load.validate_as(name, parsed, plain=True)
    assert isinstance(found, getattr(model, name)) and not problems


def test_a_form_that_makes_other_objects_is_not_used(monkeypatch):
    """Whatever the form's validator answers that is not the model's plain object is no answer."""

    class Anything:
        def validate_python(self, data: Any) -> Any:
            return dict(data)

    forms = validator._compiled()
    assert forms is not None
    monkeypatch.setattr(validator, "_compiled", lambda: ({"Regulation": Anything()}, forms[1]))
    assert validator.validate("Regulation", _seed_data()) is None


def test_outputs_are_byte_identical_with_the_compiled_validator_and_with_pydantic(
    project, tmp_path, monkeypatch
):
    p = Project(project)
    api.render(p, ["dlo-head"], ["docx", "html"], out=tmp_path / "compiled", draft=True)
    monkeypatch.setattr(validator, "validate", lambda name, data: None)
    api.render(
        Project(project), ["dlo-head"], ["docx", "html"], out=tmp_path / "pydantic", draft=True
    )
    made = {f.name: f.read_bytes() for f in (tmp_path / "compiled").iterdir()}
    assert made and made == {f.name: f.read_bytes() for f in (tmp_path / "pydantic").iterdir()}


# -- plain scalars ------------------------------------------------------------------------------


def test_the_implicit_types_are_the_round_trip_resolvers():
    from dlo_docs import yaml_rt

    theirs = {
        first: [
            (str(getattr(t, "value", t)).rsplit(":", 1)[1], rx.pattern, rx.flags) for t, rx in found
        ]
        for first, found in yaml_rt._RT.resolver.versioned_resolver.items()
        if first
    }
    ours = {
        first: [(k, rx.pattern, rx.flags) for k, rx in found]
        for first, found in plain_scalars._BY_FIRST.items()
    }
    assert ours == theirs


SCALARS = [
    "0",
    "1",
    "12",
    "007",
    "-1",
    "+1",
    "1_000",
    "0x1f",
    "0o7",
    "0b101",
    "1.5",
    "1e3",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "2024-01-05",
    "2024-1-5",
    "2024-02-30",
    "0000-01-01",
    "2024-01-05 10:00:00",
    "2024-01-05T10:00:00Z",
    "true",
    "True",
    "TRUE",
    "tRue",
    "false",
    "null",
    "Null",
    "nULL",
    "~",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "<<",
    "=",
    "12:30",
    "319-III",
    "45-НҚ",
    "2cff3fe0",
    "9" * 30,
    "1 жыл",
    "10.",
    "1.2.3",
    "-",
    "+",
    ".",
    "2024-01-05x",
]


@pytest.mark.parametrize("value", SCALARS)
def test_a_plain_scalar_reads_as_the_round_trip_loader_reads_it(value):
    _same_scalar(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-+._:eEoxbTZtn ~aNIfl", min_size=1, max_size=14))
def test_any_number_like_scalar_reads_as_the_round_trip_loader_reads_it(value):
    _same_scalar(value.strip() or "0")


@pytest.mark.parametrize(
    "text", ["a: <<\n", "a: =\n", "<<: x\n", "a:\n- =\n", "a: -_\n", "a: 0x__\n"]
)
def test_a_plain_scalar_that_is_no_data_is_a_positioned_problem(text):
    """``<<`` and ``=`` resolve to types the loader cannot make (merge, value), and ruamel.yaml
    cannot make an integer of ``-_`` or ``0x__`` (no digit): each was a crash of the loader
    (KeyError, IndexError), and is now a problem at its line and column."""
    source, problems = load.parse(text.encode("utf-8"), "f.yaml")
    assert source is None and problems
    assert problems[0].location.path == "f.yaml" and problems[0].location.line in (1, 2)
    assert "tag" not in str(problems[0])  # no tag was written: not "explicit YAML tag"


def test_a_silenced_rule_is_named_with_ascii_digits():
    data = load.plain(_seed_data())
    data["silence"] = [{"rule": "DLO1٠١", "reason": "Arabic-Indic digits"}]
    assert _both("Regulation", data) == (None, None)
    data["silence"] = [{"rule": "DLO101", "reason": "ASCII"}]
    assert all(found is not None for found in _both("Regulation", data))


def _same_scalar(value: str) -> None:
    from dlo_docs import yaml_limits, yaml_rt, yamlc

    if plain_scalars.kind(value) in ("merge", "value"):
        with pytest.raises(yamlc.Unusual):
            plain_scalars.resolve(value)
        return
    if plain_scalars.kind(value) == "int" and re.fullmatch(
        yaml_limits._NO_DIGIT, value
    ):  # ruamel's constructor fails on it
        _, problems = load.parse(f"a: {value}\n".encode(), "f.yaml")
        assert [(p.code, p.location.line, p.location.col) for p in problems] == [("DLO013", 1, 4)]
        return

    def ruamel() -> Any:  # the resolver itself, as the round-trip loader asks it
        from ruamel.yaml.nodes import ScalarNode

        tag = yaml_rt._RT.resolver.resolve(ScalarNode, value, (True, False))
        return value if getattr(tag, "value", tag) == yaml_rt._STR else yaml_rt.RESOLVED(value)

    try:
        theirs: Any = ruamel()
    except ValueError as exc:
        theirs = type(exc)
    try:
        ours: Any = value if plain_scalars.is_string(value) else plain_scalars.resolve(value)
    except ValueError as exc:
        ours = type(exc)
    assert (type(ours), ours if ours == ours else "nan") == (
        type(theirs),
        theirs if theirs == theirs else "nan",
    )


ALONE = """
import sys
from dlo_docs import validator
assert validator.available(), "the shipped form is not used"
assert "pydantic_core._pydantic_core" in sys.modules, sorted(sys.modules)
assert not {"pydantic_core", "pydantic_core.core_schema", "typing_extensions"} & set(sys.modules)
core = sys.modules["pydantic_core._pydantic_core"]
assert core.__file__ and core.__version__  # as the package's own import gives them
import pydantic_core  # later, as the models import it: the same compiled module
assert pydantic_core.SchemaValidator is core.SchemaValidator
print("ok")
"""


FALLBACK = """
import sys
from importlib import machinery
# its file not found where it is looked for (the import system's own finders keep theirs)
machinery.EXTENSION_SUFFIXES[:] = [".not-there.so"]
from dlo_docs import validator
assert validator._load_core() is None
assert validator.available(), "the shipped form is not used"
assert "pydantic_core" in sys.modules  # the package was imported instead
print("ok")
"""


@pytest.mark.parametrize(
    "script",
    [ALONE, FALLBACK],
    ids=["the compiled module alone, the one the package takes later", "not found: the package"],
)
def test_pydantic_core_is_loaded_once_whichever_way(script):
    """In a fresh interpreter, as a command starts: pydantic-core's compiled module loaded from
    its file alone, or, when that is not found, through the package."""
    if not _made_for_this_pydantic():
        pytest.skip("the shipped form is made for another pydantic (not used)")
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.stdout.strip() == "ok", result.stderr
