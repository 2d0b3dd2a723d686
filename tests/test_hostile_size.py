"""Issue 16.1: no answer can make the client hold more than its size limits allow.

A JSON answer is refused past ``max_response_size`` (the client's, or a call's), counted
as it is inflated, so a gzip bomb or an endless stream stops there; an error answer
keeps only ``ERROR_BODY_KEPT`` bytes of its body; downloads are not bound by the JSON
limit but by their own ``max_size``. Tests use limits of a few KiB or MiB.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from typing import Any

import pytest
from aiohttp import web
from aiohttp.typedefs import Handler
from hostile import hostile
from inproc import V3_SESSION

from devin_async import (
    AsyncDevin,
    ConfigurationError,
    DecodeError,
    DevinError,
    InternalServerError,
    NotFoundError,
    OutcomeStatus,
    Request,
    Response,
    ResponseTooLargeError,
)
from devin_async._config import DEFAULT_MAX_RESPONSE_SIZE, ERROR_BODY_KEPT
from devin_async._decode import error_for
from devin_async._http import limit_writes
from devin_async.testing import FakeClock

MiB = 1024 * 1024
SESSION = json.dumps({**V3_SESSION, "session_id": "devin-1"}).encode()


def padded(size: int) -> bytes:
    """A valid session body of exactly ``size`` bytes (whitespace after the JSON)."""
    assert size >= len(SESSION)
    return SESSION + b" " * (size - len(SESSION))


def fixed(body: bytes, status: int = 200, **headers: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(
            status=status, body=body, content_type="application/json", headers=headers
        )

    return handler


def bomb(inflated: int) -> bytes:
    """A gzip body of a few KiB per MiB that inflates to ``inflated`` bytes of JSON."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as z:
        z.write(b'{"pad": "')
        block = b"A" * MiB
        for _ in range(inflated // MiB):
            z.write(block)
        z.write(b'"}')
    return out.getvalue()


def gzipped(body: bytes) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(
            body=body,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    return handler


def streaming(piece: int = 64 * 1024, total: int = 512 * MiB, status: int = 200) -> Handler:
    """A chunked body with no Content-Length that goes on until the client hangs up."""

    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=status, headers={"Content-Type": "application/json"})
        await response.prepare(request)
        chunk = b"[" + b" " * (piece - 1)
        sent = 0
        try:
            while sent < total:
                await response.write(chunk)
                sent += piece
        except (ConnectionError, RuntimeError):
            pass
        return response

    return handler


# --- 2xx JSON bodies ------------------------------------------------------------------


async def test_a_gzip_bomb_is_stopped_at_the_limit() -> None:
    body = bomb(64 * MiB)
    assert len(body) < 200 * 1024  # small as sent: only its inflated size is large
    async with hostile(gzipped(body), max_response_size=2 * MiB) as client:
        started = time.monotonic()
        with pytest.raises(ResponseTooLargeError, match="max_response_size") as info:
            await client.sessions.get("devin-1")
    assert time.monotonic() - started < 5
    error = info.value
    assert error.limit == 2 * MiB and error.status_code == 200
    assert str(2 * MiB) in str(error) and error.body == b""
    assert isinstance(error, DecodeError) and isinstance(error, DevinError)


async def test_a_compressed_body_within_the_limit_is_read() -> None:
    async with hostile(gzipped(gzip.compress(SESSION)), max_response_size=len(SESSION)) as client:
        assert (await client.sessions.get("devin-1")).session_id == "devin-1"


async def test_a_compressed_body_larger_than_the_limit_as_sent_is_refused_before_reading() -> None:
    noise = gzip.compress(bytes(range(256)) * 64, compresslevel=0)  # does not shrink
    async with hostile(gzipped(noise), max_response_size=len(noise) - 1) as client:
        with pytest.raises(ResponseTooLargeError, match="Content-Length says"):
            await client.sessions.get("devin-1")


def encoded(body: bytes, encoding: str, status: int = 200) -> tuple[Handler, list[str]]:
    """Answers ``body`` as ``encoding``, whatever it holds; and the methods it answered."""
    seen: list[str] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        seen.append(request.method)
        headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
        return web.Response(body=body, status=status, headers=headers)

    return handler, seen


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (b"\x1f\x8b\x08\x00not-really-gzip", "gzip"),
        (b"not-really-deflate", "deflate"),
        (b"\x0bnot-brotli", "br"),  # a decoder the client did not ask for, nor has
        (b"\x28\xb5\x2f\xfdnot-zstd", "zstd"),
    ],
)
async def test_a_body_that_cannot_be_decompressed_is_a_decode_error_not_retried(
    body: bytes, encoding: str
) -> None:
    handler, seen = encoded(body, encoding)
    async with hostile(handler, max_retries=2) as client:
        with pytest.raises(DecodeError, match="cannot be decompressed") as info:
            await client.sessions.get("devin-1")
        assert type(info.value) is DecodeError and seen == ["GET"]  # asking again gets the same
        with pytest.raises(DecodeError, match="cannot be decompressed"):
            await client.sessions.create("hi")  # answered: not an unknown outcome
        assert seen == ["GET", "POST"]


