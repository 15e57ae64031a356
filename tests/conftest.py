"""Shared fixtures: a throw-away copy of the bundled project, the CLI run in-process, and
project states prepared once per session (see ``prepared``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import math
import os
import re
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dlo_docs import i18n, usercache
from dlo_docs.cli import run as cli_run
from dlo_docs.workflow import dates

REPO = Path(__file__).resolve().parent.parent


# a problem's severity word as its line says it in each interface language ("error" in English,
# what editors and CI parse)
ERROR = {"en": "error", "kk": "қате", "ru": "ошибка"}
WARNING = {"en": "warning", "kk": "ескерту", "ru": "предупреждение"}


def severity_said(line: str, lang: str) -> str:
    """``line`` (a problem's, or its start: ``19:16: error DLO001``) with its severity word as
    the interface language ``lang`` says it."""
    words = {"error": ERROR[lang], "warning": WARNING[lang]}
    return re.sub(r"\b(error|warning)(?= DLO\d)", lambda m: words[m[1]], line)


def tool(name: str):
    """The module of ``tools/<name>.py`` (the tools are scripts, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"{name}_tool", REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEED = Path(__file__).resolve().parent / "fixtures" / "seed" / "job-instruction-dlo-head.kk.txt"
SHARED_SEED = REPO.parent / "shared" / "seed" / SEED.name
FIXTURES = Path(__file__).resolve().parent / "fixtures"


ORG_TIMEZONE = "+05:00"  # the bundled registry's organisation.timezone


def organisation_today() -> dt.date:
    """The organisation's calendar day, which the commands date their acts by (``+05:00``): not
    this computer's (``dt.date.today()``), which is the day before from 19:00 UTC."""
    return dates.today(ORG_TIMEZONE)


@contextlib.contextmanager
def on_day(day: str):
    """Run the commands inside as on ``day`` (``DLO_TODAY``): a history told in the past, so
    that an order dated ``day`` follows the submission and agreements it approves."""
    before = os.environ.get("DLO_TODAY")
    os.environ["DLO_TODAY"] = day
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DLO_TODAY", None)
        else:
            os.environ["DLO_TODAY"] = before


# what the repository ships in regulations/: a regulation made in the clone beside them (the
# README's walk-through, hr-head, is done "in the clone itself"; an import tried there) is not the
# bundled project, and copied into every test's project it failed the tests that count its outputs
BUNDLED = frozenset({"registry.yaml", "dlo-head"})


def bundled_regulations(*patterns: str) -> Callable[[str, list[str]], set[str]]:
    """An ``ignore`` for ``shutil.copytree(REPO / "regulations", …)``: the bundled registry and
    regulations only, without locks and without the names matching ``patterns``."""
    inner = shutil.ignore_patterns("*.lock", *patterns)
    top = os.path.normcase(os.path.abspath(REPO / "regulations"))

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = set(inner(folder, names))
        if os.path.normcase(os.path.abspath(folder)) == top:
            skipped |= {name for name in names if name not in BUNDLED}
        return skipped

    return ignore


def _bundled_copy(root: Path) -> Path:
    """The bundled project's regulations (without their workflow records) and templates."""
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=bundled_regulations("editions", "journal.yaml"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def day_window(value: str | None) -> dt.timedelta:
    """How close to the organisation's midnight a run waits for it (``before_the_day_turns``):
    ``DLO_TEST_DAY_WINDOW`` minutes (unset or empty: 20; 0: never waits). Anything but a number
    of minutes, 0 or more, is a usage error naming it (it was a traceback importing this file,
    or, negative, a window never open)."""
    try:
        minutes = float(value) if value and value.strip() else 20.0
    except ValueError:
        minutes = math.nan
    if not 0 <= minutes <= 24 * 60:
        raise pytest.UsageError(
            f"DLO_TEST_DAY_WINDOW={value!r}: give the minutes before the organisation's midnight "
            "a run waits for it, 0 to 1440 (0: never waits)"
        )
    return dt.timedelta(minutes=minutes)


def before_the_day_turns(now: dt.datetime, window: dt.timedelta) -> float:
    """Seconds until the organisation's day turns (midnight at ``+05:00``, 19:00 UTC) when it
    turns within ``window`` of ``now``, else 0. The tests date acts by the day they take for
    today, many of them once for a module (a session's prepared projects, a module's dates): in
    a run the day turned in, those dates fell on the day before the commands' (~70 failed)."""
    here = now.astimezone(dates.zone(ORG_TIMEZONE))
    midnight = dt.datetime.combine(here.date() + dt.timedelta(days=1), dt.time(), here.tzinfo)
    left = (midnight - here).total_seconds()
    return left + 1 if left <= window.total_seconds() else 0.0


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C as a terminal's shell gives it: a suite started in the background of a script
    (``./test.sh &``, ``nohup``) inherits SIGINT ignored, and so would every command a test
    interrupts with it (in each worker too: this runs there as well). And a run that would see
    the organisation's day turn starts after it has turned (``before_the_day_turns``; in the
    run's own process, not again in each worker: the workers start after it)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    window = day_window(os.environ.get("DLO_TEST_DAY_WINDOW"))
    wait = (
        0.0
        if hasattr(config, "workerinput")
        else before_the_day_turns(dt.datetime.now(dt.UTC), window)
    )
    if wait:
        minutes = f"{wait / 60:.0f} min"
        print(  # noqa: T201  # before pytest's reporter exists
            f"the organisation's day (+05:00) turns in {minutes}: the tests date acts by one "
            f"day, so the run starts after it (DLO_TEST_DAY_WINDOW=0 starts it now)",
            file=sys.stderr,
            flush=True,
        )
        time.sleep(wait)


def _module_of(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The order ``./test.sh`` hands whole modules to pytest-xdist's workers in (``--dist
    loadscope --no-loadscope-reorder``: a module's fixtures, some a LibreOffice run, are made
    once, not once per worker): the modules with slow tests (LibreOffice, a browser, a package
    build) first, then the others, larger first, so that the run ends with small modules and no
    worker waits long for the other. A module's tests stay together, in their own order."""
    slow = {_module_of(item) for item in items if item.get_closest_marker("slow")}
    size = Counter(_module_of(item) for item in items)
    items.sort(key=lambda item: (_module_of(item) not in slow, -size[_module_of(item)]))


@pytest.fixture(autouse=True, scope="session")
def _no_disk_flush():
    """``os.fsync`` does nothing in the test processes: what it buys (the bytes on the disk
    when the power fails) no test can observe, and each call waits for the disk, which on a
    shared machine is most of a workflow test's time. Atomic writes still go through a
    temporary file and a rename; the commands tests run as subprocesses flush as always."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture(autouse=True, scope="session")
def _key_files_opened_once():
    """A PKCS#12 key file, the same bytes with the same password, is opened once per test
    process (``signing_support.OpenedOnce``): each opening checks the RSA key again, and the
    signing tests open the same few files some hundred times. What fails to open is not kept
    and fails again; the commands tests run as subprocesses open their files as always."""
    from signing_support import OpenedOnce

    from dlo_docs.signing import keys

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "pkcs12", OpenedOnce(keys.pkcs12))
        yield


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The persistent cache (``DLO_CACHE_DIR``) of the test run is a folder of its own, shared
    by its tests and the commands they start, never the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLO_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "dlo-cache"))
        yield


@pytest.fixture(autouse=True)
def _private_cache(request, tmp_path_factory, monkeypatch):
    """Each test has a cache folder of its own (made when first written), so no test reads the
    PDFs another kept; a fixture of a wider scope has the run's (``_own_cache``)."""
    name = hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:16]
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "dlo-tests" / name))
    monkeypatch.delenv("DLO_NO_CACHE", raising=False)
    usercache.disable(False)  # as an earlier in-process ``dlo --no-cache`` may have left it
    i18n.use("en")  # as an earlier in-process ``dlo --lang-ui kk`` may have left it


