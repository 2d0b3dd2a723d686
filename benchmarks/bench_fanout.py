"""Fan-out throughput: ``get_many`` against raw aiohttp, in the same run, as ratios.

    python benchmarks/bench_fanout.py [--requests 5000] [--concurrency 64] [--rounds 11]

The server (``session_server.py``) runs in another process, so the client's CPU time
is its own. Each round runs every scenario on a fresh connection pool, after a warm-up;
the order of scenarios rotates between rounds. Reported, as medians over rounds:
requests per second (wall clock), client CPU per request (process CPU time / requests),
their ratios to raw aiohttp + ``resp.json()`` in the same round, and the server's CPU per
request (from ``/proc``: when it is near the client's, the server is the bottleneck).

The target row is raw aiohttp + ``resp.json()`` that drops each body once parsed. The
"kept" row also keeps every body and hands them back in input order, as a fan-out
must: holding thousands of results costs the garbage collector and the allocator
(about 10 us per request here). The "orjson + models" row adds the SDK's typed models
decoded as each answer arrives, and nothing else (no request objects, middleware or
per-id outcomes). ``get_many`` can beat both: it keeps each answer as its body bytes
(nothing for the collector to walk) and decodes them when the batch is done, and it
arms no aiohttp timer per request (its transport keeps long deadlines by the second),
where the raw rows pay for aiohttp's default 5-minute timeout (the "no timeout" row
shows what that costs them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark the checkout, not an installed copy

from devin_async import AsyncDevin, SessionResponse  # noqa: E402
from devin_async._converter import structure  # noqa: E402

ORG = "org-abc123def456"
KEY = "cog_benchmark_key"
WARMUP = 200

Scenario = Callable[[str, list[str], int], Awaitable[None]]


async def _raw(
    base_url: str,
    ids: list[str],
    concurrency: int,
    *,
    body: Callable[[aiohttp.ClientResponse], Awaitable[object]],
    keep: bool,
    timeout: aiohttp.ClientTimeout = aiohttp.client.DEFAULT_TIMEOUT,
) -> None:
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
    connector = aiohttp.TCPConnector(limit=100, limit_per_host=0)
    results: dict[str, object] = {}
    session = aiohttp.ClientSession(connector=connector, headers=headers, timeout=timeout)
    async with session:
        pending = iter(ids)

        async def worker() -> None:
            for devin_id in pending:
                url = f"{base_url}/v3/organizations/{ORG}/sessions/{devin_id}"
                async with session.get(url) as resp:
                    assert resp.status == 200, resp.status
                    result = await body(resp)
                    if keep:
                        results[devin_id] = result

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    if keep:  # what a fan-out hands back: every result, in input order
        assert len([results[devin_id] for devin_id in ids]) == len(ids)


async def _typed(resp: aiohttp.ClientResponse) -> SessionResponse:
    return structure(orjson.loads(await resp.read()), SessionResponse)


async def raw_json(base_url: str, ids: list[str], concurrency: int) -> None:
    await _raw(base_url, ids, concurrency, body=aiohttp.ClientResponse.json, keep=False)


async def raw_json_kept(base_url: str, ids: list[str], concurrency: int) -> None:
    await _raw(base_url, ids, concurrency, body=aiohttp.ClientResponse.json, keep=True)


async def raw_json_untimed(base_url: str, ids: list[str], concurrency: int) -> None:
    """Without aiohttp's default 5-minute timeout, so with no timer per request."""
    await _raw(
        base_url,
        ids,
        concurrency,
        body=aiohttp.ClientResponse.json,
        keep=False,
        timeout=aiohttp.ClientTimeout(total=None),
    )


async def raw_bytes(base_url: str, ids: list[str], concurrency: int) -> None:
    await _raw(base_url, ids, concurrency, body=aiohttp.ClientResponse.read, keep=False)


