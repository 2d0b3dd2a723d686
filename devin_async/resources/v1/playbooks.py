"""Legacy v1 team playbooks: ``/v1/playbooks``."""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from ..._body import NotGiven
from ..._options import RequestOptions
from ...models.v1 import V1Playbook, V1PlaybookStatus
from .._args import nonempty
from ..playbooks import PLAYBOOKS, PlaybookCalls, playbook_body
from ._base import V1Resource

__all__ = ["V1Playbooks"]


class V1Playbooks(V1Resource, PlaybookCalls[V1Playbook, V1PlaybookStatus]):
    """Team playbooks (writes need ManageOrgPlaybooks); update and delete answer only a
    status (delete marks the playbook deleted)."""

    _playbook = V1Playbook
    _status = V1PlaybookStatus

    def _fields(self, title: str, text: str, macro: str | NotGiven | None) -> dict[str, object]:
        # v1 refuses a blank title or body here, before any request.
        return playbook_body(nonempty("title", title), nonempty("body", text), macro)

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[V1Playbook]:
        """Every team playbook; not paginated."""
        return await self._call(builtins.list[V1Playbook], "GET", PLAYBOOKS, options=options)
