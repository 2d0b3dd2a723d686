"""The legacy v1 family: ``client.v1.<group>``."""

from __future__ import annotations

from ..._core import ClientCore
from .sessions import V1Sessions

__all__ = ["V1"]


class V1:
    """v1 groups (``/v1/...``), served during the deprecation period."""

    def __init__(self, core: ClientCore):
        self.sessions = V1Sessions(core)
