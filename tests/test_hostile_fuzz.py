"""Property-based tests (Hypothesis): the seed YAML mutated, random bytes, and random or mutated
DOCX parts fed to the loader and the importer. Whatever the input: a result or positioned
problems (the loader), a result or a ``DloError`` (the importer); never another exception, never
a hang (a deadline per example), never unbounded memory (a peak per example).

Example counts are kept small so the suite stays fast; raise them locally with
``HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlo_docs import load
from dlo_docs.errors import DloError
from dlo_docs.importer.source import read_text
from dlo_docs.importer.wordml import read_docx
from tests.conftest import REPO

settings.register_profile(
    "suite",
    max_examples=25,
    deadline=5000,  # ms: a hang or a blow-up fails, a slow shared machine does not
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples on every run: a failure is reproducible
)
settings.register_profile("long", parent=settings.get_profile("suite"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

SEED = (REPO / "regulations" / "dlo-head" / "regulation.yaml").read_bytes()
REGISTRY = (REPO / "regulations" / "registry.yaml").read_bytes()
MEMORY = 64 * 1024 * 1024  # bytes a single example may allocate at its peak


def _bounded(function, *args):
    tracemalloc.start()
    try:
        return function(*args)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < MEMORY, f"{peak} bytes at the peak"


def _loads_or_positions(raw: bytes, measure: bool = True) -> None:
    source, problems = _bounded(load.parse, raw, "f.yaml") if measure else load.parse(raw, "f.yaml")
    assert (source is None) == bool(problems)
    for problem in problems:
        assert problem.location.path == "f.yaml" and problem.location.line >= 1, problem
        assert problem.code.startswith("DLO0"), problem


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few bytes deleted, replaced or inserted (YAML's indicators are likely)."""
    data = bytearray(seed)
    alphabet = b" \t\n:-[]{}&*!|>'\"#%@`,?\\0123456789az\xff\xd0"
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "replace", "insert", "repeat"]))
        byte = draw(st.sampled_from(alphabet))
        if action == "delete" and at < len(data):
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "replace" and at < len(data):
            data[at] = byte
        elif action == "insert":
            data[at:at] = bytes([byte]) * draw(st.integers(1, 3))
        else:
            data[at:at] = bytes([byte]) * draw(st.integers(1, 300))
    return bytes(data)


# whole files: fewer examples, and memory measured on the small inputs below (tracing the
# allocations of a whole file's parse costs seconds per example)
@settings(max_examples=12)
@given(mutated(SEED))
def test_the_seed_regulation_mutated_never_crashes_the_loader(raw):
    _loads_or_positions(raw, measure=False)


@settings(max_examples=12)
@given(mutated(REGISTRY))
def test_the_registry_mutated_never_crashes_the_loader(raw):
    _loads_or_positions(raw, measure=False)


@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_the_loader(raw):
    _loads_or_positions(raw)


@given(st.text(alphabet="[]{}:,-&*!|> \n\tab0'\"", max_size=2000))
def test_random_yaml_punctuation_never_crashes_the_loader(text):
    _loads_or_positions(text.encode("utf-8"))


def _import(raw: bytes, reader) -> None:
    try:
        result = _bounded(reader, raw, "input")
    except DloError as exc:
        assert exc.problems and all(p.code.startswith("DLO5") for p in exc.problems), exc
        return
    assert result.path == "input"


@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_the_text_importer(raw):
    _import(raw, read_text)


@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_the_docx_importer(raw):
    _import(raw, read_docx)


def _docx(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def real_docx(tmp_path_factory) -> dict[str, bytes]:
    """The parts of the seed rendered as DOCX by dlo itself."""
    from dlo_docs import api
    from dlo_docs.project import Project

    out = tmp_path_factory.mktemp("docx")
    api.render(Project(REPO), formats=["docx"], out=out)
    with zipfile.ZipFile(Path(out) / "dlo-head.kk.docx") as z:
        return {name: z.read(name) for name in z.namelist()}


_PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "docProps/core.xml"]
_XML = st.text(alphabet='<>/="wpPrtnumIdlvl:x 0123456789&;#!-[]?', max_size=600)


@given(part=st.sampled_from(_PARTS), xml=_XML)
def test_random_docx_parts_never_crash_the_importer(real_docx, part, xml):
    parts = dict(real_docx)
    parts[part] = xml.encode("utf-8")
    _import(_docx(parts), read_docx)


@given(part=st.sampled_from(_PARTS), data=st.data())
def test_mutated_docx_parts_never_crash_the_importer(real_docx, part, data):
    parts = dict(real_docx)
    parts[part] = data.draw(mutated(parts.get(part, b"<x/>")))
    _import(_docx(parts), read_docx)
