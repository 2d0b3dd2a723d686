"""A server that answers something that is not HTTP (a header past aiohttp's line limit, a
bare HTTP/0.9-style body, a status line with no code) ends the call in an
``APIConnectionError`` that says so, in bounded time, on loopback."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from devin_async import APIConnectionError, AsyncDevin


@contextlib.asynccontextmanager
async def answering_raw(payload: bytes) -> AsyncIterator[str]:
    """A socket server on 127.0.0.1 that reads a request and writes ``payload`` back."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        writer.write(payload)
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", "more than 8190 bytes"),
        (b"hello, this is not HTTP", "(Bad status line|Expected HTTP/)"),  # (aiohttp 3.13 or 3.14)
        (b"HTTP/1.1 abc OK\r\n\r\n", "Invalid status code"),
    ],
)
async def test_an_answer_that_is_not_http_says_so(payload: bytes, reason: str) -> None:
    async with answering_raw(payload) as url:
        settings = {"api_key": "cog_x", "org_id": "org-1", "base_url": url, "max_retries": 0}
        async with AsyncDevin(**settings) as client:  # type: ignore[arg-type]
            with pytest.raises(APIConnectionError, match=f"not HTTP: .*{reason}") as info:
                await asyncio.wait_for(client.sessions.get("devin-1"), timeout=10)
    assert "ClientResponseError" not in str(info.value)
