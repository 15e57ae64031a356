"""Start-up: a command imports only what it needs. ``dlo --version`` imports nothing of the
library; ``dlo --help`` and ``dlo status`` import no renderer, no python-docx, no Jinja2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

HEAVY = (
    "docx",
    "lxml",
    "jinja2",
    "dlo_docs.render.docx",
    "dlo_docs.render.html",
    "dlo_docs.site",
    "dlo_docs.diff",
    "dlo_docs.comparison",
)

PROBE = """
import json, sys
sys.argv = ["dlo", *json.loads(sys.argv[1])]
from dlo_docs.entry import run
try:
    run()
except SystemExit:
    pass
print("MODULES " + json.dumps(sorted(sys.modules)))
"""


def modules_after(args: list[str], cwd: Path) -> tuple[set[str], str]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    out, _, listed = result.stdout.rpartition("MODULES ")
    return set(json.loads(listed)), out + result.stderr


def test_version_imports_nothing_of_the_library(project):
    modules, out = modules_after(["--version"], project)
    assert out.strip() == f"dlo, version {metadata.version('dlo_docs')}"
    assert not {m for m in modules if m.startswith(("dlo_docs.cli", "click", "pydantic"))}


@pytest.mark.parametrize("args", [["--help"], ["status"], ["status", "dlo-head"]])
def test_help_and_status_import_no_renderer(project, args):
    modules, out = modules_after(args, project)
    assert "dlo-head" in out or "Usage" in out, out
    heavy = sorted(m for m in modules if m.startswith(HEAVY))
    assert not heavy, heavy


# what only a command's work needs: the data model, YAML, the workflow, lint, signatures, files
LIBRARY = (
    "pydantic",
    "ruamel",
    "yaml",
    "cryptography",
    "asn1crypto",
    "dlo_docs.model",
    "dlo_docs.load",
    "dlo_docs.project",
    "dlo_docs.workflow",
    "dlo_docs.acquaintance",
    "dlo_docs.lint",
    "dlo_docs.signing",
    "dlo_docs.fsio",
    "dlo_docs.render",
)


@pytest.mark.parametrize("args", [["--help"], ["acknowledge", "--help"], ["agree", "--help"]])
def test_help_imports_the_command_line_only(project, args):
    """Help is printed from the command definitions alone: no module of the library, no
    pydantic, no YAML parser (``dlo --help`` in about 50 ms of CPU, most of it Python and
    click)."""
    modules, out = modules_after(args, project)
    assert "Usage" in out, out
    loaded = sorted(m for m in modules if m.startswith(LIBRARY))
    assert not loaded, loaded


def test_each_command_is_defined_by_the_module_the_list_names():
    """The list of which module defines which command (read before any is imported) is what
    the modules define: every module of the command line that defines a command is in it, each
    command under its own module, and none is missing or left over."""
    import importlib
    import pkgutil

    from dlo_docs import cli

    defined = {}
    for info in pkgutil.iter_modules(cli.__path__):
        importlib.import_module(f"dlo_docs.cli.{info.name}")
    for name, command in cli.main.commands.items():
        defined[name] = command.callback.__module__.rpartition(".")[2]
    assert cli.main.lazy == defined
    assert cli.all_commands() is cli.main


@pytest.mark.parametrize(
    ("args", "own"),
    [
        (["render", "dlo-head", "--format", "docx", "--out", "out"], {"core"}),
        (["status"], {"journal"}),
        (["site", "--help"], {"site"}),
    ],
)
def test_a_command_imports_its_own_module_of_the_command_line(project, args, own):
    modules, out = modules_after(args, project)
    assert "Traceback" not in out, out
    commands = {m.rpartition(".")[2] for m in modules if m.startswith("dlo_docs.cli.")}
    support = {"status_text", "once", "trust", "click_words"}  # (support of commands)
    assert commands - support == own, out


def test_a_mistyped_command_is_told_the_nearest_names(project):
    """Which command was meant is suggested from every command, not only the imported ones (in
    a process of its own: no other test has imported them)."""
    modules, out = modules_after(["rendr"], project)
    assert "No such command 'rendr'" in out and "render" in out.partition("'rendr'")[2], out


def test_the_command_line_offers_what_the_library_knows():
    from dlo_docs import api, create, sheets, site
    from dlo_docs import comparison as diff_api
    from dlo_docs.cli import core, new
    from dlo_docs.cli import diff as cli_diff
    from dlo_docs.cli import sheets as cli_sheets
    from dlo_docs.cli import site as cli_site
    from dlo_docs.entry import VERSION
    from dlo_docs.lint import output

    assert VERSION == metadata.version("dlo_docs")
    assert new.KINDS == create.KINDS
    assert core.REPORT_FORMATS == output.FORMATS
    assert core.OUTPUT_FORMATS == tuple(api.RENDERERS) == api.FORMATS
    assert (cli_diff.DRAFT, cli_diff.FORMATS) == (diff_api.DRAFT, diff_api.FORMATS)
    assert (cli_sheets.KINDS, cli_sheets.FORMATS) == (tuple(sheets.KINDS), sheets.FORMATS)
    assert (cli_site.DEFAULT_OUT, cli_site.DEFAULT_PORT) == (site.DEFAULT_OUT, site.DEFAULT_PORT)


# what rendering one DOCX does not need: signing (checked only by `dlo verify` and the writing
# commands), the HTML templating, the lint rules, the comparison, the checks of a project's own
# label set (the bundled project has none), the loading of a working text with its journal (an
# edition in force is printed from its journal and frozen edition), the matching of two texts
NOT_FOR_DOCX = (
    "dlo_docs.workflow.loading",
    "dlo_docs.placement",  # (difflib loads anyway when click parses a short option: -j)
    "cryptography",
    "asn1crypto",
    "jinja2",
    "dlo_docs.signing",
    "dlo_docs.workflow.signatures",
    "dlo_docs.workflow.commands",
    "dlo_docs.lint",
    "dlo_docs.render.html",
    "dlo_docs.comparison",
    "dlo_docs.label_check",
    "dlo_docs.label_dates",
    "xml.sax",  # (its escape brings urllib.request, http and ssl along)
    "http",
    "ssl",
    "multiprocessing",  # a render in this process alone starts no pool
    "concurrent",
)


def test_render_docx_imports_no_signing_and_no_html(in_force, tmp_path):
    """Rendering the edition in force (its journal replayed and checked, its frozen edition read)
    as DOCX loads neither cryptography nor Jinja2."""
    out = tmp_path / "out"
    args = ["render", "dlo-head", "--format", "docx", "--out", str(out), "-j", "1"]
    modules, text = modules_after(args, in_force)
    assert (out / "dlo-head.kk.docx").is_file(), text
    loaded = sorted(m for m in modules if m.startswith(NOT_FOR_DOCX))
    assert not loaded, loaded


def test_a_render_from_kept_snapshots_imports_no_advice_for_mistyped_names(in_force, tmp_path):
    """Its files kept as validated snapshots by a first render, a second reads no YAML and
    checks no schema: the advice for a mistyped name (``spelling``) is not loaded."""
    args = ["render", "dlo-head", "--format", "docx", "--out", str(tmp_path / "out"), "-j", "1"]
    modules_after(args, in_force)  # keeps the snapshots
    modules, text = modules_after(args, in_force)
    assert (tmp_path / "out" / "dlo-head.kk.docx").is_file(), text
    assert "dlo_docs.spelling" not in modules


@pytest.mark.parametrize("args", [["site", "build", "--no-pdf"], ["list"]])
def test_the_site_and_the_register_of_an_unsigned_project_import_no_signing(in_force, args):
    """A project whose registry requires no signatures and whose journals carry none: the site
    build and the register read it without the signing code, cryptography or the lint rules
    (the writing commands' checks)."""
    modules, text = modules_after(args, in_force)
    assert "Traceback" not in text, text
    assert "dlo-head" in text or (in_force / "public" / "index.html").is_file(), text
    loaded = sorted(
        m for m in modules if m.startswith(("cryptography", "dlo_docs.signing", "dlo_docs.lint"))
    )
    assert not loaded, loaded


@pytest.mark.parametrize(
    "args, said",
    [
        (["review", "dlo-head", "--by", "hr-head", "--result", "none"], "review of edition 1"),
        (["withdraw", "dlo-head", "--order", "9-НҚ", "--date", "2024-07-01"], "withdrawn"),
        (
            ["acknowledge", "dlo-head", "--name", "Қ. Сыртқы", "--position", "Сарапшы"],
            "1 acknowledged",
        ),
    ],
    ids=["review", "withdraw", "acknowledge"],
)
def test_a_decision_on_an_unsigned_journal_imports_no_signing_rules_or_round_trip_yaml(
    in_force, args, said
):
    """A review, a withdrawal or an acknowledgement recorded on an unsigned project (no
    signature to check or make) loads neither cryptography nor the lint rules (only a text moving
    forward is linted), and its journal append writes YAML without ruamel.yaml."""
    modules, text = modules_after(args, in_force)
    assert said in text, text
    signing = ("keys", "cms", "chain", "decisions", "pades")  # (registry: the policy, read)
    heavy = ("cryptography", "asn1crypto", "ruamel", "dlo_docs.lint")
    heavy += tuple(f"dlo_docs.signing.{name}" for name in signing)
    loaded = sorted(m for m in modules if m.startswith(heavy))
    assert not loaded, loaded


def test_the_site_build_does_not_load_its_server(in_force):
    """``dlo site build`` leaves ``http.server`` (``dlo site serve``'s) unloaded; the serve
    names are still ``dlo_docs.site``'s."""
    modules, text = modules_after(["site", "build", "--no-pdf"], in_force)
    assert (in_force / "public" / "index.html").is_file(), text
    assert not [m for m in modules if m in ("http.server", "dlo_docs.site.serve")]
    from dlo_docs import site
    from dlo_docs.site import serve

    assert (site.server, site.HOST, site.DEFAULT_PORT) == (serve.server, serve.HOST, 8000)
    with pytest.raises(AttributeError):
        site.no_such_name  # noqa: B018


# what a site build with nothing to render does not need: it tells so from the files' stamps and
# the manifest, so neither the model (pydantic), the templating, python-docx nor a renderer loads
NOT_FOR_AN_UNCHANGED_SITE = (
    "pydantic",
    "jinja2",
    "docx",
    "lxml",
    "dlo_docs.model",
    "dlo_docs.context",
    "dlo_docs.render.html",
    "dlo_docs.render.docx",
    "dlo_docs.render.pdf",
    "dlo_docs.comparison",
    "dlo_docs.site.collect",
)


def test_an_unchanged_site_build_loads_no_model_and_no_renderer(in_force):
    """A second ``dlo site build`` with nothing changed imports none of what rendering needs;
    once a template changed, the regulation is rendered again with it (the same command)."""
    args = ["site", "build", "--no-pdf"]
    modules, text = modules_after(args, in_force)
    assert "(1 rendered" in text, text
    assert "jinja2" in modules and "dlo_docs.render.docx" in modules
    modules, text = modules_after(args, in_force)
    assert "(0 rendered, 1 unchanged" in text, text
    below = tuple(f"{name}." for name in NOT_FOR_AN_UNCHANGED_SITE)
    loaded = sorted(m for m in modules if m in NOT_FOR_AN_UNCHANGED_SITE or m.startswith(below))
    assert not loaded, loaded
    template = in_force / "templates" / "html" / "site" / "base.html.j2"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- changed -->\n", "utf-8")
    modules, text = modules_after(args, in_force)
    assert "(1 rendered" in text, text
    assert "<!-- changed -->" in (in_force / "public" / "kk" / "dlo-head" / "index.html").read_text(
        encoding="utf-8"
    )


def test_one_malloc_arena_is_set_where_the_c_library_is_glibc():
    """``memory.one_arena`` sets glibc's arena limit (mallopt answers 1) and does nothing
    elsewhere."""
    import platform
    import sys

    from dlo_docs import memory

    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert memory.one_arena() is glibc
    # every other 64 KB block freed: free pages inside the heap, between blocks still held,
    # which free() alone never gives back (only a free top of the heap is)
    held = [bytearray(64 * 1024) for _ in range(400)]
    del held[::2]
    assert memory.trim() is glibc  # the free pages given back
    held.clear()  # (held until now: the blocks between the free ones)


class _NoTrim:
    """A C library with ``mallopt`` but no ``malloc_trim`` (musl has one, not the other)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def mallopt(self, *args):
        raise AssertionError("mallopt called on a C library that is not glibc")


def _no_library(*args, **kwargs):
    raise OSError("libc.so.6: cannot open shared object file")


@pytest.mark.parametrize(
    "platform, find, library",
    [
        ("darwin", None, _NoTrim),  # not Linux: the C library is not even looked for
        ("win32", None, _NoTrim),
        ("linux", lambda name: None, _no_library),  # no libc.so.6 (musl, Alpine)
        ("linux", lambda name: "libc.musl-x86_64.so.1", _NoTrim),
    ],
)
def test_the_allocator_settings_do_nothing_where_the_c_library_is_not_glibc(
    monkeypatch, platform, find, library
):
    """``one_arena`` and ``trim`` answer False and call nothing where glibc's functions are not
    there (another system, or another C library)."""
    import ctypes
    import ctypes.util
    import sys

    from dlo_docs import memory

    monkeypatch.setattr(sys, "platform", platform)
    if find is not None:
        monkeypatch.setattr(ctypes.util, "find_library", find)
    monkeypatch.setattr(ctypes, "CDLL", library)
    memory._libc.cache_clear()
    try:
        assert memory.one_arena() is False
        assert memory.trim() is False
    finally:
        memory._libc.cache_clear()  # the real C library for the tests after


def test_verify_still_checks_signatures(in_force):
    """The signing modules load where signatures are checked."""
    modules, text = modules_after(["verify", "dlo-head"], in_force)
    assert "dlo_docs.workflow.signatures" in modules, text


def test_the_workflow_exports_its_commands_when_first_used():
    """The writing commands are imported at their first use, and are the same functions."""
    import importlib

    from dlo_docs import workflow

    for name in workflow.__all__:
        value = getattr(workflow, name)
        assert value is not None, name
    for name, module in workflow._COMMANDS.items():
        real = importlib.import_module(f"dlo_docs.workflow.{module}")
        assert getattr(workflow, name) is getattr(real, name)
        assert name in workflow.__all__
    with pytest.raises(AttributeError):
        _ = workflow.no_such_command


def test_a_render_imports_no_python_docx_even_with_an_empty_cache(project, tmp_path, monkeypatch):
    """The first render, its cache empty, takes the built-in base shipped with the package and
    keeps it in the cache; the next reads it back: neither imports python-docx or lxml."""
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "cache"))
    args = ["render", "dlo-head", "--format", "docx", "--out", str(tmp_path / "out")]
    for _ in range(2):
        modules, text = modules_after(args, project)
        assert (tmp_path / "out" / "dlo-head.kk.draft.docx").is_file(), text
        loaded = sorted(
            m for m in modules if m.startswith(("docx", "lxml", "dlo_docs.render.docx.prepare"))
        )
        assert not loaded, loaded
        assert list((tmp_path / "cache" / "docx_base").iterdir()), text


def test_the_docx_escape_is_xml_sax_escape():
    from xml.sax.saxutils import escape

    from dlo_docs.render.docx import ooxml

    for text in ["", "a & b < c > d", "&amp;", "<w:t>", "]]>", "\"quoted\" 'single'", "Қ & ә <>"]:
        assert ooxml.escape(text) == escape(text)


# a command line, and whether it is answered before click is imported; it is only where click
# itself prints the version alone and succeeds
VERSION_LINES = [
    (["--version"], True),
    (["--root", "somewhere", "--version"], True),
    (["--root=somewhere", "--version"], True),
    (["--root=", "--version"], True),
    (["--no-cache", "--soffice", "/no/such/soffice", "--version"], True),
    (["--lang-ui", "kk", "--version"], True),
    (["--lang-ui=ru", "--root", ".", "--version"], True),
    (["--lang-ui", "xx", "--version"], False),  # refused by click before the version
    (["--lang-ui", "--version"], False),
    (["--root", "--version"], False),  # --version is the folder's name
    (["--root"], False),
    (["--no-cache=1", "--version"], False),
    (["--version", "status"], False),  # click prints the version: left to it
    (["--version", "--bogus"], False),
    (["--help", "--version"], False),
    (["-h", "--version"], False),
    (["status", "--version"], False),
    (["--bogus", "--version"], False),
    (["--", "--version"], False),  # click prints the version: left to it
    ([], False),
]


@pytest.mark.parametrize(("args", "quick"), VERSION_LINES)
def test_the_quick_version_answers_as_click_would(args, quick, tmp_path, monkeypatch):
    """``dlo --version`` is answered before click is imported, after global options too, and
    only where click itself would print the version alone and succeed."""
    from click.testing import CliRunner

    from dlo_docs import cli, entry, i18n

    assert entry.UI_LANGS == i18n.UI_LANGS
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.main, args)
    clicks = result.exit_code == 0 and result.output == f"dlo, version {entry.VERSION}\n"
    assert entry.asks_version(args) == quick
    assert quick <= clicks, result.output


def test_version_after_global_options_imports_nothing_of_the_library(project):
    modules, out = modules_after(["--root", str(project), "--no-cache", "--version"], project)
    assert out.strip() == f"dlo, version {metadata.version('dlo_docs')}"
    assert not {m for m in modules if m.startswith(("dlo_docs.cli", "click", "pydantic"))}
