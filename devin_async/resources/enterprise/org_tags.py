"""The session tags each organization allows, and its default tag."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from ..._options import RequestOptions
from ...models.enterprise import DefaultTag
from ._base import EnterpriseResource

__all__ = ["OrgTags"]

_TAGS = "/organizations/{org_id}/tags"
_DEFAULT = _TAGS + "/default"


class OrgTags(EnterpriseResource):
    async def get(self, org_id: str, **options: Unpack[RequestOptions]) -> list[str]:
        """The tags sessions of ``org_id`` may carry."""
        return await self._tags("GET", _TAGS, org_id=org_id, options=options)

    async def add(
        self, org_id: str, tags: Sequence[str], **options: Unpack[RequestOptions]
    ) -> list[str]:
        """Add ``tags`` to the allowed set."""
        return await self._tags("POST", _TAGS, tags=tags, org_id=org_id, options=options)

    async def set(
        self, org_id: str, tags: Sequence[str], **options: Unpack[RequestOptions]
    ) -> list[str]:
        """Make ``tags`` the whole allowed set."""
        return await self._tags("PUT", _TAGS, tags=tags, org_id=org_id, options=options)

    async def clear(self, org_id: str, **options: Unpack[RequestOptions]) -> list[str]:
        """Allow no tags at all."""
        return await self._tags("DELETE", _TAGS, org_id=org_id, options=options)

    async def remove(self, org_id: str, tag: str, **options: Unpack[RequestOptions]) -> list[str]:
        """Drop one tag from the allowed set."""
        return await self._tags(
            "DELETE", _TAGS + "/{tag}", {"tag": tag}, org_id=org_id, options=options
        )

    async def get_default(self, org_id: str, **options: Unpack[RequestOptions]) -> DefaultTag:
        """The tag new sessions of ``org_id`` get when they name none."""
        return await self._call(DefaultTag, "GET", _DEFAULT, org_id=org_id, options=options)

    async def set_default(
        self, org_id: str, tag: str, **options: Unpack[RequestOptions]
    ) -> DefaultTag:
        """Give new sessions of ``org_id`` the tag ``tag`` when they name none."""
        return await self._call(
            DefaultTag, "PUT", _DEFAULT, json={"tag": tag}, org_id=org_id, options=options
        )

    async def clear_default(self, org_id: str, **options: Unpack[RequestOptions]) -> DefaultTag:
        """Stop tagging new sessions by default."""
        return await self._call(DefaultTag, "DELETE", _DEFAULT, org_id=org_id, options=options)
