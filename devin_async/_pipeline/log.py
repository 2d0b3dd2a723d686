"""Logging layer: one DEBUG line per exchange."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable

from .._http import Handler, Request, Response, StockLayer

__all__ = ["LoggingMiddleware", "logger"]

logger = logging.getLogger("devin_async")


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
