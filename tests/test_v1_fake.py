"""Each v1 group over a real socket, against the fake API's consistent state."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from devin_async import AsyncDevin, BadRequestError, ConflictError, NotFoundError
from devin_async.models import V1SecretType
from devin_async.testing import FakeDevin

UTC = timezone.utc


@pytest.fixture
def ticking(fake: FakeDevin) -> Callable[[], float]:
    """Give the fake a clock that advances one second per reading, from 2025-01-01."""
    ticks = itertools.count()
    start = datetime(2025, 1, 1, tzinfo=UTC).timestamp()
    fake.state.clock = lambda: start + next(ticks)
    return fake.state.clock


async def test_session_lifecycle(client: AsyncDevin, ticking: Callable[[], float]) -> None:
    created = await client.v1.sessions.create("Fix the flaky test", tags=["ci"], title="Flaky")
    assert created.is_new_session is None  # only idempotent creates say
    sid = created.session_id

    session = await client.v1.sessions.get(sid)
    assert (session.title, session.tags) == ("Flaky", ["ci"])
    assert [m.type for m in session.messages] == ["initial_user_message"]
    assert session.created_at.year == 2025 and session.created_at.tzinfo is not None

    newest = [s async for s in client.v1.sessions.list(limit=1)]
    assert [s.session_id for s in newest] == [sid]

    assert (await client.v1.sessions.send_message(sid, "Also run lint")).detail is None
    tags = await client.v1.sessions.update_tags(sid, ["ci", "lint"])
    assert tags.detail == "Tags updated successfully"
    session = await client.v1.sessions.get(sid)
    # The ticking clock runs the session's story fast: Devin may have answered already.
    assert session.messages[1].message == "Also run lint"
    assert session.tags == ["ci", "lint"]

    done = await client.v1.sessions.terminate(sid)
    assert done.detail == "Session terminated successfully"
    assert (await client.v1.sessions.get(sid)).status == "exit"
    with pytest.raises(BadRequestError, match="already exited"):
        await client.v1.sessions.terminate(sid)


async def test_idempotent_create_never_starts_a_second_session(
    client: AsyncDevin, fake: FakeDevin
) -> None:
    first = await client.v1.sessions.create("Nightly bump", idempotent=True, tags=["n"])
    again = await client.v1.sessions.create("Nightly bump", idempotent=True, tags=["n"])
    assert (first.is_new_session, again.is_new_session) == (True, False)
    assert first.session_id == again.session_id
    other = await client.v1.sessions.create("Nightly bump", idempotent=True, tags=["m"])
    assert other.is_new_session is True and other.session_id != first.session_id
    assert len(fake.state.sessions) == 2 + 2


async def test_list_walks_limit_offset_pages(
    client: AsyncDevin, fake: FakeDevin, ticking: Callable[[], float]
) -> None:
    for n in range(5):
        fake.state.add_session(title=f"s{n}", tags=["batch"] if n % 2 else [])
    expected = [r["session_id"] for r in fake.state.sessions.values()]
    expected.sort(key=lambda sid: fake.state.sessions[sid]["created_at"], reverse=True)

    pages = [p async for p in client.v1.sessions.list(page_size=2).pages()]
    assert [len(p.items) for p in pages] == [2, 2, 2, 1]
    assert [s.session_id for p in pages for s in p.items] == expected
    offsets = [dict(r.query)["offset"] for r in fake.state.seen if r.path == "/v1/sessions"]
    assert offsets == ["0", "2", "4", "6"]

    batch = [s.title async for s in client.v1.sessions.list(tags=["batch"])]
    assert sorted(batch, key=str) == ["s1", "s3"]  # key: a title may be None
    assert len([s async for s in client.v1.sessions.list(page_size=3, limit=4)]) == 4


async def test_send_message_variants(client: AsyncDevin, fake: FakeDevin) -> None:
    fake.state.v1.message_reply = "empty"  # the legacy spec's 204
    assert (await client.v1.sessions.send_message("devin-abc123def456", "hi")).detail is None
    suspended = await client.v1.sessions.send_message("devin-fed987cba654", "wake up")
    assert suspended.detail is not None and "suspended" in suspended.detail
    with pytest.raises(NotFoundError):
        await client.v1.sessions.send_message("devin-missing", "hi")


@pytest.mark.parametrize("reply", ["text", "json"])
@pytest.mark.parametrize("name", ["report.txt", "my notes ü.md"])
async def test_attachment_round_trip(
    client: AsyncDevin, fake: FakeDevin, reply: Any, name: str, tmp_path: Path
) -> None:
    fake.state.v1.upload_reply = reply
    url = await client.v1.attachments.upload(b"line 1\nline 2\n", filename=name)
    (rec,) = fake.state.of_kind("attachments").values()
    assert (rec["name"], rec["content"]) == (name, b"line 1\nline 2\n")
    assert url == f"{fake.url}/v1/attachments/{rec['attachment_id']}/{name}"
    # The fake's presigned host answers 400 to any request carrying the API key (the v3
    # tests check that it does), so getting the content back shows it was not forwarded.
    key = rec["attachment_id"]
    assert await client.v1.attachments.download(key, name) == b"line 1\nline 2\n"
    target = tmp_path / "copy"
    assert await client.v1.attachments.download(key, name, to=target) is None
    assert target.read_bytes() == b"line 1\nline 2\n"
    assert client.v1.attachments.prompt_line(url) == f'ATTACHMENT:"{url}"'


async def test_upload_from_a_path_and_a_file_object(
    client: AsyncDevin, fake: FakeDevin, tmp_path: Path
) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"a,b\n1,2\n")
    await client.v1.attachments.upload(path)
    with path.open("rb") as handle:
        await client.v1.attachments.upload(handle, filename="copy.csv")
    stored = sorted((r["name"], r["content"]) for r in fake.state.of_kind("attachments").values())
    assert stored == [("copy.csv", b"a,b\n1,2\n"), ("data.csv", b"a,b\n1,2\n")]


async def test_v1_and_v3_share_one_attachment_store(client: AsyncDevin) -> None:
    url = await client.v1.attachments.upload(b"shared", filename="s.txt")
    key = url.rsplit("/", 2)[-2]
    assert await client.attachments.download(key, "s.txt") == b"shared"


async def test_download_of_an_unknown_attachment(client: AsyncDevin) -> None:
    with pytest.raises(NotFoundError, match="Attachment not found"):
        await client.v1.attachments.download("nope", "x.txt")


@pytest.mark.parametrize("shape", ["list", "legacy"])
@pytest.mark.parametrize("delete_reply", ["message", "empty"])
async def test_secrets(client: AsyncDevin, fake: FakeDevin, shape: Any, delete_reply: Any) -> None:
    fake.state.v1.secrets_shape = shape
    fake.state.v1.secret_delete_reply = delete_reply
    created = await client.v1.secrets.create(
        type=V1SecretType.KEY_VALUE, key="API_TOKEN", value="tok-123", note="ci"
    )
    listed = {s.id: s for s in await client.v1.secrets.list()}
    assert listed[created.id].key == "API_TOKEN"
    assert listed[created.id].type is V1SecretType.KEY_VALUE
    assert all("tok-123" not in repr(s) and not s.extra for s in listed.values())
    with pytest.raises(ConflictError, match="not unique"):
        await client.v1.secrets.create(type="cookie", key="API_TOKEN", value="other")
    assert await client.v1.secrets.delete(created.id) is None
    assert created.id not in {s.id for s in await client.v1.secrets.list()}
    with pytest.raises(NotFoundError):
        await client.v1.secrets.delete(created.id)


async def test_knowledge(client: AsyncDevin) -> None:
    before = await client.v1.knowledge.list()
    assert [f.name for f in before.folders] == ["Backend"]
    note = await client.v1.knowledge.create(
        name="Deploys", body="Use the script", trigger_description="deploying", pinned_repo="all"
    )
    assert note.pinned_repo == "all"
    assert note.id in {n.id for n in (await client.v1.knowledge.list()).knowledge}
    # PUT is a full replace: what is not passed again is gone.
    updated = await client.v1.knowledge.update(
        note.id, name="Deploys", body="Use make deploy", trigger_description="deploying"
    )
    assert (updated.body, updated.pinned_repo, updated.created_at) == (
        "Use make deploy",
        None,
        note.created_at,
    )
    assert await client.v1.knowledge.delete(note.id) is None
    with pytest.raises(NotFoundError):
        await client.v1.knowledge.update(note.id, name="x", body="y", trigger_description="z")


async def test_playbooks(client: AsyncDevin) -> None:
    book = await client.v1.playbooks.create(title="Release", body="Tag and push", macro="!rel")
    assert (await client.v1.playbooks.get(book.playbook_id)).macro == "!rel"
    status = await client.v1.playbooks.update(book.playbook_id, title="Release 2", body="Push")
    assert status.status == "success"
    assert (await client.v1.playbooks.get(book.playbook_id)).title == "Release 2"
    assert (await client.v1.playbooks.delete(book.playbook_id)).status == "success"
    with pytest.raises(NotFoundError):
        await client.v1.playbooks.get(book.playbook_id)
    assert book.playbook_id not in {b.playbook_id for b in await client.v1.playbooks.list()}


async def test_audit_log_follows_actions_newest_first(
    client: AsyncDevin, fake: FakeDevin, ticking: Callable[[], float]
) -> None:
    created = await client.v1.sessions.create("Audit me")
    await client.v1.sessions.terminate(created.session_id)
    logs = await client.v1.audit_logs.list(limit=2)
    assert [(e.action, e.session_id) for e in logs] == [
        ("terminate_session", created.session_id),
        ("create_session", created.session_id),
    ]
    stored = fake.state.v1.audit_logs[-1]["created_at"]  # epoch ms on the wire
    assert logs[0].created_at == datetime.fromtimestamp(stored / 1000, tz=UTC)
    assert logs[0].created_at > logs[1].created_at

    january = await client.v1.audit_logs.list(
        before=datetime(2024, 1, 2, tzinfo=UTC), after=datetime(2023, 12, 31, tzinfo=UTC)
    )
    assert [e.action for e in january] == ["create_session"]


async def test_enterprise_consumption_by_date_range(client: AsyncDevin) -> None:
    january = await client.v1.consumption.get(start_date="2024-01-01", end_date="2024-01-31")
    assert [s.session_name for s in january.sessions] == ["Review PR #123"]
    assert january.sessions[0].acu_used == 2.5
    assert january.sessions[0].pull_requests[0].pr_status == "open"
    assert january.cycle is not None and january.cycle.end == date(2024, 1, 31)
    both = await client.v1.consumption.get(start_date=date(2024, 1, 1), end_date=date(2024, 3, 1))
    assert len(both.sessions) == 2


BadCall = Callable[[AsyncDevin], Awaitable[Any]]
BAD_INPUT: list[tuple[str, BadCall, type[Exception], str]] = [
    ("blank prompt", lambda c: c.v1.sessions.create("  "), ValueError, "prompt"),
    ("tags as str", lambda c: c.v1.sessions.create("p", tags="ci"), TypeError, "tags"),
    ("zero acu limit", lambda c: c.v1.sessions.create("p", max_acu_limit=0), ValueError, "acu"),
    ("tags None", lambda c: c.v1.sessions.update_tags("devin-1", None), TypeError, "tags"),  # type: ignore[arg-type]
    ("blank message", lambda c: c.v1.sessions.send_message("devin-1", ""), ValueError, "message"),
    ("page size", lambda c: c.v1.sessions.list(page_size=1001).to_list(), ValueError, "page_size"),
    ("bytes unnamed", lambda c: c.v1.attachments.upload(b"x"), ValueError, "filename="),
    (
        "header in name",
        lambda c: c.v1.attachments.upload(b"x", filename="a\r\nX-Evil: 1"),
        ValueError,
        "control characters",
    ),
    (
        "blank secret",
        lambda c: c.v1.secrets.create(type="totp", key="k", value=""),
        ValueError,
        "value",
    ),
    ("blank title", lambda c: c.v1.playbooks.create(title="", body="b"), ValueError, "title"),
    ("audit limit", lambda c: c.v1.audit_logs.list(limit=0), ValueError, "limit"),
    (
        "bad date",
        lambda c: c.v1.consumption.get(start_date="01/02/2024", end_date="2024-02-01"),
        ValueError,
        "YYYY-MM-DD",
    ),
    (
        "reversed dates",
        lambda c: c.v1.consumption.get(start_date="2024-02-01", end_date="2024-01-01"),
        ValueError,
        "after",
    ),
    ("empty id", lambda c: c.v1.playbooks.get(""), ValueError, "playbook_id"),
]


@pytest.mark.parametrize(
    ("name", "call", "error", "match"), BAD_INPUT, ids=[row[0] for row in BAD_INPUT]
)
async def test_bad_input_fails_before_any_request(
    client: AsyncDevin,
    fake: FakeDevin,
    name: str,
    call: BadCall,
    error: type[Exception],
    match: str,
) -> None:
    seen = len(fake.state.seen)
    with pytest.raises(error, match=match):
        await call(client)
    assert len(fake.state.seen) == seen
