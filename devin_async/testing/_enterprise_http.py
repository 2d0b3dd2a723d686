"""Request and answer helpers the fake enterprise routes share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from aiohttp import web

from ._app import not_found, problem, state_of
from ._enterprise_state import EnterpriseState, Record

__all__ = [
    "body_field",
    "cursor_page",
    "enterprise_of",
    "found",
    "in_window",
    "invalid",
    "matches_any",
    "missing",
    "org_of",
    "public",
    "query_int",
    "query_list",
    "read_body",
    "respond",
]

_MAX_FIRST = 200


def enterprise_of(request: web.Request) -> EnterpriseState:
    return state_of(request).enterprise


def invalid(detail: str) -> web.HTTPException:
    """A 422 problem-details answer, to raise from anywhere in a handler."""
    answer = problem(422, "Unprocessable Entity", detail)
    return web.HTTPUnprocessableEntity(text=answer.text, content_type=answer.content_type)


def missing(what: str) -> web.HTTPException:
    answer = not_found(what, "v3")
    return web.HTTPNotFound(text=answer.text, content_type=answer.content_type)


def public(record: Record) -> Record:
    """The record as the API shows it: without the fake's private ``_`` keys."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def respond(data: Any) -> web.Response:
    if isinstance(data, dict):
        return web.json_response(public(data))
    if isinstance(data, list):
        return web.json_response([public(d) if isinstance(d, dict) else d for d in data])
    return web.json_response(data)


def query_int(request: web.Request, name: str, default: int | None = None) -> int | None:
    raw = request.query.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise invalid(f"query parameter {name!r} must be an integer, got {raw!r}") from None


def query_list(request: web.Request, name: str) -> list[str] | None:
    """A list filter, sent as repeated keys (``tags=a&tags=b``); None when absent."""
    values = request.query.getall(name, [])
    return list(values) if values else None


def cursor_page(
    request: web.Request, items: Sequence[Record], render: Callable[[Record], Any] = public
) -> web.Response:
    """One cursor page of ``items``; the cursor is the opaque ``"c<offset>"``."""
    first = query_int(request, "first", 100)
    assert first is not None
    if not 1 <= first <= _MAX_FIRST:
        raise invalid(f"first must be between 1 and {_MAX_FIRST}, got {first}")
    after = request.query.get("after")
    start = 0
    if after is not None:
        if not (after.startswith("c") and after[1:].isdigit()):
            raise invalid(f"invalid cursor {after!r}")
        start = int(after[1:])
    end = min(len(items), start + first)
    more = end < len(items)
    return web.json_response(
        {
            "items": [render(item) for item in items[start:end]],
            "end_cursor": f"c{end}" if more else None,
            "has_next_page": more,
            "total": len(items),
        }
    )


async def read_body(request: web.Request) -> dict[str, Any]:
    """The JSON object the request carries (422 for anything else)."""
    try:
        data = await request.json()
    except ValueError:
        raise invalid("body must be JSON") from None
    if not isinstance(data, dict):
        raise invalid("body must be a JSON object")
    return data


def body_field(data: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    """A required body field of type ``kind`` (a list of strings for ``list``)."""
    if name not in data:
        raise invalid(f"body.{name}: field required")
    value = data[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise invalid(f"body.{name}: wrong type {type(value).__name__}")
    if isinstance(value, list) and not all(isinstance(v, (str, dict)) for v in value):
        raise invalid(f"body.{name}: items must be strings or objects")
    return value


def org_of(request: web.Request) -> str:
    """The ``{org_id}`` of the path, which must name an organization of the enterprise."""
    org_id = request.match_info["org_id"]
    if org_id not in enterprise_of(request).organizations:
        raise missing("Organization")
    return org_id


def found(records: dict[str, Record], key: str, what: str) -> Record:
    if key not in records:
        raise missing(what)
    return records[key]


def in_window(value: float, after: int | None, before: int | None) -> bool:
    return (after is None or value >= after) and (before is None or value < before)


def matches_any(value: Any, wanted: Iterable[str] | None) -> bool:
    return wanted is None or value in set(wanted)
