"""Start a session, follow it up with a message, and wait until Devin settles.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/create_and_wait.py [PROMPT]
"""

from __future__ import annotations

import asyncio
import sys

import devin_async


async def main(prompt: str) -> None:
    async with devin_async.AsyncDevin() as client:
        session = await client.sessions.create(prompt, tags=["example"])
        print(f"started {session.session_id}: {session.url}")
        await client.sessions.send_message(session.session_id, "Please add a regression test")
        try:
            settled = await client.sessions.wait(session.session_id, max_wait=3600)
        except devin_async.WaitTimeoutError as exc:
            print(f"still {exc.last.status} after an hour; check {session.url}")
            return
        print(f"{settled.session_id}: {settled.status}/{settled.status_detail}")
        for pr in settled.pull_requests:
            print(f"  pull request: {pr.pr_url} ({pr.pr_state})")


if __name__ == "__main__":
    asyncio.run(
        main(sys.argv[1] if len(sys.argv) > 1 else "Fix the flaky test in tests/test_io.py")
    )
