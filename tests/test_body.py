"""Request bodies: only what the caller set, with ``None`` kept as a real null."""

from __future__ import annotations

import copy
from datetime import datetime, timezone

from devin_async import NOT_GIVEN, NotGiven
from devin_async._body import body
from devin_async.models import DevinMode, SessionSecret


def test_not_given_is_one_falsy_value() -> None:
    assert NotGiven() is NOT_GIVEN
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"


def test_body_drops_unset_fields_and_keeps_null() -> None:
    at = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert body(
        a=NOT_GIVEN, b=None, c=at, d=DevinMode.FAST, e=[SessionSecret(key="k", value="v")]
    ) == {
        "b": None,
        "c": "2025-01-02T03:04:05+00:00",
        "d": "fast",
        "e": [{"key": "k", "value": "v"}],  # an input model's unset optional fields stay out
    }


def test_a_session_secret_hides_its_value_in_reprs() -> None:
    assert "hunter2" not in repr(SessionSecret(key="DB", value="hunter2", sensitive=True))
