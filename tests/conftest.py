"""Shared fixtures: a fake Devin API on loopback and a client pointed at it."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from typing import Any

import aioresponses.core
import pytest
from aiohttp import ClientResponse

from devin_async import AsyncDevin
from devin_async.testing import FakeClock, FakeDevin


class _CompatResponse(ClientResponse):
    """aioresponses 0.7.9 predates aiohttp 3.14's required ``stream_writer`` argument
    (pnuckowski/aioresponses#289); supply a finished writer so mocked responses build."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", _FinishedWriter())
        super().__init__(*args, **kwargs)


class _FinishedWriter:
    output_size = 0


if "stream_writer" in inspect.signature(ClientResponse.__init__).parameters:
    # aioresponses imports ClientResponse without re-exporting it; it is patched where it is used.
    aioresponses.core.ClientResponse = _CompatResponse  # type: ignore[attr-defined]


@pytest.fixture
async def fake() -> AsyncIterator[FakeDevin]:
    async with FakeDevin() as server:
        yield server


@pytest.fixture
async def client(fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with fake.client() as c:
        yield c


@pytest.fixture
def clock() -> FakeClock:
    """Virtual time from 2025-06-15T15:06:40Z, for lifecycles that follow the fake's clock."""
    return FakeClock(start=1_750_000_000)


@pytest.fixture
async def timed(clock: FakeClock) -> AsyncIterator[tuple[FakeDevin, AsyncDevin]]:
    """A fake API and a client that share ``clock``: both sides see the same time."""
    async with FakeDevin(clock=clock) as server, server.client() as c:
        yield server, c
