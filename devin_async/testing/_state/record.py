"""The one record type of the fake API: a JSON object kept in (about) its wire shape."""

from __future__ import annotations

from typing import Any

__all__ = ["Record"]

Record = dict[str, Any]
