"""``interrupts``: an interrupt that comes while one is held is raised when the hold ends, once,
in the main thread; a hold taken in another thread holds nothing."""

from __future__ import annotations

import threading

import pytest

from dlo_docs import interrupts


class Interrupted(Exception):
    pass


def _raise() -> None:
    raise Interrupted


def test_an_interrupt_while_held_is_raised_when_the_hold_ends():
    held = interrupts.hold()
    interrupts.handle(_raise)  # kept, not raised
    interrupts.handle(_raise)
    with pytest.raises(Interrupted):
        held.release()
    held.release()  # once
    with pytest.raises(Interrupted):
        interrupts.handle(_raise)  # no hold: at once


def test_a_hold_released_with_nothing_pending_raises_nothing():
    held = interrupts.hold()
    held.release()
    with pytest.raises(Interrupted):
        interrupts.handle(_raise)


def test_the_innermost_hold_keeps_it_and_the_outer_still_holds():
    outer, inner = interrupts.hold(), interrupts.hold()
    interrupts.handle(_raise)
    with pytest.raises(Interrupted):
        inner.release()
    interrupts.handle(_raise)  # the outer hold still holds
    with pytest.raises(Interrupted):
        outer.release()


def test_a_hold_in_another_thread_holds_nothing():
    found: list[BaseException | None] = []

    def other() -> None:
        held = interrupts.hold()
        try:
            interrupts.handle(_raise)
            found.append(None)
        except Interrupted as exc:
            found.append(exc)
        held.release()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert isinstance(found[0], Interrupted)


def test_holding_keeps_an_interrupt_for_the_end_of_its_block():
    done = []
    with pytest.raises(Interrupted):
        with interrupts.holding():
            interrupts.handle(_raise)  # kept: the block goes on
            done.append("the clean-up")
    assert done == ["the clean-up"]
    with pytest.raises(Interrupted):
        interrupts.handle(_raise)  # the hold has ended


@pytest.mark.parametrize("handler", ["_terminated", "_again"])
def test_a_forked_worker_given_sigterm_ends_as_by_default(monkeypatch, handler):
    """In a worker forked from the command, SIGTERM, first or again, is given its default
    effect (the worker ends at once); nothing is held or raised there."""
    import os
    import signal

    from dlo_docs import cli

    calls: list[tuple] = []
    monkeypatch.setattr(cli, "_MAIN", [os.getpid() + 1])  # this process is not the command's
    monkeypatch.setattr(cli.signal, "signal", lambda *args: calls.append(("signal", *args)))
    monkeypatch.setattr(cli.os, "kill", lambda *args: calls.append(("kill", *args)))
    getattr(cli, handler)(signal.SIGTERM, None)
    assert calls == [
        ("signal", signal.SIGTERM, signal.SIG_DFL),
        ("kill", os.getpid(), signal.SIGTERM),
    ]


def test_in_the_command_a_second_sigterm_does_nothing_more(monkeypatch):
    import os
    import signal

    from dlo_docs import cli

    calls: list[tuple] = []
    monkeypatch.setattr(cli, "_MAIN", [os.getpid()])
    monkeypatch.setattr(cli.os, "kill", lambda *args: calls.append(("kill", *args)))
    cli._again(signal.SIGTERM, None)
    assert calls == []
