"""Networks users have: proxies (explicit and from the environment, with ``NO_PROXY``),
``.netrc`` kept away, TLS with a custom CA and a client certificate, and a connector of
the user's own (issue 19.4). Everything on loopback."""

from __future__ import annotations

import asyncio
import logging
import ssl
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from hostile import answering, serving

from devin_async import APIConnectionError, AsyncDevin, ConfigurationError
from devin_async._proxy import no_proxy, proxy_route
from devin_async.testing import FAKE_API_KEY, FakeDevin
from devin_async.testing._app import create_app
from devin_async.testing._state import FakeState

TLS = Path(__file__).parent / "data" / "tls"
SID = "devin-abc123def456"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
_HOP_BY_HOP = {"host", "proxy-authorization", "proxy-connection", "connection", "keep-alive"}


class ForwardProxy:
    """An HTTP forward proxy on loopback that keeps what each request looked like."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        self.url = ""

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        target = request.raw_path  # the absolute form a client sends a proxy
        self.seen.append(
            {
                "method": request.method,
                "url": target,
                "proxy_authorization": request.headers.get("Proxy-Authorization"),
                "authorization": request.headers.get("Authorization"),
            }
        )
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method,
                target,
                headers=headers,
                data=await request.read(),
                allow_redirects=False,
            ) as answer,
        ):
            kept = {
                k: v for k, v in answer.headers.items() if k.lower() in ("content-type", "location")
            }
            return web.Response(status=answer.status, body=await answer.read(), headers=kept)

    def app(self) -> web.Application:
        app: web.Application = answering(self._forward)
        return app


@pytest.fixture
async def proxy() -> AsyncIterator[ForwardProxy]:
    forward = ForwardProxy()
    async with serving(forward.app()) as forward.url:
        yield forward


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


async def upload_and_download(client: AsyncDevin) -> bytes:
    """An API call, an upload, and a download through the API's redirect."""
    await client.sessions.get(SID)
    attachment = await client.attachments.upload(b"hello", filename="a.txt")
    uuid, name = attachment.url.rsplit("/", 2)[-2:]
    return await client.attachments.download(uuid, name)


async def test_proxy_carries_every_request_and_its_credentials(
    fake: FakeDevin, proxy: ForwardProxy
) -> None:
    with_credentials = proxy.url.replace("http://", "http://user:pa%20ss@")
    async with fake.client(proxy=with_credentials) as client:
        assert await upload_and_download(client) == b"hello"
    assert [s["method"] for s in proxy.seen] == ["GET", "POST", "GET", "GET"]
    assert all(s["url"].startswith(fake.url) for s in proxy.seen)
    assert {s["proxy_authorization"] for s in proxy.seen} == {"Basic dXNlcjpwYSBzcw=="}
    api, download = proxy.seen[0], proxy.seen[-1]
    assert api["authorization"] == f"Bearer {FAKE_API_KEY}"
    assert "/_presigned/" in download["url"] and download["authorization"] is None


