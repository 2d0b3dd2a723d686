"""v3 enterprise sessions: ``/v3/enterprise/sessions`` (any organization of the enterprise)."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._polling import V3_TERMINAL
from ..._query import query
from ...models.sessions import SessionInsights, SessionResponse
from .._fanout import SessionFanOut

__all__ = ["EnterpriseSessions"]


class EnterpriseSessions(SessionFanOut[SessionResponse], terminal=V3_TERMINAL):
    """Sessions across the enterprise; ``org_id`` narrows a call to one organization."""

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session (needs ViewAccountSessions at enterprise level)."""
        request = self._core.request(
            "GET",
            "/v3/enterprise/sessions/{devin_id}",
            path={"devin_id": devin_id},
            params=query(org_id=org_id),
            options=options,
        )
        return await self._core.call(SessionResponse, request)

    async def insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionInsights:
        """A session with its metrics and AI analysis (``analysis`` is None until generated)."""
        request = self._core.request(
            "GET",
            "/v3/enterprise/sessions/{devin_id}/insights",
            path={"devin_id": devin_id},
            params=query(org_id=org_id),
            options=options,
        )
        return await self._core.call(SessionInsights, request)
