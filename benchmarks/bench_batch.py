"""Batched fan-out against an API with real latency: requests sent and wall time.

    python benchmarks/bench_batch.py [--ids 10000] [--concurrency 64] [--latency 0.06]
                                     [--rounds 1]

A server in its own process answers every request after ``--latency`` seconds: a
session by id (``GET .../sessions/{id}``), and the session list filtered by
``session_ids`` (as the v3 API does, up to ``first=200``). The same ids are fetched by
batched ``get_many`` (the default), per-id ``get_many(batch=False)`` and raw aiohttp
per id (+ ``resp.json()``, bodies kept in input order as a fan-out returns them), at the
same concurrency, in one run; each row builds its
own client after a warm-up. Reported per row: requests the server answered, ids per
request, wall time (median over rounds) and speed-up over per-id ``get_many``.

Targets (issue 20.2): batched, at most 1 request per 150 ids, and 30x the per-id wall
time or better. Ids have the API's length (``devin-`` and 12 hex digits); one more row
batches ids of 32 hex digits, which fit fewer to a query of bounded length.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark the checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_fanout import raw_json_kept, start_server  # noqa: E402
from session_server import V3_BODY, run_app  # noqa: E402

from devin_async import AsyncDevin  # noqa: E402

ORG = "org-abc123def456"
KEY = "cog_benchmark_key"
WARMUP = 200
PLACEHOLDER = json.loads(V3_BODY)["session_id"].encode()

Scenario = Callable[[str, list[str], int], Awaitable[int]]


# --- the server (its own process) ---


def _body(devin_id: str) -> bytes:
    body: bytes = V3_BODY.replace(PLACEHOLDER, devin_id.encode())
    return body


def serve(port: int, latency: float) -> None:
    answered = 0

    async def get_session(request: web.Request) -> web.Response:
        nonlocal answered
        answered += 1
        await asyncio.sleep(latency)
        return web.Response(
            body=_body(request.match_info["devin_id"]), content_type="application/json"
        )

    async def list_sessions(request: web.Request) -> web.Response:
        nonlocal answered
        answered += 1
        await asyncio.sleep(latency)
        ids = list(dict.fromkeys(request.query.getall("session_ids", [])))
        first = int(request.query.get("first", "100"))
        if not ids or not 1 <= first <= 200:
            return web.json_response(
                {"detail": "this server lists by session_ids only"}, status=422
            )
        items = b",".join(_body(devin_id) for devin_id in ids[:first])
        more = b"true" if len(ids) > first else b"false"
        body = b'{"items":[' + items + b'],"end_cursor":null,"has_next_page":' + more + b"}"
        return web.Response(body=body, content_type="application/json")

    async def count(request: web.Request) -> web.Response:
        return web.json_response({"answered": answered})

    app = web.Application()
    app.router.add_get("/_answered", count)
    app.router.add_get(f"/v3/organizations/{ORG}/sessions", list_sessions)
    app.router.add_get(f"/v3/organizations/{ORG}/sessions/{{devin_id}}", get_session)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_app(app, port))


# --- the clients ---


async def get_many(base_url: str, ids: list[str], concurrency: int) -> int:
    async with AsyncDevin(api_key=KEY, org_id=ORG, base_url=base_url) as client:
        sessions = await client.sessions.get_many(ids, concurrency=concurrency)
    assert [s.session_id for s in sessions] == ids
    return sessions.report.requests


async def get_many_per_id(base_url: str, ids: list[str], concurrency: int) -> int:
    async with AsyncDevin(api_key=KEY, org_id=ORG, base_url=base_url) as client:
        sessions = await client.sessions.get_many(ids, concurrency=concurrency, batch=False)
    assert [s.session_id for s in sessions] == ids
    return sessions.report.requests


async def raw_per_id(base_url: str, ids: list[str], concurrency: int) -> int:
    await raw_json_kept(base_url, ids, concurrency)  # every body kept, in input order
    return len(ids)


async def answered(base_url: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(f"{base_url}/_answered") as resp:
        return int((await resp.json())["answered"])


Row = tuple[str, Scenario, Callable[[int, int], str]]
ROWS: list[Row] = [
    ("get_many (batched, the default)", get_many, lambda r, i: f"devin-{r:02d}{i:010x}"),
    ("get_many, batch=False", get_many_per_id, lambda r, i: f"devin-{r:02d}{i:010x}"),
    ("raw aiohttp + json(), per id", raw_per_id, lambda r, i: f"devin-{r:02d}{i:010x}"),
    ("get_many (batched), 32-hex-digit ids", get_many, lambda r, i: f"devin-{r:02d}{i:030x}"),
]


async def run(ids: int, concurrency: int, rounds: int, latency: float, base_url: str) -> None:
    walls: dict[str, list[float]] = {name: [] for name, _, _ in ROWS}
    sent: dict[str, list[int]] = {name: [] for name, _, _ in ROWS}
    for r in range(rounds):
        for name, scenario, make_id in ROWS:
            await scenario(base_url, [make_id(r, i) + "w" for i in range(WARMUP)], concurrency)
            batch = [make_id(r, i) for i in range(ids)]
            before = await answered(base_url)
            began = time.perf_counter()
            reported = await scenario(base_url, batch, concurrency)
            walls[name].append(time.perf_counter() - began)
            served = await answered(base_url) - before
            assert reported == served, (name, reported, served)
            sent[name].append(served)
    per_id = statistics.median(walls[ROWS[1][0]])
    print(
        f"{ids} ids at concurrency {concurrency}, {latency * 1000:g} ms per request, "
        f"{rounds} round(s) (server: another process)"
    )
    print(
        f"{'row':38} {'requests':>8} {'ids/req':>8} {'wall s':>8} {'x per-id':>9}"
        "  x per-id per round"
    )
    for name, _, _ in ROWS:
        wall, requests = statistics.median(walls[name]), statistics.median(sent[name])
        rounds_text = ", ".join(
            f"{p / w:.1f}" for p, w in zip(walls[ROWS[1][0]], walls[name], strict=True)
        )
        print(
            f"{name:38} {requests:8.0f} {ids / requests:8.1f} {wall:8.3f} {per_id / wall:9.1f}"
            f"  [{rounds_text}]"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.06, help="seconds per request")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.port, args.latency)
        return
    server, base_url = start_server(
        sys.executable, __file__, "--serve", "--latency", str(args.latency)
    )
    try:
        asyncio.run(run(args.ids, args.concurrency, args.rounds, args.latency, base_url))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
