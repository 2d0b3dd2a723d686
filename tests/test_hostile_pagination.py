"""Issue 16.6: a server that would page forever is stopped with a DecodeError; a page
with an item that does not fit says which one."""

from __future__ import annotations

import weakref
from typing import Any

import pytest
from aiohttp import web
from hostile import hostile
from inproc import V1_SESSION, V3_SESSION

from devin_async import DecodeError


def _v3(n: int) -> dict[str, Any]:
    return {**V3_SESSION, "session_id": f"devin-{n}"}


def _cursor_pages(pages: dict[str | None, tuple[list[int], Any, Any]]) -> Any:
    """A v3 list answering ``after=<cursor>`` with (ids, end_cursor, has_next_page)."""

    async def handler(request: web.Request) -> web.Response:
        ids, cursor, more = pages[request.query.get("after")]
        return web.json_response(
            {"items": [_v3(i) for i in ids], "end_cursor": cursor, "has_next_page": more}
        )

    return handler


@pytest.mark.parametrize(
    "pages",
    [
        {None: ([1], "A", True), "A": ([2], "B", True), "B": ([3], "A", True)},
        {
            None: ([1], "A", True),
            "A": ([2], "B", True),
            "B": ([3], "C", True),
            "C": ([4], "A", True),
        },
        {None: ([1], "A", True), "A": ([2], "A", True)},
    ],
    ids=["A-B-A", "A-B-C-A", "A-A"],
)
async def test_a_cursor_cycle_is_stopped(pages: Any) -> None:
    async with hostile(_cursor_pages(pages)) as client:
        seen: list[str] = []
        pages_ = client.sessions.list().pages()
        with pytest.raises(DecodeError, match=r"a second time|the cursor it was given"):  # noqa: PT012
            async for page in pages_:
                seen.extend(s.session_id for s in page.items)
    # Every page the server really sent was yielded before the error: nothing dropped.
    assert seen == [f"devin-{i}" for i in range(1, len(pages) + 1)]


@pytest.mark.parametrize("flag", ["false", "true", 0, 1, None])
async def test_has_next_page_must_be_a_boolean(flag: object) -> None:
    pages = {None: ([1], "A", flag), "A": ([2], None, False)}
    async with hostile(_cursor_pages(pages)) as client:
        with pytest.raises(DecodeError, match="has_next_page must be true or false"):
            await client.sessions.list().to_list()


async def test_a_cursor_that_is_not_a_string_is_refused() -> None:
    async with hostile(_cursor_pages({None: ([1], 17, True)})) as client:
        with pytest.raises(DecodeError, match="end_cursor must be a string"):
            await client.sessions.list().to_list()


async def test_an_honest_cursor_chain_still_ends() -> None:
    pages = {None: ([1], "A", True), "A": ([2], "B", True), "B": ([3], None, False)}
    async with hostile(_cursor_pages(pages)) as client:
        assert [s.session_id for s in await client.sessions.list().to_list()] == [
            "devin-1",
            "devin-2",
            "devin-3",
        ]


async def test_a_v1_server_that_ignores_offset_is_stopped() -> None:
    requests: list[str | None] = []

    async def handler(request: web.Request) -> web.Response:
        requests.append(request.query.get("offset"))
        page = [{**V1_SESSION, "session_id": f"devin-{i}"} for i in range(3)]
        return web.json_response({"sessions": page})

    async with hostile(handler, api_key="apk_hostile") as client:
        with pytest.raises(DecodeError, match="same items as the page before"):
            await client.v1.sessions.list(page_size=3).to_list()
    assert requests == ["0", "3"]  # stopped at the first page that made no progress


async def test_v1_pages_that_move_on_are_followed() -> None:
    async def handler(request: web.Request) -> web.Response:
        offset = int(request.query["offset"])
        ids = range(offset, min(offset + 3, 7))
        return web.json_response(
            {"sessions": [{**V1_SESSION, "session_id": f"devin-{i}"} for i in ids]}
        )

    async with hostile(handler, api_key="apk_hostile") as client:
        found = await client.v1.sessions.list(page_size=3).to_list()
    assert [s.session_id for s in found] == [f"devin-{i}" for i in range(7)]


def _one_page(items: list[dict[str, Any]]) -> Any:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"items": items, "end_cursor": None, "has_next_page": False})

    return handler


_BAD_PAGE = [_v3(1), {**_v3(2), "tags": "api"}, _v3(3)]
_BAD_ITEM = (
    r"^GET /v3/organizations/org-1/sessions \(item 1 of the page\) "
    r"does not fit SessionResponse: .*tags"
)


async def test_an_item_that_does_not_fit_comes_after_those_before_it() -> None:
    async with hostile(_one_page(_BAD_PAGE)) as client:
        seen: list[str] = []
        with pytest.raises(DecodeError, match=_BAD_ITEM) as caught:  # noqa: PT012
            async for session in client.sessions.list():
                seen.append(session.session_id)
    assert seen == ["devin-1"]  # made one by one: the good item before it was yielded
    assert caught.value.path == "/v3/organizations/org-1/sessions"


async def test_a_page_with_an_item_that_does_not_fit_is_not_yielded() -> None:
    async with hostile(_one_page(_BAD_PAGE)) as client:
        pages = client.sessions.list().pages()
        with pytest.raises(DecodeError, match=_BAD_ITEM):
            await anext(pages)  # not the page, with its good items: the error


async def test_each_item_is_made_when_it_is_reached() -> None:
    async with hostile(_one_page([_v3(i) for i in range(4)])) as client:
        made: list[weakref.ref[Any]] = []
        async for session in client.sessions.list():
            # The items before this one were dropped by the loop: nothing else holds them.
            assert [ref() for ref in made] == [None] * len(made)
            made.append(weakref.ref(session))
    assert len(made) == 4
