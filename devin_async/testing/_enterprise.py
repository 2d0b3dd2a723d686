"""Fake ``/v3/enterprise/...`` routes."""

from __future__ import annotations

from aiohttp import web

from ._app import not_found, state_of
from ._render import v3_insights, v3_session
from ._state import Record

__all__ = ["add_routes"]


def _session_of(request: web.Request) -> Record | None:
    rec = state_of(request).sessions.get(request.match_info["devin_id"])
    org = request.query.get("org_id")
    if rec is None or (org is not None and rec["org_id"] != org):
        return None
    return rec


async def get_session(request: web.Request) -> web.Response:
    rec = _session_of(request)
    return web.json_response(v3_session(rec)) if rec else not_found("Session", "v3")


async def get_insights(request: web.Request) -> web.Response:
    rec = _session_of(request)
    return web.json_response(v3_insights(rec)) if rec else not_found("Session", "v3")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/v3/enterprise/sessions/{devin_id}", get_session)
    router.add_get("/v3/enterprise/sessions/{devin_id}/insights", get_insights)
