"""Shared fixtures: a fake Devin API on loopback and a client pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from devin_async import AsyncDevin
from devin_async.testing import FakeDevin


@pytest.fixture
async def fake() -> AsyncIterator[FakeDevin]:
    async with FakeDevin() as server:
        yield server


@pytest.fixture
async def client(fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with fake.client() as c:
        yield c
