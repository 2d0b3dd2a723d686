"""An in-process transport for fan-out tests: answers at once, counts what is in flight."""

from __future__ import annotations

import asyncio
import collections
import json
from collections.abc import Callable
from typing import Any

from devin_async import AsyncDevin, Request, Response, SessionResponse
from devin_async._converter import structure

V3_SESSION: dict[str, Any] = {
    "org_id": "org-1",
    "status": "running",
    "status_detail": "working",
    "title": "Fan-out fixture",
    "tags": ["bulk"],
    "pull_requests": [],
    "acus_consumed": 1.5,
    "structured_output": None,
    "playbook_id": None,
    "user_id": "email|user-1",
    "service_user_id": None,
    "origin": "api",
    "is_archived": False,
    "url": "https://app.devin.ai/sessions/fixture",
    "created_at": 1704067200,
    "updated_at": 1704067530,
}
V1_SESSION: dict[str, Any] = {
    "status": "running",
    "title": "Fan-out fixture",
    "created_at": "2024-01-01T00:00:00+00:00",
    "updated_at": "2024-01-01T00:05:30+00:00",
    "tags": ["bulk"],
    "status_enum": "working",
    "messages": [],
}
_JSON = {"Content-Type": "application/json"}

# What a test wants answered for one id: a status code and overrides of the body.
Script = Callable[[str, int], "tuple[int, dict[str, Any]] | None"]


def v3_session(**fields: Any) -> SessionResponse:
    """A v3 session model from the fixture's wire data, with ``fields`` changed."""
    return structure({**V3_SESSION, "session_id": "devin-1", **fields}, SessionResponse)


def session_id_of(request: Request) -> str:
    return request.path.rsplit("/", 1)[1]


def listed_ids(request: Request) -> list[str] | None:
    """The ids a list request filters by (``session_ids``), or ``None`` for any other."""
    if not request.path.endswith(("/sessions", "/sessions/insights")):
        return None
    return [value for name, value in request.params if name == "session_ids"] or None


class InProcessAPI:
    """``AsyncDevin(transport=api)``: session GETs, and session lists by ``session_ids``,
    answered in-process.

    ``script(devin_id, call_number)`` may return ``(status, fields)`` to answer
    otherwise; ``hold`` ids wait until ``release`` is set (or forever). ``calls`` counts
    the answers about each id: a list that leaves an id out (its script says >= 400)
    does not count it. ``lists`` counts list requests, ``requests`` every request.
    """

    def __init__(
        self,
        script: Script | None = None,
        hold: Callable[[str], bool] | None = None,
        *,
        fixed_body: bool = False,
    ):
        self.script = script
        # One pre-encoded body for every id, split where the id goes: for tests about
        # counts, not content (the SDK refuses an answer about another session).
        self.fixed_body = (
            json.dumps({**V3_SESSION, "session_id": "\0"}).encode().split(b"\\u0000")
            if fixed_body
            else None
        )
        self.hold = hold
        self.release = asyncio.Event()
        self.calls: collections.Counter[str] = collections.Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.all_in_flight = asyncio.Event()
        self.watermark = 0
        self.lists = 0
        self.requests = 0

    async def __call__(self, request: Request) -> Response:
        self.requests += 1
        listed = listed_ids(request)
        if listed is not None:
            return await self._list(request, listed)
        devin_id = session_id_of(request)
        self.calls[devin_id] += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        if self.watermark and self.in_flight >= self.watermark:
            self.all_in_flight.set()
        try:
            if self.hold is not None and self.hold(devin_id):
                await self.release.wait()
            else:
                await asyncio.sleep(0)  # yield, so calls overlap as over a socket
            if self.fixed_body is not None:
                return Response(200, _JSON, devin_id.encode().join(self.fixed_body), request)
            status = 200
            fields: dict[str, Any] = {}
            if self.script is not None:
                status, fields = self.script(devin_id, self.calls[devin_id]) or (200, {})
            base = V1_SESSION if request.path.startswith("/v1/") else V3_SESSION
            body = {**base, "session_id": devin_id, **fields} if status < 400 else fields
            return Response(status, _JSON, json.dumps(body).encode(), request)
        finally:
            self.in_flight -= 1

    async def _list(self, request: Request, ids: list[str]) -> Response:
        self.lists += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        if self.watermark and self.in_flight >= self.watermark:
            self.all_in_flight.set()
        try:
            if self.hold is not None and any(self.hold(devin_id) for devin_id in ids):
                await self.release.wait()
            else:
                await asyncio.sleep(0)
            items = []
            for devin_id in dict.fromkeys(ids):
                fields: dict[str, Any]
                status, fields = 200, {}
                if self.script is not None:
                    status, fields = self.script(devin_id, self.calls[devin_id] + 1) or (200, {})
                if status >= 400:  # not visible in the list: left out, not counted
                    continue
                self.calls[devin_id] += 1
                items.append({**V3_SESSION, "session_id": devin_id, **fields})
            page = {"items": items, "end_cursor": None, "has_next_page": False}
            return Response(200, _JSON, json.dumps(page).encode(), request)
        finally:
            self.in_flight -= 1


def client_for(api: InProcessAPI, **kwargs: Any) -> AsyncDevin:
    """A client of ``api`` (or of ``transport=``, a wrapper around it)."""
    kwargs.setdefault("transport", api)
    return AsyncDevin(
        api_key="cog_test_key", org_id="org-1", base_url="http://127.0.0.1:9", **kwargs
    )
