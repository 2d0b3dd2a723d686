"""Request and answer helpers of the fake routes: the state, bodies, errors, paging.

Lists page by the v3 cursor (``first``/``after``) or by limit/offset. A leaf: it imports
nothing else of the fake at run time, so every other module of it may use it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, overload

from aiohttp import web

if TYPE_CHECKING:
    from ._state import FakeState

__all__ = [
    "STATE_KEY",
    "Handler",
    "Route",
    "cursor_page",
    "int_param",
    "invalid",
    "json_body",
    "missing",
    "not_found",
    "offset_page",
    "problem",
    "raisable",
    "state_of",
]

_MAX_FIRST = 200

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# A route table row, for ``router.add_route``: a GET serves no HEAD the API lacks.
Route = tuple[str, str, Handler]

STATE_KEY: web.AppKey[FakeState] = web.AppKey("devin_fake_state")


def state_of(request: web.Request) -> FakeState:
    return request.app[STATE_KEY]


def problem(status: int, title: str, detail: str | None = None, **extra: Any) -> web.Response:
    """An RFC 9457 problem-details answer, as the newest v3 endpoints send."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return web.Response(
        status=status, text=json.dumps(body), content_type="application/problem+json"
    )


def not_found(what: str, family: str) -> web.Response:
    if family == "v1":
        return web.json_response({"detail": f"{what} not found"}, status=404)
    return problem(404, "Not Found", f"{what} not found")


_RAISABLE: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest,
    404: web.HTTPNotFound,
    409: web.HTTPConflict,
    422: web.HTTPUnprocessableEntity,
}


def raisable(answer: web.Response) -> web.HTTPException:
    """An error answer as an exception, so helpers deep in a handler can end it."""
    return _RAISABLE[answer.status](text=answer.text, content_type=answer.content_type)


def invalid(detail: str) -> web.HTTPException:
    """A 422 problem-details answer, as the API gives for a bad body or query."""
    return raisable(problem(422, "Unprocessable Entity", detail))


def missing(what: str) -> web.HTTPException:
    return raisable(not_found(what, "v3"))


async def json_body(request: web.Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise invalid("body is not valid JSON") from None
    if not isinstance(data, dict):
        raise invalid("body must be a JSON object")
    return data


@overload
def int_param(request: web.Request, name: str) -> int | None: ...
@overload
def int_param(request: web.Request, name: str, default: int) -> int: ...
def int_param(request: web.Request, name: str, default: int | None = None) -> int | None:
    raw = request.query.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise invalid(f"query parameter {name!r} must be an integer, got {raw!r}") from None


def _window(total: int, start: int, size: int) -> tuple[int, int]:
    return start, min(total, start + size)


def cursor_page(
    request: web.Request, items: Sequence[Any], render: Callable[[Any], Any]
) -> web.Response:
    """One cursor page of ``items``; the cursor is the opaque ``"c<offset>"``."""
    first = int_param(request, "first", 100)
    if not 1 <= first <= _MAX_FIRST:
        raise invalid(f"first must be between 1 and {_MAX_FIRST}, got {first}")
    after = request.query.get("after")
    start = 0
    if after is not None:
        if not (after.startswith("c") and after[1:].isdigit()):
            return problem(400, "Bad Request", f"invalid cursor {after!r}")
        start = int(after[1:])
    lo, hi = _window(len(items), start, first)
    more = hi < len(items)
    return web.json_response(
        {
            "items": [render(item) for item in items[lo:hi]],
            "end_cursor": f"c{hi}" if more else None,
            "has_next_page": more,
            "total": len(items),
        }
    )


def offset_page(
    request: web.Request, items: Sequence[Any], render: Callable[[Any], Any]
) -> web.Response:
    """One limit/offset page, in the cursor-shaped envelope v3 schedules answer with."""
    limit = int_param(request, "limit", 50)
    offset = int_param(request, "offset", 0)
    if not 1 <= limit <= _MAX_FIRST or offset < 0:
        raise invalid(f"limit must be 1..{_MAX_FIRST} and offset >= 0")
    lo, hi = _window(len(items), offset, limit)
    more = hi < len(items)
    return web.json_response(
        {
            "items": [render(item) for item in items[lo:hi]],
            "end_cursor": str(hi) if more else None,
            "has_next_page": more,
            "total": len(items),
        }
    )
