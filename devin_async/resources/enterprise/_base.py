"""What every enterprise group shares: organization-scoped paths and the call shapes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.sessions import SessionTags
from .._base import Resource
from .._org import str_list

__all__ = ["EnterpriseResource", "org_scoped"]

T = TypeVar("T")

Path = Mapping[str, object]
Query = Sequence[tuple[str, str]]


def org_scoped(suffix: str, org_id: str | None) -> tuple[str, dict[str, object]]:
    """The enterprise-wide template for ``suffix``, or one organization's when ``org_id`` is set.

    Several groups exist at both levels (``/v3/enterprise/members/users`` and
    ``/v3/enterprise/organizations/{org_id}/members/users``); one method serves both.
    """
    if org_id is None:
        return f"/v3/enterprise{suffix}", {}
    return f"/v3/enterprise/organizations/{{org_id}}{suffix}", {"org_id": org_id}


class EnterpriseResource(Resource):
    """A ``client.enterprise.<group>``: typed calls under ``/v3/enterprise``."""

    async def _call(
        self,
        cast_to: type[T],
        method: str,
        template: str,
        path: Path | None = None,
        *,
        params: Query = (),
        json: Any = None,
        options: RequestOptions,
    ) -> T:
        request = self._core.request(
            method, template, path=path, params=params, json=json, options=options
        )
        return await self._core.call(cast_to, request)

    async def _call_no_content(
        self,
        method: str,
        template: str,
        path: Path | None = None,
        *,
        json: Any = None,
        options: RequestOptions,
    ) -> None:
        """For endpoints documented to answer with an empty body (any JSON is ignored)."""
        request = self._core.request(method, template, path=path, json=json, options=options)
        await self._core.call_json(request, empty_ok=True)

    async def _tags(
        self,
        method: str,
        template: str,
        path: Path,
        tags: Sequence[str] | None,
        options: RequestOptions,
        params: Query = (),
    ) -> list[str]:
        """Read or write a ``{"tags": [...]}`` resource; answers the tags now set."""
        data = None if tags is None else {"tags": str_list("tags", tags)}
        answer = await self._call(
            SessionTags, method, template, path, params=params, json=data, options=options
        )
        return answer.tags

    def _list(
        self,
        item_type: type[T],
        template: str,
        path: Path | None = None,
        *,
        params: Query = (),
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        options: RequestOptions,
    ) -> AsyncPaginator[T]:
        request = self._core.request("GET", template, path=path, params=params, options=options)
        return self._core.paginate(item_type, request, page_size=page_size, limit=limit)
