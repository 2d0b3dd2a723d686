"""Configuration, secrecy of the key, and client lifecycle."""

from __future__ import annotations

import asyncio
import gc
import logging
import pickle
import traceback

import pytest

from devin_async import AsyncDevin, ClientUsageError, ConfigurationError, Devin, NotFoundError
from devin_async._config import DEFAULT_BASE_URL, Secret, resolve_settings
from devin_async._transport import AiohttpTransport
from devin_async.testing import FakeDevin

KEY = "cog_super_secret_key_abcdefghijklmnop"


def settings(**kwargs: object) -> object:
    base: dict[str, object] = {
        "api_key": None,
        "org_id": None,
        "base_url": None,
        "timeout": None,
        "max_retries": None,
        "allow_insecure_http": False,
        "environ": {},
    }
    base.update(kwargs)
    return resolve_settings(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [KEY + "\n", f"  {KEY}\r\n", f"\t{KEY} "])
def test_whitespace_around_a_key_read_from_a_file_is_not_sent(raw: str) -> None:
    given = settings(api_key=raw).api_key  # type: ignore[attr-defined]
    from_env = settings(environ={"DEVIN_API_KEY": raw}).api_key  # type: ignore[attr-defined]
    assert given.reveal() == from_env.reveal() == KEY


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (f"{KEY[:12]}\n{KEY[12:]}", "contains a line break or another control character"),
        (f"{KEY[:12]}\x00{KEY[12:]}", "contains a line break or another control character"),
        (12345678901234, "must be a string, got int"),
    ],
)
@pytest.mark.parametrize("client_class", [AsyncDevin, Devin])
def test_a_key_no_header_can_carry_is_refused_at_once_without_showing_it(
    raw: object, why: str, client_class: type[AsyncDevin] | type[Devin]
) -> None:
    with pytest.raises(ConfigurationError, match=f"the API key \\(api_key\\) {why}") as info:
        client_class(api_key=raw, org_id="org-1")  # type: ignore[arg-type]
    secret = str(raw)[12:] if isinstance(raw, str) else str(raw)
    frames = [frame for frame, _ in traceback.walk_tb(info.value.__traceback__)]
    ours = [frame for frame in frames if "devin_async" in frame.f_code.co_filename]
    assert ours  # raised in the SDK, whose frames must not hold the key
    assert secret not in str(info.value)
    assert all(secret not in repr(frame.f_locals) for frame in ours)


def test_a_key_from_the_environment_no_header_can_carry_names_the_variable() -> None:
    with pytest.raises(ConfigurationError, match=r"the API key \(DEVIN_API_KEY\) contains"):
        settings(environ={"DEVIN_API_KEY": KEY + "\nX-Injected: 1"})


def test_keyword_arguments_win_over_environment() -> None:
    env = {"DEVIN_API_KEY": "env-key", "DEVIN_ORG_ID": "org-env", "DEVIN_BASE_URL": "https://e.x"}
    s = resolve_settings(
        api_key="kw-key",
        org_id="org-kw",
        base_url="https://kw.example",
        timeout=None,
        max_retries=None,
        allow_insecure_http=False,
        environ=env,
    )
    assert (s.api_key.reveal() if s.api_key else None, s.org_id, s.base_url) == (
        "kw-key",
        "org-kw",
        "https://kw.example",
    )


def test_environment_fills_what_arguments_leave_out() -> None:
    env = {"DEVIN_API_KEY": "env-key", "DEVIN_ORG_ID": "org-env", "DEVIN_BASE_URL": "https://e.x/"}
    s = settings(environ=env)
    assert s.api_key is not None and s.api_key.reveal() == "env-key"  # type: ignore[attr-defined]
    assert (s.org_id, s.base_url) == ("org-env", "https://e.x")  # type: ignore[attr-defined]


def test_default_base_url() -> None:
    assert settings().base_url == DEFAULT_BASE_URL == "https://api.devin.ai"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "https://x.example"]
)
def test_loopback_http_and_any_https_are_accepted(url: str) -> None:
    assert settings(base_url=url).base_url == url  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url", ["http://api.devin.ai", "http://10.0.0.5", "ftp://x", "x", "https://"]
)
def test_plain_http_to_other_hosts_and_nonsense_are_refused(url: str) -> None:
    with pytest.raises(ConfigurationError):
        settings(base_url=url)


