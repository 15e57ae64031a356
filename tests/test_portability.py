"""The package on Windows, checked from here: no POSIX-only module is needed to import it, and the
lock goes through msvcrt there (a stand-in msvcrt records the calls)."""

from __future__ import annotations

import errno
import importlib.util
import sys
import types
from pathlib import Path

import pytest

from dlo_docs import fsio

FSIO = Path(fsio.__file__)


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte range locked by one holder at a time."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held_by_another = False
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((mode, nbytes))
        if mode == self.LK_NBLCK and self.held_by_another:
            raise OSError(errno.EACCES, "Permission denied")


def _windows_fsio(monkeypatch: pytest.MonkeyPatch, fake: FakeMsvcrt) -> types.ModuleType:
    """fsio imported as Windows would: sys.platform "win32", fcntl missing, msvcrt present."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` fails, as on Windows
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    spec = importlib.util.spec_from_file_location("dlo_docs.fsio_on_windows", FSIO)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lock_uses_msvcrt_on_windows_and_imports_without_fcntl(monkeypatch, tmp_path):
    fake = FakeMsvcrt()
    win = _windows_fsio(monkeypatch, fake)
    target = tmp_path / "journal.yaml"
    with win.locked(target, timeout=1):
        win.atomic_write(target, "a: 1\n")
    assert fake.calls == [(fake.LK_NBLCK, 1), (fake.LK_UNLCK, 1)]
    assert target.read_text() == "a: 1\n"


def test_a_lock_held_elsewhere_on_windows_times_out_clearly(monkeypatch, tmp_path):
    fake = FakeMsvcrt()
    win = _windows_fsio(monkeypatch, fake)
    fake.held_by_another = True
    with pytest.raises(win.LockTimeout, match="locked by another process"):
        with win.locked(tmp_path / "journal.yaml", timeout=0.2):
            raise AssertionError("the lock was taken while another process held it")
    assert {mode for mode, _ in fake.calls} == {fake.LK_NBLCK}  # tried, never unlocked


def test_no_module_of_the_package_imports_a_posix_only_module_at_the_top():
    """fcntl, pwd, grp, resource and termios do not exist on Windows: importing any of them at
    module level would make the package unimportable there."""
    posix_only = {"fcntl", "pwd", "grp", "resource", "termios"}
    offenders = []
    for path in Path(fsio.__file__).parent.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if line.startswith(("import ", "from ")) and words[1].split(".")[0] in posix_only:
                offenders.append(f"{path.name}:{number}: {line}")
    assert not offenders, offenders
