"""Fetch every session tagged ``nightly`` at once, with progress, and summarise them.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/nightly_fetch.py [TAG]
"""

from __future__ import annotations

import asyncio
import collections
import sys

import devin_async


def show_progress(report: devin_async.BulkReport) -> None:
    line = f"{report.done}/{report.total} fetched, {report.failed} failed"
    print(f"\r{line}", end="", file=sys.stderr)


async def main(tag: str) -> None:
    async with devin_async.AsyncDevin() as client:
        ids = [s.session_id async for s in client.sessions.list(tags=[tag])]
        outcomes = await client.sessions.get_many(
            ids, on_error="return", deadline=300, on_progress=show_progress
        )
        print(file=sys.stderr)
        by_status = collections.Counter(
            str(o.value.status) if o.value else o.status.value for o in outcomes
        )
        print(f"{len(ids)} sessions tagged {tag!r}: {dict(by_status)}")
        for o in outcomes:
            if o.error is not None:
                print(f"  {o.id}: {o.error}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "nightly"))
