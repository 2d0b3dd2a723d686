"""Legacy v1 knowledge: ``/v1/knowledge``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._options import RequestOptions
from ...models.v1 import V1Knowledge, V1KnowledgeList
from .._base import Resource
from ._args import nonempty

__all__ = ["V1KnowledgeNotes"]

_NOTE = "/v1/knowledge/{note_id}"


class V1KnowledgeNotes(Resource):
    """Knowledge notes and their folders."""

    async def list(self, **options: Unpack[RequestOptions]) -> V1KnowledgeList:
        """Every knowledge note and folder (system knowledge excluded); not paginated."""
        request = self._core.request("GET", "/v1/knowledge", options=options)
        return await self._core.call(V1KnowledgeList, request)

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
        payload = _note_body(name, body, trigger_description, macro, parent_folder_id, pinned_repo)
        request = self._core.request("POST", "/v1/knowledge", json=payload, options=options)
        return await self._core.call(V1Knowledge, request)

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
        payload = _note_body(name, body, trigger_description, macro, parent_folder_id, pinned_repo)
        request = self._core.request(
            "PUT", _NOTE, path={"note_id": note_id}, json=payload, options=options
        )
        return await self._core.call(V1Knowledge, request)

    async def delete(self, note_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a note (the API answers 204 No Content)."""
        request = self._core.request("DELETE", _NOTE, path={"note_id": note_id}, options=options)
        await self._core.call_json(request, empty_ok=True)


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
