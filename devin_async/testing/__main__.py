"""``python -m devin_async.testing [--port N]``: serve the fake API until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from ._server import FAKE_API_KEY, FakeDevin


async def _serve(port: int) -> None:
    async with FakeDevin(port=port) as fake:
        print(
            f"fake Devin API at {fake.url} (key {FAKE_API_KEY!r}, org "
            f"{fake.state.default_org_id!r}); Ctrl-C to stop",
            flush=True,
        )
        await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the fake Devin API on loopback.")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free one)")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port))


if __name__ == "__main__":
    main()
