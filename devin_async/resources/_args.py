"""Argument checks shared by every family: bad input fails here, before any request."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from .._body import NotGiven
from .._options import OPTION_KEYS, RequestOptions, unexpected_keywords
from .._query import query

__all__ = ["nonempty", "positive", "split_filters"]

Unset = TypeVar("Unset", None, NotGiven)


def split_filters(
    params: Mapping[str, Any], allowed: Any
) -> tuple[list[tuple[str, str]], RequestOptions]:
    """Query pairs and per-call options from ``**params`` typed by the TypedDict ``allowed``.

    A misspelt filter raises instead of being silently dropped (and listing everything).
    """
    known = allowed.__optional_keys__ | allowed.__required_keys__
    unknown = sorted(set(params) - known)
    if unknown:
        raise unexpected_keywords(unknown, params, known)
    options: RequestOptions = {k: v for k, v in params.items() if k in OPTION_KEYS}  # type: ignore[assignment]
    return query(**{k: v for k, v in params.items() if k not in OPTION_KEYS}), options


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
