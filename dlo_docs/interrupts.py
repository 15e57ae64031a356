"""Ctrl-C and SIGTERM held back while a program is being started, so that it is never left
running because the interrupt came between its start and the code that ends it.

The command line's handlers (``cli``) raise ``KeyboardInterrupt`` for Ctrl-C and ``SystemExit``
for SIGTERM, in the main thread, at whatever line it is on. Between ``subprocess.Popen``
returning and the ``try`` whose ``finally`` ends the program there are a few instructions: an
interrupt there left LibreOffice running (seen in the tests, on a loaded machine). So
``render.process_group.start`` holds them from before the start, and ``communicate``, the first
thing its caller's ``try`` does, releases them: one that came meanwhile is raised there, where the
``finally`` ends the program.

- ``hold() -> Held``: from now until ``release()``, an interrupt is recorded, not raised
  (in the main thread only: the handlers run there; elsewhere nothing is held).
- ``Held.release()``: stop holding; raise the first interrupt recorded meanwhile, as its handler
  would have.
- ``holding()``: a context held for its block (``hold`` on entry, ``release`` on exit), for a
  clean-up that an interrupt must not cut short: the group being ended, the runs being waited
  for once stopped. Pressed again then, Ctrl-C is raised once it is done, not in the middle,
  which left LibreOffice running.
- ``handle(raise_it)``: what a handler calls: ``raise_it`` is kept while held, else called.
- ``redelivering()``: a context (the command) in which an interrupt is never lost. A handler
  that runs inside a finalizer (``__del__``, a weakref callback) or in a C library's call to
  Python that cannot raise (pydantic-core formatting a pattern as it builds a validator) raises
  into code that drops the exception: Python printed "Exception ignored ..." and the command went
  on, with the handler done (a second interrupt is ignored), and once with a validator whose
  pattern was "<unprintable str object>": every id reported as wrong. Here such an interrupt is
  not printed but raised again at the next Python call of the main thread (a profile function,
  kept until Python code handles it), before the half-built object is used.
- ``recorded(file)``: the command's act is in ``file`` for good (its journal replaced); ``said``:
  what the command says as it ends interrupted, which is then not to run it again (a review or
  an acknowledgement run again is recorded twice), not that nothing was written.
- ``raised()``: the interrupt raised during the command, if any; ``reraise()`` raises it again.
  A library may turn it into its own exception (pydantic-core builds a ``SchemaError`` of it),
  which an ``except Exception`` catches: there, ``reraise()`` first.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .i18n import _

_HELD: list[Held] = []  # the holds of the main thread, innermost last
_RAISED: list[BaseException] = []  # the interrupt raised during the command (``raised``)
_HOOKS: list[Any] = []  # the unraisable hook ``redelivering`` replaced (empty: not in one)
_SAVED: list[Any] = []  # the profile and trace functions ``_arm`` replaced (empty: not armed)
_RECORDED: list[str] = []  # the files the command recorded its act in (``recorded``)


class Held:
    def __init__(self, active: bool) -> None:
        self.active = active
        self.pending: list[Callable[[], None]] = []
        if active:
            _HELD.append(self)

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        if self in _HELD:
            _HELD.remove(self)
        if self.pending:
            _raise(self.pending[0])


def hold() -> Held:
    return Held(threading.current_thread() is threading.main_thread())


@contextlib.contextmanager
def holding() -> Iterator[None]:
    """Held for the block; an interrupt meanwhile is raised as it ends."""
    held = hold()
    try:
        yield
    finally:
        held.release()


def handle(raise_it: Callable[[], None]) -> None:
    """Raise the interrupt now (``raise_it()``), or once the innermost hold ends."""
    if _HELD:
        _HELD[-1].pending.append(raise_it)
        return
    _raise(raise_it)


def _raise(raise_it: Callable[[], None]) -> None:
    """``raise_it()``, what it raises kept (``raised``; ``_dropped`` knows it)."""
    try:
        raise_it()
    except BaseException as exc:
        _RAISED[:] = [exc]
        raise


def recorded(file: str) -> None:
    """The command's act is recorded in ``file`` for good: an interrupt from now on comes after
    it (``said``)."""
    _RECORDED.append(file)


def said(terminated: bool) -> str:
    """What a command interrupted (Ctrl-C) or terminated (SIGTERM) says as it ends: nothing is
    half-written, run it again; or, once it recorded its act, that it did, not to run it again."""
    if not _RECORDED:
        if terminated:
            return _("Terminated: no file is half-written; run the command again.")
        return _("Interrupted: no file is half-written; run the command again.")
    where = ", ".join(dict.fromkeys(_RECORDED))
    if terminated:
        text = _("Terminated once {files} recorded the command's act: do not run it again")
    else:
        text = _("Interrupted once {files} recorded the command's act: do not run it again")
    return text.format(files=where) + " " + _("(dlo log shows what was recorded).")


def raised() -> BaseException | None:
    """The interrupt raised during the command (in ``redelivering``), else None."""
    return _RAISED[0] if _RAISED else None


def reraise() -> None:
    """Raise the interrupt raised during the command again, if there was one."""
    if _RAISED:
        raise _RAISED[0].with_traceback(None)


@contextlib.contextmanager
def redelivering() -> Iterator[None]:
    """For the block, an interrupt dropped or swallowed where its handler ran is raised again.
    (What the command recorded, ``recorded``, is kept until the next block.)"""
    _RAISED.clear()
    _RECORDED.clear()
    _HOOKS[:] = [sys.unraisablehook]
    sys.unraisablehook = _dropped
    try:
        yield
    finally:
        _disarm()
        if sys.unraisablehook is _dropped:
            sys.unraisablehook = _HOOKS[0]
        _HOOKS.clear()
        _RAISED.clear()


def _dropped(unraisable: Any) -> None:
    """The unraisable hook: our interrupt, dropped, is not printed but raised again (``_arm``);
    anything else goes to the hook there was."""
    if _RAISED and unraisable.exc_value is _RAISED[0]:
        _arm()
    else:
        _HOOKS[0](unraisable)


def _arm() -> None:
    """From now on, ``_again`` sees each call in the main thread (the profile function), and
    ``_rearm`` sets it again if Python unset it (the trace function)."""
    if _HOOKS and not _SAVED and threading.current_thread() is threading.main_thread():
        _SAVED[:] = [sys.getprofile(), sys.gettrace()]
        sys.setprofile(_again)
        sys.settrace(_rearm)


def _disarm() -> None:
    if _SAVED:
        profiler, tracer = _SAVED
        _SAVED.clear()
        sys.setprofile(profiler)
        sys.settrace(tracer)


def _rearm(frame: Any, event: str, arg: Any) -> None:
    """A profile function that raises is unset by Python: when ``_again`` raised into a function
    a library called (which swallowed it: pydantic-core building a validator), it is set again
    at the next call."""
    if _SAVED and sys.getprofile() is None:
        sys.setprofile(_again)


def _again(frame: Any, event: str, arg: Any) -> None:
    """Our interrupt was dropped: raised again at each call until Python code handles it (an
    ``except`` or a ``finally`` for it, or for an exception it led to: ``__context__``,
    ``__cause__``). Raised into a function a library called, it may be dropped again or made
    another exception, which an ``except Exception`` may swallow."""
    if event == "return" or frame.f_globals is globals():  # (frames unwinding; this module)
        return
    ours, handled = _RAISED[0], sys.exc_info()[1]
    if handled is ours:
        _disarm()
        return
    while handled is not None:
        if handled is ours:
            return
        handled = handled.__cause__ or handled.__context__
    raise ours.with_traceback(None)
