"""One lazy, auto-paginating async iterator for every list endpoint.

Two wire styles sit behind it: the v3 cursor (``first``/``after`` answered by
``end_cursor``/``has_next_page``) and limit/offset (v1 sessions, v3 schedules).
Only one page is held in memory at a time. A server that pages forever (a cursor
cycle, an offset it ignores) is stopped with a ``DecodeError`` rather than followed.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from ._converter import structure, structure_hook
from ._decode import decode_json
from ._errors import DecodeError
from ._http import Request, Response
from ._wire import page_reader

__all__ = ["AsyncPaginator", "Page", "PageStyle"]

T = TypeVar("T")

# The API's page-size maximum for v3 cursor lists (docs: pagination, 1..200).
MAX_PAGE_SIZE = 200


class PageStyle(enum.Enum):
    CURSOR = "cursor"
    OFFSET = "offset"


@attrs.frozen
class Page(Generic[T]):
    """One page of a list: its items, whether more follow, and the total if the API says."""

    items: list[T]
    has_next: bool
    next_token: str | None = None
    total: int | None = None


def _paging_params(style: PageStyle, page_size: int, token: str | None) -> list[tuple[str, str]]:
    if style is PageStyle.CURSOR:
        return [("first", str(page_size))] + ([("after", token)] if token else [])
    return [("limit", str(page_size)), ("offset", token or "0")]


def _has_next(data: dict[str, Any], default: bool) -> bool:
    flag = data.get("has_next_page", default)
    if not isinstance(flag, bool):  # "false" is truthy: guessing would page forever or stop early
        raise TypeError(f"has_next_page must be true or false, got {flag!r}")
    return flag


def _parse_page(
    style: PageStyle, data: Any, items_key: str, page_size: int, token: str | None
) -> Page[Any]:
    """The page ``data`` describes, its items still as decoded JSON."""
    if not isinstance(data, dict) or not isinstance(data.get(items_key), list):
        raise TypeError(f"expected an object with a list under {items_key!r}")
    items = data[items_key]
    if style is PageStyle.CURSOR:
        cursor = data.get("end_cursor")
        if cursor is not None and not isinstance(cursor, str):
            raise TypeError(f"end_cursor must be a string, got {cursor!r}")
        has_next = _has_next(data, cursor is not None) and cursor is not None
        return Page(items, has_next, cursor, data.get("total"))
    offset = int(token or 0) + len(items)
    # v1 says nothing about more pages: a full page means there may be one.
    has_next = _has_next(data, len(items) == page_size)
    return Page(items, has_next and bool(items), str(offset), data.get("total"))


@attrs.frozen
class _Fetched:
    """A page as fetched: the request, the page (items still as the wire or the dict way
    left them), and the response, kept while the items are wire objects: an item that
    does not fit is explained from its JSON."""

    request: Request
    page: Page[Any]
    wired: Response | None = None


@attrs.frozen
class _PageItem:
    """Names an item of a page in an error (made only when one does not fit)."""

    request: Request
    index: int

    @property
    def path(self) -> str:
        return self.request.path

    def __str__(self) -> str:
        return f"{self.request} (item {self.index} of the page)"


class AsyncPaginator(Generic[T]):
    """``async for item in client.sessions.list(...)`` walks every page lazily.

    ``pages()`` yields whole pages instead; ``limit`` caps the number of items.
    Filters travel with every page request.
    """

    def __init__(
        self,
        send: Callable[[Request], Awaitable[Response]],
        request: Request,
        item_type: type[T],
        *,
        style: PageStyle = PageStyle.CURSOR,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        items_key: str = "items",
    ):
        if page_size < 1:
            raise ValueError(f"page_size must be >= 1, got {page_size}")
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        self._send = send
        self._request = request
        self._item_type = item_type
        self._style = style
        self._page_size = page_size if limit is None else max(1, min(page_size, limit))
        self._limit = limit
        self._items_key = items_key
        # Cursor lists only: an offset page is compared with the one before as JSON (a
        # server ignoring the offset), and wire objects do not tell null from absent.
        self._wire = page_reader(item_type, items_key) if style is PageStyle.CURSOR else None

    async def _fetch(self, token: str | None) -> _Fetched:
        params = [*self._request.params, *_paging_params(self._style, self._page_size, token)]
        request = attrs.evolve(self._request, params=params)
        response = await self._send(request)
        # The wire way first: a 2xx page msgspec reads, models made from what it checked;
        # anything it does not read (or an error status) goes the dict way, as it would.
        data = None
        if self._wire is not None and 200 <= response.status < 300:
            data = self._wire.decode(response.content)
        wired = None if data is None else response
        if data is None:
            data = decode_json(response)
        try:
            page = _parse_page(self._style, data, self._items_key, self._page_size, token)
        except TypeError as exc:
            raise DecodeError(
                f"{request} answered a page that is not a list: {exc}",
                status_code=None,
                path=request.path,
            ) from None
        return _Fetched(request, page, wired)

    def _looping(self, why: str) -> DecodeError:
        return DecodeError(
            f"{self._request} {why}; stopping instead of paging forever",
            status_code=None,
            path=self._request.path,
        )

    async def _raw_pages(self) -> AsyncIterator[_Fetched]:
        """Each page in turn as fetched, trimmed to ``limit`` items in total; its items
        are not models yet."""
        remaining = self._limit
        token: str | None = None
        seen_cursors: set[str] = set()  # one short string a page: memory stays flat enough
        last_items: list[Any] = []  # an offset page that repeats the last one made no progress
        while remaining is None or remaining > 0:
            fetched = await self._fetch(token)
            page = fetched.page
            if self._style is PageStyle.OFFSET and page.items:
                if page.items == last_items:
                    raise self._looping(
                        f"answered offset {token} with the same items as the page before"
                    )
                last_items = page.items
            if remaining is not None:
                if len(page.items) > remaining:
                    page = attrs.evolve(page, items=page.items[:remaining], has_next=False)
                remaining -= len(page.items)
            yield attrs.evolve(fetched, page=page)
            if not page.has_next or not page.items:
                return
            if self._style is PageStyle.CURSOR:
                if token is not None:
                    seen_cursors.add(token)
                if page.next_token == token:
                    raise self._looping(
                        f"answered the cursor it was given ({token!r}) as the next one"
                    )
                if page.next_token in seen_cursors:
                    raise self._looping(f"answered cursor {page.next_token!r} a second time")
            token = page.next_token

    def _models(self, fetched: _Fetched) -> Iterator[T]:
        """A page's items as models, each made when it is reached. A model the caller
        drops is freed before the next one is made: a page's worth of young models kept
        alive together would be promoted by the cyclic GC and traced again in every full
        collection (about a sixth of typed paging's CPU time)."""
        cls, wired = self._item_type, fetched.wired
        hook = structure_hook(cls) if wired is None or self._wire is None else self._wire.hook
        for index, data in enumerate(fetched.page.items):
            try:
                item = hook(data, cls)
            except Exception:  # structure() says what did not fit, from the item's JSON
                if wired is not None:
                    data = decode_json(wired)[self._items_key][index]
                item = structure(data, cls, what=_PageItem(fetched.request, index))
            yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Each page in turn, trimmed to ``limit`` items in total."""
        async for fetched in self._raw_pages():
            yield attrs.evolve(fetched.page, items=list(self._models(fetched)))

    async def _item_pages(self) -> AsyncIterator[Iterator[T]]:
        """Each page's items, as an iterator that makes each model when it is reached, in
        whichever thread iterates it (the blocking client's own, not its event loop's)."""
        async for fetched in self._raw_pages():
            yield self._models(fetched)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for models in self._item_pages():
            for item in models:
                yield item

    async def to_list(self) -> list[T]:
        """Every item in one list (mind memory on large result sets)."""
        return [item async for item in self]
