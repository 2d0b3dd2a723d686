"""Playbooks: ``/v3/organizations/{org_id}/playbooks``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..models.playbooks import PlaybookResponse
from ._org import OrgResource

__all__ = ["Playbooks"]

_PLAYBOOKS = "/playbooks"
_PLAYBOOK = "/playbooks/{playbook_id}"


class Playbooks(OrgResource):
    """Reusable instructions; ``macro`` (``!name``) invokes one from a prompt."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[PlaybookResponse]:
        request = self._request("GET", _PLAYBOOKS, org_id, options)
        return self._core.paginate(PlaybookResponse, request, page_size=page_size, limit=limit)

    async def get(
        self, playbook_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PlaybookResponse:
        request = self._request("GET", _PLAYBOOK, org_id, options, playbook_id=playbook_id)
        return await self._core.call(PlaybookResponse, request)

    async def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Create a playbook; ``macro`` is ``!`` then letters, digits, ``_`` or ``-``."""
        payload = _playbook(title, body, macro)
        request = self._request("POST", _PLAYBOOKS, org_id, options, json=payload)
        return await self._core.call(PlaybookResponse, request)

    async def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Replace a playbook's title and body (PUT: the API has no partial update)."""
        payload = _playbook(title, body, macro)
        request = self._request(
            "PUT", _PLAYBOOK, org_id, options, json=payload, playbook_id=playbook_id
        )
        return await self._core.call(PlaybookResponse, request)

    async def delete(
        self, playbook_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PlaybookResponse:
        """Delete a playbook; returns it as it was."""
        request = self._request("DELETE", _PLAYBOOK, org_id, options, playbook_id=playbook_id)
        return await self._core.call(PlaybookResponse, request)


def _playbook(title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
    return body(title=title, body=text, macro=macro)
