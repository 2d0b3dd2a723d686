"""Playbooks: ``/v3/organizations/{org_id}/playbooks``."""

from __future__ import annotations

from typing import Generic, TypeVar

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..models.playbooks import PlaybookResponse
from ._base import Resource
from ._org import OrgResource

__all__ = ["PLAYBOOK", "PLAYBOOKS", "PlaybookCalls", "Playbooks", "playbook_body"]

P = TypeVar("P")
S = TypeVar("S")

# The same below every family's prefix: organization, enterprise and v1.
PLAYBOOKS = "/playbooks"
PLAYBOOK = PLAYBOOKS + "/{playbook_id}"


def playbook_body(title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
    """A playbook's fields, as create and update (PUT) send them in every family."""
    return body(title=title, body=text, macro=macro)


class PlaybookCalls(Resource, Generic[P, S]):
    """One playbook by id, in the families whose calls name no organization (enterprise,
    v1): ``P`` is the family's playbook model, ``S`` what its update and delete answer."""

    _playbook: type[P]
    _status: type[S]

    def _fields(self, title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
        """The body of create and update; a family may check the fields first."""
        return playbook_body(title, text, macro)

    async def get(self, playbook_id: str, **options: Unpack[RequestOptions]) -> P:
        """One playbook."""
        return await self._call(
            self._playbook, "GET", PLAYBOOK, {"playbook_id": playbook_id}, options=options
        )

    async def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> P:
        """Create a playbook; ``macro`` (e.g. ``"!deploy"``) invokes it from a prompt."""
        data = self._fields(title, body, macro)
        return await self._call(self._playbook, "POST", PLAYBOOKS, json=data, options=options)

    async def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> S:
        """Replace a playbook's title, body and macro (PUT: the API has no partial update)."""
        data = self._fields(title, body, macro)
        return await self._call(
            self._status, "PUT", PLAYBOOK, {"playbook_id": playbook_id}, json=data, options=options
        )

    async def delete(self, playbook_id: str, **options: Unpack[RequestOptions]) -> S:
        """Delete a playbook, freeing its macro."""
        return await self._call(
            self._status, "DELETE", PLAYBOOK, {"playbook_id": playbook_id}, options=options
        )


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
        """Every playbook of the organization."""
        return self._list(
            PlaybookResponse,
            PLAYBOOKS,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def get(
        self, playbook_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PlaybookResponse:
        """One playbook."""
        return await self._call(
            PlaybookResponse,
            "GET",
            PLAYBOOK,
            {"playbook_id": playbook_id},
            org_id=org_id,
            options=options,
        )

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
        data = playbook_body(title, body, macro)
        return await self._call(
            PlaybookResponse, "POST", PLAYBOOKS, json=data, org_id=org_id, options=options
        )

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
        return await self._call(
            PlaybookResponse,
            "PUT",
            PLAYBOOK,
            {"playbook_id": playbook_id},
            json=playbook_body(title, body, macro),
            org_id=org_id,
            options=options,
        )

    async def delete(
        self, playbook_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PlaybookResponse:
        """Delete a playbook; returns it as it was."""
        return await self._call(
            PlaybookResponse,
            "DELETE",
            PLAYBOOK,
            {"playbook_id": playbook_id},
            org_id=org_id,
            options=options,
        )
