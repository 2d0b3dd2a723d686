"""The request each v1 method builds, and the inventory check that every v1 endpoint has one."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from aioresponses import aioresponses
from yarl import URL

from devin_async import AsyncDevin, PermissionDeniedError, Request, Response
from devin_async.models import SessionSecret, V1SecretType
from devin_async.testing import FakeState, create_app

KEY = "apk_request_building_key_0001"
DATA = Path(__file__).parent / "data"

SESSION = {
    "session_id": "devin-abc",
    "status": "running",
    "created_at": "2024-01-01T00:00:00.000000+00:00",
    "updated_at": "2024-01-01T00:05:00Z",
}
NOTE = {
    "id": "note-1",
    "name": "n",
    "body": "b",
    "trigger_description": "t",
    "created_at": "2024-01-01T00:00:00Z",
}
PLAYBOOK = {"playbook_id": "pb-1", "title": "t", "body": "b"}


@attrs.frozen
class Case:
    """One v1 method call, the request it must build and a valid answer to it."""

    method: str
    template: str
    call: Callable[[AsyncDevin], Awaitable[Any]]
    path: str
    params: list[tuple[str, str]] = attrs.Factory(list)
    json: Any = None
    reply: Any = None
    status: int = 200
    raw_reply: bytes | None = None

    def body(self) -> bytes:
        if self.raw_reply is not None:
            return self.raw_reply
        return b"" if self.status == 204 else json.dumps(self.reply).encode()


async def _first_page(paginator: Any) -> Any:
    async for page in paginator.pages():
        return page
    return None


CASES = [
    Case(
        "GET",
        "/v1/sessions",
        lambda c: _first_page(c.v1.sessions.list(tags=["a", "b"], user_email="u@x.io")),
        "/v1/sessions",
        params=[
            ("tags", "a"),
            ("tags", "b"),
            ("user_email", "u@x.io"),
            ("limit", "100"),
            ("offset", "0"),
        ],
        reply={"sessions": [SESSION]},
    ),
    Case(
        "POST",
        "/v1/sessions",
        lambda c: c.v1.sessions.create(
            "Fix it",
            idempotent=True,
            tags=["x"],
            secret_ids=[],
            max_acu_limit=5,
            session_secrets=[SessionSecret(key="K", value="v", sensitive=False)],
            structured_output_schema={"type": "object"},
        ),
        "/v1/sessions",
        json={
            "prompt": "Fix it",
            "idempotent": True,
            "tags": ["x"],
            "secret_ids": [],
            "max_acu_limit": 5,
            "session_secrets": [{"key": "K", "value": "v", "sensitive": False}],
            "structured_output_schema": {"type": "object"},
        },
        reply={"session_id": "devin-abc", "url": "https://app.devin.ai/sessions/abc"},
    ),
    Case(
        "GET",
        "/v1/sessions/{session_id}",
        lambda c: c.v1.sessions.get("devin-abc"),
        "/v1/sessions/devin-abc",
        reply=SESSION,
    ),
    Case(
        "DELETE",
        "/v1/sessions/{session_id}",
        lambda c: c.v1.sessions.terminate("devin-abc"),
        "/v1/sessions/devin-abc",
        reply={"detail": "Session terminated successfully"},
    ),
    Case(
        "POST",
        "/v1/sessions/{session_id}/message",
        lambda c: c.v1.sessions.send_message("devin-abc", "hello"),
        "/v1/sessions/devin-abc/message",
        json={"message": "hello"},
        reply=None,
    ),
    Case(
        "PUT",
        "/v1/sessions/{session_id}/tags",
        lambda c: c.v1.sessions.update_tags("devin-abc", ["a"]),
        "/v1/sessions/devin-abc/tags",
        json={"tags": ["a"]},
        reply={"detail": "Tags updated successfully"},
    ),
    Case(
        "POST",
        "/v1/attachments",
        lambda c: c.v1.attachments.upload(b"data", filename="notes.txt"),
        "/v1/attachments",
        raw_reply=b"https://files.example/a/notes.txt",
    ),
    Case(
        "GET",
        "/v1/attachments/{uuid}/{name}",
        lambda c: c.v1.attachments.download("u-1", "my notes.txt"),
        "/v1/attachments/u-1/my%20notes.txt",
        raw_reply=b"file content",
    ),
    Case(
        "GET",
        "/v1/secrets",
        lambda c: c.v1.secrets.list(),
        "/v1/secrets",
        reply=[{"id": "s-1", "type": "cookie"}],
    ),
    Case(
        "POST",
        "/v1/secrets",
        lambda c: c.v1.secrets.create(type=V1SecretType.TOTP, key="K", value="v"),
        "/v1/secrets",
        json={"type": "totp", "key": "K", "value": "v", "sensitive": True, "note": ""},
        reply={"id": "s-1"},
    ),
    Case(
        "DELETE",
        "/v1/secrets/{secret_id}",
        lambda c: c.v1.secrets.delete("s-1"),
        "/v1/secrets/s-1",
        status=204,
    ),
    Case(
        "GET",
        "/v1/knowledge",
        lambda c: c.v1.knowledge.list(),
        "/v1/knowledge",
        reply={"knowledge": [NOTE], "folders": []},
    ),
    Case(
        "POST",
        "/v1/knowledge",
        lambda c: c.v1.knowledge.create(name="n", body="b", trigger_description="t", macro=None),
        "/v1/knowledge",
        json={"name": "n", "body": "b", "trigger_description": "t", "macro": None},
        reply=NOTE,
    ),
    Case(
        "PUT",
        "/v1/knowledge/{note_id}",
        lambda c: c.v1.knowledge.update(
            "note-1", name="n", body="b", trigger_description="t", pinned_repo="all"
        ),
        "/v1/knowledge/note-1",
        json={"name": "n", "body": "b", "trigger_description": "t", "pinned_repo": "all"},
        reply=NOTE,
    ),
    Case(
        "DELETE",
        "/v1/knowledge/{note_id}",
        lambda c: c.v1.knowledge.delete("note-1"),
        "/v1/knowledge/note-1",
        status=204,
    ),
    Case(
        "GET",
        "/v1/playbooks",
        lambda c: c.v1.playbooks.list(),
        "/v1/playbooks",
        reply=[PLAYBOOK],
    ),
    Case(
        "POST",
        "/v1/playbooks",
        lambda c: c.v1.playbooks.create(title="t", body="b", macro="!go"),
        "/v1/playbooks",
        json={"title": "t", "body": "b", "macro": "!go"},
        reply=PLAYBOOK,
    ),
    Case(
        "GET",
        "/v1/playbooks/{playbook_id}",
        lambda c: c.v1.playbooks.get("pb-1"),
        "/v1/playbooks/pb-1",
        reply=PLAYBOOK,
    ),
    Case(
        "PUT",
        "/v1/playbooks/{playbook_id}",
        lambda c: c.v1.playbooks.update("pb-1", title="t", body="b"),
        "/v1/playbooks/pb-1",
        json={"title": "t", "body": "b"},
        reply={"status": "success"},
    ),
    Case(
        "DELETE",
        "/v1/playbooks/{playbook_id}",
        lambda c: c.v1.playbooks.delete("pb-1"),
        "/v1/playbooks/pb-1",
        reply={"status": "success"},
    ),
    Case(
        "GET",
        "/v1/audit-logs",
        lambda c: c.v1.audit_logs.list(
            limit=10, before=datetime(2024, 1, 2, tzinfo=timezone.utc), after=1704067200000
        ),
        "/v1/audit-logs",
        params=[("limit", "10"), ("before", "1704153600000"), ("after", "1704067200000")],
        reply={"audit_logs": [{"action": "create_session", "created_at": 1704067200000}]},
    ),
    Case(
        "GET",
        "/enterprise/consumption",
        lambda c: c.v1.consumption.get(start_date=date(2024, 1, 1), end_date="2024-01-31"),
        "/enterprise/consumption",
        params=[("start_date", "2024-01-01"), ("end_date", "2024-01-31")],
        reply={"sessions": [], "cycle": {"start": "2024-01-01", "end": "2024-01-31"}},
    ),
]


def case_for(method: str, template: str) -> Case:
    return next(c for c in CASES if (c.method, c.template) == (method, template))


class Recorder:
    """A ``transport=`` handler that records each request and answers the case's reply."""

    def __init__(self, case: Case):
        self.case = case
        self.requests: list[Request] = []

    async def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        headers = {"Content-Type": "text/plain" if self.case.raw_reply else "application/json"}
        return Response(self.case.status, headers, self.case.body(), request)


