"""Checked by mypy --strict (see test_sync_surface.py): Devin's methods have exact types."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

from devin_async import Devin, SessionInsights, SessionResponse, SyncPaginator, V1Session
from devin_async._pagination import Page
from devin_async._sync._raw import SyncRawResponses


def exact_types(client: Devin) -> None:
    assert_type(client.sessions.get("devin-x"), SessionResponse)
    assert_type(client.sessions.terminate("devin-x", archive=True), SessionResponse)
    assert_type(client.sessions.list(tags=["a"]), SyncPaginator[SessionResponse])
    for session in client.sessions.list():
        assert_type(session, SessionResponse)
    for page in client.sessions.list().pages():
        assert_type(page, Page[SessionResponse])
    assert_type(client.sessions.list().to_list(), list[SessionResponse])
    assert_type(client.enterprise.sessions.get("devin-x"), SessionResponse)
    assert_type(client.enterprise.sessions.insights("devin-x"), SessionInsights)
    assert_type(client.v1.sessions.get("devin-x"), V1Session)
    assert_type(client.org_id, str | None)
    assert_type(client.request("GET", "/v3/self", cast_to=SessionResponse), SessionResponse)
    assert_type(client.request("GET", "/v3/self"), Any)
    assert_type(client.sessions.with_raw_response, SyncRawResponses)
    with Devin() as scoped:
        assert_type(scoped, Devin)


def wrong_arguments_are_caught(client: Devin) -> None:
    client.sessions.get(123)  # type: ignore[arg-type]
    client.sessions.get("devin-x", timeout="soon")  # type: ignore[arg-type]
    client.sessions.get("devin-x", extra_headers={"X-A": 1})  # type: ignore[dict-item]
    client.request("GET", "/v3/self", extra_query=[("a", "b")])  # type: ignore[call-overload]
