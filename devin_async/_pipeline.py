"""The request pipeline: ``(request, call_next) -> response`` middleware around the transport."""

from __future__ import annotations

import logging
import time
import types
from collections.abc import Awaitable, Sequence

from ._config import Settings
from ._http import Handler, Middleware, Request, Response, StockLayer

__all__ = ["AuthMiddleware", "LoggingMiddleware", "build_pipeline", "logger"]

logger = logging.getLogger("devin_async")


def build_pipeline(middleware: Sequence[Middleware], transport: Handler) -> Handler:
    """Compose once, outermost first; each request then costs one call per layer."""
    handler = transport
    for layer in reversed(middleware):
        handler = _bind(layer, handler)
    return handler


def _bind(layer: Middleware, call_next: Handler) -> Handler:
    # A closure, not functools.partial(layer, call_next=...): a partial passes its
    # keyword through a dict on every call, twice the cost of this frame. A layer
    # object's __call__ is looked up once here: calling the object looks it up per call.
    if isinstance(layer, StockLayer):
        return layer.handler(call_next)
    call = layer if isinstance(layer, types.FunctionType) else _method_of(layer)

    def handler(request: Request) -> Awaitable[Response]:
        return call(request, call_next)

    return handler


def _method_of(layer: Middleware) -> Middleware:
    # Found where ``layer(...)`` finds it: on the class and its bases, never the instance.
    found = (vars(k)["__call__"] for k in type(layer).__mro__ if "__call__" in vars(k))
    method = next(found, None)
    if isinstance(method, types.FunctionType):  # a class written in Python
        return types.MethodType(method, layer)
    return layer  # a partial, a builtin, ...: calling it is as fast as it gets


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
            known, header = self._auth
            if key is not known:  # formatted once per key, not once per request
                header = {"Authorization": f"Bearer {key.reveal()}"}
                self._auth = (key, header)  # one assignment: never a key with another's header
            return call_next(request.with_headers(header))

        return authorized


class LoggingMiddleware(StockLayer):
    """Logs each exchange at DEBUG: method, path, status, time. Never headers or bodies."""

    def handler(self, call_next: Handler) -> Handler:
        def logged(request: Request) -> Awaitable[Response]:
            if not logger.isEnabledFor(logging.DEBUG):
                return call_next(request)
            return self._timed(request, call_next)

        return logged

    async def _timed(self, request: Request, call_next: Handler) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        logger.debug(
            "%s %s -> %d in %.1f ms",
            request.method,
            request.path,
            response.status,
            (time.perf_counter() - start) * 1000,
        )
        return response
