"""Fake ``/v3/organizations/{org_id}/...`` routes."""

from __future__ import annotations

from aiohttp import web

from ._app import not_found, state_of
from ._render import v3_session

__all__ = ["add_routes"]

_SESSION = "/v3/organizations/{org_id}/sessions/{devin_id}"


def _session_of(request: web.Request) -> dict[str, object] | None:
    rec = state_of(request).sessions.get(request.match_info["devin_id"])
    if rec is None or rec["org_id"] != request.match_info["org_id"]:
        return None
    return rec


async def get_session(request: web.Request) -> web.Response:
    rec = _session_of(request)
    if rec is None:
        return not_found("Session", "v3")
    return web.json_response(v3_session(rec))


async def terminate_session(request: web.Request) -> web.Response:
    rec = _session_of(request)
    if rec is None:
        return not_found("Session", "v3")
    state = state_of(request)
    rec.update(status="exit", status_detail=None, updated_at=state.clock())
    if request.query.get("archive") == "true":
        rec["is_archived"] = True
    return web.json_response(v3_session(rec))


async def list_sessions(request: web.Request) -> web.Response:
    """Cursor paging (``first``/``after``), as the v3 list endpoints do; ``tags`` filters."""
    org_id = request.match_info["org_id"]
    tags = set(request.query.getall("tags", []))
    records = [
        rec
        for rec in state_of(request).sessions.values()
        if rec["org_id"] == org_id and tags <= set(rec["tags"])
    ]
    start = int(request.query.get("after", "0"))
    size = int(request.query.get("first", "100"))
    page = records[start : start + size]
    more = start + size < len(records)
    return web.json_response(
        {
            "items": [v3_session(rec) for rec in page],
            "end_cursor": str(start + size) if more else None,
            "has_next_page": more,
            "total": len(records),
        }
    )


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/v3/organizations/{org_id}/sessions", list_sessions)
    router.add_get(_SESSION, get_session)
    router.add_delete(_SESSION, terminate_session)
