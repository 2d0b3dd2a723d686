"""Legacy v1 sessions: ``/v1/sessions``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._polling import V1_TERMINAL
from ...models.v1 import V1Session
from .._fanout import SessionFanOut

__all__ = ["V1Sessions"]


class V1Sessions(SessionFanOut[V1Session], terminal=V1_TERMINAL):
    """v1 sessions, for ``apk_...`` keys."""

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> V1Session:
        """Get one session with its messages."""
        request = self._core.request(
            "GET", "/v1/sessions/{session_id}", path={"session_id": session_id}, options=options
        )
        return await self._core.call(V1Session, request)
