"""The requests the v3 organization methods build: paths, query strings, bodies."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from devin_async import AsyncDevin, ConfigurationError, DecodeError, Request, Response
from devin_async.models import (
    PatUserSelf,
    Principal,
    PrincipalType,
    SessionOrigin,
    SessionSecret,
)

SESSION = {
    "session_id": "devin-1",
    "status": "running",
    "org_id": "org-1",
    "url": "https://app.devin.ai/sessions/1",
    "created_at": 1700000000,
    "updated_at": 1700000000,
    "acus_consumed": 0,
    "pull_requests": [],
    "tags": [],
}
SCHEDULE = {
    "scheduled_session_id": "sch-1",
    "org_id": "org-1",
    "name": "nightly",
    "prompt": "p",
    "agent": "devin",
    "enabled": True,
    "notify_on": "failure",
    "consecutive_failures": 0,
    "created_at": "2025-01-01T00:00:00Z",
    "updated_at": "2025-01-01T00:00:00Z",
}


class Recorder:
    """A transport that notes each request and answers from a queue (``{}`` when empty)."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.answers: list[tuple[int, Any]] = []

    async def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        status, body = self.answers.pop(0) if self.answers else (200, {})
        content = json.dumps(body).encode()
        return Response(status, {"Content-Type": "application/json"}, content, request)

    @property
    def last(self) -> Request:
        return self.requests[-1]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def client(recorder: Recorder) -> AsyncIterator[AsyncDevin]:
    async with AsyncDevin(api_key="cog_test", org_id="org-1", transport=recorder) as c:
        yield c


def page(items: list[Any], cursor: str | None) -> tuple[int, Any]:
    return 200, {"items": items, "end_cursor": cursor, "has_next_page": cursor is not None}