@pytest.fixture(autouse=True)
def _fast_tier_runs_no_libreoffice(request, tmp_path_factory, monkeypatch):
    """A test not marked ``slow`` finds on PATH a LibreOffice that fails at once, so a test
    that runs the real one without the marker fails in the fast tier instead of slowing it
    (a test's own stand-in, given by ``DLO_SOFFICE``, still runs; the developer's own
    ``DLO_SOFFICE``, which would be found before PATH, is not passed on). A LibreOffice chosen
    by an earlier in-process ``dlo --soffice PATH`` is forgotten before every test."""
    chosen = sys.modules.get("dlo_docs.render.soffice")
    if chosen is not None:
        chosen.use_soffice(None)
    if request.node.get_closest_marker("slow") is not None or os.name == "nt":
        return
    monkeypatch.delenv("DLO_SOFFICE", raising=False)
    guard = tmp_path_factory.getbasetemp() / "no-libreoffice"
    if not guard.is_dir():
        guard.mkdir(exist_ok=True)
        for name in ("soffice", "libreoffice"):
            script = guard / name
            script.write_text(
                "#!/bin/sh\necho 'this test runs LibreOffice: mark it @pytest.mark.slow' >&2\n"
                "exit 97\n",
                encoding="utf-8",
            )
            script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{guard}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (regulations and templates) in a temporary folder."""
    return _bundled_copy(tmp_path / "proj")


def let_approve(project: Path, *positions: str) -> None:
    """The registry's ``organisation.approvers`` set to ``positions`` (none: the list removed, any
    position approves; DLO124), for tests whose regulations another official than the rector
    approves."""
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    assert text.count("  approvers: [rector]\n") == 1
    listed = f"  approvers: [{', '.join(positions)}]\n" if positions else ""
    registry.write_text(text.replace("  approvers: [rector]\n", listed), encoding="utf-8")


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """The bundled project as shipped, its journal and frozen edition included: the seed in force
    as edition 1 by order № 0000-ҮЛГІ (``project`` is the same without them: a draft)."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    return root


