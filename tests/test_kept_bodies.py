"""``get_many`` with no ``on_progress`` keeps each answer's body as bytes until the batch is
done, and decodes then: every outcome, error and count must be the one decoding each answer
as it arrives gives (the path taken with ``on_progress``)."""

from __future__ import annotations

import collections
import json
from typing import Any

import pytest
from aiohttp import web
from hostile import hostile
from inproc import V3_SESSION

from devin_async import BulkError, BulkReport, DecodeError, NotFoundError, SessionResponse
from devin_async.testing import FakeClock

KEY = "cog_hostile"

BAD: dict[str, tuple[int, str, bytes]] = {
    "devin-html": (200, "text/html", b"<html>502 Bad Gateway</html>"),
    "devin-junk": (200, "application/json", b'{"session_id": "devin-junk", '),
    "devin-echo": (200, "application/json", b'{"oops": "Bearer ' + KEY.encode() + b'"'),
    "devin-empty": (200, "application/json", b""),
    "devin-shape": (
        200,
        "application/json",
        json.dumps({**V3_SESSION, "session_id": "devin-shape", "created_at": [1]}).encode(),
    ),
    "devin-other": (
        200,
        "application/json",
        json.dumps({**V3_SESSION, "session_id": "devin-EVIL"}).encode(),
    ),
    "devin-missing": (404, "application/json", b'{"detail": "Session not found"}'),
}
IDS = [
    "devin-1",
    *BAD,
    "devin-2",
    "devin-flaky",  # 503, then good
    "devin-flaky-junk",  # 503, then not JSON
    "devin-1",  # a repeat: one fetch, two results
    "devin-3",
]


def _server() -> tuple[Any, collections.Counter[str]]:
    seen: collections.Counter[str] = collections.Counter()

    async def handler(request: web.Request) -> web.Response:
        devin_id = request.path.rsplit("/", 1)[-1]
        seen[devin_id] += 1
        if devin_id.startswith("devin-flaky") and seen[devin_id] == 1:
            return web.Response(status=503, body=b"busy", content_type="text/plain")
        if devin_id == "devin-flaky-junk":
            return web.Response(body=b"[1, 2", content_type="application/json")
        if devin_id in BAD:
            status, content_type, body = BAD[devin_id]
            return web.Response(status=status, body=body, content_type=content_type)
        return web.json_response({**V3_SESSION, "session_id": devin_id})

    return handler, seen


async def _outcomes(watch: bool) -> tuple[list[Any], BulkReport, collections.Counter[str]]:
    handler, seen = _server()
    reports: list[BulkReport] = []
    async with hostile(handler, api_key=KEY, max_retries=1, clock=FakeClock()) as client:
        outcomes = await client.sessions.get_many(
            IDS,
            on_error="return",
            batch=False,
            concurrency=4,
            on_progress=reports.append if watch else None,
        )
    if watch:
        assert reports[-1] == outcomes.report
    return list(outcomes), outcomes.report, seen


def _summary(outcome: Any) -> tuple[Any, ...]:
    value = outcome.value.session_id if outcome.value is not None else None
    error = (type(outcome.error), str(outcome.error)) if outcome.error else None
    return outcome.id, str(outcome.status), value, error, outcome.attempts


async def test_kept_bodies_decode_to_exactly_what_decoding_at_once_gives() -> None:
    kept, kept_report, kept_seen = await _outcomes(watch=False)
    direct, direct_report, direct_seen = await _outcomes(watch=True)
    assert [_summary(o) for o in kept] == [_summary(o) for o in direct]
    assert kept_seen == direct_seen
    assert kept_report.requests == direct_report.requests == len(kept_seen) + 2  # 2 retries
    for name in ("total", "succeeded", "failed", "timed_out", "retries", "rate_limited"):
        assert getattr(kept_report, name) == getattr(direct_report, name), name


async def test_each_bad_answer_fails_its_own_id_with_the_error_that_explains_it() -> None:
    outcomes, report, _seen = await _outcomes(watch=False)
    by_id = {o.id: o for o in outcomes}
    good = ["devin-1", "devin-2", "devin-3", "devin-flaky"]
    assert all(isinstance(by_id[i].value, SessionResponse) for i in good)
    assert [o.value.session_id for o in outcomes if o.ok] == [
        "devin-1",
        "devin-2",
        "devin-flaky",
        "devin-1",
        "devin-3",
    ]
    assert by_id["devin-flaky"].attempts == 2
    assert by_id["devin-flaky-junk"].attempts == 2
    assert (report.total, report.succeeded, report.failed) == (12, 4, 8)
    assert isinstance(by_id["devin-missing"].error, NotFoundError)
    errors = {i: str(by_id[i].error) for i in [*BAD, "devin-flaky-junk"]}
    path = "GET /v3/organizations/org-1/sessions/"
    assert errors["devin-html"].startswith(path + "devin-html answered 200 with a body that is not")
    assert "text/html" in errors["devin-html"]
    assert errors["devin-junk"].startswith(path + "devin-junk answered 200 with a body that is not")
    assert "application/json" in errors["devin-junk"]
    assert errors["devin-empty"] == (
        path + "devin-empty answered 200 with an empty body where JSON was expected"
    )
    assert errors["devin-shape"].startswith(path + "devin-shape does not fit SessionResponse")
    assert "created_at" in errors["devin-shape"]
    assert errors["devin-other"] == path + "devin-other answered 'devin-EVIL'"
    assert errors["devin-flaky-junk"].startswith(path + "devin-flaky-junk answered 200")
    # A body that echoes the key shows it scrubbed, in the message and in .body.
    echo = by_id["devin-echo"].error
    assert isinstance(echo, DecodeError)
    assert KEY not in errors["devin-echo"] and "***" in errors["devin-echo"]
    assert KEY.encode() not in echo.body
    assert all(isinstance(by_id[i].error, DecodeError) for i in BAD if i != "devin-missing")


async def test_on_error_raise_raises_with_every_outcome_after_decoding() -> None:
    handler, _seen = _server()
    async with hostile(handler, api_key=KEY, clock=FakeClock()) as client:
        with pytest.raises(BulkError) as caught:
            await client.sessions.get_many(["devin-1", "devin-junk", "devin-2"], batch=False)
    outcomes = caught.value.outcomes
    assert [str(o.status) for o in outcomes] == ["ok", "failed", "ok"]
    assert isinstance(outcomes[1].error, DecodeError)
    assert caught.value.report.failed == 1
    assert caught.value.report.succeeded == 2
    assert caught.value.report.requests == 3


async def test_only_the_batchs_usual_answer_is_kept_undecoded() -> None:
    """What makes the path worth having: a plain answer stays bytes until ``decode``."""
    handler, _seen = _server()
    async with hostile(handler, api_key=KEY) as client:
        sessions = client.sessions
        fetch, bodies = sessions._one_by_one(
            sessions._maker, sessions._decoder(), SessionResponse, None, {}
        ).kept()
        first = await fetch.start("devin-1")
        kept = fetch.finish(first)
        assert kept == first.content and isinstance(kept, bytes)
        html = fetch.finish(await fetch.start("devin-2")), await fetch.start("devin-html")
        assert isinstance(html[0], bytes)
        with pytest.raises(DecodeError, match="text/html"):
            fetch.finish(html[1])  # another content type: decoded (and refused) at once
        with pytest.raises(NotFoundError):
            fetch.finish(await fetch.start("devin-missing"))
        assert bodies.decode("devin-1", kept).session_id == "devin-1"
        with pytest.raises(DecodeError, match="devin-2 answered 'devin-1'"):
            bodies.decode("devin-2", kept)  # filed under another id: refused
