"""Knowledge notes and folders: ``/v3/organizations/{org_id}/knowledge``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.knowledge import KnowledgeFolders, NoteResponse
from ._org import OrgResource

__all__ = ["NOTE", "NOTES", "Knowledge", "note_body"]

# The same below the organization and the enterprise prefixes.
NOTES = "/knowledge/notes"
NOTE = NOTES + "/{note_id}"


def note_body(
    name: str, text: str, trigger: str, pinned_repo: str | NotGiven | None = NOT_GIVEN
) -> dict[str, object]:
    """A v3 note's fields, as create and update (PUT) send them."""
    return body(name=name, body=text, trigger=trigger, pinned_repo=pinned_repo)


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
        return self._list(
            NoteResponse,
            NOTES,
            params=query(folder_path=folder_path, pinned_repo=pinned_repo, search=search),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def get(
        self, note_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        """One note."""
        return await self._call(
            NoteResponse, "GET", NOTE, {"note_id": note_id}, org_id=org_id, options=options
        )

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
        data = note_body(name, body, trigger, pinned_repo)
        return await self._call(
            NoteResponse, "POST", NOTES, json=data, org_id=org_id, options=options
        )

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
        data = note_body(name, body, trigger, pinned_repo)
        return await self._call(
            NoteResponse,
            "PUT",
            NOTE,
            {"note_id": note_id},
            json=data,
            org_id=org_id,
            options=options,
        )

    async def delete(
        self, note_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> NoteResponse:
        """Delete a note; returns it as it was."""
        return await self._call(
            NoteResponse, "DELETE", NOTE, {"note_id": note_id}, org_id=org_id, options=options
        )

    async def folders(
        self, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> KnowledgeFolders:
        """The whole folder tree with per-folder note counts."""
        return await self._call(
            KnowledgeFolders, "GET", "/knowledge/folders", org_id=org_id, options=options
        )
