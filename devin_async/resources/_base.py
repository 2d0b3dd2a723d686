"""The base of every resource group."""

from __future__ import annotations

from .._core import ClientCore

__all__ = ["Resource"]


class Resource:
    """A group of API methods (``client.sessions``, ...) over the client's shared core."""

    def __init__(self, core: ClientCore):
        self._core = core
