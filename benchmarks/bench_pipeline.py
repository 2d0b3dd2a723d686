"""CPU per successful GET: full middleware pipeline vs the bare transport vs raw aiohttp.

    python benchmarks/bench_pipeline.py [--requests 500] [--rounds 15]

The fake API runs in a separate process, so only the client's CPU is measured
(``time.process_time`` of this process). Variants run interleaved, round after round,
in a shuffled order; each round's CPU per request is divided by the bare transport's
of the same round, and the median of those ratios is reported (robust to a busy
machine). "tenacity on every call" wraps the transport in ``AsyncRetrying`` the naive
way, to show what the pipeline avoids.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devin_async import APIConnectionError, AsyncDevin, Handler, Request, Response
from devin_async._transport import AiohttpTransport
from devin_async.testing import FAKE_API_KEY

ORG = "org-abc123def456"
PATH = f"/v3/organizations/{ORG}/sessions/devin-abc123def456"
AUTH = {"Authorization": f"Bearer {FAKE_API_KEY}"}

Send = Callable[[], Awaitable[object]]


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "devin_async.testing"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # "fake Devin API at http://127.0.0.1:PORT (key ..."
    url = line.split(" at ", 1)[1].split()[0]
    return proc, url


async def cpu_per_request(send: Send, n: int) -> tuple[float, float]:
    """(total CPU, user CPU) seconds per request: the kernel's loopback work is charged
    to the sender and is noisy on a busy machine, while our code's cost is user time."""
    start = resource.getrusage(resource.RUSAGE_SELF)  # microsecond resolution, unlike os.times
    for _ in range(n):
        await send()
    end = resource.getrusage(resource.RUSAGE_SELF)
    user = end.ru_utime - start.ru_utime
    return (user + end.ru_stime - start.ru_stime) / n, user / n


async def overhead_without_network(n: int = 50_000) -> None:
    """The pipeline's own CPU per request, over a stub transport that suspends like I/O."""
    request = Request("GET", PATH, timeout=60.0)
    answer = Response(200, {}, b"{}", request)

    async def stub(request: Request) -> Response:
        await asyncio.sleep(0)  # a request and its answer: two suspensions
        await asyncio.sleep(0)
        return answer

    async with AsyncDevin(api_key=FAKE_API_KEY, org_id=ORG, transport=stub) as client:
        best = {"stub transport": float("inf"), "full pipeline": float("inf")}
        for _ in range(3):
            best["stub transport"] = min(best["stub transport"], await cpu_for(stub, request, n))
            pipeline_cpu = await cpu_for(client._core.send, request, n)
            best["full pipeline"] = min(best["full pipeline"], pipeline_cpu)
    extra = (best["full pipeline"] - best["stub transport"]) * 1e6
    print(f"without the network: the pipeline adds {extra:.1f} us of CPU per request")


async def cpu_for(send: Handler, request: Request, n: int) -> float:
    start = resource.getrusage(resource.RUSAGE_SELF)
    for _ in range(n):
        await send(request)
    end = resource.getrusage(resource.RUSAGE_SELF)
    return (end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime) / n


async def main(requests: int, rounds: int) -> None:
    proc, url = start_server()
    try:
        async with (
            aiohttp.ClientSession() as raw,
            AsyncDevin(api_key=FAKE_API_KEY, org_id=ORG, base_url=url) as client,
        ):
            transport = AiohttpTransport(url)
            plain = Request("GET", PATH, timeout=60.0)
            authed = plain.with_headers(AUTH)

            async def raw_get() -> object:
                async with raw.get(url + PATH, headers=AUTH) as resp:
                    return await resp.read()

            async def tenacity_get() -> object:
                async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(4),
                    retry=retry_if_exception_type(APIConnectionError),
                    reraise=True,
                ):
                    with attempt:
                        return await transport.send(authed)
                raise AssertionError("unreachable")

            variants: dict[str, Send] = {
                "raw aiohttp": raw_get,
                "bare transport": lambda: transport.send(authed),
                "bare transport, again": lambda: transport.send(authed),  # the noise floor
                "full pipeline": lambda: client._core.send(plain),
                "tenacity on every call": tenacity_get,
            }
            for send in variants.values():  # warm up connections and caches
                await cpu_per_request(send, 50)
            samples: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
            order = list(variants)
            shuffle = random.Random(0).shuffle
            for _ in range(rounds):
                shuffle(order)  # no variant always runs right after the same one
                for name in order:
                    samples[name].append(await cpu_per_request(variants[name], requests))
            await transport.aclose()
    finally:
        proc.terminate()
        proc.wait()

    print(f"{requests} sequential GETs x {rounds} rounds; median CPU per request, and the")
    print("median of per-round ratios to the bare transport (rounds pair runs close in time):")
    base = samples["bare transport"]
    ratio: dict[str, list[float]] = {}
    for name, runs in samples.items():
        ratio[name] = [
            statistics.median(r[i] / b[i] for r, b in zip(runs, base, strict=True)) for i in (0, 1)
        ]
        total, user = (statistics.median(r[i] for r in runs) * 1e6 for i in (0, 1))
        print(
            f"  {name:24} total {total:6.1f} us {ratio[name][0]:5.3f}x"
            f"   user {user:6.1f} us {ratio[name][1]:5.3f}x"
        )
    total_ratio, user_ratio = ratio["full pipeline"]
    print(
        f"full pipeline / bare transport: {total_ratio:.3f} total CPU, {user_ratio:.3f} user CPU"
        " (target <= 1.10)"
    )
    await overhead_without_network()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.rounds))
