"""The transport seam: a user's transport gets every request, downloads included."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from devin_async import AsyncDevin, PermissionDeniedError, Request, Response, Transport
from devin_async._http import case_insensitive, new_response
from devin_async._transport import AiohttpTransport, FunctionTransport, as_transport

KEY = "cog_transport_seam_key"
BASE = "https://api.devin.ai"
PRESIGNED = "https://storage.example/bucket/u-1/a.txt?X-Amz-Signature=sig&X-Amz-Expires=60"
API_PATH = "/v3/organizations/org-1/attachments/u-1/a.txt"


def redirect(request: Request, location_header: str = "Location") -> Response:
    return Response(307, {location_header: PRESIGNED}, b"", request)


class RecordingTransport:
    """A whole ``Transport``: answers the API with a redirect, streams the presigned file."""

    def __init__(self, chunks: list[bytes]):
        self.chunks = chunks
        self.sent: list[Request] = []
        self.downloads: list[tuple[str, float | None]] = []
        self.closed = False

    async def send(self, request: Request) -> Response:
        self.sent.append(request)
        return redirect(request)

    async def download(
        self, url: str, write: Callable[[bytes], object], *, timeout: float | None = None
    ) -> Response:
        self.downloads.append((url, timeout))
        for chunk in self.chunks:
            write(chunk)
        return Response(200, {}, b"", Request("GET", "https://storage.example/bucket/u-1/a.txt"))

    async def aclose(self) -> None:
        self.closed = True


async def test_a_user_transport_gets_the_download_and_is_closed_with_the_client() -> None:
    transport = RecordingTransport([b"con", b"tent"])
    assert isinstance(transport, Transport)
    client = AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE, transport=transport)
    assert await client.attachments.download("u-1", "a.txt", timeout=5) == b"content"
    sink = io.BytesIO()
    await client.attachments.download("u-1", "a.txt", to=sink)
    assert sink.getvalue() == b"content"
    assert [r.path for r in transport.sent] == [API_PATH] * 2
    assert transport.sent[0].headers["Authorization"] == f"Bearer {KEY}"
    assert transport.downloads == [(PRESIGNED, 5), (PRESIGNED, 60.0)]
    await client.aclose()
    assert transport.closed


@pytest.mark.parametrize("location_header", ["Location", "location", "LOCATION"])
async def test_a_bare_function_transport_gets_downloads_too_without_the_key(
    location_header: str,
) -> None:
    seen: list[Request] = []

    async def answer(request: Request) -> Response:
        seen.append(request)
        if request.path.startswith("/v3/"):
            return redirect(request, location_header)  # any spelling of the header is found
        return Response(200, {"Content-Type": "text/plain"}, b"presigned content", request)

    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE, transport=answer) as client:
        assert await client.attachments.download("u-1", "a.txt") == b"presigned content"
    api, storage = seen
    assert api.headers["Authorization"] == f"Bearer {KEY}"
    assert storage.method == "GET"
    assert storage.path == "https://storage.example/bucket/u-1/a.txt"  # no signature in it
    assert list(storage.params) == [("X-Amz-Signature", "sig"), ("X-Amz-Expires", "60")]
    assert "Authorization" not in storage.headers
    assert storage.timeout == 60.0  # the client's timeout, as for the API request


async def test_a_download_refused_by_a_function_transport_raises_the_typed_error() -> None:
    async def answer(request: Request) -> Response:
        if request.path.startswith("/v3/"):
            return redirect(request)
        return Response(
            403, {"Content-Type": "application/xml"}, b"<Error>expired</Error>", request
        )

    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE, transport=answer) as client:
        with pytest.raises(PermissionDeniedError, match="expired") as caught:
            await client.attachments.download("u-1", "a.txt")
    assert "sig" not in caught.value.path and "sig" not in str(caught.value)


def test_what_transport_accepts() -> None:
    async def send(request: Request) -> Response:
        raise AssertionError("not called")

    adapted = as_transport(send)
    assert isinstance(adapted, FunctionTransport) and adapted.send is send  # no extra frame
    aiohttp_transport = AiohttpTransport(BASE)
    assert as_transport(aiohttp_transport) is aiohttp_transport
    with pytest.raises(TypeError, match="transport must be a Transport"):
        as_transport(object())  # type: ignore[arg-type]


def test_response_headers_are_case_insensitive_and_aiohttps_are_kept_as_they_are() -> None:
    request = Request("GET", "/v3/x")
    built = Response(200, {"ETag": '"1"', "x-request-id": "req-1"}, b"", request)
    assert isinstance(built.headers, CIMultiDictProxy)
    assert built.headers["etag"] == built.headers["ETAG"] == '"1"'
    assert built.request_id == "req-1"
    received = CIMultiDictProxy(CIMultiDict({"Content-Type": "application/json"}))
    assert case_insensitive(received) is received  # aiohttp's headers: no copy
    assert Response(200, received, b"", request).headers is received
    assert new_response(200, received, b"", request).headers is received
    assert new_response(200, received, b"", request) == Response(200, received, b"", request)
