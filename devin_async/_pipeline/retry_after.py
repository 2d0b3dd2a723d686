"""Parsing the ``Retry-After`` header (RFC 9110 §10.2.3): seconds or an HTTP date."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime

from multidict import CIMultiDictProxy

__all__ = ["parse_retry_after"]


def parse_retry_after(
    headers: CIMultiDictProxy[str], *, now: Callable[[], float] = time.time
) -> float | None:
    """Seconds to wait as the server asked, or ``None`` when it did not say (or said nonsense).

    ``retry-after-ms`` (sent by some gateways) wins over ``Retry-After``.
    """
    millis = headers.get("Retry-After-Ms")
    if millis:
        try:
            value = float(millis) / 1000
        except ValueError:
            value = -1.0
        if math.isfinite(value) and value >= 0:
            return value
    raw = headers.get("Retry-After")
    if not raw:
        return None
    raw = raw.strip()
    try:
        seconds = float(raw)
    except ValueError:
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        return max(0.0, when.timestamp() - now())
    if not math.isfinite(seconds) or seconds < 0:  # inf would close the 429 gate for good
        return None
    return seconds
