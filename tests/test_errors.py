"""Every error path: status errors with each body style, bodies that are not JSON, transport."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from aiohttp import web
from hostile import answering, serving

import devin_async
from devin_async import (
    APIConnectionError,
    APIStatusError,
    AsyncDevin,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from devin_async._decode import decode_json, parse_json
from devin_async._http import Request, Response

KEY = "cog_secret_key_value_1234567890"


def response(status: int, body: bytes, headers: dict[str, str] | None = None) -> Response:
    return Response(status, headers or {}, body, Request("GET", "/v3/enterprise/sessions/x"))


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_each_status_maps_to_its_error_class(status: int, cls: type[APIStatusError]) -> None:
    with pytest.raises(cls) as info:
        decode_json(response(status, b'{"detail": "nope"}', {"x-request-id": "req-42"}))
    err = info.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.detail == "nope"
    assert err.body == b'{"detail": "nope"}'
    assert err.request_id == "req-42"
    assert "nope" in str(err) and "req-42" in str(err) and str(status) in str(err)


def test_validation_error_list_is_kept_and_summarised() -> None:
    detail = [{"loc": ["body", "prompt"], "msg": "field required", "type": "missing"}]
    with pytest.raises(UnprocessableEntityError) as info:
        decode_json(response(422, json.dumps({"detail": detail}).encode()))
    assert info.value.detail == detail
    assert "body.prompt: field required" in str(info.value)


def test_rfc9457_problem_details_are_parsed() -> None:
    body = {
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
        "detail": "Missing permission ViewAccountSessions",
        "instance": "/v3/enterprise/sessions/x",
    }
    headers = {"Content-Type": "application/problem+json"}
    with pytest.raises(PermissionDeniedError) as info:
        decode_json(response(403, json.dumps(body).encode(), headers))
    assert info.value.detail == "Missing permission ViewAccountSessions"
    assert "Missing permission" in str(info.value)


def test_problem_details_without_detail_fall_back_to_title_and_errors() -> None:
    body = {"title": "Validation failed", "status": 422, "detail": None, "errors": [{"f": "x"}]}
    with pytest.raises(UnprocessableEntityError) as info:
        decode_json(response(422, json.dumps(body).encode()))
    assert info.value.detail == [{"f": "x"}]
    assert "Validation failed" in str(info.value)


def test_rate_limit_error_carries_retry_after() -> None:
    with pytest.raises(RateLimitError) as info:
        decode_json(response(429, b"", {"Retry-After": "7"}))
    assert info.value.retry_after == 7.0


def test_html_error_page_gives_status_error_with_excerpt() -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    with pytest.raises(InternalServerError) as info:
        decode_json(response(502, page, {"Content-Type": "text/html"}))
    assert info.value.detail is None
    assert "502 Bad Gateway" in str(info.value)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"<html><body>Welcome</body></html>", "<html><body>Welcome"),
        (b'{"session_id": "devin-1", "stat', '{"session_id": "devin-1"'),
        (b"", "empty body"),
        (b"   ", "empty body"),
        (b"\xff\xfe\x00", "not valid JSON"),
    ],
)
def test_2xx_body_that_is_not_json_raises_decode_error(body: bytes, needle: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_json(response(200, body, {"Content-Type": "text/html"}))
    assert needle in str(info.value)
    assert info.value.status_code == 200
    assert "/v3/enterprise/sessions/x" in str(info.value)


def test_empty_body_is_allowed_where_the_endpoint_says_so() -> None:
    assert decode_json(response(204, b""), empty_ok=True) is None


def test_long_body_excerpt_is_short() -> None:
    with pytest.raises(DecodeError) as info:
        decode_json(response(200, b"x" * 100_000))
    assert len(str(info.value)) < 500


async def test_connection_refused_is_api_connection_error_not_sent() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with AsyncDevin(api_key=KEY, base_url=f"http://127.0.0.1:{port}", max_retries=0) as c:
        with pytest.raises(APIConnectionError) as info:
            await c.enterprise.sessions.get("devin-1")
    assert info.value.sent is False
    assert KEY not in str(info.value)


async def test_dropped_connection_is_api_connection_error_maybe_sent() -> None:
    async def drop(request: web.Request) -> web.Response:
        assert request.transport is not None
        request.transport.close()
        await asyncio.sleep(0)
        return web.Response()

    async with serving(answering(drop)) as url:
        async with AsyncDevin(api_key=KEY, base_url=url, max_retries=0) as c:
            with pytest.raises(APIConnectionError) as info:
                await c.enterprise.sessions.get("devin-1")
        assert info.value.sent is True
        assert "/v3/enterprise/sessions/devin-1" in str(info.value)


async def test_truncated_json_over_socket_is_decode_error() -> None:
    async def truncated(request: web.Request) -> web.Response:
        return web.Response(text='{"session_id": "devin-1", "sta', content_type="application/json")

    async with (
        serving(answering(truncated)) as url,
        AsyncDevin(api_key=KEY, base_url=url, max_retries=0) as c,
    ):
        with pytest.raises(DecodeError, match="not valid JSON"):
            await c.enterprise.sessions.get("devin-1")


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Request-Id": "req-7", "Content-Type": "text/html", "Retry-After": "3"},
        {"x-request-id": "req-7", "content-type": "text/html", "retry-after": "3"},
        {"X-REQUEST-ID": "req-7", "CONTENT-TYPE": "text/html", "RETRY-AFTER": "3"},
    ],
    ids=["canonical", "lower", "upper"],
)
def test_headers_are_read_whatever_their_spelling(headers: dict[str, str]) -> None:
    answer = response(429, b"<html>slow down</html>", headers)
    assert answer.headers["Content-Type"] == answer.headers["content-type"] == "text/html"
    assert answer.request_id == "req-7"
    with pytest.raises(RateLimitError) as info:
        decode_json(answer)
    assert info.value.retry_after == 3.0
    assert info.value.request_id == "req-7"
    assert info.value.headers["retry-after"] == "3"
    with pytest.raises(DecodeError, match=r"\(text/html, "):  # the content type, in the message
        decode_json(response(200, b"<html>", headers))


def test_every_error_declares_its_attempts_and_says_them_once_retrying_stopped() -> None:
    assert ConfigurationError("no key").attempts == 1
    error = APIConnectionError("connection failed during GET /x")
    assert (error.attempts, error.retry_stopped, str(error)) == (
        1,
        None,
        "connection failed during GET /x",
    )
    error.attempts, error.retry_stopped = 3, "no retries left (max_retries=2)"
    assert str(error) == (
        "connection failed during GET /x (after 3 attempts; no retries left (max_retries=2))"
    )
    assert error.args == ("connection failed during GET /x",)  # the message itself is kept
    error.attempts = 1
    assert str(error).endswith("(after 1 attempt; no retries left (max_retries=2))")


def test_every_error_is_a_devin_error() -> None:
    for name in devin_async.__all__:
        obj = getattr(devin_async, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, devin_async.DevinError), name


@pytest.mark.parametrize(
    "body",
    [
        b'{"n": 18446744073709551616}',  # past 64 bits: orjson would give a float
        b'{"n": -9223372036854775809}',
        b'{"id": "devin-1234567890123456789012"}',  # a long digit run inside a string
        b'{"x": NaN, "y": Infinity}',
        b'\xef\xbb\xbf{"bom": true}',
        b'{"s": "\\ud800"}',  # a lone surrogate
        b'{"big": 1e400}',
        b'{"a": 1, "a": 2, "f": 0.1, "z": -0.0, "u": "\\u00e9"}',
    ],
)
def test_bodies_mean_what_the_standard_json_module_says(body: bytes) -> None:
    decoded = decode_json(response(200, body))
    assert repr(decoded) == repr(json.loads(body))  # repr: NaN != NaN, -0.0 == 0.0


@pytest.mark.parametrize("digits", [19, 20, 21, 25])
def test_a_long_number_is_exact_wherever_it_sits(digits: int) -> None:
    # The check for long numbers looks at every sixth byte first: try every alignment.
    number = int("9" * digits)
    for pad in range(13):
        body = b'{"pad": "' + b"x" * pad + b'", "n": ' + str(number).encode() + b"}"
        assert parse_json(body)["n"] == number, (digits, pad)
        assert parse_json(body.replace(b": 9", b": -9"))["n"] == -number, (digits, pad)