async def test_an_error_status_with_a_body_that_cannot_be_decompressed_keeps_its_status() -> None:
    handler, seen = encoded(b"\x1f\x8b\x08\x00not-really-gzip", "gzip", status=503)
    async with hostile(handler) as client:
        with pytest.raises(InternalServerError) as info:
            await client.sessions.get("devin-1")
    assert info.value.status_code == 503 and seen == ["GET"]


async def test_an_endless_stream_is_stopped_at_the_limit() -> None:
    async with hostile(streaming(), max_response_size=MiB) as client:
        started = time.monotonic()
        with pytest.raises(ResponseTooLargeError, match="the rest was not read"):
            await client.sessions.get("devin-1")
        # the connection was closed, not returned to the pool mid-body: the next call works
        with pytest.raises(ResponseTooLargeError):
            await client.sessions.get("devin-1")
    assert time.monotonic() - started < 5


async def test_a_declared_length_past_the_limit_is_refused_without_waiting_for_the_body() -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = 10 * 1024 * MiB  # 10 GiB promised, none sent
        await response.prepare(request)
        await response.write(b"[")
        return response

    async with hostile(handler, max_response_size=MiB, timeout=30) as client:
        started = time.monotonic()
        with pytest.raises(ResponseTooLargeError, match=f"Content-Length says {10 * 1024 * MiB}"):
            await client.sessions.get("devin-1")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_not(chunked: bool) -> None:
    size = 4096

    def handler_for(body: bytes) -> Handler:
        if not chunked:
            return fixed(body)

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/json"})
            await response.prepare(request)
            for i in range(0, len(body), 1000):
                await response.write(body[i : i + 1000])
            await response.write_eof()
            return response

        return handler

    async with hostile(handler_for(padded(size)), max_response_size=size) as client:
        assert (await client.sessions.get("devin-1")).session_id == "devin-1"
    async with hostile(handler_for(padded(size + 1)), max_response_size=size) as client:
        with pytest.raises(ResponseTooLargeError) as info:
            await client.sessions.get("devin-1")
    assert info.value.limit == size


async def test_a_call_may_raise_or_lower_the_clients_limit() -> None:
    async with hostile(fixed(padded(8192)), max_response_size=4096) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.sessions.get("devin-1")
        session = await client.sessions.get("devin-1", max_response_size=8192)
        assert session.session_id == "devin-1"
    async with hostile(fixed(padded(8192))) as client:
        await client.sessions.get("devin-1")  # the default limit is far away
        with pytest.raises(ResponseTooLargeError) as info:
            await client.sessions.get("devin-1", max_response_size=1024)
    assert info.value.limit == 1024


def test_the_default_limit_is_32_mib() -> None:
    limit = AsyncDevin(api_key="k")._settings.max_response_size
    assert limit == DEFAULT_MAX_RESPONSE_SIZE == 32 * MiB


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "1024"])
async def test_a_limit_that_is_not_a_positive_int_is_refused(bad: object) -> None:
    with pytest.raises(ConfigurationError, match="max_response_size"):
        AsyncDevin(api_key="k", max_response_size=bad)  # type: ignore[arg-type]
    async with hostile(fixed(SESSION)) as client:
        with pytest.raises(ConfigurationError, match="max_response_size"):
            await client.sessions.get("devin-1", max_response_size=bad)


async def test_a_list_page_past_the_limit_raises() -> None:
    async with hostile(streaming(), max_response_size=MiB) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.sessions.list().to_list()


async def test_one_huge_answer_in_a_fan_out_is_that_ids_error() -> None:
    small = fixed(SESSION)
    huge = streaming()

    async def handler(request: web.Request) -> web.StreamResponse:
        return await (huge if request.path.endswith("devin-2") else small)(request)

    async with hostile(handler, max_response_size=MiB) as client:
        outcomes = await client.sessions.get_many(["devin-1", "devin-2"], on_error="return")
    assert [o.status for o in outcomes] == [OutcomeStatus.OK, OutcomeStatus.FAILED]
    assert isinstance(outcomes[1].error, ResponseTooLargeError)


async def test_a_body_too_large_after_a_retry_counts_both_attempts() -> None:
    calls: list[int] = []
    huge = streaming()

    async def handler(request: web.Request) -> web.StreamResponse:
        calls.append(1)
        if len(calls) == 1:
            return web.json_response({}, status=503)
        return await huge(request)

    async with hostile(handler, max_retries=2, max_response_size=MiB, clock=FakeClock()) as c:
        with pytest.raises(ResponseTooLargeError) as info:
            await c.sessions.get("devin-1")
    assert info.value.attempts == 2 and len(calls) == 2


# --- error bodies ---------------------------------------------------------------------


