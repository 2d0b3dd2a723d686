"""Blocking calls: ``Devin`` beside requests, asyncio.run per call, and the async client.

    python benchmarks/bench_sync.py [--calls 2000]

The fake API runs in a separate process on 127.0.0.1, so each row's CPU time is the
client's alone. Every row makes the same sequential ``GET`` of one session; the SDK rows
also decode it into a model. Prints per-call latency (median, p99), calls/s and CPU
per call, then the ratios the sync shim is held to:
Devin >= 1.5x the calls/s of requests.Session, and Devin - async direct < 100 us/call.

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
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def fake_api_process() -> Iterator[str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "devin_async.testing"],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()  # "fake Devin API at http://127.0.0.1:PORT (...)"
        yield banner.split(" at ", 1)[1].split()[0]
    finally:
        server.terminate()
        server.wait(10)


class Row:
    """Latencies (ns) and CPU seconds of one contender's run."""

    def __init__(self, name: str, latencies: list[int], wall: float, cpu: float):
        self.name, self.latencies, self.wall, self.cpu = name, latencies, wall, cpu

    @property
    def calls_per_s(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def median_us(self) -> float:
        return statistics.median(self.latencies) / 1000

    @property
    def mean_us(self) -> float:
        return self.wall / len(self.latencies) * 1e6

    @property
    def p99_us(self) -> float:
        return statistics.quantiles(self.latencies, n=100)[98] / 1000

    def line(self) -> str:
        cpu_us = self.cpu / len(self.latencies) * 1e6
        return (
            f"{self.name:<28} {self.calls_per_s:>9.0f} {self.median_us:>10.0f} "
            f"{self.p99_us:>9.0f} {cpu_us:>10.0f}"
        )


def timed(name: str, calls: int, one: Callable[[], object]) -> Row:
    one()  # warm up: connect, import, first-call caches
    latencies = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        one()
        latencies.append(time.perf_counter_ns() - t0)
    return Row(name, latencies, time.perf_counter() - wall0, time.process_time() - cpu0)


async def timed_async(name: str, calls: int, one: Callable[[], Awaitable[object]]) -> Row:
    await one()
    latencies = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        await one()
        latencies.append(time.perf_counter_ns() - t0)
    return Row(name, latencies, time.perf_counter() - wall0, time.process_time() - cpu0)


def bench_requests(url: str, calls: int) -> Row:
    with requests.Session() as http:
        return timed(
            "requests.Session", calls, lambda: http.get(url + PATH, headers=HEADERS).json()
        )


async def _aiohttp_rows(url: str, calls: int) -> list[Row]:
    async with aiohttp.ClientSession() as http:

        async def raw() -> object:
            async with http.get(url + PATH, headers=HEADERS) as resp:
                return await resp.json()

        raw_row = await timed_async("raw aiohttp (awaited)", calls, raw)
    async with AsyncDevin(api_key=FAKE_API_KEY, org_id=ORG, base_url=url) as client:
        sdk_row = await timed_async(
            "AsyncDevin (awaited)", calls, lambda: client.sessions.get(SESSION)
        )
    return [raw_row, sdk_row]


def bench_asyncio_run(url: str, calls: int) -> Row:
    async def one() -> object:
        async with AsyncDevin(api_key=FAKE_API_KEY, org_id=ORG, base_url=url) as client:
            return await client.sessions.get(SESSION)

    return timed("asyncio.run per call", calls, lambda: asyncio.run(one()))


def bench_devin(url: str, calls: int) -> Row:
    with Devin(api_key=FAKE_API_KEY, org_id=ORG, base_url=url) as client:
        return timed("Devin (sync shim)", calls, lambda: client.sessions.get(SESSION))


def canned_transport() -> Callable[[Request], Awaitable[Response]]:
    """A transport answering every request with the same session, without a socket."""
    body = json.dumps(v3_session(seed_state(FakeState()).sessions[SESSION])).encode()
    headers = {"Content-Type": "application/json"}

    async def send(request: Request) -> Response:
        return Response(200, headers, body, request)

    return send


def bench_shim_only(calls: int) -> list[Row]:
    kwargs = {"api_key": FAKE_API_KEY, "org_id": ORG, "base_url": "https://api.devin.ai"}

    async def direct() -> Row:
        async with AsyncDevin(**kwargs, transport=canned_transport()) as client:  # type: ignore[arg-type]
            return await timed_async(
                "AsyncDevin (awaited)", calls, lambda: client.sessions.get(SESSION)
            )

    with Devin(**kwargs, transport=canned_transport()) as client:  # type: ignore[arg-type]
        shim = timed("Devin (sync shim)", calls, lambda: client.sessions.get(SESSION))
    return [asyncio.run(direct()), shim]


def print_rows(title: str, rows: list[Row]) -> None:
    print(title)
    print(f"{'client':<28} {'calls/s':>9} {'median us':>10} {'p99 us':>9} {'CPU us/call':>10}")
    for row in rows:
        print(row.line())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    with fake_api_process() as url:
        rows = [
            bench_requests(url, args.calls),
            bench_asyncio_run(url, args.calls),
            *asyncio.run(_aiohttp_rows(url, args.calls)),
            bench_devin(url, args.calls),
        ]
    print_rows(f"{args.calls} sequential GETs per row; fake API in its own process", rows)
    by_name = {row.name: row for row in rows}
    devin, direct = by_name["Devin (sync shim)"], by_name["AsyncDevin (awaited)"]
    speedup = devin.calls_per_s / by_name["requests.Session"].calls_per_s
    print(f"\nDevin / requests.Session calls/s: {speedup:.2f}x  (target >= 1.5x)")
    median_gap = devin.median_us - direct.median_us
    mean_gap = devin.mean_us - direct.mean_us
    print(
        f"shim overhead per call (Devin - AsyncDevin): median {median_gap:.0f} us, "
        f"mean {mean_gap:.0f} us  (target < 100 us)"
    )
    print(
        "AsyncDevin / raw aiohttp calls/s: "
        f"{direct.calls_per_s / by_name['raw aiohttp (awaited)'].calls_per_s:.2f}x"
    )
    direct, shim = bench_shim_only(args.calls)
    print_rows("\nthe same calls through an in-memory transport (no socket)", [direct, shim])
    print(
        f"shim overhead per call: median {shim.median_us - direct.median_us:.0f} us, "
        f"mean {shim.mean_us - direct.mean_us:.0f} us, "
        f"CPU {(shim.cpu - direct.cpu) / args.calls * 1e6:.0f} us  (target < 100 us)"
    )


if __name__ == "__main__":
    main()
