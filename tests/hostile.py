"""Servers on loopback for tests: a hostile Devin API (each test gives the one handler that
misbehaves), and any app served at a free port."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from devin_async import AsyncDevin

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@contextlib.asynccontextmanager
async def serving(
    app: web.Application, *, ssl_context: ssl.SSLContext | None = None
) -> AsyncIterator[str]:
    """``app`` served on 127.0.0.1 at a free port, for the block: its base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"{'https' if ssl_context else 'http'}://{host}:{port}"
    finally:
        await runner.cleanup()


def answering(handler: Handler) -> web.Application:
    """An app whose every request, on any path, is answered by ``handler``."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


@contextlib.asynccontextmanager
async def hostile(handler: Handler, **client_options: object) -> AsyncIterator[AsyncDevin]:
    """An ``AsyncDevin`` whose every request is answered by ``handler`` on 127.0.0.1."""
    async with serving(answering(handler)) as url:
        settings: dict[str, object] = {
            "api_key": "cog_hostile",
            "org_id": "org-1",
            "max_retries": 0,
        }
        settings.update(client_options, base_url=url)
        async with AsyncDevin(**settings) as client:  # type: ignore[arg-type]
            yield client
