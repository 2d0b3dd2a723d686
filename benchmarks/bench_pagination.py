"""Pagination: throughput of typed paging against raw aiohttp + dicts, then flat memory.

    python benchmarks/bench_pagination.py [--items 5000] [--rounds 11] [--memory N ...]

Throughput: ``session_server.py``, in its own process, serves cursor pages of 200
realistic sessions (the body ``bench_fanout.py`` fetches one by one); each row walks
``--items`` of them, on a fresh connection pool after a warm-up walk, in an order that
rotates between rounds. Rows: raw aiohttp + ``resp.json()`` (dicts, the target's
baseline), raw aiohttp + orjson + the SDK's typed models (the floor of typed paging),
and ``client.sessions.list()``. Reported: items per second and client CPU per item,
medians over rounds of each round's ratio to the baseline.

Memory: a cheap in-process server generates pages on the fly; for each N the SDK's
auto-paginating iterator and a raw aiohttp loop (fetch, ``json.loads``, follow the
cursor) walk every item; tracemalloc reports each one's peak, and the ratio SDK/raw.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, not a copy

import orjson
from bench_fanout import server_cpu, start_server

from devin_async import AsyncDevin, SessionResponse
from devin_async._converter import structure

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


Walk = Callable[[str, int], Awaitable[int]]
KEY = "cog_benchmark_key"
SERVER_ORG = "org-abc123def456"


Page = dict[str, Any]


async def _walk_raw(
    url: str,
    items: int,
    read: Callable[[aiohttp.ClientResponse], Awaitable[Page]],
    make: Callable[[list[Any]], list[Any]],
) -> int:
    """Every page of ``url``'s sessions: ``read`` parses a page, ``make`` its items."""
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
    path = f"{url}/v3/organizations/{SERVER_ORG}/sessions"
    count, after = 0, None
    async with aiohttp.ClientSession(headers=headers) as session:
        while count < items:
            params = {"first": str(PAGE), **({"after": after} if after else {})}
            async with session.get(path, params=params) as resp:
                assert resp.status == 200, resp.status
                page = await read(resp)
            count += sum(1 for _ in make(page["items"]))
            after = page["end_cursor"]
            if not page["has_next_page"]:
                break
    return count


async def _orjson(resp: aiohttp.ClientResponse) -> Page:
    return orjson.loads(await resp.read())  # type: ignore[no-any-return]


def _models(items: list[Any]) -> list[Any]:
    return structure(items, list[SessionResponse])


async def raw_dicts(url: str, items: int) -> int:
    return await _walk_raw(url, items, aiohttp.ClientResponse.json, list)


async def raw_typed(url: str, items: int) -> int:
    """Raw aiohttp, orjson and the SDK's model structuring: no request objects,
    middleware or cursor checks. A reference for how close ``list()`` can get."""
    return await _walk_raw(url, items, _orjson, _models)


async def sdk_list(url: str, items: int) -> int:
    async with AsyncDevin(api_key=KEY, org_id=SERVER_ORG, base_url=url) as client:
        count = 0
        async for _ in client.sessions.list(limit=items):
            count += 1
        return count


ROWS: dict[str, Walk] = {
    "raw aiohttp + json() (dicts)": raw_dicts,
    "raw aiohttp + orjson + models": raw_typed,
    "sessions.list() (typed)": sdk_list,
}


async def throughput(items: int, rounds: int) -> None:
    server, url = start_server(
        sys.executable, str(Path(__file__).with_name("session_server.py")), "--list-total",
        str(items),
    )  # fmt: skip
    names = list(ROWS)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    try:
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                await ROWS[name](url, items)  # warm-up: the server caches its pages
                wall, cpu, served = time.perf_counter(), time.process_time(), server_cpu(server.pid)
                count = await ROWS[name](url, items)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                if count != items:
                    raise SystemExit(f"{name} saw {count} items, expected {items}")
                served = server_cpu(server.pid) - served
                runs[name].append((items / wall, cpu / items, served / items))
    finally:
        server.terminate()
        server.wait()
    base = runs[names[0]]
    print(f"{items} sessions in pages of {PAGE}, {rounds} rounds (server: another process)")
    print(
        f"{'row':32} {'items/s':>8} {'CPU µs/item':>11} {'x items/s':>9} {'x CPU':>6} "
        f"{'server µs/item':>14}  x items/s per round"
    )
    for name in names:
        rates = [a / b[0] for (a, _, _), b in zip(runs[name], base, strict=True)]
        cpus = [a / b[1] for (_, a, _), b in zip(runs[name], base, strict=True)]
        print(
            f"{name:32} {statistics.median(x for x, _, _ in runs[name]):8.0f} "
            f"{statistics.median(y for _, y, _ in runs[name]) * 1e6:11.1f} "
            f"{statistics.median(rates):9.2f} {statistics.median(cpus):6.2f} "
            f"{statistics.median(z for _, _, z in runs[name]) * 1e6:14.1f}  "
            f"[{', '.join(f'{x:.2f}' for x in rates)}]"
        )


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


async def memory(sizes: list[int]) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args()
    if args.rounds:
        asyncio.run(throughput(args.items, args.rounds))
        print()
    if args.memory:
        asyncio.run(memory(args.memory))


if __name__ == "__main__":
    main()
