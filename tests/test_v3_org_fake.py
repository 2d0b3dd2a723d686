"""The v3 organization API over a real socket, against the fake server's state."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from devin_async import (
    AsyncDevin,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from devin_async.models import (
    Principal,
    SecretType,
    ServiceUserSelf,
    SessionStatus,
)
from devin_async.testing import FakeDevin


async def test_a_session_lives_through_the_api(client: AsyncDevin) -> None:
    created = await client.sessions.create("Bump the lockfile", tags=["deps"], title="Bump")
    sid = created.session_id
    assert (await client.sessions.get(sid)).title == "Bump"
    assert [s.session_id async for s in client.sessions.list(tags=["deps"])] == [sid]

    await client.sessions.send_message(sid, "Also run the tests")
    texts = [m.message async for m in client.sessions.messages(sid)]
    assert texts == ["Bump the lockfile", "Also run the tests"]
    events = [e async for e in client.sessions.events(sid, direction="incoming")]
    assert [e.event_type for e in events] == ["initial_user_message", "user_message"]
    hits = [h async for h in client.sessions.search_events(sid, "RUN THE")]
    assert [h.event_id for h in hits] == [events[1].event_id]
    details = await client.sessions.event_details(sid, event_ids=[events[0].event_id])
    assert details[0].contents == {"message": "Bump the lockfile"}

    assert await client.sessions.add_tags(sid, ["deps", "weekly"]) == ["deps", "weekly"]
    assert await client.sessions.set_tags(sid, ["weekly"]) == ["weekly"]
    assert await client.sessions.tags(sid) == ["weekly"]

    archived = await client.sessions.archive(sid)
    assert archived.is_archived
    assert sid in [s.session_id async for s in client.sessions.list(is_archived=True)]
    ended = await client.sessions.terminate(sid)
    assert ended.status is SessionStatus.EXIT
    with pytest.raises(BadRequestError, match="has ended"):
        await client.sessions.send_message(sid, "hello?")


async def test_insights_are_generated_on_demand(fake: FakeDevin, client: AsyncDevin) -> None:
    created = await client.sessions.create("Explain the build")
    assert (await client.sessions.insights(created.session_id)).analysis is None
    generation = await client.sessions.generate_insights(created.session_id)
    assert generation.session_id == created.session_id
    assert (await client.sessions.insights(created.session_id)).analysis is None
    done = fake.state.clock() + 3  # generating insights takes a while (3 s by default)
    fake.state.clock = lambda: done
    assert (await client.sessions.insights(created.session_id)).analysis is not None
    listed = [i async for i in client.sessions.list_insights(session_ids=[created.session_id])]
    assert [i.num_user_messages for i in listed] == [1]


async def test_listing_walks_every_page_lazily(fake: FakeDevin, client: AsyncDevin) -> None:
    for i in range(450):
        fake.state.add_session(created_at=1_000_000 + i, tags=["bulk"])
    seen_before = len(fake.state.seen)
    ids = [s.session_id async for s in client.sessions.list(tags=["bulk"])]
    assert len(ids) == len(set(ids)) == 450
    pages = [r for r in fake.state.seen[seen_before:] if r.path.endswith("/sessions")]
    assert [dict(r.query)["first"] for r in pages] == ["200"] * 3
    assert all(("tags", "bulk") in r.query for r in pages)

    sizes = [len(p.items) async for p in client.sessions.list(tags=["bulk"]).pages()]
    assert sizes == [200, 200, 50]
    capped = [s async for s in client.sessions.list(tags=["bulk"], limit=250)]
    assert len(capped) == 250


async def test_a_session_of_another_org_is_not_found(client: AsyncDevin) -> None:
    with pytest.raises(NotFoundError) as caught:
        await client.sessions.get("devin-abc123def456", org_id="org-other")
    assert caught.value.status_code == 404
    assert "Session not found" in str(caught.value)


# Each resource: how to create it, change it, and what to check afterwards.
CRUD: list[dict[str, Any]] = [
    {
        "namespace": "knowledge",
        "id": "note_id",
        "create": {"name": "Style", "body": "Use ruff", "trigger": "python code"},
        "update": {"name": "Style", "body": "Use ruff and mypy", "trigger": "python code"},
        "changed": ("body", "Use ruff and mypy"),
    },
    {
        "namespace": "playbooks",
        "id": "playbook_id",
        "create": {"title": "Release", "body": "Tag, build, publish", "macro": "!release"},
        "update": {"title": "Release v2", "body": "Tag, build, publish"},
        "changed": ("title", "Release v2"),
    },
    {
        "namespace": "schedules",
        "id": "scheduled_session_id",
        "create": {"name": "Nightly", "prompt": "Run the suite", "frequency": "0 3 * * *"},
        "update": {"enabled": False},
        "changed": ("enabled", False),
    },
    {
        "namespace": "secrets",
        "id": "secret_id",
        "create": {"key": "NPM_TOKEN", "value": "s3cret", "note": "publishing"},
        "update": None,  # secrets cannot be changed, only replaced
        "changed": None,
    },
]


@pytest.mark.parametrize("case", CRUD, ids=[c["namespace"] for c in CRUD])
async def test_resources_are_created_listed_updated_and_deleted(
    client: AsyncDevin, case: dict[str, Any]
) -> None:
    resource = getattr(client, case["namespace"])
    created = await resource.create(**case["create"])
    item_id = getattr(created, case["id"])
    listed = [getattr(x, case["id"]) async for x in resource.list()]
    assert item_id in listed
    if case["update"] is not None:
        updated = await resource.update(item_id, **case["update"])
        field, value = case["changed"]
        assert getattr(updated, field) == value
        assert getattr(await resource.get(item_id), field) == value
    deleted = await resource.delete(item_id)
    assert getattr(deleted, case["id"]) == item_id
    assert item_id not in [getattr(x, case["id"]) async for x in resource.list()]


async def test_a_secret_is_never_answered_with_its_value(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    secret = await client.secrets.create(key="DB_PASSWORD", value="hunter2", secret_type="totp")
    assert secret.secret_type is SecretType.TOTP
    assert "hunter2" not in repr(secret)
    assert "hunter2" not in repr(await client.secrets.list().to_list())
    with pytest.raises(ConflictError, match="already exists"):
        await client.secrets.create(key="DB_PASSWORD", value="other")


async def test_notes_filter_and_fold_into_folders(fake: FakeDevin, client: AsyncDevin) -> None:
    note = await client.knowledge.create(name="Deploys", body="Use the runbook", trigger="deploy")
    fake.state.of_kind("notes")[note.note_id]["folder_path"] = "/ops/runbooks"
    assert [n.note_id async for n in client.knowledge.list(search="RUNBOOK")] == [note.note_id]
    assert [n async for n in client.knowledge.list(folder_path="/elsewhere")] == []
    tree = await client.knowledge.folders()
    assert [(f.path, f.note_count) for f in tree.folders] == [("/ops/runbooks", 1)]


async def test_bad_input_is_a_clear_422(client: AsyncDevin) -> None:
    with pytest.raises(UnprocessableEntityError, match="macro"):
        await client.playbooks.create(title="t", body="b", macro="no-bang")
    with pytest.raises(UnprocessableEntityError, match="notify_on"):
        await client.schedules.create(name="n", prompt="p", notify_on="sometimes")
    with pytest.raises(NotFoundError):
        await client.knowledge.get("note-missing")


async def test_schedules_list_by_offset(client: AsyncDevin) -> None:
    for i in range(5):
        await client.schedules.create(name=f"s{i}", prompt="p")
    names = [s.name async for s in client.schedules.list(page_size=2)]
    assert names == [f"s{i}" for i in range(5)]


async def test_attachments_round_trip_without_forwarding_the_key(
    fake: FakeDevin, client: AsyncDevin, tmp_path: Path
) -> None:
    source = tmp_path / "trace.log"
    source.write_bytes(b"line\n" * 50_000)  # several chunks of the stream
    attachment = await client.attachments.upload(source)
    uuid, name = attachment.url.rsplit("/", 2)[-2:]

    assert await client.attachments.download(uuid, name) == source.read_bytes()
    target = tmp_path / "copy.log"
    await client.attachments.download(uuid, name, to=target)
    assert target.read_bytes() == source.read_bytes()
    sink = io.BytesIO()
    await client.attachments.download(uuid, name, to=sink)
    assert sink.getvalue() == source.read_bytes()

    presigned = [r for r in fake.state.seen if r.path.startswith("/_presigned/")]
    assert len(presigned) == 3
    assert not any(r.authorized for r in presigned)  # no bearer token reached that host

    session = await client.sessions.create("Read the log", attachment_urls=[attachment.url])
    listed = await client.sessions.attachments(session.session_id)
    assert [(a.name, a.source) for a in listed] == [("trace.log", "user")]


async def test_the_presigned_host_refuses_a_forwarded_token(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    attachment = await client.attachments.upload(b"x", filename="x.txt")
    token = fake.state.of_kind("attachments")[attachment.attachment_id]["token"]
    async with aiohttp.ClientSession() as raw:
        url = f"{fake.url}/_presigned/{token}"
        async with raw.get(url, headers={"Authorization": "Bearer cog_leak"}) as resp:
            assert resp.status == 400


async def test_a_failed_download_leaves_no_partial_file(
    fake: FakeDevin, client: AsyncDevin, tmp_path: Path
) -> None:
    attachment = await client.attachments.upload(b"secret plans", filename="plans.txt")
    fake.state.of_kind("attachments")[attachment.attachment_id]["expired"] = True
    target = tmp_path / "plans.txt"
    uuid, name = attachment.url.rsplit("/", 2)[-2:]
    with pytest.raises(PermissionDeniedError) as caught:
        await client.attachments.download(uuid, name, to=target)
    assert not target.exists()
    assert caught.value.status_code == 403
    with pytest.raises(NotFoundError):
        await client.attachments.download(uuid, "other-name.txt")


async def test_self_answers_by_principal_type(fake: FakeDevin, client: AsyncDevin) -> None:
    me = await client.self.get()
    assert isinstance(me, ServiceUserSelf)
    assert me.service_user_name == "ci-bot"
    fake.state.principal = {"principal_type": "windsurf_session", "session": "w-1"}
    other = await client.self.get()
    assert isinstance(other, Principal)
    assert other.extra == {"session": "w-1"}


async def test_metrics_and_consumption_follow_the_sessions(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    day = 1_735_689_600  # 2025-01-01
    fake.state.add_session(created_at=day + 60, acus_consumed=3.0, user_id="u1")
    fake.state.add_session(
        created_at=day + 120,
        acus_consumed=1.5,
        user_id="u2",
        pull_requests=[{"pr_url": "https://x/pull/1", "pr_state": "merged"}],
    )
    end = day + 86_399
    metrics = client.metrics
    assert (await metrics.sessions(time_after=day, time_before=end)).sessions_created_count == 2
    assert (await metrics.prs(time_after=day, time_before=end)).prs_merged_count == 1
    assert (await metrics.active_users(time_after=day, time_before=end)).active_users == 2
    two_days = await client.metrics.dau(time_after=day, time_before=day + 2 * 86_400 - 1)
    assert [d.active_users for d in two_days] == [2, 0]
    usage = await client.consumption.daily(time_after=day, time_before=end)
    assert usage.total_acus == 4.5
    assert [row.acus for row in usage.consumption_by_date] == [4.5]
    mine = await client.consumption.daily_for_user("u2", time_after=day)
    assert mine.total_acus == 1.5


async def test_list_filters_narrow_the_sessions(fake: FakeDevin, client: AsyncDevin) -> None:
    old = fake.state.add_session(created_at=1_000, updated_at=1_000, origin="slack", user_id="u1")
    new = fake.state.add_session(created_at=5_000, updated_at=9_000, origin="api", user_id="u2")
    new["repos"] = ["example/app"]

    async def ids(**filters: Any) -> set[str]:
        return {s.session_id async for s in client.sessions.list(**filters)}

    assert await ids(created_before=2_000) == {old["session_id"]}
    assert await ids(created_after=2_000, updated_before=9_000) == {new["session_id"]}
    assert await ids(origins=["slack", "teams"]) == {old["session_id"]}
    assert await ids(user_ids=["u2"], repo_names=["example/app"]) == {new["session_id"]}
    assert await ids(session_ids=[old["session_id"], "devin-nope"]) == {old["session_id"]}


async def test_an_upload_retried_after_429_sends_the_whole_file_again(
    fake: FakeDevin, client: AsyncDevin, tmp_path: Path
) -> None:
    from devin_async.testing import ErrorStatus

    source = tmp_path / "big.log"
    source.write_bytes(b"0123456789" * 20_000)
    fake.faults.add(ErrorStatus(429, retry_after=0), method="POST", path="/v3/", times=1)
    attachment = await client.attachments.upload(source)
    uuid, name = attachment.url.rsplit("/", 2)[-2:]
    assert [r.method for r in fake.state.seen].count("POST") == 2
    assert await client.attachments.download(uuid, name) == source.read_bytes()


async def test_an_upload_from_a_pipe_is_read_once_and_can_be_retried(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    from devin_async.testing import ErrorStatus

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes):
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def readinto(self, buffer: Any) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    fake.faults.add(ErrorStatus(429, retry_after=0), method="POST", path="/v3/", times=1)
    attachment = await client.attachments.upload(Pipe(b"streamed " * 1000), filename="p.txt")
    uuid, name = attachment.url.rsplit("/", 2)[-2:]
    assert await client.attachments.download(uuid, name) == b"streamed " * 1000