@pytest.mark.parametrize("chunked", [False, True])
async def test_an_error_body_keeps_only_a_bounded_excerpt(chunked: bool) -> None:
    if chunked:
        handler = streaming(status=404)
    else:
        handler = fixed(b"[" + b" " * (8 * MiB), status=404)
    async with hostile(handler) as client:
        with pytest.raises(NotFoundError) as info:
            await client.sessions.get("devin-1")
    error = info.value
    assert len(error.body) == ERROR_BODY_KEPT == 64 * 1024
    assert f"body cut to its first {ERROR_BODY_KEPT} bytes" in str(error)
    assert len(str(error)) < 1000


async def test_a_small_error_body_is_kept_whole_and_parsed() -> None:
    async with hostile(fixed(b'{"detail": "gone"}', status=404)) as client:
        with pytest.raises(NotFoundError) as info:
            await client.sessions.get("devin-1")
    assert info.value.detail == "gone" and info.value.body == b'{"detail": "gone"}'
    assert "cut" not in str(info.value)


def test_a_long_error_body_from_any_transport_is_cut_and_loses_a_half_key_at_the_cut() -> None:
    key = "cog_cut_in_half_0123456789abcdef"
    request = Request("GET", "/v3/x", headers={"Authorization": f"Bearer {key}"})
    body = b"x" * (ERROR_BODY_KEPT - 10) + key.encode() + b"y" * 100
    error = error_for(Response(500, {}, body, request))
    assert len(error.body) <= ERROR_BODY_KEPT
    assert key[:10].encode() not in error.body and error.body.endswith(b"***")
    assert "body cut" in str(error)


# --- downloads ------------------------------------------------------------------------


def storage(body: bytes, status: int = 200) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        if request.path.startswith("/storage/"):
            return web.Response(status=status, body=body)
        raise web.HTTPTemporaryRedirect(f"http://{request.host}/storage/file?X-Sig=s")

    return handler


async def test_downloads_are_not_bound_by_the_json_limit() -> None:
    content = bytes(range(256)) * 400  # 100 KiB
    async with hostile(storage(content), max_response_size=1024) as client:
        assert await client.attachments.download("u-1", "f.bin") == content


async def test_a_storage_hosts_error_body_is_bounded_too() -> None:
    async with hostile(storage(b"<Error>" + b"x" * (2 * MiB), status=403)) as client:
        with pytest.raises(DevinError) as info:
            await client.attachments.download("u-1", "f.bin")
    assert len(info.value.body) <= ERROR_BODY_KEPT  # type: ignore[attr-defined]


async def test_a_download_past_its_max_size_stops_there() -> None:
    content = b"z" * (300 * 1024)
    async with hostile(storage(content)) as client:
        base = client.base_url
        sink = io.BytesIO()
        with pytest.raises(ResponseTooLargeError, match="max_size of 100000 bytes") as info:
            await client._transport.download(
                f"{base}/storage/f", limit_writes(sink.write, 100_000, "GET /storage/f")
            )
        assert info.value.limit == 100_000
        assert len(sink.getvalue()) <= 100_000
        whole = io.BytesIO()
        await client._transport.download(
            f"{base}/storage/f", limit_writes(whole.write, len(content), "GET /storage/f")
        )
        assert whole.getvalue() == content


def test_limit_writes_counts_every_chunk_and_none_means_no_limit() -> None:
    sink = io.BytesIO()
    assert limit_writes(sink.write, None, "x") == sink.write
    write = limit_writes(sink.write, 5, "the download")
    write(b"ab")
    write(b"cde")
    with pytest.raises(ResponseTooLargeError, match="the download passed its max_size of 5"):
        write(b"f")
    assert sink.getvalue() == b"abcde"


@pytest.mark.parametrize("family", ["v3", "v1"])
async def test_an_attachment_past_max_size_raises_and_leaves_no_file(
    family: str, tmp_path: Any
) -> None:
    content = b"z" * (300 * 1024)
    target = tmp_path / "f.bin"
    async with hostile(storage(content), api_key="apk_x" if family == "v1" else "cog_x") as c:
        attachments = c.v1.attachments if family == "v1" else c.attachments
        with pytest.raises(ResponseTooLargeError, match="max_size of 100000 bytes"):
            await attachments.download("u-1", "f.bin", to=target, max_size=100_000)
        assert not target.exists()
        assert await attachments.download("u-1", "f.bin", max_size=len(content)) == content


async def test_an_attachment_answered_directly_is_bounded_by_max_size_too() -> None:
    async with hostile(fixed(b"x" * 5000)) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.attachments.download("u-1", "f.bin", max_size=4999)
        assert len(await client.attachments.download("u-1", "f.bin", max_size=5000)) == 5000


@pytest.mark.parametrize(
    ("bad", "error"),
    [(0, ConfigurationError), (-1, ConfigurationError), (1.5, TypeError), (True, TypeError)],
)
async def test_a_max_size_that_is_not_a_positive_int_is_refused(
    bad: object, error: type[Exception]
) -> None:
    async with hostile(storage(b"x")) as client:
        with pytest.raises(error, match="max_size"):
            await client.attachments.download("u-1", "f.bin", max_size=bad)
