"""The ids a fan-out takes: checked to be strs, de-duplicated, or handed out one at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Iterable

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
    """Ids handed out one at a time to the workers, validated as they are taken."""

    def __init__(self, ids: Iterable[str] | AsyncIterable[str]):
        not_one_str(ids)
        self._sync = None if isinstance(ids, AsyncIterable) else iter(ids)
        self._async = ids.__aiter__() if isinstance(ids, AsyncIterable) else None
        self._lock = asyncio.Lock()  # an async iterator must not be entered twice at once
        self._exhausted = False

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
