"""``devin-async demo``: the SDK's calls against the bundled fake API.

No key and no network: the fake API runs on 127.0.0.1 in this process.
"""

from __future__ import annotations

import argparse
import asyncio

from .. import AsyncDevin, NotFoundError
from ..testing import DropConnection, ErrorStatus, FakeDevin
from .output import Output

__all__ = ["main"]


async def demo() -> None:
    async with FakeDevin() as fake, fake.client() as client:
        print(f"fake Devin API serving at {fake.url}\n")

        s = await client.sessions.get("devin-abc123def456")
        print("client.sessions.get('devin-abc123def456')")
        print(f"  {s.title!r}: {s.status.value}/{s.status_detail}, {s.acus_consumed} ACUs,")
        print(f"  created {s.created_at:%Y-%m-%d %H:%M} UTC, tags {s.tags}")

        e = await client.enterprise.sessions.get("devin-fed987cba654")
        print("\nclient.enterprise.sessions.get('devin-fed987cba654')")
        print(f"  {e.title!r}: {e.status.value}/{e.status_detail} (origin {e.origin})")

        i = await client.enterprise.sessions.insights("devin-abc123def456")
        print("\nclient.enterprise.sessions.insights('devin-abc123def456')")
        print(
            f"  size {i.session_size}, {i.num_user_messages} user / "
            f"{i.num_devin_messages} Devin messages"
        )
        if i.analysis and i.analysis.suggested_prompt:
            print(f"  suggested prompt: {i.analysis.suggested_prompt.suggested_prompt!r}")

        old = await client.v1.sessions.get("devin-abc123def456")
        print("\nclient.v1.sessions.get('devin-abc123def456')")
        print(f"  {old.status} ({old.status_enum}), PR {old.pull_request and old.pull_request.url}")
        for m in old.messages:
            print(f"  [{m.timestamp:%H:%M:%S}] {m.type}: {m.message[:60]}")

        t = await client.sessions.terminate("devin-fed987cba654", archive=True)
        print("\nclient.sessions.terminate('devin-fed987cba654', archive=True)")
        print(f"  now {t.status.value}, archived={t.is_archived}")

        try:
            await client.sessions.get("devin-doesnotexist")
        except NotFoundError as exc:
            print(f"\nclient.sessions.get('devin-doesnotexist') raised NotFoundError:\n  {exc}")

        await fan_out(fake, client)


async def fan_out(fake: FakeDevin, client: AsyncDevin) -> None:
    """Fetch 500 sessions at once while the fake API misbehaves, then page through them."""
    ids: list[str] = [fake.state.add_session(tags=["nightly"])["session_id"] for _ in range(500)]
    fake.faults.add(ErrorStatus(503), probability=0.1, path="/v3/", times=None)
    fake.faults.add(ErrorStatus(429, retry_after=0), probability=0.05, path="/v3/", times=None)
    fake.faults.add(DropConnection(), probability=0.02, path="/v3/", times=None)
    print("\nclient.sessions.get_many(500 ids) with 10% 503, 5% 429 and 2% dropped connections")
    # About one request in six fails here: with the default 3 retries, now and then an id
    # would run out of them. These batches allow 8 (a per-call override).
    sessions = await client.sessions.get_many(ids, concurrency=32, max_retries=8)
    report = sessions.report
    print(
        f"  {report.succeeded} fetched in {report.requests} requests (up to 200 ids each), "
        f"{report.failed} failed, {report.retries} retries, every id in input order: "
        f"{[s.session_id for s in sessions] == ids}"
    )
    one_by_one = (
        await client.sessions.get_many(ids, concurrency=32, max_retries=8, batch=False)
    ).report
    print(
        f"  batch=False: {one_by_one.succeeded} fetched in {one_by_one.requests} requests, "
        f"{one_by_one.failed} failed, {one_by_one.retries} retries "
        f"({one_by_one.rate_limited} after 429)"
    )
    fake.faults.clear()
    pages = [len(page.items) async for page in client.sessions.list(tags=["nightly"]).pages()]
    print(f"\nclient.sessions.list(tags=['nightly']): {sum(pages)} sessions in pages of {pages}")


def main(args: argparse.Namespace, out: Output) -> int:
    asyncio.run(demo())
    return 0