async def typed_floor(base_url: str, ids: list[str], concurrency: int) -> None:
    """What typed results cost at the least: raw aiohttp, orjson and the SDK's model
    structuring, kept in input order; no request objects, middleware or bookkeeping.
    Not a way to use the SDK: a reference for how close ``get_many`` can get."""
    await _raw(base_url, ids, concurrency, body=_typed, keep=True)


async def get_many(base_url: str, ids: list[str], concurrency: int) -> None:
    async with AsyncDevin(api_key=KEY, org_id=ORG, base_url=base_url) as client:
        # One GET per id, as raw aiohttp does: bench_batch.py measures batching.
        sessions = await client.sessions.get_many(ids, concurrency=concurrency, batch=False)
        assert len(sessions) == len(ids)
        assert sessions[-1].session_id == ids[-1]


SCENARIOS: dict[str, Scenario] = {
    "raw aiohttp + json()": raw_json,
    "raw aiohttp + json(), no timeout": raw_json_untimed,
    "raw aiohttp, bytes only": raw_bytes,
    "raw aiohttp + json(), kept": raw_json_kept,
    "raw aiohttp + orjson + models": typed_floor,
    "get_many (typed, full middleware)": get_many,
}


def server_cpu(pid: int) -> float:
    """CPU seconds the server process has used (Linux ``/proc``; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(
    scenario: Scenario, base_url: str, ids: list[str], concurrency: int, server_pid: int
) -> tuple[float, float, float]:
    """Requests per second, and client and server CPU seconds per request, for one run."""
    # Each scenario builds its own client (and connection pool), as a program would.
    await scenario(base_url, [f"{i}-warm" for i in ids[:WARMUP]], concurrency)
    wall, cpu, served = time.perf_counter(), time.process_time(), server_cpu(server_pid)
    await scenario(base_url, ids, concurrency)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    served = server_cpu(server_pid) - served
    return len(ids) / wall, cpu / len(ids), served / len(ids)


def start_server(*command: str) -> tuple[subprocess.Popen[str], str]:
    """A server in its own process (``command``, by default ``session_server.py``)."""
    server = subprocess.Popen(
        list(command) or [sys.executable, str(Path(__file__).with_name("session_server.py"))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    if not line.startswith("PORT "):
        server.kill()
        raise RuntimeError(f"the benchmark server did not start: {line!r}")
    return server, f"http://127.0.0.1:{int(line.split()[1])}"


async def run(requests: int, concurrency: int, rounds: int, base_url: str, server_pid: int) -> None:
    names = list(SCENARIOS)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            ids = [f"devin-{r:02d}{i:06d}" for i in range(requests)]
            run = await measure(SCENARIOS[name], base_url, ids, concurrency, server_pid)
            results[name].append(run)
    base_rps = [rps for rps, _, _ in results[names[0]]]
    base_cpu = [cpu for _, cpu, _ in results[names[0]]]
    print(
        f"{requests} GETs at concurrency {concurrency}, {rounds} rounds (server: another process)"
    )
    print(
        f"{'scenario':34} {'req/s':>7} {'CPU µs/req':>10} {'x req/s':>7} {'x CPU':>6} "
        f"{'server µs/req':>13}  x req/s per round"
    )
    for name in names:
        rps = [x for x, _, _ in results[name]]
        cpu = [y for _, y, _ in results[name]]
        served = [z for _, _, z in results[name]]
        ratio_rps = [a / b for a, b in zip(rps, base_rps, strict=True)]
        ratio_cpu = [a / b for a, b in zip(cpu, base_cpu, strict=True)]
        rounds_text = ", ".join(f"{x:.2f}" for x in ratio_rps)
        print(
            f"{name:34} {statistics.median(rps):7.0f} {statistics.median(cpu) * 1e6:10.0f} "
            f"{statistics.median(ratio_rps):7.2f} {statistics.median(ratio_cpu):6.2f} "
            f"{statistics.median(served) * 1e6:13.0f}  [{rounds_text}]"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    server, base_url = start_server()
    try:
        asyncio.run(run(args.requests, args.concurrency, args.rounds, base_url, server.pid))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
