"""Blocking calls: ``Devin`` beside requests, asyncio.run per call, and the async client.

    python benchmarks/bench_sync.py [--calls 2000] [--rounds 10] [--warmup 200]

The benchmark server (``session_server.py``) runs in a separate process on 127.0.0.1,
so CPU time measured here is the client's alone. Every row makes the same sequential
``GET`` of one session (the SDK rows also decode it into a model). The rows take turns
in rounds of calls/rounds each, so load from other programs on a shared machine falls
on all of them alike; before each turn a row makes ``warmup`` untimed calls, because on
a two-core machine the scheduler keeps placing threads for the previous row's pattern
for a while (right after a busy row, the shim's two threads pay for it: about 70 us
more per call). Prints per-call
latency (median, p99), calls/s and CPU per call, then the targets of the sync shim:
Devin >= 1.5x the calls/s of requests.Session, and Devin - AsyncDevin < 100 us per call.

A second table isolates the shim's own cost from socket noise: the same calls through
an in-memory transport (a canned response, no socket), Devin vs AsyncDevin awaited.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devin_async import AsyncDevin, Devin, Request, Response
from devin_async.testing import FAKE_API_KEY
from devin_async.testing._render import v3_session
from devin_async.testing._state import FakeState, seed_state

ORG = "org-abc123def456"
SESSION = "devin-abc123def456"
PATH = f"/v3/organizations/{ORG}/sessions/{SESSION}"
HEADERS = {"Authorization": f"Bearer {FAKE_API_KEY}"}

Chunk = Callable[[int], list[int]]  # makes n calls, returns each one's latency in ns


@contextmanager
def session_server_process() -> Iterator[str]:
    """The lean benchmark server (``session_server.py``), so that what differs between
    rows is the client: with the heavier fake API, two client threads and a busy server
    contend for this machine's two cores, and the shim's second thread pays for it."""
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("session_server.py"))],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # "PORT <n>"
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        server.terminate()
        server.wait(10)
        if server.stdout is not None:
            server.stdout.close()


class Row:
    """One contender's latencies (ns), wall and CPU seconds, summed over rounds."""

    def __init__(self, name: str, chunk: Chunk):
        self.name, self.chunk = name, chunk
        self.latencies: list[int] = []
        self.wall = self.cpu = 0.0

    def run(self, calls: int, warmup: int) -> None:
        self.chunk(warmup)  # untimed: let the scheduler settle on this row's pattern
        cpu0, wall0 = time.process_time(), time.perf_counter()
        self.latencies += self.chunk(calls)
        self.wall += time.perf_counter() - wall0
        self.cpu += time.process_time() - cpu0

    @property
    def calls_per_s(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def median_us(self) -> float:
        return statistics.median(self.latencies) / 1000

    @property
    def cpu_us(self) -> float:
        return self.cpu / len(self.latencies) * 1e6

    def line(self) -> str:
        p99 = statistics.quantiles(self.latencies, n=100)[98] / 1000
        return (
            f"{self.name:<24} {self.calls_per_s:>8.0f} {self.median_us:>10.0f} "
            f"{p99:>8.0f} {self.cpu_us:>12.0f}"
        )


def sync_chunk(one: Callable[[], object]) -> Chunk:
    def run(n: int) -> list[int]:
        latencies = []
        for _ in range(n):
            t0 = time.perf_counter_ns()
            one()
            latencies.append(time.perf_counter_ns() - t0)
        return latencies

    return run


def async_chunk(loop: asyncio.AbstractEventLoop, one: Callable[[], Awaitable[object]]) -> Chunk:
    """Calls awaited back to back inside ``loop`` (entered once per round, not per call)."""

    async def run(n: int) -> list[int]:
        latencies = []
        for _ in range(n):
            t0 = time.perf_counter_ns()
            await one()
            latencies.append(time.perf_counter_ns() - t0)
        return latencies

    return lambda n: loop.run_until_complete(run(n))


def canned_transport() -> Callable[[Request], Awaitable[Response]]:
    """A transport answering every request with the same session, without a socket."""
    body = json.dumps(v3_session(seed_state(FakeState()).sessions[SESSION])).encode()
    headers = {"Content-Type": "application/json"}

    async def send(request: Request) -> Response:
        return Response(200, headers, body, request)

    return send


def socket_rows(url: str, loop: asyncio.AbstractEventLoop, stack: ExitStack) -> list[Row]:
    http = stack.enter_context(requests.Session())
    raw = loop.run_until_complete(_new_aiohttp_session())
    stack.callback(lambda: loop.run_until_complete(raw.close()))
    kwargs: dict[str, Any] = {"api_key": FAKE_API_KEY, "org_id": ORG, "base_url": url}
    direct = AsyncDevin(**kwargs)
    stack.callback(lambda: loop.run_until_complete(direct.aclose()))
    devin = stack.enter_context(Devin(**kwargs))

    async def raw_get() -> object:
        async with raw.get(url + PATH, headers=HEADERS) as resp:
            return await resp.json()

    async def fresh_client_get() -> object:
        async with AsyncDevin(**kwargs) as client:
            return await client.sessions.get(SESSION)

    return [
        Row("requests.Session", sync_chunk(lambda: http.get(url + PATH, headers=HEADERS).json())),
        Row("asyncio.run per call", sync_chunk(lambda: asyncio.run(fresh_client_get()))),
        Row("raw aiohttp (awaited)", async_chunk(loop, raw_get)),
        Row("AsyncDevin (awaited)", async_chunk(loop, lambda: direct.sessions.get(SESSION))),
        Row("Devin (sync shim)", sync_chunk(lambda: devin.sessions.get(SESSION))),
    ]


def in_memory_rows(loop: asyncio.AbstractEventLoop, stack: ExitStack) -> list[Row]:
    kwargs: dict[str, Any] = {"api_key": FAKE_API_KEY, "org_id": ORG}
    direct = AsyncDevin(**kwargs, transport=canned_transport())
    stack.callback(lambda: loop.run_until_complete(direct.aclose()))
    devin = stack.enter_context(Devin(**kwargs, transport=canned_transport()))
    return [
        Row("AsyncDevin (awaited)", async_chunk(loop, lambda: direct.sessions.get(SESSION))),
        Row("Devin (sync shim)", sync_chunk(lambda: devin.sessions.get(SESSION))),
    ]


async def _new_aiohttp_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()  # created inside the loop that will use it


def measure(rows: list[Row], calls: int, rounds: int, warmup: int) -> None:
    for row in rows:
        row.chunk(5)  # warm up: connections, imports, first-call caches
    for _ in range(rounds):
        for row in rows:
            row.run(calls // rounds, warmup)


def report(title: str, rows: list[Row]) -> dict[str, Row]:
    print(title)
    print(f"{'client':<24} {'calls/s':>8} {'median us':>10} {'p99 us':>8} {'CPU us/call':>12}")
    for row in rows:
        print(row.line())
    return {row.name: row for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=2000, help="calls per row")
    parser.add_argument("--rounds", type=int, default=10, help="turns the rows take")
    parser.add_argument(
        "--warmup", type=int, default=200, help="untimed calls before each row's turn"
    )
    args = parser.parse_args()
    loop = asyncio.new_event_loop()
    try:
        with session_server_process() as url, ExitStack() as stack:
            rows = socket_rows(url, loop, stack)
            measure(rows, args.calls, args.rounds, args.warmup)
        with ExitStack() as stack:
            memory = in_memory_rows(loop, stack)
            measure(memory, args.calls, args.rounds, args.warmup)
    finally:
        loop.close()

    by = report(f"{args.calls} sequential GETs per row, session_server.py in its own process", rows)
    shim, direct = by["Devin (sync shim)"], by["AsyncDevin (awaited)"]
    speedup = shim.calls_per_s / by["requests.Session"].calls_per_s
    raw = direct.calls_per_s / by["raw aiohttp (awaited)"].calls_per_s
    print(f"Devin / requests.Session calls/s: {speedup:.2f}x  (target >= 1.5x)")
    print(f"AsyncDevin / raw aiohttp calls/s: {raw:.2f}x")
    print(f"Devin - AsyncDevin, median: {shim.median_us - direct.median_us:.0f} us/call")

    by = report("\nthe same GET through an in-memory transport (no socket)", memory)
    shim, direct = by["Devin (sync shim)"], by["AsyncDevin (awaited)"]
    print(
        f"shim overhead per call: median {shim.median_us - direct.median_us:.0f} us, "
        f"CPU {shim.cpu_us - direct.cpu_us:.0f} us  (target < 100 us)"
    )


if __name__ == "__main__":
    main()
