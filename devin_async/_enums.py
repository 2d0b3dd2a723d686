"""Open enums: the server adds values over time, and an unknown one must still parse."""

from __future__ import annotations

from enum import Enum
from typing import Any

__all__ = ["OpenEnum"]


class OpenEnum(str, Enum):
    """A ``str`` enum that accepts values it does not know.

    An unknown value becomes a pseudo-member whose ``value`` is the raw string, so it
    reads back unchanged and compares equal to that string; ``is_known`` tells them apart.
    """

    @classmethod
    def _missing_(cls, value: Any) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
