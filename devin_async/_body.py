"""Request bodies that carry only what the caller set.

``NOT_GIVEN`` marks a field the caller left out; ``None`` stays a real JSON ``null``
(a PATCH that clears a field), so the two never blur.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Final

from ._converter import unstructure
from .models._base import Model

__all__ = ["NOT_GIVEN", "NotGiven", "body"]


class NotGiven:
    """The type of ``NOT_GIVEN``: a keyword argument the caller did not pass."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


def _wire(value: Any) -> Any:
    if isinstance(value, Model):
        # An input model sends its set fields only: its ``None`` defaults mean "not given".
        return {k: v for k, v in unstructure(value).items() if v is not None}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_wire(v) for v in value]
    return unstructure(value)


def body(**fields: Any) -> dict[str, Any]:
    """The JSON body for ``fields``, without those left ``NOT_GIVEN``."""
    return {name: _wire(v) for name, v in fields.items() if not isinstance(v, NotGiven)}
