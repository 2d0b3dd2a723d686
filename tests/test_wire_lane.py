"""The wire lane (``_wire.py``) reads list pages into models faster than the dict way, and
never means anything else: for every body it reads, each item's model, or its failure,
is the dict way's; every body it does not read goes the dict way."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from inproc import V1_SESSION, V3_SESSION

from devin_async import AsyncDevin, DecodeError, Request, Response, SessionResponse, models
from devin_async._converter import structure_hook
from devin_async._decode import parse_json
from devin_async._wire import page_reader
from devin_async.models import V1Session, V1SessionSummary
from devin_async.models._base import Model


@pytest.fixture(params=[1000, 20000], autouse=True)
def recursion_limit(request: pytest.FixtureRequest) -> Iterator[int]:
    """A fresh interpreter's limit, and one raised (as mypy's API leaves it), under which
    msgspec follows nesting further on Python 3.11 (it does on 3.12 and later anyway)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(request.param)
    yield request.param
    sys.setrecursionlimit(limit)


# What a server might send for a field: every JSON type, edge numbers, timestamps both
# ways, a known and an unknown enum value.
VALUES: list[Any] = [
    None, "", "x", "running", "not-a-status-yet", 0, 1, -1, 7.0, 1.5, 2**63, 2**70,
    True, False, [], ["a"], [1], [None], {}, {"a": 1}, "2024-01-01T00:00:00Z",
    "2024-01-01 00:00:00", 1704067200.5, [{"pr_url": "u"}], [{"pr_url": 1}],
    [{"pr_url": "u", "new": 1}], {"pr_url": "u"},
]  # fmt: skip


