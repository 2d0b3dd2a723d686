"""Legacy v1 team playbooks: ``/v1/playbooks``."""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._options import RequestOptions
from ...models.v1 import V1Playbook, V1PlaybookStatus
from .._base import Resource
from ._args import nonempty

__all__ = ["V1Playbooks"]

_PLAYBOOK = "/v1/playbooks/{playbook_id}"


def _playbook_body(title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
    return body(title=nonempty("title", title), body=nonempty("body", text), macro=macro)


class V1Playbooks(Resource):
    """Team playbooks (writes need ManageOrgPlaybooks)."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[V1Playbook]:
        """Every team playbook; not paginated."""
        request = self._core.request("GET", "/v1/playbooks", options=options)
        return await self._core.call(builtins.list[V1Playbook], request)

    async def get(self, playbook_id: str, **options: Unpack[RequestOptions]) -> V1Playbook:
        """Get one playbook."""
        request = self._core.request(
            "GET", _PLAYBOOK, path={"playbook_id": playbook_id}, options=options
        )
        return await self._core.call(V1Playbook, request)

    async def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Playbook:
        """Create a playbook; ``macro`` (e.g. ``"!deploy"``) invokes it from a prompt."""
        payload = _playbook_body(title, body, macro)
        request = self._core.request("POST", "/v1/playbooks", json=payload, options=options)
        return await self._core.call(V1Playbook, request)

    async def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1PlaybookStatus:
        """Replace a playbook's title, body and macro (the API answers only a status)."""
        request = self._core.request(
            "PUT",
            _PLAYBOOK,
            path={"playbook_id": playbook_id},
            json=_playbook_body(title, body, macro),
            options=options,
        )
        return await self._core.call(V1PlaybookStatus, request)

    async def delete(self, playbook_id: str, **options: Unpack[RequestOptions]) -> V1PlaybookStatus:
        """Delete a playbook (the API marks it deleted and frees its macro)."""
        request = self._core.request(
            "DELETE", _PLAYBOOK, path={"playbook_id": playbook_id}, options=options
        )
        return await self._core.call(V1PlaybookStatus, request)
