"""The fake API's aiohttp application: auth, request log, faults, and every route table.

The only module that imports the route modules; they import only helpers and the state.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import (
    _enterprise,
    _enterprise_admin,
    _enterprise_idp,
    _v1,
    _v3_code_scans,
    _v3_org_records,
    _v3_reviews,
    _v3_sessions,
    _v3_usage,
)
from ._faults import faults_middleware
from ._state import FakeState, SeenRequest
from ._wire import STATE_KEY, Handler, state_of

__all__ = ["create_app"]


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
    inject_faults = faults_middleware(lambda request: state_of(request).faults)
    app = web.Application(middlewares=[_log_and_authorize, inject_faults])
    app[STATE_KEY] = state

    async def release_held(app: web.Application) -> None:  # or shutdown waits for them
        state.faults.release_all()

    app.on_shutdown.append(release_held)
    for family in (
        _v3_sessions,
        _v3_org_records,
        _v3_usage,
        _v3_reviews,
        _v3_code_scans,
        _enterprise,
        _enterprise_admin,
        _enterprise_idp,
        _v1,
    ):
        for method, path, handler in family.ROUTES:
            app.router.add_route(method, path, handler)
    return app
