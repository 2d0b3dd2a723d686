"""The v1 quirks the inventory records: each documented answer variant, and what is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from devin_async import AsyncDevin, DecodeError, NotFoundError, Request, Response
from devin_async._converter import structure
from devin_async.models import V1AuditLog, V1Secret, V1SecretType, V1Session
from devin_async.resources.v1.secrets import normalize_secret_list

UTC = timezone.utc
Reply = tuple[int, str, bytes]  # status, content type, body


@pytest.fixture
async def answering() -> AsyncIterator[Callable[[Reply], AsyncDevin]]:
    """A client whose every request gets one fixed answer."""
    clients: list[AsyncDevin] = []

    def make(reply: Reply) -> AsyncDevin:
        status, content_type, content = reply

        async def transport(request: Request) -> Response:
            return Response(status, {"Content-Type": content_type}, content, request)

        client = AsyncDevin(
            api_key="apk_quirks", base_url="https://api.devin.ai", transport=transport
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


JSON = "application/json"


@pytest.mark.parametrize(
    ("reply", "detail"),
    [
        ((204, "", b""), None),  # legacy spec: 204 No Content
        ((200, JSON, b"null"), None),  # newer spec: 200 null
        ((200, JSON, b'{"detail": "Session is suspended"}'), "Session is suspended"),
        ((200, JSON, b'{"detail": "ok", "queued": true}'), "ok"),
    ],
    ids=["204", "null", "detail", "detail-with-extra"],
)
async def test_send_message_answers_become_one_result(
    answering: Callable[[Reply], AsyncDevin], reply: Reply, detail: str | None
) -> None:
    result = await answering(reply).v1.sessions.send_message("devin-1", "hi")
    assert result.detail == detail


@pytest.mark.parametrize("body", [b'"sent"', b"[1]", b"true", b"<html>"])
async def test_send_message_refuses_other_answers(
    answering: Callable[[Reply], AsyncDevin], body: bytes
) -> None:
    with pytest.raises(DecodeError, match="/v1/sessions/devin-1/message"):
        await answering((200, JSON, body)).v1.sessions.send_message("devin-1", "hi")


NEWER_SECRETS = [
    {"id": "s-1", "type": "cookie", "key": "SESSION", "created_at": "2024-01-01T00:00:00Z"},
    {"id": "s-2", "type": "dictionary", "key": None, "created_at": None},
]
LEGACY_SECRETS = {
    "secrets": [
        {
            "secret_id": "s-1",
            "secret_type": "cookie",
            "secret_name": "SESSION",
            "created_at": "2024-01-01T00:00:00Z",
        },
        {"secret_id": "s-2", "secret_type": "dictionary", "secret_name": None, "created_at": None},
    ]
}


@pytest.mark.parametrize("data", [NEWER_SECRETS, LEGACY_SECRETS], ids=["newer", "legacy"])
def test_both_secret_list_shapes_give_the_same_models(data: Any) -> None:
    secrets = structure(normalize_secret_list(data), list[V1Secret])
    assert [(s.id, s.type, s.key) for s in secrets] == [
        ("s-1", V1SecretType.COOKIE, "SESSION"),
        ("s-2", V1SecretType.DICTIONARY, None),
    ]
    assert secrets[0].created_at == datetime(2024, 1, 1, tzinfo=UTC)
    assert all(not s.extra for s in secrets)


def test_unknown_secret_fields_and_types_are_kept() -> None:
    legacy = {"secrets": [{"secret_id": "s", "secret_type": "ssh-key", "scope": "org"}]}
    (secret,) = structure(normalize_secret_list(legacy), list[V1Secret])
    assert secret.type == "ssh-key" and not secret.type.is_known
    assert secret.extra == {"scope": "org"}


@pytest.mark.parametrize("body", [b'{"items": []}', b'{"secrets": "none"}', b'"x"'])
async def test_a_secret_list_of_neither_shape_is_a_decode_error(
    answering: Callable[[Reply], AsyncDevin], body: bytes
) -> None:
    with pytest.raises(DecodeError, match="/v1/secrets"):
        await answering((200, JSON, body)).v1.secrets.list()


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        (1704067200000, datetime(2024, 1, 1, tzinfo=UTC)),
        (1704067200123, datetime(2024, 1, 1, 0, 0, 0, 123000, tzinfo=UTC)),
        # A small value is still milliseconds: the unit is the field's, never guessed.
        (86_400_000, datetime(1970, 1, 2, tzinfo=UTC)),
        ("2024-01-01T00:00:00Z", datetime(2024, 1, 1, tzinfo=UTC)),
    ],
)
def test_audit_log_created_at_is_epoch_milliseconds(wire: Any, expected: datetime) -> None:
    log = structure({"action": "create_session", "created_at": wire}, V1AuditLog)
    assert log.created_at == expected


def test_audit_log_keeps_action_specific_fields() -> None:
    log = structure(
        {"created_at": 1, "action": "update_enterprise_settings", "setting_type": "hypervisor"},
        V1AuditLog,
    )
    assert log.setting_type == "hypervisor" and log.audit_log_id is None
    odd = structure({"created_at": 1, "action": "x", "repo": "a/b"}, V1AuditLog)
    assert odd.extra == {"repo": "a/b"}


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2024-01-01T00:00:00.000000+00:00", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01T00:00:15.123456Z", datetime(2024, 1, 1, 0, 0, 15, 123456, tzinfo=UTC)),
        ("2024-01-01T02:00:00+02:00", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01T00:00:00", datetime(2024, 1, 1, tzinfo=UTC)),  # naive: taken as UTC
    ],
)
def test_v1_iso_timestamps_become_aware_datetimes(wire: str, expected: datetime) -> None:
    session = structure(
        {"session_id": "devin-1", "status": "running", "created_at": wire, "updated_at": wire},
        V1Session,
    )
    assert session.created_at == expected
    assert session.created_at.utcoffset() is not None


@pytest.mark.parametrize(
    "reply",
    [
        (200, "text/plain", b"https://files.example/a/b.txt\n"),  # legacy spec
        (200, JSON, b'"https://files.example/a/b.txt"'),  # newer spec
        (201, "text/plain; charset=utf-8", b"  https://files.example/a/b.txt  "),
    ],
    ids=["text", "json-string", "padded"],
)
async def test_upload_url_as_text_or_json_string(
    answering: Callable[[Reply], AsyncDevin], reply: Reply
) -> None:
    url = await answering(reply).v1.attachments.upload(b"x", filename="b.txt")
    assert url == "https://files.example/a/b.txt"


@pytest.mark.parametrize(
    "body", [b'{"url": "https://x"}', b"<html>oops</html>", b"", b'"not a url"', b"null"]
)
async def test_upload_without_a_url_is_a_decode_error(
    answering: Callable[[Reply], AsyncDevin], body: bytes
) -> None:
    with pytest.raises(DecodeError, match="without an attachment URL"):
        await answering((200, "text/plain", body)).v1.attachments.upload(b"x", filename="b")


async def test_upload_error_status_is_a_typed_error(
    answering: Callable[[Reply], AsyncDevin],
) -> None:
    client = answering((404, JSON, b'{"detail": "Not here"}'))
    with pytest.raises(NotFoundError, match="Not here"):
        await client.v1.attachments.upload(b"x", filename="b")


EmptyCall = Callable[[AsyncDevin], Awaitable[Any]]
EMPTY_OK: list[tuple[str, EmptyCall]] = [
    ("knowledge.delete", lambda c: c.v1.knowledge.delete("n-1")),
    ("secrets.delete", lambda c: c.v1.secrets.delete("s-1")),
]


@pytest.mark.parametrize(("name", "call"), EMPTY_OK, ids=[n for n, _ in EMPTY_OK])
@pytest.mark.parametrize(
    "reply",
    [(204, "", b""), (200, JSON, b""), (200, JSON, b'{"message": "Secret deleted"}')],
    ids=["204", "200-empty", "200-message"],
)
async def test_deletes_accept_an_empty_body_or_a_message(
    answering: Callable[[Reply], AsyncDevin], name: str, call: EmptyCall, reply: Reply
) -> None:
    assert await call(answering(reply)) is None


async def test_an_empty_body_where_json_is_promised_is_a_decode_error(
    answering: Callable[[Reply], AsyncDevin],
) -> None:
    with pytest.raises(DecodeError, match="empty body"):
        await answering((200, JSON, b"")).v1.sessions.terminate("devin-1")
