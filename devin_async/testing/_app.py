"""The fake API's aiohttp application: auth, request log, error bodies, routes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from ._state import FakeState, SeenRequest
from ._wire import STATE_KEY, state_of

__all__ = ["create_app"]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _log_and_authorize(request: web.Request, handler: Handler) -> web.StreamResponse:
    state = state_of(request)
    auth = request.headers.get("Authorization", "")
    token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
    authorized = bool(token) and (state.api_key is None or token == state.api_key)
    body: Any = None
    if request.can_read_body and request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"detail": "body is not valid JSON"}, status=400)
    state.seen.append(
        SeenRequest(
            request.method,
            request.path,
            list(request.query.items()),
            authorized,
            state.clock(),
            body,
        )
    )
    # The fake storage host of presigned URLs authenticates by its URL, not by a key.
    if not authorized and not request.path.startswith("/_presigned/"):
        return web.json_response({"detail": "Missing or invalid Authorization header"}, status=401)
    return await handler(request)


def create_app(state: FakeState) -> web.Application:
    """The fake Devin API over ``state``."""
    from . import _enterprise, _v1, _v3_org
    from ._faults import faults_middleware

    inject_faults = faults_middleware(lambda request: state_of(request).faults)
    app = web.Application(middlewares=[_log_and_authorize, inject_faults])
    app[STATE_KEY] = state

    async def release_held(app: web.Application) -> None:  # or shutdown waits for them
        state.faults.release_all()

    app.on_shutdown.append(release_held)
    for family in (_v3_org, _enterprise, _v1):
        family.add_routes(app.router)
    return app
