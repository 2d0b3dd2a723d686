"""``python -m devin_async.testing [--port N] [--speed X]``: serve the fake API until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from ._server import FAKE_API_KEY, FAKE_V1_API_KEY, FakeDevin


def banner(fake: FakeDevin) -> str:
    """Where the fake listens and what opens it."""
    return (
        f"fake Devin API at {fake.url}\n"
        f"  v3 key {FAKE_API_KEY} (cog_: v3 and v1)\n"
        f"  v1 key {FAKE_V1_API_KEY} (apk_: v1 only)\n"
        f"  org    {fake.state.default_org_id}\n"
        "Ctrl-C to stop"
    )


async def _serve(port: int, speed: float | None) -> None:
    async with FakeDevin(port=port, speed=speed) as fake:
        print(banner(fake), flush=True)
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m devin_async.testing",
        description="Serve the fake Devin API on loopback.",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: any free one)")
    parser.add_argument(
        "--speed",
        type=float,
        default=None,
        help="run sessions this many times faster than real time (default: real time)",
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.speed))


if __name__ == "__main__":
    main()
