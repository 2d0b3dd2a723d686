"""The base of every resource group, and the few call shapes every endpoint is made of."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from .._argcheck import checked
from .._converter import structure
from .._core import ClientCore
from .._http import Multipart, Request
from .._options import RequestOptions
from .._pagination import AsyncPaginator, PageStyle
from .._raw import RawResponses
from ..models.sessions import SessionTags
from ._args import split_filters

__all__ = ["NO_IDS", "Ids", "Query", "Resource"]

T = TypeVar("T")
Ids = Mapping[str, object]  # the values of a path template's placeholders, by name
Query = Sequence[tuple[str, str]]

NO_IDS: Ids = MappingProxyType({})


class Resource:
    """A group of API methods (``client.sessions``, ...) over the client's shared core.

    An endpoint method is one call of ``_call``, ``_call_no_content``, ``_list``,
    ``_filtered`` or ``_tags`` (``_request`` where the answer is not JSON): the HTTP
    method, the path below the family's ``_prefix``, the values of its placeholders
    (``{"devin_id": devin_id}``), and the call's organization as ``org_id=``. A family
    sets ``_prefix`` (and ``_page_style`` if its lists page otherwise), and says in
    ``_place`` where ``org_id`` goes if not into ``{org_id}``.
    """

    _prefix: ClassVar[str] = ""
    _page_style: ClassVar[PageStyle] = PageStyle.CURSOR

    _raw: RawResponses | None = None

    def __init__(self, core: ClientCore):
        self._core = core

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Each public method, wherever in the hierarchy it is defined, checks its
        # arguments' types before it sends anything (once: a mixin serves many groups).
        for klass in cls.__mro__:
            for name, value in list(vars(klass).items()):
                public = not name.startswith("_") and inspect.isfunction(value)
                if public and not getattr(value, "__devin_checked__", False):
                    setattr(klass, name, checked(value))

    @property
    def with_raw_response(self) -> RawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        raw = self._raw
        if raw is None:
            raw = self._raw = RawResponses(self)
        return raw

    def _place(self, ids: Ids, org_id: str | None, params: Query) -> tuple[Ids, Query]:
        """A call's placeholder values and query: ``org_id`` fills ``{org_id}`` (a template
        without one ignores it; one with it and no ``org_id`` is refused when built)."""
        return {"org_id": org_id, **ids}, params

    def _request(
        self,
        method: str,
        template: str,
        ids: Ids = NO_IDS,
        *,
        params: Query = (),
        json: Any = None,
        files: Multipart | None = None,
        org_id: str | None = None,
        options: RequestOptions,
    ) -> Request:
        """The request for ``template``, below ``_prefix`` (``files``: an upload's)."""
        path, params = self._place(ids, org_id, params)
        return self._core.request(
            method,
            self._prefix + template,
            path=path,
            params=params,
            json=json,
            files=files,
            options=options,
        )

    def _request_maker(
        self,
        method: str,
        template: str,
        *,
        each: str,
        params: Query = (),
        org_id: str | None = None,
        options: RequestOptions,
    ) -> Callable[[str], Request]:
        """``_request`` for many values of the placeholder ``each`` (a fan-out's ids)."""
        path, params = self._place(NO_IDS, org_id, params)
        return self._core.request_maker(
            method, self._prefix + template, path=path, each=each, params=params, options=options
        )

    def _call(
        self,
        cast_to: type[T],
        method: str,
        template: str,
        ids: Ids = NO_IDS,
        *,
        params: Query = (),
        json: Any = None,
        unwrap: Callable[[Any], Any] | None = None,
        org_id: str | None = None,
        options: RequestOptions,
    ) -> Awaitable[T]:
        """The answer as a ``cast_to``; ``unwrap`` first reshapes the decoded JSON, for
        answers documented in more than one shape."""
        request = self._request(
            method, template, ids, params=params, json=json, org_id=org_id, options=options
        )
        if unwrap is None:
            # The core's coroutine itself, not one of ours around it: a frame less a call.
            return self._core.call(cast_to, request)
        return self._unwrapped(cast_to, request, unwrap)

    async def _unwrapped(
        self, cast_to: type[T], request: Request, unwrap: Callable[[Any], Any]
    ) -> T:
        data = await self._core.call_json(request)
        return structure(unwrap(data), cast_to, what=request)

    async def _call_no_content(
        self,
        method: str,
        template: str,
        ids: Ids = NO_IDS,
        *,
        json: Any = None,
        org_id: str | None = None,
        options: RequestOptions,
    ) -> None:
        """For endpoints documented to answer with an empty body (any JSON is ignored)."""
        request = self._request(method, template, ids, json=json, org_id=org_id, options=options)
        await self._core.call_json(request, empty_ok=True)

    def _list(
        self,
        item_type: type[T],
        template: str,
        ids: Ids = NO_IDS,
        *,
        params: Query = (),
        page_size: int,
        limit: int | None,
        style: PageStyle | None = None,
        items_key: str = "items",
        org_id: str | None = None,
        options: RequestOptions,
    ) -> AsyncPaginator[T]:
        """Every item a ``GET`` of ``template`` lists, fetched lazily page by page."""
        request = self._request("GET", template, ids, params=params, org_id=org_id, options=options)
        return self._core.paginate(
            item_type,
            request,
            style=self._page_style if style is None else style,
            page_size=page_size,
            limit=limit,
            items_key=items_key,
        )

    def _filtered(
        self,
        item_type: type[T],
        template: str,
        ids: Ids = NO_IDS,
        *,
        filters: Mapping[str, Any],
        allowed: Any,
        params: Query = (),
        page_size: int,
        limit: int | None,
        org_id: str | None = None,
    ) -> AsyncPaginator[T]:
        """``_list`` by keyword filters, per-call options among them, checked against the
        TypedDict ``allowed``; they follow ``params`` in the query."""
        found, options = split_filters(filters, allowed)
        return self._list(
            item_type,
            template,
            ids,
            params=[*params, *found] if params else found,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def _tags(
        self,
        method: str,
        template: str,
        ids: Ids = NO_IDS,
        *,
        tags: Sequence[str] | None = None,
        org_id: str | None = None,
        options: RequestOptions,
    ) -> list[str]:
        """Read (no ``tags``) or write a ``{"tags": [...]}`` resource; the tags now set."""
        data = None if tags is None else {"tags": list(tags)}
        answer = await self._call(
            SessionTags, method, template, ids, json=data, org_id=org_id, options=options
        )
        return answer.tags