async def test_the_environments_proxy_is_used_by_default(
    fake: FakeDevin, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    async with fake.client() as client:
        await client.sessions.get(SID)
    assert len(proxy.seen) == 1
    async with fake.client(trust_env=False) as client:
        await client.sessions.get(SID)
    assert len(proxy.seen) == 1  # trust_env=False: straight to the API


@pytest.mark.parametrize("exempt", ["127.0.0.1", "*", "127.0.0.0/8", "localhost,127.0.0.1"])
async def test_no_proxy_sends_its_hosts_directly(
    fake: FakeDevin, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, exempt: str
) -> None:
    monkeypatch.setenv("http_proxy", proxy.url)
    monkeypatch.setenv("no_proxy", exempt)
    async with fake.client() as client:
        assert await upload_and_download(client) == b"hello"
    assert proxy.seen == []


async def test_an_explicit_proxy_wins_over_the_environment(
    fake: FakeDevin, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "*")
    async with fake.client(proxy=proxy.url) as client:
        await client.sessions.get(SID)
    assert len(proxy.seen) == 1


async def test_netrc_credentials_go_nowhere(
    fake: FakeDevin,
    proxy: ForwardProxy,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # aiohttp's trust_env would send a "default" entry as Basic credentials to every host
    # without an Authorization header (the presigned one), and fail every API call.
    netrc = tmp_path / "netrc"
    netrc.write_text("default login someone password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HTTP_PROXY", proxy.url)  # to see every request's headers
    async with fake.client() as client:
        assert await upload_and_download(client) == b"hello"
    assert len(proxy.seen) == 4
    assert all(not (s["authorization"] or "").startswith("Basic") for s in proxy.seen)
    assert all(s["proxy_authorization"] is None for s in proxy.seen)


async def test_the_blocking_client_takes_the_same_settings(
    fake: FakeDevin, proxy: ForwardProxy
) -> None:
    def blocking() -> None:
        with fake.sync_client(proxy=proxy.url) as client:
            client.sessions.get(SID)

    await asyncio.to_thread(blocking)  # this loop serves the proxy meanwhile
    assert [s["method"] for s in proxy.seen] == ["GET"]


@pytest.mark.parametrize(
    ("spec", "host", "port", "bypassed"),
    [
        ("", "api.devin.ai", 443, False),
        ("*", "api.devin.ai", 443, True),
        ("devin.ai", "api.devin.ai", 443, True),
        (".devin.ai", "api.devin.ai", 443, True),
        ("devin.ai", "notdevin.ai", 443, False),
        ("api.devin.ai:8443", "api.devin.ai", 443, False),
        ("api.devin.ai:443", "api.devin.ai", 443, True),
        (" API.Devin.AI ", "api.devin.ai", None, True),
        ("10.0.0.0/8", "10.1.2.3", 80, True),
        ("10.0.0.0/8", "11.1.2.3", 80, False),
        ("::1", "::1", 80, True),
        ("[::1]:80", "::1", 80, True),
        ("[::1]:80", "::1", 81, False),
        ("127.0.0.1", "localhost", 80, False),
    ],
)
def test_no_proxy_reads_entries_as_curl_does(
    spec: str, host: str, port: int | None, bypassed: bool
) -> None:
    assert no_proxy(spec)(host, port) is bypassed


def test_the_environment_is_read_by_scheme_then_all_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "proxy.example:3128")  # no scheme: http:// assumed
    monkeypatch.setenv("ALL_PROXY", "http://all.example:3128")
    route = proxy_route(None, trust_env=True)
    assert route("https://api.devin.ai/v3/self") == "http://proxy.example:3128"
    assert route("http://storage.example/x") == "http://all.example:3128"
    assert proxy_route(None, trust_env=False)("https://api.devin.ai/") is None


def test_an_unusable_proxy_variable_is_ignored_and_its_credentials_unshown(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "socks5://user:s3cret@proxy.example:1080")
    with caplog.at_level(logging.WARNING, logger="devin_async"):
        route = proxy_route(None, trust_env=True)
    assert route("https://api.devin.ai/") is None
    assert "HTTPS_proxy" in caplog.text and "s3cret" not in caplog.text


@pytest.mark.parametrize("bad", ["socks5://proxy.example:1080", "http://", "ftp://x"])
def test_an_unusable_proxy_argument_is_refused_at_construction(bad: str) -> None:
    with pytest.raises(ConfigurationError, match="proxy must be an http"):
        AsyncDevin(api_key="cog_x", proxy=bad)


@pytest.fixture
async def tls_api() -> AsyncIterator[str]:
    """The fake API over HTTPS, asking for a client certificate signed by client.pem."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(TLS / "client.pem")
    async with serving(create_app(FakeState(api_key=FAKE_API_KEY)), ssl_context=context) as url:
        yield url


def _client_context(*, certificate: bool) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=TLS / "server.pem")
    if certificate:
        context.load_cert_chain(TLS / "client.pem", TLS / "client.key")
    return context


async def test_ssl_takes_a_custom_ca_and_a_client_certificate(tls_api: str) -> None:
    context = _client_context(certificate=True)
    async with AsyncDevin(api_key=FAKE_API_KEY, base_url=tls_api, ssl=context) as client:
        assert (await client.self.get()).org_id


# Python 3.10's asyncio leaves the SSL transport of a handshake the server refused for
# the garbage collector (its sslproto was rewritten in 3.11); nothing of the SDK's is open.
_REFUSED_TLS_LEAKS = sys.version_info < (3, 11)


@pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnraisableExceptionWarning" if _REFUSED_TLS_LEAKS else "error"
)
@pytest.mark.filterwarnings("ignore::ResourceWarning" if _REFUSED_TLS_LEAKS else "error")
async def test_tls_is_verified_both_ways(tls_api: str) -> None:
    cases: list[tuple[ssl.SSLContext | bool, str]] = [
        (True, "CERTIFICATE_VERIFY_FAILED"),  # the system's CAs do not know this server
        (_client_context(certificate=False), "GET /v3/self"),  # the server wants one
    ]
    for setting, problem in cases:
        async with AsyncDevin(
            api_key=FAKE_API_KEY, base_url=tls_api, ssl=setting, max_retries=0
        ) as client:
            with pytest.raises(APIConnectionError, match=problem):
                await client.self.get()


async def test_connector_factory_makes_each_pools_connector_on_its_loop(
    fake: FakeDevin,
) -> None:
    made: list[tuple[aiohttp.BaseConnector, asyncio.AbstractEventLoop]] = []

    def connector() -> aiohttp.BaseConnector:
        made.append((aiohttp.TCPConnector(limit=3), asyncio.get_running_loop()))
        return made[-1][0]

    async with fake.client(connector_factory=connector) as client:
        await client.sessions.get(SID)
        await client.sessions.get(SID)
        session = client._transport._session  # type: ignore[attr-defined]
        assert session is not None and session.connector is made[0][0]
    assert len(made) == 1 and made[0][1] is asyncio.get_running_loop()
    assert made[0][0].closed  # the client closes what it made


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"ssl": "yes"}, "ssl must be True, False or an ssl.SSLContext"),
        ({"ssl": False, "connector_factory": aiohttp.TCPConnector}, "give ssl= to the connector"),
        ({"transport": lambda r: r, "proxy": "http://p:1"}, "a transport= of your own"),
        ({"transport": lambda r: r, "ssl": False}, "a transport= of your own"),
    ],
)
def test_network_settings_that_do_not_fit_together_are_refused(
    settings: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        AsyncDevin(api_key="cog_x", **settings)
