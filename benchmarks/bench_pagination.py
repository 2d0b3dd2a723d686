"""Pagination: throughput of typed paging against raw aiohttp + dicts, then flat memory.

    python benchmarks/bench_pagination.py [--items 5000] [--rounds 11] [--memory N ...]

Throughput: ``session_server.py``, in its own process, serves cursor pages of 200
realistic sessions (the body ``bench_fanout.py`` fetches one by one); each row walks
``--items`` of them, on a fresh connection pool after a warm-up walk, in an order that
rotates between rounds. Rows: raw aiohttp + ``resp.json()`` (dicts, the target's
baseline), raw aiohttp + orjson + the SDK's typed models (the floor of typed paging the
dict way, which ``list()`` takes only for a page its msgspec lane does not read),
``client.sessions.list()``, and the blocking ``Devin``'s (CPU of both its threads).
Reported: items per second and client CPU per item, medians over rounds of each round's
ratio to the baseline, and the server's CPU per item (a mean over the rounds).

Memory: for each N, the same server serves N sessions, and ``sessions.list()`` and the
raw aiohttp + dicts row walk every one; tracemalloc reports each one's peak (the
server's memory is its own process's), and the ratio SDK/raw.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, not a copy

import orjson
from bench_fanout import server_cpu, start_server

from devin_async import AsyncDevin, Devin, SessionResponse
from devin_async._converter import structure_hook

PAGE = 200
KEY = "cog_benchmark_key"
SERVER_ORG = "org-abc123def456"

Walk = Callable[[str, int], Awaitable[int]]
Page = dict[str, Any]


async def _walk_raw(
    url: str,
    items: int,
    read: Callable[[aiohttp.ClientResponse], Awaitable[Page]],
    make: Callable[[list[Any]], Iterable[Any]],
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


def _models(items: list[Any]) -> Iterator[Any]:
    """Each item made as it is counted, and dropped, the way ``list()`` yields them."""
    hook = structure_hook(SessionResponse)
    return (hook(item, SessionResponse) for item in items)


async def raw_dicts(url: str, items: int) -> int:
    return await _walk_raw(url, items, aiohttp.ClientResponse.json, list)


async def raw_typed(url: str, items: int) -> int:
    """Raw aiohttp, orjson and the SDK's model structuring from dicts: no request objects,
    middleware or cursor checks. The floor of the dict way (``list()`` reads a page it
    can through msgspec instead)."""
    return await _walk_raw(url, items, _orjson, _models)


async def sdk_list(url: str, items: int) -> int:
    async with AsyncDevin(api_key=KEY, org_id=SERVER_ORG, base_url=url) as client:
        count = 0
        async for _ in client.sessions.list(limit=items):
            count += 1
        return count


async def sdk_blocking(url: str, items: int) -> int:
    """The blocking client, its loop thread started and stopped with each walk as an async
    row's client is; this loop waits meanwhile, as a blocking program would."""
    with Devin(api_key=KEY, org_id=SERVER_ORG, base_url=url) as client:
        return sum(1 for _ in client.sessions.list(limit=items))


ROWS: dict[str, Walk] = {
    "raw aiohttp + json() (dicts)": raw_dicts,
    "raw aiohttp + orjson + models": raw_typed,  # the dict way's floor
    "sessions.list() (typed)": sdk_list,
    "Devin sessions.list() (blocking)": sdk_blocking,
}


def serve_sessions(total: int) -> tuple[subprocess.Popen[str], str]:
    """``session_server.py``, in its own process, serving pages of ``total`` sessions."""
    server = str(Path(__file__).with_name("session_server.py"))
    process, url = start_server(sys.executable, server, "--list-total", str(total))
    return process, url


async def throughput(items: int, rounds: int) -> None:
    server, url = serve_sessions(items)
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
            # a mean: the kernel counts CPU in clock ticks, longer than one walk
            f"{statistics.fmean(z for _, _, z in runs[name]) * 1e6:14.1f}  "
            f"[{', '.join(f'{x:.2f}' for x in rates)}]"
        )


async def measure(walk: Walk, url: str, total: int) -> tuple[int, float]:
    tracemalloc.start()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    count = await walk(url, total)
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
        server, url = serve_sessions(total)
        try:
            sdk_peak, sdk_time = await measure(sdk_list, url, total)
            raw_peak, raw_time = await measure(raw_dicts, url, total)
        finally:
            server.terminate()
            server.wait()
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
