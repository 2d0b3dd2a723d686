"""Waking a caller blocked on the portal: through a pipe while one is spare, else a lock.

A pipe is the faster wake-up: writing to it lets go of the GIL before the caller wakes,
so the caller runs at once; releasing a lock wakes it while the loop thread still holds
the GIL, and the caller sleeps again until the loop thread idles. Pipes cost file
descriptors, so at most ``MAX_PIPES`` exist, lent to one call at a time; callers beyond
that (many threads at once) wait on a lock.
"""

from __future__ import annotations

import contextlib
import functools
import os
import select
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["MAX_PIPES", "Wakeup", "borrow", "give_back"]

MAX_PIPES = 16


class Wakeup(Protocol):
    def set(self) -> None:
        """Wake the waiter (from any thread); extra calls are harmless."""

    def wait_until(self, finished: Callable[[], bool], timeout: float | None = None) -> bool:
        """Sleep until ``finished()``, interruptible by signals (Ctrl-C); False if
        ``timeout`` seconds passed first. A wake-up left over from an earlier call
        is skipped."""


class PipeWakeup:
    def __init__(self) -> None:
        self._getpid = os.getpid  # still at hand in __del__ at interpreter exit
        self._pid = os.getpid()
        self._closers: tuple[Callable[[], object], ...] = ()
        if os.name == "posix":
            reader, writer = os.pipe()
            self._closers = (
                functools.partial(os.close, reader),
                functools.partial(os.close, writer),
            )
            os.set_blocking(writer, False)
            self._waitable: Any = reader
            self._send = functools.partial(os.write, writer, b"\0")
            self._drain = functools.partial(os.read, reader, 64)
        else:  # Windows' select() takes sockets only
            receiver, sender = socket.socketpair()
            self._closers = (receiver.close, sender.close)
            sender.setblocking(False)
            self._waitable = receiver
            self._send = functools.partial(sender.send, b"\0")
            self._drain = functools.partial(receiver.recv, 64)

    @property
    def inherited(self) -> bool:
        return self._pid != self._getpid()

    def set(self) -> None:
        if self.inherited:  # a forked copy of the loop thread: these descriptors are not ours
            return
        with contextlib.suppress(OSError):  # full of unread wake-ups: one more changes nothing
            self._send()

    def wait_until(self, finished: Callable[[], bool], timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not finished():
            if deadline is not None and not self._readable(deadline - time.monotonic()):
                return False
            self._drain()
        return True

    def _readable(self, timeout: float) -> bool:
        if timeout <= 0:
            return False
        if hasattr(select, "poll"):  # select() cannot watch descriptors past 1023
            poller = select.poll()
            poller.register(self._waitable, select.POLLIN)
            return bool(poller.poll(timeout * 1000))
        return bool(select.select([self._waitable], [], [], timeout)[0])

    def __del__(self) -> None:
        if not self.inherited:
            for close in self._closers:
                close()


class LockWakeup:
    """For one call only: a lock the loop thread releases."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()

    def set(self) -> None:
        with contextlib.suppress(RuntimeError):  # already released
            self._lock.release()

    def wait_until(self, finished: Callable[[], bool], timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not finished():
            wait = -1 if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._lock.acquire(timeout=wait):
                return False
        return True


# No lock around the pool: a signal handler's call could run while its own thread held
# it. ``list.pop`` and ``append`` are atomic, with the GIL and without it.
_idle: list[PipeWakeup] = []
_tickets = list(range(MAX_PIPES))  # one popped for each pipe made (or tried)


def borrow() -> Wakeup:
    """A wake-up for one call: an idle pipe, a new one while fewer than ``MAX_PIPES``
    exist, or a lock."""
    with contextlib.suppress(IndexError):
        return _idle.pop()
    try:
        _tickets.pop()
    except IndexError:
        return LockWakeup()
    try:
        return PipeWakeup()
    except OSError:  # out of descriptors: this call waits on a lock instead
        return LockWakeup()


def give_back(wakeup: Wakeup) -> None:
    """Return a wake-up once its call is over (a late wake-up it may still receive is
    skipped by the next borrower)."""
    if isinstance(wakeup, PipeWakeup) and not wakeup.inherited:
        _idle.append(wakeup)


def _forget_parents_pipes() -> None:
    _idle.clear()  # the parent's: left open (closing them is the parent's business)
    _tickets[:] = range(MAX_PIPES)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_parents_pipes)
