"""Per-call overrides that every API method accepts as keyword arguments."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["RequestOptions"]


class RequestOptions(TypedDict, total=False):
    """``timeout`` in seconds for each attempt; ``max_retries`` retries after the first try;
    ``max_response_size`` the bytes a JSON answer may take (as sent, and inflated).

    The client's ``RetryPolicy.budget`` bounds the whole call, retries included.
    """

    timeout: float
    max_retries: int
    max_response_size: int
