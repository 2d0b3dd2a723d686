"""Enterprise knowledge notes and playbooks: shared with every organization."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.knowledge import NoteResponse
from ...models.playbooks import PlaybookResponse
from ..knowledge import NOTE, NOTES, note_body
from ..playbooks import PLAYBOOKS, PlaybookCalls
from ._base import EnterpriseResource

__all__ = ["EnterpriseKnowledge", "EnterprisePlaybooks"]


class EnterpriseKnowledge(EnterpriseResource):
    """Enterprise-level notes: ``trigger`` says when Devin recalls ``body``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[NoteResponse]:
        """Every enterprise-level note."""
        return self._list(NoteResponse, NOTES, page_size=page_size, limit=limit, options=options)

    async def create(
        self, *, name: str, body: str, trigger: str, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        """A note every organization's sessions can recall."""
        data = note_body(name, body, trigger)
        return await self._call(NoteResponse, "POST", NOTES, json=data, options=options)

    async def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger: str,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Replace a note's name, body and trigger (the API has no partial update)."""
        data = note_body(name, body, trigger)
        return await self._call(
            NoteResponse, "PUT", NOTE, {"note_id": note_id}, json=data, options=options
        )

    async def delete(self, note_id: str, **options: Unpack[RequestOptions]) -> NoteResponse:
        """Delete a note; answers it as it was."""
        return await self._call(NoteResponse, "DELETE", NOTE, {"note_id": note_id}, options=options)


class EnterprisePlaybooks(EnterpriseResource, PlaybookCalls[PlaybookResponse, PlaybookResponse]):
    """Enterprise-level playbooks, for every organization; ``macro`` (``!name``) invokes
    one from a prompt. Update and delete answer the playbook."""

    _playbook = _status = PlaybookResponse

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[PlaybookResponse]:
        """Every enterprise-level playbook."""
        return self._list(
            PlaybookResponse, PLAYBOOKS, page_size=page_size, limit=limit, options=options
        )
