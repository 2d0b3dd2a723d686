"""A minimal session API for benchmarks, run in its own process: ``python session_server.py``.

Answers ``GET .../sessions/{id}`` (v3 organization) with a realistic session body
carrying that id, and ``GET .../sessions?first=&after=`` with cursor pages of
``--list-total`` such sessions, as fast as aiohttp can (each page is encoded once), so
that the client side is what a benchmark measures. Prints ``PORT <n>`` once listening.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable

from aiohttp import web

_PLACEHOLDER = "devin-0000placeholder0000"
V3_BODY = json.dumps(
    {
        "session_id": _PLACEHOLDER,
        "org_id": "org-abc123def456",
        "url": f"https://app.devin.ai/sessions/{_PLACEHOLDER}",
        "status": "running",
        "status_detail": "finished",
        "title": "Review PR #123",
        "tags": ["api", "documentation", "review"],
        "pull_requests": [
            {"pr_url": "https://github.com/example/repo/pull/123", "pr_state": "open"}
        ],
        "acus_consumed": 2.5,
        "structured_output": {"result": "success", "files_modified": 3},
        "playbook_id": None,
        "user_id": "email|user-1",
        "service_user_id": None,
        "origin": "api",
        "category": "code_review_and_analysis",
        "is_archived": False,
        "is_advanced": False,
        "created_at": 1704067200,
        "updated_at": 1704067530,
    }
).encode()


async def get_session(request: web.Request) -> web.Response:
    return web.Response(
        body=session_body(request.match_info["devin_id"]), content_type="application/json"
    )


def session_body(devin_id: str) -> bytes:
    return V3_BODY.replace(_PLACEHOLDER.encode(), devin_id.encode())


def list_sessions(total: int) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Cursor pages (``first`` up to 200, ``after`` the offset so far) of ``total`` sessions."""
    pages: dict[tuple[int, int], bytes] = {}

    def page(start: int, size: int) -> bytes:
        end = min(total, start + size)
        items = b",".join(session_body(f"devin-{i:012x}") for i in range(start, end))
        cursor = f'"{end}"' if end < total else "null"
        more = "true" if end < total else "false"
        tail = f',"end_cursor":{cursor},"has_next_page":{more}}}'
        return b'{"items":[' + items + b"]" + tail.encode()

    async def handler(request: web.Request) -> web.Response:
        start = int(request.query.get("after", "0"))
        size = min(200, int(request.query.get("first", "100")))
        body = pages.get((start, size))
        if body is None:
            body = pages[start, size] = page(start, size)
        return web.Response(body=body, content_type="application/json")

    return handler


async def serve(port: int, list_total: int) -> None:
    app = web.Application()
    app.router.add_get("/v3/organizations/{org_id}/sessions/{devin_id}", get_session)
    app.router.add_get("/v3/organizations/{org_id}/sessions", list_sessions(list_total))
    await run_app(app, port)


async def run_app(app: web.Application, port: int) -> None:
    """Serve ``app`` on loopback until cancelled, once listening printing ``PORT <n>``."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    assert site._server is not None
    print(f"PORT {site._server.sockets[0].getsockname()[1]}", flush=True)  # type: ignore[attr-defined]
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--list-total", type=int, default=5000)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.port, args.list_total))