def test_plain_http_allowed_on_explicit_opt_in() -> None:
    s = settings(base_url="http://devin.internal", allow_insecure_http=True)
    assert s.base_url == "http://devin.internal"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("field", "value"), [("timeout", 0), ("timeout", -1), ("max_retries", -1)])
def test_invalid_numbers_are_refused(field: str, value: float) -> None:
    with pytest.raises(ConfigurationError, match=field):
        settings(**{field: value})


def test_key_is_not_in_client_repr_or_secret_repr() -> None:
    client = AsyncDevin(api_key=KEY, org_id="org-1")
    assert KEY not in repr(client) and KEY not in str(vars(client))
    assert KEY not in repr(Secret(KEY)) and KEY not in str(Secret(KEY))
    with pytest.raises(TypeError):
        pickle.dumps(Secret(KEY))


async def test_key_is_absent_from_logs_errors_and_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="devin_async")
    async with FakeDevin(api_key=KEY) as fake, fake.client(api_key=KEY) as client:
        await client.sessions.get("devin-abc123def456")
        with pytest.raises(NotFoundError) as info:
            await client.sessions.get("devin-missing")
        text = "".join(traceback.format_exception(info.value))
        assert KEY not in text and KEY not in repr(info.value)
        assert KEY not in repr(info.value.headers)
    assert caplog.records, "the debug log should have recorded the exchanges"
    assert all(KEY not in r.getMessage() for r in caplog.records)


async def test_wrong_key_is_authentication_error_without_echoing_the_key() -> None:
    async with FakeDevin() as fake, fake.client(api_key=KEY) as client:
        from devin_async import AuthenticationError

        with pytest.raises(AuthenticationError) as info:
            await client.v1.sessions.get("devin-abc123def456")
    assert KEY not in str(info.value)


async def test_a_closed_client_refuses_calls_instead_of_reopening() -> None:
    async with FakeDevin() as fake:
        client = fake.client()
        transport = client._transport
        assert isinstance(transport, AiohttpTransport)
        await client.sessions.get("devin-abc123def456")
        await client.aclose()
        assert not transport.is_open
        with pytest.raises(ClientUsageError, match="this client is closed: make a new one"):
            await client.sessions.get("devin-abc123def456")
        assert not transport.is_open  # nothing was reopened
        await client.aclose()  # closing twice is fine
        seen = len(fake.state.seen)
        with pytest.raises(ClientUsageError):
            await client.sessions.get_many(["devin-abc123def456"])
        assert len(fake.state.seen) == seen


async def test_a_closed_client_refuses_a_fan_out_of_no_ids_too() -> None:
    async with FakeDevin() as fake:
        client = fake.client()
        await client.aclose()
        calls = {
            "sessions.get_many": client.sessions.get_many([]),
            "sessions.wait_many": client.sessions.wait_many([]),
            "sessions.insights_many": client.sessions.insights_many([]),
            "enterprise.sessions.get_many": client.enterprise.sessions.get_many([]),
            "v1.sessions.get_many": client.v1.sessions.get_many([]),
        }
        for name, call in calls.items():
            with pytest.raises(ClientUsageError, match="this client is closed"):
                await call
            assert name  # (named for the failure report)
        with pytest.raises(ClientUsageError, match="this client is closed"):
            client.sessions.iter_many([])
        assert fake.state.seen == []


async def test_every_concurrent_aclose_returns_once_the_pool_is_closed() -> None:
    async with FakeDevin() as fake:
        client = fake.client()
        await client.sessions.get("devin-abc123def456")
        transport = client._transport
        assert isinstance(transport, AiohttpTransport)
        session = transport._session
        assert session is not None
        first = asyncio.ensure_future(client.aclose())
        await asyncio.sleep(0)  # the first aclose() is now closing the pool
        await client.aclose()
        assert first.done() and session.closed  # the second waited for the same close
        await first


async def test_unclosed_client_warns_resource_warning() -> None:
    async with FakeDevin() as fake:
        client = fake.client()
        await client.sessions.get("devin-abc123def456")
        assert isinstance(client._transport, AiohttpTransport)
        session = client._transport._session
        with pytest.warns(ResourceWarning, match="was not closed"):  # noqa: PT031
            del client
            gc.collect()
        assert session is not None
        await session.close()  # tidy up what the abandoned client left behind
