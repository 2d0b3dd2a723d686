"""Servers this process runs on one of its own event loops, by base URL, so that a
blocking call can tell it is about to wait for an answer its own loop would have to give."""

from __future__ import annotations

import asyncio

__all__ = ["served_here", "serving", "stopped"]

_SERVING: dict[str, asyncio.AbstractEventLoop] = {}


def serving(url: str, loop: asyncio.AbstractEventLoop) -> None:
    _SERVING[url] = loop


def stopped(url: str) -> None:
    _SERVING.pop(url, None)


def served_here(url: str) -> bool:
    """Whether ``url`` is served by the event loop running in this thread: a blocking call
    to it would hold up that loop and wait for ever."""
    loop = asyncio._get_running_loop()  # None outside a loop: one C call, no exception
    return loop is not None and _SERVING.get(url) is loop
