"""Validated snapshots: a render reads back what it validated before (``dlo_docs.snapshots``),
as plain objects (``dlo_docs.lite``) without pydantic or a YAML parser, and writes the same
bytes as a render that parses and validates everything (``--no-cache``). An edited file has
other bytes, so it is never read from the snapshot of the bytes it had; an entry someone else
could have written, or that does not match its digest, is not read at all."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from test_signing_outputs import approved as approved  # the fixture: a signed edition
from test_startup import modules_after
from workflow_support import REG, edition_path, journal_path, reg_path

from dlo_docs import lite, load, model, snapshots, validator
from dlo_docs.canonical import content_hash
from dlo_docs.project import Project

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
PARSERS = ("pydantic", "pydantic_core", "ruamel", "yaml", "_ruamel_yaml")
MODEL = ("dlo_docs.model", "dlo_docs.model_types", "dlo_docs.yamlc", "dlo_docs.yaml_rt")


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def kept(cache: Path) -> list[Path]:
    folder = cache / "snapshot"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_the_lite_classes_are_the_models_and_read_back_as_they_dump(in_force):
    """Every model class has its plain twin, and a registry and a regulation read back from
    their tagged form dump, hash and answer as the pydantic models do."""
    strict = {
        name
        for name, value in vars(model).items()
        if isinstance(value, type) and issubclass(value, model.Strict) and value is not model.Strict
    }
    assert set(lite.CLASSES) == strict
    p = Project(in_force)
    for path, cls in [
        (p.registry_path, model.Registry),
        (edition_path(in_force, 1), model.Regulation),
    ]:
        source, problems = p.read(path)
        assert source is not None and not problems, problems
        validated, problems = load.validate(cls, source)
        assert validated is not None and not problems
        back = lite.build(lite.tagged(validated))
        assert type(back).__name__ == cls.__name__
        for mode in ("python", "json"):
            assert back.model_dump(mode=mode) == validated.model_dump(mode=mode)
    back = lite.build(lite.tagged(validated) | {lite.HASH: content_hash(validated)})
    assert content_hash(back) == content_hash(validated)
    assert back.main_lang == validated.main_lang
    assert [c.id for _, _, c in back.clauses()] == [c.id for _, _, c in validated.clauses()]
    with pytest.raises(lite.Unknown):
        lite.build({"$": "NoSuchModel"})
    with pytest.raises(lite.Unknown):
        lite.tagged({"$": "a key the form would read as a class"})


def test_a_second_render_imports_neither_pydantic_nor_a_yaml_parser(in_force, tmp_path):
    """The first render validates (with pydantic-core's compiled module, through the compiled
    validator: not pydantic's models, nor pydantic-core's typing helpers) and keeps; the second
    reads what it kept (the registry, the frozen edition and its cross-check, the journal's
    entries, the label set) and loads no pydantic, no PyYAML and no ruamel.yaml; with the caches
    off it validates again, and every run writes the same bytes."""
    args = ["render", REG, "--format", "docx", "--format", "html", "--out"]
    compiled = validator.available()  # else another pydantic than it was made for (its models)

    def validated_by_the_compiled_form(modules: set[str], text: str) -> None:
        assert not {"ruamel", "dlo_docs.yaml_rt"} & modules, text
        if compiled:
            assert "pydantic_core._pydantic_core" in modules, text
            assert not {"pydantic", "pydantic_core.core_schema"} & modules, text
            assert "dlo_docs.model" not in modules, text
        else:
            assert "dlo_docs.model" in modules, text

    first, text = modules_after([*args, str(tmp_path / "1")], in_force)
    validated_by_the_compiled_form(first, text)
    second, text = modules_after([*args, str(tmp_path / "2")], in_force)
    assert (tmp_path / "2" / f"{REG}.kk.docx").is_file(), text
    loaded = sorted(m for m in second if m.split(".")[0] in PARSERS or m in MODEL)
    assert not loaded, loaded
    off, text = modules_after(["--no-cache", *args, str(tmp_path / "3")], in_force)
    validated_by_the_compiled_form(off, text)
    assert outputs(tmp_path / "1") == outputs(tmp_path / "2") == outputs(tmp_path / "3")


def _import_corpus_document(dlo, root: Path) -> str:
    source = CORPUS / "jambyl-uptad-ereje.kk.lo.docx"
    if not source.is_file():
        pytest.skip(f"the corpus of real regulations is not beside the clone ({CORPUS})")
    result = dlo("import", source, "--id", "corpus", "--update-registry", cwd=root)
    assert result.code == 0, result.err
    return "corpus"


@pytest.mark.parametrize(
    "case",
    ["in force", "draft", "revision", "imported"],
    ids=["in-force", "draft", "revision", "imported"],
)
def test_outputs_are_byte_identical_with_and_without_snapshots(in_force, dlo, case):
    """DOCX and HTML of the bundled edition in force, of its working draft, of an open revision
    (the draft with its comparison table), and of a real document imported from Word (a draft
    of another organisation): the same bytes parsed and validated (``--no-cache``), on the run
    that keeps the snapshots, and on the run that reads them back."""
    project = in_force
    reg = _import_corpus_document(dlo, project) if case == "imported" else REG
    if case == "revision":
        result = dlo("revise", REG, "--by", "hr-head", "--reason", "Құқықтар", cwd=project)
        assert result.code == 0, result.err
        text = reg_path(project).read_text(encoding="utf-8")
        reg_path(project).write_text(text.replace("құқылы:", "құқығы бар:"), encoding="utf-8")
    draft = ["--draft"] if case in ("draft", "revision") else []
    runs = {}
    for name, no_cache in [("off", ["--no-cache"]), ("keeps", []), ("reads", [])]:
        result = dlo(*no_cache, "render", reg, *draft, "--format", "docx", "--format", "html", "--out", name,
                     cwd=project)  # fmt: skip
        assert result.code == 0, result.err
        runs[name] = outputs(project / name)
    assert runs["off"] and runs["off"] == runs["keeps"] == runs["reads"]
    comparisons = {name for name in runs["off"] if name.endswith(".comparison.docx")}
    assert comparisons == ({f"{REG}.kk.draft.comparison.docx"} if case == "revision" else set())
    assert kept(Path(os.environ["DLO_CACHE_DIR"]))


@pytest.mark.parametrize("case", ["in force", "revision", "draft broken", "edition edited"])
def test_status_and_list_read_the_same_with_and_without_snapshots(in_force, dlo, case):
    """``dlo status`` and ``dlo list`` read each draft and registry through their snapshots too:
    the same output, problems and exit code parsed and validated (``--no-cache``), on the run
    that keeps the snapshots and on the run that reads them back; a draft broken or an edition
    edited after they were kept is read anew and reported (DLO013, DLO606)."""
    project = in_force
    for args in (["status", "--format", "json"], ["list", "--format", "json"]):  # kept first
        assert dlo(*args, cwd=project).code == 0
    if case == "revision":
        assert dlo("revise", REG, "--by", "hr-head", "--reason", "Құқықтар", cwd=project).code == 0
        text = reg_path(project).read_text(encoding="utf-8")
        reg_path(project).write_text(text.replace("құқылы:", "құқығы бар:"), encoding="utf-8")
    elif case == "draft broken":
        text = reg_path(project).read_text(encoding="utf-8")
        reg_path(project).write_text(text.replace("edition: 1", "edition: 0", 1), encoding="utf-8")
    elif case == "edition edited":
        edition = edition_path(project, 1)
        text = edition.read_text(encoding="utf-8")
        edition.write_text(text.replace("Қостанай", "Қостанaй", 1), encoding="utf-8")
    for args in (["status", "--format", "json"], ["list", "--format", "json"]):
        runs = [dlo(*no_cache, *args, cwd=project) for no_cache in (["--no-cache"], [], [])]
        assert len({(r.code, r.out, r.err) for r in runs}) == 1, [r.err for r in runs]
    problems = runs[0].err + dlo("status", cwd=project).err
    expected = {"draft broken": "DLO013", "edition edited": "DLO606"}.get(case)
    assert (expected in problems) if expected else runs[0].code == 0, problems


def test_a_second_status_imports_neither_pydantic_nor_a_yaml_parser(in_force):
    first, text = modules_after(["status"], in_force)
    # with another pydantic than the compiled form was made for, its models validate
    assert ("pydantic" not in first) == validator.available(), text
    second, text = modules_after(["status"], in_force)
    assert f"{REG}" in text
    loaded = sorted(m for m in second if m.split(".")[0] in PARSERS or m in MODEL)
    assert not loaded, loaded


def test_a_signed_edition_renders_the_same_from_its_snapshots(approved, dlo):
    """An edition in force whose every decision is signed (the signatures checked on every
    render, as without snapshots): the same bytes with and without them."""
    root = approved
    runs = []
    for name, no_cache in [("off", ["--no-cache"]), ("keeps", []), ("reads", [])]:
        result = dlo(*no_cache, "render", REG, "--format", "docx", "--out", name, cwd=root)
        assert result.code == 0, result.err
        runs.append(outputs(root / name))
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_an_edition_edited_after_its_snapshot_is_refused(in_force, dlo):
    """The frozen edition was read and kept; edited since, its bytes name another entry: it is
    validated again, and its content hash is not the approved one (DLO606)."""
    assert dlo("render", REG, "--format", "docx", "--out", "before", cwd=in_force).code == 0
    edition = edition_path(in_force, 1)
    edition.write_text(
        edition.read_text(encoding="utf-8").replace("Қостанай", "Қостанaй", 1), encoding="utf-8"
    )
    result = dlo("render", REG, "--format", "docx", "--out", "after", cwd=in_force)
    assert result.code == 1
    assert "DLO606" in result.err
    assert not (in_force / "after").exists()  # nothing written, under any name


def test_a_forged_journal_is_not_read_from_the_snapshot_of_the_true_one(in_force, dlo):
    """The journal's entries were kept; a journal edited since is read and its chain checked
    anew: the edited event is named, nothing is rendered."""
    assert dlo("render", REG, "--format", "docx", "--out", "before", cwd=in_force).code == 0
    journal = journal_path(in_force)
    text = journal.read_text(encoding="utf-8")
    assert "45-НҚ" in text
    journal.write_text(text.replace("45-НҚ", "0001-ҮЛГІ"), encoding="utf-8")
    result = dlo("render", REG, "--format", "docx", "--out", "after", cwd=in_force)
    assert result.code == 1
    assert "DLO60" in result.err
    assert not (in_force / "after").exists()


def _plant(
    cache: Path, name: str, data: bytes, *, digest: bytes | None = None, mode=0o600, owner=None
):
    path = cache / "snapshot" / name
    head = digest if digest is not None else hashlib.sha256(data).hexdigest().encode() + b"\n"
    path.write_bytes(head + data)
    path.chmod(mode)
    if owner is not None:
        os.chown(path, owner, -1)


@pytest.mark.parametrize("defect", ["group-writable", "another owner", "wrong digest", "none"])
def test_a_planted_snapshot_for_edited_bytes_is_ignored(in_force, dlo, defect):
    """Someone edits the frozen edition and plants, for its new bytes, the true edition's
    snapshot (with the approved content hash, as validated and checked against the registry,
    and as validated only): an entry the user's own cache would not have written (writable by
    the group, another user's, or not matching its digest) is not read, the edited text is validated and
    refused (DLO606)."""
    # (with no defect, the plant is read, as the user's own entry: the names planted are those
    # looked up; the user's cache is as trusted as the user)
    cache = Path(os.environ["DLO_CACHE_DIR"])
    assert dlo("render", REG, "--format", "docx", "--out", "before", cwd=in_force).code == 0
    edition = edition_path(in_force, 1)
    true_raw = edition.read_bytes()
    registry_text = (in_force / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    true_name = snapshots._name("checked", true_raw, registry_text, REG)  # checked in its folder
    true_entry = (cache / "snapshot" / true_name).read_bytes()[65:]
    edited = true_raw.decode().replace("Қостанай", "Қостанaй", 1).encode()
    edition.write_bytes(edited)
    wrong = b"0" * 64 + b"\n" if defect == "wrong digest" else None
    mode = 0o620 if defect == "group-writable" else 0o600
    owner = None
    if defect == "another owner":
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            pytest.skip("only root can give a file to another user")
        owner = os.geteuid() + 4242
    for name in [
        snapshots._name("checked", edited, registry_text, REG),
        snapshots._name("regulation", edited),
    ]:
        _plant(cache, name, true_entry, digest=wrong, mode=mode, owner=owner)
    result = dlo("render", REG, "--format", "docx", "--out", "after", cwd=in_force)
    if defect == "none":
        assert result.code == 0, result.err
        return
    assert result.code == 1, result.out
    assert "DLO606" in result.err


@pytest.mark.parametrize(
    "kept",
    [[{"foo": 1}], [{"seq": "one"}], [[]], {"not": "a list"}, [None], "deep"],
    ids=["no-fields", "wrong-type", "a-list", "a-mapping", "null", "nested-300-deep"],
)
def test_journal_entries_of_the_wrong_shape_in_the_cache_are_a_miss(in_force, dlo, kept):
    """An entry under the journal's true name (so its digest matches) holding what no parse of
    a journal makes is not used: the journal is parsed, and the render is as without it (it
    was an internal error, KeyError)."""
    from dlo_docs import usercache
    from dlo_docs.workflow import journal as journal_module

    assert dlo("render", REG, "--format", "docx", "--out", "before", cwd=in_force).code == 0
    raw = journal_path(in_force).read_bytes()
    deep = kept == "deep"
    if deep:  # deeper than any parse makes (it was RecursionError, exit 3)
        true = snapshots.plain(journal_module._READING, raw)
        assert isinstance(true, list) and true
        nested: dict = {}
        for _ in range(300):
            nested = {"nested": nested}
        kept = [true[0] | {"signature": nested}, *true[1:]]
    name = snapshots._name("plain", journal_module._READING, raw)
    usercache.store("snapshot", name, json.dumps({"data": kept}).encode("utf-8"))
    found = snapshots.plain(journal_module._READING, raw)
    assert found == (None if deep else kept)  # read back as planted, but for the too deep
    result = dlo("render", REG, "--format", "docx", "--out", "after", cwd=in_force)
    assert result.code == 0, result.err
    assert outputs(in_force / "after") == outputs(in_force / "before")


def test_a_problem_found_through_a_snapshot_keeps_its_position(project, dlo):
    """The source of a file read from its snapshot is parsed only when a position is asked for:
    a text missing in a language is reported at the same file:line:col as without snapshots."""
    reg = project / "regulations" / REG / "regulation.yaml"
    reg.write_text(
        reg.read_text(encoding="utf-8").replace("languages: [kk]", "languages: [kk, ru]"),
        encoding="utf-8",
    )
    errors = []
    for no_cache in (["--no-cache"], [], []):
        result = dlo(*no_cache, "render", REG, "--draft", "--lang", "ru", "--format", "docx",
                     cwd=project)  # fmt: skip
        assert result.code == 1
        errors.append(result.err)
    assert "regulations/dlo-head/regulation.yaml:" in errors[0] and "DLO030" in errors[0]
    assert errors[0] == errors[1] == errors[2]


def test_nothing_is_kept_with_the_caches_off(in_force, dlo, monkeypatch):
    """``DLO_NO_CACHE``: nothing read or kept; the same bytes as the runs that keep and read."""
    project = in_force
    cache = Path(os.environ["DLO_CACHE_DIR"])
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    assert dlo("render", REG, "--format", "docx", "--out", "off", cwd=project).code == 0
    assert not kept(cache)
    monkeypatch.delenv("DLO_NO_CACHE")
    assert dlo("render", REG, "--format", "docx", "--out", "on", cwd=project).code == 0
    assert kept(cache)
    assert dlo("render", REG, "--format", "docx", "--out", "read", cwd=project).code == 0
    assert outputs(project / "off") == outputs(project / "on") == outputs(project / "read")


def test_the_snapshots_stay_within_their_bound(in_force, dlo, monkeypatch, tmp_path):
    """``DLO_SNAPSHOT_CACHE_MB`` bounds the folder: the least recently used entries go first, a
    link in it is neither followed nor removed, and a render after entries were removed reads
    its files again and writes the same bytes."""
    cache = Path(os.environ["DLO_CACHE_DIR"])
    outside = tmp_path / "outside.txt"
    outside.write_text("not the cache's", encoding="utf-8")
    (cache / "snapshot").mkdir(parents=True)
    (cache / "snapshot" / "link").symlink_to(outside)
    monkeypatch.setenv("DLO_SNAPSHOT_CACHE_MB", "0.02")  # ~20 KB: less than one regulation's
    runs = []
    for name in ("first", "second"):
        assert dlo("render", REG, "--format", "docx", "--out", name, cwd=in_force).code == 0
        runs.append(outputs(in_force / name))
        entries = [p for p in kept(cache) if not p.is_symlink()]
        assert sum(p.stat().st_size for p in entries) <= 0.02 * 1024 * 1024
    assert runs[0] == runs[1]
    assert outside.read_text(encoding="utf-8") == "not the cache's"
    assert (cache / "snapshot" / "link").is_symlink()


def test_a_second_render_of_a_revision_with_its_comparison_imports_no_parser(in_force, dlo):
    """An open revision's draft and its comparison table with the edition in force: the second
    render reads the draft, the edition, the journal and the label set from their snapshots."""
    result = dlo("revise", REG, "--by", "hr-head", "--reason", "Құқықтар", cwd=in_force)
    assert result.code == 0, result.err
    text = reg_path(in_force).read_text(encoding="utf-8")
    reg_path(in_force).write_text(text.replace("құқылы:", "құқығы бар:"), encoding="utf-8")
    args = ["render", REG, "--draft", "--format", "docx", "--out"]
    modules_after([*args, "first"], in_force)
    second, text = modules_after([*args, "second"], in_force)
    assert (in_force / "second" / f"{REG}.kk.draft.comparison.docx").is_file(), text
    assert not sorted(m for m in second if m.split(".")[0] in PARSERS or m in MODEL)
    assert outputs(in_force / "first") == outputs(in_force / "second")


def test_an_upgraded_library_names_other_entries(monkeypatch, tmp_path):
    """The code an entry is named by includes the versions of pydantic, PyYAML and ruamel.yaml:
    after an upgrade of any of them, nothing kept before is read."""
    snapshots._code.cache_clear()
    before = snapshots._code()
    assert before is not None
    real = snapshots._libraries
    for index in range(3):
        files = real()
        upgraded = tmp_path / f"{index}.py"
        upgraded.write_bytes(files[index].read_bytes() + b"\n# another version\n")
        files[index] = upgraded
        monkeypatch.setattr(snapshots, "_libraries", lambda files=files: files)
        snapshots._code.cache_clear()
        assert snapshots._code() not in (None, before)
    monkeypatch.setattr(snapshots, "_libraries", real)
    snapshots._code.cache_clear()
    assert snapshots._code() == before
    monkeypatch.setattr(snapshots.sys, "version", "3.99.0 (another Python)")
    snapshots._code.cache_clear()
    assert snapshots._code() not in (None, before)  # another interpreter: other entries too
    monkeypatch.undo()
    snapshots._code.cache_clear()


def test_every_method_of_a_model_is_its_plain_twins_too():
    """A regulation read from its snapshot answers what the model answers: a method or property
    of a model class is defined in a mixin of ``model_methods`` (which both inherit), never on
    the pydantic class alone, where a render from a snapshot would not find it."""
    from pydantic import BaseModel

    for name, twin in lite.CLASSES.items():
        cls = getattr(model, name)
        own = {n for n in dir(cls) if not n.startswith("_")} - set(dir(BaseModel))
        missing = sorted(own - set(cls.model_fields) - set(dir(twin)))
        assert not missing, f"{name}: {missing} (move them to a mixin of model_methods)"


def test_a_trusted_ca_replaced_after_the_snapshots_fails_the_signatures(approved, dlo):
    """The certificate files are named by no snapshot (the registry names their paths only):
    a render that reads the registry, the edition and the journal from their snapshots still
    checks every signature against the files as they are now, and refuses as without them."""
    from signing_support import make_ca

    root = approved
    assert dlo("render", REG, "--format", "docx", "--out", "before", cwd=root).code == 0
    (root / "keys" / "ca.pem").write_bytes(make_ca("Another CA", label="other-ca").pem)
    results = [
        dlo(*no_cache, "render", REG, "--format", "docx", "--out", name, cwd=root)
        for name, no_cache in [("reads", []), ("off", ["--no-cache"])]
    ]
    assert [r.code for r in results] == [1, 1]
    assert "DLO910" in results[0].err and results[0].err == results[1].err
    assert not (root / "reads").exists() and not (root / "off").exists()


def test_an_entry_nested_beyond_the_json_readers_depth_is_a_miss(monkeypatch):
    """An entry that matches its digest but is nested deeper than ``json`` reads (a
    RecursionError) is a miss, not an internal error, like any entry that does not read back."""
    deep = b"[" * 100_000 + b"]" * 100_000
    monkeypatch.setattr(snapshots.usercache, "load", lambda kind, name: deep)
    monkeypatch.setattr(snapshots.usercache, "enabled", lambda: True)
    assert snapshots.registry(b"registry") is None
    assert snapshots.plain("label set", b"labels") is None


def test_a_model_nested_as_deep_as_json_reads_is_a_miss(monkeypatch):
    """Read by ``json`` but nested deeper than building its objects goes: a miss too."""
    import sys

    depth = sys.getrecursionlimit() - 50
    deep = b'{"$":"Registry","x":' + b"[" * depth + b"]" * depth + b"}"
    monkeypatch.setattr(snapshots.usercache, "load", lambda kind, name: deep)
    monkeypatch.setattr(snapshots.usercache, "enabled", lambda: True)
    assert snapshots.registry(b"registry") is None
