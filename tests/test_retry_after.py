"""Parsing Retry-After: seconds, HTTP dates, milliseconds, and values that mean nothing."""

from __future__ import annotations

import pytest

from devin_async._http import case_insensitive
from devin_async._pipeline.retry_after import parse_retry_after

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"Retry-After": " 0.5 "}, 0.5),
        ({"retry-after": "0"}, 0.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:50 GMT"}, 30.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:00:00 GMT"}, 0.0),  # in the past: go now
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"retry-after-ms": "soon", "Retry-After": "9"}, 9.0),
        ({}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-3"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "1e400"}, None),
        ({"retry-after-ms": "inf"}, None),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:50"}, None),  # no zone: not an HTTP date
        ({"RETRY-AFTER": "4"}, 4.0),  # a header's name is case-insensitive
        ({"Retry-After-MS": "250", "retry-after": "9"}, 0.25),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(case_insensitive(headers), now=lambda: NOW) == expected
