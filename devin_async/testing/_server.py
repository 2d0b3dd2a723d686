"""Running the fake API on loopback: in the caller's loop, or in a thread of its own."""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Any

from aiohttp import web

from .._client import AsyncDevin
from .._clock import Clock
from ._app import create_app
from ._faults import FaultPlan
from ._state import FakeState, seed_state

__all__ = ["FAKE_API_KEY", "FakeDevin"]

FAKE_API_KEY = "cog_fake_key_for_tests_only"


class FakeDevin:
    """The fake Devin API on ``127.0.0.1``: ``async with FakeDevin() as fake: fake.url``.

    ``state`` holds its data (seeded with sessions like the reference pages' examples
    unless ``seed=False``); ``state.seen`` lists the requests it received; ``faults``
    injects failures. With ``clock`` (a ``FakeClock``), the server stamps requests with
    it and ``client()`` hands it to the clients, so both sides share one time.
    """

    def __init__(
        self,
        *,
        api_key: str | None = FAKE_API_KEY,
        seed: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
        state: FakeState | None = None,
        clock: Clock | None = None,
    ):
        self.state = state or FakeState(api_key=api_key)
        self.clock = clock
        if clock is not None:
            self.state.clock = clock.now
        if seed and state is None:
            seed_state(self.state)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.url = ""

    @property
    def faults(self) -> FaultPlan:
        return self.state.faults

    async def start(self) -> str:
        """Start serving; returns the base URL (``http://127.0.0.1:<port>``)."""
        self._runner = web.AppRunner(create_app(self.state), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        port = server.sockets[0].getsockname()[1]
        self.url = f"http://{self._host}:{port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def client(self, **kwargs: Any) -> AsyncDevin:
        """An ``AsyncDevin`` pointed at this server, with its key and default org."""
        kwargs.setdefault("api_key", self.state.api_key or FAKE_API_KEY)
        kwargs.setdefault("org_id", self.state.default_org_id)
        if self.clock is not None:
            kwargs.setdefault("clock", self.clock)
        return AsyncDevin(base_url=self.url, **kwargs)

    async def __aenter__(self) -> FakeDevin:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def start_in_thread(self) -> str:
        """Serve from a daemon thread with its own loop (for blocking code and other
        processes); ``stop_thread()`` ends it. Returns the base URL."""
        ready = threading.Event()
        self._thread_loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(self._thread_loop)
            self._thread_loop.run_until_complete(self.start())
            ready.set()
            self._thread_loop.run_forever()
            self._thread_loop.run_until_complete(self.close())
            self._thread_loop.close()

        self._thread = threading.Thread(target=run, name="devin-fake-api", daemon=True)
        self._thread.start()
        ready.wait()
        return self.url

    def stop_thread(self) -> None:
        self._thread_loop.call_soon_threadsafe(self._thread_loop.stop)
        self._thread.join()
