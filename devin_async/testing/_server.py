"""Running the fake API on loopback: in the caller's loop, or in a thread of its own."""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Any

from aiohttp import web

from .._client import AsyncDevin
from .._clock import Clock
from .._serving import serving, stopped
from .._sync import Devin
from ._app import create_app
from ._faults import FaultPlan
from ._scaled_clock import ScaledClock
from ._state import FakeState, seed_state

__all__ = ["FAKE_API_KEY", "FAKE_V1_API_KEY", "FakeDevin"]

FAKE_API_KEY = "cog_fake_key_for_tests_only"
FAKE_V1_API_KEY = "apk_fake_key_for_tests_only"


class FakeDevin:
    """The fake Devin API on ``127.0.0.1``: ``async with FakeDevin() as fake: fake.url``.

    ``state`` holds its data (seeded with sessions like the reference pages' examples
    unless ``seed=False``); ``state.seen`` lists the requests it received; ``faults``
    injects failures. It takes ``api_key`` (``cog_...``) for v3 and v1, ``v1_api_key``
    (``apk_...``) for v1 only. Sessions created through it live on its clock: with
    ``clock`` (a ``FakeClock``) the server and ``client()`` share simulated time; with
    ``speed`` they share real time run ``speed`` times faster; else real time.
    """

    def __init__(
        self,
        *,
        api_key: str | None = FAKE_API_KEY,
        v1_api_key: str | None = FAKE_V1_API_KEY,
        seed: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
        state: FakeState | None = None,
        clock: Clock | None = None,
        speed: float | None = None,
    ):
        if clock is not None and speed is not None:
            raise ValueError("give a clock or a speed, not both")
        self.state = state or FakeState(api_key=api_key, v1_api_key=v1_api_key)
        self.clock = ScaledClock(speed) if speed is not None else clock
        if self.clock is not None:
            self.state.clock = self.clock.now
        if seed and state is None:
            seed_state(self.state)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        self._twin: FakeDevin | None = None  # serves blocking clients when we cannot
        self.url = ""

    @property
    def faults(self) -> FaultPlan:
        return self.state.faults

    async def start(self) -> str:
        """Start serving on the running loop; returns the base URL (``http://127.0.0.1:<port>``)."""
        self._runner = web.AppRunner(create_app(self.state), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        port = server.sockets[0].getsockname()[1]
        self.url = f"http://{self._host}:{port}"
        serving(self.url, asyncio.get_running_loop())  # a Devin on this loop would wait for ever
        return self.url

    async def close(self) -> None:
        stopped(self.url)
        if self._twin is not None:
            self._twin.stop_thread()
            self._twin = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def client(self, **kwargs: Any) -> AsyncDevin:
        """An ``AsyncDevin`` pointed at this server, with its key, default org and clock."""
        return AsyncDevin(base_url=self.url, **self._client_settings(kwargs))

    def sync_client(self, **kwargs: Any) -> Devin:
        """A blocking ``Devin`` pointed at this fake, safe anywhere, even in ``async def``.

        Blocking calls would freeze a server that runs on the caller's own loop (and one
        whose loop is not running answers nobody), so unless this fake already serves from
        its own thread, a twin over the same state does, until ``close()``.
        """
        return Devin(base_url=self._blocking_url(), **self._client_settings(kwargs))

    def _client_settings(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        kwargs.setdefault("api_key", self.state.api_key or FAKE_API_KEY)
        kwargs.setdefault("org_id", self.state.default_org_id)
        if self.clock is not None:
            kwargs.setdefault("clock", self.clock)
        return kwargs

    def _blocking_url(self) -> str:
        if self._thread is not None:
            return self.url
        if self._runner is None:
            return self.start_in_thread()
        if self._twin is None:
            self._twin = FakeDevin(state=self.state, clock=self.clock, host=self._host)
            self._twin.start_in_thread()
        return self._twin.url

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
        """Serve from a daemon thread with its own loop, for blocking code (``Devin``) and
        other processes; ``stop_thread()`` ends it. Returns the base URL."""
        ready = threading.Event()
        loop = self._thread_loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.close())
            loop.close()

        self._thread = threading.Thread(target=run, name="devin-fake-api", daemon=True)
        self._thread.start()
        ready.wait()
        return self.url

    def stop_thread(self) -> None:
        """End what ``start_in_thread()`` began (and wait for it)."""
        if self._thread is None or self._thread_loop is None:
            return
        self._thread_loop.call_soon_threadsafe(self._thread_loop.stop)
        self._thread.join()
        self._thread = self._thread_loop = None
