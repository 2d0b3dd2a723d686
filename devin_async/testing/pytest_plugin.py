"""pytest fixtures for testing code against the fake Devin API.

Installing ``devin-async`` registers this module as a pytest plugin (entry point
``pytest11``, name ``devin_async``). It defines fixtures and nothing else: no hook,
no option, no marker, so tests that do not ask for a fixture run exactly as before.

- ``devin_fake``: a running ``FakeDevin`` (seeded) on a ``FakeClock`` that starts at
  ``FAKE_EPOCH``: ``devin_fake.state``, ``devin_fake.faults``, ``devin_fake.clock``.
- ``devin_client``: an ``AsyncDevin`` pointed at it, on its clock.
- ``devin_sync_client``: a blocking ``Devin`` pointed at it (served from a thread, so
  it works in sync tests and inside ``async def`` alike).

With pytest-asyncio (strict or auto mode) ``devin_fake`` and ``devin_client`` run on
the test's event loop, which follows ``asyncio_default_fixture_loop_scope``; keep it
the tests' loop scope (``function``, the default). Without pytest-asyncio,
``devin_fake`` serves from a thread and ``devin_client`` is unavailable. To change the
fake (unseeded, another clock...), define your own ``devin_fake`` fixture: the client
fixtures use it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .. import AsyncDevin, Devin
    from ._server import FakeDevin

try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - exercised by projects without pytest-asyncio
    pytest_asyncio = None  # type: ignore[assignment]

__all__ = ["FAKE_EPOCH", "devin_client", "devin_fake", "devin_sync_client"]

# 2026-01-01T00:00:00Z: where the fixtures' fake clock starts, so timestamps read as dates.
FAKE_EPOCH = 1_767_225_600.0


def _new_fake() -> FakeDevin:
    # Imported here, not at the top: pytest loads every installed plugin at startup, and
    # projects that never ask for these fixtures should not pay for the fake's import.
    from .._clock import FakeClock
    from ._server import FakeDevin

    return FakeDevin(clock=FakeClock(start=FAKE_EPOCH))


if pytest_asyncio is not None:

    @pytest_asyncio.fixture(name="devin_fake")
    async def devin_fake() -> AsyncIterator[FakeDevin]:
        """A running fake Devin API on the test's loop, its clock a ``FakeClock``."""
        async with _new_fake() as fake:
            yield fake

    @pytest_asyncio.fixture(name="devin_client")
    async def devin_client(devin_fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
        """An ``AsyncDevin`` pointed at ``devin_fake``, with its key, org and clock."""
        async with devin_fake.client() as client:
            yield client

else:  # pragma: no cover - exercised by projects without pytest-asyncio

    @pytest.fixture(name="devin_fake")
    def devin_fake() -> Iterator[FakeDevin]:
        """A fake Devin API served from its own thread (no pytest-asyncio installed)."""
        fake = _new_fake()
        fake.start_in_thread()
        try:
            yield fake
        finally:
            fake.stop_thread()

    @pytest.fixture(name="devin_client")
    def devin_client() -> None:
        raise pytest.UsageError("devin_client is an AsyncDevin: install pytest-asyncio")


@pytest.fixture
def devin_sync_client(devin_fake: FakeDevin) -> Iterator[Devin]:
    """A blocking ``Devin`` pointed at ``devin_fake`` (see ``FakeDevin.sync_client``)."""
    with devin_fake.sync_client() as client:
        yield client
