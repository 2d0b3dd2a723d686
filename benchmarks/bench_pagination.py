"""Peak memory of iterating N sessions with ``client.sessions.list()``: it should stay flat.

A cheap loopback server generates cursor pages of 200 sessions on the fly. For each N the
SDK's auto-paginating iterator and a raw aiohttp loop (fetch, ``json.loads``, follow the
cursor) walk every item; tracemalloc reports each one's peak, and the ratio SDK/raw.

    python benchmarks/bench_pagination.py [N ...]     (default: 1000 10000 100000)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, not a copy

from devin_async import AsyncDevin

PAGE = 200
ORG = "org-bench"
PATH = f"/v3/organizations/{ORG}/sessions"


def _session(i: int) -> dict[str, object]:
    return {
        "session_id": f"devin-{i:012x}",
        "status": "running",
        "org_id": ORG,
        "url": f"https://app.devin.ai/sessions/{i:012x}",
        "created_at": 1_700_000_000 + i,
        "updated_at": 1_700_000_000 + i,
        "acus_consumed": 1.5,
        "pull_requests": [],
        "tags": ["bench"],
        "title": f"Session {i}",
    }


def make_app(total: int) -> web.Application:
    """Pages of ``total`` sessions; one encoded page body is reused, so the server is cheap."""
    full = json.dumps([_session(i) for i in range(PAGE)]).encode()

    async def sessions(request: web.Request) -> web.Response:
        start = int(request.query.get("after", "0"))
        count = min(PAGE, total - start)
        items = full if count == PAGE else json.dumps([_session(i) for i in range(count)]).encode()
        end = start + count
        more = end < total
        cursor = f'"{end}"' if more else "null"
        tail = f',"end_cursor":{cursor},"has_next_page":{"true" if more else "false"}}}'
        return web.Response(
            body=b'{"items":' + items + tail.encode(), content_type="application/json"
        )

    app = web.Application()
    app.router.add_get(PATH, sessions)
    return app


async def walk_sdk(url: str) -> int:
    async with AsyncDevin(api_key="cog_bench", org_id=ORG, base_url=url) as client:
        count = 0
        async for _ in client.sessions.list():
            count += 1
        return count


async def walk_raw(url: str) -> int:
    count, after = 0, None
    async with aiohttp.ClientSession() as session:
        while True:
            params = {"first": str(PAGE), **({"after": after} if after else {})}
            headers = {"Authorization": "Bearer cog_bench"}
            async with session.get(url + PATH, params=params, headers=headers) as resp:
                page = json.loads(await resp.read())
            count += sum(1 for _ in page["items"])
            after = page["end_cursor"]
            if not page["has_next_page"]:
                return count


async def measure(walk: Callable[[str], Awaitable[int]], url: str, total: int) -> tuple[int, float]:
    tracemalloc.start()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    count = await walk(url)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if count != total:
        raise SystemExit(f"{walk.__name__} saw {count} items, expected {total}")
    return peak, elapsed


async def main(sizes: list[int]) -> None:
    header = ("items", "sdk peak KiB", "raw peak KiB", "mem ratio", "time ratio*")
    print("{:>8} {:>13} {:>13} {:>10} {:>12}".format(*header))
    for total in sizes:
        runner = web.AppRunner(make_app(total), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        url = f"http://127.0.0.1:{port}"
        try:
            sdk_peak, sdk_time = await measure(walk_sdk, url, total)
            raw_peak, raw_time = await measure(walk_raw, url, total)
        finally:
            await runner.cleanup()
        print(
            f"{total:>8} {sdk_peak / 1024:>13.0f} {raw_peak / 1024:>13.0f} "
            f"{sdk_peak / raw_peak:>10.2f} {sdk_time / raw_time:>12.2f}"
        )
    print("* both under tracemalloc, which slows allocation-heavy code (model building) most")


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]))
