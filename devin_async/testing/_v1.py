"""Fake ``/v1/...`` routes."""

from __future__ import annotations

from aiohttp import web

from ._app import not_found, state_of
from ._render import v1_session

__all__ = ["add_routes"]


async def get_session(request: web.Request) -> web.Response:
    rec = state_of(request).sessions.get(request.match_info["session_id"])
    return web.json_response(v1_session(rec)) if rec else not_found("Session", "v1")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/v1/sessions/{session_id}", get_session)
