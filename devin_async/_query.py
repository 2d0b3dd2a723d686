"""Turning keyword arguments into query parameters, with one rule per value kind."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

from ._converter import to_epoch

__all__ = ["query"]

# How arrays travel: repeated keys (``tags=a&tags=b``), as FastAPI expects. The API's
# choice is UNCONFIRMED (the official SDK sends ``tags=a,b``); this is the one line to
# change if the server turns out to want commas.
ARRAY_FORMAT = "repeat"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return str(int(to_epoch(value)))
    return str(value)


def query(**params: Any) -> list[tuple[str, str]]:
    """Query pairs for the given parameters; ``None`` means not sent."""
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
            items = [_scalar(v) for v in value]
            if ARRAY_FORMAT == "comma":
                pairs.append((name, ",".join(items)))
            else:
                pairs.extend((name, item) for item in items)
        else:
            pairs.append((name, _scalar(value)))
    return pairs
