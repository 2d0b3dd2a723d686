"""Enterprise knowledge notes and playbooks: shared with every organization."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven
from ..._body import body as set_fields
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.knowledge import NoteResponse
from ...models.playbooks import PlaybookResponse
from ._base import EnterpriseResource

__all__ = ["EnterpriseKnowledge", "EnterprisePlaybooks"]

_NOTES = "/v3/enterprise/knowledge/notes"
_NOTE = _NOTES + "/{note_id}"
_PLAYBOOKS = "/v3/enterprise/playbooks"
_PLAYBOOK = _PLAYBOOKS + "/{playbook_id}"


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
        return self._list(NoteResponse, _NOTES, page_size=page_size, limit=limit, options=options)

    async def create(
        self, *, name: str, body: str, trigger: str, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        """A note every organization's sessions can recall."""
        data = {"name": name, "body": body, "trigger": trigger}
        return await self._call(NoteResponse, "POST", _NOTES, json=data, options=options)

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
        data = {"name": name, "body": body, "trigger": trigger}
        path = {"note_id": note_id}
        return await self._call(NoteResponse, "PUT", _NOTE, path, json=data, options=options)

    async def delete(self, note_id: str, **options: Unpack[RequestOptions]) -> NoteResponse:
        """Delete a note; answers it as it was."""
        return await self._call(
            NoteResponse, "DELETE", _NOTE, {"note_id": note_id}, options=options
        )


class EnterprisePlaybooks(EnterpriseResource):
    """Enterprise-level playbooks; ``macro`` (``!name``) invokes one from a prompt."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[PlaybookResponse]:
        """Every enterprise-level playbook."""
        return self._list(
            PlaybookResponse, _PLAYBOOKS, page_size=page_size, limit=limit, options=options
        )

    async def get(self, playbook_id: str, **options: Unpack[RequestOptions]) -> PlaybookResponse:
        """One playbook."""
        path = {"playbook_id": playbook_id}
        return await self._call(PlaybookResponse, "GET", _PLAYBOOK, path, options=options)

    async def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """A playbook every organization can use."""
        data = _playbook_body(title, body, macro)
        return await self._call(PlaybookResponse, "POST", _PLAYBOOKS, json=data, options=options)

    async def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Replace a playbook (the API has PUT only, no partial update)."""
        data = _playbook_body(title, body, macro)
        path = {"playbook_id": playbook_id}
        return await self._call(
            PlaybookResponse, "PUT", _PLAYBOOK, path, json=data, options=options
        )

    async def delete(self, playbook_id: str, **options: Unpack[RequestOptions]) -> PlaybookResponse:
        """Delete a playbook; answers it as it was."""
        path = {"playbook_id": playbook_id}
        return await self._call(PlaybookResponse, "DELETE", _PLAYBOOK, path, options=options)


def _playbook_body(title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
    return set_fields(title=title, body=text, macro=macro)
