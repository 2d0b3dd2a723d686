"""Knowledge notes and folders: ``/v3/organizations/{org_id}/knowledge``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.knowledge import KnowledgeFolders, NoteResponse
from ._org import OrgResource

__all__ = ["Knowledge"]

_NOTES = "/knowledge/notes"
_NOTE = "/knowledge/notes/{note_id}"


class Knowledge(OrgResource):
    """Knowledge notes (``trigger`` says when Devin recalls ``body``) and their folders."""

    def list(
        self,
        *,
        folder_path: str | None = None,
        pinned_repo: str | None = None,
        search: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[NoteResponse]:
        """Every note, optionally only those in a folder, pinned to a repo, or matching text."""
        params = query(folder_path=folder_path, pinned_repo=pinned_repo, search=search)
        request = self._request("GET", _NOTES, org_id, options, params=params)
        return self._core.paginate(NoteResponse, request, page_size=page_size, limit=limit)

    async def get(
        self, note_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        request = self._request("GET", _NOTE, org_id, options, note_id=note_id)
        return await self._core.call(NoteResponse, request)

    async def create(
        self,
        *,
        name: str,
        body: str,
        trigger: str,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Create a note; ``pinned_repo`` limits it to one repository."""
        payload = _note(name, body, trigger, pinned_repo)
        request = self._request("POST", _NOTES, org_id, options, json=payload)
        return await self._core.call(NoteResponse, request)

    async def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger: str,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Replace a note's name, body and trigger (the API has no partial update)."""
        payload = _note(name, body, trigger, pinned_repo)
        request = self._request("PUT", _NOTE, org_id, options, json=payload, note_id=note_id)
        return await self._core.call(NoteResponse, request)

    async def delete(
        self, note_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        """Delete a note; returns it as it was."""
        request = self._request("DELETE", _NOTE, org_id, options, note_id=note_id)
        return await self._core.call(NoteResponse, request)

    async def folders(
        self, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> KnowledgeFolders:
        """The whole folder tree with per-folder note counts."""
        request = self._request("GET", "/knowledge/folders", org_id, options)
        return await self._core.call(KnowledgeFolders, request)


def _note(
    name: str, text: str, trigger: str, pinned_repo: str | NotGiven | None
) -> dict[str, object]:
    return body(name=name, body=text, trigger=trigger, pinned_repo=pinned_repo)
