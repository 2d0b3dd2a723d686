"""Legacy v1 sessions: ``/v1/sessions``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from typing_extensions import Unpack

from ..._converter import structure, unstructure
from ..._options import RequestOptions
from ..._pagination import AsyncPaginator, PageStyle
from ..._query import query
from ...models.v1 import (
    V1Detail,
    V1MessageResult,
    V1Session,
    V1SessionCreated,
    V1SessionSecret,
    V1SessionSummary,
)
from .._base import Resource
from ._args import body, nonempty, str_list

__all__ = ["V1Sessions"]

_SESSION = "/v1/sessions/{session_id}"
# v1 list limits (legacy spec: limit 1..1000, default 100).
V1_DEFAULT_PAGE_SIZE = 100
V1_MAX_PAGE_SIZE = 1000
# Create's structured_output_schema limit (docs: JSON Schema Draft 7, at most 64 KB).
MAX_SCHEMA_BYTES = 64 * 1024


def _schema(schema: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if schema is None:
        return None
    if not isinstance(schema, Mapping):
        raise TypeError(f"structured_output_schema must be a dict, not {type(schema).__name__}")
    size = len(json.dumps(schema, separators=(",", ":")).encode())
    if size > MAX_SCHEMA_BYTES:
        raise ValueError(f"structured_output_schema is {size} bytes; the API allows 64 KB")
    return schema


def _secrets(secrets: Sequence[V1SessionSecret] | None) -> list[Any] | None:
    if secrets is None:
        return None
    if not all(isinstance(s, V1SessionSecret) for s in secrets):
        raise TypeError("session_secrets must be a list of V1SessionSecret")
    return [unstructure(s) for s in secrets]


def _positive(name: str, value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return value


class V1Sessions(Resource):
    """v1 sessions, for ``apk_...`` keys (the key's organization is implied)."""

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> V1Session:
        """Get one session with its messages."""
        request = self._core.request(
            "GET", _SESSION, path={"session_id": session_id}, options=options
        )
        return await self._core.call(V1Session, request)

    def list(
        self,
        *,
        tags: Sequence[str] | None = None,
        user_email: str | None = None,
        page_size: int = V1_DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[V1SessionSummary]:
        """Every session of the organization, newest first, fetched lazily by limit/offset.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        if not 1 <= page_size <= V1_MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{V1_MAX_PAGE_SIZE}, got {page_size}")
        params = query(tags=str_list("tags", tags), user_email=user_email)
        request = self._core.request("GET", "/v1/sessions", params=params, options=options)
        return self._core.paginate(
            V1SessionSummary,
            request,
            style=PageStyle.OFFSET,
            page_size=page_size,
            limit=limit,
            items_key="sessions",
        )

    async def create(
        self,
        prompt: str,
        *,
        title: str | None = None,
        tags: Sequence[str] | None = None,
        idempotent: bool | None = None,
        unlisted: bool | None = None,
        snapshot_id: str | None = None,
        playbook_id: str | None = None,
        max_acu_limit: int | None = None,
        secret_ids: Sequence[str] | None = None,
        knowledge_ids: Sequence[str] | None = None,
        session_secrets: Sequence[V1SessionSecret] | None = None,
        structured_output_schema: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> V1SessionCreated:
        """Start a session.

        ``idempotent=True`` makes the API return the existing identical session instead
        of starting another (``is_new_session`` says which). ``secret_ids`` and
        ``knowledge_ids``: ``None`` means all of them, ``[]`` none.
        """
        payload = body(
            prompt=nonempty("prompt", prompt),
            title=title,
            tags=str_list("tags", tags),
            idempotent=idempotent,
            unlisted=unlisted,
            snapshot_id=snapshot_id,
            playbook_id=playbook_id,
            max_acu_limit=_positive("max_acu_limit", max_acu_limit),
            secret_ids=str_list("secret_ids", secret_ids),
            knowledge_ids=str_list("knowledge_ids", knowledge_ids),
            session_secrets=_secrets(session_secrets),
            structured_output_schema=_schema(structured_output_schema),
        )
        request = self._core.request("POST", "/v1/sessions", json=payload, options=options)
        return await self._core.call(V1SessionCreated, request)

    async def send_message(
        self, session_id: str, message: str, **options: Unpack[RequestOptions]
    ) -> V1MessageResult:
        """Send a message to a session; see ``V1MessageResult`` for the server's notice."""
        request = self._core.request(
            "POST",
            _SESSION + "/message",
            path={"session_id": session_id},
            json={"message": nonempty("message", message)},
            options=options,
        )
        # The API answers 204 (legacy spec), 200 null, or 200 {"detail": ...} (newer spec).
        data = await self._core.call_json(request, empty_ok=True)
        if data is None:
            return V1MessageResult()
        return structure(data, V1MessageResult, what=f"POST {request.path}")

    async def update_tags(
        self, session_id: str, tags: Sequence[str], **options: Unpack[RequestOptions]
    ) -> V1Detail:
        """Replace the session's tags with ``tags``."""
        request = self._core.request(
            "PUT",
            _SESSION + "/tags",
            path={"session_id": session_id},
            json={"tags": str_list("tags", tags, required=True)},
            options=options,
        )
        return await self._core.call(V1Detail, request)

    async def terminate(self, session_id: str, **options: Unpack[RequestOptions]) -> V1Detail:
        """End a session (the API answers 400 if it already exited)."""
        request = self._core.request(
            "DELETE", _SESSION, path={"session_id": session_id}, options=options
        )
        return await self._core.call(V1Detail, request)
