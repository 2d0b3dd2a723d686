"""Logging layer: one DEBUG line per exchange; and ``DEVIN_LOG``, which turns it on."""

from __future__ import annotations

import logging
import os
import time
import warnings
from collections.abc import Awaitable

from .._http import Handler, Request, Response, StockLayer
from .retry import RETRY_COUNT_HEADER

__all__ = ["LOG_ENV", "LoggingMiddleware", "log_as_environment_says", "logger"]

logger = logging.getLogger("devin_async")

LOG_ENV = "DEVIN_LOG"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def log_as_environment_says() -> None:
    """``DEVIN_LOG=debug`` (every exchange, every retry) or ``info`` (retries) sets the SDK
    logger's level, with a stderr handler if no handler anywhere would show its records;
    unset, it changes nothing. Read at each client's construction. No level logs a key,
    a header or a body."""
    value = os.environ.get(LOG_ENV, "").strip().lower()
    if not value:
        return
    level = _LEVELS.get(value)
    if level is None:
        warnings.warn(
            f"{LOG_ENV}={value!r} is ignored: use 'debug' or 'info'", RuntimeWarning, stacklevel=3
        )
        return
    logger.setLevel(level)
    if not logger.hasHandlers():  # the application configured no logging: show it anyway
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


class LoggingMiddleware(StockLayer):
    """Logs each exchange at DEBUG: method, path, status, time, and (when there is one)
    the retry's number and the request id. Never a query, a credential, or a body."""

    def handler(self, call_next: Handler) -> Handler:
        def logged(request: Request) -> Awaitable[Response]:
            if not logger.isEnabledFor(logging.DEBUG):
                return call_next(request)
            return self._timed(request, call_next)

        return logged

    async def _timed(self, request: Request, call_next: Handler) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        retry, request_id = request.headers.get(RETRY_COUNT_HEADER), response.request_id
        logger.debug(
            "%s %s -> %d in %.1f ms%s%s",
            request.method,
            request.path,
            response.status,
            (time.perf_counter() - start) * 1000,
            f", retry {retry}" if retry else "",
            f", request id {request_id}" if request_id else "",
        )
        return response
