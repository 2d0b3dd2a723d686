"""The request pipeline: ``(request, call_next) -> response`` middleware around the transport."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Sequence

from ._config import Settings
from ._http import Handler, Middleware, Request, Response

__all__ = ["AuthMiddleware", "LoggingMiddleware", "build_pipeline", "logger"]

logger = logging.getLogger("devin_async")


def build_pipeline(middleware: Sequence[Middleware], transport: Handler) -> Handler:
    """Compose once, outermost first; each request then costs one call per layer."""
    handler = transport
    for layer in reversed(middleware):
        handler = functools.partial(layer, call_next=handler)
    return handler


class AuthMiddleware:
    """Adds ``Authorization: Bearer ...``; a missing key fails here, when a call needs it."""

    def __init__(self, settings: Settings):
        self._settings = settings

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        key = self._settings.require_key()
        return await call_next(request.with_headers({"Authorization": f"Bearer {key.reveal()}"}))


class LoggingMiddleware:
    """Logs each exchange at DEBUG: method, path, status, time. Never headers or bodies."""

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        if not logger.isEnabledFor(logging.DEBUG):
            return await call_next(request)
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
