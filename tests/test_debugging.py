"""Debugging switches: ``DEVIN_LOG`` turns the SDK's logging on without code, and each
retry says it is one in ``X-Devin-Retry-Count`` (issue 19.5)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from devin_async import AsyncDevin, Handler, Request, Response
from devin_async._pipeline.log import logger
from devin_async._pipeline.retry import RETRY_COUNT_HEADER
from devin_async.testing import FAKE_API_KEY, ErrorStatus, FakeClock, FakeDevin

SID = "devin-abc123def456"


@pytest.fixture
def sdk_logger() -> Iterator[logging.Logger]:
    """The ``devin_async`` logger, put back as it was (level, handlers, propagation)."""
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    yield logger
    for handler in logger.handlers:
        if handler not in handlers:
            logger.removeHandler(handler)
    logger.setLevel(level)
    logger.propagate = propagate


class Headers:
    """A user middleware keeping the headers of every attempt."""

    def __init__(self) -> None:
        self.sent: list[dict[str, str]] = []

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        self.sent.append(dict(request.headers))
        return await call_next(request)


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), (" INFO ", logging.INFO)])
def test_devin_log_sets_the_sdk_loggers_level(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, value: str, level: int
) -> None:
    sdk_logger.setLevel(logging.NOTSET)
    monkeypatch.setenv("DEVIN_LOG", value)
    AsyncDevin(api_key="cog_x")
    assert sdk_logger.level == level


def test_without_devin_log_nothing_changes(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk_logger.setLevel(logging.WARNING)
    monkeypatch.delenv("DEVIN_LOG", raising=False)
    AsyncDevin(api_key="cog_x")
    assert sdk_logger.level == logging.WARNING


def test_an_unknown_devin_log_value_warns_and_changes_nothing(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk_logger.setLevel(logging.WARNING)
    monkeypatch.setenv("DEVIN_LOG", "verbose")
    with pytest.warns(RuntimeWarning, match="DEVIN_LOG='verbose' is ignored"):
        AsyncDevin(api_key="cog_x")
    assert sdk_logger.level == logging.WARNING


async def test_devin_log_debug_shows_each_exchange_on_stderr_without_the_key(
    sdk_logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sdk_logger.propagate = False  # as in a program that configured no logging at all
    monkeypatch.setenv("DEVIN_LOG", "debug")
    async with FakeDevin() as fake:
        async with fake.client() as client:
            await client.sessions.get(SID)
        async with fake.client():
            pass  # a second client adds no second handler
    assert len(sdk_logger.handlers) == 1
    err = capsys.readouterr().err
    assert f"DEBUG GET /v3/organizations/org-abc123def456/sessions/{SID} -> 200 in" in err
    assert err.count(" -> 200 in ") == 1
    assert FAKE_API_KEY not in err and "prompt" not in err


async def test_devin_log_leaves_an_applications_handlers_alone(
    sdk_logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DEVIN_LOG", "info")
    async with FakeDevin(clock=FakeClock()) as fake:
        fake.faults.add(ErrorStatus(503), path="/v3/self")
        async with fake.client() as client:
            await client.self.get()
    assert sdk_logger.handlers == []  # pytest's handler, on the root, shows the records
    (record,) = [r for r in caplog.records if r.name == "devin_async"]
    assert record.levelno == logging.INFO and record.getMessage().startswith("retrying GET")


async def test_each_retry_carries_its_number_and_the_first_attempt_none() -> None:
    headers = Headers()
    async with FakeDevin(clock=FakeClock()) as fake:
        fake.faults.add(ErrorStatus(503), ErrorStatus(429, retry_after=1), path="/v3/self")
        async with fake.client(middleware=[headers], clock=fake.clock) as client:
            await client.self.get()
    assert [h.get(RETRY_COUNT_HEADER) for h in headers.sent] == [None, "1", "2"]
    assert RETRY_COUNT_HEADER == "X-Devin-Retry-Count"


async def test_the_debug_line_of_a_retry_says_which_it_is(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with FakeDevin(clock=FakeClock()) as fake:
        fake.faults.add(ErrorStatus(503), path="/v3/self")
        async with fake.client(clock=fake.clock) as client:
            with caplog.at_level(logging.DEBUG, logger="devin_async"):
                await client.self.get()
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert lines[0].startswith("GET /v3/self -> 503 in") and "retry" not in lines[0]
    assert lines[1].startswith("GET /v3/self -> 200 in") and lines[1].endswith(", retry 1")
