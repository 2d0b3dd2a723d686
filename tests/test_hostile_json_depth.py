"""Issue 16.2: JSON nested too deeply ends in a ``DecodeError``, wherever it arrives.

orjson refuses more than 1024 levels and the stdlib parser, its fallback, runs out of
Python's recursion limit about as deep: neither may escape as a bare ``RecursionError``
(in a call, an error body, a list page or one outcome of a fan-out), and data nested
just under orjson's limit must not break the SDK's own handling of it either.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiohttp import web
from hostile import hostile
from inproc import V3_SESSION

from devin_async import DecodeError, NotFoundError, OutcomeStatus
from devin_async._decode import decode_json, error_for, parse_json
from devin_async._http import Request, Response

DEEP = 10_000
JUST_UNDER_ORJSON = 1000  # orjson takes it; str() or json.loads() of it recurse too far
ORJSON_LIMIT = 1024


def nested(depth: int, inner: bytes = b"1") -> bytes:
    return b"[" * depth + inner + b"]" * depth


def in_a_session(depth: int) -> bytes:
    """A valid session whose ``structured_output`` nests ``depth`` arrays."""
    body = json.dumps({**V3_SESSION, "session_id": "devin-1", "structured_output": "HERE"})
    return body.encode().replace(b'"HERE"', nested(depth))


def answer(status: int, body: bytes) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(status=status, body=body, content_type="application/json")

    return handler


def response(status: int, body: bytes) -> Response:
    return Response(status, {"Content-Type": "application/json"}, body, Request("GET", "/v3/x"))


@pytest.mark.parametrize(
    "body",
    [
        nested(DEEP),
        in_a_session(DEEP),
        # A long number: the stdlib reads it (and, from Python 3.12, would follow any depth).
        nested(ORJSON_LIMIT + 1, b"12345678901234567890"),
        b"{" + b'"a":{' * DEEP + b"}" * (DEEP + 1),
    ],
    ids=["array", "in-a-field", "stdlib-fallback", "objects"],
)
def test_parsing_a_deep_body_raises_value_error_not_recursion_error(body: bytes) -> None:
    with pytest.raises(ValueError, match="nested"):
        parse_json(body)


def test_the_stdlib_fallback_takes_what_orjson_would_take() -> None:
    # Flat, or nested within orjson's limit on every Python it parses in C; each with a
    # long number, so that the stdlib reads it.
    assert parse_json(b'{"a": [[1, {"b": 12345678901234567890}]]}') == {
        "a": [[1, {"b": 12345678901234567890}]]
    }
    assert parse_json(b"12345678901234567890") == 12345678901234567890
    assert parse_json(nested(400, b"12345678901234567890")) == json.loads(
        nested(400, b"12345678901234567890")
    )


async def test_a_call_answered_with_deep_json_raises_decode_error() -> None:
    async with hostile(answer(200, nested(DEEP))) as client:
        with pytest.raises(DecodeError, match="nested") as info:
            await client.sessions.get("devin-1")
    assert info.value.status_code == 200


async def test_a_deep_field_of_a_model_raises_decode_error() -> None:
    async with hostile(answer(200, in_a_session(DEEP))) as client:
        with pytest.raises(DecodeError):
            await client.sessions.get("devin-1")


@pytest.mark.parametrize("depth", [DEEP, JUST_UNDER_ORJSON])
async def test_a_deep_error_body_still_gives_the_status_error(depth: int) -> None:
    async with hostile(answer(404, nested(depth))) as client:
        with pytest.raises(NotFoundError) as info:
            await client.sessions.get("devin-1")
    assert info.value.status_code == 404
    assert len(str(info.value)) < 1000


@pytest.mark.parametrize("depth", [DEEP, JUST_UNDER_ORJSON])
def test_error_for_never_raises_on_deep_bodies(depth: int) -> None:
    for body in (nested(depth), b'{"detail": ' + nested(depth) + b"}"):
        error = error_for(response(422, body))
        assert error.status_code == 422


async def test_a_deep_list_page_raises_decode_error() -> None:
    async with hostile(
        answer(200, b'{"items": ' + nested(DEEP) + b', "has_next_page": false}')
    ) as c:
        with pytest.raises(DecodeError):
            await c.sessions.list().to_list()


async def test_one_deep_answer_in_a_fan_out_is_that_ids_decode_error() -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        devin_id = request.path.rsplit("/", 1)[1]
        good = json.dumps({**V3_SESSION, "session_id": devin_id}).encode()
        body = nested(DEEP) if devin_id == "devin-2" else good
        return web.Response(body=body, content_type="application/json")

    async with hostile(handler) as client:
        outcomes = await client.sessions.get_many(
            ["devin-1", "devin-2", "devin-3"], on_error="return"
        )
    assert [o.status for o in outcomes] == [
        OutcomeStatus.OK,
        OutcomeStatus.FAILED,
        OutcomeStatus.OK,
    ]
    assert isinstance(outcomes[1].error, DecodeError)


def test_a_deep_2xx_body_is_a_decode_error_naming_the_call() -> None:
    with pytest.raises(DecodeError, match=r"GET /v3/x answered 200 .*nested"):
        decode_json(response(200, nested(DEEP)))
