"""Issue 16.3: the key is in no frame a traceback holds, and no server can echo it into
an error's message or repr.

Error trackers and ``pytest --showlocals`` print the repr of every local of every frame
of a traceback; each test walks those frames as they do.
"""

from __future__ import annotations

import asyncio
import os
import socket
import traceback
from collections.abc import Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any

import pytest
from aiohttp import web
from hostile import hostile

from devin_async import (
    APIConnectionError,
    AsyncDevin,
    AuthenticationError,
    ConfigurationError,
    DecodeError,
    Devin,
    Request,
    Response,
)

KEY = "cog_frame_locals_canary_0123456789"
ENV_CANARY = "env_canary_value_that_must_not_show_9876"


def frames(tb: TracebackType | None) -> Iterator[Any]:
    while tb is not None:
        yield tb.tb_frame
        tb = tb.tb_next


def assert_key_in_no_frame(exc: BaseException, *secrets: str) -> None:
    """No local of any frame of ``exc``'s traceback shows a secret, and rendering the
    traceback with its locals (as error trackers do) works and shows none either."""
    secrets = secrets or (KEY,)
    for frame in frames(exc.__traceback__):
        for name, value in frame.f_locals.items():
            shown = repr(value)
            for secret in secrets:
                assert secret not in shown, f"{frame.f_code.co_name}() local {name!r}"
            assert value is not os.environ, f"{frame.f_code.co_name}() holds os.environ"
    rendered = traceback.TracebackException(
        type(exc), exc, exc.__traceback__, capture_locals=True
    ).format()
    text = "".join(rendered)
    assert all(secret not in text for secret in secrets)


CONSTRUCTION_FAILURES = [
    {"timeout": -1},
    {"max_retries": -1},
    {"base_url": "http://api.example.com"},  # plain http to another host
    {"base_url": "ftp://api.example.com"},
]


@pytest.mark.parametrize("bad", CONSTRUCTION_FAILURES)
def test_a_failed_construction_leaves_the_key_in_no_frame(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError) as info:
        AsyncDevin(api_key=KEY, **bad)
    assert_key_in_no_frame(info.value)


@pytest.mark.parametrize("bad", CONSTRUCTION_FAILURES)
def test_a_key_from_the_environment_is_in_no_frame_and_neither_is_the_environment(
    bad: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEVIN_API_KEY", KEY)
    monkeypatch.setenv("SOME_OTHER_SECRET", ENV_CANARY)
    with pytest.raises(ConfigurationError) as info:
        AsyncDevin(**bad)
    assert_key_in_no_frame(info.value, KEY, ENV_CANARY)


def test_a_bad_retry_policy_argument_leaves_the_key_in_no_frame() -> None:
    with pytest.raises(AttributeError) as info:  # any failure in __init__, not only ours
        AsyncDevin(api_key=KEY, retry="not a policy")  # type: ignore[arg-type]
    assert_key_in_no_frame(info.value)


def test_repr_of_a_half_built_client_works() -> None:
    client = AsyncDevin.__new__(AsyncDevin)
    assert repr(client) == "AsyncDevin(<not configured>)"


@pytest.mark.parametrize("bad", CONSTRUCTION_FAILURES)
def test_a_failed_blocking_construction_leaves_the_key_in_no_frame(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError) as info:
        Devin(api_key=KEY, **bad)
    assert_key_in_no_frame(info.value)


def test_repr_of_a_half_built_blocking_client_works() -> None:
    assert repr(Devin.__new__(Devin)) == "Devin(<not configured>)"


def test_a_blocking_client_still_gets_its_key() -> None:
    async def answer(request: Request) -> Response:
        return Response(200, {}, b"{}", request)

    with Devin(api_key=KEY, org_id="org-1", transport=answer) as client:
        assert client._live()[1]._settings.require_key().reveal() == KEY


async def test_a_connection_failure_leaves_the_key_in_no_frame() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with AsyncDevin(
        api_key=KEY, org_id="org-1", base_url=f"http://127.0.0.1:{port}", max_retries=0
    ) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.sessions.get("devin-1")
    assert_key_in_no_frame(info.value)


async def test_a_garbled_answer_leaves_the_key_in_no_frame() -> None:
    """aiohttp's error for an unparsable answer carries the request's headers in its repr."""

    async def garble(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 9000 Nope\r\nbroken header line\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(garble, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with AsyncDevin(
            api_key=KEY, org_id="org-1", base_url=f"http://127.0.0.1:{port}", max_retries=0
        ) as client:
            with pytest.raises(APIConnectionError) as info:
                await client.sessions.get("devin-1")
    finally:
        server.close()
        await server.wait_closed()
    assert_key_in_no_frame(info.value)


async def test_a_middleware_that_raises_sees_the_key_in_no_frame() -> None:
    def failing(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Any:
        raise RuntimeError("middleware broke")

    async def answer(request: Request) -> Response:
        raise AssertionError("never reached")

    async with AsyncDevin(
        api_key=KEY, org_id="org-1", middleware=[failing], transport=answer
    ) as client:
        with pytest.raises(RuntimeError) as info:
            await client.sessions.get("devin-1")
    assert_key_in_no_frame(info.value)


def echoing(status: int, content_type: str = "application/json") -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        token = request.headers["Authorization"].removeprefix("Bearer ")
        if content_type == "application/json":
            body = f'{{"detail": "token {token} is not valid", "token": "{token}"}}'
        else:
            body = f"<html>no such token: {token}</html>"
        return web.Response(
            status=status, text=body, content_type=content_type, headers={"X-Request-Id": token}
        )

    return handler


async def test_a_server_echoing_the_key_in_an_error_body_does_not_get_it_into_the_error() -> None:
    async with hostile(echoing(401), api_key=KEY) as client:
        with pytest.raises(AuthenticationError) as info:
            await client.sessions.get("devin-1")
    error = info.value
    shown = [str(error), repr(error), error.body.decode(), str(error.detail), error.request_id]
    assert all(KEY not in str(text) for text in shown)
    assert "token *** is not valid" in str(error)
    assert_key_in_no_frame(error)


async def test_a_server_echoing_the_key_in_a_page_that_is_not_json_does_not_either() -> None:
    async with hostile(echoing(200, "text/html"), api_key=KEY) as client:
        with pytest.raises(DecodeError) as info:
            await client.sessions.get("devin-1")
    assert KEY not in str(info.value) and KEY not in repr(info.value)
    assert KEY.encode() not in info.value.body
    assert b"no such token: ***" in info.value.body