async def test_create_session_sends_only_the_options_given(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers.append((200, SESSION))
    await client.sessions.create(
        "Fix the flaky test",
        title=None,
        devin_mode="fast",
        platform="windows",
        structured_output_required=False,
        session_secrets=[SessionSecret(key="TOKEN", value="s3cret")],
        structured_output_schema={"type": "object"},
    )
    assert recorder.last.method == "POST"
    assert recorder.last.path == "/v3/organizations/org-1/sessions"
    assert recorder.last.json == {
        "prompt": "Fix the flaky test",
        "title": None,  # given as None: sent as null, unlike the options left out
        "devin_mode": "fast",
        "platform": "windows",
        "structured_output_required": False,
        "session_secrets": [{"key": "TOKEN", "value": "s3cret"}],
        "structured_output_schema": {"type": "object"},
    }


async def test_schedule_patch_tells_unset_from_null(client: AsyncDevin, recorder: Recorder) -> None:
    recorder.answers.append((200, SCHEDULE))
    at = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
    await client.schedules.update("sch-1", run_as_user_id=None, scheduled_at=at, enabled=False)
    assert recorder.last.method == "PATCH"
    assert recorder.last.json == {
        "run_as_user_id": None,
        "scheduled_at": "2025-03-01T09:30:00+00:00",
        "enabled": False,
    }


async def test_list_filters_repeat_keys_and_default_to_the_largest_page(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers.append(page([SESSION], None))
    after = datetime(2024, 1, 1, tzinfo=timezone.utc)
    found = [
        s
        async for s in client.sessions.list(
            tags=["a", "b"], origins=[SessionOrigin.API], created_after=after, is_archived=False
        )
    ]
    assert [s.session_id for s in found] == ["devin-1"]
    assert list(recorder.last.params) == [
        ("tags", "a"),
        ("tags", "b"),
        ("origins", "api"),
        ("created_after", "1704067200"),
        ("is_archived", "false"),
        ("first", "200"),
    ]


async def test_filters_ride_along_to_every_page(client: AsyncDevin, recorder: Recorder) -> None:
    insight = {**SESSION, "num_devin_messages": 2, "num_user_messages": 1}
    recorder.answers += [page([insight], "c1"), page([insight], None)]
    found = [s async for s in client.sessions.list_insights(tags=["x"], page_size=1)]
    assert [s.num_devin_messages for s in found] == [2, 2]
    assert [list(r.params) for r in recorder.requests] == [
        [("tags", "x"), ("first", "1")],
        [("tags", "x"), ("first", "1"), ("after", "c1")],
    ]


async def test_messages_follow_the_cursor_until_the_last_page(
    client: AsyncDevin, recorder: Recorder
) -> None:
    msg = {"event_id": "e", "message": "hi", "source": "user", "created_at": 1}
    recorder.answers += [page([msg, msg], "c2"), page([msg], None)]
    messages = [m async for m in client.sessions.messages("devin-1")]
    assert [m.message for m in messages] == ["hi"] * 3
    assert recorder.requests[1].path == "/v3/organizations/org-1/sessions/devin-1/messages"
    assert ("after", "c2") in recorder.requests[1].params


async def test_a_cursor_that_does_not_move_is_an_error_not_an_endless_loop(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers += [page([SESSION], "c1"), page([SESSION], "c1"), page([SESSION], "c1")]
    seen = []
    with pytest.raises(DecodeError, match="cursor it was given"):  # noqa: PT012
        async for s in client.sessions.list():
            seen.append(s.session_id)
    assert seen == ["devin-1", "devin-1"]
    assert len(recorder.requests) == 2


async def test_naive_datetime_filters_are_utc_like_naive_timestamps_read(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers += [page([], None)]
    naive, aware = datetime(2025, 1, 1), datetime(2025, 1, 1, tzinfo=timezone.utc)
    _ = [s async for s in client.sessions.list(created_after=naive)]
    assert ("created_after", str(int(aware.timestamp()))) in recorder.requests[0].params


async def test_schedules_page_by_limit_and_offset(client: AsyncDevin, recorder: Recorder) -> None:
    recorder.answers += [
        (200, {"items": [SCHEDULE, SCHEDULE], "has_next_page": True}),
        (200, {"items": [SCHEDULE], "has_next_page": False}),
    ]
    assert len([s async for s in client.schedules.list(page_size=2)]) == 3
    assert [list(r.params) for r in recorder.requests] == [
        [("limit", "2"), ("offset", "0")],
        [("limit", "2"), ("offset", "2")],
    ]


async def test_a_misspelt_filter_raises_instead_of_listing_everything(
    client: AsyncDevin, recorder: Recorder
) -> None:
    with pytest.raises(TypeError, match="tag"):
        client.sessions.list(tag=["nightly"])  # type: ignore[call-arg]
    assert recorder.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.sessions.add_tags("devin-1", "nightly"),
        lambda c: c.sessions.set_tags("devin-1", "nightly"),
        lambda c: c.sessions.create("p", repos="org/repo"),
        lambda c: c.schedules.create(name="n", prompt="p", tags="nightly"),
    ],
)
async def test_a_single_string_for_a_list_is_refused(
    client: AsyncDevin, recorder: Recorder, call: Any
) -> None:
    with pytest.raises(TypeError, match="must be a list of str"):
        await call(client)
    assert recorder.requests == []


async def test_tags_append_with_post_and_replace_with_put(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers += [(200, {"tags": ["a", "b"]}), (200, {"tags": []})]
    assert await client.sessions.add_tags("devin-1", ["b"]) == ["a", "b"]
    assert await client.sessions.set_tags("devin-1", []) == []
    assert [(r.method, r.json) for r in recorder.requests] == [
        ("POST", {"tags": ["b"]}),
        ("PUT", {"tags": []}),
    ]


async def test_org_id_override_and_per_call_timeout(client: AsyncDevin, recorder: Recorder) -> None:
    with pytest.raises(DecodeError):  # the recorder's empty answer is not a note
        await client.knowledge.get("note-1", org_id="org-2", timeout=5)
    assert recorder.last.path == "/v3/organizations/org-2/knowledge/notes/note-1"
    assert recorder.last.timeout == 5


async def test_a_call_without_any_org_id_says_how_to_give_one(recorder: Recorder) -> None:
    async with AsyncDevin(api_key="cog_test", transport=recorder) as client:
        with pytest.raises(ConfigurationError, match="org_id"):
            await client.playbooks.get("playbook-1")
    assert recorder.requests == []


async def test_event_details_by_ids_or_by_window(client: AsyncDevin, recorder: Recorder) -> None:
    recorder.answers.append((200, {"items": []}))
    await client.sessions.event_details("devin-1", event_ids=["e1", "e2"], max_content_length=5)
    assert list(recorder.last.params) == [
        ("event_ids", "e1"),
        ("event_ids", "e2"),
        ("max_content_length", "5"),
    ]
    with pytest.raises(ValueError, match="not both"):
        await client.sessions.event_details("devin-1", event_ids=["e1"], offset=0)
    with pytest.raises(ValueError, match="1 to 20"):
        await client.sessions.event_details("devin-1", event_ids=[f"e{i}" for i in range(21)])


async def test_event_search_sends_its_text_as_query(client: AsyncDevin, recorder: Recorder) -> None:
    recorder.answers.append(page([], None))
    hits = client.sessions.search_events("devin-1", "pytest", categories=["shell"], limit=5)
    assert [h async for h in hits] == []
    assert list(recorder.last.params) == [
        ("query", "pytest"),
        ("categories", "shell"),
        ("first", "5"),
    ]


async def test_metrics_take_datetimes_as_epoch_seconds(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers.append((200, {"searches_created_count": 3}))
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    result = await client.metrics.searches(time_after=start, time_before=1735776000)
    assert result.searches_created_count == 3
    assert list(recorder.last.params) == [
        ("time_after", "1735689600"),
        ("time_before", "1735776000"),
    ]


@pytest.mark.parametrize("family", ["org", "enterprise"])
async def test_metric_bounds_are_keyword_only_and_both_required(
    client: AsyncDevin, recorder: Recorder, family: str
) -> None:
    metrics = client.metrics if family == "org" else client.enterprise.metrics
    with pytest.raises(TypeError):
        await metrics.dau(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="argument 'time_after' must be int or datetime"):
        await metrics.dau(time_after=None, time_before=2)  # type: ignore[arg-type]
    assert recorder.requests == []


@pytest.mark.parametrize("wrapped", [False, True])
async def test_session_attachments_accept_a_bare_list_or_an_items_envelope(
    client: AsyncDevin, recorder: Recorder, wrapped: bool
) -> None:
    item = {"attachment_id": "a1", "name": "log.txt", "url": "https://x/a1", "source": "devin"}
    recorder.answers.append((200, {"items": [item]} if wrapped else [item]))
    (attachment,) = await client.sessions.attachments("devin-1")
    assert (attachment.attachment_id, attachment.source) == ("a1", "devin")
    assert recorder.last.path == "/v3/organizations/org-1/sessions/devin-1/attachments"


async def test_secret_type_goes_out_under_the_apis_name(
    client: AsyncDevin, recorder: Recorder
) -> None:
    with pytest.raises(DecodeError):  # the recorder's empty answer is not a secret
        await client.secrets.create(key="NPM_TOKEN", value="v", secret_type="totp")
    assert recorder.last.json == {"key": "NPM_TOKEN", "value": "v", "type": "totp"}


@pytest.mark.parametrize(
    ("answer", "cls"),
    [
        (
            {
                "principal_type": "pat_user",
                "api_key_id": "k",
                "api_key_name": "laptop",
                "user_id": "u",
                "user_name": "Ada",
                "org_id": None,
            },
            PatUserSelf,
        ),
        ({"principal_type": "robot_overlord", "robot_id": "r-1"}, Principal),
    ],
)
async def test_self_is_chosen_by_principal_type(
    client: AsyncDevin, recorder: Recorder, answer: dict[str, Any], cls: type
) -> None:
    recorder.answers.append((200, answer))
    me = await client.self.get()
    assert type(me) is cls
    assert recorder.last.path == "/v3/self"
    if cls is Principal:  # an unknown principal still parses, and keeps what it said
        assert me.principal_type == "robot_overlord"
        assert not me.principal_type.is_known
        assert me.extra == {"robot_id": "r-1"}
    else:
        assert me.principal_type is PrincipalType.PAT_USER


async def test_upload_streams_an_open_file_and_closes_it(
    client: AsyncDevin, recorder: Recorder, tmp_path: Path
) -> None:
    source = tmp_path / "report.csv"
    source.write_bytes(b"a,b\n1,2\n")
    recorder.answers.append((200, {"attachment_id": "a1", "name": "report.csv", "url": "u"}))
    attachment = await client.attachments.upload(source)
    sent = recorder.last.files
    assert attachment.attachment_id == "a1"
    assert sent is not None
    assert (sent.field, sent.filename, sent.content_type) == ("file", "report.csv", "text/csv")
    assert sent.content.closed  # a file object, handed to the transport, then closed


async def test_upload_of_nameless_bytes_needs_a_filename(client: AsyncDevin) -> None:
    with pytest.raises(ValueError, match="filename"):
        await client.attachments.upload(b"raw")


async def test_an_answer_that_does_not_fit_names_the_request(
    client: AsyncDevin, recorder: Recorder
) -> None:
    recorder.answers.append((200, {**SESSION, "tags": "api"}))
    with pytest.raises(DecodeError, match=r"does not fit SessionResponse: .*tags") as caught:
        await client.sessions.get("devin-1")
    assert str(caught.value).startswith("GET /v3/organizations/org-1/sessions/devin-1 ")
    assert caught.value.path == "/v3/organizations/org-1/sessions/devin-1"
