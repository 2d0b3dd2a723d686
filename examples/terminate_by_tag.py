"""Terminate (and archive) every running session with a tag.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/terminate_by_tag.py TAG
"""

from __future__ import annotations

import asyncio
import sys

import devin_async


async def main(tag: str) -> None:
    async with devin_async.AsyncDevin() as client:
        running = [
            s.session_id
            async for s in client.sessions.list(tags=[tag])
            if s.status in ("new", "claimed", "running", "resuming")
        ]
        for session_id in running:
            ended = await client.sessions.terminate(session_id, archive=True)
            print(f"{session_id}: {ended.status}, archived={ended.is_archived}")
        print(f"terminated {len(running)} session(s) tagged {tag!r}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "nightly"))
