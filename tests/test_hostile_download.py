"""Issue 16.5: ``timeout=`` bounds each attempt of a download, as it does every call.

The API answers a download with a redirect to a storage host; here that host is the
same loopback server under ``/storage/``. Socket timeouts need real time: the one
timeout used is 0.3 s, and each test asserts it ended well before 3 s.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from hostile import hostile

from devin_async import APITimeoutError

QUICK = 0.3  # real seconds
Storage = Callable[[web.Request], Awaitable[web.StreamResponse]]


def api_redirecting_to(storage: Storage) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The API part answers every download with a 307 to ``/storage/<name>`` on itself."""

    async def handler(request: web.Request) -> web.StreamResponse:
        if request.path.startswith("/storage/"):
            return await storage(request)
        name = request.path.rsplit("/", 1)[1]
        raise web.HTTPTemporaryRedirect(f"http://{request.host}/storage/{name}?X-Sig=s")

    return handler


async def trickle(request: web.Request) -> web.StreamResponse:
    """One byte every 20 ms, for up to 10 s: no single read ever waits long."""
    response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
    await response.prepare(request)
    for _ in range(500):
        try:
            await response.write(b"x")
        except (ConnectionError, RuntimeError):
            break
        await asyncio.sleep(0.02)
    return response


async def test_a_trickling_storage_host_is_cut_off_by_the_timeout(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    async with hostile(api_redirecting_to(trickle)) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError, match="timed out"):
            await client.attachments.download("u-1", "a.txt", to=target, timeout=QUICK)
        took = time.monotonic() - started
    assert QUICK * 0.9 <= took < 3
    assert not target.exists()  # the half-written file was removed


async def test_the_client_timeout_bounds_downloads_too() -> None:
    async with hostile(api_redirecting_to(trickle), timeout=QUICK) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await client.attachments.download("u-1", "a.txt")
    assert time.monotonic() - started < 3


async def test_a_download_within_its_timeout_completes() -> None:
    async def quick(request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"content")

    async with hostile(api_redirecting_to(quick)) as client:
        assert await client.attachments.download("u-1", "a.txt", timeout=QUICK * 10) == b"content"
