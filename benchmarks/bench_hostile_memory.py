"""Peak client memory against hostile answers: a gzip bomb and an endless stream.

    python benchmarks/bench_hostile_memory.py [--cap-mib 32] [--bomb-mib 512] [--reference]

A server on 127.0.0.1 (this process) answers ``GET .../sessions/<name>`` with:

- ``bomb``: a 2xx gzip body of about 1 KiB per MiB that inflates to ``--bomb-mib`` MiB;
- ``stream``: a 2xx chunked body with no length that goes on until the client hangs up
  (the server stops after 8 GiB);
- ``error-stream`` and ``error-bomb``: the same as a 500 answer (error bodies keep only
  an excerpt);
- anything else: an ordinary session, for the warm-up.

Each scenario runs in a fresh client process (so its peak RSS is its own): it makes 50
ordinary calls to warm up (imports, pool, parser, converter), takes its peak RSS so far
(``resource.getrusage``) as the idle baseline, makes the hostile call, and reports the
new peak. The target: peak minus baseline under 2x ``max_response_size``. With
``--reference`` a last row raises the client's limit past the bomb's size, to show what
reading it whole costs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from session_server import V3_BODY  # an ordinary session, for the warm-up calls

MiB = 1024 * 1024
ORG = "org-abc123def456"
KEY = "cog_bench_hostile_memory"
SCENARIOS = ["bomb", "stream", "error-bomb", "error-stream"]


def gzip_bomb(inflated_mib: int) -> bytes:
    """One gzip member inflating to a JSON string of ``inflated_mib`` MiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    parts = [packer.compress(b'{"pad": "')]
    block = b"A" * MiB
    parts += [packer.compress(block) for _ in range(inflated_mib)]
    parts += [packer.compress(b'"}'), packer.flush()]
    return b"".join(parts)


def server_app(bomb: bytes, session: bytes) -> web.Application:
    async def answer(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        status = 500 if name.startswith("error-") else 200
        if name.endswith("bomb"):
            headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
            return web.Response(status=status, body=bomb, headers=headers)
        if name.endswith("stream"):
            response = web.StreamResponse(
                status=status, headers={"Content-Type": "application/json"}
            )
            await response.prepare(request)
            chunk = b" " * (256 * 1024)
            try:
                await response.write(b"[")
                for _ in range(8 * 1024 * MiB // len(chunk)):
                    await response.write(chunk)
            except (ConnectionError, RuntimeError):
                pass  # the client hung up: what it is meant to do
            return response
        return web.Response(body=session, content_type="application/json")

    app = web.Application()
    app.router.add_get(f"/v3/organizations/{ORG}/sessions/{{name}}", answer)
    return app


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


async def client_run(base_url: str, scenario: str, cap: int) -> dict[str, Any]:
    """In the client process: warm up, take the baseline, make the hostile call."""
    import gc

    from devin_async import AsyncDevin, DevinError

    async with AsyncDevin(
        api_key=KEY, org_id=ORG, base_url=base_url, max_retries=0, max_response_size=cap
    ) as client:
        warm_up_id = json.loads(V3_BODY)["session_id"]  # checked against the path asked
        for _ in range(50):
            await client.sessions.get(warm_up_id)
        gc.collect()
        baseline = peak_rss_mib()
        started = time.perf_counter()
        try:
            await client.sessions.get(scenario)
            outcome = "returned"
        except DevinError as exc:
            outcome = f"{type(exc).__name__} (body kept: {len(getattr(exc, 'body', b''))} B)"
        took = time.perf_counter() - started
    peak = peak_rss_mib()
    return {"baseline": baseline, "peak": peak, "outcome": outcome, "seconds": took}


async def measure(base_url: str, scenario: str, cap: int) -> dict[str, Any]:
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--client",
        base_url,
        scenario,
        str(cap),
        stdout=subprocess.PIPE,
    )
    out, _ = await child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"client process for {scenario} failed ({child.returncode})")
    return json.loads(out)  # type: ignore[no-any-return]


async def main(cap_mib: int, bomb_mib: int, reference: bool) -> None:
    bomb = gzip_bomb(bomb_mib)
    runner = web.AppRunner(server_app(bomb, V3_BODY), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    base_url = f"http://{host}:{port}"
    cap = cap_mib * MiB
    rows = [(name, cap) for name in SCENARIOS]
    if reference:
        rows.append(("bomb", (bomb_mib + 16) * MiB))
    print(
        f"gzip bomb: {len(bomb) / 1024:.0f} KiB as sent, {bomb_mib} MiB inflated; "
        f"target: peak - baseline < 2 x the limit"
    )
    print(
        f"{'scenario':<14}{'limit MiB':>10}{'baseline MiB':>14}{'peak MiB':>10}"
        f"{'delta MiB':>11}{'x limit':>9}{'seconds':>9}  outcome"
    )
    try:
        for name, limit in rows:
            r = await measure(base_url, name, limit)
            delta = r["peak"] - r["baseline"]
            print(
                f"{name:<14}{limit / MiB:>10.0f}{r['baseline']:>14.1f}{r['peak']:>10.1f}"
                f"{delta:>11.1f}{delta / (limit / MiB):>9.2f}{r['seconds']:>9.2f}  {r['outcome']}"
            )
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--client":
        _, _, url, scenario_name, cap_bytes = sys.argv
        print(json.dumps(asyncio.run(client_run(url, scenario_name, int(cap_bytes)))))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--cap-mib", type=int, default=32, help="max_response_size")
        parser.add_argument("--bomb-mib", type=int, default=512, help="the bomb, inflated")
        parser.add_argument(
            "--reference", action="store_true", help="also read the bomb whole, for contrast"
        )
        args = parser.parse_args()
        asyncio.run(main(args.cap_mib, args.bomb_mib, args.reference))