def variants(base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``base``, each field gone, each field set to each of ``VALUES``, and an unknown one."""
    yield base
    yield {**base, "field_from_the_future": {"x": 1}}
    for name in base:
        yield {k: v for k, v in base.items() if k != name}
        for value in VALUES:
            yield {**base, name: value}


def _outcome(make: Any, data: Any, cls: type) -> tuple[str, Any]:
    try:
        return "model", make(data, cls)
    except Exception:
        return "error", None


def _fields(model: Any) -> list[tuple[str, type, Any]]:
    """Each field's name, type and value (1 == 1.0 == True: equality alone would not tell)."""
    values = [(f.name, getattr(model, f.name)) for f in attrs.fields(type(model))]
    return [(name, type(value), value) for name, value in values]


def assert_same_meaning(body: bytes, cls: type) -> bool:
    """The wire lane's reading of ``body`` (a page of one item) is the dict way's; whether
    the lane read it at all."""
    reader = page_reader(cls, "items")
    assert reader is not None
    wired = reader.decode(body)
    if wired is None:
        return False  # the dict way, by construction
    data = parse_json(body)
    assert {k: v for k, v in wired.items() if k != "items"} == {
        k: v for k, v in data.items() if k != "items"
    }
    assert len(wired["items"]) == len(data["items"])
    for wire_item, dict_item in zip(wired["items"], data["items"], strict=True):
        lane = _outcome(reader.hook, wire_item, cls)
        dicts = _outcome(structure_hook(cls), dict_item, cls)
        assert lane[0] == dicts[0], (body, lane, dicts)
        if lane[1] is not None:
            assert _fields(lane[1]) == _fields(dicts[1]) and lane[1].extra == dicts[1].extra
            assert type(lane[1].extra) is type(dicts[1].extra)
    return True


V1_SUMMARY = {k: v for k, v in V1_SESSION.items() if k != "messages"}  # a list's item


@pytest.mark.parametrize(
    ("base", "cls"),
    [(V3_SESSION, SessionResponse), (V1_SUMMARY, V1SessionSummary), (V1_SESSION, V1Session)],
)
def test_every_variant_of_an_item_means_what_the_dict_way_says(
    base: dict[str, Any], cls: type
) -> None:
    read = 0
    for item in variants({**base, "session_id": "devin-1"}):
        page = {"items": [item], "end_cursor": "c", "has_next_page": True}
        read += assert_same_meaning(json.dumps(page).encode(), cls)
    assert read > 100  # most variants take the lane (the rest: the dict way)


@pytest.mark.parametrize(
    "text",
    [
        b'{"items":[%s],"end_cursor":null}',  # the base item
        b'{"items":[%s],"has_next_page":"false"}',  # a page field the dict way refuses later
        b'{"items":[%s],"items":[]}',  # a repeated key: the last one, as json.loads does
        b'{"items":[%s],"total":NaN}',  # NaN: json.loads reads it, msgspec does not
        b'{"items":[%s],"total":1e400}',  # inf for json.loads
        b'{"items":[%s],"total":123456789012345678901234567890}',  # beyond 64 bits
        b'{"items":[%s],"end_cursor":"\\ud800"}',  # a lone surrogate
        b'\xef\xbb\xbf{"items":[%s]}',  # a byte-order mark
        b'{"items":[%s, "not an object"]}',
        b'{"items":[%s]} trailing',
        b"[%s]",
        b'{"items":[%s],"deep":' + b"[" * 2000 + b"]" * 2000 + b"}",
    ],
)
def test_a_body_the_lane_does_not_read_as_json_loads_would_goes_the_dict_way(text: bytes) -> None:
    item = json.dumps({**V3_SESSION, "session_id": "devin-1"}).encode()
    body = text.replace(b"%s", item)
    reader = page_reader(SessionResponse, "items")
    assert reader is not None
    try:
        data: Any = parse_json(body)
    except ValueError:
        data = None
    wired = reader.decode(body)
    if wired is None:
        return
    # What the lane read is what json.loads reads.
    assert data is not None and wired.keys() <= data.keys()
    assert assert_same_meaning(body, SessionResponse)


def pages(*answers: dict[str, Any]) -> AsyncDevin:
    """A client whose list requests get ``answers``, one per request, in turn."""
    queue = list(answers)

    async def transport(request: Request) -> Response:
        body = json.dumps(queue.pop(0)).encode()
        return Response(200, {"Content-Type": "application/json"}, body, request)

    return AsyncDevin(api_key="cog_x", org_id="org-1", transport=transport)


@pytest.mark.parametrize("depth", [1023, 1024, 1025, 1026])  # of the whole body
@pytest.mark.parametrize(
    ("where", "above"),  # the levels above the nested value: the page, its list, ...
    [("structured_output", 3), ("total", 1), ("an unknown page field", 1), ("a message", 5)],
)
def test_the_lane_reads_exactly_as_deep_as_the_dict_way(
    depth: int, where: str, above: int, recursion_limit: int
) -> None:
    cls: type = SessionResponse
    item: dict[str, Any] = {**V3_SESSION, "session_id": "devin-1"}
    page: dict[str, Any] = {"items": [item]}
    if where == "structured_output":
        item["structured_output"] = "X"
    elif where == "a message":  # a field of a wire object in a list in an item
        message = {"type": "user_message", "event_id": "e", "message": "m", "timestamp": "X"}
        cls, item = V1Session, {**V1_SESSION, "session_id": "devin-1", "messages": [message]}
        page["items"] = [item]
    else:
        page["total" if where == "total" else "cursor_of_the_future"] = "X"
    levels = depth - above
    body = json.dumps(page).encode().replace(b'"X"', b"[" * levels + b"]" * levels)
    try:
        parse_json(body)
        fits = True
    except ValueError:
        fits = False
    assert fits is (depth <= 1024)
    reader = page_reader(cls, "items")
    assert reader is not None
    if not fits or where == "an unknown page field":
        assert reader.decode(body) is None  # the dict way decides (DecodeError, or reads it)
    elif recursion_limit > 2 * depth or sys.version_info >= (3, 12):  # msgspec gets there
        assert assert_same_meaning(body, cls)


async def test_listing_takes_the_lane_and_keeps_unknown_fields_through_the_dict_way() -> None:
    plain = {**V3_SESSION, "session_id": "devin-1"}
    novel = {**V3_SESSION, "session_id": "devin-2", "priority": "high"}
    first_page = {"items": [plain], "end_cursor": "p2", "has_next_page": True}
    last_page = {"items": [novel], "end_cursor": None, "has_next_page": False}
    async with pages(first_page, last_page) as client:
        first, second = [s async for s in client.sessions.list()]
    assert first == structure_hook(SessionResponse)(plain, SessionResponse)
    assert first.extra == {} and second.extra == {"priority": "high"}


async def test_an_item_the_lane_reads_but_that_does_not_fit_is_explained_from_its_json() -> None:
    good = {**V3_SESSION, "session_id": "devin-1"}
    bad = {**V3_SESSION, "session_id": "devin-2", "created_at": "yesterday"}  # any JSON, read
    page = {"items": [good, bad], "end_cursor": None, "has_next_page": False}
    reader = page_reader(SessionResponse, "items")
    assert reader is not None and reader.decode(json.dumps(page).encode()) is not None
    seen: list[str] = []
    async with pages(page) as client:

        async def walk() -> None:
            async for session in client.sessions.list():
                seen.append(session.session_id)

        with pytest.raises(DecodeError, match=r"item 1 of the page.*created_at") as info:
            await walk()
    assert seen == ["devin-1"] and info.value.path.endswith("/sessions")


def test_every_model_has_a_lane() -> None:
    """No model's fields stop msgspec from making its wire object (a mutable default, a
    name it refuses): the first list of any of them would fail otherwise."""
    classes = [
        c
        for c in vars(models).values()
        if isinstance(c, type) and issubclass(c, Model) and c is not Model
    ]
    assert len(classes) > 100
    for cls in classes:
        assert page_reader(cls, "items") is not None, cls


async def test_a_page_with_a_long_number_is_read_the_dict_way_nesting_bound_and_all() -> None:
    """The dict way reads a body with a number of 19 or more digits with the stdlib, whose
    nesting bound is the recursion limit's: the lane leaves such a body to it."""
    item = {**V3_SESSION, "session_id": "devin-1", "structured_output": "X"}
    page = {"items": [item], "total": 2**70, "end_cursor": None, "has_next_page": False}
    body = json.dumps(page).encode().replace(b'"X"', b"[" * 978 + b"]" * 978)
    reader = page_reader(SessionResponse, "items")
    assert reader is not None and reader.decode(body) is None
    shallow = json.dumps({**page, "items": [{**item, "structured_output": None}]}).encode()
    assert reader.decode(shallow) is None  # (however shallow)

    async def transport(request: Request) -> Response:
        return Response(200, {"Content-Type": "application/json"}, body, request)

    try:  # on 3.11 under a fresh limit, the stdlib runs out of stack first
        parse_json(body)
        readable = True
    except ValueError:
        readable = False
    async with AsyncDevin(api_key="cog_x", org_id="org-1", transport=transport) as client:
        if readable:
            assert len(await client.sessions.list().to_list()) == 1
        else:
            with pytest.raises(DecodeError, match="nested too deep"):
                await client.sessions.list().to_list()


async def test_offset_lists_compare_pages_as_json_so_they_go_the_dict_way() -> None:
    """A v1 page that repeats the one before stops the list; ``null`` and an absent field
    are not the same JSON, though they make the same model."""
    summary = {"session_id": "devin-1", "status": "running", "created_at": 1, "updated_at": 1}
    answers = [
        {"sessions": [{**summary, "title": None}]},
        {"sessions": [summary]},
        {"sessions": []},
    ]

    async def transport(request: Request) -> Response:
        body = json.dumps(answers.pop(0)).encode()
        return Response(200, {"Content-Type": "application/json"}, body, request)

    async with AsyncDevin(api_key="apk_x", transport=transport) as client:
        listed = [s.session_id async for s in client.v1.sessions.list(page_size=1)]
    assert listed == ["devin-1", "devin-1"]
