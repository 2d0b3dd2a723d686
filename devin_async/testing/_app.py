"""The fake API's aiohttp application: keys and permissions, request log, faults, the
sessions' clock, and every route table.

The only module that imports the route modules; they import only helpers and the state.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import (
    _beta_members,
    _beta_repositories,
    _beta_service_users,
    _beta_snapshots,
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
from ._permissions import permission_for
from ._state import V1_KEY_PREFIX, FakeState, SeenRequest
from ._wire import STATE_KEY, Handler, problem, state_of

__all__ = ["create_app"]

# Every route table: one a line.
_FAMILIES = (
    _v3_sessions,
    _v3_org_records,
    _v3_usage,
    _enterprise,
    _enterprise_admin,
    _v1,
    _beta_snapshots,
    _beta_members,
    _beta_repositories,
    _beta_service_users,
    _v3_reviews,
    _v3_code_scans,
    _enterprise_idp,
)


# The legacy v1 paths: ``/v1/...``, and the legacy spec's ``/enterprise/consumption``.
_V1_PATHS = ("/v1/", "/enterprise/")
# The fake storage host of presigned URLs authenticates by its URL, not by a key.
_KEYLESS = "/_presigned/"


def _refusal(state: FakeState, token: str, request: web.Request) -> web.Response | None:
    """The 401 or 403 the API gives ``request`` with ``token``, or ``None`` to serve it."""
    path = request.path
    if path.startswith(_KEYLESS):
        return None
    v1 = path.startswith(_V1_PATHS)
    if not state.accepts(token, v1=v1):
        if token.startswith(V1_KEY_PREFIX) and not v1:
            detail = "an apk_ key opens the v1 API only: v3 takes a cog_ service-user key"
            return problem(401, "Unauthorized", detail)
        return web.json_response({"detail": "Missing or invalid Authorization header"}, status=401)
    if not (state.denied or state.keys.get(token)):  # the common case: nothing denied
        return None
    resource = request.match_info.route.resource
    needed = permission_for(request.method, resource.canonical) if resource else None
    if needed is not None and state.lacks(token, needed):
        return problem(403, "Forbidden", f"this key lacks the {needed} permission")
    return None


@web.middleware
async def _log_and_authorize(request: web.Request, handler: Handler) -> web.StreamResponse:
    state = state_of(request)
    auth = request.headers.get("Authorization", "")
    token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
    refusal = _refusal(state, token, request)
    authorized = refusal is None and bool(token)
    body: Any = None
    if request.can_read_body and request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"detail": "body is not valid JSON"}, status=400)
    state.seen.append(
        SeenRequest(
            request.method,
            request.rel_url.path_safe,  # as the router matches it: "a%2Fb" is one segment
            list(request.query.items()),
            authorized,
            state.clock(),
            body,
        )
    )
    if refusal is not None:
        return refusal
    # Sessions live on the state's clock: whatever a request reads is caught up first.
    state.advance()
    return await handler(request)


def create_app(state: FakeState) -> web.Application:
    """The fake Devin API over ``state``."""
    inject_faults = faults_middleware(lambda request: state_of(request).faults)
    app = web.Application(middlewares=[_log_and_authorize, inject_faults])
    app[STATE_KEY] = state

    async def release_held(app: web.Application) -> None:  # or shutdown waits for them
        state.faults.release_all()

    app.on_shutdown.append(release_held)
    for family in _FAMILIES:
        for method, path, handler in family.ROUTES:
            app.router.add_route(method, path, handler)
    return app
