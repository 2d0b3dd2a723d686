"""v3 organization sessions: ``/v3/organizations/{org_id}/sessions``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._options import RequestOptions
from .._query import query
from ..models.sessions import SessionResponse
from ._base import Resource

__all__ = ["Sessions"]

_SESSION = "/v3/organizations/{org_id}/sessions/{devin_id}"


class Sessions(Resource):
    """Sessions of one organization (the client's ``org_id`` unless a call passes one)."""

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        path = {"org_id": self._core.org_id(org_id), "devin_id": devin_id}
        request = self._core.request("GET", _SESSION, path=path, options=options)
        return await self._core.call(SessionResponse, request)

    async def terminate(
        self,
        devin_id: str,
        *,
        archive: bool | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Terminate a session; ``archive=True`` archives it too."""
        path = {"org_id": self._core.org_id(org_id), "devin_id": devin_id}
        request = self._core.request(
            "DELETE", _SESSION, path=path, params=query(archive=archive), options=options
        )
        return await self._core.call(SessionResponse, request)
