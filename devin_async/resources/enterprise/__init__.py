"""The v3 enterprise family: ``client.enterprise.<group>``."""

from __future__ import annotations

from ..._core import ClientCore
from .sessions import EnterpriseSessions

__all__ = ["Enterprise"]


class Enterprise:
    """Enterprise-scoped groups (``/v3/enterprise/...``), for enterprise service users."""

    def __init__(self, core: ClientCore):
        self.sessions = EnterpriseSessions(core)
