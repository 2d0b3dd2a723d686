"""Auth layer: the bearer token, added to every request."""

from __future__ import annotations

from collections.abc import Awaitable

from .._config import Settings
from .._http import Handler, Request, Response, StockLayer

__all__ = ["AuthMiddleware"]


# Layers that only touch the request are plain functions returning ``call_next``'s
# awaitable: an ``async def`` layer adds a coroutine frame that every resumption of
# the transport (several per request) has to pass through.


class AuthMiddleware(StockLayer):
    """Adds ``Authorization: Bearer ...``; a missing key fails here, when a call needs it."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._auth: tuple[object, dict[str, str]] = (None, {})  # (key, its header)

    def handler(self, call_next: Handler) -> Handler:
        def authorized(request: Request) -> Awaitable[Response]:
            key = self._settings.api_key or self._settings.require_key()  # raises if None
            if key is not self._auth[0]:  # formatted once per key, not once per request
                # One assignment: never a key with another's header.
                self._auth = (key, {"Authorization": f"Bearer {key.reveal()}"})
            # Read from self, not kept in a local: a layer below that raises at once
            # leaves this frame in its traceback, whose locals trackers print.
            return call_next(request.with_headers(self._auth[1]))

        return authorized
