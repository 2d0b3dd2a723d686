"""Argument checks shared by the v1 groups: bad input fails here, before any request."""

from __future__ import annotations

from typing import TypeVar

from ..._body import NotGiven

__all__ = ["nonempty", "positive"]

Unset = TypeVar("Unset", None, NotGiven)


def nonempty(name: str, value: object) -> str:
    """``value`` if it is a non-blank string; a clear error otherwise (never echoing it)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def positive(name: str, value: int | Unset) -> int | Unset:
    """``value`` if it is an int >= 1 (or left unset)."""
    if isinstance(value, (NotGiven, type(None))):
        return value
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return value
