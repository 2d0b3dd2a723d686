"""A minimal session API for benchmarks, run in its own process: ``python session_server.py``.

Answers ``GET .../sessions/{id}`` (v3 organization, v3 enterprise, v1) with a realistic
session body carrying that id, as fast as aiohttp can, so that the client side is what
a benchmark measures. Prints ``PORT <n>`` once listening.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json

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
    body = V3_BODY.replace(_PLACEHOLDER.encode(), request.match_info["devin_id"].encode())
    return web.Response(body=body, content_type="application/json")


async def serve(port: int) -> None:
    app = web.Application()
    app.router.add_get("/v3/organizations/{org_id}/sessions/{devin_id}", get_session)
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
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parser.parse_args().port))
