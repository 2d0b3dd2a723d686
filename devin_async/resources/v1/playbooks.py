"""Legacy v1 team playbooks: ``/v1/playbooks``."""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven
from ..._options import RequestOptions
from ...models.v1 import V1Playbook, V1PlaybookStatus
from .._args import nonempty
from ..playbooks import PLAYBOOK, PLAYBOOKS, playbook_body
from ._base import V1Resource

__all__ = ["V1Playbooks"]


def _checked(title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
    # v1 refuses a blank title or body here, before any request.
    return playbook_body(nonempty("title", title), nonempty("body", text), macro)


class V1Playbooks(V1Resource):
    """Team playbooks (writes need ManageOrgPlaybooks)."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[V1Playbook]:
        """Every team playbook; not paginated."""
        return await self._call(builtins.list[V1Playbook], "GET", PLAYBOOKS, options=options)

    async def get(self, playbook_id: str, **options: Unpack[RequestOptions]) -> V1Playbook:
        """Get one playbook."""
        return await self._call(
            V1Playbook, "GET", PLAYBOOK, {"playbook_id": playbook_id}, options=options
        )

    async def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Playbook:
        """Create a playbook; ``macro`` (e.g. ``"!deploy"``) invokes it from a prompt."""
        data = _checked(title, body, macro)
        return await self._call(V1Playbook, "POST", PLAYBOOKS, json=data, options=options)

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
        data = _checked(title, body, macro)
        return await self._call(
            V1PlaybookStatus,
            "PUT",
            PLAYBOOK,
            {"playbook_id": playbook_id},
            json=data,
            options=options,
        )

    async def delete(self, playbook_id: str, **options: Unpack[RequestOptions]) -> V1PlaybookStatus:
        """Delete a playbook (the API marks it deleted and frees its macro)."""
        return await self._call(
            V1PlaybookStatus, "DELETE", PLAYBOOK, {"playbook_id": playbook_id}, options=options
        )
