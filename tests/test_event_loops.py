"""Clients and event loops: one client per loop, a closed client refuses calls, and a
client used from another loop says so."""

from __future__ import annotations

import asyncio
import gc
import warnings

import pytest

from devin_async import ClientUsageError, RateLimit
from devin_async.testing import FakeDevin


def test_a_closed_client_refuses_calls_and_a_new_one_works_on_the_next_loop() -> None:
    fake = FakeDevin()
    url = fake.start_in_thread()
    try:

        async def use() -> list[str]:
            client = fake.client(rate_limit=RateLimit(max_in_flight=1))
            assert client.base_url == url
            ids = ["devin-abc123def456"] * 3  # concurrent: the in-flight cap has to wait
            sessions = await asyncio.gather(*(client.sessions.get(i) for i in ids))
            await client.aclose()
            with pytest.raises(ClientUsageError, match="this client is closed"):
                await client.sessions.get("devin-abc123def456")  # no silent reopening
            with pytest.raises(ClientUsageError, match="this client is closed"):
                await client.sessions.list().to_list()
            with pytest.raises(ClientUsageError, match="this client is closed"):
                await client.attachments.download("uuid", "name.txt")
            return [s.session_id for s in sessions]

        assert asyncio.run(use()) == ["devin-abc123def456"] * 3
        assert asyncio.run(use()) == ["devin-abc123def456"] * 3
    finally:
        fake.stop_thread()


def test_a_client_left_open_on_an_ended_loop_says_so() -> None:
    fake = FakeDevin()
    fake.start_in_thread()
    try:
        client = fake.client()
        asyncio.run(client.sessions.get("devin-abc123def456"))  # no aclose(): loop ends

        async def again() -> None:
            with pytest.raises(ClientUsageError, match="an event loop that has ended"):
                await client.sessions.get("devin-abc123def456")
            await client.aclose()  # drops the dead pool; the client is done
            with pytest.raises(ClientUsageError, match="this client is closed"):
                await client.sessions.get("devin-abc123def456")

        with warnings.catch_warnings():
            # The pool abandoned with its loop can only be dropped, not closed gracefully.
            warnings.simplefilter("ignore", ResourceWarning)
            asyncio.run(again())
            gc.collect()
    finally:
        fake.stop_thread()
