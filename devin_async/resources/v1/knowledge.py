"""Legacy v1 knowledge: ``/v1/knowledge``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._options import RequestOptions
from ...models.v1 import V1Knowledge, V1KnowledgeList
from .._args import nonempty
from ._base import V1Resource

__all__ = ["V1KnowledgeNotes"]

_NOTES = "/knowledge"
_NOTE = _NOTES + "/{note_id}"


class V1KnowledgeNotes(V1Resource):
    """Knowledge notes and their folders."""

    async def list(self, **options: Unpack[RequestOptions]) -> V1KnowledgeList:
        """Every knowledge note and folder (system knowledge excluded); not paginated."""
        return await self._call(V1KnowledgeList, "GET", _NOTES, options=options)

    async def create(
        self,
        *,
        name: str,
        body: str,
        trigger_description: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        parent_folder_id: str | NotGiven | None = NOT_GIVEN,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Knowledge:
        """Create a note; ``pinned_repo`` is ``"all"``, ``"owner/repo"`` or ``None``."""
        data = _note_body(name, body, trigger_description, macro, parent_folder_id, pinned_repo)
        return await self._call(V1Knowledge, "POST", _NOTES, json=data, options=options)

    async def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger_description: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        parent_folder_id: str | NotGiven | None = NOT_GIVEN,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Knowledge:
        """Replace a note in full (PUT): pass every field the note should keep."""
        data = _note_body(name, body, trigger_description, macro, parent_folder_id, pinned_repo)
        return await self._call(
            V1Knowledge, "PUT", _NOTE, {"note_id": note_id}, json=data, options=options
        )

    async def delete(self, note_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a note (the API answers 204 No Content)."""
        await self._call_no_content("DELETE", _NOTE, {"note_id": note_id}, options=options)


def _note_body(
    name: str,
    text: str,
    trigger_description: str,
    macro: str | NotGiven | None,
    parent_folder_id: str | NotGiven | None,
    pinned_repo: str | NotGiven | None,
) -> dict[str, object]:
    return body(
        name=nonempty("name", name),
        body=nonempty("body", text),
        trigger_description=nonempty("trigger_description", trigger_description),
        macro=macro,
        parent_folder_id=parent_folder_id,
        pinned_repo=pinned_repo,
    )