@pytest.fixture
async def make_client() -> AsyncIterator[Callable[[Recorder], AsyncDevin]]:
    clients: list[AsyncDevin] = []

    def make(recorder: Recorder) -> AsyncDevin:
        client = AsyncDevin(api_key=KEY, base_url="https://api.devin.ai", transport=recorder)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.method} {c.template}" for c in CASES])
async def test_request_built(case: Case, make_client: Callable[[Recorder], AsyncDevin]) -> None:
    recorder = Recorder(case)
    result = await case.call(make_client(recorder))
    assert len(recorder.requests) == 1
    sent = recorder.requests[0]
    assert (sent.method, sent.path) == (case.method, case.path)
    assert re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", case.template), sent.path)
    assert list(sent.params) == case.params
    assert sent.json == case.json
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    if case.status != 204:
        assert result is not None  # the answer was decoded into the method's return type


async def test_upload_sends_one_multipart_file_field(
    make_client: Callable[[Recorder], AsyncDevin],
) -> None:
    recorder = Recorder(case_for("POST", "/v1/attachments"))
    url = await make_client(recorder).v1.attachments.upload(
        b"data", filename="notes.txt", content_type="text/plain"
    )
    files = recorder.requests[0].files
    assert files is not None
    assert (files.field, files.filename, files.content, files.content_type) == (
        "file",
        "notes.txt",
        b"data",
        "text/plain",
    )
    assert url == "https://files.example/a/notes.txt"


