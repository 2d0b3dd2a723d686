"""The ids a fan-out takes: checked to be strs, de-duplicated, or handed out one at a time."""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterable, Callable, Iterable

__all__ = ["IdSource", "distinct_ids", "not_one_str"]


def not_one_str(ids: object) -> None:
    # A str is iterable too: "devin-abc" would fan out over its letters.
    if isinstance(ids, str):
        raise TypeError("ids must be an iterable of ids, not a single str")


def _check_id(devin_id: object) -> str:
    if not isinstance(devin_id, str):
        raise TypeError(f"every id must be a str, got {type(devin_id).__name__}: {devin_id!r}")
    return devin_id


def distinct_ids(ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """The ids as given (validated) and each distinct id once, in first-seen order."""
    not_one_str(ids)
    given = [_check_id(devin_id) for devin_id in ids]
    return given, list(dict.fromkeys(given))


class IdSource:
    """Ids handed out one at a time to the workers, validated as they are taken, or a
    chunk at a time (``take``) to workers that fetch many ids per request."""

    def __init__(self, ids: Iterable[str] | AsyncIterable[str]):
        not_one_str(ids)
        self._sync = None if isinstance(ids, AsyncIterable) else iter(ids)
        self._async = ids.__aiter__() if isinstance(ids, AsyncIterable) else None
        self._lock = asyncio.Lock()  # an async iterator must not be entered twice at once
        self._exhausted = False
        # Ids taken from the iterable and not handed out yet: put back by a chunk that
        # must be sent again, or read ahead from an async iterable (by ``pump``).
        self._ahead: collections.deque[str] = collections.deque()
        self.pump: asyncio.Task[None] | None = None
        self._arrived = asyncio.Event()
        self._room = asyncio.Event()

    @property
    def is_sync(self) -> bool:
        return self._sync is not None

    def next_now(self) -> str | None:
        """``next()`` for a plain iterable, without a coroutine (the fan-out hot path)."""
        assert self._sync is not None
        if self._exhausted:
            return None
        devin_id = next(self._sync, None)
        return devin_id if devin_id.__class__ is str else self._checked(devin_id)

    async def next(self) -> str | None:
        """The next id, or ``None`` once there are no more."""
        if self._ahead:
            return self._ahead.popleft()
        if self._exhausted:
            return None
        if self._sync is not None:
            return self._checked(next(self._sync, None))
        assert self._async is not None
        async with self._lock:
            return self._checked(await anext(self._async, None))

    def _checked(self, devin_id: object) -> str | None:
        if devin_id is None:
            self._exhausted = True
            return None
        return _check_id(devin_id)

    async def take(self, most: int, room: int, cost: Callable[[str], int]) -> list[str]:
        """Up to ``most`` ids costing ``room`` at most in all (a lone id may cost more);
        ``[]`` once there are none left.

        Only the first id is waited for: from an async iterable, a chunk holds the ids
        that have arrived by then, so that a slow source (one that waits for the
        outcomes of its earlier ids, say) never waits for a chunk to fill.
        """
        chunk: list[str] = []
        while len(chunk) < most:
            if self._ahead:
                devin_id: str | None = self._ahead.popleft()
            elif self._sync is not None:
                devin_id = self.next_now()
            else:
                devin_id = await self._arrival(wait=not chunk, ahead=most)
            if devin_id is None:
                break
            room -= cost(devin_id)
            if room < 0 and chunk:
                self._ahead.appendleft(devin_id)
                break
            chunk.append(devin_id)
        if self.pump is not None:
            self._room.set()
        return chunk

    def put_back(self, ids: list[str]) -> None:
        """Ids taken but not fetched: the next ``take`` (or ``next``) hands them out first."""
        self._ahead.extendleft(reversed(ids))

    async def _arrival(self, *, wait: bool, ahead: int) -> str | None:
        """The next id read ahead from the async iterable; ``None`` when there is none
        yet (``wait=False``) or none left."""
        if self.pump is None:
            self.pump = asyncio.ensure_future(self._read_ahead(ahead))
        while not self._ahead:
            if self.pump.done():
                self.pump.result()  # the iterable's own error, or a bad id
                return None
            if not wait:
                return None
            self._arrived.clear()
            await self._arrived.wait()
        return self._ahead.popleft()

    async def _read_ahead(self, most: int) -> None:
        """Reads the async iterable into ``_ahead``, at most ``most`` ids ahead of ``take``."""
        assert self._async is not None
        try:
            while (devin_id := self._checked(await anext(self._async, None))) is not None:
                self._ahead.append(devin_id)
                self._arrived.set()
                while len(self._ahead) >= most:
                    self._room.clear()
                    await self._room.wait()
        finally:
            self._arrived.set()
