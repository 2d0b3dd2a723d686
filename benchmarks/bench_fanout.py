"""Fan-out throughput: ``get_many`` against raw aiohttp, in the same run, as ratios.

    python benchmarks/bench_fanout.py [--requests 5000] [--concurrency 64] [--rounds 3]

The server (``session_server.py``) runs in another process, so the client's CPU time
is its own. Each round runs every scenario on a fresh connection pool, after a warm-up
that opens the connections; the order of scenarios rotates between rounds. Reported:
requests per second (wall clock) and client CPU per request (process CPU time /
requests), with ratios to raw aiohttp + ``resp.json()``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark the checkout, not an installed copy

from devin_async import AsyncDevin  # noqa: E402

ORG = "org-abc123def456"
KEY = "cog_benchmark_key"
WARMUP = 200

Scenario = Callable[[str, list[str], int], Awaitable[None]]


async def _raw(base_url: str, ids: list[str], concurrency: int, *, decode: bool) -> None:
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
    connector = aiohttp.TCPConnector(limit=100, limit_per_host=0)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
        pending = iter(ids)

        async def worker() -> None:
            for devin_id in pending:
                url = f"{base_url}/v3/organizations/{ORG}/sessions/{devin_id}"
                async with session.get(url) as resp:
                    assert resp.status == 200, resp.status
                    if decode:
                        await resp.json()
                    else:
                        await resp.read()

        await asyncio.gather(*(worker() for _ in range(concurrency)))


async def raw_json(base_url: str, ids: list[str], concurrency: int) -> None:
    await _raw(base_url, ids, concurrency, decode=True)


async def raw_bytes(base_url: str, ids: list[str], concurrency: int) -> None:
    await _raw(base_url, ids, concurrency, decode=False)


async def get_many(base_url: str, ids: list[str], concurrency: int) -> None:
    async with AsyncDevin(api_key=KEY, org_id=ORG, base_url=base_url) as client:
        sessions = await client.sessions.get_many(ids, concurrency=concurrency)
        assert len(sessions) == len(ids)
        assert sessions[-1].session_id == ids[-1]


SCENARIOS: dict[str, Scenario] = {
    "raw aiohttp + json()": raw_json,
    "raw aiohttp, bytes only": raw_bytes,
    "get_many (typed, full middleware)": get_many,
}


async def measure(
    scenario: Scenario, base_url: str, ids: list[str], concurrency: int
) -> tuple[float, float]:
    """(requests per second, client CPU seconds per request) for one timed run."""
    # The warm-up and the timed run share one pool only through the server's keep-alive;
    # each scenario builds its own client, as a program would.
    await scenario(base_url, [f"{i}-warm" for i in ids[:WARMUP]], concurrency)
    wall, cpu = time.perf_counter(), time.process_time()
    await scenario(base_url, ids, concurrency)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(ids) / wall, cpu / len(ids)


def start_server() -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("session_server.py"))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    if not line.startswith("PORT "):
        server.kill()
        raise RuntimeError(f"session server did not start: {line!r}")
    return server, f"http://127.0.0.1:{int(line.split()[1])}"


async def run(requests: int, concurrency: int, rounds: int, base_url: str) -> None:
    names = list(SCENARIOS)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            ids = [f"devin-{r:02d}{i:06d}" for i in range(requests)]
            results[name].append(await measure(SCENARIOS[name], base_url, ids, concurrency))
    base_rps = [rps for rps, _ in results[names[0]]]
    base_cpu = [cpu for _, cpu in results[names[0]]]
    print(f"{requests} GETs at concurrency {concurrency}, {rounds} rounds (server: another process)")
    print(f"{'scenario':36} {'req/s':>8} {'CPU µs/req':>11} {'x req/s':>8} {'x CPU':>7}  per round")
    for name in names:
        rps = [x for x, _ in results[name]]
        cpu = [y for _, y in results[name]]
        ratio_rps = [a / b for a, b in zip(rps, base_rps, strict=True)]
        ratio_cpu = [a / b for a, b in zip(cpu, base_cpu, strict=True)]
        rounds_text = ", ".join(f"{x:.2f}" for x in ratio_rps)
        print(
            f"{name:36} {statistics.median(rps):8.0f} {statistics.median(cpu) * 1e6:11.0f} "
            f"{statistics.median(ratio_rps):8.2f} {statistics.median(ratio_cpu):7.2f}  "
            f"[{rounds_text}]"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server, base_url = start_server()
    try:
        asyncio.run(run(args.requests, args.concurrency, args.rounds, base_url))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
