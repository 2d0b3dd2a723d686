"""A hostile Devin API on loopback: each test gives the one handler that misbehaves."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from devin_async import AsyncDevin

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@contextlib.asynccontextmanager
async def hostile(handler: Handler, **client_options: object) -> AsyncIterator[AsyncDevin]:
    """An ``AsyncDevin`` whose every request is answered by ``handler`` on 127.0.0.1."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        settings: dict[str, object] = {
            "api_key": "cog_hostile",
            "org_id": "org-1",
            "max_retries": 0,
        }
        settings.update(client_options, base_url=f"http://{host}:{port}")
        async with AsyncDevin(**settings) as client:  # type: ignore[arg-type]
            yield client
    finally:
        await runner.cleanup()