@dataclass
class Result:
    code: int
    out: str
    err: str


def _run_cli(args: tuple[str, ...], cwd: Path) -> Result:
    """``dlo ARGS...`` in-process with its own output capture and working folder (for set-up done
    outside a test, where capsys and monkeypatch are not available)."""
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_argv, old_lang = os.getcwd(), sys.argv, os.environ.get("DLO_UI_LANG")
    try:
        os.environ["DLO_UI_LANG"] = "en"  # as the ``dlo`` fixture: messages in English
        os.chdir(cwd)
        sys.argv = ["dlo", *map(str, args)]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli_run()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(old_cwd)
        sys.argv = old_argv
        if old_lang is None:
            os.environ.pop("DLO_UI_LANG", None)
        else:
            os.environ["DLO_UI_LANG"] = old_lang
    return Result(code, out.getvalue(), err.getvalue())


def _session_dlo(*args: str, cwd: Path | None = None) -> Result:
    return _run_cli(args, cwd if cwd is not None else Path.cwd())


@pytest.fixture(scope="session")
def prepared(tmp_path_factory) -> Callable[[str, Callable[..., object]], Path]:
    """``prepared(name, make)``: the project state ``make(dlo, project)`` builds from a copy of
    the bundled project (e.g. the seed taken through submit → agree → approve), built ONCE per
    test session and kept read-only; use ``copy_of`` to give each test its own copy, so tests stay
    isolated while the workflow is replayed once instead of once per test. Under pytest-xdist the
    workers share each state: the first to need it builds it, under a lock, and the others wait
    for it (the run's folder above the workers' own holds it)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    built: dict[str, Path] = {}

    def state(name: str, make: Callable[..., object]) -> Path:
        if name not in built:
            built[name] = _build_once(shared / "prepared" / name, make)
        return built[name]

    return state


def _build_once(folder: Path, make: Callable[..., object]) -> Path:
    """The state ``make`` builds in ``folder``, unless another worker of this run built it."""
    from dlo_docs.fsio import locked

    root, done = folder / "proj", folder / "built"
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder / "building", timeout=600):
        if not done.exists():
            shutil.rmtree(root, ignore_errors=True)  # what a failed attempt left
            make(_session_dlo, _bundled_copy(root))
            done.touch()
    return root


def copy_of(state: Path, tmp_path: Path) -> Path:
    """A test's own copy of a prepared project state (at the same place ``project`` would be)."""
    root = tmp_path / "proj"
    shutil.copytree(state, root, ignore=shutil.ignore_patterns("*.lock"))
    return root


@pytest.fixture
def prepared_copy(prepared, tmp_path: Path) -> Callable[[str, Callable[..., object]], Path]:
    """``prepared_copy(name, make)``: this test's own copy of the prepared state ``name``."""

    def copy(name: str, make: Callable[..., object]) -> Path:
        return copy_of(prepared(name, make), tmp_path)

    return copy


@pytest.fixture
def in_force(prepared_copy) -> Path:
    """The bundled project with the seed in force as edition 1 (submit, four agreements, approval
    by order 45-НҚ of 2024-06-03): ``workflow_support.to_in_force`` with its defaults."""
    from workflow_support import to_in_force

    return prepared_copy("in-force", to_in_force)


@pytest.fixture
def dlo(capsys, monkeypatch):
    """Run ``dlo ARGS...`` in-process through the real entry point; returns exit code and output."""

    monkeypatch.setenv("DLO_UI_LANG", "en")  # messages as the tests read them; see test_i18n.py

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["dlo", *map(str, args)])
        capsys.readouterr()
        try:
            cli_run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def seed_lines() -> list[str]:
    """The seed's non-empty lines, whitespace-normalised, with a clause number standing alone on
    its line ("16.") joined to the text that follows it."""
    lines = [" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].rstrip(".").isdigit() and joined[-1].endswith("."):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
