"""Argument checks and request bodies shared by the v1 groups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["body", "nonempty", "str_list"]


def body(**fields: Any) -> dict[str, Any]:
    """A JSON body of the fields the caller set (``None`` means not sent).

    Every optional v1 body field defaults to ``null`` on the server, so leaving one
    out and sending ``null`` mean the same there.
    """
    return {name: value for name, value in fields.items() if value is not None}


def nonempty(name: str, value: object) -> str:
    """``value`` if it is a non-blank string; a clear error otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def str_list(
    name: str, value: Sequence[str] | None, *, required: bool = False
) -> list[str] | None:
    """A list of strings; a bare string is refused rather than split into characters."""
    if value is None:
        if required:
            raise TypeError(f"{name} is required (pass [] for none)")
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of str, not {type(value).__name__}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold only str, found {type(item).__name__}")
    return items
