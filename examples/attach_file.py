"""Upload a file and start a session that reads it.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/attach_file.py [FILE]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import devin_async


async def main(path: Path) -> None:
    async with devin_async.AsyncDevin() as client:
        attachment = await client.attachments.upload(path)
        session = await client.sessions.create(
            f"Read the attached {path.name} and summarise the errors in it",
            attachment_urls=[attachment.url],
            tags=["log-triage"],
        )
        print(f"uploaded {attachment.name} -> {attachment.url}")
        print(f"started {session.session_id}: {session.url}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        asyncio.run(main(Path(sys.argv[1])))
    else:  # a sample log, so the example runs as it is
        with tempfile.TemporaryDirectory() as tmp:
            sample = Path(tmp, "build.log")
            sample.write_text("ERROR: test_payments failed: timeout after 30 s\n")
            asyncio.run(main(sample))
