"""Blocking clients of the fake: ``sync_client()`` works wherever it is asked for."""

from __future__ import annotations

import asyncio
import time

from devin_async.testing import FakeClock, FakeDevin

SID = "devin-abc123def456"


async def test_a_blocking_client_inside_async_def_does_not_deadlock() -> None:
    # The fake serves on this very loop, which each blocking call holds up: a twin
    # over the same state serves the blocking client from a thread instead.
    async with FakeDevin(clock=FakeClock()) as fake:
        began = time.perf_counter()
        with fake.sync_client() as client:
            created = client.sessions.create("Bump the lockfile")
            done = client.sessions.wait(created.session_id)  # on the shared fake clock
        assert time.perf_counter() - began < 5
        assert str(done.status_detail) == "finished"
        assert fake.state.sessions[created.session_id]["status_detail"] == "finished"
        async with fake.client() as aclient:  # the in-loop server still answers too
            assert (await aclient.sessions.get(created.session_id)).session_id
        twin = fake._twin
        assert twin is not None and twin.url != fake.url
    assert fake._twin is None and twin._thread is None  # closed with the fake


def test_a_blocking_client_of_a_fake_not_started_serves_it_from_a_thread() -> None:
    fake = FakeDevin()
    try:
        with fake.sync_client() as client:
            assert client.sessions.get(SID).session_id == SID
        assert fake._thread is not None and fake._twin is None
    finally:
        fake.stop_thread()
    assert fake._thread is None
    fake.stop_thread()  # twice is harmless


def test_a_fake_served_from_a_thread_serves_blocking_clients_itself() -> None:
    fake = FakeDevin()
    url = fake.start_in_thread()
    try:
        with fake.sync_client() as client:
            assert client.base_url == url
            assert client.v1.sessions.get(SID).session_id == SID
    finally:
        fake.stop_thread()


def test_a_fake_started_on_a_loop_that_no_longer_runs_still_serves_blocking_clients() -> None:
    # Exactly a sync test using an async fixture: the fixture's loop is idle meanwhile.
    loop = asyncio.new_event_loop()
    fake = FakeDevin()
    loop.run_until_complete(fake.start())
    try:
        with fake.sync_client() as client:
            assert client.sessions.get(SID).session_id == SID
    finally:
        loop.run_until_complete(fake.close())
        loop.close()