async def test_create_sends_only_the_arguments_given(
    make_client: Callable[[Recorder], AsyncDevin],
) -> None:
    recorder = Recorder(case_for("POST", "/v1/sessions"))
    await make_client(recorder).v1.sessions.create("Just this", title=None)
    assert recorder.requests[0].json == {"prompt": "Just this", "title": None}


def test_every_v1_endpoint_has_a_method() -> None:
    listed = json.loads((DATA / "endpoints_v1.json").read_text())["endpoints"]
    covered = {(c.method, c.template) for c in CASES}
    missing = [
        f"{e['method']} {e['path']}" for e in listed if (e["method"], e["path"]) not in covered
    ]
    assert len(listed) == 22
    assert not missing, f"v1 endpoints without a method: {missing}"


async def test_download_follows_the_redirect_to_another_host_without_the_key() -> None:
    presigned = "https://storage.example/bucket/u-1/a.txt?X-Amz-Signature=sig"
    with aioresponses() as mocked:
        mocked.get(
            "https://api.devin.ai/v1/attachments/u-1/a.txt",
            status=307,
            headers={"Location": presigned},
        )
        mocked.get(presigned, body=b"content")
        async with AsyncDevin(api_key=KEY, base_url="https://api.devin.ai") as client:
            assert await client.v1.attachments.download("u-1", "a.txt") == b"content"
    calls = {url.host: kwargs for (_, url), [kwargs] in _calls(mocked)}
    assert calls["api.devin.ai"]["headers"]["Authorization"] == f"Bearer {KEY}"
    assert "Authorization" not in (calls["storage.example"].get("headers") or {})


async def test_download_error_from_the_presigned_host_is_typed() -> None:
    presigned = "https://storage.example/u-1/a.txt?X-Amz-Signature=expired"
    with aioresponses() as mocked:
        mocked.get(
            "https://api.devin.ai/v1/attachments/u-1/a.txt",
            status=307,
            headers={"Location": presigned},
        )
        mocked.get(presigned, status=403, body=b"<Error>Request has expired</Error>")
        async with AsyncDevin(api_key=KEY, base_url="https://api.devin.ai") as client:
            with pytest.raises(PermissionDeniedError, match="expired") as caught:
                await client.v1.attachments.download("u-1", "a.txt")
    assert "expired" not in caught.value.path  # the signature stays out of the error's path


def _calls(mocked: aioresponses) -> list[tuple[tuple[str, URL], list[dict[str, Any]]]]:
    return [(key, [c.kwargs for c in calls]) for key, calls in mocked.requests.items()]


def test_the_fake_api_serves_every_v1_endpoint() -> None:
    listed = json.loads((DATA / "endpoints_v1.json").read_text())["endpoints"]
    app = create_app(FakeState())
    served = {
        (route.method, re.sub(r"\{\w+\}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None
    }
    wanted = {(e["method"], re.sub(r"\{\w+\}", "{}", e["path"])) for e in listed}
    assert sorted(wanted - served) == []
