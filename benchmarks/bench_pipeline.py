"""CPU per successful GET: full middleware pipeline vs the bare transport vs raw aiohttp.

    python benchmarks/bench_pipeline.py [--requests 300] [--rounds 15]

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
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devin_async import APIConnectionError, AsyncDevin, Request
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


async def cpu_per_request(send: Send, n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        await send()
    return (time.process_time() - start) / n


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
                "full pipeline": lambda: client._core.send(plain),
                "tenacity on every call": tenacity_get,
            }
            for send in variants.values():  # warm up connections and caches
                await cpu_per_request(send, 50)
            samples: dict[str, list[float]] = {name: [] for name in variants}
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

    base = samples["bare transport"]
    print(f"{requests} sequential GETs x {rounds} rounds; median CPU per request, and the")
    print("median of per-round ratios to the bare transport (rounds pair runs close in time):")
    ratios = {
        name: statistics.median(c / b for c, b in zip(cpu, base, strict=True))
        for name, cpu in samples.items()
    }
    for name, cpu in samples.items():
        print(f"  {name:24} {statistics.median(cpu) * 1e6:7.1f} us   {ratios[name]:5.3f}x")
    print(f"full pipeline / bare transport: {ratios['full pipeline']:.3f} (target <= 1.10)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.rounds))
