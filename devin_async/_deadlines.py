"""Total timeouts of long requests, kept by whole second rather than by a timer each."""

from __future__ import annotations

import asyncio
import itertools
import math
import sys

__all__ = ["COARSE_FROM", "Deadlines", "Watch"]

# From this many seconds, aiohttp itself rounds a timeout up to a whole second
# (ClientTimeout.ceil_threshold): a deadline kept by whole second loses no precision.
COARSE_FROM = 5.0

Watch = tuple[float, int]  # (the whole second it ends at, its token)

# Python 3.11+ counts a task's cancellations: a timeout takes back its own, and a
# cancellation from anyone else still goes on. 3.10 cannot tell them apart when both
# land in the same loop iteration (aiohttp's own timeouts have the same limit).
_COUNTED = sys.version_info >= (3, 11)


class Deadlines:
    """The deadlines of the requests a transport has in flight, on one loop (its pool's).

    aiohttp enforces a total timeout with a loop timer and a timer context per request,
    which costs a fan-out about a tenth of its CPU. Here a request is ``watch``ed: its
    task joins the set of those due at the same whole second, and one loop timer per
    second (not per request) cancels what is still in its set then. ``release`` takes a
    request out when it ends; ``expired`` tells the ``CancelledError`` of a request cut
    off here from any other cancellation (which it never swallows: see ``expired``).

    A cancellation can only land inside the watched request: a task leaves its set
    (``release``, in a ``finally``) before it can be anywhere else, and the timer's
    callback runs between steps of the task, never within one.
    """

    __slots__ = ("_due", "_expired", "_loop", "_tokens")

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._loop = loop
        # Per whole second: the tasks due then, each with its count of cancellations
        # when it was watched.
        self._due: dict[float, dict[int, tuple[asyncio.Task[object], int]]] = {}
        self._expired: dict[int, int] = {}  # token: cancellations before it was cut off
        self._tokens = itertools.count()

    def watch(self, seconds: float) -> Watch:
        """Cut the current task off ``seconds`` from now (rounded up to a whole second)."""
        due = float(math.ceil(self._loop.time() + seconds))
        tasks = self._due.get(due)
        if tasks is None:
            tasks = self._due[due] = {}
            self._loop.call_at(due, self._cut_off, due)
        token = next(self._tokens)
        task: asyncio.Task[object] = asyncio.current_task()  # type: ignore[assignment]
        tasks[token] = (task, task.cancelling() if _COUNTED else 0)  # type: ignore[attr-defined]
        return due, token

    def release(self, watch: Watch) -> None:
        """The watched request ended (however it ended)."""
        tasks = self._due.get(watch[0])
        if tasks is not None:
            tasks.pop(watch[1], None)
        self._expired.pop(watch[1], None)

    def expired(self, watch: Watch) -> bool:
        """Whether the ``CancelledError`` the watched request just raised is its timeout
        (and not also someone else's cancellation, which then goes on)."""
        before = self._expired.pop(watch[1], None)
        if before is None:
            return False
        if not _COUNTED:
            return True
        left: int = asyncio.current_task().uncancel()  # type: ignore[union-attr]
        return left <= before

    def _cut_off(self, due: float) -> None:
        for token, (task, before) in self._due.pop(due, {}).items():
            self._expired[token] = before
            task.cancel()
