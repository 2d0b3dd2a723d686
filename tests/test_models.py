"""Models and the converter: seed payloads, open enums, kept extras, timestamps."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from devin_async import DecodeError
from devin_async._converter import structure, unstructure
from devin_async.models import (
    SessionCategory,
    SessionInsights,
    SessionOrigin,
    SessionResponse,
    SessionSize,
    SessionStatus,
    SessionStatusDetail,
    V1Session,
    V1StatusEnum,
)

DATA = Path(__file__).parent / "data"
UTC = timezone.utc


def load(name: str) -> Any:
    return json.loads((DATA / name).read_text())


def v3_session(**overrides: Any) -> dict[str, Any]:
    body = {
        "session_id": "devin-abc123def456",
        "status": "running",
        "org_id": "org-abc123def456",
        "url": "https://app.devin.ai/sessions/abc123def456",
        "created_at": 1704067200,
        "updated_at": 1704067530,
        "acus_consumed": 2.5,
        "pull_requests": [{"pr_url": "https://github.com/example/repo/pull/1", "pr_state": "open"}],
        "tags": ["nightly"],
    }
    body.update(overrides)
    return body


def test_seed_003_insights_example_parses_with_whole_analysis_tree() -> None:
    insights = structure(load("seed_003_insights.json"), SessionInsights)
    assert insights.session_size is SessionSize.XS
    assert insights.status is SessionStatus.NEW
    assert insights.status_detail is SessionStatusDetail.WORKING
    assert insights.created_at == datetime(1970, 1, 1, 0, 2, 3, tzinfo=UTC)  # epoch 123
    assert insights.pull_requests[0].pr_url == "<string>"
    assert insights.analysis is not None
    assert insights.analysis.classification is not None
    assert insights.analysis.classification.confidence == 123.0
    assert insights.analysis.suggested_prompt is not None
    assert insights.analysis.suggested_prompt.suggested_prompt == "<string>"
    assert insights.analysis.note_usage is not None
    assert insights.analysis.note_usage.bad_usages == []
    assert insights.is_advanced is False
    assert insights.structured_output == {}
    assert insights.extra == {}


def test_seed_002_v1_session_example_parses_with_messages_and_pull_request() -> None:
    session = structure(load("seed_002_v1_session.json"), V1Session)
    assert session.session_id == "devin-abc123def456"
    assert session.status == "running"
    assert session.status_enum is V1StatusEnum.BLOCKED
    assert session.created_at == datetime(2024, 1, 1, tzinfo=UTC)
    assert session.updated_at == datetime(2024, 1, 1, 0, 5, 30, 123456, tzinfo=UTC)
    assert session.pull_request is not None
    assert session.pull_request.url == "https://github.com/example/repo/pull/123"
    assert session.structured_output == {"result": "success", "files_modified": 3}
    assert [m.type for m in session.messages] == [
        "initial_user_message",
        "devin_message",
        "user_message",
        "devin_message",
    ]
    assert session.messages[0].username == "user@example.com"
    assert session.messages[1].username is None
    assert session.messages[3].timestamp.tzinfo is not None


@pytest.mark.parametrize(
    ("field", "enum"),
    [
        ("status", SessionStatus),
        ("category", SessionCategory),
        ("origin", SessionOrigin),
        ("status_detail", SessionStatusDetail),
    ],
)
def test_every_enum_value_the_seeds_publish_is_known(field: str, enum: type[Any]) -> None:
    for value in load("seed_enums.json")[field]:
        parsed = getattr(structure(v3_session(**{field: value}), SessionResponse), field)
        assert parsed.value == value
        assert parsed.is_known, value


@pytest.mark.parametrize("field", ["status", "status_detail", "origin", "category"])
def test_unknown_enum_value_parses_and_reads_back_unchanged(field: str) -> None:
    session = structure(v3_session(**{field: "brand_new_value"}), SessionResponse)
    value = getattr(session, field)
    assert value == "brand_new_value"
    assert value.value == "brand_new_value"
    assert not value.is_known
    assert unstructure(session)[field] == "brand_new_value"


def test_unknown_fields_are_kept_at_every_level_and_round_trip() -> None:
    payload = v3_session(
        devin_mode="fast",
        pull_requests=[{"pr_url": "u", "pr_state": None, "merged_by": "octocat"}],
    )
    session = structure(payload, SessionResponse)
    assert session.extra == {"devin_mode": "fast"}
    assert session.pull_requests[0].extra == {"merged_by": "octocat"}
    wire = unstructure(session)
    assert wire["devin_mode"] == "fast"
    assert wire["pull_requests"][0]["merged_by"] == "octocat"
    assert structure(wire, SessionResponse) == session


@pytest.mark.parametrize("unknown", [{}, {"devin_mode": "fast"}, {"a": 1, "b": None}])
@pytest.mark.parametrize("absent", [(), ("title",), ("title", "tags", "user_id", "is_archived")])
def test_unknown_fields_are_found_whichever_known_ones_are_absent(
    unknown: dict[str, Any], absent: tuple[str, ...]
) -> None:
    payload = {k: v for k, v in v3_session(**unknown).items() if k not in absent}
    if "tags" in absent:  # a required field: the only way to fail
        with pytest.raises(DecodeError, match="tags"):
            structure(payload, SessionResponse)
        return
    assert dict(structure(payload, SessionResponse).extra) == unknown


def test_unknown_fields_of_any_mapping_are_kept() -> None:
    from collections.abc import Iterator, Mapping

    class Defaulting(Mapping[str, Any]):  # get() finds a default for any key
        def __init__(self, data: dict[str, Any]) -> None:
            self._data = data

        def __getitem__(self, key: str) -> Any:
            return self._data[key]

        def __iter__(self) -> Iterator[str]:
            return iter(self._data)

        def __len__(self) -> int:
            return len(self._data)

        def get(self, key: str, default: Any = None) -> Any:
            return self._data.get(key, "x" if key == "title" else default)

    payload = v3_session(devin_mode="fast")
    session = structure(Defaulting(payload), SessionResponse)
    assert dict(session.extra) == {"devin_mode": "fast"}


def test_v3_epoch_and_v1_iso_timestamps_become_aware_datetimes() -> None:
    v3 = structure(v3_session(created_at=1704067200), SessionResponse)
    v1 = structure(
        {**load("seed_002_v1_session.json"), "created_at": "2024-01-01T00:00:00Z"}, V1Session
    )
    naive = structure(
        {**load("seed_002_v1_session.json"), "created_at": "2024-01-01T00:00:00"}, V1Session
    )
    assert v3.created_at == v1.created_at == naive.created_at == datetime(2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({k: v for k, v in v3_session().items() if k != "status"}, "$.status"),
        (v3_session(created_at="not a date"), "$.created_at"),
        (v3_session(created_at=True), "$.created_at"),
        (v3_session(pull_requests="nope"), "$.pull_requests"),
        (["not", "an", "object"], "expected an object"),
    ],
)
def test_payload_that_does_not_fit_raises_decode_error_naming_the_field(
    payload: Any, needle: str
) -> None:
    with pytest.raises(DecodeError) as info:
        structure(payload, SessionResponse, what="GET /v3/x")
    assert needle in str(info.value)
    assert "GET /v3/x" in str(info.value)


def test_models_are_frozen() -> None:
    session = structure(v3_session(), SessionResponse)
    with pytest.raises(AttributeError):
        session.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("url", None, "$.url"),
        ("session_id", {"id": 1}, "$.session_id"),
        ("is_archived", "false", "$.is_archived"),
        ("is_archived", 1, "$.is_archived"),
        ("tags", "nightly", "$.tags"),
        ("tags", [None], "$.tags"),
        ("acus_consumed", True, "$.acus_consumed"),
        ("acus_consumed", "2.5", "$.acus_consumed"),
        ("pull_requests", [{"pr_url": None}], "pr_url"),
    ],
)
def test_drifted_values_are_decode_errors_not_coerced_into_wrong_data(
    field: str, value: Any, needle: str
) -> None:
    with pytest.raises(DecodeError) as info:
        structure(v3_session(**{field: value}), SessionResponse)
    assert needle in str(info.value)


def test_numbers_where_strings_are_due_are_kept_as_their_text() -> None:
    session = structure(v3_session(title=42, acus_consumed=3), SessionResponse)
    assert session.title == "42"
    assert session.acus_consumed == 3.0


def test_models_pickle_and_copy_with_and_without_extras() -> None:
    import copy
    import pickle

    plain = structure(v3_session(), SessionResponse)
    extended = structure(v3_session(devin_mode="fast"), SessionResponse)
    for session in (plain, extended):
        assert pickle.loads(pickle.dumps(session)) == session
        assert copy.deepcopy(session) == session
    assert plain.extra == {}
    assert dict(pickle.loads(pickle.dumps(extended)).extra) == {"devin_mode": "fast"}


@pytest.mark.parametrize(
    ("overrides", "check"),
    [
        ({"created_at": 1704067200.5}, lambda s: s.created_at.microsecond == 500000),
        ({"created_at": "2024-01-01T00:00:00Z"}, lambda s: s.created_at.tzinfo is not None),
        ({"status_detail": None}, lambda s: s.status_detail is None),
        ({"status_detail": "brand_new"}, lambda s: s.status_detail == "brand_new"),
        ({"status": "exit"}, lambda s: s.status is SessionStatus.EXIT),
        ({"tags": [7]}, lambda s: s.tags == ["7"]),
        ({"child_session_ids": None}, lambda s: s.child_session_ids is None),
        ({"child_session_ids": ["devin-2"]}, lambda s: s.child_session_ids == ["devin-2"]),
        ({"pull_requests": []}, lambda s: s.pull_requests == []),
    ],
)
def test_fast_converter_agrees_with_the_hooks_on_uncommon_shapes(
    overrides: dict[str, Any], check: Any
) -> None:
    # The fast path inlines the common wire shapes; everything else goes to the hooks.
    assert check(structure(v3_session(**overrides), SessionResponse))


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", ["running"]), ("status", {"a": 1}), ("created_at", [1]), ("tags", ("a",))],
)
def test_fast_converter_rejects_what_the_hooks_reject(field: str, value: Any) -> None:
    with pytest.raises(DecodeError) as info:
        structure(v3_session(**{field: value}), SessionResponse)
    assert f"$.{field}" in str(info.value)


@pytest.mark.parametrize(
    "payload", [v3_session(), v3_session(devin_mode="fast", title=None, is_archived=True)]
)
def test_models_built_by_filling_slots_equal_those_built_by_init(payload: dict[str, Any]) -> None:
    from devin_async._converter import _detailed, converter
    from devin_async._frozen import fillable_fields

    assert fillable_fields(SessionResponse) is not None  # the fast converter fills slots
    fast = converter.structure(payload, SessionResponse)
    # cattrs' structure calls __init__; == compares every field (extra included)
    assert fast == _detailed.structure(payload, SessionResponse)
    assert repr(fast) == repr(_detailed.structure(payload, SessionResponse))


def test_a_model_that_checks_in_init_is_built_through_init() -> None:
    import attrs

    from devin_async._converter import make_converter
    from devin_async.models._base import Model

    @attrs.frozen(kw_only=True)
    class Checked(Model):
        size: int = attrs.field(validator=attrs.validators.ge(0))

    @attrs.frozen(kw_only=True)
    class Derived(Model):
        size: int
        double: int = attrs.field(init=False)

        def __attrs_post_init__(self) -> None:
            object.__setattr__(self, "double", 2 * self.size)

    from devin_async._frozen import fillable_fields

    assert fillable_fields(Checked) is None and fillable_fields(Derived) is None
    conv = make_converter(detailed=False)
    with pytest.raises(ValueError, match="size"):
        conv.structure({"size": -1}, Checked)
    assert conv.structure({"size": 2}, Derived).double == 4
